"""The plan model from Python: the bindings of bindings/bind_model.cpp."""

import copy
import datetime
import gc
import pickle

import pytest

import miyagiplan
from miyagiplan import (
    Accumulation,
    Area,
    Bounds,
    DatedValue,
    Direction,
    FileFormat,
    Indicator,
    Initiative,
    InitiativeItem,
    Measure,
    Plan,
    PolicyPart,
    Quantity,
    Unit,
    ValueState,
)

from conftest import assert_exported_and_documented, round_trip  # noqa: E402

D = datetime.date




def new_indicator(plan, id="1-1-9", **fields):
    """An indicator that fits measure 1-1, based on 1-1-1."""
    base = plan.indicator("1-1-1")
    values = dict(id=id, name="テスト登録件数", unit="件", baseline=base.baseline, target=base.target)
    values.update(fields)
    return Indicator(**values)


# --- The package -------------------------------------------------------------------------------

MODEL_NAMES = [
    "Accumulation", "Area", "AreaList", "Bounds", "DatedValue", "Direction", "FileFormat", "Goal",
    "GoalList", "Indicator", "IndicatorList", "Initiative", "InitiativeItem", "InitiativeItemList",
    "InitiativeList", "Measure", "MeasureList", "NotFoundError", "Plan", "PolicyPart",
    "PolicyPartList", "Problem", "Promotion", "Quantity", "Section", "SectionList", "Strategy",
    "StrategyList", "StringList", "Unit", "ValueState", "format_quantity", "miyagi_it_plan_2013",
    "parse_quantity",
]


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_names_are_exported_documented_and_in_the_package(name):
    assert_exported_and_documented(name)


# --- The bundled plan --------------------------------------------------------------------------


def test_counts(plan):
    assert len(plan.goals) == 2
    assert len(plan.areas) == 5
    assert sum(len(area.measures) for area in plan.areas) == 17
    assert len(plan.measures()) == 17 + 3
    assert [m.id for m in plan.measure("3-1").sub_measures] == ["3-1(1)", "3-1(2)", "3-1(3)"]
    assert len(plan.indicators()) == 25
    assert plan.indicators()[0].id == "1-1-1" and plan.indicators()[-1].id == "5-3-3"
    assert plan.problems() == []
    plan.validate()


def test_each_call_gives_a_fresh_plan(plan):
    plan.indicator("1-1-1").name = "changed"
    assert miyagiplan.miyagi_it_plan_2013().indicator("1-1-1").name != "changed"


def test_plan_fields(plan):
    assert plan.id == "miyagi-it-2013"
    assert plan.title
    assert plan.period.first == D(2011, 4, 1) and plan.period.last == D(2014, 3, 31)
    assert plan.goals[0].id == "G1" and list(plan.goals[0].areas)
    assert plan.area("4").title == "電子自治体化の推進"
    assert plan.goal("G2").title
    assert plan.sections and plan.sections[0].key
    assert plan.promotion.organisation
    assert plan.strategies and plan.strategy(plan.strategies[0].id) == plan.strategies[0]
    adopted = [s.adopted for s in plan.strategies if s.adopted is not None]
    assert adopted and all(isinstance(a, miyagiplan.DateExpression) for a in adopted)


def test_indicator_4_4_1(plan):
    ind = plan.indicator("4-4-1")
    assert ind.name == "情報システムの維持管理経費"
    assert ind.unit.symbol == "百万円" and ind.unit.base == "円" and ind.unit.scale == 6
    assert ind.unit.factor == 1e6
    assert ind.direction == Direction.DECREASE and str(ind.direction) == "decrease"
    assert ind.accumulation == Accumulation.FLOW
    assert ind.bounds is None
    b = ind.baseline
    assert b.value == 2223e6
    assert b.display == "2,223百万円"
    assert b.display_value == 2223.0
    assert b.text == "2,223 百万円"
    assert b.quantity.value == 2223e6 and b.quantity.state == ValueState.NUMBER
    assert b.period.first == D(2009, 4, 1) and b.period.last == D(2010, 3, 31)
    assert b.when == b.period and b.date_text == "平成 21 年度"
    assert b.estimate is False
    assert ind.target.value == 1920e6 and ind.target.display == "1,920百万円"
    assert "2,223 百万円" in ind.source


def test_rank_bounds(plan):
    ind = plan.indicator("2-2-2")
    assert ind.direction == Direction.DECREASE
    assert (ind.bounds.min, ind.bounds.max) == (1, 47)
    assert tuple(ind.bounds) == (1.0, 47.0)
    assert ind.bounds == Bounds(1, 47)


def test_states_and_estimates(plan):
    target = plan.indicator("4-5-1").target
    assert target.quantity.state == ValueState.ALL
    assert target.value is None and target.display_value is None and not target.is_number
    assert target.display == "全所属"
    assert plan.indicator("4-5-1").baseline.state == ValueState.MISSING
    assert plan.indicator("4-5-2").baseline.state == ValueState.NONE_DONE
    assert plan.indicator("4-5-2").baseline.display == "実施なし"
    assert plan.indicator("4-6-1").baseline.estimate is True
    assert plan.indicator("4-6-1").baseline.date_text.endswith("（見込）")
    assert plan.indicator("4-6-1").target.estimate is False
    assert plan.indicator("5-1-2").target.quantity.note_mark is True
    assert plan.indicator("4-2-1").notes[0].startswith("※")


def test_lookups_raise_not_found(plan):
    for lookup in (plan.indicator, plan.measure, plan.area, plan.goal, plan.strategy):
        with pytest.raises(miyagiplan.NotFoundError) as caught:
            lookup("9-9-9")
        assert isinstance(caught.value, KeyError)
        assert isinstance(caught.value, miyagiplan.Error)
        assert "9-9-9" in str(caught.value)
    with pytest.raises(KeyError):
        plan.indicator("4-4-9")


def test_repr_is_brief(plan):
    assert repr(plan) == "<miyagiplan.Plan 'miyagi-it-2013' 25 indicators>"
    assert repr(plan.indicator("4-4-1")) == "<miyagiplan.Indicator '4-4-1' '情報システムの維持管理経費'>"
    assert repr(plan.area("1")).startswith("<miyagiplan.Area '1' ")
    assert repr(plan.measure("1-1")).endswith(": 1 indicator>")
    assert len(repr(plan.areas)) < 1000


# --- Parts of a plan ---------------------------------------------------------------------------


def test_edits_through_parts_reach_the_plan(plan):
    plan.indicator("1-1-1").name = "x"
    assert plan.indicator("1-1-1").name == "x"
    plan.areas[0].measures[0].indicators[0].unit = "人"
    assert plan.indicator("1-1-1").unit == Unit("人")
    plan.indicator("4-4-1").unit.symbol = "百万円（税込）"
    assert plan.indicator("4-4-1").unit.symbol == "百万円（税込）"
    plan.indicator("4-4-1").baseline.quantity.text = "2,223百万円"
    assert plan.indicator("4-4-1").baseline.text == "2,223百万円"
    plan.indicator("4-4-1").direction = "increase"
    assert plan.indicator("4-4-1").direction == Direction.INCREASE
    plan.indicator("2-2-2").bounds.max = 50
    assert plan.indicator("2-2-2").bounds == Bounds(1, 50)
    plan.indicator("2-2-2").bounds = None
    assert plan.indicator("2-2-2").bounds is None
    plan.indicator("4-2-1").notes.append("※ もう一つ")
    assert len(plan.indicator("4-2-1").notes) == 2
    plan.measure("3-1").sub_measures[0].title = "新"
    assert plan.measure("3-1(1)").title == "新"


def test_parts_keep_the_plan_alive():
    plan = miyagiplan.miyagi_it_plan_2013()
    baseline = plan.indicator("4-4-1").baseline
    areas = plan.areas
    del plan
    gc.collect()
    assert baseline.display == "2,223百万円"
    assert baseline.unit.symbol == "百万円"
    assert len(areas) == 5


def test_parts_survive_checked_edits(plan):
    ind = plan.indicator("5-3-3")
    measure = plan.measure("1-1")
    added = plan.add_indicator("1-1", new_indicator(plan))
    assert added.id == "1-1-9" and added == plan.indicator("1-1-9")
    plan.set_target("1-1-1", plan.indicator("1-1-1").dated_value("平成25年度末", 5000))
    ind.name = "after the edits"
    assert plan.indicator("5-3-3").name == "after the edits"
    assert [i.id for i in measure.indicators] == ["1-1-1", "1-1-9"]
    added.name = "edited through the returned part"
    assert plan.indicator("1-1-9").name == "edited through the returned part"


def test_a_part_whose_place_is_gone_raises(plan):
    ind = plan.areas[4].measures[2].indicators[2]
    plan.areas[4].measures[2].indicators.clear()
    with pytest.raises(miyagiplan.Error, match="no longer part"):
        ind.name


def test_copies_are_independent(plan):
    ind = plan.indicator("1-1-1")
    for other in (ind.copy(), copy.copy(ind), copy.deepcopy(ind)):
        other.name = "copy"
        assert plan.indicator("1-1-1").name != "copy"
    twin = copy.deepcopy(plan)
    assert twin == plan and twin is not plan
    twin.indicator("1-1-1").name = "twin"
    assert twin != plan
    assert copy.copy(plan) == plan and plan.copy() == plan


# --- Live lists --------------------------------------------------------------------------------


def test_live_lists(plan):
    notes = plan.indicator("5-2-1").notes
    assert isinstance(notes, miyagiplan.StringList)
    import collections.abc

    assert isinstance(notes, collections.abc.MutableSequence)
    assert len(notes) == 1 and notes == [notes[0]] and notes == (notes[-1],)
    notes.append("b")
    notes.insert(0, "a")
    notes.extend(["c", "d"])
    assert notes[0] == "a" and notes[-1] == "d" and "c" in notes
    assert notes.index("b") == 2 and notes.count("b") == 1
    assert notes.pop() == "d"
    del notes[0]
    notes[0] = "first"
    assert list(notes) == ["first", "b", "c"]
    assert notes[1:] == ["b", "c"]
    with pytest.raises(IndexError):
        notes[10]
    with pytest.raises(TypeError):
        notes.append(3)
    with pytest.raises(TypeError):
        plan.indicator("5-2-1").notes = "not a list of str"
    plan.indicator("5-2-1").notes = ("x", "y")
    assert plan.indicator("5-2-1").notes == ["x", "y"]
    notes.clear()
    assert plan.indicator("5-2-1").notes == []


def test_model_lists_hold_parts_and_take_copies(plan):
    indicators = plan.measure("1-1").indicators
    assert isinstance(indicators, miyagiplan.IndicatorList)
    indicators.append(indicators[0])  # a copy of the first
    assert indicators[1] == indicators[0]
    indicators[1].id = "1-1-2"
    assert indicators[0].id == "1-1-1" and plan.indicator("1-1-2").id == "1-1-2"
    popped = indicators.pop()
    assert popped.id == "1-1-2"
    popped.name = "removed: a value of its own now"
    assert len(indicators) == 1
    with pytest.raises(TypeError, match="Indicator"):
        indicators.append(plan.measure("1-2"))
    plan.areas = list(plan.areas)[:2]
    assert [a.id for a in plan.areas] == ["1", "2"]
    assert len(plan.indicators()) == 7


# --- Checked edits -----------------------------------------------------------------------------


def test_add_measure_initiative_indicator(plan):
    measure = Measure(
        id="1-4",
        number=4,
        title="新しい施策",
        policy=[PolicyPart("", "方針")],
        initiatives=[Initiative(1, "取組", items=[InitiativeItem("・", "項目", channels=["ＨＰ"])])],
        indicators=[new_indicator(plan, id="1-4-1")],
    )
    added = plan.add_measure("1", measure)
    assert added == measure and plan.measure("1-4") == measure
    assert len(plan.indicators()) == 26
    assert plan.indicators()[3].id == "1-4-1"
    initiative = plan.add_initiative("1-4", Initiative(2, "二つ目"))
    assert initiative.number == 2 and len(plan.measure("1-4").initiatives) == 2
    plan.add_indicator("1-4", new_indicator(plan, id="1-4-2"))
    assert plan.measure("1-4").indicators[-1].id == "1-4-2"
    plan.validate()


def test_refused_edits_leave_the_plan_unchanged(plan):
    before = plan.to_json()
    with pytest.raises(miyagiplan.ValidationError) as caught:
        plan.add_indicator("1-1", new_indicator(plan, id="1-1-1"))  # a duplicate id
    assert isinstance(caught.value, ValueError) and "duplicate" in str(caught.value)
    with pytest.raises(miyagiplan.ValidationError):
        plan.set_target("2-2-2", plan.indicator("2-2-2").dated_value("平成25年度末", 60))  # > 47
    with pytest.raises(miyagiplan.ValidationError):
        plan.set_target("1-1-1", plan.indicator("1-1-1").dated_value("平成21年度末", 5000))  # early
    with pytest.raises(miyagiplan.ValidationError):
        plan.add_measure("1", Measure(id="1-1", number=9, title="dup"))
    with pytest.raises(miyagiplan.NotFoundError):
        plan.add_indicator("9-9", new_indicator(plan))
    with pytest.raises(miyagiplan.NotFoundError):
        plan.set_target("9-9-9", plan.indicator("1-1-1").target)
    assert plan.to_json() == before


def test_set_target(plan):
    ind = plan.indicator("4-4-1")
    plan.set_target("4-4-1", ind.dated_value("平成25年度", "1,800 百万円"))
    assert ind.target.value == 1800e6 and ind.target.display == "1,800百万円"
    plan.set_target("4-5-1", plan.indicator("4-5-1").dated_value("平成23～25年度", "全所属"))
    plan.validate()


def test_problems_and_validate(plan):
    plan.indicator("2-2-2").baseline.quantity.value = 99  # breaks the bounds and its text
    problems = plan.problems()
    assert problems and all(isinstance(p, miyagiplan.Problem) for p in problems)
    assert problems[0].where.startswith("indicator 2-2-2")
    assert round_trip(problems[0]) == problems[0]
    with pytest.raises(miyagiplan.ValidationError) as caught:
        plan.validate()
    assert caught.value.where.startswith("indicator 2-2-2")


# --- Formats -----------------------------------------------------------------------------------


def test_json_round_trip_is_text_identical(plan, source_dir):
    text = plan.to_json()
    assert Plan.from_json(text).to_json() == text
    assert Plan.from_json(text) == plan
    data = (source_dir / "data" / "plans" / "miyagi-it-plan-2013.json").read_text(encoding="utf-8")
    assert text == data


def test_bad_json_raises_schema_error():
    with pytest.raises(miyagiplan.SchemaError) as caught:
        Plan.from_json('{"schema": "miyagiplan.Plan.1", "id": 3}')
    assert isinstance(caught.value, ValueError)
    assert caught.value.where


@pytest.mark.parametrize("fmt", ["json", "text", "binary", "xml", FileFormat.XML, FileFormat.BINARY])
def test_save_and_load(plan, tmp_path, fmt):
    path = tmp_path / f"plan.{fmt}"
    plan.save(path, format=fmt)
    assert path.stat().st_size > 0
    loaded = Plan.load(path)
    assert loaded == plan
    assert Plan.load(str(path)).to_json() == plan.to_json()


def test_save_load_errors(plan, tmp_path):
    with pytest.raises(miyagiplan.ParseError):
        plan.save(tmp_path / "plan.x", format="yaml")
    with pytest.raises(miyagiplan.FileError) as caught:
        Plan.load(tmp_path / "missing.json")
    assert isinstance(caught.value, OSError)
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(miyagiplan.SchemaError) as caught:
        Plan.load(bad)
    assert str(bad) in caught.value.where


def test_pickle(plan):
    assert pickle.loads(pickle.dumps(plan)) == plan
    ind = plan.indicator("4-4-1")
    for obj in (ind, ind.unit, ind.baseline.quantity, plan.indicator("2-2-2").bounds,
                plan.measure("3-1"), plan.area("2"), plan.goals[0], plan.sections[0],
                plan.promotion, plan.strategies[0], plan.measure("1-1").initiatives[0]):
        again = pickle.loads(pickle.dumps(obj))
        assert again == obj and type(again) is type(obj)
    baseline = pickle.loads(pickle.dumps(ind.baseline))
    assert baseline == ind.baseline and baseline.display == "2,223百万円"


# --- Units, quantities, dated values -----------------------------------------------------------


def test_units():
    assert Unit.parse("億円") == Unit("億円", base="円", scale=8)
    assert Unit("百万円").factor == 1e6
    assert Unit("件").scale == 0 and Unit("件").base == "件"
    assert Unit("x", scale=3) == Unit("x", base="x", scale=3)
    for u in (Unit("百万円"), Unit("x", base="y", scale=2)):
        assert round_trip(u) == u
    assert str(Unit("％")) == "％"


def test_quantities():
    q = miyagiplan.parse_quantity("2,223 百万円", "百万円")
    assert q.value == 2223e6 and q.is_number and q.text == "2,223 百万円"
    assert q.display_value("百万円") == 2223.0
    assert miyagiplan.parse_quantity("0.07 億円", Unit("億円")).value == 7_000_000
    assert miyagiplan.parse_quantity("562 校（※）", "校").note_mark
    assert miyagiplan.parse_quantity("全所属", "所属").state == ValueState.ALL
    assert miyagiplan.format_quantity(2223e6, "百万円") == "2,223百万円"
    assert Quantity.of(2223e6, "百万円").text == "2,223百万円"
    assert Quantity.of_state("none_done").text == "実施なし"
    assert Quantity.parse("58.8％", "%").value == 58.8
    with pytest.raises(miyagiplan.ParseError) as caught:
        miyagiplan.parse_quantity("2,223 億円", "百万円")
    assert caught.value.position == 6
    with pytest.raises(miyagiplan.RangeError):
        Quantity.of(float("inf"), "件")
    with pytest.raises(miyagiplan.RangeError):
        Quantity.of_state(ValueState.NUMBER)
    for value in (q, Quantity.of_state(ValueState.ALL), Quantity(ValueState.NUMBER, 1.5, "1.5", True)):
        assert round_trip(value) == value


def test_dated_values(plan):
    v = DatedValue("平成25年度末", 0.07, unit="億円")
    assert v.value == 7_000_000 and v.display == "0.07億円" and v.display_value == 0.07
    assert v.period.last == D(2014, 3, 31)
    assert DatedValue(D(2014, 3, 31), Quantity.of(5.0, "件")).when.first == D(2014, 3, 31)
    assert round_trip(v) == v
    with pytest.raises(TypeError):
        DatedValue("平成25年度末", 5)
    own = plan.indicator("4-4-1").dated_value("平成25年度", 1900)
    assert own.value == 1900e6 and own.unit.symbol == "百万円" and own.display == "1,900百万円"
    assert plan.indicator("4-5-1").dated_value("平成25年度", "全所属").state == ValueState.ALL
    with pytest.raises(miyagiplan.ParseError):
        plan.indicator("4-4-1").dated_value("平成25年度", "1,900 件")
    assert copy.copy(plan.indicator("4-4-1").baseline).display == "2,223百万円"


def test_small_reprs_evaluate_back(plan):
    for obj in (Bounds(1, 47), PolicyPart("(1)", "text"), InitiativeItem("・", "t", channels=["ＨＰ"]),
                plan.indicator("4-4-1").baseline, plan.indicator("4-6-1").baseline):
        assert round_trip(obj) == obj


@pytest.mark.parametrize(
    "enum, member, name",
    [
        (ValueState, ValueState.NONE_DONE, "none_done"),
        (Direction, Direction.KEEP, "keep"),
        (Accumulation, Accumulation.RUNNING_TOTAL, "running_total"),
        (FileFormat, FileFormat.BINARY, "binary"),
        (miyagiplan.ObservationStatus, miyagiplan.ObservationStatus.ESTIMATE, "estimate"),
        (miyagiplan.Formula, miyagiplan.Formula.CAGR_RATIO, "cagr_ratio"),
        (miyagiplan.ProgressStatus, miyagiplan.ProgressStatus.ON_TRACK, "on_track"),
    ],
)
def test_enum_names(enum, member, name):
    assert str(member) == name
    assert enum.from_string(name) == member
    with pytest.raises(miyagiplan.ParseError):
        enum.from_string("nonsense")


def test_building_a_plan_from_nothing():
    ind = Indicator(id="1-1-1", name="件数", unit="件", direction="increase", accumulation="level",
                    baseline=DatedValue("平成22年度末", 10, unit="件"),
                    target=DatedValue("平成25年度末", 20, unit="件"), notes=["※ n"])
    plan = Plan(id="p", title="t", period="平成23～25年度",
                areas=[Area("1", 1, "分野", measures=[Measure("1-1", 1, "施策", indicators=[ind])])],
                goals=[miyagiplan.Goal("G1", 1, "目標", areas=["1"])])
    assert plan.indicators() == [ind]
    plan.validate()
    assert Plan.from_json(plan.to_json()) == plan
    plan.goals[0].areas.append("9")
    assert plan.problems()[0].where == "goal G1"
    with pytest.raises(TypeError):
        Plan(areas=[ind])


def test_fields_added_in_a_description_reach_python(plan):
    """Indicator version 2 added role, data_source and weight in its description alone."""
    ind = plan.indicator("4-4-1")
    assert ind.role == miyagiplan.IndicatorRole.UNSPECIFIED and ind.data_source == "" and ind.weight == 1.0
    ind.role = "outcome"
    ind.data_source = "宮城県 情報政策課"
    ind.weight = 2.5
    again = Plan.from_json(plan.to_json())
    assert again.indicator("4-4-1").role == miyagiplan.IndicatorRole.OUTCOME
    assert again.indicator("4-4-1").weight == 2.5
    made = Indicator(id="9-9-9", role=miyagiplan.IndicatorRole.ACTIVITY, weight=0.5)
    assert (made.role, made.weight, made.data_source) == (miyagiplan.IndicatorRole.ACTIVITY, 0.5, "")
    assert str(miyagiplan.IndicatorRole.OUTPUT) == "output"
