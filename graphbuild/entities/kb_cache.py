"""A per-user on-disk cache of the built knowledge-base index.

Building the alias trie from the shipped JSONL/TSV files and CLDR takes most of a second on
every run; unpickling the built index takes a fraction of that. The cache file is keyed by a
hash of everything the index is made from (the KB data files, users' KB files, the code that
builds it, and the babel/pycountry versions that supply country names), so any change builds a
fresh one. Nothing is shipped: a fresh machine builds the index on its first run. A cache file
that cannot be read is rebuilt; writes go through a temporary file and an atomic rename, so
concurrent builds never see a half-written file.

Because the key hashes file names and bytes, not their folders, two checkouts (or two copies of a
user's KB file) with the same content share one cache entry. Anything the index keeps that names a
file is therefore stored relative to a named root folder (:func:`portable`) and resolved against the
loading run's own folders (:func:`resolved`), so a message never names another checkout's file.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "GRAPHBUILD_CACHE_DIR"
_SOURCES = Path(__file__).resolve().parent
# Code whose behaviour is frozen into the pickled index.
_CODE_FILES = (_SOURCES / "kb.py", _SOURCES / "transliterate.py", _SOURCES.parent / "model.py")
_VERSIONED_PACKAGES = ("babel", "pycountry")


def cache_dir() -> Path:
    """$GRAPHBUILD_CACHE_DIR, else $XDG_CACHE_HOME/graphbuild, else ~/.cache/graphbuild."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graphbuild"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def content_key(data_files: Iterable[Path]) -> str:
    """Hash of the files' names and bytes, the index-building code and the name-data versions."""
    digest = hashlib.sha256()
    digest.update(f"python {sys.version_info[:2]} pickle {pickle.HIGHEST_PROTOCOL}\n".encode())
    for name in _VERSIONED_PACKAGES:
        digest.update(f"{name} {_package_version(name)}\n".encode())
    for path in [*_CODE_FILES, *data_files]:
        digest.update(f"{path.name} {path.stat().st_size}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def portable(where: str, roots: Mapping[str, Path]) -> str:
    """``where`` ("file:line") with the longest root (a folder, or a file) it starts with replaced by the
    root's name: "${kb}/actors.jsonl:12", "${user0}:3"; unchanged when no root matches ("CLDR:RU")."""
    inside = [(len(str(root)), name) for name, root in roots.items()
              if where.startswith((f"{root}{os.sep}", f"{root}:"))]
    if not inside:
        return where
    _, name = max(inside)
    return f"${{{name}}}{where[len(str(roots[name])):]}"


def resolved(where: str, roots: Mapping[str, Path]) -> str:
    """The inverse of :func:`portable` with this run's roots (a root this run does not have stays as written)."""
    if not where.startswith("${"):
        return where
    name, sep, rest = where[2:].partition("}")
    return f"{roots[name]}{rest}" if sep and name in roots else where


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The object pickled under ``name``-``key`` in the cache directory, built (and stored) if absent.

    Any failure to read the file (truncated, corrupt, from an incompatible build) rebuilds it;
    a cache directory that cannot be written only costs the rebuild next time.
    """
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            was_enabled = gc.isenabled()
            gc.disable()  # the index is millions of small objects: collection passes double the load
            try:
                return pickle.load(handle)  # a file this user's own runs wrote
            finally:
                if was_enabled:
                    gc.enable()
    except OSError:  # absent, or the cache directory is unusable: build (and try to store)
        pass
    except Exception:  # a file that does not unpickle is rebuilt, never trusted
        with contextlib.suppress(OSError):
            path.unlink()
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        Path(tmp).unlink(missing_ok=True)
