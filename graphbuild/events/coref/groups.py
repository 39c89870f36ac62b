"""Plural descriptions of the parties: "the two leaders", "обе стороны", "главы государств", "екі ел
басшылары" stand for the actors of the wanted kind that the latest sentence naming two or more of them
put side by side (the same sentence before the words first)."""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.context import SentenceContext
from graphbuild.events.coref.lexicon import CorefLexicon, PartyWord
from graphbuild.events.coref.links import Link
from graphbuild.events.lexicon import Lexicon, Match, compile_patterns, find_matches
from graphbuild.language.tree import base

CONFIDENCE = 0.5
GROUP_REACH = 2  # sentences a plural pronoun looks back for the sides it stands for
_PARTY_KINDS = ("Person", "Country", "Organization")
_ANY = PartyWord("Any", plural=True)  # the event lexicon's party words are plural by their form


def _members(sc: SentenceContext, kind: str, before: int | None = None) -> list[Arg]:
    """The first kind (in text order; only ``kind`` unless "Any") of which the sentence names two or
    more distinct actors, and those actors' first mentions."""
    args = [a for a in sorted(sc.args, key=lambda a: a.i)
            if a.active and a.actor and a.kind in _PARTY_KINDS and (before is None or a.j <= before)
            and kind in ("Any", a.kind)]
    for found in dict.fromkeys(a.kind for a in args):
        same = list({a.actor: a for a in reversed(args) if a.kind == found}.values())[::-1]
        if len(same) > 1:
            return same
    return []


def _several(sc: SentenceContext, m: Match) -> bool:
    """The parse reads the words as several: one is plural or counted ("двух лидеров"), or they are
    the subject of a plural verb (the tagger reads "стороны" as a genitive singular)."""
    tree = sc.tree
    for k in m.indices:
        t = sc.tokens[k]
        if t.feats.get("Number") == "Plur" or t.pos == "NUM" or tree.deps(k, "nummod"):
            return True
        governor = tree.head(k)
        if base(tree.rel(k)) == "nsubj" and governor is not None \
                and sc.tokens[governor].feats.get("Number") == "Plur":
            return True
    return False


def _party_matches(sc: SentenceContext, lex: Lexicon, words: CorefLexicon) -> list[tuple[Match, PartyWord]]:
    """The sentence's party descriptions: the event lexicon's ``party_words`` and the coreference
    lexicon's, longest first, each with what its members are."""
    specs = {p: _ANY for p in lex.raw.get("party_words", [])} | words.party_words
    found = find_matches(sc.tokens, compile_patterns(list(specs)), set())
    return [(m, specs[m.value]) for m in found if specs[m.value].plural or _several(sc, m)]


def party_links(sc: SentenceContext, earlier: list[SentenceContext], lex: Lexicon,
                words: CorefLexicon) -> list[Link]:
    """Links of the sentence's party descriptions to their members."""
    links = []
    s = sc.sentence
    for m, party in _party_matches(sc, lex, words):
        members = _members(sc, party.kind, m.start) or next(
            (g for p in reversed(earlier) if (g := _members(p, party.kind))), [])
        if members:
            first, last = sc.tokens[m.start], sc.tokens[m.end - 1]
            links.append(Link(first.start, last.end, s.text[first.start - s.start:last.end - s.start], "parties",
                              tuple(a.actor for a in members), None, CONFIDENCE))
    return links


def pronoun_group(sc: SentenceContext, k: int, earlier: list[SentenceContext], lex: Lexicon) -> tuple[list[Arg], bool]:
    """"Shoigu met Kim. They discussed ...": the two or more people that the pronoun's own sentence
    names before it, else the latest of the two sentences before that names them (a link only: as event
    sides they cost a held-out Russian set an event); "Kazakhstan, Uzbekistan and Kyrgyzstan said they
    ...": the states or bodies coordinated as one subject, there or in the sentence before, which act
    (the flag).  Several countries named apart are left to the single-antecedent rules: "they" is often
    one body."""
    reach = earlier[-GROUP_REACH:]
    people = _members(sc, "Person", k) or next((g for p in reversed(reach) if (g := _members(p, "Person"))), [])
    if people:
        return people, False
    joint = _joint_subject(sc, lex, k) or next((g for p in reversed(reach[-1:]) if (g := _joint_subject(p, lex))), [])
    return joint, True


def _joint_subject(sc: SentenceContext, lex: Lexicon, before: int | None = None) -> list[Arg]:
    """The latest subject (before token ``before``) that is two or more coordinated states or bodies
    ("Kazakhstan and Uzbekistan", "the governments of A, B and C")."""
    from graphbuild.events.passes.arguments import actors_at  # the passes import this module's pass

    tree = sc.tree
    end = len(sc.tokens) if before is None else before
    verbs = dict.fromkeys(h for k in range(end) if tree.rel(k) == "nsubj" and (h := tree.head(k)) is not None)
    for v in reversed(list(verbs)):
        # Every subject of the verb: a parse may hang each coordinated name on it ("A, B and C said").
        members = {a.actor: a for d in tree.deps(v, "nsubj") if d < end and tree.rel(d) == "nsubj"
                   for a in actors_at(sc, d, lex) if a.kind in ("Country", "Organization")}
        if len(members) > 1:
            return list(members.values())
    return []
