"""Article metadata checked at ingest: text fields must be text, ``published`` an ISO date.

A value that fails is dropped with a warning naming the field, so it can never reach the RDF
export as an invalid ``xsd:date`` or turn a list into its Python spelling.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_OTHER_DAY_FORMATS = ("%d.%m.%Y", "%Y/%m/%d", "%Y.%m.%d")


def published_date(value: str) -> str | None:
    """``value`` if it is a valid ISO date or date-time, else the ISO date it spells, else None."""
    value = value.strip()
    if _ISO_DAY.fullmatch(value):
        return value if _valid(lambda: date.fromisoformat(value)) else None
    if _ISO_DATETIME.match(value):
        # Python before 3.11 does not read a trailing "Z"; it means UTC.
        spelled = value[:-1] + "+00:00" if value.endswith("Z") else value
        return value if _valid(lambda: datetime.fromisoformat(spelled)) else None
    for layout in _OTHER_DAY_FORMATS:
        try:
            return datetime.strptime(value, layout).date().isoformat()
        except ValueError:
            continue
    try:  # "Wed, 30 Aug 2023 10:00:00 +0000", as RSS feeds give it
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid(parse: Any) -> bool:
    try:
        parse()
    except ValueError:
        return False
    return True


def text_field(name: str, value: Any, warnings: list[str]) -> str | None:
    """A metadata value that must be text: strings pass, anything else is dropped with a warning."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    warnings.append(f"{name} is {type(value).__name__}, not text; ignored")
    return None


def checked_published(value: str | None, warnings: list[str]) -> str | None:
    """``published`` as an ISO date (or date-time as given), or None with a warning."""
    if value is None:
        return None
    iso = published_date(value)
    if iso is None:
        warnings.append(f"published {value[:60]!r} is not a date; ignored")
    return iso
