"""Arguments: which linked mentions fill which syntactic slot of a trigger.

Slots are language-neutral (subj, obj, to, with, from, against, by, poss, place, about); how a mention
gets its slot is per language and comes from the lexicon: Kazakh case endings (and postpositions),
Russian prepositions with case, else case alone, English prepositions, else word order.  The table
in common.json then turns slots into source/target per event type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from graphbuild.events.lexicon import (
    Lexicon,
    Pattern,
    _norm,
    common,
    compile_patterns,
    find_matches,
    matches_any,
    word_patterns,
)
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token
from graphbuild.model import Mention


@dataclass
class Arg:
    """A linked mention placed in a sentence."""

    mention: Mention
    i: int  # token span [i, j)
    j: int
    case: str | None
    prep: str | None = None  # slot named by a governing preposition/postposition
    absorbed: bool = False  # the country/organisation of a role apposition: the person acts
    speaker: bool = False  # the source of reported speech, not a participant
    clause: tuple[int, int] | None = None  # a relative clause ", which ...," the mention sits in
    modifier: bool = False  # a country adjective before a common noun ("Russian weapons")
    title: str | None = None  # "Ақ үй өкілі": the office named after the country/organisation
    holder: str | None = None  # the person known (earlier in the document) to hold that office
    head: int = -1  # the phrase's head word in the dependency tree (set by the mentions pass)
    # Kazakh izafet: where the possessed nouns after the name that stand for it end ("ХАМАС қозғалысы
    # басшыларының"); j when the noun after it stands for no one; 0 when no possessed noun follows.
    through: int = 0

    @property
    def owns_next(self) -> bool:
        """"Вашингтон ескертуі": a bare name before a possessed noun owns that noun, and does not act."""
        return self.through == self.j

    @property
    def actor(self) -> str:
        return self.holder or self.mention.actor or ""

    @property
    def kind(self) -> str:
        return "Person" if self.holder else self.mention.kind

    @property
    def active(self) -> bool:
        return not (self.absorbed or self.speaker)


@dataclass
class Slots:
    by_slot: dict[str, list[Arg]] = field(default_factory=dict)
    inherited: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)  # slots known to be empty: never borrowed or guessed
    sides: list[Arg] = field(default_factory=list)  # named "between X and Y" next to the trigger: its own
    not_sides: set[str] = field(default_factory=set)  # named as something else (what is violated): never guessed

    def add(self, slot: str, arg: Arg) -> None:
        self.by_slot.setdefault(slot, []).append(arg)

    def get(self, slot: str) -> list[Arg]:
        return self.by_slot.get(slot, [])


def _case_from_suffix(text: str, lex: Lexicon) -> str | None:
    """Case of an unanalysed word from its ending (longest ending wins); Nom if none fits."""
    low = _norm(text)
    best: tuple[int, str] | None = None
    for case, suffixes in lex.case_suffixes.items():
        for suffix in suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 2 and (best is None or len(suffix) > best[0]):
                best = (len(suffix), case)
    return best[1] if best else "Nom"


def place_mentions(tokens: list[Token], mentions: list[Mention], lex: Lexicon) -> list[Arg]:
    """Linked mentions of the sentence as token spans with case and governing preposition."""
    spans: list[Arg] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not m.actor:
            continue
        idx = [k for k, t in enumerate(tokens) if t.start < m.end and t.end > m.start]
        if not idx:
            continue
        i, j = idx[0], idx[-1] + 1
        if spans and i < spans[-1].j:  # nested or overlapping: keep the longer, earlier span
            continue
        head = tokens[j - 1]
        case = m.case or head.case
        if lex.case_slots and not lex.case_suffixes and case not in (None, "Nom"):
            cases = {tokens[k].case for k in range(i, j) if tokens[k].case}
            # A person's name the analyser declines word by word is unreliable; "Северной Кореей" is not.
            if _uninflected(head) or (len(cases) > 1 and m.kind == "Person"):
                case = None  # "США", "Си Цзиньпин": the form shows no (or no single) case; word order decides
        if case is None and lex.case_suffixes:
            case = _case_from_suffix(head.text, lex)
        spans.append(Arg(m, i, j, case))
    _extend_by_titles(tokens, spans, lex)
    _absorb_modifiers(tokens, spans)
    forces = word_patterns(lex, "force_nouns")
    owners = word_patterns(lex, "owner_nouns")
    for arg in spans:
        nxt = tokens[arg.j] if arg.j < len(tokens) else None
        after = tokens[arg.j + 1] if arg.j + 1 < len(tokens) else None
        # An adjective after the name modifies a noun only when one follows ("US nuclear weapons");
        # "Kyiv overnight" (a time word tagged ADJ) leaves Kyiv an actor.
        describes = nxt is not None and (nxt.pos == "NOUN" or (
            nxt.pos == "ADJ" and after is not None and after.pos in ("NOUN", "ADJ")))
        # A name modifies a noun in English ("US tanks"); a case language puts its genitive after the noun.
        named_modifier = tokens[arg.i].pos == "PROPN" and not lex.case_slots
        arg.modifier = (lex.order == "SVO" and arg.j - arg.i == 1 and (tokens[arg.i].pos == "ADJ" or named_modifier)
                        and describes and nxt.text[:1].islower() and not _possessive(tokens, arg)
                        and not matches_any(nxt, forces))  # "российских войск": the army is the state
        adjective = tokens[arg.i].pos == "ADJ" or arg.mention.source == "demonym"
        if adjective and arg.j - arg.i == 1 and nxt is not None and (
                matches_any(nxt, forces) or matches_any(nxt, owners)):
            # "Азербайджанские военные", "ресейлік тарапты": the noun's case, not the adjective's.
            arg.case = nxt.case or arg.case
        quoted = nxt is not None and set(nxt.text) <= set("»\"”") and after is not None  # "«Хезболла» нысандарына"
        if quoted:
            nxt = after
        if lex.order == "SOV" and lex.case_suffixes and arg.case in (None, "Nom") and arg.title is None \
                and nxt is not None and nxt.pos in ("NOUN", "VERB") and nxt.feats.get("Person[psor]") == "3" \
                and not (nxt.text[:1].isupper() and not quoted) \
                and not _describes_next(tokens, arg.j + quoted, forces, owners,
                                        tuple(lex.raw.get("adjective_endings", []))):
            # Kazakh izafet: "Ресей армиясына" (the army stands for the state) takes the noun's case;
            # "Вашингтон ескертуіне қарамастан" names whose warning, not who acts.
            k = arg.j + quoted
            # "ХАМАС қозғалысы басшыларының кездесуі": along a chain of such nouns, the last one's case.
            while k < len(tokens) and tokens[k].feats.get("Person[psor]") == "3" and (
                    matches_any(tokens[k], forces) or matches_any(tokens[k], owners)):
                arg.case = tokens[k].case or arg.case
                k += 1
            arg.through = k
    coordinators = set(lex.raw.get("coordinators", []))
    for k, arg in enumerate(spans):
        arg.prep = _governor(tokens, arg, spans, lex)
        if arg.prep is None and arg.kind == "Person" and lex.case_slots and lex.order == "SVO":
            arg.prep = _governor_through_title(tokens, arg, spans, lex)
        if arg.prep is None and k and spans[k - 1].prep and _in_list(tokens, spans[k - 1], arg, coordinators):
            arg.prep = spans[k - 1].prep  # "support from Moscow and Beijing", "with Russia, China and Iran"
    return spans


def _describes_next(tokens: list[Token], k: int, forces: list[Pattern], owners: list[Pattern],
                    endings: tuple[str, ...]) -> bool:
    """"АҚШ пайдалы қазбалар туралы": a word the analyser read as possessed ("пайдал-ы") that a bare noun
    follows is an adjective of that noun, so the name before owns nothing."""
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    # the adjective-making endings (Kazakh -лы/-лі/-ды/...), which a possessive ending looks like
    adjective = bool(endings) and tokens[k].text.lower().endswith(endings)
    return adjective and after is not None and after.pos == "NOUN" and after.text[:1].islower() \
        and after.case in (None, "Nom") and not after.feats.get("Person[psor]") \
        and not (matches_any(tokens[k], forces) or matches_any(tokens[k], owners))


def _between_all(tokens: list[Token], a: Arg, b: Arg, words: set[str], skip: set[int] | None = None) -> bool:
    """Only coordinators between ``a`` and ``b`` (and, after a word coordinator, a short description of
    ``b``: "Израиль и палестинское движение ХАМАС")."""
    kept = [k for k in range(a.j, b.i) if k not in (skip or set())]
    between = [tokens[k].text.lower() for k in kept]
    if bool(between) and all(w in words for w in between):
        return True
    joiner = next((n for n, w in enumerate(between) if w in words and any(ch.isalpha() for ch in w)), None)
    if joiner is None or len(between) - joiner > 4 or any(w not in words for w in between[:joiner]):
        return False
    return all(tokens[k].pos in ("ADJ", "NOUN", "DET") and tokens[k].text[:1].islower()
               for k in kept[joiner + 1:])


def _in_list(tokens: list[Token], a: Arg, b: Arg, coordinators: set[str]) -> bool:
    """``b`` continues a list that ``a`` is in: joined by a word ("and"), or by a comma when the list
    goes on after ``b`` ("A, B and C"), so "..., Blinken said" is no list."""
    if not _between_all(tokens, a, b, coordinators):
        return False
    if any(any(ch.isalpha() for ch in t.text) for t in tokens[a.j:b.i]):
        return True
    return b.j < len(tokens) and tokens[b.j].text.lower() in coordinators


def coordinated_with(head: Arg, candidates: list[Arg], tokens: list[Token], lex: Lexicon,
                     words_only: bool = False, skip: set[int] | None = None) -> list[Arg]:
    """``head`` and the candidates chained to it by coordinators ("the US, Russia, and Switzerland");
    ``words_only``: joined by words ("Obama and Putin"), never by a bare comma."""
    coordinators = set(lex.raw.get("coordinators", []))
    if words_only:
        coordinators = {w for w in coordinators if any(ch.isalpha() for ch in w)}
    ordered = sorted(candidates, key=lambda a: a.i)
    k = ordered.index(head)
    group = [head]
    for step in (-1, 1):
        m = k
        while 0 <= m + step < len(ordered):
            left, right = (ordered[m + step], ordered[m]) if step < 0 else (ordered[m], ordered[m + step])
            if not _between_all(tokens, left, right, coordinators, skip):
                break
            m += step
            group.append(ordered[m])
    return sorted(group, key=lambda a: a.i)


def _absorb_modifiers(tokens: list[Token], spans: list[Arg]) -> None:
    """"палестинское движение ХАМАС", "Iranian drone maker Shahed": a one-word adjective naming a
    country before a described name is a modifier of that name, not an actor of its own."""
    for k, arg in enumerate(spans):
        if arg.j - arg.i != 1 or tokens[arg.i].pos != "ADJ" or k + 1 >= len(spans):
            continue
        nxt = spans[k + 1]
        between = tokens[arg.j:nxt.i]
        if 0 < len(between) <= 3 and all(t.pos in ("NOUN", "ADJ") and t.text[:1].islower() for t in between):
            arg.absorbed = True


def _extend_by_titles(tokens: list[Token], spans: list[Arg], lex: Lexicon) -> None:
    """"Францияның президентімен", "с президентом Франции": a country named through its office
    holder acts in the case (and behind the preposition) of the title, when no name follows."""
    people = {a.i for a in spans if a.kind == "Person"}
    ends = {a.j for a in spans}
    for arg in spans:
        if arg.kind not in ("Country", "Organization"):
            continue
        k = arg.j + (1 if arg.j < len(tokens) and tokens[arg.j].text in ("'s", "’s") else 0)
        after = find_matches(tokens[k:k + 3], lex.role_titles, set())
        if after and after[0].start == 0 and after[0].value and k + after[0].end not in people:
            end = k + after[0].end
            arg.j = end
            arg.case = tokens[end - 1].case or arg.case
            arg.title = after[0].value
            continue
        before = find_matches(tokens[max(0, arg.i - 3):arg.i], lex.role_titles, set())
        if before and before[-1].value and lex.order == "SVO" and lex.case_slots and arg.case == "Gen":
            first = max(0, arg.i - 3) + before[-1].start
            if max(0, arg.i - 3) + before[-1].end == arg.i and first not in ends:
                arg.i = first
                arg.case = tokens[first].case or arg.case
                arg.title = before[-1].value


def apposition_tokens(tokens: list[Token], args: list[Arg], lex: Lexicon) -> set[int]:
    """Role-title words and absorbed owners: "Моди и председатель КНР Си" is still "Моди и Си"."""
    skip = {k for m in find_matches(tokens, lex.role_titles, set()) for k in m.indices}
    return skip | {k for a in args if a.absorbed for k in range(a.i, a.j)}


def mark_relative_clauses(tokens: list[Token], args: list[Arg],
                          lex: Lexicon) -> tuple[list[int], list[tuple[int, int]]]:
    """Relativizer positions (clause boundaries) and the ", which ...," spans closed to the verbs
    outside them; the mentions inside such a span are marked with it."""
    words = set(lex.raw.get("relativizers", []))
    found = [k for k, t in enumerate(tokens) if _norm(t.lemma or t.text) in words or _norm(t.text) in words]
    closed: list[tuple[int, int]] = []
    for r in found:
        if r == 0 or tokens[r - 1].text != ",":
            continue
        end = next((k for k in range(r + 1, len(tokens)) if tokens[k].text in (",", ";")), len(tokens))
        closed.append((r, end))
        for arg in args:
            if r < arg.i and arg.j <= end:
                arg.clause = (r, end)
    return found + [e for _, e in closed if e < len(tokens)], closed


def _uninflected(token: Token) -> bool:
    return _norm(token.text) == _norm(token.lemma or token.text)


@cache
def _adjunct_phrases(lang: str, phrases: tuple[str, ...]) -> list[Pattern]:
    return compile_patterns(list(phrases))


def _after_adjunct(tokens: list[Token], arg: Arg, lex: Lexicon) -> bool:
    """"прибыл в Москву по приглашению Путина": a name closing a set adjunct phrase is no argument."""
    phrases = _adjunct_phrases(lex.lang, tuple(lex.raw.get("adjunct_phrases", [])))
    lo = max(0, arg.i - 4)
    return any(lo + m.end == arg.i for m in find_matches(tokens[lo:arg.i], phrases, set()))


def _governor_through_title(tokens: list[Token], arg: Arg, spans: list[Arg], lex: Lexicon) -> str | None:
    """"с лидером КНДР Ким Чен Ыном": the preposition before a person's title and its owner governs the person."""
    lo = max(0, arg.i - 6)
    titled = {lo + k for m in find_matches(tokens[lo:arg.i], lex.role_titles, set()) if m.value for k in m.indices}
    owners = {k for a in spans if a is not arg and a.j <= arg.i for k in range(a.i, a.j)}
    k = arg.i - 1
    while k >= lo and (k in titled or k in owners):
        k -= 1
    if k < 0 or k == arg.i - 1 or not titled & set(range(k + 1, arg.i)):
        return None
    masked = find_matches(tokens[max(0, k - 2):k], lex.role_titles, set())
    if any(not m.value for m in masked):
        return None  # "во главе с министром ... Шойгу": the leader of the subject, no partner
    rule = lex.prepositions.get(_norm(tokens[k].text))
    if isinstance(rule, dict):
        return rule.get(arg.case or "", rule.get("*"))
    return rule


def _governor(tokens: list[Token], arg: Arg, spans: list[Arg], lex: Lexicon) -> str | None:
    if _after_adjunct(tokens, arg, lex):
        return "none"
    taken = {k for a in spans for k in range(a.i, a.j)}
    # "Қазақстан аумағы арқылы": a name standing for the nouns after it takes their postposition
    end = arg.through if arg.through > arg.j else arg.j
    if lex.postpositions and end < len(tokens):
        slot = lex.postpositions.get(_norm(tokens[end].lemma or tokens[end].text))
        if slot is None:
            slot = lex.postpositions.get(_norm(tokens[end].text))
        if slot:
            return slot
    for back in (1, 2):
        k = arg.i - back
        if k < 0 or k in taken or not any(ch.isalnum() for ch in tokens[k].text):
            return None
        word = _norm(tokens[k].text)
        if word in lex.prepositions:
            rule = lex.prepositions[word]
            if isinstance(rule, dict):
                return rule.get(arg.case or "", rule.get("*"))
            return rule
        if tokens[k].pos == "ADP" and not lex.case_suffixes:
            return "none"  # a preposition we have no role for ("across Ukraine"): not a bare subject
        if back == 1 and (tokens[k].pos not in ("ADJ", "DET", "NUM", "")
                          or word in lex.raw.get("relativizers", [])):
            return None  # "under which North Korea ...": the preposition governs "which"
    return None


def _possessive(tokens: list[Token], arg: Arg) -> bool:
    nxt = tokens[arg.j].text if arg.j < len(tokens) else ""
    return nxt in ("'s", "’s", "'", "’") or arg.mention.text.endswith(("'s", "’s"))


def slot_of(arg: Arg, trig: Trigger, tokens: list[Token], lex: Lexicon) -> str:
    """The syntactic slot ``arg`` fills for ``trig``."""
    before = arg.j <= trig.start
    if arg.prep:
        return arg.prep
    if lex.order == "SOV":
        if arg.owns_next:
            if (arg.j != trig.start or trig.head != trig.start) and trig.type in common().object_types \
                    and tokens[arg.j].case in (None, "Nom") and is_passive(trig, tokens, lex):
                return "by"  # "Ресей газы ... жеткізілді", "Ресей қаруы жеткізілді": sent by its owner
            return "poss" if arg.j == trig.start else "none"  # the owner of the act, or of another noun
        return lex.case_slots.get(arg.case or "Nom", "subj")
    if _possessive(tokens, arg):
        return "poss"
    nominal = len(trig.indices) == 1 and tokens[trig.head].pos == "NOUN"
    if nominal and arg.j == trig.start and not lex.case_slots:
        return "poss"  # "the US proposal", "a Russian attack": the modifier owns the act
    if lex.case_slots and nominal and arg.i == trig.end and arg.case in (None, "Gen"):
        return "poss"  # a noun takes no object: "визит Шойгу", "предложение США" are genitives
    if lex.case_slots and arg.case:
        slot = lex.case_slots.get(arg.case)
        verbs = [k for k in range(trig.end, arg.i) if tokens[k].pos == "VERB"]
        if nominal and verbs and slot in ("poss", "subj") and arg.i - verbs[-1] > 2:
            return "none"  # "Санкции ... ввёл ... после испытания КНДР": another noun's, past the verb
        if slot == "subj" and not before:
            return "subj_after"  # inverted subject or an Acc read as Nom (inanimate nouns)
        if slot == "poss" and before:
            return "none"  # a genitive before the trigger belongs to another noun
        if slot:
            return slot
    return "subj" if before else "obj"


def is_passive(trig: Trigger, tokens: list[Token], lex: Lexicon) -> bool:
    head = tokens[trig.head]
    elements = Pattern.parse(trig.entry.pattern, None).elements
    # "были введены санкции": the light verb of a multiword trigger is passive; a word the pattern
    # spells out whole is no inflected verb ("жалған деп атады": 'false', which the analyser may read
    # as a passive participle)
    if any(tokens[k].feats.get("Voice") == "Pass" and tokens[k].pos == "VERB"
           and not (n < len(elements) and not elements[n].prefix and _norm(tokens[k].text) == elements[n].text)
           for n, k in enumerate(trig.indices[:-1])):
        return True
    if head.feats.get("Voice") == "Pass":
        # When our lexicon stem is longer than the analyser's lemma (шегін- vs шегі+н), the
        # "passive" suffix is part of the verb stem itself.
        stem = trig.entry.pattern.split()[-1].rstrip("*")
        return len(_norm(head.lemma or "")) >= len(stem)
    suffixes = lex.raw.get("passive_suffixes", [])
    stem = _norm(trig.entry.pattern.split()[-1].rstrip("*"))
    rest = _norm(head.text)[len(stem):] if _norm(head.text).startswith(stem) else ""
    verb = head.pos in ("VERB", "AUX") and not rest.startswith(("лар", "лер"))  # not a plural noun
    if verb and any(rest.startswith(x) and len(rest) > len(x) + 1 for x in suffixes):
        return True  # "айыпта-л-ды", "жеткіз-іл-ді": the passive suffix right after our verb stem
    if not lex.passive_markers:
        return False
    participle = head.feats.get("VerbForm") == "Part" or head.text.lower().endswith(("ed", "en"))
    if not participle or head.pos == "NOUN":
        return False
    if trig.end < len(tokens) and tokens[trig.end].text.lower() == "by":
        return True  # "Asked by reporters, ...": a participle with its agent
    for k in (trig.start - 1, trig.start - 2):
        if k >= 0 and matches_any(tokens[k], lex.passive_markers):
            return True
    return False


def find_objects(tokens: list[Token], lo: int, hi: int, patterns: list[Pattern]) -> str | None:
    """The canonical label of the first thing-word (ammunition, drones...) in tokens[lo:hi]."""
    found = find_matches(tokens[lo:hi], patterns, set())
    return found[0].value if found else None


def has_word(tokens: list[Token], lo: int, hi: int, patterns: list[Pattern]) -> bool:
    return bool(find_matches(tokens[lo:hi], patterns, set()))
