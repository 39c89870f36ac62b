"""Kazakh sound classes and vowel harmony, read from graphbuild/data/kk/suffixes.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "kk"


@dataclass(frozen=True)
class Phonology:
    back: frozenset[str]
    front: frozenset[str]
    neutral: frozenset[str]
    front_when_alone: frozenset[str]
    classes: dict[str, frozenset[str]]
    transparent: frozenset[str]
    harmony_map: dict[str, str]
    alternations: dict[str, str]
    vowel_drop: dict[str, str]
    unlikely_finals: frozenset[str]
    unlikely_final_penalty: float

    @property
    def vowels(self) -> frozenset[str]:
        return self.back | self.front | self.neutral

    def last_sound(self, stem: str) -> str:
        """The final letter that decides suffix allomorphy (soft/hard signs are skipped)."""
        i = len(stem) - 1
        while i >= 0 and (stem[i] in self.transparent or stem[i] == "-"):
            i -= 1
        return stem[i].lower() if i >= 0 else ""

    def sound_class(self, stem: str) -> str:
        ch = self.last_sound(stem)
        for name, letters in self.classes.items():
            if ch in letters:
                return name
        return "VL" if ch.isalpha() else ""

    def harmony(self, text: str) -> str:
        """'back', 'front' or '' (undecided: no vowel, or only у/ю)."""
        low = text.lower()
        for ch in reversed(low):
            if ch in self.back:
                return "back"
            if ch in self.front:
                return "front"
        return "front" if any(ch in self.front_when_alone for ch in low) else ""

    def has_vowel(self, text: str) -> bool:
        return any(ch in self.vowels for ch in text.lower())


@lru_cache(maxsize=1)
def load_phonology() -> Phonology:
    data = json.loads((DATA_DIR / "suffixes.json").read_text(encoding="utf-8"))
    return Phonology(
        back=frozenset(data["vowels_back"]),
        front=frozenset(data["vowels_front"]),
        neutral=frozenset(data["vowels_neutral"]),
        front_when_alone=frozenset(data["front_when_alone"]),
        classes={k: frozenset(v) for k, v in data["sound_classes"].items()},
        transparent=frozenset(data["transparent_finals"]),
        harmony_map=dict(data["harmony_map"]),
        alternations=dict(data["alternations"]),
        vowel_drop=dict(data["vowel_drop"]),
        unlikely_finals=frozenset(data["unlikely_stem_finals"]["letters"]),
        unlikely_final_penalty=float(data["unlikely_stem_finals"]["penalty"]),
    )
