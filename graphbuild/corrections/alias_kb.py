"""Alias corrections become a knowledge-base file of the build: a name is found in the articles
only if linking knows it, so a missed alias is taught to the KB, not patched into the outputs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from graphbuild.corrections.schema import CorrectionError, Corrections


def write_alias_kb(corrections: Corrections, kb_files: Iterable[Path], folder: Path) -> Path | None:
    """A KB JSONL file in ``folder`` adding the alias corrections' names, or None when there are none.

    An actor the knowledge base (with ``kb_files``) knows gets the names; another needs ``label``
    and ``kind`` in its correction, and becomes a KB actor with that id."""
    aliases = [c for c in corrections.items if c.kind == "alias"]
    if not aliases:
        return None
    from graphbuild.entities.kb import KnowledgeBase

    kb = KnowledgeBase.load(list(kb_files) or None)
    lines = []
    for fix in aliases:
        actor_id = fix.values["actor"]
        if actor_id in kb:
            known = kb.actor(actor_id)
            label, kind = known.label, known.kind
        elif "label" in fix.values and "kind" in fix.values:
            label, kind = fix.values["label"], fix.values["kind"]
        else:
            raise CorrectionError(corrections.path, fix.line,
                                  f"alias: {actor_id!r} is not in the knowledge base; give its label and kind "
                                  "to add it")
        lines.append({"id": actor_id, "kind": kind, "label": label, "names": fix.values["names"],
                      "source": None, "checked": None})
    path = folder / "corrections_aliases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return path
