"""Wall time of the `graphbuild` command for one article, against a baseline measured in the same run.

    python bench/startup.py [ARTICLE ...] [--runs N]

The baseline is `python -c "import graphbuild"` (interpreter start plus the package); beside it
`graphbuild --help`, and `graphbuild build ARTICLE --out DIR` twice per article: "cold" with an
empty knowledge-base cache (a fresh machine's first run) and "warm" (every later run). Each figure
is the median of --runs runs, in fresh processes. Defaults to one bundled article per language.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = [REPO / "examples" / name for name in ("en_brics_putin.txt", "kk_xi_astana.txt",
                                                          "ru_un_veto.txt")]
CLI = [sys.executable, "-m", "graphbuild"]


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(runs: int, argv: list[str], env: dict[str, str], before: list[str] | None = None) -> float:
    """Median wall time of ``argv``; ``before`` (a path) is deleted ahead of each run."""
    times = []
    for _ in range(runs):
        for path in before or []:
            shutil.rmtree(path, ignore_errors=True)
        times.append(_wall(argv, env))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gb-startup-") as tmp:
        cache = str(Path(tmp) / "cache")
        env = {**os.environ, "PYTHONPATH": str(REPO), "GRAPHBUILD_CACHE_DIR": cache}
        out = str(Path(tmp) / "out")
        baseline = _median(args.runs, [sys.executable, "-c", "import graphbuild"], env)
        rows = [("python -c 'import graphbuild' (baseline)", baseline),
                ("graphbuild --help", _median(args.runs, [*CLI, "--help"], env))]
        for article in args.articles:
            build = [*CLI, "--quiet", "build", str(article), "--out", out]
            rows.append((f"build {article.name}, cold KB cache", _median(args.runs, build, env, [cache, out])))
            rows.append((f"build {article.name}, warm KB cache", _median(args.runs, build, env, [out])))
    print(f"median of {args.runs} runs, {os.cpu_count()} cores")
    for label, seconds in rows:
        print(f"{label:48s} {seconds:7.2f} s   x{seconds / baseline:6.1f} baseline")


if __name__ == "__main__":
    main()
