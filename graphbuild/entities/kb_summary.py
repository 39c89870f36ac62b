"""What a knowledge base holds, for ``graphbuild kb stats``: actors per kind, aliases per language, aliases
shared by several actors, and which actors still without a QID the articles name most.

The fact checks (stale roles, missing sources...) are :mod:`graphbuild.entities.kb_check`; this module only
describes, it never judges.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from graphbuild.entities.kb import KB_LANGS, KnowledgeBase

# Kinds whose QID is looked up person by person (countries get theirs from countries_wikidata.tsv).
QID_KINDS: tuple[str, ...] = ("Person", "Organization", "Group")


def kinds(kb: KnowledgeBase) -> dict[str, int]:
    """Actor kind -> how many actors of that kind."""
    return dict(sorted(Counter(a.kind for a in kb.actors()).items()))


def people_with_roles(kb: KnowledgeBase) -> int:
    return sum(1 for a in kb.actors("Person") if kb.roles_of(a.id))


def alias_classes(kb: KnowledgeBase) -> dict[str, dict[str, int]]:
    """Language -> alias class (name, demonym, capital, role) -> how many aliases."""
    return {lang: dict(sorted(Counter(hit.alias_class for _, hit in kb.aliases(lang)).items())) for lang in KB_LANGS}


def ambiguous_aliases(kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """(alias, the actors it names) for each name alias of more than one actor (a metonym counts as the
    actor it stands for: "Кремль" and "Россия" are one), sorted by alias."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for lang in KB_LANGS:
        for words, hit in kb.aliases(lang):
            if hit.actor_id and hit.alias_class != "demonym":
                owners[words].add(hit.metonym_of or hit.actor_id)
    return [(" ".join(words), sorted(ids)) for words, ids in sorted(owners.items()) if len(ids) > 1]


def missing_qids_by_documents(kb: KnowledgeBase, built: list[Path]) -> list[tuple[str, str, int]]:
    """(actor id, label, documents) for the KB people and organisations without a QID that the built outputs
    name, most documents first: the order in which their QIDs are worth looking up.

    ``built`` are output folders of ``graphbuild build``; their ``entities.jsonl`` lists each actor's
    documents. A line that is not JSON raises ValueError naming the file and line.
    """
    documents: Counter[str] = Counter()
    for folder in built:
        path = folder / "entities.jsonl"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        for n, line in enumerate(lines, 1):
            try:
                entity = json.loads(line)
                documents[kb.canonical_id(entity["id"])] += len(entity.get("documents") or [])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not an entity record with an 'id' ({exc})") from exc
    rows = [(a.id, a.label, documents[a.id]) for kind in QID_KINDS for a in kb.actors(kind)
            if not a.wikidata and documents[a.id]]
    return sorted(rows, key=lambda row: (-row[2], row[0]))
