"""Measure the coreference pass (graphbuild/events/passes/coreference.py) through its public view,
:func:`graphbuild.events.coref.resolve.resolve`.

    python bench/coref_eval.py            # English on GUM, Kazakh and Russian on our passages
    python bench/coref_eval.py en         # only English
    python bench/coref_eval.py kk ru      # only the passages

English: GUM's dev and test documents of the news, interview and speech genres
(../shared/data/ud/en_gum, its ``Entity=`` layer).  Scored chains are GUM's chains of a person,
organisation or place that has a named mention; the system's chains are its mentions (names,
pronouns, titles, descriptions) grouped by the actor they stand for.  A system mention is matched to
the smallest gold mention holding it; one matched to a gold mention of an unscored chain is left
out, one matched to none is spurious.  Prints MUC and B3, and the accuracy on personal pronouns of
scored chains named before the pronoun: right when the actor the system gives the pronoun has a
mention in the pronoun's gold chain.

Kazakh and Russian: tests/data/coref/{kk,ru}.jsonl (format in bench/coref_passages.py).  An item is
right when the actor the system gives its words is the actor of the system's mention over the gold
antecedent (when the antecedent is only part of a body's name, "России" of "МИД России", the body's
country counts too; for a group answer, "the two leaders": when that actor is one of its members and every
other member has a name in the item's ``kb_hint``), or, when the antecedent is outside the passage
(or the system found no mention over it), when a name of that actor appears in the item's
``kb_hint``.  Missing data: one line naming the missing path, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref_gum import ACTOR_TYPES, GoldMention, GumDocument, gum_documents
from coref_passages import KINDS, Item, Passage, PassageError, read_passages
from coref_scores import b_cubed, chains, muc

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.coref.lexicon import coref_lexicon
from graphbuild.events.coref.links import Link
from graphbuild.events.coref.resolve import Resolution, resolve
from graphbuild.model import Document

REPO = Path(__file__).resolve().parents[1]
GUM = REPO.parent / "shared" / "data" / "ud" / "en_gum"
PASSAGES = REPO / "tests" / "data" / "coref"
GENRES = ("news", "interview", "speech")
# Links that stand for one actor in a chain ("short_name" repeats a named mention; "parties" is a set).
CHAIN_KINDS = ("pronoun", "first_person", "title", "description")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matched(span: tuple[int, int], gold: list[GoldMention]) -> int | None:
    """The index of the smallest gold mention holding ``span``."""
    holding = [n for n, g in enumerate(gold) if g.start <= span[0] and span[1] <= g.end]
    return min(holding, key=lambda n: gold[n].end - gold[n].start) if holding else None


def _system_mentions(r: Resolution) -> list[tuple[tuple[int, int], str, Link | None]]:
    named = [((m.start, m.end), m.actor or "", None) for m in r.mentions if m.actor]
    linked = [((k.start, k.end), k.actor, k) for k in r.links if k.kind in CHAIN_KINDS]
    return named + linked


def score_gum(docs: list[GumDocument], kb: KnowledgeBase) -> None:
    key_all: list[set[str]] = []
    response_all: list[set[str]] = []
    third = coref_lexicon("en").third_person
    pronouns: Counter[str] = Counter()
    for doc in docs:
        gold = doc.mentions
        first_named = {}
        for g in gold:
            if g.named and g.etype in ACTOR_TYPES:
                first_named.setdefault(g.chain, g.start)
        scored = set(first_named)
        key = chains((f"{doc.id}:{n}", g.chain) for n, g in enumerate(gold) if g.chain in scored)
        r = resolve(Document(id=doc.id, source=doc.id, lang="en", text=doc.text, published=doc.date), kb)
        pairs = []
        in_chain: dict[str, set[tuple[str, tuple[int, int]]]] = {}  # actor -> (gold chain, span) of its mentions
        for n, (span, actor, _) in enumerate(_system_mentions(r)):
            g = _matched(span, gold)
            if g is not None and gold[g].chain not in scored:
                continue
            pairs.append((f"{doc.id}:{g}" if g is not None else f"{doc.id}:sys{n}", actor))
            if g is not None:
                in_chain.setdefault(actor, set()).add((gold[g].chain, span))
        key_all += key
        response_all += chains(pairs)
        for g in gold:
            if not (g.pronoun and g.chain in scored and first_named[g.chain] < g.start):
                continue
            person = "third" if g.text.lower() in third else "other"
            pronouns[f"{person} n"] += 1
            link = next((k for k in r.links if k.kind in CHAIN_KINDS and _overlaps((k.start, k.end),
                                                                                  (g.start, g.end))), None)
            if link is None:
                continue
            pronouns[f"{person} answered"] += 1
            if any(chain == g.chain and span != (link.start, link.end)
                   for chain, span in in_chain.get(link.actor, set())):
                pronouns[f"{person} right"] += 1
    mentions = sum(len(c) for c in key_all)
    print(f"English, GUM dev+test {'/'.join(GENRES)}: {len(docs)} documents, {len(key_all)} scored chains, "
          f"{mentions} gold mentions in them")
    for name, (p, rec, f) in (("MUC", muc(key_all, response_all)), ("B3", b_cubed(key_all, response_all))):
        print(f"  {name:<4} P {p:.3f}  R {rec:.3f}  F1 {f:.3f}")
    print("  personal pronouns whose chain is named earlier (person, organisation, place):")
    for person in ("third", "other"):
        n, answered, right = (pronouns[f"{person} {k}"] for k in ("n", "answered", "right"))
        label = "third person" if person == "third" else "first/second person"
        print(f"    {label:<20} {n:4d}  answered {answered:4d}  right {right:4d}  accuracy "
              f"{right / n if n else 0:.3f}")


def _names(actor: str, r: Resolution, kb: KnowledgeBase) -> set[str]:
    names = {m.text.lower() for m in r.mentions if m.actor == actor}
    if actor in kb:
        a = kb.actor(actor)
        names |= {a.label.lower()} | {n.lower() for ns in a.names.values() for n in ns}
    return {n for n in names if len(n) >= 3}


def _answer(item_span: tuple[int, int], kind: str, r: Resolution) -> tuple[str, ...]:
    links = [k for k in r.links if _overlaps((k.start, k.end), item_span)]
    link = next((k for k in links if k.kind == kind), links[0] if links else None)
    if link is not None:
        return link.actors
    if kind in ("short_name", "title"):
        return tuple(m.actor for m in r.mentions if m.actor and _overlaps((m.start, m.end), item_span))[:1]
    return ()


def _print_error(p: Passage, item: Item, what: str) -> None:
    """One wrong item of a passage: the passage, the item in context, its antecedent, what the system gave."""
    around = p.text[max(0, item.start - 60):item.end + 30].replace("\n", " ")
    ante = item.antecedent[2] if item.antecedent else "-"
    print(f"  [{p.id} {item.kind}] {item.text!r} -> {ante!r} ({item.kb_hint}); {what}\n      ...{around}...")


def score_passages(lang: str, passages: list[Passage], kb: KnowledgeBase, path: Path, errors: bool = False) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for p in passages:
        r = resolve(Document(id=p.id, source=str(path), lang=p.lang, text=p.text, published=p.date), kb)
        for item in p.items:
            counts[item.kind, "n"] += 1
            got = _answer((item.start, item.end), item.kind, r)
            if not got:
                if errors:
                    _print_error(p, item, "no answer")
                continue
            counts[item.kind, "answered"] += 1
            gold: set[str] = set()
            if item.antecedent is not None:
                span = item.antecedent[:2]
                over = [m for m in r.mentions if m.actor and _overlaps((m.start, m.end), span)]
                gold = {m.actor for m in over}
                if over and all(m.start <= span[0] and span[1] <= m.end and (m.start, m.end) != span for m in over):
                    # The antecedent is the country inside a body's name ("России" of "МИД России").
                    gold |= {c for m in over if m.actor in kb for c in kb.states_of(m.actor, p.date)}
                gold |= {a for k in r.links if _overlaps((k.start, k.end), span) for a in k.actors}
            hint = f"{item.kb_hint} {item.antecedent[2] if item.antecedent else ''}".lower()
            if gold and len(got) > 1:
                # A group ("the two leaders"): the antecedent's actor is a member and every other
                # member is named in the item's hint ("Vladimir Putin and Kim Jong Un").
                right = bool(gold & set(got)) and all(
                    a in gold or any(n in hint for n in _names(a, r, kb)) for a in got)
            elif gold:
                right = set(got) <= gold
            else:
                right = all(any(n in hint for n in _names(a, r, kb)) for a in got)
            counts[item.kind, "right"] += right
            if errors and not right:
                _print_error(p, item, f"got {', '.join(got)}")
    items = sum(counts[k, "n"] for k in KINDS)
    print(f"{ {'kk': 'Kazakh', 'ru': 'Russian'}.get(lang, lang)} passages ({path}): {len(passages)} passages, "
          f"{items} items")
    for kind in (*KINDS, "all"):
        kinds = KINDS if kind == "all" else (kind,)
        n, answered, right = (sum(counts[k, f] for k in kinds) for f in ("n", "answered", "right"))
        if n:
            print(f"  {kind:<16} {n:4d}  answered {answered:4d}  right {right:4d}  accuracy {right / n:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("langs", nargs="*", help="en, kk and/or ru (default: all three)")
    ap.add_argument("--gum", type=Path, default=GUM, help="the GUM CoNLL-U folder")
    ap.add_argument("--passages", type=Path, default=PASSAGES, help="the folder of <lang>.jsonl passages")
    ap.add_argument("--errors", action="store_true", help="print the passages' wrong and unanswered items")
    args = ap.parse_args(argv)
    args.langs = args.langs or ["en", "kk", "ru"]
    unknown = [x for x in args.langs if x not in ("en", "kk", "ru")]
    if unknown:
        ap.error(f"no coreference benchmark for {', '.join(unknown)} (en, kk, ru)")
    wanted = {"en": args.gum / "split-test.txt"} if "en" in args.langs else {}
    wanted |= {lang: args.passages / f"{lang}.jsonl" for lang in args.langs if lang != "en"}
    for path in wanted.values():
        if not path.exists():
            print(f"coref benchmark data missing: {path}", file=sys.stderr)
            return 2
    kb = KnowledgeBase.load()
    if "en" in wanted:
        score_gum(gum_documents(args.gum, GENRES), kb)
    for lang in (x for x in args.langs if x != "en"):
        try:
            passages = read_passages(wanted[lang])
        except PassageError as e:
            print(e, file=sys.stderr)
            return 2
        score_passages(lang, passages, kb, wanted[lang], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
