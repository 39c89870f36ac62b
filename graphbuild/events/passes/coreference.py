"""Pass ``coreference``: what each pronoun, title, description and empty subject stands for.

Third-person pronouns (he/she/it/they, он/она/оно/они, ол/олар and their case forms, typed by
number, gender and animacy in graphbuild/data/lexicons/coref/) become arguments anchored on the
pronoun, standing for the latest earlier subject that agrees with them in number and gender (the
parse's morphology) and in kind (a person for "he", no person for "it" or "they"); subjects are
preferred to other mentions because news prose keeps its topic in subject position.  In languages
that drop subjects (``pro_drop``), a finite verb with no subject gets the latest earlier subject that
agrees with its person and number.  First person inside quotes stands for the quoted speaker (or, in
the plural, the country or body the speaker speaks for); a role title with no name beside it for its
holder (events/coref/titles.py), a title with its country to the person the article named in that
office, a plural description or pronoun to the sides named together (events/coref/groups.py).  The
words and the language's habits (which pronoun prefers a person, whether the parser's subjects are
trusted) are data: graphbuild/data/lexicons/coref/<lang>.json.  Every resolution is recorded as a
:class:`~graphbuild.events.coref.links.Link` in ``DocContext.coref_links`` with its confidence
(definite descriptions are resolved earlier, by the mentions pass, and recorded here).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from graphbuild.events.arguments import Arg
from graphbuild.events.context import DocContext, SentenceContext
from graphbuild.events.coref.groups import CONFIDENCE as GROUP
from graphbuild.events.coref.groups import party_links, pronoun_group
from graphbuild.events.coref.lexicon import CorefLexicon, PronounClass, coref_lexicon
from graphbuild.events.coref.links import Link
from graphbuild.events.coref.quotes import Quote, quotes, speaker_of, speaks_for
from graphbuild.events.coref.titles import (
    INTRODUCED,
    OWNER_AT_DATE,
    Introduced,
    bare_titles,
    holder_among,
    introduced_titles,
    kb_holder,
    owned_holder,
    owned_titles,
    same_office,
)
from graphbuild.events.lexicon import Lexicon, compile_patterns, find_matches, matches_any, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.events.passes.arguments import actors_at, slot_of, subject_of
from graphbuild.language.base import Token
from graphbuild.language.tree import Tree, base
from graphbuild.model import Mention

# A pronoun looks this many sentences back for its antecedent.
REACH = 3
# Confidence of a pronoun or empty subject with one fitting candidate in reach, and with several.
SURE, UNSURE = 0.9, 0.6


def _fits(arg: Arg, want: PronounClass, word: Token) -> bool:
    """Kind and number: "he" is a person, "it" no person; "they" is not one person."""
    if want.animacy == "Person" and arg.kind != "Person":
        return False
    if want.animacy == "Other" and arg.kind == "Person":
        return False
    plural = (word.feats.get("Number") or want.number) == "Plur"
    return not (plural and arg.kind == "Person")


def _clashes(mine: str | None, theirs: str | None) -> bool:
    """Both words are marked for a feature and the antecedent's values ("Masc,Neut") exclude the pronoun's."""
    return bool(mine and theirs and mine not in theirs.split(","))


def _gender_agrees(arg: Arg, want: PronounClass, word: Token, ctx: DocContext) -> bool:
    """"она" is not Lavrov: the lexicon's gender of the pronoun (the tagger's when the lexicon leaves
    it open) against the gender the parse gives the antecedent's head word."""
    gender = want.gender if want.gender != "Any" else word.feats.get("Gender")
    return not _clashes(gender, _antecedent_gender(arg, ctx))


def _home(arg: Arg, ctx: DocContext) -> SentenceContext | None:
    """The sentence an argument stands in (None when its head lies outside it)."""
    home = next((s for s in ctx.sentences if arg in s.args), None)
    return home if home is not None and 0 <= arg.head < len(home.tokens) else None


def _antecedent_gender(arg: Arg, ctx: DocContext) -> str | None:
    """The gender of an antecedent: the one its past-tense verb shows ("Макрон прибыл"), else the one all
    its words agree on (the tagger guesses foreign first names: "Эммануэль" as feminine)."""
    shown = _verb_shows(arg, ctx, "Gender")
    if shown is not None:
        return shown
    home = _home(arg, ctx)
    if home is None:
        return None
    genders = {t.feats.get("Gender") for t in home.tokens[arg.i:arg.j] if t.pos in ("PROPN", "NOUN")}
    return genders.pop() if len(genders) == 1 else None


def _antecedent_feature(arg: Arg, ctx: DocContext, feature: str) -> str | None:
    """An antecedent's number: the one its verb shows ("Никол Пашинян заявил": one man, whatever the
    tagger makes of a foreign name), else its head word's."""
    shown = _verb_shows(arg, ctx, feature)
    if shown is not None:
        return shown
    head = _head_token(arg, ctx)
    return head.feats.get(feature) if head is not None else None


def _verb_shows(arg: Arg, ctx: DocContext, feature: str) -> str | None:
    """The feature the verb an antecedent is the subject of marks for it."""
    home = _home(arg, ctx)
    if home is None:
        return None
    tree = home.tree
    phrase = _phrase_of(tree, arg.head)
    governor = tree.head(phrase)
    if base(tree.rel(phrase)) == "nsubj" and governor is not None:
        return home.tokens[governor].feats.get(feature)
    return None


def _head_token(arg: Arg, ctx: DocContext) -> Token | None:
    home = _home(arg, ctx)
    return home.tokens[arg.head] if home is not None else None


def _main_clause(tree: Tree, k: int) -> bool:
    """Word ``k`` hangs from the root through coordination only (no embedded clause on the way)."""
    for h in [k, *tree.ancestors(k)]:
        if tree.tokens[h].pos in ("VERB", "AUX") and base(tree.rel(h)) not in ("root", "conj", "parataxis"):
            return False
    return True


def _subjects(sc: SentenceContext, lex: Lexicon, owners: bool = True) -> list[Arg]:
    """The sentence's actors in subject position, those of embedded clauses first, then the main
    clause's, each in text order: a later pronoun looks at them last first, so the main clause's
    subject is the sentence's topic ("X warned that Y would ... . It also said": X).  The owner of an
    office or force in subject position is a subject too ("Iran's mission to the UN warned ... . It":
    the mission speaks for Iran, as the arguments pass reads it), for pronouns only (``owners``): taken
    for Russian dropped subjects it gave a held-out set a false event."""
    tree = sc.tree
    found = [a for a in sorted(sc.args, key=lambda a: a.i)
             if a.active and a.actor and base(tree.rel(_phrase_of(tree, _head_word(tree, a)))) == "nsubj"]
    for k, t in enumerate(sc.tokens):
        # A person's title ("the minister", "глава МИД") is a person the article left unnamed: whose office
        # it is does not make the owner the topic a later "he" or "он" stands for.
        if owners and t.pos == "NOUN" and base(tree.rel(k)) == "nsubj" and sc.arg_at(k) is None \
                and matches_any(t, word_patterns(lex, "force_nouns", "office_nouns")) \
                and not matches_any(t, word_patterns(lex, "role_titles")):
            # Its owner, not where it sits ("Egypt's embassy in Ankara").
            found += [a for a in actors_at(sc, k, lex) if a not in found and a.kind != "Place" and a.prep is None]
    return sorted(sorted(found, key=lambda a: a.i),
                  key=lambda a: _main_clause(tree, _phrase_of(tree, _head_word(tree, a))))


def _head_word(tree: Tree, a: Arg) -> int:
    """The word of an argument that the clause governs: a titled owner's title ("Северокорейский лидер
    заявил": "лидер", not the adjective)."""
    return tree.span_head(a.i, a.j) if a.title and a.j > a.i else a.head


def _topics(sc: SentenceContext, lex: Lexicon, before: int | None = None, object_of: bool = False,
            loose: bool = False, owners: bool = True) -> list[Arg]:
    """The sentence's subjects (before token ``before``); when the parse gives no word there a subject
    relation (with ``loose`` subjects, no actor), its actors in the nominative with no preposition (a
    name the parser hung elsewhere: "Belarusian leader Alexander Lukashenko said", "Ким ... айтты" with
    "Ким" tagged a modifier and a common noun tagged the subject); for an object pronoun (``object_of``) not a name that
    explains a noun behind a preposition ("В аэропорту «Манас» его встретил X": the parse may hang a
    leading subject in such a phrase, but an object pronoun's antecedent is no place of the clause)."""
    end = len(sc.tokens) if before is None else before
    subjects = [a for a in _subjects(sc, lex, owners) if a.i < end]
    if subjects or (not loose and any(base(t.deprel) == "nsubj" for t in sc.tokens[:end])):
        return subjects
    return [a for a in sorted(sc.args, key=lambda a: a.i)
            if a.i < end and a.active and a.actor and a.prep is None and a.case in (None, "Nom")
            and a.kind in ("Person", "Country", "Organization")
            and not (object_of and _in_phrase_with_preposition(sc.tree, a.head))]


def _by_salience(sc: SentenceContext, subjects: list[Arg]) -> list[Arg]:
    """Subjects ordered so the most salient comes last, where the next sentence's pronoun looks first: the
    main clause's subject before an embedded clause's ("Iran's mission warned that ... if Israel
    retaliated. It also warned ...": it is the mission), the later one first among equals."""
    return sorted(subjects, key=lambda a: (-len(list(sc.tree.ancestors(a.head))), a.i))


def _in_phrase_with_preposition(tree: Tree, k: int) -> bool:
    """"В аэропорту «Манас»": the name explains a noun behind a preposition, it is no topic."""
    phrase = _phrase_of(tree, k)
    return any(tree.tokens[d].pos == "ADP" for h in {k, phrase} for d in tree.deps(h, "case"))


def _phrase_of(tree: Tree, k: int) -> int:
    """The noun a name explains or is coordinated with ("Пресс-секретарь ... Дмитрий Песков")."""
    while base(tree.rel(k)) in ("conj", "appos", "flat") and tree.head(k) is not None:
        k = tree.head(k)  # type: ignore[assignment]
    return k


def _pick(history: list[list[Arg]], accept: Callable[[Arg], bool]) -> tuple[Arg | None, float]:
    """The latest subject of the last ``REACH`` sentences that ``accept`` takes, and how sure that is
    (sure when no other actor in reach would do)."""
    fitting = [a for subjects in reversed(history[-REACH:]) for a in reversed(subjects) if accept(a)]
    if not fitting:
        return None, 0.0
    return fitting[0], SURE if len({a.actor for a in fitting}) == 1 else UNSURE


def _agrees(word: Token, sc: SentenceContext, antecedent: Arg, ctx: DocContext) -> bool:
    """A verb or pronoun marked plural takes no singular antecedent (and the other way round); a
    pronoun marked for gender takes no antecedent of another ("его" is not "Россия")."""
    number = word.feats.get("Number")
    if word.feats.get("Person") not in (None, "3"):
        return number is None
    theirs = _antecedent_feature(antecedent, ctx, "Number")
    mine = word.feats.get("Number")
    # Past-tense verbs agree in gender with their subject too, but names' gender is unreliable there.
    return not (mine and theirs and mine not in theirs.split(",") and theirs not in mine.split(","))


def _located_speaker(sc: SentenceContext, k: int, lex: Lexicon) -> Arg | None:
    """"В КНДР эти обвинения отвергали": with no subject, the country or body the act is located in
    acts (the indefinite "they" of an institution)."""
    if sc.tokens[k].feats.get("Number") != "Plur":
        return None
    for d in sc.tree.deps(k, "obl"):
        a = sc.arg_at(d)
        if a is not None and a.kind in ("Country", "Organization") and slot_of(sc.tree, d, lex) in ("place", "to"):
            return a
    return None


def _link(sc: SentenceContext, i: int, j: int, kind: str, arg: Arg, confidence: float) -> Link:
    """The link of tokens [i, j) to what ``arg`` stands for (through its mention, unless the
    knowledge base supplied the actor)."""
    first, last = sc.tokens[i], sc.tokens[j - 1]
    s = sc.sentence
    antecedent = None if arg.mention.source == "coref" else (arg.mention.start, arg.mention.end)
    return Link(first.start, last.end, s.text[first.start - s.start:last.end - s.start], kind, (arg.actor,),
                antecedent, confidence)


def _stand_in(arg: Arg, k: int, j: int, sc: SentenceContext) -> Arg:
    """An argument over tokens [k, j) standing for ``arg``'s actor."""
    t = sc.tokens[j - 1]
    return dataclasses.replace(arg, i=k, j=j, case=t.case, head=sc.tree.span_head(k, j), prep=None,
                               absorbed=False, speaker=False, clause=None, modifier=False)


def _person(actor: str, sc: SentenceContext, i: int, j: int, ctx: DocContext) -> Arg:
    """An argument over tokens [i, j) naming a person the knowledge base supplied."""
    first, last = sc.tokens[i], sc.tokens[j - 1]
    s = sc.sentence
    m = Mention(document=ctx.doc.id, start=first.start, end=last.end,
                text=s.text[first.start - s.start:last.end - s.start], kind="Person", lang=ctx.lex.lang,
                actor=actor, lemma=last.lemma, case=last.case, source="coref")
    return Arg(m, i, j, last.case, head=sc.tree.span_head(i, j))


def _pronouns(ctx: DocContext, sc: SentenceContext, words: CorefLexicon, history: list[list[Arg]]) -> list[Arg]:
    """Third-person pronouns as arguments; possessives ("its formation", "её позиция") only as links."""
    new: list[Arg] = []
    for k, t in enumerate(sc.tokens):
        if t.pos not in ("PRON", "DET") or sc.arg_at(k) is not None:
            continue
        want = words.third(t.text, t.lemma or t.text)
        if want is None:
            continue
        if _nearer_thing(sc, k, want):
            continue
        group, acting = pronoun_group(sc, k, ctx.sentences[:sc.index], ctx.lex) if _plural(t, want) else ([], False)
        if group:
            # "они", "they", "олар" after two named sides: all of them (states or bodies coordinated as one
            # subject also act: each is an actor of the pronoun's phrase).
            first = sc.tokens[k]
            ctx.coref_links.append(Link(first.start, first.end, first.text, "pronoun",
                                        tuple(a.actor for a in group), None, GROUP))
            if acting and not _possessive(t):
                sc.groups[k] = [_stand_in(a, k, k + 1, sc) for a in group]
            continue
        accept = partial(_accepts, want=want, word=t, sc=sc, ctx=ctx)
        antecedent, confidence = None, 0.0
        if want.prefers:
            # Kazakh "ол" (he, she and it), Russian "он": a person that fits comes before any other thing.
            antecedent, confidence = _resolve(ctx, sc, k, history, partial(_preferred, accept, want.prefers),
                                              words.loose_subjects, new)
        if antecedent is None:
            antecedent, confidence = _resolve(ctx, sc, k, history, accept, words.loose_subjects, new)
        if antecedent is None:
            continue
        ctx.coref_links.append(_link(sc, k, k + 1, "pronoun", antecedent, confidence))
        # The pronoun's own place in its clause: not the antecedent's ("Trudeau said. He urged": the
        # antecedent spoke, the pronoun acts).
        standing = dataclasses.replace(antecedent, i=k, j=k + 1, case=t.case, head=k, prep=None, absorbed=False,
                                       speaker=False, clause=None, modifier=False)
        if _possessive(t):
            sc.possessives[k] = standing
        else:
            new.append(standing)
    return new


def _plural(t: Token, want: PronounClass) -> bool:
    return want.animacy != "Other" and (t.feats.get("Number") or want.number) == "Plur"


def _preferred(accept: Callable[[Arg], bool], kind: str, a: Arg) -> bool:
    return a.kind == kind and accept(a)


def _resolve(ctx: DocContext, sc: SentenceContext, k: int, history: list[list[Arg]],
             accept: Callable[[Arg], bool], loose: bool = False,
             resolved: list[Arg] | None = None) -> tuple[Arg | None, float]:
    """The antecedent of the pronoun at token ``k`` among those ``accept`` takes, and how sure;
    ``resolved``: the sentence's earlier pronouns, already standing for their antecedents."""
    tree = sc.tree
    t = sc.tokens[k]
    # A pronoun of the sentence's own earlier subject ("Russia said it ...") comes first; an
    # object pronoun is never its own clause's subject ("призвал его": not the caller).
    own = _topics(sc, ctx.lex, k, object_of=base(t.deprel) in ("obj", "iobj", "obl"), loose=loose)
    antecedent, confidence = _pick([*history, own], accept)
    clause_subjects: set[str] = set()
    if base(t.deprel) in ("obj", "iobj", "obl") and tree.head(k) is not None:
        clause_subjects = {a.actor for a in subject_of(sc, tree.head(k), ctx.lex)}  # type: ignore[arg-type]
        # "Он поблагодарил его": the clause's subject may be a pronoun resolved just before.
        clause_subjects |= {a.actor for a in resolved or [] if a.head in tree.deps(tree.head(k), "nsubj")}  # type: ignore[arg-type]
    if antecedent is None or antecedent.actor in clause_subjects:
        # No subject fits (or only the clause's own): the latest fitting actor in any position;
        # for a subject pronoun only when it is the one actor in reach that fits.
        before = [p for p in ctx.sentences if p.index < sc.index][-REACH:]
        pool = [a for p in before for a in sorted(p.args, key=lambda a: a.i)] + \
            [a for a in sorted(sc.args, key=lambda a: a.i) if a.i < k]
        fitting = [a for a in reversed(pool) if a.active and a.actor
                   and a.actor not in clause_subjects and accept(a)]
        one = len({a.actor for a in fitting}) == 1
        antecedent = fitting[0] if fitting and (clause_subjects or one) else None
        confidence = SURE if one else UNSURE
    return antecedent, confidence


def _nearer_thing(sc: SentenceContext, k: int, want: PronounClass) -> bool:
    """An object pronoun that may be no person, after a noun of its own sentence that names no actor and
    agrees with it, with no actor in between: it stands for that thing ("refused to recognise the new
    parliament, calling it illegitimate", "отвергли доклад, назвав его ложью")."""
    word = sc.tokens[k]
    if want.animacy == "Person" or base(word.deprel) not in ("obj", "iobj", "obl") or _possessive(word):
        return False
    covered = {n for a in sc.args for n in range(a.i, a.j)}
    for n in range(k - 1, -1, -1):
        if n in covered:
            return False  # an actor is nearer
        t = sc.tokens[n]
        if t.pos != "NOUN" or base(t.deprel) not in ("obj", "nsubj", "nsubj:pass"):
            continue
        number = word.feats.get("Number") or want.number
        gender = want.gender if want.gender != "Any" else word.feats.get("Gender")
        return not _clashes(number if number in ("Sing", "Plur") else None, t.feats.get("Number")) \
            and not _clashes(gender, t.feats.get("Gender"))
    return False


def _possessive(t: Token) -> bool:
    """"its formation", "their forces", "её позиция": the owner of a noun; an event role takes it only as
    the owner of a force or office ("its forces struck": arguments.actors_at)."""
    return t.pos == "DET" or t.feats.get("Poss") == "Yes" or t.deprel == "nmod:poss"


def _accepts(a: Arg, want: PronounClass, word: Token, sc: SentenceContext, ctx: DocContext) -> bool:
    return _fits(a, want, word) and _agrees(word, sc, a, ctx) and _gender_agrees(a, want, word, ctx) \
        and not (a.kind != "Person" and _singular(word, want) and _coordinated(a, ctx))


def _singular(word: Token, want: PronounClass) -> bool:
    return (word.feats.get("Number") or want.number) == "Sing"


def _coordinated(arg: Arg, ctx: DocContext) -> bool:
    """"Brazil and Colombia said ...": a name coordinated with another is one of several that act together,
    which a singular pronoun ("it") does not stand for."""
    home = _home(arg, ctx)
    if home is None:
        return False
    tree = home.tree
    nominal = ("PROPN", "NOUN")
    return (base(tree.rel(arg.head)) == "conj" and (h := tree.head(arg.head)) is not None
            and home.tokens[h].pos in nominal) or any(
        base(tree.rel(d)) == "conj" and home.tokens[d].pos in nominal for d in tree.children[arg.head])


def _first_person(ctx: DocContext, n: int, found: list[Quote], words: CorefLexicon, on: str | None,
                  story: _Story) -> list[Arg]:
    """«мы», «біз», "we" inside a quote: the speaker's country or body; "I": the speaker."""
    sc = ctx.sentences[n]
    new: list[Arg] = []
    for quote in (q for q in found if n in q.inside):
        speaker = speaker_of(quote, ctx.sentences, ctx.lex)
        if speaker is not None:
            speaker = story.as_people([speaker])[0]
        else:
            speaker = _unnamed_speaker(quote, ctx, story)
        if speaker is None:
            continue
        for k in sorted(quote.inside[n]):
            t = sc.tokens[k]
            number = words.first(t.text, t.lemma or t.text)
            if number is None or t.pos not in ("PRON", "DET") or sc.arg_at(k) is not None:
                continue
            arg = speaker if number == "Sing" else _body_of(speaker, ctx, on)
            if arg is None:
                continue
            ctx.coref_links.append(_link(sc, k, k + 1, "first_person", arg, SURE if arg is speaker else UNSURE))
            if not _possessive(t):
                new.append(_stand_in(arg, k, k + 1, sc))
    return new


def _unnamed_speaker(quote: Quote, ctx: DocContext, story: _Story) -> Arg | None:
    """The speaker of a quote whose reporting verb has no named subject: the actor its dropped subject
    stands for («...», — добавил.) or the person of a title with its country («...», — сказал армянский
    премьер), in the sentence the quote ends in, else starts in."""
    ends = sorted(quote.inside)
    for n in dict.fromkeys((ends[-1], ends[0])):
        sc = ctx.sentences[n]
        # Reporting verbs of one word or several ("атап өтті"): the word the clause hangs on.
        verbs = [sc.tree.phrase_head(m.indices) for m in find_matches(sc.tokens, ctx.lex.reporting_verbs, set())]
        for k in verbs:
            if k in quote.inside[n] or sc.tokens[k].pos not in ("VERB", "AUX"):
                continue
            if k in sc.implicit_subjects:
                return sc.implicit_subjects[k]
            for d in sc.tree.deps(k, "nsubj"):
                titled = story.titled.get((n, d))
                if titled is not None:
                    return titled
    return None


def _body_of(speaker: Arg, ctx: DocContext, on: str | None) -> Arg | None:
    """The speaker as the country or body they speak for ("we" of a minister is the state)."""
    body = speaks_for(speaker, ctx.roles, ctx.kb, on)
    if body is None:
        return None
    if body in ctx.kb and ctx.kb.actor(body).kind == "Organization":
        # "we" of a ministry's or a ruling party's spokesperson is the state the body belongs to.
        states = ctx.kb.states_of(body, on)
        body = states.pop() if len(states) == 1 else body
    elif body not in ctx.kb and body == speaker.actor:
        # A body the knowledge base does not know ("глава иранского МИД"): the state the article gives it.
        body = _state_beside(speaker, ctx) or body
    if body == speaker.actor:
        return speaker
    kind = ctx.kb.actor(body).kind if body in ctx.kb else "Organization"
    return dataclasses.replace(speaker, holder=None, mention=dataclasses.replace(
        speaker.mention, actor=body, kind=kind, source="coref"))


def _state_beside(arg: Arg, ctx: DocContext) -> str | None:
    """The one country named as the owner of an argument's head word ("иранского МИД", "МИД Ирана")."""
    home = _home(arg, ctx)
    if home is None:
        return None
    owners = {a.actor for d in home.tree.children[arg.head] if (a := home.arg_at(d)) is not None
              and a.kind == "Country" and a.actor}
    return owners.pop() if len(owners) == 1 else None


@dataclasses.dataclass
class _Story:
    """What the article has said so far: people given titles, people and owners named (in order)."""

    introduced: list[Introduced] = dataclasses.field(default_factory=list)
    people: list[str] = dataclasses.field(default_factory=list)
    owners: list[str] = dataclasses.field(default_factory=list)
    # A titled owner's mention (document offsets) -> the person the title names.
    persons: dict[tuple[int, int], Arg] = dataclasses.field(default_factory=dict)

    # (sentence, word) of a title with its country -> the person it names ("армянский премьер").
    titled: dict[tuple[int, int], Arg] = dataclasses.field(default_factory=dict)

    def as_people(self, args: list[Arg]) -> list[Arg]:
        """``args`` with each titled owner ("the Kazakh president") replaced by the person it names."""
        return [self.persons.get((a.mention.start, a.mention.end), a) for a in args]

    def read(self, sc: SentenceContext, lex: Lexicon) -> None:
        self.introduced += introduced_titles(sc, lex)
        for a in sorted(sc.args, key=lambda a: a.i):
            if a.actor and a.kind == "Person":
                self.people.append(a.actor)
            elif a.mention.actor and a.mention.kind in ("Country", "Organization"):
                self.owners.append(a.mention.actor)


def _titles(ctx: DocContext, sc: SentenceContext, story: _Story, on: str | None, words: CorefLexicon) -> list[Arg]:
    """Titles with their country but no name ("the Kazakh president") and bare titles ("the minister")."""
    for t in owned_titles(sc, ctx.lex, compile_patterns(words.titles)):
        # The link names the holder; the event keeps the state, as the gold convention lists it
        # ("the Iranian defence minister" acts for Iran; docs/event-types.md, "Both the person and the state").
        found = owned_holder(t, story.introduced, story.people, words.broad_titles, ctx.kb, on)
        if found:
            # A later pronoun of this title's person ("— сказал казахстанский лидер. Рядом с ним") takes the person.
            person = _person(found[0], sc, t.i, t.j, ctx)
            story.persons[t.arg.mention.start, t.arg.mention.end] = person
            story.titled |= {(sc.index, k): person for k in range(t.i, t.j)}
            first, last = sc.tokens[t.i], sc.tokens[t.j - 1]
            ctx.coref_links.append(Link(first.start, last.end, sc.sentence.text[
                first.start - sc.sentence.start:last.end - sc.sentence.start], "title", (found[0],), None, found[1]))
    for a in sc.args:
        if a.title and a.holder and a.mention.kind != "Person" and a.mention.actor != a.holder:
            # "Израиль премьер-министрі" the arguments pass gave its holder: recorded as a link.
            ctx.coref_links.append(_link(sc, a.i, a.j, "title", a, INTRODUCED))
    new: list[Arg] = []
    home = {k: h.value for h in find_matches(sc.tokens, compile_patterns(words.home_titles), set()) for k in h.indices}
    # The coreference lexicon's own title words stand alone too ("— деді премьер"), but not the broad
    # ones (leader, guest, counterpart), which need a country or the clause's other side.
    narrow = {p: office for p, office in words.titles.items()
              if office not in words.broad_titles and office not in words.other_side_titles}
    for m in bare_titles(sc, ctx.lex, compile_patterns(narrow)):
        earlier = next((x.person for x in reversed(story.introduced) if same_office(m.value, x.title)), None)
        holder = kb_holder(m.value, home[m.start], ctx.kb, on) if m.start in home else None
        if holder is not None:
            # "Мемлекет басшысы" in Kazakh news is Kazakhstan's president (the coref lexicon's home_titles).
            arg, confidence = _person(holder, sc, m.start, m.end, ctx), OWNER_AT_DATE
        elif earlier is not None:
            arg, confidence = _stand_in(earlier, m.start, m.end, sc), INTRODUCED
        else:
            found = holder_among(m.value, story.people, story.owners, ctx.kb, on)
            if found is None:
                continue
            arg, confidence = _person(found[0], sc, m.start, m.end, ctx), found[1]
        ctx.coref_links.append(_link(sc, m.start, m.end, "title", arg, confidence))
        new.append(arg)
    return new + _other_side(ctx, sc, story, on, words)


def _other_side(ctx: DocContext, sc: SentenceContext, story: _Story, on: str | None,
                words: CorefLexicon) -> list[Arg]:
    """"Путин поблагодарил гостя", "Блинкен әріптесін ... шақырды": a guest or counterpart with no
    country beside it (the coref lexicon's ``other_side_titles``) is the latest person the article
    named who acts for none of the states of the clause's subject."""
    wanted = {p for p, office in words.titles.items() if office in words.other_side_titles}
    covered = {k for a in sc.args for k in range(a.i, a.j)}
    new = []
    for m in find_matches(sc.tokens, compile_patterns(sorted(wanted)), set()):
        if covered & set(m.indices):
            continue  # owned ("немецкого гостя") or named
        verb = next((h for h in sc.tree.ancestors(m.start) if sc.tokens[h].pos == "VERB"), None)
        if verb is None:
            continue
        subjects = [a.actor for a in subject_of(sc, verb, ctx.lex) if a.actor] or \
            [a.actor for a in [sc.implicit_subjects.get(verb)] if a is not None and a.actor]
        if not subjects:
            continue
        sides = {x for a in subjects for x in ctx.kb.states_of(a, on) | {a}} if all(a in ctx.kb for a in subjects) \
            else set(subjects)
        other = next((p for p in reversed(story.people) if p not in sides
                      and not (p in ctx.kb and ctx.kb.states_of(p, on) & sides)), None)
        if other is None:
            continue
        arg = _person(other, sc, m.start, m.end, ctx)
        ctx.coref_links.append(_link(sc, m.start, m.end, "title", arg, UNSURE))
        new.append(arg)
    return new


def _descriptions(ctx: DocContext, sc: SentenceContext, words: CorefLexicon) -> None:
    """The mentions pass resolved "the bloc", "ведомство" to an actor: record them as links; a country's
    adjective before a side noun ("российская сторона", "қырғыз тарабы", "the Russian side") is that
    country."""
    for a in sc.args:
        if a.mention.source == "anaphora":
            ctx.coref_links.append(Link(a.mention.start, a.mention.end, a.mention.text, "description",
                                        (a.mention.actor or "",), None, UNSURE))
    sides = {m.start: m for m in find_matches(sc.tokens, compile_patterns(words.side_nouns), set())}
    for a in sc.args:
        m = sides.get(a.j)
        if m is not None and a.kind == "Country" and a.actor:
            ctx.coref_links.append(_link(sc, a.i, m.end, "description", a, SURE))


def _dropped_subjects(ctx: DocContext, sc: SentenceContext, history: list[list[Arg]], loose: bool) -> None:
    tree = sc.tree
    own_subjects = _subjects(sc, ctx.lex, owners=False)
    for k, t in enumerate(sc.tokens):
        if t.pos != "VERB" or t.feats.get("VerbForm") not in (None, "Fin") or _has_subject(sc, k, loose):
            continue
        if base(tree.rel(k)) not in ("root", "parataxis") and not _relative_without_subject(tree, k):
            continue  # complements, converbs and conjuncts share their governor's subject
        # "В Кремле ... не раскрыли": a plural verb with no subject and a country or body it is located
        # in is that institution's indefinite "they", before any earlier subject.
        antecedent, confidence = _located_speaker(sc, k, ctx.lex), UNSURE
        if antecedent is None:
            antecedent, confidence = _pick([*history, [a for a in own_subjects if a.i < k]],
                                           partial(_agrees, t, sc, ctx=ctx))
        if antecedent is not None:
            sc.implicit_subjects[k] = antecedent
            ctx.coref_links.append(_link(sc, k, k + 1, "dropped_subject", antecedent, confidence))


def _has_subject(sc: SentenceContext, k: int, loose: bool) -> bool:
    """Verb ``k`` has a subject of its own: a clausal or nominal one; with ``loose`` subjects only a
    nominal one the parse marks nominative or leaves unmarked (a genitive or accusative "subject" is the
    parser's slip: "Айыптауды ... бағалады")."""
    tree = sc.tree
    if loose and any(a.active and a.actor and a.prep is None and a.case in (None, "Nom") and not a.owns_next
                     and a.kind in ("Person", "Country", "Organization") and _clause_verb(tree, a.head) == k
                     for a in sc.args):
        # "– деді Рахмон", "Сеул ... деп атады": a bare nominative actor of the verb's own clause, which the
        # parse hung elsewhere (a possessor of the next noun), is its subject.
        return True
    return bool(tree.deps(k, "csubj")) or any(not loose or sc.tokens[d].case in (None, "Nom")
                                               for d in tree.deps(k, "nsubj"))


def _clause_verb(tree: Tree, k: int) -> int | None:
    """The nearest verb above word ``k``: the clause it stands in."""
    return next((h for h in tree.ancestors(k) if tree.tokens[h].pos == "VERB"), None)


def _relative_without_subject(tree: Tree, k: int) -> bool:
    """"отправился в Харбин, где посетил выставку": a relative clause opened by an adverb (где, когда)
    has no subject of its own; it is the clause's above, as for a main verb."""
    if base(tree.rel(k)) != "acl" or tree.rel(k) == "acl":
        return False
    first = min([k, *(d for d in tree.deps(k) if tree.tokens[d].pos != "PUNCT")])
    return first != k and tree.tokens[first].pos == "ADV" and base(tree.rel(first)) == "advmod"


def _dateline(ctx: DocContext) -> str | None:
    """An undated document's date as its text gives it first ("ТАШКЕНТ. 2022 жылғы 22 желтоқсан."): whose
    title a bare "Мемлекет басшысы" is depends on it."""
    return next((sc.date[0] for sc in ctx.sentences if sc.date[0] and sc.date[1] == "day"), None)


def run(ctx: DocContext) -> None:
    words = coref_lexicon(ctx.lex.lang)
    pro_drop = bool(ctx.lex.raw.get("pro_drop"))
    on = (ctx.doc.published or "")[:10] or _dateline(ctx)
    history: list[list[Arg]] = []
    plain: list[list[Arg]] = []
    story = _Story()
    found = quotes(ctx.sentences) if words.first_person else []
    for n, sc in enumerate(ctx.sentences):
        _descriptions(ctx, sc, words)
        # Each step sees the arguments the one before it made: a quote's speaker may be a pronoun
        # or a title ("«...», — добавил министр").
        new = _pronouns(ctx, sc, words, history)
        sc.args.extend(new)
        titled = _titles(ctx, sc, story, on, words)
        sc.args.extend(titled)
        if pro_drop and sc.tree.parsed:
            _dropped_subjects(ctx, sc, plain, words.loose_subjects)
        quoted = _first_person(ctx, n, found, words, on, story)
        sc.args.extend(quoted)
        new += titled + quoted
        ctx.coref_links.extend(party_links(sc, ctx.sentences[:n], ctx.lex, words))
        history.append(story.as_people(_by_salience(sc, _topics(sc, ctx.lex, loose=words.loose_subjects)) or list(new)))
        plain.append(story.as_people(_by_salience(sc, _topics(sc, ctx.lex, loose=words.loose_subjects, owners=False))
                                     or list(new)))
        story.read(sc, ctx.lex)


PASS = Pass("coreference", reads=("args", "roles"),
            writes=("args", "implicit_subjects", "possessives", "groups", "coref_links"),
            run=run)
