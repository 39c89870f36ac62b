"""Incremental updates: `build --into` adds articles to an output folder and `retract` takes them out,
each giving the files a full build of the same articles gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from graphbuild.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Chosen so that the new articles tell events the old ones told (Shoigu's visit, the ammunition deal),
# add actors of their own (BRICS) and the old ones hold an event whose id is the dated form.
OLD = ["ru_un_veto.txt", "kk_kirby_shoigu.html", "en_kim_putin_vostochny.jsonl"]
NEW = ["ru_shoigu_pyongyang.html", "en_brics_putin.txt"]


def _build(folder: Path, names: list[str], *flag: str) -> int:
    return main(["--quiet", "build", *(str(EXAMPLES / n) for n in names), *flag, str(folder)])


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder by its relative path (the store `serve` keeps there excepted)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).parts[0].startswith(".oxigraph")}


def assert_same_files(folder: Path, expected: Path) -> None:
    got, want = folder_bytes(folder), folder_bytes(expected)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The old articles alone, then the new ones added --into, and a full build of both (each in a
    folder named "out": view.html carries the folder's name in its title)."""
    root = tmp_path_factory.mktemp("incremental")
    old, grown, full = root / "old" / "out", root / "grown" / "out", root / "full" / "out"
    assert _build(old, OLD, "--out") == 0
    shutil.copytree(old, grown)
    assert _build(grown, NEW, "--into") == 0
    assert _build(full, OLD + NEW, "--out") == 0
    return {"old": old, "grown": grown, "full": full}


def test_adding_into_an_output_gives_the_bytes_of_a_full_build(built: dict[str, Path]) -> None:
    assert_same_files(built["grown"], built["full"])
    assert folder_bytes(built["grown"]) != folder_bytes(built["old"])


def test_a_document_already_in_the_output_is_not_added_again(built: dict[str, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["grown"], folder)
    capsys.readouterr()
    assert main(["build", str(EXAMPLES / NEW[0]), "--into", str(folder)]) == 0
    assert "already in" in capsys.readouterr().err
    assert_same_files(folder, built["full"])


def test_into_a_missing_or_foreign_folder_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    missing = tmp_path / "nowhere"
    assert _build(missing, NEW[:1], "--into") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0] and "does not exist" in err[0]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(empty, NEW[:1], "--into") == 1
    assert "not a graphbuild output" in capsys.readouterr().err
    assert main(["build", str(EXAMPLES / NEW[0])]) == 2  # neither --out nor --into


def test_into_a_corrupt_output_names_the_file_and_line(built: dict[str, Path], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["old"], folder)
    with (folder / "events.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    lines = (folder / "events.jsonl").read_text(encoding="utf-8").count("\n")
    before = folder_bytes(folder)
    assert _build(folder, NEW[:1], "--into") == 1
    assert f"events.jsonl:{lines}: invalid JSON" in capsys.readouterr().err
    assert folder_bytes(folder) == before


def _document_ids(folder: Path, names: list[str]) -> list[str]:
    from graphbuild.api import load

    return sorted(d.id for d in load(folder).documents.values() if Path(d.source.split("#")[0]).name in names)


# What the graph merges without recording which article gave it (docs/incremental.md): a retracted
# article's contribution to these fields of an event another article also tells stays.
UNATTRIBUTED_EVENT_FIELDS = ("place", "place_precision", "object", "about")


def assert_retracted_equals(folder: Path, expected: Path, tmp_path: Path) -> None:
    """``folder`` holds ``expected``'s bytes, but for the fields an article's telling does not record."""
    from graphbuild.api import load

    got, want = load(folder), load(expected)
    assert sorted(got.events) == sorted(want.events)
    for event_id, event in got.events.items():
        for name in UNATTRIBUTED_EVENT_FIELDS:
            setattr(event, name, getattr(want.events[event_id], name))
    patched = tmp_path / "patched" / expected.name
    got.write(patched)
    assert_same_files(patched, expected)


def test_retracting_what_was_added_gives_the_old_output_back(built: dict[str, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["grown"], folder)
    new_ids = _document_ids(folder, NEW)
    assert len(new_ids) == 2
    capsys.readouterr()
    assert main(["retract", str(folder), *new_ids]) == 0
    assert "2 documents" in capsys.readouterr().err
    assert_retracted_equals(folder, built["old"], tmp_path)
    # What differs, exactly: the visit to Pyongyang the old articles place nowhere took its place
    # from a new article that names the city.
    from graphbuild.api import load

    got, want = load(folder), load(built["old"])
    differing = {(e, name) for e in got.events for name in UNATTRIBUTED_EVENT_FIELDS
                 if getattr(got.events[e], name) != getattr(want.events[e], name)}
    assert {name for _, name in differing} <= {"place", "place_precision"}
    assert len({e for e, _ in differing}) <= 1


def test_retracting_an_unknown_document_is_one_clear_line(built: dict[str, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["old"], folder)
    before = folder_bytes(folder)
    known = _document_ids(folder, OLD[:1])
    capsys.readouterr()
    assert main(["retract", str(folder), *known, "doc:0000000000000000"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "doc:0000000000000000" in err[0] and str(folder) in err[0]
    assert folder_bytes(folder) == before  # nothing retracted when one id is wrong
    assert main(["retract", str(tmp_path / "nowhere"), *known]) == 1
    assert "does not exist" in capsys.readouterr().err


def _neo4j_contents(server) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """Every node (labels, properties) and relationship (ends, type, properties), as sorted text."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
        rels, _, _ = driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")
    return (sorted(f"{sorted(r['l'])} {sorted((k, str(v)) for k, v in r['p'].items())}" for r in nodes),
            sorted(f"{r['a']} {r['t']} {r['b']} {sorted((k, str(v)) for k, v in r['p'].items())}" for r in rels))


def _clear_neo4j(server) -> None:  # type: ignore[no-untyped-def]
    from neo4j import GraphDatabase

    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")


def _sparql_statements(query_url: str) -> list[str]:
    from graphbuild.stores.oxigraph_store import query

    rows = query(query_url, "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    return sorted(str(sorted((k, str(v)) for k, v in row.items())) for row in rows["results"]["bindings"])


def test_retract_removes_the_articles_from_neo4j_and_the_sparql_store(  # type: ignore[no-untyped-def]
        built: dict[str, Path], tmp_path: Path, neo4j_server) -> None:
    """After a retraction each store holds what loading the retracted output afresh gives it."""
    from graphbuild.api import load
    from graphbuild.stores.oxigraph_store import free_port, start_server
    from graphbuild.stores.oxigraph_store import load as load_store

    folder = tmp_path / "out"
    shutil.copytree(built["grown"], folder)
    _clear_neo4j(neo4j_server)
    load(folder).push(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    grown_neo4j = _neo4j_contents(neo4j_server)
    server = start_server(load_store([folder / "graph.trig"], tmp_path / "store"), f"127.0.0.1:{free_port()}",
                          read_only=False)
    try:
        grown_sparql = _sparql_statements(server.query_url)
        code = main(["--quiet", "retract", str(folder), *_document_ids(folder, NEW),
                     "--neo4j-uri", neo4j_server.uri, "--neo4j-user", neo4j_server.user,
                     "--neo4j-password", neo4j_server.password, "--sparql-update", server.endpoint + "/update"])
        assert code == 0
        retracted_neo4j, retracted_sparql = _neo4j_contents(neo4j_server), _sparql_statements(server.query_url)
    finally:
        server.stop()
    assert retracted_neo4j != grown_neo4j and retracted_sparql != grown_sparql
    _clear_neo4j(neo4j_server)
    load(folder).push(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert retracted_neo4j == _neo4j_contents(neo4j_server)
    fresh = start_server(load_store([folder / "graph.trig"], tmp_path / "fresh"), f"127.0.0.1:{free_port()}")
    try:
        assert retracted_sparql == _sparql_statements(fresh.query_url)
    finally:
        fresh.stop()


def test_push_sends_only_what_changed_since_the_last_push(  # type: ignore[no-untyped-def]
        built: dict[str, Path], tmp_path: Path, neo4j_server, capsys: pytest.CaptureFixture[str]) -> None:
    from graphbuild.api import load

    folder = tmp_path / "out"
    shutil.copytree(built["old"], folder)
    server = ["--neo4j-uri", neo4j_server.uri, "--neo4j-user", neo4j_server.user,
              "--neo4j-password", neo4j_server.password]
    _clear_neo4j(neo4j_server)
    assert main(["push", str(folder), *server]) == 0  # the first push writes everything and records it
    assert (folder / ".neo4j-pushed").is_dir()
    assert _build(folder, NEW, "--into") == 0
    assert (folder / ".neo4j-pushed").is_dir()  # the record survives the folder's replacement
    capsys.readouterr()
    assert main(["push", str(folder), *server]) == 0
    said = " ".join(capsys.readouterr().err.split())  # rich wraps long lines
    assert "changes since the last push" in said and " 0 nodes and 0 relationships written" not in said
    from graphbuild.stores.neo4j_model import graph_rows

    written = re.search(r"deleted, (\d+) nodes and (\d+) relationships written", said)
    assert written, said
    rows = graph_rows(load(folder))
    assert 0 < int(written.group(1)) < rows.node_count() and int(written.group(2)) < rows.relationship_count()
    pushed = _neo4j_contents(neo4j_server)
    assert main(["push", str(folder), *server]) == 0  # nothing changed: nothing sent
    said = " ".join(capsys.readouterr().err.split())
    assert "0 nodes and 0 relationships deleted, 0 nodes and 0 relationships written" in said
    assert _neo4j_contents(neo4j_server) == pushed
    _clear_neo4j(neo4j_server)
    load(folder).push(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert _neo4j_contents(neo4j_server) == pushed  # what a full push of the grown folder gives
    assert main(["push", str(folder), *server, "--verify"]) == 0


def test_watch_adds_each_new_file_once_with_a_line_per_file(built: dict[str, Path], tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder, incoming = tmp_path / "out", tmp_path / "incoming"
    shutil.copytree(built["old"], folder)
    incoming.mkdir()
    shutil.copy(EXAMPLES / OLD[0], incoming)  # an article the output holds already
    shutil.copy(EXAMPLES / NEW[0], incoming)
    (incoming / "notes.md").write_text("not an article", encoding="utf-8")
    capsys.readouterr()
    assert main(["watch", str(incoming), "--into", str(folder), "--once"]) == 0
    lines = capsys.readouterr().err.strip().split("\n")
    assert len(lines) == 2 and all(re.match(r"\d\d:\d\d:\d\d ", line) for line in lines), lines
    assert any(NEW[0] in line and "added to" in line for line in lines), lines
    assert any(OLD[0] in line and "already in" in line for line in lines), lines
    shutil.copy(EXAMPLES / NEW[1], incoming)
    assert main(["watch", str(incoming), "--into", str(folder), "--once"]) == 0
    lines = capsys.readouterr().err.strip().split("\n")
    assert [line.split()[1] for line in lines if "added to" in line] == [f"{incoming / NEW[1]}:"], lines
    from graphbuild.api import load

    got, want = load(folder), load(built["full"])  # as a full build of them (but for the sources' paths)
    assert sorted(got.documents) == sorted(want.documents) and sorted(got.events) == sorted(want.events)
    assert main(["watch", str(incoming), "--into", str(tmp_path / "nowhere"), "--once"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_watch_polls_until_stopped(built: dict[str, Path], tmp_path: Path) -> None:
    """The running command takes a file that arrives while it watches, once it has settled."""
    import subprocess
    import sys
    import time

    folder, incoming = tmp_path / "out", tmp_path / "incoming"
    shutil.copytree(built["old"], folder)
    incoming.mkdir()
    log = tmp_path / "watch.log"
    with log.open("w", encoding="utf-8") as err:
        process = subprocess.Popen([sys.executable, "-m", "graphbuild", "watch", str(incoming), "--into", str(folder),
                                    "--interval", "0.5"], stderr=err, text=True)
    try:
        time.sleep(1.0)
        shutil.copy(EXAMPLES / NEW[1], incoming)
        deadline = time.monotonic() + 300
        while "added to" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = log.read_text(encoding="utf-8").strip().split("\n")
    assert len(lines) == 1 and f"{incoming / NEW[1]}: added to" in lines[0], lines
    assert len(_document_ids(folder, [NEW[1]])) == 1
