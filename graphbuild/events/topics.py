"""Event nouns that name no event: the topic of talks ("ынтымақтастық мәселелерін талқылады": the
issues of cooperation were discussed, nobody cooperated yet) and any-such hypotheticals ("кез келген
қару-жарақ мәмілесі": any arms deal).  The cue words come from the language's lexicon."""

from __future__ import annotations

from graphbuild.events.draft import is_nominal
from graphbuild.events.lexicon import Lexicon, compile_patterns, find_matches
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token

TOPIC_WINDOW = 2  # "әріптестікті дамыту мәселелерін": the noun, its verbal noun, then the topic word
ANY_WINDOW = 3  # "кез келген қару-жарақ мәмілесі"


def drop_topic_nouns(triggers: list[Trigger], tokens: list[Token], lex: Lexicon) -> list[Trigger]:
    topics = compile_patterns(lex.raw.get("topic_nouns", []))
    markers = compile_patterns(lex.raw.get("any_markers", []))
    if not topics and not markers:
        return triggers
    kept = []
    for t in triggers:
        if not is_nominal(t, tokens):
            kept.append(t)
            continue
        after = find_matches(tokens[t.end:t.end + TOPIC_WINDOW], topics, set())
        before = find_matches(tokens[max(0, t.start - ANY_WINDOW):t.start], markers, set())
        if not after and not before:
            kept.append(t)
    return kept
