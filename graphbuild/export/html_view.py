"""A self-contained interactive HTML view of the network (every script and style inlined)."""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.model import EVENT_TYPES, Telling

# A large graph's view shows the busiest actors and the latest edges and map events among them: a
# page with every record of a big corpus would not open (and would hold it all in memory).
VIEW_ACTORS = 400
VIEW_EDGES = 3000
MAP_EVENTS = 3000
# The spring layout costs actors squared per iteration: 300 iterations up to 150 actors, fewer above
# (a capped view of 400 actors gets 41; networkx itself defaults to 50).
LAYOUT_ITERATIONS = 300
LAYOUT_WORK = 150 * 150 * LAYOUT_ITERATIONS
LAYOUT_MIN_ITERATIONS = 30
T = TypeVar("T")


def _asset(name: str) -> str:
    return resources.files("graphbuild").joinpath("data", "viz", name).read_text(encoding="utf-8")


def _layout(actor_ids: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Deterministic spring layout scaled into the unit square."""
    simple = nx.Graph()
    simple.add_nodes_from(actor_ids)
    for s, t in pairs:
        simple.add_edge(s, t)
    if not actor_ids:
        return {}
    # A hidden hub tied to every component keeps small components near the main one.
    hub = object()
    for component in nx.connected_components(simple.copy()):
        # Sorted first: among equal degrees a set's order would follow the process's string hashing.
        simple.add_edge(hub, max(sorted(component), key=simple.degree), weight=0.3)
    positions = nx.spring_layout(simple, seed=7, k=2.2 / max(1, len(actor_ids)) ** 0.5,
                                 iterations=layout_iterations(simple.number_of_nodes()))
    positions.pop(hub)
    return {n: (x, y) for n, x, y in zip(positions, _spread([p[0] for p in positions.values()]),
                                         _spread([p[1] for p in positions.values()]), strict=True)}


def layout_iterations(nodes: int) -> int:
    """Spring-layout iterations for a graph of ``nodes``: the full count while it is cheap, then
    as many as LAYOUT_WORK allows (never below LAYOUT_MIN_ITERATIONS)."""
    return max(LAYOUT_MIN_ITERATIONS, min(LAYOUT_ITERATIONS, LAYOUT_WORK // max(1, nodes * nodes)))


def _spread(values: list[float]) -> list[float]:
    """Unit-square coordinates half from position, half from rank: dense hubs open up, order is kept."""
    low, span = min(values), (max(values) - min(values)) or 1.0
    ranks = {i: r for r, i in enumerate(sorted(range(len(values)), key=values.__getitem__))}
    last = max(1, len(values) - 1)
    return [0.5 * (v - low) / span + 0.5 * ranks[i] / last for i, v in enumerate(values)]


def _telling_data(graph: KnowledgeGraph, told: Telling) -> dict[str, Any]:
    """What the hover shows of one article's account: the article, its mode, its speakers and channels."""
    doc = graph.documents.get(told.document)
    article = (doc.title or doc.outlet or doc.source) if doc else told.document
    def labels(ids: list[str]) -> list[str]:
        return [graph.actors[a].label if a in graph.actors else a for a in ids]

    return {"article": article, "mode": told.mode, "reported_by": labels(told.reported_by), "via": labels(told.via),
            "date_text": told.date_text, "reported_on": told.reported_on}


def _latest(items: Iterable[tuple[tuple[str, ...], T]], cap: int) -> tuple[list[T], int]:
    """The ``cap`` items of largest key (latest date, then id) in the order they came, and how many came."""
    kept: list[tuple[tuple[str, ...], int, T]] = []
    count = 0
    for key, item in items:
        entry = (key, count, item)
        count += 1
        if len(kept) < cap:
            heapq.heappush(kept, entry)
        elif entry[:2] > kept[0][:2]:
            heapq.heapreplace(kept, entry)
    return [item for _key, _n, item in sorted(kept, key=lambda e: e[1])], count


def view_data(graph: KnowledgeGraph) -> dict[str, Any]:
    """Nodes (actors with edges), typed edges with mode, date and evidence sentences, colours.

    A large graph shows its VIEW_ACTORS busiest actors and the VIEW_EDGES latest edges among them
    (and the map its MAP_EVENTS latest events), so the page stays usable and its size bounded;
    ``shown`` then says how much of how much. The graph is read in two passes, edges not held."""
    colours = json.loads(_asset("colours.json"))
    degree: dict[str, int] = {}
    for event in graph.sorted_events():
        for pair in graph.edge_pairs(event):
            for end in pair:
                degree[end] = degree.get(end, 0) + 1
    actor_ids = [a.id for a in graph.sorted_actors() if a.id in degree]
    capped = len(actor_ids) > VIEW_ACTORS
    if capped:
        busiest = set(heapq.nsmallest(VIEW_ACTORS, actor_ids, key=lambda a: (-degree[a], a)))
        actor_ids = [a for a in actor_ids if a in busiest]

    def shown_edges() -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
        for event in graph.sorted_events():
            pairs = [(s, t) for s, t in graph.edge_pairs(event) if not capped or (s in busiest and t in busiest)]
            if not pairs:
                continue
            evidence = [{"text": v.sentence, "lang": v.lang} for v in event.evidence]
            tellings = [_telling_data(graph, told) for told in event.tellings]
            for s, t in pairs:
                yield (event.date or event.first_reported_on or "", event.id), {
                    "source": s, "target": t, "type": event.type, "event": event.id, "mode": event.mode,
                    "date": event.date, "first_reported_on": event.first_reported_on, "object": event.object,
                    "reported_by": event.reported_by, "symmetric": EVENT_TYPES[event.type].symmetric,
                    "evidence": evidence, "tellings": tellings}

    edges, all_edges = _latest(shown_edges(), VIEW_EDGES)
    positions = _layout(actor_ids, [(e["source"], e["target"]) for e in edges])
    nodes = []
    for actor_id in actor_ids:
        actor = graph.actors[actor_id]
        names = "; ".join(f"{lang}: {', '.join(v)}" for lang, v in sorted(actor.names.items()))
        x, y = positions[actor_id]
        nodes.append({"id": actor.id, "label": actor.label, "kind": actor.kind, "names": names,
                      "degree": degree[actor_id], "x": round(x, 4), "y": round(y, 4)})
    data = {"nodes": nodes, "edges": edges, "colours": colours["event_types"],
            "kind_colours": colours["actor_kinds"], **map_data(graph)}
    map_events_of = data.pop("map_events_of")
    if capped or len(edges) < all_edges or len(data["map_events"]) < map_events_of:
        data["shown"] = {"actors": len(nodes), "of_actors": len(degree), "edges": len(edges),
                         "of_edges": all_edges, "map_events": len(data["map_events"]),
                         "of_map_events": map_events_of}
    return data


def map_data(graph: KnowledgeGraph) -> dict[str, Any]:
    """The map view: the world outline, every actor with coordinates, the events at a located place
    (the MAP_EVENTS latest; ``map_events_of`` counts them all)."""
    places = [{"id": a.id, "label": a.label, "kind": a.kind, "lat": a.lat, "lon": a.lon}
              for a in graph.sorted_actors() if a.lat is not None and a.lon is not None]
    located = {p["id"] for p in places}
    labels = {a.id: a.label for a in graph.sorted_actors()}
    at_places = (((e.date or e.first_reported_on or "", e.id), {
        "event": e.id, "type": e.type, "mode": e.mode, "date": e.date, "place": e.place,
        "place_precision": e.place_precision, "object": e.object,
        "source": [labels.get(i, i) for i in e.source], "target": [labels.get(i, i) for i in e.target],
        "actors": sorted(set(e.source) | set(e.target)),
        "evidence": [{"text": v.sentence, "lang": v.lang} for v in e.evidence]})
        for e in graph.sorted_events() if e.place in located)
    events, count = _latest(at_places, MAP_EVENTS)
    return {"places": places, "map_events": events, "map_events_of": count,
            "world": json.loads(_asset("world.json"))}


# Inside a <script> element the HTML parser still reacts to "</script", "<!--" and "<script";
# JSON lets every such character be written as an escape, and U+2028/9 are escaped for old JS parsers.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})
_PLACEHOLDER = re.compile(r"__(CSS|JS|DATA)__")


def script_json(value: Any) -> str:
    """``value`` as JSON that can sit inside a <script> element whatever its strings hold."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_SAFE)


def render_html(graph: KnowledgeGraph, title: str = "graphbuild network") -> str:
    """The page: the title and every name travel in the JSON data, which the page's script reads
    with JSON.parse and shows through textContent only."""
    data = view_data(graph)
    shown = data.get("shown")
    if shown:  # the page says it shows part of a large graph
        title += (f" (the {shown['actors']} busiest of {shown['of_actors']} actors, the {shown['edges']} latest of "
                  f"{shown['of_edges']} edges, {shown['map_events']} of {shown['of_map_events']} events on the map)")
    parts = {"CSS": _asset("view.css"), "JS": _asset("view.js"), "DATA": script_json({"title": title, **data})}
    # One pass: a substituted part is never scanned again, so data cannot spell a placeholder.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], _asset("view.html"))


def write_view(graph: KnowledgeGraph, path: Path, title: str = "graphbuild network") -> Path:
    with atomic_file(Path(path)) as handle:
        handle.write(render_html(graph, title))
    return Path(path)
