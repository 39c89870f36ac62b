"""Turn user inputs (files, folders, globs, stdin) into clean Documents or clear errors.

Bad input never stops the run: each problem becomes an :class:`IngestError` naming its source and
the other inputs are still read.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphbuild.ids import document_id
from graphbuild.ingest.boilerplate import Cleaned, clean_text_report, normalise_line
from graphbuild.ingest.html import HtmlArticle, extract_html
from graphbuild.ingest.langid import UNDETERMINED, analyse_languages
from graphbuild.ingest.metadata import checked_published, text_field
from graphbuild.language import SUPPORTED_LANGUAGES
from graphbuild.limits import MAX_ARTICLE_CHARS, MAX_HTML_CHARS, MAX_INPUT_BYTES, MAX_JSONL_LINE_CHARS
from graphbuild.model import Document

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
ENCODINGS = ("utf-8", "cp1251")
STDIN = "-"
# JSONL field names: the contract's name first, then names scrapers commonly use for it.
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "html": ("html", "raw_html"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datetime"),
    "outlet": ("outlet", "site", "sitename", "site_name"),
    "lang": ("lang", "language"),
}
_SNIFF = 8192
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
# Words mixing case oddly ("пРИВЕТ") or scripts ("Mьller") betray a wrong decoding.
_WORD = re.compile(r"[^\W\d_]{2,}")
_GARBLED_SHARE = 0.2
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class _SourceNote:
    source: str  # the input as given, "file#Lline" for a JSONL line
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class IngestError(_SourceNote):
    """An input that could not be read; the other inputs are."""


@dataclass(frozen=True)
class IngestWarning(_SourceNote):
    """Something read but changed or dropped (text cut at a limit, a bad date): the document is kept."""


IngestResult = Document | IngestError | IngestWarning


class _BadInputError(Exception):
    pass


def article_files(folder: Path, skip: Path | None = None) -> list[Path]:
    """The article files of a folder and its subfolders, sorted: only known article types (a folder
    holds articles among other things: notes, gold files), no hidden ones, none inside ``skip``."""
    return sorted((
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not (skip is not None and _inside(p, skip))
    ), key=str)  # the order of their names as text, which fixes the order documents are merged in


def read_inputs(inputs: list[str], *, stdin_text: str | bytes | None = None,
                skip: Path | None = None) -> Iterator[IngestResult]:
    """Documents (or errors and warnings) for each input: .txt, .html/.htm, .jsonl, folders, globs, "-".

    ``stdin_text`` is what stdin held (read now if None); bytes get the checks a file's bytes get.
    ``skip`` is a folder never read from (the build's own output folder when it sits in an input).
    """
    for given in inputs:
        if given == STDIN:
            yield from _from_stdin(read_stdin() if stdin_text is None else stdin_text)
            continue
        for source in _expand(given, skip):
            if isinstance(source, IngestError | IngestWarning):
                yield source
            else:
                yield from _read_file(source)


def read_stdin() -> bytes:
    """At most MAX_INPUT_BYTES + 1 bytes of stdin, undecoded (decoding is checked like a file's)."""
    return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)


def _expand(given: str, skip: Path | None = None) -> Iterator[str | IngestError | IngestWarning]:
    path = Path(given)
    if path.is_dir():
        skipped = _inside(skip, path)
        if skipped:
            yield IngestWarning(given, f"skipped the output folder {skip} inside it")
        found = [str(p) for p in article_files(path, skip if skipped else None)]
        if not found:
            yield IngestError(given, f"folder contains no article files ({', '.join(ARTICLE_SUFFIXES)})")
        yield from found
    elif path.exists():
        yield given
    elif glob.has_magic(given):
        matches = sorted(m for m in glob.glob(given, recursive=True) if os.path.isfile(m))
        if not matches:
            yield IngestError(given, "no files match this pattern")
        yield from matches
    else:
        yield IngestError(given, "no such file or folder")


def _inside(inner: Path | None, outer: Path) -> bool:
    """Whether ``inner`` is ``outer`` or lies somewhere below it."""
    if inner is None:
        return False
    inner, outer = inner.resolve(), outer.resolve()
    return inner == outer or outer in inner.parents


def _read_file(source: str) -> Iterator[IngestResult]:
    try:
        text = decode(_read_bytes(source))
    except _BadInputError as exc:
        yield IngestError(source, str(exc))
        return
    except OSError as exc:
        yield IngestError(source, f"cannot read file: {exc.strerror or exc}")
        return
    suffix = Path(source).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(source, text)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        yield from _guard(source, _from_html, source, text)
    else:
        yield from _guard(source, _from_text, source, text)


def _read_bytes(source: str) -> bytes:
    """The bytes of a regular file, at most MAX_INPUT_BYTES; FIFOs, devices and sockets are refused."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the check below then refuses it.
    fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _BadInputError(f"not a regular file ({_file_kind(mode)}); only files are read")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    finally:
        os.close(fd)
    return _within_input_limit(data)


def _within_input_limit(data: bytes) -> bytes:
    if len(data) > MAX_INPUT_BYTES:
        raise _BadInputError(f"larger than the {MAX_INPUT_BYTES // 2**20} MB input limit; split it into "
                             "smaller files")
    return data


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a file"


def _from_stdin(data: str | bytes) -> Iterator[IngestResult]:
    try:
        text = decode(_within_input_limit(data)) if isinstance(data, bytes) else data
    except _BadInputError as exc:
        yield IngestError(STDIN, str(exc))
        return
    if not text.strip():
        yield IngestError(STDIN, "empty input")
    elif looks_like_html(text):
        yield from _guard(STDIN, _from_html, STDIN, text)
    else:
        yield from _guard(STDIN, _from_text, STDIN, text)


def _guard(source: str, build: Callable[..., Document], *args: Any) -> Iterator[IngestResult]:
    """The document ``build(*args, warnings)`` makes, then its warnings; any failure is one error line."""
    warnings: list[str] = []
    try:
        document = build(*args, warnings)
    except _BadInputError as exc:
        yield IngestError(source, str(exc))
        return
    except RecursionError:
        yield IngestError(source, "nested too deeply to read")
        return
    except Exception as exc:  # one broken article must not stop the others: name it and go on
        yield IngestError(source, f"cannot read: {exc.__class__.__name__}: {exc}")
        return
    yield document
    yield from (IngestWarning(source, w) for w in warnings)


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else CP1251; raise otherwise."""
    if not data.strip():
        raise _BadInputError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return _undecodable()
    if _is_binary(data):
        raise _BadInputError("binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):  # utf-8-sig
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            return _undecodable()
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or not _garbled(text):
            return text
    return _undecodable()


def _undecodable() -> str:
    raise _BadInputError("cannot decode: not UTF-8 or CP1251 text (unknown encoding)")


def _is_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _garbled(text: str) -> bool:
    words = _WORD.findall(text)
    if not words:
        return True
    odd = sum(1 for w in words if _mixed_scripts(w) or _inner_case_flip(w))
    return odd > len(words) * _GARBLED_SHARE


def _mixed_scripts(word: str) -> bool:
    has_latin = any("a" <= ch.lower() <= "z" for ch in word)
    has_other = any(ch.isalpha() and not ("a" <= ch.lower() <= "z") for ch in word)
    return has_latin and has_other


def _inner_case_flip(word: str) -> bool:
    # Lower then upper inside a word ("пРИВЕТ"); camelCase brand names are rare enough.
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:_SNIFF]))


def _from_text(source: str, text: str, warnings: list[str]) -> Document:
    first = next((normalise_line(line) for line in text.splitlines() if line.strip()), "")
    clean = clean_text_report(text)
    title = first if first and clean.text.startswith(first) and _title_line(first) else None
    return _document(source, clean, warnings, title=title)


def _title_line(line: str) -> bool:
    return len(line.split()) <= 25 and not line.endswith((".", ",", ";", ":"))


def _from_html(source: str, html: str, warnings: list[str], meta: dict[str, Any] | None = None) -> Document:
    if len(html) > MAX_HTML_CHARS:
        warnings.append(f"HTML cut to its first {MAX_HTML_CHARS:,} characters (of {len(html):,}): page size limit")
        html = html[:MAX_HTML_CHARS]
    article: HtmlArticle = extract_html(html)
    meta = meta or {}
    title = meta.get("title") or article.title
    outlet = meta.get("outlet") or article.outlet
    return _document(
        source,
        clean_text_report(article.text, title=title, outlet=outlet),
        warnings,
        title=title,
        published=meta.get("published") or article.published,
        outlet=outlet,
        url=meta.get("url") or article.url,
        lang=meta.get("lang"),
    )


def _read_jsonl(path: str, text: str) -> Iterator[IngestResult]:
    any_line = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        source = f"{path}#L{number}"
        if len(line) > MAX_JSONL_LINE_CHARS:
            yield IngestError(source, f"line {number} is longer than the {MAX_JSONL_LINE_CHARS // 2**20} MB "
                                      "line limit")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"line {number} is not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield IngestError(source, f"line {number} is nested too deeply to read")
            continue
        if not isinstance(record, dict):
            yield IngestError(source, f"line {number} is not a JSON object")
            continue
        yield from _guard(source, _from_record, source, number, record)
    if not any_line:
        yield IngestError(path, "empty file")


def _from_record(source: str, number: int, record: dict[str, Any], warnings: list[str]) -> Document:
    for key, value in record.items():
        surrogate = _LONE_SURROGATE.search(value) if isinstance(value, str) else None
        if surrogate:  # json.loads accepts "\ud800", but no UTF-8 output can hold it
            raise _BadInputError(f"line {number}: field {key!r} holds a lone surrogate "
                                 f"(U+{ord(surrogate.group()):04X}), not text")
    meta = {name: text_field(name, _field(record, name), warnings)
            for name in ("url", "title", "published", "outlet", "lang")}
    body = _field(record, "text")
    if isinstance(body, str) and body.strip():
        return _document(source, clean_text_report(body, title=meta["title"], outlet=meta["outlet"]), warnings,
                         **meta)
    html = _field(record, "html")
    if isinstance(html, str) and html.strip():
        return _from_html(source, html, warnings, meta)
    raise _BadInputError(f"line {number} has no 'text' or 'html'")


def _field(record: dict[str, Any], field: str) -> Any:
    """A record's value for ``field`` under its contract name or a common scraper alias."""
    for key in JSONL_FIELDS[field]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _document(source: str, clean: Cleaned, warnings: list[str], *, title: str | None = None,
              published: str | None = None, outlet: str | None = None, url: str | None = None,
              lang: str | None = None) -> Document:
    text = clean.text
    if not text.strip():
        raise _BadInputError("no article text left after removing boilerplate")
    text = _within_article_limit(text, warnings)
    published = checked_published(published, warnings)
    if lang is not None and not _LANGUAGE_CODE.fullmatch(lang.strip().lower()):
        raise _BadInputError(f"lang {lang[:40]!r} is not a language code (expected e.g. 'kk', 'ru', 'en')")
    detected, paragraph_langs = analyse_languages(text)
    # A language stated in the input (JSONL "lang") is the user's word and wins over detection.
    lang = (lang.strip() if lang else detected).lower()
    if lang == UNDETERMINED:
        raise _BadInputError("cannot identify the language (too little text)")
    if lang not in SUPPORTED_LANGUAGES:
        raise _BadInputError(f"unsupported language '{lang}'")
    return Document(
        id=document_id(text), source=source, lang=lang, text=text, title=title, published=published,
        outlet=outlet, url=url, paragraph_langs=paragraph_langs, dropped_lines=[str(d) for d in clean.dropped],
    )


def _within_article_limit(text: str, warnings: list[str]) -> str:
    """``text`` cut at the last line break (else space) before MAX_ARTICLE_CHARS, with a warning."""
    if len(text) <= MAX_ARTICLE_CHARS:
        return text
    head = text[:MAX_ARTICLE_CHARS]
    line_break = head.rfind("\n")
    cut = line_break if line_break > MAX_ARTICLE_CHARS // 2 else head.rfind(" ")
    cut = cut if cut > 0 else MAX_ARTICLE_CHARS
    warnings.append(f"article text cut to its first {cut:,} characters (of {len(text):,}): article size limit "
                    f"{MAX_ARTICLE_CHARS:,}")
    return text[:cut].rstrip()
