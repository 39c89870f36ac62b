"""Per-language analysis: ``get_analyzer(lang)`` returns one shared analyzer per language (its
profile names it), ``analyze(text, lang)`` analyses and parses."""

from __future__ import annotations

from functools import cache

from graphbuild.language.base import Analyzer, Sentence, Token
from graphbuild.language.profiles import load_object, profile, profiles

SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(profiles())


@cache
def get_analyzer(lang: str) -> Analyzer:
    """The analyzer for ISO 639-1 ``lang``; ValueError for a language we do not read."""
    analyzer: Analyzer = load_object(profile(lang).analyzer)()
    return analyzer


def analyze(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` analysed and parsed: tokens, lemmas, morphology, then the UD tree."""
    from graphbuild.language.syntax import parse

    return parse(get_analyzer(lang).analyze(text), lang)


__all__ = ["SUPPORTED_LANGUAGES", "Analyzer", "Sentence", "Token", "analyze", "get_analyzer"]
