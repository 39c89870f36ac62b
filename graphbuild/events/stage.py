"""The event stage: one document's parsed sentences and linked mentions in, events and roles out.

It runs the named passes of graphbuild/events/passes/ over one :class:`DocContext` (or, where the
language's profile says so, the earlier pattern extractor of extract.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.context import DocContext, SentenceContext
from graphbuild.events.lexicon import Lexicon, load_lexicon
from graphbuild.events.passes import default_passes, run_passes
from graphbuild.language.base import Sentence
from graphbuild.language.profiles import profile
from graphbuild.language.tree import Tree
from graphbuild.model import Actor, Document, Event, Mention, Role


@dataclass
class ExtractionResult:
    events: list[Event] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # groups the text scopes but no KB holds


def document_context(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KnowledgeBase,
                     lex: Lexicon) -> DocContext:
    """The context the event passes start from: every sentence with words, on its tree."""
    contexts = [SentenceContext(n, s, Tree(s)) for n, s in enumerate(sentences) if s.tokens]
    return DocContext(doc, kb, lex, contexts, mentions)


def extract_events(doc: Document, sentences: list[Sentence], mentions: list[Mention],
                   kb: KnowledgeBase | None = None) -> ExtractionResult:
    """Events (with canonical ids, modes, attribution, dates, evidence), role facts and warnings."""
    result = ExtractionResult()
    try:
        stage = profile(doc.lang).events
        lex = load_lexicon(doc.lang)
    except (KeyError, ValueError):
        result.warnings.append(f"no event lexicon for language {doc.lang!r}: no events extracted")
        return result
    if stage == "patterns":
        from graphbuild.events.extract import extract_with_patterns

        return extract_with_patterns(doc, sentences, mentions, kb or KnowledgeBase.load())
    ctx = document_context(doc, sentences, mentions, kb or KnowledgeBase.load(), lex)
    run_passes(ctx, default_passes())
    result.events = ctx.events
    result.roles = list({r.id: r for r in ctx.roles}.values())
    result.actors = ctx.actors
    result.warnings = ctx.warnings
    return result
