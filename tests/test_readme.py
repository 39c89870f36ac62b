"""The README's first queries work as printed, on the bundled examples, in both stores."""

from __future__ import annotations

import re
from pathlib import Path

from neo4j import GraphDatabase

from graphbuild.cli.main import cli
from graphbuild.graph.records import read_records
from graphbuild.stores.neo4j_store import push_graph
from graphbuild.stores.oxigraph_store import query as sparql_query

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def block(language: str, index: int = 0) -> str:
    found = re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)
    assert len(found) > index, f"no {language} block number {index + 1} in the README"
    return found[index]


def test_readme_names_only_real_commands() -> None:
    shell = "\n".join(re.findall(r"```bash\n(.*?)```", README, flags=re.S))
    used = set(re.findall(r"graphbuild (\w[\w-]*)", shell))
    assert used and used <= set(cli.commands), used - set(cli.commands)


def test_readme_cypher_query(examples_out: Path, neo4j_server) -> None:  # type: ignore[no-untyped-def]
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        push_graph(read_records(examples_out), neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        records, _, _ = driver.execute_query(block("cypher"))
        told, _, _ = driver.execute_query(block("cypher", 1))
    visits = {(r["visitor"], r["host"]) for r in records}
    assert ("Sergei Shoigu", "North Korea") in visits
    # The telling-level query: Kirby speaks in the Kazakh article only, not in the others telling the supply.
    said = {(r["article"].rsplit("/", 1)[-1], r["mode"], tuple(sorted(r["said_by"]))) for r in told}
    assert ("kk_kirby_shoigu.html", "planned", ("John Kirby",)) in said, said
    assert all("John Kirby" not in by for article, _, by in said if article != "kk_kirby_shoigu.html"), said


def test_readme_sparql_query(examples_sparql: str) -> None:
    rows = sparql_query(examples_sparql, block("sparql"))["results"]["bindings"]
    denials = {(r["denier"]["value"], r["claim"]["value"]) for r in rows}
    assert ("North Korea", "SUPPLY") in denials, denials
