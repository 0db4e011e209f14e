"""The one-value fast paths of to_western, to_wareki, fiscal_year and parse_date (bind_scalar.cpp)
give what the general functions give, and hand every other case to them."""
import datetime
import inspect

import numpy as np
import pytest

import miyagiplan


def test_fast_paths_give_what_the_general_functions_give():
    d = datetime.date(2010, 12, 31)
    for text in ("平成22年12月31日", "H22.12.31", "2010-12-31", "平成22年12月末", "平成21年度末", "平成２２年１２月３１日"):
        assert miyagiplan.to_western(text) == miyagiplan.to_western(text, strict=False) == miyagiplan.to_western(
            text, fiscal_start_month=4)
    assert miyagiplan.to_western("平成22年12月31日") == d
    assert miyagiplan.to_wareki(d) == "平成22年12月31日"
    assert miyagiplan.to_wareki(d, "abbrev") == miyagiplan.to_wareki(d, style="abbrev") == "H22.12.31"
    assert miyagiplan.to_wareki(d, style=miyagiplan.DateStyle.ISO) == "2010-12-31"
    assert miyagiplan.to_wareki(datetime.date(2019, 5, 1)) == "令和元年5月1日"
    fy = miyagiplan.fiscal_year(datetime.date(2014, 3, 31))
    assert isinstance(fy, miyagiplan.FiscalYear) and fy.label() == "平成25年度"
    assert miyagiplan.fiscal_year(datetime.date(2014, 3, 31), start_month=1).year == 2014
    for text in ("平成23～25年度", "平成25年度末", "平成23年度", "令和5年度（見込）", "2010-12-31"):
        e = miyagiplan.parse_date(text)
        assert isinstance(e, miyagiplan.DateExpression)
        assert str(e) == text
        assert e == miyagiplan.parse_date(text, strict=False)
    assert miyagiplan.parse_date("平成23～25年度").last == datetime.date(2014, 3, 31)


def test_everything_else_goes_the_general_way():
    # A datetime (a date subclass), a column, errors, keywords.
    assert miyagiplan.to_wareki(datetime.datetime(2010, 12, 31, 23, 59)) == "平成22年12月31日"
    assert miyagiplan.fiscal_year(datetime.datetime(2014, 4, 1)).year == 2014
    assert miyagiplan.to_western(["H22.12.31"]).astype(str).tolist() == ["2010-12-31"]
    assert miyagiplan.to_wareki(np.array(["2010-12-31"], dtype="datetime64[D]")).tolist() == ["平成22年12月31日"]
    with pytest.raises(miyagiplan.ParseError) as e:
        miyagiplan.to_western("平成22年度")
    assert isinstance(e.value, ValueError)
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_date("x")
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.to_western("平成32年1月1日", strict=True)
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.to_wareki(datetime.date(1850, 1, 1))
    with pytest.raises(TypeError):
        miyagiplan.to_western()
    with pytest.raises(ValueError):
        miyagiplan.to_wareki(datetime.date(2010, 12, 31), style="nope")


def test_the_functions_keep_their_names_documentation_and_signatures():
    for f in (miyagiplan.to_western, miyagiplan.to_wareki, miyagiplan.fiscal_year, miyagiplan.parse_date):
        assert f.__module__ == "miyagiplan"
        assert f.__doc__
    assert list(inspect.signature(miyagiplan.to_western).parameters) == [
        "text", "strict", "fiscal_start_month", "errors"]
    assert "平成22年12月31日" in miyagiplan.to_western.__doc__
