"""Per-language analysis: ``get_analyzer(lang)`` returns one shared analyzer per language (its
profile names it), ``analyze(text, lang)`` analyses and parses."""

from __future__ import annotations

from functools import cache

from graphbuild.language.base import Analyzer, Sentence, Token
from graphbuild.language.profiles import load_object, profile, profiles
from graphbuild.limits import MAX_SENTENCE_TOKENS

SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(profiles())


@cache
def get_analyzer(lang: str) -> Analyzer:
    """The analyzer for ISO 639-1 ``lang``; ValueError for a language we do not read."""
    analyzer: Analyzer = load_object(profile(lang).analyzer)()
    return analyzer


def analyze(text: str, lang: str, warnings: list[str] | None = None) -> list[Sentence]:
    """Sentences of ``text`` analysed and parsed: tokens, lemmas, morphology, then the UD tree.

    A sentence longer than MAX_SENTENCE_TOKENS is cut before parsing (said in ``warnings``): the
    later stages do per-sentence work that grows faster than its length."""
    from graphbuild.language.syntax import parse

    sentences = [_bounded(s, warnings) for s in get_analyzer(lang).analyze(text)]
    return parse(sentences, lang)


def _bounded(sentence: Sentence, warnings: list[str] | None) -> Sentence:
    if len(sentence.tokens) <= MAX_SENTENCE_TOKENS:
        return sentence
    kept = sentence.tokens[:MAX_SENTENCE_TOKENS]
    if warnings is not None:
        warnings.append(f"sentence {sentence.text[:40]!r}... cut to its first {MAX_SENTENCE_TOKENS} tokens "
                        f"(of {len(sentence.tokens)}): sentence length limit")
    end = kept[-1].end
    return Sentence(sentence.text[:end - sentence.start], sentence.start, end, kept)


__all__ = ["SUPPORTED_LANGUAGES", "Analyzer", "Sentence", "Token", "analyze", "get_analyzer"]
