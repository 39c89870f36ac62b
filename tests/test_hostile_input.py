"""Hostile and broken input (issue 12): one bad record is one error line naming it and the rest is
built; work is bounded (size limits say what they cut); only regular files are read; metadata is
checked; error text is printed literally."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.ingest import IngestError, IngestWarning, read_inputs
from graphbuild.limits import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, MAX_SENTENCE_TOKENS
from graphbuild.model import Document
from graphbuild.pipeline import build_graph

ARTICLE = ("Russian President Vladimir Putin visited Pyongyang on Tuesday and met North Korean leader "
           "Kim Jong Un to discuss military cooperation.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, input=stdin,
                          timeout=600)


def error_lines(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode("utf-8").splitlines() if line.startswith("error:")]


def items(*inputs: str, **kwargs: object) -> tuple[list[Document], list[IngestError], list[IngestWarning]]:
    found = list(read_inputs(list(inputs), **kwargs))  # type: ignore[arg-type]
    return ([i for i in found if isinstance(i, Document)], [i for i in found if isinstance(i, IngestError)],
            [i for i in found if isinstance(i, IngestWarning)])


@pytest.fixture
def hostile_jsonl(tmp_path: Path) -> Path:
    """One good line, then lines that once aborted the whole build, then another good line."""
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://a.example/1"}),
        '{"text": "' + ARTICLE + ' \\ud800"}',  # a lone surrogate: valid JSON, not encodable text
        "[" * 100_000 + "]" * 100_000,  # deeper than any JSON reader recurses
        json.dumps({"text": ARTICLE + " Again.", "lang": "en\u0000"}),
        json.dumps({"text": ARTICLE + " Once more.", "lang": "xx"}),
        json.dumps({"text": ARTICLE + " And more.", "lang": ["en"], "title": {"a": 1}}),
        json.dumps({"text": ARTICLE + " Last.", "published": "2024-13-45"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_bad_jsonl_line_is_one_error_naming_it_and_the_rest_is_read(hostile_jsonl: Path) -> None:
    docs, errors, warnings = items(str(hostile_jsonl))
    assert [d.source for d in docs] == [f"{hostile_jsonl}#L{n}" for n in (1, 6, 7)]
    by_line = {e.source.rsplit("#L", 1)[1]: e.message for e in errors}
    assert set(by_line) == {"2", "3", "4", "5"}
    assert "lone surrogate" in by_line["2"]
    assert "nested too deeply" in by_line["3"]
    assert "not a language code" in by_line["4"] and "unsupported language 'xx'" in by_line["5"]
    messages = [str(w) for w in warnings]
    assert f"{hostile_jsonl}#L6: lang is list, not text; ignored" in messages
    assert f"{hostile_jsonl}#L6: title is dict, not text; ignored" in messages
    assert f"{hostile_jsonl}#L7: published '2024-13-45' is not a date; ignored" in messages
    assert docs[2].published is None and docs[1].lang == "en"


@pytest.mark.parametrize(("given", "kept"), [
    ("2023-08-31", "2023-08-31"), ("2023-09-14T08:05:00Z", "2023-09-14T08:05:00Z"),
    ("2023-07-13T11:20:00+06:00", "2023-07-13T11:20:00+06:00"), ("31.08.2023", "2023-08-31"),
    ("Wed, 30 Aug 2023 10:00:00 +0000", "2023-08-30"), ("not a date", None), ("2024-02-30", None),
])
def test_published_becomes_an_iso_date_or_is_dropped_with_a_warning(tmp_path: Path, given: str,
                                                                      kept: str | None) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "published": given}) + "\n", encoding="utf-8")
    [doc], errors, warnings = items(str(path))
    assert errors == [] and doc.published == kept
    assert bool(warnings) == (kept is None)


def test_fifos_and_devices_are_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    docs, errors, _ = items(str(fifo), "/dev/zero")
    assert docs == []
    assert [(e.source, e.message) for e in errors] == [
        (str(fifo), "not a regular file (a FIFO); only files are read"),
        ("/dev/zero", "not a regular file (a character device); only files are read")]


def test_input_larger_than_the_read_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    docs, [error], _ = items(str(path))
    assert docs == [] and "input limit" in error.message


def test_binary_stdin_is_one_error_line_not_a_traceback(tmp_path: Path) -> None:
    result = run("build", "-", "--out", str(tmp_path / "out"), stdin=b"\x00\x01\x02\xff\xfe binary")
    assert result.returncode == 1
    assert error_lines(result.stderr)[0] == "error: -: binary file, not text"
    assert b"Traceback" not in result.stderr
    docs, [error], _ = items("-", stdin_text=b"\xff\xfe\x00\xd8")  # UTF-16 mark, then a lone surrogate
    assert docs == [] and "cannot decode" in error.message


def test_error_text_is_printed_literally_never_as_markup(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]x["
    folder.mkdir()
    bad = folder / "].txt"  # the path reads "[bold]x[/].txt"
    bad.write_bytes(b"\x00\x01 not text")
    result = run("build", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert error_lines(result.stderr)[0] == f"error: {tmp_path}/[bold]x[/].txt: binary file, not text"


def test_output_folder_inside_an_input_folder_is_not_read_back(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "out").mkdir(parents=True)
    (corpus / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "out" / "documents.jsonl").write_text(json.dumps({"text": ARTICLE + " Read back."}) + "\n",
                                                    encoding="utf-8")
    docs, errors, [warning] = items(str(corpus), skip=corpus / "out")
    assert [d.source for d in docs] == [str(corpus / "article.txt")] and errors == []
    assert "skipped the output folder" in warning.message


def test_a_failure_inside_one_document_is_one_error_and_the_others_are_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graphbuild.pipeline as pipeline

    original = pipeline.process_document

    def fails_on_one(doc: Document, kb_files: tuple[str, ...] = ()) -> pipeline.DocumentResult:
        if "Lukashenko" in doc.text:
            raise ValueError("an extraction bug met on this document")
        return original(doc, kb_files)

    monkeypatch.setattr(pipeline, "process_document", fails_on_one)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Alexander Lukashenko met Vladimir Putin in Minsk on Friday.", encoding="utf-8")
    result = build_graph([str(tmp_path)])
    assert [d.source for d in result.graph.documents.values()] == [str(tmp_path / "a.txt")]
    assert [(e.source, e.message) for e in result.errors] == [
        (str(tmp_path / "b.txt"), "extraction failed: ValueError: an extraction bug met on this document")]


def test_long_repetitive_text_and_a_huge_sentence_finish_and_say_what_was_cut(tmp_path: Path) -> None:
    """1 MB of repetitive text and a 20,000-token sentence (timing: bench/hostile_input.py)."""
    repetitive = tmp_path / "repetitive.txt"
    repetitive.write_text("Russia and China signed an agreement in Moscow. Putin met Xi Jinping. " * 15_000,
                          encoding="utf-8")
    long_sentence = tmp_path / "sentence.txt"
    long_sentence.write_text("Russia said " + "1 " * 20_000 + "ok.", encoding="utf-8")
    assert repetitive.stat().st_size > 1_000_000
    out = tmp_path / "out"
    result = run("--quiet", "build", str(repetitive), str(long_sentence), "--out", str(out))
    assert result.returncode == 0, result.stderr
    warnings = [json.loads(line)["warning"] for line in (out / "warnings.jsonl").read_text().splitlines()]
    assert any(w.startswith(f"{repetitive}: article text cut") and f"{MAX_ARTICLE_CHARS:,}" in w for w in warnings)
    assert any(w.startswith(f"{long_sentence}: sentence") and f"first {MAX_SENTENCE_TOKENS} tokens" in w
               for w in warnings), warnings
    events = (out / "events.jsonl").read_text(encoding="utf-8")
    assert '"AGREE"' in events or '"MEET"' in events  # the kept part was still read


@pytest.mark.parametrize("value", ['line\nbreak and "quote"', 'ends in a quote"', "back\\slash", "'''\"\"\""])
def test_string_query_parameters_stay_one_literal(examples_sparql: str, value: str) -> None:
    from graphbuild.queries import list_queries, run_sparql

    asked = [(info.name, name) for info in list_queries() for name, kind in info.params.items() if kind == "string"]
    assert asked
    for query_name, param in asked:
        others = {name: "PRK" for name in next(i for i in list_queries() if i.name == query_name).params}
        assert run_sparql(query_name, {**others, param: value}, examples_sparql) == []  # parsed, matched nothing


def test_rdf_work_per_document_does_not_grow_with_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many documents naming the same actors (counted in IRIs made, not timed: bench/rdf_scaling.py)."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "bench"))
    from rdf_scaling import synthetic_graph

    import graphbuild.export.rdf as rdf

    made: list[int] = [0]
    original = rdf.iri

    def counted(identifier: str) -> object:
        made[0] += 1
        return original(identifier)

    monkeypatch.setattr(rdf, "iri", counted)
    cost = {}
    for documents in (40, 80):
        made[0] = 0
        rdf.graph_to_rdflib(synthetic_graph(documents))
        cost[documents] = made[0]
    assert cost[80] <= 2.2 * cost[40], cost
