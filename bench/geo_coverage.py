"""How much of a built graph is on the map: Country and Place actors with a point, and events by
place precision.

    python bench/geo_coverage.py OUT_DIR

OUT_DIR is a `graphbuild build` output (its records are loaded, and so located as any command does).
Prints the located share of Country and Place actors (listing those without a point) and the events
per place_precision (none: no place, or a place without a point).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from graphbuild.graph.records import read_records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    graph = read_records(parser.parse_args().out_dir)
    places = [a for a in graph.sorted_actors() if a.kind in ("Country", "Place")]
    unlocated = [a.id for a in places if a.lat is None]
    print(f"Country/Place actors with a point: {len(places) - len(unlocated)} of {len(places)}")
    if unlocated:
        print(f"  without: {', '.join(unlocated)}")
    precision = Counter(e.place_precision or "none" for e in graph.events.values())
    placed = sum(1 for e in graph.events.values() if e.place is not None)
    print(f"events: {len(graph.events)}, with a place: {placed}, by place_precision: "
          + ", ".join(f"{k} {v}" for k, v in sorted(precision.items())))


if __name__ == "__main__":
    main()
