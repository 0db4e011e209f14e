"""The office's files from the command line: actuals from cp932 and UTF-8 (BOM) CSV and .xlsx,
CSV written in cp932, the plan as a workbook (template, export, validate, --plan), and the
report as a workbook; workbooks written and read by openpyxl, independent of our code."""

import datetime
import json

import pytest

from conftest import INDICATOR_IDS, SOURCE_DIR, validate_problems
from template_rows import ONLINE_APPLICATIONS, fill, fill_goal_area_measure  # tests/office (conftest.py)

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "平成25年度末"
FIXTURES = SOURCE_DIR / "tests" / "office" / "fixtures"


def report_json(run, *args):
    r = run("report", "--as-of", AS_OF, "--format", "json", *args, check=0)
    return json.loads(r.stdout)


def assessments(doc):
    """Every indicator's assessment; of the observations it used, their days and values (a date
    cell of a workbook reads as 2014-03-31 where the CSV says 平成25年度末)."""
    out = []
    for i in doc["indicators"]:
        a = dict(i["assessment"])
        a["observations"] = [(o["index"], o["date"]["last"], o["value"], o["status"]) for o in a["observations"]]
        out.append((i["id"], a))
    return out


# --- Actuals ------------------------------------------------------------------------------------


def test_cp932_bom_and_openpyxl_xlsx_actuals_give_one_evaluation(run, actuals):
    expected = report_json(run, "--actuals", actuals)
    assert [i for i, _ in assessments(expected)] == INDICATOR_IDS
    for name, extra in [("actuals-cp932.csv", []), ("actuals-cp932.csv", ["--read-encoding", "cp932"]),
                        ("actuals-bom.csv", []), ("actuals-bom.csv", ["--read-encoding", "utf-8"]),
                        ("actuals.xlsx", []), ("actuals.xlsx", ["--sheet", "実績"])]:
        got = report_json(run, "--actuals", FIXTURES / name, *extra)
        assert assessments(got) == assessments(expected), (name, extra)
        assert got["rollups"] == expected["rollups"], name


def test_the_program_and_python_agree_on_office_files(run):
    miyagiplan = pytest.importorskip("miyagiplan")
    plan = miyagiplan.miyagi_it_plan_2013()
    for name in ("actuals-cp932.csv", "actuals-bom.csv", "actuals.xlsx"):
        report = plan.evaluate(miyagiplan.Observations.from_file(FIXTURES / name, plan), as_of=AS_OF)
        ours = json.loads(report.to_json())
        theirs = report_json(run, "--actuals", FIXTURES / name)
        assert assessments(ours) == assessments(theirs), name
        assert ours["rollups"] == theirs["rollups"], name


def test_a_cp932_file_forced_as_utf8_names_its_line(run):
    r = run("report", "--actuals", FIXTURES / "actuals-cp932.csv", "--read-encoding", "utf-8")
    assert r.returncode == 1
    assert "actuals-cp932.csv:1:" in r.stderr
    r = run("validate", FIXTURES / "actuals-cp932.csv", "--encoding", "utf-8")
    assert r.returncode == 1
    assert "actuals-cp932.csv:1:" in r.stdout
    run("validate", FIXTURES / "actuals-cp932.csv", "--encoding", "cp932", check=0)


def test_a_missing_sheet_is_named(run):
    r = run("report", "--actuals", FIXTURES / "actuals.xlsx", "--sheet", "ない")
    assert r.returncode == 1
    assert "ない" in r.stderr and "実績" in r.stderr


def test_report_csv_in_cp932(run, actuals, tmp_path):
    utf8 = run("report", "--actuals", actuals, "--as-of", AS_OF, "--format", "csv", check=0).stdout
    out = tmp_path / "report.csv"
    run("report", "--actuals", actuals, "--as-of", AS_OF, "--format", "csv", "--encoding", "cp932", "-o", out,
        check=0)
    data = out.read_bytes()
    assert data.decode("cp932") == utf8
    assert "平成".encode("cp932") in data
    # cp932 is for CSV: a text report in it is refused, and no file is left.
    r = run("report", "--format", "json", "--encoding", "cp932", "-o", tmp_path / "r.json")
    assert r.returncode == 1 and "cp932" in r.stderr
    assert not (tmp_path / "r.json").exists()


def test_export_actuals_from_xlsx_as_cp932_csv(run, actuals, tmp_path):
    out = tmp_path / "actuals.csv"
    run("export", "--actuals", FIXTURES / "actuals.xlsx", "--encoding", "cp932", "-o", out, check=0)
    assert out.read_bytes().decode("cp932").startswith("indicator,date,value")
    assert assessments(report_json(run, "--actuals", out)) == assessments(report_json(run, "--actuals", actuals))
    assert run("export", "--actuals", actuals, "--format", "xml").returncode == 2


# --- The plan as a workbook ---------------------------------------------------------------------


def test_the_bundled_plan_round_trips_through_a_workbook_byte_identically(run, tmp_path):
    book = tmp_path / "plan.xlsx"
    run("export", "--format", "xlsx", "-o", book, check=0)
    assert book.read_bytes()[:4] == b"PK\x03\x04"
    bundled = run("export", "--format", "json", check=0).stdout
    assert run("export", "--plan", book, "--format", "json", check=0).stdout == bundled
    # By extension, too; and a workbook is never written to standard output.
    run("export", "-o", tmp_path / "again.xlsx", check=0)
    assert run("export", "--plan", tmp_path / "again.xlsx", check=0).stdout == bundled
    r = run("export", "--format", "xlsx")
    assert r.returncode == 2 and "--output" in r.stderr
    assert run("validate", book, check=0).stdout.startswith(f"{book}: ok")


def authored_plan(template, path):
    """A plan another program (openpyxl) writes into the blank template."""
    wb = openpyxl.load_workbook(template)
    fill(wb["計画"], [dict(id="test-2024", title="テスト計画", issuer="テスト県", period="令和6～8年度")])
    filled = {"計画", "基本目標", "重点分野", "施策", "目標指標", "リスト", "説明"}
    for name in wb.sheetnames:  # every other sheet loses its example row
        if name not in filled:
            fill(wb[name], [])
    fill_goal_area_measure(wb)
    fill(wb["目標指標"], [ONLINE_APPLICATIONS, {
        "_parent": "1-1", "id": "1-1-2", "name": "窓口の待ち時間", "unit": "分", "direction": "decrease",
        "accumulation": "level", "baseline.date": datetime.datetime(2024, 3, 31), "baseline.value": 30,
        "target.date": "令和8年度末", "target.value": 10,
    }])
    fill(wb["リスト"], [dict(sheet="基本目標", parent="G1", field="areas", position=1, value="1")])
    wb.save(path)
    return wb


def test_template_filled_by_another_program_validates_and_evaluates(run, tmp_path):
    template = tmp_path / "template.xlsx"
    run("template", "-o", template, check=0)
    wb = openpyxl.load_workbook(template)
    assert {"計画", "目標指標", "説明"} <= set(wb.sheetnames)
    path = tmp_path / "plan.xlsx"
    authored_plan(template, path)
    assert run("validate", path, check=0).stdout == f"{path}: ok, 計画 test-2024（目標指標 2）\n"
    act = tmp_path / "actuals.csv"
    act.write_bytes("指標,時点,実績値\n1-1-1,令和6年度末,1500\n1-1-2,令和6年度末,20\n".encode("cp932"))
    doc = json.loads(run("report", "--plan", path, "--actuals", act, "--as-of", "令和6年度末", "--format", "json",
                         check=0).stdout)
    rates = {i["id"]: i["assessment"]["rate"] for i in doc["indicators"]}
    assert rates == {"1-1-1": pytest.approx(0.5), "1-1-2": pytest.approx(0.5)}
    assert run("validate", act, "--plan", path, check=0).stdout.startswith(f"{act}: ok")


def test_template_needs_a_file(run):
    r = run("template")
    assert r.returncode == 2 and "--output" in r.stderr


def test_validate_lists_every_problem_of_a_workbook_with_its_cell(run, tmp_path):
    template = tmp_path / "template.xlsx"
    run("template", "-o", template, check=0)
    path = tmp_path / "plan.xlsx"
    wb = authored_plan(template, path)
    # Two cells that do not read, on two sheets: both are listed, each at its cell.
    goals, areas = wb["基本目標"], wb["重点分野"]
    goal_number = openpyxl.utils.get_column_letter([c.value for c in goals[2]].index("number") + 1)
    area_number = openpyxl.utils.get_column_letter([c.value for c in areas[2]].index("number") + 1)
    goals[f"{goal_number}3"] = "一"
    areas[f"{area_number}3"] = 1.5
    wb.save(path)
    lines, stderr = validate_problems(run, path)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{path}!基本目標!{goal_number}3: expected a number"), lines[0]
    assert lines[1].startswith(f"{path}!重点分野!{area_number}3: expected a whole number"), lines[1]
    assert stderr.strip() == f"miyagiplan: {path}: 2 problems"


def test_validate_an_xlsx_actuals_file_names_its_cells(run, tmp_path):
    path = tmp_path / "actuals.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "実績"
    ws.append(["指標", "時点", "実績値"])
    ws.append(["1-1-1", "平成24年度末", "三千"])
    ws.append(["9-9-9", "平成24年度末", 10])
    wb.save(path)
    lines, _ = validate_problems(run, path)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{path}!実績!C2: ")
    assert lines[1].startswith(f"{path}!実績!A3: ")


# --- The report as a workbook -------------------------------------------------------------------


def test_report_as_a_workbook(run, actuals, tmp_path):
    out = tmp_path / "report.xlsx"
    run("report", "--actuals", FIXTURES / "actuals.xlsx", "--as-of", AS_OF, "--format", "xlsx", "-o", out, check=0)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:4] == ["目標指標", "施策", "重点分野", "基本目標"]
    ws = wb["目標指標"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and not ws.merged_cells.ranges
    headers = [c.value for c in ws[1]]
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == INDICATOR_IDS
    doc = report_json(run, "--actuals", actuals)
    rate = headers.index("達成率") + 1
    for k, ind in enumerate(doc["indicators"]):
        want = ind["assessment"]["rate"]
        got = ws.cell(row=k + 2, column=rate).value
        assert got == (pytest.approx(want) if want is not None else None), ind["id"]
    # The same workbook's values from Python.
    miyagiplan = pytest.importorskip("miyagiplan")
    plan = miyagiplan.miyagi_it_plan_2013()
    report = plan.evaluate(miyagiplan.Observations.from_file(FIXTURES / "actuals.xlsx", plan), as_of=AS_OF)
    report.to_excel(tmp_path / "python.xlsx")
    theirs = openpyxl.load_workbook(tmp_path / "python.xlsx")
    for name in wb.sheetnames:
        if name == "評価の設定":
            continue  # names the actuals' file as each was given
        assert [[c.value for c in row] for row in wb[name].iter_rows()] == \
            [[c.value for c in row] for row in theirs[name].iter_rows()], name
    r = run("report", "--format", "xlsx")
    assert r.returncode == 2 and "--output" in r.stderr


def test_report_as_a_workbook_without_actuals(run, tmp_path):
    out = tmp_path / "plan-report.xlsx"
    run("report", "--format", "xlsx", "--lang", "en", "-o", out, check=0)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Indicators", "Measures", "Areas", "Goals", "Goal areas", "Settings", "Grades", "Ratings"]
    headers = [c.value for c in wb["Indicators"][1]]
    assert "Baseline" in headers and "Actual" not in headers and "Rating" not in [c.value for c in wb["Areas"][1]]
    assert wb["Indicators"].max_row == len(INDICATOR_IDS) + 1
    settings = {row[0].value: row[2].value for row in wb["Settings"].iter_rows(min_row=2)}
    assert settings["plan_id"] == "miyagi-it-2013" and "as_of" not in settings
