"""KazakhAnalyzer: sentences and tokens from segment.py, lemmas and features from the suffix analyser."""

from __future__ import annotations

from functools import lru_cache

from graphbuild.language.base import Sentence, Token
from graphbuild.language.kk.morphology import KkAnalysis, analyze_word, capitalised_share, stem_support
from graphbuild.language.segment import split_sentences, tokenize

# Our coarse analyser categories mapped to Universal POS when nothing better is known.
_UPOS = {"N": "NOUN", "V": "VERB", "PRON": "PRON", "AUX": "AUX", "X": "X"}
_SENTENCE_OPENERS = set("«\"“„'(-–—")
LOWER_MARGIN = 1.0


def _is_known_lower(word: str) -> bool:
    """Whether the lower-cased word reads as a known common word (not a name the corpus capitalises)."""
    best = analyze_word(word.lower())[0]
    if best.pos in ("PRON", "AUX") or best.score >= 100.0:
        return True
    stem = best.stem.lower()
    key = (stem, best.pos if best.pos in ("N", "V") else "N")
    return key in stem_support() and capitalised_share(*key) < 0.5


@lru_cache(maxsize=200_000)
def analyze_token(word: str, sentence_initial: bool = False) -> KkAnalysis:
    """Best analysis of a token; a capital at the start of a sentence is ignored for known words
    and for words that read as verbs (names are nouns)."""
    best = analyze_word(word)[0]
    if sentence_initial and word[:1].isupper() and not word.isupper():
        lower = analyze_word(word.lower())[0]
        # A clearly better reading in lower case (a verb form, say) wins over an unknown name.
        if _is_known_lower(word) or lower.score > best.score + LOWER_MARGIN:
            return lower
    return best


def _pos(word: str, analysis: KkAnalysis, sentence_initial: bool) -> str:
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if any(ch.isdigit() for ch in word):
        return "NUM"
    if analysis.pos == "N" and word[:1].isupper() and (not sentence_initial or analysis.lemma[:1].isupper()):
        return "PROPN"
    return _UPOS.get(analysis.pos, "X")


class KazakhAnalyzer:
    """graphbuild.language.base.Analyzer for Kazakh."""

    lang = "kk"

    def analyze(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        for s_start, s_end in split_sentences(text, self.lang):
            tokens: list[Token] = []
            initial = True
            for t_start, t_end in tokenize(text, s_start, s_end, self.lang):
                word = text[t_start:t_end]
                if not any(ch.isalnum() for ch in word):
                    tokens.append(Token(word, t_start, t_end, lemma=word, pos="PUNCT"))
                    initial = initial or word in _SENTENCE_OPENERS
                    continue
                analysis = analyze_token(word, initial)
                tokens.append(
                    Token(word, t_start, t_end, lemma=analysis.lemma, pos=_pos(word, analysis, initial),
                          feats=dict(analysis.feats))
                )
                initial = False
            sentences.append(Sentence(text[s_start:s_end], s_start, s_end, tokens))
        return sentences

    def lemma(self, word: str) -> str:
        return analyze_word(word)[0].lemma if word else word
