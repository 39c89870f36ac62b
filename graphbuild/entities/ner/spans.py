"""Shared span machinery: IOB2 chunking and turning token spans into Mention records."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from graphbuild.entities.ner.labels import inflection, kind_for
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Mention


def iob_chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first, last+1) chunks of an IOB2 sequence, conlleval-style.

    An I- tag that does not continue a chunk of its own type opens a new one, as seqeval does in
    its default mode, so that a model's ill-formed output is still scored and used.
    """
    chunks: list[tuple[str, int, int]] = []
    kind: str | None = None
    begin = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        starts = prefix == "B" or (prefix == "I" and label != kind)
        if kind is not None and (prefix == "O" or starts):
            chunks.append((kind, begin, i))
            kind = None
        if starts:
            kind, begin = label, i
    return chunks


def _cap_like(lemma: str, surface: str) -> str:
    # Analyzers lowercase lemmas; a name keeps the capital of its surface form.
    if surface[:1].isupper() and lemma[:1].islower():
        return lemma[:1].upper() + lemma[1:]
    return lemma


SUFFIXES = Path(__file__).resolve().parents[2] / "data" / "kb" / "suffixes.tsv"


@cache
def _possessive_endings(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(possessive endings, case endings that follow a possessive) of a language, from suffixes.tsv."""
    slots: dict[str, list[str]] = {}
    for line in SUFFIXES.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 3 and cols[0] == lang and not line.startswith("#"):
            slots[cols[1]] = cols[2].split()
    by_length = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return by_length(slots.get("poss", [])), by_length(slots.get("poss_case", []))


@cache
def _voiced_finals(lang: str) -> dict[str, str]:
    """Voiceless stem final -> its voiced alternant before a vowel (министрлік -> министрлігі), from the
    language's data/<lang>/suffixes.json when it has an "alternations" table (voiced -> voiceless)."""
    path = SUFFIXES.parents[1] / lang / "suffixes.json"
    if not path.exists():
        return {}
    table = json.loads(path.read_text(encoding="utf-8")).get("alternations", {})
    return {voiceless: voiced for voiced, voiceless in table.items()}


def _head_form(token: Token, lang: str) -> str | None:
    """The head of a multiword name keeps its possessive, as the name's own form does (Біріккен штаб
    бастықтары комитетінің -> комитеті, Сауд Арабиясының -> Арабиясы); only the case ending goes."""
    if token.feats.get("Person[psor]") != "3" or not token.lemma:
        return None
    poss, poss_case = _possessive_endings(lang)
    word, lemma = token.text, token.lemma.lower()
    stems = {lemma}
    if lemma[-1:] in _voiced_finals(lang):
        stems.add(lemma[:-1] + _voiced_finals(lang)[lemma[-1]])
    forms = [word] + [word[: -len(c)] for c in poss_case if word.lower().endswith(c) and len(word) > len(c)]
    for form in forms:
        if any(form.lower() == stem + p for stem in stems for p in poss):
            return form
    return None


def span_lemma(tokens: Sequence[Token], lang: str) -> str | None:
    """Dictionary form of a multi-word name: only the words that inflect are replaced by lemmas."""
    mode = inflection(lang)
    if mode == "none" or not tokens:
        return None
    words = [t.text for t in tokens]
    idx = range(len(tokens)) if mode == "all" else [len(tokens) - 1]
    for i in idx:
        if tokens[i].lemma:
            head = _head_form(tokens[i], lang) if mode == "last" and len(tokens) > 1 else None
            words[i] = head or _cap_like(tokens[i].lemma, tokens[i].text)
    return " ".join(words)


def span_case(tokens: Sequence[Token], lang: str) -> str | None:
    """Grammatical case of the name's head, as the language analyzer tagged it (None if untagged)."""
    mode = inflection(lang)
    if mode == "last":
        return tokens[-1].feats.get("Case")
    if mode == "all":
        # The head is the first noun; adjectives before it are often ambiguous in case.
        cased = [t for t in tokens if t.feats.get("Case")]
        nouns = [t for t in cased if t.pos in ("NOUN", "PROPN")]
        return (nouns or cased)[0].feats["Case"] if cased else None
    return None


def make_mention(
    sentence: Sentence, first: int, last: int, tag: str, lang: str, document: str
) -> Mention | None:
    """Mention for tokens[first:last] of a sentence, or None when the tag is not an actor kind."""
    kind = kind_for(lang, tag)
    if kind is None or last <= first:
        return None
    toks = sentence.tokens[first:last]
    return char_mention(sentence, toks[0].start, toks[-1].end, kind, lang, document, toks)


def char_mention(
    sentence: Sentence,
    start: int,
    end: int,
    kind: str,
    lang: str,
    document: str,
    tokens: Sequence[Token] = (),
) -> Mention:
    """Mention for document offsets [start, end) lying inside the sentence."""
    text = sentence.text[start - sentence.start : end - sentence.start]
    return Mention(
        document=document,
        start=start,
        end=end,
        text=text,
        kind=kind,
        lang=lang,
        lemma=span_lemma(tokens, lang) if tokens else None,
        case=span_case(tokens, lang) if tokens else None,
        source="ner",
    )
