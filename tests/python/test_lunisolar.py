"""Days before 1873 from Python (#14 item 5): the eras from 大化 and the lunisolar calendar.

The oracle is the project's own copy of the tables (data/calendar/*.tsv) read here with Python's
own date arithmetic (Julian Day Number → proleptic Gregorian), independently of the C++ tables
that the generator compiles in.
"""

import datetime
import os
import pathlib

import pytest

import miyagiplan

SOURCE = pathlib.Path(os.environ.get("MIYAGIPLAN_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])
D = datetime.date


def gregorian(jdn):
    return D.fromordinal(jdn - 1721425)


def rows(name):
    lines = (SOURCE / "data" / "calendar" / name).read_text(encoding="utf-8").splitlines()
    table = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return table[1:]


def years():
    """Each lunisolar year: {western year: [(month, leap, first day, days)]}."""
    out = {}
    for r in rows("japanese-lunisolar-months.tsv"):
        leap = int(r[1])
        firsts = [int(x) for x in r[4].split(",")]
        lengths = [int(x) for x in r[5].split(",")]
        months = [(m, False) for m in range(1, 13)]
        if leap:
            months.insert(leap, (leap, True))
        out[int(r[0])] = [(m, lp, gregorian(j), n) for (m, lp), j, n in zip(months, firsts, lengths)]
    return out


YEARS = years()


def lunisolar(day, **options):
    return miyagiplan.to_wareki(day, calendar="lunisolar", **options)


def test_every_month_of_the_tables_writes_and_reads_back():
    def named(day):
        try:
            return lunisolar(day)
        except miyagiplan.RangeError:  # a day no era named: before 645, 654–686, 686–701
            assert day < D(701, 5, 7), day
            return None

    for months in YEARS.values():
        for month, leap, first, length in months:
            last = first + datetime.timedelta(days=length - 1)
            name = f"{'閏' if leap else ''}{month}月"
            text, last_text = named(first), named(last)
            if text:
                assert text.endswith(f"{name}1日"), (first, text)
                expression = miyagiplan.parse_date(text[: -len("1日")])  # the whole month
                assert (expression.first, expression.last) == (first, last), text
            if last_text:
                assert last_text.endswith(f"{name}{length}日"), (last, last_text)


def test_every_era_from_taika_reads_as_the_lunisolar_year_of_its_first_day():
    eras = [r for r in rows("japanese-eras.tsv") if int(r[2]) < 2405160]
    assert len(eras) == 244 and eras[0][0] == "大化" and eras[-1][0] == "明治"
    for name, first_year, first_jdn, *_ in eras:
        months = YEARS[int(first_year)]
        gannen = miyagiplan.parse_date(f"{name}元年")
        assert gannen.kind == miyagiplan.DateKind.YEAR
        assert gannen.first == months[0][2], name
        assert gannen.first <= gregorian(int(first_jdn)) <= gannen.last, name


def test_the_forms_and_their_spans():
    cases = {
        "慶応3年": (D(1867, 2, 5), D(1868, 1, 24)),
        "明治5年12月2日": (D(1872, 12, 31), D(1872, 12, 31)),
        "明治5年11月9日": (D(1872, 12, 9), D(1872, 12, 9)),
        "天保14年閏9月1日": (D(1843, 10, 23), D(1843, 10, 23)),
        "正平10年": (D(1355, 2, 21), D(1356, 2, 9)),
        "文和4年": (D(1355, 2, 21), D(1356, 2, 9)),
    }
    for text, (first, last) in cases.items():
        e = miyagiplan.parse_date(text)
        assert (e.first, e.last) == (first, last), text
    assert miyagiplan.to_western("明治5年12月2日") == D(1872, 12, 31)


@pytest.mark.parametrize(
    "text, position, expected",
    [
        ("慶応3年閏4月", 4, "no leap month"),
        ("天保14年閏8月", 5, "閏9月"),
        ("明治5年12月3日", 7, "has 2 days"),
        ("慶応3年度", 2, "no fiscal year"),
        ("慶応10年", 2, "an era year before 1873"),
        ("平成22年閏4月", 5, "閏 months are lunisolar"),
    ],
)
def test_errors_say_where_and_what(text, position, expected):
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.parse_date(text)
    assert isinstance(info.value, ValueError)
    assert info.value.position == position and expected in info.value.expected


def test_formatting_before_1873_only_when_asked():
    with pytest.raises(miyagiplan.RangeError):
        miyagiplan.to_wareki(D(1872, 12, 31))
    assert lunisolar(D(1872, 12, 31)) == "明治5年12月2日"
    assert lunisolar(D(1868, 1, 25), gannen=False, weekday=True) == "明治1年1月1日（土）"
    assert lunisolar(D(2019, 5, 1)) == "令和元年5月1日"
    with pytest.raises(miyagiplan.RangeError):
        lunisolar(D(680, 1, 1))  # no era
    with pytest.raises(miyagiplan.ParseError) as info:
        miyagiplan.to_wareki(D(1872, 12, 31), calendar="julian")
    assert isinstance(info.value, ValueError)


def test_formatting_a_column():
    numpy = pytest.importorskip("numpy")
    days = numpy.array(["1872-12-31", "NaT", "1843-10-23", "0680-01-01", "2019-05-01"], dtype="datetime64[D]")
    assert list(miyagiplan.to_wareki(days, calendar="lunisolar")) == [
        "明治5年12月2日", None, "天保14年閏9月1日", None, "令和元年5月1日"]
    assert list(miyagiplan.to_wareki(days)) == [None, None, None, None, "令和元年5月1日"]
