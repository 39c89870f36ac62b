"""Pass ``arguments``: which actors fill which slot of each trigger, read from the dependency tree.

Slots are language-neutral (subj, obj, to, with, from, against, by, poss, place, at, for, about).
A dependent's slot comes from its UD relation (nsubj, obj, iobj, nmod:poss, obl:agent ...) or, for
obliques and nominal modifiers, from its adposition or case as the language's lexicon maps them
(``prepositions``, ``postpositions``, ``case_slots``).  Slots a trigger lacks are taken from the
structure around it, each by one general rule:

- a noun under a light, planning or announcing verb ("imposed sanctions on", "plans a visit to",
  "провела переговоры с") takes that verb's subject and obliques;
- a verb in an open complement ("urged Pyongyang to sell", "убеждал КНДР продать") takes the
  governing verb's object as its subject when there is one (object control), else its subject;
  adverbial clauses, converbs and coordinated verbs share the governing verb's subject;
- a relative or participial clause ("a country which ships shells", "Ресейге қару жеткізген
  Солтүстік Корея") takes the noun it modifies as its subject (as its object when the
  relativizer is the object or the participle is passive).

The common table (``slot_roles`` in lexicons/common.json) then turns slots into source, target
and place per event type.  Pronouns and dropped subjects were resolved before, by the coreference
pass (pronoun arguments on the tree, ``SentenceContext.implicit_subjects``).
"""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.context import Candidate, DocContext, SentenceContext
from graphbuild.events.dates import is_time_word
from graphbuild.events.lexicon import (
    Lexicon,
    Pattern,
    TriggerEntry,
    common,
    find_matches,
    matches_any,
    mutual_target,
    word_patterns,
)
from graphbuild.events.passes import Pass
from graphbuild.language.base import Token
from graphbuild.language.tree import Tree, base

# Relations whose dependents never fill a slot of their head.
_NOT_ARGUMENTS = frozenset({"punct", "case", "mark", "cc", "det", "aux", "cop", "advmod", "discourse",
                            "fixed", "flat", "goeswith", "reparandum", "dep", "orphan", "vocative",
                            "list", "parataxis", "ccomp", "xcomp", "advcl", "acl", "conj", "appos",
                            "nummod", "clf", "expl", "csubj"})
# Relations that join a name to the noun it explains ("Министр ... , Сергей Шойгу", "Kim's envoy X").
_NAMING = ("appos", "flat", "flat:name")
# Relations of a modifier that names the country or body a common noun belongs to.
_OWNERS = ("amod", "nmod", "nmod:poss", "compound", "det")
# How a verb hands its subject to a clause it governs.
_SUBJECT_SHARING = ("xcomp", "advcl", "conj", "ccomp")
# Slots a dependent of the object noun hands up to the act ("deliveries of shells to Ukraine").
_LIFTED = ("to", "against", "from", "with", "by", "at", "for")
# Joint acts: their sides are the sides of what they are about.
_JOINT = ("MEET", "NEGOTIATE", "AGREE", "COOPERATE")
# How many measure nouns may stand between an event noun and its light verb ("a new package of sanctions").
NOUN_CHAIN = 2


def marker_slot(marker: str, case: str | None, lex: Lexicon) -> str | None:
    """The slot an adposition (with the case of its noun) marks, per the language's tables."""
    value = lex.prepositions.get(marker) or lex.postpositions.get(marker)
    if isinstance(value, dict):
        value = value.get(case or "", value.get("*"))
    return value


def slot_of(tree: Tree, k: int, lex: Lexicon) -> str | None:
    """The slot of dependent ``k`` of its head, or None for a dependent that fills none."""
    rel = tree.rel(k)
    b = base(rel)
    token = tree.tokens[k]
    if b in ("obl", "nmod") and (rel.endswith(":tmod") or is_time_word(token, lex.lang)):
        return None  # "on Friday", "в среду", "шілдеде": a time, no participant
    if rel == "nsubj:pass":
        return "obj"
    if b == "nsubj":
        return "subj"
    if rel == "obl:agent":
        return "by"
    if b == "obj":
        return "obj"
    if b == "iobj":
        return "to"
    if rel == "nmod:poss" or b == "amod":
        return "poss"
    if b == "compound":
        return "poss" if token.pos == "PROPN" else None
    if b in ("obl", "nmod"):
        for m in tree.markers(k):
            slot = marker_slot(m, token.case, lex)
            if slot:
                return slot
        slot = lex.case_slots.get(token.case or "") if lex.case_slots else None
        if slot == "subj":
            slot = None  # a bare nominative is no subject here: a time phrase, or an indeclinable name
        if b == "nmod" and slot is None and not tree.markers(k):
            # a noun's bare modifier is its owner ("учения США", "визит Шойгу"); one behind a preposition
            # of no slot is not ("exercises near Japan")
            return "poss"
        return slot
    return None


def actors_at(sc: SentenceContext, k: int, lex: Lexicon, owners: bool = False,
              pronoun_owner: bool = False) -> list[Arg]:
    """The actors that the phrase headed by ``k`` (and each word coordinated with it) stands for.

    A name is its mention; a common noun explained by a name ("министр обороны ... Сергей Шойгу")
    is that name; a force, office or government noun ("Russian troops", "войска России",
    "Ресей әскері") is its owner, and so is any noun when ``owners`` is asked for ("sanctions
    against Russian banks": the banks' country is aimed at).  ``pronoun_owner``: a force owned by a
    possessive pronoun is the pronoun's antecedent (asked for subjects only: "its forces struck"; in
    "urged Russia to withdraw its troops" the controller, not the pronoun's pick, moves them).
    """
    tree = sc.tree
    forces = _force_nouns(lex)
    found: list[Arg] = []
    antecedent = _relative_antecedent(sc, k, lex)
    if antecedent is not None:
        k = antecedent
    if tree.deps(k, "cop") and tree.deps(k, "nsubj") and sc.arg_at(k) is None:
        k = tree.deps(k, "nsubj")[0]  # "Iran is a country which ...": the predicate noun is its subject
    for c in tree.conjuncts(k):
        force = matches_any(tree.tokens[c], forces)
        arg = sc.arg_at(c)
        if arg is None and c in sc.groups:  # "they": every actor the coreference pass found it stands for
            found += [a for a in sc.groups[c] if all(f.actor != a.actor for f in found)]
            continue
        if arg is None or not arg.active:
            # the appositive name, or a linked word of it ("Ухнагийном Хурэлсухом": the family name)
            named = [a for n in tree.deps(c, *_NAMING) for m in [n, *tree.deps(n, "flat")]
                     if (a := sc.arg_at(m)) is not None and a.active]
            arg = named[0] if named else None
        if arg is None and force:
            # "делегация во главе с министром ... Шойгу", "a delegation led by X": its leader acts.
            leaders = [a for n in tree.children[c] if slot_of(tree, n, lex) == "led_by" for a in actors_at(sc, n, lex)]
            arg = leaders[0] if leaders else None
        if arg is None and (owners or force) and tree.tokens[c].pos == "NOUN":
            # "президентов России и Белоруссии": every coordinated owner; an office or force is
            # also owned through "for"/"of" ("a spokesperson for the Ukrainian military")
            held = [a for n in tree.deps(c, *_OWNERS)
                    if (force and _owner_slot(tree, n, lex)) or _owner_like(tree, n, lex)
                    for m in tree.conjuncts(n) if (a := sc.arg_at(m)) is not None and a.active]
            if not held and force and pronoun_owner:  # "its forces", "их войска": the pronoun's antecedent
                held = [sc.possessives[n] for n in tree.deps(c, "nmod:poss", "det") if n in sc.possessives]
            if not held and force:  # "a spokesperson for the Ukrainian military": the owner's owner
                held = [a for n in tree.deps(c, *_OWNERS) if matches_any(tree.tokens[n], forces)
                        for a in actors_at(sc, n, lex)]
            if not held:  # "EU budget grants", "US defence officials": a name heading a chain of compounds
                held = [a for n in tree.deps(c, "compound") if sc.arg_at(n) is None
                        for m in tree.deps(n, "compound") if (a := sc.arg_at(m)) is not None and a.active]
            for a in held:
                if a.actor and all(f.actor != a.actor for f in found):
                    found.append(a)
            continue
        if arg is not None and arg.actor and arg.active and all(a.actor != arg.actor for a in found):
            found.append(arg)
    return found


def _owner_slot(tree: Tree, n: int, lex: Lexicon) -> bool:
    """A modifier that may own a force or office: not one marked as where it goes or comes from
    ("withdrew its troops from Syria", "troops to Ukraine"); "rebels in the Ivory Coast" are its own."""
    return not tree.markers(n) or slot_of(tree, n, lex) not in ("from", "to", "against")


def _owner_like(tree: Tree, n: int, lex: Lexicon) -> bool:
    """A modifier that says whose a thing is: an adjective, a possessor, a name compound, a genitive."""
    if base(tree.rel(n)) != "nmod" or tree.rel(n) == "nmod:poss" or slot_of(tree, n, lex) in ("poss", "of"):
        return True
    # A bare name after a noun ("глава МИД Ирана"): indeclinable names show no reliable case.
    return tree.tokens[n].pos == "PROPN" and not tree.markers(n)


def _is_relativizer(token: Token, lex: Lexicon) -> bool:
    words = lex.raw.get("relativizers", [])
    return (token.lemma or "").lower() in words or token.text.lower() in words


def _relative_antecedent(sc: SentenceContext, k: int, lex: Lexicon) -> int | None:
    """"с которым Шойгу провёл переговоры", "which": a relativizer stands for the noun its clause modifies."""
    tree = sc.tree
    if not _is_relativizer(tree.tokens[k], lex):
        return None
    for h in tree.ancestors(k):
        if tree.rel(h) == "acl:relcl":
            return _person_antecedent(sc, tree.head(h), lex) if _names_a_person(tree.tokens[k], lex) else tree.head(h)
    return None


# How far up a "who" clause looks for the person it stands for past the noun the parser hung it on.
PERSON_REACH = 3


def _names_a_person(token: Token, lex: Lexicon) -> bool:
    return (token.lemma or token.text).lower() in lex.raw.get("person_relativizers", [])


def _person_antecedent(sc: SentenceContext, noun: int | None, lex: Lexicon) -> int | None:
    """"Masaaki Kanai, head of the ... Bureau, who arrived": "who" is the person the noun it hangs on
    describes (through the appositive or of-phrase above it), else that noun."""
    tree = sc.tree
    k = noun
    for _ in range(PERSON_REACH):
        if k is None:
            break
        arg = sc.arg_at(k)
        if arg is not None and arg.kind == "Person":
            return k
        if base(tree.rel(k)) not in ("nmod", "appos", "compound", "flat"):
            break
        k = tree.head(k)
    return noun


def _force_nouns(lex: Lexicon) -> list[Pattern]:
    """Nouns that stand for their owner: armed forces and governments, and offices ("глава МИД Ирана")."""
    return word_patterns(lex, "force_nouns", "office_nouns")


def direct_slots(sc: SentenceContext, heads: list[int], skip: set[int], lex: Lexicon,
                 event_type: str | None = None, head: int | None = None) -> dict[str, list[Arg]]:
    """Slots filled by the dependents of the words ``heads`` (trigger words are ``skip``ped).

    A common noun in a slot stands for its owner ("against Russian banks"), except as the thing an
    act of giving moves ("supplied Russian weapons"); a genitive common noun's owner fills ``of``
    ("запрет на ввоз российского алюминия": what the act concerns, not who does it).  The owner of
    a noun inside a multiword trigger ("released a U.S. journalist", "froze Russia's assets") is what
    the act concerns too; ``head`` is the trigger's head word.
    """
    objects = common().object_types
    tree = sc.tree
    slots: dict[str, list[Arg]] = {}
    for h in heads:
        for k in tree.children[h]:
            if k in skip or base(tree.rel(k)) in _NOT_ARGUMENTS:
                continue
            slot = slot_of(tree, k, lex)
            if not slot or slot == "none":
                continue
            moved = slot == "obj" and event_type in objects
            found = actors_at(sc, k, lex, pronoun_owner=slot == "subj")
            if not found and slot == "subj" and tree.tokens[k].pos == "NOUN":
                # "Украинские дроны атаковали", "Russian strikes hit Kyiv": the owner acts.
                found = actors_at(sc, k, lex, owners=True)
            is_event = bool(find_matches([tree.tokens[k]], lex.triggers, set()))
            if not found and not moved and slot != "subj" and not is_event:
                # an event noun's owner is its doer, for the links pass to use, not this act's target
                found = actors_at(sc, k, lex, owners=True)
                slot = "of" if found and slot in ("poss", "obj") else slot
            # "U.S. export controls": the owner of a compound inside a noun trigger owns the whole act
            inner_compound = head is not None and base(tree.rel(h)) == "compound" and tree.head(h) == head
            if head is not None and h != head and slot == "poss" and not inner_compound:
                # "вывод американских войск" (a trigger with its force): the force's owner moves it
                inner_force = event_type in common().moved_forces and matches_any(tree.tokens[h], _force_nouns(lex))
                # "Russian missiles struck Kharkiv" (a trigger read over a subject and its verb): the
                # subject's owner fired them
                inner_subject = base(tree.rel(h)) == "nsubj" and tree.head(h) == head
                slot = "subj" if inner_force or inner_subject else "of"
            if head is not None and h != head and slot == "by" and event_type == "ACCUSE" \
                    and tree.tokens[h].pos == "NOUN":
                # "condemned the strike as an escalation by Putin": the label's agent did what is
                # condemned; it is the accused, not an accuser
                slot = "of"
            sent = slot in ("obj", "poss") and event_type in common().moved_forces
            # (not the owner of a thing inside a multiword trigger: "froze the assets of Russian oligarchs")
            inner_thing = head is not None and h != head and slot == "of"
            if (slot == "of" or sent) and not inner_thing and matches_any(tree.tokens[k], _force_nouns(lex)):
                # "the withdrawal of Russian troops", "North Korean troops were sent to Russia":
                # forces do what they are named with, and a force sent goes as its sender's own.
                slot = "subj"
            if not found and tree.tokens[k].pos == "NOUN" and slot in ("obj", "poss") and not is_event:
                # "поставки ракет Украине", "weapons to Kyiv": a phrase the parser hung on the
                # object noun still says where the act goes.
                for n in tree.children[k]:
                    inner = slot_of(tree, n, lex)
                    struck_at = inner == "place" and slot == "obj" and event_type in common().place_as_target
                    if struck_at:
                        inner = "obj"  # "struck military sites in western Ukraine": the place is what is hit
                    if (inner in _LIFTED or struck_at) and base(tree.rel(n)) in ("nmod", "obl", "iobj"):
                        for a in actors_at(sc, n, lex):
                            if struck_at and a.kind not in ("Place", "Country"):
                                continue
                            lifted = slots.setdefault(inner, [])
                            if all(x.actor != a.actor for x in lifted):
                                lifted.append(a)
            for arg in found:
                have = slots.setdefault(slot, [])
                if all(a.actor != arg.actor for a in have):
                    have.append(arg)
    return slots


def subject_of(sc: SentenceContext, v: int, lex: Lexicon, depth: int = 0) -> list[Arg]:
    """The subject of verb ``v``: its own, or the one it shares with the verb governing it."""
    tree = sc.tree
    if _passive(tree, v):
        return []  # an agentless passive names no doer; its subject is what the act is done to
    own = [a for k in tree.deps(v, "nsubj") if tree.rel(k) != "nsubj:pass" for a in actors_at(sc, k, lex)]
    if not own and v in sc.implicit_subjects:
        own = [sc.implicit_subjects[v]]
    if own or depth > 4:
        return own
    h = tree.head(v)
    if h is not None and base(tree.rel(v)) == "conj":
        # "а Китай воздержался и не поддержал": parsers hang every conjunct on the first; the
        # nearest earlier conjunct with a subject of its own is the one this verb shares.
        for sibling in sorted((k for k in tree.deps(h, "conj") if k < v), reverse=True):
            own = [a for k in tree.deps(sibling, "nsubj") if tree.rel(k) != "nsubj:pass"
                   for a in actors_at(sc, k, lex)]
            if own:
                return own
    if h is not None and tree.rel(v) in _SUBJECT_SHARING:
        return _controller(sc, v, h, lex, depth + 1)
    return []


def _passive(tree: Tree, v: int) -> bool:
    """``v`` is passive: its own passive subject or auxiliary, or, as a bare conjunct of a passive verb,
    theirs ("troops had been sent to Russia and deployed to Kursk")."""
    def marked(k: int) -> bool:
        return any(tree.rel(d) in ("nsubj:pass", "aux:pass") for d in tree.children[k])

    if marked(v):
        return True
    h = tree.head(v)
    return h is not None and base(tree.rel(v)) == "conj" and not tree.deps(v, "nsubj", "obj") and marked(h)


def _controller(sc: SentenceContext, v: int, h: int, lex: Lexicon, depth: int = 0) -> list[Arg]:
    """Who does the act of ``v``, a clause governed by ``h``: "urged X to sell" -> X; else ``h``'s subject."""
    tree = sc.tree
    controls = _governing_type(sc, h, lex) in common().object_controls
    # "accused Ukraine of preparing an attack": a gerund an object-control verb governs through a
    # preposition (an advcl in some parses) is done by the object, as an xcomp is; a bare participle
    # ("blamed Ukraine, calling it ...") is the subject's
    governed = base(tree.rel(v)) == "advcl" and controls and tree.deps(h, "obj") and tree.markers(v)
    if base(tree.rel(v)) == "xcomp" or governed:
        raised = [a for k in tree.deps(h, "nsubj:pass") for a in actors_at(sc, k, lex)]
        if raised:
            return raised  # "Xi is set to visit", "Russia is believed to have supplied"
        objects = [a for k in tree.deps(h, "obj", "iobj") for a in actors_at(sc, k, lex)]
        if not objects and controls:
            # "called on Russia to withdraw", "призвал к ... Россию": the addressee in an oblique
            objects = [a for k in tree.deps(h, "obl") for a in actors_at(sc, k, lex)]
        if objects:
            return objects
        if controls:
            return []  # "urged the sides to talk", "потребовал вывести войска": the addressee acts, not the asker
    return subject_of(sc, h, lex, depth)


def _relativizer_is_object(tree: Tree, v: int, lex: Lexicon) -> bool:
    return any(_is_relativizer(tree.tokens[k], lex) for k in tree.deps(v, "obj"))


def _supports(token: Token, lex: Lexicon) -> bool:
    """A light, planning or announcing verb: its subject does the act its noun object names."""
    return (matches_any(token, word_patterns(lex, "light_verbs")) or matches_any(token, lex.planned_before)
            or matches_any(token, lex.planned_after) or matches_any(token, lex.reporting_verbs))


def _from_structure(c: Candidate, lex: Lexicon) -> None:
    """Slots the trigger's own dependents leave empty, filled from the words around it."""
    sc, tree = c.sent, c.sent.tree
    h = c.head
    gov = tree.head(h)
    rel = base(tree.rel(h))
    if gov is None:
        return
    noun = tree.tokens[h].pos in ("NOUN", "PROPN")
    if noun and c.type in common().said_acts and not c.slot("subj") and base(rel) in ("obl", "obj", "nmod") \
            and matches_any(tree.tokens[gov], lex.reporting_verbs):
        speakers = subject_of(sc, gov, lex)
        if speakers:
            # "заявлял о поддержке ХАМАС", "announced its support for X": declaring support is giving
            # it; the noun's bare genitive is then what it is given to.
            bare = {a.actor for k in tree.children[h] if tree.rel(k) == "nmod" for a in actors_at(sc, k, lex)}
            for a in [a for a in c.slot("poss") if a.actor in bare]:
                c.slots["poss"].remove(a)
                c.add("of", a)
            for a in speakers:
                c.add("subj", a, inherited=True)
            return
    if noun and rel == "obj" and not (c.slot("obj") or c.slot("to")) \
            and matches_any(tree.tokens[gov], word_patterns(lex, "receiving_verbs")):
        # "Ukraine won support from Poland", "заручился поддержкой Китая": the receiver is what the
        # act is aimed at (its doer stays the noun's own "from" or owner).
        for a in subject_of(sc, gov, lex):
            c.add("to", a, inherited=True)
    if noun and rel == "obl" and c.symmetric and not c.slot("subj") and len(c.slot("with")) == 1 \
            and tree.tokens[gov].pos == "VERB":
        # "Lavrov spoke during the talks with Rubio": the clause's subject is the other side of the
        # joint act its adjunct names (not when both sides are named: "mediate talks between X and Y")
        for a in subject_of(sc, gov, lex):
            if all(a.actor != w.actor for w in c.slot("with")):
                c.add("subj", a, inherited=True)
    if noun and rel == "obl" and c.type in common().answered_types and not (c.slot("obj") or c.slot("to")) \
            and tree.tokens[gov].pos == "VERB":
        # "At Poland's request, NATO held consultations", "по приглашению Си Путин посетил Китай": the
        # clause answers the request or invitation, so its subject is the one it was addressed to.
        for a in subject_of(sc, gov, lex):
            c.add("to", a, inherited=True)
    if noun and rel == "obj" and not (c.slot("subj") or c.slot("poss") or c.slot("by")) \
            and tree.deps(gov, "nsubj") and not tree.deps(gov, "aux:pass", "nsubj:pass"):
        # "followed a visit to Minsk by Trump's envoy": an active verb with a subject takes no agent, so a
        # "by" phrase the parse hung on it belongs to its event noun object
        for k in tree.deps(gov, "obl"):
            for a in actors_at(sc, k, lex) if slot_of(tree, k, lex) == "by" else []:
                c.add("by", a, inherited=True)
    named_sides = c.symmetric and len({a.actor for s in c.slots.values() for a in s}) >= 2
    if noun and not c.slot("subj") and not c.slot("poss") and not named_sides:
        # "утвердил пакет санкций против России": the noun may sit in a measure noun's genitive.
        top, top_rel = h, tree.rel(h)
        for _ in range(NOUN_CHAIN):
            up = tree.head(top)
            if up is None or base(top_rel) != "nmod" or tree.tokens[up].pos != "NOUN" or tree.markers(top):
                break
            top = up
            top_rel = tree.rel(top)
        gov = tree.head(top)
        light = gov is not None and matches_any(tree.tokens[gov], word_patterns(lex, "light_verbs"))
        entry = _governing_entry(sc, gov, lex) if gov is not None else None
        # "talks about a purchase" (not "spoke after the attack"): a joint act's topic
        topic = slot_of(tree, top, lex) == "about" or base(top_rel) in ("obj", "xcomp")
        if entry is not None and base(top_rel) in ("obj", "obl", "nmod", "xcomp") and (
                entry.governs_negated or entry.governs_planned or (entry.type in _JOINT and topic)):
            # "отказался от встречи с X", "переговоры с Ираном о покупке": the refuser or the
            # negotiating sides are the sides of the act they refuse or negotiate.
            verb = gov if tree.tokens[gov].pos in ("VERB", "AUX") else tree.head(gov)
            if entry.type in common().object_controls:
                # "urged de-escalation", "призвал к переговорам": the addressee would act, not the asker
                for a in [a for k in tree.deps(gov, "obj", "iobj") for a in actors_at(sc, k, lex)]:
                    c.add("subj", a, inherited=True)
                return
            for slot, args in direct_slots(sc, [gov], set(c.indices) | {top}, lex, c.type).items():
                if slot in ("subj", "with") and not c.slot(slot):
                    for a in args:
                        c.add(slot, a, inherited=True)
            if not c.slot("subj") and verb is not None:
                for a in subject_of(sc, verb, lex):
                    c.add("subj", a, inherited=True)
            return
        labelled = top_rel == "obj" and matches_any(tree.tokens[gov], word_patterns(lex, "naming_verbs"))
        if gov is not None and not labelled and ((top_rel in ("obj", "nsubj:pass", "xcomp")
                                                  and _supports(tree.tokens[gov], lex))
                                or (light and base(top_rel) == "obl")):
            # "imposed sanctions on Iran": the light verb's subject and obliques belong to the noun.
            for slot, args in direct_slots(sc, [gov], set(c.indices) | {top}, lex, c.type).items():
                if slot == "obj" or c.slot(slot):
                    continue
                for a in args:
                    c.add(slot, a, inherited=True)
            if not c.slot("subj"):
                for a in subject_of(sc, gov, lex):
                    c.add("subj", a, inherited=True)
            return
        if c.type in common().motive_types and gov is not None and base(top_rel) == "obl" \
                and tree.tokens[gov].pos == "VERB":
            # "fired on Israel in solidarity with Hamas", "в знак солидарности с ХАМАС": the motive of
            # the clause is its subject's
            for a in subject_of(sc, gov, lex):
                c.add("subj", a, inherited=True)
            return
        gov = tree.head(h)
    if c.slot("subj") or c.slot("poss") or tree.deps(h, "nsubj"):
        return
    if rel in ("acl",):
        # "a country which ships shells", "Ресейге қару жеткізген Солтүстік Корея"
        passive = tree.tokens[h].feats.get("Voice") == "Pass" or (tree.rel(h) == "acl:relcl" \
            and _relativizer_is_object(tree, h, lex))
        antecedent = actors_at(sc, gov, lex)  # a predicate noun stands for its copula's subject
        maker = tree.head(gov)
        if not antecedent and not passive and maker is not None and base(tree.rel(gov)) == "obj" \
                and _made_or_sent(sc, maker, gov, lex):
            # "приняла резолюцию, осуждающую Россию", "launched missiles that hit Kyiv": what a thing
            # made or sent does, its maker or sender does.
            antecedent = subject_of(sc, maker, lex)
        for a in antecedent:
            if passive:
                if not c.slot("obj"):
                    c.add("obj", a, inherited=True)
            else:
                c.add("subj", a, inherited=True)
        return
    if rel == "nmod" and not noun and tree.tokens[gov].pos == "NOUN":
        # "заявил о намерении посетить", "its readiness to supply": the intention's holder acts.
        holder = [a for k in tree.deps(gov, "nmod:poss", "amod") for a in actors_at(sc, k, lex)]
        g2 = tree.head(gov)
        if not holder and g2 is not None and _governing_type(sc, g2, lex) in common().object_controls:
            # "обвинил Киев в нежелании отказаться": the accused's unwillingness, the accused's act
            holder = [a for k in tree.deps(g2, "obj", "iobj", "nsubj:pass") for a in actors_at(sc, k, lex)]
        for a in holder or (subject_of(sc, g2, lex) if g2 is not None else []):
            c.add("subj", a, inherited=True)
        return
    if rel in _SUBJECT_SHARING and not noun:
        for a in _controller(sc, h, gov, lex):
            c.add("subj", a, inherited=True)
        return
    if rel in ("obl", "nmod", "xcomp", "advcl") and tree.tokens[gov].pos in ("VERB", "NOUN") \
            and _governing_type(sc, gov, lex) in common().object_controls:
        # "accused Pyongyang of supplying", "обвинял Пхеньян в поставках", "urged X to talks": the
        # accused or addressed actor does the embedded act.
        for a in [a for k in tree.deps(gov, "obj", "iobj", "nsubj:pass") for a in actors_at(sc, k, lex)]:
            c.add("subj", a, inherited=True)


def _made_or_sent(sc: SentenceContext, verb: int, thing: int, lex: Lexicon) -> bool:
    """``thing``, the object of ``verb``, is the verb's subject's instrument or product: the verb is
    no act on it ("adopted a resolution"), an act that moves it ("sent troops"), or the thing is a
    missile ("launched missiles"); not the target of an act ("struck a ship leaving Ukraine": the ship
    leaves, not the striker)."""
    if base(sc.tree.rel(verb)) == "acl":
        return False  # "a boat carrying drugs that had left X": the carrier is the boat, no actor
    if matches_any(sc.tokens[thing], lex.missile_words):
        return True
    table = common()
    types = {m.value.type for m in find_matches([sc.tokens[verb]], lex.triggers, set())}
    return not types or bool(types & (table.object_types | table.moved_forces))


def _governing_entry(sc: SentenceContext, gov: int, lex: Lexicon) -> TriggerEntry | None:
    """The trigger entry of the word at ``gov``, alone or with its particle or the preposition of an
    oblique it governs ("called on Serbia to withdraw": "call on"), if it is one."""
    found = find_matches([sc.tokens[gov]], lex.triggers, set())
    if found:
        return found[0].value
    tree = sc.tree
    words = sorted([gov, *tree.deps(gov, "compound:prt"), *(m for d in tree.deps(gov, "obl")
                                                           for m in tree.deps(d, "case"))])
    if len(words) == 1:
        return None
    found = [m for m in find_matches([sc.tokens[k] for k in words], lex.triggers, set())
             if words[m.indices[0]] == gov]
    return found[0].value if found else None


def _governing_type(sc: SentenceContext, gov: int, lex: Lexicon) -> str | None:
    entry = _governing_entry(sc, gov, lex)
    return entry.type if entry else None


def _objects(c: Candidate, lex: Lexicon) -> str | None:
    """What is supplied, offered or asked for: the first object word in the trigger's phrase."""
    tree = c.sent.tree
    words = sorted(tree.subtree(c.head))
    gov = tree.head(c.head)
    if gov is not None and tree.tokens[c.head].pos == "NOUN":
        words = sorted(set(words) | {k for d in tree.deps(gov, "obj") for k in tree.subtree(d)})
    tokens = [tree.tokens[k] for k in words]
    found = find_matches(tokens, lex.objects, set())
    return str(found[0].value) if found else None


def need_met(c: Candidate, lex: Lexicon) -> bool:
    """Ambiguous trigger words count only with the argument their entry names ("leave" + obj)."""
    need = c.entry.need
    if not need:
        return True
    for option in need.split("_or_"):
        if option == "object" and _objects(c, lex):
            return True
        if option == "missile":
            tokens = [c.sent.tokens[k] for k in sorted(c.sent.tree.subtree(c.head))]
            if find_matches(tokens, lex.missile_words, set()):
                return True
        if option == "pair" and len(c.slot("subj")) >= 2:
            return True
        if c.slot(option) or (option in c.present and option != "obj"):
            # "удары по инфраструктуре": the sense needs the phrase, not a named actor; an object must
            # name one ("released a journalist", not "released a report")
            return True
        if option == "obj" and (c.slot("of") or _event_object(c, lex)):
            return True
    return False


def _trigger_objects(c: Candidate) -> list[int]:
    """The direct objects of the trigger's words (not words of the trigger itself)."""
    tree = c.sent.tree
    return [d for k in c.indices for d in tree.deps(k, "obj") if d not in c.indices]


def _event_object(c: Candidate, lex: Lexicon) -> bool:
    """"welcomed the agreement", "приветствовал прекращение огня": the object is itself an act."""
    tree = c.sent.tree
    for obj in _trigger_objects(c):
        phrase = sorted(tree.subtree(obj))
        at = phrase.index(obj)
        if any(at in m.indices for m in find_matches([tree.tokens[w] for w in phrase], lex.triggers, set())):
            return True
    return False


def assign_roles(c: Candidate) -> None:
    """Slots to source, target and place by the common table (and the trigger's own overrides)."""
    table = common()
    own = dict(c.entry.roles)
    source: list[str] = []
    target: list[str] = []
    for slot, args in c.slots.items():
        role = own.get(slot) or table.role_of(c.type, slot, c.entry.invert)
        for a in args:
            if role == "source" and a.actor not in source:
                source.append(a.actor)
            elif role == "target" and a.actor not in target:
                target.append(a.actor)
            elif role == "place" and c.place is None:
                if a.kind in ("Place", "Country") and c.type in table.place_as_target and not c.slot("obj") \
                        and not c.slot("to"):
                    target.append(a.actor)
                c.place = a.actor
    if not source and not c.symmetric and len(c.slot("with")) >= 2:
        # "перемирие между Израилем и Хезболлах", "clashes between X and Y": a mutual act
        source = [a.actor for a in c.slot("with")]
        target = list(source)
        c.source, c.target = source, target
        return
    c.source = source
    c.target = [t for t in target if t not in source or c.symmetric]


def _shared_passive_subject(c: Candidate, lex: Lexicon) -> None:
    """"troops had been sent to Russia and deployed to Kursk": a bare passive conjunct shares the
    passive subject of the verb it is coordinated with (a force it moves is its own doer)."""
    tree = c.sent.tree
    h = tree.head(c.head)
    if h is None or base(tree.rel(c.head)) != "conj" or tree.deps(c.head, "nsubj") or not _passive(tree, c.head):
        return
    for k in tree.deps(h, "nsubj:pass"):
        moved = c.type in common().moved_forces and matches_any(tree.tokens[k], _force_nouns(lex))
        for a in actors_at(c.sent, k, lex):
            c.add("subj" if moved else "obj", a, inherited=True)


def _relative_light_verb(c: Candidate, lex: Lexicon) -> None:
    """"the sanctions that Washington imposed on Moscow", "ограничения, которые Анкара ввела": a noun
    trigger whose relative clause has a light verb with the relativizer as object takes that verb's
    subject and obliques, as "Washington imposed sanctions on Moscow" would give them."""
    tree = c.sent.tree
    if tree.tokens[c.head].pos != "NOUN":
        return
    for v in tree.deps(c.head, "acl"):
        # the object is the relativizer ("which", "that", "которые") or a gap ("the sanctions it imposed")
        gap = all(tree.tokens[o].pos == "PRON" for o in tree.deps(v, "obj"))
        if tree.rel(v) != "acl:relcl" or not _supports(tree.tokens[v], lex) or not gap:
            continue
        for slot, args in direct_slots(c.sent, [v], set(c.indices), lex, c.type).items():
            if slot != "obj" and not c.slot(slot):
                for a in args:
                    c.add(slot, a, inherited=True)


def violated_words(c: Candidate, lex: Lexicon) -> set[int]:
    """"violated the Council's resolutions", "called the sale a violation of the resolutions": the words
    naming what a violation word of the trigger says is violated (a law, a resolution, the body it comes
    from), which are never a side of the accusation (docs/event-types.md, ACCUSE)."""
    tree = c.sent.tree
    words = [k for k in c.indices if c.entry.violation
             or any(m.value.violation for m in find_matches([tree.tokens[k]], lex.triggers, set()))]
    return {w for k in words for d in tree.deps(k, "obj", "nmod") if d not in c.indices for w in tree.subtree(d)}


def fill(c: Candidate, lex: Lexicon) -> None:
    trigger_words = set(c.indices)
    tree = c.sent.tree
    c.present = {slot for k in c.indices for d in tree.children[k] if d not in trigger_words
                 and base(tree.rel(d)) not in _NOT_ARGUMENTS and (slot := slot_of(tree, d, lex))}
    violated = violated_words(c, lex)
    for slot, args in direct_slots(c.sent, list(c.indices), trigger_words, lex, c.type, c.head).items():
        for a in args:
            if a.head not in violated:
                c.add(slot, a)
    _shared_passive_subject(c, lex)
    _relative_light_verb(c, lex)
    implicit = c.sent.implicit_subjects.get(c.head)
    if implicit is not None and not c.slot("subj"):
        c.add("subj", implicit, inherited=True)
    _from_structure(c, lex)
    if c.type in common().conditional_targets and not (c.slot("obj") or c.slot("against") or c.slot("to")):
        # "warned that Israel would strike if Hezbollah violated the deal": the condition's doer
        words = {w.lower() for w in lex.raw.get("conditionals", [])}
        for k in sorted(tree.subtree(c.head)):
            if any(m in words for m in tree.markers(k)):
                for a in subject_of(c.sent, k, lex):
                    c.add("against", a)
                break
    if c.type in common().object_types:
        c.object = _objects(c, lex)


def reciprocal(c: Candidate, lex: Lexicon) -> bool:
    """"Россия и Украина обвиняют друг друга", "accused each other": each side acts on the other."""
    tree = c.sent.tree
    words = word_patterns(lex, "reciprocals")
    return bool(words) and any(find_matches([tree.tokens[k] for k in sorted(tree.subtree(d))], words, set())
                               for t in c.indices for d in tree.children[t] if d not in c.indices)


def _each_on_the_other(c: Candidate) -> list[Candidate]:
    return [c.copy(source=[s], target=[t for t in c.source if t != s])
            for s in c.source]


# What a refusal of a claim is: a denial ("rejected Moscow's version", "отвергли обвинения").
DENIAL_OF_CLAIM = TriggerEntry("<refusal of a claim>", "DENY", "016", denial=True)


def refuses_a_claim(c: Candidate, lex: Lexicon) -> bool:
    """A REJECT whose object is a claim word: the claim is denied, not a proposal turned down."""
    tree = c.sent.tree
    return c.type == "REJECT" and any(matches_any(tree.tokens[d], lex.claim_words) for d in _trigger_objects(c))


def run(ctx: DocContext) -> None:
    kept = []
    for c in ctx.candidates:
        if refuses_a_claim(c, ctx.lex):
            c.entry = DENIAL_OF_CLAIM
        fill(c, ctx.lex)
        while not need_met(c, ctx.lex) and c.entry.otherwise is not None:
            c.entry = c.entry.otherwise  # "fired missiles into the sea": a test, not an attack
        # Without the argument its sense needs, a word may still re-mention an earlier event ("the
        # attack", "the strikes"); the coreference of events decides, else it is dropped.
        c.weak = not need_met(c, ctx.lex)
        assign_roles(c)
        if not c.weak and not c.symmetric and len(c.source) > 1 and reciprocal(c, ctx.lex):
            kept.extend(_each_on_the_other(c))
        else:
            c.target = mutual_target(c.type, c.source, c.target, [c.sent.tokens[k] for k in c.indices], ctx.lex)
            kept.append(c)
    ctx.candidates = kept


PASS = Pass("arguments", reads=("candidates", "args", "possessives", "lex"),
            writes=("slots", "source", "target", "object", "place"), run=run)
