"""The report as a workbook (Report.to_excel), read with openpyxl, an implementation independent of
ours: 総務省's rules for machine-readable files (a sheet per table, one header row frozen with
filters, one value per cell, no merged cells, units in their own column, numbers as numbers,
dates as Excel dates with the 和暦 in the next column).
"""

import datetime
import re

import pytest

import miyagiplan
from miyagiplan import FileError, Observations

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "平成25年度末"
SHEETS = ["目標指標", "施策", "重点分野", "基本目標", "基本目標の重点分野", "評価の設定", "評価区分", "総合評価の区分"]
SHEETS_EN = ["Indicators", "Measures", "Areas", "Goals", "Goal areas", "Settings", "Grades", "Ratings"]


@pytest.fixture
def report(plan, source_dir):
    actuals = Observations.from_csv(source_dir / "examples" / "illustrative-actuals.csv", plan)
    return plan.evaluate(actuals, as_of=AS_OF)


@pytest.fixture
def book(report, tmp_path):
    path = tmp_path / "report.xlsx"
    report.to_excel(path)
    return openpyxl.load_workbook(path)


def table(ws):
    """The sheet as {header: [values]}, the header row first."""
    headers = [c.value for c in ws[1]]
    columns = {h: [] for h in headers}
    for row in ws.iter_rows(min_row=2):
        for h, c in zip(headers, row):
            columns[h].append(c)
    return columns


def wareki(day):
    """平成26年3月31日, written here independently of the library (平成 and 令和 suffice)."""
    if day >= datetime.date(2019, 5, 1):
        era, year = "令和", day.year - 2018
    elif day >= datetime.date(1989, 1, 8):
        era, year = "平成", day.year - 1988
    else:
        raise AssertionError(day)
    return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def test_a_sheet_per_table_each_with_a_frozen_header_row_and_filters(book):
    assert book.sheetnames == SHEETS
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        last = openpyxl.utils.get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last}{max(ws.max_row, 1)}", ws.title
        assert not ws.merged_cells.ranges, ws.title
        headers = [c.value for c in ws[1]]
        assert all(isinstance(h, str) and h for h in headers), ws.title
        assert len(set(headers)) == len(headers), ws.title
        assert all(c.font.b for c in ws[1]), ws.title


def test_every_indicator_one_row_numbers_as_numbers_units_apart(book, report, plan):
    cols = table(book["目標指標"])
    assert [c.value for c in cols["ID"]] == [i.id for i in plan.indicators()]
    numbers = 0
    for k, ind in enumerate(plan.indicators()):
        assert cols["単位"][k].value == (ind.unit.symbol or None)
        for name in ("現状値", "目標値", "実績値", "期待値", "達成率"):
            v = cols[name][k].value
            assert v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)), (name, v)
        a = report.find(ind.id)
        if a.rate is None:
            assert cols["達成率"][k].value is None
        else:
            assert cols["達成率"][k].value == pytest.approx(a.rate)
            assert cols["達成率"][k].number_format == "0.0%"
        assert cols["評価"][k].value == a.grade
        # The written baseline, as a number in the indicator's unit ("2,223 百万円" → 2223).
        text = ind.baseline.text
        m = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(\S*)", text or "")
        if m and m.group(2) == ind.unit.symbol:
            assert cols["現状値"][k].value == pytest.approx(float(m.group(1).replace(",", "")))
            assert cols["現状値（表記）"][k].value == text
            numbers += 1
    assert numbers >= 10
    # No cell holds a number with its unit: the units are in their own columns.
    for name in ("単位", "実績値・期待値の単位"):
        assert any(c.value for c in cols[name])


def test_dates_are_excel_dates_with_the_wareki_in_the_next_column(book, plan):
    ws = book["目標指標"]
    headers = [c.value for c in ws[1]]
    checked = 0
    for name in ("現状値の時点", "目標値の時点", "実績値の時点"):
        col = headers.index(name) + 1
        assert headers[col] == name + "（和暦）"
        assert headers[col + 1] == name + "（表記）"
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row=row, column=col)
            if cell.value is None:
                continue
            assert cell.is_date and isinstance(cell.value, datetime.datetime), (name, row, cell.value)
            assert ws.cell(row=row, column=col + 1).value == wareki(cell.value.date())
            assert ws.cell(row=row, column=col + 2).value  # the text as written
            checked += 1
    assert checked >= 2 * len(plan.indicators())
    # The plan's first indicator's baseline: 平成22年12月末 is 2010-12-31.
    first = table(ws)
    ind = plan.indicators()[0]
    assert first["現状値の時点（表記）"][0].value == ind.baseline.when.text
    assert first["現状値の時点"][0].value.date() == ind.baseline.when.last


def test_rollups_measures_areas_goals(book, report, plan):
    areas = table(book["重点分野"])
    assert [c.value for c in areas["ID"]] == [a.id for a in plan.areas]
    for k, a in enumerate(plan.areas):
        r = report.area(a.id)
        assert areas["評価"][k].value == r.rating
        assert areas["指標数"][k].value == r.total
        grades = [h for h in areas if h.startswith("評価「")]
        assert sum(areas[h][k].value for h in grades) == r.total
    goals = table(book["基本目標"])
    assert [c.value for c in goals["ID"]] == [g.id for g in plan.goals]
    links = table(book["基本目標の重点分野"])
    pairs = [(g.value, a.value) for g, a in zip(links["基本目標"], links["重点分野"])]
    assert pairs == [(g.id, a) for g in plan.goals for a in g.areas]
    measures = table(book["施策"])
    assert len(measures["ID"]) >= len(report.measures)
    with_rating = {c.value for c, r in zip(measures["ID"], measures["評価"]) if r.value}
    assert with_rating == {m.id for m in report.measures}


def test_the_settings_name_the_as_of_day_and_the_scheme(book, report):
    settings = {row[0].value: row for row in book["評価の設定"].iter_rows(min_row=2)}
    as_of = settings["as_of"]
    assert as_of[2].is_date and as_of[2].value.date() == datetime.date(2014, 3, 31)
    assert as_of[3].value == "平成26年3月31日"
    assert settings["scheme"][2].value == "miyagi"
    assert settings["actuals_count"][2].value == 75
    bands = table(book["評価区分"])
    assert [c.value for c in bands["評価"]] == ["A", "B", "C"]
    assert bands["達成率の下限"][1].value == pytest.approx(0.8)
    assert isinstance(bands["目標の達成が条件"][0].value, bool)


def test_english_headers(report, tmp_path):
    path = tmp_path / "en.xlsx"
    report.to_excel(path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS_EN
    assert [c.value for c in wb["Indicators"][1]][:4] == ["ID", "Area", "Measure", "Indicator"]


def test_a_failed_write_leaves_no_file(report, tmp_path):
    with pytest.raises(FileError):
        report.to_excel(tmp_path / "no-such-dir" / "report.xlsx")
    (tmp_path / "a-dir.xlsx").mkdir()
    with pytest.raises(FileError):
        report.to_excel(tmp_path / "a-dir.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-dir.xlsx"]
    with pytest.raises(ValueError):
        report.to_excel(tmp_path / "x.xlsx", lang="fr")
    assert issubclass(FileError, miyagiplan.Error)
