"""UAS / LAS / UPOS of a parser against UD sentences, with gold tokens (or gold re-cut our way)."""

from __future__ import annotations

import time
from typing import Any, Protocol

from graphbuild.language.base import Sentence, Token
from graphbuild.language.syntax.align import retokenize
from graphbuild.language.syntax.conllu import UdSentence


class _Parser(Protocol):
    lang: str

    def parse(self, sentences: list[Sentence]) -> None: ...


def to_sentences(gold: list[UdSentence]) -> list[Sentence]:
    """Our Sentence records holding the gold words (no POS, lemma = form): the parser's input."""
    out: list[Sentence] = []
    for s in gold:
        tokens: list[Token] = []
        pos = 0
        for w in s.words:
            tokens.append(Token(w.form, pos, pos + len(w.form), lemma=w.form))
            pos += len(w.form) + (1 if w.space_after else 0)
        out.append(Sentence(" ".join(w.form for w in s.words), 0, pos, tokens))
    return out


def score_parser(parser: _Parser, gold: list[UdSentence], lang: str, *, cut: str = "gold",
                 prepare: Any = None) -> dict[str, Any]:
    """Scores of ``parser`` on ``gold``.

    cut="gold" scores UD's words; cut="ours" first merges them into our tokenizer's tokens
    ("Russia's", "don't"), dropping the few sentences that cannot be cut our way.  LAS counts the
    full relation (nsubj:pass), las_universal only the part before the colon (CoNLL 2018).
    Punctuation counts.  ``prepare`` (sentences -> None) may fill analyzer output before parsing.
    """
    if cut == "ours":
        gold = [r for s in gold if (r := retokenize(s, lang)) is not None]
    sentences = to_sentences(gold)
    if prepare is not None:
        prepare(sentences)
    t0 = time.perf_counter()
    parser.parse(sentences)
    seconds = time.perf_counter() - t0
    n = uas = las = las_u = upos = 0
    tagged = False
    for g, s in zip(gold, sentences, strict=True):
        roots = sum(t.head < 0 for t in s.tokens)
        if roots != 1:
            raise AssertionError(f"parser gave {roots} roots in {g.sent_id or s.text!r}")
        for w, t in zip(g.words, s.tokens, strict=True):
            n += 1
            if t.head == w.head:
                uas += 1
                las += t.deprel == w.deprel
                las_u += t.deprel.split(":")[0] == w.deprel.split(":")[0]
            if t.pos:
                tagged = True
                upos += t.pos == w.upos
    return {
        "cut": cut,
        "sentences": len(gold),
        "tokens": n,
        "uas": round(uas / n, 4) if n else 0.0,
        "las": round(las / n, 4) if n else 0.0,
        "las_universal": round(las_u / n, 4) if n else 0.0,
        "upos": round(upos / n, 4) if tagged and n else None,
        "tokens_per_s": round(n / seconds) if seconds else None,
    }
