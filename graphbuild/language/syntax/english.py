"""English: the spaCy tagger's POS and features replace the analyzer's (which has no tagger),
and open-class lemmas follow the new POS through lemminflect."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graphbuild.language.base import Token
from graphbuild.language.syntax.spacy_parser import SpacyParser

# Lemmas are recomputed only between these (a name's lemma is its written form; closed classes
# come from our function-word table).
OPEN_CLASSES = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX"})
# Analyzer features the tagger cannot know: "Russia's" is one token for us, "Russia" + "'s" in UD.
KEEP_FEATS = ("Poss",)


@lru_cache(maxsize=200_000)
def open_class_lemma(word: str, pos: str) -> str | None:
    """lemminflect's lemma of ``word`` read as ``pos``; None when it has none."""
    from graphbuild.language.lemminflect_tables import lemminflect

    lemmas = lemminflect().getLemma(word.lower().replace("’", "'"), upos=pos, lemmatize_oov=True)
    return lemmas[0] if lemmas else None


class EnglishParser(SpacyParser):
    def __init__(self, lang: str, model_dir: Path, *, relemmatize: bool = True) -> None:
        super().__init__(lang, model_dir, set_pos=True)
        self.relemmatize = relemmatize

    def retag(self, token: Token, pos: str, feats: dict[str, str]) -> None:
        old = token.pos
        kept = {k: v for k, v in token.feats.items() if k in KEEP_FEATS}
        token.pos, token.feats = pos, {**feats, **kept}
        if not self.relemmatize or pos == old or old not in OPEN_CLASSES or pos not in OPEN_CLASSES:
            return
        if "Poss" in kept:
            return  # "Russia's": the analyzer already stripped the clitic
        lemma = open_class_lemma(token.text, pos)
        if lemma:
            token.lemma = lemma
