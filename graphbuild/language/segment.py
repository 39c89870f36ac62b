"""Language-neutral sentence splitting and tokenisation with character offsets.

Spans always index the original text, so ``text[start:end]`` is exactly the sentence or token.
Language knowledge (abbreviations) comes from ``graphbuild/data/<lang>/abbreviations.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

TERMINATORS = ".!?…"
# Closing quotes/brackets that belong to the sentence they follow.
CLOSERS = "»”’\"')]}"
# Characters that may open a new sentence besides an upper-case letter or a digit.
OPENERS = "«„“\"'([{-–—•*"
APOSTROPHES = "'’ʼ`"
HYPHENS = "-‐‑"
DASHES = "-–—"


@dataclass(frozen=True)
class Abbreviations:
    all: frozenset[str]  # lower-cased, with their final period
    final: frozenset[str]  # those that may also close a sentence
    # Lower-cased words that start a new sentence after a final abbreviation; when the language
    # lists none, any capitalised word does.
    openers: frozenset[str] = frozenset()


def _read_abbreviation_file(path: Path) -> list[tuple[str, bool]]:
    items: list[tuple[str, bool]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        abbr = parts[0].strip()
        # Multi-word entries ("и т.д.") are matched by their last word.
        abbr = abbr.split()[-1]
        items.append((abbr.lower(), len(parts) > 1 and parts[1].strip() == "final"))
    return items


@cache
def abbreviations(lang: str | None) -> Abbreviations:
    """Abbreviations for ``lang``; ``None`` means the union over every shipped language."""
    if lang is None:
        paths = sorted(DATA_DIR.glob("*/abbreviations.txt"))
    else:
        path = DATA_DIR / lang / "abbreviations.txt"
        paths = [path] if path.exists() else []
    items = [item for path in paths for item in _read_abbreviation_file(path)]
    return Abbreviations(
        all=frozenset(a for a, _ in items), final=frozenset(a for a, is_final in items if is_final),
        openers=_openers(lang),
    )


def _openers(lang: str | None) -> frozenset[str]:
    paths = sorted(DATA_DIR.glob("*/sentence_openers.txt")) if lang is None else \
        [p for p in [DATA_DIR / lang / "sentence_openers.txt"] if p.exists()]
    words = (w.strip().lower() for p in paths for w in p.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
_SINGLE_INITIAL = re.compile(r"^[^\W\d_]\.$")


def _word_before(text: str, dot: int) -> str:
    """The whitespace-delimited chunk ending at the period at ``dot`` (inclusive), without openers."""
    i = dot
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i : dot + 1].lstrip(OPENERS)


def _next_visible(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in OPENERS


def _is_boundary(
    text: str, term_start: int, term_end: int, after: int, end: int, abbr: Abbreviations
) -> bool:
    """Decide whether the terminator run text[term_start:term_end] (plus closers) ends a sentence."""
    if after >= end:
        return True
    gap = text[term_end:after]
    nxt = text[after]
    if "\n" in gap and ("\n" in gap[gap.index("\n") + 1 :] or _starts_sentence(nxt)):
        return True
    if not gap:  # "3.5", "U.S", "example.com": no space, no boundary
        return False
    if not _starts_sentence(nxt):
        return False
    if nxt in DASHES:
        # «...!» – деді ол: a dash followed by a lower-case word continues the reported speech.
        after_dash = _next_visible(text, after + 1, end)
        if after_dash < end and text[after_dash].islower():
            return False
    if text[term_start:term_end] == "." and term_end - term_start == 1:
        word = _word_before(text, term_start)
        low = word.lower()
        if _SINGLE_INITIAL.match(word) and word[0].isupper():
            # "В. Путин": an upper-case single letter is an initial before a capitalised surname.
            return not nxt.isupper()
        if low in abbr.all:
            return low in abbr.final and nxt.isupper() and not _next_word_is_initial(text, after, end) \
                and (not abbr.openers or _next_word(text, after, end).lower() in abbr.openers)
        if _INITIALS.match(word) and (len(word) > 2 or word[0].isupper()):
            # "В. Путин", "В.В. Путин": initials followed by a capitalised surname.
            return not nxt.isupper()
    return True


def _next_word(text: str, pos: int, end: int) -> str:
    stop = pos
    while stop < end and (text[stop].isalnum() or text[stop] in APOSTROPHES):
        stop += 1
    return text[pos:stop]


def _next_word_is_initial(text: str, pos: int, end: int) -> bool:
    chunk_end = pos
    while chunk_end < end and not text[chunk_end].isspace():
        chunk_end += 1
    return bool(_INITIALS.match(text[pos:chunk_end]))


def split_sentences(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into ``text``, trimmed of surrounding whitespace."""
    abbr = abbreviations(lang) if lang is None else _merged(lang)
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = _next_visible(text, 0, n)
    i = start
    while i < n:
        ch = text[i]
        if ch in TERMINATORS:
            j = i
            while j < n and text[j] in TERMINATORS:
                j += 1
            k = j
            while k < n and text[k] in CLOSERS:
                k += 1
            after = _next_visible(text, k, n)
            if _is_boundary(text, i, j, after, n, abbr):
                _add_span(text, spans, start, k)
                start = after
                i = after
                continue
            i = k
            continue
        if ch == "\n":
            after = _next_visible(text, i, n)
            gap = text[i:after]
            if after < n and (gap.count("\n") >= 2 or _line_is_heading(text, start, i, after)):
                _add_span(text, spans, start, i)
                start = after
                i = after
                continue
        i += 1
    _add_span(text, spans, start, n)
    return _split_datelines(text, spans)


# A wire dateline opening a paragraph: a place in capitals (or several joined by "/"), then up to
# three short comma parts (region, date, year) or an agency in brackets, then a dash. It is the
# outlet's header, not part of the first sentence: parsed together, its place takes a role.
_CAPS = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_DATELINE = re.compile(
    rf"[{_CAPS}][{_CAPS}'’.\- ]*[{_CAPS}.](?:/[{_CAPS}][{_CAPS}'’.\- ]*[{_CAPS}.])*"
    r"(?:,[ \t]*[^,\n\-–—.!?]{1,25}?){0,3}[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[\-–—](?=\s)"
)
_DATELINE_MAX = 90


def is_dateline(text: str) -> bool:
    """Whether a sentence is a wire dateline on its own ("BRUSSELS/SEOUL, Oct 28 -", "СЕУЛ.")."""
    text = text.strip()
    if not re.match(rf"[{_CAPS}]{{3}}", text) or len(text) > _DATELINE_MAX:
        return False
    wire = _DATELINE.match(text + " ")  # the pattern wants the space that follows the dash
    return bool((wire and wire.end() == len(text)) or _CAPS_PLACE.fullmatch(text))


# A Kazakh or Russian agency dateline: a place in capitals closed by a full stop ("ВАШИНГТОН."), maybe
# with a date after a comma ("МОСКВА, 7 декабря 2023 года.").
_CAPS_PLACE = re.compile(
    rf"[{_CAPS}][{_CAPS}\-]+(?: [{_CAPS}][{_CAPS}\-]+)?(?:,[ \t]*(?=[^,\n.!?]*\d)[^,\n.!?]{{1,25}})?\."
)


def _split_datelines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        match = _DATELINE.match(text, start, end) if _opens_paragraph(text, start) else None
        head = text[start:match.end()] if match else ""
        # The first word must be a capitalised word of 3+ letters, not an initial or an acronym start.
        if match and len(head) <= _DATELINE_MAX and re.match(rf"[{_CAPS}]{{3}}", head):
            rest = _next_visible(text, match.end(), end)
            if rest < end:
                out.append((start, match.end()))
                out.append((rest, end))
                continue
        out.append((start, end))
    return out


def _opens_paragraph(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before.endswith("\n")


def _line_is_heading(text: str, start: int, newline: int, after: int) -> bool:
    """A single line break ends a sentence (a headline, a list item) unless the line visibly continues."""
    line = text[start:newline].rstrip()
    if not line:
        return False
    return line[-1] not in ",;:-–—(«„“" and _starts_sentence(text[after])


def _add_span(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@cache
def _merged(lang: str) -> Abbreviations:
    # Foreign abbreviations (Mr., U.S.) turn up in every language's news, so the union is the base.
    union = abbreviations(None)
    own = abbreviations(lang)
    # The language's own file decides whether its abbreviations may close a sentence.
    return Abbreviations(all=union.all | own.all, final=(union.final - own.all) | own.final, openers=own.openers)


_NUMBER = r"\d+(?:[.,:]\d+)*(?:[" + HYPHENS + r"][^\W_]+)?"
_WORD = r"[^\W_]+(?:(?:[" + HYPHENS + APOSTROPHES + r"])[^\W_]+)*"
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+[^\s.,;:!?»”)\]])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<num>" + _NUMBER + r")"
    r"|(?P<word>" + _WORD + r")"
    r"|(?P<dots>\.{2,}|[!?]{2,}|[!?]+\.+)"
    r"|(?P<other>\S)"
)


def tokenize(
    text: str, start: int = 0, end: int | None = None, lang: str | None = None
) -> list[tuple[int, int]]:
    """Token spans (start, end) into ``text`` for the region text[start:end]."""
    stop = len(text) if end is None else end
    abbr = abbreviations(lang) if lang is None else _merged(lang)
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < stop:
        m = _TOKEN.search(text, pos, stop)
        if m is None:
            break
        s, e = m.span()
        if m.lastgroup == "word":
            e = _extend_with_period(text, s, e, stop, abbr)
        spans.append((s, e))
        pos = e
    return spans


def _extend_with_period(text: str, s: int, e: int, stop: int, abbr: Abbreviations) -> int:
    """Keep the period of an abbreviation ("т.б.", "U.S.", "Mr.") or an initial ("В.") in the token."""
    best = e
    j = e
    # Grow over "x.y.z." chains, remembering the longest prefix that is a known abbreviation.
    while j < stop and text[j] == ".":
        cand = text[s : j + 1]
        if cand.lower() in abbr.all:
            best = j + 1
        k = j + 1
        m = re.match(r"[^\W\d_]+", text[k:stop])
        if not m:
            break
        j = k + m.end()
    if best > e:
        return best
    if e < stop and text[e] == "." and _SINGLE_INITIAL.match(text[s : e + 1]) and text[s].isupper():
        after = _next_visible(text, e + 1, stop)
        if after < stop and after > e + 1 and text[after].isupper():
            return e + 1
    return e
