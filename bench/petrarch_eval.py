"""Share of PETRARCH gold [source, target, CAMEO root] triples that graphbuild produces.

Reads ../shared/data/petrarch/universalpetrarch_gsr_en.jsonl (UniversalPetrarch GSR validation
records, MIT, converted to JSONL), runs ``graphbuild.pipeline.extract_text`` on every evaluable
record and compares, per record, the expected triples with the produced ones:

- actors are compared on the 3-letter country prefix of the PETRARCH code (USAGOV -> USA,
  ``---REB`` -> ``---`` = no country); a produced actor is mapped to a country through the
  knowledge base (a country itself, what it is part of, or the country of the role a person
  held on the record's date); an actor with no country counts as ``---``;
- the event code is compared on its CAMEO root (first two digits: "042" -> "04");
- symmetric event types (MEET, NEGOTIATE, AGREE, COOPERATE) count in both directions, and every
  (source, target) pair of a produced event is one triple.

Usage: python bench/petrarch_eval.py [--data FILE] [--json OUT] [--show N]
Exit codes: 0 done, 2 data or pipeline missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch" / "universalpetrarch_gsr_en.jsonl"
ATTRIBUTION = ("PETRARCH gold records: openeventdata/UniversalPetrarch @067552d "
               "(data/text/PETR2_GSR_validation.xml, MIT licence)")

Triple = tuple[str, str, str]


def country_prefix(code: str) -> str:
    """PETRARCH actor code -> its 3-letter country part ('---' when unknown)."""
    code = code.strip().strip("'\"")
    return code[:3].upper() if len(code) >= 3 else "---"


def cameo_root(code: str) -> str:
    return str(code).strip()[:2]


def iso_date(raw: str | None) -> str | None:
    """'20080804' -> '2008-08-04'; anything else (the set has a few '121108') -> None."""
    if raw and len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def load_records(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Records marked "do not evaluate" or that must be rejected have no triples to produce.
    return [r for r in rows if r.get("evaluate", True) and not r.get("error") and r.get("text")]


class CountryMapper:
    """Actor id -> ISO alpha-3 of the country it belongs to, through the knowledge base."""

    def __init__(self) -> None:
        from graphbuild.entities.kb import KnowledgeBase

        self.kb = KnowledgeBase.load()

    def __call__(self, actor_id: str, on: str | None, _depth: int = 0) -> str:
        if _depth > 4:
            return "---"
        if actor_id not in self.kb:
            return actor_id if len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper() else "---"
        actor = self.kb.actor(actor_id)
        if actor.kind == "Country" and actor.iso3:
            return actor.iso3
        if actor.part_of:  # the White House -> USA
            return self(actor.part_of, on, _depth + 1)
        roles = self.kb.roles_of(actor_id) if actor.kind == "Person" else []
        current = [r for r in roles if r.get("of") and (not on or (
            (not r.get("start") or r["start"] <= on) and (not r.get("end") or on <= r["end"])))]
        for role in current or [r for r in roles if r.get("of")]:
            found = self(role["of"], on, _depth + 1)
            if found != "---":
                return found
        return actor.iso3 or "---"


def produced_triples(events: list[dict[str, Any]], to_country: Callable[[str, str | None], str],
                     on: str | None) -> set[Triple]:
    from graphbuild.model import EVENT_TYPES

    out: set[Triple] = set()
    for ev in events:
        root = cameo_root(ev.get("cameo") or EVENT_TYPES[ev["type"]].cameo)
        sources = [to_country(a, on) for a in ev.get("source") or []]
        targets = [to_country(a, on) for a in ev.get("target") or []]
        etype = EVENT_TYPES.get(ev.get("type", ""))
        if etype and etype.symmetric:
            # Participants of a symmetric event may sit on either side: every ordered pair of two of them.
            parts = list(dict.fromkeys(sources + targets))
            pairs = [(s, t) for s in parts for t in parts if s != t] or [(p, "---") for p in parts]
            pairs += [(t, s) for s, t in pairs]
        else:
            pairs = [(s, t) for s in sources or ["---"] for t in targets or ["---"]]
        out.update((s, t, root) for s, t in pairs)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, help="write per-record results here")
    ap.add_argument("--show", type=int, default=0, help="print the first N records with misses")
    args = ap.parse_args(argv)

    if not args.data.is_file():
        print(f"PETRARCH gold data is absent: {args.data} not found; nothing to evaluate.")
        return 2
    try:
        from graphbuild.pipeline import extract_text
    except ImportError as exc:
        print(f"graphbuild.pipeline.extract_text cannot be imported ({exc}); the extractor is not there yet.")
        return 2

    records = load_records(args.data)
    to_country = CountryMapper()
    expected_total = found_total = produced_total = produced_ok = 0
    noevent_records = noevent_clean = 0
    by_root_expected: Counter[str] = Counter()
    by_root_found: Counter[str] = Counter()
    rows = []
    start = time.perf_counter()
    for rec in records:
        on = iso_date(rec.get("date"))
        events = extract_text(rec["text"], "en", on)
        produced = produced_triples(events, to_country, on)
        expected = {(country_prefix(s), country_prefix(t), cameo_root(c)) for s, t, c in rec["expected_events"]}
        if rec.get("noevents") or not expected:
            noevent_records += 1
            noevent_clean += not produced
        hits = expected & produced
        expected_total += len(expected)
        found_total += len(hits)
        produced_total += len(produced)
        produced_ok += len(hits)
        for tr in expected:
            by_root_expected[tr[2]] += 1
            by_root_found[tr[2]] += tr in hits
        rows.append({"id": rec["id"], "expected": sorted(expected), "produced": sorted(produced),
                     "missed": sorted(expected - produced)})
    elapsed = time.perf_counter() - start

    print(ATTRIBUTION)
    print(f"records evaluated: {len(records)} ({noevent_records} expect no event)")
    share = found_total / expected_total if expected_total else 0.0
    print(f"expected triples produced: {found_total}/{expected_total} = {share:.3f}")
    prec = produced_ok / produced_total if produced_total else 0.0
    print(f"produced triples that are expected: {produced_ok}/{produced_total} = {prec:.3f}")
    print(f"no-event records left without events: {noevent_clean}/{noevent_records}")
    print(f"throughput: {len(records) / elapsed:.1f} records/s ({elapsed:.1f} s)")
    print("by CAMEO root: " + ", ".join(f"{r}:{by_root_found[r]}/{n}" for r, n in sorted(by_root_expected.items())))
    shown = 0
    for row in rows:
        if row["missed"] and shown < args.show:
            shown += 1
            print(f"  {row['id']}: missed {row['missed']} produced {row['produced']}")
    if args.json:
        args.json.write_text(json.dumps({"share": share, "precision": prec, "records": rows}, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
