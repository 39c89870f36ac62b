# ruff: noqa: E501 - notebook prose and code cells are kept as written, one string each
"""Writes notebooks/*.ipynb (no outputs) from the cells below: edit here, then run it."""

from pathlib import Path

import nbformat as nbf
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

PARAMS_CELL = '''from graphbuild.graph.records import read_records
from graphbuild.queries import example_params, list_queries

# Example parameters for each question; the evidence question asks about an event of this graph.
PARAMS = example_params(read_records(OUT))
print(f"{len(list_queries())} questions; evidence asked for event {PARAMS['event_evidence']['event']}")'''

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def nb(cells: list[tuple[str, str]], path: Path) -> None:
    n = new_notebook()
    n.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    n.cells = [new_markdown_cell(c[1]) if c[0] == "md" else new_code_cell(c[1]) for c in cells]
    nbf.write(n, path)

setup = '''import os
from pathlib import Path

# The output directory of `graphbuild build` (README: `graphbuild build examples/ --out out/`).
OUT = Path(os.environ.get("GRAPHBUILD_OUT", "../out"))
assert (OUT / "events.jsonl").exists(), f"no graph in {OUT}: run `graphbuild build examples/ --out out/` first"'''

nb([
 ("md", "# Explore a built graph\n\nThis notebook loads the output directory of `graphbuild build` into pandas and networkx and shows what is in it: how many events of each type and mode, in which languages the articles were written, which actors are the most central, and a timeline of events by month and type."),
 ("code", setup),
 ("code", '''from graphbuild.export.tables import graph_tables
from graphbuild.graph.records import read_records

graph = read_records(OUT)
tables = graph_tables(graph)
events, actors, documents = tables["events"], tables["actors"], tables["documents"]
print(f"{len(documents)} documents, {len(actors)} actors, {len(events)} events")'''),
 ("md", "## Counts by event type, mode and language"),
 ("code", 'events.groupby("type").size().rename("events").sort_values(ascending=False).to_frame()'),
 ("code", 'events.groupby("mode").size().rename("events").to_frame()'),
 ("code", '''event_langs = tables["evidence"].merge(documents[["id", "lang"]], left_on="document", right_on="id",
                                      suffixes=("", "_doc"))
event_langs.groupby("lang_doc")["event"].nunique().rename("events told in this language").to_frame()'''),
 ("md", "## The most central actors\n\nDegree counts every typed edge an actor takes part in; betweenness shows the actors that connect otherwise separate parts of the story."),
 ("code", '''import networkx as nx

g = graph.to_networkx()
betweenness = nx.betweenness_centrality(nx.Graph(g)) if len(g) else {}
centrality = actors.set_index("id")[["label", "kind"]].copy()
centrality["degree"] = [g.degree(n) if n in g else 0 for n in centrality.index]
centrality["betweenness"] = [round(betweenness.get(n, 0.0), 4) for n in centrality.index]
centrality.sort_values(["degree", "betweenness"], ascending=False).head(10)'''),
 ("md", "## Timeline: events by month and type"),
 ("code", '''import matplotlib.pyplot as plt
import pandas as pd

dated = events.dropna(subset=["date"]).copy()
dated["month"] = pd.PeriodIndex(dated["date"].str.slice(0, 7), freq="M")
timeline = dated.groupby(["month", "type"]).size().unstack(fill_value=0).sort_index()
ax = timeline.plot(kind="bar", stacked=True, figsize=(10, 4), title="Events by month and type")
ax.set_xlabel("month")
ax.set_ylabel("events")
plt.tight_layout()
plt.show()
print(f"{int(timeline.to_numpy().sum())} dated events over {len(timeline)} months")'''),
], NOTEBOOKS / "explore.ipynb")

nb([
 ("md", "# The network, interactively\n\nActors as nodes (coloured by kind) and events as typed edges (coloured by event type). Denied or negated claims are dashed, planned ones dotted. Hover over an edge to read the evidence sentences in the language of the article; filter by date range and by actor with the controls above the picture, and click the legend to hide an event type. Everything is inlined: the view works offline, with no script loaded from a CDN. The same page is written by `graphbuild viz OUT --out view.html`."),
 ("code", setup),
 ("code", '''import html

from IPython.display import HTML, display

from graphbuild.export.html_view import render_html, view_data
from graphbuild.graph.records import read_records

graph = read_records(OUT)
page = render_html(graph, title="graphbuild network")
data = view_data(graph)
print(f"{len(data['nodes'])} actors and {len(data['edges'])} typed edges drawn")
# An iframe keeps the page's script and style apart from the notebook's own.
display(HTML(f'<div><iframe srcdoc="{html.escape(page)}" style="width:100%;height:720px;border:0"></iframe></div>'))'''),
 ("md", "## Edges shown differently\n\nThe edges of denied and negated events, which the picture draws dashed:"),
 ("code", '''import pandas as pd

edges = pd.DataFrame(data["edges"])
edges[edges["mode"].isin(["denied", "negated"])][["source", "type", "target", "mode", "date"]]'''),
], NOTEBOOKS / "network.ipynb")

nb([
 ("md", "# Asking Neo4j\n\nThis notebook connects to Neo4j with the official driver, pushes the built graph (idempotent: pushing again changes nothing) and runs every analyst question in `queries/` as Cypher, showing each answer as a table, then draws the accusation network. Set `NEO4J_URI`, `NEO4J_USER` and `NEO4J_PASSWORD` in the environment before starting Jupyter; nothing secret is stored here."),
 ("code", setup + '''

NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://localhost:7687")
NEO4J_USER = os.environ.get("NEO4J_USER", "neo4j")
NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD")
assert NEO4J_PASSWORD, "set NEO4J_PASSWORD in the environment"'''),
 ("code", '''from graphbuild.graph.records import read_records
from graphbuild.stores.neo4j_store import push_graph

report = push_graph(read_records(OUT), NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
print(report)'''),
 ("code", PARAMS_CELL),
 ("code", '''import pandas as pd
from IPython.display import display

from graphbuild.queries import run_cypher

answers = {}
for info in list_queries():
    rows = run_cypher(info.name, PARAMS.get(info.name, {}), NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
    answers[info.name] = pd.DataFrame(rows)
    print(f"## {info.name}: {info.question} -> {len(rows)} rows")
    display(answers[info.name].head(10))'''),
 ("md", "## The accusation network as a picture"),
 ("code", '''import matplotlib.pyplot as plt
import networkx as nx
from neo4j import GraphDatabase

with GraphDatabase.driver(NEO4J_URI, auth=(NEO4J_USER, NEO4J_PASSWORD)) as driver:
    records, _, _ = driver.execute_query(
        "MATCH (a:Actor)-[r:ACCUSED|DENIED|THREATENED|SANCTIONED|ATTACKED]->(b:Actor) "
        "RETURN a.label AS source, type(r) AS type, b.label AS target")
hostile = nx.DiGraph()
for record in records:
    hostile.add_edge(record["source"], record["target"], type=record["type"])
fig, ax = plt.subplots(figsize=(8, 5))
pos = nx.spring_layout(hostile, seed=3)
nx.draw_networkx(hostile, pos, ax=ax, node_color="#f4c7c3", font_size=9, arrows=True)
nx.draw_networkx_edge_labels(hostile, pos, edge_labels=nx.get_edge_attributes(hostile, "type"), font_size=7, ax=ax)
ax.set_title("Accusations, denials, threats, sanctions and attacks")
ax.axis("off")
plt.show()
print(f"{hostile.number_of_edges()} hostile edges between {hostile.number_of_nodes()} actors")'''),
], NOTEBOOKS / "cypher.ipynb")

nb([
 ("md", "# Asking the SPARQL endpoint\n\nThis notebook queries the SPARQL 1.1 endpoint that `graphbuild serve OUT` starts (Oxigraph) with the `.rq` twins of the Cypher questions in `queries/`, and shows each answer as a table. Set `SPARQL_ENDPOINT` (default `http://127.0.0.1:7878/query`) and `GRAPHBUILD_OUT` (the directory that endpoint serves, default `../out`)."),
 ("code", setup + '''

SPARQL_ENDPOINT = os.environ.get("SPARQL_ENDPOINT", "http://127.0.0.1:7878/query")'''),
 ("code", PARAMS_CELL),
 ("code", '''import pandas as pd
from IPython.display import display

from graphbuild.queries import run_sparql

answers = {}
for info in list_queries():
    rows = run_sparql(info.name, PARAMS.get(info.name, {}), SPARQL_ENDPOINT)
    answers[info.name] = pd.DataFrame(rows)
    print(f"## {info.name}: {info.question} -> {len(rows)} rows")
    display(answers[info.name].head(10))'''),
 ("md", "## A raw SPARQL question\n\nThe direct \"truthy\" edges sit beside each event resource, so a plain triple pattern finds who visited whom:"),
 ("code", '''import json
import urllib.parse
import urllib.request

query = """
PREFIX gb: <https://w3id.org/graphbuild/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?visitor ?host WHERE {
  ?v gb:visited ?h .
  ?v skos:prefLabel ?visitor .
  ?h skos:prefLabel ?host .
}"""
request = urllib.request.Request(SPARQL_ENDPOINT, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
with urllib.request.urlopen(request) as response:
    bindings = json.load(response)["results"]["bindings"]
pd.DataFrame([{k: v["value"] for k, v in b.items()} for b in bindings])'''),
], NOTEBOOKS / "sparql.ipynb")
