"""Drop site boilerplate from article text, line by line, saying why each line went.

Patterns live in ``graphbuild/data/boilerplate/*.json`` (see the README there): interface strings,
widgets, banners, bylines, timestamps, related-article headings, photo credits and headline
prefixes, in every language we read.  Share-widget lines are also judged by trafilatura's own line
filter.  This module holds only language-neutral heuristics: repeated lines are kept once,
credit-only photo captions are dropped (a caption that says something keeps its text without the
credit), the headlines listed under a related-articles heading go with it, a short line in
capitals alone is a byline or section label, and runs of short unpunctuated lines (menus, tag
clouds, footers) at the top or the bottom of the text are dropped, except a first line that looks
like a title.  :func:`clean_text_report` returns the dropped lines with their reasons.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graphbuild.load_cache import cached_from_files, package_dir

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
# A related-articles list holds headlines, not paragraphs.
RELATED_MAX_WORDS = 20


# A byline or section label in capitals ("AIGERIM SADYKOVA", "WORLD NEWS"): 2-4 words, letters only.
_CAPITALS_LINE = re.compile(r"^(?:[^\W\d_]+[.'’-]?\s+){1,3}[^\W\d_]+\.?$")
CAPITALS_MAX_CHARS = 40


@dataclass(frozen=True)
class Patterns:
    drop_line: re.Pattern[str]
    drop_prefix: re.Pattern[str] | None
    drop_if_contains: re.Pattern[str] | None
    caption: re.Pattern[str] | None
    byline: re.Pattern[str] | None  # case-sensitive: a name is capitalised
    byline_prefix: re.Pattern[str] | None
    timestamp: re.Pattern[str] | None
    related_heading: re.Pattern[str] | None
    headline_prefix: re.Pattern[str] | None
    credit_suffix: re.Pattern[str] | None
    credit_source: re.Pattern[str] | None  # a press service: a caption naming one is a credit at any length
    max_banner_chars: int
    max_credit_words: int
    max_byline_words: int
    max_timestamp_chars: int
    max_related_lines: int


@dataclass(frozen=True)
class Dropped:
    """A line (1-based number in the input text) removed as boilerplate, or cut, and why."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"boilerplate dropped, line {self.line} ({self.reason}): {self.text!r}"


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: list[Dropped]


def _alternation(items: list[str], template: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    if not items:
        return None
    return re.compile(template.replace("{}", "|".join(f"(?:{p})" for p in items)), flags)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    keys = ("drop_line", "drop_prefix", "drop_if_contains", "caption_prefix", "byline", "byline_prefix",
            "timestamp", "related_heading", "headline_prefix", "credit_suffix", "credit_source")
    merged: dict[str, list[str]] = {k: [] for k in keys}
    common = json.loads((DATA / "common.json").read_text(encoding="utf-8"))
    for path in sorted(DATA.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for key in keys:
            merged[key].extend(raw.get(key, []))
    drop_line = _alternation(merged["drop_line"], r"^(?:{})[\s.!:]*$")
    assert drop_line is not None
    name = str(common["name"])
    return Patterns(
        drop_line=drop_line,
        drop_prefix=_alternation(merged["drop_prefix"], r"^(?:{})"),
        drop_if_contains=_alternation(merged["drop_if_contains"], r"(?:{})"),
        caption=_alternation(merged["caption_prefix"], r"^(?:{})\s*[:|/—–-]\s*"),
        byline=_alternation([b.replace("{name}", f"(?:{name})") for b in merged["byline"]], r"^(?:{})$", 0),
        byline_prefix=_alternation(merged["byline_prefix"], r"^(?:{})"),
        timestamp=_alternation(merged["timestamp"], r"^(?:{})$"),
        related_heading=_alternation(merged["related_heading"], r"^(?:{})\s*[:.!]?$"),
        headline_prefix=_alternation(merged["headline_prefix"], r"^(?:{})\s*"),
        credit_suffix=_alternation(merged["credit_suffix"], r"\s*(?:{})$"),
        credit_source=_alternation(merged["credit_source"], r"(?:{})"),
        max_banner_chars=int(common["max_banner_chars"]),
        max_credit_words=int(common["max_credit_words"]),
        max_byline_words=int(common["max_byline_words"]),
        max_timestamp_chars=int(common["max_timestamp_chars"]),
        max_related_lines=int(common["max_related_lines"]),
    )


def normalise_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _trafilatura_filter() -> tuple[str, int]:
    from trafilatura.utils import RE_FILTER  # trafilatura's own filter of share-widget lines

    return RE_FILTER.pattern, RE_FILTER.flags


@lru_cache(maxsize=1)
def _share_widget() -> re.Pattern[str]:
    """trafilatura's filter of share-widget lines, its pattern kept in the load cache (keyed by the
    file that defines it), so that reading text and JSONL inputs does not import trafilatura (0.2 s)."""
    folder = package_dir("trafilatura")
    if folder is None:
        return re.compile(*_trafilatura_filter())
    return re.compile(*cached_from_files("trafilatura-filter", [folder / "utils.py"], _trafilatura_filter))


def line_reason(line: str) -> str | None:
    """Why a single (normalised) line is boilerplate in any language, or None when it is not."""
    p = patterns()
    if p.related_heading is not None and p.related_heading.match(line):
        return "related-articles heading"
    if p.drop_line.match(line):
        return "interface string"
    if p.timestamp is not None and len(line) <= p.max_timestamp_chars and p.timestamp.match(line):
        return "timestamp"
    if p.byline_prefix is not None and p.byline_prefix.match(line):
        return "byline"
    if (p.byline is not None and len(line.split()) <= p.max_byline_words and not _SENTENCE_END.search(line)
            and p.byline.match(line)):
        return "byline"
    if p.drop_prefix is not None and p.drop_prefix.match(line):
        return "widget"
    if p.drop_if_contains is not None and len(line) <= p.max_banner_chars and p.drop_if_contains.search(line):
        return "banner"
    if _share_widget().match(line):
        return "share widget"
    if p.caption is not None:
        m = p.caption.match(line)
        rest = _without_credit(line)[m.end():] if m else ""
        if m and not _SENTENCE_END.search(_without_credit(line)) and (
                len(rest.split()) <= p.max_credit_words
                or (p.credit_source is not None and p.credit_source.search(rest)
                    and len(rest.split()) <= p.max_byline_words)):
            # A credit ("Photo: Reuters", "Сурет: ҚР СІМ баспасөз қызметі"), not a caption that says something.
            return "photo credit"
    if len(line) <= CAPITALS_MAX_CHARS and line.isupper() and _CAPITALS_LINE.match(line):
        return "byline or label in capitals"
    return None


def is_boilerplate(line: str) -> bool:
    """True when a single (normalised) line matches a boilerplate pattern of any language."""
    return line_reason(line) is not None


def _without_credit(line: str) -> str:
    """A caption without its trailing credit: "... in Tokyo. Reuters", "... (AP Photo/J. Doe)"."""
    p = patterns()
    if p.credit_suffix is not None:
        line = p.credit_suffix.sub("", line)
    head, dot, tail = line.rpartition(". ")
    if dot and tail and not _SENTENCE_END.search(tail) and len(tail.split()) <= p.max_credit_words \
            and all(w[:1].isupper() or not w[:1].isalpha() for w in tail.split()):
        return head + "."
    return line


def _cut(line: str) -> tuple[str, str | None]:
    """A kept line with page furniture cut off its ends: a caption's credit, a headline's agency prefix."""
    p = patterns()
    if p.caption is not None and p.caption.match(line):
        bare = _without_credit(line)
        if bare != line:
            return bare, "photo credit"
    if p.credit_suffix is not None:
        # A caption that says something ends in its photographer's credit: "... in Tbilisi. (AP Photo/S. Aivazov)".
        bare = p.credit_suffix.sub("", line)
        if bare != line and _SENTENCE_END.search(bare):
            return bare, "photo credit"
    if p.headline_prefix is not None and not _SENTENCE_END.search(line):
        m = p.headline_prefix.match(line)
        if m and m.end() < len(line):
            rest = line[m.end():]
            return rest[:1].upper() + rest[1:], "headline agency prefix"
    return line, None


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
    """Text without boilerplate lines (see :func:`clean_text_report`)."""
    return clean_text_report(text, title=title, outlet=outlet).text


def _line_reason(line: str, outlet_key: str | None) -> str | None:
    if not line:
        return None
    if not any(ch.isalpha() for ch in line):
        return "no words"  # a line of symbols or numbers alone says nothing
    if outlet_key is not None and line.casefold() == outlet_key:
        return "outlet name"
    return line_reason(line) or ("breadcrumb" if _breadcrumb(line) else None)


def _related_list(lines: list[str], reasons: list[str | None], heading: int) -> list[int]:
    """The headlines listed under a related-articles heading: the unpunctuated lines right after it."""
    listed: list[int] = []
    for i in range(heading + 1, len(lines)):
        if len(listed) >= patterns().max_related_lines:
            break
        if not lines[i] or reasons[i] is not None:
            continue
        if _SENTENCE_END.search(lines[i]) or len(lines[i].split()) > RELATED_MAX_WORDS:
            break
        listed.append(i)
    return listed


def clean_text_report(text: str, *, title: str | None = None, outlet: str | None = None) -> Cleaned:
    """Text without boilerplate lines, and the dropped lines with their reasons.

    Paragraphs are lines, blank lines between blocks kept once.  A known ``title`` (from metadata)
    marks where the article starts: menu-like lines above it go.  A line that only names the
    ``outlet`` goes too.
    """
    lines = [normalise_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    outlet_key = normalise_line(outlet).casefold() if outlet else None
    reasons = [_line_reason(line, outlet_key) for line in lines]
    for i, reason in enumerate(list(reasons)):
        if reason == "related-articles heading":
            for k in _related_list(lines, reasons, i):
                reasons[k] = "related-article headline"
    cuts: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line and reasons[i] is None:
            lines[i], cut = _cut(line)
            if cut:
                cuts[i] = cut
    if title:
        title_key = normalise_line(title).casefold()
        start = next((i for i, line in enumerate(lines)
                      if reasons[i] is None and line and line.casefold() == title_key), None)
        if start is not None:
            for i in range(start):
                if reasons[i] is None and lines[i] and _menu_like(lines[i]):
                    reasons[i] = "menu above the title"
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if reasons[i] is not None or not line:
            continue
        key = line.casefold()
        if key in seen:
            reasons[i] = "repeated line"  # a repeated caption, teaser or headline counts once
        seen.add(key)
    kept = [i for i, line in enumerate(lines) if line and reasons[i] is None]
    if kept:
        first = kept[0]
        top = _edge_run(lines, kept)
        if top and top[0] == first and _title_like(lines[first]) and first == _first_nonblank(lines):
            top = top[1:]  # the plain-text title line stays
        elif top and _headline_after_menu(lines, top):
            top = top[:-1]  # "Home / World / Sport / <headline>": the headline stays
        bottom = _edge_run(lines, kept[::-1])
        for i in top:
            reasons[i] = "menu"
        for i in bottom:
            reasons[i] = "footer"
    out: list[str] = []
    dropped: list[Dropped] = []
    originals = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if line and reasons[i] is None:
            out.append(line)
            if i in cuts:
                dropped.append(Dropped(i + 1, normalise_line(originals[i]), f"{cuts[i]} cut"))
        elif line:
            dropped.append(Dropped(i + 1, line, reasons[i] or ""))
        elif out and out[-1]:
            out.append("")
    return Cleaned("\n".join(out).strip(), dropped)


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), -1)
