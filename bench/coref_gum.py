"""GUM's coreference layer as gold chains over one document's text (for bench/coref_eval.py).

Each word's MISC ``Entity=`` opens mentions as ``(id-etype-...`` (closed on the same word when the
group ends with ``)``) and closes them as ``id)``; mentions sharing an id form one chain.  The document
text is its sentences, one per line, so character offsets are comparable with graphbuild's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graphbuild.language.syntax.conllu import UdSentence, read_ud

_GROUP = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")
# Entity types whose chains are actors: a named chain of these is what the benchmark scores.
ACTOR_TYPES = ("person", "organization", "place")


@dataclass(frozen=True)
class GoldMention:
    chain: str
    etype: str
    start: int  # character offsets in the document text
    end: int
    named: bool  # its head word is a proper noun
    pronoun: bool  # one personal pronoun
    text: str


@dataclass
class GumDocument:
    id: str
    text: str
    date: str | None
    mentions: list[GoldMention]


def _entity(misc: str) -> str:
    return next((item[len("Entity="):] for item in misc.split("|") if item.startswith("Entity=")), "")


def _mentions(sentence: UdSentence, offset: int, text: str) -> list[GoldMention]:
    _, spans = sentence.surface()
    words = sentence.words
    opened: dict[str, list[tuple[str, int]]] = {}
    found: list[GoldMention] = []

    def close(chain: str, etype: str, first: int, last: int) -> None:
        inside = range(first, last + 1)
        heads = [i for i in inside if not first <= words[i].head <= last]
        head = words[heads[0]] if len(heads) == 1 else words[last]
        start, end = offset + spans[first][0], offset + spans[last][1]
        pronoun = first == last and head.upos == "PRON" and head.feats.get("PronType") == "Prs"
        found.append(GoldMention(chain, etype, start, end, head.upos == "PROPN", pronoun, text[start:end]))

    for i, word in enumerate(words):
        for m in _GROUP.finditer(_entity(word.cols[9])):
            if m.group(1):
                etype = m.group(2).split("-", 1)[0]
                if m.group(3):
                    close(m.group(1), etype, i, i)
                else:
                    opened.setdefault(m.group(1), []).append((etype, i))
            elif opened.get(m.group(4)):
                etype, first = opened[m.group(4)].pop()
                close(m.group(4), etype, first, i)
    return found


def read_gum_document(path: Path) -> GumDocument:
    sentences = read_ud(path)
    lines = [s.surface()[0] for s in sentences]
    text = "\n".join(lines)
    date = None
    for line in path.read_text(encoding="utf-8").splitlines()[:30]:
        if line.startswith("# meta::dateCreated = "):
            date = line.split("= ", 1)[1].strip()[:10]
    mentions: list[GoldMention] = []
    offset = 0
    for sentence, line in zip(sentences, lines, strict=True):
        mentions += _mentions(sentence, offset, text)
        offset += len(line) + 1
    return GumDocument(path.stem, text, date, sorted(mentions, key=lambda m: (m.start, -m.end)))


def gum_documents(gum_dir: Path, genres: tuple[str, ...]) -> list[GumDocument]:
    """GUM's dev and test documents of ``genres`` (its own split lists)."""
    names = [n for split in ("split-dev.txt", "split-test.txt")
             for n in (gum_dir / split).read_text(encoding="utf-8").split()]
    return [read_gum_document(gum_dir / f"{n}.conllu") for n in names if n.split("_")[1] in genres]
