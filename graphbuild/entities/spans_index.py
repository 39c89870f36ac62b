"""Overlap and containment look-ups over character spans in O(log n) each.

Linking asks, for every recogniser span of a document, whether a knowledge-base mention already
covers it and which sentence holds it; scanning every span for every span made long documents
quadratic (issue 12).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class OverlapIndex:
    """Half-open spans ``(start, end)``, given in any order."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end among the first k

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span ``(s, e)`` has ``s < end`` and ``start < e``."""
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


def containing(items: Sequence[S], starts: Sequence[int], offset: int) -> S | None:
    """The item of ``items`` (non-overlapping, sorted by start; ``starts`` their starts) holding ``offset``."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and items[index].start <= offset < items[index].end:
        return items[index]
    return None
