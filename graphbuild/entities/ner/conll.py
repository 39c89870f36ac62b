"""Reader for CoNLL-style IOB2 files (one "token tag" per line, blank line between sentences)."""

from __future__ import annotations

from pathlib import Path


def read_iob2(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, tags); raises FileNotFoundError naming the file when it is absent."""
    if not path.is_file():
        raise FileNotFoundError(f"IOB2 file not found: {path}")
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            # The tag is the last column; tokens themselves never contain whitespace here.
            words.append(parts[0])
            tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences
