"""`graphbuild` command line.

Exit codes: 0 success, 1 partial failure (some inputs could not be used) or a failed
command, 2 bad usage.  Errors are one line naming the file or server; --verbose shows the
trace.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from graphbuild import __version__
from graphbuild.cli.console import error_line, literal, progress_bar, stderr, stdout, summary_table, warning_line
from graphbuild.cli.kb_command import kb as kb_group
from graphbuild.export import is_output_entry
from graphbuild.export.output_folder import OutputFolder

if TYPE_CHECKING:
    from graphbuild.graph.knowledge_graph import KnowledgeGraph

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """An expected failure with a message for the user (file, server, input)."""


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected failures into one clear line (and a trace with --verbose)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.obj.get("verbose"):
                stderr.print_exception()
            error_line(str(exc) or exc.__class__.__name__)
            ctx.exit(EXIT_PARTIAL)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="graphbuild")
@click.option("--verbose", "-v", is_flag=True, help="Show full tracebacks on errors.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars or summaries.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """Build a knowledge graph of geopolitical events from Kazakh, Russian and English news.

    \b
    Example:
      graphbuild build examples/ --out out/
      graphbuild stats out/
    """
    ctx.ensure_object(dict)
    ctx.obj.update(verbose=verbose, quiet=quiet)


def _print_summary(ctx: click.Context, stats: dict[str, Any], warnings: list[str], errors: int,
                   title: str) -> None:
    if ctx.obj.get("quiet"):
        return
    for warning in warnings[:20]:
        warning_line(warning)
    if len(warnings) > 20:
        warning_line(f"... and {len(warnings) - 20} more (see warnings.jsonl)")
    stderr.print(summary_table(stats, len(warnings), errors, title))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output directory (created if needed; replaced as a whole).")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Existing output directory to add the inputs' documents to (instead of --out).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra knowledge-base JSONL file(s) with your own actors.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Run extraction on Dask: 'local' (a local cluster of --jobs workers) or a scheduler address.")
@click.option("--corrections", "corrections", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file of corrections to apply (docs/corrections.md).")
@click.option("--spill", is_flag=True,
              help="Keep the merged graph on disk (a scratch SQLite file beside --out, removed at the end) "
                   "instead of in memory, so memory stays flat however many articles: for corpora larger "
                   "than memory. Same output files, byte for byte; slower. Not with --into.")
@click.pass_context
@_handle_errors
def build(ctx: click.Context, inputs: tuple[str, ...], out: Path | None, into: Path | None,
          kb_files: tuple[Path, ...], jobs: int, dask: str | None, corrections: Path | None,
          spill: bool) -> None:
    """Extract actors and events from articles (.txt, .html, .jsonl, folders, globs, - for stdin).

    \b
    Example:
      graphbuild build examples/ --out out/
      graphbuild build 'news/*.html' feed.jsonl --out out/ --jobs 2
      graphbuild build corpus/ --out out/ --dask tcp://scheduler:8786
      graphbuild build examples/ --out out/ --corrections corrections.yaml
      graphbuild build todays_news/ --into out/     # add to an existing output
      graphbuild build corpus/ --out out/ --spill   # a corpus larger than memory
    """
    from graphbuild.api import build_result, write_into
    from graphbuild.ingest import read_stdin
    from graphbuild.pipeline import frozen_build

    if (out is None) == (into is None):
        raise click.UsageError("give either --out DIR (a new build) or --into DIR (add to an existing output)")
    if spill and into is not None:
        raise click.UsageError("--spill builds a new output: use it with --out, not --into")
    target = out if out is not None else into
    assert target is not None
    with OutputFolder(target, is_output_entry) as folder, frozen_build(), \
            (folder.scratch() if spill else contextlib.nullcontext()) as scratch:
        # locked from the start: a second build fails at once
        held = _existing_output(into) if into is not None else None
        before = set(held.documents) if held is not None else set()
        stdin_data = read_stdin() if "-" in inputs else None
        with progress_bar("build", None, "articles", ctx.obj["quiet"]) as advance:
            result = build_result(list(inputs), kb=kb_files, jobs=jobs, dask=dask, corrections=corrections,
                                  stdin_text=stdin_data, skip=folder.path,
                                  on_document=lambda _source, ok: advance() if ok else None,
                                  on_read=advance.set_total, into=held, spill=scratch)
        for source, document in result.already_held:
            warning_line(f"{source}: already in {target} as {document}; not added again")
        for error in result.errors:
            error_line(f"{error.source}: {error.message}")
        if not result.graph.documents:
            raise CommandError("no document could be read; nothing written")
        if held is not None and not set(result.graph.documents) - before:
            if not ctx.obj["quiet"]:
                stderr.print(literal(f"{target}: no new document; left as it was"))
            ctx.exit(EXIT_PARTIAL if result.errors else EXIT_OK)
        write_into(folder, result.graph, jobs=jobs)
        stats = result.graph.stats()  # while a spilled graph's scratch folder is there
    _print_summary(ctx, stats, result.warnings, len(result.errors), f"built {target}")
    ctx.exit(EXIT_PARTIAL if result.errors else EXIT_OK)


def _check_output(directory: Path) -> None:
    """One clear line when ``directory`` is not an output folder a build made."""
    if not (directory / "documents.jsonl").is_file():
        what = "does not exist" if not directory.exists() else "is not a graphbuild output (no documents.jsonl)"
        raise CommandError(f"{directory}: {what}; build it first with --out")


def _existing_output(directory: Path) -> KnowledgeGraph:
    """The graph of an output folder that must exist (one clear line when it does not or is broken)."""
    from graphbuild.api import load as load_graph

    _check_output(directory)
    return load_graph(directory)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Existing output directory to add the articles to (build it first with --out).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra knowledge-base JSONL file(s): the ones the output was built with.")
@click.option("--interval", default=10.0, show_default=True, type=click.FloatRange(0.1, None),
              help="Seconds between two looks at DIRECTORY.")
@click.option("--once", is_flag=True, help="Look once, add every article file not yet added, and stop (for cron).")
@click.pass_context
@_handle_errors
def watch(ctx: click.Context, directory: Path, into: Path, kb_files: tuple[Path, ...], interval: float,
          once: bool) -> None:
    """Add article files to an output folder as they arrive in DIRECTORY (polling), one line per file.

    A file is added once it has not changed for one interval (a file still being written waits for
    the next look); a file whose article the output holds already is said so and skipped; a file
    that changes later is read again. Ctrl-C stops.

    \b
    Example:
      graphbuild watch incoming/ --into out/ --interval 30
      graphbuild watch incoming/ --into out/ --once      # one look, e.g. from cron
    """
    from graphbuild.ingest.readers import article_files

    _check_output(into)

    def stamps() -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        for path in article_files(directory, skip=into):
            with contextlib.suppress(FileNotFoundError):  # removed since it was listed
                stat = path.stat()
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    previous: dict[Path, tuple[int, int]] = {}
    added: set[tuple[Path, tuple[int, int]]] = set()
    failed = False
    try:
        while True:
            current = stamps()
            ready = [p for p, stamp in current.items()
                     if (once or previous.get(p) == stamp) and (p, stamp) not in added]
            if ready:
                failed = _add_files(ready, into, kb_files) or failed
                added.update((p, current[p]) for p in ready)
            if once:
                break
            previous = current
            time.sleep(interval)
    except KeyboardInterrupt:
        return
    ctx.exit(EXIT_PARTIAL if failed else EXIT_OK)


def _add_files(files: list[Path], into: Path, kb_files: tuple[Path, ...]) -> bool:
    """``build FILES --into INTO`` with one line per file (as it happens, with the time); True when
    some file could not be read."""
    from graphbuild.api import build_result, write_into

    def log(line: str) -> None:
        # Plain echo: a log line stays one line (rich would wrap it) for tail -f and grep.
        click.echo(f"{datetime.now().strftime('%H:%M:%S')} {line}", err=True)

    with OutputFolder(into, is_output_entry) as folder:
        graph = _existing_output(into)
        before = set(graph.documents)
        result = build_result([str(p) for p in files], kb=kb_files, skip=folder.path, into=graph)
        new = [graph.documents[d] for d in sorted(set(graph.documents) - before)]
        if new:
            write_into(folder, graph)
    for doc in sorted(new, key=lambda d: d.source):
        told = sum(1 for e in graph.events.values() if doc.id in e.documents)
        log(f"{doc.source}: added to {into} as {doc.id} ({told} events tell it)")
    for source, document in result.already_held:
        log(f"{source}: already in {into} as {document}; skipped")
    for error in result.errors:
        log(f"{error.source}: not added: {error.message}")
    return bool(result.errors)


@cli.command()
@click.argument("records", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.pass_context
@_handle_errors
def load(ctx: click.Context, records: tuple[Path, ...], out: Path) -> None:
    """Build the graph from record directories (documents/entities/events JSONL) made elsewhere.

    Every line is checked first: a bad line names its file and line and nothing is written.

    \b
    Example:
      graphbuild load my_records/ --out out/
    """
    from graphbuild.api import load as load_graph
    from graphbuild.api import write_into

    with OutputFolder(out, is_output_entry) as folder:
        with progress_bar("load", None, "records", ctx.obj["quiet"]) as advance:
            graph = load_graph(records, progress=advance)
        write_into(folder, graph)
    _print_summary(ctx, graph.stats(), [], 0, f"loaded into {out}")


def _neo4j_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--neo4j-uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True),
        click.option("--neo4j-user", envvar="NEO4J_USER", default="neo4j", show_default=True),
        click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default=None,
                     help="Password (or NEO4J_PASSWORD)."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name (default: server's)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_neo4j_options
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--verify", is_flag=True,
              help="Write nothing: check that every node and relationship of DIRECTORY is in Neo4j.")
@click.option("--full", is_flag=True,
              help="Write everything, not only what changed since the last push (e.g. into a wiped database).")
@click.pass_context
@_handle_errors
def push(ctx: click.Context, directory: Path, neo4j_uri: str, neo4j_user: str, neo4j_password: str | None,
         database: str | None, batch_size: int, verify: bool, full: bool) -> None:
    """Write a built graph into Neo4j (idempotent: pushing twice changes nothing; a push that was
    stopped is completed by pushing again, and no event is ever left without its relationships).

    The first push writes everything; later pushes of the same folder to the same server and
    database send only what changed since (recorded in DIRECTORY/.neo4j-pushed/): new and changed
    nodes and relationships are written, those no longer in DIRECTORY deleted.

    \b
    Example:
      NEO4J_PASSWORD=secret graphbuild push out/ --neo4j-uri bolt://localhost:7687
      NEO4J_PASSWORD=secret graphbuild push out/ --verify
      NEO4J_PASSWORD=secret graphbuild push out/ --full   # the database was wiped
    """
    from graphbuild.api import load as load_graph
    from graphbuild.api import push as push_graph
    from graphbuild.stores.neo4j_changes import change_graph
    from graphbuild.stores.neo4j_store import verify_graph
    from graphbuild.stores.push_record import last_pushed, record_push

    if neo4j_password is None:
        raise click.UsageError("no Neo4j password: pass --neo4j-password or set NEO4J_PASSWORD")
    graph = load_graph(directory)
    if verify:
        gaps = verify_graph(graph, neo4j_uri, neo4j_user, neo4j_password, database=database)
        if gaps:
            raise CommandError(f"Neo4j at {neo4j_uri} lacks part of {directory} ({'; '.join(gaps)}); "
                               "push again to complete it")
        if not ctx.obj["quiet"]:
            stderr.print(literal(f"verified: Neo4j at {neo4j_uri} holds every node and relationship of "
                                 f"{directory}"))
        return
    # Only a folder a build wrote (write_contract always leaves corrections.json) keeps a record:
    # record folders made elsewhere, test data among them, are pushed whole and left untouched.
    keep_record = (directory / "corrections.json").is_file() and all(is_output_entry(p.name)
                                                                      for p in directory.iterdir())
    # Locked: no build swaps the folder while its record changes.
    with OutputFolder(directory, is_output_entry) if keep_record else contextlib.nullcontext():
        previous = last_pushed(directory, neo4j_uri, database) if keep_record and not full else None
        if previous is not None:
            changes = change_graph(previous, graph, neo4j_uri, neo4j_user, neo4j_password, database=database,
                                   batch_size=batch_size)
            summary = f"changes since the last push: {changes}"
        else:
            with progress_bar("push", None, "rows", ctx.obj["quiet"]) as advance:
                summary = str(push_graph(graph, neo4j_uri, neo4j_user, neo4j_password, database=database,
                                         batch_size=batch_size, progress=advance))
        if keep_record:
            record_push(directory, graph, neo4j_uri, database)
    if not ctx.obj["quiet"]:
        stderr.print(literal(f"pushed to {neo4j_uri}: {summary}"))


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.argument("document_ids", nargs=-1, required=True, metavar="DOC_ID...")
@click.option("--neo4j-uri", default=None, metavar="URI",
              help="Also remove them from this Neo4j (which holds OUT, pushed earlier).")
@click.option("--neo4j-user", envvar="NEO4J_USER", default="neo4j", show_default=True)
@click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default=None, help="Password (or NEO4J_PASSWORD).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name (default: server's).")
@click.option("--sparql-update", "sparql_update", default=None, metavar="URL",
              help="Also remove them from the SPARQL store behind this update endpoint (which holds OUT's "
                   "graph.trig), e.g. http://127.0.0.1:7878/update of `graphbuild serve OUT --read-write`.")
@click.pass_context
@_handle_errors
def retract(ctx: click.Context, out: Path, document_ids: tuple[str, ...], neo4j_uri: str | None, neo4j_user: str,
            neo4j_password: str | None, database: str | None, sparql_update: str | None) -> None:
    """Take articles out of an output folder (and the stores): their tellings go, and the events,
    actors and roles that no remaining article tells or mentions.

    \b
    Example:
      graphbuild retract out/ doc:0123456789abcdef
      graphbuild retract out/ doc:0123456789abcdef --neo4j-uri bolt://localhost:7687 \\
          --sparql-update http://127.0.0.1:7878/update
    """
    import copy

    from graphbuild.api import write_into
    from graphbuild.graph.retraction import UnknownDocumentError, retract_documents

    if neo4j_uri is not None and neo4j_password is None:
        raise click.UsageError("no Neo4j password: pass --neo4j-password or set NEO4J_PASSWORD")
    with OutputFolder(out, is_output_entry) as folder:
        graph = _existing_output(out)
        before = copy.deepcopy(graph)
        try:
            done = retract_documents(graph, document_ids)
        except UnknownDocumentError as exc:
            raise CommandError(f"{out}: {exc}") from None
        # The stores first: should one fail, OUT still lists the articles and retracting again finishes.
        notes = [f"retracted from {out}: {done}"]
        if neo4j_uri is not None:
            from graphbuild.stores.neo4j_changes import change_graph
            from graphbuild.stores.push_record import last_pushed

            assert neo4j_password is not None
            held = last_pushed(out, neo4j_uri, database) or before  # what that database holds
            changes = change_graph(held, graph, neo4j_uri, neo4j_user, neo4j_password, database=database)
            notes.append(f"Neo4j at {neo4j_uri}: {changes}")
        if sparql_update is not None:
            from graphbuild.stores.sparql_changes import change_store

            notes.append(f"SPARQL store at {sparql_update}: {change_store(before, graph, sparql_update)}")
        write_into(folder, graph)
        if neo4j_uri is not None:
            from graphbuild.stores.push_record import record_push

            record_push(out, graph, neo4j_uri, database)
    if not ctx.obj["quiet"]:
        for note in notes:
            stderr.print(literal(note))


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--bind", default="127.0.0.1:7878", show_default=True, help="Address and port to listen on.")
@click.option("--read-write", is_flag=True, help="Allow SPARQL updates (read-only by default).")
@click.option("--allow-federation", is_flag=True,
              help="Allow federated queries (SERVICE), which make the server fetch URLs given in a query.")
@click.pass_context
@_handle_errors
def serve(ctx: click.Context, directory: Path, bind: str, read_write: bool, allow_federation: bool) -> None:
    """Serve the RDF export of DIRECTORY as a SPARQL 1.1 endpoint (Oxigraph).

    \b
    Example:
      graphbuild serve out/ --bind 127.0.0.1:7878
    """
    from graphbuild.stores.oxigraph_store import serve as serve_store

    handle = serve_store(directory, bind=bind, read_only=not read_write,
                         allow_federation=allow_federation)  # prints the endpoint
    try:
        code = handle.wait()
    except KeyboardInterrupt:
        handle.stop()
        return
    handle.stop()
    if code != 0:
        raise CommandError(f"the SPARQL server on {bind} stopped (exit code {code}); see {handle.server.log}")


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (repeatable).")
@click.option("--sparql", "sparql", default=None, metavar="URL",
              help="SPARQL endpoint to ask instead of Neo4j (e.g. http://127.0.0.1:7878/query).")
@_neo4j_options
@click.option("--list", "list_only", is_flag=True, help="List the available queries.")
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON lines.")
@click.pass_context
@_handle_errors
def query(ctx: click.Context, name: str | None, params: tuple[str, ...], sparql: str | None, neo4j_uri: str,
          neo4j_user: str, neo4j_password: str | None, database: str | None, list_only: bool,
          as_json: bool) -> None:
    """Run one of the analyst questions in queries/ against Neo4j or a SPARQL endpoint.

    \b
    Example:
      graphbuild query --list
      graphbuild query visits_to_country --param country=PRK --sparql http://127.0.0.1:7878/query
    """
    from rich.table import Table

    from graphbuild.queries import list_queries, run_cypher, run_sparql

    if list_only or not name:
        table = Table("name", "question", "parameters")
        for info in list_queries():
            table.add_row(info.name, literal(info.question), ", ".join(info.params))
        stdout.print(table)
        return
    values: dict[str, str] = {}
    for item in params:
        if "=" not in item:
            raise click.UsageError(f"--param {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        values[key] = value
    if sparql:
        rows = run_sparql(name, values, sparql)
    else:
        if neo4j_password is None:
            raise click.UsageError("no Neo4j password: pass --neo4j-password or set NEO4J_PASSWORD "
                                   "(or use --sparql URL)")
        rows = run_cypher(name, values, neo4j_uri, neo4j_user, neo4j_password)
    if as_json:
        for row in rows:  # JSON Lines: one compact object per line, for jq and friends
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
    for row in rows:
        table.add_row(*(literal(str(v)) for v in row.values()))
    stdout.print(table)


@cli.command(name="eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory of gold JSON files (one per article).")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_handle_errors
def evaluate_cmd(gold: Path, out: Path, as_json: bool) -> None:
    """Score a built output directory against gold annotations.

    \b
    Example:
      graphbuild build examples/ --out out/ && graphbuild eval --gold examples/gold out/
    """
    from graphbuild.evaluation import evaluate

    report = evaluate(gold, out)
    # Plain echo: rich would wrap long lines and read [brackets] in the text as markup.
    click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json else report.to_text())


@cli.command()
@click.argument("what", type=click.Choice(["kk-ner", "en-parser", "kk-parser"]))
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Training data folder (default: kk-ner ../shared/data/kaznerd, en-parser "
                   "../shared/data/ud, kk-parser ../shared/data/ud_kk_ktb).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Model file or folder to write (default: the shipped model's path).")
@_handle_errors
def train(what: str, data: Path | None, out: Path | None) -> None:
    """Train a shipped model from its data (reproducible; writes a JSON report beside it).

    \b
    Example:
      graphbuild train kk-ner --data ../shared/data/kaznerd
      graphbuild train en-parser        # about an hour on one core
      graphbuild train kk-parser        # 5-fold scores, then the model on all of KTB
    """
    if what == "kk-ner":
        from graphbuild.training import default_model_path, train_kk_ner

        report = train_kk_ner(data or Path("../shared/data/kaznerd"), out or default_model_path())
    elif what == "en-parser":
        from graphbuild.language.syntax.training import EN_DATA, train_en_parser

        report = train_en_parser(data or EN_DATA, out)
    else:
        from graphbuild.language.syntax.training import KK_DATA, train_kk_parser

        report = train_kk_parser(data or KK_DATA, out)
    stdout.print_json(json.dumps(report, default=str))


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
@_handle_errors
def stats(ctx: click.Context, directory: Path, as_json: bool) -> None:
    """Print the summary of an existing output directory.

    \b
    Example:
      graphbuild stats out/
    """
    from graphbuild.api import load as load_graph

    graph = load_graph(directory)
    warnings = graph.warnings
    summary = graph.stats()
    if as_json:
        stdout.print_json(json.dumps({**summary, "warnings": len(warnings)}))
        return
    stdout.print(summary_table(summary, len(warnings), 0, f"{directory}"))


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write.")
@click.option("--title", default=None, help="Page title (default: the directory name).")
@click.pass_context
@_handle_errors
def viz(ctx: click.Context, directory: Path, out: Path, title: str | None) -> None:
    """Write one self-contained HTML page with the interactive network (works offline).

    \b
    Example:
      graphbuild viz out/ --out view.html
    """
    from graphbuild.api import load as load_graph
    from graphbuild.export.html_view import write_view

    graph = load_graph(directory)
    write_view(graph, out, title or f"graphbuild: {directory.resolve().name}")
    if not ctx.obj["quiet"]:
        stderr.print(literal(f"wrote {out} ({len(graph.actors)} actors, {len(graph.events)} events)"))


cli.add_command(kb_group)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising SystemExit (handy in tests)."""
    try:
        code = cli.main(args=argv, prog_name="graphbuild", standalone_mode=False, obj={})
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_PARTIAL
    except click.Abort:
        error_line("aborted")
        return EXIT_PARTIAL
    return code if isinstance(code, int) else EXIT_OK


def console_main() -> None:
    exit_now(main())


def exit_now(code: int) -> NoReturn:
    """End the process without the interpreter's teardown, which frees every object one by one: after
    a build that is the models' and knowledge base's millions, about 0.9 of the 4 CPU seconds of a
    one-article build. Exit handlers still run and output is flushed; with another thread still
    running, or a profiler or tracer watching (`python -m cProfile -m graphbuild ...` writes its
    report after the command returns), the usual exit is taken instead."""
    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken pipe: nothing more to say anyway
            stream.flush()
    os._exit(code)
