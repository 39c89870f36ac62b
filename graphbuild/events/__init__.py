"""Event extraction: triggers, arguments, modality, attribution and dates for kk, ru and en."""

from graphbuild.events.dates import resolve_date
from graphbuild.events.extract import ExtractionResult, extract_events

__all__ = ["ExtractionResult", "extract_events", "resolve_date"]
