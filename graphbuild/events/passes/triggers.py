"""Pass ``triggers``: event words found by lemma in each sentence (one candidate per trigger).

Words inside organisation names are no triggers ("Collective Security Treaty Organization"), and
set phrases that name no event ("принять участие") block the words they contain.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.passes import Pass
from graphbuild.events.triggers import find_triggers


def run(ctx: DocContext) -> None:
    for sc in ctx.sentences:
        used = {k for a in sc.args if a.mention.kind in ("Organization", "Group") and a.title is None
                for k in range(a.i, a.j)}
        for trig in find_triggers(sc.tokens, ctx.lex, used):
            ctx.candidates.append(Candidate(sc, trig.indices, trig.entry, date=sc.date))


PASS = Pass("triggers", reads=("args", "dates", "lex"), writes=("candidates",), run=run)
