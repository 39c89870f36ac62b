"""A seeded generator of realistic, distinct news articles in Kazakh, Russian and English.

    python bench/corpus.py --n 1000 --seed 1 --out DIR [--langs kk ru en] [--format txt|jsonl]
                           [--sources PATH ...] [--with-heldout]

Each article recombines runs of consecutive sentences from several of our own articles of its
language (examples/ and tests/data/dev by default; ``--with-heldout`` adds the held-out sets, read
here and never printed), then substitutes actors, years and days:

- an actor named by a knowledge-base alias in its base form (a whole word, no case ending glued
  to it) becomes another actor of the same kind (country, person, organisation, place), the same
  for the whole article; in Russian only for a name whose ending class matches (-а/-я, -ь,
  consonant, indeclinable), so nominative case and gender agreement stay right. Inflected
  mentions (Ресейге, России) are left alone rather than inflected wrongly;
- every year moves by one offset per article, and a day before a month name is redrawn.

The same seed gives the same articles; no two articles of one run have the same text, so no word
cache sees the same article twice. Other benches import ``articles()`` (name, language, text,
published date) or ``documents()`` (graphbuild Documents read through the same ingest as the CLI).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from graphbuild.model import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = (REPO / "examples", REPO / "tests" / "data" / "dev")
HELDOUT_SOURCES = (REPO / "tests" / "data" / "heldout", REPO / "tests" / "data" / "heldout2")
LANGS = ("kk", "ru", "en")
SUBSTITUTED_KINDS = ("Country", "Person", "Organization", "Place")
# Sentences shorter than this are mostly datelines, captions and list debris, longer ones tables.
MIN_SENTENCE, MAX_SENTENCE = 40, 600
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_RU_VOWELS = set("оеиыуюэё")


@dataclass(frozen=True)
class Article:
    name: str
    lang: str
    text: str
    published: str  # ISO date, so relative dates ("yesterday") resolve as in real articles

    def record(self) -> dict[str, str]:
        """A JSONL record as the ingest reads it (no "lang": the build must identify it)."""
        return {"url": f"https://example.invalid/generated/{self.name}", "published": self.published,
                "text": self.text}


@dataclass(frozen=True)
class _Slot:
    """A span of a source sentence the generator rewrites: an actor's name, a year or a day."""

    start: int
    end: int
    kind: str  # "actor", "year" or "day"
    name: str = ""  # the alias found (actor)
    article: str | None = None  # "the"/"The" written before it (English)


@dataclass(frozen=True)
class _Sentence:
    text: str
    slots: tuple[_Slot, ...]  # found once when the pool is built, so generating is a splice


@dataclass(frozen=True)
class _Pool:
    """Sentences of one language, grouped by the article they come from (runs stay coherent)."""

    articles: tuple[tuple[_Sentence, ...], ...]
    owner: dict[str, tuple[str, str]]  # alias -> (actor id, kind)
    names: dict[str, list[tuple[str, str]]]  # kind -> [(actor id, primary name)]
    short: dict[str, str]  # actor id -> one-word form (a person's surname)
    the: frozenset[str]  # actors whose English name takes the article (the United States)


def _ending_class(name: str, lang: str, kind: str) -> str:
    """What Russian grammar needs to keep when one name replaces another in the nominative: the
    ending of its head word (a person's surname, else the first word: Министерство обороны)."""
    if lang != "ru":
        return ""
    words = name.split()
    if all(w.isupper() for w in words):
        return "acronym"
    head = words[-1] if kind == "Person" else words[0]
    end = head[-1].lower()
    if end in "ая":
        return "a"
    if end == "ь":
        return "soft"
    return "indeclinable" if end in _RU_VOWELS else "consonant"


def _read_sources(sources: Iterable[Path]) -> dict[str, list[str]]:
    from graphbuild.ingest import read_inputs  # lazy: importing this module stays cheap

    texts: dict[str, list[str]] = {}
    for doc in read_inputs([str(s) for s in sources]):
        if isinstance(doc, Document):
            texts.setdefault(doc.lang, []).append(doc.text)
    return texts


def _sentences(text: str, lang: str) -> tuple[str, ...]:
    from graphbuild.language.segment import split_sentences

    out = []
    for start, end in split_sentences(text, lang):
        sentence = " ".join(text[start:end].split())
        if MIN_SENTENCE <= len(sentence) <= MAX_SENTENCE and sentence[-1] in ".!?\"»”":
            out.append(sentence)
    return tuple(out)


def _alias_tables(lang: str) -> tuple[dict[str, tuple[str, str]], dict[str, list[tuple[str, str]]],
                                      dict[str, str], frozenset[str]]:
    from graphbuild.entities.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    owners: dict[str, set[tuple[str, str]]] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    short: dict[str, str] = {}
    the: set[str] = set()
    for kind in SUBSTITUTED_KINDS:
        for actor in kb.actors(kind):
            given = actor.names.get(lang, [])
            if any(n.startswith("the ") for n in given):
                the.add(actor.id)
            forms = [n for n in given if len(n) >= 3 and n[:1].isupper()]
            if not forms:
                continue
            names.setdefault(kind, []).append((actor.id, forms[0]))
            if kind == "Person" and len(forms[0].split()) > 1:
                short[actor.id] = forms[0].split()[-1]
            for form in forms:
                owners.setdefault(form, set()).add((actor.id, kind))
    # A name two actors share (Georgia, a surname) would make the substitute arbitrary: skip it.
    return {a: next(iter(o)) for a, o in owners.items() if len(o) == 1}, names, short, frozenset(the)


def _day_pattern(lang: str) -> re.Pattern[str] | None:
    from graphbuild.events.lexicon import load_lexicon

    months = [m.rstrip("*").rstrip(".") for m in load_lexicon(lang).raw.get("months", {})]
    if not months:
        return None
    stems = "|".join(sorted({re.escape(m) for m in months if len(m) >= 3}, key=len, reverse=True))
    return re.compile(rf"(?<!\d)([1-9]|[12]\d|3[01])(?=\s+(?:{stems}))", re.IGNORECASE)


def _slots(text: str, alias: re.Pattern[str] | None, day: re.Pattern[str] | None) -> tuple[_Slot, ...]:
    slots = [_Slot(m.start(), m.end(), "actor", m["name"], m["the"]) for m in alias.finditer(text)] if alias else []
    slots += [_Slot(m.start(), m.end(), "year") for m in _YEAR.finditer(text)]
    slots += [_Slot(m.start(), m.end(), "day") for m in day.finditer(text)] if day else []
    slots.sort(key=lambda s: s.start)
    # Overlaps (a year inside a name) keep the first slot.
    kept: list[_Slot] = []
    for slot in slots:
        if not kept or slot.start >= kept[-1].end:
            kept.append(slot)
    return tuple(kept)


@cache
def _pools(sources: tuple[Path, ...]) -> dict[str, _Pool]:
    pools = {}
    for lang, texts in _read_sources(sources).items():
        owner, names, short, the = _alias_tables(lang)
        alternation = "|".join(re.escape(a) for a in sorted(owner, key=len, reverse=True))
        # A whole word only: an alias with a case ending or hyphenated suffix glued on is left alone.
        # A leading article is taken with the name, so "the United States" -> "France" loses it.
        alias = (re.compile(rf"(?<![\w-])(?:(?P<the>[Tt]he) )?(?P<name>{alternation})(?![\w-])")
                 if alternation else None)
        day = _day_pattern(lang)
        articles = tuple(tuple(_Sentence(s, _slots(s, alias, day)) for s in sentences)
                         for t in texts if (sentences := _sentences(t, lang)))
        if articles:
            pools[lang] = _Pool(articles, owner, names, short, the)
    return pools


class _Substitution:
    """One article's choices: each actor's substitute (the same throughout), the year offset."""

    def __init__(self, pool: _Pool, lang: str, sentences: list[_Sentence], rng: random.Random) -> None:
        self.pool, self.lang, self.rng = pool, lang, rng
        self.chosen: dict[str, tuple[str, str]] = {}  # original actor id -> (substitute id, primary name)
        # Neither an actor of the article nor one already drawn is drawn again: two actors stay two.
        self.taken = {pool.owner[s.name][0] for sentence in sentences for s in sentence.slots if s.kind == "actor"}
        self.shift = rng.randint(-3, 1)

    def _draw(self, actor_id: str, kind: str, found: str) -> tuple[str, str]:
        candidates = self.pool.names[kind]
        for _ in range(20):  # rejection sampling: the taken few rarely come up
            pick = self.rng.choice(candidates)
            if pick[0] not in self.taken:
                self.taken.add(pick[0])
                return pick
        return actor_id, found

    def actor(self, text: str, slot: _Slot) -> str:
        actor_id, kind = self.pool.owner[slot.name]
        if actor_id not in self.chosen:
            self.chosen[actor_id] = self._draw(actor_id, kind, slot.name)
        new_id, new_name = self.chosen[actor_id]
        if len(slot.name.split()) == 1 and new_id in self.pool.short:
            new_name = self.pool.short[new_id]  # "Putin" after "Vladimir Putin": the surname again
        if _ending_class(slot.name, self.lang, kind) != _ending_class(new_name, self.lang, kind):
            return text[slot.start:slot.end]  # the sentence's grammar fits the old name only
        if new_id in self.pool.the and not new_name.lower().startswith("the "):
            return f"{slot.article or 'the'} {new_name}"
        return new_name

    def apply(self, sentence: _Sentence) -> str:
        text, pieces, at = sentence.text, [], 0
        for slot in sentence.slots:
            pieces.append(text[at:slot.start])
            if slot.kind == "actor":
                pieces.append(self.actor(text, slot))
            elif slot.kind == "year":
                pieces.append(str(int(text[slot.start:slot.end]) + self.shift))
            else:
                pieces.append(str(self.rng.randint(1, 28)))
            at = slot.end
        pieces.append(text[at:])
        return "".join(pieces)


def _compose(pool: _Pool, lang: str, rng: random.Random) -> str:
    """Three to seven paragraphs, each a run of one to three consecutive sentences of one source
    article, with actors, years and days substituted."""
    runs: list[list[_Sentence]] = []
    used: set[tuple[int, int]] = set()
    for _ in range(rng.randint(3, 7)):
        source = rng.randrange(len(pool.articles))
        sentences = pool.articles[source]
        start = rng.randrange(len(sentences))
        run = [(source, i) for i in range(start, min(len(sentences), start + rng.randint(1, 3)))]
        if used.isdisjoint(run):  # no sentence twice in one article
            used.update(run)
            runs.append([sentences[i] for _, i in run])
    sub = _Substitution(pool, lang, [s for run in runs for s in run], rng)
    return "\n\n".join(" ".join(sub.apply(s) for s in run) for run in runs)


def articles(n: int, seed: int = 1, langs: Sequence[str] = LANGS,
             sources: Sequence[Path] = DEFAULT_SOURCES) -> Iterator[Article]:
    """``n`` distinct articles, languages in turn; the same arguments give the same articles."""
    pools = _pools(tuple(Path(s) for s in sources))
    missing = [lang for lang in langs if lang not in pools]
    if missing:
        raise ValueError(f"no source sentences in {', '.join(missing)}")
    rng = random.Random(seed)
    seen: set[bytes] = set()
    epoch = date(2022, 1, 1)
    for i in range(n):
        lang = langs[i % len(langs)]
        for _ in range(1000):
            text = _compose(pools[lang], lang, rng)
            key = hashlib.blake2b(text.encode(), digest_size=16).digest()
            if key not in seen:
                break
        else:
            raise RuntimeError(f"cannot make {n} distinct {lang} articles from these sources")
        seen.add(key)
        published = (epoch + timedelta(days=rng.randrange(4 * 365))).isoformat()
        yield Article(f"gen_{i:06d}_{lang}", lang, text, published)


def documents(n: int, seed: int = 1, langs: Sequence[str] = LANGS,
              sources: Sequence[Path] = DEFAULT_SOURCES) -> Iterator[Document]:
    """The same articles as graphbuild Documents, read through the CLI's ingest (boilerplate,
    language identification), each with its generated name as source."""
    from graphbuild.ingest import read_inputs

    for article in articles(n, seed, langs, sources):
        record = json.dumps(article.record(), ensure_ascii=False)
        for doc in read_inputs(["-"], stdin_text=record + "\n"):
            if isinstance(doc, Document):
                yield replace(doc, source=article.name, published=article.published)


def write(out: Path, items: Iterable[Article], fmt: str = "txt") -> int:
    """Write ``items`` as one .txt per article or one corpus.jsonl into ``out``; the count written."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    if fmt == "jsonl":
        with open(out / "corpus.jsonl", "w", encoding="utf-8") as fh:
            for article in items:
                fh.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
                count += 1
        return count
    for article in items:
        (out / f"{article.name}.txt").write_text(article.text + "\n", encoding="utf-8")
        count += 1
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--langs", nargs="+", default=list(LANGS))
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--sources", nargs="+", type=Path, default=list(DEFAULT_SOURCES))
    parser.add_argument("--with-heldout", action="store_true", help="also recombine the held-out sets")
    args = parser.parse_args(argv)
    sources = [*args.sources, *(HELDOUT_SOURCES if args.with_heldout else ())]
    count = write(args.out, articles(args.n, args.seed, args.langs, sources), args.format)
    print(f"wrote {count} articles ({', '.join(args.langs)}, seed {args.seed}) to {args.out}")


if __name__ == "__main__":
    main()
