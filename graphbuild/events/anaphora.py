"""Definite descriptions as actors: "the bloc", "альянс", "министрлік" name an actor of the document.

A common noun from the lexicon's ``anaphoric_nouns`` table (by lemma) that refers back is resolved to
the latest earlier mention of the document whose actor kind fits the noun (and, for nouns that narrow
the kind, whose KB names carry one of the noun's cue words: "alliance" fits "North Atlantic Treaty
Organization", not "United Nations").  The result is a new Mention over the noun's words, so that the
argument rules place it like any name (case, preposition, word order).
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.coref.lexicon import coref_lexicon
from graphbuild.events.lexicon import Lexicon, _norm
from graphbuild.ids import slugify
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Actor, Mention

_QUOTES = frozenset("«»\"“”„'‘’")
MAX_BACK = 40  # mentions looked back at: a description far from its antecedent names someone else


@dataclass(frozen=True)
class NounClass:
    kinds: tuple[str, ...]
    cues: tuple[str, ...] = ()  # words one of the actor's English names must contain


def _english_names(kb: KnowledgeBase, actor_id: str) -> tuple[str, ...]:
    if actor_id not in kb:
        return ()
    actor = kb.actor(actor_id)
    return tuple(n.lower() for n in [actor.label, *actor.names.get("en", [])])


def _table(lex: Lexicon) -> dict[tuple[str, ...], NounClass]:
    """Lexicon entries: "noun": ["Kind", ...] or {"kinds": [...], "cues": [...]}; "the two leaders"
    is the lexicon's ``party_words`` (see events/parties.py), not a description of one actor."""
    table: dict[tuple[str, ...], NounClass] = {}
    # The event lexicon's nouns and the coreference lexicon's (graphbuild/data/lexicons/coref/); a noun in
    # both takes the union of their kinds and cue words (the coreference lexicon adds "treaty" to "блок").
    for source in (lex.raw.get("anaphoric_nouns", {}), coref_lexicon(lex.lang).anaphoric_nouns):
        for words, spec in source.items():
            key = tuple(_norm(w) for w in words.split())
            noun = NounClass(tuple(spec)) if isinstance(spec, list) else \
                NounClass(tuple(spec["kinds"]), tuple(c.lower() for c in spec.get("cues", [])))
            held = table.get(key)
            table[key] = noun if held is None else NounClass(tuple(dict.fromkeys(held.kinds + noun.kinds)),
                                                             _cues(held, noun))
    return table


def _cues(a: NounClass, b: NounClass) -> tuple[str, ...]:
    """The cue words of a noun defined twice: none (any actor of its kinds) when either has none."""
    return tuple(dict.fromkeys(a.cues + b.cues)) if a.cues and b.cues else ()


def _word(t: Token) -> str:
    return _norm(t.lemma or t.text)


# Per lexicon (held, so its id stays its own): the table's entries longest first, ranked, under their
# first word; entries without words match anywhere. Built once instead of sorting for every token.
_RANKED: dict[int, tuple[Lexicon, dict[str, list[tuple[int, tuple[str, ...], NounClass]]],
                          list[tuple[int, tuple[str, ...], NounClass]]]] = {}


def _ranked(lex: Lexicon, table: dict[tuple[str, ...], NounClass]) -> tuple[
        dict[str, list[tuple[int, tuple[str, ...], NounClass]]], list[tuple[int, tuple[str, ...], NounClass]]]:
    held = _RANKED.get(id(lex))
    if held is not None and held[0] is lex:
        return held[1], held[2]
    by_first: dict[str, list[tuple[int, tuple[str, ...], NounClass]]] = {}
    anywhere: list[tuple[int, tuple[str, ...], NounClass]] = []
    for rank, (key, noun) in enumerate(sorted(table.items(), key=lambda kv: -len(kv[0]))):
        (by_first.setdefault(key[0], []) if key else anywhere).append((rank, key, noun))
    _RANKED[id(lex)] = (lex, by_first, anywhere)
    return by_first, anywhere


def _fits(m: Mention, noun: NounClass, kb: KnowledgeBase) -> bool:
    if not m.actor or m.kind not in noun.kinds:
        return False
    if not noun.cues:
        return True
    return any(c in name for name in _english_names(kb, m.actor) for c in noun.cues)


def _described(tokens: list[Token], k: int, taken: dict[int, str], lex: Lexicon, noun: NounClass) -> bool:
    """"the ministry of defence", "министерство обороны России": the noun is named right here, not
    referring back; a governing "of" or a genitive after it opens its own name."""
    while k < len(tokens) and tokens[k].text in _QUOTES:
        k += 1  # "страны «Большой семёрки»": the name after the quote mark
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    if nxt.text.lower() in lex.raw.get("anaphora_blockers", []):
        return True
    if lex.order == "SVO" and k in taken:
        # "страны ЕС", "the alliance NATO": the name right after is the one meant; but a person there
        # is the holder of a title before the noun ("Генеральный секретарь альянса Йенс Столтенберг").
        return taken[k] != "Person" or "Person" in noun.kinds
    if lex.order == "SOV":
        # "ел басшысы" (the head of state): the noun only modifies the bare noun after it.
        return nxt.pos == "NOUN" and nxt.case in (None, "Nom")
    return bool(lex.case_slots) and nxt.case == "Gen" and nxt.pos in ("NOUN", "PROPN")


def _definite(tokens: list[Token], i: int, taken: set[int], lex: Lexicon) -> bool:
    """Article languages need "the"/"this" before the noun; others refuse a numeral, a quantifier or
    a name right before it ("две страны", "екі ел", "Russia's ministry" name no earlier actor)."""
    prev = tokens[i - 1] if i else None
    if lex.raw.get("anaphora_needs_determiner"):
        return prev is not None and prev.text.lower() in lex.raw.get("anaphora_determiners", [])
    if prev is None:
        return True
    # A name right before owns the noun, except in a verb-final language when the noun bears no possessive
    # ending: "Пашинян ұйымның ..." is the clause's subject and then the organisation ("Ресей министрлігі" is owned).
    owned = i - 1 in taken and not (lex.order == "SOV" and tokens[i].feats.get("Person[psor]") is None)
    return prev.pos != "NUM" and not owned and _norm(prev.text) not in lex.raw.get("anaphora_quantifiers", [])


def _unknown_description(m: Mention, tokens: list[Token], table: dict[tuple[str, ...], NounClass]) -> bool:
    """"Альянс осудил ...": a capitalised description the recogniser took for an unknown name."""
    if m.source == "kb":
        return False
    words = tuple(_word(t) for t in tokens if m.start <= t.start and t.end <= m.end)
    return words in table


def with_anaphora(sentence: Sentence, here: list[Mention], earlier: list[Mention],
                  lex: Lexicon, doc_id: str, actors: list[Actor], kb: KnowledgeBase) -> list[Mention]:
    """The sentence's mentions with its definite descriptions resolved (see :func:`anaphoric_mentions`)
    and its region-scoped collective groups (see :func:`collective_groups`, whose new actors are
    appended to ``actors``); a description the recogniser mistook for an unknown name gives way."""
    found = anaphoric_mentions(sentence, here, earlier, lex, doc_id, kb)
    table = _table(lex)
    kept = [m for m in here if not _unknown_description(m, sentence.tokens, table)] if found else here
    groups, new = collective_groups(sentence, kept + found, lex, doc_id, kb)
    actors.extend(new)
    kept = [m for m in kept if not any(g.start <= m.start and m.end <= g.end for g in groups)]
    return kept + found + groups if groups or found else here


def _group_word(t: Token, words: dict[str, str]) -> str | None:
    """The group label of a collective noun ("separatists", "наразыларды"); "*" entries are stems."""
    forms = (_norm(t.lemma or t.text), _norm(t.text))
    for word, label in words.items():
        if (word.endswith("*") and any(f.startswith(word[:-1]) for f in forms)) or word in forms:
            return label
    return None


def _country_of(m: Mention, kb: KnowledgeBase) -> str | None:
    """The ISO3 of the country a scoping place lies in."""
    if m.actor:
        owner = kb.actor(m.actor).part_of if m.actor in kb else None
        return owner if owner and len(owner) == 3 and owner.isupper() else None
    return None


def collective_groups(sentence: Sentence, here: list[Mention], lex: Lexicon,
                      doc_id: str, kb: KnowledgeBase) -> tuple[list[Mention], list[Actor]]:
    """"Karabakh separatists", "сепаратисты Карабаха", "Қарабақ сепаратистері": an unnamed collective (from
    the lexicon's ``collective_groups``) scoped by the region or city named right with it becomes a
    Group actor: the KB's if it holds the id, else a deterministic "group:<label>-<iso3>".  Without
    such a scope nothing is made (precision first)."""
    words: dict[str, str] = lex.raw.get("collective_groups", {})
    if not words:
        return [], []
    tokens = sentence.tokens
    spans = [[k for k, t in enumerate(tokens) if t.start < m.end and t.end > m.start] for m in here]
    # a group the linker named by its common noun alone ("сепаратистер") yields to the scoped group
    owner = {k: n for n, idx in enumerate(spans) for k in idx if here[n].kind != "Group"}
    mentions: list[Mention] = []
    actors: list[Actor] = []
    for k, t in enumerate(tokens):
        label = _group_word(t, words)
        if label is None or k in owner:
            continue
        at = owner.get(k - 1)  # "Karabakh separatists", "карабахские сепаратисты", "Қарабақ сепаратистері"
        after = owner.get(k + 1)
        if at is None and after is not None and lex.order == "SVO" and lex.case_slots \
                and tokens[k + 1].case == "Gen":
            at = after  # "сепаратисты Карабаха"
        # A country's own name or demonym stays the actor ("Armenian separatists": the gold convention
        # reads the demonym as the state); a region or city names a group inside a country.
        iso3 = _country_of(here[at], kb) if at is not None and here[at].kind == "Place" else None
        if iso3 is None or at is None:
            continue
        idx = sorted({k, *spans[at]})
        first, last = tokens[idx[0]], tokens[idx[-1]]
        group_id = f"group:{slugify(label)}-{iso3.lower()}"
        if group_id not in kb:
            actors.append(Actor(id=group_id, label=f"{label.capitalize()} ({iso3})", kind="Group",
                                names={lex.lang: [t.text]}, documents=[doc_id]))
        mentions.append(Mention(document=doc_id, start=first.start, end=last.end,
                                text=sentence.text[first.start - sentence.start:last.end - sentence.start],
                                kind="Group", lang=lex.lang, actor=group_id, lemma=_word(t),
                                case=t.case if idx[-1] == k else tokens[idx[-1]].case, source="group"))
    return mentions, actors


def anaphoric_mentions(sentence: Sentence, here: list[Mention], earlier: list[Mention],
                       lex: Lexicon, doc_id: str, kb: KnowledgeBase) -> list[Mention]:
    """Mentions for the definite descriptions of ``sentence`` that refer back to an actor of
    ``earlier`` (the document's mentions before it) or of ``here`` (this sentence's, before the noun)."""
    table = _table(lex)
    if not table:
        return []
    tokens = sentence.tokens
    here = [m for m in here if not _unknown_description(m, tokens, table)]
    taken = {k: m.kind for m in here for k, t in enumerate(tokens) if t.start < m.end and t.end > m.start}
    found: list[Mention] = []
    by_first, anywhere = _ranked(lex, table)
    k = 0
    while k < len(tokens):
        # The longest entry (then the first listed) whose words are the tokens' lemmas or texts here.
        candidates = sorted(by_first.get(_word(tokens[k]), []) + by_first.get(_norm(tokens[k].text), []) + anywhere,
                            key=lambda c: c[0])
        hit = next(((key, noun) for _, key, noun in candidates
                    if tuple(_word(t) for t in tokens[k:k + len(key)]) == key
                    or tuple(_norm(t.text) for t in tokens[k:k + len(key)]) == key), None)
        if hit is None or k in taken:
            k += 1
            continue
        key, noun = hit
        end = k + len(key)
        if tokens[end - 1].feats.get("Number") == "Plur" and "Group" not in noun.kinds:
            k = end  # "елдер", "the countries": several, not the one named before
            continue
        if not _definite(tokens, k, set(taken), lex) or _described(tokens, end, taken, lex, noun):
            k = end
            continue
        before = [m for m in here if m.end <= tokens[k].start]
        pool = (earlier + before)[-MAX_BACK:]
        m = next((m for m in reversed(pool) if _fits(m, noun, kb)), None)
        if m is not None:
            first, last = tokens[k], tokens[end - 1]
            found.append(Mention(document=doc_id, start=first.start, end=last.end,
                                 text=sentence.text[first.start - sentence.start:last.end - sentence.start],
                                 kind=m.kind, lang=m.lang, actor=m.actor, lemma=_word(last),
                                 case=last.case, source="anaphora"))
        k = end
    return found
