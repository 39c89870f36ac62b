"""The extraction pipeline: a document in, a small graph out.

``process_document`` is a pure function of a document (plus the read-only knowledge base),
which is what lets ``build`` run it on several cores and merge the results.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import itertools
import json
import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphbuild.date_text import date_as_written
from graphbuild.entities.actor_policy import story_actors
from graphbuild.entities.kb import KnowledgeBase
from graphbuild.entities.linking import kb_actor, link_mentions
from graphbuild.entities.ner import recognize
from graphbuild.events import extract_events
from graphbuild.events.dates import resolve_date
from graphbuild.graph.geography import cities_by_name, locate
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import document_id
from graphbuild.ingest import IngestError, IngestWarning, read_inputs
from graphbuild.ingest.langid import paragraph_spans
from graphbuild.language import SUPPORTED_LANGUAGES, analyze
from graphbuild.language.base import Sentence
from graphbuild.model import Document, Event, Role, Telling


@dataclass
class DocumentResult:
    document: Document
    graph: KnowledgeGraph
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=4)
def _knowledge_base(extra: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase.load([Path(p) for p in extra] or None)


def language_parts(doc: Document, warnings: list[str] | None = None) -> list[tuple[str, list[Sentence]]]:
    """Sentences grouped by language: a document quoting another language is read in each one.

    Paragraphs in a language we cannot read (e.g. an English quote in a Kazakh article when
    only kk/ru/en exist) are read in the document's language.  Sentences cut at the length
    limit are reported in ``warnings``.
    """
    langs = doc.paragraph_langs
    if not langs or len(set(langs)) == 1:
        return [(doc.lang, analyze(doc.text, doc.lang, warnings))]
    spans = paragraph_spans(doc.text)
    by_lang: dict[str, list[Sentence]] = {}
    for (start, end), lang in zip(spans, langs, strict=False):
        lang = lang if lang in SUPPORTED_LANGUAGES else doc.lang
        for sentence in analyze(doc.text[start:end], lang, warnings):
            by_lang.setdefault(lang, []).append(_shift(sentence, start))
    return sorted(by_lang.items(), key=lambda item: item[0] != doc.lang)


DATELINE_SENTENCES = 3  # a dateline stands within the first sentences of a text


def dateline_date(sentences: list[Sentence], lang: str) -> str | None:
    """The full date (day, month and year) the text gives first, within its first sentences, if any."""
    for s in sentences[:DATELINE_SENTENCES]:
        day, precision = resolve_date(s, lang, None)
        if day and precision == "day":
            return day
    return None


def _shift(sentence: Sentence, offset: int) -> Sentence:
    """Offsets of a paragraph's sentence moved to document offsets."""
    tokens = [dataclasses.replace(t, start=t.start + offset, end=t.end + offset) for t in sentence.tokens]
    return Sentence(sentence.text, sentence.start + offset, sentence.end + offset, tokens)


def _date_role(role: Role, doc: Document, kb: KnowledgeBase) -> Role:
    """Time-stamp a role read from the text: the article's date, and the term of office if the KB knows it."""
    as_of = (doc.published or "")[:10] or None
    term = kb.role_term(role.person, role.role, role.of, as_of)
    return dataclasses.replace(role, as_of=role.as_of or as_of, start=role.start or (term or {}).get("start"),
                               end=role.end or (term or {}).get("end"))


def _telling(event: Event, doc: Document, via: list[str], sentences: list[Sentence], lang: str) -> Telling:
    """This article's account of ``event``, as the event stage read it."""
    date_text = date_as_written(sentences, doc.text, [e.start for e in event.evidence], event.date, lang,
                                doc.published)
    return Telling(document=doc.id, mode=event.mode, reported_by=sorted(set(event.reported_by)), via=via,
                   date_text=date_text, date=event.date, date_precision=event.date_precision,
                   reported_on=(doc.published or "")[:10] or None, evidence=list(event.evidence),
                   confidence=event.confidence)


def _setting_country(kb: KnowledgeBase, place: str) -> str | None:
    """The country a setting stands in (the Kremlin: Russia; a capital's country is itself), or None."""
    states = kb.states_of(place, None) if place in kb else set()
    return next(iter(states)) if len(states) == 1 else None


def process_document(doc: Document, kb_files: tuple[str, ...] = ()) -> DocumentResult:
    """Language processing, mentions, linking and events for one document."""
    kb = _knowledge_base(kb_files)
    part = KnowledgeGraph()
    part.add_document(doc)
    warnings: list[str] = list(doc.dropped_lines)

    def ensure_actor(actor_id: str) -> bool:
        """Events may name actors no mention introduced (e.g. a role's country): take them from the KB."""
        if actor_id not in part.actors:
            if actor_id not in kb:
                warnings.append(f"dropped a record naming unknown actor {actor_id!r}")
                return False
            part.add_actor(kb_actor(kb, actor_id, doc.id))
        return True

    told: list[Event] = []
    for lang, sentences in language_parts(doc, warnings):
        view = doc if lang == doc.lang else dataclasses.replace(doc, lang=lang)
        if not doc.published:
            # An undated text dates itself in its dateline ("ТАШКЕНТ. 2022 жылғы 22 желтоқсан."): its
            # "today" and "on Friday", and who held an office then, are read from that day.
            view = dataclasses.replace(view, published=dateline_date(sentences, lang))
        ner_mentions = recognize(sentences, lang, doc.id)
        linked = link_mentions(view, sentences, ner_mentions, kb)
        extraction = extract_events(view, sentences, linked.mentions, kb)
        warnings += linked.warnings + extraction.warnings
        story = story_actors(linked.actors + extraction.actors, extraction.events, extraction.roles,
                             in_kb=kb.__contains__, is_region=lambda a: bool(kb.members(a)),
                             towns=linked.towns, settings=linked.settings)
        warnings += story.warnings
        for actor in story.actors:
            part.add_actor(actor)
        cited: set[str] = set()
        for event in extraction.events:
            if event.place in story.setting_places:  # a residence or capital named only as the setting
                event.place = _setting_country(kb, event.place)
            via = sorted(set(event.reported_by) & story.channels)
            event.reported_by = [a for a in event.reported_by if a not in story.channels]
            if all(ensure_actor(a) for a in event.source + event.target + event.reported_by):
                event.tellings = [_telling(event, doc, via, sentences, lang)]
                cited.update(via)
                told.append(event)
        for outlet in story.channel_actors:
            if outlet.id in cited:
                part.add_actor(outlet)
        for role in extraction.roles:
            if all(ensure_actor(a) for a in filter(None, (role.person, role.of))):
                part.add_role(_date_role(role, doc, kb))
    part.add_events(told)
    for event in part.events.values():
        if event.about and event.about not in part.events:
            warnings.append(f"{event.type} event lost the event it was about")
            event.about = None
    return DocumentResult(doc, part, warnings)


def extract_text(text: str, lang: str, published: str | None = None) -> list[dict]:
    """Events of one text as contract dicts (used by benchmarks and quick experiments)."""
    doc = Document(id=document_id(text), source="<text>", lang=lang, text=text, published=published)
    return [e.to_dict() for e in process_document(doc).graph.sorted_events()]


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Documents of the inputs the graph already held (``build --into``): (source, document id).
    already_held: list[tuple[str, str]] = field(default_factory=list)


def isolated_process_document(doc: Document, kb_files: tuple[str, ...] = ()) -> DocumentResult | IngestError:
    """``process_document``, with a failure inside one document turned into an error naming it."""
    try:
        return process_document(doc, kb_files)
    except RecursionError:
        return IngestError(doc.source, "extraction failed: structure nested too deeply")
    except Exception as exc:  # one document's bug or oddity must not cost the others
        return IngestError(doc.source, f"extraction failed: {exc.__class__.__name__}: {exc}")


# Documents handed to workers ahead of the one being merged, per worker: enough to keep every
# worker busy, few enough that memory does not grow with the corpus.
_IN_FLIGHT_PER_WORKER = 4
# How often Dask runs a document again after its task raised before the build fails with its error.
DASK_RETRIES = 2


def _process_all(docs: Iterable[Document], kb_files: tuple[str, ...], jobs: int,
                 dask: str | None = None) -> Iterator[DocumentResult | IngestError]:
    """Results in input order, reading ``docs`` only as far as the workers need."""
    if dask is not None:
        yield from _process_on_dask(docs, kb_files, dask, jobs)
        return
    with frozen_build():  # a notebook's objects are collected as before the build once it ends
        freeze_knowledge_base(kb_files)
        if jobs <= 1:
            langs: set[str] = set()
            loaded = False
            for doc in docs:
                if loaded:  # collect what that document left, now that more follow (a one-article build
                    freeze_loaded()  # ends without the collection), and freeze what is alive
                result = isolated_process_document(doc, kb_files)
                loaded = doc.lang not in langs
                langs.add(doc.lang)
                if loaded:  # its language's models are loaded now: out of the collector's passes at
                    gc.freeze()  # once, without collecting (see freeze_knowledge_base; the build unfreezes)
                yield result
                del result  # not frozen with the models at the next document
        else:
            yield from _process_in_pool(docs, kb_files, jobs)


# Open frozen_build() blocks: while one is open, the build leaves unfreezing to it.
_frozen_scopes = 0


@contextlib.contextmanager
def frozen_build() -> Iterator[None]:
    """A block (a build, then writing its outputs) through which what the build froze
    (:func:`freeze_loaded`) stays frozen, and which unfreezes at its end (unless something was
    frozen before it). Writing the outputs of 300 generated articles took about a fifth less CPU
    without the garbage collector's passes over the models (6.6 and 5.4 s against 5.2 and 4.5)."""
    global _frozen_scopes
    frozen_before = gc.get_freeze_count()
    _frozen_scopes += 1
    try:
        yield
    finally:
        _frozen_scopes -= 1
        if not frozen_before and not _frozen_scopes:
            gc.unfreeze()


def freeze_loaded() -> None:
    """Take what this process holds now (knowledge base, models, tables: alive for the whole build)
    out of the cyclic garbage collector's passes, after collecting what is garbage already. Full
    passes over the models' few hundred thousand objects cost about a tenth of extraction (90
    generated articles: 0.56 of 6.1 CPU s), and in a forked worker they write to every page it
    inherited, copying it (CPython's gc.freeze is made for this)."""
    gc.collect()
    gc.freeze()


def freeze_knowledge_base(kb_files: tuple[str, ...]) -> None:
    """Take the knowledge base (millions of objects, alive for the whole build) and what is loaded
    with it out of the collector's passes as soon as it is loaded: the full passes that the imports
    and model loads of the first documents set off each walked it (four passes, 0.9 of the 3 CPU s
    of a one-article English build). Without collecting first (that would be one such pass
    itself): the knowledge base comes out of the cache whole, so what is frozen with it that is
    already garbage is at most a few import-time leftovers."""
    _knowledge_base(kb_files)
    gc.freeze()


WARMUP_FILE = Path(__file__).resolve().parent / "data" / "warmup.json"


def warm_up(langs: Iterable[str], kb_files: tuple[str, ...] = ()) -> None:
    """Load the knowledge base and every model, lexicon and table the languages ``langs`` need, by
    extracting a short article of ours in each (data/warmup.json). Done in the parent of a --jobs
    build before forking, so the workers start with them loaded (and share their memory pages)
    instead of each paying the start-up again. Best effort: a failure here only costs the speed."""
    _knowledge_base(kb_files)
    raw = json.loads(WARMUP_FILE.read_text(encoding="utf-8"))
    for lang in sorted(set(langs)):
        text = raw["texts"].get(lang)
        if not text:
            continue
        doc = Document(id=document_id(text), source="warm-up", lang=lang, text=text, published=raw["published"])
        try:
            process_document(doc, kb_files)
        except Exception:  # the real documents will meet (and report) the same failure
            pass


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Workers forked from this process (where the platform forks), so they inherit what it loaded."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _process_in_pool(docs: Iterable[Document], kb_files: tuple[str, ...],
                     jobs: int) -> Iterator[DocumentResult | IngestError]:
    """Results in input order from ``jobs`` worker processes.

    The models of the languages of the first documents are loaded here before the workers are
    forked (``warm_up``). A worker that dies (killed, out of memory) breaks the whole pool: the
    document whose result was awaited is run again alone, and becomes an error naming it only if it
    kills that worker too; the documents still in flight go to a fresh pool. No document is lost to
    another's crash.
    """
    window = jobs * _IN_FLIGHT_PER_WORKER
    source = iter(docs)
    head = list(itertools.islice(source, window))
    if not head:
        return
    if len(head) > 1:  # one document keeps one worker busy: it loads its models itself, no one shares them
        warm_up({lang for d in head for lang in (d.lang, *d.paragraph_langs) if lang in SUPPORTED_LANGUAGES},
                kb_files)
        freeze_loaded()  # before forking: the workers share these pages instead of copying them
    source = itertools.chain(head, source)
    pool = _pool(jobs)
    pending: deque[tuple[Document, Future[str]]] = deque()
    loaded = False
    folder = tempfile.mkdtemp(prefix="graphbuild-results-")
    try:
        while True:
            while len(pending) < window and (doc := next(source, None)) is not None:
                pending.append((doc, _submit(pool, doc, kb_files, folder)))
            if not pending:
                return
            if not loaded:  # while the workers extract: the table the merged graph's places need at the end
                cities_by_name()
                loaded = True
            doc, future = pending.popleft()
            try:
                result = _received(future.result())
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                result = _alone(doc, kb_files, folder)
                pool = _pool(jobs)
                pending = deque((d, _submit(pool, d, kb_files, folder)) for d, _ in pending)
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)


def _sent_by_file(doc: Document, kb_files: tuple[str, ...], folder: str) -> str:
    """In a worker: the document's result pickled to a file of ``folder``, and only its path returned.
    A worker killed while it writes a large result to the pool's pipe leaves half a message there,
    which the pool then waits on for ever; a path fits in one atomic pipe write (PIPE_BUF), so a killed
    worker leaves all of it or nothing, and the pool sees the death."""
    result = isolated_process_document(doc, kb_files)
    handle, path = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _received(path: str) -> DocumentResult | IngestError:
    """A worker's result, read back in the parent (which does this for every document, on the cores
    the workers need: its share is what keeps two workers short of twice one)."""
    enabled = gc.isenabled()
    gc.disable()  # a result is thousands of new objects and no garbage: passes meanwhile would only walk them
    try:
        with open(path, "rb") as handle:
            result: DocumentResult | IngestError = pickle.load(handle)
    finally:
        if enabled:
            gc.enable()
    os.unlink(path)
    return result


def _submit(pool: ProcessPoolExecutor, doc: Document, kb_files: tuple[str, ...], folder: str) -> Future[str]:
    """``doc`` submitted to ``pool``; a pool a dead worker broke before the submission gives a future
    that fails as the others do, so the document is run again with them."""
    try:
        return pool.submit(_sent_by_file, doc, kb_files, folder)
    except BrokenProcessPool as broken:
        failed: Future[str] = Future()
        failed.set_exception(broken)
        return failed


def _alone(doc: Document, kb_files: tuple[str, ...], folder: str) -> DocumentResult | IngestError:
    """``doc`` in a worker of its own: its result, or an error if it kills that worker as well."""
    with _pool(1) as solo:
        try:
            return _received(solo.submit(_sent_by_file, doc, kb_files, folder).result())
        except BrokenProcessPool:
            return IngestError(doc.source, "extraction failed: its worker process died (killed, or out of memory)")


def _in_order(submit: Callable[[Document], Any], docs: Iterable[Document],
              window: int) -> Iterator[DocumentResult | IngestError]:
    """Submit documents, at most ``window`` ahead of the oldest unfinished one, and yield their
    results in submission order (each future's ``result()`` raises what its worker raised)."""
    pending: deque[Any] = deque()
    for doc in docs:
        pending.append(submit(doc))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _process_on_dask(docs: Iterable[Document], kb_files: tuple[str, ...], address: str,
                     jobs: int) -> Iterator[DocumentResult | IngestError]:
    """Extraction on a Dask cluster: "local" starts one on this machine, anything else is an address.

    A document whose worker dies is given to another worker by the scheduler (Dask's
    ``allowed-failures``, 3 by default); a failure inside one document is an error naming it, as
    without Dask; a task that still raises is run ``DASK_RETRIES`` more times, then stops the build.
    """
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) \
        if address == "local" else None
    try:
        try:
            client = Client(cluster if cluster is not None else address, timeout="10s")
        except OSError as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})), jobs)
            yield from _in_order(
                lambda doc: client.submit(isolated_process_document, doc, kb_files=kb_files, pure=False,
                                          retries=DASK_RETRIES),
                docs, workers * _IN_FLIGHT_PER_WORKER)
    finally:
        if cluster is not None:
            cluster.close()


def build_graph(inputs: list[str], *, kb_files: Iterable[Path] = (), jobs: int = 1, dask: str | None = None,
                stdin_text: str | bytes | None = None, skip: Path | None = None,
                on_document: Callable[[str, bool], None] | None = None,
                on_read: Callable[[int], None] | None = None,
                into: KnowledgeGraph | None = None, spill: Path | None = None) -> BuildResult:
    """Read every input, extract each document and merge everything into one graph.

    Streaming: inputs are read as extraction needs them, and each document's graph is merged as
    soon as it and every document before it are done, so what is held is the merged graph plus a
    few documents per worker (the merged graph keeps each document's text: documents.jsonl
    carries it). Bad inputs, and documents whose extraction fails, are collected as errors; the
    other documents are still built. ``on_document(source, ok)`` is called once per input item,
    and ``on_read(n)`` with the number of documents read so far, which runs a few ahead of those
    done (both for progress bars). ``dask`` runs extraction on a Dask cluster ("local" or a
    scheduler address). Results are merged in input order, so the graph is the same however it
    was computed. ``skip`` is a folder never read (the build's own output folder, when it lies
    inside an input folder). ``into`` is a graph to add the documents to (one loaded from an
    output folder, for ``build --into``): its warnings come first, and a document it already holds
    is not extracted again (listed in ``already_held``). Documents are merged into it one by one, as
    a build of all the inputs would have merged them after the ones it holds. ``spill`` is a scratch
    folder to keep the merged graph in (on disk, so memory stays flat however large the corpus;
    graph/spill.py) instead of memory; the caller removes it when done with the result's graph.
    """
    kb_key = tuple(str(p) for p in kb_files)
    _knowledge_base(kb_key)  # fail early (and once) on a bad user KB file
    if into is None:
        into = KnowledgeGraph.spilled(spill) if spill is not None else KnowledgeGraph()
    result = BuildResult(into)
    result.warnings = list(result.graph.warnings)
    held = set(result.graph.documents)

    def readable() -> Iterator[Document]:
        read = 0
        noted = 0  # ingest warnings appended since the last item (they precede their document)
        for item in read_inputs(inputs, stdin_text=stdin_text, skip=skip):
            if isinstance(item, IngestWarning):
                result.warnings.append(str(item))
                noted += 1
                continue
            if isinstance(item, Document) and item.id in held:
                if noted:  # that document's warnings are in the graph's warnings already
                    del result.warnings[-noted:]
                result.already_held.append((item.source, item.id))
                if on_document:
                    on_document(item.source, True)
            elif isinstance(item, IngestError):
                result.errors.append(item)
                if on_document:
                    on_document(item.source, False)
            else:
                read += 1
                if on_read:
                    on_read(read)
                yield item
            noted = 0

    for part in _process_all(readable(), kb_key, jobs, dask):
        if isinstance(part, IngestError):
            result.errors.append(part)
            if on_document:
                on_document(part.source, False)
            continue
        result.graph.merge(part.graph)
        result.warnings.extend(f"{part.document.source}: {w}" for w in part.warnings)
        if on_document:
            on_document(part.document.source, True)
    locate(result.graph)  # coordinates and event places once the graph is whole (targets known)
    return result
