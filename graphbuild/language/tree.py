"""Read-only navigation of a parsed sentence's dependency tree.

Relations are Universal Dependencies names; ``base`` strips the subtype (``nsubj:pass`` ->
``nsubj``) for code that does not care about it.  Nothing here knows a language: markers (the
``case`` and ``mark`` children of a word) are returned as lemmas for data files to interpret.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

from graphbuild.language.base import Sentence, Token

# Relations that hold a word loosely to the sentence, not as a phrase's role in it.
_LOOSE = frozenset({"discourse", "dep", "punct", "vocative", "reparandum", "parataxis"})


def base(deprel: str) -> str:
    return deprel.split(":", 1)[0]


class Tree:
    """One sentence's tokens with their children lists."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.tokens: list[Token] = sentence.tokens

    @cached_property
    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, t in enumerate(self.tokens):
            if 0 <= t.head < len(self.tokens) and t.head != i:
                kids[t.head].append(i)
        return kids

    @property
    def parsed(self) -> bool:
        return any(t.deprel for t in self.tokens)

    def rel(self, i: int) -> str:
        return self.tokens[i].deprel

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return h if 0 <= h < len(self.tokens) and h != i else None

    def deps(self, i: int, *rels: str) -> list[int]:
        """Children of ``i`` whose relation (full, or its base without subtype) is one of ``rels``."""
        return [k for k in self.children[i] if not rels or self.rel(k) in rels or base(self.rel(k)) in rels]

    def nominal(self, i: int) -> bool:
        """``i`` heads a noun phrase: tagged a noun, or carrying a determiner whatever its tag ("the
        raid" tagged as a verb by a parser that rarely saw the noun)."""
        return self.tokens[i].pos in ("NOUN", "PROPN") or bool(self.deps(i, "det"))

    def markers(self, i: int) -> list[str]:
        """The adpositions and subordinators of ``i`` as lower-cased lemmas ("в", "to", "қарсы"); a
        multiword one ("в отношении", "according to") is given whole, words joined by spaces."""
        out = []
        for k in self.children[i]:
            if base(self.rel(k)) in ("case", "mark"):
                words = [k, *self.deps(k, "fixed")]
                out.append(" ".join((self.tokens[w].lemma or self.tokens[w].text).lower() for w in sorted(words)))
        return out

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and every word coordinated with it ("Russia and China", "Russia, Iran and Syria")."""
        out = [i]
        for k in out:
            out.extend(c for c in self.deps(k, "conj") if c not in out)
        return out

    def subtree(self, i: int) -> set[int]:
        out = {i}
        stack = [i]
        while stack:
            for k in self.children[stack.pop()]:
                if k not in out:
                    out.add(k)
                    stack.append(k)
        return out

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        h = self.head(i)
        while h is not None and h not in seen:
            yield h
            seen.add(h)
            h = self.head(h)

    def dominates(self, top: int, i: int) -> bool:
        return top == i or top in self.ancestors(i)

    def phrase_head(self, indices: Sequence[int]) -> int:
        """The word of ``indices`` whose head lies outside them (the phrase's head); the last word
        when the parse closes them in a cycle."""
        inside = set(indices)
        outside = [k for k in indices if self.head(k) is None or self.head(k) not in inside]
        if not outside:
            return indices[-1]
        # A parse that splits a name ("Xi/discourse Jinping/nsubj met") hangs it by the word that
        # carries the phrase's role; loose attachments are the parser's leftovers.
        held = [k for k in outside if base(self.rel(k)) not in _LOOSE] or outside
        # A parse that splits a name over two roles ("БҰҰ/nsubj Қауіпсіздік кеңесінің/nmod:poss"):
        # the word that heads more of the phrase carries its role.
        return max(held, key=lambda k: sum(1 for m in indices if self.dominates(k, m)))

    def span_head(self, i: int, j: int) -> int:
        """The head word of tokens [i, j)."""
        return self.phrase_head(range(i, j))
