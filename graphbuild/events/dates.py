"""Dates of events, resolved against the article's publication date.

Month names, weekdays and relative words come from the language's lexicon file.  A month or
weekday without a year means its most recent occurrence not after publication.  The result is an
ISO string whose length matches its precision: "2023-07-26" (day), "2023-07" (month), "2023" (year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from graphbuild.events.lexicon import Element, Pattern, compile_patterns, load_lexicon
from graphbuild.language.base import Sentence, Token

_WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|[^\W_]+(?:[-'’][^\W_]+)*\.?|\d+", re.UNICODE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR = re.compile(r"(19|20)\d{2}")
_DAY = re.compile(r"\d{1,2}")


@dataclass(frozen=True)
class _Word:
    text: str  # as written
    low: str

    def token(self) -> Token:
        return Token(self.text, 0, 0, lemma=self.low.rstrip("."))


@dataclass(frozen=True)
class _DateLexicon:
    months: list[Pattern]
    ambiguous: list[Pattern]
    weekdays: list[Pattern]
    relative_days: list[Pattern]
    relative_periods: list[Pattern]
    year_words: list[Pattern]
    month_markers: list[Pattern]
    month_preps: frozenset[str]


@cache
def _date_lexicon(lang: str) -> _DateLexicon:
    raw = load_lexicon(lang).raw
    return _DateLexicon(
        compile_patterns(raw.get("months", {})), compile_patterns(raw.get("ambiguous_months", [])),
        compile_patterns(raw.get("weekdays", {})), compile_patterns(raw.get("relative_days", {})),
        compile_patterns({k: tuple(v) for k, v in raw.get("relative_periods", {}).items()}),
        compile_patterns(raw.get("year_words", [])), compile_patterns(raw.get("month_markers", [])),
        frozenset(raw.get("month_preps", [])))


def is_time_word(token: Token, lang: str) -> bool:
    """A month, weekday or relative day ("July", "вторник", "кеше"): a phrase it heads says when."""
    dl = _date_lexicon(lang)
    forms = Token(token.text, 0, 0, lemma=(token.lemma or token.text).lower())
    return any(len(p.elements) == 1 and p.elements[0].matches(forms)
               for p in dl.months + dl.weekdays + dl.relative_days) or token.text[:1].isdigit()


# What a word (by its text: its forms follow from it) matches in one of the lexicon's pattern lists,
# keyed by the list's id (the lists live as long as the cached _DateLexicon). Dates are resolved for
# every run of words of many sentences, so the same words meet the same lists again and again.
_WORD_MEMO: dict[tuple[str, int, str], Any] = {}
_MEMO_LIMIT = 500_000


def _memo(kind: str, patterns: list[Pattern], text: str, compute: Callable[[], Any]) -> Any:
    key = (kind, id(patterns), text)
    try:
        return _WORD_MEMO[key]
    except KeyError:
        pass
    if len(_WORD_MEMO) >= _MEMO_LIMIT:  # bounded: a long corpus keeps meeting new words
        _WORD_MEMO.clear()
    value = _WORD_MEMO[key] = compute()
    return value


def _one(word: _Word | None, patterns: list[Pattern]) -> object | None:
    """The value of the first one-word pattern ``word`` matches."""
    if word is None:
        return None

    def compute() -> object | None:
        tok = word.token()
        for p in patterns:
            if len(p.elements) == 1 and p.elements[0].matches(tok):
                return p.value
        return None

    return _memo("one", patterns, word.text, compute)


def _elements_matched(word: _Word, patterns: list[Pattern]) -> frozenset[tuple[int, int]]:
    """(pattern index, element index) of every element of ``patterns`` that ``word`` matches."""

    def compute() -> frozenset[tuple[int, int]]:
        tok = word.token()
        return frozenset((i, k) for i, p in enumerate(patterns) for k, e in enumerate(p.elements) if e.matches(tok))

    return _memo("elements", patterns, word.text, compute)


def _phrase_value(words: list[_Word], patterns: list[Pattern]) -> object | None:
    """The value of the first pattern (in list order) whose elements match consecutive words."""
    matched = [_elements_matched(w, patterns) for w in words]
    starts = {i for m in matched for i, k in m if k == 0}
    for i, p in enumerate(patterns):
        n = len(p.elements)
        if n and i not in starts:
            continue  # its first element matches no word
        for at in range(len(words) - n + 1):
            if all((i, k) in matched[at + k] for k in range(n)):
                return p.value
    return None


def _words(source: str | Sentence | list[Token]) -> list[_Word]:
    if isinstance(source, Sentence):
        text = source.text
    elif isinstance(source, str):
        text = source
    else:
        text = " ".join(t.text for t in source)
    words = []
    for m in _WORD.finditer(text):
        low = m.group(0).lower().replace("ё", "е")
        words.append(_Word(m.group(0), low.rstrip(".") if low[:1].isdigit() else low))  # "2022." ends a sentence
    return words


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    m = _ISO.match(published.strip())
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _year_of(word: _Word | None) -> int | None:
    if word is None:
        return None
    digits = re.match(r"(\d{4})", word.low)
    if digits and _YEAR.fullmatch(digits.group(1)):
        return int(digits.group(1))
    return None


def _day_of(word: _Word | None) -> int | None:
    if word is None:
        return None
    m = re.match(r"(\d{1,2})(?:[-‑]?[^\W\d_]*)?$", word.low)  # "13", "13-ші"
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return None


def _latest_month(month: int, pub: date | None) -> int | None:
    """Year of the most recent ``month`` not after publication."""
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _month_at(words: list[_Word], i: int, dl: _DateLexicon) -> int | None:
    month = _one(words[i], dl.months)
    if not isinstance(month, int):
        return None
    if _one(words[i], dl.ambiguous) is not None:
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        near_number = _day_of(prev) or _day_of(nxt) or _year_of(nxt) or _year_of(prev)
        marker = _one(nxt, dl.month_markers) is not None
        prep = prev is not None and prev.low in dl.month_preps and words[i].text[:1].isupper()
        if not (near_number or marker or prep):
            return None
    return month


def _absolute(words: list[_Word], dl: _DateLexicon, pub: date | None) -> tuple[str, str] | None:
    for w in words:
        m = _ISO.fullmatch(w.low)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
        m = _DOTTED.fullmatch(w.low)
        if m:
            return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}", "day"
    for i in range(len(words)):
        month = _month_at(words, i, dl)
        if month is None:
            continue
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        day = _day_of(prev) or (_day_of(nxt) if _year_of(nxt) is None else None)
        # The year may stand before ("2023 жылғы 13 қыркүйек") or after ("13 сентября 2023", "July 26, 2023").
        year = None
        for k in (i + 1, i + 2, i - 2, i - 3):
            if 0 <= k < len(words) and _year_of(words[k]):
                year = _year_of(words[k])
                break
        if year is None:
            year = _latest_month(month, pub)
            if year is None:
                continue
            if day and pub and date(year, month, min(day, 28)) > pub:
                year -= 1
        if day:
            try:
                return date(year, month, day).isoformat(), "day"
            except ValueError:
                pass
        return f"{year}-{month:02d}", "month"
    for i, w in enumerate(words):
        year = _year_of(w) if re.fullmatch(r"\d{4}(?:[-‑][^\W\d_]+)?", w.low) else None
        if year is None:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        prev = words[i - 1] if i else None
        by_word = nxt is not None and _one(nxt, dl.year_words) is not None
        by_suffix = bool(re.fullmatch(r"\d{4}[-‑][^\W\d_]+", w.low))  # "2022-жылы"
        by_prep = prev is not None and prev.low in dl.month_preps and re.fullmatch(r"\d{4}", w.low) is not None
        if by_word or by_suffix or by_prep:
            return str(year), "year"
    return None


def _relative(words: list[_Word], dl: _DateLexicon, pub: date) -> tuple[str, str] | None:
    offset = _phrase_value(words, dl.relative_days)
    if isinstance(offset, int):
        return (pub + timedelta(days=offset)).isoformat(), "day"
    period = _phrase_value(words, dl.relative_periods)
    if isinstance(period, tuple):
        unit, n = period
        if unit == "week":
            return (pub + timedelta(days=7 * n)).isoformat()[:7], "month"
        if unit == "month":
            y, m = pub.year, pub.month + n
            while m < 1:
                y, m = y - 1, m + 12
            while m > 12:  # "next month" in December
                y, m = y + 1, m - 12
            return f"{y}-{m:02d}", "month"
        return str(pub.year + n), "year"
    for w in words:
        weekday = _one(w, dl.weekdays)
        if isinstance(weekday, int):
            back = (pub.weekday() - weekday) % 7
            return (pub - timedelta(days=back)).isoformat(), "day"
    return None


@cache
def _cue_elements(lang: str) -> tuple[Element, ...] | None:
    """Every element of the patterns a date can be read from without a digit (None: a pattern
    without elements, which matches any run)."""
    dl = _date_lexicon(lang)
    patterns = dl.months + dl.weekdays + dl.relative_days + dl.relative_periods
    if any(not p.elements for p in patterns):
        return None
    return tuple({e for p in patterns for e in p.elements})


@lru_cache(maxsize=100_000)
def could_date(text: str, lang: str) -> bool:
    """Whether a token written ``text`` can take part in a date :func:`resolve_date` reads: it has
    a digit (a day, a year, an ISO date) or a word of a month, weekday or relative-date pattern.
    A run of tokens none of which could date resolves to nothing, so callers skip it."""
    try:
        elements = _cue_elements(lang)
    except KeyError:
        return False
    if elements is None:
        return True
    for word in _words(text):
        if any(ch.isdigit() for ch in word.low):
            return True
        tok = word.token()
        if any(e.matches(tok) for e in elements):
            return True
    return False


def resolve_date(source: str | Sentence | list[Token], lang: str,
                 published: str | None) -> tuple[str | None, str | None]:
    """The date a sentence gives its events, as (ISO string, precision day|month|year) or (None, None)."""
    try:
        dl = _date_lexicon(lang)
    except KeyError:
        return None, None
    words = _words(source)
    pub = _parse_published(published)
    found = _absolute(words, dl, pub)
    if found is None and pub is not None:
        found = _relative(words, dl, pub)
    return found if found else (None, None)
