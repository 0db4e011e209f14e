"""Hostile input through the Python API: huge texts, deep nesting, NUL bytes and invalid UTF-8,
numbers that overflow, NaN and infinity, truncated archives.

Each must arrive as a miyagiplan exception (and the builtin it is a case of: ValueError for bad
input), with a message that is a str of reasonable length; never a crash of the interpreter.
The risky ones (100 MB texts, nesting 100,000 deep) run in a subprocess, so that a crash would
fail one test rather than end the run. What the bindings do not offer yet is skipped.
"""

import json
import math
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

import miyagiplan

MAX_MESSAGE = 2000


def api(owner, name):
    """owner.name, or skip the test when the bindings do not offer it (yet)."""
    found = getattr(owner, name, None)
    if found is None:
        pytest.skip(f"{getattr(owner, '__name__', owner)}.{name} is not bound")
    return found


def bundled_plan():
    return api(miyagiplan, "miyagi_it_plan_2013")()


def bundled_json():
    return api(api(miyagiplan, "Plan"), "to_json")(bundled_plan())


def raises_library_error(kind, call, *args, **kwargs):
    """call(*args) raises `kind`, a miyagiplan.Error and a ValueError, with a short str message."""
    with pytest.raises(kind) as info:
        call(*args, **kwargs)
    error = info.value
    assert isinstance(error, miyagiplan.Error)
    assert isinstance(error, ValueError)
    message = str(error)
    assert isinstance(message, str)
    assert 0 < len(message) < MAX_MESSAGE, message[:200]
    return error


def run_isolated(code, timeout=300):
    """Runs Python code in a child interpreter (same miyagiplan); returns its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 0, (
        f"the child ended with {result.returncode} (a negative number is a signal: a crash)\n"
        f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"
    )
    return result.stdout


CHILD_PRELUDE = """
import sys, time, miyagiplan

def expect(kind, call, *args):
    start = time.monotonic()
    try:
        call(*args)
    except kind as e:
        took = time.monotonic() - start
        assert isinstance(e, miyagiplan.Error) and isinstance(e, ValueError), type(e)
        message = str(e)
        assert len(message) < 2000, len(message)

        return
    raise AssertionError(f"{call.__name__} did not raise {kind.__name__}")
"""


# --- Texts of 100 MB ----------------------------------------------------------------------------


def test_100_mb_texts_in_a_child_interpreter():
    api(miyagiplan, "parse_date")
    out = run_isolated(
        CHILD_PRELUDE
        + """
big = "1" * (100 << 20)
expect(miyagiplan.ParseError, miyagiplan.parse_date, big)
expect(miyagiplan.ParseError, miyagiplan.parse_date, " " * (100 << 20))
expect(miyagiplan.ParseError, miyagiplan.parse_date, "平成" * (50 << 20))
if hasattr(miyagiplan, "parse_quantity"):
    expect(miyagiplan.ParseError, miyagiplan.parse_quantity, big, "件")
    expect(miyagiplan.ParseError, miyagiplan.parse_quantity, "0" * (100 << 20), "件")
if hasattr(miyagiplan, "Plan"):
    expect(miyagiplan.SchemaError, miyagiplan.Plan.from_json, big)
    expect(miyagiplan.SchemaError, miyagiplan.Plan.from_json, '"' + "x" * (100 << 20))
if hasattr(miyagiplan, "Observations"):
    expect(miyagiplan.SchemaError, miyagiplan.Observations.from_csv_text, "indicator,date,value\\n1-1-1," + big)
print("done")
"""
    )
    assert out.rstrip().endswith("done"), out


# --- Nesting -------------------------------------------------------------------------------------


def test_json_nested_100000_deep_is_a_schema_error():
    api(miyagiplan, "Plan")
    out = run_isolated(
        CHILD_PRELUDE
        + """
arrays = "[" * 100000
objects = '{"a":' * 100000
for text in (arrays, objects, arrays + "]" * 100000):
    expect(miyagiplan.SchemaError, miyagiplan.Plan.from_json, text)
    if hasattr(miyagiplan, "Observations"):
        expect(miyagiplan.SchemaError, miyagiplan.Observations.from_json_text, text)
print("done")
"""
    )
    assert out.rstrip().endswith("done"), out


# --- NUL bytes and invalid UTF-8 -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["平成22年\x0012月末", "\x00", "H22.12.31\x00"])
def test_a_nul_in_a_date_is_a_parse_error(text):
    error = raises_library_error(miyagiplan.ParseError, miyagiplan.parse_date, text)
    assert error.expected == "valid UTF-8 text"
    assert error.text == text
    assert "\x00" not in str(error)


def test_invalid_utf8_bytes_are_refused_with_a_readable_message():
    # bytes reach the C++ side as they are: the message must still be a str.
    for call, args in [
        (miyagiplan.parse_date, (b"\xff\xfe",)),
        (miyagiplan.parse_date, ("平成22年".encode() + b"\xe5\x90",)),
    ]:
        try:
            error = raises_library_error(miyagiplan.ParseError, call, *args)
        except TypeError:
            pytest.skip("the binding takes str only")
        assert "\ufffd" in str(error) or "UTF-8" in str(error)
    plan = api(miyagiplan, "Plan")
    text = bundled_json().encode().replace("宮城県".encode(), b"\xff\xff", 1)
    error = raises_library_error(miyagiplan.SchemaError, plan.from_json, text)
    assert "UTF-8" in str(error)


def test_a_lone_surrogate_never_reaches_the_library_but_fails_cleanly():
    # Python str may hold a lone surrogate, which has no UTF-8: the binding refuses the call.
    with pytest.raises((TypeError, ValueError, UnicodeError)):
        miyagiplan.parse_date("平成22年\ud800")


def test_a_nul_in_a_name_round_trips_through_json():
    plan_cls = api(miyagiplan, "Plan")
    text = bundled_json().replace('"宮城県"', '"宮城\\u0000県"', 1)
    plan = plan_cls.from_json(text)
    assert "\x00" in plan.issuer
    assert plan_cls.from_json(plan.to_json()) == plan


def test_actuals_csv_with_nul_and_invalid_utf8():
    observations = api(miyagiplan, "Observations")
    # A NUL in a note is a character: kept, and written as \u0000 in JSON.
    ok = observations.from_csv_text("indicator,date,value,note\n1-1-1,平成25年度末,1,a\x00b\n")
    assert json.loads(ok.to_json())["observations"][0]["note"] == "a\x00b"
    # Invalid UTF-8 (as bytes) is refused where it is.
    try:
        error = raises_library_error(
            miyagiplan.SchemaError,
            observations.from_csv_text,
            "indicator,date,value,note\n1-1-1,平成25年度末,1,".encode() + b"\xff\n",
            None,
            "a.csv",
        )
    except TypeError:
        pytest.skip("from_csv_text takes str only")
    assert str(error).startswith("a.csv:2:")


# --- Numbers -------------------------------------------------------------------------------------


def test_numbers_that_overflow():
    plan_cls = api(miyagiplan, "Plan")
    text = bundled_json().replace('"min": 0,', '"min": 1e400,', 1)
    error = raises_library_error(miyagiplan.SchemaError, plan_cls.from_json, text)
    assert "1e400" in str(error)
    parse_quantity = api(miyagiplan, "parse_quantity")
    error = raises_library_error(miyagiplan.ParseError, parse_quantity, "99999999999999999999", "件")
    assert error.position == 18
    # A JSON integer past int64 is out of range, not wrapped.
    text = bundled_json().replace('"number": 1,', '"number": 18446744073709551615,', 1)
    raises_library_error(miyagiplan.SchemaError, plan_cls.from_json, text)
    # A Python int too large for a double does not become one.
    with pytest.raises((OverflowError, TypeError, ValueError)):
        api(miyagiplan, "format_quantity")(10**400, "件")
    observations = api(miyagiplan, "Observations")
    raises_library_error(
        miyagiplan.SchemaError,
        observations.from_csv_text,
        "indicator,date,value\n1-1-1,平成25年度末,99999999999999999999\n",
    )
    raises_library_error(
        miyagiplan.SchemaError,
        observations.from_json_text,
        json.dumps(
            {
                "schema": "miyagiplan.Observations.1",
                "observations": [{"indicator": "3-1-1", "date": "平成25年度", "value": 1e301}],
            }
        ),
    )


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity(value):
    quantity = api(miyagiplan, "Quantity")
    raises_library_error(miyagiplan.RangeError, api(quantity, "of"), value, "件")
    plan = bundled_plan()
    bounds_cls = api(miyagiplan, "Bounds")
    indicator = next(i for i in plan.indicators() if i.bounds is not None) if callable(
        getattr(plan, "indicators", None)
    ) else next(i for i in plan.indicators if i.bounds is not None)
    indicator.bounds = bounds_cls(0, value)
    assert any("finite" in p.what for p in plan.problems())
    with pytest.raises(miyagiplan.ValidationError):
        plan.validate()
    with pytest.raises(miyagiplan.Error):
        plan.to_json()
    for text in ("nan", "inf", "Infinity"):
        raises_library_error(miyagiplan.ParseError, miyagiplan.parse_quantity, text, "件")


# --- Archives ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "binary", "xml"])
def test_a_truncated_archive_is_a_schema_error(tmp_path, fmt):
    plan = bundled_plan()
    path = tmp_path / f"plan.{fmt}"
    api(plan, "save")(path, fmt)
    whole = path.read_bytes()
    for cut in (0, 1, 30, len(whole) // 3, len(whole) // 2, len(whole) - 40):
        path.write_bytes(whole[:cut])
        error = raises_library_error(miyagiplan.SchemaError, miyagiplan.Plan.load, path)
        assert str(path) in str(error)
    path.write_bytes(whole)
    assert miyagiplan.Plan.load(path) == plan


def test_garbage_files_are_schema_errors(tmp_path):
    api(miyagiplan, "Plan")
    path = tmp_path / "garbage"
    for content in (b"", b"\x00" * 1000, b"22 serialization::archive 18 0 1 18446744073709551615 x",
                    b"<?xml version='1.0'?><boost_serialization>", b"{" * 100000, os.urandom(5000)):
        path.write_bytes(content)
        with pytest.raises(miyagiplan.Error) as info:
            miyagiplan.Plan.load(path)
        assert isinstance(info.value, (ValueError, OSError))
        assert isinstance(str(info.value), str)


def test_the_bundled_plan_survives_a_round_trip_through_every_format(tmp_path):
    plan = bundled_plan()
    for fmt in ("json", "text", "binary", "xml"):
        path = tmp_path / f"plan.{fmt}"
        api(plan, "save")(path, fmt)
        assert miyagiplan.Plan.load(pathlib.Path(path)) == plan
