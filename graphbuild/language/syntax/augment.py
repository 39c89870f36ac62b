"""News-style name augmentation for the English parser's training data (issue 7).

GUM and EWT hold few of the names news text is full of (ECOWAS, Lithuania, Kim Jong Un), and the
parser trained on them breaks simple sentences around such names.  ``augment_names`` returns extra
copies of the training sentences in which name phrases are replaced by news-style names, built with
the structure GUM gives them:

* countries of one to three words: earlier words ``compound`` of the last ("North Korea");
* organisations: one ALL-CAPS acronym (a list of real ones and generated ones);
* cities: capitals from the KB, built like countries;
* persons of two or three parts (Western and East Asian order): first part the head, the others
  ``flat``; optionally a title before them (``nmod:desc`` of the name, "Prime Minister" as
  ``compound`` + title) and a nationality adjective (``amod`` of the title).

A name phrase is a run of capitalised PROPN words with one head outside the run and only flat,
compound or nmod:desc inside.  Its kind comes from GUM's Entity annotation where there is one
(person, place, organization); otherwise from its shape.  The whole is seeded: the same sentences
and seed give the same copies.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from graphbuild.language.syntax.conllu import UdSentence, UdWord

AUGMENT_SEED = 13
KB_DIR = Path(__file__).resolve().parents[2] / "data" / "kb"
# A name of capitalised words (letters, apostrophe, hyphen, dot).
_NAME = re.compile(r"^[A-Z][A-Za-z'.\-]*( [A-Z][A-Za-z'.\-]*)*$")
_INNER_DEPRELS = {"flat", "flat:name", "compound", "nmod:desc"}
_BLOCKING_CHILDREN = {"det", "amod", "compound", "nummod", "flat", "nmod:desc", "nmod:poss", "appos"}
_ENTITY = re.compile(r"\(\d+-([a-z]+)")

# Organisations known by acronym in the news (invented ones are added by ``_acronym``).
ACRONYMS = ("ECOWAS", "NATO", "OPEC", "ASEAN", "IAEA", "CSTO", "SCO", "EAEU", "OSCE", "UNHCR", "UNICEF",
            "WHO", "IMF", "WTO", "BRICS", "CIS", "SADC", "IGAD", "AU", "EU", "UN", "UNESCO", "FAO", "OIC",
            "GCC", "PACE", "ICC", "ICJ", "FSB", "CIA", "FBI", "SBU", "KGB", "IRGC", "PKK", "YPG", "SDF",
            "HTS", "ISIS", "FARC", "ELN", "ANC", "CDU", "SPD", "AfD", "LDPR", "KPRF", "OAS", "APEC", "ECB")
TITLES = (("President",), ("Prime", "Minister"), ("Foreign", "Minister"), ("Defence", "Minister"),
          ("Defense", "Secretary"), ("Chancellor",), ("King",), ("General",), ("leader",), ("Senator",),
          ("Ambassador",), ("Premier",), ("Speaker",), ("Vice", "President"), ("Emir",), ("Minister",))
# Parts for generated East Asian names (family name first, then one or two given-name parts).
_EA_FAMILY = ("Kim", "Park", "Lee", "Choe", "Ri", "Moon", "Yoon", "Xi", "Li", "Wang", "Zhang", "Liu",
              "Chen", "Nguyen", "Tran", "Abe", "Kishida", "Han", "Wen", "Hu")
_EA_GIVEN = ("Jong", "Un", "Il", "Jae", "In", "Suk", "Yeol", "Jinping", "Qiang", "Keqiang", "Yi", "Wei",
             "Phu", "Trong", "Van", "Ming", "Hyun", "Sung", "Yo", "Fumio")


@dataclass(frozen=True)
class Part:
    """One word of a replacement phrase; ``head`` indexes the phrase, -1 is the phrase head."""

    form: str
    upos: str
    head: int
    deprel: str


def _tsv_rows(name: str) -> list[list[str]]:
    path = KB_DIR / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def _ok(name: str, max_words: int = 3) -> bool:
    return bool(_NAME.match(name)) and len(name.split()) <= max_words


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Countries, demonyms, cities and persons from the KB (and babel's English territory names)."""
    countries: set[str] = set()
    demonyms: set[str] = set()
    try:
        from babel import Locale

        countries |= {n for code, n in Locale("en").territories.items()
                      if len(code) == 2 and code.isalpha() and _ok(n)}
    except Exception:  # babel missing or without data: the KB lists still serve
        pass
    for row in _tsv_rows("countries_extra.tsv"):
        if len(row) >= 4 and row[1] == "en":
            values = [v for v in row[3].split("|") if _ok(v) and "." not in v and not v.isupper()]
            if row[2] == "name":
                countries |= set(values)
            elif row[2] == "demonym":
                demonyms |= {v for v in values if not v.endswith("s") or v.endswith("ss")}
    cities = {c for row in _tsv_rows("capitals.tsv") if len(row) > 1 for c in row[1].split("|") if _ok(c)}
    persons: set[str] = set()
    people = KB_DIR / "people.jsonl"
    if people.is_file():
        for line in people.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            for n in str(rec.get("names", {}).get("en", "")).split("|")[:1]:
                if _ok(n) and len(n.split()) >= 2 and "." not in n:
                    persons.add(n)
    return {"country": tuple(sorted(countries)), "demonym": tuple(sorted(demonyms)),
            "city": tuple(sorted(cities)), "person": tuple(sorted(persons))}


def _acronym(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(ACRONYMS)
    return "".join(rng.choice("ABCDEFGHIKLMNOPRSTUW") for _ in range(rng.randint(3, 6)))


def _place(name: str) -> list[Part]:
    """Earlier words compound of the last (GUM: North compound Korea)."""
    words = name.split()
    last = len(words) - 1
    return [Part(w, "PROPN", -1 if i == last else last, "compound") for i, w in enumerate(words)]


def _person_name(rng: random.Random, lex: dict[str, tuple[str, ...]]) -> list[str]:
    if lex["person"] and rng.random() < 0.6:
        return rng.choice(lex["person"]).split()
    given = rng.sample(_EA_GIVEN, rng.choice((1, 2)))
    return [rng.choice(_EA_FAMILY), *given]


def _person(rng: random.Random, lex: dict[str, tuple[str, ...]]) -> list[Part]:
    """[[Nationality] Title] First [Middle] Last: name head first, parts flat; title nmod:desc."""
    name = _person_name(rng, lex)
    parts: list[Part] = []
    if rng.random() < 0.6:
        title = rng.choice(TITLES)
        nationality = rng.choice(lex["demonym"]).split() if lex["demonym"] and rng.random() < 0.5 else []
        n_nat, n_title = len(nationality), len(title)
        title_head = n_nat + n_title - 1
        name_head = n_nat + n_title
        for i, w in enumerate(nationality):
            parts.append(Part(w, "ADJ" if i == n_nat - 1 else "PROPN",
                              title_head if i == n_nat - 1 else n_nat - 1,
                              "amod" if i == n_nat - 1 else "compound"))
        for i, w in enumerate(title):
            if i == n_title - 1:
                parts.append(Part(w, "NOUN" if w.islower() else "PROPN", name_head, "nmod:desc"))
            elif w in ("Foreign", "Vice"):
                parts.append(Part(w, "ADJ", title_head, "amod"))
            else:
                parts.append(Part(w, "PROPN", title_head, "compound"))
    base = len(parts)
    for i, w in enumerate(name):
        parts.append(Part(w, "PROPN", -1 if i == 0 else base, "flat"))
    return parts


def phrase(kind: str, rng: random.Random) -> list[Part]:
    """A replacement phrase of one kind: person, country, city or org."""
    lex = lexicon()
    if kind == "person":
        return _person(rng, lex)
    if kind == "org" or not lex.get(kind):
        return [Part(_acronym(rng), "PROPN", -1, "")]
    return _place(rng.choice(lex[kind]))


def name_spans(sent: UdSentence) -> list[tuple[int, int, str]]:
    """(start, end exclusive, kind) of the name phrases a copy may replace."""
    words = sent.words
    in_mwt = {k for first, last, _, _ in sent.multiword for k in range(first, last + 1)}
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if words[i].upos != "PROPN" or not words[i].form[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(words) and words[j].upos == "PROPN" and words[j].form[:1].isupper():
            j += 1
        if j - i <= 4 and j - i < len(words) and not in_mwt & set(range(i, j)):
            outside = [k for k in range(i, j) if not i <= words[k].head < j]
            inner_ok = all(words[k].deprel in _INNER_DEPRELS for k in range(i, j) if k not in outside)
            # Not a part of a longer name or a modified one ("the United States", "75th Street").
            modified = any(words[k].head in range(i, j) and words[k].deprel in _BLOCKING_CHILDREN
                           for k in range(len(words)) if not i <= k < j)
            head = words[outside[0]] if len(outside) == 1 else None
            if head is not None and inner_ok and not modified and head.deprel not in ("root", "flat", "compound"):
                kind = _kind(sent, i, j, outside[0])
                if kind != "skip":
                    spans.append((i, j, kind))
        i = j
    return spans


def _kind(sent: UdSentence, start: int, end: int, head: int) -> str:
    misc = sent.words[start].cols[9] if len(sent.words[start].cols) > 9 else ""
    found = _ENTITY.findall(misc)
    if found:
        return {"person": "person", "place": "place", "organization": "org"}.get(found[-1], "skip")
    if end - start > 1 and head == start:
        return "person"
    return "place" if end - start > 1 else "any"


def _word(part: Part, space: bool) -> UdWord:
    feats = {"PROPN": {"Number": "Sing"}, "NOUN": {"Number": "Sing"}, "ADJ": {"Degree": "Pos"}}[part.upos]
    xpos = {"PROPN": "NNP", "NOUN": "NN", "ADJ": "JJ"}[part.upos]
    return UdWord(cols=(), form=part.form, lemma=part.form, upos=part.upos, xpos=xpos, feats=dict(feats),
                  head=0, deprel=part.deprel, space_after=space)


def replace_span(sent: UdSentence, start: int, end: int, parts: Sequence[Part]) -> UdSentence:
    """``sent`` with words [start, end) replaced by ``parts``, which take over the span's head and deprel."""
    words = sent.words
    head_word = next(k for k in range(start, end) if not start <= words[k].head < end)
    shift = len(parts) - (end - start)
    new_head = start + next(i for i, p in enumerate(parts) if p.head == -1)

    def remap(h: int) -> int:
        if h < 0:
            return h
        if start <= h < end:
            return new_head
        return h + shift if h >= end else h

    out: list[UdWord] = [replace(w, head=remap(w.head)) for w in words[:start]]
    for i, p in enumerate(parts):
        w = _word(p, True if i < len(parts) - 1 else words[end - 1].space_after)
        if start == 0 and i == 0:
            w.form = w.form[:1].upper() + w.form[1:]
        if p.head == -1:
            w.head, w.deprel = remap(words[head_word].head), words[head_word].deprel
        else:
            w.head = start + p.head
        out.append(w)
    out += [replace(w, head=remap(w.head)) for w in words[end:]]
    mwt = [(f + shift if f >= end else f, la + shift if la >= end else la, form, sp)
           for f, la, form, sp in sent.multiword]
    new = UdSentence(sent_id=sent.sent_id + "-names", text="", words=out, multiword=mwt, doc_id=sent.doc_id)
    new.text = new.surface()[0]
    return new


def augment_names(sentences: Sequence[UdSentence], *, seed: int = 13, copies: int = 1,
                  p_replace: float = 0.8) -> list[UdSentence]:
    """Extra copies of the sentences that hold name phrases, with news-style names put in their place."""
    rng = random.Random(seed)
    extra: list[UdSentence] = []
    for _ in range(copies):
        for sent in sentences:
            spans = name_spans(sent)
            if not spans:
                continue
            new = sent
            changed = False
            for start, end, kind in reversed(spans):  # right to left: earlier indices stay valid
                if rng.random() >= p_replace:
                    continue
                if kind == "place":
                    kind = rng.choice(("country", "country", "city"))
                elif kind == "any":
                    kind = rng.choice(("country", "org", "city", "person"))
                new = replace_span(new, start, end, phrase(kind, rng))
                changed = True
            if changed:
                extra.append(new)
    return extra
