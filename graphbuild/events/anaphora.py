"""Definite descriptions as actors: "the bloc", "альянс", "министрлік" name an actor of the document.

A common noun from the lexicon's ``anaphoric_nouns`` table (by lemma) that refers back is resolved to
the latest earlier mention of the document whose actor kind fits the noun (and, for nouns that narrow
the kind, whose KB names carry one of the noun's cue words: "alliance" fits "North Atlantic Treaty
Organization", not "United Nations").  The result is a new Mention over the noun's words, so that the
argument rules place it like any name (case, preposition, word order).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.lexicon import Lexicon, _norm
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Mention

MAX_BACK = 40  # mentions looked back at: a description far from its antecedent names someone else


@dataclass(frozen=True)
class NounClass:
    kinds: tuple[str, ...]
    cues: tuple[str, ...] = ()  # words one of the actor's English names must contain
    count: int = 1  # "the two leaders": the latest two distinct fitting actors


@cache
def _english_names(actor_id: str) -> tuple[str, ...]:
    kb = KnowledgeBase.load()
    if actor_id not in kb:
        return ()
    actor = kb.actor(actor_id)
    return tuple(n.lower() for n in [actor.label, *actor.names.get("en", [])])


def _table(lex: Lexicon) -> dict[tuple[str, ...], NounClass]:
    """Lexicon entries: "noun": ["Kind", ...] or {"kinds": [...], "cues": [...], "count": n}."""
    table: dict[tuple[str, ...], NounClass] = {}
    for words, spec in lex.raw.get("anaphoric_nouns", {}).items():
        key = tuple(_norm(w) for w in words.split())
        if isinstance(spec, list):
            table[key] = NounClass(tuple(spec))
        else:
            table[key] = NounClass(tuple(spec["kinds"]), tuple(c.lower() for c in spec.get("cues", [])),
                                   int(spec.get("count", 1)))
    return table


def _word(t: Token) -> str:
    return _norm(t.lemma or t.text)


def _fits(m: Mention, noun: NounClass) -> bool:
    if not m.actor or m.kind not in noun.kinds:
        return False
    if not noun.cues:
        return True
    return any(c in name for name in _english_names(m.actor) for c in noun.cues)


def _described(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """"the ministry of defence", "министерство обороны России": the noun is named right here, not
    referring back; a governing "of" or a genitive after it opens its own name."""
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    if nxt.text.lower() in lex.raw.get("anaphora_blockers", []):
        return True
    if lex.order == "SOV":
        return nxt.pos == "NOUN"  # "ел басшысы" (the head of state): the noun only modifies the next one
    return bool(lex.case_slots) and nxt.case == "Gen" and nxt.pos in ("NOUN", "PROPN")


def _definite(tokens: list[Token], i: int, taken: set[int], lex: Lexicon) -> bool:
    """Article languages need "the"/"this" before the noun; others refuse a numeral, a quantifier or
    a name right before it ("две страны", "екі ел", "Russia's ministry" name no earlier actor)."""
    prev = tokens[i - 1] if i else None
    if lex.raw.get("anaphora_needs_determiner"):
        return prev is not None and prev.text.lower() in lex.raw.get("anaphora_determiners", [])
    if prev is None:
        return True
    return prev.pos != "NUM" and i - 1 not in taken and _norm(prev.text) not in lex.raw.get("anaphora_quantifiers", [])


def _unknown_description(m: Mention, tokens: list[Token], table: dict[tuple[str, ...], NounClass]) -> bool:
    """"Альянс осудил ...": a capitalised description the recogniser took for an unknown name."""
    if m.source == "kb":
        return False
    words = tuple(_word(t) for t in tokens if m.start <= t.start and t.end <= m.end)
    return words in table


def with_anaphora(sentence: Sentence, here: list[Mention], earlier: list[Mention],
                  lex: Lexicon, doc_id: str) -> list[Mention]:
    """The sentence's mentions with its definite descriptions resolved (see :func:`anaphoric_mentions`);
    a description the recogniser mistook for an unknown name gives way to its resolution."""
    found = anaphoric_mentions(sentence, here, earlier, lex, doc_id)
    if not found:
        return here
    table = _table(lex)
    return [m for m in here if not _unknown_description(m, sentence.tokens, table)] + found


def anaphoric_mentions(sentence: Sentence, here: list[Mention], earlier: list[Mention],
                       lex: Lexicon, doc_id: str) -> list[Mention]:
    """Mentions for the definite descriptions of ``sentence`` that refer back to an actor of
    ``earlier`` (the document's mentions before it) or of ``here`` (this sentence's, before the noun)."""
    table = _table(lex)
    if not table:
        return []
    tokens = sentence.tokens
    here = [m for m in here if not _unknown_description(m, tokens, table)]
    taken = {k for m in here for k, t in enumerate(tokens) if t.start < m.end and t.end > m.start}
    found: list[Mention] = []
    k = 0
    while k < len(tokens):
        hit = next(((key, noun) for key, noun in sorted(table.items(), key=lambda kv: -len(kv[0]))
                    if tuple(_word(t) for t in tokens[k:k + len(key)]) == key
                    or tuple(_norm(t.text) for t in tokens[k:k + len(key)]) == key), None)
        if hit is None or k in taken:
            k += 1
            continue
        key, noun = hit
        end = k + len(key)
        if not _definite(tokens, k, taken, lex) or _described(tokens, end, lex):
            k = end
            continue
        before = [m for m in here if m.end <= tokens[k].start]
        pool = (earlier + before)[-MAX_BACK:]
        chosen: list[Mention] = []
        for m in reversed(pool):
            if _fits(m, noun) and m.actor not in {c.actor for c in chosen}:
                chosen.append(m)
            if len(chosen) == noun.count:
                break
        if len(chosen) == noun.count and len(key) >= noun.count:
            # Several actors share the words one per token ("two" | "leaders"), so each is its own span.
            spans = [(k, end)] if noun.count == 1 else [(end - noun.count + n, end - noun.count + n + 1)
                                                        for n in range(noun.count)]
            for (i, j), m in zip(spans, reversed(chosen), strict=True):
                first, last = tokens[i], tokens[j - 1]
                found.append(Mention(document=doc_id, start=first.start, end=last.end,
                                     text=sentence.text[first.start - sentence.start:last.end - sentence.start],
                                     kind=m.kind, lang=m.lang, actor=m.actor, lemma=_word(last),
                                     case=last.case, source="anaphora"))
        k = end
    return found
