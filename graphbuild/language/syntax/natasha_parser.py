"""Russian parser: natasha's slovnet syntax model (news, UD relations) with its navec embeddings,
both shipped inside the natasha package, run on our tokens and decoded as a tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphbuild.language.base import Sentence
from graphbuild.language.syntax.models import MissingModelError
from graphbuild.language.syntax.tree import decode_tree

BATCH_SIZE = 32


class NatashaParser:
    """graphbuild.language.syntax.Parser for Russian."""

    lang = "ru"

    def __init__(self, lang: str = "ru", model_dir: Path | None = None) -> None:
        # The models ship inside the natasha package: there is no model folder of ours.
        import natasha.data
        from natasha import NewsSyntaxParser

        from graphbuild.language.natasha_models import news_embedding

        for path in (natasha.data.NEWS_EMBEDDING, natasha.data.NEWS_SYNTAX):
            if not Path(path).is_file():
                raise MissingModelError(f"ru parser model not found: {path} (reinstall natasha: "
                                        "`pip install --force-reinstall natasha`)")
        api = NewsSyntaxParser(news_embedding())
        self._model: Any = api.infer.model
        self._encoder: Any = api.infer.encoder
        self._encoder.batch_size = BATCH_SIZE
        rels: list[str] = list(api.infer.decoder.rels_vocab.items)
        self._rels = rels
        self._root = rels.index("root")
        # Never predicted: padding, and "root" off the root (the tree decides where the root is).
        self._banned = [rels.index("<pad>"), self._root]

    def parse(self, sentences: list[Sentence]) -> None:
        import numpy as np

        todo = [s for s in sentences if s.tokens]
        items = [[t.text for t in s.tokens] for s in todo]
        done = 0
        for batch in self._encoder(items):
            x = self._model.emb(batch.word_id, batch.shape_id)
            x = self._model.encoder(x, batch.pad_mask)
            head_scores = self._model.head(x)  # batch x words x (root + words)
            width = head_scores.shape[1]
            heads = np.zeros((head_scores.shape[0], width), dtype=np.int_)
            lengths = (~batch.pad_mask).sum(axis=1)
            for b, n in enumerate(lengths.tolist()):
                heads[b, :n] = decode_tree(head_scores[b, :n, : n + 1])
            rel_scores = self._model.rel(x, heads)
            for b, n in enumerate(lengths.tolist()):
                sentence = todo[done + b]
                for i, token in enumerate(sentence.tokens[:n]):
                    h = int(heads[b, i])
                    if h == 0:
                        token.head, token.deprel = -1, "root"
                        continue
                    scores = rel_scores[b, i].copy()
                    scores[self._banned] = -np.inf
                    token.head, token.deprel = h - 1, self._rels[int(scores.argmax())]
            done += len(lengths)
