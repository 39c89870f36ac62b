"""Where the merge looks for an event's earlier tellings: event ids by type and participants, then by
the year of their date ("" for undated), in the order the events arrived.

Two keepers of the same index: a dict for graphs held in memory, and a table in the spill store's
SQLite file for graphs spilled to disk (graph/spill.py). The merge itself (which candidate an
event joins) is decided once, in KnowledgeGraph.add_event; these only remember and answer.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Protocol

EventKey = tuple[str, tuple[str, ...], tuple[str, ...]]


class EventIndex(Protocol):
    def years(self, key: EventKey) -> set[str]:
        """The years (and "" for undated) under which events of ``key`` are filed."""

    def candidates(self, key: EventKey, years: set[str]) -> list[str]:
        """Ids of events of ``key`` filed under ``years``, earliest arrival first."""

    def file(self, key: EventKey, year: str, event_id: str) -> None:
        """File a newly stored event (its arrival is now)."""

    def move(self, key: EventKey, event_id: str, old_year: str, new_year: str) -> None:
        """Re-file an event whose year changed (it keeps its arrival)."""

    def forget(self, key: EventKey, event_id: str) -> None:
        """Drop an event from the index."""


class MemoryEventIndex:
    """The index as dicts: key -> year -> ids, and each id's arrival number."""

    def __init__(self) -> None:
        self._by_key: dict[EventKey, dict[str, list[str]]] = {}
        self._arrival: dict[str, int] = {}

    def years(self, key: EventKey) -> set[str]:
        return set(self._by_key.get(key, {}))

    def candidates(self, key: EventKey, years: set[str]) -> list[str]:
        buckets = self._by_key.get(key, {})
        return sorted((i for y in years for i in buckets.get(y, [])), key=self._arrival.__getitem__)

    def file(self, key: EventKey, year: str, event_id: str) -> None:
        self._by_key.setdefault(key, {}).setdefault(year, []).append(event_id)
        self._arrival[event_id] = len(self._arrival)

    def move(self, key: EventKey, event_id: str, old_year: str, new_year: str) -> None:
        self._by_key[key][old_year].remove(event_id)
        self._by_key[key].setdefault(new_year, []).append(event_id)

    def forget(self, key: EventKey, event_id: str) -> None:
        for ids in self._by_key.get(key, {}).values():
            if event_id in ids:
                ids.remove(event_id)
        self._arrival.pop(event_id, None)


class SqliteEventIndex:
    """The same index as a table, so its size on the heap does not grow with the corpus."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute("CREATE TABLE IF NOT EXISTS event_index (key TEXT NOT NULL, year TEXT NOT NULL, "
                   "id TEXT NOT NULL, arrival INTEGER PRIMARY KEY)")
        db.execute("CREATE INDEX IF NOT EXISTS event_index_key ON event_index (key, year)")
        # Arrival numbers keep counting past forgotten events, as the in-memory counter does not need to:
        # only their order matters.
        self._next = (db.execute("SELECT MAX(arrival) FROM event_index").fetchone()[0] or 0) + 1

    @staticmethod
    def _text(key: EventKey) -> str:
        return json.dumps(key, ensure_ascii=False, separators=(",", ":"))

    def years(self, key: EventKey) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT year FROM event_index WHERE key = ?", (self._text(key),))
        return {year for (year,) in rows}

    def candidates(self, key: EventKey, years: set[str]) -> list[str]:
        if not years:
            return []
        marks = ",".join("?" * len(years))
        rows = self._db.execute(f"SELECT id FROM event_index WHERE key = ? AND year IN ({marks}) "
                                "ORDER BY arrival", (self._text(key), *sorted(years)))
        return [event_id for (event_id,) in rows]

    def file(self, key: EventKey, year: str, event_id: str) -> None:
        self._db.execute("INSERT INTO event_index (key, year, id, arrival) VALUES (?, ?, ?, ?)",
                         (self._text(key), year, event_id, self._next))
        self._next += 1

    def move(self, key: EventKey, event_id: str, old_year: str, new_year: str) -> None:
        self._db.execute("UPDATE event_index SET year = ? WHERE key = ? AND year = ? AND id = ?",
                         (new_year, self._text(key), old_year, event_id))

    def forget(self, key: EventKey, event_id: str) -> None:
        self._db.execute("DELETE FROM event_index WHERE key = ? AND id = ?", (self._text(key), event_id))
