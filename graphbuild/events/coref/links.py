"""What a referring expression stands for: one :class:`Link` per pronoun, title, description,
dropped subject or short name that the coreference pass resolved."""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of referring expressions, as the benchmark and the hand-annotated passages name them.
KINDS = ("pronoun", "first_person", "title", "description", "dropped_subject", "short_name", "parties")


@dataclass(frozen=True)
class Link:
    """Document offsets [start, end) of the referring words (for a dropped subject: the finite
    verb), the actors they stand for (one, or the members of "the two sides"), the span of the
    mention the actor was taken from (None when the knowledge base supplied it), and how sure the
    rule that chose it is (0..1)."""

    start: int
    end: int
    text: str
    kind: str
    actors: tuple[str, ...]
    antecedent: tuple[int, int] | None
    confidence: float

    @property
    def actor(self) -> str:
        return self.actors[0]
