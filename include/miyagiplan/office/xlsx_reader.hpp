// Reading .xlsx workbooks (Office Open XML spreadsheets) as offices keep them, in bounded memory:
// each part is read from the zip in chunks (libzip) and parsed as it streams (expat), so a sheet
// of a million rows never sits in memory; rows go to a callback one at a time.
//
// What a cell holds is what Excel last saved: a formula's cached value (a file written by a
// program that computes nothing has none, and the cell reads as empty with formula() true).
//
// Every failure is a schema_error; its where() names the spot: "file!sheet!C12" for a cell,
// "file!sheet" for a sheet, "file:part:line:column" for XML that does not parse, "file" for the
// archive. Hostile files fail quickly and in bounded memory (xlsx_limits).
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_OFFICE_XLSX_READER_HPP
#endif

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan::office {

// Excel's own bounds.
inline constexpr std::uint32_t excel_max_rows = 1'048'576;
inline constexpr std::uint32_t excel_max_columns = 16'384;  // A … XFD

// "A" for 1, "Z" for 26, "AA" for 27, "XFD" for 16384; empty for 0.
MIYAGIPLAN_FUNC std::string column_name(std::uint32_t column);

// A cell's place, row and column from 1.
struct cell_ref {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  std::string a1() const { return column_name(column) + std::to_string(row); }  // "C12"
  friend bool operator==(const cell_ref&, const cell_ref&) = default;
};

// A rectangle of cells, both corners included ("A1:C3").
struct cell_range {
  cell_ref first;
  cell_ref last;
  std::string a1() const { return first.a1() + ":" + last.a1(); }
  friend bool operator==(const cell_range&, const cell_range&) = default;
};

enum class cell_type : std::uint8_t { empty, number, text, boolean, error };
}  // namespace miyagiplan::office

namespace miyagiplan {
template <>
struct enum_description<office::cell_type> {
  static constexpr std::string_view type = "cell type", python = "CellType";
  static constexpr std::string_view doc = "What a workbook cell holds.";
  static constexpr std::array<std::string_view, 5> names{"empty", "number", "text", "boolean", "error"};
  static constexpr std::array<std::string_view, 5> docs{"nothing", "a number (dates are numbers)", "text",
                                                        "TRUE or FALSE", "an error value (#N/A …)"};
};
}  // namespace miyagiplan

namespace miyagiplan::office {

struct cell {
  cell_ref ref;
  cell_type type = cell_type::empty;
  double number = 0;     // number; boolean as 0 or 1
  std::string text;      // text; error as Excel writes it ("#DIV/0!")
  bool formula = false;  // the cell holds a formula; type and value are its cached result
  bool date_format = false;  // its number format shows a date or a time (see excel_serial_to_days)

  std::string a1() const { return ref.a1(); }
  bool boolean() const noexcept { return type == cell_type::boolean && number != 0; }
};

// One row of a sheet: only the cells the file holds, in column order (a cell with a style but no
// value is there, as empty). A row the file does not hold is not reported.
struct xlsx_row {
  std::uint32_t number = 0;  // from 1
  std::vector<cell> cells;
};

// What reading a sheet found besides its rows.
struct sheet_summary {
  std::string name;
  std::uint32_t rows = 0;                 // rows reported
  std::vector<cell_range> merged_cells;   // callers that need one value per cell refuse these
};

// Bounds that make a hostile file fail quickly instead of exhausting memory or time.
struct xlsx_limits {
  std::uint64_t max_uncompressed_bytes = 256ull << 20;  // all the parts together, as stated
  std::uint64_t ratio_checked_from = 1ull << 20;        // entries bigger than this …
  std::uint64_t max_compression_ratio = 100;            // … may expand at most this much
  std::size_t max_shared_strings = 1'000'000;
  std::size_t max_shared_string_bytes = 64ull << 20;
};

// One reader serves one thread at a time (libzip's archive is not shared safely); open the file
// once per thread to read sheets in parallel.
class xlsx_reader {
 public:
  using row_callback = std::function<void(const xlsx_row&)>;

  // Opens a workbook and reads its workbook part, relationships, styles and shared strings.
  // Throws io_error when the file cannot be opened, schema_error when it is not a workbook.
  MIYAGIPLAN_FUNC static xlsx_reader open(const std::filesystem::path& path, xlsx_limits limits = {});
  // The same from bytes in memory; `name` stands for the file in error messages.
  MIYAGIPLAN_FUNC static xlsx_reader from_bytes(std::string bytes, std::string name = "workbook.xlsx",
                                                xlsx_limits limits = {});

  MIYAGIPLAN_FUNC ~xlsx_reader();
  MIYAGIPLAN_FUNC xlsx_reader(xlsx_reader&&) noexcept;
  MIYAGIPLAN_FUNC xlsx_reader& operator=(xlsx_reader&&) noexcept;
  xlsx_reader(const xlsx_reader&) = delete;
  xlsx_reader& operator=(const xlsx_reader&) = delete;

  // The sheets in workbook order (worksheets only; chart sheets are left out).
  MIYAGIPLAN_FUNC const std::vector<std::string>& sheet_names() const noexcept;
  // The workbook counts dates from 1904-01-01 (old Mac Excel) rather than 1900-01-00.
  MIYAGIPLAN_FUNC bool date1904() const noexcept;

  // Streams a sheet: `on_row` is called for each row the file holds, in order. An exception it
  // throws stops the reading and leaves read_sheet as it was thrown. A name that is no sheet of
  // the workbook, or an index past the last, throws schema_error (where() the file) listing them.
  MIYAGIPLAN_FUNC sheet_summary read_sheet(std::string_view name, const row_callback& on_row) const;
  MIYAGIPLAN_FUNC sheet_summary read_sheet(std::size_t index, const row_callback& on_row) const;
  // The merged ranges of a sheet, for a caller that refuses them before it reads any row: a
  // pass over the sheet (they come after its rows in the file) that keeps no row.
  MIYAGIPLAN_FUNC std::vector<cell_range> merged_cells(std::string_view sheet) const;

  struct impl;

 private:
  explicit xlsx_reader(std::unique_ptr<impl> p) noexcept;
  std::unique_ptr<impl> impl_;
};

// The day of an Excel date serial (its whole part; a time of day is dropped). In the 1900 system
// serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was: serial 60 throws
// range_error, and serials 1–59 are a day later than counting from 1899-12-30 would make them.
// In the 1904 system serial 0 is 1904-01-01 (1462 days after the 1900 system's count). A serial
// before the first day, past 9999-12-31, or not finite throws range_error.
MIYAGIPLAN_FUNC std::chrono::sys_days excel_serial_to_days(double serial, bool date1904);
// The inverse, for days from 1900-03-01 (1904-01-01 in the 1904 system) to 9999-12-31.
MIYAGIPLAN_FUNC double days_to_excel_serial(std::chrono::sys_days day, bool date1904);

// Whether an Excel number format shows a date or time: the built-in ids 14–22, 27–36, 45–47 and
// 50–58, and format codes with y, m, d, h or s outside quotes, brackets and escapes.
MIYAGIPLAN_FUNC bool is_date_format(std::uint32_t id, std::string_view code);

}  // namespace miyagiplan::office

#define MIYAGIPLAN_NEEDS_XLSX_READER_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_OFFICE_XLSX_READER_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
