"""RDF export speed: statements per second of each writer on one built graph, against rdflib's
Turtle serialiser (what graph.ttl was written with before) measured in the same run.

    python bench/rdf_export.py OUT_DIR

OUT_DIR is a `graphbuild build` output (its records are loaded). Prints, per format, the time and
statements/s of pyoxigraph's writer, and the time of building the statements themselves.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import pyoxigraph as ox

from graphbuild.export.rdf import PREFIXES, graph_quads, graph_to_rdflib
from graphbuild.export.rdf_writer import serialize, to_oxigraph
from graphbuild.graph.records import read_records


def _timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    graph = read_records(args.out_dir)
    start = time.perf_counter()
    quads = graph_quads(graph)
    build_seconds = time.perf_counter() - start
    start = time.perf_counter()
    ox_quads = to_oxigraph(quads)
    convert_seconds = time.perf_counter() - start
    default = sum(1 for q in quads if q[3] is None)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    dataset = graph_to_rdflib(graph)
    rdflib_seconds = _timed(lambda: dataset.default_graph.serialize(format="turtle"))
    print(f"{len(quads)} statements ({default} in the default graph), built in {build_seconds:.2f} s, "
          f"converted to pyoxigraph terms in {convert_seconds:.2f} s")
    print(f"{'rdflib turtle (baseline)':28s} {rdflib_seconds:7.3f} s {default / rdflib_seconds:12,.0f} statements/s")
    rows = [(fmt, default if fmt == "turtle" else len(quads),
             _timed(lambda fmt=fmt: serialize(ox_quads, io.BytesIO(), fmt, prefixes)))
            for fmt in ("turtle", "trig", "json-ld")]
    rows.append(("n-quads", len(quads), _timed(lambda: ox.serialize(ox_quads, None, ox.RdfFormat.N_QUADS))))
    for fmt, count, seconds in rows:
        print(f"{'pyoxigraph ' + fmt:28s} {seconds:7.3f} s {count / seconds:12,.0f} statements/s  "
              f"x{rdflib_seconds / default * count / seconds:6.0f} rdflib's rate")


if __name__ == "__main__":
    main()
