"""The merged graph's records kept on disk, so a build's memory does not grow with its corpus.

A :class:`RecordMap` is a dict of id -> record (Document, Actor, Role, Event) backed by one table
of a SQLite file, with the most recently used records kept as objects. KnowledgeGraph holds four of
them instead of dicts when a build spills (``KnowledgeGraph.spilled``): its merge code is the same
code, reading and changing records through the mapping. Records handed out are written back when
they leave the cache, so a record changed in place (as the merge does) keeps its changes as long as
fewer than ``cache_size`` other records are touched meanwhile; every merge step touches a handful.

Iteration follows insertion order, as a dict's does; :meth:`RecordMap.sorted_values` reads the
records in id order (SQLite compares TEXT bytewise, which for UTF-8 is Python's str order) without
caching them: that is the read path of the exports.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Rows read per query while iterating: large enough to amortise the query, small enough to stay flat.
_PAGE = 512


def open_spill(path: Path) -> sqlite3.Connection:
    """The spill file, tuned for a scratch store: no journal, no fsync (a crash loses only the build)."""
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA temp_store = FILE")
    db.execute("PRAGMA cache_size = -32000")  # 32 MB of pages
    db.execute("BEGIN")  # one open transaction: committing every statement would cost a write each
    return db


class RecordMap(MutableMapping[str, T], Generic[T]):
    """id -> record in table ``table`` of ``db``; see the module's docstring."""

    def __init__(self, db: sqlite3.Connection, table: str, cache_size: int = 4096) -> None:
        self._db, self._table, self._cache_size = db, table, cache_size
        # Each cached record with the bytes the table holds for it: one that comes back unchanged
        # when it leaves the cache is not written again (the exports only read).
        self._cache: OrderedDict[str, tuple[T, bytes | None]] = OrderedDict()
        db.execute(f"CREATE TABLE IF NOT EXISTS {table} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
                   "body BLOB NOT NULL)")

    # -- the mapping -------------------------------------------------------------------
    def __getitem__(self, key: str) -> T:
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found[0]
        row = self._db.execute(f"SELECT body FROM {self._table} WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        record: T = pickle.loads(row[0])
        self._keep(key, record, row[0])
        return record

    def __setitem__(self, key: str, record: T) -> None:
        body = None
        if key not in self:  # claim its place in insertion order now
            body = _dump(record)
            self._db.execute(f"INSERT INTO {self._table} (id, body) VALUES (?, ?)", (key, body))
        self._cache.pop(key, None)
        self._keep(key, record, body)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._cache.pop(key, None)
        self._db.execute(f"DELETE FROM {self._table} WHERE id = ?", (key,))

    def __contains__(self, key: object) -> bool:
        if key in self._cache:
            return True
        return self._db.execute(f"SELECT 1 FROM {self._table} WHERE id = ?", (key,)).fetchone() is not None

    def __len__(self) -> int:
        return int(self._db.execute(f"SELECT COUNT(*) FROM {self._table}").fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        """Ids in insertion order, read a page at a time (the map may change between pages)."""
        for page in self._pages("seq, id", "seq", -1):
            yield from (key for _seq, key in page)

    # -- reading in id order -----------------------------------------------------------
    def sorted_values(self) -> Iterator[T]:
        """Every record in id order, the cached object where there is one, others read fresh and not kept."""
        for page in self._pages("id, body", "id", ""):  # ids are never empty
            for key, body in page:
                cached = self._cache.get(key)
                yield cached[0] if cached is not None else pickle.loads(body)

    def _pages(self, columns: str, order: str, start: object) -> Iterator[list[tuple[Any, Any]]]:
        """Rows of ``columns`` by the key column ``order`` (their first column), a page at a time, each
        page starting after the last key of the one before."""
        last = start
        while True:
            page = self._db.execute(f"SELECT {columns} FROM {self._table} WHERE {order} > ? ORDER BY {order} "
                                    "LIMIT ?", (last, _PAGE)).fetchall()
            if not page:
                return
            last = page[-1][0]
            yield page

    # -- the cache ---------------------------------------------------------------------
    def _keep(self, key: str, record: T, stored: bytes | None) -> None:
        self._cache[key] = (record, stored)
        while len(self._cache) > self._cache_size:
            old_key, (old, old_stored) = self._cache.popitem(last=False)
            self._write_back(old_key, old, old_stored)

    def _write_back(self, key: str, record: T, stored: bytes | None) -> None:
        body = _dump(record)
        if body != stored:
            self._db.execute(f"UPDATE {self._table} SET body = ? WHERE id = ?", (body, key))


def _dump(record: object) -> bytes:
    return pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
