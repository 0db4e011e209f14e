"""The miyagiplan program from the outside: each command's output, exit codes and files."""

import csv
import io
import json
import os
import pty
import re
import subprocess

import pytest

from conftest import ACTUALS, INDICATOR_IDS, SOURCE_DIR, display_width, validate_problems

AS_OF = "平成25年度末"


def one_line(stderr):
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("miyagiplan: "), stderr
    assert "Traceback" not in stderr and "terminate called" not in stderr
    return lines[0]


# ----------------------------------------------------------------------------------------------
# The program and its commands


def test_no_command_prints_short_usage_and_exits_2(run):
    r = run()
    assert r.returncode == 2
    assert "usage: miyagiplan" in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["help"], ["help", "report"]])
def test_program_help(run, args):
    r = run(*args, check=0)
    assert r.stdout.startswith("usage: miyagiplan")


@pytest.mark.parametrize("command", ["report", "date", "wareki", "fy", "export", "validate", "template"])
def test_each_command_has_help(run, command):
    r = run(command, "--help", check=0)
    assert r.stdout.startswith(f"usage: miyagiplan {command}")
    assert "--help" in r.stdout


@pytest.mark.parametrize("command", [None, "report", "date", "wareki", "fy", "export", "validate", "template"])
def test_help_fits_80_columns(run, command):
    out = run(*([command] if command else []), "--help", check=0).stdout
    assert max(display_width(line) for line in out.splitlines()) <= 80


def test_version(run):
    assert re.match(r"miyagiplan \d+\.\d+\.\d+", run("--version", check=0).stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["--frobnicate"],
        ["report", "--bogus"],
        ["report", "-x"],
        ["report", "--plan"],
        ["report", "--actuals"],
        ["report", "--format", "pdf"],
        ["report", "--lang", "fr"],
        ["report", "--scheme", "no-such-preset"],
        ["report", "--width", "abc"],
        ["report", "extra"],
        ["date"],
        ["wareki"],
        ["fy"],
        ["fy", "--start-month", "13", "2014-03-31"],
        ["export", "--format", "yaml"],
        ["validate"],
        ["validate", "a.json", "b.json"],
        ["help", "nothing"],
    ],
)
def test_usage_mistakes_exit_2_with_one_line(run, args):
    r = run(*args)
    assert r.returncode == 2, (args, r.stdout, r.stderr)
    one_line(r.stderr)


# ----------------------------------------------------------------------------------------------
# date, wareki, fy


def test_date_month_end(run):
    r = run("date", "平成22年12月末", check=0)
    assert "2010-12-31" in r.stdout
    assert "month_end" in r.stdout


@pytest.mark.parametrize(
    "text, first, last, kind, flag",
    [
        ("平成22年9月末", "2010-09-30", "2010-09-30", "month_end", None),
        ("平成21年度末", "2010-03-31", "2010-03-31", "fiscal_year_end", None),
        ("平成21年度", "2009-04-01", "2010-03-31", "fiscal_year", None),
        ("平成22年度（見込）", "2010-04-01", "2011-03-31", "fiscal_year", "estimate"),
        ("平成22年4～12月", "2010-04-01", "2010-12-31", "month_span", None),
        ("平成23～25年度", "2011-04-01", "2014-03-31", "fiscal_year_span", None),
        ("平成32年度", "2020-04-01", "2021-03-31", "fiscal_year", "proleptic"),
        ("H26～", "2014-04-01", None, "open_ended", "open-ended"),
        ("H22.12.31", "2010-12-31", "2010-12-31", "day", None),
        ("平成２２年１２月３１日", "2010-12-31", "2010-12-31", "day", None),
    ],
)
def test_date_expressions(run, text, first, last, kind, flag):
    line = run("date", text, check=0).stdout.strip()
    fields = line.split()
    assert fields[0] == text
    assert fields[1] == first
    if last:
        assert fields[2] == last
    assert fields[3] == kind
    assert (flag in fields[4].split(",")) if flag else fields[4] == "-"


def test_date_several_texts_one_line_each(run):
    r = run("date", "平成22年12月末", "平成23～25年度", "2010-12-31", check=0)
    assert len(r.stdout.splitlines()) == 3


def test_date_that_does_not_parse_exits_1(run):
    r = run("date", "平成22年12月末", "平成二十二年ほげ")
    assert r.returncode == 1
    assert "2010-12-31" in r.stdout  # the good one is still printed
    line = one_line(r.stderr)
    assert "character" in line and "平成二十二年ほげ" in line


def test_date_before_an_era_starts_is_an_error(run):
    r = run("date", "令和元年4月1日")
    assert r.returncode == 1
    one_line(r.stderr)


@pytest.mark.parametrize(
    "text, iso, kanji, abbrev",
    [
        ("2010-12-31", "2010-12-31", "平成22年12月31日", "H22.12.31"),
        ("平成22年12月末", "2010-12-31", "平成22年12月31日", "H22.12.31"),
        ("平成25年度末", "2014-03-31", "平成26年3月31日", "H26.3.31"),
        ("R5.3.31", "2023-03-31", "令和5年3月31日", "R5.3.31"),
        ("2019-05-01", "2019-05-01", "令和元年5月1日", "R1.5.1"),
        ("2019-04-30", "2019-04-30", "平成31年4月30日", "H31.4.30"),
        ("1989-01-07", "1989-01-07", "昭和64年1月7日", "S64.1.7"),
    ],
)
def test_wareki(run, text, iso, kanji, abbrev):
    fields = run("wareki", text, check=0).stdout.split()
    assert fields == [text, iso, kanji, abbrev]


@pytest.mark.parametrize("text", ["平成25年度", "1872-12-31", "not a date"])
def test_wareki_refuses_what_is_not_an_era_day(run, text):
    r = run("wareki", text)
    assert r.returncode == 1
    one_line(r.stderr)


def test_wareki_with_a_tentative_era(program):
    # MIYAGIPLAN_TENTATIVE_ERA, as ICU's ICU_ENABLE_TENTATIVE_ERA: the placeholder era 未定 (Q).
    def wareki(value, *days):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MIYAGIPLAN_")}
        env.update(LC_ALL="C.UTF-8", MIYAGIPLAN_TENTATIVE_ERA=value)
        return subprocess.run([str(program), "wareki", *days], capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=60)

    r = wareki("2031-05-01", "2031-04-30", "2032-01-02")
    assert r.returncode == 0, r.stderr
    assert [line.split() for line in r.stdout.splitlines()] == [
        ["2031-04-30", "2031-04-30", "令和13年4月30日", "R13.4.30"],
        ["2032-01-02", "2032-01-02", "未定2年1月2日", "Q2.1.2"],
    ]
    r = wareki("2019-05-01", "2031-05-01")
    assert r.returncode == 1
    assert "MIYAGIPLAN_TENTATIVE_ERA" in one_line(r.stderr)


@pytest.mark.parametrize(
    "text, labels, first, last",
    [
        ("2014-03-31", ["平成25年度", "2013年度", "FY2013"], "2013-04-01", "2014-03-31"),
        ("2013-04-01", ["平成25年度", "2013年度", "FY2013"], "2013-04-01", "2014-03-31"),
        ("平成25年度", ["平成25年度", "2013年度", "FY2013"], "2013-04-01", "2014-03-31"),
        ("平成21年度末", ["平成21年度", "2009年度", "FY2009"], "2009-04-01", "2010-03-31"),
        ("2023-03-31", ["令和4年度", "2022年度", "FY2022"], "2022-04-01", "2023-03-31"),
    ],
)
def test_fy(run, text, labels, first, last):
    out = run("fy", text, check=0).stdout
    for label in labels:
        assert label in out
    assert first in out and last in out


def test_fy_2019_names_both_eras(run):
    out = run("fy", "2019-06-01", check=0).stdout
    assert "令和元年度" in out and "平成31年度" in out and "FY2019" in out


def test_fy_other_start_month(run):
    out = run("fy", "--start-month", "1", "2014-03-31", check=0).stdout
    assert "2014-01-01" in out and "2014-12-31" in out


def test_fy_of_a_span_exits_1(run):
    r = run("fy", "平成23～25年度")
    assert r.returncode == 1
    one_line(r.stderr)


# ----------------------------------------------------------------------------------------------
# report: text


def test_report_without_arguments_lists_the_plan(run):
    out = run("report", check=0).stdout
    assert "みやぎＩＴ推進プラン２０１３" in out
    assert "平成23～25年度" in out
    for label in ("基本目標", "重点分野", "施策", "目標指標", "現状値", "目標値"):
        assert label in out
    for goal in ("G1", "G2"):
        assert goal in out
    for ident in INDICATOR_IDS:
        assert re.search(rf"^{re.escape(ident)}\s", out, re.M), ident
    assert "2,280 件" in out and "4,000 件" in out  # 1-1-1's baseline and target as written
    assert "実績値" not in out.split("目標指標（25）")[1].split("\n")[1]  # no actual columns


def test_report_with_actuals_text(run, actuals):
    out = run("report", "--actuals", actuals, "--as-of", AS_OF, check=0).stdout
    # Both goals span all five areas: one roll-up of the whole plan, not two identical goal rows.
    for label in ("実績値", "期待値", "達成率", "評価", "施策ごとの評価", "重点分野ごとの評価", "計画全体の評価"):
        assert label in out
    assert "基本目標ごとの評価" not in out
    assert "2014-03-31" in out
    lines = out.splitlines()

    def grade_of(ident):
        k = next(i for i, line in enumerate(lines) if line.startswith(ident + " "))
        values = lines[k + 1].split()
        return values[-1]

    assert grade_of("1-1-1") == "A"
    assert grade_of("2-1-1") == "C"
    assert "108.7%" in out  # 1-1-1: (4,150 − 2,280) / (4,000 − 2,280)


def test_report_defaults_as_of_to_the_plan_end(run, actuals):
    a = run("report", "--actuals", actuals, "--format", "json", check=0).stdout
    assert json.loads(a)["as_of"] == "2014-03-31"


def test_report_as_of_forms(run, actuals):
    # A day is that day; a span (平成25年度) its last day, as Python's as_of reads it.
    for text in ("平成25年度末", "H26.3.31", "2014-03-31", "平成26年3月31日", "平成25年度"):
        data = json.loads(run("report", "--actuals", actuals, "--as-of", text, "--format", "json", check=0).stdout)
        assert data["as_of"] == "2014-03-31", text
    data = json.loads(run("report", "--actuals", actuals, "--as-of", "R5.3.31", "--format", "json", check=0).stdout)
    assert data["as_of"] == "2023-03-31"


def test_report_earlier_as_of_changes_the_expected_value(run, actuals):
    early = json.loads(run("report", "--actuals", actuals, "--as-of", "平成24年度末", "--format", "json", check=0).stdout)
    item = next(i for i in early["indicators"] if i["id"] == "1-1-1")
    assert item["assessment"]["as_of"] == "2013-03-31"
    assert 2280 < item["assessment"]["expected"] < 4000


@pytest.mark.parametrize("columns", [None, 60, 80, 100, 200])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("with_actuals", [False, True])
def test_text_fits_the_terminal(run, actuals, columns, lang, with_actuals):
    args = ["report", "--lang", lang] + (["--actuals", actuals] if with_actuals else [])
    out = run(*args, columns=columns, check=0).stdout
    limit = 80 if columns is None else min(columns, 120)
    widths = [display_width(line) for line in out.splitlines()]
    assert max(widths) <= limit, [line for line in out.splitlines() if display_width(line) > limit][:3]
    if columns is None or columns >= 80:
        assert max(widths) >= limit - 2  # it uses the room it has
    if limit <= 80:
        assert "…" in out  # long names are cut to fit, visibly


def test_text_width_option(run, actuals):
    out = run("report", "--actuals", actuals, "--width", "100", check=0).stdout
    assert max(display_width(line) for line in out.splitlines()) <= 100


def test_text_in_english(run, actuals):
    out = run("report", "--actuals", actuals, "--lang", "en", check=0).stdout
    for label in ("Goals", "Priority areas", "Baseline", "Target", "Actual", "Expected", "Rate", "Grade"):
        assert label in out
    assert "FY2013 end" in out
    assert "現状値" not in out


# ----------------------------------------------------------------------------------------------
# report: csv, json, markdown, html


def test_csv_has_one_row_per_indicator(run, actuals):
    out = run("report", "--actuals", actuals, "--as-of", AS_OF, "--format", "csv", check=0).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == INDICATOR_IDS
    for key in ("name", "unit", "baseline_value", "baseline_date", "target_value", "target_date", "actual",
                "expected", "rate_percent", "grade", "status"):
        assert key in rows[0]
    by_id = {r["id"]: r for r in rows}
    assert by_id["1-1-1"]["grade"] == "A"
    assert by_id["2-1-1"]["grade"] == "C"
    assert by_id["1-1-1"]["baseline_value"] == "2280"
    assert by_id["1-1-1"]["baseline_date"] == "平成 22 年 12 月末"
    assert by_id["1-1-1"]["actual"] == "4150"
    assert float(by_id["1-1-1"]["rate_percent"]) == pytest.approx(108.7, abs=0.05)
    assert by_id["4-4-1"]["direction"] == "decrease"


def test_csv_without_actuals_leaves_the_assessment_empty(run):
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv", check=0).stdout)))
    assert len(rows) == 25
    assert all(r["grade"] == "" for r in rows)


def test_json_report(run, actuals):
    data = json.loads(run("report", "--actuals", actuals, "--as-of", AS_OF, "--format", "json", check=0).stdout)
    assert data["plan"]["id"] == "miyagi-it-2013"
    assert data["scheme"]["name"] == "miyagi"
    assert data["as_of"] == "2014-03-31"
    assert [i["id"] for i in data["indicators"]] == INDICATOR_IDS
    by_id = {i["id"]: i for i in data["indicators"]}
    first = by_id["1-1-1"]["assessment"]
    for key in ("formula", "actual", "baseline", "target", "expected", "rate", "reached", "grade", "points",
                "status", "observations"):
        assert key in first
    assert first["grade"] == "A" and first["status"] == "achieved" and first["reached"] is True
    assert by_id["2-1-1"]["assessment"]["grade"] == "C"
    assert all(i["explanation"] for i in data["indicators"])
    assert len(data["rollups"]["measures"]) == 17
    assert [r["id"] for r in data["rollups"]["areas"]] == ["1", "2", "3", "4", "5"]
    assert data["rollups"]["goals"] == []
    assert data["rollups"]["plan"]["kind"] == "plan" and data["rollups"]["plan"]["total"] == 25
    area1 = data["rollups"]["areas"][0]
    assert area1["rating"] == "順調" and area1["grade_counts"] == {"A": 2, "B": 1, "C": 0, "N": 0}


def test_json_without_actuals(run):
    data = json.loads(run("report", "--format", "json", check=0).stdout)
    assert len(data["indicators"]) == 25
    assert data["actuals"] is None and data["rollups"] is None
    assert all(i["assessment"] is None for i in data["indicators"])


def _markdown_tables(text):
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _cells(line):
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


@pytest.mark.parametrize("with_actuals", [False, True])
def test_markdown_tables_parse(run, actuals, with_actuals):
    args = ["report", "--format", "markdown"] + (["--actuals", actuals] if with_actuals else [])
    out = run(*args, check=0).stdout
    assert out.startswith("# みやぎＩＴ推進プラン２０１３")
    tables = _markdown_tables(out)
    assert tables
    ids = []
    for table in tables:
        head = _cells(table[0])
        assert all(re.fullmatch(r":?-{3,}:?", c) for c in _cells(table[1])), table[1]
        for row in table[2:]:
            assert len(_cells(row)) == len(head), row
        if head[:2] == ["ID", "目標指標"]:
            ids += [_cells(row)[0] for row in table[2:]]
    assert ids == INDICATOR_IDS
    if with_actuals:
        assert "## 評価の集計" in out


def test_html_is_self_contained(run, actuals, tmp_path):
    target = tmp_path / "report.html"
    r = run("report", "--actuals", actuals, "--as-of", AS_OF, "--format", "html", "--output", target, check=0)
    assert r.stdout == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="ja">' in html
    assert len(re.findall(r'<tr class="indicator"[^>]* data-id="\d-\d-\d"', html)) == 25
    assert len(re.findall(r'<svg class="chart" data-id="\d-\d-\d"', html)) == 25
    assert "http:" not in html and "https:" not in html and "<script" not in html
    assert "@media print" in html
    assert re.search(r'<tr class="indicator" id="indicator-1-1-1" data-id="1-1-1" data-grade="A"', html)
    assert re.search(r'data-id="2-1-1" data-grade="C"', html)


def test_html_in_english(run, actuals):
    html = run("report", "--actuals", actuals, "--format", "html", "--lang", "en", check=0).stdout
    assert '<html lang="en">' in html and "FY2011" in html


def test_html_without_actuals_still_draws_every_chart(run):
    html = run("report", "--format", "html", check=0).stdout
    assert len(re.findall(r'<svg class="chart"', html)) == 25


# ----------------------------------------------------------------------------------------------
# report: schemes, inputs, failures


@pytest.mark.parametrize("name", ["miyagi", "soumu", "open_sdg", "unsd_2023", "okr", "ibaraki", "nagayo"])
def test_scheme_presets(run, actuals, name):
    data = json.loads(run("report", "--actuals", actuals, "--scheme", name, "--format", "json", check=0).stdout)
    assert data["scheme"]["name"] == name
    labels = set(data["scheme"]["grades"]) | {data["scheme"]["not_evaluable"]}
    assert {i["assessment"]["grade"] for i in data["indicators"]} <= labels
    text = run("report", "--actuals", actuals, "--scheme", name, check=0).stdout
    assert max(display_width(line) for line in text.splitlines()) <= 80


def test_scheme_from_a_json_file(run, actuals, tmp_path):
    scheme = {
        "schema": "miyagiplan.Scheme.1",
        "name": "strict",
        "formula": "baseline_relative",
        "bands": [
            {"label": "S", "reached": True, "points": 2},
            {"label": "F", "min_rate": None, "points": 0},
        ],
        "not_evaluable": "-",
        "rollup": [{"label": "good", "min_points": 1.5}, {"label": "poor", "min_points": None}],
    }
    path = tmp_path / "strict.json"
    path.write_text(json.dumps(scheme), encoding="utf-8")
    data = json.loads(run("report", "--actuals", actuals, "--scheme", path, "--format", "json", check=0).stdout)
    grades = {i["id"]: i["assessment"]["grade"] for i in data["indicators"]}
    assert grades["1-1-1"] == "S" and grades["1-2-1"] == "F"


def test_bad_scheme_file_exits_1(run, actuals, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"schema": "miyagiplan.Scheme.1", "name": "x"', encoding="utf-8")
    r = run("report", "--actuals", actuals, "--scheme", path)
    assert r.returncode == 1
    assert "broken.json" in one_line(r.stderr)


def test_bad_actuals_file_names_file_line_column(run, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "indicator,date,value\n1-1-1,平成23年度末,\"2,900\"\n1-1-1,平成99年度末x,100\n9-9-9,平成23年度末,1\n",
        encoding="utf-8",
    )
    r = run("report", "--actuals", path)
    assert r.returncode == 1
    assert r.stdout == ""
    line = one_line(r.stderr)
    assert re.search(re.escape(str(path)) + r":3:\d+: ", line), line
    assert ":4:1: " in line


def test_bad_actuals_json_names_the_place(run, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "miyagiplan.Observations.1",\n "observations": [\n  {"indicator": "1-1-1",,}\n ]}',
                    encoding="utf-8")
    r = run("report", "--actuals", path)
    assert r.returncode == 1
    line = one_line(r.stderr)
    assert str(path) in line and "line 3" in line and "column" in line


@pytest.mark.parametrize("missing", ["--actuals", "--plan", "--scheme"])
def test_missing_file_exits_1(run, tmp_path, missing):
    path = tmp_path / ("nothing.json" if missing != "--actuals" else "nothing.csv")
    args = ["report", missing, path] + (["--actuals", tmp_path / "x.csv"] if missing == "--scheme" else [])
    r = run(*args)
    assert r.returncode == 1
    assert "nothing" in one_line(r.stderr) or "x.csv" in r.stderr


def test_bad_plan_file_exits_1(run, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"schema": "miyagiplan.Plan.1",\n  "id": 5,\n}', encoding="utf-8")
    r = run("report", "--plan", path)
    assert r.returncode == 1
    line = one_line(r.stderr)
    assert str(path) in line and "line 3" in line


@pytest.mark.parametrize("text", ["平成25年ほげ", "2014-02-30", "H26～"])
def test_as_of_must_name_a_day_or_a_closed_span(run, actuals, text):
    r = run("report", "--actuals", actuals, "--as-of", text)
    assert r.returncode == 1
    one_line(r.stderr)


def test_output_file(run, actuals, tmp_path):
    path = tmp_path / "out.txt"
    r = run("report", "--actuals", actuals, "-o", path, check=0)
    assert r.stdout == ""
    assert "1-1-1" in path.read_text(encoding="utf-8")


def test_unwritable_output_exits_1(run, tmp_path):
    r = run("report", "--output", tmp_path / "no" / "such" / "dir" / "x.txt")
    assert r.returncode == 1
    one_line(r.stderr)


# ----------------------------------------------------------------------------------------------
# export and validate


@pytest.mark.parametrize("fmt", ["json", "xml", "text", "binary"])
def test_export_validate_round_trip(run, tmp_path, fmt):
    path = tmp_path / f"plan.{fmt}"
    run("export", "--format", fmt, "--output", path, check=0)
    r = run("validate", path, check=0)
    assert "ok" in r.stdout
    # The exported plan reports like the bundled one.
    data = json.loads(run("report", "--plan", path, "--format", "json", check=0).stdout)
    assert [i["id"] for i in data["indicators"]] == INDICATOR_IDS
    again = tmp_path / "again.json"
    run("export", "--plan", path, "--output", again, check=0)
    assert again.read_text(encoding="utf-8") == run("export", check=0).stdout


def test_export_to_standard_output(run):
    out = run("export", check=0).stdout
    assert json.loads(out)["id"] == "miyagi-it-2013"
    assert run("export", "--format", "xml", check=0).stdout.startswith("<?xml")
    assert run("export", "--format", "text", check=0).stdout.startswith("22 serialization::archive")


def test_export_format_from_the_output_extension(run, tmp_path):
    path = tmp_path / "plan.xml"
    run("export", "-o", path, check=0)
    assert path.read_text(encoding="utf-8").startswith("<?xml")


def test_export_binary_refuses_a_terminal(program):
    leader, follower = pty.openpty()
    try:
        r = subprocess.run([str(program), "export", "--format", "binary"], stdout=follower, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert r.returncode == 2
    assert "terminal" in one_line(r.stderr)


def test_export_binary_to_a_pipe(program, tmp_path):
    r = subprocess.run([str(program), "export", "--format", "binary"], capture_output=True, timeout=60)
    assert r.returncode == 0 and b"serialization::archive" in r.stdout[:64]


def test_validate_actuals(run, actuals):
    r = run("validate", actuals, check=0)
    assert "75" in r.stdout


def test_validate_actuals_reports_every_problem(run, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "indicator,date,value\n1-1-1,平成23年度末,100\n1-1-1,平成99年度末x,100\n9-9-9,平成23年度末,1\n"
        "2-1-1,平成23年度末,150\n",
        encoding="utf-8",
    )
    lines, stderr = validate_problems(run, path)
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"{path}:3:")
    assert lines[1].startswith(f"{path}:4:1:")
    assert lines[2].startswith(f"{path}:5:")
    one_line(stderr)


def test_validate_actuals_json_against_an_exported_plan(run, tmp_path):
    plan = tmp_path / "plan.xml"
    run("export", "-o", plan, check=0)
    obs = tmp_path / "obs.json"
    obs.write_text(json.dumps({"schema": "miyagiplan.Observations.1",
                               "observations": [{"indicator": "1-1-1", "date": "平成23年度末", "value": 3000}]}),
                   encoding="utf-8")
    assert "ok" in run("validate", obs, "--plan", plan, check=0).stdout


def test_validate_plan_problems(run, tmp_path):
    exported = json.loads(run("export", check=0).stdout)
    measure = exported["areas"][0]["measures"][1]
    measure["indicators"][0]["id"] = "1-1-1"  # a duplicate of the first indicator's id
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    r = run("validate", path)
    assert r.returncode == 1
    assert r.stdout.startswith(f"{path}: ")
    assert "1-1-1" in r.stdout
    one_line(r.stderr)


def test_validate_unreadable_plan(run, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"schema": "miyagiplan.Plan.1",\n  "id": 5,\n}', encoding="utf-8")
    r = run("validate", path)
    assert r.returncode == 1
    assert "line 3" in r.stdout
    missing = run("validate", tmp_path / "missing.xml")
    assert missing.returncode == 1
    one_line(missing.stderr)


# ----------------------------------------------------------------------------------------------
# The command line and Python: one library decides, so the same inputs give the same report


def _python_module():
    return pytest.importorskip("miyagiplan", reason="the Python module is not on PYTHONPATH")


@pytest.mark.parametrize("as_of", [None, "平成25年度", "平成24年度末", "2013-09-30"])
@pytest.mark.parametrize("scheme", ["miyagi", "soumu", "okr"])
def test_cli_json_is_python_report_json(run, monkeypatch, as_of, scheme):
    mp = _python_module()
    monkeypatch.chdir(SOURCE_DIR)
    actuals = "examples/illustrative-actuals.csv"  # relative, as both name it
    args = ["report", "--actuals", actuals, "--scheme", scheme, "--format", "json"]
    if as_of:
        args += ["--as-of", as_of]
    cli = run(*args, cwd=SOURCE_DIR, check=0).stdout
    plan = mp.miyagi_it_plan_2013()
    observations = mp.Observations.load(actuals, plan)
    report = plan.evaluate(observations, as_of=as_of, scheme=scheme)
    assert json.loads(cli) == json.loads(report.to_json())
    assert cli == report.to_json()


def test_python_renderers_are_the_cli_formats(run, monkeypatch):
    mp = _python_module()
    monkeypatch.chdir(SOURCE_DIR)
    actuals = "examples/illustrative-actuals.csv"
    plan = mp.miyagi_it_plan_2013()
    report = plan.evaluate(mp.Observations.load(actuals, plan))
    assert report.to_csv() == run("report", "--actuals", actuals, "--format", "csv", check=0).stdout
    assert report.to_text(lang="en", width=100) == run(
        "report", "--actuals", actuals, "--lang", "en", "--width", "100", check=0).stdout
    assert report.to_html(lang="en") == run("report", "--actuals", actuals, "--lang", "en", "--format", "html",
                                            check=0).stdout
    assert "<svg" in report.to_html() and report.to_markdown(lang="en").startswith("# ")


def test_scheme_file_for_python_and_cli(run, tmp_path):
    mp = _python_module()
    path = tmp_path / "scheme.json"
    path.write_text(mp.Scheme.okr().to_json(), encoding="utf-8")
    plan = mp.miyagi_it_plan_2013()
    observations = mp.Observations.load(ACTUALS, plan)
    assert plan.evaluate(observations, scheme=str(path)).scheme_name == "okr"
    assert plan.evaluate(observations, scheme=path).scheme_name == "okr"


def test_explanations_follow_the_language(run, actuals):
    ja = run("report", "--actuals", actuals, "--format", "markdown", check=0).stdout
    en = run("report", "--actuals", actuals, "--format", "markdown", "--lang", "en", check=0).stdout
    assert "現状値基準" in ja and "baseline_relative" not in ja
    assert "baseline_relative" in en


def test_report_with_an_exclusion_and_published_figures(run, tmp_path):
    # 除外 with its reason, and figures dated by their publication (公表日): as of June 2013 the
    # FY2012 figure of 1-2-1 is not out yet, so the FY2011 one is used, and the report says how old.
    path = tmp_path / "actuals.csv"
    path.write_text(
        "指標ID,時点,実績値,区分,公表日,備考\n"
        "1-1-1,平成24年度末,－,除外,,震災の影響で集計を停止\n"
        "1-2-1,平成23年度末,\"5,000\",確定,平成24年8月31日,\n"
        "1-2-1,平成24年度末,\"9,000\",速報,平成25年8月30日,\n",
        encoding="utf-8",
    )
    data = json.loads(run("report", "--actuals", path, "--as-of", "平成25年6月30日", "--format", "json").stdout)
    by_id = {i["id"]: i for i in data["indicators"]}
    excluded = by_id["1-1-1"]["assessment"]
    assert excluded["grade"] == "－" and excluded["status"] == "excluded"
    assert excluded["excluded_reason"] == "震災の影響で集計を停止"
    used = by_id["1-2-1"]["assessment"]
    assert used["actual"] == 5000 and used["figure_age_days"] == 456
    assert used["figure_published"] == "2012-08-31"
    # The measure 1-1 roll-up leaves the excluded indicator out.
    measure = next(r for r in data["rollups"]["measures"] if r["id"] == "1-1")
    assert measure["total"] == 0
    for lang, said in (("en", "excluded from the evaluation (除外): 震災の影響で集計を停止 → －"),
                       ("ja", "評価の対象外（除外）：震災の影響で集計を停止 → －")):
        text = run("report", "--actuals", path, "--as-of", "平成25年6月30日", "--format", "markdown", "--lang", lang).stdout
        assert said in text
        assert ("456 days old" if lang == "en" else "456日前") in text


# ----------------------------------------------------------------------------------------------
# report --years: every fiscal year of the plan period at once


def test_years_csv_has_a_row_per_indicator_and_year(run):
    out = run("report", "--actuals", str(ACTUALS), "--years", "--format", "csv", check=0).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 25 * 3
    assert [r["fiscal_year"] for r in rows[::25]] == ["2011", "2012", "2013"]
    assert rows[0]["fiscal_year_label"] == "平成23年度" and rows[0]["as_of"] == "2012-03-31"
    assert rows[50]["as_of"] == "2014-03-31"
    first = {r["id"]: r for r in rows[:25]}
    assert first["1-1-1"]["previous_grade"] == "" and first["1-1-1"]["movement"] == ""
    last = {r["id"]: r for r in rows[50:]}
    assert last["1-1-1"]["grade"] == "A" and last["1-1-1"]["previous_grade"] == "C"
    assert last["1-1-1"]["movement"] == "up"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_years_tables_in_every_human_format(run, fmt):
    out = run("report", "--actuals", str(ACTUALS), "--years", "--format", fmt, "--width", "120", check=0).stdout
    assert "年度別の推移" in out and "評価の件数の推移" in out
    assert "平成23年度" in out and "平成25年度" in out
    en = run("report", "--actuals", str(ACTUALS), "--years", "--format", fmt, "--lang", "en", check=0).stdout
    assert "Year over year" in en and "FY2012" in en


def test_years_json_and_xlsx(run, tmp_path):
    j = json.loads(run("report", "--actuals", str(ACTUALS), "--years", "--format", "json", check=0).stdout)
    assert j["schema"] == "miyagiplan.Years.1"
    assert [y["fiscal_year"] for y in j["years"]] == [2011, 2012, 2013]
    assert j["years"][0]["report"]["schema"] == "miyagiplan.Report.1"
    assert len(j["changes"]) == 25 * 2
    counts = {(c["kind"], c["label"]): c["counts"] for c in j["counts"]}
    assert sum(n for (kind, _), v in counts.items() if kind == "indicator" for n in v[:1]) == 25
    book = tmp_path / "years.xlsx"
    run("report", "--actuals", str(ACTUALS), "--years", "--format", "xlsx", "-o", str(book), check=0)
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(book)
    assert "年度別の評価" in wb.sheetnames and "評価の件数の推移" in wb.sheetnames
    ws = wb["年度別の評価"]
    assert ws.max_row == 1 + 25 * 3
    assert ws.cell(2, 1).value == 2011 and ws.cell(2, 2).value == "平成23年度"


@pytest.mark.parametrize("extra", [["--as-of", "平成25年度末"], []])
def test_years_needs_actuals_and_no_as_of(run, extra):
    args = ["report", "--years"] + extra
    if extra:
        args += ["--actuals", str(ACTUALS)]
    r = run(*args, check=2)
    assert "--years" in one_line(r.stderr)


def test_years_cli_is_python(run, monkeypatch):
    mp = _python_module()
    monkeypatch.chdir(SOURCE_DIR)
    actuals = "examples/illustrative-actuals.csv"
    plan = mp.miyagi_it_plan_2013()
    years = plan.evaluate_years(mp.Observations.load(actuals, plan), scheme="ibaraki")
    base = ["report", "--actuals", actuals, "--years", "--scheme", "ibaraki"]
    assert years.to_csv() == run(*base, "--format", "csv", check=0).stdout
    assert years.to_json() == run(*base, "--format", "json", check=0).stdout
    assert years.to_text(lang="en", width=100) == run(*base, "--lang", "en", "--width", "100", check=0).stdout


# ----------------------------------------------------------------------------------------------
# An evaluation record: written to fill in, then shown beside the grades


def test_record_written_filled_and_shown(run, tmp_path):
    path = tmp_path / "record.json"
    run("report", "--actuals", str(ACTUALS), "--new-record", str(path), "--format", "csv", check=0)
    rec = json.loads(path.read_text(encoding="utf-8"))
    assert rec["schema"] == "miyagiplan.EvaluationRecord.1" and rec["as_of"] == "2014-03-31"
    assert [e["id"] for e in rec["entries"][:25]] == INDICATOR_IDS
    rec["entries"][0].update(reason="登録者数が目標を上回った", opinion="適切", response="周知を継続する")
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    for fmt in ["text", "markdown", "html"]:
        out = run("report", "--actuals", str(ACTUALS), "--record", str(path), "--format", fmt, check=0).stdout
        assert "評価記録" in out and "登録者数が目標を上回った" in out and "適切" in out
    j = json.loads(run("report", "--actuals", str(ACTUALS), "--record", str(path), "--format", "json", check=0).stdout)
    assert j["record"]["entries"][0]["opinion"] == "appropriate"


def test_record_errors_name_the_file_and_pointer(run, tmp_path):
    path = tmp_path / "record.json"
    run("report", "--actuals", str(ACTUALS), "--new-record", str(path), "--format", "csv", check=0)
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["entries"][2]["id"] = "9-9-9"
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    r = run("report", "--actuals", str(ACTUALS), "--record", str(path), check=1)
    line = one_line(r.stderr)
    assert f"{path}:/entries/2/id" in line and "9-9-9" in line
    assert run("report", "--record", str(path), check=2).returncode == 2  # no evaluation to show it with


@pytest.mark.parametrize(
    "text, iso, kanji",
    [
        ("明治5年12月2日", "1872-12-31", "明治5年12月2日"),
        ("1872-12-09", "1872-12-09", "明治5年11月9日"),
        ("天保14年閏9月1日", "1843-10-23", "天保14年閏9月1日"),
        ("2019-05-01", "2019-05-01", "令和元年5月1日"),
    ],
)
def test_wareki_lunisolar(run, text, iso, kanji):
    fields = run("wareki", "--lunisolar", text, check=0).stdout.split()
    assert fields[:3] == [text, iso, kanji]


@pytest.mark.parametrize(
    "text, first, last",
    [("慶応3年", "1867-02-05", "1868-01-24"), ("明治5年12月2日", "1872-12-31", "1872-12-31"),
     ("正平10年", "1355-02-21", "1356-02-09")],
)
def test_date_before_1873(run, text, first, last):
    assert run("date", text, check=0).stdout.split()[:3] == [text, first, last]


@pytest.mark.parametrize("text", ["慶応3年閏4月", "明治5年12月3日", "慶応3年度"])
def test_date_before_1873_refused(run, text):
    r = run("date", text)
    assert r.returncode == 1
    one_line(r.stderr)
