"""The event stage as named passes over one :class:`~graphbuild.events.context.DocContext`.

Each pass declares the context fields it reads and writes; ``run_passes`` runs them in order and
checks that nothing reads a field no earlier pass (or the context's construction) provides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graphbuild.events.context import DocContext

# Fields every context has from its construction (the document, its parsed sentences, mentions).
GIVEN: frozenset[str] = frozenset({"doc", "kb", "lex", "sentences", "mentions"})


@dataclass(frozen=True)
class Pass:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[DocContext], None]


def run_passes(ctx: DocContext, passes: list[Pass]) -> DocContext:
    available = set(GIVEN)
    for p in passes:
        missing = [r for r in p.reads if r not in available]
        if missing:
            raise ValueError(f"event pass {p.name!r} reads {', '.join(missing)} that no earlier pass writes")
        p.run(ctx)
        available.update(p.writes)
    return ctx


def default_passes() -> list[Pass]:
    """The passes in the order the event stage runs them."""
    from graphbuild.events.passes import (
        arguments,
        build,
        coreference,
        dates,
        discourse,
        event_coref,
        links,
        mentions,
        modality,
        readiness,
        speakers,
        talks,
        triggers,
    )

    return [mentions.PASS, dates.PASS, coreference.PASS, triggers.PASS, arguments.PASS, readiness.PASS, speakers.PASS,
            modality.PASS, event_coref.PASS, links.PASS, discourse.PASS, talks.PASS, build.PASS]


def passes_through(name: str) -> list[Pass]:
    """The default passes up to and including the one called ``name`` (what a reader of one pass's
    result, such as the coreference benchmark or the Kazakh pattern stage, runs)."""
    passes = default_passes()
    return passes[:next(n for n, p in enumerate(passes) if p.name == name) + 1]
