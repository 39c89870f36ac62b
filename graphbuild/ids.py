"""Deterministic identifiers: the same canonical content always yields the same id."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any


def content_hash(*parts: Any, length: int = 16) -> str:
    """Hex digest of the JSON form of ``parts`` (stable across runs and machines)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


# Ids are index keys in Neo4j (which refuses keys of several kilobytes) and appear in every export:
# past this length the tail of an id is replaced by a hash of the whole, so ids of ordinary names
# are unchanged and long ones stay distinct and deterministic.
MAX_ID_CHARS = 100
_KEPT_HEAD = MAX_ID_CHARS - 17  # room for "-" and a 16-character hash


def capped_id(identifier: str) -> str:
    """``identifier`` itself when short enough, else its head plus a hash of all of it."""
    if len(identifier) <= MAX_ID_CHARS:
        return identifier
    return identifier[:_KEPT_HEAD].rstrip("-") + "-" + content_hash(identifier)


def slugify(text: str) -> str:
    """ASCII slug for ids of actors without an ISO code or a Wikidata QID (capped, see MAX_ID_CHARS)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return capped_id(slug) if slug else "x" + content_hash(text, length=10)


def document_id(text: str) -> str:
    """A document is identified by its normalised text, so re-ingesting it changes nothing."""
    normalised = " ".join(text.split())
    return "doc:" + content_hash(normalised)


def event_id(event_type: str, source: list[str], target: list[str], date: str | None,
             obj: str | None = None) -> str:
    """The id of an event of these participants; ``date`` and ``obj`` only tell apart two events the
    participants alone would confuse (docs/contract.md, "Event ids")."""
    return "ev:" + content_hash(event_type, sorted(source), sorted(target), date or "", (obj or "").lower())


def has_event_id_form(value: str) -> bool:
    """Whether ``value`` looks like an id :func:`event_id` makes ("ev:" and 16 hex digits)."""
    return len(value) == 19 and value.startswith("ev:") and all(c in "0123456789abcdef" for c in value[3:])


def evidence_id(document: str, start: int, end: int) -> str:
    return "evd:" + content_hash(document, start, end)


def role_id(person: str, role: str, organisation: str | None, start: str | None) -> str:
    return "role:" + content_hash(person, role.lower(), organisation or "", start or "")


def telling_id(event: str, document: str) -> str:
    """One article's account of one event: at most one per (event, document)."""
    return "tel:" + content_hash(event, document)
