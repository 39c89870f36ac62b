"""Timeline of one ``graphbuild build --jobs N`` in this process: when the warm-up ran, when each
worker was busy (and idle between its documents), and what each export step cost in which process.

    python bench/jobs_timeline.py INPUT ... [--jobs 2]

It wraps the pipeline's warm-up, the pool's task and the export steps to log their start, end and
CPU seconds (CLOCK_MONOTONIC is shared by the forked processes), then runs the command line's
build. What it shows is where a --jobs build waits: the serial start-up before the workers fork,
workers idle for want of documents, and export steps one process runs while the other is done.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _logged(log: Path, kind: str, func: Callable[..., Any], label: Callable[..., str]) -> Callable[..., Any]:
    """``func`` writing one line per call to ``log``: kind, pid, start, end, CPU seconds, label."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.monotonic(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            with log.open("a") as out:
                out.write(f"{kind}\t{os.getpid()}\t{start}\t{time.monotonic()}\t{time.process_time() - cpu}"
                          f"\t{label(*args)}\n")

    # Pool tasks are pickled by name: the wrapper must stand where the function stood.
    wrapper.__module__, wrapper.__qualname__ = func.__module__, func.__qualname__
    return wrapper


def _instrument(log: Path) -> None:
    import graphbuild.export as export
    import graphbuild.export.parallel as parallel
    import graphbuild.pipeline as pipeline

    pipeline.warm_up = _logged(log, "warm-up", pipeline.warm_up, lambda langs, *_: " ".join(sorted(langs)))
    pipeline._sent_by_file = _logged(log, "task", pipeline._sent_by_file, lambda doc, *_: doc.lang)
    export.write_format = _logged(log, "export", export.write_format, lambda _g, _o, _t, name: name)
    parallel._sort_shared = _logged(log, "export", parallel._sort_shared, lambda part, _s: f"rdf sort {part}")
    parallel._render_one = _logged(log, "export", parallel._render_one, lambda _l, _o, fmt: f"rdf {fmt}")


def _report(log: Path, started: float, ended: float) -> None:
    tasks: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for line in log.read_text().splitlines():
        kind, pid, start, end, cpu, label = line.split("\t")
        span = (float(start) - started, float(end) - started, float(cpu))
        if kind == "task":
            tasks[pid].append(span)
        else:
            print(f"{kind:8s} {label:22s} pid {pid:>7s} {span[0]:7.2f}-{span[1]:7.2f} s, {span[2]:5.2f} CPU s")
    for pid, spans in tasks.items():
        spans.sort()
        idle = sum(max(0.0, b[0] - a[1]) for a, b in itertools.pairwise(spans))
        busy = sum(end - start for start, end, _ in spans)
        print(f"worker   {len(spans):4d} documents        pid {pid:>7s} {spans[0][0]:7.2f}-{spans[-1][1]:7.2f} s, "
              f"{sum(cpu for *_, cpu in spans):5.2f} CPU s in {busy:.2f} s busy, idle between documents {idle:.2f} s")
    print(f"whole build {ended - started:.2f} s wall; load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gb-timeline-") as tmp:
        log = Path(tmp) / "timeline.tsv"
        log.touch()
        _instrument(log)
        from graphbuild.cli.main import cli

        started = time.monotonic()
        try:
            cli.main(["--quiet", "build", *args.inputs, "--out", str(Path(tmp) / "out"), "--jobs", str(args.jobs)],
                     standalone_mode=False)
        finally:
            _report(log, started, time.monotonic())


if __name__ == "__main__":
    main()
