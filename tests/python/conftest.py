"""Shared setup for the Python tests.

ctest's python_tests runs them with the build's python/ directory on PYTHONPATH. By hand:

    PYTHONPATH=<build>/python /usr/bin/python3 -m pytest -q tests/python
"""

import inspect
import os
import pathlib
import sys
import time

import pytest

# tests/office/template_rows.py: helpers shared with the command-line tests.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "office"))

try:
    import miyagiplan
except ImportError as exc:  # pragma: no cover - a setup problem, not a test failure
    pytest.exit(
        f"cannot import miyagiplan ({exc}): build the _core target and put <build>/python on "
        "PYTHONPATH",
        returncode=4,
    )


def round_trip(obj):
    """What repr(obj) evaluates back to: reprs that read back are part of the API."""
    return eval(repr(obj), {"miyagiplan": miyagiplan})  # noqa: S307 - the point of the test


def assert_exported_and_documented(name):
    """The package exports `name` as its own, with a docstring, and every public member of a
    class (not an exception's inherited ones, nor an enum's members) has one too."""
    assert name in miyagiplan.__all__
    obj = getattr(miyagiplan, name)
    assert obj.__module__ == "miyagiplan"
    assert (obj.__doc__ or "").strip()
    if inspect.isclass(obj) and not issubclass(obj, BaseException):
        for member_name, member in vars(obj).items():
            if member_name.startswith("_"):
                continue
            if hasattr(obj, "__members__") and member_name in ("name", "value"):
                continue  # pybind11's own enum properties
            if isinstance(member, obj):
                continue  # an enum member; documented in the enum's docstring
            doc = member.__doc__ if isinstance(member, property) else getattr(obj, member_name).__doc__
            assert (doc or "").strip(), f"{name}.{member_name}"


@pytest.fixture
def plan():
    """A fresh copy of the bundled plan."""
    return miyagiplan.miyagi_it_plan_2013()


@pytest.fixture
def source_dir():
    """The repository's root (MIYAGIPLAN_SOURCE_DIR under ctest)."""
    env = os.environ.get("MIYAGIPLAN_SOURCE_DIR")
    return pathlib.Path(env) if env else pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def timezone(monkeypatch):
    """Sets the process time zone: timezone("Asia/Tokyo"). Restored after the test."""

    def set_zone(name):
        if not pathlib.Path("/usr/share/zoneinfo", name).exists():
            pytest.skip(f"time zone {name} is not installed")
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()
