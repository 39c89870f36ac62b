"""Named-entity recognition per language: text spans naming people, organisations, places, groups.

Kazakh uses a CRF trained on KazNERD (kk_crf), Russian natasha's news model (ru), English a
rule-based proper-noun chunker (en).  Each returns graphbuild Mentions with source="ner" and
character offsets into the document text; linking to canonical actors happens later.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from graphbuild.entities.ner.en import recognize_en
from graphbuild.entities.ner.kk_crf import recognize_kk
from graphbuild.entities.ner.ru import recognize_ru
from graphbuild.language.base import Sentence
from graphbuild.model import Mention

_RECOGNIZERS: dict[str, Callable[[Sequence[Sentence], str], list[Mention]]] = {
    "kk": recognize_kk,
    "ru": recognize_ru,
    "en": recognize_en,
}

SUPPORTED_LANGS: tuple[str, ...] = tuple(_RECOGNIZERS)


def recognize(sentences: list[Sentence], lang: str, document: str) -> list[Mention]:
    """Mentions found by the language's NER in analysed sentences of document `document` (its id).

    Raises ValueError for a language without a recogniser.
    """
    try:
        recognizer = _RECOGNIZERS[lang]
    except KeyError:
        raise ValueError(
            f"no named-entity recogniser for language {lang!r}; supported: {SUPPORTED_LANGS}"
        ) from None
    return recognizer(sentences, document)


__all__ = ["SUPPORTED_LANGS", "recognize"]
