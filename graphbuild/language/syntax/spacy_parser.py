"""Parsers trained by us with spaCy (English, Kazakh), run on graphbuild's own tokens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphbuild.language.base import Sentence, Token
from graphbuild.language.syntax.models import require_model

KK_FEATURES = "graphbuild_kk_features"
# Features of our Kazakh analyser the tok2vec reads (as MORPH); the rest only add sparsity.
KK_FEATURE_KEYS = ("Case", "Person[psor]", "VerbForm", "Person", "Tense", "Number")
BATCH_SIZE = 256


def _register() -> None:
    """Register the component that puts our Kazakh analyser's lemma and features on each token."""
    from spacy.language import Language

    if Language.has_factory(KK_FEATURES):
        return

    @Language.factory(KK_FEATURES)
    def make_kk_features(nlp: Any, name: str) -> Callable[[Any], Any]:
        from graphbuild.language.kk.analyzer import _pos, analyze_token

        def annotate(doc: Any) -> Any:
            initial = True
            for token in doc:
                word = token.text
                if not any(ch.isalnum() for ch in word):
                    token.lemma_, token.pos_ = word, "PUNCT"
                    initial = initial or word in "«\"“„'(-–—"
                    continue
                analysis = analyze_token(word, initial)
                initial = False
                token.lemma_ = analysis.lemma
                token.pos_ = _pos(word, analysis) if _pos(word, analysis) in _UPOS else "X"
                token.set_morph("|".join(f"{k}={analysis.feats[k]}" for k in KK_FEATURE_KEYS
                                         if k in analysis.feats) or None)
            return doc

        return annotate


_UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())


_register()


class SpacyParser:
    """graphbuild.language.syntax.Parser backed by a spaCy pipeline folder."""

    def __init__(self, lang: str, model_dir: Path, *, set_pos: bool | None = None) -> None:
        import spacy

        self.lang = lang
        self.model_dir = require_model(Path(model_dir), lang)
        self.nlp = spacy.load(self.model_dir)
        # A pipeline with its own tagger replaces the analyzer's POS (only shipped where it measured better).
        self.set_pos = ("morphologizer" in self.nlp.pipe_names) if set_pos is None else set_pos

    def parse(self, sentences: list[Sentence]) -> None:
        todo = [s for s in sentences if s.tokens]
        docs = []
        for s in todo:
            toks = s.tokens
            spaces = [toks[i + 1].start > toks[i].end for i in range(len(toks) - 1)] + [False]
            docs.append(sentence_doc(self.nlp.vocab, [t.text for t in toks], spaces))
        for sentence, doc in zip(todo, self.nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
            _copy_tree(sentence, doc)
            if self.set_pos:
                for token, st in zip(sentence.tokens, doc, strict=True):
                    if st.pos_:
                        self.retag(token, st.pos_, st.morph.to_dict())

    def retag(self, token: Token, pos: str, feats: dict[str, str]) -> None:
        """Take the tagger's POS; its features add to (and override) the analyzer's."""
        token.pos = pos
        token.feats = {**token.feats, **feats}


def sentence_doc(vocab: Any, words: list[str], spaces: list[bool]) -> Any:
    """A Doc of one sentence: pre-set boundaries stop the parser from splitting it."""
    from spacy.tokens import Doc

    return Doc(vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))


def single_root(sentence: Sentence) -> None:
    """Exactly one root: the first token without a head; a second one (should the parser make one) hangs
    on it, and a sentence without one (not a tree) gets its first token."""
    root = -1
    for k, token in enumerate(sentence.tokens):
        if token.head >= 0:
            continue
        if root < 0:
            root = k
            token.deprel = "root"
        else:
            token.head, token.deprel = root, "parataxis"
    if root < 0:
        sentence.tokens[0].head, sentence.tokens[0].deprel = -1, "root"


def _copy_tree(sentence: Sentence, doc: Any) -> None:
    """Heads and relations from a parsed Doc."""
    for token, st in zip(sentence.tokens, doc, strict=True):
        token.head, token.deprel = (-1, "root") if st.head.i == st.i else (st.head.i, st.dep_)
    single_root(sentence)
