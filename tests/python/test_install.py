"""`python3 -m pip install .` into a fresh virtual environment, with no network: the in-tree
backend builds the extension with CMake. Then import from elsewhere, and uninstall."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("MIYAGIPLAN_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def version_of_the_headers():
    header = (ROOT / "include" / "miyagiplan" / "version.hpp").read_text(encoding="utf-8")
    return ".".join(re.search(rf"MIYAGIPLAN_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH"))


# The build tree's package must not hide the installed one.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def run(*args, cwd):
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True, env=CLEAN_ENV)


def test_pip_install_into_a_venv_then_import_from_elsewhere_then_uninstall(tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--system-site-packages", str(venv), cwd=tmp_path)
    python = str(venv / "bin" / "python")
    # --no-index: nothing may come from a package index (none is reachable here).
    installed = subprocess.run([python, "-m", "pip", "install", "--no-index", str(ROOT)], cwd=tmp_path,
                               capture_output=True, text=True, env=CLEAN_ENV)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = run(python, "-c", "import miyagiplan, datetime; print(miyagiplan.__version__); print(miyagiplan.__file__); "
                "print(miyagiplan.to_wareki(datetime.date(2010, 12, 31)))", cwd=elsewhere).stdout.splitlines()
    assert shown[0] == version_of_the_headers()
    assert shown[1].startswith(str(venv))
    assert shown[2] == "平成22年12月31日"
    files = run(python, "-m", "pip", "show", "-f", "miyagiplan", cwd=elsewhere).stdout
    assert "py.typed" in files and "_core.pyi" in files

    run(python, "-m", "pip", "uninstall", "-y", "miyagiplan", cwd=elsewhere)
    gone = subprocess.run([python, "-c", "import miyagiplan"], cwd=elsewhere, capture_output=True, text=True,
                          env=CLEAN_ENV)
    assert gone.returncode != 0 and "No module named 'miyagiplan'" in gone.stderr
