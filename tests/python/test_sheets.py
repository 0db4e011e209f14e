"""Files offices keep: actuals from CP932 and UTF-8 CSV and .xlsx, CSV written in CP932, and the
plan as a workbook, checked against openpyxl (an implementation independent of ours).

The actuals fixtures are written by tests/office/make_actuals_fixtures.py (Python's cp932 codec
and openpyxl) from examples/illustrative-actuals.csv.
"""

import datetime

import pytest

import miyagiplan
from miyagiplan import Observations, Plan, SchemaError
from template_rows import ONLINE_APPLICATIONS, fill, fill_goal_area_measure  # tests/office (conftest.py)

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "平成25年度末"


def summary(plan, actuals):
    report = plan.evaluate(actuals, as_of=AS_OF)
    return [(a.indicator_id, a.grade, str(a.status), a.assessment.actual, a.rate) for a in report.indicators]


@pytest.fixture
def fixtures(source_dir):
    return source_dir / "tests" / "office" / "fixtures"


@pytest.fixture
def example(source_dir):
    return source_dir / "examples" / "illustrative-actuals.csv"


# --- Actuals -----------------------------------------------------------------------------------


def test_cp932_bom_and_xlsx_actuals_evaluate_as_the_utf8_csv(plan, fixtures, example):
    expected = summary(plan, Observations.from_csv(example, plan))
    for name in ("actuals-cp932.csv", "actuals-bom.csv", "actuals.xlsx", "actuals-1904.xlsx"):
        got = Observations.from_file(fixtures / name, plan)
        assert len(got) == 75, name
        assert summary(plan, got) == expected, name
    assert summary(plan, Observations.from_csv(fixtures / "actuals-cp932.csv", plan, encoding="cp932")) == expected
    assert summary(plan, Observations.from_file(fixtures / "actuals.xlsx", sheet="実績")) == expected


def test_a_cp932_file_forced_to_utf8_names_its_line(plan, fixtures):
    with pytest.raises(SchemaError) as e:
        Observations.from_csv(fixtures / "actuals-cp932.csv", plan, encoding="utf-8")
    assert "actuals-cp932.csv:1:" in e.value.where


def test_an_openpyxl_sheet_with_bad_cells_names_each_cell(plan, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "実績"
    ws.append(["指標", "年月日", "値", "備考"])
    ws.append(["1-1-1", datetime.datetime(2013, 3, 31), 3500, "ok"])
    ws.append(["1-1-1", "平成24年度末", "三千", None])
    ws.append(["9-9-9", "平成24年度末", 1, None])
    ws.append(["1-1-1", "平成24年度末", "=1+2", None])  # a formula openpyxl saves without a value
    path = tmp_path / "actuals.xlsx"
    wb.save(path)
    with pytest.raises(SchemaError) as e:
        Observations.from_file(path, plan)
    message = str(e.value)
    assert e.value.where == f"{path}!実績!C3"
    assert f"{path}!実績!A4" in message and f"{path}!実績!C5" in message
    ws.delete_rows(3, 3)
    wb.save(path)
    good = Observations.from_file(path, plan)
    assert len(good) == 1 and good[0].when.last == datetime.date(2013, 3, 31)


def test_to_csv_in_cp932_for_excel(plan, example, tmp_path):
    actuals = Observations.from_csv(example, plan)
    path = tmp_path / "cp932.csv"
    actuals.to_csv(path, plan)
    data = path.read_bytes()
    assert data.decode("cp932").startswith("indicator,date,value")
    assert "平成23年度末".encode("cp932") in data
    assert summary(plan, Observations.from_csv(path, plan)) == summary(plan, actuals)
    actuals.to_csv(tmp_path / "utf8.csv", plan, encoding="utf-8")
    assert (tmp_path / "utf8.csv").read_text(encoding="utf-8") == actuals.to_csv(plan)


# --- The plan as a workbook --------------------------------------------------------------------


def test_the_bundled_plan_round_trips_through_a_workbook(plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    plan.save(path, format="xlsx")
    assert path.read_bytes()[:4] == b"PK\x03\x04"
    again = Plan.load(path)
    assert again.to_json() == plan.to_json()
    wb = openpyxl.load_workbook(path)
    for name in ("計画", "基本目標", "重点分野", "施策", "取組方針", "主な取組", "取組項目", "目標指標",
                 "関連計画", "本文", "推進体制", "リスト", "説明"):
        assert name in wb.sheetnames
    ws = wb["目標指標"]
    names = [c.value for c in ws[2]]
    labels = [c.value for c in ws[1]]
    assert labels[names.index("name")] == "指標名"
    assert len(ws["A"]) - 2 == len(plan.indicators())


def test_a_broken_workbook_names_every_problem_cell(plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    plan.save(path, format="xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["目標指標"]
    names = [c.value for c in ws[2]]
    id_col = names.index("id") + 1
    ws.cell(row=4, column=id_col).value = ws.cell(row=3, column=id_col).value  # a duplicate id
    date_col = names.index("baseline.date") + 1
    ws.cell(row=5, column=date_col).value = "いつか"
    wb.save(path)
    with pytest.raises(SchemaError) as e:
        Plan.load(path)
    letter = openpyxl.utils.get_column_letter(date_col)
    assert e.value.where == f"{path}!目標指標!{letter}5"
    wb = openpyxl.load_workbook(path)
    wb["目標指標"].cell(row=5, column=date_col).value = "平成21年度末"
    wb.save(path)
    with pytest.raises(SchemaError) as e:
        Plan.load(path)
    assert "duplicate id" in str(e.value)
    assert "!目標指標!A" in e.value.where


def test_a_plan_openpyxl_writes_into_the_template_loads_validates_and_evaluates(tmp_path):
    template = tmp_path / "template.xlsx"
    miyagiplan.write_plan_template(template)
    wb = openpyxl.load_workbook(template)
    assert "説明" in wb.sheetnames and wb["説明"].max_row > 60
    for name in wb.sheetnames:
        if name != "説明":
            assert wb[name].max_row >= 3, name  # an example row
    fill(wb["計画"], [dict(id="test-2024", title="テスト計画", issuer="テスト県", period="令和6～8年度",
                          goal_area_note="")])
    for name in ("本文", "推進体制", "取組方針", "主な取組", "取組項目", "関連計画", "期待値", "目標の見直し"):
        fill(wb[name], [])
    fill_goal_area_measure(wb)
    fill(wb["目標指標"], [{**ONLINE_APPLICATIONS, "source": ""}])
    fill(wb["リスト"], [dict(sheet="基本目標", parent="G1", field="areas", position=1, value="1"),
                        dict(sheet="目標指標", parent="1-1-1", field="notes", value="※ 試行")])
    path = tmp_path / "authored.xlsx"
    wb.save(path)

    plan = Plan.load(path)
    plan.validate()
    assert plan.id == "test-2024"
    indicator = plan.indicator("1-1-1")
    assert indicator.target.display == "2,000件" or indicator.target.value.text == "2,000件"
    assert list(indicator.notes) == ["※ 試行"]
    assert list(plan.goals[0].areas) == ["1"]
    actuals = Observations([plan.observation("1-1-1", "令和6年度末", 1500)])
    report = plan.evaluate(actuals, as_of="令和6年度末")
    assert report.find("1-1-1").rate is not None
    # What it loaded, saved and loaded again, is the same plan.
    plan.save(tmp_path / "again.xlsx", format="xlsx")
    assert Plan.load(tmp_path / "again.xlsx").to_json() == plan.to_json()
