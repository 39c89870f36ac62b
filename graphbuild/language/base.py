"""Language-neutral records produced by the language stage and read by later stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Token:
    text: str
    start: int  # char offsets in the document text
    end: int
    lemma: str
    pos: str = ""  # Universal POS tag when known
    # UD-style features: Case=Abl|Gen|Dat|Ins|Loc|Acc|Nom, Number=Plur, Polarity=Neg,
    # Person[psor]=3, VerbForm=..., Tense=..., Mood=...
    feats: dict[str, str] = field(default_factory=dict)
    # Dependency tree (Universal Dependencies): index of the head token in its sentence, -1 for
    # the root; ``deprel`` is the UD relation to that head (nsubj, obj, obl, nmod, ccomp, ...).
    # Filled by the language's parser (graphbuild.language.syntax); "" until parsed.
    head: int = -1
    deprel: str = ""

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")


@dataclass
class Sentence:
    text: str
    start: int  # char offsets in the document text
    end: int
    tokens: list[Token] = field(default_factory=list)


class Analyzer(Protocol):
    """One per language: text -> sentences of lemmatised, morphologically tagged tokens."""

    lang: str

    def analyze(self, text: str) -> list[Sentence]: ...

    def lemma(self, word: str) -> str: ...
