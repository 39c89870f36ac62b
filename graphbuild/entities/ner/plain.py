"""Sentences from the language-neutral segmenter alone (no lemmas or features).

Used where a language analyzer is not at hand: the evaluation scripts and tests of this package.
"""

from __future__ import annotations

from graphbuild.language.base import Sentence, Token
from graphbuild.language.segment import split_sentences, tokenize


def plain_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Sentences and tokens with offsets into `text`; each token's lemma is its own text."""
    out: list[Sentence] = []
    for s, e in split_sentences(text, lang):
        toks = [Token(text=text[a:b], start=a, end=b, lemma=text[a:b]) for a, b in tokenize(text, s, e, lang)]
        out.append(Sentence(text=text[s:e], start=s, end=e, tokens=toks))
    return out
