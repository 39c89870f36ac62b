"""The property-graph shape of a KnowledgeGraph in Neo4j (see docs/neo4j-model.md).

One pure function, :func:`graph_rows`, turns the graph into node sets and relationship sets.
Both the live push (``neo4j_store``) and the neo4j-admin CSV export (``export.neo4j_csv``)
write exactly these rows, so the two always describe the same database.  Labels and
relationship types come only from the fixed vocabulary below; every set is checked against
it before any name reaches query text or a CSV header.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import capped_id, telling_id
from graphbuild.model import ACTOR_KINDS, EVENT_TYPES, ROLE_RELATIONS, Event

NODE_LABELS: tuple[str, ...] = ("Actor", "Document", "Event", "Evidence", "Role", "Telling")
EXTRA_LABELS: tuple[str, ...] = ACTOR_KINDS
TYPED_EDGES: tuple[str, ...] = tuple(sorted({t.edge for t in EVENT_TYPES.values()}))
STRUCTURAL_RELATIONS: tuple[str, ...] = ("PART_OF", "EVIDENCED_BY", "IN_DOCUMENT", "HOLDS_ROLE", "HAS_TELLING",
                                         "VIA")
RELATION_TYPES: tuple[str, ...] = ROLE_RELATIONS + STRUCTURAL_RELATIONS + TYPED_EDGES

# Languages whose names get their own list property (names_en, ...); the JSON `names`
# property keeps every language.
NAME_LANGS: tuple[str, ...] = ("en", "ru", "kk")

# A WGS84 point: rows hold it as a (latitude, longitude) pair; the live push sends it as the
# driver's point type and the CSV export as neo4j-admin's {latitude:..., longitude:...} form.
POINT = "point{crs:WGS-84}"

# Property columns per node label and their neo4j-admin CSV types.  Values are Python str,
# float, int or list[str]; None (and "" or []) means "no such property".
NODE_PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "Actor": (("label", "string"), ("kind", "string"), ("iso3", "string"), ("wikidata", "string"),
              ("names_en", "string[]"), ("names_ru", "string[]"), ("names_kk", "string[]"),
              ("names", "string"), ("part_of", "string"), ("latin", "string"), ("outlet", "boolean"),
              ("lat", "double"), ("lon", "double"), ("geonames", "long"), ("feature_class", "string"),
              ("location", POINT)),
    "Document": (("source", "string"), ("lang", "string"), ("title", "string"),
                 ("published", "string"), ("outlet", "string"), ("url", "string")),
    "Event": (("type", "string"), ("cameo", "string"), ("plover", "string"), ("mode", "string"),
              ("date", "string"), ("date_precision", "string"), ("object", "string"),
              ("goldstein", "double"), ("confidence", "double"), ("place", "string"),
              ("place_precision", "string"), ("first_reported_on", "string")),
    "Evidence": (("sentence", "string"), ("quote", "string"), ("lang", "string"),
                 ("start", "long"), ("end", "long")),
    "Role": (("role", "string"), ("start", "string"), ("end", "string"), ("as_of", "string")),
    "Telling": (("event", "string"), ("document", "string"), ("mode", "string"), ("date_text", "string"),
                ("date", "string"), ("date_precision", "string"), ("reported_on", "string"),
                ("confidence", "double")),
}
TYPED_EDGE_PROPERTIES: tuple[tuple[str, str], ...] = (("event_id", "string"), ("date", "string"),
                                                       ("mode", "string"))
ROLE_PROPERTIES: tuple[tuple[str, str], ...] = (("id", "string"), ("role", "string"),
                                                ("start", "string"), ("end", "string"), ("as_of", "string"))


@dataclass
class NodeSet:
    """Nodes sharing one label set; each row is {"id": ..., **properties}."""

    label: str
    extra_label: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, self.extra_label) if self.extra_label else (self.label,)

    @property
    def name(self) -> str:
        return "_".join(label.lower() for label in self.labels)

    @property
    def properties(self) -> tuple[tuple[str, str], ...]:
        return NODE_PROPERTIES[self.label]


@dataclass
class RelSet:
    """Relationships of one type between two node labels; rows are {"from_id", "to_id", **props}.

    ``key`` names the property that identifies one relationship among several of the same type
    between the same two nodes (event_id for typed edges, id for roles); None means at most one.
    """

    type: str
    start_label: str
    end_label: str
    properties: tuple[tuple[str, str], ...] = ()
    key: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.type.lower()}_{self.start_label.lower()}_{self.end_label.lower()}"


@dataclass
class GraphRows:
    nodes: list[NodeSet]
    relationships: list[RelSet]

    def node_count(self) -> int:
        return sum(len(s.rows) for s in self.nodes)

    def relationship_count(self) -> int:
        return sum(len(s.rows) for s in self.relationships)

    def counts_by_label(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node_set in self.nodes:
            for label in node_set.labels:
                counts[label] = counts.get(label, 0) + len(node_set.rows)
        return dict(sorted(counts.items()))

    def counts_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for rel_set in self.relationships:
            counts[rel_set.type] = counts.get(rel_set.type, 0) + len(rel_set.rows)
        return dict(sorted(counts.items()))


def label_name(name: str) -> str:
    """``name`` if it is a node label of the vocabulary (safe to place in query text), else ValueError."""
    if name not in NODE_LABELS and name not in EXTRA_LABELS:
        raise ValueError(f"label {name!r} is not in the Neo4j vocabulary")
    return name


def schema_statements() -> list[str]:
    """Unique id per label and the event lookups analysts filter on; safe to run repeatedly.

    Lives here, not beside the driver, so the neo4j-admin CSV export does not import the driver.
    """
    statements = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label_name(label)}) "
                  f"REQUIRE n.id IS UNIQUE" for label in NODE_LABELS]
    statements += [f"CREATE INDEX event_{prop} IF NOT EXISTS FOR (n:Event) ON (n.{prop})"
                   for prop in ("type", "date")]
    # Distance and bounding-box filters on places (queries/events_within_km.cypher) use this.
    statements.append("CREATE POINT INDEX actor_location IF NOT EXISTS FOR (n:Actor) ON (n.location)")
    return statements


def check_vocabulary(rows: GraphRows) -> None:
    """Refuse any label or relationship type outside the fixed vocabulary (they go into query text)."""
    for node_set in rows.nodes:
        if node_set.label not in NODE_LABELS:
            raise ValueError(f"label {node_set.label!r} is not in the Neo4j vocabulary")
        if node_set.extra_label is not None and node_set.extra_label not in EXTRA_LABELS:
            raise ValueError(f"label {node_set.extra_label!r} is not in the Neo4j vocabulary")
    for rel_set in rows.relationships:
        if rel_set.type not in RELATION_TYPES:
            raise ValueError(f"relationship type {rel_set.type!r} is not in the Neo4j vocabulary")
        for label in (rel_set.start_label, rel_set.end_label):
            if label not in NODE_LABELS:
                raise ValueError(f"label {label!r} is not in the Neo4j vocabulary")
        for name, _ in rel_set.properties:
            if not name.isidentifier():
                raise ValueError(f"property name {name!r} is not an identifier")


def _value(value: Any) -> Any:
    """One convention for absent values in both writers: None, "" and [] all mean 'no property'."""
    if value == "" or value == []:
        return None
    return value


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(v) for k, v in props.items()}


# Where a set's rows go: a list by default; the bulk-import writer gives a sink that writes each row
# to the set's CSV file (anything with append and len).
RowSink = Callable[["NodeSet | RelSet"], Any]


class _Rels:
    """Collects relationship rows, dropping exact duplicates, grouped by (type, start, end label).

    Every relationship is emitted while its own record (actor, role, event) is written, so duplicates
    are looked for within that record only (:meth:`next_record`): the set does not grow with the graph."""

    def __init__(self, sink: RowSink | None = None) -> None:
        self.sets: dict[tuple[str, str, str], RelSet] = {}
        self.seen: set[tuple[Any, ...]] = set()
        self._sink = sink

    def next_record(self) -> None:
        self.seen.clear()

    def add(self, rel_type: str, start_label: str, start: str, end_label: str, end: str,
            props: dict[str, Any] | None = None, *, key: str | None = None,
            properties: tuple[tuple[str, str], ...] = ()) -> None:
        start, end = capped_id(start), capped_id(end)
        if props and "event_id" in props:
            props = {**props, "event_id": capped_id(props["event_id"])}
        identity = (rel_type, start, end, (props or {}).get(key) if key else None)
        if identity in self.seen:
            return
        self.seen.add(identity)
        group = (rel_type, start_label, end_label)
        if group not in self.sets:
            self.sets[group] = RelSet(rel_type, start_label, end_label, properties, key)
            if self._sink is not None:
                self.sets[group].rows = self._sink(self.sets[group])
        # Endpoint keys must not collide with property names (roles have start/end dates).
        self.sets[group].rows.append({"from_id": start, "to_id": end, **_clean(props or {})})


def _telling_rows(event: Event, graph: KnowledgeGraph, node: Callable[[str, str | None, dict[str, Any]], None],
                  rels: _Rels) -> None:
    """One :Telling node per article's account of ``event``, with its speakers, channels, document and
    evidence (the evidence nodes themselves are the event's)."""
    for telling in event.tellings:
        tid = telling_id(event.id, telling.document)
        node("Telling", None, {"id": tid, **_clean({
            "event": event.id, "document": telling.document, "mode": telling.mode, "date_text": telling.date_text,
            "date": telling.date, "date_precision": telling.date_precision, "reported_on": telling.reported_on,
            "confidence": float(telling.confidence)})})
        rels.add("HAS_TELLING", "Event", event.id, "Telling", tid)
        if telling.document in graph.documents:
            rels.add("IN_DOCUMENT", "Telling", tid, "Document", telling.document)
        for role_type, ids in (("REPORTED_BY", telling.reported_by), ("VIA", telling.via)):
            for actor_id in ids:
                if actor_id in graph.actors:
                    rels.add(role_type, "Telling", tid, "Actor", actor_id)
        for evidence in telling.evidence:
            rels.add("EVIDENCED_BY", "Telling", tid, "Evidence", evidence.id)


def graph_rows(graph: KnowledgeGraph, sink: RowSink | None = None) -> GraphRows:
    """Every node and relationship the graph becomes in Neo4j, in a deterministic order.

    Links to things the graph does not hold (a document id without a Document record, a place
    given as free text) are left out, so the live push and the bulk import agree exactly.
    ``sink(set)`` gives each node or relationship set the object its rows are appended to (a list
    when None), so a writer can stream them to files instead of holding them.
    """
    actors, documents, events = graph.actors, graph.documents, graph.events
    nodes: dict[tuple[str, str | None], NodeSet] = {}

    def node(label: str, extra: str | None, row: dict[str, Any]) -> None:
        found = nodes.get((label, extra))
        if found is None:
            found = nodes[(label, extra)] = NodeSet(label, extra)
            if sink is not None:
                found.rows = sink(found)
        # Records loaded from elsewhere may carry ids too long to index: the same cap builds use.
        found.rows.append({**row, "id": capped_id(row["id"])})

    rels = _Rels(sink)
    for doc in graph.sorted_documents():
        node("Document", None, {"id": doc.id, **_clean({
            "source": doc.source, "lang": doc.lang, "title": doc.title, "published": doc.published,
            "outlet": doc.outlet, "url": doc.url})})
    for actor in graph.sorted_actors():
        rels.next_record()
        if actor.kind not in ACTOR_KINDS:
            raise ValueError(f"actor {actor.id!r} has unknown kind {actor.kind!r}")
        props: dict[str, Any] = {"label": actor.label, "kind": actor.kind, "iso3": actor.iso3,
                                 "wikidata": actor.wikidata}
        for lang in NAME_LANGS:
            props[f"names_{lang}"] = list(actor.names.get(lang, []))
        props["names"] = json.dumps(actor.names, ensure_ascii=False, sort_keys=True)
        props.update(part_of=actor.part_of, latin=actor.latin, outlet=True if actor.outlet else None,
                     lat=actor.lat, lon=actor.lon, geonames=actor.geonames, feature_class=actor.feature_class,
                     location=None if actor.lat is None or actor.lon is None else (actor.lat, actor.lon))
        node("Actor", actor.kind, {"id": actor.id, **_clean(props)})
        if actor.part_of in actors:
            rels.add("PART_OF", "Actor", actor.id, "Actor", actor.part_of)
        for doc_id in actor.documents:
            if doc_id in documents:
                rels.add("MENTIONED_IN", "Actor", actor.id, "Document", doc_id)
    for role in graph.sorted_roles():
        rels.next_record()
        if role.person not in actors:
            continue
        props = {"id": role.id, "role": role.role, "start": role.start, "end": role.end, "as_of": role.as_of}
        if role.of in actors:
            rels.add("HOLDS_ROLE", "Actor", role.person, "Actor", role.of, props, key="id",
                     properties=ROLE_PROPERTIES)
        else:
            node("Role", None, {"id": role.id, **_clean({k: v for k, v in props.items() if k != "id"})})
            rels.add("HOLDS_ROLE", "Actor", role.person, "Role", role.id, props, key="id",
                     properties=ROLE_PROPERTIES)
    evidence_seen: set[str] = set()
    for event in graph.sorted_events():
        rels.next_record()
        node("Event", None, {"id": event.id, **_clean({
            "type": event.type, "cameo": event.cameo, "plover": event.plover, "mode": event.mode,
            "date": event.date, "date_precision": event.date_precision, "object": event.object,
            "goldstein": None if event.goldstein is None else float(event.goldstein),
            "confidence": float(event.confidence), "place": event.place,
            "place_precision": event.place_precision, "first_reported_on": event.first_reported_on})})
        _telling_rows(event, graph, node, rels)
        for role_type, ids in (("SOURCE", event.source), ("TARGET", event.target),
                               ("REPORTED_BY", event.reported_by)):
            for actor_id in ids:
                if actor_id in actors:
                    rels.add(role_type, "Event", event.id, "Actor", actor_id)
        if event.about in events:
            rels.add("ABOUT", "Event", event.id, "Event", event.about)
        if event.place in actors:
            rels.add("AT", "Event", event.id, "Actor", event.place)
        for doc_id in event.documents:
            if doc_id in documents:
                rels.add("MENTIONED_IN", "Event", event.id, "Document", doc_id)
        for evidence in event.evidence:
            if evidence.id not in evidence_seen:
                evidence_seen.add(evidence.id)
                node("Evidence", None, {"id": evidence.id, **_clean({
                    "sentence": evidence.sentence, "quote": evidence.quote, "lang": evidence.lang,
                    "start": evidence.start, "end": evidence.end})})
                if evidence.document in documents:
                    rels.add("IN_DOCUMENT", "Evidence", evidence.id, "Document", evidence.document)
            rels.add("EVIDENCED_BY", "Event", event.id, "Evidence", evidence.id)
        edge = EVENT_TYPES[event.type].edge
        for source, target in graph.edge_pairs(event):
            if source in actors and target in actors:
                rels.add(edge, "Actor", source, "Actor", target,
                         {"event_id": event.id, "date": event.date, "mode": event.mode},
                         key="event_id", properties=TYPED_EDGE_PROPERTIES)
    # Labels first in a fixed order so constraints and lookups exist before relationships.
    order = {label: i for i, label in enumerate(NODE_LABELS)}
    node_sets = sorted(nodes.values(), key=lambda s: (order[s.label], s.extra_label or ""))
    rel_sets = sorted(rels.sets.values(), key=lambda s: (s.type, s.start_label, s.end_label))
    result = GraphRows(node_sets, rel_sets)
    check_vocabulary(result)
    return result
