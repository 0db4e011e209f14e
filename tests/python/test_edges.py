"""What Python hands the bindings at their edges: the ways Python holds a day, texts that are no
text (a lone surrogate), numbers too large for a double. Each is read, or refused with a
miyagiplan error that is also a ValueError, never pybind11's TypeError."""

import datetime
import subprocess
import sys

import pytest

import miyagiplan
from miyagiplan import EraDate, FiscalYear

D = datetime.date

# Every scalar calendar function that takes a day, as f(day).
DAY_TAKERS = {
    "to_wareki": lambda d: miyagiplan.to_wareki(d),
    "to_wareki_abbrev": lambda d: miyagiplan.to_wareki(d, style="abbrev"),
    "fiscal_year": lambda d: miyagiplan.fiscal_year(d),
    "FiscalYear.of": lambda d: FiscalYear.of(d),
    "FiscalYear.contains": lambda d: FiscalYear(2010).contains(d),
    "era_of": lambda d: miyagiplan.era_of(d),
    "EraDate.from_date": lambda d: EraDate.from_date(d),
}


@pytest.mark.parametrize("call", DAY_TAKERS.values(), ids=DAY_TAKERS.keys())
def test_a_datetime_is_its_date(call):
    expected = call(D(2011, 3, 31))
    assert call(datetime.datetime(2011, 3, 31, 23, 59, 59)) == expected
    assert call(datetime.datetime(2011, 3, 31, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))) == expected


@pytest.mark.parametrize("call", DAY_TAKERS.values(), ids=DAY_TAKERS.keys())
def test_pandas_timestamp_and_numpy_datetime64(call):
    numpy = pytest.importorskip("numpy")
    pandas = pytest.importorskip("pandas")
    expected = call(D(2011, 3, 31))
    assert call(pandas.Timestamp("2011-03-31 18:30")) == expected
    for unit in ("D", "h", "m", "s", "ms", "us", "ns"):
        assert call(numpy.datetime64("2011-03-31T23:59:59", "s").astype(f"datetime64[{unit}]")) == expected


def test_numpy_datetime64_before_1970_floors_to_its_day():
    numpy = pytest.importorskip("numpy")
    assert miyagiplan.to_wareki(numpy.datetime64("1960-05-01T13:00", "m")) == "昭和35年5月1日"
    assert miyagiplan.to_wareki(numpy.datetime64("1873-01-01", "D")) == "明治6年1月1日"


@pytest.mark.parametrize("call", DAY_TAKERS.values(), ids=DAY_TAKERS.keys())
def test_not_a_time_is_a_range_error(call):
    numpy = pytest.importorskip("numpy")
    pandas = pytest.importorskip("pandas")
    for nat in (numpy.datetime64("NaT"), numpy.datetime64("NaT", "ns"), pandas.NaT):
        with pytest.raises(miyagiplan.RangeError) as e:
            call(nat)
        assert isinstance(e.value, ValueError)


def test_a_datetime64_coarser_than_a_day_names_no_day():
    numpy = pytest.importorskip("numpy")
    for value in (numpy.datetime64("2011-03", "M"), numpy.datetime64("2011", "Y")):
        with pytest.raises(miyagiplan.RangeError, match="names no day"):
            miyagiplan.to_wareki(value)


def test_a_datetime64_outside_the_years_supported():
    numpy = pytest.importorskip("numpy")
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.to_wareki(numpy.datetime64("1300-01-01"))
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.fiscal_year(numpy.datetime64("200000-01-01"))


def test_import_works_without_numpy_and_does_not_import_it():
    code = (
        "import sys, datetime\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('numpy', 'pandas'): raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import miyagiplan\n"
        "assert miyagiplan.to_wareki(datetime.datetime(2019, 5, 1, 12)) == '令和元年5月1日'\n"
        "assert 'numpy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Texts that are no text, numbers too large -------------------------------------------------

LONE_SURROGATE_CALLS = {
    "parse_date": lambda s: miyagiplan.parse_date(s),
    "to_western": lambda s: miyagiplan.to_western(s),
    "FiscalYear.parse": lambda s: FiscalYear.parse(s),
    "to_wareki style": lambda s: miyagiplan.to_wareki(D(2010, 1, 1), style=s),
    "parse_quantity text": lambda s: miyagiplan.parse_quantity(s, "件"),
    "parse_quantity unit": lambda s: miyagiplan.parse_quantity("1", s),
    "format_quantity unit": lambda s: miyagiplan.format_quantity(1, s),
    "Unit.parse": lambda s: miyagiplan.Unit.parse(s),
    "Plan.from_json": lambda s: miyagiplan.Plan.from_json(s),
    "Era.from_string": lambda s: miyagiplan.Era.from_string(s),
    "Indicator.name": lambda s: setattr(miyagiplan.miyagi_it_plan_2013().indicator("1-1-1"), "name", s),
    "parse_dates": lambda s: miyagiplan.parse_dates(["平成25年度", s]),
}


@pytest.mark.parametrize("call", LONE_SURROGATE_CALLS.values(), ids=LONE_SURROGATE_CALLS.keys())
@pytest.mark.parametrize("text", ["\ud800", "平成\udfff25年度", "abc\udc80"])
def test_a_lone_surrogate_is_a_parse_error(call, text):
    with pytest.raises(miyagiplan.ParseError) as e:
        call(text)
    assert isinstance(e.value, ValueError)
    assert e.value.position == next(i for i, c in enumerate(text) if 0xD800 <= ord(c) <= 0xDFFF)


@pytest.mark.parametrize("value", [10**400, -(10**400), 2**1024])
def test_an_integer_too_large_for_a_number_is_a_range_error(value):
    with pytest.raises(miyagiplan.RangeError) as e:
        miyagiplan.format_quantity(value, "件")
    assert isinstance(e.value, ValueError)
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.Quantity.of(value, "件")


def test_large_integers_that_fit_are_numbers():
    assert miyagiplan.format_quantity(10**15, "件") == "1,000,000,000,000,000件"


def test_an_integer_too_large_is_a_range_error_where_a_number_is_one_choice(plan):
    with pytest.raises(miyagiplan.RangeError):
        plan.observation("1-1-1", "平成25年度末", 10**400)  # a Quantity, a number or a text
