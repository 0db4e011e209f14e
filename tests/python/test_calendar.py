"""和暦 and 年度 from Python: the bindings of the calendar (bindings/bind_calendar.cpp)."""

import copy
import datetime
import inspect
import pickle
import re
import time

import pytest

import miyagiplan
from miyagiplan import (
    DateExpression,
    DateKind,
    DateStyle,
    Era,
    EraDate,
    EraRule,
    FiscalLabel,
    FiscalYear,
)

from conftest import round_trip  # noqa: E402

D = datetime.date



# --- The package -------------------------------------------------------------------------------


def test_version_is_the_builds():
    assert re.fullmatch(r"\d+\.\d+\.\d+", miyagiplan.__version__)
    assert miyagiplan.__version__ == miyagiplan._core.__version__


def test_all_names_exist_and_come_from_the_package():
    for name in miyagiplan.__all__:
        assert hasattr(miyagiplan, name), name
    for name in ("FiscalYear", "EraDate", "DateExpression", "Era", "ParseError", "parse_date"):
        assert getattr(miyagiplan, name).__module__ == "miyagiplan"


def written_doc(name, obj):
    """The docstring without the signature line pybind11 puts first."""
    doc = (getattr(obj, "__doc__", None) or "").strip()
    if doc.startswith(f"{name}("):
        doc = doc.partition("\n")[2].strip()
    return doc


def test_every_public_name_has_a_docstring():
    assert miyagiplan.__doc__ and miyagiplan._core.__doc__
    checked = 0
    for name in miyagiplan.__all__:
        if name in ("__version__", "ERAS"):
            continue
        obj = getattr(miyagiplan, name)
        assert written_doc(name, obj), name
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member_name in dir(obj):
                if member_name.startswith("_") or member_name in ("name", "value"):
                    continue  # pybind11's own enum members
                static = inspect.getattr_static(obj, member_name)
                if isinstance(static, obj):
                    continue  # an enum member; documented in the enum's docstring
                member = static if isinstance(static, property) else getattr(obj, member_name)
                assert written_doc(member_name, member), f"{name}.{member_name}"
                checked += 1
    assert checked > 30


# --- Conversions both ways ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "style, text",
    [
        ("kanji", "平成22年12月31日"),
        ("abbrev", "H22.12.31"),
        ("western", "2010年12月31日"),
        ("iso", "2010-12-31"),
        (DateStyle.KANJI, "平成22年12月31日"),
        (DateStyle.ABBREV, "H22.12.31"),
        (DateStyle.WESTERN, "2010年12月31日"),
        (DateStyle.ISO, "2010-12-31"),
    ],
)
def test_to_wareki_styles(style, text):
    assert miyagiplan.to_wareki(D(2010, 12, 31), style) == text
    assert miyagiplan.to_western(text) == D(2010, 12, 31)


def test_to_wareki_default_style_is_kanji():
    assert miyagiplan.to_wareki(D(2010, 12, 31)) == "平成22年12月31日"


@pytest.mark.parametrize(
    "day, kanji, abbrev",
    [
        (D(1873, 1, 1), "明治6年1月1日", "M6.1.1"),
        (D(1912, 7, 29), "明治45年7月29日", "M45.7.29"),
        (D(1912, 7, 30), "大正元年7月30日", "T1.7.30"),
        (D(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
        (D(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (D(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (D(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (D(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (D(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
    ],
)
def test_era_edges(day, kanji, abbrev):
    assert miyagiplan.to_wareki(day) == kanji
    assert miyagiplan.to_wareki(day, style="abbrev") == abbrev
    assert miyagiplan.to_western(kanji) == day
    assert miyagiplan.to_western(abbrev) == day
    assert EraDate.from_date(day).to_date() == day


@pytest.mark.parametrize(
    "text",
    [
        "平成22年12月31日",
        "平成２２年１２月３１日",
        "平成二十二年十二月三十一日",
        "平成二二年一二月三一日",
        "H22.12.31",
        "H22/12/31",
        "h22.12.31",
        "㍻22年12月31日",
        "平成 22年 12月 31日",
        "2010年12月31日",
        "2010-12-31",
        "平成22年12月末",
    ],
)
def test_to_western_written_forms(text):
    assert miyagiplan.to_western(text) == D(2010, 12, 31)


def test_reiwa_ligature():
    assert miyagiplan.to_western("㋿元年5月1日") == D(2019, 5, 1)


def test_every_day_round_trips():
    day, end, step = D(1873, 1, 1), D(2060, 12, 31), datetime.timedelta(days=1)
    while day <= end:
        kanji = miyagiplan.to_wareki(day)
        assert miyagiplan.to_western(kanji) == day, kanji
        assert miyagiplan.to_western(miyagiplan.to_wareki(day, "abbrev")) == day
        assert EraDate.from_date(day).to_date() == day
        day += step


def test_to_western_needs_one_day():
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.to_western("平成22年度")
    assert miyagiplan.to_western("平成21年度末") == D(2010, 3, 31)
    assert miyagiplan.to_western("平成21年度末", fiscal_start_month=1) == D(2009, 12, 31)


def test_era_of():
    assert miyagiplan.era_of(D(1872, 12, 31)) is None
    assert miyagiplan.era_of(D(1873, 1, 1)) == Era.MEIJI
    assert miyagiplan.era_of(D(1989, 1, 7)) == Era.SHOWA
    assert miyagiplan.era_of(D(1989, 1, 8)) == Era.HEISEI
    assert miyagiplan.era_of(D(2019, 4, 30)) == Era.HEISEI
    assert miyagiplan.era_of(date=D(2019, 5, 1)) == Era.REIWA


# --- DOMAIN.md §4: the date expressions of the plan --------------------------------------------


@pytest.mark.parametrize(
    "text, kind, first, last",
    [
        ("平成22年12月末", DateKind.MONTH_END, D(2010, 12, 31), D(2010, 12, 31)),
        ("平成22年9月末", DateKind.MONTH_END, D(2010, 9, 30), D(2010, 9, 30)),
        ("平成21年度末", DateKind.FISCAL_YEAR_END, D(2010, 3, 31), D(2010, 3, 31)),
        ("平成25年度末", DateKind.FISCAL_YEAR_END, D(2014, 3, 31), D(2014, 3, 31)),
        ("平成21年度", DateKind.FISCAL_YEAR, D(2009, 4, 1), D(2010, 3, 31)),
        ("平成22年度（見込）", DateKind.FISCAL_YEAR, D(2010, 4, 1), D(2011, 3, 31)),
        ("平成22年4～12月", DateKind.MONTH_SPAN, D(2010, 4, 1), D(2010, 12, 31)),
        ("平成22年3月", DateKind.MONTH, D(2010, 3, 1), D(2010, 3, 31)),
        ("平成26年3月", DateKind.MONTH, D(2014, 3, 1), D(2014, 3, 31)),
        ("平成23～25年度", DateKind.FISCAL_YEAR_SPAN, D(2011, 4, 1), D(2014, 3, 31)),
        ("平成23～25年度末", DateKind.FISCAL_YEAR_SPAN, D(2011, 4, 1), D(2014, 3, 31)),
        ("平成１０年３月", DateKind.MONTH, D(1998, 3, 1), D(1998, 3, 31)),
        ("H10.3", DateKind.MONTH, D(1998, 3, 1), D(1998, 3, 31)),
        ("H13", DateKind.FISCAL_YEAR, D(2001, 4, 1), D(2002, 3, 31)),
        ("H26～", DateKind.OPEN_ENDED, D(2014, 4, 1), D(9999, 12, 31)),
    ],
)
def test_domain_expressions(text, kind, first, last):
    e = miyagiplan.parse_date(text)
    assert isinstance(e, DateExpression)
    assert (e.kind, e.first, e.last) == (kind, first, last)
    assert type(e.first) is D and type(e.last) is D
    assert e.text == text and str(e) == text
    assert e.estimate == ("見込" in text)
    assert e.open_ended == (kind == DateKind.OPEN_ENDED)
    assert not e.proleptic
    assert round_trip(e) == e


@pytest.mark.parametrize("mark", ["～", "〜", "~", "－", "-"])
def test_range_marks(mark):
    e = miyagiplan.parse_date(f"平成23{mark}25年度")
    assert (e.kind, e.first, e.last) == (DateKind.FISCAL_YEAR_SPAN, D(2011, 4, 1), D(2014, 3, 31))


def test_proleptic_and_strict():
    e = miyagiplan.parse_date("平成32年度")
    assert e.proleptic and (e.first, e.last) == (D(2020, 4, 1), D(2021, 3, 31))
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_date("平成32年度", strict=True)
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_date("令和元年4月1日")  # before the era began: never proleptic


def test_quarters_halves_and_start_month():
    q1 = miyagiplan.parse_date("平成25年度第1四半期")
    assert (q1.kind, q1.first, q1.last) == (DateKind.FISCAL_QUARTER, D(2013, 4, 1), D(2013, 6, 30))
    h1 = miyagiplan.parse_date("平成25年度上半期")
    assert (h1.kind, h1.first, h1.last) == (DateKind.FISCAL_HALF, D(2013, 4, 1), D(2013, 9, 30))
    jan = miyagiplan.parse_date("平成25年度", fiscal_start_month=1)
    assert (jan.first, jan.last) == (D(2013, 1, 1), D(2013, 12, 31))
    assert jan != miyagiplan.parse_date("平成25年度")
    assert repr(jan) == "miyagiplan.parse_date('平成25年度', fiscal_start_month=1)"
    assert round_trip(jan) == jan


def test_expression_equality_and_hash():
    a, b = miyagiplan.parse_date("H22.12.31"), miyagiplan.parse_date("H22.12.31")
    assert a == b and hash(a) == hash(b)
    assert a != miyagiplan.parse_date("平成22年12月31日")  # same day, different text
    assert a != "H22.12.31"
    assert len({a, b, miyagiplan.parse_date("平成22年12月末")}) == 2


def test_date_kind_names_a_day():
    assert DateKind.DAY.names_a_day and DateKind.FISCAL_YEAR_END.names_a_day
    assert not DateKind.FISCAL_YEAR.names_a_day


# --- 年度 ----------------------------------------------------------------------------------------


def test_fiscal_year_2013():
    fy = FiscalYear(2013)
    assert (fy.year, fy.start_month) == (2013, 4)
    assert (fy.first_day, fy.last_day) == (D(2013, 4, 1), D(2014, 3, 31))
    assert fy.quarter(1) == (D(2013, 4, 1), D(2013, 6, 30))
    assert fy.quarter(4) == (D(2014, 1, 1), D(2014, 3, 31))
    assert fy.half(1) == (D(2013, 4, 1), D(2013, 9, 30))
    assert fy.half(2) == (D(2013, 10, 1), D(2014, 3, 31))
    assert fy.contains(D(2014, 3, 31)) and not fy.contains(D(2014, 4, 1))
    assert D(2013, 4, 1) in fy and D(2013, 3, 31) not in fy
    assert fy.label() == "平成25年度" and str(fy) == "平成25年度"
    assert fy.label("western") == "2013年度"
    assert fy.label(FiscalLabel.FY) == "FY2013"
    assert fy.next() == FiscalYear(2014) and fy.prev() == FiscalYear(2012)


def test_fy2019_labels():
    fy = FiscalYear(2019)
    assert fy.label() == "令和元年度"
    assert fy.label(rule=EraRule.LATEST) == "令和元年度"
    assert fy.label(rule=EraRule.FIRST_DAY) == "平成31年度"
    assert fy.label(style="era", rule="first_day") == "平成31年度"
    assert fy.label(style=FiscalLabel.WESTERN, rule=EraRule.FIRST_DAY) == "2019年度"
    assert fy.label("fy") == "FY2019"
    assert fy.naming_era() == Era.REIWA and fy.naming_era("first_day") == Era.HEISEI
    assert FiscalYear.parse("平成31年度") == fy == FiscalYear.parse("令和元年度")
    assert FiscalYear(2018).label() == "平成30年度"
    assert FiscalYear(1988).label() == "昭和63年度"
    assert FiscalYear(1989).label() == "平成元年度"


@pytest.mark.parametrize("text", ["平成25年度", "2013年度", "FY2013", "平成２５年度", "平成二十五年度", "H25"])
def test_fiscal_year_parse(text):
    assert FiscalYear.parse(text) == FiscalYear(2013)


def test_fiscal_year_parse_rejects_other_kinds():
    with pytest.raises(miyagiplan.ParseError):
        FiscalYear.parse("平成25年3月")


def test_fiscal_year_of_and_start_months():
    assert miyagiplan.fiscal_year(D(2014, 3, 31)) == FiscalYear(2013)
    assert miyagiplan.fiscal_year(D(2014, 4, 1)) == FiscalYear(2014)
    assert FiscalYear.of(D(2014, 3, 31)) == FiscalYear(2013)
    assert miyagiplan.fiscal_year(D(2014, 3, 31), start_month=1) == FiscalYear(2014, start_month=1)
    oct_fy = FiscalYear(2013, start_month=10)
    assert (oct_fy.first_day, oct_fy.last_day) == (D(2013, 10, 1), D(2014, 9, 30))
    assert oct_fy.quarter(2) == (D(2014, 1, 1), D(2014, 3, 31))
    assert oct_fy != FiscalYear(2013)
    assert FiscalYear.parse("FY2013", start_month=10) == oct_fy


def test_fiscal_year_order_hash_repr():
    assert FiscalYear(2012) < FiscalYear(2013) <= FiscalYear(2013) < FiscalYear(2014)
    assert FiscalYear(2014) > FiscalYear(2013) >= FiscalYear(2013)
    assert sorted([FiscalYear(2014), FiscalYear(2012), FiscalYear(2013)])[0] == FiscalYear(2012)
    assert len({FiscalYear(2013), FiscalYear(2013), FiscalYear(2014), FiscalYear(2013, 1)}) == 3
    assert repr(FiscalYear(2013)) == "miyagiplan.FiscalYear(2013)"
    assert repr(FiscalYear(2013, 1)) == "miyagiplan.FiscalYear(2013, start_month=1)"
    assert FiscalYear(2013) != 2013
    with pytest.raises(TypeError):
        FiscalYear(2013) < 2014  # noqa: B015


def test_fiscal_year_checks():
    for bad in (lambda: FiscalYear(2013, 0), lambda: FiscalYear(2013, 13), lambda: FiscalYear(1200)):
        with pytest.raises(miyagiplan.RangeError):
            bad()
    with pytest.raises(miyagiplan.RangeError):
        FiscalYear(2013).quarter(5)
    with pytest.raises(miyagiplan.RangeError):
        FiscalYear(2013).half(0)
    with pytest.raises(miyagiplan.RangeError):
        FiscalYear(1850).label()
    assert str(FiscalYear(1850)) == "1850年度"
    with pytest.raises(miyagiplan.ParseError):
        FiscalYear(2013).label("kanji")


# --- EraDate and EraInfo -----------------------------------------------------------------------


def test_era_date():
    d = EraDate(Era.HEISEI, 22, 12, 31)
    assert (d.era, d.year, d.month, d.day) == (Era.HEISEI, 22, 12, 31)
    assert d.to_date() == D(2010, 12, 31)
    assert EraDate.from_date(D(2010, 12, 31)) == d
    assert d.format() == str(d) == "平成22年12月31日"
    assert d.format("abbrev") == "H22.12.31" and d.format(style=DateStyle.ISO) == "2010-12-31"
    assert repr(d) == "miyagiplan.EraDate(miyagiplan.Era.HEISEI, 22, 12, 31)"
    assert EraDate(era=Era.REIWA, year=1, month=5, day=1).to_date() == D(2019, 5, 1)
    assert len({d, EraDate(Era.HEISEI, 22, 12, 31), EraDate(Era.HEISEI, 23, 1, 1)}) == 2
    with pytest.raises(AttributeError):
        d.year = 23


@pytest.mark.parametrize(
    "fields",
    [(Era.SHOWA, 64, 1, 8), (Era.REIWA, 1, 4, 30), (Era.HEISEI, 22, 2, 29), (Era.HEISEI, 0, 1, 1),
     (Era.HEISEI, 22, 13, 1), (Era.HEISEI, 22, -1, 1), (Era.MEIJI, 5, 12, 31)],
)
def test_era_date_rejects_days_outside_their_era(fields):
    with pytest.raises(miyagiplan.RangeError):
        EraDate(*fields)


def test_eras():
    assert [e.era for e in miyagiplan.ERAS] == [Era.MEIJI, Era.TAISHO, Era.SHOWA, Era.HEISEI, Era.REIWA]
    heisei = Era.HEISEI.info
    assert heisei is miyagiplan.ERAS[3]
    assert (heisei.kanji, heisei.romaji, heisei.letter) == ("平成", "Heisei", "H")
    assert (heisei.first_day, heisei.last_day, heisei.first_year) == (D(1989, 1, 8), D(2019, 4, 30), 1989)
    assert Era.MEIJI.info.first_day == D(1873, 1, 1) and Era.MEIJI.info.first_year == 1868
    assert Era.REIWA.info.last_day is None
    assert round_trip(heisei) == heisei


# --- Enums -------------------------------------------------------------------------------------


@pytest.mark.parametrize("enum", [Era, DateKind, DateStyle, FiscalLabel, EraRule])
def test_enum_str_round_trips(enum):
    for member in enum.__members__.values():
        assert str(member) == member.name.lower()
        assert enum.from_string(str(member)) == member
    with pytest.raises(miyagiplan.ParseError):
        enum.from_string("nonsense")


def test_enum_values_and_comparison():
    assert str(DateKind.FISCAL_YEAR) == "fiscal_year" and str(DateStyle.KANJI) == "kanji"
    assert str(Era.HEISEI) == "heisei" and str(FiscalLabel.FY) == "fy"
    assert str(EraRule.FIRST_DAY) == "first_day"
    assert Era.HEISEI == Era.HEISEI and Era.HEISEI != Era.REIWA
    assert Era.SHOWA < Era.HEISEI < Era.REIWA and Era.REIWA >= Era.HEISEI
    assert Era.HEISEI != 3 and DateKind.DAY != DateStyle.KANJI
    assert Era.from_string("平成") == Era.from_string("Heisei") == Era.from_string("h") == Era.HEISEI
    assert len({Era.HEISEI, Era.HEISEI, Era.REIWA}) == 2


# --- Errors ------------------------------------------------------------------------------------


def test_error_hierarchy():
    for name in ("ParseError", "RangeError", "SchemaError", "ValidationError"):
        cls = getattr(miyagiplan, name)
        assert issubclass(cls, miyagiplan.Error) and issubclass(cls, ValueError), name
        assert cls.__module__ == "miyagiplan" and cls.__doc__
    assert issubclass(miyagiplan.FileError, miyagiplan.Error)
    assert issubclass(miyagiplan.FileError, OSError)
    assert issubclass(miyagiplan.Error, Exception) and not issubclass(miyagiplan.Error, ValueError)


def test_parse_error_attributes():
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.parse_date("平成22年13月")
    err = info.value
    assert isinstance(err, miyagiplan.Error) and isinstance(err, ValueError)
    assert err.text == "平成22年13月"
    assert err.position == 5  # characters, as str indexing counts them
    assert err.text[err.position :] == "13月"
    assert "month" in err.expected and err.expected in str(err)


def test_parse_error_is_caught_as_value_error():
    with pytest.raises(ValueError):
        miyagiplan.parse_date("not a date")
    with pytest.raises(miyagiplan.Error):
        miyagiplan.to_western("平成")


def test_errors_raised_from_python_have_the_attributes():
    err = miyagiplan.ParseError("by hand")
    assert (err.text, err.position, err.expected) == (None, None, None)
    assert miyagiplan.SchemaError("x").where is None


def test_range_error_before_1873():
    with pytest.raises(miyagiplan.RangeError) as info:
        miyagiplan.to_wareki(D(1872, 12, 31))
    assert isinstance(info.value, ValueError) and "1873" in str(info.value)
    with pytest.raises(miyagiplan.RangeError):
        EraDate.from_date(D(1872, 12, 31))
    assert miyagiplan.to_wareki(D(1872, 12, 31), "iso") == "1872-12-31"
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_date("明治5年12月31日")


def test_dates_before_445_are_out_of_range():
    # Days go back as far as the lunisolar tables (445): 大化元年 and the eras after it read.
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.to_wareki(D(444, 12, 31), "iso")
    assert miyagiplan.to_wareki(D(1399, 12, 31), "iso") == "1399-12-31"


def test_unknown_style_name():
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.to_wareki(D(2010, 12, 31), "kanj")
    assert "kanji" in info.value.expected


# --- Arguments ---------------------------------------------------------------------------------


def test_keyword_arguments():
    e = miyagiplan.parse_date(text="平成25年度", strict=True, fiscal_start_month=1)
    assert e.first == D(2013, 1, 1)
    assert miyagiplan.to_western(text="H22.12.31", strict=True) == D(2010, 12, 31)
    assert miyagiplan.to_wareki(date=D(2010, 12, 31), style="abbrev") == "H22.12.31"
    assert miyagiplan.fiscal_year(date=D(2013, 4, 1), start_month=4) == FiscalYear(year=2013)
    assert FiscalYear.parse(text="FY2013", start_month=4).contains(date=D(2013, 4, 1))
    assert FiscalYear(2013).quarter(q=1)[0] == D(2013, 4, 1)
    with pytest.raises(TypeError):
        miyagiplan.parse_date("平成25年度", strictly=True)


@pytest.mark.parametrize(
    "call",
    [
        lambda x: miyagiplan.to_wareki(x),
        lambda x: miyagiplan.fiscal_year(x),
        lambda x: miyagiplan.era_of(x),
        lambda x: EraDate.from_date(x),
        lambda x: FiscalYear(2010).contains(x),
        lambda x: FiscalYear.of(x),
    ],
)
@pytest.mark.parametrize("value", ["2010-12-31", 14974, None])
def test_only_a_day_is_a_day(call, value):
    with pytest.raises(TypeError):
        call(value)


def test_a_date_subclass_is_a_date():
    class MyDate(D):
        pass

    assert miyagiplan.to_wareki(MyDate(2010, 12, 31)) == "平成22年12月31日"


def test_bad_argument_types():
    with pytest.raises(TypeError):
        miyagiplan.to_wareki(D(2010, 12, 31), style=3)
    with pytest.raises(TypeError):
        miyagiplan.parse_date(20101231)
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.parse_date("平成25年度", fiscal_start_month=13)


# --- Exact days, whatever the time zone --------------------------------------------------------


@pytest.mark.parametrize(
    "zone", ["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]
)
def test_no_time_zone_shift(timezone, zone):
    timezone(zone)
    if zone != "UTC":
        assert time.timezone != 0  # the zone took effect
    day = D(2010, 12, 31)
    e = miyagiplan.parse_date("平成22年12月31日")
    assert (e.first, e.last) == (day, day)
    assert miyagiplan.to_western("平成22年12月末") == day
    assert miyagiplan.to_wareki(day) == "平成22年12月31日"
    assert miyagiplan.to_wareki(day, "iso") == "2010-12-31"
    assert EraDate.from_date(day).to_date() == day
    fy = miyagiplan.fiscal_year(D(2011, 3, 31))
    assert (fy.first_day, fy.last_day) == (D(2010, 4, 1), D(2011, 3, 31))
    assert miyagiplan.era_of(D(1989, 1, 8)) == Era.HEISEI


# --- Reprs, pickles, copies --------------------------------------------------------------------


@pytest.mark.parametrize(
    "obj",
    [
        EraDate(Era.HEISEI, 22, 12, 31),
        EraDate(Era.REIWA, 1, 5, 1),
        FiscalYear(2013),
        FiscalYear(2013, start_month=10),
        miyagiplan.parse_date("平成22年12月末"),
        miyagiplan.parse_date("平成22年度（見込）"),
        miyagiplan.parse_date("平成32年度"),
        miyagiplan.parse_date("平成21年度末", fiscal_start_month=1),
        miyagiplan.parse_date("H26～"),
    ],
    ids=repr,
)
def test_repr_pickle_copy_round_trip(obj):
    assert round_trip(obj) == obj
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj


def test_expression_repr_quotes_the_text():
    e = miyagiplan.parse_date("平成22年12月末")
    assert repr(e) == "miyagiplan.parse_date('平成22年12月末')"


def test_docstring_examples():
    import doctest

    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    globs = {"miyagiplan": miyagiplan, "datetime": datetime}
    for test in finder.find(miyagiplan, "miyagiplan", globs=globs):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 8 and result.failed == 0


# --- #14: more forms, dates in a context, find_dates ------------------------------------------

import pathlib as _pathlib

_PLAN_TEXT = _pathlib.Path(__file__).resolve().parents[1] / "data" / "miyagi-it-plan-2013.txt"


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("令和5年3月31日（金）", datetime.date(2023, 3, 31), datetime.date(2023, 3, 31)),
        ("令和5年3月末日", datetime.date(2023, 3, 31), datetime.date(2023, 3, 31)),
        ("令和5年4月下旬", datetime.date(2023, 4, 21), datetime.date(2023, 4, 30)),
        ("令和5年度当初", datetime.date(2023, 4, 1), datetime.date(2023, 4, 1)),
        ("平成31年4月1日～令和元年5月31日", datetime.date(2019, 4, 1), datetime.date(2019, 5, 31)),
        ("平成23年度から平成25年度まで", datetime.date(2011, 4, 1), datetime.date(2014, 3, 31)),
        ("平成２３年度（２０１１年度）", datetime.date(2011, 4, 1), datetime.date(2012, 3, 31)),
        ("20101231", datetime.date(2010, 12, 31), datetime.date(2010, 12, 31)),
        ("皇紀2680年", datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
    ],
)
def test_more_forms(text, first, last):
    e = miyagiplan.parse_date(text)
    assert (e.text, e.first, e.last) == (text, first, last)


def test_wrong_weekday_and_dual_mismatch_are_parse_errors():
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.parse_date("令和5年3月31日（木）")
    assert info.value.position == 10
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.parse_date("平成23年度（2012年度）")
    assert info.value.position == 7


def test_dates_without_a_year_in_a_context():
    assert miyagiplan.parse_date("8月22日", context="令和5年度").first == datetime.date(2023, 8, 22)
    assert miyagiplan.parse_date("2月1日", context="令和5年度").first == datetime.date(2024, 2, 1)
    fy = miyagiplan.parse_date("令和5年度")
    assert miyagiplan.parse_date("2月1日", context=fy).first == datetime.date(2024, 2, 1)
    assert miyagiplan.parse_date("2月1日", context=miyagiplan.FiscalYear(2023)).first == datetime.date(2024, 2, 1)
    assert miyagiplan.parse_date("2月1日", context=datetime.date(2023, 8, 1)).first == datetime.date(2023, 2, 1)
    assert miyagiplan.parse_date("2月1日", context=2023).first == datetime.date(2023, 2, 1)
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.parse_date("8月22日")


def test_find_dates_in_the_plan():
    text = _PLAN_TEXT.read_text(encoding="utf-8")
    found = miyagiplan.find_dates(text)
    assert len(found) == 85
    end = 0
    for m in found:
        assert m.start >= end
        end = m.end
        assert text[m.start:m.end] == m.text == m.expression.text
        assert miyagiplan.parse_date(m.text) == m.expression
    assert found[0].text == "平成２１年度～平成２２年度"
    assert found[-1].text == "平成 25 年度末"


def test_find_dates_skips_quantities_and_takes_a_context():
    assert miyagiplan.find_dates("2,280 件、第3四半期、58.8％") == []
    found = miyagiplan.find_dates("受付は8月22日、締切は令和5年9月末。", context="令和5年度")
    assert [(m.start, m.end, m.text) for m in found] == [(3, 8, "8月22日"), (12, 19, "令和5年9月末")]
    assert found[0].expression.first == datetime.date(2023, 8, 22)


def test_date_match_is_a_light_object_that_keeps_what_it_needs():
    text = "締切は令和5年9月末。"
    found = miyagiplan.find_dates(text)
    del text  # a match keeps the searched text alive
    (m,) = found
    assert isinstance(m, miyagiplan.DateMatch)
    assert repr(m) == "<miyagiplan.DateMatch 3:10 '令和5年9月末'>"
    assert m.expression is m.expression  # made once, on first use
    assert m.expression == miyagiplan.parse_date("令和5年9月末")
    with pytest.raises(AttributeError):
        m.start = 0
    with pytest.raises(TypeError):
        miyagiplan.DateMatch()
    # The text as every text argument takes it: bytes of UTF-8 too, a lone surrogate a ParseError.
    assert [d.text for d in miyagiplan.find_dates("平成22年".encode())] == ["平成22年"]
    with pytest.raises(miyagiplan.ParseError):
        miyagiplan.find_dates("平成22年\ud800")


# --- #14: formatting options -------------------------------------------------------------------


@pytest.mark.parametrize("day, kwargs, text", [
    (D(2023, 3, 31), {"style": "jisx0301"}, "R05.03.31"),
    (D(2019, 5, 1), {"style": DateStyle.JISX0301}, "R01.05.01"),
    (D(2023, 3, 31), {"style": "abbrev", "zero_pad": True}, "R05.03.31"),
    (D(2023, 3, 31), {"zero_pad": True}, "令和05年03月31日"),
    (D(2019, 5, 1), {"gannen": False}, "令和1年5月1日"),
    (D(2023, 3, 31), {"with_western": True}, "令和5年（2023年）3月31日"),
    (D(2023, 3, 31), {"weekday": True}, "令和5年3月31日（金）"),
    (D(2023, 3, 31), {"kanji_numerals": True}, "令和五年三月三十一日"),
    (D(2010, 12, 20), {"kanji_numerals": True}, "平成二十二年十二月二十日"),
    (D(2023, 3, 31), {"style": "western", "kanji_numerals": True}, "二〇二三年三月三十一日"),
    (D(2020, 1, 1), {"style": "koki"}, "皇紀2680年1月1日"),
    (D(2023, 3, 31), {"kanji_numerals": True, "with_western": True, "weekday": True},
     "令和五年（二〇二三年）三月三十一日（金）"),
])
def test_to_wareki_options(day, kwargs, text):
    assert miyagiplan.to_wareki(day, **kwargs) == text
    assert miyagiplan.to_western(text) == day
    # The column form gives the same texts.
    assert list(miyagiplan.to_wareki([day, day], **kwargs)) == [text, text]


def test_to_wareki_options_on_a_datetime64_column():
    numpy = pytest.importorskip("numpy")
    days = numpy.array(["2023-03-31", "NaT", "1872-12-31"], dtype="datetime64[D]")
    assert list(miyagiplan.to_wareki(days, weekday=True)) == ["令和5年3月31日（金）", None, None]
    assert list(miyagiplan.to_wareki(days, style="koki")) == ["皇紀2683年3月31日", None, "皇紀2532年12月31日"]
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.to_wareki(D(1872, 12, 31), style="jisx0301")
