"""Per-language analyzers: ``get_analyzer(lang)`` returns one shared instance per language."""

from __future__ import annotations

from functools import cache
from importlib import import_module

from graphbuild.language.base import Analyzer, Sentence, Token

# Imported lazily: each analyzer loads its own dictionaries or models.
_ANALYZERS: dict[str, str] = {
    "kk": "graphbuild.language.kk:KazakhAnalyzer",
    "ru": "graphbuild.language.ru:RussianAnalyzer",
    "en": "graphbuild.language.en:EnglishAnalyzer",
}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(_ANALYZERS)


@cache
def get_analyzer(lang: str) -> Analyzer:
    """The analyzer for ISO 639-1 ``lang``; ValueError for a language we do not read."""
    target = _ANALYZERS.get(lang)
    if target is None:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    module, name = target.split(":")
    analyzer: Analyzer = getattr(import_module(module), name)()
    return analyzer


def analyze(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` analysed and parsed: tokens, lemmas, morphology, then the UD tree."""
    from graphbuild.language.syntax import parse

    return parse(get_analyzer(lang).analyze(text), lang)


__all__ = ["SUPPORTED_LANGUAGES", "Analyzer", "Sentence", "Token", "analyze", "get_analyzer"]
