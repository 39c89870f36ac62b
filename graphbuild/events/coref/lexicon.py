"""The coreference words of a language (graphbuild/data/lexicons/coref/<lang>.json), read into typed
tables; a malformed entry is refused with one line naming the file and the entry."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

COREF_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "lexicons" / "coref"
_NUMBERS = ("Sing", "Plur", "Any")
_GENDERS = ("Masc", "Fem", "Neut", "Any")
_ANIMACY = ("Person", "Other", "Any")
_PARTY_KINDS = ("Person", "Country", "Organization", "Any")


@dataclass(frozen=True)
class PronounClass:
    """What a third-person pronoun can stand for."""

    number: str  # Sing | Plur | Any
    gender: str  # Masc | Fem | Neut | Any
    animacy: str  # Person (a person only) | Other (no person) | Any
    prefers: str | None = None  # "Person": of the antecedents that fit, a person first (Kazakh "ол")


@dataclass(frozen=True)
class PartyWord:
    """A plural description of the parties ("лидеры", "главы государств", "екеуі")."""

    kind: str  # the kind of actor its members are: Person | Country | Organization | Any
    plural: bool = False  # the word is plural by its form; else the parse must read it as several


@dataclass(frozen=True)
class CorefLexicon:
    third_person: dict[str, PronounClass]
    first_person: dict[str, str]  # word or lemma -> Sing | Plur
    party_words: dict[str, PartyWord] = field(default_factory=dict)  # event-lexicon pattern -> members
    titles: dict[str, str] = field(default_factory=dict)  # pattern -> office, beside the event lexicon's
    broad_titles: dict[str, list[str]] = field(default_factory=dict)  # "Leader" -> the offices it may name
    # Titles that in this language's news name one country's officer ("Мемлекет басшысы": Kazakhstan's).
    home_titles: dict[str, str] = field(default_factory=dict)  # pattern -> ISO3
    # Descriptions of one actor ("организация"), as the event lexicon's anaphoric_nouns (events/anaphora.py).
    anaphoric_nouns: dict[str, Any] = field(default_factory=dict)
    # The parser's subject relation is loose: a subject is an actor ("Ким" tagged a modifier, a common
    # noun tagged the subject), and a non-nominative "subject" is a slip (see passes/coreference.py).
    loose_subjects: bool = False
    side_nouns: list[str] = field(default_factory=list)  # "сторона": a country's adjective before it is the country
    other_side_titles: list[str] = field(default_factory=list)  # offices of "the other side": Guest, Counterpart
    talk_words: list[str] = field(default_factory=list)  # "обсудить": what the sides of a meeting talked about

    def third(self, word: str, lemma: str) -> PronounClass | None:
        return self.third_person.get(word.lower()) or self.third_person.get(lemma.lower())

    def first(self, word: str, lemma: str) -> str | None:
        return self.first_person.get(word.lower()) or self.first_person.get(lemma.lower())


def _one_of(value: object, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ValueError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def parse(raw: dict[str, object], where: str) -> CorefLexicon:
    """The typed tables of one file's JSON object; ``where`` names the file in errors."""
    third: dict[str, PronounClass] = {}
    table = raw.get("third_person", {})
    if not isinstance(table, dict):
        raise ValueError(f"{where}: third_person must be an object of word -> features")
    for word, spec in table.items():
        if not isinstance(spec, dict):
            raise ValueError(f"{where}: third_person {word!r} must be an object with number, gender, animacy")
        at = f"{where}: third_person {word!r}"
        prefers = spec.get("prefers")
        third[word.lower()] = PronounClass(_one_of(spec.get("number"), _NUMBERS, at),
                                           _one_of(spec.get("gender"), _GENDERS, at),
                                           _one_of(spec.get("animacy"), _ANIMACY, at),
                                           None if prefers is None else _one_of(prefers, ("Person",), at))
    first = raw.get("first_person", {})
    if not isinstance(first, dict):
        raise ValueError(f"{where}: first_person must be an object of word -> number")
    broad = _strings(raw.get("broad_titles", {}), "broad_titles", where, many=True)
    return CorefLexicon(
        third, {w.lower(): _one_of(n, _NUMBERS[:2], f"{where}: first_person {w!r}") for w, n in first.items()},
        party_words=_party_words(raw.get("party_words", {}), where),
        titles=_strings(raw.get("titles", {}), "titles", where),  # type: ignore[arg-type]
        broad_titles={k: list(v) for k, v in broad.items()},
        home_titles=_strings(raw.get("home_titles", {}), "home_titles", where),  # type: ignore[arg-type]
        anaphoric_nouns=_nouns(raw.get("anaphoric_nouns", {}), where),
        loose_subjects=_flag(raw.get("loose_subjects", False), "loose_subjects", where),
        side_nouns=_words(raw.get("side_nouns", []), "side_nouns", where),
        other_side_titles=_words(raw.get("other_side_titles", []), "other_side_titles", where),
        talk_words=_words(raw.get("talk_words", []), "talk_words", where))


def _words(value: object, name: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ValueError(f"{where}: {name} must be a list of words")
    return list(value)


def _flag(value: object, name: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{where}: {name} must be true or false")
    return value


def _nouns(table: object, where: str) -> dict[str, Any]:
    """noun -> [kinds] or {"kinds": [...], "cues": [...]}, as the event lexicon's anaphoric_nouns."""
    if not isinstance(table, dict):
        raise ValueError(f"{where}: anaphoric_nouns must be an object of noun -> kinds")
    for noun, spec in table.items():
        kinds = spec if isinstance(spec, list) else spec.get("kinds") if isinstance(spec, dict) else None
        if not kinds or not all(k in ("Person", "Country", "Organization", "Group") for k in kinds):
            raise ValueError(f"{where}: anaphoric_nouns {noun!r} must name kinds: Country, Organization, Group")
    return dict(table)


def _strings(table: object, name: str, where: str, many: bool = False) -> dict[str, str | list[str]]:
    """An object of word -> string (``many``: -> list of strings)."""
    ok = isinstance(table, dict) and all(
        (isinstance(v, list) and all(isinstance(x, str) for x in v)) if many else isinstance(v, str)
        for v in table.values())
    if not ok:
        raise ValueError(f"{where}: {name} must be an object of word -> {'list of titles' if many else 'title'}")
    return dict(table)  # type: ignore[arg-type]


def _party_words(table: object, where: str) -> dict[str, PartyWord]:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: party_words must be an object of pattern -> {{kind, plural}}")
    words = {}
    for pattern, spec in table.items():
        at = f"{where}: party_words {pattern!r}"
        if not isinstance(spec, dict) or not isinstance(spec.get("plural", False), bool):
            raise ValueError(f"{at} must be an object with kind and an optional plural true/false")
        words[pattern] = PartyWord(_one_of(spec.get("kind"), _PARTY_KINDS, at), spec.get("plural", False))
    return words


@cache
def coref_lexicon(lang: str) -> CorefLexicon:
    """The language's coreference words; an empty lexicon for a language without a file."""
    path = COREF_DIR / f"{lang}.json"
    if not path.exists():
        return CorefLexicon({}, {})
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: line {e.lineno}: {e.msg}") from None
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: must hold one JSON object")
    return parse(raw, str(path))
