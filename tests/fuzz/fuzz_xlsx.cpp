// The .xlsx reader: any bytes either fail with a schema_error (or an io_error) or open as a
// workbook whose every sheet streams to the end, with rows in ascending order, cells in ascending
// columns of their own row, all within Excel's bounds, and merged ranges that are ranges.
// The limits are lowered so that a run stays fast; the checks are the same.
#include "fuzz_common.hpp"
#include "miyagiplan/office.hpp"

using namespace miyagiplan;
using namespace miyagiplan::office;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  xlsx_limits limits;
  limits.max_uncompressed_bytes = 8u << 20;
  limits.max_shared_strings = 10'000;
  limits.max_shared_string_bytes = 1u << 20;
  try {
    const xlsx_reader book = xlsx_reader::from_bytes(std::string(fuzz::as_text(data, size)), "fuzz.xlsx", limits);
    FUZZ_CHECK(book.sheet_names().size() < (1u << 20), "sheets");
    for (std::size_t i = 0; i < book.sheet_names().size(); ++i) {
      std::uint32_t last_row = 0;
      std::uint32_t rows = 0;
      try {
        const sheet_summary summary = book.read_sheet(i, [&](const xlsx_row& row) {
          FUZZ_CHECK(row.number > last_row && row.number <= excel_max_rows, std::to_string(row.number));
          last_row = row.number;
          ++rows;
          std::uint32_t last_column = 0;
          for (const cell& c : row.cells) {
            FUZZ_CHECK(c.ref.row == row.number, c.a1());
            FUZZ_CHECK(c.ref.column > last_column && c.ref.column <= excel_max_columns, c.a1());
            last_column = c.ref.column;
            FUZZ_CHECK(c.type != cell_type::boolean || c.number == 0 || c.number == 1, c.a1());
            FUZZ_CHECK(c.type == cell_type::text || c.type == cell_type::error || c.text.empty(), c.a1());
            if (c.type == cell_type::number && c.date_format) {
              try {
                (void)excel_serial_to_days(c.number, book.date1904());
              } catch (const range_error&) {
              }
            }
          }
        });
        FUZZ_CHECK(summary.rows == rows, summary.name);
        FUZZ_CHECK(summary.name == book.sheet_names()[i], summary.name);
        for (const cell_range& r : summary.merged_cells)
          FUZZ_CHECK(r.first.row <= r.last.row && r.first.column <= r.last.column, r.a1());
      } catch (const schema_error& e) {
        FUZZ_CHECK(e.where().starts_with("fuzz.xlsx"), e.what());
      }
    }
  } catch (const schema_error& e) {
    FUZZ_CHECK(e.where().starts_with("fuzz.xlsx"), e.what());
  } catch (const io_error&) {
  }
  return 0;
}
