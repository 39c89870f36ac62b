"""Kazakh morphology accuracy on UD Kazakh-KTB (lemma and Case), printed for the report.

Usage: python bench/kk_morphology_accuracy.py [--split test|train] [--errors N]
Reads ../shared/data/ud_kk_ktb next to the repository; says so and exits 2 when it is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from graphbuild.language.kk.analyzer import analyze_token
from graphbuild.language.kk.ud_eval import UD_DIR, evaluate, sentence_split_score
from graphbuild.language.syntax.conllu import read_conllu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test", choices=["test", "train"])
    parser.add_argument("--errors", type=int, default=0, help="also print the N most frequent lemma errors")
    args = parser.parse_args()
    path = UD_DIR / f"kk_ktb-ud-{args.split}.conllu"
    if not path.exists():
        print(f"UD Kazakh-KTB data is absent: {path} not found; nothing measured.", file=sys.stderr)
        return 2
    s = evaluate(path)
    print(f"UD_Kazakh-KTB {args.split}: {s.tokens} tokens")
    print(f"lemma accuracy, all tokens:          {s.lemma_acc:.4f} (ignoring case {s.lemma_acc_nocase:.4f})")
    print(f"lemma accuracy, NOUN+PROPN ({s.nominal_tokens}):   {s.nominal_lemma_acc:.4f}")
    print(f"lemma accuracy, PROPN ({s.propn_tokens}):         {s.propn_lemma_acc:.4f}")
    print(f"Case accuracy ({s.case_tokens} tokens with Case): {s.case_acc:.4f}")
    gold, predicted, exact = sentence_split_score(path)
    print(f"sentence split: {exact}/{gold} gold sentences recovered exactly ({predicted} predicted)")
    if args.errors:
        errors: Counter[tuple[str, str, str, str]] = Counter()
        for sentence in read_conllu(path):
            initial = True
            for cols in sentence:
                if cols[3] == "PUNCT":
                    initial = initial or cols[1] in "«\"“„'(-–—"
                    continue
                pred = analyze_token(cols[1], initial)
                initial = False
                if pred.lemma != cols[2]:
                    errors[(cols[1], cols[2], pred.lemma, cols[3])] += 1
        for (form, gold, got, upos), count in errors.most_common(args.errors):
            print(f"{count:3d} {upos:6s} {form} gold={gold} got={got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
