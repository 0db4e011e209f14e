"""Evaluation as offices practise it, from Python: milestones, revisions, exclusions, figures
known once published, projections and the scalar path's checks. The same worked cases as
tests/unit/unit-practice.cpp: the library decides, Python translates."""

import datetime
import pickle

import pytest

import miyagiplan
from miyagiplan import Observation, Observations, ObservationStatus, ProgressStatus, Projection, Scheme

D = datetime.date


@pytest.fixture
def plan():
    return miyagiplan.miyagi_it_plan_2013()


def with_milestones(plan):
    ind = plan.indicator("1-1-1")
    ind.milestones.append(ind.milestone("平成23年度末", 2500))
    ind.milestones.append(ind.milestone("平成24年度末", "3,000"))
    return ind


def test_milestones_give_the_expected_value(plan):
    straight = miyagiplan.evaluate(plan.indicator("1-1-1").copy(), 3100, as_of="平成24年度末")
    ind = with_milestones(plan)
    assert len(ind.milestones) == 2
    assert ind.milestones[0].value.value == 2500
    assert str(ind.milestones[1].when) == "平成24年度末"
    a = miyagiplan.evaluate(ind, 3100, as_of="平成24年度末")
    assert a.assessment.expected == pytest.approx(3000)
    assert a.assessment.expected_from_milestones
    assert a.status == ProgressStatus.ON_TRACK
    # Against the straight line's ~3,471 the same figure is behind.
    assert straight.assessment.expected == pytest.approx(2280 + 1720 * 821 / 1186)
    assert round(straight.assessment.expected) == 3471
    assert straight.status == ProgressStatus.BEHIND
    # The milestones are saved with the plan (schema version 3) and read back.
    again = miyagiplan.Plan.from_json(plan.to_json())
    assert again.indicator("1-1-1").milestones == ind.milestones
    assert '"schema": "miyagiplan.Indicator.3"' in plan.to_json()


def test_a_revision_in_force(plan):
    ind = plan.indicator("1-1-1")
    ind.revisions.append(
        ind.revision("平成24年6月1日", target=("平成25年度末", 4500), reason="登録の伸びが想定を上回ったため"))
    r = ind.revisions[0]
    assert r.target.value == 4500
    assert r.baseline is None
    assert r.reason == "登録の伸びが想定を上回ったため"
    a = miyagiplan.evaluate(ind, 4200, as_of="平成25年度末")
    assert a.assessment.revisions_in_force == 1
    assert a.assessment.target == pytest.approx(4500)
    assert a.assessment.original_target == pytest.approx(4000)
    assert a.rate == pytest.approx(1920 / 2220)
    assert a.grade == "B"
    assert "the original target was 4,000 件" in a.explanation
    # A revision that changes neither is refused by the plan's rules.
    bad = miyagiplan.miyagi_it_plan_2013()
    bad.indicator("1-1-1").revisions.append(miyagiplan.Revision("平成24年6月1日", reason="?"))
    with pytest.raises(miyagiplan.ValidationError):
        bad.validate()


def test_an_exclusion_leaves_the_rollups(plan):
    obs = Observations(
        [
            plan.observation("1-1-1", "平成23年度末", 2900),
            plan.observation("1-1-1", "平成24年度末", "－", status="除外", note="震災の影響で集計を停止"),
        ],
        plan,
    )
    assert obs[1].status == ObservationStatus.EXCLUDED
    report = plan.evaluate(obs, as_of="平成24年度末")
    a = report["1-1-1"]
    assert a.grade == "－"
    assert a.status == ProgressStatus.EXCLUDED
    assert a.excluded_reason == "震災の影響で集計を停止"
    assert a.explanation == "excluded from the evaluation (除外): 震災の影響で集計を停止 → －"
    assert report.measure("1-1").total == 0
    with pytest.raises(ValueError):
        plan.observation("1-1-1", "平成25年度末", "－", status="excluded")
    assert Scheme(bands=[miyagiplan.GradeBand("A")], excluded="対象外").excluded == "対象外"


def test_published_figures(plan):
    obs = Observations(
        [
            plan.observation("1-1-1", "平成23年度末", 2900, published="平成24年8月31日"),
            plan.observation("1-1-1", "平成24年度末", 3656, published=D(2013, 8, 30)),
        ],
        plan,
    )
    june = miyagiplan.evaluate(plan.indicator("1-1-1"), observations=obs, as_of=D(2013, 6, 30))
    assert june.assessment.actual == 2900
    assert june.assessment.figure_age == 456
    assert june.assessment.figure_published == D(2012, 8, 31)
    assert "456 days old" in june.explanation
    assert miyagiplan.evaluate(plan.indicator("1-1-1"), observations=obs, as_of=D(2013, 8, 30)).assessment.actual == 3656
    assert str(obs[0].published) == "平成24年8月31日"
    assert pickle.loads(pickle.dumps(obs[0])) == obs[0]
    assert Observations.from_csv_text(obs.to_csv(plan), plan) == obs
    assert ",published\n" in obs.to_csv(plan).splitlines(keepends=True)[0]


def test_projection(plan):
    ind = plan.indicator("1-1-1")
    obs = Observations([plan.observation("1-1-1", "平成23年度末", 2500), plan.observation("1-1-1", "平成24年度末", 3000)])
    a = miyagiplan.evaluate(ind, observations=obs, as_of="平成24年度末").assessment
    assert a.projected == pytest.approx(3500)
    assert a.will_reach is False
    growth = Scheme.miyagi()
    growth.projection = "cagr"
    assert growth.projection == Projection.CAGR
    g = miyagiplan.evaluate(ind, observations=obs, as_of="平成24年度末", scheme=growth).assessment
    rate = (3000 / 2280) ** (365.2425 / 821) - 1
    assert g.projected == pytest.approx(3000 * (1 + rate) ** (365 / 365.2425))
    assert Scheme.from_json(growth.to_json()) == growth


def test_the_scalar_path_checks_bounds(plan):
    rank = plan.indicator("2-2-2")
    with pytest.raises(miyagiplan.ValidationError) as e:
        miyagiplan.evaluate(rank, 0, as_of="平成25年度末")
    assert isinstance(e.value, ValueError)
    with pytest.raises(ValueError):
        miyagiplan.evaluate(rank, float("nan"), as_of="平成25年度末")
    with pytest.raises(ValueError):
        miyagiplan.evaluate(plan.indicator("2-1-1"), 120, as_of="平成25年度末")
    assert miyagiplan.evaluate(rank, 30, as_of="平成25年度末").grade == "A"


def test_ibaraki_grades_each_year_against_its_expected_value(plan):
    ind = with_milestones(plan)
    ibaraki = Scheme.preset("ibaraki")
    assert ibaraki == Scheme.ibaraki()

    def grade(value, when):
        return miyagiplan.evaluate(ind, value, as_of=when, scheme="ibaraki").grade

    assert grade(3000, "平成24年度末") == "A"
    assert grade(2856, "平成24年度末") == "B+"
    assert grade(2640, "平成24年度末") == "B"
    assert grade(2639, "平成24年度末") == "C"
    assert grade(2500, "平成23年度末") == "A"


def test_nagayo_and_the_no_change_band(plan):
    ind = plan.indicator("1-1-1")
    assert [miyagiplan.evaluate(ind, v, as_of="平成24年度末", scheme="nagayo").grade for v in (4000, 2508, 2400, 2000)] == [
        "S", "A", "B", "C"]
    banded = Scheme.miyagi()
    banded.no_change_band = 3
    banded.no_change_points = 1.5
    share = plan.indicator("2-1-1")
    assert miyagiplan.evaluate(share, 61.7, as_of="平成25年度末", scheme=banded).grade == "現状維持"
    assert miyagiplan.evaluate(share, 62.0, as_of="平成25年度末", scheme=banded).grade == "C"
    assert Scheme.from_json(banded.to_json()) == banded
    assert eval(repr(banded), {"miyagiplan": miyagiplan}) == banded


def test_weights_and_sum_rollups(plan):
    plan.indicator("2-2-1").weight = 3
    obs = Observations([plan.observation("2-2-1", "平成25年度末", 39), plan.observation("2-2-2", "平成25年度末", 40)], plan)
    m = plan.evaluate(obs).measure("2-2")
    assert m.average_points == pytest.approx(2.5) and m.rating == "順調"
    assert m.sum_points == pytest.approx(10)
    summed = Scheme(
        "aioi",
        bands=[miyagiplan.GradeBand("◎", reached=True, points=5), miyagiplan.GradeBand("○", 0.8, points=2),
               miyagiplan.GradeBand("△", 0, points=0), miyagiplan.GradeBand("▲", points=-1)],
        not_evaluable="－",
        rollup=[miyagiplan.RollupLevel("継続", 5), miyagiplan.RollupLevel("改善", 2),
                miyagiplan.RollupLevel("再構築", 0), miyagiplan.RollupLevel("見直し")],
        rollup_by="sum",
    )
    assert summed.rollup_by == miyagiplan.RollupBasis.SUM
    plan.indicator("2-2-1").weight = 1
    m = plan.evaluate(obs, scheme=summed).measure("2-2")
    assert m.sum_points == 5 and m.rating == "継続"


def test_an_actual_in_another_unit_of_the_same_base(plan):
    ind = plan.indicator("4-4-1")  # 百万円
    same = [miyagiplan.evaluate(ind, v, as_of="平成25年度末").assessment.actual
            for v in ("1,872,000,000円", "18億7200万円", "18.72億円", 1872, "1,872")]
    assert same == [1872000000.0] * 5
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.evaluate(ind, "1,872件", as_of="平成25年度末")
    obs = Observations()
    obs.add(plan.observation("4-4-1", "平成25年度末", "18億7200万円"))
    assert obs[0].value.value == 1872000000.0
