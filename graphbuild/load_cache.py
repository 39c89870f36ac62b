"""Tables that take long to build at load, kept in the per-user cache beside the knowledge-base index.

A value is pickled under a key made from the bytes of the files it is built from (a library's data
files and the code that reads them), so a changed or upgraded file builds a fresh one; reading,
rebuilding a bad file and atomic writes are those of :func:`graphbuild.entities.kb_cache.cached`.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from graphbuild.entities.kb_cache import cached

T = TypeVar("T")


def files_key(files: Iterable[Path]) -> str:
    """Hash of the files' names and bytes (and of the Python and pickle versions that read the value)."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]} pickle {pickle.HIGHEST_PROTOCOL}\n".encode())
    for path in sorted(files):
        data = path.read_bytes()
        digest.update(f"{path.name} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def package_dir(name: str) -> Path | None:
    """The folder of installed package ``name``, found without importing it (None if absent)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def cached_from_files(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the value a run before stored for the same ``files`` (see the module's note)."""
    return cached(name, files_key(files), build)
