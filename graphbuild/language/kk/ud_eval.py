"""Score the Kazakh analyser against a UD CoNLL-U file (lemmas and the Case feature)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphbuild.language.kk.analyzer import analyze_token
from graphbuild.language.syntax.conllu import parse_feats, read_conllu

UD_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ud_kk_ktb"
NOMINAL_UPOS = frozenset({"NOUN", "PROPN"})


@dataclass
class UdScores:
    tokens: int
    lemma_acc: float  # exact, casing included
    lemma_acc_nocase: float
    nominal_tokens: int
    nominal_lemma_acc: float  # NOUN and PROPN
    propn_tokens: int
    propn_lemma_acc: float
    case_tokens: int
    case_acc: float  # tokens whose gold feats carry Case


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate(path: Path) -> UdScores:
    if not path.exists():
        raise FileNotFoundError(f"UD Kazakh-KTB file not found: {path} (expected ../shared/data/ud_kk_ktb)")
    n = hit = hit_nc = 0
    nom = nom_hit = propn = propn_hit = 0
    cases = case_hit = 0
    for sentence in read_conllu(path):
        initial = True
        for cols in sentence:
            form, gold_lemma, upos = cols[1], cols[2], cols[3]
            if upos == "PUNCT" or not any(ch.isalnum() for ch in form):
                pred_lemma, pred_feats = form, {}
                initial = initial or form in "«\"“„'(-–—"
            else:
                analysis = analyze_token(form, initial)
                pred_lemma, pred_feats = analysis.lemma, analysis.feats
                initial = False
            n += 1
            ok = pred_lemma == gold_lemma
            hit += ok
            hit_nc += pred_lemma.lower() == gold_lemma.lower()
            if upos in NOMINAL_UPOS:
                nom += 1
                nom_hit += ok
            if upos == "PROPN":
                propn += 1
                propn_hit += ok
            gold_case = parse_feats(cols[5]).get("Case")
            if gold_case:
                cases += 1
                case_hit += pred_feats.get("Case", "Nom") == gold_case
    return UdScores(
        tokens=n, lemma_acc=_ratio(hit, n), lemma_acc_nocase=_ratio(hit_nc, n),
        nominal_tokens=nom, nominal_lemma_acc=_ratio(nom_hit, nom),
        propn_tokens=propn, propn_lemma_acc=_ratio(propn_hit, propn),
        case_tokens=cases, case_acc=_ratio(case_hit, cases),
    )


def sentence_split_score(path: Path) -> tuple[int, int, int]:
    """(gold sentences, predicted sentences, exact matches) when the gold sentences are joined by spaces."""
    from graphbuild.language.segment import split_sentences

    gold = [line[len("# text = "):] for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text = ")]
    text = " ".join(gold)
    predicted = [text[s:e] for s, e in split_sentences(text, "kk")]
    return len(gold), len(predicted), len(set(gold) & set(predicted))
