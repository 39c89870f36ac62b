"""Dyad series: events per actor pair per month, the table a conflict analyst plots first.

A symmetric type (MEET, NEGOTIATE, AGREE, COOPERATE: every participant is both source and target)
counts once per unordered pair, as (actor_a, actor_b) with actor_a < actor_b and directed false;
any other type once per ordered (source, target) pair with directed true. An event's month is that
of its date when the date is known to the day or month; otherwise (undated, or dated to the year
only) it is the month of the earliest publication date among the articles telling it, and the row
counts it in ``month_from_report``. An event with neither is in no dyad row. Rows are per pair,
month, event type and mode, with the sum and mean of the events' Goldstein scores (the mean over
the events that have one). queries/dyads.cypher and queries/dyads.rq give the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.model import EVENT_TYPES, Event

DYAD_COLUMNS: tuple[str, ...] = ("actor_a", "actor_b", "directed", "month", "type", "mode", "events",
                                 "goldstein_sum", "goldstein_mean", "month_from_report")
# Precisions whose date names its month; a year alone does not.
_MONTH_PRECISIONS = ("day", "month")


@dataclass
class _Cell:
    events: int = 0
    scored: int = 0  # events with a Goldstein score
    goldstein_sum: float = 0.0
    month_from_report: int = 0


def event_month(graph: KnowledgeGraph, event: Event) -> tuple[str | None, bool]:
    """The month (YYYY-MM) an event counts in, and whether it came from the articles' dates."""
    if event.date and event.date_precision in _MONTH_PRECISIONS:
        return event.date[:7], False
    published = [graph.documents[d].published for d in event.documents if d in graph.documents]
    months = [p[:7] for p in published if p]
    return (min(months), True) if months else (None, False)


def dyad_rows(graph: KnowledgeGraph) -> list[dict[str, object]]:
    """One row per (actor_a, actor_b, month, type, mode), sorted; columns as DYAD_COLUMNS."""
    cells: dict[tuple[str, str, bool, str, str, str], _Cell] = {}
    for event in graph.sorted_events():
        month, from_report = event_month(graph, event)
        if month is None:
            continue
        directed = not EVENT_TYPES[event.type].symmetric
        for a, b in graph.edge_pairs(event):  # symmetric pairs come sorted, once each
            cell = cells.setdefault((a, b, directed, month, event.type, event.mode), _Cell())
            cell.events += 1
            cell.month_from_report += from_report
            if event.goldstein is not None:
                cell.scored += 1
                cell.goldstein_sum += float(event.goldstein)
    return [{"actor_a": a, "actor_b": b, "directed": directed, "month": month, "type": event_type, "mode": mode,
             "events": cell.events, "goldstein_sum": cell.goldstein_sum,
             "goldstein_mean": cell.goldstein_sum / cell.scored if cell.scored else None,
             "month_from_report": cell.month_from_report}
            for (a, b, directed, month, event_type, mode), cell in sorted(cells.items())]
