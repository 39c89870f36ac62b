"""Read a graph back from output-contract JSONL records (``graphbuild load``, and every command
that works on an output directory).

A record set is a directory (or a list of directories) holding documents.jsonl,
entities.jsonl, events.jsonl and optionally roles.jsonl.  Every line is validated before
anything is returned, so a bad line stops the load with its file and line number and
nothing downstream is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from graphbuild.graph.geography import locate
from graphbuild.graph.knowledge_graph import KnowledgeGraph, canonical_participants
from graphbuild.graph.record_checks import check_record
from graphbuild.ids import event_id
from graphbuild.model import (
    ACTOR_KINDS,
    CONTESTED,
    EVENT_MODES,
    EVENT_TYPES,
    MODES,
    Actor,
    Document,
    Event,
    Evidence,
    Role,
    Telling,
)

RECORD_FILES = ("documents.jsonl", "entities.jsonl", "events.jsonl", "roles.jsonl")


class RecordError(ValueError):
    """A record file that cannot be loaded; the message names the file and line."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.problem = path, line, problem


def _rows(path: Path, progress: Callable[[int], None] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(path, number, f"invalid JSON ({exc.msg})") from exc
        except RecursionError:
            raise RecordError(path, number, "JSON nested too deeply to read") from None
        if not isinstance(row, dict):
            raise RecordError(path, number, "a record must be a JSON object")
        if progress:
            progress(1)
        yield number, row


def _build(cls: type, row: dict[str, Any], path: Path, line: int, required: tuple[str, ...]) -> Any:
    missing = [k for k in required if row.get(k) in (None, "")]
    if missing:
        raise RecordError(path, line, f"missing field(s): {', '.join(missing)}")
    problem = check_record(cls, row)
    if problem:
        raise RecordError(path, line, problem)
    known = {f.name for f in fields(cls)}
    try:
        return cls(**{k: v for k, v in row.items() if k in known})
    except TypeError as exc:
        raise RecordError(path, line, str(exc)) from exc


def _event(row: dict[str, Any], path: Path, line: int) -> Event:
    event_type = row.get("type")
    if event_type not in EVENT_TYPES:
        raise RecordError(path, line, f"unknown event type {event_type!r} (expected one of "
                                      f"{', '.join(EVENT_TYPES)})")
    spec = EVENT_TYPES[event_type]
    row = {"cameo": spec.cameo, "plover": spec.plover, **row}
    cameo = row["cameo"]
    if (isinstance(cameo, int) and not isinstance(cameo, bool)) or (isinstance(cameo, str) and cameo.isdigit()):
        row["cameo"] = str(cameo).zfill(3)  # 42 from a spreadsheet is "042"
    problem = check_record(Event, row)  # every field, evidence included, before anything is built
    if problem:
        raise RecordError(path, line, problem)
    if row.get("mode", "asserted") not in EVENT_MODES:
        raise RecordError(path, line, f"unknown mode {row.get('mode')!r} (expected one of {', '.join(EVENT_MODES)})")
    for key in ("source", "target", "reported_by", "documents"):
        value = row.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RecordError(path, line, f"{key} must be a list of ids")
        row[key] = value
    if not row["source"] and not row["target"]:
        # An unknown attacker is news ("a strike hit Kyiv"); an event with nobody in it is not.
        raise RecordError(path, line, "an event needs at least one source or target actor")
    evidence = _evidence(row.get("evidence"), path, line)
    tellings = [_telling(item, number, path, line) for number, item in enumerate(row.get("tellings") or [])]
    if row.get("mode") == CONTESTED and not tellings:
        raise RecordError(path, line, "a contested event needs its tellings (which article tells it, which denies it)")
    row["evidence"], row["tellings"] = [], []
    event = _build(Event, row, path, line, ("id", "type"))
    event.evidence, event.tellings = evidence, tellings
    return event


def _evidence(items: Any, path: Path, line: int) -> list[Evidence]:
    if not all(isinstance(item, dict) for item in items or []):
        raise RecordError(path, line, "evidence must be a list of objects")
    return [_build(Evidence, item, path, line, ("id", "document", "sentence")) for item in items or []]


def _telling(item: dict[str, Any], number: int, path: Path, line: int) -> Telling:
    """One telling of an event record (its fields were type-checked with the event)."""
    where = f"tellings[{number}]"
    if not item.get("document"):
        raise RecordError(path, line, f"{where}: missing field(s): document")
    if item.get("mode", "asserted") not in MODES:
        raise RecordError(path, line, f"{where}.mode: unknown mode {item.get('mode')!r} (a telling's mode is one "
                                      f"of {', '.join(MODES)})")
    telling = _build(Telling, {**item, "evidence": []}, path, line, ("document",))
    telling.evidence = _evidence(item.get("evidence"), path, line)
    return telling


def _base_id(event: Event) -> str:
    return event_id(event.type, *canonical_participants(event.type, event.source, event.target), None)


def read_records(directories: list[Path] | Path,
                 progress: Callable[[int], None] | None = None) -> KnowledgeGraph:
    """Load and validate record directories into one graph (raises RecordError).

    ``progress(n)`` is called as records are read (for progress bars)."""
    if isinstance(directories, (str, Path)):
        directories = [Path(directories)]
    graph = KnowledgeGraph()
    for directory in map(Path, directories):
        if not directory.is_dir():
            raise RecordError(directory, None, "not a directory of records")
        if not (directory / "events.jsonl").exists() and not (directory / "entities.jsonl").exists():
            raise RecordError(directory, None, "no entities.jsonl or events.jsonl here")
        _read_one(directory, graph, progress)
    return locate(graph)


def _read_one(directory: Path, graph: KnowledgeGraph, progress: Callable[[int], None] | None) -> None:
    part = KnowledgeGraph()
    path = directory / "documents.jsonl"
    if path.exists():
        for line, row in _rows(path, progress):
            part.add_document(_build(Document, row, path, line, ("id",)))
    path = directory / "entities.jsonl"
    if path.exists():
        for line, row in _rows(path, progress):
            actor = _build(Actor, row, path, line, ("id", "label", "kind"))
            if actor.kind not in ACTOR_KINDS:
                raise RecordError(path, line, f"unknown kind {actor.kind!r} (expected one of "
                                              f"{', '.join(ACTOR_KINDS)})")
            if not isinstance(actor.names, dict):
                raise RecordError(path, line, "names must be an object {lang: [names]}")
            if (actor.lat is None) != (actor.lon is None):
                raise RecordError(path, line, "lat and lon must be given together")
            part.add_actor(actor)
    path = directory / "roles.jsonl"
    if path.exists():
        for line, row in _rows(path, progress):
            role = _build(Role, row, path, line, ("id", "person", "role"))
            if role.person not in part.actors and role.person not in graph.actors:
                raise RecordError(path, line, f"unknown person {role.person!r}")
            part.add_role(role)
    path = directory / "events.jsonl"
    events: list[tuple[int, Event]] = []
    if path.exists():
        for line, row in _rows(path, progress):
            event = _event(row, path, line)
            speakers = [a for t in event.tellings for a in t.reported_by + t.via]
            for actor_id in event.source + event.target + event.reported_by + speakers:
                if actor_id not in part.actors and actor_id not in graph.actors:
                    raise RecordError(path, line, f"unknown actor {actor_id!r} (not in entities.jsonl)")
            events.append((line, event))
    given = {event.id for _, event in events}
    for line, event in events:
        if event.about and event.about not in given and event.about not in graph.events:
            raise RecordError(path, line, f"about refers to unknown event {event.about!r}")
    # Ids given by other tools may not be ours: the graph gives its own and follows ``about`` links.
    # An event under the id of its type and participants alone goes first, so records written by
    # graphbuild keep their ids when two events share type and participants, and every id of
    # graphbuild's form is kept where it is free (docs/contract.md).
    first = sorted((e for _, e in events), key=lambda e: e.id != _base_id(e))  # a stable sort
    # The events of a graphbuild output are its build's decision: each may join an event of an earlier
    # folder, never another of its own (merging them again would join some its build kept apart).
    part.add_events(first, keep_ids=True, apart=True)
    graph.merge(part, keep_ids=True, apart=True)
