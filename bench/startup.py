"""Wall and CPU time of the `graphbuild` command for one article, against a baseline measured in the same run.

    python bench/startup.py [ARTICLE ...] [--runs N]

The baseline is `python -c "import graphbuild"` (interpreter start plus the package); beside it
`graphbuild --help`, and `graphbuild build ARTICLE --out DIR` twice per article: "cold" with an
empty knowledge-base cache (a fresh machine's first run) and "warm" (every later run). Each figure
is the median of --runs runs, in fresh processes. Defaults to one bundled article per language.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (CPU: unaffected by other work on a busy machine)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def _median(runs: int, argv: list[str], env: dict[str, str],
            before: list[str] | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds of ``argv``; the ``before`` paths are deleted ahead of each run."""
    times = []
    for _ in range(runs):
        for path in before or []:
            shutil.rmtree(path, ignore_errors=True)
        times.append(_timed(argv, env))
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


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
    print(f"median of {args.runs} runs, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
          "(a load above the cores makes wall times longer than CPU times); wall and CPU seconds")
    for label, (wall, cpu) in rows:
        print(f"{label:44s} {wall:6.2f} s wall  {cpu:6.2f} s CPU   x{wall / baseline[0]:6.1f} baseline wall")


if __name__ == "__main__":
    main()
