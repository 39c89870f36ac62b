"""English analysis: lemmas and inflection features from lemminflect (its data ships in the wheel),
closed-class words from ``graphbuild/data/en/function_words.tsv``, and a light context rule for
noun/verb ambiguity ("the talks" NOUN, "Russia denies" VERB)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graphbuild.language.base import Sentence, Token
from graphbuild.language.lemminflect_tables import lemminflect
from graphbuild.language.segment import split_sentences, tokenize

DATA = Path(__file__).resolve().parent.parent / "data" / "en"
# Without a tagger, ties are broken in this order (content words first).
POS_ORDER = ("NOUN", "VERB", "ADJ", "ADV", "AUX", "PROPN", "NUM", "X")
_BEFORE_NOUN = frozenset({"DET", "ADJ", "ADP", "NUM"})
_BEFORE_VERB = frozenset({"PRON", "PROPN", "NOUN", "AUX", "PART"})
_VERB_PREFERRED = ("VERB", "AUX", "NOUN", "ADJ", "ADV")
_NOUN_PREFERRED = ("NOUN", "ADJ", "VERB", "ADV", "AUX")


_Feats = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Closed:
    pos: str
    feats: tuple[tuple[str, str], ...]
    lemma: str | None = None


@lru_cache(maxsize=1)
def _function_words() -> dict[str, _Closed]:
    table: dict[str, _Closed] = {}
    for raw in (DATA / "function_words.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        spec = parts[2] if len(parts) > 2 else ""
        feats = tuple(tuple(f.split("=", 1)) for f in spec.split("|")) if spec else ()
        lemma = parts[3] if len(parts) > 3 else None
        table[parts[0]] = _Closed(parts[1], feats, lemma)  # type: ignore[arg-type]
    return table


@lru_cache(maxsize=1)
def _penn_feats() -> dict[str, dict[str, str]]:
    raw: dict[str, dict[str, str]] = json.loads((DATA / "penn_ud.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=200_000)
def _lemmas(lower: str) -> dict[str, tuple[str, ...]]:
    return dict(lemminflect().getAllLemmas(lower))


@lru_cache(maxsize=200_000)
def _features(lower: str, lemma: str, pos: str) -> tuple[tuple[str, str], ...]:
    table = _penn_feats()
    upos = "VERB" if pos == "AUX" else pos
    forms = lemminflect().getAllInflections(lemma, upos=upos)
    for tag in table:  # the data file's order decides between equal forms (ammunition: NN before NNS)
        if lower in forms.get(tag, ()):
            return tuple(sorted(table[tag].items()))
    return ()


_OOV_SUFFIX_POS = (("ing", "VERB"), ("ed", "VERB"), ("s", "NOUN"))


def _oov_lemmas(lower: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's rules for words outside its dictionary ("peacekeepers" -> peacekeeper)."""
    for suffix, upos in _OOV_SUFFIX_POS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return dict(lemminflect().getAllLemmasOOV(lower, upos))
    return {}


@lru_cache(maxsize=1)
def _demonym_endings() -> tuple[str, ...]:
    lines = (DATA / "demonym_endings.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _demonym(token: Token) -> bool:
    """A capitalised nationality adjective ("Israeli", "Russian"): the analyser only sees a name."""
    text = token.text
    return (token.pos == "PROPN" and text[:1].isupper() and not text.isupper() and text.isalpha()
            and text.lower().endswith(_demonym_endings()))


def _contextual_order(previous: Token | None) -> tuple[str, ...]:
    if previous is None:
        return POS_ORDER
    if _demonym(previous) or previous.feats.get("Poss") == "Yes":
        return _NOUN_PREFERRED  # "Israeli strikes", "Israel's offer": a noun after the adjective or possessive
    if previous.text.lower() == "to" or previous.pos in _BEFORE_VERB:
        return _VERB_PREFERRED
    if previous.pos in _BEFORE_NOUN:
        return _NOUN_PREFERRED
    return POS_ORDER


class EnglishAnalyzer:
    lang = "en"

    def analyze(self, text: str) -> list[Sentence]:
        sentences = []
        for s, e in split_sentences(text, self.lang):
            tokens: list[Token] = []
            spans = tokenize(text, s, e, lang=self.lang)
            for i, (ts, te) in enumerate(spans):
                first = not any(any(ch.isalpha() for ch in t.text) for t in tokens)
                previous = tokens[-1] if tokens else None
                # "North Korea denied": a capitalised first word before another capital is a name.
                nxt = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
                named = first and nxt[:1].isupper()
                order = _contextual_order(previous)
                if previous is not None and previous.pos == "PROPN" and len(tokens) > 1 \
                        and tokens[-2].pos == "DET":
                    order = _NOUN_PREFERRED  # "the U.S. strikes", "the EU sanctions": a name used as a modifier
                tokens.append(self._token(text[ts:te], ts, te, first and not named, order))
            sentences.append(Sentence(text=text[s:e], start=s, end=e, tokens=tokens))
        return sentences

    def lemma(self, word: str) -> str:
        return _analyse(word, False, POS_ORDER)[0]

    def _token(self, word: str, start: int, end: int, first: bool, order: tuple[str, ...]) -> Token:
        lemma, pos, feats = _analyse(word, first, order)
        return Token(text=word, start=start, end=end, lemma=lemma, pos=pos, feats=dict(feats))


@lru_cache(maxsize=200_000)
def _analyse(word: str, sentence_initial: bool, order: tuple[str, ...]) -> tuple[str, str, _Feats]:
    if not any(ch.isalpha() for ch in word):
        pos = "NUM" if any(ch.isdigit() for ch in word) else "PUNCT"
        return word, pos, ()
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s") and len(lower) > 2 and lower not in _function_words():
        # "Russia's" -> Russia + Poss=Yes, so names match the knowledge base by lemma.
        lemma, pos, feats = _analyse(word[:-2], sentence_initial, order)
        return lemma, pos, tuple(sorted((*feats, ("Poss", "Yes"))))
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word, "PROPN", ()  # an acronym: UN, US, NATO
    closed = _function_words().get(lower)
    if closed is not None and (sentence_initial or not word[:1].isupper() or closed.pos != "AUX"):
        # Auxiliaries take their verb lemma (was -> be); a capitalised "May" mid-sentence is a name.
        return closed.lemma or lower, closed.pos, closed.feats
    candidates = _lemmas(lower)
    if word[:1].isupper() and (not sentence_initial or not candidates):
        # A capital inside a sentence, or an unknown capitalised word, is a name: keep it as written.
        return word, "PROPN", ()
    if not candidates:
        candidates = _oov_lemmas(lower)
    if not candidates:
        return lower, "X", ()

    def rank(p: str) -> tuple[bool, int]:
        # Unless a determiner calls for a noun, an inflected reading beats an identical one
        # ("accused" -> accuse, "taking" -> take, but "the talks" -> talk either way).
        uninflected = order != _NOUN_PREFERRED and candidates[p][0] == lower
        return uninflected, order.index(p) if p in order else len(order)

    pos = min(candidates, key=rank)
    lemma = candidates[pos][0]
    return lemma, pos, _features(lower, lemma, pos)


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """A word lemminflect's dictionary knows in lower case ("dream", "north"): a capitalised one alone is
    no name ("the North", "Georgian Dream" is the name, not "Dream")."""
    return word.isalpha() and bool(lemminflect().getAllLemmas(word.lower()))
