"""Validity of the hand-annotated Kazakh and Russian coreference set (tests/data/coref).

The set measures coreference (issue 9); these tests only check that the data itself is well formed
(schema, offsets, kinds, antecedents before their anaphors, the size and mix the set promises), so a
score measured on it means something. They never run graphbuild.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

COREF = Path(__file__).parent / "data" / "coref"
LANGS = ("kk", "ru")
KINDS = {"pronoun", "first_person", "title", "description", "dropped_subject", "short_name"}
RECORD_KEYS = {"id", "lang", "date", "text", "items"}
ITEM_KEYS = {"start", "end", "text", "kind", "antecedent", "kb_hint"}
SPAN_KEYS = {"start", "end", "text"}
FIRST_DATE, LAST_DATE = date(2022, 1, 1), date(2026, 12, 31)
# What the set promises per language (tests/data/coref/README.md).
MIN_PASSAGES, MIN_ITEMS, MIN_PER_KIND = 45, 150, 10
MIN_DROPPED = {"kk": 25, "ru": 10}
# A sentence ends at . ! ? followed by a space and a capital, an opening quote or a digit.
SENTENCE_END = re.compile(r"[.!?](?=\s+[«\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")


def _span_problems(text: str, span: Any, what: str) -> list[str]:
    """Problems of one {start, end, text} span of `text` (an item or its antecedent)."""
    if not isinstance(span, dict) or not SPAN_KEYS <= set(span):
        return [f"{what}: not an object with start, end and text"]
    start, end, quoted = span["start"], span["end"], span["text"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{what}: offsets {start}..{end} outside the text (length {len(text)})"]
    problems = []
    if text[start:end] != quoted:
        problems.append(f"{what}: text[{start}:{end}] is {text[start:end]!r}, not {quoted!r}")
    # Spans cover whole words: never cut inside a word (Kazakh case endings belong to the span).
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        problems.append(f"{what}: {quoted!r} at {start}..{end} cuts a word")
    return problems


def _inside_quotes(text: str, position: int) -> bool:
    """Whether `position` lies inside a «...» quotation (nested quotes count once)."""
    before = text[:position]
    return before.count("«") > before.count("»")


def record_problems(record: Any, lang: str) -> list[str]:
    """Every problem of one passage record, each naming the item it is about."""
    if not isinstance(record, dict) or set(record) != RECORD_KEYS:
        return [
            f"keys are {sorted(record) if isinstance(record, dict) else type(record).__name__}, "
            f"expected {sorted(RECORD_KEYS)}"
        ]
    problems = []
    text, items = record["text"], record["items"]
    if record["lang"] != lang or not re.fullmatch(rf"{lang}-\d{{3}}", str(record["id"])):
        problems.append(f"id {record['id']!r} / lang {record['lang']!r} do not fit the {lang} file")
    try:
        published = date.fromisoformat(record["date"])
        if not FIRST_DATE <= published <= LAST_DATE:
            problems.append(f"date {record['date']} outside {FIRST_DATE}..{LAST_DATE}")
    except (TypeError, ValueError):
        problems.append(f"date {record['date']!r} is not an ISO date")
    if not isinstance(text, str) or not isinstance(items, list) or not items:
        return [*problems, "text must be a string and items a non-empty list"]
    sentences = len(SENTENCE_END.findall(text)) + 1
    if not 2 <= sentences <= 5:
        problems.append(f"{sentences} sentences, expected 2 to 5")
    taken: list[tuple[int, int]] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or set(item) != ITEM_KEYS:
            problems.append(f"item {n}: keys are not {sorted(ITEM_KEYS)}")
            continue
        what = f"item {n} {item['text']!r}"
        found = _span_problems(text, item, what)
        problems += found
        if item["kind"] not in KINDS:
            problems.append(f"{what}: kind {item['kind']!r} is not one of {sorted(KINDS)}")
        if item["kind"] == "first_person" and not found and not _inside_quotes(text, item["start"]):
            problems.append(f"{what}: first person outside a quotation")
        if not isinstance(item["kb_hint"], str) or not item["kb_hint"].strip():
            problems.append(f"{what}: empty kb_hint")
        antecedent = item["antecedent"]
        if antecedent is not None:
            problems += _span_problems(text, antecedent, f"{what} antecedent")
            if (
                isinstance(antecedent, dict)
                and isinstance(antecedent.get("end"), int)
                and isinstance(item["start"], int)
                and antecedent["end"] > item["start"]
            ):
                problems.append(f"{what}: antecedent {antecedent.get('text')!r} does not come before it")
        if not found:
            if any(item["start"] < end and start < item["end"] for start, end in taken):
                problems.append(f"{what}: overlaps another item")
            taken.append((item["start"], item["end"]))
    return problems


def file_problems(path: Path, lang: str) -> list[str]:
    """Every problem of one language file, one line each, naming the file and line."""
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error.msg})")
            continue
        problems += [f"{path.name}:{number}: {p}" for p in record_problems(record, lang)]
    return problems


def _records(lang: str) -> list[dict[str, Any]]:
    lines = (COREF / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


with_lang = pytest.mark.parametrize("lang", LANGS)


@with_lang
def test_every_passage_is_well_formed(lang: str) -> None:
    assert file_problems(COREF / f"{lang}.jsonl", lang) == []


@with_lang
def test_ids_are_unique_and_texts_distinct(lang: str) -> None:
    records = _records(lang)
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)


@with_lang
def test_the_set_has_the_promised_size_and_mix(lang: str) -> None:
    records = _records(lang)
    kinds = Counter(item["kind"] for r in records for item in r["items"])
    assert len(records) >= MIN_PASSAGES
    assert sum(kinds.values()) >= MIN_ITEMS
    assert set(kinds) == KINDS and min(kinds.values()) >= MIN_PER_KIND, kinds
    assert kinds["dropped_subject"] >= MIN_DROPPED[lang], kinds


def test_readme_counts_match_the_data() -> None:
    readme = (COREF / "README.md").read_text(encoding="utf-8")
    for lang in LANGS:
        records = _records(lang)
        kinds = Counter(item["kind"] for r in records for item in r["items"])
        row = (
            f"| {lang} | {len(records)} | {sum(kinds.values())} | "
            + " | ".join(str(kinds[kind]) for kind in sorted(KINDS))
            + " |"
        )
        assert row in readme, row
    unnamed = [sum(item["antecedent"] is None for r in _records(lang) for item in r["items"]) for lang in LANGS]
    sentence = f"Antecedents are `null` for {unnamed[0]} Kazakh and {unnamed[1]} Russian items."
    assert sentence in readme, sentence


def test_a_shifted_offset_is_reported_with_file_and_line(tmp_path: Path) -> None:
    records = _records("kk")
    broken = copy.deepcopy(records)
    broken[2]["items"][0]["start"] += 1
    path = tmp_path / "kk.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in broken) + "\n", encoding="utf-8")
    problems = file_problems(path, "kk")
    assert problems and all(p.startswith("kk.jsonl:3: item 1 ") for p in problems), problems


def test_an_antecedent_after_its_anaphor_and_an_unknown_kind_are_reported() -> None:
    record = copy.deepcopy(_records("ru")[0])
    item = next(i for i in record["items"] if i["antecedent"] is not None)
    item["antecedent"] = {"start": item["start"], "end": item["end"], "text": item["text"]}
    item["kind"] = "zero"
    problems = record_problems(record, "ru")
    assert any("does not come before it" in p for p in problems), problems
    assert any("kind 'zero'" in p for p in problems), problems


def test_first_person_outside_a_quotation_is_reported() -> None:
    record = copy.deepcopy(_records("ru")[0])
    item = record["items"][0]
    assert record["text"][: item["start"]].count("«") == 0, "the first item must precede any quotation"
    item["kind"] = "first_person"
    assert any("first person outside a quotation" in p for p in record_problems(record, "ru"))
