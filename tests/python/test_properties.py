"""Round trips of the Python surface, as properties (Hypothesis): whatever day, fiscal year,
number or small edit of a plan, writing and reading back gives the same thing."""

import datetime
import pickle

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

import miyagiplan  # noqa: E402
from miyagiplan import DateStyle, FiscalLabel, FiscalYear  # noqa: E402

settings.register_profile("miyagiplan", max_examples=200, deadline=None, derandomize=True, database=None)
settings.load_profile("miyagiplan")

days = st.dates(min_value=datetime.date(1873, 1, 1), max_value=datetime.date(2100, 12, 31))
styles = st.sampled_from(list(DateStyle.__members__.values()))
start_months = st.integers(min_value=1, max_value=12)


@given(day=days, style=styles)
def test_to_wareki_then_to_western_is_the_day(day, style):
    text = miyagiplan.to_wareki(day, style=style)
    assert miyagiplan.to_western(text) == day
    assert miyagiplan.to_wareki(day, style=str(style)) == text


@given(day=days, style=styles)
def test_parse_date_of_a_formatted_day_is_that_day(day, style):
    expression = miyagiplan.parse_date(miyagiplan.to_wareki(day, style=style))
    assert expression.first == expression.last == day
    assert expression.kind.names_a_day


@given(day=days, style=styles)
def test_a_datetime_is_read_as_its_date(day, style):
    moment = datetime.datetime(day.year, day.month, day.day, 23, 59)
    assert miyagiplan.to_wareki(moment, style=style) == miyagiplan.to_wareki(day, style=style)


@given(day=days, start_month=start_months)
def test_fiscal_year_of_a_day_contains_it(day, start_month):
    fy = FiscalYear.of(day, start_month=start_month)
    assert fy.contains(day)
    assert fy.first_day <= day <= fy.last_day
    assert miyagiplan.fiscal_year(day, start_month=start_month) == fy


@given(year=st.integers(min_value=1873, max_value=2100), style=st.sampled_from(list(FiscalLabel.__members__.values())))
def test_fiscal_year_label_parses_back(year, style):
    fy = FiscalYear(year)
    assert FiscalYear.parse(fy.label(style=style)) == fy
    assert FiscalYear.parse(fy.label(style=style, rule="first_day")) == fy


@given(day=days)
def test_era_date_round_trip(day):
    era_date = miyagiplan.EraDate.from_date(day)
    assert era_date.to_date() == day
    assert miyagiplan.era_of(day) == era_date.era


# Quantities: finite values in a range plans write (the shortest text that reads back).
UNITS = ["件", "人", "％", "百万円", "千人", "団体"]
values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(float),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=-10**6, max_value=10**6, places=3).map(float),
)


@given(value=values, unit=st.sampled_from(UNITS))
def test_format_quantity_then_parse_quantity_is_the_value(value, unit):
    text = miyagiplan.format_quantity(value, unit)
    again = miyagiplan.parse_quantity(text, unit).value
    assert again == value or (value == 0 and again == 0), (value, text, again)


# Plans: small random edits of a small plan, through JSON and pickle.
def small_plan():
    unit = "件"
    ind = miyagiplan.Indicator(id="1-1-1", name="件数", unit=unit, direction="increase", accumulation="level",
                               baseline=miyagiplan.DatedValue("平成22年度末", 10, unit=unit),
                               target=miyagiplan.DatedValue("平成25年度末", 20, unit=unit))
    return miyagiplan.Plan(id="p", title="計画", period="平成23～25年度",
                           areas=[miyagiplan.Area("1", 1, "分野", measures=[
                               miyagiplan.Measure("1-1", 1, "施策", indicators=[ind])])])


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
edits = st.lists(
    st.one_of(
        st.tuples(st.just("name"), texts),
        st.tuples(st.just("note"), texts),
        st.tuples(st.just("baseline"), st.integers(min_value=0, max_value=10**9)),
        st.tuples(st.just("target"), st.integers(min_value=0, max_value=10**9)),
        st.tuples(st.just("target_date"), st.integers(min_value=2013, max_value=2030)),
        st.tuples(st.just("title"), texts),
    ),
    max_size=6,
)


def edited(plan, changes):
    ind = plan.indicator("1-1-1")
    for what, value in changes:
        if what == "name":
            ind.name = value
        elif what == "note":
            ind.notes.append(value)
        elif what == "baseline":
            ind.baseline = miyagiplan.DatedValue("平成22年度末", value, unit="件")
        elif what == "target":
            ind.target = miyagiplan.DatedValue(ind.target.when, value, unit="件")
        elif what == "target_date":
            ind.target = miyagiplan.DatedValue(FiscalYear(value).label() + "末", 20, unit="件")
        elif what == "title":
            plan.title = value
    return plan


@given(changes=edits)
def test_plan_json_and_pickle_round_trips(changes):
    plan = edited(small_plan(), changes)
    text = plan.to_json()
    again = miyagiplan.Plan.from_json(text)
    assert again == plan
    assert again.to_json() == text
    assert pickle.loads(pickle.dumps(plan)) == plan


@given(changes=edits)
def test_indicator_pickle_and_copy_round_trips(changes):
    ind = edited(small_plan(), changes).indicator("1-1-1")
    assert pickle.loads(pickle.dumps(ind)) == ind
    assert ind.copy() == ind

