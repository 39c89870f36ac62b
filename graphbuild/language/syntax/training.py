"""Reproducible training of the shipped spaCy parsers (English from GUM + EWT dev, Kazakh from KTB).

    graphbuild train en-parser            # ../shared/data/ud -> graphbuild/models/en_parser/
    graphbuild train kk-parser            # ../shared/data/ud_kk_ktb -> graphbuild/models/kk_parser/

Each command writes the model folder and ``<model>.json`` beside it (data, parameters, time,
scores).  Seeds are fixed in the config files under ``graphbuild/models/configs/``; train with
one thread (OMP_NUM_THREADS=1) for the same model bit for bit.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphbuild.language.syntax.align import retokenize
from graphbuild.language.syntax.conllu import UdSentence, read_ud
from graphbuild.language.syntax.models import CONFIG_DIR, MODEL_DIR, SHARED_DATA

EN_DATA = SHARED_DATA / "ud"
KK_DATA = SHARED_DATA / "ud_kk_ktb"
KK_FOLDS = 5
# spaCy language class per language (spaCy has none for Kazakh: the multi-language one).
SPACY_LANG = {"en": "en", "kk": "xx"}


def _docbin(sentences: Iterable[UdSentence], lang: str, path: Path) -> int:
    """Write UD sentences as a spaCy DocBin (one Doc per sentence); returns the number of words."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank(SPACY_LANG.get(lang, lang)).vocab
    db = DocBin(store_user_data=False)
    words = 0
    for s in sentences:
        n = len(s.words)
        words += n
        doc = Doc(
            vocab,
            words=[w.form for w in s.words],
            spaces=[w.space_after for w in s.words[:-1]] + [False],
            pos=[w.upos if w.upos not in ("_", "") else "X" for w in s.words],
            morphs=["|".join(f"{k}={v}" for k, v in sorted(w.feats.items())) for w in s.words],
            lemmas=[w.lemma for w in s.words],
            heads=[w.head if w.head >= 0 else i for i, w in enumerate(s.words)],
            deps=["ROOT" if w.head < 0 else w.deprel for w in s.words],
            sent_starts=[True] + [False] * (n - 1),
        )
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return words


def with_our_cut(sentences: list[UdSentence], lang: str) -> list[UdSentence]:
    """The sentences plus a copy cut by our tokenizer wherever that cut differs from UD's."""
    extra = [r for s in sentences if (r := retokenize(s, lang)) is not None and r is not s]
    return sentences + extra


def _train_spacy(config: Path, train: Path, dev: Path, out_dir: Path, overrides: dict[str, Any]) -> float:
    """Run spaCy's trainer on one thread; returns seconds."""
    from spacy.cli.train import train as spacy_train

    # Registers our feature component before spaCy resolves the config.
    import graphbuild.language.syntax.spacy_parser  # noqa: F401

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    t0 = time.perf_counter()
    spacy_train(config, out_dir, use_gpu=-1,
                overrides={"paths.train": str(train), "paths.dev": str(dev), **overrides})
    return time.perf_counter() - t0


def _install(src: Path, dest: Path) -> None:
    """Replace the shipped model folder with a trained one."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _write_report(out: Path, report: dict[str, Any]) -> None:
    out.with_name(out.name + ".json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")


def gum_split(gum_dir: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """GUM documents as (train, dev, test) by GUM's own split lists."""
    def listed(name: str) -> set[str]:
        return {line.strip() for line in (gum_dir / name).read_text(encoding="utf-8").splitlines() if line.strip()}

    dev_ids, test_ids = listed("split-dev.txt"), listed("split-test.txt")
    files = sorted(gum_dir.glob("GUM_*.conllu"))
    train = [f for f in files if f.stem not in dev_ids | test_ids]
    return train, [f for f in files if f.stem in dev_ids], [f for f in files if f.stem in test_ids]


def train_en_parser(data_dir: Path = EN_DATA, out: Path | None = None, *,
                    overrides: dict[str, Any] | None = None, evaluate: bool = True,
                    augment_names: int | None = None) -> dict[str, Any]:
    """English tagger + parser: GUM train documents + EWT dev (plus copies cut our way); GUM dev selects
    the best checkpoint; scored on EWT test and GUM test.  ``augment_names`` > 0 adds that many
    copies of the sentences with names, the names replaced by news-style ones (augment.py); None takes
    ``[graphbuild] augment_names`` of the config (0 when absent)."""
    data_dir = Path(data_dir)
    out = Path(out) if out else MODEL_DIR / "en_parser"
    gum, ewt = data_dir / "en_gum", data_dir / "en_ewt"
    ewt_dev = ewt / "en_ewt-ud-dev.conllu"
    if not (gum / "split-test.txt").is_file() or not ewt_dev.is_file():
        raise FileNotFoundError(f"UD English data not found under {data_dir} (expected en_gum/ and en_ewt/)")
    train_files, dev_files, _ = gum_split(gum)
    train = [s for f in [*train_files, ewt_dev] for s in read_ud(f)]
    dev = [s for f in dev_files for s in read_ud(f)]
    config = CONFIG_DIR / "en_parser.cfg"
    if augment_names is None:
        augment_names = config_augment_names(config)
    train_all = with_our_cut(train, "en") + _name_copies(train, augment_names)
    with tempfile.TemporaryDirectory(prefix="gb-en-parser-") as tmp:
        tmp_dir = Path(tmp)
        _docbin(train_all, "en", tmp_dir / "train.spacy")
        _docbin(dev, "en", tmp_dir / "dev.spacy")
        seconds = _train_spacy(config, tmp_dir / "train.spacy", tmp_dir / "dev.spacy", tmp_dir / "out",
                               overrides or {})
        return install_en_parser(tmp_dir / "out" / "model-best", out, data_dir=data_dir, seconds=seconds,
                                 overrides=overrides, evaluate=evaluate, augment_names=augment_names)


def config_augment_names(config: Path) -> int:
    """``[graphbuild] augment_names`` of a training config (0 when the section or value is absent)."""
    from thinc.api import Config

    return int(Config().from_disk(config, interpolate=False).get("graphbuild", {}).get("augment_names", 0))


def _name_copies(train: list[UdSentence], copies: int) -> list[UdSentence]:
    """Copies of the training sentences with news-style names (none when ``copies`` is 0)."""
    if copies <= 0:
        return []
    from graphbuild.language.syntax.augment import AUGMENT_SEED, augment_names

    return augment_names(train, seed=AUGMENT_SEED, copies=copies)


def install_en_parser(best: Path, out: Path, *, data_dir: Path = EN_DATA, seconds: float,
                      overrides: dict[str, Any] | None = None, evaluate: bool = True,
                      augment_names: int = 0) -> dict[str, Any]:
    """Install a trained English pipeline folder as ``out`` and write its report (scored on the tests)."""
    gum, ewt = data_dir / "en_gum", data_dir / "en_ewt"
    ewt_dev = ewt / "en_ewt-ud-dev.conllu"
    train_files, dev_files, test_files = gum_split(gum)
    train = [s for f in [*train_files, ewt_dev] for s in read_ud(f)]
    name_copies = _name_copies(train, augment_names)
    train_all = with_our_cut(train, "en") + name_copies
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    _install(best, out)
    config = CONFIG_DIR / "en_parser.cfg"
    report: dict[str, Any] = {
        "model": str(out),
        "data": {
            "train": [f.name for f in train_files] + [ewt_dev.name],
            "dev (checkpoint selection)": [f.name for f in dev_files],
            "licences": "GUM (Zeldes 2017) CC BY 4.0 genres; UD English EWT CC BY-SA 4.0",
        },
        "train_sentences": len(train),
        "train_sentences_with_our_cut_copies": len(train_all) - len(name_copies),
        "augment_names": {"copies": augment_names, "sentences": len(name_copies)},
        "train_words": sum(len(s.words) for s in train_all),
        "config": str(config.relative_to(CONFIG_DIR.parents[1])),
        "overrides": overrides or {},
        "train_seconds": round(seconds, 1),
        "model_bytes": _dir_bytes(out),
        "dev_scores": {k: v for k, v in meta.get("performance", {}).items() if not isinstance(v, dict)},
    }
    if evaluate:
        from graphbuild.language.syntax.english import EnglishParser
        from graphbuild.language.syntax.scoring import score_parser

        parser = EnglishParser("en", out)
        test_sets = {"en_ewt-ud-test": read_ud(ewt / "en_ewt-ud-test.conllu"),
                     "gum-test": [s for f in test_files for s in read_ud(f)]}
        report["test_scores"] = {f"{name} ({cut} tokens)": score_parser(parser, sents, "en", cut=cut)
                                 for name, sents in test_sets.items() for cut in ("gold", "ours")}
    _write_report(out, report)
    return report


def _kk_folds(test: list[UdSentence], k: int) -> list[list[UdSentence]]:
    """Contiguous blocks: KTB keeps a source text together, so blocks keep its names out of training."""
    size = -(-len(test) // k)
    return [test[i * size:(i + 1) * size] for i in range(k)]


def train_kk_parser(data_dir: Path = KK_DATA, out: Path | None = None, *, folds: int = KK_FOLDS,
                    config: Path | None = None, overrides: dict[str, Any] | None = None,
                    install: bool = True) -> dict[str, Any]:
    """Kazakh parser: k-fold over KTB test (train + k-1 folds -> held fold), then the shipped model
    on everything.  A fixed number of epochs replaces checkpoint selection (no dev set to spare)."""
    from graphbuild.language.syntax.scoring import score_parser
    from graphbuild.language.syntax.spacy_parser import SpacyParser

    data_dir = Path(data_dir)
    out = Path(out) if out else MODEL_DIR / "kk_parser"
    train_file, test_file = data_dir / "kk_ktb-ud-train.conllu", data_dir / "kk_ktb-ud-test.conllu"
    if not train_file.is_file() or not test_file.is_file():
        raise FileNotFoundError(f"UD Kazakh-KTB data not found under {data_dir} (expected kk_ktb-ud-*.conllu)")
    config = config or CONFIG_DIR / "kk_parser.cfg"
    train, test = read_ud(train_file), read_ud(test_file)
    blocks = _kk_folds(test, folds) if folds > 1 else []
    fold_scores: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gb-kk-parser-") as tmp:
        tmp_dir = Path(tmp)
        _docbin(train, "kk", tmp_dir / "dev.spacy")  # nominal: the config trains a fixed number of epochs
        for i, held in enumerate(blocks):
            rest = train + [s for j, b in enumerate(blocks) if j != i for s in b]
            _docbin(with_our_cut(rest, "kk"), "kk", tmp_dir / f"fold{i}.spacy")
            _train_spacy(config, tmp_dir / f"fold{i}.spacy", tmp_dir / "dev.spacy", tmp_dir / f"fold{i}",
                         overrides or {})
            scores = score_parser(SpacyParser("kk", tmp_dir / f"fold{i}" / "model-last"), held, "kk")
            scores["fold"] = i
            fold_scores.append(scores)
        all_data = with_our_cut(train + test, "kk")
        words = _docbin(all_data, "kk", tmp_dir / "all.spacy")
        seconds = 0.0
        if install:
            seconds = _train_spacy(config, tmp_dir / "all.spacy", tmp_dir / "dev.spacy", tmp_dir / "all",
                                   overrides or {})
            _install(tmp_dir / "all" / "model-last", out)
    report: dict[str, Any] = {
        "model": str(out),
        "data": {"train": [train_file.name, test_file.name],
                 "licence": "UD Kazakh-KTB, CC BY-SA 4.0"},
        "train_sentences": len(train) + len(test),
        "train_sentences_with_our_cut_copies": len(all_data),
        "train_words": words,
        "config": str(config.relative_to(CONFIG_DIR.parents[1])) if config.is_relative_to(CONFIG_DIR.parents[1])
        else str(config),
        "overrides": overrides or {},
        "kfold": {
            "folds": folds,
            "scheme": f"train on {train_file.name} + {folds - 1}/{folds} of {test_file.name} (contiguous "
                      "blocks), score the held block with gold tokens",
            "per_fold": fold_scores,
            "mean": _mean_scores(fold_scores),
        },
        "train_seconds_final": round(seconds, 1),
        "total_seconds": round(time.perf_counter() - t0, 1),
    }
    if install:
        report["model_bytes"] = _dir_bytes(out)
        _write_report(out, report)
    return report


def _mean_scores(rows: list[dict[str, Any]]) -> dict[str, float]:
    keys = [k for k in (rows[0] if rows else {}) if k in ("uas", "las", "las_universal", "upos")]
    return {k: round(sum(r[k] for r in rows if r.get(k) is not None) / len(rows), 4) for k in keys
            if all(r.get(k) is not None for r in rows)}
