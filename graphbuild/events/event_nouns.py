"""Event nouns standing as the object of a reaction in a verb-final language: "Катар соққыны айыптады"
(condemned the strike), "соққыны «мемлекеттік терроризм» деп атады" (called the strike state terrorism).
The noun names an earlier act of the article, whose doer the reaction is aimed at."""

from __future__ import annotations

from graphbuild.events.lexicon import Lexicon, Match, find_matches
from graphbuild.language.base import Token


def accusative_event_nouns(tokens: list[Token], lex: Lexicon) -> list[Match]:
    """One-word trigger nouns in the accusative among ``tokens``, in order."""
    return [m for m in find_matches(tokens, lex.triggers, set())
            if len(m.indices) == 1 and tokens[m.indices[0]].case == "Acc" and tokens[m.indices[0]].pos == "NOUN"]
