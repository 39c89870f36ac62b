"""pandas tables of the graph (for notebooks) and their Parquet files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.dyads import DYAD_COLUMNS, dyad_rows
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import telling_id


def graph_tables(graph: KnowledgeGraph) -> dict[str, pd.DataFrame]:
    """One flat table per record kind (tellings: one row per article's account of an event), plus the
    projected typed edges and the dyad series."""
    documents = pd.DataFrame(
        [{k: v for k, v in d.to_dict().items() if k != "text"} for d in graph.sorted_documents()],
        columns=["id", "source", "lang", "title", "published", "outlet", "url"],
    )
    actors = pd.DataFrame(
        [{"id": a.id, "label": a.label, "kind": a.kind, "iso3": a.iso3, "wikidata": a.wikidata,
          "part_of": a.part_of, "names_en": a.names.get("en", []), "names_ru": a.names.get("ru", []),
          "names_kk": a.names.get("kk", []), "documents": a.documents, "outlet": a.outlet, "lat": a.lat,
          "lon": a.lon, "geonames": a.geonames, "feature_class": a.feature_class} for a in graph.sorted_actors()],
        columns=["id", "label", "kind", "iso3", "wikidata", "part_of", "names_en", "names_ru", "names_kk",
                 "documents", "outlet", "lat", "lon", "geonames", "feature_class"],
    ).astype({"lat": "float64", "lon": "float64", "geonames": "Int64"})
    # An event's point is its place's: the Parquet twin of the map view and of events_within_km.
    points = {a.id: (a.lat, a.lon) for a in graph.actors.values()}
    events = pd.DataFrame(
        [{"id": e.id, "type": e.type, "cameo": e.cameo, "plover": e.plover, "mode": e.mode,
          "date": e.date, "date_precision": e.date_precision, "source": e.source, "target": e.target,
          "reported_by": e.reported_by, "about": e.about, "place": e.place, "place_precision": e.place_precision,
          "lat": points.get(e.place or "", (None, None))[0], "lon": points.get(e.place or "", (None, None))[1],
          "object": e.object, "goldstein": e.goldstein, "confidence": e.confidence, "documents": e.documents,
          "evidence_count": len(e.evidence), "first_reported_on": e.first_reported_on} for e in graph.sorted_events()],
        columns=["id", "type", "cameo", "plover", "mode", "date", "date_precision", "source", "target",
                 "reported_by", "about", "place", "place_precision", "lat", "lon", "object", "goldstein",
                 "confidence", "documents", "evidence_count", "first_reported_on"],
    ).astype({"lat": "float64", "lon": "float64"})
    evidence = pd.DataFrame(
        [{"event": e.id, **v.to_dict()} for e in graph.sorted_events() for v in e.evidence],
        columns=["event", "id", "document", "sentence", "start", "end", "quote", "lang"],
    )
    edges = pd.DataFrame(
        [{"source": s, "target": t, "type": e.edge, "event": e.id, "event_type": e.type, "mode": e.mode,
          "date": e.date} for e in graph.sorted_events() for s, t in graph.edge_pairs(e)],
        columns=["source", "target", "type", "event", "event_type", "mode", "date"],
    )
    tellings = pd.DataFrame(
        [{"id": telling_id(e.id, t.document), "event": e.id, "document": t.document, "mode": t.mode,
          "reported_by": t.reported_by, "via": t.via, "date_text": t.date_text, "date": t.date,
          "date_precision": t.date_precision, "reported_on": t.reported_on, "confidence": t.confidence,
          "evidence_count": len(t.evidence)} for e in graph.sorted_events() for t in e.tellings],
        columns=["id", "event", "document", "mode", "reported_by", "via", "date_text", "date", "date_precision",
                 "reported_on", "confidence", "evidence_count"],
    )
    roles = pd.DataFrame([r.to_dict() for r in graph.sorted_roles()],
                         columns=["id", "person", "role", "of", "start", "end", "as_of", "documents"])
    dyads = pd.DataFrame(dyad_rows(graph), columns=list(DYAD_COLUMNS)).astype(
        {"directed": bool, "events": "int64", "goldstein_sum": "float64", "goldstein_mean": "float64",
         "month_from_report": "int64"})
    return {"documents": documents, "actors": actors, "events": events, "evidence": evidence,
            "edges": edges, "roles": roles, "dyads": dyads, "tellings": tellings}


def write_parquet(graph: KnowledgeGraph, out_dir: Path) -> list[Path]:
    paths = []
    for name, frame in graph_tables(graph).items():
        path = Path(out_dir) / "tables" / f"{name}.parquet"
        with atomic_file(path, "wb") as handle:
            frame.to_parquet(handle, index=False)
        paths.append(path)
    return paths
