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


def _is_known_lower(word: str, sentence_initial: bool = False) -> bool:
    """Whether the lower-cased word reads as a known common word (not a name the corpus capitalises)."""
    best = analyze_word(word.lower())[0]
    if best.score >= 100.0:
        return True
    stem = best.stem.lower()
    key = (stem, best.pos if best.pos in ("N", "V") else "N")
    if sentence_initial and best.root and key not in stem_support():
        # At a sentence start a word derived from a common root (Уақытсыз) is a common word; mid-sentence
        # a capital on such a word marks a name (Бұқтырма).
        key = (best.root, best.root_pos)
    return key in stem_support() and capitalised_share(*key) < 0.5


@lru_cache(maxsize=200_000)
def analyze_token(word: str, sentence_initial: bool = False) -> KkAnalysis:
    """Best analysis of a token. Lemmas of common words are lower-case even when the word is
    capitalised (sentence start, titles such as Қауіпсіздік Кеңесі); names keep their capital."""
    best = analyze_word(word)[0]
    if word[:1].isupper() and not word.isupper():
        lower = analyze_word(word.lower())[0]
        if _is_known_lower(word, sentence_initial):
            return lower
        # At a sentence start a clearly better lower-case reading (a verb form, say) beats an unknown name.
        if sentence_initial and lower.score > best.score + LOWER_MARGIN:
            return lower
    return best


def _pos(word: str, analysis: KkAnalysis) -> str:
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if any(ch.isdigit() for ch in word):
        return "NUM"
    if analysis.pos in ("N", "X") and analysis.lemma[:1].isupper():
        return "PROPN"
    return _UPOS.get(analysis.pos, analysis.pos)


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
                    Token(word, t_start, t_end, lemma=analysis.lemma, pos=_pos(word, analysis),
                          feats=dict(analysis.feats))
                )
                initial = False
            sentences.append(Sentence(text[s_start:s_end], s_start, s_end, tokens))
        return sentences

    def lemma(self, word: str) -> str:
        return analyze_token(word).lemma if word else word
