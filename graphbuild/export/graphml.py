"""GraphML: actors, events and tellings as nodes, role edges and the projected typed edges.

The elements are made record by record (:func:`graphml_elements`) and written as they come, so
the file of a large graph is written without holding it; :func:`graph_to_networkx_full` builds
the same elements into a networkx graph for analysis. GraphML takes scalar attributes only, so
lists become JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

import networkx as nx

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import telling_id

# Every attribute the file declares, with its GraphML type; a key's id is its place here.
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("label", "string"), ("kind", "string"), ("node_type", "string"), ("iso3", "string"), ("wikidata", "string"),
    ("outlet", "boolean"), ("names", "string"), ("lat", "double"), ("lon", "double"), ("event_type", "string"),
    ("cameo", "string"), ("plover", "string"), ("mode", "string"), ("date", "string"), ("object", "string"),
    ("first_reported_on", "string"), ("evidence", "string"), ("document", "string"), ("date_text", "string"),
    ("reported_on", "string"),
)
EDGE_KEYS: tuple[tuple[str, str], ...] = (
    ("type", "string"), ("event_type", "string"), ("mode", "string"), ("date", "string"), ("role", "string"),
    ("start", "string"), ("end", "string"),
)
_NAMESPACES = ('xmlns="http://graphml.graphdrawing.org/xmlns" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
               'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"')

# ("node", id, attributes) or ("edge", source, target, key, attributes)
Element = tuple[Any, ...]


def graphml_elements(graph: KnowledgeGraph) -> Iterator[Element]:
    """Every node and edge, record by record; an edge's end that is no node of its own (an id the
    graph does not hold) is given a bare node at the end, as networkx does when it adds the edge."""
    ends: dict[str, None] = {}  # edge ends to check at the end, in first-seen order

    def edge(source: str, target: str, key: str, **attrs: Any) -> Element:
        ends.setdefault(target)
        return ("edge", source, target, key, attrs)

    for actor in graph.sorted_actors():
        attrs: dict[str, Any] = {"label": actor.label, "kind": actor.kind, "node_type": "Actor",
                                 "iso3": actor.iso3 or "", "wikidata": actor.wikidata or "", "outlet": actor.outlet,
                                 "names": json.dumps(actor.names, ensure_ascii=False, sort_keys=True)}
        if actor.lat is not None and actor.lon is not None:  # for geographic layouts (Gephi's GeoLayout)
            attrs.update(lat=float(actor.lat), lon=float(actor.lon))
        yield ("node", actor.id, attrs)
        if actor.part_of and actor.part_of in graph.actors:
            yield edge(actor.id, actor.part_of, "PART_OF", type="PART_OF")
    for event in graph.sorted_events():
        yield ("node", event.id, {
            "node_type": "Event", "label": event.type, "event_type": event.type, "cameo": event.cameo,
            "plover": event.plover, "mode": event.mode, "date": event.date or "", "object": event.object or "",
            "first_reported_on": event.first_reported_on or "",
            "evidence": json.dumps([v.sentence for v in event.evidence], ensure_ascii=False)})
        for s, t in graph.edge_pairs(event):
            ends.setdefault(s)
            yield edge(s, t, event.id, type=event.edge, event_type=event.type, mode=event.mode, date=event.date or "")
        for role, ids in (("SOURCE", event.source), ("TARGET", event.target), ("REPORTED_BY", event.reported_by)):
            for actor_id in ids:
                yield edge(event.id, actor_id, f"{role}:{actor_id}", type=role)
        if event.about:
            yield edge(event.id, event.about, "ABOUT", type="ABOUT")
        for told in event.tellings:
            tid = telling_id(event.id, told.document)
            yield ("node", tid, {"node_type": "Telling", "label": told.mode, "mode": told.mode,
                                 "document": told.document, "date_text": told.date_text or "", "date": told.date or "",
                                 "reported_on": told.reported_on or ""})
            yield ("edge", event.id, tid, "HAS_TELLING", {"type": "HAS_TELLING"})
            for role, ids in (("REPORTED_BY", told.reported_by), ("VIA", told.via)):
                for actor_id in ids:
                    yield edge(tid, actor_id, f"{role}:{actor_id}", type=role)
    for role in graph.sorted_roles():
        if role.of:
            ends.setdefault(role.person)
            yield edge(role.person, role.of, role.id, type="HOLDS_ROLE", role=role.role, start=role.start or "",
                       end=role.end or "")
    for end in ends:
        if end not in graph.actors and end not in graph.events:
            yield ("node", end, {})


def graph_to_networkx_full(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """Every record as a node or edge (the elements of the GraphML file)."""
    g = nx.MultiDiGraph()
    for element in graphml_elements(graph):
        if element[0] == "node":
            g.add_node(element[1], **element[2])
        else:
            g.add_edge(element[1], element[2], key=element[3], **element[4])
    return g


def _value(value: Any) -> str:
    return str(value)  # str(True) is "True", as GraphML readers (networkx among them) take it


def _write(handle: IO[str], elements: Iterator[Element]) -> None:
    node_ids = {name: f"d{i}" for i, (name, _) in enumerate(NODE_KEYS)}
    edge_ids = {name: f"d{len(NODE_KEYS) + i}" for i, (name, _) in enumerate(EDGE_KEYS)}
    handle.write(f"<?xml version='1.0' encoding='utf-8'?>\n<graphml {_NAMESPACES}>\n")
    for domain, keys, ids in (("node", NODE_KEYS, node_ids), ("edge", EDGE_KEYS, edge_ids)):
        for name, kind in keys:
            handle.write(f'<key id="{ids[name]}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n')
    handle.write('<graph edgedefault="directed">\n')
    for element in elements:
        if element[0] == "node":
            xml = ElementTree.Element("node", id=element[1])
            attrs, ids = element[2], node_ids
        else:
            xml = ElementTree.Element("edge", source=element[1], target=element[2], id=element[3])
            attrs, ids = element[4], edge_ids
        for name, value in attrs.items():
            ElementTree.SubElement(xml, "data", key=ids[name]).text = _value(value)
        handle.write(ElementTree.tostring(xml, encoding="unicode") + "\n")
    handle.write("</graph>\n</graphml>\n")


def write_graphml(graph: KnowledgeGraph, out_dir: Path) -> Path:
    path = Path(out_dir) / "graph.graphml"
    with atomic_file(path) as handle:
        _write(handle, graphml_elements(graph))
    return path
