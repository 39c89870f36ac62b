"""Cyrillic -> Latin transliteration for Russian and Kazakh names (tables in data/kb/translit_*.tsv)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
# Letters after which a "word-start" variant applies (ye for е in Russian, as in BGN/PCGN).
_VOWELS_AND_SIGNS = set("аеёиоуыэюяәөұүіъь")


@cache
def _table(lang: str) -> dict[str, tuple[str, str]]:
    path = DATA_DIR / f"translit_{lang}.tsv"
    if not path.exists():
        raise ValueError(f"no transliteration table for language {lang!r} ({path})")
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        default = cols[1] if len(cols) > 1 else ""
        initial = cols[2] if len(cols) > 2 and cols[2] else default
        table[cols[0]] = (default, initial)
    return table


def _cased(latin: str, upper: bool, whole_upper: bool) -> str:
    if not upper or not latin:
        return latin
    return latin.upper() if whole_upper else latin[0].upper() + latin[1:]


def to_latin(text: str, lang: str) -> str:
    """Transliterate ``text`` (Russian or Kazakh Cyrillic) to Latin; other characters pass through."""
    table = _table(lang)
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        entry = table.get(low)
        if entry is None:
            out.append(ch)
            prev = low
            continue
        at_start = not prev.isalpha() or prev in _VOWELS_AND_SIGNS
        latin = entry[1] if at_start else entry[0]
        upper = ch != low
        # An all-caps neighbour (abbreviation such as ЕО, БҰҰ) keeps the whole digraph upper-case.
        nxt = text[i + 1] if i + 1 < len(text) else ""
        whole_upper = upper and (nxt.isupper() or (prev.isalpha() and text[i - 1].isupper()))
        out.append(_cased(latin, upper, whole_upper))
        prev = low
    return "".join(out)


def latin_form(text: str, lang: str) -> str:
    """``text`` in Latin letters: transliterated when ``lang`` has a table, else as written."""
    return to_latin(text, lang) if (DATA_DIR / f"translit_{lang}.tsv").exists() else text
