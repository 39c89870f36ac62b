"""Language profiles: each language graphbuild reads, described once (graphbuild/data/languages.json).

Later stages look a language's parts up here (its analyzer, parser, recognizer, data folder and
event stage) instead of branching on the language code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROFILES_FILE = DATA_DIR / "languages.json"
EVENT_STAGES = ("tree", "patterns")
_FIELDS = ("name", "analyzer", "parser", "parser_model", "recognizer", "data", "events")


@dataclass(frozen=True)
class LanguageProfile:
    code: str  # ISO 639-1
    name: str
    analyzer: str  # "module:Class" of the graphbuild.language.base.Analyzer
    parser: str  # "module:Class" of the graphbuild.language.syntax.Parser, built as Class(code, model_dir)
    parser_model: str | None  # its model folder in graphbuild/models, if it has one
    recognizer: str  # "module:function" (sentences, document id) -> mentions
    data: str  # folder in graphbuild/data with the language's tables
    events: str  # which event stage reads the language: "tree" or "patterns"

    @property
    def data_dir(self) -> Path:
        return DATA_DIR / self.data


def load_object(target: str) -> Any:
    """The object a "module:name" reference names (imported on use, so models load lazily)."""
    module, name = target.split(":")
    return getattr(import_module(module), name)


def _validated(code: str, raw: Any) -> LanguageProfile:
    where = f"{PROFILES_FILE.name}: {code}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a profile must be an object")
    missing = [f for f in _FIELDS if f not in raw]
    extra = [f for f in raw if f not in _FIELDS]
    if missing or extra:
        raise ValueError(f"{where}: missing {missing} / unknown {extra} fields")
    for f in ("analyzer", "parser", "recognizer"):
        if not isinstance(raw[f], str) or raw[f].count(":") != 1:
            raise ValueError(f"{where}: {f} must be 'module:name', got {raw[f]!r}")
    if raw["events"] not in EVENT_STAGES:
        raise ValueError(f"{where}: events must be one of {EVENT_STAGES}, got {raw['events']!r}")
    if not (DATA_DIR / raw["data"]).is_dir():
        raise ValueError(f"{where}: data folder {raw['data']!r} not found in {DATA_DIR}")
    return LanguageProfile(code=code, **raw)


@cache
def profiles() -> dict[str, LanguageProfile]:
    raw = json.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    return {code: _validated(code, p) for code, p in raw.items() if not code.startswith("_")}


def profile(lang: str) -> LanguageProfile:
    """The profile of ISO 639-1 ``lang``; ValueError naming the supported ones for any other."""
    found = profiles().get(lang)
    if found is None:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(profiles())}")
    return found
