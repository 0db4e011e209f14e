// A small RFC 4180 reader: quoted fields with "" escapes, CRLF or LF, a UTF-8 BOM skipped,
// and lines starting with # taken as comments.
// Each field keeps its line and column (in characters, from 1) for error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace miyagiplan::detail {

struct csv_field {
  std::string text;
  std::size_t line = 1;
  std::size_t column = 1;
};

using csv_row = std::vector<csv_field>;

class csv_reader {
 public:
  explicit csv_reader(std::string_view text) noexcept : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  // The next row; false at the end. `error` is set (and false returned)
  // for an unterminated quote.
  bool next(csv_row& row, std::string& error) {
    row.clear();
    // Blank lines and comment lines (# at the start) carry no row.
    for (;;) {
      while (i_ < text_.size() && (text_[i_] == '\n' || text_[i_] == '\r')) newline();
      if (i_ >= text_.size() || text_[i_] != '#') break;
      while (i_ < text_.size() && text_[i_] != '\n') ++i_;
    }
    if (i_ >= text_.size()) return false;
    for (;;) {
      csv_field f;
      f.line = line_, f.column = column_;
      if (i_ < text_.size() && text_[i_] == '"') {
        step();
        for (;;) {
          if (i_ >= text_.size()) {
            error = "a closing quote for the field opened at line " + std::to_string(f.line) +
                    ", column " + std::to_string(f.column);
            return false;
          }
          if (text_[i_] == '"') {
            step();
            if (i_ < text_.size() && text_[i_] == '"') {
              f.text += '"';
              step();
              continue;
            }
            break;
          }
          if (text_[i_] == '\n') {
            f.text += '\n';
            newline();
          } else {
            f.text += text_[i_];
            step();
          }
        }
      }
      while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
        f.text += text_[i_];
        step();
      }
      row.push_back(std::move(f));
      if (i_ < text_.size() && text_[i_] == ',') {
        step();
        continue;
      }
      if (i_ < text_.size() && text_[i_] == '\r') ++i_;
      if (i_ < text_.size() && text_[i_] == '\n') newline();
      return true;
    }
  }

 private:
  void step() noexcept {
    // Columns count characters: continuation bytes of UTF-8 do not start one.
    if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80) ++column_;
    ++i_;
  }
  void newline() noexcept {
    if (text_[i_] == '\n') ++line_, column_ = 1;
    ++i_;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

}  // namespace miyagiplan::detail
