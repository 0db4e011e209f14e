// A small RFC 4180 reader: quoted fields with "" escapes, CRLF or LF, a UTF-8 BOM skipped,
// and lines starting with # taken as comments.
// Each field keeps its line and column (in characters, from 1) for error messages.
// It reads a whole text, or a stream a piece at a time: given text that is not final, a row cut
// at its end is left unread (needs_more), and refill() continues with the unread rest and more.
// Fields view the text in place (a quoted field with "" or text after its closing quote is
// rebuilt in the reader's own storage): a row's texts are valid until the next call of next()
// or refill(), and no field costs an allocation.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/detail/text.hpp"

namespace miyagiplan::detail {

struct csv_field {
  std::string_view text;
  std::size_t line = 1;
  std::size_t column = 1;
};

using csv_row = std::vector<csv_field>;

class csv_reader {
 public:
  explicit csv_reader(std::string_view text, bool final = true) noexcept : text_(text), final_(final) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  // After next() returned false with needs_more(): `text` is the unread rest (from consumed())
  // followed by what came since; `final` when nothing more will come.
  void refill(std::string_view text, bool final) noexcept {
    text_ = text, final_ = final, i_ = 0, needs_more_ = false;
  }
  // The bytes of the text read so far (whole rows).
  std::size_t consumed() const noexcept { return i_; }
  bool needs_more() const noexcept { return needs_more_; }

  // The next row; false at the end. `error` is set (and false returned)
  // for an unterminated quote.
  bool next(csv_row& row, std::string& error) {
    row.clear();
    const std::size_t start = i_, start_line = line_, start_column = column_;
    // The text ends inside the row: wait for more, from the row's start.
    auto cut = [&] {
      i_ = start, line_ = start_line, column_ = start_column;
      needs_more_ = true;
      return false;
    };
    // Blank lines and comment lines (# at the start) carry no row.
    for (;;) {
      while (i_ < text_.size() && (text_[i_] == '\n' || text_[i_] == '\r')) newline();
      if (i_ >= text_.size() || text_[i_] != '#') break;
      while (i_ < text_.size() && text_[i_] != '\n') ++i_;
      if (i_ >= text_.size() && !final_) return cut();
    }
    if (i_ >= text_.size()) return final_ ? false : cut();
    std::size_t owned = 0;  // storage strings used by this row
    for (;;) {
      csv_field f;
      f.line = line_, f.column = column_;
      std::string* built = nullptr;  // the field's own text, once it is no longer a slice of text_
      bool quoted = false;
      std::size_t from = 0, close = 0;  // a quoted field's text not yet copied to built: [from, close)
      if (i_ < text_.size() && text_[i_] == '"') {
        quoted = true;
        step();
        from = i_;
        for (;;) {
          if (i_ >= text_.size()) {
            if (!final_) return cut();
            error = "a closing quote for the field opened at line " + std::to_string(f.line) +
                    ", column " + std::to_string(f.column);
            return false;
          }
          if (text_[i_] == '"') {
            close = i_;
            step();
            if (i_ >= text_.size() && !final_) return cut();  // "" may straddle two pieces
            if (i_ < text_.size() && text_[i_] == '"') {
              // "" is one quote: the field is no longer a slice of the text.
              if (!built) built = &storage(owned++), built->clear();
              built->append(text_.data() + from, close - from).push_back('"');
              step();
              from = i_;
              continue;
            }
            break;
          }
          if (text_[i_] == '\n') newline();
          else step();
        }
      }
      // An unquoted run at once, eight bytes at a time: its end, then its characters.
      const std::size_t end = run_end(i_);
      column_ += characters(text_.substr(i_, end - i_));
      if (!quoted) {
        f.text = text_.substr(i_, end - i_);
      } else if (!built && end == i_) {
        f.text = text_.substr(from, close - from);
      } else {
        // Text after a closing quote ("a"b reads ab) joins the quoted part.
        if (!built) built = &storage(owned++), built->clear();
        built->append(text_.data() + from, close - from).append(text_.data() + i_, end - i_);
        f.text = *built;
      }
      i_ = end;
      if (i_ >= text_.size() && !final_) return cut();
      row.push_back(f);
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
  // The k-th string of storage, kept for the reader's life: a deque never moves what it holds,
  // so the views of a row stay valid while the row's later fields are built.
  std::string& storage(std::size_t k) {
    if (k == storage_.size()) storage_.emplace_back();
    return storage_[k];
  }
  // The first comma, CR or LF from byte i (or the end of the text).
  std::size_t run_end(std::size_t i) const noexcept {
    for (std::uint64_t w; i + 8 <= text_.size(); i += 8) {
      std::memcpy(&w, text_.data() + i, 8);
      const std::uint64_t stops =
          zero_bytes(w ^ (byte_ones * ',')) | zero_bytes(w ^ (byte_ones * '\n')) | zero_bytes(w ^ (byte_ones * '\r'));
      if (stops) {
        // The byte at the lowest address: the word's lowest byte on a little-endian machine.
        const int bit = std::endian::native == std::endian::little ? std::countr_zero(stops) : std::countl_zero(stops);
        return i + static_cast<std::size_t>(bit) / 8;
      }
    }
    while (i < text_.size() && text_[i] != ',' && text_[i] != '\n' && text_[i] != '\r') ++i;
    return i;
  }
  // Characters, not bytes: UTF-8 continuation bytes do not start one.
  static std::size_t characters(std::string_view s) noexcept {
    std::size_t n = s.size(), i = 0;
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      n -= count_high_bits(continuation_bytes(w));
    }
    for (; i < s.size(); ++i) n -= (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    return n;
  }
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
  bool final_ = true;
  bool needs_more_ = false;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  std::deque<std::string> storage_;
};

}  // namespace miyagiplan::detail
