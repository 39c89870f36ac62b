"""Language identification with and without its shortcuts: the same languages, and how often lingua runs.

    python bench/langid_check.py [PATH ...] [--generate N]

Reads every article of the paths (default: examples/, tests/data/dev, both held-out sets and the
ingest test data) and compares, per article, the document language and each paragraph's language
as ``analyse_languages`` gives them with the letter and function-word shortcuts (what the build
uses) and with lingua asked whenever it has a choice. Prints only counts and, for a mismatch, the
article's source and the two answers: never a text, so the held-out sets stay unseen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

import corpus

from graphbuild.ingest import langid, read_inputs
from graphbuild.model import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = [REPO / "examples", REPO / "tests" / "data" / "dev", REPO / "tests" / "data" / "heldout",
                 REPO / "tests" / "data" / "heldout2", REPO / "tests" / "data" / "ingest"]


class _CountingLingua:
    """Counts the calls of langid's accurate lingua ranking (the costly step the shortcuts avoid)."""

    def __init__(self) -> None:
        self.calls = 0
        self._inner = langid._accurate_ranking

    def __call__(self, text: str, codes: frozenset[str]) -> list[tuple[str, float]]:
        self.calls += 1
        return self._inner(text, codes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    parser.add_argument("--generate", type=int, default=0, help="also check N articles of bench/corpus.py")
    args = parser.parse_args()
    counter = _CountingLingua()
    langid._accurate_ranking = counter  # count only; the answers are lingua's own
    sets: list[tuple[str, list[tuple[str, str]]]] = []
    for path in args.paths:
        docs = [(d.source, d.text) for d in read_inputs([str(path)]) if isinstance(d, Document)]
        sets.append((str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path), docs))
    if args.generate:
        sets.append((f"generated ({args.generate})", [(a.name, a.text) for a in corpus.articles(args.generate)]))
    total_bad = 0
    for name, docs in sets:
        timing, calls, answers = {}, {}, {}
        for mode in (False, True):
            counter.calls = 0
            start = time.process_time()
            answers[mode] = [langid.analyse_languages(text, shortcuts=mode) for _, text in docs]
            timing[mode], calls[mode] = time.process_time() - start, counter.calls
        bad = [(src, a, b) for (src, _), a, b in zip(docs, answers[False], answers[True], strict=True) if a != b]
        paragraphs = sum(len(a[1]) for a in answers[True])
        print(f"{name}: {len(docs)} articles, {paragraphs} paragraphs, {len(bad)} mismatches; lingua calls "
              f"{calls[False]} -> {calls[True]}, CPU {timing[False]:.2f} s -> {timing[True]:.2f} s")
        for src, lingua_answer, shortcut_answer in bad:
            print(f"  MISMATCH {src}: lingua {lingua_answer} shortcuts {shortcut_answer}")
        total_bad += len(bad)
    raise SystemExit(1 if total_bad else 0)


if __name__ == "__main__":
    main()
