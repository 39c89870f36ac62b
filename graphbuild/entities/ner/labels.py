"""Mapping from each recogniser's tag set to graphbuild actor kinds (data in labels.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_LABELS = Path(__file__).with_name("labels.json")


@lru_cache(maxsize=1)
def _load() -> dict[str, dict[str, str]]:
    return json.loads(_LABELS.read_text(encoding="utf-8"))


def kind_for(lang: str, tag: str) -> str | None:
    """The actor kind for a recogniser tag, or None when graphbuild does not use that class."""
    return _load()["kinds"].get(lang, {}).get(tag)


def inflection(lang: str) -> str:
    """Which words of a name inflect: "last" (Kazakh), "all" (Russian) or "none" (English)."""
    return _load()["inflects"].get(lang, "none")
