"""Russian analysis with pymorphy3: lemmas, UPOS and UD features (Case, Number, Animacy, ...).

Tag conversion lives in ``graphbuild/data/ru/opencorpora_ud.json``; the cases a preposition governs
(``preposition_cases.json``) choose among a noun's readings ("в Пхеньян" Acc, "в Пхеньяне" Loc).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphbuild.language.base import Sentence, Token
from graphbuild.language.segment import split_sentences, tokenize

DATA = Path(__file__).resolve().parent.parent / "data" / "ru"
# How far back (in tokens) a preposition still governs a noun: "в Северную Корею".
PREPOSITION_REACH = 3
_MODIFIER_POS = frozenset({"ADJ", "NUM", "DET", "PRON"})


@dataclass(frozen=True)
class Reading:
    lemma: str  # lower case, as the dictionary gives it
    pos: str
    feats: tuple[tuple[str, str], ...]
    proper: bool
    indeclinable: bool = False  # "США", "Шойгу": every case reads the same


@dataclass(frozen=True)
class _Tables:
    pos: dict[str, str]
    proper: frozenset[str]
    features: dict[str, dict[str, str]]
    verb_form: dict[str, str]
    auxiliaries: frozenset[str]
    pronominal: str  # the grammeme of pronominal adjectives (этот, весь, свой)
    pronominal_pos: str
    relatives: frozenset[str]
    relative_pos: str
    negation: frozenset[str]
    prepositions: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw: dict[str, Any] = json.loads((DATA / "opencorpora_ud.json").read_text(encoding="utf-8"))
    preps: dict[str, Any] = json.loads((DATA / "preposition_cases.json").read_text(encoding="utf-8"))
    return _Tables(
        pos=raw["pos"],
        proper=frozenset(raw["proper_noun_grammemes"]),
        features=raw["features"],
        verb_form=raw["verb_form"],
        auxiliaries=frozenset(raw["auxiliaries"]),
        pronominal=raw["pronominal_adjectives"]["grammeme"],
        pronominal_pos=raw["pronominal_adjectives"]["pos"],
        relatives=frozenset(raw["pronominal_adjectives"]["relative"]),
        relative_pos=raw["pronominal_adjectives"]["relative_pos"],
        negation=frozenset(raw["negation"]),
        prepositions={k: tuple(v) for k, v in preps.items() if not k.startswith("_")},
    )


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _convert(parse: Any) -> Reading:
    t = _tables()
    grammemes = set(parse.tag.grammemes)
    tag_pos = parse.tag.POS or next((g for g in grammemes if g in t.pos), "UNKN")
    proper = bool(grammemes & t.proper) and tag_pos == "NOUN"
    pos = "PROPN" if proper else t.pos.get(tag_pos, "X")
    if parse.normal_form in t.auxiliaries:
        pos = "AUX"
    elif t.pronominal in grammemes:
        pos = t.relative_pos if parse.normal_form in t.relatives else t.pronominal_pos
    feats: dict[str, str] = {}
    for name, mapping in t.features.items():
        for grammeme, value in mapping.items():
            if grammeme in grammemes:
                feats[name] = value
                break
    if tag_pos in t.verb_form:
        feats["VerbForm"] = t.verb_form[tag_pos]
    if parse.normal_form in t.negation:
        feats["Polarity"] = "Neg"
    return Reading(parse.normal_form, pos, tuple(sorted(feats.items())), proper, "Fixd" in grammemes)


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """pymorphy3's readings of ``word``, best first, in UD terms (cached per word)."""
    seen: dict[Reading, None] = {}
    for parse in _morph().parse(word):
        seen.setdefault(_convert(parse), None)
    return tuple(seen)


@lru_cache(maxsize=200_000)
def _known(word: str) -> bool:
    return bool(_morph().word_is_known(word))


def is_common_word(word: str) -> bool:
    """A word the dictionary knows with no proper-noun reading ("Совет", "вето", "СМИ", "ТЭЦ-3"): capitalised
    at a sentence start or as an acronym, it names no one."""
    word = re.sub(r"-?\d+$", "", word)  # a number after the word (ТЭЦ-3) does not make it a name
    return bool(word) and _known(word) and not any(r.proper for r in readings(word))


def restore_case(word: str, lemma: str) -> str:
    """Give a proper noun's lemma the capitals of its form: Москвы -> Москва, США -> США."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return lemma.upper()
    word_parts = word.split("-")
    lemma_parts = lemma.split("-")
    if len(word_parts) == len(lemma_parts):
        pairs = zip(word_parts, lemma_parts, strict=True)
        return "-".join(lp[:1].upper() + lp[1:] if wp[:1].isupper() else lp for wp, lp in pairs)
    return lemma[:1].upper() + lemma[1:]


class RussianAnalyzer:
    lang = "ru"

    def analyze(self, text: str) -> list[Sentence]:
        sentences = []
        for s, e in split_sentences(text, self.lang):
            tokens: list[Token] = []
            first_word = True
            for ts, te in tokenize(text, s, e, lang=self.lang):
                word = text[ts:te]
                allowed = self._governed_cases(tokens)
                tokens.append(self._token(word, ts, te, sentence_initial=first_word, allowed=allowed))
                if any(ch.isalpha() for ch in word):
                    first_word = False
            sentences.append(Sentence(text=text[s:e], start=s, end=e, tokens=tokens))
        return sentences

    def lemma(self, word: str) -> str:
        return self._choose(word, sentence_initial=False, allowed=None)[0]

    def _governed_cases(self, previous: list[Token]) -> tuple[str, ...] | None:
        preps = _tables().prepositions
        for token in reversed(previous[-PREPOSITION_REACH:]):
            if token.pos == "ADP":
                return preps.get(token.text.lower())
            if token.pos not in _MODIFIER_POS:
                return None
        return None

    def _token(self, word: str, start: int, end: int, *, sentence_initial: bool,
               allowed: tuple[str, ...] | None) -> Token:
        lemma, reading = self._choose(word, sentence_initial=sentence_initial, allowed=allowed)
        if reading is None:
            pos = "NUM" if any(ch.isdigit() for ch in word) else "PUNCT" if not word.isalnum() else "X"
            return Token(text=word, start=start, end=end, lemma=lemma, pos=pos)
        return Token(text=word, start=start, end=end, lemma=lemma, pos=reading.pos, feats=dict(reading.feats))

    def _choose(self, word: str, *, sentence_initial: bool,
                allowed: tuple[str, ...] | None) -> tuple[str, Reading | None]:
        return _choose(word, sentence_initial, allowed)


@lru_cache(maxsize=200_000)
def _choose(word: str, sentence_initial: bool, allowed: tuple[str, ...] | None) -> tuple[str, Reading | None]:
    if not any(ch.isalpha() for ch in word):
        return word, None
    options = readings(word)
    if not options:
        return word.lower(), None
    capital = word[:1].isupper()
    candidates = list(options)
    if capital and not sentence_initial:
        # A capital inside a sentence marks a name: prefer the dictionary's proper-noun readings.
        candidates = [r for r in candidates if r.proper] or candidates
    if allowed:
        candidates = [r for r in candidates if dict(r.feats).get("Case") in allowed] or candidates
    if candidates[0].indeclinable:
        # The dictionary's scores say nothing about the case of an indeclinable word: take the
        # preposition's main case, else the nominative (a subject is the likeliest role).
        wanted = allowed or ("Nom",)
        candidates.sort(key=lambda r: wanted.index(c) if (c := dict(r.feats).get("Case")) in wanted else 99)
    best = candidates[0]
    keeps_capital = capital and (best.proper or not sentence_initial or not _known(word))
    lemma = restore_case(word, best.lemma) if keeps_capital else best.lemma
    if keeps_capital and best.pos == "NOUN" and not sentence_initial:
        best = Reading(best.lemma, "PROPN", best.feats, True)
    return lemma, best
