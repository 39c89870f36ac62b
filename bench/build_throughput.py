"""Build throughput on distinct articles: articles and characters per second, per language, for
ingest and extraction in-process and for the command line end to end, against a baseline measured
in the same run (reading and sentence-splitting the same articles only).

    python bench/build_throughput.py [--generate N] [--seed S] [--langs kk ru en] [--cli-jobs N ...]
                                     [--rounds R] [--skip-in-process]
    python bench/build_throughput.py INPUT ... [--warmup PATH ...] [--repeat N] [--cli-jobs N ...]

By default the articles are made by ``bench/corpus.py`` (``--generate``, default 90, in turn kk,
ru, en, seeded), so every measured article is a text no cache has met; the models and the
knowledge base are loaded first by warming up on a few articles of another seed. Given INPUTs are
measured instead (``--repeat`` above 1 measures repeats, which word caches flatter). The generated
articles recombine sentences of our own articles, so words recur as they do in a real news stream.

Prints, per language and overall: ingest (reading, boilerplate, language identification),
extraction (``process_document``: analysis, parse, entities, events) wall and per CPU-second, the
baseline, their ratio, what the dependency parse costs; then ``graphbuild build INPUT --out TMP
--jobs N`` in a fresh process for each N of ``--cli-jobs`` (default 1 and 2): wall time including
start-up and every export, per CPU-second of the command and its workers, the speed-up over the
first N, peak RSS of the largest process, and the memory of the merged graph per article. CPU
rates are what one free core does; wall rates depend on what else runs on the machine, so
``--rounds R`` runs the builds of ``--cli-jobs`` R times in turn and prints the median speed-up of
the back-to-back pairs (``--skip-in-process`` leaves out the in-process rates).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

import corpus

from graphbuild.graph.records import read_records
from graphbuild.ingest import read_inputs
from graphbuild.language import get_analyzer
from graphbuild.language.segment import split_sentences
from graphbuild.language.syntax import parse
from graphbuild.model import Document
from graphbuild.pipeline import _knowledge_base, process_document

REPO = Path(__file__).resolve().parents[1]


def _docs(paths: list[str]) -> list[Document]:
    return [d for d in read_inputs(paths) if isinstance(d, Document)]


class _Rates:
    """Wall and CPU seconds of one kind of work, per language."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.chars: dict[str, int] = defaultdict(int)

    def run(self, docs: list[Document], repeat: int, work: Callable[[Document], object]) -> _Rates:
        for _ in range(repeat):
            for doc in docs:
                wall, cpu = time.perf_counter(), time.process_time()
                work(doc)
                self.wall[doc.lang] += time.perf_counter() - wall
                self.cpu[doc.lang] += time.process_time() - cpu
                self.count[doc.lang] += 1
                self.chars[doc.lang] += len(doc.text)
        return self

    def rate(self, lang: str | None = None) -> float:
        """Articles per wall second (all languages when ``lang`` is None)."""
        return self._total(self.count, lang) / max(self._total(self.wall, lang), 1e-9)

    def cpu_rate(self, lang: str | None = None) -> float:
        return self._total(self.count, lang) / max(self._total(self.cpu, lang), 1e-9)

    def char_rate(self, lang: str | None = None) -> float:
        return self._total(self.chars, lang) / max(self._total(self.wall, lang), 1e-9)

    @staticmethod
    def _total(values: dict[str, float] | dict[str, int], lang: str | None) -> float:
        return values.get(lang, 0) if lang else sum(values.values())


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


def _cli_rate(inputs: list[str], articles: int, jobs: int, measure_graph: bool = True) -> tuple[float, float, float]:
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
        if jobs == 1 and measure_graph:
            print(f"merged graph in memory: {_graph_kb_per_article(Path(tmp)):.1f} KB per article")
    # ru_maxrss of waited-for children: the largest of them so far, in KB on Linux.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return articles / seconds, articles / cpu, peak


_SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def _machine_speedup() -> float:
    """How much more a fixed pure-Python loop gets done in two processes at once than in one, here
    and now: the ceiling any --jobs 2 speed-up measured beside it has (about x1.8 on this project's
    two vCPUs when nothing else runs, near x1 when other work keeps a core busy)."""
    def run(copies: int) -> float:
        start = time.perf_counter()
        for proc in [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(copies)]:
            proc.wait()
        return time.perf_counter() - start

    return 2 * run(1) / run(2)


def _write_generated(folder: Path, n: int, seed: int, langs: list[str]) -> list[str]:
    """The generated articles as one JSONL file (with publication dates) for the CLI to read."""
    # In another process: the generator reads our articles, which would load the language
    # identifier's models here and flatter the first read measured below.
    subprocess.run([sys.executable, str(Path(corpus.__file__)), "--n", str(n), "--seed", str(seed), "--out",
                    str(folder), "--format", "jsonl", "--langs", *langs], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    return [str(folder / "corpus.jsonl")]


def _print_rates(label: str, rates: _Rates, langs: list[str]) -> None:
    parts = [f"{lang} {rates.rate(lang):6.1f}/s {rates.char_rate(lang) / 1000:6.1f}k chars/s" for lang in langs]
    print(f"{label:34s} all {rates.rate():6.1f}/s ({rates.cpu_rate():6.1f} per CPU-s) | {' | '.join(parts)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="measure these articles instead of generated ones")
    parser.add_argument("--generate", type=int, default=90, metavar="N", help="generated articles (default 90)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--langs", nargs="+", default=list(corpus.LANGS))
    parser.add_argument("--warmup", nargs="*", default=None,
                        help="articles to load the models on (default: 6 generated ones of another seed)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cli-jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the --cli-jobs builds this many times in turn (1, 2, 1, 2, ...): on a shared "
                             "machine the load moves between runs, and the median ratio of the pairs is steadier")
    parser.add_argument("--skip-in-process", action="store_true",
                        help="only the command-line builds (the in-process rates take about a minute)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gb-corpus-") as tmp:
        inputs = args.inputs or _write_generated(Path(tmp), args.generate, args.seed, args.langs)
        read_start = time.perf_counter()
        docs = _docs(inputs)
        if not docs:
            raise SystemExit("no readable article in the inputs")
        ingest_seconds = time.perf_counter() - read_start
        langs = sorted({d.lang for d in docs}, key=lambda lang: (lang not in args.langs, lang))
        chars = sum(len(d.text) for d in docs) / len(docs)
        print(f"articles: {len(docs)} distinct ({json.dumps({g: sum(d.lang == g for d in docs) for g in langs})}), "
              f"mean {chars:.0f} chars, repeats {args.repeat}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"ingest (read, clean, language id), first read:  {len(docs) / ingest_seconds:6.1f} articles/s")
        if not args.skip_in_process:
            warmup = (_docs(args.warmup) if args.warmup is not None
                      else list(corpus.documents(2 * len(args.langs), args.seed + 1000, args.langs)))
            _knowledge_base(())
            for doc in warmup:  # load every model once, on articles that are not measured
                process_document(doc)
            full = _Rates().run(docs, args.repeat, process_document)  # first: no cache has seen these articles
            baseline = _Rates().run(docs, args.repeat, lambda d: split_sentences(d.text, d.lang))
            ingest = _Rates().run(docs, 1, lambda d: read_inputs(["-"], stdin_text=d.text).__next__())
            # Both with the analyzer's word caches now warm, so their difference is the parser's own cost.
            analysis = _Rates().run(docs, args.repeat, lambda d: get_analyzer(d.lang).analyze(d.text))
            parsed = _Rates().run(docs, args.repeat, lambda d: parse(get_analyzer(d.lang).analyze(d.text), d.lang))
            _print_rates("baseline (sentence split only)", baseline, langs)
            _print_rates("ingest of one text (warm)", ingest, langs)
            _print_rates("analysis without parse (warm)", analysis, langs)
            _print_rates("analysis with parse (warm)", parsed, langs)
            _print_rates("full extraction", full, langs)
            print(f"ratio full/baseline: {full.rate() / baseline.rate():.4f}; "
                  f"parse cost per article: {1 / parsed.rate() - 1 / analysis.rate():.4f} s; "
                  f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        speedups: dict[int, list[float]] = defaultdict(list)
        for round_no in range(args.rounds):
            if len(args.cli_jobs) > 1:
                print(f"this machine now: two processes of a pure-Python loop do x{_machine_speedup():.2f} "
                      "the work of one in the same time", flush=True)
            first = None
            for jobs in args.cli_jobs:
                load = os.getloadavg()[0]
                rate, per_cpu, peak = _cli_rate(inputs, len(docs), jobs, measure_graph=round_no == 0)
                first = first or rate
                speedups[jobs].append(rate / first)
                print(f"CLI end to end, --jobs {jobs}: {rate:6.2f} articles/s wall, {per_cpu:.2f} per CPU-second, "
                      f"x{rate / first:.2f} the first --jobs (largest process so far: peak RSS {peak:.0f} MB; "
                      f"load average {load:.1f} -> {os.getloadavg()[0]:.1f})", flush=True)
        if args.rounds > 1:
            print("speed-up over the first --jobs, each round's pair back to back: " + "; ".join(
                f"--jobs {jobs} median x{statistics.median(ratios):.2f} (x{min(ratios):.2f}-x{max(ratios):.2f})"
                for jobs, ratios in speedups.items()))


if __name__ == "__main__":
    main()
