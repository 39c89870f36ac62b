"""Pass ``dates``: the time each sentence states, or the one its paragraph stated last.

A sentence without a date of its own keeps its paragraph's latest one ("The strikes killed 11."
after "On Monday Russia struck Kyiv."); a new paragraph starts without one. An act takes the date of
its sentence without the clauses that describe a noun it does not stand in ("agreed on Wednesday to
resume communications, cut off by Beijing in August 2022": Wednesday) when those words give one.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.dates import resolve_date
from graphbuild.events.passes import Pass
from graphbuild.language.tree import Tree, base

Date = tuple[str | None, str | None]


def run(ctx: DocContext) -> None:
    last: tuple[str | None, str | None] = (None, None)
    last_end: int | None = None
    for sc in ctx.sentences:
        s = sc.sentence
        own = resolve_date(s, ctx.doc.lang, ctx.doc.published)
        same_paragraph = last_end is not None and "\n" not in ctx.doc.text[last_end:s.start]
        if own[0] is not None:
            last = own
        elif not same_paragraph:
            last = (None, None)
        sc.date = last
        last_end = s.end


def _reduced_passive(tree: Tree, k: int) -> bool:
    """"..., cut off by Beijing in August 2022": a participle clause without subject or auxiliary
    describes something named before, with a time of its own (parsers often hang it on the verb)."""
    token = tree.tokens[k]
    return base(tree.rel(k)) == "advcl" and token.feats.get("VerbForm") == "Part" \
        and token.feats.get("Tense") == "Past" and not tree.deps(k, "nsubj", "aux", "mark")


def clause_date(c: Candidate, lang: str, published: str | None) -> Date:
    """The date of ``c``'s sentence read without the noun-describing clauses and the coordinated verbs
    (each telling an act of its own) the trigger is not in."""
    tree, tokens = c.sent.tree, c.sent.tokens
    if not tree.parsed:
        return c.sent.date
    skip: set[int] = set()
    for k in range(len(tokens)):
        clause = base(tree.rel(k)) == "acl" or (base(tree.rel(k)) == "conj" and tokens[k].pos == "VERB") \
            or _reduced_passive(tree, k)
        if clause and c.head not in tree.subtree(k):
            skip |= tree.subtree(k)
    if not skip:
        return c.sent.date
    own = resolve_date([t for k, t in enumerate(tokens) if k not in skip], lang, published)
    return own if own[0] is not None else c.sent.date


PASS = Pass("dates", reads=("sentences",), writes=("dates",), run=run)
