"""The one graph: documents, actors, roles and events merged from any number of sources.

Every export reads this object.  Merging is idempotent: adding the same record twice
changes nothing, and the same event told by several documents becomes one event with
one evidence record per telling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphbuild.ids import event_id
from graphbuild.model import EVENT_TYPES, Actor, Document, Event, Role

if TYPE_CHECKING:  # the exports import pandas and rdflib: only the methods that need them load them
    import pandas as pd
    from rdflib import Dataset

    from graphbuild.stores.neo4j_store import PushReport

# When two tellings of one event disagree on mode, keep the most informative one:
# a denial or a negation outranks a report, which outranks a plain assertion.
_MODE_RANK = {"asserted": 0, "planned": 1, "reported": 2, "negated": 3, "denied": 4}
_PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}


def canonical_participants(event_type: str, source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Sorted, de-duplicated participants; symmetric types keep every participant in both roles."""
    if EVENT_TYPES[event_type].symmetric:
        everyone = sorted(set(source) | set(target))
        return everyone, everyone
    return sorted(set(source)), sorted(set(target))


def canonical_event_id(event: Event) -> str:
    source, target = canonical_participants(event.type, event.source, event.target)
    return event_id(event.type, source, target, event.date, event.object)


def _union(a: list[str], b: Iterable[str]) -> list[str]:
    return sorted(set(a) | set(b))


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
        known.documents = _union(known.documents, actor.documents)
        known.iso3 = known.iso3 or actor.iso3
        known.wikidata = known.wikidata or actor.wikidata
        known.part_of = known.part_of or actor.part_of
        known.latin = known.latin or actor.latin
        if known.lat is None and actor.lat is not None:  # a point travels with its own id and class
            known.lat, known.lon = actor.lat, actor.lon
            known.geonames, known.feature_class = actor.geonames, actor.feature_class
        return known

    def add_role(self, role: Role) -> Role:
        known = self.roles.setdefault(role.id, role)
        if known is not role:
            known.documents = _union(known.documents, role.documents)
            known.start = known.start or role.start
            known.end = known.end or role.end
            known.as_of = min(filter(None, (known.as_of, role.as_of)), default=None)
        return known

    def add_event(self, event: Event) -> Event:
        """Merge ``event`` into the graph; returns the stored event (possibly an older one)."""
        if event.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event.type!r}")
        event.source, event.target = canonical_participants(event.type, event.source, event.target)
        event.id = canonical_event_id(event)
        known = self.events.get(event.id)
        if known is None:
            event.documents = _union([], event.documents + [e.document for e in event.evidence])
            event.reported_by = sorted(set(event.reported_by))
            event.evidence = sorted({e.id: e for e in event.evidence}.values(), key=lambda e: e.id)
            self.events[event.id] = event
            return event
        seen = {e.id for e in known.evidence}
        known.evidence = sorted(known.evidence + [e for e in event.evidence if e.id not in seen],
                                key=lambda e: e.id)
        known.documents = _union(known.documents, event.documents + [e.document for e in event.evidence])
        known.reported_by = _union(known.reported_by, event.reported_by)
        if _MODE_RANK.get(event.mode, 0) > _MODE_RANK.get(known.mode, 0):
            known.mode = event.mode
        if _PRECISION_RANK.get(event.date_precision, 0) > _PRECISION_RANK.get(known.date_precision, 0):
            known.date_precision = event.date_precision
        known.about = known.about or event.about
        # Any finer place outranks a country (one the text names, or one derived from the target).
        if event.place and (known.place is None
                            or (known.place_precision == "country" and event.place_precision != "country")):
            known.place, known.place_precision = event.place, event.place_precision
        known.confidence = max(known.confidence, event.confidence)
        return known

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        for doc in other.documents.values():
            self.add_document(doc)
        for actor in other.actors.values():
            self.add_actor(actor)
        for role in other.roles.values():
            self.add_role(role)
        for event in other.events.values():
            self.add_event(event)
        return self

    # -- reading ------------------------------------------------------------------------
    def sorted_documents(self) -> list[Document]:
        return [self.documents[k] for k in sorted(self.documents)]

    def sorted_actors(self) -> list[Actor]:
        return [self.actors[k] for k in sorted(self.actors)]

    def sorted_roles(self) -> list[Role]:
        return [self.roles[k] for k in sorted(self.roles)]

    def sorted_events(self) -> list[Event]:
        return [self.events[k] for k in sorted(self.events)]

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
        edges, roles and dyads (see :func:`graphbuild.api.to_pandas`)."""
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
