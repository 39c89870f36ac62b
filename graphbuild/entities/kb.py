"""The shipped knowledge base of canonical actors and its alias lookup.

Sources (all under graphbuild/data/kb/ except the CLDR names):
- countries and territories: CLDR names via babel (en, ru, kk) keyed by ISO alpha-3 from pycountry,
  plus ``countries_extra.tsv`` (short forms such as АҚШ, РФ, DPRK, and demonyms);
- ``capitals.tsv``: capitals as Place actors whose aliases are metonyms of the country (ISO3, en, ru, kk, then
  source and checked once verified);
- ``places.tsv``: other newsworthy places (cities, regions, disputed areas), not metonyms;
- ``actors.jsonl`` (organisations, government bodies, groups) and ``people.jsonl`` (people with
  time-bounded roles); users add files in the same JSONL format via ``KnowledgeBase.load``;
- ``countries_wikidata.tsv``: the Wikidata QID of every country and territory, with source and date;
- ``roles.tsv``: role titles by language, mapped to English titles (alias class "role");
- ``role_equivalents.tsv``: titles of the same office (Minister of Defence = Secretary of Defense);
- ``suffixes.tsv``: inflection endings for the stem fallback of :meth:`KnowledgeBase.match`.

JSONL record format (one actor per line)::

    {"id": "person:sergei-shoigu", "kind": "Person", "label": "Sergei Shoigu",
     "wikidata": null, "iso3": null, "part_of": null, "metonym_of": null,
     "names": {"en": ["Sergei Shoigu", "Shoigu"], "ru": "Сергей Шойгу|Шойгу"},
     "demonyms": {"en": ["..."]},
     "roles": [{"role": "Minister of Defence", "of": "RUS", "start": "2012-11-06", "end": "2024-05-12",
                "source": "https://...", "checked": "2026-12-07"}],
     "source": "https://...", "checked": "2026-12-07"}

Every record and every role carries ``source`` (the URL it was verified against) and ``checked`` (the
YYYY-MM-DD of that verification); ``null`` and ``null`` mark a fact nobody has verified yet, and a record
or role without the keys is refused. Country QIDs come from ``countries_wikidata.tsv``.
Names may be a list or a "|"-joined string; a role may also be a list [role, of, start, end, source, checked].
A Person without "kk" names uses its "ru" names in Kazakh too (Kazakh news spells foreign names
the Russian way). A record whose id already exists adds names and roles to that actor. ``former_ids`` lists ids an actor
was published under before a correction (a wrong QID): a former id keeps resolving to the actor, in
lookups and in the references of other records.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from graphbuild.entities.common_words import common_word_test
from graphbuild.entities.kb_cache import cached, content_key, portable, resolved
from graphbuild.entities.transliterate import to_latin
from graphbuild.language.base import Token
from graphbuild.model import ACTOR_KINDS, Actor
from graphbuild.wordlists import word_list

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
KB_LANGS: tuple[str, ...] = ("en", "ru", "kk")
ALIAS_CLASSES: tuple[str, ...] = ("name", "demonym", "capital", "role")

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_RE = re.compile(r"^https?://\S+$")
_QID_RE = re.compile(r"^Q[1-9]\d*$")
# Characters stripped from the edges of a word before matching (quotes, brackets, punctuation).
_EDGE = "\"«»“”„‟()[]{},;:!?…/"
# One table unifies apostrophes, hyphens/dashes and quotes.
_UNIFY = str.maketrans({**{c: "'" for c in "’‘ʼ`´ʹ′"}, **{c: "-" for c in "‐‑‒–—―−"},
                        **{c: '"' for c in "«»“”„‟″"}})
_SPACES = re.compile(r"\s+")
_STRESS = re.compile("\u0301")  # stress marks in dictionary spellings (Респу\u0301блика)
_INITIAL = re.compile(r"[^\W\d_]\.")
_MIN_STEM = 3  # shortest alias word the stem fallback may strip a suffix down to
_MIN_SHORT = 2  # ... when the word continues an alias already matched (Ким Чен Ынмен)


@lru_cache(maxsize=1 << 16)  # a pure function the linker and role lookups call again for the same words
def normalize(text: str) -> str:
    """Casefold, ё->е, unify apostrophes/hyphens/quotes, collapse spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_UNIFY)
    text = _STRESS.sub("", text.casefold().replace("ё", "е"))
    return _SPACES.sub(" ", text).strip()


def _wkey(word: str) -> str:
    """Matching key of one word: normalised, dots dropped (U.S. = US), edge punctuation stripped.

    An initial keeps its dot ("С." in "С. Лавров" is not the preposition "с").
    """
    key = normalize(word).strip(_EDGE + '"').strip()
    return key if _INITIAL.fullmatch(key) else key.replace(".", "")


def _words(alias: str) -> list[str]:
    """Original-case words of an alias (for the capitalisation constraints)."""
    return [w for w in _SPACES.split(alias.strip()) if _wkey(w)]


@cache
def _lowercase_body_words(lang: str) -> frozenset[str]:
    """data/<lang>/lowercase_body_words.txt: words of a body's name news may write in lower case."""
    return frozenset(w.lower() for w in word_list(DATA_DIR.parent / lang / "lowercase_body_words.txt"))


def _caps_flag(word: str, lang: str = "", first: bool = True) -> str:
    """'A' acronym (all letters upper), 'C' capitalised, '' no constraint (also for a body word after the
    name's first word: "China's foreign ministry")."""
    if not first and word.lower() in _lowercase_body_words(lang):
        return ""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "A"
    if letters and letters[0].isupper():
        return "C"
    return ""


def _caps_ok(flag: str, surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return not flag
    if flag == "C":
        return letters[0].isupper()
    if flag == "A":
        return letters[0].isupper() and (len(letters) < 2 or letters[1].isupper())
    return True


# Languages where only the last word of a multiword name inflects (the words before it stay in the
# nominative or, for an owner, the genitive), and the cases that therefore end a name.
_FINAL_WORD_INFLECTS = frozenset({"kk"})
_CLOSES_A_NAME = frozenset({"Abl", "Dat", "Loc", "Acc", "Ins"})


@dataclass(frozen=True)
class KbHit:
    """One alias of the KB. ``actor_id`` is None for role titles (then ``role`` is set)."""

    actor_id: str | None
    metonym_of: str | None
    alias_class: str  # "name" | "demonym" | "capital" | "role"
    alias: str  # the alias as written in the KB
    lang: str = ""
    role: str | None = None  # English role title for alias_class "role"


@dataclass(frozen=True)
class KbMatch:
    """A KB alias found in a token list: tokens[start:end] (end exclusive)."""

    start: int
    end: int
    hit: KbHit
    text: str = ""  # surface of the matched tokens


@dataclass(frozen=True)
class _Alias:
    hit: KbHit
    caps: tuple[str, ...]


@dataclass(eq=False)  # nodes compare by identity
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terminals: list[_Alias] = field(default_factory=list)
    _stems: dict[tuple[str, ...], dict[str, list[str]]] = field(default_factory=dict)

    def stems(self, endings: tuple[str, ...], min_len: int) -> dict[str, list[str]]:
        """Stem -> child words; built lazily, only for nodes reached while matching such a language."""
        table = self._stems.get(endings)
        if table is None:
            table = {}
            for word in self.children:
                for stem in _replace_stems(word, endings, min_len):
                    table.setdefault(stem, []).append(word)
            self._stems[endings] = table
        return table


def _replace_stems(word: str, endings: tuple[str, ...], min_len: int = _MIN_STEM) -> set[str]:
    """The word and what is left of it without each ending it carries (at least min_len letters)."""
    ends, sizes = _ending_index(endings)
    out = {word}
    for size in sizes:
        if len(word) - size < min_len:
            break
        if word[-size:] in ends:
            out.add(word[:-size])
    return out


@cache
def _ending_index(endings: tuple[str, ...]) -> tuple[frozenset[str], tuple[int, ...]]:
    return frozenset(e for e in endings if e), tuple(sorted({len(e) for e in endings if e}))


@dataclass
class _Group:
    """Tokens written without whitespace between them (U . S ., АҚШ - тың) form one word."""

    first: int
    last: int
    surface: str
    lemma: str | None


@dataclass
class _Record:
    id: str
    kind: str
    label: str
    names: dict[str, list[str]]
    iso3: str | None = None
    wikidata: str | None = None
    part_of: str | None = None
    metonym_of: str | None = None
    alias_class: str = "name"
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    roles: list[dict[str, Any]] = field(default_factory=list)
    where: str = ""
    source: str | None = None  # URL the record was verified against; None = not verified
    checked: str | None = None  # YYYY-MM-DD of that verification
    # Ids the actor was published under before a correction (a wrong QID): they still resolve to it, so
    # user KB files and saved outputs that name the old id keep working.
    former_ids: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # a region's states: the region as a side is each of them


# ----------------------------------------------------------------------------- data loading


def _split_list(value: Any, where: str, what: str) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ValueError(f"{where}: {what} must be a list of strings or a '|'-joined string")


def _lang_map(value: Any, where: str, what: str) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"{where}: {what} must be an object {{lang: names}}")
    return {str(lang): _split_list(v, where, f"{what}[{lang}]") for lang, v in value.items()}


def _parse_provenance(obj: dict[str, Any], where: str, what: str) -> tuple[str | None, str | None]:
    """``source`` (URL) and ``checked`` (YYYY-MM-DD) of a record or role: both present, both set or both null.

    Null/null is the explicit mark of a fact nobody has verified yet (``graphbuild kb check`` counts them);
    a missing key is refused, so no record enters the KB without saying where it comes from.
    """
    missing = [key for key in ("source", "checked") if key not in obj]
    if missing:
        raise ValueError(f"{where}: {what} has no {' and no '.join(repr(k) for k in missing)} "
                         "(a URL and the YYYY-MM-DD it was checked, or null and null when unverified)")
    source, checked = obj["source"], obj["checked"]
    if source is not None and not (isinstance(source, str) and _URL_RE.match(source)):
        raise ValueError(f"{where}: {what} 'source' must be an http(s) URL or null")
    if checked is not None and not (isinstance(checked, str) and _DAY_RE.match(checked)):
        raise ValueError(f"{where}: {what} 'checked' must be a date YYYY-MM-DD or null")
    if (source is None) != (checked is None):
        raise ValueError(f"{where}: {what} 'source' and 'checked' go together (both set or both null)")
    return source, checked


_ROLE_FIELDS = ("role", "of", "start", "end", "source", "checked")


def _parse_role(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, list):
        if len(value) != len(_ROLE_FIELDS):
            raise ValueError(f"{where}: a role list is [role, of, start, end, source, checked]")
        value = dict(zip(_ROLE_FIELDS, value, strict=True))
    if not isinstance(value, dict) or not isinstance(value.get("role"), str) or not value["role"]:
        raise ValueError(f"{where}: each role needs a non-empty 'role' title")
    source, checked = _parse_provenance(value, where, f"role {value['role']!r}")
    role = {"role": value["role"], "of": value.get("of"), "start": value.get("start"), "end": value.get("end"),
            "source": source, "checked": checked}
    for key in ("start", "end"):
        if role[key] is not None and not (isinstance(role[key], str) and _DATE_RE.match(role[key])):
            raise ValueError(f"{where}: role {key} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if role["of"] is not None and not isinstance(role["of"], str):
        raise ValueError(f"{where}: role 'of' must be an actor id")
    return role


def _parse_record(obj: Any, where: str) -> _Record:
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: each line must be a JSON object")
    rid, kind = obj.get("id"), obj.get("kind")
    if not isinstance(rid, str) or not rid.strip():
        raise ValueError(f"{where}: missing 'id'")
    if kind not in ACTOR_KINDS:
        raise ValueError(f"{where}: 'kind' must be one of {', '.join(ACTOR_KINDS)}")
    names = _lang_map(obj.get("names"), where, "names")
    label = obj.get("label") or next(iter(names.get("en", [])), None)
    if not isinstance(label, str) or not label:
        raise ValueError(f"{where}: missing 'label' (or an English name)")
    wikidata = obj.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _QID_RE.match(wikidata)):
        raise ValueError(f"{where}: 'wikidata' must be a QID like Q7747")
    alias_class = obj.get("alias_class", "name")
    if alias_class not in ("name", "capital"):
        raise ValueError(f"{where}: 'alias_class' must be 'name' or 'capital'")
    roles = obj.get("roles") or []
    if not isinstance(roles, list):
        raise ValueError(f"{where}: 'roles' must be a list")
    for key in ("iso3", "part_of", "metonym_of"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ValueError(f"{where}: '{key}' must be a string")
    source, checked = _parse_provenance(obj, where, "the record")
    former_ids = _split_list(obj.get("former_ids") or [], where, "former_ids")
    if not names.get("en"):  # the label is a name too
        names["en"] = [label]
    if kind == "Person" and "kk" not in names and "ru" in names:
        names["kk"] = list(names["ru"])
    return _Record(
        id=rid.strip(), kind=kind, label=label, names=names, iso3=obj.get("iso3"), wikidata=wikidata,
        part_of=obj.get("part_of"), metonym_of=obj.get("metonym_of"), alias_class=alias_class,
        demonyms=_lang_map(obj.get("demonyms"), where, "demonyms"),
        roles=[_parse_role(r, where) for r in roles], where=where, source=source, checked=checked,
        former_ids=former_ids,
    )


def _read_jsonl(path: Path) -> list[_Record]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read KB file ({exc})") from exc
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: invalid JSON ({exc.msg})") from exc
        records.append(_parse_record(obj, where))
    return records


def _tsv_rows(name: str) -> Iterator[tuple[int, list[str]]]:
    path = DATA_DIR / name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


@cache
def _country_records() -> tuple[_Record, ...]:
    """Countries and territories from CLDR (babel) + ISO 3166 (pycountry) + our short forms."""
    import pycountry
    from babel import Locale

    cldr = {lang: Locale(lang).territories for lang in KB_LANGS}
    codes: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    extra_names: dict[str, dict[str, list[str]]] = {}
    demonyms: dict[str, dict[str, list[str]]] = {}
    for n, cols in _tsv_rows("countries_extra.tsv"):
        if len(cols) != 4:
            raise ValueError(f"{DATA_DIR / 'countries_extra.tsv'}:{n}: expected 4 tab-separated columns")
        iso3, lang, cls, values = cols
        if cls == "code":  # a CLDR territory without an ISO alpha-3 (Kosovo)
            codes[values.strip()] = iso3
            continue
        target = demonyms if cls == "demonym" else extra_names
        target.setdefault(iso3, {}).setdefault(lang, []).extend(_split_list(values, f"line {n}", cls))
    iso_names = _iso_names(pycountry)
    qids = _country_qids()
    # A translated ISO name that is another territory's CLDR name is a translation slip: drop it.
    cldr_owner = {(lang, normalize(name)): codes.get(a2) for lang in KB_LANGS for a2, name in cldr[lang].items()}
    records = []
    for alpha2, iso3 in sorted(codes.items()):
        if alpha2 not in cldr["en"]:
            continue
        names: dict[str, list[str]] = {}
        for lang in KB_LANGS:
            found = [cldr[lang][alpha2]] if alpha2 in cldr[lang] else []
            found += [n for n in iso_names.get((iso3, lang), [])
                      if cldr_owner.get((lang, normalize(n)), iso3) == iso3]
            found += extra_names.get(iso3, {}).get(lang, [])
            names[lang] = list(dict.fromkeys(found))
        qid, source, checked = qids.get(iso3, (None, None, None))
        records.append(_Record(id=iso3, kind="Country", label=cldr["en"][alpha2], names=names, iso3=iso3,
                               wikidata=qid, demonyms=demonyms.get(iso3, {}), where=f"CLDR:{alpha2}",
                               source=source, checked=checked))
    return tuple(records)


def _country_qids() -> dict[str, tuple[str, str, str]]:
    """ISO alpha-3 -> (QID, source URL, checked date) from ``countries_wikidata.tsv``."""
    path = DATA_DIR / "countries_wikidata.tsv"
    out: dict[str, tuple[str, str, str]] = {}
    for n, cols in _tsv_rows(path.name):
        where = f"{path}:{n}"
        if len(cols) != 4:
            raise ValueError(f"{where}: expected ISO3, QID, source, checked")
        iso3, qid, source, checked = (c.strip() for c in cols)
        if not _QID_RE.match(qid):
            raise ValueError(f"{where}: {qid!r} is not a QID like Q232")
        _parse_provenance({"source": source, "checked": checked}, where, iso3)
        if iso3 in out:
            raise ValueError(f"{where}: {iso3} is listed twice")
        out[iso3] = (qid, source, checked)
    return out


def _iso_names(pycountry: Any) -> dict[tuple[str, str], list[str]]:
    """ISO 3166 names (common, short, official) in English and their iso-codes translations (ru, kk)."""
    import gettext

    translators: dict[str, Callable[[str], str]] = {"en": str}
    for lang in KB_LANGS:
        if lang != "en":
            try:
                translators[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
            except OSError:  # a pycountry build without this language: CLDR names still apply
                continue
    out: dict[tuple[str, str], list[str]] = {}
    for c in pycountry.countries:
        english = [getattr(c, a) for a in ("common_name", "name", "official_name") if hasattr(c, a)]
        for lang, translate in translators.items():
            # gettext returns the English msgid when a translation is missing: not a ru/kk name.
            names = [_STRESS.sub("", translate(n)) for n in english if lang == "en" or translate(n) != n]
            # List-style forms ("Korea (North)", "Bolivia, Plurinational State of") never occur in text.
            out[(c.alpha_3, lang)] = [n for n in dict.fromkeys(names) if not re.search(r"[(),]", n)]
    return out


def _place_records(name: str, metonym: bool) -> list[_Record]:
    """Places from a TSV (ISO3, en, ru[, kk[, source, checked]]); capitals are metonyms of their country's
    government. A row without source and checked is a place nobody has verified yet."""
    records = []
    for n, cols in _tsv_rows(name):
        where = f"{DATA_DIR / name}:{n}"
        if len(cols) not in (3, 4, 6):
            raise ValueError(f"{where}: expected ISO3, en, ru[, kk[, source, checked]] ({len(cols)} columns)")
        iso3 = None if cols[0] == "-" else cols[0]
        en, ru = _split_list(cols[1], where, "en"), _split_list(cols[2], where, "ru")
        kk = _split_list(cols[3], where, "kk") if len(cols) > 3 and cols[3].strip() else list(ru)
        provenance = {"source": cols[4].strip(), "checked": cols[5].strip()} if len(cols) == 6 else \
            {"source": None, "checked": None}
        source, checked = _parse_provenance(provenance, where, "the place")
        records.append(_Record(id="place:" + _slug(en[0]), kind="Place", label=en[0],
                               names={"en": en, "ru": ru, "kk": kk}, part_of=iso3,
                               metonym_of=iso3 if metonym else None,
                               alias_class="capital" if metonym else "name", where=where,
                               source=source, checked=checked))
    return records


def _region_records() -> list[_Record]:
    """Regions that stand for a fixed set of states (regions.tsv: id, members, en, ru, kk, source, checked)."""
    records = []
    for n, cols in _tsv_rows("regions.tsv"):
        where = f"{DATA_DIR / 'regions.tsv'}:{n}"
        if len(cols) != 7:
            raise ValueError(f"{where}: expected id, members, en, ru, kk, source, checked ({len(cols)} columns)")
        members = cols[1].split()
        if not members:
            raise ValueError(f"{where}: a region needs its member states")
        en = _split_list(cols[2], where, "en")
        source, checked = _parse_provenance({"source": cols[5].strip(), "checked": cols[6].strip()}, where,
                                            "the region")
        records.append(_Record(id=cols[0].strip(), kind="Place", label=en[0],
                               names={"en": en, "ru": _split_list(cols[3], where, "ru"),
                                      "kk": _split_list(cols[4], where, "kk")},
                               where=where, source=source, checked=checked, members=members))
    return records


def _role_hits() -> list[tuple[str, str, str]]:
    """(lang, phrase, English title) from roles.tsv."""
    out = []
    for n, cols in _tsv_rows("roles.tsv"):
        if len(cols) != 3:
            raise ValueError(f"{DATA_DIR / 'roles.tsv'}:{n}: expected lang, phrases, English title")
        for phrase in _split_list(cols[1], f"roles.tsv:{n}", "phrases"):
            out.append((cols[0], phrase, cols[2].strip()))
    return out


@dataclass(frozen=True)
class _Endings:
    """Inflection endings of one language, ready for the stem fallback."""

    append: frozenset[str]
    sizes: tuple[int, ...]  # distinct lengths of the append endings, shortest first
    replace: tuple[str, ...]  # endings an inflected word in the text may carry
    lemma: tuple[str, ...]  # endings an alias word (dictionary form) may lose


_NO_ENDINGS = _Endings(frozenset(), (), (), ())


@cache
def _suffixes() -> dict[str, _Endings]:
    slots: dict[str, dict[str, list[str]]] = {}
    for _, cols in _tsv_rows("suffixes.tsv"):
        slots.setdefault(cols[0], {})[cols[1]] = cols[2].split()
    out: dict[str, _Endings] = {}
    for lang, s in slots.items():
        found = set(s.get("append", []))
        plural, poss = s.get("plural", []), s.get("poss", [])
        case, poss_case = s.get("case", []), s.get("poss_case", [])
        found |= set(plural) | set(poss) | set(case)
        found |= {p + c for p in plural for c in case}
        found |= {p + c for p in poss for c in poss_case}
        # Aliases often carry the possessive themselves (Қауіпсіздік Кеңесі, Қорғаныс министрлігі):
        # the pronominal case endings then follow the alias word directly (Кеңесінде, министрлігіне).
        found |= set(poss_case)
        found |= {pl + p + c for pl in plural for p in poss for c in ["", *poss_case]}
        replace = tuple(sorted(set(s.get("replace", [])), key=len, reverse=True))
        lemma = tuple(sorted(set(s.get("lemma", [])), key=len, reverse=True))
        out[lang] = _Endings(frozenset(found), tuple(sorted({len(x) for x in found})), replace, lemma)
    return out


@cache
def _genitive_endings() -> dict[str, tuple[str, ...]]:
    """lang -> endings that put a word in the genitive (suffixes.tsv, slot "genitive")."""
    return {cols[0]: tuple(cols[2].split()) for _, cols in _tsv_rows("suffixes.tsv") if cols[1] == "genitive"}


@cache
def _attributive_endings() -> dict[str, tuple[str, ...]]:
    """lang -> endings that make a word in a case an attribute inside a name (suffixes.tsv, "attributive")."""
    return {cols[0]: tuple(cols[2].split()) for _, cols in _tsv_rows("suffixes.tsv") if cols[1] == "attributive"}


@cache
def _role_equivalents() -> dict[str, set[str]]:
    """Normalised title -> the set of titles naming the same office (role_equivalents.tsv)."""
    groups: dict[str, set[str]] = {}
    for _, cols in _tsv_rows("role_equivalents.tsv"):
        group = {normalize(cols[0])} | {normalize(t) for t in _split_list(cols[1], "role_equivalents", "titles")}
        for title in group:
            groups.setdefault(title, set()).update(group)
    return groups


def office_key(title: str) -> str:
    """One key for all titles of the same office (Secretary of State = Minister of Foreign Affairs)."""
    key = normalize(title)
    return min(_role_equivalents().get(key, {key}))


def _slug(text: str) -> str:
    from graphbuild.ids import slugify

    return slugify(text)


def _read_version() -> str:
    return (DATA_DIR / "VERSION").read_text(encoding="utf-8").strip()


# ----------------------------------------------------------------------------- the KB


class KnowledgeBase:
    """Canonical actors, their roles and aliases; exact lookup and inflection-tolerant matching."""

    def __init__(self, records: Iterable[_Record], roles: Iterable[tuple[str, str, str]], version: str,
                 roots: Mapping[str, Path] | None = None):
        self.version = version
        # Folders and files the records were read from; the index keeps its "file:line"s relative to them,
        # since a cached index may have been built from another checkout (see kb_cache.portable).
        self._roots: dict[str, Path] = dict(roots or _roots([]))
        self._actors: dict[str, Actor] = {}
        self._roles: dict[str, list[dict[str, Any]]] = {}
        self._meta: dict[str, _Record] = {}
        self._members: dict[str, list[str]] = {}
        self._by_lang: dict[str, list[tuple[tuple[str, ...], _Alias]]] = {}
        self._index: dict[str, list[_Alias]] = {}
        self._root = _Node()
        self._redirects = _redirects(records := list(records))
        merged = self._merge(_redirected(records, self._redirects))
        self._check_refs(merged)
        for rec in merged:
            self._add_record(rec)
        self._add_country_variants(merged)
        for lang, phrase, title in roles:
            self._add_alias(phrase, KbHit(None, None, "role", phrase, lang, title))

    # -- construction

    @classmethod
    def load(cls, extra_paths: list[Path] | None = None) -> KnowledgeBase:
        """The shipped KB plus users' JSONL files (a bad file raises ValueError naming file:line)."""
        if not extra_paths:
            return _default_kb()
        paths = [Path(p) for p in extra_paths]
        for path in paths:  # a missing or unreadable file is named before any cache is consulted
            if not path.is_file():
                raise ValueError(f"{path}: cannot read KB file (no such file)")

        roots = _roots(paths)

        def build() -> KnowledgeBase:
            records = list(_base_records())
            for path in paths:
                records.extend(_read_jsonl(path))
            return cls(records, _role_hits(), _read_version(), roots)

        return cached("kb", content_key(_data_files() + paths), build)._rooted(roots)

    def _rooted(self, roots: Mapping[str, Path]) -> KnowledgeBase:
        """This index with its file names resolved against ``roots`` (this run's files, not the builder's)."""
        self._roots = dict(roots)
        return self

    @staticmethod
    def _merge(records: Iterable[_Record]) -> list[_Record]:
        merged: dict[str, _Record] = {}
        for rec in records:
            old = merged.get(rec.id)
            if old is None:
                merged[rec.id] = _Record(**{**rec.__dict__, "names": {k: list(v) for k, v in rec.names.items()},
                                            "roles": list(rec.roles)})
                continue
            for lang, names in rec.names.items():
                old.names.setdefault(lang, [])
                old.names[lang].extend(n for n in names if n not in old.names[lang])
            for lang, names in rec.demonyms.items():
                old.demonyms.setdefault(lang, []).extend(names)
            old.roles.extend(r for r in rec.roles if r not in old.roles)
            old.part_of = old.part_of or rec.part_of
            old.metonym_of = old.metonym_of or rec.metonym_of
            old.wikidata = old.wikidata or rec.wikidata
            if old.source is None:  # a verified addition dates a record nobody had verified
                old.source, old.checked = rec.source, rec.checked
        return list(merged.values())

    @staticmethod
    def _check_refs(records: list[_Record]) -> None:
        ids = {r.id for r in records}
        for rec in records:
            refs = [("part_of", rec.part_of), ("metonym_of", rec.metonym_of)]
            refs += [("role 'of'", r["of"]) for r in rec.roles]
            refs += [("member", m) for m in rec.members]
            for what, ref in refs:
                if ref is not None and ref not in ids:
                    raise ValueError(f"{rec.where}: {what} refers to unknown actor id {ref!r}")

    def _add_record(self, rec: _Record) -> None:
        rec.where = portable(rec.where, self._roots)
        self._meta[rec.id] = rec
        self._actors[rec.id] = Actor(
            id=rec.id, label=rec.label, kind=rec.kind, iso3=rec.iso3, wikidata=rec.wikidata,
            names={lang: list(dict.fromkeys(v)) for lang, v in rec.names.items() if v}, part_of=rec.part_of,
        )
        if rec.roles:
            self._roles[rec.id] = [dict(r) for r in rec.roles]
        if rec.members:
            self._members[rec.id] = list(rec.members)
        for lang, names in rec.names.items():
            for name in names:
                self._add_alias(name, KbHit(rec.id, rec.metonym_of, rec.alias_class, name, lang))
            # Transliteration variants let "Sergey Shoygu" in English text find a Russian-named person.
            if rec.kind == "Person" and lang in ("ru", "kk"):
                for name in names:
                    for short in _initial_forms(name):
                        self._add_alias(short, KbHit(rec.id, rec.metonym_of, rec.alias_class, short, lang))
                    latin = to_latin(name, lang)
                    if latin != name:
                        self._add_alias(latin, KbHit(rec.id, rec.metonym_of, rec.alias_class, latin, "en"))
        for lang, names in rec.demonyms.items():
            for name in names:
                self._add_alias(name, KbHit(rec.id, None, "demonym", name, lang))

    def _add_country_variants(self, records: list[_Record]) -> None:
        """A body of a country (or of one of its bodies) named with one of the country's names is named with
        any other of them: "Ресей Қорғаныс министрлігі" is also "Ресей Федерациясы Қорғаныс министрлігі"
        and "РФ Қорғаныс министрлігі"; "Ministry of Defence of Russia" is also "... of the Russian
        Federation".  A variant that is already some actor's alias is left out (no new ambiguity)."""
        countries = {r.id: r for r in records if r.kind == "Country"}
        parents = {r.id: r.part_of for r in records if r.part_of}

        def country_of(rec: _Record) -> _Record | None:
            """The country a body belongs to, through the bodies above it (the GRU is part of Russia's
            defence ministry, so of Russia)."""
            seen: set[str] = set()
            above = rec.part_of
            while above and above not in countries and above not in seen:
                seen.add(above)
                above = parents.get(above)
            return countries.get(above or "")

        for rec in records:
            country = country_of(rec)
            if country is None:
                continue
            for lang, names in rec.names.items():
                # Names led by an article ("the US") would swallow it into the body's name.
                own = [n for n in country.names.get(lang, []) if n and n[:1].isupper()]
                # A capitalised demonym stands where the name does ("Israeli military" = "Israel('s) military").
                adjectives = [d for d in country.demonyms.get(lang, []) if d[:1].isupper()]
                for name in names:
                    for variant in _country_variants(name, own, adjectives, _genitive_endings().get(lang, ())):
                        if " ".join(_wkey(w) for w in _words(variant)) not in self._index:
                            self._add_alias(variant, KbHit(rec.id, rec.metonym_of, rec.alias_class, variant, lang))

    def _add_alias(self, alias: str, hit: KbHit) -> None:
        variants = {alias, *_spelling_variants(alias, hit.lang)}
        if re.search(r"\w-\w", alias):  # Kim Jong-un = Kim Jong Un
            variants.add(re.sub(r"(?<=\w)-(?=\w)", " ", alias))
        # "the United States" -> "United States"; one-word remainders stay out ("the West" is not "West").
        if hit.lang == "en" and alias.lower().startswith("the ") and len(alias.split()) > 2:
            variants.add(alias[4:])
        # "Democratic Republic of the Congo" is also written "Democratic Republic of Congo".
        if hit.lang == "en" and " of the " in alias:
            variants.add(alias.replace(" of the ", " of "))
        for variant in variants:
            pairs = [(w, k) for w in _SPACES.split(variant.strip()) if (k := _wkey(w))]
            if not pairs:
                continue
            words, keys = [w for w, _ in pairs], tuple(k for _, k in pairs)
            entry = _Alias(hit, tuple(_caps_flag(w, hit.lang, n == 0) for n, w in enumerate(words)))
            index_key = " ".join(keys)
            if any(a == entry for a in self._index.get(index_key, [])):
                continue
            self._index.setdefault(index_key, []).append(entry)
            self._by_lang.setdefault(hit.lang, []).append((keys, entry))
            node = self._root
            for key in keys:
                node = node.children.setdefault(key, _Node())
            node.terminals.append(entry)

    # -- access

    def canonical_id(self, id: str) -> str:
        """The id an actor has now: a former id (a corrected QID) gives its actor's id, any other id itself."""
        return self._redirects.get(id, id)

    def actor(self, id: str) -> Actor:
        """A copy of the canonical actor (raises KeyError for an unknown id); the KB is shared."""
        return _copy_actor(self._actors[self.canonical_id(id)])

    def actors(self, kind: str | None = None) -> list[Actor]:
        return [_copy_actor(a) for a in self._actors.values() if kind is None or a.kind == kind]

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and self.canonical_id(actor_id) in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def demonym(self, actor_id: str, lang: str) -> str | None:
        """The first capitalised people's adjective of a country in ``lang`` ("Finnish"), if the KB has one."""
        rec = self._meta.get(self.canonical_id(actor_id))
        names = rec.demonyms.get(lang, []) if rec is not None else []
        return next((n for n in names if n[:1].isupper()), None)

    def roles_of(self, person_id: str) -> list[dict[str, Any]]:
        """Time-bounded roles [{"role", "of", "start", "end", "source", "checked"}] of a person (empty when none)."""
        return [dict(r) for r in self._roles.get(self.canonical_id(person_id), [])]

    def provenance(self, actor_id: str) -> tuple[str | None, str | None, str]:
        """(source URL, checked date, file:line it was read from) of an actor's record; None, None when unverified."""
        rec = self._meta[self.canonical_id(actor_id)]
        return rec.source, rec.checked, resolved(rec.where, self._roots)

    def holders(self, role: str, of: str | None = None, on: str | None = None) -> list[str]:
        """Ids of people who held ``role`` (English title, or an equivalent title) of ``of`` on date ``on``."""
        return [pid for pid in self._roles
                if any(on is None or _covers(r.get("start"), r.get("end"), on) for r in self._terms(pid, role, of))]

    def role_term(self, person: str, role: str, of: str | None, on: str | None) -> dict[str, Any] | None:
        """The KB's term of ``person`` holding ``role`` (or an equivalent title) of ``of`` that covers date
        ``on`` (any known term when ``on`` is None); None when no known term covers it: an article written
        after a term ended must not be stamped with that expired term."""
        covering = [r for r in self._terms(person, role, of) if on is None or _covers(r.get("start"), r.get("end"), on)]
        return dict(covering[0]) if covering else None

    def members(self, actor_id: str) -> list[str]:
        """The states a region stands for (regions.tsv); empty for any other actor."""
        return list(self._members.get(self.canonical_id(actor_id), []))

    def states_of(self, actor_id: str, on: str | None) -> set[str]:
        """The countries ``actor_id`` is, belongs to (along ``part_of``) or, as a person, holds an office
        of on date ``on`` (its current terms when ``on`` is None, see ``_current_terms``): whose side the
        actor speaks and acts for."""
        out: set[str] = set()
        todo = [self.canonical_id(actor_id)]
        terms = self._roles.get(todo[0], [])
        todo += [r["of"] for r in (_current_terms(terms) if on is None else
                                   [r for r in terms if _covers(r.get("start"), r.get("end"), on)])]
        seen: set[str] = set()
        while todo:
            current = todo.pop()
            if current in seen or current not in self._actors:
                continue
            seen.add(current)
            actor = self._actors[current]
            if actor.kind == "Country":
                out.add(current)
            elif actor.part_of:
                todo.append(actor.part_of)
        return out

    def _terms(self, person: str, role: str, of: str | None) -> list[dict[str, Any]]:
        """The person's terms in ``role`` or an equivalent title, of ``of`` when given."""
        wanted = _role_equivalents().get(normalize(role), {normalize(role)})
        return [r for r in self._roles.get(person, [])
                if normalize(r["role"]) in wanted and (of is None or r["of"] == of)]

    def disambiguate(self, hits: Iterable[KbHit], context: Iterable[str]) -> list[KbHit]:
        """Of several hits for one span ("Корея"), keep those tied to actors already in ``context``
        (the hit's actor, its metonym or what it is part of); keep all when none is."""
        hits = list(hits)
        seen = set(context)
        tied = [h for h in hits if {h.actor_id, h.metonym_of, self._part_of(h.actor_id)} & seen - {None}]
        return tied or hits

    def _part_of(self, actor_id: str | None) -> str | None:
        actor = self._actors.get(actor_id) if actor_id else None
        return actor.part_of if actor else None

    def lookup(self, name: str, lang: str | None = None) -> list[KbHit]:
        """Exact match of the normalised ``name`` against all aliases (of ``lang`` when given)."""
        words = _words(name)
        key = " ".join(_wkey(w) for w in words)
        hits: list[KbHit] = []
        seen: set[tuple[str | None, ...]] = set()
        for entry in self._index.get(key, []):
            if lang is not None and entry.hit.lang != lang:
                continue
            # Acronyms only match written in capitals: "US" is the USA, "us" is a pronoun.
            if any(f == "A" and not _caps_ok("A", w) for f, w in zip(entry.caps, words, strict=True)):
                continue
            # The same actor reached through spelling variants (US, U.S.) or languages is one hit.
            same = (entry.hit.actor_id, entry.hit.metonym_of, entry.hit.alias_class, entry.hit.role)
            if same not in seen:
                seen.add(same)
                hits.append(entry.hit)
        return hits

    def aliases(self, lang: str) -> Iterator[tuple[tuple[str, ...], KbHit]]:
        """(normalised alias words, hit) for every alias written in ``lang``."""
        for keys, entry in self._by_lang.get(lang, []):
            yield keys, entry.hit

    # -- matching in analysed text

    def match(self, tokens: list[Token], lang: str) -> list[KbMatch]:
        """Longest KB aliases over token lemmas, surfaces or inflected stems, left to right.

        An ambiguous alias yields one KbMatch per distinct hit over the same span.
        """
        groups = _group_tokens(tokens)
        endings = _suffixes().get(lang, _NO_ENDINGS)
        rep = endings.lemma
        # Only where a name is a stem plus endings: a Russian "Кремля" keeps its lemma as an alias start.
        common = common_word_test(lang) if lang in _FINAL_WORD_INFLECTS else _never_common
        forms = [_group_forms(g, endings, common) for g in groups]
        out: list[KbMatch] = []
        i = 0
        while i < len(groups):
            best_len, best = 0, []
            states = [self._root]
            j = i
            while states and j < len(groups):
                f = forms[j]
                nxt: list[_Node] = []
                for node in states:
                    inside = node is not self._root  # short stems only continue an alias
                    for key in f.exact + f.short if inside else f.opening:
                        child = node.children.get(key)
                        if child is not None and child not in nxt:
                            nxt.append(child)
                    if rep:
                        table = node.stems(rep, _MIN_SHORT if inside else _MIN_STEM)
                        for stem in f.stems + f.short_stems if inside else f.stems:
                            for word in table.get(stem, ()):
                                child = node.children[word]
                                if child not in nxt:
                                    nxt.append(child)
                states = nxt
                j += 1
                valid = [t for node in states for t in node.terminals
                         if all(_caps_ok(f, groups[i + k].surface) for k, f in enumerate(t.caps))]
                if valid:
                    best_len, best = j - i, valid
                closing = tokens[groups[j - 1].last].case in _CLOSES_A_NAME and \
                    not _wkey(groups[j - 1].surface).endswith(_attributive_endings().get(lang, ()))
                # ... unless the word is a dictionary word as written: "сауда" (trade) is no locative of "са".
                if lang in _FINAL_WORD_INFLECTS and closing and not common(_wkey(groups[j - 1].surface)):
                    break  # "Сириядан әскерін": a word in a case other than the genitive ends a Kazakh name
            if not best:
                i += 1
                continue
            first, last = groups[i].first, groups[i + best_len - 1].last
            # "Hamas" is the alias "Hamas" as written, not the plural of the alias "Hama" (a Syrian city);
            # compared before edge punctuation is trimmed ("OPEC+" is written "OPEC+")
            written = normalize(_span_text(tokens, first, last))
            best = [t for t in best if normalize(t.hit.alias) == written] or best
            first, last = _trim_punct(tokens, first, last)
            text = _span_text(tokens, first, last)
            seen: list[KbHit] = []
            for t in best:
                key_hit = KbHit(t.hit.actor_id, t.hit.metonym_of, t.hit.alias_class, "", "", t.hit.role)
                if key_hit in seen:
                    continue
                seen.append(key_hit)
                out.append(KbMatch(first, last + 1, t.hit, text))
            i += best_len
        return out


@cache
def _spellings() -> dict[tuple[str, str], str]:
    """(lang, word) -> the word's other spelling (spelling_variants.tsv), both ways."""
    out: dict[tuple[str, str], str] = {}
    for n, cols in _tsv_rows("spelling_variants.tsv"):
        if len(cols) != 3:
            raise ValueError(f"{DATA_DIR / 'spelling_variants.tsv'}:{n}: expected lang, spelling, spelling")
        lang, one, other = (c.strip() for c in cols)
        out[(lang, one)], out[(lang, other)] = other, one
    return out


def _spelling_variants(alias: str, lang: str) -> list[str]:
    """The alias with each word that has another spelling written that way (capitals kept)."""
    words = alias.split(" ")
    swapped = False
    for i, word in enumerate(words):
        other = _spellings().get((lang, word.lower()))
        if other:
            words[i] = other.capitalize() if word[:1].isupper() else other
            swapped = True
    return [" ".join(words)] if swapped else []


def _country_variants(name: str, country_names: list[str], adjectives: Iterable[str] = (),
                      genitive: Iterable[str] = ()) -> list[str]:
    """``name`` with the country name it starts or ends with replaced by each other name of the country;
    a name that starts with the country's adjective (demonym) also starts with each of its names, and
    one that starts with the country's name in the genitive (Кореяның ...) also with each bare name."""
    words = [_wkey(w) for w in _words(name)]
    out: list[str] = []
    for adjective in adjectives:
        if len(words) > 1 and words[0] == _wkey(adjective):
            out += [f"{other} {' '.join(_words(name)[1:])}" for other in country_names]
    for known in country_names:
        known_words = [_wkey(w) for w in _words(known)]
        size = len(known_words)
        if size >= len(words):
            continue
        original = _words(name)
        possessor = words[:size - 1] == known_words[:-1] and \
            any(words[size - 1] == known_words[-1] + ending for ending in genitive)
        if possessor:
            out += [f"{other} {' '.join(original[size:])}" for other in country_names]
            continue
        if words[:size] == known_words:
            rest, place = " ".join(original[size:]), "start"
        elif words[-size:] == known_words:
            rest, place = " ".join(original[:-size]), "end"
        else:
            continue
        for other in country_names:
            if other != known:
                out.append(f"{other} {rest}" if place == "start" else f"{rest} {other}")
    return list(dict.fromkeys(out))


def _redirects(records: list[_Record]) -> dict[str, str]:
    """former id -> current id, from the records' ``former_ids``. A record written under a former id (a user
    file adding names to it) is redirected too; a former id claimed by two actors is refused."""
    out: dict[str, str] = {}
    for rec in records:
        for old in rec.former_ids:
            if old == rec.id:
                raise ValueError(f"{rec.where}: former id {old!r} is the record's own id")
            if out.setdefault(old, rec.id) != rec.id:
                raise ValueError(f"{rec.where}: former id {old!r} is already a former id of {out[old]!r}")
    return out


def _redirected(records: list[_Record], redirects: dict[str, str]) -> list[_Record]:
    """The records with every reference to a former id (its own id, part_of, metonym_of, a role's 'of')
    replaced by the current id."""
    if not redirects:
        return records

    def now(ref: str | None) -> str | None:
        return redirects.get(ref, ref) if ref is not None else None

    return [dataclasses.replace(rec, id=redirects.get(rec.id, rec.id), part_of=now(rec.part_of),
                                metonym_of=now(rec.metonym_of),
                                roles=[{**r, "of": now(r["of"])} for r in rec.roles]) for rec in records]


def _initial_forms(name: str) -> list[str]:
    """Initialled forms news use for people: В. Путин, В.Путин, В.В. Путин, Қ.Тоқаев."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[:1].isalpha() for w in words):
        return []
    initials = "".join(w[0] + "." for w in words[:-1])
    first = words[0][0] + "."
    forms = {f"{initials} {words[-1]}", f"{initials}{words[-1]}", f"{first} {words[-1]}", f"{first}{words[-1]}"}
    return sorted(forms)


def _copy_actor(actor: Actor) -> Actor:
    return dataclasses.replace(actor, names={k: list(v) for k, v in actor.names.items()},
                               documents=list(actor.documents))


def _current_terms(terms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of a person's terms, those an undated text most likely means: the open ones, else the last.
    A former head of government who now leads an alliance (a NATO Secretary-General, the EU's High
    Representative) speaks for the alliance, not for the country they once led."""
    open_terms = [r for r in terms if not r.get("end")]
    if open_terms or not terms:
        return open_terms
    return [max(terms, key=lambda r: r.get("end") or "")]


def _covers(start: str | None, end: str | None, on: str) -> bool:
    # Partial dates compare as prefixes: a role starting "2023-05" covers "2023-05-20".
    if start and on < start and not start.startswith(on) and not on.startswith(start):
        return False
    if end and on > end and not on.startswith(end):
        return False
    return True


def _is_punct(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _trim_punct(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    while first < last and _is_punct(tokens[first].text):
        first += 1
    while last > first and _is_punct(tokens[last].text):
        last -= 1
    return first, last


def _span_text(tokens: list[Token], first: int, last: int) -> str:
    # Rebuild the written form: a space only where the text had whitespace between tokens.
    parts = [tokens[first].text]
    for k in range(first + 1, last + 1):
        glued = tokens[k].end > tokens[k].start and tokens[k - 1].end == tokens[k].start
        parts.append(tokens[k].text if glued else " " + tokens[k].text)
    return "".join(parts)


def _group_tokens(tokens: list[Token]) -> list[_Group]:
    groups: list[_Group] = []
    for idx, tok in enumerate(tokens):
        prev = tokens[idx - 1] if idx else None
        glued = prev is not None and tok.end > tok.start and prev.end == tok.start
        if glued and groups:
            g = groups[-1]
            g.last = idx
            g.surface += tok.text
            g.lemma = None
        else:
            groups.append(_Group(idx, idx, tok.text, tok.lemma or None))
    for g in groups:
        # A word glued only to punctuation ("Moscow," or "(NATO)") keeps its token's lemma.
        wordy = [t for t in tokens[g.first:g.last + 1] if not _is_punct(t.text)]
        if g.first != g.last and len(wordy) == 1:
            g.lemma = wordy[0].lemma or None
        g.surface = g.surface.strip(_EDGE + "'\"")
    return groups


@dataclass
class _Forms:
    """Keys under which one written word may match an alias word.

    Short stems (under _MIN_STEM letters) only continue an alias already started: "Ким Чен
    Ынмен" reaches "ын", while a lone "Ынмен" or "Симен" does not match a one-word alias.
    """

    exact: list[str]
    short: list[str]
    stems: list[str]  # Russian: what is left without an inflection ending
    short_stems: list[str]
    opening: list[str]  # the exact keys that may start an alias


def _never_common(word: str) -> bool:
    return False


def _group_forms(g: _Group, endings: _Endings, common: Callable[[str], bool] = _never_common) -> _Forms:
    surface = _wkey(g.surface)
    exact = [surface] if surface else []
    if g.lemma and g.lemma != g.surface:
        lemma = _wkey(g.lemma)
        if lemma and lemma != surface:
            exact.append(lemma)
    short: list[str] = []
    for size in endings.sizes:
        if size >= len(surface):
            break
        if surface[-size:] not in endings.append:
            continue
        stem = surface[:-size]
        bare = stem.rstrip("-'")
        # After a hyphen or apostrophe (АҚШ-тың, ЕО-ның) short stems are safe.
        if len(bare) >= _MIN_STEM or (bare != stem and len(bare) >= 2):
            exact.append(bare)
        elif len(bare) >= _MIN_SHORT:
            short.append(bare)
    stems: list[str] = []
    short_stems: list[str] = []
    if endings.replace:
        for base in exact[:2]:
            for stem in _replace_stems(base, endings.replace, _MIN_SHORT):
                (stems if len(stem) >= _MIN_STEM else short_stems).append(stem)
    # A dictionary word as written ("сауда", trade) starts no alias by a stem ("сауд" + а); inside a
    # name already begun its stem still continues it (Ақ үйде).
    opening = exact[:1] if common(surface) else exact
    return _Forms(exact, short, stems, short_stems, opening)


@cache
def _base_records() -> tuple[_Record, ...]:
    records: list[_Record] = list(_country_records())
    records += _place_records("capitals.tsv", metonym=True)
    records += _place_records("places.tsv", metonym=False)
    records += _region_records()
    for name in ("actors.jsonl", "people.jsonl"):
        records += _read_jsonl(DATA_DIR / name)
    return tuple(records)


def _data_files() -> list[Path]:
    """Every shipped KB file, in a fixed order (the cache key covers them all)."""
    return sorted(p for p in DATA_DIR.rglob("*") if p.is_file())


@cache
def _default_kb() -> KnowledgeBase:
    """The shipped KB, from the per-user index cache when it is current (see kb_cache)."""
    return cached("kb", content_key(_data_files()),
                  lambda: KnowledgeBase(_base_records(), _role_hits(), _read_version()))._rooted(_roots([]))


def _roots(user_files: list[Path]) -> dict[str, Path]:
    """The roots record locations are kept relative to: the shipped data folder and each user file, by
    position (the cache key covers the user files' names and bytes in order, not their folders)."""
    return {"kb": DATA_DIR, **{f"user{n}": path for n, path in enumerate(user_files)}}
