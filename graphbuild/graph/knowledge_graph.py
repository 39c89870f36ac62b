"""The one graph: documents, actors, roles and events merged from any number of sources.

Every export reads this object.  Merging is idempotent: adding the same record twice changes
nothing.  The same event told by several articles becomes one event with one telling per
article; which tellings are one event is decided by graphbuild.graph.tellings (docs/contract.md,
"Events and tellings").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from graphbuild.graph.event_index import EventIndex, EventKey, MemoryEventIndex, SqliteEventIndex
from graphbuild.graph.spill import RecordMap, open_spill
from graphbuild.graph.tellings import (
    aggregate_mode,
    dates_compatible,
    kept_apart,
    merge_into_telling,
    more_precise,
    objects_compatible,
    telling_of,
)
from graphbuild.ids import content_hash, event_id, has_event_id_form
from graphbuild.model import CONTESTED, EVENT_TYPES, Actor, Document, Event, Role, Telling

if TYPE_CHECKING:  # the exports import pandas and rdflib: only the methods that need them load them
    import pandas as pd
    from rdflib import Dataset

    from graphbuild.graph.retraction import Retraction
    from graphbuild.stores.neo4j_store import PushReport

R = TypeVar("R")


def canonical_participants(event_type: str, source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Sorted, de-duplicated participants; symmetric types keep every participant in both roles."""
    if EVENT_TYPES[event_type].symmetric:
        everyone = sorted(set(source) | set(target))
        return everyone, everyone
    return sorted(set(source)), sorted(set(target))


def canonical_event_id(event: Event) -> str:
    """The id that tells this event apart within one article: type, participants, date and object
    (the graph then gives the event its lasting id, see :meth:`KnowledgeGraph.add_event`)."""
    source, target = canonical_participants(event.type, event.source, event.target)
    return event_id(event.type, source, target, event.date, event.object)


def _key(event: Event) -> EventKey:
    return event.type, tuple(event.source), tuple(event.target)


def _add_sorted(items: list[str], more: Iterable[str]) -> list[str]:
    """``items`` (sorted and distinct, as every stored record's documents are) with ``more`` added in
    place, still sorted and distinct: a binary search and an insert per new id, so an actor named in
    every article does not cost a sort of all its articles on every merge (quadratic in the corpus)."""
    for item in more:
        at = bisect_left(items, item)
        if at == len(items) or items[at] != item:
            items.insert(at, item)
    return items


def _in_id_order(records: Mapping[str, R]) -> list[R] | Iterable[R]:
    """A dict's records as a list in id order; a spilled map's streamed in id order from disk."""
    if isinstance(records, RecordMap):
        return records.sorted_values()
    return [records[k] for k in sorted(records)]


@dataclass
class KnowledgeGraph:
    documents: dict[str, Document] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    # What the build said (warnings.jsonl) and the user corrections it applied (corrections.json):
    # carried with the graph so that writing a loaded output gives the same files.
    warnings: list[str] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    # The merge candidates: event ids by type and participants, then by the year of their date ("" for
    # undated), so an event told daily for years is not compared with every other day's; in the
    # order events arrived in (the earliest added wins among equal candidates).
    _index: EventIndex = field(default_factory=MemoryEventIndex, repr=False, compare=False)

    @classmethod
    def spilled(cls, folder: Path, cache_size: int | None = None) -> KnowledgeGraph:
        """An empty graph whose records and merge index live in ``folder``/graph.sqlite, not in memory.

        It merges and reads exactly as an in-memory graph does (same code, same results); the
        folder is scratch space the caller removes when done with the graph. ``cache_size``: records
        of each kind kept as objects (default: a few thousand; tests make it tiny)."""
        db = open_spill(Path(folder) / "graph.sqlite")
        # Documents carry their text: few are kept as objects. Events are compared with their
        # earlier tellings on every merge: many are.
        sizes = {"documents": 64, "actors": 8192, "roles": 2048, "events": 8192}
        maps = {kind: RecordMap(db, kind, cache_size or size) for kind, size in sizes.items()}
        return cls(**maps, _index=SqliteEventIndex(db))

    @property
    def is_spilled(self) -> bool:
        return isinstance(self.events, RecordMap)

    # -- adding -------------------------------------------------------------------------
    def add_document(self, doc: Document) -> Document:
        self.documents.setdefault(doc.id, doc)
        return self.documents[doc.id]

    def add_actor(self, actor: Actor) -> Actor:
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = actor
            actor.documents = sorted(set(actor.documents))
            return actor
        for lang, names in actor.names.items():
            # Keep the first-seen order: the first name of a language is its preferred one.
            known.names[lang] = list(dict.fromkeys(known.names.get(lang, []) + names))
        _add_sorted(known.documents, actor.documents)
        known.iso3 = known.iso3 or actor.iso3
        known.wikidata = known.wikidata or actor.wikidata
        known.part_of = known.part_of or actor.part_of
        known.latin = known.latin or actor.latin
        if known.lat is None and actor.lat is not None:  # a point travels with its own id and class
            known.lat, known.lon = actor.lat, actor.lon
            known.geonames, known.feature_class = actor.geonames, actor.feature_class
        known.outlet = known.outlet and actor.outlet  # an outlet that acts anywhere is an actor
        return known

    def add_role(self, role: Role) -> Role:
        known = self.roles.get(role.id)
        if known is None:
            role.documents = sorted(set(role.documents))  # sorted and distinct, as _add_sorted keeps them
            self.roles[role.id] = role
            return role
        if known is not role:
            _add_sorted(known.documents, role.documents)
            known.start = known.start or role.start
            known.end = known.end or role.end
            known.as_of = min(filter(None, (known.as_of, role.as_of)), default=None)
        return known

    def _reported_on(self, document: str) -> str | None:
        doc = self.documents.get(document)
        return (doc.published or "")[:10] or None if doc else None

    def _with_tellings(self, event: Event) -> None:
        """Give a record without tellings one per document it names, and every telling its article's date."""
        if not event.tellings:
            if event.mode == CONTESTED:
                raise ValueError(f"event {event.id!r}: a contested event needs its tellings")
            told = sorted(set(event.documents) | {e.document for e in event.evidence})
            event.tellings = [telling_of(event, d, self._reported_on(d)) for d in told]
        for t in event.tellings:
            t.reported_on = t.reported_on or self._reported_on(t.document)

    def _match(self, event: Event, apart_from: Container[str] = ()) -> Event | None:
        """The stored event that ``event`` is another telling (or a re-mention) of, if any (never one
        of ``apart_from``)."""
        key = _key(event)
        if event.date:
            years = {event.date[:4], ""}
        elif any(t.reported_on for t in event.tellings):  # a dated event it may join happened then or the year before
            years = {""} | {str(int(t.reported_on[:4]) - back) for t in event.tellings if t.reported_on
                            for back in (0, 1)}
        else:
            years = self._index.years(key)  # nothing bounds it
        stored = [self.events[i] for i in self._index.candidates(key, years)
                  if i in self.events and i not in apart_from]
        fitting = [e for e in stored if objects_compatible(e, event) and dates_compatible(e, event)
                   and not kept_apart(e, event)]
        told_by = {t.document for t in event.tellings}
        # A re-mention or a re-ingested article first, then an event its date names exactly.
        return (next((e for e in fitting if told_by & {t.document for t in e.tellings}), None)
                or next((e for e in fitting if e.date and e.date == event.date), None)
                or next(iter(fitting), None))

    def _new_id(self, event: Event) -> str:
        """The first free of: type and participants; with date and object; with the articles too."""
        source, target = event.source, event.target
        for candidate in (event_id(event.type, source, target, None),
                          event_id(event.type, source, target, event.date, event.object)):
            if candidate not in self.events:
                return candidate
        return "ev:" + content_hash(event.type, source, target, event.date or "", event.object or "",
                                    sorted(t.document for t in event.tellings))

    def _file(self, event: Event) -> None:
        self._index.file(_key(event), (event.date or "")[:4], event.id)

    def add_event(self, event: Event, keep_id: bool = False, apart_from: Container[str] = ()) -> Event:
        """Merge ``event`` into the graph; returns the stored event (possibly an older one).

        ``about`` is kept as given: :meth:`add_events` follows ids of events that were merged.
        ``keep_id``: a new event keeps its given id when that is free and one graphbuild makes (an
        event read back from an output keeps the id its build gave it, which may be the dated form
        of an event that was undated when it got it). ``apart_from``: ids of stored events it may
        not join.
        """
        if event.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event.type!r}")
        event.source, event.target = canonical_participants(event.type, event.source, event.target)
        self._with_tellings(event)
        known = self._match(event, apart_from)
        if known is None:
            if not (keep_id and has_event_id_form(event.id) and event.id not in self.events):
                event.id = self._new_id(event)
            self.events[event.id] = event
            self._file(event)
            event.tellings = sorted({t.document: t for t in event.tellings}.values(), key=lambda t: t.document)
            summarise_tellings(event)
            return event
        by_document = {t.document: t for t in known.tellings}
        for telling in event.tellings:
            if telling.document in by_document:
                merge_into_telling(by_document[telling.document], telling)
            else:
                by_document[telling.document] = telling
        known.tellings = [by_document[d] for d in sorted(by_document)]
        if more_precise(known.date, known.date_precision, event.date, event.date_precision):
            if not known.date:  # an undated event dated by a later article moves to its year
                self._index.move(_key(known), known.id, "", event.date[:4])  # type: ignore[index]
            known.date, known.date_precision = event.date, event.date_precision
        known.about = known.about or event.about
        # Any finer place outranks a country (one the text names, or one derived from the target).
        if event.place and (known.place is None
                            or (known.place_precision == "country" and event.place_precision != "country")):
            known.place, known.place_precision = event.place, event.place_precision
        known.object = known.object or event.object
        known.evidence = known.evidence + event.evidence
        known.documents = known.documents + event.documents
        known.reported_by = known.reported_by + event.reported_by
        known.confidence = max(known.confidence, event.confidence)
        summarise_tellings(known)
        return known

    def add_events(self, events: Iterable[Event], keep_ids: bool = False, apart: bool = False) -> dict[str, str]:
        """Add events of one source; returns their ids as given -> the ids they are stored under.

        ``about`` links among the added events are followed to the stored ids, whatever the order.
        ``keep_ids``: see :meth:`add_event` (for records read back from an output folder).
        ``apart``: events under ids graphbuild gives are distinct already (an output's records: its
        build merged what was one event), so each may join an event stored before this call, or one
        of the others with an id of another form (records of other tools), but never the same one
        as another of them. Merging depends on the order (an undated event joins whatever lies
        within 31 days of one of its tellings), so merging an output's events again could join two
        that its build, adding one article at a time, kept apart.
        """
        renamed: dict[str, str] = {}
        pointing: list[tuple[Event, str]] = []
        placed: set[str] = set()  # with ``apart``: the stored events graphbuild's records went to
        for event in events:
            given, about = event.id, event.about
            event.about = None
            ours = apart and has_event_id_form(given)
            stored = self.add_event(event, keep_id=keep_ids, apart_from=placed if ours else ())
            if ours:
                placed.add(stored.id)
            renamed[given] = stored.id
            if about:
                pointing.append((stored, about))
        for stored, about in pointing:
            stored = self.events[stored.id]  # the live record, should a spilled graph have written it out
            stored.about = stored.about or renamed.get(about, about)
        return renamed

    def merge(self, other: KnowledgeGraph, keep_ids: bool = False, apart: bool = False) -> KnowledgeGraph:
        """Add ``other``'s records (``keep_ids`` and ``apart``: see :meth:`add_events`)."""
        for doc in other.documents.values():
            self.add_document(doc)
        for actor in other.actors.values():
            self.add_actor(actor)
        for role in other.roles.values():
            self.add_role(role)
        self.add_events(other.events.values(), keep_ids=keep_ids, apart=apart)
        return self

    def remove_event(self, event_id: str) -> None:
        """Forget an event (``graphbuild retract`` does when no telling of it is left)."""
        event = self.events.pop(event_id)
        self._index.forget(_key(event), event_id)

    # -- reading ------------------------------------------------------------------------
    def sorted_documents(self) -> list[Document] | Iterable[Document]:
        return _in_id_order(self.documents)

    def sorted_actors(self) -> list[Actor] | Iterable[Actor]:
        return _in_id_order(self.actors)

    def sorted_roles(self) -> list[Role] | Iterable[Role]:
        return _in_id_order(self.roles)

    def sorted_events(self) -> list[Event] | Iterable[Event]:
        return _in_id_order(self.events)

    def edge_pairs(self, event: Event) -> list[tuple[str, str]]:
        """The (source, target) pairs of the projected typed edge; symmetric types once per pair."""
        if EVENT_TYPES[event.type].symmetric:
            people = event.source
            return [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
        return [(s, t) for s in event.source for t in event.target if s != t]

    def to_networkx(self) -> nx.MultiDiGraph:
        """Actors as nodes, one typed edge per (event, source, target) pair, for analysis."""
        g = nx.MultiDiGraph()
        for actor in self.sorted_actors():
            g.add_node(actor.id, label=actor.label, kind=actor.kind)
        for event in self.sorted_events():
            for s, t in self.edge_pairs(event):
                g.add_edge(s, t, key=event.id, type=event.edge, event_type=event.type,
                           mode=event.mode, date=event.date or "")
        return g

    def stats(self) -> dict[str, object]:
        by_type: dict[str, int] = {}
        by_mode: dict[str, int] = {}
        for event in self.events.values():
            by_type[event.type] = by_type.get(event.type, 0) + 1
            by_mode[event.mode] = by_mode.get(event.mode, 0) + 1
        return {
            "documents": len(self.documents),
            "actors": len(self.actors),
            "roles": len(self.roles),
            "events": len(self.events),
            "events_by_type": dict(sorted(by_type.items())),
            "events_by_mode": dict(sorted(by_mode.items())),
        }

    # -- the Python API (graphbuild/api.py holds the code; these are its methods) --------
    def to_pandas(self) -> dict[str, pd.DataFrame]:
        """One DataFrame per table of ``tables/*.parquet``: documents, actors, events, evidence,
        edges, roles, tellings and dyads (see :func:`graphbuild.api.to_pandas`)."""
        from graphbuild.api import to_pandas

        return to_pandas(self)

    def to_rdflib(self) -> Dataset:
        """The RDF of graph.trig as an rdflib Dataset (see :func:`graphbuild.api.to_rdflib`)."""
        from graphbuild.api import to_rdflib

        return to_rdflib(self)

    def write(self, out_dir: str | Path, formats: Iterable[str] | None = None) -> Path:
        """Write the output folder ``graphbuild build`` writes (see :func:`graphbuild.api.write`)."""
        from graphbuild.api import write

        return write(self, out_dir, formats=formats)

    def push(self, uri: str, user: str = "neo4j", password: str | None = None, *, database: str | None = None,
             batch_size: int = 1000) -> PushReport:
        """Write the graph into the Neo4j at ``uri`` (see :func:`graphbuild.api.push`)."""
        from graphbuild.api import push

        return push(self, uri, user, password, database=database, batch_size=batch_size)

    def retract(self, document_ids: Iterable[str]) -> Retraction:
        """Take articles out (in place): their tellings, and the events, actors and roles no other
        article tells or mentions, as ``graphbuild retract`` does (graph/retraction.py; the stores
        are the CLI's). Raises UnknownDocumentError, changing nothing, for an id the graph lacks."""
        from graphbuild.graph.retraction import retract_documents

        return retract_documents(self, document_ids)

def summarise_tellings(event: Event) -> None:
    """Event-level fields that follow from the tellings (docs/contract.md, "Events and tellings")."""
    if not event.tellings:
        event.documents = sorted(set(event.documents) | {e.document for e in event.evidence})
        event.reported_by = sorted(set(event.reported_by))
        event.evidence = sorted({e.id: e for e in event.evidence}.values(), key=lambda e: e.id)
        return
    told: list[Telling] = event.tellings
    for t in told:  # one order whatever order the sentences were merged in
        t.evidence = sorted({e.id: e for e in t.evidence}.values(), key=lambda e: e.id)
        t.reported_by, t.via = sorted(set(t.reported_by)), sorted(set(t.via))
    event.mode = aggregate_mode([t.mode for t in told])
    event.reported_by = sorted({a for t in told for a in t.reported_by})
    event.documents = sorted({t.document for t in told})
    event.evidence = sorted({e.id: e for t in told for e in t.evidence}.values(), key=lambda e: e.id)
    event.first_reported_on = min((t.reported_on for t in told if t.reported_on), default=None)
