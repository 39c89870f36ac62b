"""The event lexicons follow their schema (graphbuild/events/lexicon_schema.py): the shipped files load,
and a misspelt key, a wrong type, an unknown event type, field, slot or role is refused with the file
and the key named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.events.lexicon import LEXICON_DIR
from graphbuild.events.lexicon_schema import LexiconError, validate_common, validate_language


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_shipped_language_lexicons_follow_the_schema(lang: str) -> None:
    path = LEXICON_DIR / f"{lang}.json"
    validate_language(json.loads(path.read_text(encoding="utf-8")), path)


def test_shipped_common_table_follows_the_schema() -> None:
    path = LEXICON_DIR / "common.json"
    validate_common(json.loads(path.read_text(encoding="utf-8")), path)


TRIGGER = {"p": "strike", "type": "ASSAULT", "cameo": "190"}


@pytest.mark.parametrize(("raw", "message"), [
    ({"reporting_verb": ["say"]}, "unknown key 'reporting_verb'"),
    ({"reporting_verbs": "say"}, "'reporting_verbs' must be a list"),
    ({"pro_drop": "yes"}, "'pro_drop' must be true or false"),
    ({"triggers": [{"p": "strike", "type": "ATTACK", "cameo": "190"}]}, "unknown event type 'ATTACK'"),
    ({"triggers": [{"p": "strike", "type": "ASSAULT"}]}, "trigger 'strike' has no 'cameo'"),
    ({"triggers": [{**TRIGGER, "needs": "obj"}]}, "unknown field 'needs'"),
    ({"triggers": [{**TRIGGER, "roles": {"subject": "source"}}]}, "maps 'subject' to 'source'"),
    ({"triggers": [{**TRIGGER, "otherwise": {"type": "SHOW", "cameo": "1"}}]}, "unknown event type 'SHOW'"),
])
def test_a_language_lexicon_off_the_schema_is_refused_naming_file_and_key(raw: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as err:
        validate_language(raw, Path("xx.json"))
    assert str(err.value).startswith("xx.json: ")


@pytest.mark.parametrize(("raw", "message"), [
    ({"one_sided": ["DENY", "DENIAL"]}, "one_sided names unknown event type 'DENIAL'"),
    ({"slot_roles": {"ASSAULT": {"from": "doer"}}}, "maps 'from' to 'doer'"),
    ({"readiness_types": {"OFFER": ["MEETING"]}}, "unknown event type 'MEETING'"),
    ({"one_side": ["DENY"]}, "unknown key 'one_side'"),
])
def test_common_table_off_the_schema_is_refused(raw: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        validate_common(raw, Path("common.json"))
