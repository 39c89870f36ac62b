"""What an output folder's graph costs in memory, and what each export costs on top of it.

    python bench/export_scaling.py OUT [OUT ...] [--formats jsonl rdf ...]

For each output folder (a build's, e.g. the ones ``bench/memory_scaling.py --keep DIR`` leaves),
one fresh process loads its records into an in-memory graph (as ``graphbuild load`` does) and
writes every format again into a scratch folder, printing the RSS before and after loading (the
in-memory graph of that corpus) and, per format, the seconds and the peak RSS so far. This is the
part of an in-memory build that grows with the corpus, measured without extracting it again.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: Path, formats: list[str]) -> None:
    import graphbuild
    import graphbuild.export.graphml
    import graphbuild.export.html_view
    import graphbuild.export.jsonl
    import graphbuild.export.neo4j_csv
    import graphbuild.export.rdf
    import graphbuild.export.rdf_writer
    import graphbuild.export.tables  # imported before measuring: their code is no graph
    from graphbuild.export import EXPORT_FORMATS, write_all

    before = _rss_mb()
    started = time.monotonic()
    graph = graphbuild.load(folder)
    row: dict[str, object] = {"documents": len(graph.documents), "events": len(graph.events),
                              "load_s": time.monotonic() - started, "rss_before_mb": before,
                              "graph_mb": _rss_mb() - before, "formats": []}
    with tempfile.TemporaryDirectory(prefix="export-scaling-") as scratch:
        for fmt in [f for f in EXPORT_FORMATS if f in formats]:
            started = time.monotonic()
            write_all(graph, Path(scratch), formats=[fmt] if fmt != "jsonl" else ["jsonl"])
            row["formats"].append((fmt, time.monotonic() - started, _peak_mb()))  # type: ignore[union-attr]
    print(json.dumps(row))


def main(argv: list[str] | None = None) -> None:
    from graphbuild.export import EXPORT_FORMATS

    args = sys.argv[1:] if argv is None else argv
    formats = list(EXPORT_FORMATS)
    if "--formats" in args:
        formats = args[args.index("--formats") + 1:]
        args = args[:args.index("--formats")]
    if args[:1] == ["--child"]:
        child(Path(args[1]), formats)
        return
    for folder in args:
        done = subprocess.run([sys.executable, __file__, "--child", folder, "--formats", *formats],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{folder}: failed\n{done.stderr[-3000:]}")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{folder}: {row['documents']} documents, {row['events']} events; load {row['load_s']:.1f} s; "
              f"the graph in memory {row['graph_mb']:.0f} MB (process {row['rss_before_mb']:.0f} MB before)")
        # write_all always writes jsonl too: each line after the first includes it.
        for fmt, seconds, peak in row["formats"]:
            print(f"  {fmt:>8}: {seconds:6.1f} s (with jsonl), peak RSS so far {peak:.0f} MB")


if __name__ == "__main__":
    main()
