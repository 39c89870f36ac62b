"""Coreference: what pronouns, titles, descriptions, dropped subjects and short names stand for.

The event stage's ``coreference`` pass (events/passes/coreference.py) resolves them while building
events; :func:`graphbuild.events.coref.resolve.resolve` runs the stage up to that pass on one
document and returns its :class:`~graphbuild.events.coref.links.Link` records (the benchmark's view).
"""
