"""Sorting more records than fit in memory: sorted runs on disk, merged.

Exports that must come out in one global order (the RDF files are written from statements sorted
once) add (key, value) pairs here; every ``run_size`` pairs are sorted in memory and written to a
run file in a scratch folder, and reading merges the runs. A graph small enough for one run never
touches the disk, so small and large builds take the same path and give the same order.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Pairs held before a run is written: about 100 MB of short strings.
RUN_SIZE = 200_000
# Pairs per pickled chunk of a run file: reading a run holds one chunk.
_CHUNK = 2_000


class SortedRuns:
    """(key, value) pairs in key order, each key once (its first value); use as a context manager,
    which removes the run files."""

    def __init__(self, scratch: Path, run_size: int | None = None) -> None:
        self._scratch, self._run_size = Path(scratch), run_size or RUN_SIZE
        self._pending: dict[str, str] = {}
        self._runs: list[Path] = []
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> SortedRuns:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def add(self, key: str, value: str) -> None:
        self._pending.setdefault(key, value)
        if len(self._pending) >= self._run_size:
            self._write_run()

    def __iter__(self) -> Iterator[str]:
        """Values in key order, a key added several times once."""
        runs = [_read_run(path) for path in self._runs]
        if self._pending:
            runs.append(iter(sorted(self._pending.items())))
        last: str | None = None
        for key, value in heapq.merge(*runs):
            if key != last:
                last = key
                yield value

    def _write_run(self) -> None:
        if self._folder is None:  # hidden and named as a temporary file, should a kill leave it
            self._folder = tempfile.TemporaryDirectory(prefix=".sort.", suffix=".tmp", dir=self._scratch)
        path = Path(self._folder.name) / f"run{len(self._runs):05d}"
        ordered = sorted(self._pending.items())
        self._pending = {}
        with path.open("wb") as handle:
            for start in range(0, len(ordered), _CHUNK):
                pickle.dump(ordered[start:start + _CHUNK], handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)


def _read_run(path: Path) -> Iterator[tuple[str, str]]:
    with path.open("rb") as handle:
        yield from _chunks(handle)


def _chunks(handle: IO[bytes]) -> Iterator[tuple[str, str]]:
    while True:
        try:
            chunk: list[tuple[str, str]] = pickle.load(handle)
        except EOFError:
            return
        yield from chunk
