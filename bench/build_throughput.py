"""Extraction throughput on one core: articles per second for the whole pipeline, against a
baseline measured in the same run (reading and sentence-splitting the same articles only).

    python bench/build_throughput.py [INPUT ...] [--repeat N]

Defaults to the bundled examples/. Prints both rates and their ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from graphbuild.ingest import IngestError, read_inputs
from graphbuild.language.segment import split_sentences
from graphbuild.pipeline import _knowledge_base, process_document

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    docs = [d for d in read_inputs(args.inputs) if not isinstance(d, IngestError)]
    if not docs:
        raise SystemExit("no readable article in the inputs")
    _knowledge_base(())  # load the KB and models once, outside the timed loops
    for doc in docs:  # warm caches (analyzers, NER models) the same way for both measurements
        process_document(doc)

    start = time.perf_counter()
    for _ in range(args.repeat):
        for doc in docs:
            split_sentences(doc.text, doc.lang)
    baseline = len(docs) * args.repeat / (time.perf_counter() - start)

    start = time.perf_counter()
    for _ in range(args.repeat):
        for doc in docs:
            process_document(doc)
    full = len(docs) * args.repeat / (time.perf_counter() - start)
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"articles: {len(docs)} (mean {chars:.0f} chars), repeats: {args.repeat}")
    print(f"baseline (sentence split only): {baseline:10.1f} articles/s")
    print(f"full pipeline:                  {full:10.1f} articles/s")
    print(f"ratio full/baseline:            {full / baseline:10.4f}")


if __name__ == "__main__":
    main()
