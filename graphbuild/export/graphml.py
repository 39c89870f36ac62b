"""GraphML: actors, events and tellings as nodes, role edges and the projected typed edges."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import telling_id


def graph_to_networkx_full(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """Every record as a node or edge; GraphML only takes scalar attributes, so lists become JSON."""
    g = graph.to_networkx()
    for node, actor in ((a.id, a) for a in graph.sorted_actors()):
        g.nodes[node].update(node_type="Actor", iso3=actor.iso3 or "", wikidata=actor.wikidata or "",
                             outlet=actor.outlet, names=json.dumps(actor.names, ensure_ascii=False, sort_keys=True))
        if actor.lat is not None and actor.lon is not None:  # for geographic layouts (Gephi's GeoLayout)
            g.nodes[node].update(lat=float(actor.lat), lon=float(actor.lon))
    for event in graph.sorted_events():
        g.add_node(event.id, node_type="Event", label=event.type, event_type=event.type, cameo=event.cameo,
                   plover=event.plover, mode=event.mode, date=event.date or "", object=event.object or "",
                   first_reported_on=event.first_reported_on or "",
                   evidence=json.dumps([v.sentence for v in event.evidence], ensure_ascii=False))
        for role, ids in (("SOURCE", event.source), ("TARGET", event.target),
                          ("REPORTED_BY", event.reported_by)):
            for actor_id in ids:
                g.add_edge(event.id, actor_id, key=f"{role}:{actor_id}", type=role)
        if event.about:
            g.add_edge(event.id, event.about, key="ABOUT", type="ABOUT")
        for told in event.tellings:
            tid = telling_id(event.id, told.document)
            g.add_node(tid, node_type="Telling", label=told.mode, mode=told.mode, document=told.document,
                       date_text=told.date_text or "", date=told.date or "", reported_on=told.reported_on or "")
            g.add_edge(event.id, tid, key="HAS_TELLING", type="HAS_TELLING")
            for role, ids in (("REPORTED_BY", told.reported_by), ("VIA", told.via)):
                for actor_id in ids:
                    g.add_edge(tid, actor_id, key=f"{role}:{actor_id}", type=role)
    for role in graph.sorted_roles():
        if role.of:
            g.add_edge(role.person, role.of, key=role.id, type="HOLDS_ROLE", role=role.role,
                       start=role.start or "", end=role.end or "")
    for actor in graph.sorted_actors():
        if actor.part_of and actor.part_of in g:
            g.add_edge(actor.id, actor.part_of, key="PART_OF", type="PART_OF")
    return g


def write_graphml(graph: KnowledgeGraph, out_dir: Path) -> Path:
    path = Path(out_dir) / "graph.graphml"
    with atomic_file(path, "wb") as handle:
        nx.write_graphml(graph_to_networkx_full(graph), handle)
    return path
