"""Bodies of a country named by a common noun beside the country's name or people's adjective.

"Pakistan's military", "the Israeli military" are the KB's armed forces of that country
(``data/<lang>/military_nouns.txt``); "Ecuadorian police", "Ukraine's air force" are a service of the
country, a new body beside it (``data/<lang>/agency_nouns.tsv``).  Linking asks here once it has found
a country's name; the country's own mention stays the one events read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.language.base import Sentence
from graphbuild.wordlists import word_list

_DATA = Path(__file__).resolve().parent.parent / "data"
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# A noun in these relations modifies another noun ("Israeli military aircraft", "военные самолёты").
_MODIFIER_DEPRELS = frozenset({"amod", "compound"})


# The English label of a KB body that is a country's armed forces ("Armed Forces of Ukraine", "Israel
# Defense Forces", "Korean People's Army"); a label naming the forces as a whole is preferred to an army.
_FORCES_LABEL = re.compile(r"\b(?:Armed|Defen[cs]e) Forces\b")
_ARMY_LABEL = re.compile(r"\bArmy\b")


@lru_cache(maxsize=4)
def armed_forces(kb: KnowledgeBase) -> dict[str, str]:
    """Country id -> the KB id of its armed forces (a body whose ``part_of`` is the country)."""
    found: dict[str, tuple[int, str]] = {}
    for actor in kb.actors("Organization"):
        country = actor.part_of
        if not country or country not in kb or kb.actor(country).kind != "Country":
            continue
        rank = 0 if _FORCES_LABEL.search(actor.label) else 1 if _ARMY_LABEL.search(actor.label) else None
        if rank is not None and (country not in found or (rank, actor.id) < found[country]):
            found[country] = (rank, actor.id)
    return {country: actor_id for country, (_, actor_id) in found.items()}


@lru_cache(maxsize=8)
def _agency_nouns(lang: str) -> tuple[tuple[str, str], ...]:
    """data/<lang>/agency_nouns.tsv: a country's services named by a common noun ("police", "таможня"),
    each with its English noun ("customs")."""
    path = _DATA / lang / "agency_nouns.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")] if path.exists() else []
    return tuple((row[0].strip(), row[1].strip()) for row in rows if len(row) == 2)


def agency_beside(sentence: Sentence, first: int, last: int, lang: str) -> tuple[str, int, int] | None:
    """A country's service named beside its words ("Ecuadorian police", "Финская таможня", "полиция
    Эквадора"): its English noun and the token range of the whole name, or None."""
    for words, english in _agency_nouns(lang):
        span = _noun_beside(sentence, first, last, [words.split()])
        if span is not None:
            return english, *span
    return None


def military_noun_beside(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """A noun of data/<lang>/military_nouns.txt right after the country's words ("Pakistan's military",
    "Ресей әскері"), not itself modifying a noun ("Israeli military aircraft"), or right before them
    ("армия Ливана")."""
    phrases = [w.split() for w in word_list(_DATA / lang / "military_nouns.txt")]
    return _noun_beside(sentence, first, last, phrases) is not None


def _noun_beside(sentence: Sentence, first: int, last: int, phrases: list[list[str]]) -> tuple[int, int] | None:
    """The token range of the country's words [first, last) with one of ``phrases`` (words as written
    or lemmas) right after them, not modifying a further noun, or right before them; None if none."""
    tokens = sentence.tokens

    def at(k: int, words: list[str]) -> bool:
        seq = tokens[k : k + len(words)] if k >= 0 else []
        return len(seq) == len(words) and all(
            w in {t.text.lower(), (t.lemma or "").lower()} for t, w in zip(seq, words, strict=True))

    after = last
    while after < len(tokens) and tokens[after].text.lower() in _POSSESSIVE_MARKS:
        after += 1
    for words in phrases:
        words = [w.lower() for w in words]
        if at(after, words) and tokens[after + len(words) - 1].deprel.split(":")[0] not in _MODIFIER_DEPRELS:
            return first, after + len(words)
        if at(first - len(words), words):
            return first - len(words), last
    return None
