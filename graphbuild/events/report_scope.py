"""Which events of a sentence a report covers, in SOV languages: the cue ("мәлімдеді", "сөзінше")
reaches over its own clause only.  "АҚШ көмек пакетін жариялады, алайда Ресей бұл қадамды айыптады":
the second clause is not told on the first speaker's word, nor the first on the second's."""

from __future__ import annotations

from graphbuild.events.attribution import Report, ends_adverbial_clause
from graphbuild.events.draft import SAID_ACTS, Draft
from graphbuild.events.lexicon import Lexicon
from graphbuild.language.base import Token


def clause_breaks(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[int]:
    """Subordinating words, and the word after a closed time or reason clause ("Ресей Украинаға басып
    кіргелі бері Батыс елдері ... мәлімдеген": the invasion is the background, not what was said)."""
    words = set(lex.raw.get("subordinators", []))
    breaks = {k for k, t in enumerate(tokens) if t.text.lower() in words and k not in used}
    breaks |= {k + 1 for k in range(len(tokens) - 1) if ends_adverbial_clause(tokens, k)}
    return sorted(breaks)


def _covers(cue: int, d: Draft, breaks: list[int]) -> bool:
    lo, hi = (d.trig.end, cue) if cue >= d.trig.end else (cue, d.trig.start)
    return not any(lo <= b < hi for b in breaks)


def scope_reports(drafts: list[Draft], reports: list[Report], breaks: list[int], lex: Lexicon) -> None:
    """Keep in reported_by only the speakers of cues (reports, or speech acts such as an accusation
    whose complement the event is) standing in the event's own clause."""
    if lex.order != "SOV" or not breaks:
        return
    cues = [(r.cue.start, [a.actor for a in r.group]) for r in reports]
    cues += [(o.trig.start, o.source) for o in drafts if o.type in SAID_ACTS]
    for d in drafts:
        if not d.reported_by:
            continue
        covering = {actor for cue, actors in cues if _covers(cue, d, breaks) for actor in actors}
        d.reported_by = [r for r in d.reported_by if r in covering]
