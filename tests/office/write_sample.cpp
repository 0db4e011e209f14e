// Writes a small report workbook with xlsx_writer, for tests/office/check_with_openpyxl.py to read
// with an independent reader:  office_write_sample <out.xlsx>
#include <chrono>
#include <cstdio>
#include <exception>

#include "miyagiplan/office.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: office_write_sample <out.xlsx>\n");
    return 2;
  }
  using namespace std::chrono;
  namespace office = miyagiplan::office;
  try {
    office::xlsx_writer book(argv[1]);
    office::xlsx_sheet sheet = book.add_sheet("実績");
    sheet.write_header_row(1, {"指標", "値", "日付", "達成"});
    sheet.write_row(2, {"宮城県の待機児童数", 340.0, sys_days{2024y / 4 / 1}, true});
    sheet.write_row(3, {"ﾊﾝｶｸ～", 12.5, sys_days{1900y / 2 / 28}, false});
    sheet.write_row(4, {"0123", {}, sys_days{1900y / 3 / 1}});
    sheet.set_column_width(1, 1, 30);
    sheet.set_column_width(2, 4, 12);
    sheet.freeze_header_row();
    sheet.set_autofilter({{1, 1}, {4, 4}});
    book.close();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
