"""Per-language event lexicons (graphbuild/data/lexicons/<lang>.json) and the lemma-pattern matcher.

A pattern is a space-separated sequence of elements.  An element matches a token when it equals
the token's lemma or its lower-cased text; an element ending in ``*`` matches a prefix of either
(so Kazakh stems match whatever suffixes the analyser did or did not strip).  Between two elements
of a multiword pattern up to ``MAX_GAP`` word tokens may intervene ("held bilateral talks").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from graphbuild.language.base import Token
from graphbuild.model import EVENT_TYPES

_NUMBERED = re.compile(r"^\d+(?:[-‑–][^\W\d_]{0,3})?-")
LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"
MAX_GAP = 2


@lru_cache(maxsize=200_000)
def _norm(text: str) -> str:
    return text.lower().replace("ё", "е")


@dataclass(frozen=True)
class Element:
    text: str
    prefix: bool
    voiced: str = ""  # the stem with its final consonant voiced before a vowel suffix (Kazakh), or ""

    def matches(self, token: Token) -> bool:
        return self.matches_forms(token_forms(token))

    def matches_forms(self, forms: tuple[str, ...]) -> bool:
        if self.prefix:
            return any(f.startswith(self.text) or (self.voiced and f.startswith(self.voiced)) for f in forms if f)
        return self.text in forms


# Kazakh stems voice their last consonant before a vowel ("ризашылық" -> "ризашылығын", "серіктестік" ->
# "серіктестігі"), which an analyser that does not know the word leaves in its lemma.  Only stems spelled
# with a letter of Kazakh's own are read so, so no other language's patterns change.
_VOICING = {"қ": "ғ", "к": "г", "п": "б"}
_KAZAKH_LETTERS = frozenset("әіңғүұқөһ")


def _voiced(stem: str) -> str:
    if len(stem) < 4 or stem[-1] not in _VOICING or not _KAZAKH_LETTERS & set(stem):
        return ""
    return stem[:-1] + _VOICING[stem[-1]]


def token_forms(token: Token) -> tuple[str, ...]:
    """The forms a pattern element is compared with: normalised lemma and text."""
    return _forms(token.lemma or "", token.text)


@lru_cache(maxsize=200_000)
def _forms(lemma: str, text: str) -> tuple[str, ...]:
    # Cached: the event stage asks for the same word's forms many times per sentence.
    forms = (_norm(lemma), _norm(text))
    if text[:1].isdigit():  # "14-санкциялар пакеті", "5-раунд": the word after the number
        forms = forms + tuple(_NUMBERED.sub("", f) for f in forms)
    return forms


@dataclass(frozen=True)
class Pattern:
    elements: tuple[Element, ...]
    value: Any  # what the pattern stands for (a trigger entry, a label, a number...)

    @classmethod
    def parse(cls, spec: str, value: Any) -> Pattern:
        return cls(_elements(spec), value)

    @property
    def weight(self) -> tuple[int, int]:
        """Longer patterns first, then exact before prefix matches."""
        return (len(self.elements), sum(not e.prefix for e in self.elements))


@lru_cache(maxsize=100_000)
def _elements(spec: str) -> tuple[Element, ...]:
    # Cached: several passes compile the same word lists again for every sentence.
    return tuple(Element(_norm(w.rstrip("*")), w.endswith("*"),
                         _voiced(_norm(w.rstrip("*"))) if w.endswith("*") else "") for w in spec.split())


@dataclass(frozen=True)
class Match:
    start: int  # token index of the first matched token
    end: int  # token index after the last matched token
    indices: tuple[int, ...]
    value: Any


# Quotation marks around a label do not end a phrase: "соққыны «мемлекеттік терроризм» деп атады".
_QUOTES = frozenset("«»\"“”„")


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text) or (bool(token.text) and set(token.text) <= _QUOTES)


def _match_at(pattern: Pattern, tokens: list[Token], forms: list[tuple[str, ...]], i: int,
              used: set[int]) -> tuple[int, ...] | None:
    if i in used or not pattern.elements[0].matches_forms(forms[i]):
        return None
    indices = [i]
    for element in pattern.elements[1:]:
        j = indices[-1] + 1
        gap = 0
        while j < len(tokens) and gap <= MAX_GAP:
            if j not in used and element.matches_forms(forms[j]):
                break
            if not _is_word(tokens[j]):
                return None
            j += 1
            gap += 1
        else:
            return None
        if j >= len(tokens) or gap > MAX_GAP:
            return None
        indices.append(j)
    return tuple(indices)


@dataclass(frozen=True)
class _FirstWordIndex:
    """Ranks (positions in a pattern list) of the patterns each first word can start.

    Looking a token's forms up here replaces trying every pattern at every token: only the
    patterns whose first element matches the token are tried there, in the list's order.
    """

    exact: dict[str, tuple[int, ...]]  # first element text -> ranks (exact elements)
    prefix: dict[str, tuple[int, ...]]  # first element text -> ranks (prefix elements, "stem*")
    prefix_sizes: tuple[int, ...]  # distinct lengths of the prefix keys, shortest first
    anywhere: tuple[int, ...]  # an empty first element: tried at every token, as before
    # Ranks already worked out for a token's forms (the same words recur in every sentence).
    _known: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, patterns: list[Pattern]) -> _FirstWordIndex:
        exact: dict[str, list[int]] = {}
        prefix: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for rank, pattern in enumerate(patterns):
            head = pattern.elements[0]
            if not head.text:
                anywhere.append(rank)
            else:
                (prefix if head.prefix else exact).setdefault(head.text, []).append(rank)
                if head.prefix and head.voiced:  # "ризашылығын" may start "ризашылық*"
                    prefix.setdefault(head.voiced, []).append(rank)
        return cls({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in prefix.items()},
                   tuple(sorted({len(k) for k in prefix})), tuple(anywhere))

    def ranks(self, forms: tuple[str, ...]) -> frozenset[int]:
        """Ranks of the patterns whose first element may match a token with these forms."""
        known = self._known.get(forms)
        if known is None:
            if len(self._known) >= _KNOWN_FORMS_KEPT:  # bounded: a long corpus keeps meeting new words
                self._known.clear()
            known = self._known[forms] = self._ranks(forms)
        return known

    def _ranks(self, forms: tuple[str, ...]) -> frozenset[int]:
        found = set(self.anywhere)
        for form in forms:
            if not form:
                continue
            found.update(self.exact.get(form, ()))
            for size in self.prefix_sizes:
                if size > len(form):
                    break
                found.update(self.prefix.get(form[:size], ()))
        return frozenset(found)


_KNOWN_FORMS_KEPT = 200_000

# Indexes of recently used pattern lists, by list identity. Each entry keeps the list's contents:
# a hit must hold the same patterns (an id can be reused once a list is freed, or a list changed).
_INDEXES: dict[int, tuple[tuple[Pattern, ...], _FirstWordIndex]] = {}
_INDEXES_KEPT = 256


# The same indexes by the lists' contents: passes build the same list anew for each sentence (a
# filtered or compiled word list), and an index found here keeps the ranks it worked out for each
# word. Looked up only when the identity cache misses (hashing a list's patterns is not free).
_BY_CONTENT: dict[tuple[Pattern, ...], _FirstWordIndex] = {}


def _first_word_index(patterns: list[Pattern]) -> _FirstWordIndex:
    snapshot = tuple(patterns)
    cached = _INDEXES.get(id(patterns))
    if cached is not None and cached[0] == snapshot:
        return cached[1]
    index = _indexed_contents(snapshot)
    if len(_INDEXES) >= _INDEXES_KEPT:
        del _INDEXES[next(iter(_INDEXES))]  # the oldest entry
    _INDEXES[id(patterns)] = (snapshot, index)
    return index


def _indexed_contents(snapshot: tuple[Pattern, ...]) -> _FirstWordIndex:
    try:
        found = _BY_CONTENT.get(snapshot)
    except TypeError:  # a pattern whose value is unhashable: index this list on its own
        return _FirstWordIndex.of(list(snapshot))
    if found is None:
        if len(_BY_CONTENT) >= _INDEXES_KEPT:
            del _BY_CONTENT[next(iter(_BY_CONTENT))]  # the oldest entry
        found = _BY_CONTENT[snapshot] = _FirstWordIndex.of(list(snapshot))
    return found


def find_matches(tokens: list[Token], patterns: list[Pattern], used: set[int] | None = None) -> list[Match]:
    """Non-overlapping matches, longest patterns first; ``used`` token indices are skipped and updated."""
    used = used if used is not None else set()
    found: list[Match] = []
    forms = [token_forms(t) for t in tokens]  # once per call, not once per pattern and token
    index = _first_word_index(patterns)
    # Pattern by pattern (already sorted by weight), each left to right, exactly as trying every
    # pattern at every token would, but only where the pattern's first word can match.
    attempts = sorted((rank, i) for i, fs in enumerate(forms) for rank in index.ranks(fs))
    for rank, i in attempts:
        pattern = patterns[rank]
        indices = _match_at(pattern, tokens, forms, i, used)
        if indices is None:
            continue
        found.append(Match(indices[0], indices[-1] + 1, indices, pattern.value))
        used.update(indices)
    return sorted(found, key=lambda m: m.start)


# Compiled lists by content: the passes compile the same word lists of the lexicon for every
# sentence, and one shared list keeps its first-word index (and that index's known words) warm.
# Callers only read the lists they get.
_COMPILED: dict[tuple[bool, tuple[Any, ...]], list[Pattern]] = {}
_COMPILED_KEPT = 4096


def _specs_key(specs: dict[str, Any] | list[str]) -> tuple[bool, tuple[Any, ...]] | None:
    items = tuple(specs.items()) if isinstance(specs, dict) else tuple(specs)
    try:
        hash(items)
    except TypeError:  # values that are dicts (trigger entries): compiled once by their lexicon anyway
        return None
    return isinstance(specs, dict), items


def compile_patterns(specs: dict[str, Any] | list[str]) -> list[Pattern]:
    key = _specs_key(specs)
    if key is not None and (known := _COMPILED.get(key)) is not None:
        return known
    items = specs.items() if isinstance(specs, dict) else ((s, s) for s in specs)
    patterns = sorted((Pattern.parse(k, v) for k, v in items), key=lambda p: p.weight, reverse=True)
    if key is not None and len(_COMPILED) < _COMPILED_KEPT:
        _COMPILED[key] = patterns
    return patterns


@dataclass(frozen=True)
class TriggerEntry:
    pattern: str
    type: str
    cameo: str
    invert: bool = False  # buy/purchase: the grammatical subject receives (target), the seller supplies
    need: str | None = None  # a slot (or "object"/"missile") that must be present, for ambiguous words
    governs_planned: bool = False  # negotiating (to buy X) makes the governed event planned
    violation: bool = False  # "would violate": an accusation about another event of the sentence
    denial: bool = False
    pos: str | None = None
    otherwise: TriggerEntry | None = None  # the reading when ``need`` is not met ("fired missiles": a test)
    governs_negated: bool = False  # "refused to meet": the governed act did not happen
    negative_lemma: bool = False  # "мойындамады" (did not recognise): the negation is the word itself
    roles: tuple[tuple[str, str], ...] = ()  # slot -> role overrides of this word ("отбить у X": X the target)


@dataclass
class Lexicon:
    lang: str
    order: str
    triggers: list[Pattern]
    objects: list[Pattern]
    missile_words: list[Pattern]
    reporting_verbs: list[Pattern]
    speaker_before_cues: list[Pattern]
    speaker_after_cues: list[Pattern]
    complementizers: list[Pattern]
    planned_before: list[Pattern]
    planned_after: list[Pattern]
    negation_before: list[Pattern]
    negation_after: list[Pattern]
    hypothetical: list[Pattern]
    passive_markers: list[Pattern]
    claim_words: list[Pattern]
    role_titles: list[Pattern]
    neg_suffixes: tuple[str, ...]
    case_suffixes: dict[str, list[str]]
    case_slots: dict[str, str]
    prepositions: dict[str, Any]
    postpositions: dict[str, str]
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Common:
    goldstein: dict[str, float]
    slot_roles: dict[str, dict[str, str]]
    inverted_slot_roles: dict[str, str]
    object_cameo: dict[str, str]
    object_types: frozenset[str]
    recipient_types: frozenset[str]  # a possessor after the trigger is the recipient once the giver is known
    place_as_target: frozenset[str]  # "visited ... in Pyongyang", "exercises in Alaska"
    planned_cameo: dict[str, str]  # the CAMEO code of an intended act of the type
    object_controls: frozenset[str] = frozenset()  # "accused X of supplying": X supplies
    said_acts: frozenset[str] = frozenset()  # done by saying them: the speaker is their doer
    claims: frozenset[str] = frozenset()  # no event without the one who makes them
    conditional_targets: frozenset[str] = frozenset()  # their target is the doer of their condition
    aim_types: frozenset[str] = frozenset()  # what they govern is intended: "threatened to strike"
    moved_forces: frozenset[str] = frozenset()  # a force they move goes as its owner's: "troops were sent"
    against_others: frozenset[str] = frozenset()  # never aimed at the doer's own state ("warned that Iran would")
    motive_types: frozenset[str] = frozenset()  # a noun of them in a clause's adjunct is its subject's act
    one_sided: frozenset[str] = frozenset()  # may be aimed at no one named (a show of force, a denial)
    answered_types: frozenset[str] = frozenset()  # a noun of them in a clause's adjunct is addressed to its subject
    readiness_types: dict[str, str] = field(default_factory=dict)  # act one is ready to do -> what saying so is
    readiness_cameo: dict[str, str] = field(default_factory=dict)
    readiness_keeps_act: frozenset[str] = frozenset()  # readiness to do them is an offer and the planned act
    withdrawn_from: dict[str, frozenset[str]] = field(default_factory=dict)  # a pull-back leaves where these went

    def role_of(self, event_type: str, slot: str, inverted: bool) -> str:
        if inverted:
            return self.inverted_slot_roles.get(slot, "none")
        override = self.slot_roles.get(event_type, {})
        return override.get(slot, self.slot_roles["default"].get(slot, "none"))


def _read(name: str) -> dict[str, Any]:
    """A lexicon file, checked against its schema (events/lexicon_schema.py)."""
    from graphbuild.events.lexicon_schema import validate_common, validate_language

    path = LEXICON_DIR / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    (validate_common if name == "common.json" else validate_language)(raw, path)
    return raw


@cache
def common() -> Common:
    raw = _read("common.json")
    return Common(raw["goldstein"], raw["slot_roles"], raw["inverted_slot_roles"], raw["object_cameo"],
                  frozenset(raw["object_types"]), frozenset(raw.get("recipient_types", [])),
                  frozenset(raw.get("place_as_target", [])), raw.get("planned_cameo", {}),
                  frozenset(raw.get("object_controls", [])), frozenset(raw.get("said_acts", [])),
                  frozenset(raw.get("claims", [])), frozenset(raw.get("conditional_targets", [])),
                  frozenset(raw.get("aim_types", [])), frozenset(raw.get("moved_forces", [])),
                  frozenset(raw.get("against_others", [])), frozenset(raw.get("motive_types", [])),
                  frozenset(raw.get("one_sided", [])), frozenset(raw.get("answered_types", [])),
                  {t: said for said, types in raw.get("readiness_types", {}).items() for t in types},
                  raw.get("readiness_cameo", {}), frozenset(raw.get("readiness_keeps_act", [])),
                  {t: frozenset(v) for t, v in raw.get("withdrawn_from", {}).items()})


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.json") if p.stem != "common"))


def _entry(item: dict[str, Any], pattern: str) -> TriggerEntry:
    other = item.get("otherwise")
    return TriggerEntry(pattern, item["type"], item["cameo"], item.get("invert", False), item.get("need"),
                        item.get("governs_planned", False), item.get("violation", False),
                        item.get("denial", False), item.get("pos"), _entry(other, pattern) if other else None,
                        item.get("governs_negated", False), item.get("negative_lemma", False),
                        tuple(sorted(item.get("roles", {}).items())))


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The event lexicon of ``lang``; raises KeyError for a language without one."""
    path = LEXICON_DIR / f"{lang}.json"
    if not path.exists():
        raise KeyError(f"no event lexicon for language {lang!r}")
    raw = _read(f"{lang}.json")
    entries = {item["p"]: _entry(item, item["p"]) for item in raw["triggers"]}
    return Lexicon(
        lang=lang,
        order=raw.get("order", "SVO"),
        triggers=compile_patterns(entries),
        objects=compile_patterns(raw.get("objects", {})),
        missile_words=compile_patterns(raw.get("missile_words", [])),
        reporting_verbs=compile_patterns(raw.get("reporting_verbs", [])),
        speaker_before_cues=compile_patterns(raw.get("speaker_before_cues", [])),
        speaker_after_cues=compile_patterns(raw.get("speaker_after_cues", [])),
        complementizers=compile_patterns(raw.get("complementizers", [])),
        planned_before=compile_patterns(raw.get("planned_before", [])),
        planned_after=compile_patterns(raw.get("planned_after", [])),
        negation_before=compile_patterns(raw.get("negation_before", [])),
        negation_after=compile_patterns(raw.get("negation_after", [])),
        hypothetical=compile_patterns(raw.get("hypothetical", [])),
        passive_markers=compile_patterns(raw.get("passive_markers", [])),
        claim_words=compile_patterns(raw.get("claim_words", [])),
        role_titles=compile_patterns(raw.get("role_titles", {})),
        neg_suffixes=tuple(raw.get("neg_suffixes", [])),
        case_suffixes=raw.get("case_suffixes", {}),
        case_slots=raw.get("case_slots", {}),
        prepositions=raw.get("prepositions", {}),
        postpositions=raw.get("postpositions", {}),
        raw=raw,
    )


@cache
def _word_lists(lang: str, keys: tuple[str, ...]) -> list[Pattern]:
    raw = load_lexicon(lang).raw
    return compile_patterns([w for key in keys for w in raw.get(key, [])])


def word_patterns(lex: Lexicon, *keys: str) -> list[Pattern]:
    """The lexicon's word lists under ``keys`` (light_verbs, force_nouns, ...), compiled once per language."""
    return _word_lists(lex.lang, keys)


def mutual_target(event_type: str, source: list[str], target: list[str], words: list[Token],
                  lex: Lexicon) -> list[str]:
    """"Pakistan and Afghanistan agreed to a ceasefire", "troops clashed", "атысып қалды": a one-way act
    of two or more doers and no target, told with a word of a truce, a swap or an exchange of fire (the
    lexicon's ``mutual_acts``), binds each side to the other; any other act keeps ``target``."""
    if EVENT_TYPES[event_type].symmetric or len(source) < 2 or target:
        return target
    patterns = word_patterns(lex, "mutual_acts")
    return list(source) if patterns and find_matches(words, patterns, set()) else target


def matches_any(token: Token, patterns: list[Pattern]) -> bool:
    """Whether a single token matches a one-element pattern of ``patterns``."""
    forms = token_forms(token)
    return any(len(patterns[rank].elements) == 1 and patterns[rank].elements[0].matches_forms(forms)
               for rank in _first_word_index(patterns).ranks(forms))
