"""Fact checks of a knowledge base: stale roles, overlapping office holders, missing ids and sources, cycles.

``graphbuild kb check`` runs :func:`check_kb` and compares the count of each kind of finding with the
tolerances of ``check_tolerance.tsv`` (the KB README says why each one is what it is). Findings are
facts a person has to re-verify, not load errors: a KB that loads may still be stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from graphbuild.entities.kb import DATA_DIR, KnowledgeBase, normalize, office_key

# Kinds of findings, in the order they are reported.
STALE_ROLE = "stale-role"  # an open-ended role last checked longer ago than the threshold
UNVERIFIED_ROLE = "unverified-role"  # a role with no source (never checked)
OVERLAP = "overlapping-holders"  # two people in the same single-holder office at the same time
COUNTRY_WITHOUT_QID = "country-without-qid"
ACTOR_WITHOUT_QID = "actor-without-qid"  # people and organisations (places and countries are counted apart)
UNSOURCED_RECORD = "unsourced-record"  # an actor record with no source
PART_OF_CYCLE = "part-of-cycle"
KINDS: tuple[str, ...] = (STALE_ROLE, UNVERIFIED_ROLE, OVERLAP, COUNTRY_WITHOUT_QID, ACTOR_WITHOUT_QID,
                          UNSOURCED_RECORD, PART_OF_CYCLE)
DEFAULT_STALE_DAYS = 180

_FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True)
class Finding:
    kind: str
    subject: str  # actor id (the person for role findings)
    detail: str


def check_kb(kb: KnowledgeBase, today: date, stale_days: int = DEFAULT_STALE_DAYS) -> list[Finding]:
    """Every finding on ``kb`` as of ``today``, grouped by kind in the order of KINDS."""
    findings = _role_findings(kb, today - timedelta(days=stale_days))
    findings += _overlaps(kb)
    findings += _record_findings(kb)
    findings += _part_of_cycles(kb)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(findings, key=lambda f: (order[f.kind], f.subject, f.detail))


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = dict.fromkeys(KINDS, 0)
    for finding in findings:
        out[finding.kind] += 1
    return out


def over_tolerance(found: dict[str, int], tolerance: dict[str, int]) -> list[str]:
    """Kinds whose count exceeds their tolerance (a kind without a tolerance tolerates nothing)."""
    return [kind for kind in KINDS if found.get(kind, 0) > tolerance.get(kind, 0)]


@cache
def read_tolerance(path: Path = DATA_DIR / "check_tolerance.tsv") -> dict[str, int]:
    """kind -> the most findings of that kind the shipped KB may have (check_tolerance.tsv)."""
    out: dict[str, int] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in KINDS or not cols[1].isdigit():
            raise ValueError(f"{path}:{n}: expected a kind ({', '.join(KINDS)}), a count and why, tab-separated")
        out[cols[0]] = int(cols[1])
    return out


def _role_label(role: dict[str, Any]) -> str:
    return f"{role['role']} of {role['of']} ({role['start'] or '?'} - {role['end'] or 'open'})"


def _role_findings(kb: KnowledgeBase, stale_before: date) -> list[Finding]:
    out = []
    for person in kb.actors("Person"):
        for role in kb.roles_of(person.id):
            if role["source"] is None:
                out.append(Finding(UNVERIFIED_ROLE, person.id, _role_label(role)))
            elif role["end"] is None and date.fromisoformat(role["checked"]) < stale_before:
                out.append(Finding(STALE_ROLE, person.id, f"{_role_label(role)} last checked {role['checked']}"))
    return out


@cache
def single_holder_offices(path: Path = DATA_DIR / "single_holder_offices.tsv") -> frozenset[str]:
    """Office keys (see kb.office_key) of the offices one person holds at a time."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(office_key(line) for line in lines if line.strip() and not line.startswith("#"))


def _overlaps(kb: KnowledgeBase) -> list[Finding]:
    offices = single_holder_offices()
    terms: dict[tuple[str, str | None], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for person in kb.actors("Person"):
        for role in kb.roles_of(person.id):
            key = office_key(role["role"])
            if key in offices:
                terms[(key, role["of"])].append((person.id, role))
    out = []
    for held in terms.values():
        for i, (a, ra) in enumerate(held):
            for b, rb in held[i + 1:]:
                if a != b and _certainly_overlap(ra, rb):
                    out.append(Finding(OVERLAP, a, f"{_role_label(ra)} overlaps {b}: {_role_label(rb)}"))
    return out


def _certainly_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Terms overlap by at least a day whatever the days a partial date (2024, 2024-05) stands for.

    A handover on one day (one term ends the day the next starts) is not an overlap.
    """
    return _latest_start(a) < _earliest(b["end"]) and _latest_start(b) < _earliest(a["end"])


def _latest_start(role: dict[str, Any]) -> str:
    """The latest day the term may have started: a partial start's last day; for an unknown start, the
    term may have begun as late as it ended (so an unknown start never proves an overlap)."""
    start = role["start"]
    if start is None:
        return _earliest(role["end"])
    return start + "-12-31"[len(start) - 4:] if len(start) < 10 else start


def _earliest(end: str | None) -> str:
    """The earliest day a (possibly partial) end date may mean; an open end is the far future."""
    if end is None:
        return _FAR_FUTURE
    return end + "-01-01"[len(end) - 4:] if len(end) < 10 else end


def _record_findings(kb: KnowledgeBase) -> list[Finding]:
    out = []
    for actor in kb.actors():
        source, _, where = kb.provenance(actor.id)
        if actor.kind == "Country" and not actor.wikidata:
            out.append(Finding(COUNTRY_WITHOUT_QID, actor.id, actor.label))
        elif actor.kind in ("Person", "Organization", "Group") and not actor.wikidata:
            out.append(Finding(ACTOR_WITHOUT_QID, actor.id, actor.label))
        if source is None:
            out.append(Finding(UNSOURCED_RECORD, actor.id, f"{actor.label} ({where})"))
    return out


def _part_of_cycles(kb: KnowledgeBase) -> list[Finding]:
    parent = {a.id: a.part_of for a in kb.actors() if a.part_of}
    out, reported = [], set()
    for start in sorted(parent):
        path, seen = [start], {start}
        node = parent.get(start)
        while node is not None and node not in seen:
            path.append(node)
            seen.add(node)
            node = parent.get(node)
        if node is not None:  # came back to a node of this walk: a cycle from node
            cycle = path[path.index(node):]
            key = frozenset(cycle)
            if key not in reported:
                reported.add(key)
                out.append(Finding(PART_OF_CYCLE, min(cycle, key=normalize), " -> ".join([*cycle, node])))
    return out
