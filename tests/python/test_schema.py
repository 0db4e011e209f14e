"""data/schema/plan.schema.json: a valid JSON Schema (draft 2020-12) that the bundled plan meets and
that refuses what the C++ reader refuses.

Needs only the jsonschema package (Debian: python3-jsonschema); skipped without it. It does not
import the miyagiplan module, so by hand it runs without a build:

    /usr/bin/python3 -m pytest -q --noconftest tests/python/test_schema.py
"""

import copy
import json
import os
import pathlib
import re

import pytest

jsonschema = pytest.importorskip("jsonschema")


def _root():
    env = os.environ.get("MIYAGIPLAN_SOURCE_DIR")
    return pathlib.Path(env) if env else pathlib.Path(__file__).resolve().parents[2]


ROOT = _root()
SCHEMA_PATH = ROOT / "data" / "schema" / "plan.schema.json"
PLAN_PATH = ROOT / "data" / "plans" / "miyagi-it-plan-2013.json"


@pytest.fixture(scope="module")
def schema():
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def plan():
    with open(PLAN_PATH, encoding="utf-8") as f:
        return json.load(f)


def _errors(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def test_the_schema_is_a_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_bundled_plan_meets_the_schema(validator, plan):
    errors = _errors(validator, plan)
    assert not errors, "\n".join(
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20])


def test_every_object_is_closed(schema):
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition.get("additionalProperties") is False, name
            assert set(definition["required"]) <= set(definition["properties"]), name


def test_tagged_objects_declare_their_type(schema):
    tagged = {"Plan", "Goal", "Area", "Measure", "Initiative", "Indicator", "Strategy"}
    for name, definition in schema["$defs"].items():
        if definition.get("type") != "object":
            continue
        if name in tagged:
            tag = definition["properties"]["schema"]
            assert tag["pattern"] == rf"^miyagiplan\.{name}\.[0-9]+$"
            assert "schema" in definition["required"]
        else:
            assert "schema" not in definition["properties"], name
    assert schema["$defs"]["Indicator"]["properties"]["schema"]["pattern"] == \
        "^miyagiplan\\.Indicator\\.[0-9]+$"


def _names(enum):
    """The names of an enum as the C++ model spells them (its description in model/plan.hpp)."""
    source = (ROOT / "include" / "miyagiplan" / "model" / "plan.hpp").read_text(encoding="utf-8")
    match = re.search(r"struct enum_description<" + enum + r">.*?names\{([^}]*)\}", source, re.S)
    assert match, enum
    return re.findall(r'"([^"]*)"', match.group(1))


def test_enums_match_the_library(schema):
    indicator = schema["$defs"]["Indicator"]["properties"]
    assert indicator["direction"]["enum"] == _names("direction")
    assert indicator["accumulation"]["enum"] == _names("accumulation")


def _indicator(document, area=3, measure=3, index=0):
    return document["areas"][area]["measures"][measure]["indicators"][index]


def _set(key, value, where=_indicator):
    def change(document):
        where(document)[key] = value
    return change


def _delete(key, where=_indicator):
    def change(document):
        del where(document)[key]
    return change


MALFORMED = {
    "an unknown direction": _set("direction", "down"),
    "an unknown accumulation": _set("accumulation", "cumulative"),
    "a direction that is a number": _set("direction", 5),
    "a future-looking tag of another type": _set("schema", "miyagiplan.Measure.1"),
    "a tag without a version": _set("schema", "miyagiplan.Indicator."),
    "a tag with a letter": _set("schema", "miyagiplan.Indicator.x"),
    "an unknown field on an indicator": _set("comment", "x"),
    "a missing name": _delete("name"),
    "a missing baseline": _delete("baseline"),
    "bounds as a string": _set("bounds", "0-100"),
    "an empty unit": _set("unit", ""),
    "a value that is a number": _set("value", 2223, where=lambda d: _indicator(d)["target"]),
    "an unknown field on a baseline": _set("estimate", True, where=lambda d: _indicator(d)["baseline"]),
    "a stray schema on the promotion": _set("schema", "miyagiplan.Promotion.1",
                                            where=lambda d: d["promotion"]),
    "an unknown field on the plan": _set("version", 2, where=lambda d: d),
    "goal areas as one string": _set("areas", "1,2,3,4,5", where=lambda d: d["goals"][0]),
    "a measure number that is not whole": _set("number", 1.5, where=lambda d: d["areas"][0]["measures"][0]),
    "an integer out of the reader's range": _set("number", 10000000000, where=lambda d: d["areas"][0]),
    "a null title": _set("title", None, where=lambda d: d["areas"][0]),
    "a missing sub_measures": _delete("sub_measures", where=lambda d: d["areas"][4]["measures"][2]),
    "a channel that is null": _set(
        "channels", [None], where=lambda d: d["areas"][0]["measures"][2]["initiatives"][4]["items"][2]),
    "a strategy body that is a number": _set("body", 7, where=lambda d: d["strategies"][2]),
}


@pytest.mark.parametrize("what", sorted(MALFORMED))
def test_malformed_documents_are_refused(validator, plan, what):
    document = copy.deepcopy(plan)
    MALFORMED[what](document)
    assert _errors(validator, document), f"{what}: the schema accepted it"


def test_optional_strategy_fields_may_be_absent_or_null(validator, plan):
    document = copy.deepcopy(plan)
    for key in ("body", "adopted", "revised", "span"):
        del document["strategies"][2][key]
        document["strategies"][3][key] = None
    assert not _errors(validator, document)
