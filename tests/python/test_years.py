"""Every fiscal year at once from Python (Plan.evaluate_years): the same worked cases as
tests/unit/unit-years.cpp, the DataFrame with a row per indicator and fiscal year, and the
renderers of ``miyagiplan report --years``."""

import json

import pytest

import miyagiplan
from miyagiplan import GradeMovement, Observations


@pytest.fixture
def plan():
    return miyagiplan.miyagi_it_plan_2013()


def three_years(plan):
    obs = Observations()
    for when, value in [("平成23年度末", 2900), ("平成24年度末", 3500), ("平成25年度末", 4150)]:
        obs.add(plan.observation("1-1-1", when, value))
    return obs


def test_each_year_is_the_evaluation_as_of_its_last_day(plan):
    obs = three_years(plan)
    years = plan.evaluate_years(obs)
    assert years.fiscal_years == [2011, 2012, 2013]
    assert len(years) == 3
    for fy, report in zip(years.fiscal_years, years.reports):
        alone = plan.evaluate(obs, as_of=f"{fy}年度")
        assert report.as_of == alone.as_of
        assert [a.grade for a in report] == [a.grade for a in alone]
    # 2,900 → 36 % (C), 3,500 → 70.9 % (C), 4,150 ≥ 4,000 (A), by Miyagi's scheme.
    assert [years[fy]["1-1-1"].grade for fy in years.fiscal_years] == ["C", "C", "A"]
    with pytest.raises(miyagiplan.NotFoundError):
        years[2014]


def test_grade_changes(plan):
    years = plan.evaluate_years(three_years(plan))
    first = years.changes[:2]
    assert [(c.indicator_id, c.fiscal_year, c.previous, c.current) for c in first] == [
        ("1-1-1", 2012, "C", "C"),
        ("1-1-1", 2013, "C", "A"),
    ]
    assert first[0].movement == GradeMovement.SAME and first[1].movement == GradeMovement.UP
    assert "1-1-1 FY2013: C → A (up)" in repr(first[1])


def test_dataframe_has_a_row_per_indicator_and_year(plan):
    pandas = pytest.importorskip("pandas")
    years = plan.evaluate_years(three_years(plan))
    df = years.to_dataframe()
    assert len(df) == 25 * 3
    assert list(df.columns[:2]) == ["fiscal_year", "id"]
    assert list(df.columns[-2:]) == ["previous_grade", "movement"]
    row = df[(df.fiscal_year == 2013) & (df.id == "1-1-1")].iloc[0]
    assert row.grade == "A" and row.previous_grade == "C" and row.movement == "up"
    # Each year's rows are that year's Report.to_dataframe().
    for fy, report in zip(years.fiscal_years, years.reports):
        part = df[df.fiscal_year == fy].drop(columns=["fiscal_year", "previous_grade", "movement"])
        pandas.testing.assert_frame_equal(part.reset_index(drop=True), report.to_dataframe())
    counts = years.counts_dataframe()
    a = counts[(counts.kind == "indicator") & (counts.label == "A")].iloc[0]
    assert [a["2011"], a["2012"], a["2013"]] == [0, 0, 1]
    for fy in ["2011", "2012", "2013"]:
        assert counts[counts.kind == "indicator"][fy].sum() == 25


def test_renderers(plan, tmp_path):
    years = plan.evaluate_years(three_years(plan))
    j = json.loads(years.to_json())
    assert j["schema"] == "miyagiplan.Years.1" and len(j["years"]) == 3
    assert years.to_csv().count("\n") == 1 + 25 * 3
    for text in (years.to_text(), years.to_markdown(), years.to_html()):
        assert "年度別の推移" in text and "A↑" in text
    assert "Year over year" in years.to_text(lang="en")
    path = tmp_path / "years.xlsx"
    years.to_excel(path)
    openpyxl = pytest.importorskip("openpyxl")
    assert "Counts by year" in openpyxl.load_workbook(path).sheetnames or "評価の件数の推移" in openpyxl.load_workbook(path).sheetnames


def test_a_plan_without_a_period_is_a_range_error(plan):
    plan.period = None
    with pytest.raises(miyagiplan.RangeError) as e:
        plan.evaluate_years(Observations())
    assert isinstance(e.value, ValueError)
    assert "period" in str(e.value)


def test_an_evaluation_record(plan, tmp_path):
    report = plan.evaluate(three_years(plan))
    rec = report.new_record()
    assert rec["schema"] == "miyagiplan.EvaluationRecord.1"
    assert rec["entries"][0]["id"] == "1-1-1" and rec["entries"][0]["grade"] == "A"
    rec["entries"][0].update(reason="登録者数が目標を上回った", opinion="要検討", response="周知を継続する")
    shown = report.with_record(rec)
    assert report.record is None and shown.record["entries"][0]["opinion"] == "needs_review"
    for text in (shown.to_text(), shown.to_markdown(), shown.to_html()):
        assert "評価記録" in text and "登録者数が目標を上回った" in text
    assert "reason,opinion,comment,response" in shown.to_csv()
    path = tmp_path / "record.json"
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    assert report.with_record(path).to_json() == shown.to_json()
    rec["entries"][0]["opinion"] = "maybe"
    with pytest.raises(miyagiplan.SchemaError) as e:
        report.with_record(rec)
    assert isinstance(e.value, ValueError) and "/entries/0/opinion" in str(e.value)
    rec["entries"][0]["opinion"] = "none"
    rec["plan"] = "another"
    with pytest.raises(miyagiplan.ValidationError):
        report.with_record(rec)
