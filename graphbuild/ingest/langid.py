"""Offline language identification per document and per paragraph.

lingua (which ships its models) ranks the candidates; the alphabets in
``graphbuild/data/langid/alphabets.json`` veto languages whose alphabet lacks letters the text
uses, and decide the Turkic languages lingua does not know (Kyrgyz has ң ө ү but none of
Kazakh's ә ғ қ ұ һ і; Tatar has җ; Bashkir has ҙ ҫ ҡ).
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "langid" / "alphabets.json"
UNDETERMINED = "und"
# Common (lower-case) words must offer this many letters before names are left out of the evidence.
EVIDENCE_MIN_LETTERS = 12


@dataclass(frozen=True)
class _Config:
    alphabets: dict[str, frozenset[str]]
    detector: dict[str, tuple[str, ...]]
    tolerance: float
    min_letters: int
    function_words: dict[str, frozenset[str]]
    expected: dict[str, frozenset[str]]
    expected_min_letters: int
    latin: _LatinShortcut
    plain: str  # the Cyrillic language its letters and function words may decide without lingua
    plain_min_hits: int
    quick_min: float  # confidence at which the quick lingua detector's answer is taken
    quick_min_chars: int  # shorter texts go to the accurate detector (the quick one errs on them)


@dataclass(frozen=True)
class _LatinShortcut:
    lang: str
    letters: frozenset[str]
    function_words: frozenset[str]
    min_hits: int
    min_share: float


@lru_cache(maxsize=1)
def _config() -> _Config:
    raw: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    latin = raw["shortcuts"]["latin"]
    return _Config(
        alphabets={lang: frozenset(letters) for lang, letters in raw["cyrillic"].items()},
        detector={script: tuple(codes) for script, codes in raw["detector"].items()},
        tolerance=float(raw["tolerance"]),
        min_letters=int(raw["min_letters"]),
        function_words={lang: frozenset(words) for lang, words in raw["function_words"].items()},
        expected={lang: frozenset(letters) for lang, letters in raw["expected_letters"].items()},
        expected_min_letters=int(raw["expected_min_letters"]),
        latin=_LatinShortcut(
            lang=latin["lang"], letters=frozenset(latin["letters"]), function_words=frozenset(latin["function_words"]),
            min_hits=int(latin["min_hits"]), min_share=float(latin["min_share"])),
        plain=raw["shortcuts"]["cyrillic"]["plain"],
        plain_min_hits=int(raw["shortcuts"]["cyrillic"]["min_hits"]),
        quick_min=float(raw["shortcuts"]["quick_lingua_min"]),
        quick_min_chars=int(raw["shortcuts"]["quick_lingua_min_chars"]),
    )


@lru_cache(maxsize=64)
def _detector(codes: frozenset[str], quick: bool = False) -> Any:
    # lingua shares loaded models between detectors, so a detector per candidate set only ever
    # loads the models of languages the alphabets still allow (each costs about a second; the
    # quick, low-accuracy detector's trigram models a tenth of that).
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in sorted(codes):
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            langs.append(Language.from_iso_code_639_1(iso))
    builder = LanguageDetectorBuilder.from_languages(*langs)
    return (builder.with_low_accuracy_mode() if quick else builder).build()


def _iso(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def _lingua_ranking(text: str, codes: frozenset[str], shortcuts: bool = True) -> list[tuple[str, float]]:
    """lingua's ranking of ``codes`` for ``text``, best first. With ``shortcuts`` the quick detector
    answers a long enough text when it is sure enough (alphabets.json "quick_lingua_min",
    "quick_lingua_min_chars"); the accurate one otherwise."""
    if len(codes) < 2:
        return [(code, 1.0) for code in codes]
    if shortcuts and len(text) >= _config().quick_min_chars:
        quick = _detector(codes, quick=True).compute_language_confidence_values(text)
        if quick and float(quick[0].value) >= _config().quick_min:
            return [(_iso(v.language), float(v.value)) for v in quick]
    return _accurate_ranking(text, codes)


def _accurate_ranking(text: str, codes: frozenset[str]) -> list[tuple[str, float]]:
    values = _detector(codes).compute_language_confidence_values(text)
    return [(_iso(v.language), float(v.value)) for v in values]


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


def _evidence(text: str) -> str:
    """The text's lower-case words: capitalised words are mostly names, and names keep their own
    spelling across languages (a Russian text writes "Қасым-Жомарт Тоқаев" with Kazakh letters)."""
    common = [w for w in _WORD.findall(text) if not w[:1].isupper()]
    return " ".join(common) if sum(len(w) for w in common) >= EVIDENCE_MIN_LETTERS else text


def _cyrillic_language(letters: Counter[str], evidence: str, text: str, shortcuts: bool, rank: _Ranking) -> str:
    """Language of Cyrillic ``text``, judged on the letter counts of ``evidence`` (its lower-case
    words); lingua reads the evidence, function words are counted over the whole text."""
    cfg = _config()
    total = sum(letters.values())
    allowed_foreign = int(total * cfg.tolerance)

    def foreign(lang: str) -> int:
        alphabet = cfg.alphabets[lang]
        return sum(n for ch, n in letters.items() if ch not in alphabet)

    misfit = {lang: foreign(lang) for lang in cfg.alphabets}
    compatible = {lang for lang, n in misfit.items() if n <= allowed_foreign}
    if not compatible:
        # Every alphabet misses something: take the closest one.
        return min(misfit, key=lambda lang: (misfit[lang] / max(total, 1), len(cfg.alphabets[lang])))
    known = set(cfg.detector["cyrillic"])
    ranked = compatible & known
    words = Counter(w.lower() for w in _WORD.findall(text))

    def hits(lang: str) -> int:
        return sum(n for w, n in words.items() if w in cfg.function_words.get(lang, frozenset()))

    if len(ranked) > 1 and shortcuts and (plain := _plain_cyrillic(letters, ranked, hits)):
        best = plain
    elif len(ranked) > 1:
        order = rank(evidence, frozenset(ranked))
        best = order[0][0] if order else min(ranked, key=lambda lang: len(cfg.alphabets[lang]))
    elif ranked:
        best = next(iter(ranked))
    else:
        return min(compatible, key=lambda lang: len(cfg.alphabets[lang]))
    # lingua cannot name ky/tt/ba. One of them wins over lingua's pick when its alphabet is a strict
    # subset of the pick's and the text uses its own extra letters (Kyrgyz text looks "Kazakh" to
    # lingua), or when its function words outnumber those of the pick (one suffices if its letters
    # are there too).
    best_alphabet = cfg.alphabets[best]
    expected = cfg.expected.get(best)
    long_enough = len(_letters(text)) >= cfg.expected_min_letters
    if expected and long_enough and not any(letters[ch] for ch in expected):
        # Long "Kazakh" text without a single Kazakh letter: a narrower relative (Kyrgyz) wrote it.
        relatives = [lang for lang in compatible - known if cfg.alphabets[lang] < best_alphabet]
        if relatives:
            return min(relatives, key=lambda lang: len(cfg.alphabets[lang]))
    base = cfg.alphabets["ru"]
    best_hits = hits(best)
    scored = []
    for lang in compatible - known:
        alphabet = cfg.alphabets[lang]
        extra_used = sum(n for ch, n in letters.items() if ch in alphabet and ch not in base)
        lang_hits = hits(lang)
        own_words = lang_hits > best_hits and (lang_hits >= 2 or extra_used > allowed_foreign)
        if (alphabet < best_alphabet and extra_used > allowed_foreign) or own_words:
            scored.append((-lang_hits, len(alphabet), lang))
    if scored:
        return min(scored)[2]
    return best


def _plain_cyrillic(letters: Counter[str], ranked: set[str], hits: Callable[[str], int]) -> str | None:
    """The plain Cyrillic language (Russian) without asking lingua, when every letter belongs to its
    alphabet, which the other candidates' alphabets contain, and its function words outnumber theirs."""
    cfg = _config()
    plain = cfg.plain
    alphabet = cfg.alphabets.get(plain)
    if plain not in ranked or alphabet is None or any(ch not in alphabet for ch in letters):
        return None
    if not all(alphabet <= cfg.alphabets[lang] for lang in ranked):
        return None
    own = hits(plain)
    if own >= cfg.plain_min_hits and all(own > hits(lang) for lang in ranked - {plain}):
        return plain
    return None


def _latin_language(text: str) -> str | None:
    """The Latin-script language its function words decide (English), or None: ask lingua."""
    rule = _config().latin
    common = [w.lower() for w in _WORD.findall(text) if not w[:1].isupper()]
    if not common or any(ch not in rule.letters for w in common for ch in w if ch != "-"):
        return None
    found = sum(w in rule.function_words for w in common)
    return rule.lang if found >= rule.min_hits and found >= rule.min_share * len(common) else None


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def detect_language(text: str, shortcuts: bool = True) -> str:
    """ISO 639-1 code of the language of ``text``, or "und" when there are too few letters.

    ``shortcuts`` lets letters and function words decide clear cases without lingua (see
    alphabets.json); False asks lingua whenever it has a choice (tools/langid_check.py compares)."""
    return _detect(text, shortcuts, lambda evidence, codes: _lingua_ranking(evidence, codes, shortcuts))


# Ranks candidate languages (ISO codes) for a text, best first: lingua, or a rule standing in for it.
_Ranking = Callable[[str, frozenset[str]], list[tuple[str, float]]]


def _detect(text: str, shortcuts: bool, rank: _Ranking) -> str:
    letters = _letters(text)
    if not letters:
        return UNDETERMINED
    scripts = Counter(_script(ch) for ch in letters)
    script, count = scripts.most_common(1)[0]
    if script == "cyrillic":
        evidence = _evidence(text)
        cyrillic = Counter(ch.lower() for ch in evidence if ch.isalpha() and _script(ch) == "cyrillic")
        return _cyrillic_language(cyrillic, evidence, text, shortcuts, rank)
    if count < len(letters) / 2:
        script = "other"
    if script == "latin" and shortcuts and (lang := _latin_language(text)):
        return lang
    order = rank(text, frozenset(_config().detector[script]))
    return order[0][0] if order and order[0][1] > 0 else UNDETERMINED


class _LinguaNeededError(Exception):
    """Raised by the ranking of the first pass of :func:`analyse_languages`: letters and function
    words alone cannot decide this paragraph."""


def _no_lingua(text: str, codes: frozenset[str]) -> list[tuple[str, float]]:
    raise _LinguaNeededError


def _in_context(context: str | None, shortcuts: bool) -> _Ranking:
    """lingua's ranking, except that a text too short for its quick detector, among whose candidates
    is ``context`` (the language the rest of the document was read in by letters and function
    words alone), is taken to be in that language: lingua's accurate models cost 0.3-0.8 CPU s to
    load for such a line (a dateline, a caption) and, that short, are no surer than its context."""

    def rank(text: str, codes: frozenset[str]) -> list[tuple[str, float]]:
        if context in codes and len(text) < _config().quick_min_chars:
            return [(context, 1.0)]
        return _lingua_ranking(text, codes, shortcuts)

    return rank


_PARAGRAPH = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: a paragraph once boilerplate cleaning has run."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.span()
        line = m.group()
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        if e > s:
            spans.append((s, e))
    return spans


def analyse_languages(text: str, shortcuts: bool = True) -> tuple[str, list[str]]:
    """Document language and one language per paragraph (see :func:`paragraph_spans`).

    Paragraphs too short to judge take the document's language; the document's language is the
    one that covers most letters among the paragraphs that could be judged.
    """
    min_letters = _config().min_letters
    paragraphs = paragraph_spans(text)
    spans = [(s, e) for s, e in paragraphs if len(_letters(text[s:e])) >= min_letters]
    judged: dict[tuple[int, int], str] = {}
    if shortcuts:  # first what letters and function words decide alone: the context of the rest
        for s, e in spans:
            with contextlib.suppress(_LinguaNeededError):
                judged[(s, e)] = _detect(text[s:e], shortcuts, _no_lingua)
    rank = _in_context(_weighted_language(text, spans, judged), shortcuts)
    for s, e in spans:
        if (s, e) not in judged:
            judged[(s, e)] = _detect(text[s:e], shortcuts, rank)
    doc_lang = _weighted_language(text, spans, judged) or detect_language(text, shortcuts)
    return doc_lang, [lang if (lang := judged.get(span, UNDETERMINED)) != UNDETERMINED else doc_lang
                      for span in paragraphs]


def _weighted_language(text: str, spans: list[tuple[int, int]], judged: dict[tuple[int, int], str]) -> str | None:
    """The language covering most letters among the judged paragraphs, the first of equals in text
    order (None if none was judged)."""
    weight: Counter[str] = Counter()
    for s, e in spans:
        lang = judged.get((s, e), UNDETERMINED)
        if lang != UNDETERMINED:
            weight[lang] += len(_letters(text[s:e]))
    return weight.most_common(1)[0][0] if weight else None


def paragraph_languages(text: str) -> list[str]:
    """One ISO 639-1 code per paragraph of ``text`` (paragraphs as in :func:`paragraph_spans`)."""
    return analyse_languages(text)[1]
