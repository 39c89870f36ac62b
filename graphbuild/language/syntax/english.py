"""English: the spaCy tagger's POS and features replace the analyzer's (which has no tagger),
and open-class lemmas follow the new POS through lemminflect."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graphbuild.language.base import Sentence, Token
from graphbuild.language.profiles import DATA_DIR
from graphbuild.language.syntax.spacy_parser import SpacyParser
from graphbuild.language.tree import Tree
from graphbuild.wordlists import word_list

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


# Relations that only a verb (a clause) takes or heads: an "-ing" word the tagger calls a noun but that
# has an object, or heads a clausal complement, is the gerund of a verb ("denied supplying weapons").
_VERBAL_DEPENDENTS = frozenset({"obj", "iobj"})
_CLAUSAL_RELATIONS = frozenset({"ccomp", "xcomp", "advcl"})


def _gerund_verbs() -> frozenset[str]:
    return word_list(DATA_DIR / "en" / "gerund_verbs.txt")


def verbal_gerunds(sentence: Sentence) -> None:
    """An "-ing" noun with an object or heading a clausal complement is a verb: its POS and lemma follow.
    After a verb that takes a gerund, one the parser made a compound of the next noun is the gerund with
    that noun as its object ("denied supplying drones": supplying -> drones, not "supplying drones")."""
    tokens = sentence.tokens
    children: dict[int, set[str]] = {}
    for t in tokens:
        children.setdefault(t.head, set()).add(t.deprel.split(":")[0])
    for k, t in enumerate(tokens):
        if t.pos != "NOUN" or not t.text.lower().endswith("ing"):
            continue
        noun = tokens[k + 1] if k + 1 < len(tokens) and t.head == k + 1 and t.deprel == "compound" else None
        governed = noun is not None and noun.deprel == "obj" and 0 <= noun.head < k \
            and tokens[noun.head].pos == "VERB" and tokens[noun.head].lemma in _gerund_verbs()
        if not (governed or children.get(k, set()) & _VERBAL_DEPENDENTS
                or t.deprel.split(":")[0] in _CLAUSAL_RELATIONS):
            continue
        lemma = open_class_lemma(t.text, "VERB")
        if not lemma:
            continue
        t.pos, t.lemma = "VERB", lemma
        t.feats = {**t.feats, "VerbForm": "Ger"}
        if governed and noun is not None:
            t.head, t.deprel = noun.head, "xcomp"
            noun.head, noun.deprel = k, "obj"


def list_appositions(sentence: Sentence) -> None:
    """"Japan, South Korea and the United States": a name set beside another name by a comma, when a later
    conjunct ("and the United States") hangs on the same first name, is a member of that list, not an
    apposition of the first (which the parser reads it as whenever the names are long)."""
    tree = Tree(sentence)
    tokens = sentence.tokens
    for k, t in enumerate(tokens):
        h = tree.head(k)
        if t.deprel != "appos" or h is None or t.pos != "PROPN" or tokens[h].pos != "PROPN":
            continue
        if any(c > k and any(tokens[g].deprel == "cc" for g in tree.children[c])
               for c in tree.children[h] if tokens[c].deprel == "conj"):
            t.deprel = "conj"


class EnglishParser(SpacyParser):
    def __init__(self, lang: str, model_dir: Path, *, relemmatize: bool = True) -> None:
        super().__init__(lang, model_dir, set_pos=True)
        self.relemmatize = relemmatize

    def parse(self, sentences: list[Sentence]) -> None:
        super().parse(sentences)
        self.after_parse(sentences)

    def after_parse(self, sentences: list[Sentence]) -> None:
        """Fixes of the parse that read the whole sentence (gerunds, lists of names)."""
        for s in sentences:
            verbal_gerunds(s)
            list_appositions(s)

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
