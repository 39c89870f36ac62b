"""The subject of a Kazakh speech act whose complement clause names no event of its own.

"Пхеньян Вашингтон мен Сеулді шиеленісті ушықтырды деп айыптады": the complementizer (деп) closes the
accusation's window, and with no trigger inside the complement there is no one to borrow the
subject from, so the sentence-initial nominative is taken: SOV puts the speaker first.
"""

from __future__ import annotations

from graphbuild.events.arguments import Arg, coordinated_with
from graphbuild.events.draft import SAID_ACTS, Draft
from graphbuild.events.lexicon import Lexicon
from graphbuild.language.base import Token

_REACTIONS = ("ACCUSE", "SUPPORT", "REJECT", "DENY")  # speech acts about another event


def subject_before_complement(d: Draft, args: list[Arg], complementizers: list[int], lex: Lexicon) -> None:
    if lex.order != "SOV" or d.type not in SAID_ACTS or d.slots.get("subj") or "subj" in d.slots.blocked:
        return
    comp = d.trig.start - 1
    if comp not in complementizers:
        return
    firsts = [a for a in args if a.active and a.j <= comp and a.case in (None, "Nom") and a.prep is None]
    if firsts and firsts[0].i == min(a.i for a in args if a.active):
        # "Ресей мен Украина ...", "Ресей де, Украина да ...": the whole list (particles may sit in it)
        particles = {k for k, t in enumerate(d.tokens) if t.pos == "PART"}
        for a in coordinated_with(firsts[0], firsts, d.tokens, lex, skip=particles):
            d.slots.add("subj", a)


def accusative_subject_in_complement(d: Draft, complementizers: list[int], lex: Lexicon) -> None:
    """"Столтенберг Ресейді Еуропаға қауіп төндіреді деп мәлімдеді": inside a деп-complement the
    accusative before the finite verb is that clause's subject, not the object of the act."""
    if lex.order != "SOV" or d.trig.end not in complementizers or d.nominal:
        return
    own = [a for a in d.slots.get("subj") if "subj" not in d.slots.inherited]
    objects = [a for a in d.slots.get("obj") if a.case == "Acc"]
    if own or not objects or d.tokens[d.trig.head].feats.get("Voice") == "Pass":
        return
    d.slots.by_slot["obj"] = [a for a in d.slots.get("obj") if a is not objects[0]]
    d.slots.by_slot["subj"] = [objects[0]]
    d.slots.inherited.discard("subj")


def leave_embedded_arguments(d: Draft, drafts: list[Draft], lex: Lexicon) -> None:
    """"Ресейдің Украинаға басып кіруін айыптады": the dative belongs to the invasion the speech act
    is about, not to the condemnation."""
    if lex.order != "SOV" or d.type not in _REACTIONS:
        return  # an offer, request or threat keeps its addressee ("Ресейге дрондар сатуды ұсынды")
    for slot in ("to", "from", "against"):
        taken = {id(a) for o in drafts if o is not d and o.trig.end <= d.trig.start and o.type not in SAID_ACTS
                 for a in o.slots.get(slot) if slot not in o.slots.inherited and a.j <= o.trig.start}
        if taken and d.slots.get(slot):
            d.slots.by_slot[slot] = [a for a in d.slots.get(slot) if id(a) not in taken]


def noun_under_reaction(d: Draft, drafts: list[Draft], lex: Lexicon) -> None:
    """"Ресей бұл ұсынысқа қарсы болды", "шабуылды айыптады": an event noun in an oblique case right
    before a reaction is what is reacted to; the reacting subject did not make it."""
    head = d.tokens[d.trig.head]
    possessed = head.feats.get("Person[psor]") == "3"  # "зымыран ұшыруын": a noun phrase the analyser left verbal
    if lex.order != "SOV" or not (d.nominal or possessed) or head.case not in ("Acc", "Dat", "Abl") \
            or d.type in _REACTIONS:
        return
    # A refusal ("келіссөзден бас тартты") is about the refuser's own act.
    if any(o.type in _REACTIONS and not o.trig.entry.governs_negated and _reacted_to(d, o, lex)
           for o in drafts if o is not d):
        d.slots.by_slot.pop("subj", None)
        d.slots.blocked.add("subj")
        if not d.nominal:  # "Пхеньянның зымыран ұшыруын айыптады": the genitive right before is the doer
            owners = [a for v in d.slots.by_slot.values() for a in v if a.case == "Gen" and a.j == d.trig.start]
            for slot, filled in d.slots.by_slot.items():
                d.slots.by_slot[slot] = [a for a in filled if a not in owners]
            if owners:
                d.slots.by_slot["subj"] = owners


def _reacted_to(noun: Draft, reaction: Draft, lex: Lexicon) -> bool:
    """The reaction stands right after the noun, or after a label the noun is given ("шабуылды өз
    егемендігін өрескел бұзу деп айыптады": condemned the attack as a gross violation): only a
    complementizer closes the words between, which hold no name, no finite verb or converb and no clause
    break (quotes may)."""
    if reaction.trig.start < noun.trig.end:
        return False
    gap = noun.tokens[noun.trig.end:reaction.trig.start]
    if len(gap) <= 1:
        return True
    if gap[-1].text.lower() not in lex.raw.get("complementizers", []):
        return False
    return all(t.text in "«»\"“”" or (t.pos not in ("PROPN", "AUX", "PUNCT")
                                       and t.feats.get("VerbForm") not in ("Fin", "Conv")) for t in gap[:-1])


def _nominalised(head: Token, lex: Lexicon) -> bool:
    """A verb form that serves as a noun (-ғаны, -атыны, -уы), or one the analyser took for a noun
    with a participle's ending in its lemma ("атқанын": lemma "атқан")."""
    if head.pos == "VERB":
        return head.feats.get("VerbForm") in ("Part", "Ger", "Vnoun")
    lemma = (head.lemma or "").lower()
    return head.pos == "NOUN" and lemma.endswith(tuple(lex.raw.get("participle_endings", [])))


def genitive_subject_of_nominalised_verb(d: Draft, lex: Lexicon) -> None:
    """"Песков Ресейдің Украинаға шабуыл жасағанын мәлімдеді": a verb nominalised with a possessive ending
    (-ғаны, -атыны, -уы) has its subject in the genitive, so the genitive of its clause is the doer and a
    nominative before it is the subject of the outer clause (the teller), not of this act.  A genitive
    owning the noun right after it ("Қазақстанның өңірлерін") owns that noun instead."""
    head = d.tokens[d.trig.head]
    if d.trig.entry.violation:
        return  # "Ресейдің келісімді бұзғанын айтты": the violator is the one accused, its own rules say so
    if lex.order != "SOV" or head.feats.get("Person[psor]") != "3" or not _nominalised(head, lex):
        return
    def owns_a_noun(a: Arg) -> bool:
        nxt = d.tokens[a.j]
        return a.j < d.trig.start and nxt.feats.get("Person[psor]") == "3"  # "АҚШ-тың айыптауларын"

    doers = [a for a in d.slots.get("poss") if a.case == "Gen" and a.j <= d.trig.start and not owns_a_noun(a)]
    if not doers:
        return
    first = min(a.i for a in doers)
    d.slots.by_slot["poss"] = [a for a in d.slots.get("poss") if a not in doers]
    d.slots.by_slot["subj"] = doers + [a for a in d.slots.get("subj") if a.i > first and a not in doers]
    d.slots.inherited.discard("subj")
