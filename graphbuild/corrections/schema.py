"""Read and check a corrections file (docs/corrections.md): a YAML list of corrections, each a
mapping with one kind key (merge, split, alias, retype, drop, fix_role) and an optional ``why``.

Everything is checked before any article is read; a problem is one line naming the file, the
line and what is wrong (``corrections.yaml:7: retype: unknown event type 'MEETING' ...``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graphbuild.model import ACTOR_KINDS, EVENT_TYPES

KB_LANGS: tuple[str, ...] = ("en", "ru", "kk")
PARTICIPANT_ROLES: tuple[str, ...] = ("source", "target", "reported_by")

# Per kind: required fields and optional fields, each with the type it must have.
_ID, _IDS, _TEXT, _NAMES = "an actor or event id", "a list of ids", "a text", "a mapping {lang: [names]}"
FIELDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "merge": ({"into": _ID, "actors": _IDS}, {}),
    "split": ({"actor": _ID, "name": _TEXT, "to": _ID}, {"label": _TEXT, "kind": _TEXT}),
    "alias": ({"actor": _ID, "names": _NAMES}, {"label": _TEXT, "kind": _TEXT}),
    "retype": ({"event": _ID, "type": _TEXT}, {}),
    "drop": ({"event": _ID}, {}),
    "fix_role": ({"event": _ID}, {"source": _IDS, "target": _IDS, "reported_by": _IDS}),
}


class CorrectionError(ValueError):
    """A corrections file that cannot be used; the message names the file and line."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


@dataclass(frozen=True)
class Correction:
    kind: str  # a key of FIELDS
    values: dict[str, Any]  # its fields, checked
    line: int  # where it starts in the file
    why: str | None = None


@dataclass(frozen=True)
class Corrections:
    path: Path  # as the user gave it (recorded in the output)
    sha256: str  # of the file's bytes: which version of the file a build applied
    items: tuple[Correction, ...] = field(default_factory=tuple)


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on."""

    line = 0


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    keys = [loader.construct_object(key, deep=True) for key, _ in node.value]
    duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
    if duplicates:  # PyYAML would silently keep the last one
        raise yaml.constructor.ConstructorError(None, None, f"key {duplicates[0]!r} given twice", node.start_mark)
    mapping = _Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_corrections(path: Path) -> Corrections:
    """The checked corrections of ``path`` (raises CorrectionError)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorrectionError(path, None, f"cannot read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorrectionError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    try:
        loaded = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: no Python objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise CorrectionError(path, mark.line + 1 if mark else None,
                              f"not valid YAML ({exc.problem or exc.context})") from exc
    except yaml.YAMLError as exc:
        raise CorrectionError(path, None, f"not valid YAML ({exc})") from exc
    if loaded is None:
        loaded = []
    if not isinstance(loaded, list):
        raise CorrectionError(path, getattr(loaded, "line", 1), "expected a list of corrections ('- merge: ...')")
    items = tuple(_correction(item, path) for item in loaded)
    return Corrections(path, hashlib.sha256(data).hexdigest(), items)


def _correction(item: Any, path: Path) -> Correction:
    if not isinstance(item, _Mapping):
        raise CorrectionError(path, None, f"each correction must be a mapping like 'merge: {{...}}', not {item!r}")
    kinds = [k for k in item if k != "why"]
    if len(kinds) != 1 or kinds[0] not in FIELDS:
        raise CorrectionError(path, item.line, f"a correction needs exactly one of {', '.join(FIELDS)} "
                                               f"(found: {', '.join(map(str, kinds)) or 'none'})")
    kind = kinds[0]
    why = item.get("why")
    if why is not None and not isinstance(why, str):
        raise CorrectionError(path, item.line, "why must be a text")
    body = item[kind]
    if not isinstance(body, _Mapping):
        raise CorrectionError(path, item.line, f"{kind}: expected a mapping of its fields")
    required, optional = FIELDS[kind]
    line = body.line
    unknown = sorted(set(body) - set(required) - set(optional))
    if unknown:
        raise CorrectionError(path, line, f"{kind}: unknown field(s) {', '.join(map(str, unknown))} "
                                          f"(takes {', '.join([*required, *optional])})")
    missing = [k for k in required if body.get(k) in (None, "", [], {})]
    if missing:
        raise CorrectionError(path, line, f"{kind}: missing field(s) {', '.join(missing)}")
    for name, expected in {**required, **optional}.items():
        if name in body and not _has_type(body[name], expected):
            raise CorrectionError(path, line, f"{kind}: {name} must be {expected}, not {body[name]!r}")
    problem = _check_values(kind, body)
    if problem:
        raise CorrectionError(path, line, f"{kind}: {problem}")
    values = {k: (list(v) if isinstance(v, list) else v) for k, v in body.items()}
    if kind == "alias":
        values["names"] = {lang: [names] if isinstance(names, str) else list(names)
                           for lang, names in body["names"].items()}
    return Correction(kind, values, item.line, why)


def _has_type(value: Any, expected: str) -> bool:
    if expected in (_ID, _TEXT):
        return isinstance(value, str) and bool(value.strip())
    if expected == _IDS:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return isinstance(value, dict) and all(
        isinstance(names, str) or (isinstance(names, list) and all(isinstance(n, str) for n in names))
        for names in value.values())


def _check_values(kind: str, body: dict[str, Any]) -> str | None:
    """What is wrong with well-typed fields, or None."""
    if "kind" in body and body["kind"] not in ACTOR_KINDS:
        return f"kind must be one of {', '.join(ACTOR_KINDS)}, not {body['kind']!r}"
    if kind == "merge" and body["into"] in body["actors"]:
        return f"{body['into']!r} is merged into itself"
    if kind == "split" and body["actor"] == body["to"]:
        return f"{body['actor']!r} is split into itself"
    if kind == "alias":
        langs = sorted(set(body["names"]) - set(KB_LANGS))
        if langs:
            return f"names in unknown language(s) {', '.join(map(str, langs))} (expected {', '.join(KB_LANGS)})"
    if kind == "retype" and body["type"] not in EVENT_TYPES:
        return f"unknown event type {body['type']!r} (expected one of {', '.join(EVENT_TYPES)})"
    if kind == "fix_role" and not any(r in body for r in PARTICIPANT_ROLES):
        return f"give at least one of {', '.join(PARTICIPANT_ROLES)}"
    return None
