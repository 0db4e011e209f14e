"""Columns at once: numpy arrays, lists and pandas Series through the C++ loops."""

import datetime

import numpy
import pandas
import pytest

import miyagiplan

D = datetime.date


def spread_days(n=20000, seed=7):
    rng = numpy.random.default_rng(seed)
    low, high = numpy.datetime64("1873-01-01").astype(int), numpy.datetime64("2100-12-31").astype(int)
    return rng.integers(low, high + 1, n).astype("datetime64[D]")


@pytest.mark.parametrize("style", ["kanji", "abbrev", "western", "iso"])
def test_days_round_trip_through_texts(style):
    days = spread_days()
    texts = miyagiplan.to_wareki(days, style=style)
    assert texts.dtype == object
    assert texts[0] == miyagiplan.to_wareki(days[0].astype(datetime.date), style=style)
    assert (miyagiplan.to_western(texts) == days).all()
    assert (miyagiplan.to_western(texts.astype(str)) == days).all()  # numpy 'U' strings too


def test_series_keep_their_index_and_name():
    s = pandas.Series(["平成22年12月31日", "H22.12.31", "2010-12-31"], index=[10, 20, 30], name="報告日")
    out = miyagiplan.to_western(s)
    assert isinstance(out, pandas.Series)
    assert list(out.index) == [10, 20, 30] and out.name == "報告日"
    assert (out == pandas.Timestamp("2010-12-31")).all()


def test_spans_of_expressions():
    first, last = miyagiplan.parse_dates(["平成23～25年度", "平成22年4～12月", "H10.3", "平成22年度（見込）"])
    assert first.astype(str).tolist() == ["2011-04-01", "2010-04-01", "1998-03-01", "2010-04-01"]
    assert last.astype(str).tolist() == ["2014-03-31", "2010-12-31", "1998-03-31", "2011-03-31"]


def test_errors_raise_names_the_first_bad_entry():
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.to_western(["平成22年12月31日", "平成22年12月31日", "平成22年13月1日", "x"])
    assert info.value.index == 2
    assert info.value.position == 5
    assert isinstance(info.value, ValueError)
    # A span is no day: to_western refuses it, parse_dates takes it.
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.to_western(["H22.12.31", "平成23～25年度"])
    assert info.value.index == 1


def test_errors_coerce_gives_nat():
    out = miyagiplan.to_western(["平成22年12月31日", "x", None, 3, "平成23～25年度"], errors="coerce")
    assert out.astype(str).tolist() == ["2010-12-31", "NaT", "NaT", "NaT", "NaT"]
    with pytest.raises(ValueError):
        miyagiplan.to_western(["x"], errors="ignore")


def test_strict_and_start_month_reach_the_loop():
    assert miyagiplan.parse_dates(["平成32年度"])[0].astype(str).tolist() == ["2020-04-01"]
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_dates(["平成32年度"], strict=True)
    assert miyagiplan.to_western(["平成25年度末"], fiscal_start_month=1).astype(str).tolist() == ["2013-12-31"]


def test_fiscal_years_of_a_column():
    days = numpy.array(["2014-03-31", "2014-04-01", "2019-04-30"], dtype="datetime64[D]")
    assert miyagiplan.fiscal_year(days).tolist() == [2013, 2014, 2019]
    assert miyagiplan.fiscal_year(days, start_month=1).tolist() == [2014, 2014, 2019]
    with_nat = miyagiplan.fiscal_year(numpy.array(["2014-03-31", "NaT"], dtype="datetime64[D]"))
    assert with_nat[0] == 2013 and numpy.isnan(with_nat[1])
    # datetime64 of another unit, and a Series of Timestamps
    assert miyagiplan.fiscal_year(numpy.array(["2014-04-01T12:00"], dtype="datetime64[m]")).tolist() == [2014]
    assert miyagiplan.fiscal_year(pandas.Series(pandas.to_datetime(["2014-04-01"]))).tolist() == [2014]


def test_wareki_of_a_column_with_nat_and_days_before_the_eras():
    days = numpy.array(["2019-05-01", "NaT", "1872-12-31"], dtype="datetime64[D]")
    assert miyagiplan.to_wareki(days).tolist() == ["令和元年5月1日", None, None]
    assert miyagiplan.to_wareki([D(2010, 12, 31)], style="abbrev").tolist() == ["H22.12.31"]


def test_one_value_stays_one_value():
    assert miyagiplan.to_western("H22.12.31") == D(2010, 12, 31)
    assert miyagiplan.to_wareki(D(2010, 12, 31)) == "平成22年12月31日"
    assert miyagiplan.fiscal_year(D(2014, 3, 31)).year == 2013


def test_evaluate_a_frame_of_observations():
    frame = pandas.DataFrame({"indicator": ["1-1-1", "2-2-2", "4-4-1"],
                              "date": ["平成25年度末", "平成25年度末", "平成25年度"],
                              "value": [4150, 33, 1734]})
    plan = miyagiplan.miyagi_it_plan_2013()
    out = miyagiplan.evaluate_frame(plan, frame, as_of="平成25年度末")
    assert len(out) == 25
    grades = dict(zip(out["id"], out["grade"]))
    assert grades["1-1-1"] == "A" and grades["2-2-2"] == "C" and grades["4-4-1"] == "A"
    assert grades["1-2-1"] == "N"
