"""Where the parsers' models and configs live, and the error a missing model raises."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2]
MODEL_DIR = PACKAGE_DIR / "models"
CONFIG_DIR = MODEL_DIR / "configs"
# ../shared beside the checkout (read-only training and evaluation data).
SHARED_DATA = PACKAGE_DIR.parents[1] / "shared" / "data"

TRAIN_COMMANDS = {"en": "graphbuild train en-parser", "kk": "graphbuild train kk-parser"}


class MissingModelError(FileNotFoundError):
    """A parser model file is not where the package expects it."""


def require_model(path: Path, lang: str) -> Path:
    """``path`` if its spaCy model folder is complete; otherwise an error naming the file and the fix."""
    needed = path / "config.cfg"
    if not needed.is_file():
        command = TRAIN_COMMANDS.get(lang, "reinstall graphbuild")
        raise MissingModelError(f"{lang} parser model not found: {needed} (rebuild it with `{command}`)")
    return path
