"""`graphbuild kb check`: stale roles, overlapping office holders, missing QIDs and sources, part_of cycles."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.entities.kb_check import (
    ACTOR_WITHOUT_QID,
    COUNTRY_WITHOUT_QID,
    OVERLAP,
    PART_OF_CYCLE,
    STALE_ROLE,
    UNSOURCED_RECORD,
    UNVERIFIED_ROLE,
    check_kb,
    counts,
    over_tolerance,
    read_tolerance,
)

SRC = "https://example.org/fact"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True, timeout=600)


def _record(rid: str, kind: str, label: str, checked: str | None = "2026-12-01", **extra: object) -> str:
    source = SRC if checked else None
    return json.dumps({"id": rid, "kind": kind, "label": label, "source": source, "checked": checked, **extra})


@pytest.fixture(scope="module")
def bad_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One finding of each kind, on top of the shipped KB."""
    path = tmp_path_factory.mktemp("kb") / "bad.jsonl"
    path.write_text("\n".join([
        # two open-ended presidents of the same (made-up) organisation, one checked long ago
        _record("person:a", "Person", "A", roles=[["President", "org:c1", "2020-01-01", None, SRC, "2000-01-01"]]),
        _record("person:b", "Person", "B", roles=[["President", "org:c1", "2022-06", None, SRC, "2026-12-01"]]),
        # a handover on one day is not an overlap; a start known only as a year is not proof either
        _record("person:c", "Person", "C", roles=[["Secretary-General", "org:c1", "2010", "2015-03-01", SRC,
                                                   "2026-12-01"]]),
        _record("person:d", "Person", "D", roles=[["Secretary-General", "org:c1", "2015-03-01", None, None, None]]),
        # a part_of cycle, and a record nobody verified
        _record("org:c1", "Organization", "C1", part_of="org:c2"),
        _record("org:c2", "Organization", "C2", part_of="org:c1", wikidata="Q4"),
        _record("org:unsourced", "Organization", "Unsourced", checked=None),
    ]) + "\n", encoding="utf-8")
    return path


def test_each_kind_of_finding_on_a_small_kb(bad_kb: Path) -> None:
    findings = check_kb(KnowledgeBase.load([bad_kb]), date(2026, 12, 7), stale_days=180)
    mine = [f for f in findings if f.subject in {"person:a", "person:b", "person:c", "person:d", "org:c1",
                                                 "org:c2", "org:unsourced"}]
    by_kind = {(f.kind, f.subject) for f in mine}
    assert (STALE_ROLE, "person:a") in by_kind and (STALE_ROLE, "person:b") not in by_kind
    overlaps = [f for f in mine if f.kind == OVERLAP]
    assert len(overlaps) == 1 and {overlaps[0].subject} | {"person:b"} == {"person:a", "person:b"}
    assert "person:b" in overlaps[0].detail
    assert (UNVERIFIED_ROLE, "person:d") in by_kind
    cycles = [f for f in mine if f.kind == PART_OF_CYCLE]
    assert len(cycles) == 1 and cycles[0].detail in ("org:c1 -> org:c2 -> org:c1", "org:c2 -> org:c1 -> org:c2")
    assert (UNSOURCED_RECORD, "org:unsourced") in by_kind and (UNSOURCED_RECORD, "org:c1") not in by_kind
    assert (ACTOR_WITHOUT_QID, "org:c1") in by_kind and (ACTOR_WITHOUT_QID, "org:c2") not in by_kind


def test_stale_threshold_follows_stale_days(bad_kb: Path) -> None:
    kb = KnowledgeBase.load([bad_kb])
    stale = {f.subject for f in check_kb(kb, date(2026, 12, 7), stale_days=3) if f.kind == STALE_ROLE}
    assert {"person:a", "person:b"} <= stale  # person:b was checked 6 days before "today"
    later = {f.subject for f in check_kb(kb, date(2000, 1, 2), stale_days=3) if f.kind == STALE_ROLE}
    assert "person:a" not in later


def test_shipped_kb_is_within_tolerance() -> None:
    findings = check_kb(KnowledgeBase.load(), date.today())
    found = counts(findings)
    assert over_tolerance(found, read_tolerance()) == [], found
    assert found[COUNTRY_WITHOUT_QID] == found[OVERLAP] == found[PART_OF_CYCLE] == found[STALE_ROLE] == 0


def test_cli_on_the_shipped_kb_exits_0() -> None:
    result = run("kb", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "overlapping-holders" in result.stdout and "country-without-qid" in result.stdout


def test_cli_exits_1_above_tolerance_and_lists_findings(bad_kb: Path) -> None:
    result = run("kb", "check", "--kb", str(bad_kb))
    assert result.returncode == 1
    assert "above tolerance" in result.stderr and "overlapping-holders" in result.stderr
    assert "part-of-cycle\torg:c" in result.stdout and "stale-role\tperson:a" in result.stdout
    listed = run("kb", "check", "--kb", str(bad_kb), "--list", "unsourced-record", "--json")
    data = json.loads(listed.stdout)
    assert {f["kind"] for f in data["findings"]} == {UNSOURCED_RECORD}
    assert data["counts"][PART_OF_CYCLE] == 1 and PART_OF_CYCLE in data["over_tolerance"]


def test_cli_bad_kb_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "no_source.jsonl"
    path.write_text(json.dumps({"id": "org:x", "kind": "Organization", "label": "X"}) + "\n", encoding="utf-8")
    result = run("kb", "check", "--kb", str(path))
    assert result.returncode == 1
    assert f"{path}:1" in result.stderr and "'source'" in result.stderr
    assert run("kb", "check", "--list", "no-such-kind").returncode == 2


def test_stats_counts_kinds_and_lists_ambiguous_aliases(tmp_path: Path) -> None:
    result = run("kb", "stats", "--ambiguous")
    assert result.returncode == 0, result.stderr
    assert "корея -> KOR, PRK" in result.stdout
    assert int(re.search(r"Country (\d+)", result.stdout).group(1)) >= 249
    assert re.search(r"aliases\[kk\]: capital \d+, demonym \d+, name \d+, role \d+", result.stdout)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "kind": "Person"}\n', encoding="utf-8")
    failed = run("kb", "stats", "--kb", str(bad))
    assert failed.returncode == 1 and f"{bad}:1" in failed.stderr


def test_stats_ranks_actors_without_qid_by_documents(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    out = tmp_path / "out"
    built = run("build", str(examples / "kk_kirby_shoigu.html"), str(examples / "en_csto_kazakhstan.jsonl"),
                "--out", str(out))
    assert built.returncode == 0, built.stderr
    result = run("kb", "stats", "--missing-qid", str(out))
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if line.startswith("missing-qid\t")]
    kb = KnowledgeBase.load()
    named = {json.loads(line)["id"]: len(json.loads(line)["documents"])
             for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()}
    expected = sorted(((i, n) for i, n in named.items() if i in kb and kb.actor(i).kind != "Country"
                       and kb.actor(i).kind != "Place" and not kb.actor(i).wikidata), key=lambda r: (-r[1], r[0]))
    assert [(r[1], int(r[3])) for r in rows] == expected and expected
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "entities.jsonl").write_text('{"id": "USA"}\nnot json\n', encoding="utf-8")
    failed = run("kb", "stats", "--missing-qid", str(tmp_path / "broken"))
    assert failed.returncode == 1 and "entities.jsonl:2" in failed.stderr
