"""Ingest stage: inputs -> clean Documents with languages, or IngestErrors naming the bad input."""

from graphbuild.ingest.boilerplate import clean_text, is_boilerplate
from graphbuild.ingest.langid import analyse_languages, detect_language, paragraph_languages, paragraph_spans
from graphbuild.ingest.readers import IngestError, IngestResult, IngestWarning, read_inputs, read_stdin

__all__ = [
    "IngestError",
    "IngestResult",
    "IngestWarning",
    "analyse_languages",
    "clean_text",
    "detect_language",
    "is_boilerplate",
    "paragraph_languages",
    "paragraph_spans",
    "read_inputs",
    "read_stdin",
]
