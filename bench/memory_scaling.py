"""How time and memory grow with the corpus: N generated articles built in memory and with --spill.

    python bench/memory_scaling.py [--sizes 1000 10000] [--modes memory spill] [--seed 1]
                                   [--formats jsonl rdf ...] [--keep DIR]

For each N, bench/corpus.py writes N distinct generated articles (kk, ru, en in turn) to one JSONL
file (not timed); then each mode builds it in a fresh process, as ``graphbuild build corpus.jsonl
--out OUT [--spill]`` does (the same API calls, one job), and that process reports the wall time
and peak RSS after the build (extraction and merge) and after writing the output folder. The
growth lines compare each N with the previous one: time per article and peak RSS (near 1.0 and
near-flat is what a corpus past memory needs). Peak RSS includes the language models (about
0.55 GB since lingua's no longer load), which do not grow with N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KB


def child(corpus: Path, out: Path, spill: bool, formats: list[str] | None) -> None:
    """One build in this process; prints one JSON line of timings and peaks."""
    from graphbuild.api import build_result
    from graphbuild.export import write_all

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=".spill-", dir=out.parent) as scratch:
        result = build_result([str(corpus)], spill=Path(scratch) if spill else None)
        built, built_peak = time.monotonic(), _peak_mb()
        write_all(result.graph, out, title="memory scaling", formats=formats)
        done = time.monotonic()
        stats = result.graph.stats()
    print(json.dumps({"build_s": built - started, "write_s": done - built, "wall_s": done - started,
                      "build_peak_mb": built_peak, "peak_mb": _peak_mb(), "documents": stats["documents"],
                      "events": stats["events"], "actors": stats["actors"], "errors": len(result.errors)}))


def _run(corpus: Path, out: Path, spill: bool, formats: list[str] | None) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", str(corpus), str(out)] + (["--spill"] if spill else [])
    args += ["--formats", *formats] if formats else []
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--modes", nargs="+", choices=("memory", "spill"), default=["memory", "spill"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", nargs="+", default=None, help="output formats (default: all)")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and outputs in this folder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.spill, args.formats)
        return

    from bench.corpus import articles, write

    work = args.keep or Path(tempfile.mkdtemp(prefix="memory-scaling-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; one job; "
          f"formats: {' '.join(args.formats or ['all'])}", flush=True)
    print(f"{'N':>7} {'mode':>6} {'wall s':>8} {'build s':>8} {'write s':>8} {'art/s':>7} "
          f"{'peak MB (build)':>16} {'peak MB':>8} {'events':>8}", flush=True)
    previous: dict[str, tuple[int, dict[str, float]]] = {}
    for n in args.sizes:
        corpus_dir = work / f"corpus-{n}"
        if not (corpus_dir / "corpus.jsonl").is_file():
            write(corpus_dir, articles(n, args.seed), "jsonl")
        for mode in args.modes:
            out = work / f"out-{n}-{mode}"
            row = _run(corpus_dir / "corpus.jsonl", out, mode == "spill", args.formats)
            print(f"{n:>7} {mode:>6} {row['wall_s']:>8.1f} {row['build_s']:>8.1f} {row['write_s']:>8.1f} "
                  f"{n / row['wall_s']:>7.2f} {row['build_peak_mb']:>16.0f} {row['peak_mb']:>8.0f} "
                  f"{row['events']:>8}", flush=True)
            if mode in previous:
                m, before = previous[mode]
                print(f"{'':>7} {mode:>6} growth x{n / m:g} articles: time x{row['wall_s'] / before['wall_s']:.2f} "
                      f"(per article x{(row['wall_s'] / n) / (before['wall_s'] / m):.2f}), "
                      f"peak RSS x{row['peak_mb'] / before['peak_mb']:.2f}", flush=True)
            previous[mode] = (n, row)
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
