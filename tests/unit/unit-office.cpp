// The office-file layer: CP932 and UTF-8 text, .xlsx workbooks read (fixtures written by openpyxl,
// an independent implementation: tests/office/make_fixtures.py) and written, and hostile files,
// each a clear schema_error, quickly.
#include <doctest/doctest.h>

#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "miyagiplan/office.hpp"

namespace fs = std::filesystem;
namespace mp = miyagiplan;
namespace office = miyagiplan::office;
using office::cell_type;
using office::text_encoding;
using namespace std::chrono;

namespace {

const fs::path fixtures = fs::path(MIYAGIPLAN_SOURCE_DIR) / "tests" / "office" / "fixtures";

// 宮城県, a half-width katakana and ～ (U+FF5E, CP932 0x8160).
const std::string sample_utf8 = "宮城県ｱ～";
const std::string sample_cp932 = "\x8B\x7B\x8F\xE9\x8C\xA7\xB1\x81\x60";

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path temp_path(const std::string& name) {
  std::random_device random;
  const fs::path dir = fs::temp_directory_path() / ("miyagiplan-office-" + std::to_string(random()));
  fs::create_directories(dir);
  return dir / name;
}

// Every row of a sheet, kept.
std::vector<office::xlsx_row> rows_of(const office::xlsx_reader& book, std::string_view sheet,
                                      office::sheet_summary* summary = nullptr) {
  std::vector<office::xlsx_row> rows;
  auto s = book.read_sheet(sheet, [&](const office::xlsx_row& r) { rows.push_back(r); });
  if (summary != nullptr) *summary = std::move(s);
  return rows;
}

const office::cell* find_cell(const std::vector<office::xlsx_row>& rows, std::string_view a1) {
  for (const auto& r : rows)
    for (const auto& c : r.cells)
      if (c.a1() == a1) return &c;
  return nullptr;
}

// A zip of the given parts, built with libzip in a temporary file. `stored` parts are not
// compressed.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts,
                     const std::vector<std::string>& stored = {}) {
  const fs::path path = temp_path("made.zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    for (const auto& n : stored)
      if (n == name) zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::string bytes = read_bytes(path);
  fs::remove_all(path.parent_path());
  return bytes;
}

const std::string workbook_xml =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="実績" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string workbook_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(</Relationships>)";

// A minimal workbook of one sheet "実績" with this sheet XML (and shared strings).
std::string workbook_with(const std::string& sheet_xml, const std::string& strings_xml = {},
                          bool store_strings = false) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", workbook_xml},
      {"xl/_rels/workbook.xml.rels", workbook_rels},
      {"xl/worksheets/sheet1.xml", sheet_xml}};
  if (!strings_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", strings_xml);
  return make_zip(parts, store_strings ? std::vector<std::string>{"xl/sharedStrings.xml"}
                                       : std::vector<std::string>{});
}

std::string sheet_xml(const std::string& data) {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         data + "</sheetData></worksheet>";
}

// The error a workbook's reading throws: where() and what().
struct failure {
  std::string where;
  std::string what;
};

failure failure_of(const std::string& bytes, office::xlsx_limits limits = {}) {
  try {
    const auto book = office::xlsx_reader::from_bytes(bytes, "bad.xlsx", limits);
    for (std::size_t i = 0; i < book.sheet_names().size(); ++i)
      book.read_sheet(i, [](const office::xlsx_row&) {});
  } catch (const mp::schema_error& e) {
    return {e.where(), e.what()};
  }
  FAIL("no schema_error");
  return {};
}

}  // namespace

TEST_SUITE("office") {

// ------------------------------------------------------------------------------------------
// Text encodings

TEST_CASE("encoding names, with the aliases offices use") {
  for (const auto e : {text_encoding::automatic, text_encoding::utf8, text_encoding::cp932})
    CHECK(office::text_encoding_from_string(mp::to_string(e)) == e);
  CHECK(mp::to_string(text_encoding::automatic) == "auto");
  CHECK(mp::to_string(text_encoding::utf8) == "utf-8");
  CHECK(office::text_encoding_from_string("UTF8") == text_encoding::utf8);
  CHECK(office::text_encoding_from_string("Shift_JIS") == text_encoding::cp932);
  CHECK(office::text_encoding_from_string("sjis") == text_encoding::cp932);
  CHECK_THROWS_AS(office::text_encoding_from_string("euc-jp"), mp::parse_error);
}

TEST_CASE("CP932 round-trips 宮城県, half-width katakana and ～ (0x8160)") {
  CHECK(office::from_utf8(sample_utf8, text_encoding::cp932) == sample_cp932);
  CHECK(office::to_utf8(sample_cp932, text_encoding::cp932, "a.csv") == sample_utf8);
  CHECK(office::to_utf8(sample_cp932, text_encoding::automatic, "a.csv") == sample_utf8);
  CHECK(office::from_utf8(sample_utf8, text_encoding::utf8) == sample_utf8);
}

TEST_CASE("detection: a BOM or valid UTF-8 is UTF-8, anything else CP932") {
  CHECK(office::detect_encoding("abc") == text_encoding::utf8);
  CHECK(office::detect_encoding(sample_utf8) == text_encoding::utf8);
  CHECK(office::detect_encoding(sample_cp932) == text_encoding::cp932);
  CHECK(office::detect_encoding("\xEF\xBB\xBF" + sample_utf8) == text_encoding::utf8);
  // The start of a longer text may end inside a character.
  const std::string cut = sample_utf8.substr(0, 4);
  CHECK(office::detect_encoding(cut, false) == text_encoding::utf8);
  CHECK(office::detect_encoding(cut, true) == text_encoding::cp932);
  // The BOM is dropped.
  CHECK(office::to_utf8("\xEF\xBB\xBF" "指標,値\n", text_encoding::automatic) == "指標,値\n");
  CHECK(office::to_utf8("\xEF\xBB\xBF" "x", text_encoding::utf8) == "x");
}

TEST_CASE("streaming: a character may straddle two chunks, in either encoding") {
  const std::string utf8_text = "指標,値\n" + sample_utf8 + ",1\n";
  const std::string with_bom = "\xEF\xBB\xBF" + utf8_text;
  const std::string cp932_text = office::from_utf8(utf8_text, text_encoding::cp932);
  for (const auto& [bytes, encoding] :
       std::vector<std::pair<std::string, text_encoding>>{{cp932_text, text_encoding::cp932},
                                                          {cp932_text, text_encoding::automatic},
                                                          {utf8_text, text_encoding::utf8},
                                                          {utf8_text, text_encoding::automatic},
                                                          {with_bom, text_encoding::utf8},
                                                          {with_bom, text_encoding::automatic}}) {
    for (std::size_t chunk = 1; chunk <= 5; ++chunk) {
      office::utf8_decoder d(encoding, "a.csv");
      std::string out;
      for (std::size_t i = 0; i < bytes.size(); i += chunk)
        d.feed(std::string_view(bytes).substr(i, chunk), out);
      d.finish(out);
      CHECK(out == utf8_text);
      CHECK(d.encoding() == (&bytes == &cp932_text || bytes == cp932_text ? text_encoding::cp932
                                                                           : text_encoding::utf8));
    }
  }
}

TEST_CASE("an invalid CP932 byte is reported at its line and column") {
  const std::string bytes = "a,b\n" + sample_cp932 + "\xFF,1\n";
  try {
    office::to_utf8(bytes, text_encoding::cp932, "actuals.csv");
    FAIL("no error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where() == "actuals.csv:2:6");
    CHECK(std::string(e.what()).find("0xFF") != std::string::npos);
  }
  // A lead byte at the very end: cut.
  CHECK_THROWS_AS(office::to_utf8("ab\x8B", text_encoding::cp932), mp::schema_error);
}

TEST_CASE("a file read as UTF-8 that later is not says to force cp932") {
  std::string bytes(5000, 'a');
  bytes += "\n\n" + sample_cp932;
  office::utf8_decoder d(text_encoding::automatic, "late.csv");
  std::string out;
  try {
    for (std::size_t i = 0; i < bytes.size(); i += 1000) d.feed(std::string_view(bytes).substr(i, 1000), out);
    d.finish(out);
    FAIL("no error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where() == "late.csv:3:1");
    CHECK(std::string(e.what()).find("cp932") != std::string::npos);
  }
  // Forced, it reads.
  CHECK(office::to_utf8(bytes, text_encoding::cp932).ends_with(sample_utf8));
}

TEST_CASE("a character CP932 cannot hold is named, with its place") {
  try {
    office::from_utf8("円\n1€", text_encoding::cp932, "out.csv");
    FAIL("no error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where() == "out.csv:2:2");
    CHECK(std::string(e.what()).find("U+20AC") != std::string::npos);
    CHECK(std::string(e.what()).find("€") != std::string::npos);
  }
  CHECK_THROWS_AS(office::from_utf8("\xC3", text_encoding::cp932), mp::schema_error);
}

// ------------------------------------------------------------------------------------------
// Dates and formats

TEST_CASE("Excel serials: the 1900 leap-year bug and the 1904 system") {
  CHECK(office::excel_serial_to_days(1, false) == sys_days{1900y / 1 / 1});
  CHECK(office::excel_serial_to_days(59, false) == sys_days{1900y / 2 / 28});
  CHECK_THROWS_AS(office::excel_serial_to_days(60, false), mp::range_error);
  CHECK(office::excel_serial_to_days(61, false) == sys_days{1900y / 3 / 1});
  CHECK(office::excel_serial_to_days(45383.75, false) == sys_days{2024y / 4 / 1});
  CHECK(office::excel_serial_to_days(0, true) == sys_days{1904y / 1 / 1});
  CHECK(office::excel_serial_to_days(43921, true) == sys_days{2024y / 4 / 1});
  CHECK(office::excel_serial_to_days(2958465, false) == sys_days{9999y / 12 / 31});
  CHECK_THROWS_AS(office::excel_serial_to_days(0, false), mp::range_error);
  CHECK_THROWS_AS(office::excel_serial_to_days(-1, true), mp::range_error);
  CHECK_THROWS_AS(office::excel_serial_to_days(2958466, false), mp::range_error);
  CHECK_THROWS_AS(office::excel_serial_to_days(std::nan(""), false), mp::range_error);
  for (const double s : {1.0, 59.0, 61.0, 45383.0})
    CHECK(office::days_to_excel_serial(office::excel_serial_to_days(s, false), false) == s);
  CHECK(office::days_to_excel_serial(sys_days{2024y / 4 / 1}, true) == 43921);
}

TEST_CASE("date formats: built-in ids and custom codes") {
  for (const std::uint32_t id : {14u, 22u, 27u, 36u, 45u, 47u, 50u, 58u}) CHECK(office::is_date_format(id, ""));
  for (const std::uint32_t id : {0u, 1u, 2u, 13u, 23u, 26u, 37u, 44u, 48u, 49u, 59u}) CHECK_FALSE(office::is_date_format(id, ""));
  CHECK(office::is_date_format(164, "yyyy-mm-dd"));
  CHECK(office::is_date_format(165, R"(yyyy"年"m"月"d"日")"));
  CHECK(office::is_date_format(166, "[$-411]ggge\"年\"m\"月\"d\"日\""));
  CHECK(office::is_date_format(167, "[h]:mm"));
  CHECK_FALSE(office::is_date_format(168, "0.00"));
  CHECK_FALSE(office::is_date_format(169, R"(#,##0"日")"));
  CHECK_FALSE(office::is_date_format(170, "[Red]#,##0"));
  CHECK_FALSE(office::is_date_format(171, R"(0\d)"));
  CHECK_FALSE(office::is_date_format(172, "General"));
}

TEST_CASE("cell references") {
  CHECK(office::column_name(1) == "A");
  CHECK(office::column_name(26) == "Z");
  CHECK(office::column_name(27) == "AA");
  CHECK(office::column_name(16384) == "XFD");
  CHECK(office::cell_ref{12, 3}.a1() == "C12");
  CHECK(office::cell_range{{1, 1}, {3, 2}}.a1() == "A1:B3");
}

// ------------------------------------------------------------------------------------------
// Reading what openpyxl wrote

TEST_CASE("dates in the 1900 system, and formats that are and are not dates") {
  const auto book = office::xlsx_reader::open(fixtures / "dates1900.xlsx");
  CHECK_FALSE(book.date1904());
  REQUIRE(book.sheet_names() == std::vector<std::string>{"日付"});
  const auto rows = rows_of(book, "日付");
  REQUIRE(rows.size() == 9);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].cells[0].text == "名前");
  const std::map<std::string, sys_days> expected = {
      {"B2", sys_days{2024y / 4 / 1}}, {"B3", sys_days{2019y / 5 / 1}},  {"B4", sys_days{2000y / 2 / 29}},
      {"B5", sys_days{1904y / 1 / 2}}, {"B6", sys_days{1900y / 1 / 1}},  {"B7", sys_days{1900y / 2 / 28}},
      {"B8", sys_days{1900y / 3 / 1}}, {"B9", sys_days{2024y / 4 / 1}}};
  for (const auto& [a1, day] : expected) {
    const office::cell* c = find_cell(rows, a1);
    REQUIRE(c != nullptr);
    CHECK(c->type == cell_type::number);
    CHECK(c->date_format);
    CHECK(office::excel_serial_to_days(c->number, book.date1904()) == day);
  }
  CHECK_FALSE(find_cell(rows, "C2")->date_format);   // 0.00
  CHECK(find_cell(rows, "C2")->number == 1.5);
  CHECK(find_cell(rows, "C9")->date_format);         // h:mm (built-in 20)
  CHECK_FALSE(find_cell(rows, "A2")->date_format);
}

TEST_CASE("dates in the 1904 system") {
  const auto book = office::xlsx_reader::open(fixtures / "dates1904.xlsx");
  CHECK(book.date1904());
  const auto rows = rows_of(book, "日付");
  const office::cell* c = find_cell(rows, "B2");
  REQUIRE(c != nullptr);
  CHECK(c->number == 43921);
  CHECK(office::excel_serial_to_days(c->number, true) == sys_days{2024y / 4 / 1});
  CHECK(office::excel_serial_to_days(find_cell(rows, "B5")->number, true) == sys_days{1904y / 1 / 2});
}

TEST_CASE("shared strings in Japanese, numbers stored as text, booleans, merged cells, an empty first row") {
  const auto book = office::xlsx_reader::from_bytes(read_bytes(fixtures / "strings.xlsx"), "strings.xlsx");
  CHECK(book.sheet_names() == std::vector<std::string>{"実績", "Notes"});
  office::sheet_summary summary;
  const auto rows = rows_of(book, "実績", &summary);
  REQUIRE(!rows.empty());
  CHECK(rows.front().number == 2);  // row 1 is empty: the file has no row for it
  CHECK(summary.rows == rows.size());
  CHECK(find_cell(rows, "A2")->text == "指標");
  CHECK(find_cell(rows, "A3")->text == "宮城県の待機児童数");
  CHECK(find_cell(rows, "B3")->type == cell_type::number);
  CHECK(find_cell(rows, "B3")->number == 340);
  CHECK(find_cell(rows, "C3")->type == cell_type::boolean);
  CHECK(find_cell(rows, "C3")->boolean());
  CHECK_FALSE(find_cell(rows, "C4")->boolean());
  CHECK(find_cell(rows, "A4")->text == "ﾊﾝｶｸｶﾅ～");
  CHECK(find_cell(rows, "B4")->type == cell_type::text);
  CHECK(find_cell(rows, "B4")->text == "0123");
  CHECK(find_cell(rows, "B5")->text == "１２３");
  REQUIRE(summary.merged_cells.size() == 2);
  CHECK(book.merged_cells("実績") == summary.merged_cells);
  CHECK(summary.merged_cells[0].a1() == "A6:C6");
  CHECK(summary.merged_cells[1].a1() == "E2:F3");
  const auto notes = rows_of(book, 1u == 1 ? "Notes" : "");
  CHECK(find_cell(notes, "A1")->text == "宮城県");
  CHECK(find_cell(notes, "B1")->number == 3.25);
  CHECK_THROWS_AS(book.read_sheet("なし", [](const office::xlsx_row&) {}), mp::schema_error);
  CHECK_THROWS_AS(book.read_sheet(2, [](const office::xlsx_row&) {}), mp::schema_error);
}

TEST_CASE("formulas with cached values, rich text without its reading, inline strings, errors") {
  const auto book = office::xlsx_reader::open(fixtures / "cached.xlsx");
  const auto rows = rows_of(book, "計算");
  CHECK(find_cell(rows, "A1")->text == "計算");
  CHECK(find_cell(rows, "B1")->text == " 結果 ");
  const office::cell* c2 = find_cell(rows, "C2");
  CHECK(c2->formula);
  CHECK(c2->type == cell_type::number);
  CHECK(c2->number == 30);
  CHECK_FALSE(find_cell(rows, "A2")->formula);
  CHECK(find_cell(rows, "A3")->type == cell_type::text);
  CHECK(find_cell(rows, "A3")->text == "宮城");
  CHECK(find_cell(rows, "B3")->type == cell_type::error);
  CHECK(find_cell(rows, "B3")->text == "#DIV/0!");
  CHECK(find_cell(rows, "C3")->boolean());
  CHECK(find_cell(rows, "A4")->text == "インライン");
  // A formula openpyxl-style, without a cached value: empty.
  CHECK(find_cell(rows, "B4")->formula);
  CHECK(find_cell(rows, "B4")->type == cell_type::empty);
  CHECK(find_cell(rows, "D4")->text == "リッチテキスト");
  CHECK(find_cell(rows, "A7")->text == "仙台市");  // not センダイ
  CHECK(find_cell(rows, "B7")->text == "改行\rあり");
  CHECK(find_cell(rows, "C7")->number == 4500);
  CHECK(rows.back().number == 7);
}

TEST_CASE("an exception from the row callback leaves read_sheet as it was thrown") {
  const auto book = office::xlsx_reader::open(fixtures / "strings.xlsx");
  int seen = 0;
  CHECK_THROWS_AS(book.read_sheet("実績",
                                  [&](const office::xlsx_row&) {
                                    if (++seen == 2) throw mp::validation_error("row", "stop");
                                  }),
                  mp::validation_error);
  CHECK(seen == 2);
}

// ------------------------------------------------------------------------------------------
// Writing, and reading back

TEST_CASE("what the writer writes, the reader reads") {
  const fs::path path = temp_path("written.xlsx");
  {
    office::xlsx_writer book(path);
    office::xlsx_sheet sheet = book.add_sheet("実績");
    sheet.write_header_row(1, {"指標", "値", "日付", "達成"});
    sheet.write_text(2, 1, "宮城県");  // one cell at a time, then a row at once
    sheet.write_number(2, 2, 12.5);
    sheet.write_date(2, 3, sys_days{2024y / 4 / 1});
    sheet.write_bool(2, 4, true);
    sheet.write_row(3, {"0123", {}, sys_days{1900y / 1 / 1}, false});
    sheet.set_column_width(1, 1, 30);
    sheet.freeze_header_row();
    sheet.set_autofilter({{1, 1}, {3, 4}});
    book.add_sheet("二枚目").write_number(1, 1, 1);
    CHECK_THROWS_AS(book.add_sheet("実績"), mp::io_error);
    CHECK_THROWS_AS(sheet.write_text(0, 1, "x"), mp::range_error);
    book.close();
  }
  const auto book = office::xlsx_reader::open(path);
  CHECK(book.sheet_names() == std::vector<std::string>{"実績", "二枚目"});
  const auto rows = rows_of(book, "実績");
  REQUIRE(rows.size() == 3);
  CHECK(find_cell(rows, "A1")->text == "指標");
  CHECK(find_cell(rows, "A2")->text == "宮城県");
  CHECK(find_cell(rows, "B2")->number == 12.5);
  CHECK_FALSE(find_cell(rows, "B2")->date_format);
  const office::cell* date = find_cell(rows, "C2");
  CHECK(date->date_format);
  CHECK(office::excel_serial_to_days(date->number, book.date1904()) == sys_days{2024y / 4 / 1});
  CHECK(office::excel_serial_to_days(find_cell(rows, "C3")->number, false) == sys_days{1900y / 1 / 1});
  CHECK(find_cell(rows, "D2")->boolean());
  CHECK(find_cell(rows, "A3")->text == "0123");
  CHECK(find_cell(rows, "B3")->type == cell_type::empty);
  fs::remove_all(path.parent_path());
}

TEST_CASE("the writer's errors name the path") {
  const fs::path path = fs::path("/nonexistent-dir-for-miyagiplan") / "x.xlsx";
  office::xlsx_writer book(path);
  book.add_sheet("a").write_number(1, 1, 1);
  try {
    book.close();
    FAIL("no error");
  } catch (const mp::io_error& e) {
    CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
  }
}

// ------------------------------------------------------------------------------------------
// Hostile files: each a clear schema_error, quickly and in bounded memory

TEST_CASE("not a zip, a truncated zip, an empty file, a missing file") {
  CHECK(failure_of("hello, world").where == "bad.xlsx");
  CHECK(failure_of("").where == "bad.xlsx");
  const std::string whole = read_bytes(fixtures / "strings.xlsx");
  for (const std::size_t keep : {whole.size() / 2, whole.size() - 10, std::size_t{30}})
    CHECK(failure_of(whole.substr(0, keep)).what.find("bad.xlsx") == 0);
  CHECK_THROWS_AS(office::xlsx_reader::open("/nonexistent/x.xlsx"), mp::io_error);
  // A zip that is not a workbook.
  CHECK(failure_of(make_zip({{"readme.txt", "hi"}})).what.find("xl/workbook.xml") != std::string::npos);
}

TEST_CASE("a zip bomb: a 1 GB entry of zeros") {
  // Built at test time, never committed: 1 GiB of zeros deflates to about 1 MB.
  const fs::path path = temp_path("bomb.xlsx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  struct zeros {
    std::uint64_t left = 1ull << 30;
    static zip_int64_t callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
      auto* self = static_cast<zeros*>(user);
      switch (cmd) {
        case ZIP_SOURCE_OPEN: return 0;
        case ZIP_SOURCE_READ: {
          const auto n = std::min<zip_uint64_t>(len, self->left);
          std::memset(data, 0, n);
          self->left -= n;
          return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
          auto* st = static_cast<zip_stat_t*>(data);
          zip_stat_init(st);
          st->size = 1ull << 30;
          st->valid |= ZIP_STAT_SIZE;
          return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: return 0;
        case ZIP_SOURCE_FREE: return 0;
        case ZIP_SOURCE_SUPPORTS:
          return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
      }
    }
  } source;
  // libzip reads the buffers at zip_close: they must live until then.
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", workbook_xml}, {"xl/_rels/workbook.xml.rels", workbook_rels}};
  for (const auto& [name, data] : parts)
    REQUIRE(zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), 0) >= 0);
  const zip_int64_t index = zip_file_add(z, "xl/worksheets/sheet1.xml", zip_source_function(z, zeros::callback, &source), 0);
  REQUIRE(index >= 0);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  REQUIRE(zip_close(z) == 0);
  CHECK(fs::file_size(path) < (8u << 20));
  const auto start = steady_clock::now();
  try {
    office::xlsx_reader::open(path);
    FAIL("no error");
  } catch (const mp::schema_error& e) {
    CHECK(e.where() == path.string() + ":xl/worksheets/sheet1.xml");
    CHECK(std::string(e.what()).find("zip bomb") != std::string::npos);
  }
  CHECK(steady_clock::now() - start < seconds(2));
  fs::remove_all(path.parent_path());
}

TEST_CASE("the uncompressed-size cap, and the ratio check of entries over 1 MiB") {
  const std::string big(2u << 20, ' ');
  const std::string bytes = workbook_with(sheet_xml("<row r=\"1\"/>" + big));
  CHECK(failure_of(bytes).what.find("zip bomb") != std::string::npos);
  office::xlsx_limits loose;
  loose.max_compression_ratio = 1u << 20;
  CHECK_NOTHROW(failure_of(make_zip({{"x", "y"}}), loose));
  loose.max_uncompressed_bytes = 1u << 20;
  CHECK(failure_of(bytes, loose).what.find("max_uncompressed_bytes") != std::string::npos);
}

TEST_CASE("an entry that holds more than its header states is cut off there") {
  std::string rows;
  for (int i = 1; i <= 20000; ++i) rows += "<row><c><v>1</v></c></row>";
  const std::string sheet = sheet_xml(rows);
  std::string bytes = workbook_with(sheet);
  // The stated size, in the local header and the central directory, becomes 1000 bytes.
  std::string real(4, '\0'), small(4, '\0');
  for (int k = 0; k < 4; ++k) {
    real[static_cast<std::size_t>(k)] = static_cast<char>((sheet.size() >> (8 * k)) & 0xFF);
    small[static_cast<std::size_t>(k)] = static_cast<char>((1000u >> (8 * k)) & 0xFF);
  }
  int patched = 0;
  for (auto at = bytes.find(real); at != std::string::npos; at = bytes.find(real, at + 4), ++patched)
    bytes.replace(at, 4, small);
  REQUIRE(patched == 2);
  const auto f = failure_of(bytes);
  CHECK(f.where == "bad.xlsx:xl/worksheets/sheet1.xml");
  CHECK(f.what.find("more than the 1000 bytes its entry states") != std::string::npos);
}

TEST_CASE("malformed XML names the part, line and column") {
  const auto f = failure_of(workbook_with(sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));
  CHECK(f.where.starts_with("bad.xlsx:xl/worksheets/sheet1.xml:1:"));
  CHECK(f.what.find("malformed XML") != std::string::npos);
  // An entity expansion attack is refused before it starts.
  const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>)";
  CHECK(failure_of(workbook_with(laughs)).what.find("DOCTYPE") != std::string::npos);
}

TEST_CASE("rows and columns past Excel's bounds") {
  auto f = failure_of(workbook_with(sheet_xml(R"(<row r="2000000"><c r="A2000000"><v>1</v></c></row>)")));
  CHECK(f.where == "bad.xlsx!実績");
  CHECK(f.what.find("2000000") != std::string::npos);
  f = failure_of(workbook_with(sheet_xml(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")));
  CHECK(f.what.find("XFE1") != std::string::npos);
  f = failure_of(workbook_with(sheet_xml(R"(<row r="3"/><row r="2"/>)")));
  CHECK(f.what.find("row 2 comes after row 3") != std::string::npos);
  f = failure_of(workbook_with(sheet_xml(R"(<row r="1"><c r="C1"><v>x</v></c></row>)")));
  CHECK(f.where == "bad.xlsx!実績!C1");
  f = failure_of(workbook_with(sheet_xml(R"(<row r="12"><c r="C12" t="s"><v>7</v></c></row>)")));
  CHECK(f.where == "bad.xlsx!実績!C12");
  CHECK(f.what.find("shared string 7 of 0") != std::string::npos);
}

TEST_CASE("a huge shared-string table") {
  std::string sst = R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  sst.reserve(9'000'100);
  for (int i = 0; i < 1'000'001; ++i) sst += "<si><t/></si>";
  sst += "</sst>";
  const auto start = steady_clock::now();
  auto f = failure_of(workbook_with(sheet_xml(""), sst, true));
  CHECK(f.where == "bad.xlsx:xl/sharedStrings.xml");
  CHECK(f.what.find("max_shared_strings") != std::string::npos);
  CHECK(steady_clock::now() - start < seconds(5));
  office::xlsx_limits small;
  small.max_shared_string_bytes = 10;
  f = failure_of(workbook_with(sheet_xml(""), R"(<sst><si><t>宮城県宮城県</t></si></sst>)"), small);
  CHECK(f.what.find("max_shared_string_bytes") != std::string::npos);
}

TEST_CASE("a sheet of a million rows streams through, one row at a time") {
  // Excel's last row is the millionth-and-more: every row is reported, none is kept by the reader.
  std::string data;
  data.reserve(office::excel_max_rows * 48ull);
  for (std::uint32_t r = 1; r <= office::excel_max_rows; ++r)
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" + std::to_string(r % 97) +
            "</v></c></row>";
  const auto book = office::xlsx_reader::from_bytes(workbook_with(sheet_xml(data)), "big.xlsx");
  data = std::string();
  std::uint32_t rows = 0, last = 0;
  double sum = 0;
  const auto summary = book.read_sheet("実績", [&](const office::xlsx_row& row) {
    ++rows;
    last = row.number;
    REQUIRE(row.cells.size() == 1);
    sum += row.cells[0].number;
  });
  CHECK(rows == office::excel_max_rows);
  CHECK(summary.rows == office::excel_max_rows);
  CHECK(last == office::excel_max_rows);
  double expected = 0;
  for (std::uint32_t r = 1; r <= office::excel_max_rows; ++r) expected += r % 97;
  CHECK(sum == expected);
}

TEST_CASE("a sheet whose part is missing") {
  const auto f = failure_of(make_zip({{"xl/workbook.xml", workbook_xml}, {"xl/_rels/workbook.xml.rels", workbook_rels}}));
  CHECK(f.where == "bad.xlsx!実績");
  CHECK(f.what.find("xl/worksheets/sheet1.xml") != std::string::npos);
}

}  // TEST_SUITE
