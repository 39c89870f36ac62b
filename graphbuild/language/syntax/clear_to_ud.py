"""ClearNLP-style dependencies (spaCy's English OntoNotes pipelines) rewritten as Universal Dependencies.

The two schemes differ in a few constructions; the rest is a renaming.  Prepositions head their
phrase in ClearNLP ("in" -> pobj "Kyiv") and mark it in UD ("Kyiv" -> case "in"); a copula heads its
clause in ClearNLP ("is" -> attr "threat") and depends on the predicate in UD ("threat" -> cop "is");
a multiword name is headed by its last word in ClearNLP and by its first in UD ("Maria" -> flat
"Zakharova").  ``to_ud`` takes the parse as plain lists and returns UD heads and relations, so it is
tested without a model.
"""

from __future__ import annotations

from dataclasses import dataclass

# ClearNLP labels that are only renamed.
RENAMED = {
    "nsubj": "nsubj", "nsubjpass": "nsubj:pass", "csubj": "csubj", "csubjpass": "csubj:pass",
    "dobj": "obj", "iobj": "iobj", "dative": "iobj", "expl": "expl", "oprd": "xcomp",
    "poss": "nmod:poss", "case": "case", "compound": "compound", "amod": "amod", "nummod": "nummod",
    "quantmod": "advmod", "det": "det", "predet": "det:predet", "neg": "advmod", "aux": "aux",
    "auxpass": "aux:pass", "advmod": "advmod", "npadvmod": "obl:npmod", "advcl": "advcl",
    "ccomp": "ccomp", "xcomp": "xcomp", "acl": "acl", "relcl": "acl:relcl", "appos": "appos",
    "conj": "conj", "cc": "cc", "preconj": "cc:preconj", "mark": "mark", "nmod": "nmod",
    "prt": "compound:prt", "intj": "discourse", "meta": "discourse", "parataxis": "parataxis",
    "punct": "punct", "dep": "dep", "ROOT": "root", "attr": "xcomp", "acomp": "xcomp",
    # rewritten below when their preposition or clause is found
    "prep": "case", "agent": "case", "pobj": "obl", "pcomp": "advcl",
}
# Heads whose prepositional dependents are obliques (the rest take nominal modifiers).
CLAUSAL_POS = frozenset({"VERB", "AUX", "ADJ", "ADV"})
_PREPOSITIONS = frozenset({"prep", "agent"})
# Forms of "be" (a lemma or the word itself): the copula.
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "’s", "’re"})


@dataclass
class Word:
    """One parsed word: ClearNLP head (-1 for the root) and label, UPOS, lemma, named-entity span id."""

    head: int
    dep: str
    pos: str
    lemma: str
    entity: int = -1  # index of the named entity the word is in, -1 for none
    person: bool = False  # the entity is a person's name
    possessive: bool = False  # one token with its possessive clitic ("Russia's"): the name owns the next noun


def to_ud(words: list[Word]) -> list[tuple[int, str]]:
    """UD (head, deprel) per word; exactly one root when the input has one."""
    head = [w.head for w in words]
    rel = [RENAMED.get(w.dep, "dep") for w in words]
    if words:
        _prepositions(words, head, rel)
        _copulas(words, head, rel)
        _names(words, head, rel)
        _coordinators(words, head, rel)
        _titles(words, head, rel)
        _possessives(words, head, rel)
        _punctuation(words, head, rel)
        for k, w in enumerate(words):
            if w.dep == "aux" and w.pos == "PART":
                rel[k] = "mark"  # infinitival "to"
                if head[k] >= 0 and rel[head[k]] == "acl:relcl":
                    rel[head[k]] = "acl"  # "a deal to supply gas": an infinitive, no relative clause
    return list(zip(head, rel, strict=True))


def _children(head: list[int], i: int) -> list[int]:
    return [k for k, h in enumerate(head) if h == i]


def _promote(head: list[int], rel: list[str], old: int, new: int, new_rel: str, old_rel: str) -> None:
    """``new`` takes ``old``'s place in the tree; ``old`` and its other dependents hang on ``new``."""
    for k in _children(head, old):
        if k != new:
            head[k] = new
    head[new], rel[new] = head[old], new_rel
    head[old], rel[old] = new, old_rel


def _attachment(words: list[Word], head: list[int], rel: list[str], p: int) -> str:
    """What a phrase hanging where ``p`` hangs is: the root, a conjunct, an oblique or a modifier."""
    if head[p] < 0:
        return "root"
    if words[p].dep == "conj":
        return "conj"
    return "obl" if words[head[p]].pos in CLAUSAL_POS else "nmod"


def _prepositions(words: list[Word], head: list[int], rel: list[str]) -> None:
    """"in -> Kyiv" becomes "Kyiv -> case in"; "by -> supplying" becomes "supplying -> mark by".
    Right to left, so that "according to X" finds X already under "according"."""
    moved: set[int] = set()
    for p in range(len(words) - 1, -1, -1):
        w = words[p]
        if w.dep not in _PREPOSITIONS and not (w.dep == "dative" and w.pos == "ADP"):
            continue
        kids = _children(head, p)
        objects = [k for k in kids if words[k].dep == "pobj"] or [k for k in kids if k in moved]
        clauses = [k for k in kids if words[k].dep == "pcomp"]
        if objects:
            n = objects[0]
            attach = _attachment(words, head, rel, p)
            _promote(head, rel, p, n, "obl:agent" if w.dep == "agent" and attach == "obl" else attach, "case")
            moved.add(n)
        elif clauses:
            c = clauses[0]
            clause_rel = "advcl" if head[p] < 0 or words[head[p]].pos in CLAUSAL_POS else "acl"
            _promote(head, rel, p, c, "root" if head[p] < 0 else clause_rel, "mark")
        else:
            rel[p] = "compound:prt" if head[p] >= 0 else "root"  # a stranded preposition ("looked at")


def _copulas(words: list[Word], head: list[int], rel: list[str]) -> None:
    """"X is a threat": the predicate heads the clause and "is" is its copula (not with "there is")."""
    for b, w in enumerate(words):
        if w.lemma.lower() not in BE_FORMS or w.pos not in ("AUX", "VERB"):
            continue
        kids = _children(head, b)
        if any(words[k].dep == "expl" for k in kids):
            for k in kids:
                if words[k].dep == "attr":
                    rel[k] = "nsubj"  # "there is a risk": the risk is the subject
            continue
        predicates = [k for k in kids if words[k].dep in ("attr", "acomp")]
        if predicates:
            _promote(head, rel, b, predicates[0], rel[b], "cop")


def _span(head: list[int], i: int) -> tuple[int, int]:
    """First and last word of the subtree of ``i``."""
    inside = {i}
    for _ in range(len(head)):
        grown = inside | {k for k, h in enumerate(head) if h in inside}
        if grown == inside:
            break
        inside = grown
    return min(inside), max(inside)


def _punctuation(words: list[Word], head: list[int], rel: list[str]) -> None:
    """A comma or dash inside a clause hangs on the phrase it opens (", calling it ...") or, if none,
    the phrase it closes ("On Monday, ..."), as UD has it; ClearNLP hangs it on the clause's head, which
    would put it outside the phrase it belongs to."""
    for p in range(len(words)):
        h = head[p]
        if rel[p] != "punct" or h < 0 or p == len(words) - 1:
            continue
        siblings = [d for d in _children(head, h) if d != p and rel[d] != "punct"]
        opened = [d for d in siblings if _span(head, d)[0] == p + 1]
        closed = [d for d in siblings if _span(head, d)[1] == p - 1 and d < h]
        if opened:
            head[p] = opened[0]
        elif closed:
            head[p] = closed[0]


def _titles(words: list[Word], head: list[int], rel: list[str]) -> None:
    """"President Vladimir Putin": the title right before a person's name describes it (nmod:desc)."""
    for k, w in enumerate(words):
        n = head[k]
        if rel[k] == "compound" and n == k + 1 and words[n].person and w.entity != words[n].entity \
                and w.pos in ("NOUN", "PROPN"):
            rel[k] = "nmod:desc"


def _possessives(words: list[Word], head: list[int], rel: list[str]) -> None:
    """"North Korea's state agency": a name written with its clitic owns the noun it modifies (the
    OntoNotes parser, trained with the clitic apart, calls it a compound)."""
    for k, w in enumerate(words):
        if not w.possessive:
            continue
        top = k
        while rel[top] == "flat" and head[top] >= 0:
            top = head[top]
        if rel[top] == "compound":
            rel[top] = "nmod:poss"


def _coordinators(words: list[Word], head: list[int], rel: list[str]) -> None:
    """"Russia and China": the conjunction hangs on the conjunct it introduces, not on the first."""
    for k in range(len(words)):
        if rel[k] not in ("cc", "cc:preconj") or head[k] < 0 or rel[k] == "cc:preconj":
            continue
        later = [c for c in _children(head, head[k]) if rel[c] == "conj" and c > k]
        if later:
            head[k] = later[0]


def _names(words: list[Word], head: list[int], rel: list[str]) -> None:
    """A person's name ("Maria Zakharova") is headed by its first word, as UD has it; other names ("U.N.
    General Assembly") keep their last word as head, their other words as compounds."""
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and words[i].person and words[j + 1].entity == words[i].entity \
                and words[j].pos == "PROPN" and words[j + 1].pos == "PROPN":
            j += 1
        run = range(i, j + 1)
        if j > i and all(head[k] in run and head[k] > k and rel[k] == "compound" for k in run[:-1]):
            _promote(head, rel, j, i, rel[j], "flat")
            for k in run[1:]:
                head[k], rel[k] = i, "flat"
        i = j + 1
