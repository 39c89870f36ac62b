"""Named mentions of GUM's entity layer, as gold for English NER.

GUM (../shared/data/ud/en_gum) marks every entity mention in the MISC column as
``Entity=(id-etype-infstat-...`` on its first word and ``id)`` on its last.  A *named* mention is
one of type person, place or organization whose head word is a proper noun; the gold name is the
run of capitalised words around that head ("the United States" -> "United States"), after any
title words ("President Donald Trump" -> "Donald Trump").  Mentions
nested in a longer named mention of another entity stay gold of their own (a place inside an
organisation's name), as the annotators gave them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graphbuild.language.syntax.conllu import UdSentence, read_ud

EN_RULES = Path(__file__).with_name("en_rules.json")
# GUM entity types kept, with the graphbuild kind each one scores against.
GUM_KINDS: dict[str, str] = {"person": "Person", "place": "Place", "organization": "Organization"}
# The genres closest to news that graphbuild reads.
GUM_NEWS_GENRES: tuple[str, ...] = ("news", "interview", "bio")
_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_CLOSE = re.compile(r"(\d+)\)")
_POSSESSIVE = re.compile(r"(?:['’]s?)?$")
# Lower-case words that stay inside a name ("Daughters of the American Revolution").
_JOINERS = frozenset({"of", "the", "and", "for", "de", "la", "von", "van", "der", "al", "bin"})


@dataclass
class GumSentence:
    text: str
    # (kind, first character, end character) of each named mention in ``text``.
    names: set[tuple[str, int, int]] = field(default_factory=set)


def _entity_field(misc: str) -> str:
    return next((item[len("Entity="):] for item in misc.split("|") if item.startswith("Entity=")), "")


def _named_spans(sentence: UdSentence) -> set[tuple[str, int, int]]:
    """Word spans [first, last] of named person/place/organization mentions, kind mapped."""
    open_stack: dict[str, list[tuple[str, int]]] = {}
    found: set[tuple[str, int, int]] = set()
    for i, word in enumerate(sentence.words):
        entity = _entity_field(word.cols[9])
        for m in _OPEN.finditer(entity):
            open_stack.setdefault(m.group(1), []).append((m.group(2), i))
        # A one-word mention opens and closes on the same word: "(7-time-...-coref)".
        for m in _CLOSE.finditer(entity):
            stack = open_stack.get(m.group(1))
            if not stack:
                continue
            etype, first = stack.pop()
            if etype in GUM_KINDS:
                found.add((GUM_KINDS[etype], first, i))
    return found


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    rules = json.loads(EN_RULES.read_text(encoding="utf-8"))
    return frozenset(w for key in ("title_heads", "title_modifiers") for w in rules[key])


def _title_word(form: str) -> bool:
    return form.lower() in _title_words()


def _name_run(sentence: UdSentence, first: int, last: int) -> tuple[int, int] | None:
    """The name inside a mention: the run of capitalised words (joined by "of", "the"...) around the
    mention's head, if that head is a proper noun ("critics of Donald Trump" has none of its own)."""
    words = sentence.words
    inside = range(first, last + 1)
    heads = [i for i in inside if not first <= words[i].head <= last]
    if len(heads) != 1 or words[heads[0]].upos != "PROPN":
        return None
    head = heads[0]

    def part(i: int) -> bool:
        return words[i].form[:1].isupper() or words[i].form[:1].isdigit() or words[i].form.lower() in _JOINERS

    a = b = head
    while a > first and part(a - 1):
        a -= 1
    while b < last and part(b + 1):
        b += 1
    # "U.S. President Donald Trump": the person's name starts after the title (the title words of
    # graphbuild's English NER rules), as our own gold writes it.
    if all(_title_word(words[i].form) for i in range(a, b + 1)):
        return None  # "the President": a title, no name
    titled = [i for i in range(a, b) if _title_word(words[i].form)]
    if titled and words[head].upos == "PROPN" and titled[-1] < head:
        a = titled[-1] + 1
    while words[a].form.lower() in _JOINERS:
        a += 1
    while words[b].form.lower() in _JOINERS:
        b -= 1
    return a, b


def read_gum_names(path: Path) -> list[GumSentence]:
    """Each sentence of a GUM CoNLL-U file with the character spans of its named mentions."""
    out: list[GumSentence] = []
    for sentence in read_ud(path):
        text, spans = sentence.surface()
        names: set[tuple[str, int, int]] = set()
        for kind, first, last in _named_spans(sentence):
            run = _name_run(sentence, first, last)
            if run is not None:
                start, end = spans[run[0]][0], spans[run[1]][1]
                end -= len(_POSSESSIVE.search(text[start:end]).group(0))  # "Afghanistan's" (one token)
                if end > start:
                    names.add((kind, start, end))
        out.append(GumSentence(text, names))
    return out


def gum_test_documents(gum_dir: Path, genres: tuple[str, ...] = GUM_NEWS_GENRES) -> dict[str, list[GumSentence]]:
    """GUM's test documents of the given genres (its own split list), by document id."""
    listed = (gum_dir / "split-test.txt").read_text(encoding="utf-8").split()
    return {doc: read_gum_names(gum_dir / f"{doc}.conllu") for doc in listed if doc.split("_")[1] in genres}
