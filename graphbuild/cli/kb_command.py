"""`graphbuild kb ...`: commands about the knowledge base itself."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
from rich.table import Table

from graphbuild.cli.console import error_line, stdout


@click.group()
def kb() -> None:
    """Check the knowledge base (the shipped one plus --kb files).

    \b
    Example:
      graphbuild kb check --stale-days 180
    """


@kb.command()
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra KB file (JSONL, the format of the shipped KB; repeatable).")
@click.option("--stale-days", default=None, type=click.IntRange(0, None), metavar="N",
              help="An open-ended role last checked more than N days ago is stale [default: 180].")
@click.option("--json", "as_json", is_flag=True, help="Print findings and counts as JSON.")
@click.option("--list", "list_kinds", multiple=True, metavar="KIND",
              help="Print the findings of this kind (repeatable). Default: the kinds that tolerate none and the "
                   "kinds over their tolerance; the counts always cover every kind.")
def check(kb_files: tuple[Path, ...], stale_days: int | None, as_json: bool, list_kinds: tuple[str, ...]) -> None:
    """List stale open-ended roles, overlapping holders of single-holder offices, records without QID or
    source and part_of cycles. Exit code 1 when a kind of finding exceeds its documented tolerance
    (graphbuild/data/kb/check_tolerance.tsv), 0 otherwise.

    \b
    Example:
      graphbuild kb check
      graphbuild kb check --kb my_people.jsonl --stale-days 90 --list stale-role
    """
    from graphbuild.entities.kb import KnowledgeBase
    from graphbuild.entities.kb_check import DEFAULT_STALE_DAYS, KINDS, check_kb, counts, over_tolerance, read_tolerance

    unknown = [k for k in list_kinds if k not in KINDS]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} (kinds: {', '.join(KINDS)})", param_hint="--list")
    ctx = click.get_current_context()
    try:
        knowledge = KnowledgeBase.load(list(kb_files) or None)
        tolerance = read_tolerance()
    except (ValueError, OSError) as exc:
        error_line(str(exc))
        ctx.exit(1)
    findings = check_kb(knowledge, date.today(), DEFAULT_STALE_DAYS if stale_days is None else stale_days)
    found = counts(findings)
    failing = over_tolerance(found, tolerance)
    listed = set(list_kinds) or {k for k in KINDS if tolerance.get(k, 0) == 0 or k in failing}
    shown = [f for f in findings if f.kind in listed]
    if as_json:
        stdout.print_json(json.dumps({"findings": [f.__dict__ for f in shown], "counts": found,
                                      "tolerance": tolerance, "over_tolerance": failing}))
    else:
        for finding in shown:
            click.echo(f"{finding.kind}\t{finding.subject}\t{finding.detail}")  # tab-separated, for grep and cut
        table = Table(title=f"knowledge base {knowledge.version}", header_style="bold")
        for column in ("finding", "count", "tolerance", ""):
            table.add_column(column, justify="right" if column in ("count", "tolerance") else "left")
        for kind in KINDS:
            table.add_row(kind, str(found[kind]), str(tolerance.get(kind, 0)),
                          "[red]over[/]" if kind in failing else "ok")
        stdout.print(table)
    if failing:
        error_line(f"above tolerance: {', '.join(failing)}")
        ctx.exit(1)


@kb.command()
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra KB file (JSONL, the format of the shipped KB; repeatable).")
@click.option("--ambiguous", is_flag=True, help="List the aliases that name more than one actor.")
@click.option("--missing-qid", "built", multiple=True, metavar="OUT_DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="List the people and organisations without a QID that this `graphbuild build` output names, "
                   "most documents first (repeatable).")
def stats(kb_files: tuple[Path, ...], ambiguous: bool, built: tuple[Path, ...]) -> None:
    """What the knowledge base holds: actors per kind, people with roles, aliases per language; optionally
    the ambiguous aliases and the actors whose QID is most worth looking up. A bad KB file is one line
    naming the file and line, exit code 1.

    \b
    Example:
      graphbuild kb stats --ambiguous
      graphbuild build examples/ --out out/ && graphbuild kb stats --missing-qid out/
    """
    from graphbuild.entities.kb import KnowledgeBase
    from graphbuild.entities.kb_summary import (
        alias_classes,
        ambiguous_aliases,
        kinds,
        missing_qids_by_documents,
        people_with_roles,
    )

    ctx = click.get_current_context()
    try:
        knowledge = KnowledgeBase.load(list(kb_files) or None)
        missing = missing_qids_by_documents(knowledge, list(built)) if built else []
    except ValueError as exc:
        error_line(str(exc))
        ctx.exit(1)
    click.echo(f"KB version {knowledge.version}: {len(knowledge)} actors "
               + ", ".join(f"{kind} {n}" for kind, n in kinds(knowledge).items()))
    click.echo(f"people with roles: {people_with_roles(knowledge)}")
    for lang, classes in alias_classes(knowledge).items():
        click.echo(f"aliases[{lang}]: " + ", ".join(f"{c} {n}" for c, n in classes.items()))
    if ambiguous:
        for alias, ids in ambiguous_aliases(knowledge):
            click.echo(f"{alias} -> {', '.join(ids)}")
    for actor_id, label, documents in missing:
        click.echo(f"missing-qid\t{actor_id}\t{label}\t{documents}")  # tab-separated, for sort and cut
