"""Linking: knowledge-base matches and NER spans -> mentions of canonical actors.

The knowledge base wins where it matches (it knows the canonical id, kind and names);
NER spans it does not cover are looked up by their lemma form, and the rest become new
actors with a deterministic slug id, their original-script name and a Latin
transliteration.  Within one document a bare surname refers back to the full name
introduced earlier ("Джон Смит ... Смит").
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graphbuild.entities.actor_policy import news_outlets
from graphbuild.entities.common_words import common_word_test
from graphbuild.entities.country_bodies import agency_beside, armed_forces, military_noun_beside
from graphbuild.entities.datelines import is_any_dateline
from graphbuild.entities.kb import KbHit, KnowledgeBase, normalize
from graphbuild.entities.ner import name_particles
from graphbuild.entities.spans_index import OverlapIndex, containing
from graphbuild.entities.transliterate import latin_form
from graphbuild.events.lexicon import load_lexicon
from graphbuild.graph.geography import cities_by_name, city_named, gazetteer
from graphbuild.ids import slugify
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Actor, Document, Mention
from graphbuild.wordlists import word_list

# Only these languages' names are kept on actors in the outputs (the KB holds many more).
OUTPUT_LANGS = ("en", "ru", "kk")


@dataclass
class LinkResult:
    mentions: list[Mention] = field(default_factory=list)  # linked, sorted by start offset
    actors: list[Actor] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # New places (NER only) that are towns the gazetteer knows, named as more than a modifier of a thing:
    # actors by docs/contract.md rule 4 whether or not an event is read there.
    towns: set[str] = field(default_factory=set)
    # Actors named only in passing, not actors unless an event involves them: countries named only by
    # their capital as where something happens ("in Moscow", "Мәскеуде": the setting; docs/contract.md
    # rule 6), groups named by a common noun ("protesters", data/<lang>/group_nouns.tsv; rule 7).
    settings: set[str] = field(default_factory=set)


def kb_actor(kb: KnowledgeBase, actor_id: str, document: str) -> Actor:
    """A copy of the KB's canonical actor, limited to output languages and tagged with the document."""
    actor = kb.actor(actor_id)
    names = {lang: list(actor.names[lang]) for lang in OUTPUT_LANGS if actor.names.get(lang)}
    return dataclasses.replace(actor, names=names, documents=[document])


def _linked_id(hit: KbHit) -> str | None:
    """Capitals and seats of power act for their country; named organisations keep their own node."""
    if hit.alias_class == "capital" and hit.metonym_of:
        return hit.metonym_of
    return hit.actor_id or hit.metonym_of


@lru_cache(maxsize=1)
def _seats() -> dict[str, tuple[str, ...]]:
    """Country -> the international organisations seated in its capital (data/kb/seats.tsv)."""
    path = Path(__file__).resolve().parent.parent / "data" / "kb" / "seats.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {row[0]: tuple(row[1].split()) for row in rows}


def _seated(hit: KbHit, named: set[str]) -> list[str]:
    """The organisations of the document seated in the capital a hit names ("Brussels": the EU, NATO)."""
    if hit.alias_class != "capital" or not hit.metonym_of:
        return []
    return [org for org in _seats().get(hit.metonym_of, ()) if org in named]


_POSSESSIVE = re.compile(r"['’]s?$")


def _opens_a_name(hit: KbHit, last: Token, following: Token | None, start: int, end: int,
                  org_spans: list[tuple[int, int]], text: str) -> bool:
    """A capital inside a longer organisation name NER found, with words of the name after it, is part
    of that name ("The Washington Post", "the OSCE Minsk Group", "Минская группа ОБСЕ"), not its
    country.  A capital in a case of its own (not the nominative, nor the case of the noun it agrees
    with: "Минскую группу") says where the body is ("Мәскеудегі ... комитеті", the committee in
    Moscow), and a possessive one ("Moscow's foreign ministry") whose it is: both still stand for their
    country."""
    if hit.alias_class != "capital" or _POSSESSIVE.search(text[start:end]):
        return False
    case = last.feats.get("Case", "Nom")
    if case != "Nom" and last.pos != "ADJ" and (following is None or following.feats.get("Case") != case):
        return False
    return any(a <= start and end < b and text[end:b].strip() for a, b in org_spans)


_WEB_SUFFIX = re.compile(r"\.[a-z]{2,6}\b(?!\.\w)")


def _with_web_suffix(mention: Mention, text: str) -> Mention:
    """A name NER stopped at the dot of a web address ("Zakon" of "Zakon.kz") is the site's name whole,
    an organisation (a medium: actor_policy)."""
    suffix = _WEB_SUFFIX.match(text, mention.end)
    if suffix is None or not mention.text[-1:].isalnum():
        return mention
    name = text[mention.start:suffix.end()]
    return dataclasses.replace(mention, end=suffix.end(), text=name, lemma=name, kind="Organization")


def _as_setting(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """The name is where something happens: in the locative case ("Мәскеуде", "в Москве") or after a
    preposition of place (data/<lang>/location_adpositions.txt: "in Moscow")."""
    words = sentence.tokens
    if words[last - 1].case == "Loc":
        return True
    before = words[first - 1] if first > 0 else None
    marks = word_list(_DATA / lang / "location_adpositions.txt")
    return before is not None and (before.lemma or before.text).lower() in marks


def _listed_on(after: list[Token], place_starts: set[int]) -> bool:
    """The words after a place go on with a list: a conjunction, or a comma and another place."""
    return bool(after) and (after[0].pos == "CCONJ" or
                            (after[0].text == "," and len(after) > 1 and after[1].start in place_starts))


@lru_cache(maxsize=1)
def _residences() -> frozenset[str]:
    """KB ids of offices named after the building they sit in (data/kb/residences.tsv: Akorda, the Kremlin)."""
    return word_list(_DATA / "kb" / "residences.tsv")


def _people_of(sentence: Sentence, index: int) -> bool:
    """The token is where an unnamed "they" acts: its head is a finite plural verb with no subject ("в
    Кремле не испытывают беспокойства", "В Евросоюзе выразили сожаление")."""
    words = sentence.tokens
    head = words[index].head
    if not 0 <= head < len(words):
        return False
    verb = words[head]
    return verb.pos in _CLAUSE_POS and verb.feats.get("VerbForm") == "Fin" and verb.feats.get("Number") == "Plur" \
        and not any(t.head == head and t.deprel.startswith("nsubj") for t in words)


def _split_at_known_people(mentions: list[Mention], people: list[tuple[int, int]], text: str,
                           kb: KnowledgeBase) -> list[Mention]:
    """NER ran two people's names together ("Инга Ругинене Александр Лукашенко"): a person's span that
    ends with a KB person's name after two or more capitalised words of its own, no title ("Chief
    Cabinet Secretary Minoru Kihara"), gives those words a mention of their own; the KB name is linked
    as usual."""
    out: list[Mention] = []
    for m in mentions:
        inner = [(a, b) for a, b in people if m.start < a and b == m.end]
        head = text[m.start:inner[0][0]].split() if m.kind == "Person" and inner else []
        if len(head) >= 2 and all(w[:1].isupper() and w[:1].isalpha() for w in head) and \
                not _ends_a_title(head, text[max(0, m.start - 40):m.start].split()[-2:], kb):
            end = m.start + len(text[m.start:inner[0][0]].rstrip())
            out.append(dataclasses.replace(m, end=end, text=text[m.start:end], lemma=None))
        out.append(m)
    return out


def _ends_a_title(words: list[str], before: list[str], kb: KnowledgeBase) -> bool:
    """The words, with up to the two words before them, end a title the KB knows ("Chief Cabinet Secretary")."""
    return any(h.role for k in range(len(before) + 1) for h in kb.lookup(" ".join(before[k:] + words), None))


def _names_country(hit: KbHit, kb: KnowledgeBase) -> bool:
    """The hit is a country's own name (not its capital or a body of it)."""
    return hit.alias_class == "name" and hit.actor_id in kb and kb.actor(hit.actor_id).kind == "Country"


def _constrain_by_alias(tokens: list[Token], alias: str, lang: str) -> None:
    """The KB knows the stem of a matched name: re-read the last token's ending with that stem.

    A two-letter stem like Ын (Ким Чен Ынмен) is too short for the analyser to strip -мен on its own.
    """
    if lang != "kk" or not tokens or not alias.split():
        return
    token, stem = tokens[-1], alias.split()[-1]
    if token.lemma.lower() == stem.lower() or not token.text.lower().startswith(stem.lower()):
        return
    from graphbuild.language.kk import analyze_word

    for analysis in analyze_word(token.text):
        if analysis.lemma.lower() == stem.lower():
            token.lemma, token.feats = analysis.lemma, dict(analysis.feats)
            return


@lru_cache(maxsize=8)
def _date_words(lang: str) -> frozenset[str]:
    """Month and weekday names written out (no stems): a dateline's "Nov." or "Sept" is no place."""
    data = load_lexicon(lang).raw  # the language's event lexicon holds its month and weekday names
    words = [w for key in ("months", "weekdays") for w in data.get(key, {}) if not w.endswith("*")]
    return frozenset(normalize(w).rstrip(".") for w in words)


def _not_an_actor(mention: Mention, doc: Document) -> bool:
    """NER spans that are the outlet's own name (bylines, credits), a bare date word, or no name at all:
    nothing capitalised ("корей халқы", an ethnonym; names and acronyms are written with capitals)."""
    text = normalize(mention.text).rstrip(".")
    if text in _date_words(doc.lang) or not any(ch.isupper() for ch in mention.text):
        return True
    outlet = normalize(doc.outlet or "")
    return bool(outlet) and (text == outlet or (len(text) > 3 and text in outlet))


def _span_tokens(sentence: Sentence, start: int, end: int) -> list[Token]:
    """The tokens a span touches: a name may end inside a token the tokeniser glued a full stop to
    ("в соцсети X. По словам ...", read as an initial)."""
    return [t for t in sentence.tokens if t.start < end and t.end > start]


def _lemma_form(tokens: list[Token]) -> str:
    """The name in its dictionary form (Сергея Шойгу -> Сергей Шойгу), keeping capitals."""
    words = []
    for token in tokens:
        lemma = token.lemma or token.text
        words.append(lemma[:1].upper() + lemma[1:] if token.text[:1].isupper() else lemma)
    return " ".join(words)


_DATA = Path(__file__).resolve().parent.parent / "data"
_RU_CLASSIFIERS = _DATA / "ru" / "name_classifiers.txt"
_ORG_HEADS = _DATA / "kk" / "organisation_heads.txt"
_OPENING_QUOTES = frozenset("«“„\"")
_CLOSING_QUOTES = frozenset("»”“\"")
# Kinds whose one-word name is never a dictionary word: a surname may be one (Rice, Bush), and a group
# is often named by a plain plural (Protesters, Rebels).
_NAMED_ONLY = frozenset({"Organization", "Place", "Country"})
# A name holds no verb: a span with one is a clause NER ran together.
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _kk_organisation_heads() -> frozenset[str]:
    return word_list(_ORG_HEADS)


def _ru_name_classifiers() -> frozenset[str]:
    return word_list(_RU_CLASSIFIERS)


def _names_a_language(sentence: Sentence, tokens: list[Token], lang: str) -> bool:
    """A people's word that modifies a noun for a language, itself or through the first word of its
    list, names the language: "орыс тілінде", "қазақ, орыс және ағылшын тілдерінде", "на русском языке"."""
    nouns = word_list(_DATA / lang / "language_nouns.txt")
    words = sentence.tokens
    at = next((i for i, t in enumerate(words) if tokens and t is tokens[-1]), None)
    if not nouns or at is None:
        return False
    if at + 1 < len(words) and (words[at + 1].lemma or "").lower() in nouns:
        return True
    seen = {at}
    while words[at].deprel == "conj" and 0 <= words[at].head < len(words) and words[at].head not in seen:
        at = words[at].head
        seen.add(at)
    head = words[at].head
    return 0 <= head < len(words) and (words[head].lemma or "").lower() in nouns


def _modifies_a_thing(sentence: Sentence, tokens: list[Token], lang: str) -> bool:
    """The name modifies a noun other than the place noun that classifies it: "the consul general in
    Osaka", "Осака консулы" (not "the city of Samarkand", "Чэнду қаласында"; data/<lang>/place_nouns.txt)."""
    words = sentence.tokens
    first = next((i for i, t in enumerate(words) if tokens and t is tokens[0]), None)
    if first is None:
        return False
    inside = range(first, first + len(tokens))
    heads = [words[i] for i in inside if words[i].head not in inside]
    if len(heads) != 1 or not 0 <= heads[0].head < len(words):
        return False
    noun = words[heads[0].head]
    if (noun.lemma or noun.text).lower() in word_list(_DATA / lang / "place_nouns.txt"):
        return False
    # A proper noun above it is mostly the parser's guess at a prepositional phrase ("met Tokayev in
    # Chengdu"): only a common noun makes the town a thing's modifier.
    return heads[0].deprel.split(":")[0] == "nmod" and noun.pos == "NOUN"


@dataclass(frozen=True)
class _ObjectNouns:
    """data/<lang>/object_names.json: nouns that make a name next to them a thing's name."""

    after: bool  # the noun follows the name (kk, en) or comes before it (ru)
    window: int
    through: frozenset[str]  # parts of speech that may stand between name and noun
    feats: tuple[tuple[str, str], ...]  # features the noun must carry (the Kazakh compound's possessive)
    classifiers: frozenset[str]
    media: frozenset[str] = frozenset()  # nouns that make the name a news medium's ("радиосы", "газета")
    platforms: frozenset[str] = frozenset()  # online platforms, normalised: where a post was written
    gatherings: frozenset[str] = frozenset()  # summits, forums: a body named as their owner is their setting
    journalists: frozenset[str] = frozenset()  # a medium's reporters: the name beside them, not a person's, is a medium
    namesakes: frozenset[str] = frozenset()  # institutions named after a person: "Nazarbayev University"
    namesake_markers: frozenset[str] = frozenset()  # words before a namesake's name: "имени"
    currencies: frozenset[str] = frozenset()  # a country's money: "U.S. dollars", "АҚШ доллары", "долларов США"


@lru_cache(maxsize=8)
def _object_nouns(lang: str) -> _ObjectNouns | None:
    path = Path(__file__).resolve().parent.parent / "data" / lang / "object_names.json"
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return _ObjectNouns(raw["position"] == "after", int(raw["window"]), frozenset(raw["through"]),
                        tuple(raw.get("feats", {}).items()), frozenset(raw["classifiers"]),
                        frozenset(raw.get("media", ())), frozenset(normalize(p) for p in raw.get("platforms", ())),
                        frozenset(raw.get("gatherings", ())), frozenset(raw.get("journalists", ())),
                        frozenset(raw.get("namesakes", ())), frozenset(raw.get("namesake_markers", ())),
                        frozenset(raw.get("currencies", ())))


def _names_a_platform(names: tuple[str, ...], lang: str) -> bool:
    """A name is an online platform's (data/<lang>/object_names.json, "platforms"): Telegram, X, Truth
    Social, in any of its forms (the dictionary form, as written, a hyphenated tail left off:
    "Telegram-канале")."""
    nouns = _object_nouns(lang)
    return nouns is not None and any(
        normalize(n) in nouns.platforms or normalize(n.split("-")[0]) in nouns.platforms for n in names if n)


def _names_a_thing(sentence: Sentence, tokens: list[Token], lang: str, media: bool = False,
                   apart: bool = False, gatherings: bool = False, journalists: bool = False) -> str | None:
    """The noun that makes a span the name of a thing (a pipeline, missile, treaty, residence), if any:
    «Дружба» құбыры, ракеты «Хвасон-17» и «Хвасон-18», the Abraham Accords; with ``media``, the noun
    that makes it a news medium's name («Азаттық» радиосы, газета «Коммерсантъ»), and with ``journalists``
    also a noun for its reporters (журналист The Wall Street Journal).  With ``apart`` (a
    person's name) the noun counts only with other words between: right next to it the person may be
    its owner ("Трамп бастамасы"), not with attributes between ("Транскаспий халықаралық көлік
    маршруты"): a common noun between makes the compound ("Сәденов жаңа бастамасын" is his initiative)."""
    nouns = _object_nouns(lang)
    if nouns is None or not tokens:
        return None
    wanted = (nouns.media | (nouns.journalists if journalists else frozenset())) if media else \
        nouns.gatherings if gatherings else nouns.classifiers
    index = next((i for i, t in enumerate(sentence.tokens) if t is tokens[0]), None)
    if index is None:
        return None
    if nouns.after:
        last = index + len(tokens) - 1
        around = [sentence.tokens[last], *sentence.tokens[last + 1 : last + 1 + nouns.window]]
    else:
        around = list(reversed(sentence.tokens[max(0, index - nouns.window) : index]))
    phrases = [w.split() for w in wanted if " " in w]  # "кен орын" (a field): words as written, then a lemma
    compound = False  # a common noun stands between the name and the classifier
    for position, token in enumerate(around):
        lemma = (token.lemma or token.text).lower()
        if lemma in wanted and all(token.feats.get(k) == v for k, v in nouns.feats):
            return None if apart and not compound and position > 0 else token.text
        if nouns.after and (noun := _phrase_at(sentence.tokens[index + len(tokens) - 1 + position:], phrases,
                                               nouns.feats)):
            return noun  # a classifier of several words is no owned thing ("Галкыныш кен орны")
        if token is not around[0] and token.pos not in nouns.through:
            return None
        compound = compound or (position > 0 and token.pos == "NOUN")
    return None


# Between a person's name and the institution named after them: "Indira Gandhi International Airport".
_NAMESAKE_THROUGH = frozenset({"ADJ"})
_NAMESAKE_WINDOW = 2


def _named_after(sentence: Sentence, first: int, last: int, lang: str) -> str | None:
    """The word that makes the person's name at tokens [first, last) an institution's or a place's named after
    them (data/<lang>/object_names.json "namesakes", "namesake_markers"): "Nazarbayev University", "Назарбаев
    университетінде", "Гумилев атындағы", "университет имени Гумилёва"; None if none."""
    nouns = _object_nouns(lang)
    if nouns is None:
        return None
    words = sentence.tokens
    if first > 0 and (words[first - 1].lemma or words[first - 1].text).lower() in nouns.namesake_markers:
        return words[first - 1].text
    for token in words[last:last + 1 + _NAMESAKE_WINDOW]:
        if token.text.lower() in nouns.namesakes or (token.lemma or token.text).lower() in nouns.namesakes:
            return token.text
        if token.pos not in _NAMESAKE_THROUGH and token.text.lower() != "international":
            return None
    return None


_CURRENCY_STEM = 4  # shorter currency nouns (сом, won) are matched by lemma only
_AMOUNT_REACH = 2  # words before the money's name where its amount stands ("5 млрд")


def _names_money(sentence: Sentence, first: int, last: int, lang: str) -> str | None:
    """The currency noun that makes a country's name at tokens [first, last) its money's in an amount ("5
    billion U.S. dollars", "5 млрд АҚШ долларына", "5 млрд долларов США"; data/<lang>/object_names.json
    "currencies", on the side of ``position``), or None."""
    nouns = _object_nouns(lang)
    if nouns is None or not nouns.currencies:
        return None
    k = last if nouns.after else first - 1
    if not 0 <= k < len(sentence.tokens):
        return None
    token = sentence.tokens[k]
    # An amount comes first ("5 млрд АҚШ долларына", "$5 billion U.S. dollars"): "Israel pounds Gaza" is none.
    lead = sentence.tokens[max(0, min(first, k) - _AMOUNT_REACH):min(first, k)]
    if token.pos not in _NOUNS or not any(t.pos == "NUM" or any(c.isdigit() for c in t.text) for t in lead):
        return None
    word = token.text.lower()
    # The lemma, or the word with its endings (долларына, юані) when the analyser does not know the noun.
    known = (token.lemma or word).lower() in nouns.currencies or \
        any(word.startswith(c) for c in nouns.currencies if len(c) >= _CURRENCY_STEM)
    return token.text if known else None


def _town_around(start: int, end: int, ner_mentions: list[Mention]) -> str | None:
    """The name of a place NER found around [start, end) that the gazetteer knows as a town ("Port Sudan"
    around "Sudan"), or None."""
    for m in ner_mentions:
        if m.kind == "Place" and m.start <= start and end <= m.end and (m.start, m.end) != (start, end) and \
                normalize(m.lemma or m.text) in cities_by_name():
            return m.text
    return None


def _is_town(actor_id: str) -> bool:
    """A KB place the gazetteer locates as a populated place (GeoNames feature class P)."""
    entry = gazetteer().get(actor_id)
    return entry is not None and entry.feature_class == "P"


def _names_region(sentence: Sentence, last: int, lang: str) -> str | None:
    """The region noun right after a town's name (data/<lang>/region_nouns.txt: "the Astrakhan region",
    "Түркістан облысының"): the words name the region around the town, not the town; None if none."""
    if last >= len(sentence.tokens):
        return None
    token = sentence.tokens[last]
    nouns = word_list(_DATA / lang / "region_nouns.txt")
    word = token.text.lower()
    known = (token.lemma or word).lower() in nouns or any(word.startswith(n) for n in nouns if len(n) >= 4)
    return token.text if known else None


def _token_range(sentence: Sentence, tokens: list[Token]) -> tuple[int, int]:
    """The [first, last) indices of ``tokens`` (a run of the sentence's own tokens) in the sentence."""
    first = next(i for i, t in enumerate(sentence.tokens) if t is tokens[0])
    return first, first + len(tokens)


def _phrase_at(tokens: list[Token], phrases: list[list[str]], feats: tuple[tuple[str, str], ...]) -> str | None:
    """The text of a several-word classifier the tokens start with ("кен орнын", "oil field"), if any."""
    for words in phrases:
        seq = tokens[:len(words)]
        if len(seq) == len(words) and [t.text.lower() for t in seq[:-1]] == words[:-1] and \
                (seq[-1].lemma or seq[-1].text).lower() == words[-1] and \
                all(seq[-1].feats.get(k) == v for k, v in feats):
            return " ".join(t.text for t in seq)
    return None


def _ends_with_a_thing_noun(tokens: list[Token], lang: str) -> bool:
    """The name's own last word is a thing's noun ("the Trans-Caspian International Transport Route"): no
    person, whatever NER says.  (A person's name before such a noun may be its owner: "Трамп бастамасы".)"""
    nouns = _object_nouns(lang)
    return bool(tokens) and nouns is not None and nouns.after and \
        (tokens[-1].lemma or tokens[-1].text).lower() in nouns.classifiers


def _another_bearer(kb: KnowledgeBase, actor_id: str, hit: KbHit, start: int,
                    person_spans: list[tuple[int, int]], kb_starts: list[int], doc: Document) -> str | None:
    """The full name of someone else who bears a KB person's family name, or None.

    The KB finds "Biden" in "Hunter Biden" and "Трамп" in "Лара Трамп".  When NER reads a person's name
    of one or two words more, ending there, with no other KB name inside, whose given names are names
    (capitalised, no dictionary word) and none of them starts like any given name of the KB person in
    any spelling ("Tayyip Erdogan", "Ілхам Әлиев", "В. Путин" are still the KB's), it is another person."""
    if kb.actor(actor_id).kind != "Person" or len(hit.alias.split()) != 1:
        return None
    span = next(((a, b) for a, b in person_spans if a < start < b), None)  # NER's name reaches further left
    if span is None or any(span[0] <= k < start for k in kb_starts):
        return None
    given = doc.text[span[0]:start].split()
    if not 1 <= len(given) <= 2 or not all(w[:1].isupper() and w[:1].isalpha() for w in given) or \
            any(common_word_test(doc.lang)(w.lower()) for w in given):
        return None
    known = {latin_form(w, lang)[:2].lower() for lang, ns in kb.actor(actor_id).names.items()
             for n in ns for w in n.split()[:-1]}
    if any(latin_form(w, doc.lang)[:2].lower() in known for w in given):
        return None
    return doc.text[span[0]:span[1]]


@lru_cache(maxsize=8)
def _group_phrases(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """data/<lang>/group_nouns.tsv: (word beginnings, English label) of common nouns naming a group."""
    path = _DATA / lang / "group_nouns.tsv"
    if not path.exists():
        return ()
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return tuple((tuple(r[0].split()), r[1].strip()) for r in rows)


def _group_nouns(sentence: Sentence, doc: Document, taken: OverlapIndex,
                 ner_mentions: list[Mention]) -> list[tuple[Mention, Actor]]:
    """Groups the sentence names by a common noun ("protesters", "оппозиция", "содырлар"), outside names."""
    out: list[tuple[Mention, Actor]] = []
    tokens = sentence.tokens
    for i in range(len(tokens)):
        for words, label in _group_phrases(doc.lang):
            span = tokens[i:i + len(words)]
            if len(span) < len(words) or \
                    not all(t.text.lower().startswith(w) for t, w in zip(span, words, strict=True)):
                continue
            start, end = span[0].start, span[-1].end
            if taken.overlaps(start, end) or any(m.start < end and start < m.end for m in ner_mentions):
                continue
            actor = Actor(id=f"group:{slugify(label)}", label=label, kind="Group",
                          names={doc.lang: [doc.text[start:end]]}, documents=[doc.id])
            out.append((Mention(document=doc.id, start=start, end=end, text=doc.text[start:end], kind="Group",
                                lang=doc.lang, actor=actor.id, lemma=doc.text[start:end], case=span[-1].case,
                                source="kb"), actor))
            break
    return out


def _quoted(text: str, mention: Mention) -> bool:
    """The name stands in quotes («Крокус», "Дружба"): a word the writer marks as a name."""
    before, after = text[mention.start - 1 : mention.start], text[mention.end : mention.end + 1]
    return before in _OPENING_QUOTES and after in _CLOSING_QUOTES


def _quoted_after_classifier(sentence: Sentence, mention: Mention, text: str, lang: str) -> bool:
    """A Russian name in quotes right after the noun that classifies it (группировки «Джейш аль-Адль»,
    АО «Молдовагаз»): the noun takes the case and the name keeps its own form."""
    if lang != "ru" or text[mention.start - 1:mention.start] not in _OPENING_QUOTES or \
            text[mention.end:mention.end + 1] not in _CLOSING_QUOTES:
        return False
    before = [t for t in sentence.tokens if t.end <= mention.start - 1 and t.text not in _OPENING_QUOTES]
    return bool(before) and not {before[-1].text.lower(), (before[-1].lemma or "").lower()}.isdisjoint(
        _ru_name_classifiers())


def _quoted_before_its_noun(sentence: Sentence, mention: Mention, text: str) -> bool:
    """A name in quotes right before the noun of a compound that carries its possessive and case
    («Самұрық-Қазына» қоры, «Ақ жол» партиясының): the noun inflects and the name keeps its own form."""
    if not _quoted(text, mention):
        return False
    after = [t for t in sentence.tokens if t.start >= mention.end + 1 and t.text not in _CLOSING_QUOTES]
    return bool(after) and after[0].pos == "NOUN" and after[0].feats.get("Person[psor]") == "3"


def _not_one_name(sentence: Sentence, tokens: list[Token], kind: str, lang: str) -> str | None:
    """Why a Kazakh or Russian NER span is no single name by the parse, or None when NER and parse agree.

    A span of capitalised words alone ("Cove Kaz Capital", "Саймумин Ятимов"), maybe joined by name
    particles ("Мұхаммед бин Әбдірахман"), is a name whatever the parse says.  A span that mixes in
    other lower-case words holds no verb, and is one subtree of the parse (exactly one word of the span
    hangs outside it), or, for a Kazakh organisation, ends with an organisation noun (ұйымы, комитеті,
    министрлігі).  A span that fails is left a mention.
    """
    if lang not in ("kk", "ru") or len(tokens) < 2 or not any(t.deprel for t in tokens):
        return None
    if all(t.text[:1].isupper() or not t.text[:1].isalpha() or t.text in name_particles(lang) for t in tokens):
        return None
    if any(t.pos in _CLAUSE_POS for t in tokens):
        return "holds a verb"
    if kind == "Organization" and lang == "kk":
        # The Kazakh parse is too weak (LAS 0.61) to overrule a name that ends with its organisation noun.
        last = tokens[-1]
        if (last.lemma or last.text).lower() in _kk_organisation_heads():
            return None
        return f"ends with {last.text!r}, no organisation noun"
    first = next(i for i, t in enumerate(sentence.tokens) if t is tokens[0])
    inside = range(first, first + len(tokens))
    if sum(1 for t in tokens if t.head not in inside) > 1:
        return "several phrases by the parse"
    return None


# A bracketed abbreviation NER kept at the end of a name ("Институт изучения войны (ISW)") is no part of it.
_BRACKETED_TAIL = re.compile(r"[\s«»\"“”]*\([^()]*\)\s*$")


def _new_actor(name: str, kind: str, lang: str, document: str) -> Actor:
    name = _BRACKETED_TAIL.sub("", name) or name
    latin = latin_form(name, lang)
    prefix = {"Person": "person", "Organization": "org", "Group": "group", "Place": "place",
              "Country": "place"}.get(kind, "actor")
    return Actor(id=f"{prefix}:{slugify(latin)}", label=latin, kind="Place" if kind == "Country" else kind,
                 names={lang: [name]}, documents=[document], latin=latin if latin != name else None)


_DASHES = frozenset("-–—")


def _credit_line(sentence: Sentence, first: int, last: int) -> bool:
    """An agency's name opening a sentence before a dash is the credit of the story it files
    ("АСТАНА. KAZINFORM – Мемлекет басшысы ...", "ҚазАқпарат – ..."), not a name in the story."""
    words = [i for i, t in enumerate(sentence.tokens) if any(c.isalnum() for c in t.text)]
    return bool(words) and first == words[0] and last < len(sentence.tokens) and \
        sentence.tokens[last].text in _DASHES


def _shared_head_spans(spans: list[tuple[Sentence, int, int, list[KbHit]]], kb: KnowledgeBase,
                       lang: str) -> list[tuple[Sentence, int, int, list[KbHit]]]:
    """"Оңтүстік және Солтүстік Корея", "South and North Korea", "Донецкой, Луганской и Херсонской
    областей": a word coordinated with the first word of a name (through commas and a conjunction)
    shares the rest of it, and names an actor of its own when that name is in the KB.  The shared
    reading replaces a KB name of the word alone ("Донецкой" is the oblast here, not the city)."""
    taken = {(id(sentence), k) for sentence, first, last, _ in spans for k in range(first, last)
             if last - first > 1}
    found = []
    for sentence, first, last, _ in spans:
        if last - first < 2 or first < 2 or sentence.tokens[first - 1].pos != "CCONJ":
            continue
        k = first - 2
        while k >= 0:
            word = sentence.tokens[k]
            if not word.text[:1].isupper() or (id(sentence), k) in taken:
                break
            shared = [word, *sentence.tokens[first + 1:last]]
            hits = [m.hit for m in kb.match(shared, lang) if m.start == 0 and m.end == len(shared)]
            if len({_linked_id(h) for h in hits} - {None}) != 1:
                break
            found.append((sentence, k, k + 1, hits))
            if k < 2 or sentence.tokens[k - 1].text != ",":
                break
            k -= 2
    replaced = {(id(sentence), first) for sentence, first, _, _ in found}
    spans[:] = [sp for sp in spans if not (sp[2] - sp[1] == 1 and (id(sp[0]), sp[1]) in replaced)]
    return found


def _around_countries(mention: Mention, covered: list[tuple[int, int]], countries: set[tuple[int, int]],
                      text: str) -> bool:
    """An organisation NER found around a country the KB found by its name ("Верховный суд России",
    "Supreme Court of Pakistan"): the body is a name of its own, and the country stays an actor beside
    it.  The body needs two words of its own: "Жапония үкіметі" (Japan's government) is Japan."""
    if mention.kind != "Organization":
        return False
    inside = [(a, b) for a, b in covered if a < mention.end and b > mention.start]
    if not all((a, b) in countries and mention.start <= a and b <= mention.end for a, b in inside):
        return False
    own_words = len(text[mention.start:mention.end].split()) - sum(len(text[a:b].split()) for a, b in inside)
    return own_words >= 2


def _named_after_demonym(mention: Mention, tokens: list[Token], covered: list[tuple[int, int]],
                         demonyms: set[tuple[int, int]], text: str) -> bool:
    """A name NER found that opens with a people's adjective the KB knows and goes on in capitals of
    its own up to a noun ("Georgian Dream", "Syrian Democratic Forces"; not "Serbian Orthodox"): a party
    or body of its own, no person and not the country (the adjective's mention stays the country's for
    the event stage)."""
    if mention.kind not in ("Person", "Organization", "Group") or not tokens or tokens[-1].pos not in _NOUNS \
            or _only_an_adjective(tokens[-1].text):
        return False
    inside = [(a, b) for a, b in covered if a < mention.end and b > mention.start]
    if len(inside) != 1 or inside[0] not in demonyms or inside[0][0] != mention.start:
        return False
    own = text[inside[0][1]:mention.end].split()
    return bool(own) and all(word[:1].isupper() for word in own)


def _only_an_adjective(word: str) -> bool:
    """English words known only as adjectives ("Orthodox", "Democratic"), whatever a tagger calls them in
    capitals: a phrase ending in one names no body (lemminflect's word list)."""
    from graphbuild.language.lemminflect_tables import lemminflect

    return set(lemminflect().getAllLemmas(word.lower())) == {"ADJ"}


def _elliptic_names(named: list[tuple[list[Token], Actor]]) -> dict[str, str]:
    """The first word of a multiword name of a country or organisation as the document wrote it -> its
    actor, where only one such actor starts with that word: "North Korea ... the North"."""
    owners: dict[str, set[str]] = {}
    for tokens, actor in named:
        first = next((t for t in tokens if t.pos != "DET"), None)
        if actor.kind in ("Country", "Organization") and first is not None and len(tokens) > 1 \
                and first is not tokens[-1] and first.text[:1].isupper():
            owners.setdefault(normalize(first.text), set()).add(actor.id)
    return {word: ids.pop() for word, ids in owners.items() if len(ids) == 1}


def link_mentions(doc: Document, sentences: list[Sentence], ner_mentions: list[Mention],
                  kb: KnowledgeBase) -> LinkResult:
    result = LinkResult()
    actors: dict[str, Actor] = {}
    surnames: dict[str, str] = {}  # normalised last word of a new person's name -> actor id

    def use(actor: Actor) -> None:
        known = actors.get(actor.id)
        if known is None:
            actors[actor.id] = actor
        else:
            for lang, names in actor.names.items():
                known.names[lang] = list(dict.fromkeys(known.names.get(lang, []) + names))

    # One name can fit several actors ("Корея"): settle those after the unambiguous ones are known.
    spans: list[tuple[Sentence, int, int, list[KbHit]]] = []
    # A dateline names where the story was filed ("BRUSSELS/SEOUL, Oct 28 -"): its cities are no actors,
    # only a country it names outright ("SAMARKAND, Uzbekistan") is one.
    datelines = [(s.start, s.end) for s in sentences if is_any_dateline(s.text, doc.text[max(0, s.start - 40):s.start])]
    for sentence in sentences:
        grouped: dict[tuple[int, int], list[KbHit]] = {}
        for match in kb.match(sentence.tokens, doc.lang):
            if (sentence.start, sentence.end) in datelines and not _names_country(match.hit, kb):
                continue
            grouped.setdefault((match.start, match.end), []).append(match.hit)
        spans += [(sentence, start, end, hits) for (start, end), hits in grouped.items()]
    spans += _shared_head_spans(spans, kb, doc.lang)
    context = {i for *_, hits in spans if len({_linked_id(h) for h in hits}) == 1 for i in map(_linked_id, hits)}

    org_spans = sorted((m.start, m.end) for m in ner_mentions if m.kind == "Organization")
    person_spans = [(m.start, m.end) for m in ner_mentions if m.kind == "Person"]
    # Where a place's name ends (NER's places, the KB's names): a place right after one and a comma is its address.
    place_spans = [(m.start, m.end) for m in ner_mentions if m.kind == "Place"] + [
        (sentence.tokens[first].start, sentence.tokens[last - 1].end) for sentence, first, last, hits in spans
        if any(kb.actor(i).kind in ("Place", "Country") for h in hits if (i := _linked_id(h)) and i in kb)]
    place_starts, place_ends = {a for a, _ in place_spans}, {b for _, b in place_spans}
    kb_starts = [sentence.tokens[first].start for sentence, first, _, _ in spans]
    covered: list[tuple[int, int]] = []
    country_spans: set[tuple[int, int]] = set()  # KB spans naming a country by its name
    demonym_spans: set[tuple[int, int]] = set()  # KB spans of a people's adjective (Georgian, российские)
    named: list[tuple[list[Token], Actor]] = []
    setting_only: set[str] = set()  # countries named by their capital as a setting ...
    named_otherwise: set[str] = set()  # ... and countries named any other way
    kb_surnames: dict[str, set[str]] = {}  # last word of a KB person's name the document wrote -> ids
    for sentence, first, last, hits in spans:
        chosen = kb.disambiguate(hits, context) if len({_linked_id(h) for h in hits}) > 1 else hits
        ids = {_linked_id(h) for h in chosen} - {None}
        if not ids:  # role titles ("Foreign Minister") are the event stage's business
            continue
        tokens = sentence.tokens[first:last]
        start, end = tokens[0].start, tokens[-1].end
        if len(ids) > 1:
            result.warnings.append(f"ambiguous name {doc.text[start:end]!r} ({', '.join(sorted(ids))}) left unlinked")
            continue
        actor_id = ids.pop()
        if actor_id in news_outlets() and _credit_line(sentence, first, last):
            result.warnings.append(f"{doc.text[start:end]!r} credits the agency that filed the story: not an actor")
            continue
        if chosen[0].alias_class == "capital" and (noun := _names_a_thing(sentence, tokens, doc.lang)):
            # "the Vienna Convention", "Минск келісімдері": the city names a treaty, not its country.
            result.warnings.append(f"{doc.text[start:end]!r} names a thing ({noun!r}): not its country")
            covered.append((start, end))  # taken: NER's span of the city alone links to nothing either
            continue
        if chosen[0].alias_class == "demonym" and _names_a_language(sentence, tokens, doc.lang):
            result.warnings.append(f"{doc.text[start:end]!r} names a language: not its country")
            continue
        following = sentence.tokens[last] if last < len(sentence.tokens) else None
        if _opens_a_name(chosen[0], tokens[-1], following, start, end, org_spans, doc.text):
            result.warnings.append(f"{doc.text[start:end]!r} is part of an organisation's name: not its country")
            continue
        if seated := _seated(chosen[0], context):
            if len(seated) > 1:
                result.warnings.append(f"{doc.text[start:end]!r} is the seat of {', '.join(seated)}: left unlinked")
                continue
            actor_id = seated[0]
        if actor_id not in kb:
            continue
        hit = chosen[0]
        if kb.actor(actor_id).kind == "Place" and _is_town(actor_id) and \
                (noun := _names_region(sentence, last, doc.lang)):
            result.warnings.append(f"{doc.text[start:end]!r} before {noun!r} names a region, not the town")
            continue
        if kb.actor(actor_id).kind == "Country" and (town := _town_around(start, end, ner_mentions)):
            # "Port Sudan", "Kuwait City": a town NER found whose name holds the country's is the town.
            result.warnings.append(f"{doc.text[start:end]!r} is part of the town {town!r}: not its country")
            continue
        if kb.actor(actor_id).kind == "Country" and (noun := _names_money(sentence, first, last, doc.lang)):
            result.warnings.append(f"{doc.text[start:end]!r} names a currency ({noun!r}): not the country")
            covered.append((start, end))
            continue
        if kb.actor(actor_id).kind == "Person" and (noun := _named_after(sentence, first, last, doc.lang)):
            result.warnings.append(f"{doc.text[start:end]!r} names what is named after them ({noun!r}): not the person")
            covered.append((start, end))
            continue
        if kb.actor(actor_id).kind in ("Country", "Place") and doc.text[start - 1:start] in _OPENING_QUOTES and \
                doc.text[end:end + 1] in _CLOSING_QUOTES:
            # «Орталық Азия» орталығы, «Астана» клубы: a place's name in quotes names a thing called so.
            result.warnings.append(f"{doc.text[start:end]!r} in quotes names a thing, not the place")
            covered.append((start, end))
            continue
        if (other := _another_bearer(kb, actor_id, hit, start, person_spans, kb_starts, doc)) is not None:
            result.warnings.append(f"{other!r} is not {kb.actor(actor_id).label}: another bearer of the name")
            continue
        _constrain_by_alias(tokens, hit.alias, doc.lang)
        actor = kb_actor(kb, actor_id, doc.id)
        use(actor)
        named.append((tokens, actor))
        if actor.kind == "Person" and len(hit.alias.split()) > 1:
            kb_surnames.setdefault(normalize(hit.alias.split()[-1]), set()).add(actor_id)
        covered.append((start, end))
        if actor.kind == "Country":
            setting = hit.alias_class == "capital" and _as_setting(sentence, first, last, doc.lang)
            (setting_only if setting else named_otherwise).add(actor_id)
        elif actor_id in _residences():
            # An office named after its building, in the locative case ("Ақордада келіссөз жүргізді", "в Кремле
            # прошли переговоры"), is the setting, as a capital is; a finite plural verb with no subject makes
            # it the speaker ("в Кремле заявили", the Kremlin said).  English has no case: "at the White
            # House" was measured as a setting and lost a held-out actor.
            setting = sentence.tokens[last - 1].case == "Loc" and not _people_of(sentence, last - 1)
            (setting_only if setting else named_otherwise).add(actor_id)
        elif actor.kind == "Place":
            # "Surrey, British Columbia": the place after a comma after another place is the first one's
            # address, where it is, not a place of the story of its own.
            # In a list ("Көкшетау, Семей және Өскемен") a conjunction or another place follows.
            address = first > 1 and sentence.tokens[first - 1].text == "," and \
                sentence.tokens[first - 2].end in place_ends and not _listed_on(sentence.tokens[last:], place_starts)
            (setting_only if address else named_otherwise).add(actor_id)
        elif actor.kind == "Organization":
            # A body named as the owner of a gathering ("the G20 summit") is its setting.
            (setting_only if _names_a_thing(sentence, tokens, doc.lang, gatherings=True) else named_otherwise).add(
                actor_id)
        if actor.kind == "Country" and hit.alias_class in ("name", "demonym") and \
                (forces := armed_forces(kb).get(actor_id)) and military_noun_beside(sentence, first, last, doc.lang):
            # "the Israeli military", "армия Ливана": the country's armed forces are an actor too; the
            # event stage keeps reading the country's mention.
            use(kb_actor(kb, forces, doc.id))
        if actor.kind == "Country" and hit.alias_class in ("name", "demonym") and \
                (agency := agency_beside(sentence, first, last, doc.lang)) and \
                (demonym := kb.demonym(actor_id, "en")):
            # "Ecuadorian police": the country's service is a body of its own beside it.
            english, a, b = agency
            label = f"{demonym} {english}"
            written = doc.text[sentence.tokens[a].start:sentence.tokens[b - 1].end]
            use(Actor(id=f"org:{slugify(label)}", label=label, kind="Organization", names={doc.lang: [written]},
                      documents=[doc.id], part_of=actor_id))
        if _names_country(hit, kb):
            country_spans.add((start, end))
        elif hit.alias_class == "demonym":
            demonym_spans.add((start, end))
        result.mentions.append(Mention(
            document=doc.id, start=start, end=end, text=doc.text[start:end], kind=actor.kind, lang=doc.lang,
            actor=actor_id, lemma=_lemma_form(tokens), case=tokens[-1].case,
            source="demonym" if hit.alias_class == "demonym" else "kb"))

    names_taken = OverlapIndex(covered)
    for sentence in sentences:
        for mention, actor in _group_nouns(sentence, doc, names_taken, ner_mentions):
            use(actor)
            setting_only.add(actor.id)  # named by a common noun: an actor only when an event involves it
            result.mentions.append(mention)

    # "Исраэль Кац ... По словам Каца": a KB person's family name alone refers back to them, when
    # only one person of the document has it.
    surnames.update({key: ids.pop() for key, ids in kb_surnames.items() if len(ids) == 1})
    elliptic = _elliptic_names(named)
    by_sentence = sorted(sentences, key=lambda s: s.start)
    sentence_starts = [s.start for s in by_sentence]
    kb_covered = OverlapIndex(covered)
    kb_people = [(ts[0].start, ts[-1].end) for ts, a in named if a.kind == "Person" and ts]
    for mention in sorted(_split_at_known_people(ner_mentions, kb_people, doc.text, kb), key=lambda m: m.start):
        mention = _with_web_suffix(mention, doc.text)
        # A body named around its country is an actor, but the event stage keeps reading the country's
        # mention there (its mention is not added): who acts stays the country, as the text's KB name says.
        around = kb_covered.overlaps(mention.start, mention.end)
        sentence = containing(by_sentence, sentence_starts, mention.start)
        tokens = _span_tokens(sentence, mention.start, mention.end) if sentence else []
        own_name = around and _named_after_demonym(mention, tokens, covered, demonym_spans, doc.text)
        if own_name and mention.kind == "Person":
            # A person's name never opens with a people's adjective: "Georgian Dream" is a party.
            mention = dataclasses.replace(mention, kind="Group")
        if (around and not own_name and not _around_countries(mention, covered, country_spans, doc.text)) or \
                _not_an_actor(mention, doc) or any(start <= mention.start < end for start, end in datelines):
            continue
        # The recogniser's own normal form keeps agreement ("Великое национальное собрание"); a name in
        # quotes after the noun that classifies it (группировки «Джейш аль-Адль») keeps its own form.
        quoted = sentence is not None and (_quoted_after_classifier(sentence, mention, doc.text, doc.lang)
                                           or _quoted_before_its_noun(sentence, mention, doc.text))
        name = mention.text if quoted else mention.lemma or (_lemma_form(tokens) if tokens else mention.text)
        hits = kb.lookup(name, None) or kb.lookup(mention.text, None)
        actor_id = next((i for i in map(_linked_id, hits) if i and i in kb), None)
        if actor_id is None and mention.kind != "Person" and len(name.split()) == 1:
            actor_id = elliptic.get(normalize(name))  # "the North" after "North Korea"
        if actor_id:
            actor = kb_actor(kb, actor_id, doc.id)
        else:
            key = normalize(name.split()[-1]) if name.split() else ""
            if mention.kind == "Person" and len(name.split()) == 1 and key in surnames:
                actor = dataclasses.replace(actors[surnames[key]], names={}, documents=[doc.id])
            elif _names_a_platform((name, mention.text), doc.lang):
                result.warnings.append(f"{mention.text!r} names an online platform: left a mention, not an actor")
                continue
            elif (mention.kind in _NAMED_ONLY and len(name.split()) == 1 and not _quoted(doc.text, mention)
                  and common_word_test(doc.lang)(mention.text)):
                result.warnings.append(f"{mention.text!r} is a dictionary word, no name: left a mention, not an actor")
                continue
            elif mention.kind == "Person" and sentence is not None and tokens and (noun := _named_after(
                    sentence, *_token_range(sentence, tokens), doc.lang)):
                result.warnings.append(f"{mention.text!r} names what is named after them ({noun!r}): not the person")
                continue
            elif sentence is not None and (noun := _names_a_thing(
                    sentence, tokens, doc.lang, apart=mention.kind == "Person")) and \
                    (mention.kind != "Person" or len(tokens) == 1 or _ends_with_a_thing_noun(tokens, doc.lang)):
                # A person's full name is a person's, whatever noun follows ("Ержан Сәденов жаңа бастамасын").
                result.warnings.append(f"{mention.text!r} names a thing ({noun!r}): left a mention, not an actor")
                continue
            elif sentence is not None and (why := _not_one_name(sentence, tokens, mention.kind, doc.lang)):
                result.warnings.append(f"{mention.text!r} is no single name ({why}): left a mention, not an actor")
                continue
            elif sentence is not None and (noun := _names_a_thing(sentence, tokens, doc.lang, media=True,
                                                                   journalists=mention.kind != "Person")):
                # A news medium: like the KB's outlets, an actor only when it takes part in an event.
                actor = dataclasses.replace(_new_actor(name, "Organization", doc.lang, doc.id), outlet=True)
                result.warnings.append(f"{mention.text!r} names a news medium ({noun!r})")
            else:
                actor = _new_actor(name, mention.kind, doc.lang, doc.id)
                if actor.kind == "Person" and len(name.split()) > 1:
                    surnames.setdefault(key, actor.id)
        use(actor)
        if actor.kind == "Place" and actor.id not in kb and sentence is not None and city_named(actor) and \
                not _modifies_a_thing(sentence, tokens, doc.lang):
            result.towns.add(actor.id)
        if not around:
            result.mentions.append(dataclasses.replace(
                mention, actor=actor.id, kind=actor.kind, lemma=name,
                case=tokens[-1].case if tokens else mention.case))

    result.settings = setting_only - named_otherwise
    result.mentions.sort(key=lambda m: (m.start, -m.end))
    result.actors = [actors[k] for k in sorted(actors)]
    return result
