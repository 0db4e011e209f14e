"""Shared setup for the Python tests.

ctest's python_tests runs them with the build's python/ directory on PYTHONPATH. By hand:

    PYTHONPATH=<build>/python /usr/bin/python3 -m pytest -q tests/python
"""

import os
import pathlib
import time

import pytest

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
