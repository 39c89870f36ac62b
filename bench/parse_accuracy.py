"""Dependency parsing accuracy of graphbuild's parsers on UD test files, with gold tokens.

Usage: python bench/parse_accuracy.py [--lang en|ru|kk] [--limit N] [--cut gold|ours|both]

Prints UAS, LAS (full relation, nsubj:pass), LAS on the universal part only (CoNLL 2018), UPOS
accuracy where the parser tags, and tokens/s of parsing alone (one process; set OMP_NUM_THREADS=1
for one core).  cut=ours re-cuts the gold words into our tokenizer's tokens ("Russia's") first.
English also scores lemmas and UPOS through the real path (our analyzer on the sentence text, then
the parser) on the tokens where our tokenizer agrees with UD.  The shipped Kazakh model is trained
on all of UD Kazakh-KTB, so its accuracy comes from the k-fold figures in its JSON report.
Reads ../shared/data next to the repository; says so and exits 2 when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from graphbuild.language import get_analyzer
from graphbuild.language.syntax import get_parser
from graphbuild.language.syntax.conllu import UdSentence, read_ud
from graphbuild.language.syntax.models import MODEL_DIR, SHARED_DATA
from graphbuild.language.syntax.scoring import score_parser

UD = SHARED_DATA / "ud"


def test_sets(lang: str) -> dict[str, list[Path]]:
    """The UD test files per language (GUM's test documents by its own split list)."""
    if lang == "en":
        gum = UD / "en_gum"
        test_ids = {line.strip() for line in (gum / "split-test.txt").read_text(encoding="utf-8").splitlines()
                    if line.strip()}
        return {"en_ewt-ud-test": [UD / "en_ewt" / "en_ewt-ud-test.conllu"],
                "GUM test documents": sorted(f for f in gum.glob("GUM_*.conllu") if f.stem in test_ids)}
    if lang == "ru":
        return {"ru_gsd-ud-test": [UD / "ru_gsd" / "ru_gsd-ud-test.conllu"],
                "ru_taiga-ud-test": [UD / "ru_taiga" / "ru_taiga-ud-test.conllu"]}
    return {"kk_ktb-ud-test (speed only)": [SHARED_DATA / "ud_kk_ktb" / "kk_ktb-ud-test.conllu"]}


def english_lemmas(gold: list[UdSentence]) -> dict[str, Any]:
    """Lemma, UPOS and feature-set accuracy of analyzer alone, analyzer + tagger POS, and analyzer + tagger +
    re-lemmatised open classes, on tokens whose span our tokenizer shares with UD."""
    from graphbuild.language.syntax.english import EnglishParser

    analyzer = get_analyzer("en")
    variants = {"analyzer": None,
                "UD parser POS, analyzer lemma": EnglishParser("en", MODEL_DIR / "en_parser", relemmatize=False),
                "UD parser POS, lemma from it": EnglishParser("en", MODEL_DIR / "en_parser"),
                "profile parser POS, lemma from it": get_parser("en")}
    counts = {name: [0, 0, 0, 0] for name in variants}  # tokens, lemma, upos, feats (all features equal)
    for s in gold:
        text, spans = s.surface()
        if s.multiword:
            continue
        word_at = {span: w for span, w in zip(spans, s.words, strict=True)}
        for name, parser in variants.items():
            sentences = analyzer.analyze(text)
            if parser is not None:
                parser.parse(sentences)
            for sentence in sentences:
                for t in sentence.tokens:
                    w = word_at.get((t.start, t.end))
                    if w is None:
                        continue
                    c = counts[name]
                    c[0] += 1
                    c[1] += t.lemma == w.lemma
                    c[2] += t.pos == w.upos
                    c[3] += {k: v for k, v in t.feats.items() if k != "Poss"} == w.feats
    return {name: {"tokens": n, "lemma": round(lem / n, 4), "upos": round(pos / n, 4), "feats": round(ft / n, 4)}
            for name, (n, lem, pos, ft) in counts.items() if n}


def _row(name: str, scores: dict[str, Any]) -> str:
    upos = f"{scores['upos']:.4f}" if scores.get("upos") is not None else "-"
    return (f"  {name:<32} {scores['cut']:<5} {scores['sentences']:>5} {scores['tokens']:>6}  "
            f"UAS {scores['uas']:.4f}  LAS {scores['las']:.4f}  LAS(univ) {scores['las_universal']:.4f}  "
            f"UPOS {upos}  {scores['tokens_per_s']} tok/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=["en", "ru", "kk"], action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each test set")
    parser.add_argument("--cut", choices=["gold", "ours", "both"], default="both")
    args = parser.parse_args()
    langs = args.lang or ["en", "ru", "kk"]
    if not UD.is_dir() or not (SHARED_DATA / "ud_kk_ktb").is_dir():
        print(f"UD data is absent: {UD} (or ../shared/data/ud_kk_ktb) not found; nothing measured.", file=sys.stderr)
        return 2
    cuts = ["gold", "ours"] if args.cut == "both" else [args.cut]
    for lang in langs:
        parsers: list[tuple[str, Any]] = [(f"{type(get_parser(lang)).__name__} (the profile's)", get_parser(lang))]
        if lang == "en":
            from graphbuild.language.syntax.english import EnglishParser

            # the UD parser trained by us stays shipped and measured beside the one in use
            parsers.append(("EnglishParser (ours, UD-trained, models/en_parser)",
                            EnglishParser("en", MODEL_DIR / "en_parser")))
        for label, p in parsers:
            print(f"{lang}: {label}")
            for name, files in test_sets(lang).items():
                missing = [f for f in files if not f.is_file()]
                if missing or not files:
                    print(f"UD test file absent: {missing[0] if missing else name}; nothing measured.",
                          file=sys.stderr)
                    return 2
                gold = [s for f in files for s in read_ud(f)][: args.limit]
                for cut in cuts:
                    scores = score_parser(p, gold, lang, cut=cut)
                    if lang == "kk":  # the shipped model has seen these sentences: speed only
                        print(f"  {name:<32} {cut:<5} {scores['tokens']:>6} tokens  {scores['tokens_per_s']} tok/s")
                    else:
                        print(_row(name, scores))
        for name, files in test_sets(lang).items():
            gold = [s for f in files for s in read_ud(f)][: args.limit]
            if lang == "en":
                print(f"  {name}: lemmas, UPOS and features through the real path (text -> analyzer -> parser)")
                for variant, scores in english_lemmas(gold).items():
                    print(f"    {variant:<36} {scores['tokens']:>6} tokens  "
                          f"lemma {scores['lemma']:.4f}  UPOS {scores['upos']:.4f}  feats {scores['feats']:.4f}")
        if lang == "kk":
            report_path = MODEL_DIR / "kk_parser.json"
            report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
            kfold = report.get("kfold", {})
            print(f"  k-fold figures FROM THE MODEL'S TRAINING REPORT ({report_path.name}, not measured now): "
                  f"{kfold.get('scheme', '?')}")
            print(f"    mean over {kfold.get('folds', '?')} folds: {json.dumps(kfold.get('mean', {}))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
