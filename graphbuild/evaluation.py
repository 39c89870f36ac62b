"""Score a build output (the SPEC output contract) against hand-written gold files.

Gold format, one JSON per article::

    {"file": "kk_kirby_shoigu.html", "lang": "kk",
     "entities": [{"key", "label", "kind", "iso3", "aliases", "any_of"}],
     "events": [{"type", "source": [keys], "target": [keys], "mode", "reported_by": [keys], "date"}]}

Entities are scored per document as sets: a system entity matches a gold entity when its id, its
English label or any of its names equals (after normalisation) the gold key, label, an alias or an
``any_of`` entry.  Events are matched one-to-one per document: same type, at least one source and
one target in common (either way round for symmetric types; a gold event without target matches on
source alone).  Mode, date and reported_by are scored as accuracies on the matched pairs; mode and
reported_by are those of the article's own telling of the event (its other tellings are other
articles' words), the date is the event's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.model import EVENT_TYPES

GOLD_ENTITY_FIELDS: tuple[str, ...] = ("key", "label", "kind", "iso3", "aliases", "any_of")
GOLD_EVENT_FIELDS: tuple[str, ...] = ("type", "source", "target", "mode", "reported_by", "date")

# Ids like "person:john-kirby" or "org:white-house" are compared without their namespace prefix.
_PREFIX = re.compile(r"^[a-z][a-z0-9_]*:(?=.)")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LEADING_THE = re.compile(r"^the ")


def normalise(text: str) -> str:
    """Case-, accent-, punctuation- and prefix-insensitive form used for every comparison."""
    s = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    s = _PREFIX.sub("", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NON_WORD.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


def is_symmetric(event_type: str) -> bool:
    et = EVENT_TYPES.get(event_type)
    return bool(et and et.symmetric)


@dataclass
class Score:
    """Counts behind precision/recall: matched system items, system items, matched gold, gold."""

    sys_matched: int = 0
    sys_total: int = 0
    gold_matched: int = 0
    gold_total: int = 0

    def add(self, other: Score) -> None:
        self.sys_matched += other.sys_matched
        self.sys_total += other.sys_total
        self.gold_matched += other.gold_matched
        self.gold_total += other.gold_total

    @property
    def precision(self) -> float:
        return self.sys_matched / self.sys_total if self.sys_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "sys_matched": self.sys_matched, "sys_total": self.sys_total,
            "gold_matched": self.gold_matched, "gold_total": self.gold_total,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


@dataclass
class DocumentResult:
    gold_file: str
    lang: str
    document_ids: list[str]
    entities: Score
    events: Score
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    spurious_events: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_file": self.gold_file, "lang": self.lang, "documents": self.document_ids,
            "entities": self.entities.to_dict(), "events": self.events.to_dict(),
            "missed_entities": self.missed_entities, "spurious_entities": self.spurious_entities,
            "missed_events": self.missed_events, "spurious_events": self.spurious_events,
        }


@dataclass
class EvalReport:
    entities: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    by_lang: dict[str, dict[str, Score]] = field(default_factory=dict)
    by_type: dict[str, Score] = field(default_factory=dict)
    mode: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    reported_by: Accuracy = field(default_factory=Accuracy)
    documents: list[DocumentResult] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {"entities": self.entities.to_dict(), "events": self.events.to_dict()},
            "by_lang": {lang: {k: s.to_dict() for k, s in scores.items()}
                        for lang, scores in sorted(self.by_lang.items())},
            "by_type": {t: s.to_dict() for t, s in sorted(self.by_type.items())},
            "mode_accuracy": self.mode.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "reported_by_accuracy": self.reported_by.to_dict(),
            "missing_documents": self.missing_documents,
            "documents": [d.to_dict() for d in self.documents],
        }

    def to_text(self) -> str:
        def row(name: str, s: Score) -> str:
            return (f"{name:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                    f"{s.sys_matched:>6}/{s.sys_total:<5}{s.gold_matched:>6}/{s.gold_total:<5}")

        head = f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'sys ok/all':>12}{'gold ok/all':>12}"
        lines = ["Entities and events", head, row("entities (all)", self.entities),
                 row("events (all)", self.events)]
        for lang, scores in sorted(self.by_lang.items()):
            # Parentheses, not brackets: the CLI prints through rich, which reads [..] as markup.
            lines.append(row(f"entities ({lang})", scores["entities"]))
            lines.append(row(f"events ({lang})", scores["events"]))
        lines += ["", "Events by type", head]
        lines += [row(t, s) for t, s in sorted(self.by_type.items())]
        lines.append("")
        for name, acc in (("mode", self.mode), ("date", self.date), ("reported_by", self.reported_by)):
            lines.append(f"{name} accuracy on matched events: {acc.value:.3f} ({acc.correct}/{acc.total})")
        if self.missing_documents:
            lines.append("gold files with no document in the output: " + ", ".join(self.missing_documents))
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Reading


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: missing (expected part of the output contract)")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"{gold_dir}: no gold *.json files")
    golds = []
    for f in files:
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{f}: not valid JSON ({exc.msg})") from exc
        g.setdefault("_path", str(f))
        golds.append(g)
    return golds


def validate_gold(gold: dict[str, Any]) -> list[str]:
    """Problems in one gold file (empty list when valid)."""
    where = gold.get("_path") or gold.get("file") or "?"
    problems: list[str] = []
    for k in ("file", "lang", "entities", "events"):
        if k not in gold:
            problems.append(f"{where}: missing field {k!r}")
    keys: set[str] = set()
    for i, e in enumerate(gold.get("entities") or []):
        missing = [k for k in GOLD_ENTITY_FIELDS if k not in e]
        if missing:
            problems.append(f"{where}: entity {i} lacks {missing}")
        if e.get("key") in keys:
            problems.append(f"{where}: duplicate entity key {e.get('key')!r}")
        keys.add(e.get("key"))
        if e.get("kind") not in ("Country", "Organization", "Person", "Group", "Place"):
            problems.append(f"{where}: entity {e.get('key')!r} has kind {e.get('kind')!r}")
        if e.get("kind") == "Country" and not e.get("iso3"):
            problems.append(f"{where}: country {e.get('key')!r} without iso3")
    for i, ev in enumerate(gold.get("events") or []):
        missing = [k for k in GOLD_EVENT_FIELDS if k not in ev]
        if missing:
            problems.append(f"{where}: event {i} lacks {missing}")
        if ev.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: event {i} has unknown type {ev.get('type')!r}")
        if ev.get("mode") not in ("asserted", "reported", "denied", "planned", "negated"):
            problems.append(f"{where}: event {i} has unknown mode {ev.get('mode')!r}")
        if not ev.get("source"):
            problems.append(f"{where}: event {i} has no source")
        for role in ("source", "target", "reported_by"):
            for k in ev.get(role) or []:
                if k not in keys:
                    problems.append(f"{where}: event {i} {role} key {k!r} is not among the entities")
        date = ev.get("date")
        if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
            problems.append(f"{where}: event {i} date {date!r} is not YYYY[-MM[-DD]]")
    return problems


# ---------------------------------------------------------------------------------------------
# Matching


def _gold_terms(e: dict[str, Any]) -> set[str]:
    terms = [e.get("key"), e.get("label"), *(e.get("aliases") or []), *(e.get("any_of") or [])]
    if e.get("kind") == "Country" and e.get("iso3"):
        terms.append(e["iso3"])
    return {n for n in (normalise(t) for t in terms if t) if n}


def _system_terms(ent: dict[str, Any]) -> set[str]:
    terms: list[Any] = [ent.get("id"), ent.get("label"), ent.get("wikidata")]
    names = ent.get("names") or {}
    if isinstance(names, dict):
        for vals in names.values():
            terms.extend(vals if isinstance(vals, list) else [vals])
    elif isinstance(names, list):
        terms.extend(names)
    # iso3 only identifies countries: a ministry "of RUS" is not Russia.
    if ent.get("kind") == "Country" and ent.get("iso3"):
        terms.append(ent["iso3"])
    return {n for n in (normalise(t) for t in terms if t) if n}


def _max_matching(candidates: dict[int, list[int]], start: dict[int, int] | None = None) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths) grown from ``start``; returns right -> left."""
    owner: dict[int, int] = dict(start or {})

    def augment(left: int, seen: set[int]) -> bool:
        for right in candidates.get(left, []):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    matched = set(owner.values())
    for left in candidates:
        if left not in matched:
            augment(left, set())
    return owner


def event_matches(gold_ev: dict[str, Any], sys_type: str, sys_source: set[str], sys_target: set[str]) -> bool:
    """``sys_source``/``sys_target`` are the gold keys the system participants resolve to."""
    if gold_ev["type"] != sys_type:
        return False
    gs, gt = set(gold_ev.get("source") or []), set(gold_ev.get("target") or [])
    if is_symmetric(sys_type):
        everyone = sys_source | sys_target
        return bool(gs & everyone) and (not gt or bool(gt & everyone))
    return bool(gs & sys_source) and (not gt or bool(gt & sys_target))


def _attributes_agree(gold_ev: dict[str, Any], sys_ev: dict[str, Any]) -> bool:
    return (not gold_ev.get("mode") or gold_ev["mode"] == sys_ev.get("mode")) and (
        not gold_ev.get("date") or _date_ok(gold_ev["date"], sys_ev.get("date")))


def _date_ok(gold_date: str, sys_date: Any) -> bool:
    return bool(sys_date) and str(sys_date).startswith(str(gold_date))


def _describe(ev: dict[str, Any]) -> str:
    return f"{ev.get('type')} {ev.get('source')}->{ev.get('target')} ({ev.get('mode')})"


def _match_documents(gold_file: str, gold_url: str | None, documents: list[dict[str, Any]]) -> list[str]:
    want = gold_file.replace("\\", "/").lstrip("./")
    hits = []
    for d in documents:
        src = str(d.get("source") or "").replace("\\", "/")
        # A JSONL source may carry a line suffix ("file.jsonl:3", "file.jsonl#3", "file.jsonl#L3").
        src_plain = re.sub(r"(:|#L?)\d+$", "", src)
        if any(s == want or s.endswith("/" + want) for s in (src, src_plain)):
            if gold_url and d.get("url") and d["url"] != gold_url:
                continue
            hits.append(d["id"])
    return hits


def as_told(event: dict[str, Any], documents: set[str]) -> dict[str, Any]:
    """``event`` with the mode and speakers of its tellings by ``documents`` (what those articles
    say), not the aggregate of every article; records without tellings are scored as they are."""
    told = [t for t in event.get("tellings") or [] if t.get("document") in documents]
    if not told:
        return event
    modes = [t.get("mode") for t in told]
    return {**event, "mode": modes[0] if len(set(modes)) == 1 else event.get("mode"),
            "reported_by": sorted({a for t in told for a in t.get("reported_by") or []})}


def evaluate_records(golds: list[dict[str, Any]], documents: list[dict[str, Any]],
                     entities: list[dict[str, Any]], events: list[dict[str, Any]]) -> EvalReport:
    """Score in-memory output records (the three contract files, parsed) against gold dicts."""
    report = EvalReport()
    ent_by_id = {e["id"]: e for e in entities if "id" in e}
    sys_terms = {eid: _system_terms(e) for eid, e in ent_by_id.items()}

    for gold in sorted(golds, key=lambda g: g["file"]):
        lang = gold.get("lang", "?")
        lang_scores = report.by_lang.setdefault(lang, {"entities": Score(), "events": Score()})
        doc_ids = _match_documents(gold["file"], gold.get("url"), documents)
        if not doc_ids:
            report.missing_documents.append(gold["file"])
        docs = set(doc_ids)
        doc_events = [as_told(ev, docs) for ev in events if docs & set(ev.get("documents") or [])]

        # System entities of the document: those listing it (outlets cited as channels are no actors),
        # plus anyone its events involve.
        doc_entity_ids = [eid for eid, e in ent_by_id.items()
                          if docs & set(e.get("documents") or []) and not e.get("outlet")]
        for ev in doc_events:
            for eid in [*(ev.get("source") or []), *(ev.get("target") or []), *(ev.get("reported_by") or [])]:
                if eid not in doc_entity_ids:
                    doc_entity_ids.append(eid)

        gold_terms = {g["key"]: _gold_terms(g) for g in gold.get("entities") or []}

        def resolve(eid: str, _gt: dict[str, set[str]] = gold_terms) -> set[str]:
            terms = sys_terms.get(eid) or {normalise(eid)}
            return {key for key, gt in _gt.items() if terms & gt}

        resolved = {eid: resolve(eid) for eid in doc_entity_ids}
        ent_score = Score(sys_total=len(doc_entity_ids), gold_total=len(gold_terms))
        hit_gold = set().union(*resolved.values()) if resolved else set()
        ent_score.sys_matched = sum(1 for keys in resolved.values() if keys)
        ent_score.gold_matched = len(hit_gold & set(gold_terms))

        def keys_of(ids: Iterable[str], _r: dict[str, set[str]] = resolved) -> set[str]:
            out: set[str] = set()
            for i in ids:
                out |= _r.get(i) or resolve(i)
            return out

        gold_events = gold.get("events") or []
        sys_roles = [(keys_of(ev.get("source") or []), keys_of(ev.get("target") or [])) for ev in doc_events]
        candidates = {
            gi: [si for si, ev in enumerate(doc_events)
                 if event_matches(g, ev.get("type", ""), sys_roles[si][0], sys_roles[si][1])]
            for gi, g in enumerate(gold_events)
        }
        # Pair events that also agree on mode and date first, so that attribute accuracies do not
        # depend on which of two look-alike events got which partner; then grow to a maximum matching.
        agreeing = {gi: [si for si in cands if _attributes_agree(gold_events[gi], doc_events[si])]
                    for gi, cands in candidates.items()}
        pairs = _max_matching(candidates, _max_matching(agreeing))  # system index -> gold index
        ev_score = Score(sys_matched=len(pairs), sys_total=len(doc_events),
                         gold_matched=len(pairs), gold_total=len(gold_events))

        for g in gold_events:
            report.by_type.setdefault(g["type"], Score()).gold_total += 1
        for ev in doc_events:
            report.by_type.setdefault(ev.get("type", "?"), Score()).sys_total += 1
        for si, gi in pairs.items():
            g, ev = gold_events[gi], doc_events[si]
            report.by_type[g["type"]].gold_matched += 1
            report.by_type[g["type"]].sys_matched += 1
            if g.get("mode"):
                report.mode.add(ev.get("mode") == g["mode"])
            if g.get("date"):
                report.date.add(_date_ok(g["date"], ev.get("date")))
            if g.get("reported_by"):
                report.reported_by.add(bool(set(g["reported_by"]) & keys_of(ev.get("reported_by") or [])))

        matched_gold = set(pairs.values())
        result = DocumentResult(
            gold_file=gold["file"], lang=lang, document_ids=doc_ids, entities=ent_score, events=ev_score,
            missed_entities=sorted(set(gold_terms) - hit_gold),
            spurious_entities=sorted(eid for eid, keys in resolved.items() if not keys),
            missed_events=[_describe(g) for gi, g in enumerate(gold_events) if gi not in matched_gold],
            spurious_events=[_describe(ev) for si, ev in enumerate(doc_events) if si not in pairs],
        )
        report.documents.append(result)
        for total in (report.entities, lang_scores["entities"]):
            total.add(ent_score)
        for total in (report.events, lang_scores["events"]):
            total.add(ev_score)
    return report


def evaluate(gold_dir: Path, out_dir: Path) -> EvalReport:
    """Score the output directory of ``graphbuild build`` against the gold files in ``gold_dir``."""
    out_dir = Path(out_dir)
    golds = load_gold(Path(gold_dir))
    problems = [p for g in golds for p in validate_gold(g)]
    if problems:
        raise ValueError("invalid gold files:\n" + "\n".join(problems))
    return evaluate_records(golds, read_jsonl(out_dir / "documents.jsonl"),
                            read_jsonl(out_dir / "entities.jsonl"), read_jsonl(out_dir / "events.jsonl"))


def main(argv: list[str] | None = None) -> int:
    """``python -m graphbuild.evaluation --gold DIR OUT [--json FILE]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m graphbuild.evaluation", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, type=Path, help="folder of gold *.json files")
    ap.add_argument("out", type=Path, help="output folder of graphbuild build")
    ap.add_argument("--json", type=Path, help="also write the full report as JSON here")
    args = ap.parse_args(argv)
    try:
        report = evaluate(args.gold, args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}")
        return 2
    print(report.to_text())
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
