"""Plain word lists in graphbuild/data: one word or phrase a line, '#' starts a comment line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=64)
def word_list(path: Path) -> frozenset[str]:
    """The entries of a word-list file, stripped; empty when the file is absent (a language without it)."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
