"""One CoNLL-U reader for every tool that reads Universal Dependencies files (training, scoring, benches)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def read_conllu(path: Path) -> list[list[list[str]]]:
    """Sentences as lists of 10-column rows (multi-word and empty nodes dropped)."""
    return [[list(w.cols) for w in s.words] for s in read_ud(path)]


def parse_feats(raw: str) -> dict[str, str]:
    """``Case=Nom|Number=Sing`` -> {"Case": "Nom", "Number": "Sing"}; ``_`` -> {}."""
    if raw in ("_", ""):
        return {}
    return dict(item.split("=", 1) for item in raw.split("|") if "=" in item)


@dataclass
class UdWord:
    """One syntactic word; ``head`` is 0-based within the sentence, -1 for the root."""

    cols: tuple[str, ...]
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]
    head: int
    deprel: str
    space_after: bool


@dataclass
class UdSentence:
    sent_id: str
    text: str
    words: list[UdWord] = field(default_factory=list)
    # Multi-word tokens as (first word index, last word index inclusive, surface form, space after).
    multiword: list[tuple[int, int, str, bool]] = field(default_factory=list)
    doc_id: str = ""

    def surface(self) -> tuple[str, list[tuple[int, int]]]:
        """The sentence text rebuilt from its tokens, and each word's character span in it.

        Words of a multi-word token ("don't" = do + n't) all get the span of the surface token.
        """
        spans: list[tuple[int, int]] = [(0, 0)] * len(self.words)
        by_first = {first: (first, last, form, space) for first, last, form, space in self.multiword}
        parts: list[str] = []
        pos = 0
        i = 0
        while i < len(self.words):
            if i in by_first:
                _, last, form, space = by_first[i]
                for k in range(i, last + 1):
                    spans[k] = (pos, pos + len(form))
                text, next_i = form, last + 1
            else:
                word = self.words[i]
                spans[i] = (pos, pos + len(word.form))
                text, space, next_i = word.form, word.space_after, i + 1
            parts.append(text + (" " if space else ""))
            pos += len(text) + (1 if space else 0)
            i = next_i
        return "".join(parts).rstrip(" "), spans


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_ud(path: Path) -> list[UdSentence]:
    """Every sentence of a CoNLL-U file with its words, multi-word tokens and ``# text``."""
    sentences: list[UdSentence] = []
    current = UdSentence("", "")
    doc_id = ""
    pending_mwt: list[tuple[int, int, str, bool]] = []

    def flush() -> None:
        nonlocal current, pending_mwt
        if current.words:
            current.multiword = pending_mwt
            current.doc_id = doc_id
            sentences.append(current)
        current, pending_mwt = UdSentence("", ""), []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key = key.strip()
            if key == "sent_id":
                current.sent_id = value.strip()
            elif key == "text":
                current.text = value.strip()
            elif key == "newdoc id":
                doc_id = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            continue
        if "-" in cols[0]:
            first, last = (int(x) - 1 for x in cols[0].split("-"))
            pending_mwt.append((first, last, cols[1], _space_after(cols[9])))
            continue
        if not cols[0].isdigit():
            continue  # empty nodes of enhanced dependencies
        head = int(cols[6]) - 1 if cols[6].isdigit() else -1
        current.words.append(UdWord(
            cols=tuple(cols), form=cols[1], lemma=cols[2], upos=cols[3], xpos=cols[4],
            feats=parse_feats(cols[5]), head=head, deprel=cols[7], space_after=_space_after(cols[9]),
        ))
    flush()
    return sentences
