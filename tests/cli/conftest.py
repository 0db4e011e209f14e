"""Shared setup for the tests of the miyagiplan program.

ctest's cli_tests and cli_dashboard pass the program's path in MIYAGIPLAN_CLI. By hand:

    MIYAGIPLAN_CLI=<build>/miyagiplan /usr/bin/python3 -m pytest -q tests/cli
"""

import os
import pathlib
import subprocess
import sys
import unicodedata

import pytest

# tests/office/template_rows.py: helpers shared with the Python module tests.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "office"))

SOURCE_DIR = pathlib.Path(os.environ.get("MIYAGIPLAN_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])
ACTUALS = SOURCE_DIR / "examples" / "illustrative-actuals.csv"

# The 25 目標指標 of みやぎＩＴ推進プラン２０１３, in document order.
INDICATOR_IDS = [
    "1-1-1", "1-2-1", "1-3-1", "2-1-1", "2-2-1", "2-2-2", "2-3-1", "3-1-1", "3-1-2", "3-2-1",
    "3-2-2", "4-1-1", "4-2-1", "4-2-2", "4-3-1", "4-4-1", "4-5-1", "4-5-2", "4-6-1", "5-1-1",
    "5-1-2", "5-2-1", "5-3-1", "5-3-2", "5-3-3",
]

_ZERO_WIDTH_FORMAT = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF}


def char_width(ch):
    """Terminal columns of one character: East Asian Wide and Fullwidth take 2, marks 0."""
    cp = ord(ch)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return 0
    if unicodedata.category(ch) in ("Mn", "Me") or cp in _ZERO_WIDTH_FORMAT:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text):
    return sum(char_width(ch) for ch in text)


def _program():
    env = os.environ.get("MIYAGIPLAN_CLI")
    if env:
        return pathlib.Path(env)
    for guess in (SOURCE_DIR / "build" / "miyagiplan", pathlib.Path("/tmp/build-cli/miyagiplan")):
        if guess.exists():
            return guess
    pytest.exit("set MIYAGIPLAN_CLI to the miyagiplan program", returncode=4)
    return None


@pytest.fixture(scope="session")
def program():
    path = _program()
    if not path.exists():
        pytest.exit(f"no program at {path}: build the miyagiplan-cli target", returncode=4)
    return path


@pytest.fixture(scope="session")
def run(program):
    """Runs the program with arguments; returns the CompletedProcess (text, UTF-8)."""

    def run(*args, columns=None, stdin=None, cwd=None, check=None):
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        env["LC_ALL"] = "C.UTF-8"
        if columns is not None:
            env["COLUMNS"] = str(columns)
        result = subprocess.run(
            [str(program), *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            input=stdin,
            cwd=cwd,
            timeout=60,
        )
        if check is not None:
            assert result.returncode == check, (result.returncode, result.stdout[-2000:], result.stderr)
        return result

    return run


def validate_problems(run, path):
    """What `miyagiplan validate` says of a file with problems (it exits 1): the lines of
    standard output, one a problem, and standard error."""
    r = run("validate", path)
    assert r.returncode == 1, r.stdout
    return r.stdout.splitlines(), r.stderr


@pytest.fixture(scope="session")
def actuals():
    assert ACTUALS.exists(), ACTUALS
    return ACTUALS
