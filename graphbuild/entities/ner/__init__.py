"""Named-entity recognition per language: text spans naming people, organisations, places, groups.

Kazakh uses a CRF trained on KazNERD (kk_crf), Russian natasha's news model (ru), English a
rule-based proper-noun chunker (en).  Each returns graphbuild Mentions with source="ner" and
character offsets into the document text; linking to canonical actors happens later.
"""

from __future__ import annotations

from graphbuild.language.base import Sentence
from graphbuild.language.profiles import load_object, profile, profiles
from graphbuild.model import Mention

SUPPORTED_LANGS: tuple[str, ...] = tuple(profiles())


def recognize(sentences: list[Sentence], lang: str, document: str) -> list[Mention]:
    """Mentions found by the language's NER (its profile names it) in analysed sentences of document
    `document` (its id).  Raises ValueError for a language without a profile."""
    try:
        spec = profile(lang)
    except ValueError:
        raise ValueError(
            f"no named-entity recogniser for language {lang!r}; supported: {SUPPORTED_LANGS}"
        ) from None
    found: list[Mention] = load_object(spec.recognizer)(sentences, document)
    return found


__all__ = ["SUPPORTED_LANGS", "recognize"]
