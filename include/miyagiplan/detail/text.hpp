// Reading UTF-8 text one code point at a time, as the parsers of dates and quantities do.
#pragma once

#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

namespace miyagiplan::detail {

// Reading UTF-8 one code point at a time, counting characters for error positions.

inline constexpr char32_t invalid_utf8 = 0xFFFFFFFF;
inline constexpr char32_t end_of_text = 0;

class cursor {
 public:
  explicit cursor(std::string_view s) noexcept : s_(s) { decode(); }

  // The current code point is decoded once, when the cursor arrives at it.
  char32_t peek() const noexcept { return c_; }
  char32_t peek_after() const noexcept {
    return c_ == end_of_text || c_ == invalid_utf8 ? c_ : decode_at(i_ + n_).first;
  }
  void advance() noexcept {
    i_ += n_;
    ++chars_;
    decode();
  }
  bool at_end() const noexcept { return i_ >= s_.size(); }
  std::size_t position() const noexcept { return chars_; }
  std::size_t offset() const noexcept { return i_; }  // in bytes

  // Spaces may stand between any two tokens: ASCII space, tab, ideographic space.
  void skip_spaces() noexcept {
    for (char32_t c = peek(); c == U' ' || c == U'\t' || c == U'\u3000'; c = peek()) advance();
  }
  bool accept(char32_t c) noexcept {
    if (peek() != c) return false;
    advance();
    return true;
  }
  // Accepts a run of code points as one token (e.g. 四半期).
  bool accept(std::u32string_view word) noexcept {
    cursor probe = *this;
    for (char32_t c : word)
      if (!probe.accept(c)) return false;
    *this = probe;
    return true;
  }

 private:
  void decode() noexcept { std::tie(c_, n_) = decode_at(i_); }

  // The code point at byte i and its length in bytes; end_of_text past the end.
  std::pair<char32_t, std::size_t> decode_at(std::size_t i) const noexcept {
    if (i >= s_.size()) return {end_of_text, 0};
    const auto b0 = static_cast<unsigned char>(s_[i]);
    if (b0 < 0x80) return {b0 == 0 ? invalid_utf8 : char32_t{b0}, 1};
    std::size_t n;
    char32_t c;
    if ((b0 & 0xE0) == 0xC0) n = 2, c = b0 & 0x1F;
    else if ((b0 & 0xF0) == 0xE0) n = 3, c = b0 & 0x0F;
    else if ((b0 & 0xF8) == 0xF0) n = 4, c = b0 & 0x07;
    else return {invalid_utf8, 1};
    if (i + n > s_.size()) return {invalid_utf8, 1};
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s_[i + k]);
      if ((b & 0xC0) != 0x80) return {invalid_utf8, 1};
      c = (c << 6) | (b & 0x3F);
    }
    // Reject overlong forms and surrogates so that one character has one spelling.
    constexpr char32_t min_of_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min_of_length[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
      return {invalid_utf8, 1};
    return {c, n};
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t chars_ = 0;
  char32_t c_ = end_of_text;
  std::size_t n_ = 0;
};

// Character classes of the documents: digits of either width, kanji numerals, eras, marks.

constexpr int digit_value(char32_t c) noexcept {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'\uFF10' && c <= U'\uFF19') return static_cast<int>(c - U'\uFF10');
  return -1;
}

// Spaces around a cell or a value: ASCII space, tab, ideographic space.
inline std::string_view trim(std::string_view s) noexcept {
  auto strip = [](std::string_view t, bool front) {
    for (;;) {
      if (t.empty()) return t;
      if (front ? t.front() == ' ' || t.front() == '\t' : t.back() == ' ' || t.back() == '\t') {
        t = front ? t.substr(1) : t.substr(0, t.size() - 1);
      } else if (front ? t.substr(0, 3) == "\u3000" : t.size() >= 3 && t.substr(t.size() - 3) == "\u3000") {
        t = front ? t.substr(3) : t.substr(0, t.size() - 3);
      } else {
        return t;
      }
    }
  };
  return strip(strip(s, true), false);
}

}  // namespace miyagiplan::detail
