"""Dyad series: the Python table (tables/dyads.parquet), the Cypher query on a real Neo4j and the
SPARQL query on a real Oxigraph give the same rows; symmetric events count once per unordered pair;
undated events count in the month their articles were published."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from servers.graph_stores import neo4j_holding, oxigraph_holding
from servers.oxigraph_server import OxigraphServer

from graphbuild.events.lexicon import common
from graphbuild.export.tables import write_parquet
from graphbuild.graph.dyads import DYAD_COLUMNS, dyad_rows
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.model import EVENT_TYPES, Actor, Document, Event
from graphbuild.queries import load_query, normalise, run_cypher, run_sparql


@pytest.fixture(scope="module")
def scored(records_dir: Path) -> KnowledgeGraph:
    """The hand-written test graph with every event scored as extraction scores it (the records
    carry no Goldstein values), and one event's date taken away so a month comes from its article."""
    graph = read_records(records_dir)
    table = common().goldstein
    for event in graph.events.values():
        event.goldstein = table.get(event.cameo, table.get(event.cameo[:2] + "0"))
    undated = next(e for e in graph.sorted_events() if EVENT_TYPES[e.type].symmetric and e.date)
    undated.date, undated.date_precision = None, None
    return graph


@pytest.fixture(scope="module")
def oxigraph(scored: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with oxigraph_holding(scored, tmp_path_factory.mktemp("dyads_rdf")) as server:
        yield server


@pytest.fixture(scope="module")
def neo4j(scored: KnowledgeGraph, neo4j_server):  # type: ignore[no-untyped-def]
    return neo4j_holding(scored, neo4j_server)


def test_table_and_both_stores_give_the_same_rows(scored: KnowledgeGraph, neo4j, oxigraph: OxigraphServer,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_parquet(scored, tmp_path)
    table = pd.read_parquet(tmp_path / "tables" / "dyads.parquet")
    assert list(table.columns) == list(DYAD_COLUMNS)
    python_rows = [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
                   for row in table.to_dict("records")]
    cypher_rows = run_cypher("dyads", {}, neo4j.uri, neo4j.user, neo4j.password)
    sparql_rows = run_sparql("dyads", {}, oxigraph.query_url)
    assert len(python_rows) >= 10
    assert normalise(python_rows) == normalise(cypher_rows) == normalise(sparql_rows)
    assert any(r["goldstein_sum"] < 0 for r in python_rows) and any(r["goldstein_sum"] > 0 for r in python_rows)
    assert sum(r["month_from_report"] for r in python_rows) >= 1
    assert any(not r["directed"] for r in python_rows) and any(r["directed"] for r in python_rows)


def test_undated_event_counts_in_its_articles_month(scored: KnowledgeGraph) -> None:
    undated = next(e for e in scored.sorted_events() if e.date is None and EVENT_TYPES[e.type].symmetric)
    month = min(scored.documents[d].published[:7] for d in undated.documents)
    a, b = undated.source[:2]
    rows = [r for r in dyad_rows(scored) if (r["actor_a"], r["actor_b"], r["type"]) == (a, b, undated.type)
            and r["month"] == month]
    assert rows and rows[0]["month_from_report"] >= 1


def _graph(*events: Event) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.add_document(Document(id="doc:1", source="a.txt", lang="en", published="2024-03-05"))
    for actor_id in ("RUS", "PRK", "CHN"):
        graph.add_actor(Actor(id=actor_id, label=actor_id, kind="Country", documents=["doc:1"]))
    for event in events:
        graph.add_event(event)
    return graph


def _event(event_type: str, source: list[str], target: list[str], date: str | None, goldstein: float | None,
           mode: str = "asserted") -> Event:
    spec = EVENT_TYPES[event_type]
    return Event(id="", type=event_type, cameo=spec.cameo, plover=spec.plover, source=source, target=target,
                 date=date, date_precision="day" if date else None, goldstein=goldstein, mode=mode,
                 documents=["doc:1"])


def test_symmetric_events_count_once_per_unordered_pair_and_directed_ones_per_direction() -> None:
    graph = _graph(
        _event("MEET", ["RUS"], ["PRK"], "2024-01-10", 1.0),
        _event("MEET", ["PRK"], ["RUS"], "2024-01-20", 1.0, mode="reported"),
        _event("MEET", ["PRK", "RUS", "CHN"], [], "2024-01-25", 1.0),
        _event("SUPPLY", ["PRK"], ["RUS"], "2024-01-11", 8.0),
        _event("SUPPLY", ["RUS"], ["PRK"], "2024-01-12", None),
        _event("ACCUSE", ["RUS"], ["PRK"], None, -2.0),
    )
    rows = {(r["actor_a"], r["actor_b"], r["month"], r["type"], r["mode"]): r for r in dyad_rows(graph)}
    assert rows[("PRK", "RUS", "2024-01", "MEET", "asserted")]["events"] == 2  # both tellings' orders, one pair
    assert rows[("PRK", "RUS", "2024-01", "MEET", "reported")]["events"] == 1
    assert rows[("CHN", "PRK", "2024-01", "MEET", "asserted")]["directed"] is False
    assert ("RUS", "PRK", "2024-01", "MEET", "asserted") not in rows
    assert rows[("PRK", "RUS", "2024-01", "SUPPLY", "asserted")]["goldstein_mean"] == 8.0
    unscored = rows[("RUS", "PRK", "2024-01", "SUPPLY", "asserted")]
    assert unscored["goldstein_sum"] == 0.0 and unscored["goldstein_mean"] is None
    accusation = rows[("RUS", "PRK", "2024-03", "ACCUSE", "asserted")]  # undated: the article's month
    assert accusation["month_from_report"] == 1 and accusation["directed"] is True


def test_the_queries_name_the_symmetric_types_of_the_model() -> None:
    symmetric = {name for name, spec in EVENT_TYPES.items() if spec.symmetric}
    info = load_query("dyads")
    for text in (info.cypher, info.sparql):
        listed = re.search(r"IN [\[(]([^\])]*)[\])]\)? AS \??symmetric", text)
        assert listed is not None, "the query lists the symmetric types as `IN [...] AS symmetric`"
        assert set(re.findall(r"[\"']([A-Z]+)[\"']", listed.group(1))) == symmetric
