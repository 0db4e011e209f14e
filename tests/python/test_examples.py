"""The Python examples run as a user runs them, and say what they should."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("MIYAGIPLAN_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def run_example(name, *args, cwd):
    result = subprocess.run([sys.executable, str(ROOT / "examples" / name), *args], cwd=cwd,
                            capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_plan_tour_lists_every_indicator_and_writes_json(tmp_path):
    out = run_example("plan_tour.py", str(tmp_path / "plan.json"), cwd=tmp_path)
    assert out.count("→") == 25
    assert "4-4-1 情報システムの維持管理経費" in out
    assert (tmp_path / "plan.json").read_text(encoding="utf-8").startswith('{\n  "schema": "miyagiplan.Plan.1"')


def test_evaluate_plan_prints_grades_and_rollups(tmp_path):
    out = run_example("evaluate_plan.py", cwd=tmp_path)
    assert "  1-1-1  A  " in out and "  2-1-1  C  " in out
    assert "area 1  順調" in out


def test_notebook_runs_through(tmp_path):
    out = run_example("notebook.py", cwd=tmp_path)
    assert "2 goals, 5 areas, 17 measures (3 sub-measures), 25 indicators" in out
    assert "平成25年13月1日" in out and "NaT" in out
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return
    assert (tmp_path / "attainment.png").stat().st_size > 1000


def test_practice_shows_a_revision_an_exclusion_and_three_years(tmp_path):
    out = run_example("practice.py", cwd=tmp_path)
    assert out.count("as of ") == 3
    assert "excluded from the evaluation (除外): 調査中止のため評価対象外 → －" in out
    assert "登録の伸びが想定を上回ったため目標を引き上げ" in out
    assert "the original target was 4,000 件" in out
    assert "from the milestones" in out
