"""English named-entity recognition: a rule-based proper-noun chunker and typer.

No English NER model ships inside a registry package we can use, so names are found from
capitalisation (with sentence-initial and calendar words set aside), joined across "of"/"the"
inside organisation and title phrases, split at titles and honorifics ("Defence Minister Sergei
Shoigu" -> Person "Sergei Shoigu"), and typed from word lists in en_rules.json plus CLDR country
names.  The universal POS tag is used when the analyzer sets it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graphbuild.entities.ner.labels import kind_for
from graphbuild.entities.ner.spans import char_mention
from graphbuild.language.base import Sentence, Token
from graphbuild.language.en import is_common_word
from graphbuild.model import Mention

_RULES = Path(__file__).with_name("en_rules.json")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9]{1,5}|(?:[A-Z]\.){2,4})$")
# A headline has at least HEADLINE_MIN_WORDS words longer than HEADLINE_WORD_MIN letters, most capitalised.
HEADLINE_MIN_WORDS = 3
HEADLINE_WORD_MIN = 3
HEADLINE_CAPS_SHARE = 0.75


@dataclass(frozen=True)
class _Rules:
    sets: dict[str, frozenset[str]]
    countries: frozenset[str]

    def has(self, name: str, word: str) -> bool:
        return word.lower() in self.sets[name]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    from babel import Locale

    data = json.loads(_RULES.read_text(encoding="utf-8"))
    sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    skip = set(data["non_country_territory_codes"])
    # Two-letter CLDR codes are countries and territories; numeric ones are world regions.
    countries = {n.lower() for c, n in Locale("en").territories.items() if c.isalpha() and c not in skip}
    countries |= {a.lower() for a in data["country_aliases"]}
    sets = dict(
        sets, regions=frozenset(n.lower() for c, n in Locale("en").territories.items() if c.isdigit())
    )
    return _Rules(sets=sets, countries=frozenset(countries))


def _core(tok: Token) -> str:
    """Token text without a possessive ending ("Russia's" -> "Russia")."""
    core = _POSSESSIVE.sub("", tok.text)
    return core or tok.text


def _is_cap(tok: Token, r: _Rules) -> bool:
    w = _core(tok)
    particle, hyphen, rest = w.partition("-")
    if hyphen and r.has("name_particles", particle) and rest[:1].isupper():
        w = rest  # "al-Assad"
    elif hyphen and w.rsplit("-", 1)[1].islower() and w.endswith("ed"):
        return False  # "Moscow-based", "UK-led": an adjective
    if not w[:1].isupper() or r.has("calendar", w) or r.has("not_names", w):
        return False
    return any(c.isalpha() for c in w)


def _common_start(tok: Token, r: _Rules, lower_vocab: frozenset[str]) -> bool:
    """A capitalised sentence-initial word that is an ordinary word, not a name."""
    if tok.pos:
        # The analyzer knows the word as a common one; name-building nouns ("Secretary") still start names.
        # Country names that are also common nouns ("Turkey's") stay names.
        core = _core(tok)
        return tok.pos != "PROPN" and not _generic(core, r) and core.lower() not in r.countries
    return r.has("common_sentence_starts", tok.text) or tok.text.lower() in lower_vocab


def _chunks(sent: Sentence, r: _Rules, lower_vocab: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalised sequences, joined across connectors inside phrases."""
    toks = sent.tokens
    n = len(toks)
    first_word = next((k for k, t in enumerate(toks) if any(c.isalnum() for c in t.text)), 0)
    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not _is_cap(toks[i], r) or (i == first_word and _common_start(toks[i], r, lower_vocab)):
            i += 1
            continue
        j = i + 1
        while j < n and _core(toks[j - 1]) == toks[j - 1].text:  # a possessive ends the name
            if _is_cap(toks[j], r):
                j += 1
                continue
            k = j
            while k < n and r.has("connectors", toks[k].text) and toks[k].text.islower():
                k += 1
            if k > j and k < n and _is_cap(toks[k], r) and _joins(toks[i:j], toks[j:k], r):
                j = k + 1
                continue
            break
        if j < n and r.has("place_suffixes_lower", toks[j].text) and toks[j].text.islower():
            j += 1  # "Syunik province"
        out.append((i, j))
        i = j
    return out


def _joins(head: Sequence[Token], connectors: Sequence[Token], r: _Rules) -> bool:
    """Whether "X of the Y" is one name.

    Name particles ("bin", "von der") always join; "of"/"for"/"on" (+ "the") join inside an
    organisation, place or title phrase; "and" joins only an unfinished phrase ("Ministry of Trade
    and Industry"), not two complete names ("the Council and the Ministry").
    """
    words = [t.text.lower() for t in connectors]
    if all(r.has("name_particles", w) for w in words):
        return True
    core = [_core(t) for t in head]
    phrase = any(r.has("org_words", w) or r.has("place_words", w) or r.has("title_heads", w) for w in core)
    if not phrase:
        return False
    if words in (["of"], ["for"], ["on"], ["of", "the"], ["for", "the"], ["on", "the"]):
        return True
    last = core[-1]
    # A title followed by a name ("Trade Representative Jamieson Greer") is a finished person's phrase:
    # "and" starts the next person, not more of the title.
    heads = [k for k, w in enumerate(core) if r.has("title_heads", w)]
    named = bool(heads) and any(not _generic(w, r) and not r.has("connectors", w) for w in core[heads[-1] + 1 :])
    return words == ["and"] and not named and not (r.has("org_words", last) or r.has("place_words", last))


def _title_run(toks: Sequence[Token], r: _Rules) -> tuple[int, int] | None:
    """The first run of title words holding a title head ("Prime Minister", "Secretary of State")."""
    i = 0
    n = len(toks)
    while i < n:
        j = i
        has_head = False
        while j < n:
            w = _core(toks[j])
            if r.has("title_heads", w):
                has_head = True
            elif not (r.has("title_modifiers", w) or r.has("portfolios", w)):
                if not (w.islower() and r.has("connectors", w) and j > i):
                    break
            j += 1
        while j > i and toks[j - 1].text.islower():  # a run never ends on a connector
            j -= 1
        if has_head and j > i:
            return i, j
        i = max(j, i + 1)
    return None


def _generic(word: str, r: _Rules) -> bool:
    """A common noun of names ("Union", "Ministry", "Defence") rather than a name of its own."""
    return any(
        r.has(k, word) for k in ("org_words", "place_words", "title_heads", "title_modifiers", "portfolios")
    )


def _strip_demonym(toks: Sequence[Token], r: _Rules) -> int:
    """Number of leading tokens that form a demonym adjective ("Russian" in "Russian Sergei Shoigu").

    Kept when the whole is a country ("Saudi Arabia") or the rest holds no name of its own
    ("European Union", "Russian Defence Ministry").
    """
    words = [_core(t) for t in toks]
    if " ".join(words).lower() in r.countries:
        return 0
    if len(toks) > 1 and _demonym_compound(words[0], r):
        return 1  # "Iranian-made Shahed": the compound adjective is no part of the name
    for size in (2, 1):
        if len(toks) > size and r.has("demonyms", " ".join(words[:size])):
            rest = [w for w in words[size:] if not (w.islower() and r.has("connectors", w))]
            if len(rest) == 1 and is_common_word(rest[0]):
                return 0  # "Georgian Dream": a plain word after the adjective is no name of its own
            return size if any(not _generic(w, r) for w in rest) else 0
    return 0


def _demonym_compound(word: str, r: _Rules) -> bool:
    """A hyphenated adjective of demonyms ("Iranian-made", "Russian-Chinese", "Ukrainian-style")."""
    parts = word.lower().split("-")
    return len(parts) > 1 and all(r.has("demonyms", p) or r.has("demonym_suffixes", p) for p in parts)


def _classify(
    toks: Sequence[Token], before: Token | None, after: Token | None, r: _Rules, titled: bool
) -> str | None:
    """An en_rules tag (PERSON, COUNTRY, PLACE, ORGANIZATION, GROUP) for a name, None if not a name."""
    words = [_core(t) for t in toks]
    text = " ".join(words)
    low = text.lower()
    if _never_actor(words, r):
        return None
    if after is not None and r.has("product_nouns", after.text):
        return None  # "Shahed drones", "Leopard tanks": a product's name
    if len(words) == 1 and r.has("language_names", words[0]):
        return None  # "in English": a language
    if titled:
        return "PERSON"
    if low in r.countries:
        return "COUNTRY"
    if r.has("group_plurals", low):
        return "GROUP"
    if r.has("demonyms", low):
        return None  # an adjective ("Russian troops"), not a name
    if any(r.has("org_words", w) for w in words) or (len(words) == 1 and _ACRONYM.match(words[0])):
        return "ORGANIZATION"
    if any(r.has("place_words", w) for w in words) or low in r.sets["regions"]:
        return "PLACE"
    if len(words) > 1 and r.has("place_first_words", words[0]):
        return "PLACE"
    if before is not None and r.has("title_heads", before.text):
        return "PERSON"
    if len(words) == 1:
        if before is not None and r.has("place_prepositions", before.text):
            return "PLACE"
        if after is not None and r.has("speech_verbs", after.text):
            return "PERSON"
        if is_common_word(words[0]):
            return None  # "the North", "Dream": a dictionary word alone is no place's name
        return "PLACE"
    return "PERSON"


def _never_actor(words: Sequence[str], r: _Rules) -> bool:
    """Wars, holidays, ideologies, products and exercises ("Cold War", "Zapad-2025", "Patriot"), and
    compound adjectives of demonyms ("Ukrainian-style", "Russian-Chinese", "Central Asian")."""
    low = " ".join(words).lower()
    if low in r.countries:
        return False
    if r.has("not_actor_phrases", low) or r.has("not_actor_phrases", low.split("-")[0]):
        return True
    if len(words) > 1 and r.has("not_actor_last_words", words[-1]):
        return True
    parts = [p for w in words for p in w.lower().split("-")]
    adjective = [p for p in parts if r.has("demonyms", p) or r.has("demonym_suffixes", p)]
    if "-" in low and len(adjective) == len(parts):
        return True
    return len(words) > 1 and r.has("demonyms", words[-1]) and r.has("place_first_words", words[0])


def _mentions_in(sent: Sentence, first: int, last: int, r: _Rules, document: str) -> list[Mention]:
    toks = sent.tokens
    pieces: list[tuple[int, int, bool]] = []  # (from, to, titled)
    span = toks[first:last]
    run = _title_run(span, r)
    # An organisation name that happens to hold a title word ("General Assembly") is not split.
    if run is not None and not r.has("org_words", _core(span[-1])):
        a, b = run
        if a > 0:
            pieces.append((first, first + a, False))
        if b < len(span):
            pieces.append((first + b, last, True))
    else:
        pieces.append((first, last, False))
    out: list[Mention] = []
    for i, j, titled in pieces:
        while i < j and toks[i].text.islower():  # what a title run left behind starts at a name, not "and"
            i += 1
        i += _strip_demonym(toks[i:j], r)
        if i >= j:
            continue
        before = toks[i - 1] if i > 0 else None
        after = toks[j] if j < len(toks) else None
        tag = _classify(toks[i:j], before, after, r, titled)
        kind = kind_for("en", tag) if tag else None
        if kind is None:
            continue
        end = toks[j - 1].start + len(_core(toks[j - 1]))
        out.append(char_mention(sent, toks[i].start, end, kind, "en", document, toks[i:j]))
    return out


def _first_word(sent: Sentence) -> int:
    return next((k for k, t in enumerate(sent.tokens) if any(c.isalnum() for c in t.text)), 0)


def _headline(sent: Sentence) -> bool:
    """A title-case line ("Putin Vows New Talks"): most of its longer words capitalised, no final stop."""
    words = [t.text for t in sent.tokens if len(t.text) > HEADLINE_WORD_MIN and t.text.isalpha()]
    caps = sum(w[:1].isupper() for w in words)
    return (len(words) >= HEADLINE_MIN_WORDS and caps >= HEADLINE_CAPS_SHARE * len(words)
            and not sent.text.rstrip().endswith((".", "!", "?", "\"", "”")))


def _has_evidence(m: Mention, headline: bool, initial: bool, inside: set[str], r: _Rules) -> bool:
    """Capitalisation alone proves nothing at a sentence start or in a title-case headline: such a
    name is kept when it is a country, a people ("Kurds") or an acronym, or its words are met
    capitalised in running text or inside a longer name."""
    words = [w.lower() for w in _POSSESSIVE.sub("", m.text).split()]
    if m.kind in ("Country", "Group") or _ACRONYM.match(m.text) or " ".join(words) in r.countries:
        return True
    if headline:
        return all(w in inside for w in words)
    if initial and len(words) == 1:
        return words[0] in inside
    return True


def recognize_en(sentences: Sequence[Sentence], document: str) -> list[Mention]:
    """Names of people, countries, places, organisations and groups in English sentences."""
    r = _rules()
    lower_vocab = frozenset(t.text for s in sentences for t in s.tokens if t.text[:1].islower())
    headlines = [_headline(s) for s in sentences]
    # Capitalised words met inside running text: the evidence a sentence-initial or headline word is a name.
    inside = {_core(t).lower() for s, h in zip(sentences, headlines, strict=True) if not h
              for t in s.tokens[_first_word(s) + 1:] if _is_cap(t, r)}
    found: list[tuple[Mention, bool, bool]] = []  # (mention, in a headline, at a sentence start)
    for sent, headline in zip(sentences, headlines, strict=True):
        first_start = sent.tokens[_first_word(sent)].start if sent.tokens else -1
        for first, last in _chunks(sent, r, lower_vocab):
            found += [(m, headline, m.start == first_start) for m in _mentions_in(sent, first, last, r, document)]
    # A word of a longer name found elsewhere ("Kim Jong Un ... Kim toured") is evidence too.
    inside |= {w.lower() for m, *_ in found if " " in m.text for w in _POSSESSIVE.sub("", m.text).split()}
    mentions = [m for m, headline, initial in found if _has_evidence(m, headline, initial, inside, r)]
    # A surname alone refers to the person named in full elsewhere in the document.
    # East Asian names put the family name first ("Kim Jong Un" ... "Kim").
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "Person" and " " in m.text:
            for k in (0, -1):
                full.setdefault(m.text.split()[k], set()).add(m.text)
    for m in mentions:
        if " " not in m.text and m.text in full:
            m.kind = "Person"
            if len(full[m.text]) == 1:
                m.lemma = next(iter(full[m.text]))  # the name to link: the one person it can be
    return mentions
