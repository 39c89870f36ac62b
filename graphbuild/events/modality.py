"""Modality of a trigger: negated (negation on the verb), planned (intended, sought, being
negotiated, future) or neither.  Cue words come from the language's lexicon."""

from __future__ import annotations

import re

from graphbuild.events.draft import SAID_ACTS
from graphbuild.events.lexicon import Element, Lexicon, Pattern, compile_patterns, matches_any, word_patterns
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token

PLANNED_WINDOW = 4  # tokens between a planning cue and the trigger it governs
NEGATION_WINDOW = 3
_VERBALISER = r"(?:да|де|та|те|ла|ле)?"


def _suffix_negated(token: Token, trig: Trigger, lex: Lexicon) -> bool:
    """Kazakh -ма/-ме/-ба/-бе/-па/-пе right after a verb stem the lexicon matched by prefix."""
    if not lex.neg_suffixes or token.pos not in ("VERB", "", "X") or token.feats.get("Mood") == "Int":
        return False  # "өткізбек", "бармақ": the intention suffix, not -ба/-ма negation
    for element in (e for e in _elements(trig) if e.prefix):
        low = token.text.lower()
        if low.startswith(element.text):
            rest = low[len(element.text):]
            if re.match(r"(?:мен|бен|пен)", rest):  # instrumental case, not negation
                continue
            alternatives = "|".join(lex.neg_suffixes)
            if re.match(rf"{_VERBALISER}(?:{alternatives})", rest):
                return True
    return False


def _elements(trig: Trigger) -> tuple[Element, ...]:
    return Pattern.parse(trig.entry.pattern, None).elements


def is_negated(trig: Trigger, tokens: list[Token], lex: Lexicon, stops: set[int]) -> bool:
    """Negation marked on the trigger or a negator next to it (not across another trigger)."""
    if trig.entry.negative_lemma:
        return False
    after = tokens[trig.end] if trig.end < len(tokens) else None
    if after is not None and matches_any(after, word_patterns(lex, "before_clause_words")):
        return False  # "Қазақстанға келмес бұрын": "before coming" takes the negative form, it negates nothing
    for k in range(trig.start, trig.end):
        # "дайын емес екенін" (not ready) read through the pattern's gap: the negator inside the phrase
        if k not in trig.indices and (matches_any(tokens[k], lex.negation_after)
                                      or matches_any(tokens[k], lex.negation_before)):
            return True
    elements = _elements(trig)
    for n, k in enumerate(trig.indices):
        # "тұтқындармен алмасты" (exchanged): the analyser's "ал-ма-" negation lies inside our stem "алмас".
        inside = n < len(elements) and len(elements[n].text) > len(tokens[k].lemma or "") \
            and (tokens[k].lemma or "") != "" and tokens[k].text.lower().startswith(elements[n].text)
        if (tokens[k].feats.get("Polarity") == "Neg" and not inside) or _suffix_negated(tokens[k], trig, lex):
            return True
    for step in range(1, NEGATION_WINDOW + 1):
        k = trig.end - 1 + step
        if k >= len(tokens) or k in stops:
            break
        if matches_any(tokens[k], lex.negation_after) or _negated_light_verb(tokens[k], lex):
            return True
    for step in range(1, NEGATION_WINDOW + 1):
        k = trig.start - step
        if k < 0 or k in stops:
            break
        if matches_any(tokens[k], _open_cues(lex)):
            break  # "не исключил отправку": the negation is the cue's, and it leaves the act open
        if matches_any(tokens[k], lex.negation_before):
            return True
    return False


def _open_cues(lex: Lexicon) -> list[Pattern]:
    """Verbs ("исключить", "rule out") whose negation makes the act they govern a possibility."""
    return compile_patterns(lex.raw.get("open_when_negated", []))


def _negated_open_cue(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    if not matches_any(tokens[k], _open_cues(lex)):
        return False
    return tokens[k].feats.get("Polarity") == "Neg" or any(
        matches_any(tokens[j], lex.negation_before) for j in range(max(0, k - 2), k))


def _negated_light_verb(token: Token, lex: Lexicon) -> bool:
    """"шабуыл жасамады", "санкция салмайды": a noun trigger negated on the light verb after it."""
    if (token.lemma or "").lower() not in lex.raw.get("light_verbs", []):
        return False
    return token.feats.get("Polarity") == "Neg"


def _future_form(token: Token, lex: Lexicon) -> bool:
    """A verb form the language uses for what is yet to happen (Kazakh "барады", "беретінін")."""
    forms: list[dict[str, str]] = lex.raw.get("future_forms", [])
    return any(all(token.feats.get(k) == v for k, v in form.items()) for form in forms)


_GOVERNED_CASES = (None, "Nom", "Acc", "Dat")


def _governable(trig: Trigger, governor: Trigger, tokens: list[Token], lex: Lexicon) -> bool:
    """Whether ``trig`` can be the complement of ``governor`` ("to buy", "о покупке", "сатып алу
    туралы"): a non-finite or noun form, not a place or time phrase, with no punctuation between."""
    head = tokens[trig.head]
    lo, hi = (trig.end, governor.start) if lex.order == "SOV" else (governor.end, trig.start)
    if any(not any(ch.isalnum() for ch in t.text) for t in tokens[lo:hi]):
        return False
    forms = {tokens[k].feats.get("VerbForm") for k in trig.indices}
    nonfinite = head.pos == "NOUN" or bool(forms & {"Inf", "Ger", "Vnoun", "Part"}) or (
        trig.start > 0 and tokens[trig.start - 1].text.lower() == "to")
    if lex.order == "SOV":
        # Kazakh complements stand right before their governor, or behind туралы/үшін ("about", "to").
        between = [t.text.lower() for t in tokens[lo:hi]]
        if head.case not in _GOVERNED_CASES or len(between) > 1:
            return False
        # "ынтымақтастықты кеңейтуге уағдаласты", "жеткізуді ұлғайтуға дайын" (a verbal noun the analyser
        # may tag as a plain noun; a name there would be a side, not a governing verb)
        governing_noun = bool(between) and tokens[lo].case in ("Dat", "Acc") and (
            tokens[lo].feats.get("VerbForm") == "Ger" or (tokens[lo].pos == "NOUN" and tokens[lo].text.islower()))
        if between and between[0] not in lex.raw.get("complement_postpositions", []) and not governing_noun:
            return False
    return nonfinite


def planned_reason(trig: Trigger, tokens: list[Token], lex: Lexicon, others: list[Trigger],
                   stops: set[int]) -> str | None:
    """"intent" (plans, seeks, намерен, ниет; negotiating/offering/agreeing to do it) or "future"
    (will, future tense) when the act is not (yet) done; None otherwise."""
    future = compile_patterns(lex.raw.get("future_before", []))
    conditionals = compile_patterns(lex.raw.get("conditionals", []))
    for step in range(1, PLANNED_WINDOW + 1):
        k = trig.start - step
        if k >= 0 and matches_any(tokens[k], conditionals):
            return "future"  # "if it delivered weapons": a condition, not a fact (the word is a clause stop)
        if k < 0 or k in stops:
            break
        if matches_any(tokens[k], lex.planned_before) or _negated_open_cue(tokens, k, lex):
            return "intent"
        if matches_any(tokens[k], future):
            return "future"
    done = lex.order == "SOV" and tokens[trig.head].feats.get("Tense") == "Past"
    for step in range(1, PLANNED_WINDOW + 1):
        k = trig.end - 1 + step
        if k >= len(tokens) or k in stops or done:
            break  # "қару сатқаны үшін": after a past form, үшін gives the reason, not a purpose
        if matches_any(tokens[k], lex.planned_after):
            return "intent"
    governing_types = set(lex.raw.get("planning_types", []))  # "threatened to attack", "warned against sending"
    for other in others:
        if other is trig or other.type == trig.type or not (
                other.entry.governs_planned or other.type in governing_types):
            continue
        # SVO: "negotiating to buy", "переговоры о покупке"; SOV: "сатып алу туралы келіссөз".
        if lex.order == "SOV":
            distance = other.start - trig.end
        else:
            distance = trig.start - other.end
        if 0 <= distance <= PLANNED_WINDOW and _governable(trig, other, tokens, lex):
            return "intent"
    head = tokens[trig.head]
    if head.feats.get("Tense") == "Fut" and head.feats.get("VerbForm") in (None, "Fin"):
        return "future"
    if trig.type not in SAID_ACTS and _future_form(head, lex):
        return "future"  # a statement or stance in the present is made now; an act is still to come
    return None


def refused(trig: Trigger, tokens: list[Token], lex: Lexicon, others: list[Trigger]) -> bool:
    """"refused to meet", "встречи ... отказался", "кездесуден бас тартты": the act was refused.
    A refused offer or request still was made ("rejected the US proposal")."""
    if trig.type in ("OFFER", "REQUEST"):
        return False
    for other in others:
        if other is trig or not other.entry.governs_negated or tokens[other.head].feats.get("Polarity") == "Neg":
            continue  # "келіссөзден бас тартпайды": not refusing leaves the act open
        lo, hi = (trig.end, other.start) if lex.order == "SOV" else (other.end, trig.start)
        between = tokens[lo:hi]
        if 0 <= hi - lo <= 2 and all(any(ch.isalnum() for ch in t.text) for t in between):
            return True
    return False


def hearsay(trig: Trigger, tokens: list[Token], lex: Lexicon, stops: set[int]) -> bool:
    """"is believed to have supplied", "reportedly met": the outlet passes on what others hold, unnamed."""
    cues = compile_patterns(lex.raw.get("hearsay_before", []))
    for step in range(1, PLANNED_WINDOW + 1):
        k = trig.start - step
        if k < 0 or k in stops:
            return False
        if matches_any(tokens[k], cues):
            return True
    return False

