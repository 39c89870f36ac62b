"""Kazakh evaluations told by a label: "X-ті «бейжауапты әрекет» деп атады" (called it irresponsible),
"мәлімдемені негізсіз деп бағалады".  A label from the lexicon's ``harm_labels`` before the
complementizer and a naming verb is a condemnation (ACCUSE); one from ``false_labels`` is a denial.
It is read before the lexicon's single words (a label is no event word of its own: "«қабылданбайтын»
деп" is no reception), and leaves the label phrases the lexicon spells out to their entries.
"""

from __future__ import annotations

from graphbuild.events.lexicon import Lexicon, TriggerEntry, _norm, find_matches, matches_any, word_patterns
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token

_QUOTES = frozenset("«»\"“”„")
# What a label needs, as the lexicon's own label phrases: an accused named, or an act named before it.
_NEED = "obj_or_poss_or_event"


def _entry(kind: str, words: str) -> TriggerEntry:
    # A negation inside the label ("қабылданбайтын", unacceptable) is the label's meaning, not the act's.
    if kind == "false":
        return TriggerEntry(words, "DENY", "016", denial=True, need=_NEED, negative_lemma=True)
    return TriggerEntry(words, "ACCUSE", "111", need=_NEED, negative_lemma=True)


def label_triggers(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Trigger]:
    """Label + complementizer + naming verb, on tokens no other trigger took; ``used`` gets them."""
    naming = word_patterns(lex, "naming_verbs")
    kinds = (("false", word_patterns(lex, "false_labels")), ("harm", word_patterns(lex, "harm_labels")))
    complementizers = {w for w in lex.raw.get("complementizers", []) if w.isalpha()}
    # A label phrase the lexicon spells out ("одақтас деп атады": praise) keeps its own entry.
    spelled = {k for m in find_matches(tokens, lex.triggers, set(used)) if len(m.indices) > 1 for k in m.indices}
    found: list[Trigger] = []
    for k, verb in enumerate(tokens):
        if k < 2 or k in used or not matches_any(verb, naming) or tokens[k - 1].text.lower() not in complementizers:
            continue
        i = k - 2
        while i > 0 and set(tokens[i].text) <= _QUOTES:
            i -= 1  # "«ашық агрессия» деп": the label inside its quotes
        label = tokens[i]
        kind = next((name for name, words in kinds if matches_any(label, words)), None)
        if kind is None or {i, k - 1, k} & (used | spelled):
            continue
        if any(m.value.violation for m in find_matches([label], lex.triggers, set())):
            continue  # "... қарарын бұзу деп атады": a violation word keeps its own entry (what is violated
            # is no side, the accused is the doer of the act it names)
        words = f"{_norm(label.text)} {_norm(tokens[k - 1].text)} {_norm(verb.lemma or verb.text)}*"
        indices = (i, k - 1, k)
        found.append(Trigger(i, k + 1, indices, _entry(kind, words)))
        used.update(indices)
    return found
