"""Type and range checks of one output-contract record, field by field, before anything is built.

Types come from the record classes' own annotations (graphbuild.model), so a field added there is
checked here without a second list to keep in step; ranges and shapes (dates, confidences,
offsets) are the table below.  A problem is returned as ``field: problem``.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, Union

from graphbuild.graph.geography import FEATURE_CLASSES, PLACE_PRECISIONS
from graphbuild.ingest.metadata import published_date

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")  # BCP 47 shape: RDF language tags


def _partial_date(value: Any) -> str | None:
    """An ISO date at day, month or year precision ("2023-07-26", "2023-07", "2023")."""
    match = _PARTIAL_DATE.fullmatch(value)
    if not match:
        return "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError as exc:
        return f"not a calendar date ({exc})"
    return None


def _between(low: float, high: float) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low:g} and {high:g}, not {value!r}"
    return check


def _one_of(*allowed: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in allowed else f"must be one of {', '.join(allowed)}, not {value!r}"
    return check


def _published(value: Any) -> str | None:
    return None if published_date(value) == value.strip() else "expected an ISO date or date-time"


def _language_tag(value: Any) -> str | None:
    return None if _LANGUAGE_TAG.fullmatch(value) else f"expected a language tag such as 'kk', not {_short(value)}"


def _name_languages(value: Any) -> str | None:
    bad = next((key for key in value if _LANGUAGE_TAG.fullmatch(key) is None), None)
    return None if bad is None else f"expected language tags as keys, not {_short(bad)}"


def _not_negative(value: Any) -> str | None:
    return None if value >= 0 else f"must not be negative, not {value!r}"


# Checks beyond the type, by field name (the same name means the same thing in every record).
RANGES: dict[str, Callable[[Any], str | None]] = {
    "confidence": _between(0.0, 1.0),
    "goldstein": _between(-10.0, 10.0),
    "date": _partial_date, "start": _partial_date, "end": _partial_date, "as_of": _partial_date,
    "reported_on": _partial_date, "first_reported_on": _partial_date,
    "date_precision": _one_of("day", "month", "year"),
    "published": _published,
    "lang": _language_tag,
    "names": _name_languages,
    "lat": _between(-90.0, 90.0), "lon": _between(-180.0, 180.0),
    "geonames": _not_negative,
    "feature_class": _one_of(*FEATURE_CLASSES),
    "place_precision": _one_of(*PLACE_PRECISIONS),
}
# Offsets are numbers in Evidence; in Role the same names are dates.
OFFSET_FIELDS = {"Evidence": ("start", "end")}


def check_record(cls: type, row: dict[str, Any], prefix: str = "") -> str | None:
    """The first problem of ``row`` as a ``cls`` record (``field: problem``), or None."""
    hints = _hints(cls)
    for field in dataclasses.fields(cls):
        if field.name not in row or (row[field.name] is None and _optional(hints[field.name])):
            continue
        name = f"{prefix}{field.name}"
        value = row[field.name]
        problem = type_problem(value, hints[field.name], name)
        if problem:
            return problem
        if field.name in OFFSET_FIELDS.get(cls.__name__, ()):
            problem = _not_negative(value)
        elif field.name in RANGES and value is not None:
            problem = RANGES[field.name](value)
        if problem:
            return f"{name}: {problem}"
    offsets = OFFSET_FIELDS.get(cls.__name__)
    if offsets and isinstance(row.get(offsets[0]), int) and isinstance(row.get(offsets[1]), int) \
            and row[offsets[0]] > row[offsets[1]]:
        return f"{prefix}{offsets[1]}: ends before {offsets[0]}"
    return None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(hint: Any) -> bool:
    return _is_union(hint) and type(None) in typing.get_args(hint)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (Union, types.UnionType)


def type_problem(value: Any, hint: Any, name: str) -> str | None:
    """``name: problem`` when ``value`` (parsed JSON) is not of type ``hint``, else None."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if _is_union(hint):
        problems = [type_problem(value, option, name) for option in args]
        return None if None in problems else problems[0]
    if hint is type(None):
        return None if value is None else f"{name}: expected null, got {_json_type(value)}"
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            return f"{name}: expected an object, got {_json_type(value)}"
        return check_record(hint, value, f"{name}.")  # type: ignore[arg-type]
    if origin is list:
        if not isinstance(value, list):
            return f"{name}: expected a list, got {_json_type(value)}"
        for index, item in enumerate(value):
            problem = type_problem(item, args[0], f"{name}[{index}]")
            if problem:
                return problem
        return None
    if origin is dict:
        if not isinstance(value, dict):
            return f"{name}: expected an object, got {_json_type(value)}"
        for key, item in value.items():
            problem = type_problem(item, args[1], f"{name}.{key}")
            if problem:
                return problem
        return None
    return _scalar_problem(value, hint, name)


def _scalar_problem(value: Any, hint: Any, name: str) -> str | None:
    if hint is str:
        return None if isinstance(value, str) else f"{name}: expected text, got {_json_type(value)}"
    if hint is bool:
        return None if isinstance(value, bool) else f"{name}: expected true or false, got {_json_type(value)}"
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"{name}: expected a whole number, got {_json_type(value)}"
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{name}: expected a number, got {_json_type(value)}"
        return None if math.isfinite(value) else f"{name}: expected a finite number, got {value!r}"
    if hint is Any:
        return None
    raise TypeError(f"record check has no rule for {hint!r} ({name})")


def _json_type(value: Any) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
             dict: "an object", type(None): "null"}
    spelled = kinds.get(type(value), type(value).__name__)
    return f"{spelled} {_short(value)}" if isinstance(value, str | int | float) else spelled


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
