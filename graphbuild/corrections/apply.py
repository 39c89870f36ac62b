"""Apply checked corrections to a built graph, in file order, and record what each one changed.

Event ids are content hashes, so an event a correction changes gets a new id; a later correction
may name an event by any id it had during this application (the id of the uncorrected build, or
one of an earlier correction's result). A correction that finds nothing to change (the articles
no longer hold that event or actor) is recorded as not applied, with a warning: the corpus may
have changed since the file was written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphbuild.corrections.schema import PARTICIPANT_ROLES, Correction, Corrections
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import role_id
from graphbuild.model import EVENT_TYPES, Actor, Event


@dataclass
class Applied:
    records: list[dict[str, Any]] = field(default_factory=list)  # corrections.json
    warnings: list[str] = field(default_factory=list)


class _NotAppliedError(Exception):
    """Why a correction changed nothing."""


def apply_corrections(graph: KnowledgeGraph, corrections: Corrections) -> Applied:
    """Change ``graph`` as ``corrections`` say; the record lists every correction and its effect."""
    applied = Applied()
    renamed: dict[str, str] = {}  # every id an event had during this application -> its id now
    for fix in corrections.items:
        record: dict[str, Any] = {"file": str(corrections.path), "sha256": corrections.sha256, "line": fix.line,
                                  "kind": fix.kind, "correction": fix.values, "why": fix.why}
        try:
            record["changed"], touched = _APPLY[fix.kind](graph, fix, renamed)
            record["applied"] = True
        except _NotAppliedError as exc:
            record["applied"], record["changed"], touched = False, str(exc), []
            applied.warnings.append(f"{corrections.path}:{fix.line}: {fix.kind} not applied: {exc}")
        record["corrected"] = touched
        applied.records.append(record)
    for record in applied.records:  # what each correction touched, under the ids it has at the end
        ids = {renamed.get(i, i) for i in record["corrected"]}
        record["corrected"] = sorted(i for i in ids if i in graph.actors or i in graph.events)
    return applied


def _event(graph: KnowledgeGraph, event_id: str, renamed: dict[str, str]) -> Event:
    current = renamed.get(event_id, event_id)
    if current not in graph.events:
        raise _NotAppliedError(f"no event {event_id!r} in this build")
    return graph.events[current]


def _rekey(graph: KnowledgeGraph, changed: list[Event], renamed: dict[str, str]) -> dict[str, str]:
    """Store changed events under their new content ids (merging with an equal event), and point
    ``about`` links and ``renamed`` at the new ids; returns old id -> new id."""
    moves: dict[str, str] = {}
    for event in changed:
        graph.events.pop(event.id, None)
    for event in changed:
        old = event.id
        moves[old] = graph.add_event(event).id
    for event in graph.events.values():
        if event.about in moves:
            event.about = moves[event.about]
    for earlier, now in list(renamed.items()):
        renamed[earlier] = moves.get(now, now)
    for old, new in moves.items():
        renamed[old] = new
    return {old: new for old, new in moves.items() if old != new}


def _replace_actor(event: Event, old: str, new: str, roles: tuple[str, ...] = PARTICIPANT_ROLES) -> bool:
    touched = False
    for role in roles:
        ids = getattr(event, role)
        if old in ids:
            setattr(event, role, sorted({new if a == old else a for a in ids}))
            touched = True
    if event.place == old:
        event.place, touched = new, True
    return touched


def _merge(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    into = fix.values["into"]
    present = [a for a in fix.values["actors"] if a in graph.actors]
    if into not in graph.actors:
        raise _NotAppliedError(f"no actor {into!r} in this build to merge into")
    if not present:
        raise _NotAppliedError(f"none of {', '.join(fix.values['actors'])} is in this build")
    changed: list[Event] = []
    for old in present:
        actor = graph.actors.pop(old)
        graph.add_actor(dataclasses.replace(actor, id=into, label=graph.actors[into].label,
                                            kind=graph.actors[into].kind))
        changed += [e for e in graph.events.values() if _replace_actor(e, old, into)]
        for other in graph.actors.values():
            other.part_of = into if other.part_of == old else other.part_of
        for role in [r for r in graph.roles.values() if old in (r.person, r.of)]:
            del graph.roles[role.id]
            person = into if role.person == old else role.person
            of = into if role.of == old else role.of
            # The id extraction gives a role read from the text (the term is looked up after the id is made).
            graph.add_role(dataclasses.replace(role, id=role_id(person, role.role, of, None), person=person, of=of))
    moves = _rekey(graph, list({id(e): e for e in changed}.values()), renamed)
    return {"actors_merged": present, "events_renamed": moves}, [into, *moves.values()]


def _split(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    source_id, name, to = fix.values["actor"], fix.values["name"], fix.values["to"]
    actor = graph.actors.get(source_id)
    if actor is None:
        raise _NotAppliedError(f"no actor {source_id!r} in this build")
    key = name.casefold()
    langs = [lang for lang, names in actor.names.items() if any(n.casefold() == key for n in names)]
    if not langs:
        raise _NotAppliedError(f"{source_id!r} has no name {name!r}")
    for lang in langs:
        actor.names[lang] = [n for n in actor.names[lang] if n.casefold() != key]
    kept = {n.casefold() for names in actor.names.values() for n in names} | {actor.label.casefold()}
    target = graph.actors.get(to)
    if target is None:
        target = graph.add_actor(Actor(id=to, label=fix.values.get("label", name),
                                       kind=fix.values.get("kind", actor.kind)))
    for lang in langs:
        target.names[lang] = list(dict.fromkeys([*target.names.get(lang, []), name]))

    def names_only_the_split_name(text: str) -> bool:
        """The text names ``name`` and, once it is taken out, none of the names the actor keeps."""
        folded = text.casefold()
        rest = folded.replace(key, " ")
        return key in folded and not any(k in rest for k in kept if k)

    moved = [e for e in graph.events.values()
             if e.evidence and all(names_only_the_split_name(v.sentence) for v in e.evidence)
             and _replace_actor(e, source_id, to)]
    documents = [d for d in actor.documents if d in graph.documents
                 and names_only_the_split_name(graph.documents[d].text)]
    target.documents = sorted(set(target.documents) | set(documents) | {d for e in moved for d in e.documents})
    actor.documents = [d for d in actor.documents if d not in documents]
    before = [e.id for e in moved]
    _rekey(graph, moved, renamed)
    events = sorted({renamed.get(i, i) for i in before})
    return ({"names_moved": {lang: name for lang in langs}, "events_moved": events, "documents_moved": documents},
            [source_id, to, *events])


def _alias(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    actor = graph.actors.get(fix.values["actor"])
    if actor is None:  # the names went to the build's knowledge base; no article named the actor
        raise _NotAppliedError(f"no article of this build names {fix.values['actor']!r}, even with the new names")
    for lang, names in fix.values["names"].items():
        actor.names[lang] = list(dict.fromkeys(actor.names.get(lang, []) + names))
    return {"names_added": fix.values["names"]}, [actor.id]


def _retype(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    from graphbuild.events.lexicon import common  # the Goldstein table extraction scores events with

    event = _event(graph, fix.values["event"], renamed)
    spec, before = EVENT_TYPES[fix.values["type"]], event.type
    table = common().goldstein
    event.type, event.cameo, event.plover = spec.name, spec.cameo, spec.plover
    event.goldstein = table.get(spec.cameo, table.get(spec.cameo[:2] + "0"))
    moves = _rekey(graph, [event], renamed)
    return {"from": before, "to": spec.name, "events_renamed": moves}, [event.id]


def _drop(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    event = _event(graph, fix.values["event"], renamed)
    del graph.events[event.id]
    unlinked = sorted(e.id for e in graph.events.values() if e.about == event.id)
    for other_id in unlinked:
        graph.events[other_id].about = None
    return {"dropped": event.id, "about_removed_from": unlinked}, unlinked


def _fix_role(graph: KnowledgeGraph, fix: Correction, renamed: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    event = _event(graph, fix.values["event"], renamed)
    given = {role: fix.values[role] for role in PARTICIPANT_ROLES if role in fix.values}
    unknown = sorted({a for ids in given.values() for a in ids if a not in graph.actors})
    if unknown:
        raise _NotAppliedError(f"no actor {', '.join(map(repr, unknown))} in this build")
    before = {role: list(getattr(event, role)) for role in given}
    for role, ids in given.items():
        setattr(event, role, sorted(set(ids)))
    if not event.source and not event.target:
        for role, ids in before.items():
            setattr(event, role, ids)
        raise _NotAppliedError("an event needs at least one source or target actor")
    moves = _rekey(graph, [event], renamed)
    return {"before": before, "events_renamed": moves}, [event.id]


# Each returns what it changed (for corrections.json) and the ids of the actors and events it touched.
_APPLY: dict[str, Callable[[KnowledgeGraph, Correction, dict[str, str]], tuple[dict[str, Any], list[str]]]] = {
    "merge": _merge, "split": _split, "alias": _alias, "retype": _retype, "drop": _drop, "fix_role": _fix_role,
}
