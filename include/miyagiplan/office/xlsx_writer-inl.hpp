// Definitions of the .xlsx writer. Compiled once by src/office.cpp, or inline when header-only.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>
#include <type_traits>
#include <variant>

#include "miyagiplan/error.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"
#include "miyagiplan/office/xlsx_writer.hpp"

namespace miyagiplan::office {

struct xlsx_sheet::book {
  std::string path;
  lxw_workbook* workbook = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* date = nullptr;
  lxw_format* plain = nullptr;  // a blank cell needs a format, or libxlsxwriter leaves it out
  std::map<std::string, lxw_format*, std::less<>> number_formats;  // one format per code

  lxw_format* number_format(std::string_view code) {
    if (const auto it = number_formats.find(code); it != number_formats.end()) return it->second;
    lxw_format* f = workbook_add_format(workbook);
    if (f == nullptr) throw io_error("cannot write " + path + ": out of memory");
    format_set_num_format(f, std::string(code).c_str());
    number_formats.emplace(std::string(code), f);
    return f;
  }

  [[noreturn]] void fail(const std::string& what, lxw_error error) const {
    throw io_error("cannot write " + path + ": " + what + (what.empty() ? "" : ": ") +
                   lxw_strerror(error));
  }
};

namespace detail {

// libxlsxwriter counts from 0; rows and columns here count from 1, up to Excel's bounds.
inline void check_cell(std::uint32_t row, std::uint32_t column) {
  if (row < 1 || row > excel_max_rows || column < 1 || column > excel_max_columns)
    throw range_error("no cell at row " + std::to_string(row) + ", column " + std::to_string(column) +
                      " (rows 1…" + std::to_string(excel_max_rows) + ", columns 1…" +
                      std::to_string(excel_max_columns) + ")");
}
inline lxw_row_t row0(std::uint32_t row) noexcept { return row - 1; }
inline lxw_col_t col0(std::uint32_t column) noexcept { return static_cast<lxw_col_t>(column - 1); }

}  // namespace detail

MIYAGIPLAN_FUNC void xlsx_sheet::check(int error, const std::string& what) const {
  if (error != LXW_NO_ERROR) book_->fail(name_ + "!" + what, static_cast<lxw_error>(error));
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_text(std::uint32_t row, std::uint32_t column, std::string_view text) {
  detail::check_cell(row, column);
  check(worksheet_write_string(sheet_, detail::row0(row), detail::col0(column), std::string(text).c_str(), nullptr),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_header(std::uint32_t row, std::uint32_t column, std::string_view text) {
  detail::check_cell(row, column);
  check(worksheet_write_string(sheet_, detail::row0(row), detail::col0(column), std::string(text).c_str(),
                               book_->bold),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_number(std::uint32_t row, std::uint32_t column, double value) {
  detail::check_cell(row, column);
  check(worksheet_write_number(sheet_, detail::row0(row), detail::col0(column), value, nullptr),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_number(std::uint32_t row, std::uint32_t column, double value,
                                              std::string_view number_format) {
  detail::check_cell(row, column);
  check(worksheet_write_number(sheet_, detail::row0(row), detail::col0(column), value,
                               book_->number_format(number_format)),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_bool(std::uint32_t row, std::uint32_t column, bool value) {
  detail::check_cell(row, column);
  check(worksheet_write_boolean(sheet_, detail::row0(row), detail::col0(column), value ? 1 : 0, nullptr),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_date(std::uint32_t row, std::uint32_t column, std::chrono::sys_days day) {
  detail::check_cell(row, column);
  const double serial = days_to_excel_serial(day, false);
  check(worksheet_write_number(sheet_, detail::row0(row), detail::col0(column), serial, book_->date),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_blank(std::uint32_t row, std::uint32_t column) {
  detail::check_cell(row, column);
  check(worksheet_write_blank(sheet_, detail::row0(row), detail::col0(column), book_->plain),
        cell_ref{row, column}.a1());
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_row(std::uint32_t row, std::initializer_list<xlsx_value> values,
                                           std::uint32_t first_column) {
  std::uint32_t column = first_column;
  for (const xlsx_value& v : values) {
    std::visit(
        [&](const auto& value) {
          using type = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<type, std::monostate>) write_blank(row, column);
          else if constexpr (std::is_same_v<type, std::string_view>) write_text(row, column, value);
          else if constexpr (std::is_same_v<type, double>) write_number(row, column, value);
          else if constexpr (std::is_same_v<type, std::chrono::sys_days>) write_date(row, column, value);
          else write_bool(row, column, value);
        },
        v);
    ++column;
  }
}

MIYAGIPLAN_FUNC void xlsx_sheet::write_header_row(std::uint32_t row, std::initializer_list<std::string_view> headers) {
  std::uint32_t column = 1;
  for (const std::string_view h : headers) write_header(row, column++, h);
}

MIYAGIPLAN_FUNC void xlsx_sheet::set_column_width(std::uint32_t first, std::uint32_t last, double width) {
  detail::check_cell(1, first);
  detail::check_cell(1, last);
  check(worksheet_set_column(sheet_, detail::col0(first), detail::col0(last), width, nullptr),
        "columns " + column_name(first) + ":" + column_name(last));
}

MIYAGIPLAN_FUNC void xlsx_sheet::freeze_header_row() { worksheet_freeze_panes(sheet_, 1, 0); }

MIYAGIPLAN_FUNC void xlsx_sheet::set_autofilter(const cell_range& range) {
  detail::check_cell(range.first.row, range.first.column);
  detail::check_cell(range.last.row, range.last.column);
  check(worksheet_autofilter(sheet_, detail::row0(range.first.row), detail::col0(range.first.column),
                             detail::row0(range.last.row), detail::col0(range.last.column)),
        "autofilter " + range.a1());
}

MIYAGIPLAN_FUNC xlsx_writer::xlsx_writer(const std::filesystem::path& path)
    : book_(std::make_unique<xlsx_sheet::book>()) {
  book_->path = path.string();
  book_->workbook = workbook_new(book_->path.c_str());
  if (book_->workbook == nullptr)
    throw io_error("cannot write " + book_->path + ": libxlsxwriter cannot start a workbook");
  book_->bold = workbook_add_format(book_->workbook);
  book_->date = workbook_add_format(book_->workbook);
  book_->plain = workbook_add_format(book_->workbook);
  if (book_->bold == nullptr || book_->date == nullptr || book_->plain == nullptr) {
    workbook_close(book_->workbook);
    throw io_error("cannot write " + book_->path + ": out of memory");
  }
  format_set_bold(book_->bold);
  format_set_num_format(book_->date, "yyyy-mm-dd");
}

MIYAGIPLAN_FUNC xlsx_writer::~xlsx_writer() {
  if (book_ && book_->workbook != nullptr) workbook_close(book_->workbook);
}

MIYAGIPLAN_FUNC xlsx_writer::xlsx_writer(xlsx_writer&&) noexcept = default;

MIYAGIPLAN_FUNC xlsx_writer& xlsx_writer::operator=(xlsx_writer&& other) noexcept {
  if (this != &other) {
    if (book_ && book_->workbook != nullptr) workbook_close(book_->workbook);
    book_ = std::move(other.book_);
  }
  return *this;
}

MIYAGIPLAN_FUNC xlsx_sheet xlsx_writer::add_sheet(std::string_view name) {
  if (!book_ || book_->workbook == nullptr) throw io_error("cannot add a sheet to a closed workbook");
  const std::string n(name);
  const lxw_error valid = workbook_validate_sheet_name(book_->workbook, n.c_str());
  if (valid != LXW_NO_ERROR) book_->fail("sheet \"" + n + "\"", valid);
  lxw_worksheet* sheet = workbook_add_worksheet(book_->workbook, n.c_str());
  if (sheet == nullptr) throw io_error("cannot write " + book_->path + ": cannot add sheet \"" + n + "\"");
  return xlsx_sheet(book_.get(), sheet, n);
}

MIYAGIPLAN_FUNC void xlsx_writer::close() {
  if (!book_ || book_->workbook == nullptr) return;
  lxw_workbook* workbook = book_->workbook;
  book_->workbook = nullptr;
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) book_->fail("", error);
}

}  // namespace miyagiplan::office
