"""Pass ``mentions``: the linked mentions of each sentence placed on its tree, with role facts.

Definite descriptions ("the alliance", "ведомство") become mentions of the actor they stand for
(events/anaphora.py); role appositions ("Russian Defence Minister Sergei Shoigu") give HOLDS_ROLE
facts and leave the person as the actor.
"""

from __future__ import annotations

from graphbuild.events.anaphora import with_anaphora
from graphbuild.events.arguments import Arg, place_mentions
from graphbuild.events.context import DocContext
from graphbuild.events.passes import Pass
from graphbuild.events.roles import find_roles
from graphbuild.model import Role


def known_holders(args: list[Arg], roles: list[Role]) -> None:
    """"Ақ үй өкілі" after "Ақ үй өкілі Джон Кирби": the office named again means its holder."""
    for arg in args:
        if arg.title is None:
            continue
        holders = [r.person for r in roles if r.role == arg.title and r.of == arg.mention.actor]
        if holders:
            arg.holder = holders[-1]


def run(ctx: DocContext) -> None:
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    for sc in ctx.sentences:
        s = sc.sentence
        inside = [m for m in ordered if s.start <= m.start and m.end <= s.end]
        earlier = [m for m in ordered if m.end <= s.start]
        inside = with_anaphora(s, inside, earlier, ctx.lex, ctx.doc.id, ctx.actors, ctx.kb)
        sc.args = place_mentions(s.tokens, inside, ctx.lex)
        for a in sc.args:
            # The name's own words: a title the placement joined to it ("министр ... Китая") is not its head.
            own = [k for k, t in enumerate(s.tokens) if t.start < a.mention.end and t.end > a.mention.start] \
                if s.start <= a.mention.start < s.end else []
            a.head = sc.tree.span_head(own[0], own[-1] + 1) if own else sc.tree.span_head(a.i, a.j)
        known_holders(sc.args, ctx.roles)
        ctx.roles.extend(find_roles(s.tokens, sc.args, ctx.lex, ctx.doc.id, sc.titles))


PASS = Pass("mentions", reads=("sentences", "mentions", "lex", "kb"), writes=("args", "titles", "roles", "actors"),
            run=run)
