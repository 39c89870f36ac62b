"""Measure graphbuild's named-entity recognisers.

    python bench/ner_eval.py kk   # shipped Kazakh CRF on KazNERD test (entity-level P/R/F1 per class)
    python bench/ner_eval.py en   # English chunker on bench/ner_en_gold.jsonl (our own sentences, used
                                  # while writing the rules), ner_en_heldout.jsonl (never tuned on) and,
                                  # untyped, on proper-noun chunks of the PETRARCH GSR English parses
    python bench/ner_eval.py gum  # English NER, typed, on named person/place/organization mentions of GUM's
                                  # test news, interview and bio documents (exact span, and head word inside)
    python bench/ner_eval.py ru   # Russian (natasha) on bench/ner_ru_gold.jsonl (our own sentences)

Data under ../shared is read from the repository's sibling folder; a missing file is reported.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from graphbuild.entities.ner import recognize
from graphbuild.entities.ner.plain import plain_sentences
from graphbuild.entities.ner.scoring import score_chunks
from graphbuild.language.base import Sentence

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
HERE = Path(__file__).resolve().parent


ANALYZERS = {
    "kk": ("graphbuild.language.kk.analyzer", "KazakhAnalyzer"),
    "ru": ("graphbuild.language.ru", "RussianAnalyzer"),
    "en": ("graphbuild.language.en", "EnglishAnalyzer"),
}
USE_ANALYZER = True


def _analyze(text: str, lang: str) -> list[Sentence]:
    """Sentences from the language's analyzer when it is installed, else from the plain segmenter."""
    if USE_ANALYZER:
        module, name = ANALYZERS[lang]
        try:
            analyzer = getattr(importlib.import_module(module), name)()
        except (ImportError, AttributeError):
            pass
        else:
            return analyzer.analyze(text)
    return plain_sentences(text, lang)


def _table(scores: dict[str, dict[str, float]], title: str) -> None:
    print(f"\n{title}")
    print(f"{'class':16s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>6s}")
    for k, v in scores.items():
        print(f"{k:16s} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:6d}")


def _gold_spans(text: str, entities: Iterable[list[str]]) -> set[tuple[str, int, int]]:
    """Gold (kind, start, end) from surface strings listed in text order."""
    spans: set[tuple[str, int, int]] = set()
    pos = 0
    for surface, kind in entities:
        start = text.find(surface, pos)
        if start < 0:
            raise ValueError(f"gold entity {surface!r} not found in {text!r}")
        spans.add((kind, start, start + len(surface)))
        pos = start + len(surface)
    return spans


def eval_gold(path: Path, lang: str) -> None:
    if not path.is_file():
        print(f"gold file not found: {path}", file=sys.stderr)
        return
    gold, pred, gold_u, pred_u = [], [], [], []
    n_sent = 0
    t0 = time.perf_counter()
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        sents = _analyze(rec["text"], lang)
        n_sent += len(sents)
        found = {(m.kind, m.start, m.end) for m in recognize(sents, lang, f"gold-{i}")}
        g = _gold_spans(rec["text"], rec["entities"])
        gold.append(g)
        pred.append(found)
        gold_u.append({("span", s, e) for _, s, e in g})
        pred_u.append({("span", s, e) for _, s, e in found})
        for miss in sorted(g - found):
            print(f"  miss {rec['text'][miss[1] : miss[2]]!r} {miss[0]}")
        for extra in sorted(found - g):
            print(f"  extra {rec['text'][extra[1] : extra[2]]!r} {extra[0]}")
    secs = time.perf_counter() - t0
    _table(score_chunks(gold, pred), f"{lang} gold {path.name}: typed exact match")
    _table(score_chunks(gold_u, pred_u), f"{lang} gold {path.name}: untyped exact span")
    print(f"{n_sent} sentences in {secs:.2f} s")


def _propn_chunks(text: str, parse: str) -> set[tuple[str, int, int]]:
    """Maximal runs of PROPN tokens in a CoNLL-U parse, as character spans of `text`."""
    spans: set[tuple[str, int, int]] = set()
    pos = 0
    run: tuple[int, int] | None = None
    for row in parse.splitlines():
        cols = row.split("\t")
        if len(cols) < 4 or not cols[0].isdigit():
            continue
        start = text.find(cols[1], pos)
        if start < 0:
            run = None
            continue
        end = start + len(cols[1])
        pos = end
        if cols[3] == "PROPN":
            run = (run[0], end) if run else (start, end)
        else:
            if run:
                spans.add(("span", *run))
            run = None
    if run:
        spans.add(("span", *run))
    return spans


def eval_petrarch() -> None:
    path = SHARED / "petrarch" / "universalpetrarch_gsr_en.jsonl"
    if not path.is_file():
        print(f"PETRARCH GSR file not found: {path}", file=sys.stderr)
        return
    gold, pred = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("parse_format") != "conllu" or not rec.get("parse"):
            continue
        text = rec["text"]
        gold.append(_propn_chunks(text, rec["parse"]))
        pred.append(
            {("span", m.start, m.end) for m in recognize(plain_sentences(text, "en"), "en", rec["id"])}
        )
    _table(
        score_chunks(gold, pred), f"PETRARCH GSR en ({len(gold)} sentences): names vs PROPN chunks, untyped"
    )


def eval_gum() -> None:
    from graphbuild.entities.ner.gum import gum_test_documents

    gum = SHARED / "ud" / "en_gum"
    if not (gum / "split-test.txt").is_file():
        print(f"GUM not found: {gum}", file=sys.stderr)
        return
    gold, pred, gold_h, pred_h = [], [], [], []
    for doc_id, sentences in gum_test_documents(gum).items():
        # One text per document (a paragraph per sentence), so document-level evidence is seen.
        offsets, parts, pos = [], [], 0
        for s in sentences:
            offsets.append(pos)
            parts.append(s.text)
            pos += len(s.text) + 2
        text = "\n\n".join(parts)
        found = {(m.kind if m.kind != "Country" else "Place", m.start, m.end)
                 for m in recognize(_analyze(text, "en"), "en", doc_id) if m.kind != "Group"}
        g = {(k, a + off, b + off) for s, off in zip(sentences, offsets, strict=True) for k, a, b in s.names}
        gold.append(g)
        pred.append(found)
        # Lenient: a found name counts when it lies inside a gold name of its kind and shares its end.
        gold_h.append({(k, b) for k, _, b in g})
        pred_h.append({(k, b) for k, _, b in found})
    _table(score_chunks(gold, pred), f"GUM test news/interview/bio ({len(gold)} documents): typed exact span")
    _table(score_chunks(gold_h, pred_h), "GUM test news/interview/bio: typed, same last word")


def eval_kk() -> None:
    from graphbuild.entities.ner.kk_crf import MODEL_PATH
    from graphbuild.training import KK_TEST_FILE, evaluate_kk_ner

    test = SHARED / "kaznerd" / KK_TEST_FILE
    if not test.is_file():
        print(f"KazNERD test file not found: {test}", file=sys.stderr)
        return
    t0 = time.perf_counter()
    report = evaluate_kk_ner(test, MODEL_PATH)
    secs = time.perf_counter() - t0
    _table(
        report["test_scores"], f"KazNERD test ({report['test_sentences']} sentences), model {MODEL_PATH.name}"
    )
    _table(
        {"micro": report["test_scores_actor_classes"]},
        "classes recognize() keeps (PERSON GPE LOCATION ORGANISATION NORP)",
    )
    print(f"model {MODEL_PATH.stat().st_size / 1e6:.2f} MB; features+tagging {secs:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("lang", choices=["kk", "ru", "en", "gum"])
    parser.add_argument("--plain", action="store_true", help="segmenter tokens only, no language analyzer")
    args = parser.parse_args(argv)
    global USE_ANALYZER
    USE_ANALYZER = not args.plain
    if args.lang == "kk":
        eval_kk()
    elif args.lang == "gum":
        eval_gum()
    elif args.lang == "en":
        eval_gold(HERE / "ner_en_gold.jsonl", "en")
        eval_gold(HERE / "ner_en_heldout.jsonl", "en")  # written after the rules were tuned; never tuned on
        eval_petrarch()
    else:
        eval_gold(HERE / "ner_ru_gold.jsonl", "ru")
    return 0


if __name__ == "__main__":
    sys.exit(main())
