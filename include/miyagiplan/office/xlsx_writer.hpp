// Writing .xlsx workbooks: a thin RAII wrapper over libxlsxwriter. Rows and columns count from 1,
// as cell_ref does. Nothing is on disk until close() (or the destructor) writes the file.
//
//   xlsx_writer book("report.xlsx");
//   xlsx_sheet sheet = book.add_sheet("実績");
//   sheet.write_header_row(1, {"指標", "日付", "値"});
//   sheet.write_row(2, {"待機児童数", sys_days{2024y/4/1}, 340.0});
//   sheet.freeze_header_row(); sheet.set_autofilter({{1, 1}, {2, 2}});
//   book.close();
//
// Every failure libxlsxwriter reports becomes an io_error naming the path and its reason.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_OFFICE_XLSX_WRITER_HPP
#endif

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <initializer_list>

#include "miyagiplan/config.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"

struct lxw_workbook;
struct lxw_worksheet;

namespace miyagiplan::office {

class xlsx_writer;

// A value of a row written at once: blank, text, a number, a day or TRUE/FALSE.
using xlsx_value = std::variant<std::monostate, std::string_view, double, std::chrono::sys_days, bool>;

// A sheet of a workbook being written; a handle, valid while its xlsx_writer is open.
class xlsx_sheet {
 public:
  MIYAGIPLAN_FUNC void write_text(std::uint32_t row, std::uint32_t column, std::string_view text);
  // Text in the bold header format.
  MIYAGIPLAN_FUNC void write_header(std::uint32_t row, std::uint32_t column, std::string_view text);
  MIYAGIPLAN_FUNC void write_number(std::uint32_t row, std::uint32_t column, double value);
  // A number shown through an Excel number format ("0.0%": 1.038 shows as 103.8%).
  MIYAGIPLAN_FUNC void write_number(std::uint32_t row, std::uint32_t column, double value,
                                    std::string_view number_format);
  MIYAGIPLAN_FUNC void write_bool(std::uint32_t row, std::uint32_t column, bool value);
  // An Excel date (a serial in the 1900 system) shown as "yyyy-mm-dd".
  MIYAGIPLAN_FUNC void write_date(std::uint32_t row, std::uint32_t column, std::chrono::sys_days day);
  // A cell with a format but no value.
  MIYAGIPLAN_FUNC void write_blank(std::uint32_t row, std::uint32_t column);
  // A row of values from `first_column` on, each written as its own write_* would.
  MIYAGIPLAN_FUNC void write_row(std::uint32_t row, std::initializer_list<xlsx_value> values,
                                 std::uint32_t first_column = 1);
  // A row of headers from column 1 on.
  MIYAGIPLAN_FUNC void write_header_row(std::uint32_t row, std::initializer_list<std::string_view> headers);
  // Columns first … last (from 1) get `width` characters.
  MIYAGIPLAN_FUNC void set_column_width(std::uint32_t first, std::uint32_t last, double width);
  // Row 1 stays in view while the rest scrolls.
  MIYAGIPLAN_FUNC void freeze_header_row();
  // Filter buttons on the first row of `range`.
  MIYAGIPLAN_FUNC void set_autofilter(const cell_range& range);

  const std::string& name() const noexcept { return name_; }

 private:
  friend class xlsx_writer;
  struct book;
  xlsx_sheet(book* b, lxw_worksheet* sheet, std::string name) noexcept
      : book_(b), sheet_(sheet), name_(std::move(name)) {}
  void check(int error, const std::string& what) const;

  book* book_;
  lxw_worksheet* sheet_;
  std::string name_;
};

class xlsx_writer {
 public:
  // Starts a workbook that close() writes to `path`. Throws io_error when it cannot start.
  MIYAGIPLAN_FUNC explicit xlsx_writer(const std::filesystem::path& path);
  // Writes the file if close() was not called, and swallows any error: call close() to hear it.
  MIYAGIPLAN_FUNC ~xlsx_writer();
  MIYAGIPLAN_FUNC xlsx_writer(xlsx_writer&&) noexcept;
  MIYAGIPLAN_FUNC xlsx_writer& operator=(xlsx_writer&&) noexcept;
  xlsx_writer(const xlsx_writer&) = delete;
  xlsx_writer& operator=(const xlsx_writer&) = delete;

  // A new sheet; a name Excel refuses (over 31 characters, one of []:*?/\, or taken) throws
  // io_error.
  MIYAGIPLAN_FUNC xlsx_sheet add_sheet(std::string_view name);
  // Writes the file. Throws io_error naming the path and libxlsxwriter's reason.
  MIYAGIPLAN_FUNC void close();

 private:
  std::unique_ptr<xlsx_sheet::book> book_;
};

}  // namespace miyagiplan::office

#define MIYAGIPLAN_NEEDS_XLSX_WRITER_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_OFFICE_XLSX_WRITER_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
