"""Datelines written in title case ("Брюссель, 2023 жылғы 14 желтоқсан.", "Москва, 9 июля 2024 года.").

``language.segment.is_dateline`` knows the wire style, a place in capitals ("АСТАНА.", "BRUSSELS/SEOUL,
Oct 28 -"). Plain-text articles with no metadata often open with the place in title case and a date
instead, a sentence of their own; its place is where the story was filed, not an actor of it.
"""

from __future__ import annotations

import re

from graphbuild.language.segment import is_dateline

# One to three capitalised words (hyphenated parts allowed: "Нұр-Сұлтан"), maybe joined by "/", then
# a comma and one or two short comma parts of which the first has a digit (the date), then a full stop.
_WORD = r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)*"
_TITLE_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ /]{_WORD}){{0,2}}),[ \t]*(?=[^,\n.!?]*\d)[^,\n.!?]{{1,30}}(?:,[ \t]*[^,\n.!?]{{1,12}})?\."
)
_MAX = 60


def is_any_dateline(text: str, before: str = "\n") -> bool:
    """A wire dateline (``is_dateline``), or one whose place is written in title case that opens a line
    (``before``: the document's text before the sentence)."""
    if is_dateline(text):
        return True
    if before.rstrip(" \t")[-1:] not in ("", "\n"):
        return False
    text = text.strip()
    match = _TITLE_DATELINE.fullmatch(text) if len(text) <= _MAX else None
    return bool(match) and all(w[0].isupper() for w in re.split(r"[ /]", match.group("place")))
