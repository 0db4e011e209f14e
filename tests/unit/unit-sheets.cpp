// Files offices keep: actuals from CP932 or UTF-8 CSV and from .xlsx (fixtures written by Python's
// cp932 codec and openpyxl: tests/office/make_actuals_fixtures.py), and the plan as a workbook.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "miyagiplan/miyagiplan.hpp"
#include "miyagiplan/office.hpp"

namespace fs = std::filesystem;
namespace mp = miyagiplan;
using miyagiplan::office::text_encoding;

namespace {

const fs::path fixtures = fs::path(MIYAGIPLAN_SOURCE_DIR) / "tests" / "office" / "fixtures";
const fs::path example = fs::path(MIYAGIPLAN_SOURCE_DIR) / "examples" / "illustrative-actuals.csv";

// What an evaluation says of every indicator, as one comparable text.
std::string evaluation_of(const mp::plan& p, const mp::observation_set& obs) {
  const auto as_of = mp::parse_date("平成25年度末").last();
  const mp::report r = mp::evaluate(p, obs, as_of);
  std::string out;
  for (const auto& a : r.indicators) {
    out += a.indicator_id + " " + std::string(mp::to_string(a.assessment.status)) + " " + a.assessment.grade;
    if (a.assessment.actual) out += " " + std::to_string(*a.assessment.actual);
    if (a.assessment.rate) out += " " + std::to_string(*a.assessment.rate);
    out += "\n";
  }
  return out;
}

std::string read_head(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string head(8, '\0');
  in.read(head.data(), 8);
  return head;
}

fs::path temp_path(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "miyagiplan-unit-sheets";
  fs::create_directories(dir);
  return dir / name;
}

// The bundled plan with two problems, a duplicate indicator id and a dangling area, written as a
// workbook to the temporary file `name`.
fs::path broken_plan_workbook(const std::string& name) {
  mp::plan p = mp::plans::miyagi_it_2013();
  p.areas[0].measures[0].indicators[0].id = p.areas[1].measures[0].indicators[0].id;  // a duplicate id
  p.goals[0].areas.push_back("99");                                                    // a dangling area
  const fs::path path = temp_path(name);
  mp::write_plan_workbook(p, path);
  return path;
}

}  // namespace

TEST_SUITE("sheets") {

TEST_CASE("the same actuals from UTF-8 CSV, CP932 CSV, CSV with a BOM and .xlsx evaluate the same") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const auto utf8 = mp::observation_set::load(example, p);
  REQUIRE(utf8.size() == 75);
  const std::string expected = evaluation_of(p, utf8);
  const auto cp932 = mp::observation_set::load(fixtures / "actuals-cp932.csv", p);
  const auto bom = mp::observation_set::load(fixtures / "actuals-bom.csv", p);
  const auto forced = mp::observation_set::load(fixtures / "actuals-cp932.csv", p, {.encoding = text_encoding::cp932, .sheet = {}});
  const auto xlsx = mp::observation_set::load(fixtures / "actuals.xlsx", p);
  const auto xlsx1904 = mp::observation_set::load(fixtures / "actuals-1904.xlsx", p, {.encoding = text_encoding::automatic, .sheet = "実績"});
  CHECK(cp932 == utf8);
  CHECK(bom == utf8);
  CHECK(forced == utf8);
  CHECK(xlsx.size() == 75);
  CHECK(evaluation_of(p, xlsx) == expected);
  CHECK(evaluation_of(p, xlsx1904) == expected);
  // A 年度末 date cell is read as its day.
  CHECK(xlsx.items()[0].when.text() == "2012-03-31");
  CHECK(xlsx.items()[0].when.last() == utf8.items()[0].when.last());
}

TEST_CASE("a CP932 file forced to UTF-8 is refused at its line and column") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  try {
    mp::observation_set::load(fixtures / "actuals-cp932.csv", p, {.encoding = text_encoding::utf8, .sheet = {}});
    FAIL("expected a schema_error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where().find("actuals-cp932.csv:1:") != std::string::npos);
  }
}

TEST_CASE("to_csv in CP932 reads back, and a character CP932 lacks is named") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const auto obs = mp::observation_set::load(example, p);
  const std::string bytes = obs.to_csv(p, text_encoding::cp932);
  CHECK(mp::office::detect_encoding(bytes) == text_encoding::cp932);
  const fs::path path = temp_path("written-cp932.csv");
  { std::ofstream(path, std::ios::binary) << bytes; }
  CHECK(mp::observation_set::load(path, p) == obs);
  mp::observation_set odd;
  mp::observation o = obs.items()[0];
  o.note = "🏯";
  odd.add(o, &p);
  CHECK_THROWS_AS(odd.to_csv(p, text_encoding::cp932), mp::schema_error);
}

TEST_CASE("bad cells of a workbook are reported as file!sheet!cell, and nothing is kept") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const fs::path path = temp_path("bad-actuals.xlsx");
  {
    mp::office::xlsx_writer book(path);
    auto sheet = book.add_sheet("実績");
    sheet.write_header_row(1, {"指標ID", "日付", "実績値"});
    sheet.write_row(2, {"1-1-1", "平成24年度末", "3,500件"});
    sheet.write_row(3, {"9-9-9", "平成24年度末", 1.0});
    sheet.write_row(4, {"1-1-1", 41000.0, 1.0});  // a number without a date format
    sheet.write_row(5, {"1-1-1", mp::parse_date("平成25年3月31日").last(), "abc"});
    book.close();
  }
  try {
    mp::observation_set::load(path, p);
    FAIL("expected a schema_error");
  } catch (const mp::schema_error& e) {
    const std::string what = e.what();
    CHECK(e.where() == path.string() + "!実績!A3");
    CHECK(what.find("!実績!B4") != std::string::npos);
    CHECK(what.find("!実績!C5") != std::string::npos);
    CHECK(what.find("!実績!C2") == std::string::npos);
  }
  CHECK_THROWS_AS(mp::observation_set::load(path, p, {.encoding = text_encoding::automatic, .sheet = "なし"}), mp::schema_error);
}

TEST_CASE("an empty header row, and merged cells, are errors") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const fs::path path = temp_path("no-header.xlsx");
  {
    mp::office::xlsx_writer book(path);
    auto sheet = book.add_sheet("Sheet1");
    sheet.write_text(2, 1, "1-1-1");
    book.close();
  }
  try {
    mp::observation_set::load(path, p);
    FAIL("expected a schema_error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where() == path.string() + "!Sheet1!A1");
    CHECK(std::string(e.what()).find("empty header row") != std::string::npos);
  }
  // strings.xlsx (openpyxl) has merged cells on its first sheet.
  CHECK_THROWS_WITH_AS(mp::observation_set::load(fixtures / "strings.xlsx", p), doctest::Contains("merged"),
                       mp::schema_error);
}

}  // TEST_SUITE

TEST_SUITE("sheets") {

TEST_CASE("the bundled plan as a workbook reads back to byte-identical JSON") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const fs::path path = temp_path("plan.xlsx");
  mp::save_plan(p, path, mp::file_format::xlsx);
  CHECK(mp::detect_format(read_head(path)) == mp::file_format::xlsx);
  const mp::plan again = mp::load_plan(path);
  CHECK(again == p);
  CHECK(mp::to_json_text(again) == mp::to_json_text(p));
  // The sheets are the descriptions' labels.
  const auto book = mp::office::xlsx_reader::open(path);
  for (const char* name : {"計画", "本文", "推進体制", "基本目標", "重点分野", "施策", "取組方針", "主な取組", "取組項目",
                           "目標指標", "関連計画", "リスト", "説明"})
    CHECK(std::find(book.sheet_names().begin(), book.sheet_names().end(), name) != book.sheet_names().end());
}

TEST_CASE("a workbook that breaks the model's rules names every problem's cell") {
  const fs::path path = broken_plan_workbook("broken-plan.xlsx");
  try {
    mp::read_plan_workbook(path);
    FAIL("expected a schema_error");
  } catch (const mp::schema_error& e) {
    const std::string what = e.what();
    CHECK(what.find("!目標指標!A") != std::string::npos);
    CHECK(what.find("!基本目標!A") != std::string::npos);
    CHECK(what.find("duplicate id") != std::string::npos);
  }
}

TEST_CASE("plan_workbook_problems lists every problem with its cell, beyond the first") {
  const fs::path path = broken_plan_workbook("problems.xlsx");
  const auto problems = mp::plan_workbook_problems(path);
  REQUIRE(problems.size() >= 2);
  for (const auto& pr : problems) CHECK(pr.where.starts_with(path.string() + "!"));
  const auto at = [&](std::string_view sheet) {
    return std::count_if(problems.begin(), problems.end(),
                         [&](const mp::problem& pr) { return pr.where.find(sheet) != std::string::npos; });
  };
  CHECK(at("!目標指標!A") >= 1);
  CHECK(at("!基本目標!A") >= 1);
  mp::write_plan_workbook(mp::plans::miyagi_it_2013(), path);
  CHECK(mp::plan_workbook_problems(path).empty());
}

TEST_CASE("the report as a workbook: a sheet per table, numbers as numbers, dates as dates") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const auto actuals = mp::observation_set::load(example, p);
  const auto as_of = mp::resolve_as_of(p, "平成25年度末");
  const mp::scheme s = mp::scheme::miyagi();
  const mp::report r = mp::evaluate(p, actuals, as_of, s);
  const mp::report_input in{.plan = p, .plan_source = {}, .actuals = &actuals, .actuals_source = "actuals.csv",
                            .scheme = s, .as_of = as_of, .evaluation = &r};
  const fs::path path = temp_path("report.xlsx");
  mp::write_report(in, mp::report_format::xlsx, path);
  const auto book = mp::office::xlsx_reader::open(path);
  CHECK(book.sheet_names() == std::vector<std::string>{"目標指標", "施策", "重点分野", "基本目標", "基本目標の重点分野",
                                                       "評価の設定", "評価区分", "総合評価の区分"});
  std::vector<mp::office::xlsx_row> rows;
  const auto summary = book.read_sheet("目標指標", [&](const mp::office::xlsx_row& row) { rows.push_back(row); });
  CHECK(summary.merged_cells.empty());
  REQUIRE(rows.size() == p.indicators().size() + 1);
  // The header names each column once; the first indicator's baseline is a number, its date a date
  // cell with the 和暦 beside it.
  const auto column = [&](std::string_view header) -> std::uint32_t {
    for (const auto& c : rows[0].cells)
      if (c.text == header) return c.ref.column;
    FAIL("no column " << header);
    return 0;
  };
  const auto cell = [&](std::size_t row, std::uint32_t col) -> const mp::office::cell* {
    for (const auto& c : rows[row].cells)
      if (c.ref.column == col) return &c;
    return nullptr;
  };
  const auto* baseline = cell(1, column("現状値"));
  REQUIRE(baseline != nullptr);
  CHECK(baseline->type == mp::office::cell_type::number);
  CHECK(baseline->number == 2280);
  const auto* date = cell(1, column("現状値の時点"));
  REQUIRE(date != nullptr);
  CHECK(date->date_format);
  CHECK(mp::office::excel_serial_to_days(date->number, book.date1904()) ==
        std::chrono::sys_days(std::chrono::year{2010} / 12 / 31));
  CHECK(cell(1, column("現状値の時点（和暦）"))->text == "平成22年12月31日");
  CHECK(cell(1, column("単位"))->text == "件");
  const auto* rate = cell(1, column("達成率"));
  REQUIRE(rate != nullptr);
  CHECK(rate->number == doctest::Approx(*r.find("1-1-1")->assessment.rate));
  // Text formats stay text; an xlsx report is not text.
  CHECK_THROWS_AS(mp::render_report(in, mp::report_format::xlsx), mp::error);
}

TEST_CASE("reports in cp932 are CSV only, and a failed write leaves no file") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  const mp::scheme s = mp::scheme::miyagi();
  const mp::report_input in{.plan = p, .plan_source = {}, .actuals = nullptr, .actuals_source = {},
                            .scheme = s, .as_of = std::nullopt, .evaluation = nullptr};
  const std::string utf8 = mp::render_report(in, mp::report_format::csv);
  const std::string cp932 = mp::render_report(in, mp::report_format::csv, {.encoding = text_encoding::cp932});
  CHECK(mp::office::to_utf8(cp932, text_encoding::cp932) == utf8);
  CHECK(cp932 != utf8);
  CHECK_THROWS_AS(mp::render_report(in, mp::report_format::json, {.encoding = text_encoding::cp932}), mp::error);
  const fs::path dir = temp_path("failed-writes");
  fs::remove_all(dir);
  fs::create_directories(dir / "a directory.xlsx");
  CHECK_THROWS_AS(mp::write_report(in, mp::report_format::xlsx, dir / "a directory.xlsx"), mp::io_error);
  CHECK_THROWS_AS(mp::write_report(in, mp::report_format::json, dir / "report.json", {.encoding = text_encoding::cp932}),
                  mp::error);
  CHECK_THROWS_AS(mp::replace_file(dir / "half.txt",
                                   [](const fs::path& temp) {
                                     std::ofstream(temp) << "half";
                                     throw mp::io_error("stopped halfway");
                                   }),
                  mp::io_error);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"a directory.xlsx"});
}

TEST_CASE("the template has every sheet, and sheet 説明 a line for every column") {
  const fs::path path = temp_path("template.xlsx");
  mp::write_plan_template(path);
  const auto book = mp::office::xlsx_reader::open(path);
  std::size_t help_rows = 0;
  book.read_sheet("説明", [&](const mp::office::xlsx_row&) { ++help_rows; });
  CHECK(help_rows > 60);
  std::size_t indicator_rows = 0;
  book.read_sheet("目標指標", [&](const mp::office::xlsx_row&) { ++indicator_rows; });
  CHECK(indicator_rows == 3);  // two header rows, one example
}

}  // TEST_SUITE
