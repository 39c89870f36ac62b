"""Where a one-job build's time goes, stage by stage, in one fresh process as ``graphbuild build``
runs it: imports, knowledge base, reading (boilerplate, language identification), extraction (the
first document of each language apart: it loads that language's models), merging, geography, and
each export format.

    python bench/stage_throughput.py [--generate N] [--seed S] [INPUT ...]

By default the articles are made by ``bench/corpus.py`` (seeded, distinct). Prints CPU and wall
seconds per stage and their share of the whole; the CLI's own overhead (argument parsing, the
progress bar, the summary table) is left out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent


class _Clock:
    """CPU and wall seconds per stage, in the order the stages first ran."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            yield
        finally:
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall

    def report(self, articles: int) -> None:
        total_cpu, total_wall = sum(self.cpu.values()), sum(self.wall.values())
        print(f"{'stage':28s} {'CPU s':>8s} {'share':>6s} {'wall s':>8s}")
        for name in self.cpu:
            print(f"{name:28s} {self.cpu[name]:8.2f} {self.cpu[name] / total_cpu:6.1%} {self.wall[name]:8.2f}")
        print(f"{'total':28s} {total_cpu:8.2f} {1:6.1%} {total_wall:8.2f}  "
              f"({articles / total_cpu:.2f} articles per CPU-second, {articles / total_wall:.2f} per wall second)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="build these instead of generated articles")
    parser.add_argument("--generate", type=int, default=200, metavar="N")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    clock = _Clock()
    with clock.stage("import"):
        from graphbuild.export import EXPORT_FORMATS, write_format
        from graphbuild.graph.geography import locate
        from graphbuild.graph.knowledge_graph import KnowledgeGraph
        from graphbuild.ingest import IngestError, read_inputs
        from graphbuild.model import Document
        from graphbuild.pipeline import _knowledge_base, freeze_loaded, isolated_process_document
    with tempfile.TemporaryDirectory(prefix="gb-stages-") as tmp:
        inputs = args.inputs
        if not inputs:  # in another process: the generator reads our articles, loading language models here
            subprocess.run([sys.executable, str(BENCH / "corpus.py"), "--n", str(args.generate), "--seed",
                            str(args.seed), "--out", tmp, "--format", "jsonl"], check=True, stdout=subprocess.DEVNULL)
            inputs = [str(Path(tmp) / "corpus.jsonl")]
        with clock.stage("knowledge base"):
            _knowledge_base(())
        with clock.stage("read (ingest, language id)"):
            docs = [d for d in read_inputs(inputs) if isinstance(d, Document)]
        graph = KnowledgeGraph()
        seen: set[str] = set()
        for doc in docs:
            first = doc.lang not in seen
            seen.add(doc.lang)
            with clock.stage(f"extract, first {doc.lang}" if first else "extract"):
                part = isolated_process_document(doc)
            if first:  # as the build does once a language's models are loaded (kept frozen to the end)
                with clock.stage("gc.freeze"):
                    freeze_loaded()
            if not isinstance(part, IngestError):
                with clock.stage("merge"):
                    graph.merge(part.graph)
        with clock.stage("locate"):
            locate(graph)
        out = Path(tmp) / "out"
        out.mkdir()
        for fmt in EXPORT_FORMATS:
            with clock.stage(f"write {fmt}"):
                write_format(graph, out, "stages", fmt)
    print(f"{len(docs)} articles, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    clock.report(len(docs))


if __name__ == "__main__":
    main()
