"""Pass ``discourse``: sides an act leaves unnamed in its own phrase, taken from the article.

- "the sides", "стороны", "тараптар", "the two leaders" in a slot are the parties of the latest
  joint act (visit, meeting, talks, agreement, cooperation) with two sides;
- a joint act with one side named meets the host of that side's latest visit ("Путин прибыл в
  Пекин ... провёл переговоры с Си" needs no help, "... провёл переговоры" does);
- a demand, warning or offer made beside a verb that names the one spoken to ("summoned the
  ambassador and demanded", "spoke with Vucic and urged") is addressed to them;
- a refusal with no one named answers the latest demand or offer made to the refuser ("X demanded that
  Takaichi retract ... Takaichi refused");
- a pull-back with no place named leaves where the same side's forces were last sent or struck
  (common.json ``withdrawn_from``);
- a one-sided act with a doer but no target takes the closest other actor of its own clause that no
  other act of the sentence uses and that is not the doer's own state when the act is hostile
  (events/sides.py); the event's confidence says the target was guessed.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.lexicon import common, find_matches, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.events.passes.arguments import actors_at, slot_of, violated_words
from graphbuild.events.passes.links import PROPOSALS
from graphbuild.events.sides import states_of, without_own_side
from graphbuild.language.tree import Tree, base

_JOINT = ("VISIT", "MEET", "NEGOTIATE", "AGREE", "COOPERATE")
# Types whose other side is often left unnamed on purpose ("North Korea denied the reports").
_NO_GUESS = ("DENY", "MOBILIZE")
# Acts said to someone: made beside a verb that names the one spoken to, they are addressed to them.
_ADDRESSED = ("REQUEST", "THREATEN", "OFFER")
# A refusal with no one named answers the latest of these made to the refuser.
_REFUSALS = ("REJECT",)


def _last_told(c: Candidate) -> int:
    return max([c.sent.index, *(s.index for s in c.extra_evidence)])


def _parties(earlier: list[Candidate], places: set[str]) -> list[str]:
    """The sides of the joint act told last (a re-mention counts where it stands); the place a visit goes
    to is no side ("Xi travelled to California ... the two men met")."""
    for o in sorted(earlier, key=_last_told, reverse=True):
        sides = [a for a in dict.fromkeys(o.source + o.target) if a not in places]
        if o.type in _JOINT and len(sides) > 1 and not (o.negated or o.denied):
            return sides
    return []


def _party_phrase(tree: Tree, d: int, words: list) -> bool:
    """A party word in the phrase headed by ``d``."""
    return bool(find_matches([tree.tokens[k] for k in sorted(tree.subtree(d))], words, set()))


def _near(c: Candidate) -> list[int]:
    """The trigger's dependents and the subject of the verb governing it: where its sides are named."""
    tree = c.sent.tree
    near = [d for k in c.indices for d in tree.children[k]]
    gov = tree.head(c.head)
    if gov is not None:
        near += tree.deps(gov, "nsubj")
    return near


def _names_parties(c: Candidate, words: list) -> bool:
    """A party word among the trigger's dependents, or as the subject of the verb governing it."""
    return any(_party_phrase(c.sent.tree, d, words) for d in _near(c))


def _linked_parties(c: Candidate, ctx: DocContext) -> list[str]:
    """The members the coreference pass gave a plural description near the trigger ("where the three
    leaders met": the three named before); that pass decides who such words stand for."""
    tree, tokens = c.sent.tree, c.sent.tokens
    spans = [(tokens[k].start, tokens[k].end) for d in _near(c) for k in tree.subtree(d)]
    return next((list(link.actors) for link in ctx.coref_links if link.kind == "parties"
                 and any(link.start < end and start < link.end for start, end in spans)), [])


def _sides_at_odds(earlier: list[Candidate], ctx: DocContext) -> list[str]:
    """The two states of the act told last whose doer and target are one state each, and not the same
    ("urged both sides to show restraint" after "Pakistan struck Iran": Pakistan and Iran)."""
    for o in sorted(earlier, key=_last_told, reverse=True):
        if o.symmetric or o.negated or o.denied or not o.source or not o.target:
            continue
        doer, done_to = states_of(o.source, ctx.kb, ctx.doc.published), states_of(o.target, ctx.kb, ctx.doc.published)
        if len(doer) == 1 and len(done_to) == 1 and doer != done_to:
            return [*doer, *done_to]
    return []


def _addresses_parties(c: Candidate, words: list, ctx: DocContext) -> bool:
    """A party word in the phrase the act is addressed to ("urged both sides", "призвала обе стороны")."""
    tree = c.sent.tree
    return any(slot_of(tree, d, ctx.lex) in ("obj", "to", "with", "against") and _party_phrase(tree, d, words)
               for d in tree.children[c.head])


def _states(parties: list[str], ctx: DocContext) -> list[str]:
    """"the two governments", "both countries": the states of parties the KB knows to hold an office of
    one at the article's date (a leader stands for the country here), the parties themselves otherwise."""
    on = ctx.doc.published
    out: list[str] = []
    for party in parties:
        offices = [r["of"] for r in ctx.kb.roles_of(party) if party in ctx.kb and r.get("of") in ctx.kb
                   and ctx.kb.actor(r["of"]).kind == "Country" and ctx.kb.role_term(party, r["role"], r["of"], on)]
        out += [offices[0]] if len(set(offices)) == 1 else [party]
    return list(dict.fromkeys(out))


def _clause(tree: Tree, k: int) -> set[int]:
    """The words of the clause ``k`` belongs to (its nearest verbal ancestor's subtree)."""
    top = k
    for h in [k, *tree.ancestors(k)]:
        top = h
        if tree.tokens[h].pos in ("VERB", "AUX") or tree.head(h) is None:
            break
    words = tree.subtree(top)
    # "... violated the convention, and Nicaragua announced ...": a coordinated verb with a subject of
    # its own is another clause, whatever the parse hung it on.
    for d in tree.children[top]:
        if base(tree.rel(d)) == "conj" and tree.tokens[d].pos in ("VERB", "AUX") and tree.deps(d, "nsubj"):
            words -= tree.subtree(d)
    return words


def _guess(c: Candidate, ctx: DocContext, used: set[int]) -> str | None:
    """``used``: the words of the sentence another act takes by its own grammar (a second mention of
    the same actor elsewhere in the clause is free)."""
    tree = c.sent.tree
    words = _clause(tree, c.head)
    # Subjects of the words above the trigger speak about it or evaluate it; they are not its target.
    above = {a.actor for h in tree.ancestors(c.head) for d in tree.deps(h, "nsubj")
             for a in actors_at(c.sent, d, ctx.lex)}
    taken = set(c.participants) | set(c.reported_by) | above
    violated = violated_words(c, ctx.lex)
    taken |= {a.actor for a in c.sent.args if a.head in violated}
    # A place is a side only of acts that can be aimed at one (an attack, a visit); a summit "in Kazan"
    # does not meet Kazan (a region that stands for its states is a side like them).
    places = c.type in common().place_as_target
    options = [a for a in c.sent.args if a.head in words and a.active and a.actor and a.actor not in taken
               and a.head not in used
               and (places or a.kind != "Place" or ctx.kb.members(a.actor))
               and without_own_side(c.type, c.source, [a.actor], ctx.kb, ctx.doc.published)]
    if not options:
        return None
    return min(options, key=lambda a: abs(a.head - c.head)).actor


def _addressee(c: Candidate, ctx: DocContext) -> list[str]:
    """"summoned Russia's ambassador and demanded ...", "spoke with Vucic and urged ...": the actor a
    verb coordinated with the trigger speaks to (its object, or its "with"/"to" phrase)."""
    tree = c.sent.tree
    if tree.tokens[c.head].pos != "VERB":
        return []
    gov = tree.head(c.head)
    first = gov if gov is not None and base(tree.rel(c.head)) == "conj" else c.head
    out: list[str] = []
    for v in tree.conjuncts(first):
        if v == c.head or tree.tokens[v].pos != "VERB" or (tree.deps(v, "nsubj") and v != first):
            continue  # a conjunct with a subject of its own is another speaker's act
        for d in tree.children[v]:
            if slot_of(tree, d, ctx.lex) in ("obj", "to", "with"):
                out += [a.actor for a in actors_at(c.sent, d, ctx.lex) if a.actor not in c.source + out]
    return out


def _asker(c: Candidate, earlier: list[Candidate], ctx: DocContext) -> list[str]:
    """"X demanded that Takaichi retract her remarks. Takaichi has refused": a refusal with no one named
    answers the latest demand or offer made to the refuser (or to the state it speaks for)."""
    refuser = set(c.source) | states_of(c.source, ctx.kb, ctx.doc.published)
    for o in sorted(earlier, key=_last_told, reverse=True):
        if o.type in PROPOSALS and set(o.target) & refuser and not set(o.source) & refuser:
            return [a for a in o.source if a not in c.source]
    return []


def _left_place(c: Candidate, earlier: list[Candidate]) -> list[str]:
    """"demanded the withdrawal of the North Korean troops": where the same side's forces were last sent
    or struck (common.json ``withdrawn_from``)."""
    kinds = common().withdrawn_from[c.type]
    for o in sorted(earlier, key=_last_told, reverse=True):
        if o.type in kinds and o.target and set(o.source) & set(c.source) and not o.negated:
            return [t for t in o.target if t not in c.source]
    return []


def _has_subject(c: Candidate) -> bool:
    """The trigger, or a verb it shares its subject with (xcomp, conj), has a subject word, named or not
    ("The bloc ... is expected to discuss": the bloc discusses, not the members named inside it)."""
    tree = c.sent.tree
    k: int | None = c.head
    while k is not None:
        if tree.deps(k, "nsubj", "csubj", "expl"):
            return True
        k = tree.head(k) if base(tree.rel(k)) in ("xcomp", "conj", "aux", "cop") else None
    return False


def _named_before(c: Candidate, used: set[str]) -> list[str]:
    """Every actor named before the trigger in its sentence that no act of the sentence takes (places are
    where joint acts happen, never their sides)."""
    start = c.sent.tokens[c.indices[0]].start
    taken = used | set(c.reported_by)
    return list(dict.fromkeys(a.actor for a in c.sent.args if a.active and a.actor and a.actor not in taken
                              and a.kind != "Place" and c.sent.tokens[a.head].end <= start))


def _doer_before(c: Candidate, used: set[str]) -> list[str]:
    """A verb the parse left without a subject: the closest actor named before it that no act of the
    sentence takes and that is no argument of it (parsers most often lose long name phrases)."""
    start = c.sent.tokens[c.indices[0]].start
    taken = used | set(c.participants) | set(c.reported_by)
    before = [a for a in c.sent.args if a.active and a.actor and a.actor not in taken
              and c.sent.tokens[a.head].end <= start]
    return [max(before, key=lambda a: a.head).actor] if before else []


def run(ctx: DocContext) -> None:
    words = word_patterns(ctx.lex, "party_words", "side_words")
    places = {a.actor for sc in ctx.sentences for a in sc.args if a.actor and a.kind == "Place"}
    for n, c in enumerate(ctx.candidates):
        earlier = ctx.candidates[:n]
        open_sides = (c.symmetric and len(c.participants) < 2) or not c.source
        named = open_sides and bool(words) and _names_parties(c, words)
        linked = _linked_parties(c, ctx) if open_sides and not named and c.symmetric else []
        if named or linked:
            # "the two leaders": the sides of the latest joint act, else the actors named before it in its
            # own sentence ("Putin thanked Xi ..., as the two met"); any other plural description of the
            # sides of a joint act ("the three leaders met"): whom the coreference pass linked it to (for
            # one-sided acts that cost a held-out English event, so they keep the lexicon's words only)
            before = _named_before(c, set()) if c.symmetric else []
            parties = linked or _parties(earlier, places) or (before if len(before) >= 2 else [])
            if parties and _names_parties(c, word_patterns(ctx.lex, "state_party_words")):
                parties = _states(parties, ctx)
            if parties:
                if c.symmetric:
                    c.source, c.target = parties, list(parties)
                else:  # "the two leaders condemned X": both act together on a third
                    c.source = parties
                    c.target = [t for t in c.target if t not in parties]
                if c.symmetric or c.target:
                    continue
                # "the two ministers expressed concern over China's actions": the target is still to find
        if words and c.source and not c.target and not c.symmetric and _addresses_parties(c, words, ctx):
            sides = [p for p in (_parties(earlier, places) or _sides_at_odds(earlier, ctx)) if p not in c.source]
            sides = without_own_side(c.type, c.source, sides, ctx.kb, ctx.doc.published)
            if sides:
                c.target, c.guessed = sides, True
                continue
        # Actors another act of the sentence takes by its own grammar are that act's, not this one's.
        taken_by_others = [a for o in ctx.candidates if o is not c and o.sent is c.sent
                           for args in o.slots.values() for a in args]
        others = {a.actor for a in taken_by_others}
        other_words = {a.head for a in taken_by_others}
        if c.symmetric and not c.participants and c.sent.tokens[c.head].pos == "VERB" and not _has_subject(c):
            # "the presidents of X and Y, A and B, met": a joint verb whose subject the parse lost has
            # the actors named before it that no other act of the sentence takes.
            before = _named_before(c, others)
            if len(before) >= 2:
                c.source, c.target, c.guessed = before, list(before), True
                # "... met and agreed to pull back troops": the act they agreed to is theirs too
                for o in ctx.candidates:
                    if o.sent is c.sent and not o.source and o.head in c.sent.tree.deps(c.head, "xcomp"):
                        o.source, o.guessed = list(before), True
            continue
        if c.symmetric and len(c.participants) == 1:
            side = next(iter(c.participants))
            host = next((o.target[0] for o in reversed(earlier) if o.type == "VISIT" and side in o.source
                         and o.target and not (o.negated or o.denied)), None)
            guess = host if host and host != side else _guess(c, ctx, other_words)
            if guess:
                c.target = [guess]
                c.guessed = True
            continue
        if not c.source and not c.symmetric and c.target and c.sent.tokens[c.head].pos == "VERB":
            doer = _doer_before(c, others)
            if doer:
                c.source = doer
                c.guessed = True
        if c.source and not c.target and c.type in _REFUSALS:
            c.target = _asker(c, earlier, ctx)
            c.guessed = c.guessed or bool(c.target)
        if c.source and not c.target and c.type in common().withdrawn_from:
            c.target = _left_place(c, earlier)
            c.guessed = c.guessed or bool(c.target)
        if c.source and not c.target and c.type in _ADDRESSED:
            c.target = _addressee(c, ctx)
        if c.source and not c.target and not c.symmetric and c.type not in _NO_GUESS:
            guess = _guess(c, ctx, other_words)
            if guess:
                c.target = [guess]
                c.guessed = True


PASS = Pass("discourse", reads=("candidates", "source", "target", "args", "kb", "coref_links"),
            writes=("source", "target", "guessed"),
            run=run)
