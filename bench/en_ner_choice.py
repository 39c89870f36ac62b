"""Chunker or trained NER for English? The measurement behind the choice (README, "How good is it").

    python bench/en_ner_choice.py              # --max-steps 6000 (GUM dev stops it earlier)

Trains a small spaCy NER (tok2vec + ner, CPU, no vectors, spaCy's default efficiency settings, seed
13, one thread) on the named person/place/organization mentions of GUM's train documents
(graphbuild.entities.ner.gum; GUM dev picks the best checkpoint), then scores it and the shipped
chunker, typed and exact, on GUM test news/interview/bio documents and on our English NER gold
(bench/ner_en_gold.jsonl, bench/ner_en_heldout.jsonl; Country scored as Place and Group left out,
since GUM has neither).  The trained model is thrown away: nothing is shipped from here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from graphbuild.entities.ner import recognize
from graphbuild.entities.ner.gum import GumSentence, gum_test_documents, read_gum_names
from graphbuild.entities.ner.scoring import score_chunks
from graphbuild.language.syntax.training import gum_split

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from ner_eval import SHARED, _analyze, _gold_spans, _table  # noqa: E402

LABELS = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}
KINDS = {v: k for k, v in LABELS.items()}
Spans = set[tuple[str, int, int]]
Tagger = Callable[[str], Spans]


def _docbin(files: Iterable[Path], path: Path) -> int:
    """GUM sentences with their named mentions as spaCy entities (an outer name wins over a nested one)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    db = DocBin()
    count = 0
    for f in files:
        for s in read_gum_names(f):
            doc = nlp.make_doc(s.text)
            spans = []
            for kind, a, b in sorted(s.names, key=lambda n: (n[1], n[1] - n[2])):
                span = doc.char_span(a, b, label=LABELS[kind], alignment_mode="expand")
                if span is not None and not any(span.start < o.end and o.start < span.end for o in spans):
                    spans.append(span)
            doc.ents = spans
            db.add(doc)
            count += 1
    db.to_disk(path)
    return count


def train(max_steps: int, out: Path) -> float:
    """Train the comparison model into ``out``; returns seconds."""
    from spacy.cli.init_config import init_config
    from spacy.cli.train import train as spacy_train

    gum = SHARED / "ud" / "en_gum"
    train_files, dev_files, _ = gum_split(gum)
    _docbin(train_files, out / "train.spacy")
    _docbin(dev_files, out / "dev.spacy")
    config = init_config(lang="en", pipeline=["ner"], optimize="efficiency", gpu=False)
    config_path = out / "en_ner.cfg"
    config.to_disk(config_path)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    t0 = time.perf_counter()
    spacy_train(config_path, out / "model", use_gpu=-1, overrides={
        "paths.train": str(out / "train.spacy"), "paths.dev": str(out / "dev.spacy"), "system.seed": 13,
        "training.max_steps": max_steps, "training.eval_frequency": 500})
    return time.perf_counter() - t0


def spacy_tagger(model: Path) -> Tagger:
    import spacy

    nlp = spacy.load(model)
    return lambda text: {(KINDS[e.label_], e.start_char, e.end_char) for e in nlp(text).ents}


def chunker(text: str) -> Spans:
    found = recognize(_analyze(text, "en"), "en", "bench")
    return {("Place" if m.kind == "Country" else m.kind, m.start, m.end) for m in found if m.kind != "Group"}


def _gum_scores(tag: Tagger) -> dict[str, dict[str, float]]:
    gold, pred = [], []
    for sentences in gum_test_documents(SHARED / "ud" / "en_gum").values():
        text, offsets = _joined(sentences)
        gold.append({(k, a + off, b + off) for s, off in zip(sentences, offsets, strict=True) for k, a, b in s.names})
        pred.append(tag(text))
    return score_chunks(gold, pred)


def _joined(sentences: list[GumSentence]) -> tuple[str, list[int]]:
    """One text per document, a paragraph per sentence, and each sentence's offset in it."""
    offsets, pos = [], 0
    for s in sentences:
        offsets.append(pos)
        pos += len(s.text) + 2
    return "\n\n".join(s.text for s in sentences), offsets


def _our_gold_scores(tag: Tagger, name: str) -> dict[str, dict[str, float]]:
    gold, pred = [], []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        spans = _gold_spans(rec["text"], rec["entities"])
        gold.append({("Place" if k == "Country" else k, a, b) for k, a, b in spans if k != "Group"})
        pred.append(tag(rec["text"]))
    return score_chunks(gold, pred)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-steps", type=int, default=6000, help="training steps of the spaCy model")
    args = parser.parse_args(argv)
    if not (SHARED / "ud" / "en_gum" / "split-test.txt").is_file():
        print(f"GUM not found under {SHARED / 'ud'}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gb-en-ner-choice-") as tmp:
        seconds = train(args.max_steps, Path(tmp))
        trained = spacy_tagger(Path(tmp) / "model" / "model-best")
        print(f"spaCy NER trained on GUM in {seconds / 60:.1f} min ({args.max_steps} steps)")
        for label, tag in (("chunker", chunker), ("spaCy NER (GUM)", trained)):
            _table(_gum_scores(tag), f"{label}: GUM test news/interview/bio, typed exact")
            for name in ("ner_en_gold.jsonl", "ner_en_heldout.jsonl"):
                _table(_our_gold_scores(tag, name), f"{label}: {name} (Country as Place, Group left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
