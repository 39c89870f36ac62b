"""Pass ``dates``: the time each sentence states, or the one its paragraph stated last.

A sentence without a date of its own keeps its paragraph's latest one ("The strikes killed 11."
after "On Monday Russia struck Kyiv."); a new paragraph starts without one.
"""

from __future__ import annotations

from graphbuild.events.context import DocContext
from graphbuild.events.dates import resolve_date
from graphbuild.events.passes import Pass


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


PASS = Pass("dates", reads=("sentences",), writes=("dates",), run=run)
