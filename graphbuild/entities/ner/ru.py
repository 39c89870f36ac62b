"""Russian named-entity recognition with natasha's news NER model (shipped inside the package)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from graphbuild.entities.ner.labels import kind_for
from graphbuild.entities.ner.spans import char_mention
from graphbuild.language.base import Sentence
from graphbuild.model import Mention


@lru_cache(maxsize=1)
def _tagger() -> Any:
    # Loading the embeddings takes most of a second: do it once, and only when Russian text comes.
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def recognize_ru(sentences: Sequence[Sentence], document: str) -> list[Mention]:
    """PER/LOC/ORG spans found by natasha, as Person/Place/Organization mentions."""
    todo = [s for s in sentences if s.text.strip()]
    if not todo:
        return []
    mentions: list[Mention] = []
    for sent, markup in zip(todo, _tagger().map([s.text for s in todo]), strict=True):
        for span in markup.spans:
            kind = kind_for("ru", span.type)
            if kind is None:
                continue
            start, end = sent.start + span.start, sent.start + span.stop
            toks = [t for t in sent.tokens if t.start < end and t.end > start]
            mentions.append(char_mention(sent, start, end, kind, "ru", document, toks))
    return mentions
