"""Reproducible training of the models graphbuild ships.

    python -m graphbuild.training kk-ner --data ../shared/data/kaznerd --out graphbuild/models/kk_ner.crfsuite
    python -m graphbuild.training en-parser      # or kk-parser: see graphbuild.language.syntax.training

KazNERD's train split is not available to us, so the Kazakh model is trained on its validation
split and scored on its test split.  Parameters are fixed so the same data gives the same model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from graphbuild.entities.ner.conll import read_iob2
from graphbuild.entities.ner.kk_crf import MODEL_PATH, WordAnalyzer, sentence_features, words_to_tokens
from graphbuild.entities.ner.labels import kind_for
from graphbuild.entities.ner.scoring import score_iob
from graphbuild.entities.ner.spans import iob_chunks

KK_TRAIN_FILE = "IOB2_valid.txt"
KK_TEST_FILE = "IOB2_test.txt"
# c1 (L1) prunes the feature set so the shipped model stays small; c2 smooths what remains.
KK_CRF_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}


def default_model_path() -> Path:
    """Where the shipped Kazakh NER model lives (and where recognition loads it from)."""
    return MODEL_PATH


def _kk_word_analyzer() -> tuple[WordAnalyzer | None, str]:
    """Lemma and features per word from graphbuild's Kazakh analyzer, when that module is present.

    Recognition reads the lemma and Case the analyzer puts on each token; training must see them
    the same way.  Without the analyzer the model is trained on surface features only.
    """
    try:
        from graphbuild.language.kk.analyzer import analyze_token
    except ImportError:
        return None, "none"

    def analyze(word: str, sentence_initial: bool) -> tuple[str, dict[str, str]]:
        a = analyze_token(word, sentence_initial)
        return a.lemma, dict(a.feats)

    return analyze, "graphbuild.language.kk.analyzer.analyze_token"


def _features(
    sentences: list[tuple[list[str], list[str]]], analyze: WordAnalyzer | None
) -> list[list[list[str]]]:
    return [sentence_features(words_to_tokens(words, analyze)) for words, _ in sentences]


def evaluate_kk_ner(test_path: Path, model: Path, every: int = 1) -> dict[str, Any]:
    """Entity-level scores (exact span match, per class and micro) of a model on an IOB2 file.

    `every` > 1 scores every n-th sentence only (a fixed, reproducible sample for quick checks).
    """
    test = read_iob2(test_path)[::every]
    analyze, _ = _kk_word_analyzer()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    pred = [tagger.tag(f) for f in _features(test, analyze)]
    gold = [tags for _, tags in test]
    actor_classes = {tag for tag in {c[0] for g in gold for c in iob_chunks(g)} if kind_for("kk", tag)}
    return {
        "test_file": test_path.name,
        "test_sentences": len(test),
        "test_scores": score_iob(gold, pred),
        # Only the classes recognize() keeps (PERSON, GPE, LOCATION, ORGANISATION, NORP).
        "test_scores_actor_classes": score_iob(gold, pred, keep=actor_classes)["micro"],
    }


def train_kk_ner(
    data_dir: Path,
    out: Path,
    *,
    max_sentences: int | None = None,
    params: dict[str, Any] | None = None,
    evaluate: bool = True,
) -> dict[str, Any]:
    """Train the Kazakh CRF on KazNERD's validation split, write it to `out`, score it on test.

    Returns (and writes beside the model as <out>.json) the parameters, timing, model size and
    entity-level scores per class.  `max_sentences` trains on the first N sentences only (for
    quick checks); the shipped model uses all of them.
    """
    data_dir = Path(data_dir)
    out = Path(out)
    train_path = data_dir / KK_TRAIN_FILE
    if not train_path.is_file():
        raise FileNotFoundError(
            f"KazNERD training file not found: {train_path} (expected the KazNERD IOB2 files)"
        )
    train = read_iob2(train_path)
    if max_sentences is not None:
        train = train[:max_sentences]
    analyze, lemma_source = _kk_word_analyzer()
    used = dict(KK_CRF_PARAMS, **(params or {}))

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, (_, tags) in zip(_features(train, analyze), train, strict=True):
        trainer.append(feats, tags)
    trainer.select("lbfgs")
    trainer.set_params(used)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    train_seconds = time.perf_counter() - t0

    report: dict[str, Any] = {
        "model": str(out),
        "data": "KazNERD (IS2AI), CC BY 4.0",
        "train_file": KK_TRAIN_FILE,
        "train_sentences": len(train),
        "lemma_source": lemma_source,
        "params": used,
        "train_seconds": round(train_seconds, 1),
        "model_bytes": out.stat().st_size,
    }
    test_path = data_dir / KK_TEST_FILE
    if evaluate and test_path.is_file():
        report.update(evaluate_kk_ner(test_path, out))
    out.with_suffix(out.suffix + ".json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphbuild.training")
    sub = parser.add_subparsers(dest="model", required=True)
    kk = sub.add_parser("kk-ner", help="train the Kazakh NER CRF on KazNERD")
    kk.add_argument("--data", type=Path, required=True, help="folder holding KazNERD IOB2_*.txt")
    kk.add_argument("--out", type=Path, required=True, help="model file to write")
    kk.add_argument("--max-sentences", type=int, default=None)
    for name, help_text in (("en-parser", "train the English tagger + parser on GUM and EWT dev"),
                            ("kk-parser", "train the Kazakh parser on UD Kazakh-KTB (with k-fold scores)")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--data", type=Path, default=None, help="UD folder (default: under ../shared/data)")
        p.add_argument("--out", type=Path, default=None, help="model folder (default: the shipped one)")
    args = parser.parse_args(argv)
    try:
        if args.model == "kk-ner":
            report = train_kk_ner(args.data, args.out, max_sentences=args.max_sentences)
        else:
            from graphbuild.language.syntax import training as syntax_training

            if args.model == "en-parser":
                report = syntax_training.train_en_parser(args.data or syntax_training.EN_DATA, args.out)
            else:
                report = syntax_training.train_kk_parser(args.data or syntax_training.KK_DATA, args.out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
