"""Events whose actor the article names only by a pronoun, a title or nothing (a dropped subject), in
a built output scored against gold: how many the system has, and how many of those are right.

    python bench/coref_events.py OUT GOLD_DIR        # e.g. out/ built from examples/, examples/gold

An event counts as "actor by coreference" when one of its source actors has no name in any of the
event's evidence sentences (names: the actor's label and names in entities.jsonl, and every alias the
knowledge base gives it or a metonym of it, such as its capital or demonym; a name counts as present
when its first letters, all but an inflection's worth, are in the sentence).  "Right" means the
event matches a gold event of its document (type, source and target, as ``graphbuild eval`` matches).
The gold files carry no sentences, so gold events whose actor is a pronoun cannot be counted from them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.evaluation import evaluate_records, load_gold, read_jsonl

STEM_CUT = 3  # letters an inflection may change at a name's end (Путина, Тоқаевтың -> the first letters)


def _named(names: list[str], sentence: str) -> bool:
    low = sentence.lower()
    return any(n.lower()[:max(4, len(n) - STEM_CUT)] in low for n in names if n)


def by_coreference(event: dict[str, Any], names: dict[str, list[str]]) -> bool:
    sentences = [e.get("sentence") or "" for e in event.get("evidence") or []]
    return bool(sentences) and any(not any(_named(names.get(a, [a]), s) for s in sentences)
                                   for a in event.get("source") or [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("gold", type=Path)
    args = ap.parse_args(argv)
    try:
        documents = read_jsonl(args.out / "documents.jsonl")
        entities = read_jsonl(args.out / "entities.jsonl")
        events = read_jsonl(args.out / "events.jsonl")
        golds = load_gold(args.gold)
    except (FileNotFoundError, ValueError) as e:
        print(e, file=sys.stderr)
        return 2
    names = {e["id"]: [e.get("label") or "", *(n for ns in (e.get("names") or {}).values() for n in ns)]
             for e in entities}
    kb = KnowledgeBase.load()
    for lang in {d.get("lang", "") for d in documents}:
        for words, hit in kb.aliases(lang):
            for actor in {hit.actor_id, hit.metonym_of} & names.keys():
                names[actor].append(" ".join(words))
    lang_of = {d["id"]: d.get("lang", "?") for d in documents}
    chosen = [ev for ev in events if by_coreference(ev, names)]
    counts: Counter[str] = Counter(lang_of.get((ev.get("documents") or ["?"])[0], "?") for ev in chosen)
    report = evaluate_records(golds, documents, entities, chosen)
    print(f"events whose actor is named only by coreference in their sentence ({args.out}, gold {args.gold})")
    for lang in sorted(counts):
        right = report.by_lang.get(lang, {}).get("events")
        print(f"  {lang}: {counts[lang]:3d} events, {right.sys_matched if right else 0:3d} match a gold event")
    return 0


if __name__ == "__main__":
    sys.exit(main())
