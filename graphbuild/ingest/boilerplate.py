"""Drop site boilerplate from article text, line by line.

Patterns live in ``graphbuild/data/boilerplate/*.json`` (see the README there); this module holds
only language-neutral heuristics: repeated lines are kept once, credit-only photo captions are
dropped, and runs of short unpunctuated lines (menus, tag clouds, footers) at the top or the bottom
of the text are dropped, except a first line that looks like a title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "boilerplate"

# A menu item is at most this many words; a title has at least TITLE_MIN_WORDS words.
MENU_MAX_WORDS = 3
TITLE_MIN_WORDS = 2
TITLE_MIN_CHARS = 12
EDGE_RUN_MIN = 2
HEADLINE_RATIO = 1.5
_SENTENCE_END = re.compile(r"[.!?…:;»”\"')]\s*$")
_SPACES = re.compile(r"\s+")
# Breadcrumbs and inline menus: "Outlet | World | Kazakhstan", "Home › News › Politics".
_CRUMB_SEPARATOR = re.compile(r"\s+[|›»>/•·]\s+")
CRUMB_MIN_PARTS = 3


@dataclass(frozen=True)
class Patterns:
    drop_line: re.Pattern[str]
    drop_prefix: re.Pattern[str] | None
    drop_if_contains: re.Pattern[str] | None
    caption: re.Pattern[str] | None
    max_banner_chars: int
    max_credit_words: int


def _alternation(items: list[str], template: str) -> re.Pattern[str] | None:
    if not items:
        return None
    return re.compile(template.format("|".join(f"(?:{p})" for p in items)), re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    keys = ("drop_line", "drop_prefix", "drop_if_contains", "caption_prefix")
    merged: dict[str, list[str]] = {k: [] for k in keys}
    common = json.loads((DATA / "common.json").read_text(encoding="utf-8"))
    for path in sorted(DATA.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for key in keys:
            merged[key].extend(raw.get(key, []))
    drop_line = _alternation(merged["drop_line"], r"^(?:{})[\s.!:]*$")
    assert drop_line is not None
    return Patterns(
        drop_line=drop_line,
        drop_prefix=_alternation(merged["drop_prefix"], r"^(?:{})"),
        drop_if_contains=_alternation(merged["drop_if_contains"], r"(?:{})"),
        caption=_alternation(merged["caption_prefix"], r"^(?:{})\s*[:|/—–-]\s*"),
        max_banner_chars=int(common["max_banner_chars"]),
        max_credit_words=int(common["max_credit_words"]),
    )


def normalise_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def is_boilerplate(line: str) -> bool:
    """True when a single (normalised) line matches a boilerplate pattern of any language."""
    p = patterns()
    if p.drop_line.match(line):
        return True
    if p.drop_prefix is not None and p.drop_prefix.match(line):
        return True
    if p.drop_if_contains is not None and len(line) <= p.max_banner_chars and p.drop_if_contains.search(line):
        return True
    if p.caption is not None:
        m = p.caption.match(line)
        if m and len(line[m.end():].split()) <= p.max_credit_words and not _SENTENCE_END.search(line):
            return True  # a credit ("Photo: Reuters"), not a caption that says something
    return False


def _breadcrumb(line: str) -> bool:
    parts = _CRUMB_SEPARATOR.split(line)
    return len(parts) >= CRUMB_MIN_PARTS and all(_menu_like(part) for part in parts)


def _menu_like(line: str) -> bool:
    return len(line.split()) <= MENU_MAX_WORDS and not _SENTENCE_END.search(line)


def _title_like(line: str) -> bool:
    words = line.split()
    return (
        len(words) >= TITLE_MIN_WORDS
        and len(line) >= TITLE_MIN_CHARS
        and any(ch.isalpha() for ch in line)
        and not line.endswith((",", ";"))
    )


def _headline_after_menu(lines: list[str], run: list[int]) -> bool:
    """The run's last line stands out as a headline: title-like and much longer than the menu items."""
    last = lines[run[-1]]
    others = [len(lines[i]) for i in run[:-1]]
    return _title_like(last) and bool(others) and len(last) >= HEADLINE_RATIO * max(others)


def _edge_run(lines: list[str], indices: list[int]) -> list[int]:
    """The leading run of menu-like lines among ``indices`` (in the given order)."""
    run: list[int] = []
    for i in indices:
        if not _menu_like(lines[i]):
            break
        run.append(i)
    return run if len(run) >= EDGE_RUN_MIN else []


def clean_text(text: str, *, title: str | None = None, outlet: str | None = None) -> str:
    """Text without boilerplate lines; paragraphs are lines, blank lines between blocks kept once.

    A known ``title`` (from metadata) marks where the article starts: menu-like lines above it go.
    A line that only names the ``outlet`` goes too.
    """
    lines = [normalise_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    outlet_key = normalise_line(outlet).casefold() if outlet else None
    keep = [
        any(ch.isalpha() for ch in line)  # a line of symbols or numbers alone says nothing
        and not is_boilerplate(line) and not _breadcrumb(line) and line.casefold() != outlet_key
        for line in lines
    ]
    if title:
        title_key = normalise_line(title).casefold()
        start = next((i for i, line in enumerate(lines) if keep[i] and line.casefold() == title_key), None)
        if start is not None:
            for i in range(start):
                if keep[i] and _menu_like(lines[i]):
                    keep[i] = False
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        key = line.casefold()
        if key in seen:
            keep[i] = False  # a repeated caption, teaser or headline counts once
        seen.add(key)
    kept = [i for i, k in enumerate(keep) if k]
    if kept:
        first = kept[0]
        top = _edge_run(lines, kept)
        if top and top[0] == first and _title_like(lines[first]) and first == _first_nonblank(lines):
            top = top[1:]  # the plain-text title line stays
        elif top and _headline_after_menu(lines, top):
            top = top[:-1]  # "Home / World / Sport / <headline>": the headline stays
        bottom = _edge_run(lines, kept[::-1])
        for i in top + bottom:
            keep[i] = False
    out: list[str] = []
    for i, line in enumerate(lines):
        if keep[i]:
            out.append(line)
        elif not line and out and out[-1]:
            out.append("")
    return "\n".join(out).strip()


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), -1)
