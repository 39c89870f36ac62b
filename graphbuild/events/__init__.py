"""Event extraction: triggers, arguments, modality, attribution and dates for kk, ru and en.

``extract_events`` runs the event stage the language's profile names (graphbuild/data/languages.json):
the named passes over the dependency tree (graphbuild/events/passes/), or, for a language where
those do not yet measure better on unseen text, the earlier lemma-window extractor (extract.py).
"""

from graphbuild.events.dates import resolve_date
from graphbuild.events.stage import ExtractionResult, extract_events

__all__ = ["ExtractionResult", "extract_events", "resolve_date"]
