"""Hand-annotated coreference passages (tests/data/coref/<lang>.jsonl), read and checked.

One JSON object a line: {"id", "lang", "text", "date", "items": [{"start", "end", "text", "kind",
"antecedent": {"start", "end", "text"} or null, "kb_hint"}]}; ``kind`` is pronoun, first_person,
title, description, dropped_subject or short_name, and a dropped subject's span is its finite verb.
A malformed line stops the reader with one line naming the file, the line and the problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

KINDS = ("pronoun", "first_person", "title", "description", "dropped_subject", "short_name")


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    text: str
    kind: str
    antecedent: tuple[int, int, str] | None
    kb_hint: str


@dataclass(frozen=True)
class Passage:
    id: str
    lang: str
    text: str
    date: str | None
    items: tuple[Item, ...]


class PassageError(ValueError):
    pass


def _span(obj: object, text: str, where: str, what: str) -> tuple[int, int, str]:
    if not isinstance(obj, dict) or not all(k in obj for k in ("start", "end", "text")):
        raise PassageError(f"{where}: {what} needs start, end and text")
    start, end, words = obj["start"], obj["end"], obj["text"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise PassageError(f"{where}: {what} has offsets {start!r}..{end!r} outside the text")
    if text[start:end] != words:
        raise PassageError(f"{where}: {what} {words!r} does not match the text at {start}..{end} "
                           f"({text[start:end]!r})")
    return start, end, words


def read_passages(path: Path) -> list[Passage]:
    passages = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise PassageError(f"{where}: not JSON ({e.msg})") from None
        missing = [k for k in ("id", "lang", "text", "items") if k not in obj]
        if missing:
            raise PassageError(f"{where}: missing {', '.join(missing)}")
        text = obj["text"]
        items = []
        for k, item in enumerate(obj["items"], 1):
            what = f"item {k}"
            if not isinstance(item, dict) or item.get("kind") not in KINDS:
                raise PassageError(f"{where}: {what} kind must be one of {', '.join(KINDS)}")
            start, end, words = _span(item, text, where, what)
            ante = item.get("antecedent")
            antecedent = _span(ante, text, where, f"{what} antecedent") if ante is not None else None
            items.append(Item(start, end, words, item["kind"], antecedent, str(item.get("kb_hint") or "")))
        passages.append(Passage(str(obj["id"]), obj["lang"], text, obj.get("date"), tuple(items)))
    return passages
