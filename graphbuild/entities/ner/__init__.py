"""Named-entity recognition per language: text spans naming people, organisations, places, groups.

Kazakh uses a CRF trained on KazNERD (kk_crf), Russian natasha's news model (ru), English a
rule-based proper-noun chunker (en).  Each returns graphbuild Mentions with source="ner" and
character offsets into the document text; linking to canonical actors happens later.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from graphbuild.language.base import Sentence
from graphbuild.language.profiles import load_object, profile, profiles
from graphbuild.model import Mention
from graphbuild.wordlists import word_list

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

SUPPORTED_LANGS: tuple[str, ...] = tuple(profiles())


def recognize(sentences: list[Sentence], lang: str, document: str) -> list[Mention]:
    """Mentions found by the language's NER (its profile names it) in analysed sentences of document
    `document` (its id).  Raises ValueError for a language without a profile."""
    try:
        spec = profile(lang)
    except ValueError:
        raise ValueError(
            f"no named-entity recogniser for language {lang!r}; supported: {SUPPORTED_LANGS}"
        ) from None
    found: list[Mention] = load_object(spec.recognizer)(sentences, document)
    return join_name_particles(found, sentences, lang)


@cache
def name_particles(lang: str) -> frozenset[str]:
    """Lower-case words inside one person's name (bin, фон, әбу), from data/<lang>/name_particles.txt."""
    return word_list(DATA_DIR / lang / "name_particles.txt")


def join_name_particles(mentions: list[Mention], sentences: list[Sentence], lang: str) -> list[Mention]:
    """Two person mentions with only name particles between them are one name: NER tags the capitalised
    parts of "Мұхаммед бин Әбдірахман Әл Тани" and leaves the lower-case "бин" out."""
    particles = name_particles(lang)
    if not particles:
        return mentions
    text_of = {(s.start, s.end): s.text for s in sentences}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "Person" and m.kind == "Person":
            sentence = next(((a, t) for (a, b), t in text_of.items() if a <= prev.start and m.end <= b), None)
            gap = sentence[1][prev.end - sentence[0] : m.start - sentence[0]].split() if sentence else []
            if gap and all(w in particles for w in gap):
                joined = sentence[1][prev.start - sentence[0] : m.end - sentence[0]]
                lemma = " ".join([joined[: m.start - prev.start].strip(), m.lemma or m.text])
                out[-1] = dataclasses.replace(prev, end=m.end, text=joined, lemma=lemma, case=m.case)
                continue
        out.append(m)
    return [_grown(m, sentences, particles) if m.kind == "Person" else m for m in out]


def _grown(mention: Mention, sentences: list[Sentence], particles: frozenset[str]) -> Mention:
    """A person's name NER cut at a name particle takes the capitalised word on the particle's other
    side: "Мұхаммед бин [Әбдірахман Әл] Тани", "[Мұхаммед] бин Салманмен" are one name each."""
    sentence = next((s for s in sentences if s.start <= mention.start and mention.end <= s.end), None)
    words = sentence.tokens if sentence else []
    inside = [i for i, t in enumerate(words) if mention.start <= t.start and t.end <= mention.end]
    if sentence is None or not inside:
        return mention
    first, last = inside[0], inside[-1]

    def capital(k: int) -> bool:
        return 0 <= k < len(words) and words[k].text[:1].isupper()

    if first >= 2 and words[first - 1].text in particles and capital(first - 2):
        first -= 2
    if last + 1 < len(words) and words[last + 1].text in particles and capital(last + 2):
        last += 2  # "[Мұхаммед] бин Салманмен"
    elif words[last].text.casefold() in particles and capital(last + 1):
        last += 1  # "[Әбдірахман Әл] Тани"
    if (first, last) == (inside[0], inside[-1]):
        return mention
    start, end = words[first].start, words[last].end
    lead = sentence.text[start - sentence.start : mention.start - sentence.start]
    # A new last word carries the case ending: linking then reads the dictionary form word by word.
    lemma = lead + mention.lemma if mention.lemma and last == inside[-1] else None
    text = sentence.text[start - sentence.start : end - sentence.start]
    return dataclasses.replace(mention, start=start, end=end, text=text, lemma=lemma)


__all__ = ["SUPPORTED_LANGS", "recognize"]
