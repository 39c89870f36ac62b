"""Case shared across a coordinated list in case-marking SOV languages.

Kazakh marks case once, on the last conjunct: "Путин мен Зеленскийді шақырды" invites both, "Ресей,
Қытай және Иранға" goes to all three.  The earlier conjuncts look nominative and would otherwise be
read as subjects.
"""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.lexicon import Lexicon
from graphbuild.language.base import Token


def _joined(tokens: list[Token], left: Arg, right: Arg, words: set[str]) -> bool:
    """Only coordinators (at least one) between the two mentions."""
    between = [t.text.lower() for t in tokens[left.j:right.i]]
    return bool(between) and all(w in words for w in between)


def share_case_in_lists(tokens: list[Token], args: list[Arg], lex: Lexicon) -> None:
    """Give a bare (nominative) conjunct the case of the conjunct after it, right to left."""
    if lex.order != "SOV" or not lex.case_suffixes:
        return
    words = set(lex.raw.get("coordinators", []))
    ordered = sorted(args, key=lambda a: a.i)
    for k in range(len(ordered) - 2, -1, -1):
        left, right = ordered[k], ordered[k + 1]
        if left.case in (None, "Nom") and right.case not in (None, "Nom") and left.prep is None \
                and _joined(tokens, left, right, words):
            left.case = right.case
            left.prep = left.prep or right.prep
