"""Coreference: what pronouns, titles, descriptions, dropped subjects and short names stand for.

The event stage's ``coreference`` pass (events/passes/coreference.py) resolves them while building
events; :func:`graphbuild.events.coref.resolve.resolve` runs the stage up to that pass on one
document and returns its :class:`~graphbuild.events.coref.links.Link` records (the benchmark's view).
:mod:`graphbuild.events.coref.offices` decides, for both event stages, when a speaker makes the act of the
state or body they speak of.
"""
