"""What becomes an actor of a document (docs/contract.md, "What becomes an actor").

Linking turns every recognised name into a candidate; this module decides, once the document's
events are known, which candidates the document's graph keeps:

- a news agency or medium of the KB (``data/kb/news_outlets.tsv``), or one NER found named by its
  web address (Tengrinews.kz) or beside a medium's noun («Азаттық» радиосы), is an actor only when
  it takes part in an event as source or target ("Russia blocked Reuters"); cited as the channel of
  a report ("TASS reported", "деп хабарлайды Kazinform") it is none, and it leaves ``reported_by``
  too;
- a place the KB does not know (a new actor from NER) is an actor only when an event happens
  there, is aimed at it or is told by it (as source, target, place or reporter), a role names
  it, or it is a town the gazetteer knows named for itself, not as a modifier of a thing ("the
  consul general in Osaka"): the event stage does not yet attach every place an event happens at;
  named only as scenery it stays a mention.  Places of the KB are actors wherever named: the
  event stage does not yet attach every place an event happens at, and the KB vouches for them;
- a region that stands for a fixed set of states (``data/kb/regions.tsv``, "Central Asia") is no actor:
  the event stage puts its member states in its place;
- a country named only by its capital as where something happens ("in Moscow", "Мәскеуде") is the
  setting, not an actor, unless an event involves it as a side, reporter or a role's body (an event's
  place it may be: the setting is where it happens); so is a residence in the locative ("в Кремле"),
  a body named as a gathering's owner, and a group named by a common noun
  ("protesters", "оппозиция": ``data/<lang>/group_nouns.tsv``);
- people, organisations, groups and countries named by the KB or by NER are actors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from graphbuild.entities.kb import normalize
from graphbuild.model import Actor, Event, Role

NEWS_OUTLETS = Path(__file__).resolve().parent.parent / "data" / "kb" / "news_outlets.tsv"


WORLD_REGIONS = NEWS_OUTLETS.with_name("world_regions.txt")


@lru_cache(maxsize=1)
def world_regions() -> frozenset[str]:
    """Normalised names of continents and world regions (data/kb/world_regions.txt)."""
    lines = WORLD_REGIONS.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def _world_region(actor: Actor) -> bool:
    """A new place named as a continent or world region ("Asia", "Ближний Восток")."""
    names = [actor.label, *(n for ns in actor.names.values() for n in ns)]
    return actor.kind == "Place" and any(normalize(n) in world_regions() for n in names)


@lru_cache(maxsize=1)
def news_outlets() -> frozenset[str]:
    """KB ids of news agencies and media."""
    lines = NEWS_OUTLETS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# A site's address as its name (Tengrinews.kz, Lenta.ru, Axios.com): a news medium.
_WEB_NAME = re.compile(r"^[^\W\d_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,6}$")


def _web_medium(actor: Actor) -> bool:
    """An organisation NER found whose name is a web address, or that linking found beside a medium's
    noun (``outlet`` set), is a medium like the KB's outlets."""
    return actor.outlet or (actor.kind == "Organization"
                            and any(_WEB_NAME.match(n) for ns in actor.names.values() for n in ns))


@dataclass
class StoryActors:
    actors: list[Actor] = field(default_factory=list)
    # Actor ids cited only as the channel of a report: to be taken out of reported_by.
    channels: set[str] = field(default_factory=set)
    # The same outlets as entities marked ``outlet``, for the tellings that cite them as ``via``.
    channel_actors: list[Actor] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Settings (a residence, a capital) no actor of the story but where an event happened: the event is
    # placed in the country instead (the pipeline asks the KB which).
    setting_places: set[str] = field(default_factory=set)


def story_actors(candidates: Iterable[Actor], events: Iterable[Event], roles: Iterable[Role],
                 in_kb: Callable[[str], bool], is_region: Callable[[str], bool] = lambda _: False,
                 towns: Iterable[str] = (), settings: Iterable[str] = ()) -> StoryActors:
    """The candidates a document keeps as actors, given the events and roles read from it, the new
    places linking found to be towns named for themselves (``towns``) and the actors it found named only
    in passing (``settings``: a capital as the setting, a group by a common noun)."""
    events = list(events)
    participants = {a for e in events for a in e.source + e.target}
    told = participants | {a for e in events for a in e.reported_by} | {e.place for e in events if e.place}
    told |= set(towns)
    told |= {a for r in roles for a in (r.person, r.of) if a}
    # A setting (a capital, a residence, a summit's owner) that is only where an event happens stays one:
    # "переговоры прошли в Кремле" is placed in Russia, the Kremlin takes no part.
    places = {e.place for e in events if e.place} - participants - {a for e in events for a in e.reported_by} - {
        a for r in roles for a in (r.person, r.of) if a}
    out = StoryActors()
    for actor in candidates:
        if (actor.id in news_outlets() or _web_medium(actor)) and actor.id not in participants:
            if actor.id not in out.channels:
                out.channel_actors.append(replace(actor, outlet=True))
            out.channels.add(actor.id)
            out.warnings.append(f"news outlet {actor.label!r} cited only as a channel: not an actor")
        elif is_region(actor.id):
            out.warnings.append(f"region {actor.label!r} stands for its member states: not an actor")
        elif not in_kb(actor.id) and _world_region(actor):
            out.warnings.append(f"{actor.label!r} is a continent or world region, scenery: not an actor")
        elif actor.kind == "Place" and not in_kb(actor.id) and actor.id not in told:
            out.warnings.append(f"place {actor.label!r} named only as scenery: not an actor")
        elif actor.id in settings and (actor.id not in told or (actor.kind != "Place" and actor.id in places)):
            how = {"Country": "by its capital as a setting", "Place": "as the address of another place",
                   "Organization": "as a setting (its building, a gathering it holds)"}.get(
                actor.kind, "by a common noun, in no event")
            out.warnings.append(f"{actor.label!r} named only {how}: not an actor")
            if actor.id in places:
                out.setting_places.add(actor.id)
        else:
            out.actors.append(replace(actor, outlet=False) if actor.outlet else actor)
    return out
