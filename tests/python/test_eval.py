"""Attainment from Python: the bindings of bindings/bind_eval.cpp and the files it calls."""

import concurrent.futures
import copy
import datetime
import math
import pickle
import re
import threading

import pytest

import miyagiplan
from miyagiplan import (
    Formula,
    GradeBand,
    Observation,
    Observations,
    ObservationStatus,
    ProgressStatus,
    Quantity,
    RollupLevel,
    Scheme,
)

from conftest import assert_exported_and_documented, round_trip  # noqa: E402

D = datetime.date




@pytest.fixture
def actuals_path(source_dir):
    return source_dir / "examples" / "illustrative-actuals.csv"


@pytest.fixture
def actuals(actuals_path):
    return Observations.from_csv(actuals_path)


EVAL_NAMES = [
    "Assessment", "Formula", "GradeBand", "GradeBandList", "IndicatorAssessment", "Observation",
    "Observations", "ObservationStatus", "ProgressStatus", "Report", "Rollup", "RollupLevel",
    "RollupLevelList", "Scheme", "evaluate",
]


@pytest.mark.parametrize("name", EVAL_NAMES)
def test_names_are_exported_documented_and_in_the_package(name):
    assert_exported_and_documented(name)


# --- One indicator, one value ------------------------------------------------------------------


def test_evaluate_one_value(plan):
    result = miyagiplan.evaluate(plan.indicator("1-1-1"), 3656, as_of="平成24年度末")
    assert isinstance(result, miyagiplan.IndicatorAssessment)
    assert result.indicator_id == "1-1-1"
    assert result.rate == pytest.approx(0.8)
    assert result.grade == "B"
    a = result.assessment
    assert a.rate == result.rate and a.grade == "B" and a.evaluable
    assert a.actual == 3656 and a.baseline == 2280 and a.target == 4000
    assert a.as_of == D(2013, 3, 31)
    assert a.formula == Formula.BASELINE_RELATIVE
    assert result.explanation
    [used] = result.observations
    assert used.when.text == "平成24年度末" and used.value.value == 3656


def test_evaluate_a_worsening_rank(plan):
    result = miyagiplan.evaluate(plan.indicator("2-2-2"), actual=41, as_of="平成24年度末")
    assert result.rate < 0
    assert result.grade == "C"
    assert result.status == ProgressStatus.BEHIND


def test_evaluate_arguments(plan):
    ind = plan.indicator("1-1-1")
    by_default = miyagiplan.evaluate(ind, 4000)  # as of the target's last day
    assert by_default.assessment.as_of == D(2014, 3, 31)
    assert by_default.grade == "A" and by_default.status == ProgressStatus.ACHIEVED
    by_date = miyagiplan.evaluate(ind, "3,656", as_of=D(2013, 3, 31))
    assert by_date.rate == pytest.approx(0.8)
    assert by_date.observations[0].when.first == D(2013, 3, 31)
    earlier = miyagiplan.evaluate(ind, 3656, as_of="平成25年度末", when="平成24年度末")
    assert earlier.observations[0].when.text == "平成24年度末"
    assert miyagiplan.evaluate(ind, 3656, as_of="平成24年度末", scheme=Scheme.okr()).grade == "green"
    assert miyagiplan.evaluate(ind, 3656, as_of="平成24年度末", scheme="soumu").grade == "相当程度進展あり"
    nothing = miyagiplan.evaluate(ind)
    assert nothing.grade == "N" and not nothing.assessment.evaluable and nothing.rate is None
    assert nothing.assessment.actual is None
    with pytest.raises(miyagiplan.NotFoundError):
        miyagiplan.evaluate(ind, 1, scheme="nonsense")
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.evaluate(ind, "many")


def test_evaluate_a_state_and_display_units(plan):
    done = miyagiplan.evaluate(plan.indicator("4-5-1"), "全所属", as_of="平成25年度末")
    assert done.grade == "A"
    cost = miyagiplan.evaluate(plan.indicator("4-4-1"), 1900, as_of="平成25年度")
    assert cost.assessment.actual == 1900e6 and cost.grade == "A"


def test_evaluate_with_observations(plan, actuals):
    result = miyagiplan.evaluate(plan.indicator("1-1-1"), observations=actuals, as_of="平成24年度末")
    assert result.assessment.actual == 3500
    assert [o.when.text for o in result.observations][-1] == "平成24年度末"
    assert all(isinstance(i, int) for i in result.observation_indices)


# --- A whole plan ------------------------------------------------------------------------------


def test_plan_evaluate(plan, actuals):
    report = plan.evaluate(actuals, as_of="平成25年度末")
    assert isinstance(report, miyagiplan.Report)
    assert report.as_of == D(2014, 3, 31) and type(report.as_of) is D
    assert report.plan_id == "miyagi-it-2013" and report.scheme_name == "miyagi"
    assert len(report.indicators) == len(report) == 25
    assert report.find("1-1-1").grade == "A"
    assert report.find("2-1-1").grade == "C"
    assert report["1-1-1"].assessment.reached
    assert report.find("9-9-9") is None
    with pytest.raises(miyagiplan.NotFoundError):
        report["9-9-9"]
    assert report.area("1").rating == "順調"
    assert report.areas[0].id == "1" and report.areas[0].kind == "area"
    assert report.area("1").grade_counts == {"A": 2, "B": 1, "C": 0, "N": 0}
    assert report.area("1").evaluable == report.area("1").total == 3
    assert report.measure("1-1").rating == "順調"
    # Both goals span all five areas: one roll-up of the whole plan instead of two goal rows.
    assert list(report.goals) == []
    assert report.overall.kind == "plan" and report.overall.total == 25
    assert [a.indicator_id for a in report] == [i.id for i in plan.indicators()]
    assert repr(report) == "<miyagiplan.Report 'miyagi-it-2013' as of 2014-03-31 by miyagi: 25 indicators>"


def test_plan_evaluate_defaults(plan, actuals):
    report = plan.evaluate(actuals)
    assert report.as_of == D(2014, 3, 31)  # the last day of the plan's period
    assert plan.evaluate(actuals, as_of=D(2014, 3, 31), scheme=Scheme.miyagi()).find("1-1-1").grade == "A"
    empty = plan.evaluate()
    assert all(a.grade == "N" for a in empty.indicators)
    assert miyagiplan.evaluate(plan, actuals, as_of="平成25年度末").find("2-1-1").grade == "C"


def test_report_keeps_its_observations(plan, actuals):
    report = plan.evaluate(actuals, as_of="平成25年度末")
    before = [o.value.value for o in report.find("1-1-1").observations]
    actuals.add(plan.observation("1-1-1", "平成25年度末", 1))
    assert [o.value.value for o in report.find("1-1-1").observations] == before
    assert plan.evaluate(actuals, as_of="平成25年度末").find("1-1-1").grade == "C"


def test_report_keeps_its_plan(plan, actuals):
    report = plan.evaluate(actuals, as_of="平成25年度末")
    plan.indicator("1-1-1").name = "changed after"
    assert report.to_dataframe().loc[0, "name"] != "changed after"


def test_to_dataframe(plan, actuals):
    pandas = pytest.importorskip("pandas")
    report = plan.evaluate(actuals, as_of="平成25年度末")
    df = report.to_dataframe()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == [
        "id", "name", "unit", "baseline", "baseline_date", "target", "target_date", "actual",
        "expected", "rate", "grade", "status", "explanation",
    ]
    assert len(df) == 25
    row = df.set_index("id").loc["4-4-1"]
    assert row["baseline"] == 2223.0 and row["target"] == 1920.0 and row["unit"] == "百万円"
    assert row["baseline_date"] == D(2010, 3, 31)
    first = df.iloc[0]
    assert first["id"] == "1-1-1" and first["grade"] == "A" and first["status"] == "achieved"
    assert first["actual"] == 4150.0 and first["rate"] == pytest.approx(1870 / 1720)
    assert math.isnan(df.set_index("id").loc["4-5-1", "baseline"])  # －: no number
    assert df["rate"].dtype == float
    rollups = report.rollups_dataframe()
    assert list(rollups.columns[:7]) == ["kind", "id", "title", "rating", "average_points", "evaluable", "total"]
    assert list(rollups.columns[7:]) == ["A", "B", "C", "N"]
    assert list(rollups["kind"].unique()) == ["measure", "area", "plan"]
    area1 = rollups[(rollups["kind"] == "area") & (rollups["id"] == "1")].iloc[0]
    assert area1["rating"] == "順調" and area1["A"] == 2


# --- Observations ------------------------------------------------------------------------------


def test_observations_from_csv(plan, actuals, actuals_path):
    assert len(actuals) == 75
    first = actuals[0]
    assert isinstance(first, Observation)
    assert first.indicator_id == "1-1-1" and first.value.value == 2900
    assert first.when.last == D(2012, 3, 31) and first.status == ObservationStatus.ACTUAL
    assert first.source == "illustrative"
    assert actuals[-1] == list(actuals)[-1] == actuals.items()[-1]
    estimate = [o for o in actuals.for_indicator("3-1-1") if o.status == ObservationStatus.ESTIMATE]
    assert estimate and estimate[0].value.value == 2610e8
    assert Observations.from_csv(str(actuals_path), plan=plan) == actuals
    assert Observations.load(actuals_path) == actuals


def test_bad_csv_raises_schema_error(tmp_path, plan):
    path = tmp_path / "bad.csv"
    path.write_text("indicator,date,value\n1-1-1,平成23年度末,2900\n9-9-9,平成23年度末,1\n", encoding="utf-8")
    with pytest.raises(miyagiplan.SchemaError) as caught:
        Observations.from_csv(path, plan)
    assert isinstance(caught.value, ValueError)
    assert re.fullmatch(re.escape(str(path)) + r":3:1", caught.value.where)
    assert "9-9-9" in str(caught.value)
    with pytest.raises(miyagiplan.SchemaError) as caught:
        Observations.from_csv_text("indicator,date,value\n1-1-1,平成23年度末,many\n")
    assert caught.value.where == "<csv>:2:15"  # columns count characters
    with pytest.raises(miyagiplan.SchemaError) as caught:
        Observations.from_csv_text("indicator,when,value\n", file_name="x.csv")
    assert caught.value.where.startswith("x.csv:1:")
    with pytest.raises(miyagiplan.FileError):
        Observations.from_csv(tmp_path / "missing.csv")


def test_observations_round_trip(plan, actuals, tmp_path):
    text = actuals.to_csv(plan)
    assert Observations.from_csv_text(text, plan) == actuals
    assert Observations.from_json_text(actuals.to_json()) == actuals
    path = tmp_path / "actuals.json"
    path.write_text(actuals.to_json(), encoding="utf-8")
    assert Observations.from_json(path) == actuals == Observations.load(path)
    assert pickle.loads(pickle.dumps(actuals)) == actuals
    twin = copy.copy(actuals)
    twin.add(actuals[0])
    assert len(twin) == 76 and len(actuals) == 75


def test_plan_observation_reads_the_unit(plan):
    o = plan.observation("4-4-1", "平成25年度", 1900)
    assert o.value.value == 1900e6 and o.value.text == "1,900百万円"
    assert plan.observation("3-1-1", "平成25年度（見込）", "2,610").status == ObservationStatus.ESTIMATE
    assert plan.observation("4-5-1", "平成25年度末", "全所属").value.state == miyagiplan.ValueState.ALL
    assert plan.observation("4-5-1", "平成25年度末", 120, total=200).total == 200
    assert plan.observation("1-1-1", D(2013, 3, 31), 1, status="見込").status == ObservationStatus.ESTIMATE
    with pytest.raises(miyagiplan.ValidationError):
        plan.observation("2-2-2", "平成25年度末", 48)  # a rank among 47
    with pytest.raises(miyagiplan.NotFoundError):
        plan.observation("9-9-9", "平成25年度末", 1)


def test_observations_add_and_construct(plan):
    o = Observation("1-1-1", "平成24年度末", Quantity.of(3656, "件"))
    assert o.status == ObservationStatus.ACTUAL
    assert Observation("1-1-1", "平成24年度（見込）", Quantity.of(1, "件")).status == ObservationStatus.ESTIMATE
    assert round_trip(o) == o and pickle.loads(pickle.dumps(o)) == o
    obs = Observations([o])
    obs.add(o, plan=plan)
    assert len(obs) == 2
    with pytest.raises(miyagiplan.ValidationError):
        obs.add(Observation("9-9-9", "平成24年度末", Quantity.of(1, "件")), plan=plan)
    with pytest.raises(miyagiplan.ValidationError):
        Observations([Observation("2-2-2", "平成24年度末", Quantity.of(50, "位"))], plan=plan)
    with pytest.raises(TypeError):
        Observations([1])
    with pytest.raises(TypeError):
        Observation("1-1-1", "平成24年度末", 3656)  # a bare number: use plan.observation
    assert repr(obs) == "<miyagiplan.Observations 2 observations>"


# --- Schemes -----------------------------------------------------------------------------------


def test_schemes():
    assert Scheme.preset_names() == ["miyagi", "soumu", "open_sdg", "unsd_2023", "okr", "ibaraki", "nagayo"]
    for name in Scheme.preset_names():
        s = Scheme.preset(name)
        assert s == getattr(Scheme, name)() and s.name == name
        assert Scheme.from_json(s.to_json()) == s
        assert pickle.loads(pickle.dumps(s)) == s
        assert round_trip(s) == s
        s.validate()
    with pytest.raises(miyagiplan.NotFoundError):
        Scheme.preset("nonsense")
    miyagi = Scheme.miyagi()
    assert [b.label for b in miyagi.bands] == ["A", "B", "C"]
    assert miyagi.bands[0].reached and miyagi.bands[0].min_rate is None
    assert miyagi.bands[1].min_rate == 0.8
    assert [level.label for level in miyagi.rollup][0] == "順調"
    miyagi.bands[1].min_rate = 0.9  # a part: changes the scheme, not the preset
    assert miyagi.bands[1].min_rate == 0.9 and Scheme.miyagi().bands[1].min_rate == 0.8


def test_custom_scheme(plan):
    pass_fail = Scheme(
        "pass_fail",
        formula="simple_ratio",
        bands=[GradeBand("pass", min_rate=1.0, points=1), GradeBand("fail", points=0)],
        rollup=[RollupLevel("good", min_points=0.5), RollupLevel("poor")],
    )
    pass_fail.validate()
    assert round_trip(pass_fail) == pass_fail
    result = miyagiplan.evaluate(plan.indicator("1-1-1"), 4000, scheme=pass_fail)
    assert result.grade == "pass" and result.assessment.formula == Formula.SIMPLE_RATIO
    broken = Scheme("broken", bands=[GradeBand("A", min_rate=0.5)])
    with pytest.raises(miyagiplan.ValidationError):
        broken.validate()
    with pytest.raises(miyagiplan.ValidationError):
        plan.evaluate(scheme=broken)
    with pytest.raises(miyagiplan.SchemaError):
        Scheme.from_json('{"schema": "miyagiplan.Scheme.1"}')


def test_observation_status_reads_japanese():
    assert ObservationStatus.from_string("実績") == ObservationStatus.ACTUAL
    assert ObservationStatus.from_string("見込み") == ObservationStatus.ESTIMATE


# --- Threads -----------------------------------------------------------------------------------


def summary(report):
    return [(a.indicator_id, a.grade, a.rate, a.status) for a in report.indicators] + [
        (r.kind, r.id, r.rating) for r in report.measures + report.areas + report.goals
    ]


def test_threads_give_the_same_results(plan, actuals):
    expected = {
        day: summary(plan.evaluate(actuals, as_of=day))
        for day in ("平成23年度末", "平成24年度末", "平成25年度末")
    }
    start = threading.Barrier(8)

    def work(k):
        start.wait()
        day = list(expected)[k % 3]
        return day, [summary(plan.evaluate(actuals, as_of=day)) for _ in range(20)]

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for day, results in pool.map(work, range(8)):
            assert all(r == expected[day] for r in results)


def test_threads_evaluating_while_another_edits(actuals):
    plan = miyagiplan.miyagi_it_plan_2013()
    expected = summary(miyagiplan.miyagi_it_plan_2013().evaluate(actuals, as_of="平成25年度末"))
    stop = threading.Event()

    def edit():
        k = 0
        while not stop.is_set():
            plan.indicator("1-1-1").name = f"name {k}"  # names do not change grades
            actuals.add(actuals[0])  # copied on write: the reports' sets never change
            k += 1

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        for _ in range(30):
            report = plan.evaluate(actuals, as_of="平成25年度末")
            assert summary(report) == expected
    finally:
        stop.set()
        editor.join()


def test_report_explains_in_either_language(plan, actuals):
    report = plan.evaluate(actuals, as_of="平成25年度末")
    assert report.explain("1-1-1", lang="en") == report.find("1-1-1").explanation
    ja = report.explain("1-1-1")
    assert "現状値基準" in ja and ja in report.to_html()
    with pytest.raises(miyagiplan.NotFoundError):
        report.explain("9-9-9")
