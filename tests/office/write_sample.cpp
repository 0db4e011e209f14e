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
    const char* headers[] = {"指標", "値", "日付", "達成"};
    for (std::uint32_t c = 1; c <= 4; ++c) sheet.write_header(1, c, headers[c - 1]);
    sheet.write_text(2, 1, "宮城県の待機児童数");
    sheet.write_number(2, 2, 340);
    sheet.write_date(2, 3, sys_days{2024y / 4 / 1});
    sheet.write_bool(2, 4, true);
    sheet.write_text(3, 1, "ﾊﾝｶｸ～");
    sheet.write_number(3, 2, 12.5);
    sheet.write_date(3, 3, sys_days{1900y / 2 / 28});
    sheet.write_bool(3, 4, false);
    sheet.write_text(4, 1, "0123");
    sheet.write_blank(4, 2);
    sheet.write_date(4, 3, sys_days{1900y / 3 / 1});
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
