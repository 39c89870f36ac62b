"""Entity-level scoring with exact span match (the measure seqeval reports by default)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from graphbuild.entities.ner.spans import iob_chunks


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": n_gold}


def score_chunks(gold: Iterable[set[tuple]], pred: Iterable[set[tuple]]) -> dict[str, dict[str, float]]:
    """Per-type and micro P/R/F1 from per-sentence sets of (type, start, end) chunks."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for c in g:
            n_gold[c[0]] += 1
        for c in p:
            n_pred[c[0]] += 1
        for c in g & p:
            tp[c[0]] += 1
    out = {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in sorted(set(n_gold) | set(n_pred))}
    out["micro"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def score_iob(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], keep: set[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per-type and micro entity scores of predicted IOB2 tag sequences against gold ones.

    `keep` restricts scoring (micro included) to those entity types.
    """

    def chunks(tags: Sequence[str]) -> set[tuple]:
        return {c for c in iob_chunks(tags) if keep is None or c[0] in keep}

    return score_chunks((chunks(g) for g in gold), (chunks(p) for p in pred))
