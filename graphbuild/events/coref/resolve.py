"""One document's coreference, read from outside the event stage (the benchmark's entry point).

:func:`resolve` analyses the document, finds and links its named mentions, and runs the event
passes up to and including ``coreference``; it returns the named mentions and every
:class:`~graphbuild.events.coref.links.Link` the pass made, plus one link per short name ("Lavrov"
after "Sergei Lavrov"), which the linker resolved to the full name earlier in the same article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.entities.linking import link_mentions
from graphbuild.entities.ner import recognize
from graphbuild.events.coref.links import Link
from graphbuild.events.lexicon import load_lexicon
from graphbuild.events.passes import passes_through, run_passes
from graphbuild.events.stage import document_context
from graphbuild.model import Document, Mention

SHORT_NAME = 0.9  # the linker's own rule: a bare surname after the full name in the same article
KB_SHORT_NAME = 0.7  # a bare name the knowledge base lists for one person only


@dataclass
class Resolution:
    mentions: list[Mention] = field(default_factory=list)  # linked named mentions, in text order
    links: list[Link] = field(default_factory=list)


def short_name_links(mentions: list[Mention]) -> list[Link]:
    """A person named by one word after a longer name of the same actor, or by one word alone."""
    first: dict[str, Mention] = {}
    links = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind != "Person" or not m.actor:
            continue
        full = first.get(m.actor)
        if len(m.text.split()) == 1:
            if full is not None and len(full.text.split()) > 1:
                links.append(Link(m.start, m.end, m.text, "short_name", (m.actor,), (full.start, full.end),
                                  SHORT_NAME))
            elif full is None and m.source == "kb":
                links.append(Link(m.start, m.end, m.text, "short_name", (m.actor,), None, KB_SHORT_NAME))
        if full is None or len(m.text.split()) > len(full.text.split()):
            first[m.actor] = m
    return links


def resolve(doc: Document, kb: KnowledgeBase | None = None) -> Resolution:
    """The named mentions of ``doc`` and what its referring expressions stand for."""
    from graphbuild.pipeline import language_parts  # the pipeline imports the event stage

    kb = kb or KnowledgeBase.load()
    result = Resolution()
    upto = passes_through("coreference")
    for lang, sentences in language_parts(doc):
        view = doc if lang == doc.lang else Document(**{**doc.__dict__, "lang": lang})
        linked = link_mentions(view, sentences, recognize(sentences, lang, doc.id), kb)
        ctx = document_context(view, sentences, linked.mentions, kb, load_lexicon(lang))
        run_passes(ctx, upto)
        result.mentions += linked.mentions
        result.links += ctx.coref_links + short_name_links(linked.mentions)
    result.mentions.sort(key=lambda m: m.start)
    result.links.sort(key=lambda k: k.start)
    return result
