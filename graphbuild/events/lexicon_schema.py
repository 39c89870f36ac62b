"""The schema of the event lexicons (graphbuild/data/lexicons/<lang>.json and common.json), checked on load.

A misspelt key is otherwise silently ignored (the word list it names is then empty), so every key must
be one the code reads, with the type it reads it as; every trigger entry names a known event type and
only known fields; every slot and role a table names is one the argument rules know.  An error names
the file, the key (or the trigger's pattern) and what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphbuild.model import EVENT_TYPES

SLOTS = frozenset({"subj", "obj", "to", "with", "against", "from", "by", "poss", "place", "at", "for", "of",
                   "about", "led_by", "none"})
ROLES = frozenset({"source", "target", "place", "none"})

# Language lexicon keys and the JSON type each must have.
LANGUAGE_KEYS: dict[str, type] = {
    "_comment": str, "order": str, "triggers": list, "pro_drop": bool, "fronted_objects": bool,
    "anaphora_needs_determiner": bool, "bare_event_anaphora": bool, "inverted_speaker_ends_clause": bool,
    "verb_first_speakers": bool,
    **{k: dict for k in ("anaphoric_nouns", "case_slots", "case_suffixes", "collective_groups", "months",
                         "object_pronouns", "objects", "postpositions", "prepositions", "pronouns",
                         "relative_days", "relative_periods", "role_titles", "weekdays")},
    **{k: list for k in (
        "adjective_endings", "adjunct_phrases", "ambiguous_months", "anaphora_blockers", "anaphora_determiners",
        "anaphora_quantifiers", "any_markers", "background_markers", "backward_report_cues",
        "before_clause_words", "between_prepositions", "claim_words", "clause_breaks",
        "complement_postpositions", "complementizers", "conditionals", "coordinators", "copulas",
        "elaboration_openers", "false_labels", "first_person_pronouns", "force_nouns", "future_before",
        "future_forms", "harm_labels",
        "hearsay_before", "hypothetical", "light_verbs", "missile_words", "month_markers", "month_preps",
        "mutual_acts", "naming_verbs", "neg_suffixes", "negation_after", "negation_before", "non_triggers",
        "office_nouns", "open_when_negated", "owner_nouns", "participle_endings", "party_words", "passive_markers",
        "passive_suffixes", "person_relativizers", "planned_after", "planned_before", "planning_types",
        "readiness_words",
        "receiving_verbs", "reciprocals", "relativizers", "relativizers_nom_acc", "reporting_verbs",
        "side_words", "speaker_after_cues", "speaker_before_cues", "speaker_noun_preps", "speaker_nouns",
        "state_party_words", "subordinators", "topic_nouns", "verbal_noun_endings", "year_words")},
}
# Fields of a trigger entry and their types ("p", "type" and "cameo" are required).
TRIGGER_FIELDS: dict[str, type] = {
    "p": str, "type": str, "cameo": str, "need": str, "pos": str, "roles": dict, "otherwise": dict,
    "invert": bool, "governs_planned": bool, "governs_negated": bool, "violation": bool, "denial": bool,
    "negative_lemma": bool,
}
# common.json keys: the event types they list, or the tables they hold.
COMMON_TYPE_LISTS = ("object_types", "recipient_types", "place_as_target", "object_controls", "said_acts",
                     "claims", "conditional_targets", "aim_types", "moved_forces", "against_others",
                     "motive_types", "one_sided", "answered_types", "readiness_keeps_act")
COMMON_TABLES = ("goldstein", "slot_roles", "inverted_slot_roles", "object_cameo", "planned_cameo",
                 "readiness_types", "readiness_cameo", "withdrawn_from")


class LexiconError(ValueError):
    """A lexicon file that does not follow the schema."""


def _type_name(t: type) -> str:
    return {str: "a string", list: "a list", dict: "an object", bool: "true or false"}.get(t, t.__name__)


def _check_type(where: str, key: str, value: Any, want: type) -> None:
    if not isinstance(value, want):
        raise LexiconError(f"{where}: {key!r} must be {_type_name(want)}, got {type(value).__name__}")


def _check_type_name(where: str, what: str, name: str) -> None:
    if name not in EVENT_TYPES:
        raise LexiconError(f"{where}: {what} names unknown event type {name!r}")


def _check_roles(where: str, what: str, roles: dict[str, Any]) -> None:
    for slot, role in roles.items():
        if slot not in SLOTS or role not in ROLES:
            raise LexiconError(f"{where}: {what} maps {slot!r} to {role!r}; slots are {sorted(SLOTS)}, "
                               f"roles {sorted(ROLES)}")


def _check_trigger(where: str, item: Any, n: int) -> None:
    if not isinstance(item, dict):
        raise LexiconError(f"{where}: trigger {n} must be an object")
    what = f"trigger {item.get('p', n)!r}"
    for field in ("p", "type", "cameo"):
        if field not in item:
            raise LexiconError(f"{where}: {what} has no {field!r}")
    for key, value in item.items():
        if key not in TRIGGER_FIELDS:
            raise LexiconError(f"{where}: {what} has unknown field {key!r}; known: {sorted(TRIGGER_FIELDS)}")
        _check_type(where, f"{what} {key}", value, TRIGGER_FIELDS[key])
    _check_type_name(where, what, item["type"])
    _check_roles(where, what, item.get("roles", {}))
    if "otherwise" in item:
        _check_trigger(where, {"p": item["p"], **item["otherwise"]}, n)


def validate_language(raw: Any, path: Path) -> None:
    """Refuse a language lexicon with an unknown key, a value of the wrong type or a bad trigger entry."""
    where = str(path)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: a lexicon must be a JSON object")
    for key, value in raw.items():
        if key not in LANGUAGE_KEYS:
            raise LexiconError(f"{where}: unknown key {key!r} (a misspelling would be ignored: see "
                               f"graphbuild/events/lexicon_schema.py for the keys the code reads)")
        _check_type(where, key, value, LANGUAGE_KEYS[key])
    for n, item in enumerate(raw.get("triggers", [])):
        _check_trigger(where, item, n)


def validate_common(raw: Any, path: Path) -> None:
    """Refuse a common.json with an unknown key, an unknown event type or an unknown slot or role."""
    where = str(path)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: common.json must be a JSON object")
    for key, value in raw.items():
        if key == "_comment":
            continue
        if key in COMMON_TYPE_LISTS:
            _check_type(where, key, value, list)
            for name in value:
                _check_type_name(where, key, name)
        elif key in COMMON_TABLES:
            _check_type(where, key, value, dict)
        else:
            raise LexiconError(f"{where}: unknown key {key!r}")
    for table in ("slot_roles",):
        for etype, roles in raw.get(table, {}).items():
            if etype != "default":
                _check_type_name(where, table, etype)
            _check_roles(where, f"{table}[{etype}]", roles)
    _check_roles(where, "inverted_slot_roles", raw.get("inverted_slot_roles", {}))
    for said, types in raw.get("readiness_types", {}).items():
        for name in [said, *types]:
            _check_type_name(where, "readiness_types", name)
    for act, kinds in raw.get("withdrawn_from", {}).items():
        for name in [act, *kinds]:
            _check_type_name(where, "withdrawn_from", name)
