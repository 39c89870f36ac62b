"""Pass ``talks``: what the sides of a meeting discussed is that meeting, not a negotiation of its own.

"В среду Шойгу встретился с Ким Чен Ыном ... стороны обсудили вопросы обороны": the discussion is the
content of the meeting told just before (the gold convention: "discussed gas supplies" during leaders'
talks is the MEET only, tests/data/dev2/README.md).  An act told with one of the coreference lexicon's
``talk_words`` whose sides (named, or given by the discourse pass for "the sides") are all among the
sides of a meeting told in the same or one of the two sentences before folds into that meeting, as a
re-mention does (``event_coref.fold``): the meeting gains its evidence.  An intended or denied
discussion ("agreed to discuss") stays an act of its own.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.coref.lexicon import coref_lexicon
from graphbuild.events.lexicon import compile_patterns, find_matches
from graphbuild.events.passes import Pass
from graphbuild.events.passes.event_coref import event_of, fold

# Sentences back (besides its own) a discussion looks for the meeting it tells of.
REACH = 2


def _unreal(c: Candidate) -> bool:
    return c.planned or c.negated or c.denied


def _meeting(c: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The latest real meeting, told at most ``REACH`` sentences before ``c``, whose sides hold all of ``c``'s."""
    for o in reversed(earlier):
        told = max([o.sent.index, *(s.index for s in o.extra_evidence)])
        if o.type == "MEET" and not _unreal(o) and 0 <= c.sent.index - told <= REACH \
                and c.participants <= o.participants:
            return o
    return None


def run(ctx: DocContext) -> None:
    patterns = compile_patterns(coref_lexicon(ctx.lex.lang).talk_words)
    if not patterns:
        return
    kept: list[Candidate] = []
    referenced = {id(o.about) for o in ctx.candidates if o.about is not None}  # a denied talk keeps its event
    for c in ctx.candidates:
        talk = c.type != "MEET" and c.participants and not _unreal(c) and id(c) not in referenced and find_matches(
            [c.sent.tokens[k] for k in c.indices], patterns, set())
        meeting = _meeting(c, kept) if talk else None
        if meeting is None:
            kept.append(c)
            continue
        fold(c, event_of(meeting))
        ctx.folded.append(c)
    ctx.candidates = kept


PASS = Pass("talks", reads=("candidates", "folded", "source", "target"), writes=("candidates", "folded"), run=run)
