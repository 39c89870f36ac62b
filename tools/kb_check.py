"""Validate the knowledge base (and optional user KB files) and report counts and ambiguous aliases.

Usage: python tools/kb_check.py [USER_KB.jsonl ...] [--ambiguous]
Exit status 1 when a file is invalid (the message names file and line).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from graphbuild.entities.kb import KnowledgeBase


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="user KB files in the JSONL format of the KB")
    parser.add_argument("--ambiguous", action="store_true", help="list aliases shared by several actors")
    args = parser.parse_args(argv)
    try:
        kb = KnowledgeBase.load(args.files or None)
    except ValueError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    kinds = Counter(a.kind for a in kb.actors())
    print(f"KB version {kb.version}: {len(kb)} actors " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    people_with_roles = sum(1 for a in kb.actors("Person") if kb.roles_of(a.id))
    print(f"people with roles: {people_with_roles}")
    for lang in ("en", "ru", "kk"):
        classes = Counter(hit.alias_class for _, hit in kb.aliases(lang))
        print(f"aliases[{lang}]: " + ", ".join(f"{c} {n}" for c, n in sorted(classes.items())))
    if args.ambiguous:
        owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for lang in ("en", "ru", "kk"):
            for words, hit in kb.aliases(lang):
                if hit.actor_id and hit.alias_class != "demonym":
                    owners[words].add(hit.metonym_of or hit.actor_id)
        for words, ids in sorted(owners.items()):
            if len(ids) > 1:
                print(" ".join(words), "->", ", ".join(sorted(ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
