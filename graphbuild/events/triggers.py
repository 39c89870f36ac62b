"""Event triggers: lexicon lemma patterns found in a sentence's tokens."""

from __future__ import annotations

from dataclasses import dataclass

from graphbuild.events.lexicon import Lexicon, Match, TriggerEntry, compile_patterns, find_matches
from graphbuild.language.base import Token


@dataclass
class Trigger:
    start: int  # token indices [start, end)
    end: int
    indices: tuple[int, ...]
    entry: TriggerEntry

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def head(self) -> int:
        """The token carrying the verb inflection: the last one of a multiword trigger."""
        return self.indices[-1]

    def strength(self, tokens: list[Token]) -> float:
        """How sure the trigger is an event word: multiword and exact lemmas are stronger than
        prefixes, and words that needed a qualifying argument to count are weaker."""
        score = 0.9 if len(self.indices) > 1 or not self.entry.pattern.endswith("*") else 0.8
        return score - (0.15 if self.entry.need else 0.0)


def _pos_ok(entry: TriggerEntry, tokens: list[Token], match: Match) -> bool:
    if not entry.pos:
        return True
    pos = tokens[match.indices[0]].pos
    return not pos or pos == entry.pos


def find_triggers(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Trigger]:
    """Trigger matches, longest first and non-overlapping; ``used`` gets the trigger tokens."""
    # Set phrases built on a trigger word that name no event ("принять участие") block triggers there,
    # but their words stay free for reporting cues ("деп жеткізді": conveyed, said).
    # A longer trigger phrase around such a phrase still counts ("жауап шараларын қабылдау", to take
    # retaliatory measures, around "шара қабылдау", to take measures).
    phrases = find_matches(tokens, compile_patterns(lex.raw.get("non_triggers", [])), set(used))
    longer = find_matches(tokens, lex.triggers, set(used)) if phrases else []
    blocked = set(used)
    for phrase in phrases:
        if not any(len(m.indices) > len(phrase.indices) and set(phrase.indices) < set(m.indices) for m in longer):
            blocked.update(phrase.indices)
    triggers = []
    for match in find_matches(tokens, lex.triggers, blocked):
        used.update(match.indices)
        entry: TriggerEntry = match.value
        if _pos_ok(entry, tokens, match):
            triggers.append(Trigger(match.start, match.end, match.indices, entry))
    return triggers
