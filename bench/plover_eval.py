"""Agreement of graphbuild's English events with the PLOVER gold standard records (PLOVER GSR).

Reads ../shared/data/plover/plover_gsr_cameo.jsonl (322 example sentences of the CAMEO manual,
coded in PLOVER v0.5b1 by openeventdata/PLOVER, CC BY-SA 4.0), runs
``graphbuild.pipeline.extract_text(text, "en")`` on every sentence and reports:

- event type: a record agrees when at least one produced event has the gold PLOVER category
  (our type -> PLOVER through ``EVENT_TYPES[type].plover``, so VISIT, MEET and NEGOTIATE all
  count as CONSULT). The gold uses PLOVER v0.5b1 categories; the ones current PLOVER merged are
  renamed to what our types produce (``GOLD_CATEGORY``: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
  FIGHT -> ASSAULT). Categories no type of ours produces (PROTEST, COERCE, CONCEDE, and
  INVESTIGATE: current PLOVER files it under ACCUSE but our ACCUSE, docs/event-types.md, does
  not cover investigations) are out of scope: reported apart, not in the main score.
  Recall = in-scope records that agree / in-scope records; precision = events produced on
  in-scope records whose category is the gold one / events produced on them; F1 of the two.
- source and target countries, on the records whose type agrees: the gold actor codes'
  3-letter prefixes (``petrarch_eval.country_prefix``; ``CAMEO_TO_ISO`` renames the three
  codes of this file that are not ISO 3166 alpha-3) against the countries of the actors of the
  events of the gold category (``petrarch_eval.CountryMapper`` and ``produced_triples``:
  the knowledge base maps people and bodies to their country; participants of symmetric types
  count on both sides). A side is scored when its gold has a country (IGO, NGO, IMG, ISM and
  ``---`` are no country); it agrees when one gold country is among ours ("all": every one).
- mode: the gold ``mode`` is PLOVER's mode, a sub-category (visit, host, phone, heavy-weapons,
  troops, ...), not our modality (asserted, reported, ...). Our event's PLOVER mode is the mode
  the official CAMEO->PLOVER table (../shared/data/cameo/CAMEO2PLOVER-2021.txt) gives its CAMEO
  code; see ``OUR_MODE_OVERRIDES`` and ``GOLD_MODE`` for the two vocabulary differences between
  v0.5b1 and that table. Gold modes the table has no word for (multilateral, primitive, other,
  weapons, deport under FIGHT) are counted apart. Our modality has no gold here; its counts
  on the type-matched events are printed for information.

stdout is deterministic (same data and code, same text); the timing goes to stderr.

Usage: python bench/plover_eval.py [--data FILE] [--json OUT] [--show N] [--limit N]
Exit codes: 0 done, 2 data or pipeline missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# Run as a script, bench/ is on sys.path: share the actor -> country mapping of the PETRARCH bench.
from petrarch_eval import CountryMapper, country_prefix, produced_triples

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DATA = SHARED_DATA / "plover" / "plover_gsr_cameo.jsonl"
DEFAULT_TABLE = SHARED_DATA / "cameo" / "CAMEO2PLOVER-2021.txt"
ATTRIBUTION = ("PLOVER GSR: openeventdata/PLOVER gold_standard_records/PLOVER_GSR_CAMEO.txt "
               "(CAMEO manual examples coded in PLOVER v0.5b1), CC BY-SA 4.0")

# PLOVER v0.5b1 categories of the gold -> the current categories our types use.
GOLD_CATEGORY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}

# Actor codes of the gold that are not ISO 3166 alpha-3 (older KEDS/CAMEO spellings). There is
# no actor-code table in ../shared/data/cameo (it holds event codes only), so they are listed
# here; every other code of the file is checked to be ISO alpha-3 or a non-state code.
CAMEO_TO_ISO = {
    "JAP": "JPN",  # Japan ("Tokyo", "Japanese Prime Minister Ryutaro Hashimoto", "Japan")
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam ("Vietnamese-led forces"); the file also uses VNM
}

# Modes: the CAMEO->PLOVER 2021 table calls host (043) "visit" like 042; the GSR keeps "host".
OUR_MODE_OVERRIDES = {"043": "host"}
# v0.5b1 modes the 2021 table words differently ((category, gold mode) -> table mode).
GOLD_MODE = {("THREATEN", "curfew"): "restrict", ("THREATEN", "martial-law"): "restrict"}

ToCountry = Callable[[str, str | None], str]


def load_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("text") and r.get("plover_event")]
    return rows[:limit] if limit is not None else rows


def our_categories() -> set[str]:
    from graphbuild.model import EVENT_TYPES

    return {t.plover for t in EVENT_TYPES.values()}


def gold_category(record: dict[str, Any]) -> str:
    cat = str(record["plover_event"]).strip().upper()
    return GOLD_CATEGORY.get(cat, cat)


def event_category(event: dict[str, Any]) -> str:
    from graphbuild.model import EVENT_TYPES

    etype = EVENT_TYPES.get(event.get("type", ""))
    return etype.plover if etype else str(event.get("plover") or "")


def gold_country(code: str) -> str | None:
    """Gold actor code ('JAPGOV', 'USA', 'IGOMIL', '---') -> ISO alpha-3, None when it is no country."""
    import pycountry

    prefix = country_prefix(code)
    iso = CAMEO_TO_ISO.get(prefix, prefix)
    return iso if pycountry.countries.get(alpha_3=iso) else None


def read_mode_table(lines: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """CAMEO2PLOVER-2021.txt lines ('042: CONSULT, visit,   # Make a visit') -> {cameo: (category, mode)}."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in lines:
        m = re.match(r"\s*(\d{3,4})\s*:\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if parts and parts[0]:
            table.setdefault(m.group(1), (parts[0], (parts[1] if len(parts) > 1 else "") or None))
    return table


def category_modes(table: dict[str, tuple[str, str | None]]) -> dict[str, set[str]]:
    """The modes each PLOVER category has in the table (plus 'host' for CONSULT, see OUR_MODE_OVERRIDES)."""
    out: dict[str, set[str]] = {}
    for cat, mode in table.values():
        if mode:
            out.setdefault(cat, set()).add(mode)
    for code, mode in OUR_MODE_OVERRIDES.items():
        if code in table:
            out.setdefault(table[code][0], set()).add(mode)
    return out


def event_mode(event: dict[str, Any], table: dict[str, tuple[str, str | None]]) -> str | None:
    """The PLOVER mode of our event: the table's mode for its CAMEO code."""
    code = str(event.get("cameo") or "")
    if code in OUR_MODE_OVERRIDES:
        return OUR_MODE_OVERRIDES[code]
    return table[code][1] if code in table else None


def gold_mode(record: dict[str, Any]) -> str | None:
    mode = record.get("mode")
    if not mode:
        return None
    return GOLD_MODE.get((gold_category(record), mode), mode)


def score_record(record: dict[str, Any], events: list[dict[str, Any]], to_country: ToCountry,
                 table: dict[str, tuple[str, str | None]], scope: set[str]) -> dict[str, Any]:
    """One record's comparison (plain data, what --json writes per record)."""
    cat = gold_category(record)
    produced = [event_category(e) for e in events]
    matched = [e for e, c in zip(events, produced, strict=True) if c == cat]
    row: dict[str, Any] = {
        "id": record.get("id"), "gold": cat, "in_scope": cat in scope, "produced": produced,
        "type_hit": bool(matched), "events_ok": sum(c == cat for c in produced),
    }
    gold_src = {g for g in (gold_country(e[0]) for e in record.get("expected_events") or []) if g}
    gold_tgt = {g for g in (gold_country(e[1]) for e in record.get("expected_events") or []) if g}
    triples = produced_triples(matched, to_country, None)
    ours_src = {s for s, _, _ in triples} - {"---"}
    ours_tgt = {t for _, t, _ in triples} - {"---"}
    for side, gold, ours in (("source", gold_src, ours_src), ("target", gold_tgt, ours_tgt)):
        row[f"gold_{side}"] = sorted(gold)
        row[f"our_{side}"] = sorted(ours)
        scored = bool(matched and gold)
        row[f"{side}_ok"] = bool(gold & ours) if scored else None
        row[f"{side}_all"] = gold <= ours if scored else None
    gmode = gold_mode(record)
    modes = category_modes(table)
    row["gold_mode"] = gmode
    row["mode_comparable"] = bool(gmode) and gmode in modes.get(cat, set())
    row["our_modes"] = sorted({m for m in (event_mode(e, table) for e in matched) if m})
    row["mode_ok"] = (gmode in row["our_modes"]) if (matched and row["mode_comparable"]) else None
    row["modality"] = sorted(str(e.get("mode")) for e in matched)
    return row


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over the per-record rows of ``score_record``."""
    inside = [r for r in rows if r["in_scope"]]
    outside = [r for r in rows if not r["in_scope"]]
    hits = sum(r["type_hit"] for r in inside)
    produced = sum(len(r["produced"]) for r in inside)
    correct = sum(r["events_ok"] for r in inside)
    recall, precision = _ratio(hits, len(inside)), _ratio(correct, produced)
    f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    by_gold = {c: [sum(r["type_hit"] for r in inside if r["gold"] == c), sum(r["gold"] == c for r in inside)]
               for c in sorted({r["gold"] for r in inside})}
    by_ours: dict[str, list[int]] = {}
    for r in inside:
        for c in r["produced"]:
            by_ours.setdefault(c, [0, 0])
            by_ours[c][0] += c == r["gold"]
            by_ours[c][1] += 1
    confusions = Counter(f"{r['gold']} -> {'+'.join(sorted(set(r['produced']))) or '(none)'}"
                         for r in inside if not r["type_hit"])
    sides = {}
    for side in ("source", "target"):
        scored = [r for r in inside if r[f"{side}_ok"] is not None]
        sides[side] = {"scored": len(scored), "agree": sum(r[f"{side}_ok"] for r in scored),
                       "all": sum(r[f"{side}_all"] for r in scored)}
    with_mode = [r for r in inside if r["gold_mode"]]
    comparable = [r for r in with_mode if r["mode_comparable"]]
    mode_scored = [r for r in comparable if r["mode_ok"] is not None]
    return {
        "records": len(rows), "in_scope": len(inside), "type_hits": hits, "recall": recall,
        "events_produced": produced, "events_correct": correct, "precision": precision, "f1": f1,
        "by_gold_category": by_gold, "by_produced_category": dict(sorted(by_ours.items())),
        "confusions": dict(sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))),
        "countries": sides,
        "mode": {"gold_set": len(with_mode), "comparable": len(comparable), "scored": len(mode_scored),
                 "agree": sum(r["mode_ok"] for r in mode_scored),
                 "not_comparable": dict(sorted(Counter(f"{r['gold']}:{r['gold_mode']}" for r in with_mode
                                                       if not r["mode_comparable"]).items()))},
        "modality": dict(sorted(Counter(m for r in inside for m in r["modality"]).items())),
        "out_of_scope": {
            "records": len(outside),
            "by_category": dict(sorted(Counter(r["gold"] for r in outside).items())),
            "with_events": sum(bool(r["produced"]) for r in outside),
            "events_by_category": dict(sorted(Counter(c for r in outside for c in r["produced"]).items())),
        },
    }


def _pairs(counts: dict[str, list[int]]) -> str:
    return ", ".join(f"{k} {a}/{n}" for k, (a, n) in counts.items())


def print_summary(s: dict[str, Any]) -> None:
    print(f"records: {s['records']}, in scope {s['in_scope']} (gold PLOVER category one of our types reaches), "
          f"out of scope {s['out_of_scope']['records']}")
    print(f"event type agreement (recall): {s['type_hits']}/{s['in_scope']} = {s['recall']:.3f}")
    print(f"type precision: {s['events_correct']}/{s['events_produced']} = {s['precision']:.3f}   "
          f"F1 {s['f1']:.3f}")
    print(f"  recall by gold category: {_pairs(s['by_gold_category'])}")
    print(f"  precision by our category: {_pairs(s['by_produced_category'])}")
    top = list(s["confusions"].items())[:10]
    print("  misses (gold -> produced): " + ", ".join(f"{k} {n}" for k, n in top))
    for side in ("source", "target"):
        c = s["countries"][side]
        print(f"{side} country on type-matched records: {c['agree']}/{c['scored']} = "
              f"{_ratio(c['agree'], c['scored']):.3f} agree, all gold countries {c['all']}/{c['scored']}")
    m = s["mode"]
    print(f"PLOVER mode (gold sets one on {m['gold_set']} in-scope records, {m['comparable']} in the 2021 table's "
          f"words): {m['agree']}/{m['scored']} type-matched agree"
          + (f" = {_ratio(m['agree'], m['scored']):.3f}" if m["scored"] else ""))
    if m["not_comparable"]:
        print("  gold modes with no 2021 equivalent: " + ", ".join(f"{k} {n}" for k, n in m["not_comparable"].items()))
    print("our modality on type-matched events (no gold): "
          + (", ".join(f"{k} {n}" for k, n in s["modality"].items()) or "-"))
    o = s["out_of_scope"]
    print("out of scope: " + ", ".join(f"{k} {n}" for k, n in o["by_category"].items())
          + f"; {o['with_events']}/{o['records']} got events ("
          + (", ".join(f"{k} {n}" for k, n in o["events_by_category"].items()) or "none") + ")")


def is_miss(row: dict[str, Any]) -> bool:
    return row["in_scope"] and (not row["type_hit"] or row["source_ok"] is False or row["target_ok"] is False)


def show_miss(record: dict[str, Any], row: dict[str, Any], events: list[dict[str, Any]],
              to_country: ToCountry) -> None:
    what = "type" if not row["type_hit"] else "countries"
    print(f"- {row['id']} ({what}): {record['text']}")
    print(f"    gold: {row['gold']}" + (f" mode {record.get('mode')}" if record.get("mode") else "")
          + f" {record.get('expected_events')}")
    if not events:
        print("    produced: nothing")
    for ev in events:
        def names(ids: list[str]) -> str:
            return ",".join(f"{a}[{to_country(a, None)}]" for a in ids) or "-"
        print(f"    produced: {ev.get('type')} ({event_category(ev)}, cameo {ev.get('cameo')}, {ev.get('mode')}) "
              f"{names(ev.get('source') or [])} -> {names(ev.get('target') or [])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--plover-table", type=Path, default=DEFAULT_TABLE, help="CAMEO2PLOVER-2021.txt (for modes)")
    ap.add_argument("--json", type=Path, help="write the summary and per-record results here")
    ap.add_argument("--show", type=int, default=0, help="print the first N in-scope records with misses")
    ap.add_argument("--limit", type=int, help="only the first N records of the file")
    args = ap.parse_args(argv)

    if not args.data.is_file():
        print(f"PLOVER gold data is absent: {args.data} not found; nothing to evaluate.")
        return 2
    try:
        from graphbuild.pipeline import extract_text
    except ImportError as exc:
        print(f"graphbuild.pipeline.extract_text cannot be imported ({exc}); the extractor is not there yet.")
        return 2
    if args.plover_table.is_file():
        table = read_mode_table(args.plover_table.read_text(encoding="utf-8").splitlines())
    else:
        print(f"note: {args.plover_table} not found; PLOVER modes are not compared.")
        table = {}

    records = load_records(args.data, args.limit)
    scope = our_categories()
    to_country = CountryMapper()
    rows, produced = [], []
    start = time.perf_counter()
    for rec in records:
        try:
            events = extract_text(rec["text"], "en", None)
        except FileNotFoundError as exc:  # MissingModelError: a model the pipeline needs is not built
            print(f"graphbuild cannot run the English pipeline: {exc}")
            return 2
        produced.append(events)
        rows.append(score_record(rec, events, to_country, table, scope))
    elapsed = time.perf_counter() - start

    summary = summarize(rows)
    print(ATTRIBUTION)
    print_summary(summary)
    shown = 0
    for rec, row, events in zip(records, rows, produced, strict=True):
        if shown < args.show and is_miss(row):
            shown += 1
            show_miss(rec, row, events, to_country)
    print(f"throughput: {len(records) / elapsed:.1f} records/s ({elapsed:.1f} s)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"data": args.data.name, "summary": summary, "records": rows},
                                        indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
