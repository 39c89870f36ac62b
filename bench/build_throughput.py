"""Extraction throughput on one core: articles per second for the whole pipeline, against a
baseline measured in the same run (reading and sentence-splitting the same articles only), and
what the dependency parse costs (the same articles analysed without and with their parser).

    python bench/build_throughput.py [INPUT ...] [--warmup DIR ...] [--repeat N] [--cli-jobs N ...]

Models and the knowledge base are loaded by warming up on other articles (``--warmup``, default
the bundled examples/), so the measured articles are seen once each and no word cache has met
them before (``--repeat`` above 1 measures repeats, which caches flatter).  Defaults to the dev
and second held-out sets (60 distinct articles).  Prints the rates and their ratios.

Then the same articles through the command line end to end (``graphbuild build INPUT... --out
TMP --jobs N`` in a fresh process, for each N of ``--cli-jobs``, default 1 and 2): wall time
including start-up, reading, language identification and every export, the same per CPU-second of
the command and its workers, the largest process's peak RSS, and the memory of the merged graph
per article. CPU-second rates are what one free core does; wall rates depend on what else runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from graphbuild.graph.records import read_records
from graphbuild.ingest import read_inputs
from graphbuild.language import get_analyzer
from graphbuild.language.segment import split_sentences
from graphbuild.language.syntax import parse
from graphbuild.model import Document
from graphbuild.pipeline import _knowledge_base, process_document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [str(REPO / "tests" / "data" / "dev"), str(REPO / "tests" / "data" / "heldout2")]


def _docs(paths: list[str]) -> list[Document]:
    return [d for d in read_inputs(paths) if isinstance(d, Document)]


def _rate(docs: list[Document], repeat: int, work: Callable[[Document], object]) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            work(doc)
    return len(docs) * repeat / (time.perf_counter() - start)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _graph_kb_per_article(out_dir: Path) -> float:
    """Memory of the merged graph a build holds until its exports are written, per article
    (loaded back from the build's records: the same objects the build merged)."""
    tracemalloc.start()
    graph = read_records(out_dir)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return size / 1024 / max(1, len(graph.documents))


def _cli_rate(inputs: list[str], articles: int, jobs: int) -> tuple[float, float, float]:
    """Articles/s of `graphbuild build` end to end in a fresh process (wall, and per CPU-second of
    it and its workers), and the peak RSS in MB."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="gb-throughput-") as tmp:
        argv = [sys.executable, "-m", "graphbuild", "--quiet", "build", *inputs, "--out", tmp, "--jobs", str(jobs)]
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True)
        seconds = time.perf_counter() - start
        cpu = _children_cpu() - cpu
        if jobs == 1:
            print(f"merged graph in memory:         {_graph_kb_per_article(Path(tmp)):10.1f} KB per article")
    # ru_maxrss of waited-for children: the largest of them so far, in KB on Linux.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return articles / seconds, articles / cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--warmup", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cli-jobs", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    docs = _docs(args.inputs)
    if not docs:
        raise SystemExit("no readable article in the inputs")
    _knowledge_base(())
    for doc in _docs(args.warmup):  # load every model once, on articles that are not measured
        process_document(doc)

    cpu_start = time.process_time()
    full = _rate(docs, args.repeat, process_document)  # first: no cache has seen these articles
    full_cpu = len(docs) * args.repeat / (time.process_time() - cpu_start)
    baseline = _rate(docs, args.repeat, lambda d: split_sentences(d.text, d.lang))
    # Both with the analyzer's word caches now warm, so their difference is the parser's own cost.
    analysis = _rate(docs, args.repeat, lambda d: get_analyzer(d.lang).analyze(d.text))
    parsed = _rate(docs, args.repeat, lambda d: parse(get_analyzer(d.lang).analyze(d.text), d.lang))
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"articles: {len(docs)} distinct (mean {chars:.0f} chars), repeats: {args.repeat}")
    print(f"baseline (sentence split only): {baseline:10.1f} articles/s")
    print(f"analysis without parse (warm):  {analysis:10.1f} articles/s")
    print(f"analysis with parse (warm):     {parsed:10.1f} articles/s")
    print(f"full pipeline:                  {full:10.1f} articles/s")
    print(f"full pipeline per CPU-second:   {full_cpu:10.1f} articles/s (what one free core does)")
    print(f"ratio full/baseline:            {full / baseline:10.4f}")
    print(f"parse cost per article:         {1 / parsed - 1 / analysis:10.4f} s")
    for jobs in args.cli_jobs:
        rate, per_cpu, peak = _cli_rate(args.inputs, len(docs), jobs)
        print(f"CLI end to end, --jobs {jobs}:      {rate:10.1f} articles/s, {per_cpu:.1f} per CPU-second "
              f"(largest process so far: peak RSS {peak:.0f} MB)")


if __name__ == "__main__":
    main()
