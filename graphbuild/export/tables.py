"""pandas tables of the graph (for notebooks) and their Parquet files.

Each table is a stream of rows (:func:`table_rows`); notebooks get them as DataFrames, and the
Parquet files are written from the same rows in chunks of CHUNK_ROWS (one row group each) with a
declared schema, so a large graph's tables are written without holding them whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.dyads import DYAD_COLUMNS, dyad_rows
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import telling_id

# Rows per row group of a Parquet file (and per DataFrame made while writing one).
CHUNK_ROWS = 50_000

_S, _F, _I, _B, _L = pa.string(), pa.float64(), pa.int64(), pa.bool_(), pa.list_(pa.string())
# Each table's columns with their Parquet types, and the pandas dtypes the frames are given.
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [("id", _S), ("source", _S), ("lang", _S), ("title", _S), ("published", _S), ("outlet", _S),
                  ("url", _S)],
    "actors": [("id", _S), ("label", _S), ("kind", _S), ("iso3", _S), ("wikidata", _S), ("part_of", _S),
               ("names_en", _L), ("names_ru", _L), ("names_kk", _L), ("documents", _L), ("outlet", _B),
               ("lat", _F), ("lon", _F), ("geonames", _I), ("feature_class", _S)],
    "events": [("id", _S), ("type", _S), ("cameo", _S), ("plover", _S), ("mode", _S), ("date", _S),
               ("date_precision", _S), ("source", _L), ("target", _L), ("reported_by", _L), ("about", _S),
               ("place", _S), ("place_precision", _S), ("lat", _F), ("lon", _F), ("object", _S), ("goldstein", _F),
               ("confidence", _F), ("documents", _L), ("evidence_count", _I), ("first_reported_on", _S)],
    "evidence": [("event", _S), ("id", _S), ("document", _S), ("sentence", _S), ("start", _I), ("end", _I),
                 ("quote", _S), ("lang", _S)],
    "edges": [("source", _S), ("target", _S), ("type", _S), ("event", _S), ("event_type", _S), ("mode", _S),
              ("date", _S)],
    "roles": [("id", _S), ("person", _S), ("role", _S), ("of", _S), ("start", _S), ("end", _S), ("as_of", _S),
              ("documents", _L)],
    "dyads": [("actor_a", _S), ("actor_b", _S), ("directed", _B), ("month", _S), ("type", _S), ("mode", _S),
              ("events", _I), ("goldstein_sum", _F), ("goldstein_mean", _F), ("month_from_report", _I)],
    "tellings": [("id", _S), ("event", _S), ("document", _S), ("mode", _S), ("reported_by", _L), ("via", _L),
                 ("date_text", _S), ("date", _S), ("date_precision", _S), ("reported_on", _S), ("confidence", _F),
                 ("evidence_count", _I)],
}
_DTYPES: dict[str, dict[str, str]] = {
    "actors": {"lat": "float64", "lon": "float64", "geonames": "Int64"},
    "events": {"lat": "float64", "lon": "float64"},
    "dyads": {"directed": "bool", "events": "int64", "goldstein_sum": "float64", "goldstein_mean": "float64",
              "month_from_report": "int64"},
}
assert tuple(name for name, _ in SCHEMAS["dyads"]) == DYAD_COLUMNS


def table_rows(graph: KnowledgeGraph) -> dict[str, Callable[[], Iterator[dict[str, Any]]]]:
    """Each table's rows, made when iterated: one flat table per record kind (tellings: one row per
    article's account of an event), plus the projected typed edges and the dyad series."""
    def documents() -> Iterator[dict[str, Any]]:
        for d in graph.sorted_documents():
            yield {k: v for k, v in d.to_dict().items() if k != "text"}

    def actors() -> Iterator[dict[str, Any]]:
        for a in graph.sorted_actors():
            yield {"id": a.id, "label": a.label, "kind": a.kind, "iso3": a.iso3, "wikidata": a.wikidata,
                   "part_of": a.part_of, "names_en": a.names.get("en", []), "names_ru": a.names.get("ru", []),
                   "names_kk": a.names.get("kk", []), "documents": a.documents, "outlet": a.outlet, "lat": a.lat,
                   "lon": a.lon, "geonames": a.geonames, "feature_class": a.feature_class}

    def events() -> Iterator[dict[str, Any]]:
        # An event's point is its place's: the Parquet twin of the map view and of events_within_km.
        points = {a.id: (a.lat, a.lon) for a in graph.sorted_actors()}
        for e in graph.sorted_events():
            lat, lon = points.get(e.place or "", (None, None))
            yield {"id": e.id, "type": e.type, "cameo": e.cameo, "plover": e.plover, "mode": e.mode,
                   "date": e.date, "date_precision": e.date_precision, "source": e.source, "target": e.target,
                   "reported_by": e.reported_by, "about": e.about, "place": e.place,
                   "place_precision": e.place_precision, "lat": lat, "lon": lon, "object": e.object,
                   "goldstein": e.goldstein, "confidence": e.confidence, "documents": e.documents,
                   "evidence_count": len(e.evidence), "first_reported_on": e.first_reported_on}

    def evidence() -> Iterator[dict[str, Any]]:
        for e in graph.sorted_events():
            for v in e.evidence:
                yield {"event": e.id, **v.to_dict()}

    def edges() -> Iterator[dict[str, Any]]:
        for e in graph.sorted_events():
            for s, t in graph.edge_pairs(e):
                yield {"source": s, "target": t, "type": e.edge, "event": e.id, "event_type": e.type,
                       "mode": e.mode, "date": e.date}

    def tellings() -> Iterator[dict[str, Any]]:
        for e in graph.sorted_events():
            for t in e.tellings:
                yield {"id": telling_id(e.id, t.document), "event": e.id, "document": t.document, "mode": t.mode,
                       "reported_by": t.reported_by, "via": t.via, "date_text": t.date_text, "date": t.date,
                       "date_precision": t.date_precision, "reported_on": t.reported_on,
                       "confidence": t.confidence, "evidence_count": len(t.evidence)}

    def roles() -> Iterator[dict[str, Any]]:
        return (r.to_dict() for r in graph.sorted_roles())

    def dyads() -> Iterator[dict[str, Any]]:
        return iter(dyad_rows(graph))

    return {"documents": documents, "actors": actors, "events": events, "evidence": evidence, "edges": edges,
            "roles": roles, "dyads": dyads, "tellings": tellings}


def _frame(name: str, rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=[column for column, _ in SCHEMAS[name]])
    return frame.astype(_DTYPES[name]) if name in _DTYPES else frame


def graph_tables(graph: KnowledgeGraph) -> dict[str, pd.DataFrame]:
    """Every table as a pandas DataFrame (the whole graph in memory: for notebooks)."""
    return {name: _frame(name, rows()) for name, rows in table_rows(graph).items()}


def write_parquet(graph: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """tables/NAME.parquet for every table, written CHUNK_ROWS rows at a time."""
    paths = []
    for name, rows in table_rows(graph).items():
        path = Path(out_dir) / "tables" / f"{name}.parquet"
        schema = pa.schema(SCHEMAS[name])
        with atomic_file(path, "wb") as handle:
            stream = rows()
            chunk = _frame(name, islice(stream, CHUNK_ROWS))
            table = pa.Table.from_pandas(chunk, schema=schema, preserve_index=False)
            # The pandas metadata of the first chunk (column dtypes) is the file's: read back, the
            # tables have the dtypes graph_tables gives.
            with pq.ParquetWriter(handle, table.schema) as writer:
                writer.write_table(table)
                while len(chunk) == CHUNK_ROWS:
                    chunk = _frame(name, islice(stream, CHUNK_ROWS))
                    if len(chunk):
                        writer.write_table(pa.Table.from_pandas(chunk, schema=table.schema, preserve_index=False))
        paths.append(path)
    return paths
