"""Tellings: one article's account of an event, and how tellings decide what an event is.

The rules are written in docs/contract.md ("Events and tellings"):

- within one article, re-mentions of an event are one telling (:func:`merge_into_telling`);
- tellings of different articles are never merged; an event's mode is an aggregate of them
  (:func:`aggregate_mode`);
- an event takes in a telling of another article when type and participants agree, objects do
  not conflict and dates are compatible (:func:`dates_compatible`); never one its own articles
  keep apart (:func:`kept_apart`).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from graphbuild.model import CONTESTED, Event, Evidence, Telling

# An undated telling joins a dated event whose date lies at most this long before its article's
# date: news tells an event days or weeks after it happened, not months ("the visit", in an
# article of 10 August, is the visit of July; in an article of the next year it is another one).
UNDATED_WINDOW = timedelta(days=31)

# Within one article, a telling's mode is the strongest its sentences give: an article that tells a
# claim and its denial tells a denied claim; one that states it in its own voice (a headline) and
# attributes it in the body asserts it.
_WITHIN_ARTICLE_RANK = {"planned": 0, "reported": 1, "asserted": 2, "negated": 3, "denied": 4}
_AFFIRMING = frozenset({"asserted", "reported"})
_CONTRADICTING = frozenset({"denied", "negated"})
# Across articles, with no contest: the first of these that some telling has.
_AGGREGATE_ORDER = ("asserted", "reported", "denied", "negated", "planned")
_PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}


def aggregate_mode(modes: list[str]) -> str:
    """The event's mode from its tellings' modes (docs/contract.md gives the rule)."""
    present = set(modes)
    if present & _AFFIRMING and present & _CONTRADICTING:
        return CONTESTED
    return next((m for m in _AGGREGATE_ORDER if m in present), "asserted")


def _day(value: str | None) -> date | None:
    """The first day of an ISO day, month or year (None when absent or unreadable)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year, month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def date_span(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO day ("2023-07-26"), month ("2023-07") or year ("2023")."""
    start = _day(value)
    if start is None:
        return None
    pieces = len(value[:10].split("-"))
    if pieces == 1:
        return start, date(start.year, 12, 31)
    if pieces == 2:
        return start, date(start.year, start.month, monthrange(start.year, start.month)[1])
    return start, start


def _within_window(event_date: str, reported_on: str | None) -> bool:
    """An article of ``reported_on`` may tell an event of ``event_date`` without dating it."""
    span, told = date_span(event_date), _day(reported_on)
    if span is None or told is None:
        return False
    return span[0] <= told <= span[1] + UNDATED_WINDOW


def dates_compatible(a: Event, b: Event) -> bool:
    """Can ``a`` and ``b`` (same type and participants) be one event, as far as dates say?

    Two stated dates agree when one contains the other ("2023-07" and "2023-07-26"). An undated
    side agrees with a date when each of its articles appeared within UNDATED_WINDOW after it; two
    undated sides agree when their articles appeared within UNDATED_WINDOW of each other. A side
    whose articles carry no date bounds nothing and agrees with an undated side only.
    """
    if a.date and b.date:
        return a.date.startswith(b.date) or b.date.startswith(a.date)
    if not a.date and not b.date:
        days_a = [d for d in (_day(t.reported_on) for t in a.tellings) if d]
        days_b = [d for d in (_day(t.reported_on) for t in b.tellings) if d]
        if not days_a or not days_b:
            return True
        return any(abs(x - y) <= UNDATED_WINDOW for x in days_a for y in days_b)
    dated, undated = (a, b) if a.date else (b, a)
    assert dated.date is not None
    return bool(undated.tellings) and all(_within_window(dated.date, t.reported_on) for t in undated.tellings)


def kept_apart(stored: Event, event: Event) -> bool:
    """Does an article that tells both keep them apart? Within one article the event stage decides
    which mentions are one event: a telling of another date there is another event."""
    mine = {t.document: t for t in stored.tellings}
    return any(t.document in mine and mine[t.document].date != t.date for t in event.tellings)


def objects_compatible(a: Event, b: Event) -> bool:
    """Two stated objects that differ ("arms", "food") are two events."""
    return not a.object or not b.object or a.object.lower() == b.object.lower()


def telling_of(event: Event, document: str, reported_on: str | None) -> Telling:
    """The telling of ``document`` for an event record that carries none (records of other tools, events
    built by hand): the event's own fields are all the record says of that article. Loading refuses a
    contested record without tellings, so the mode is one of a telling's."""
    return Telling(document=document, mode=event.mode,
                   reported_by=sorted(set(event.reported_by)), date=event.date,
                   date_precision=event.date_precision, reported_on=reported_on,
                   evidence=[e for e in event.evidence if e.document == document], confidence=event.confidence)


def _evidence_union(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    return sorted({e.id: e for e in a + b}.values(), key=lambda e: e.id)


def merge_into_telling(known: Telling, other: Telling) -> None:
    """Fold a re-mention (same article) into ``known``."""
    known.reported_by = sorted(set(known.reported_by) | set(other.reported_by))
    known.via = sorted(set(known.via) | set(other.via))
    known.evidence = _evidence_union(known.evidence, other.evidence)
    if _WITHIN_ARTICLE_RANK.get(other.mode, 0) > _WITHIN_ARTICLE_RANK.get(known.mode, 0):
        known.mode = other.mode
    if more_precise(known.date, known.date_precision, other.date, other.date_precision):
        known.date, known.date_precision, known.date_text = other.date, other.date_precision, other.date_text
    known.date_text = known.date_text or other.date_text
    known.reported_on = known.reported_on or other.reported_on
    known.confidence = max(known.confidence, other.confidence)


def more_precise(current: str | None, current_precision: str | None, new: str | None,
                 new_precision: str | None) -> bool:
    """Does ``new`` say more than ``current`` (a date where there was none, or a finer one)?"""
    if not new:
        return False
    if not current:
        return True
    return _rank(new, new_precision) > _rank(current, current_precision) and new.startswith(current)


def _rank(value: str, precision: str | None) -> int:
    return _PRECISION_RANK[precision] if precision in _PRECISION_RANK and precision else len(value[:10].split("-"))
