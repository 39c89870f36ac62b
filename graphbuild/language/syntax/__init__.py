"""Dependency parsing (Universal Dependencies v2) of analysed sentences, one parser per language.

``get_parser(lang).parse(sentences)`` fills ``head`` and ``deprel`` of every token in place:
English with spaCy's OntoNotes pipeline (en_core_web_sm, its relations rewritten as UD; a UD parser we
train, ``graphbuild train en-parser``, stays shipped and measured), Kazakh with a spaCy pipeline we
train (``graphbuild train kk-parser``), Russian with natasha's slovnet parser.  Models load on first
use, never at import.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from graphbuild.language.base import Sentence
from graphbuild.language.syntax.models import MODEL_DIR, MissingModelError


class Parser(Protocol):
    """Fills head (index in the sentence, -1 for the root) and deprel (UD v2, subtypes kept) of
    every token; exactly one root per sentence.  May also replace ``pos``/``feats`` where its
    tagger measured better than the analyzer's."""

    lang: str

    def parse(self, sentences: list[Sentence]) -> None: ...


@cache
def get_parser(lang: str) -> Parser:
    """The parser for ``lang`` (one shared instance, as its profile names it); MissingModelError
    names a missing model file, ValueError a language without a profile."""
    from graphbuild.language.profiles import load_object, profile

    spec = profile(lang)
    model_dir = MODEL_DIR / spec.parser_model if spec.parser_model else None
    parser: Parser = load_object(spec.parser)(lang, model_dir)
    return parser


def parse(sentences: list[Sentence], lang: str) -> list[Sentence]:
    """Parse ``sentences`` in place with the language's parser; returns them for chaining."""
    if sentences:
        get_parser(lang).parse(sentences)
    return sentences


__all__ = ["MissingModelError", "Parser", "get_parser", "parse"]
