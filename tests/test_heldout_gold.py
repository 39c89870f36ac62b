"""Validity of the gold-annotated article sets (tests/data/heldout, tests/data/heldout2, tests/data/dev):
gold schema, articles, coverage.

The held-out articles are never used to write or tune extraction rules; these tests only check that
each set itself is well formed, so a score measured on it means something. heldout2 is a second,
larger set written blind (see its README.md). dev is a development set that developers may read and
debug on (see its README.md); all sets get the same checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graphbuild.evaluation import load_gold, normalise, validate_gold
from graphbuild.model import EVENT_TYPES

DATA = Path(__file__).parent / "data"
# Each gold set and the number of articles it holds per language (kk, ru, en), or a count per language.
SETS: dict[str, int | dict[str, int]] = {
    "heldout": 5, "heldout2": 10, "heldout3": 10, "dev": 10, "dev2": {"en": 16, "kk": 10, "ru": 4}}
MODES = {"asserted", "reported", "denied", "planned", "negated"}
ARTICLE_SUFFIXES = {".txt", ".html", ".jsonl"}
JSONL_FIELDS = ("text", "url", "title", "published", "outlet")

with_set = pytest.mark.parametrize("name", sorted(SETS))


def _root(name: str) -> Path:
    return DATA / name


def _golds(name: str) -> list[dict[str, Any]]:
    return load_gold(_root(name) / "gold")


def _articles(name: str) -> list[Path]:
    return sorted(p for p in _root(name).iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def _article_text(path: Path) -> str:
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return "\n".join(f"{r.get('title', '')}\n{r.get('text', '')}" for r in rows)
    return path.read_text(encoding="utf-8")


@with_set
def test_every_gold_file_is_valid(name: str) -> None:
    problems = [p for g in _golds(name) for p in validate_gold(g)]
    assert problems == []


@with_set
def test_gold_and_articles_correspond_one_to_one(name: str) -> None:
    golds = _golds(name)
    gold_files = sorted(g["file"] for g in golds)
    assert gold_files == sorted(p.name for p in _articles(name))
    for g in golds:
        # The gold file is named after its article's stem, as in examples/gold.
        assert Path(g["_path"]).stem == Path(g["file"]).stem
        assert (_root(name) / g["file"]).is_file()


@with_set
def test_languages_and_formats_are_balanced(name: str) -> None:
    golds = _golds(name)
    counts = SETS[name]
    per_lang = counts if isinstance(counts, dict) else dict.fromkeys(("en", "kk", "ru"), counts)
    langs = sorted(g["lang"] for g in golds)
    assert langs == [lang for lang in sorted(per_lang) for _ in range(per_lang[lang])]
    for lang in ("kk", "ru", "en"):
        suffixes = {Path(g["file"]).suffix for g in golds if g["lang"] == lang}
        assert suffixes == ARTICLE_SUFFIXES, f"{lang}: formats {sorted(suffixes)}"
    for g in golds:
        assert g["file"].startswith(g["lang"] + "_")


@pytest.mark.parametrize(
    "path", [p for name in sorted(SETS) for p in _articles(name) if p.suffix == ".jsonl"],
    ids=lambda p: f"{p.parent.name}/{p.name}")
def test_jsonl_articles_carry_metadata(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows
    for row in rows:
        assert all(row.get(k) for k in JSONL_FIELDS), f"{path.name}: {sorted(row)}"


@with_set
def test_all_event_types_and_modes_are_covered(name: str) -> None:
    events = [ev for g in _golds(name) for ev in g["events"]]
    assert {ev["type"] for ev in events} == set(EVENT_TYPES)
    assert {ev["mode"] for ev in events} == MODES


@with_set
def test_attribution_and_denials_are_consistent(name: str) -> None:
    for g in _golds(name):
        for ev in g["events"]:
            where = f"{g['file']}: {ev['type']} {ev['source']}->{ev['target']}"
            # What the outlet tells as fact has no attribution (as in examples/gold).
            if ev["mode"] == "asserted":
                assert ev["reported_by"] == [], where
            # A denied event comes with the DENY event that expresses the denial (SPEC: both).
            if ev["mode"] == "denied":
                assert any(d["type"] == "DENY" for d in g["events"]), where


@with_set
def test_every_entity_is_named_in_its_article(name: str) -> None:
    unnamed = []
    for g in _golds(name):
        tokens = normalise(_article_text(_root(name) / g["file"])).split()
        for e in g["entities"]:
            if not any(_named(n, tokens) for n in [e["label"], *e["aliases"]]):
                unnamed.append(f"{g['file']}: {e['key']}")
    assert unnamed == []


def _named(name: str, tokens: list[str]) -> bool:
    """Every word of ``name`` starts some token of the text, ending trimmed for ru/kk inflection."""
    words = normalise(name).split()
    stems = [w[: max(3, len(w) - 2)] for w in words]
    return bool(stems) and all(any(t.startswith(s) for t in tokens) for s in stems)


@with_set
def test_every_entity_takes_part_or_is_a_place(name: str) -> None:
    for g in _golds(name):
        used = {k for ev in g["events"] for role in ("source", "target", "reported_by") for k in ev[role]}
        idle = [e["key"] for e in g["entities"] if e["key"] not in used and e["kind"] != "Place"]
        # Actors the text names without an event of their own stay listed (entity recall), but
        # they must be few: most listed actors should be event participants.
        assert len(idle) <= max(3, len(g["entities"]) // 3), f"{g['file']}: idle actors {idle}"
