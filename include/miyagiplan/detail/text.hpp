// The library's one UTF-8 codec (decode_utf8, encode_utf8), and reading text one code point at
// a time, as the parsers of dates and quantities do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace miyagiplan::detail {

inline constexpr char32_t invalid_utf8 = 0xFFFFFFFF;
inline constexpr char32_t end_of_text = 0;

// ---------------------------------------------------------------------------------------------
// The codec. Strict: one spelling per character, so no overlong forms, no surrogates (U+D800 to
// U+DFFF) and nothing past U+10FFFF. NUL is a character here (JSON strings may hold one); the
// cursor below refuses it.

// The code point at byte `i` of `s` and its length in bytes: {invalid_utf8, 1} where no valid
// sequence starts, {end_of_text, 0} past the end.
constexpr std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return {end_of_text, 0};
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {char32_t{b0}, 1};
  std::size_t n;
  char32_t c;
  if ((b0 & 0xE0) == 0xC0) n = 2, c = b0 & 0x1Fu;
  else if ((b0 & 0xF0) == 0xE0) n = 3, c = b0 & 0x0Fu;
  else if ((b0 & 0xF8) == 0xF0) n = 4, c = b0 & 0x07u;
  else return {invalid_utf8, 1};
  if (i + n > s.size()) return {invalid_utf8, 1};
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {invalid_utf8, 1};
    c = (c << 6) | (b & 0x3Fu);
  }
  constexpr char32_t min_of_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < min_of_length[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return {invalid_utf8, 1};
  return {c, n};
}

// Word-at-a-time helpers for scanners of big texts. In eight bytes read as one word:
inline constexpr std::uint64_t byte_ones = 0x0101010101010101ull, byte_low7 = 0x7F7F7F7F7F7F7F7Full;
// the high bit of each byte that is zero, and only those: ((x & 0x7F) + 0x7F) | x sets it in every
// byte not zero, with no carry into the next byte;
constexpr std::uint64_t zero_bytes(std::uint64_t x) noexcept { return ~(((x & byte_low7) + byte_low7) | x) & ~byte_low7; }
// the high bit of each UTF-8 continuation byte (10xxxxxx);
constexpr std::uint64_t continuation_bytes(std::uint64_t x) noexcept { return x & ~(x << 1) & ~byte_low7; }
// how many high bits are set, summed into the top byte by one multiplication (no popcount
// instruction is assumed).
constexpr unsigned count_high_bits(std::uint64_t bits) noexcept {
  return static_cast<unsigned>(((bits >> 7) * byte_ones) >> 56);
}

// The end of the run of valid UTF-8 from byte i: ASCII eight bytes at a time, and the three-byte
// characters of Japanese at once; others through decode_utf8. Most of a big file's text is
// ASCII and kana or kanji, and decoders pass over it so.
inline std::size_t utf8_run(std::string_view s, std::size_t i = 0) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, b + i, 8);
      if (w & 0x8080808080808080ull) break;
    }
    while (i < s.size() && b[i] < 0x80) ++i;
    while (i + 3 <= s.size() && (b[i] & 0xF0) == 0xE0 && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
      // Not overlong (E0 needs A0 and up) and no surrogate (ED 80 to ED 9F only).
      if ((b[i] == 0xE0 && b[i + 1] < 0xA0) || (b[i] == 0xED && b[i + 1] > 0x9F)) return i;
      i += 3;
    }
    if (i < s.size() && b[i] >= 0x80 && (b[i] & 0xF0) != 0xE0) {
      const auto [c, n] = decode_utf8(s, i);
      if (c == invalid_utf8) return i;
      i += n;
    } else if (i < s.size() && b[i] >= 0x80) {
      return i;  // a three-byte lead the loop above refused
    }
  }
  return i;
}

// Whether all of `s` is UTF-8 (NULs included).
constexpr bool is_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (!std::is_constant_evaluated()) return utf8_run(s) == s.size();
    const auto [c, n] = decode_utf8(s, i);
    if (c == invalid_utf8) return false;
    i += n;
  }
  return true;
}

// The UTF-8 bytes of a code point. A surrogate or a value past U+10FFFF has none: it becomes the
// byte 0xFF, which no decoder accepts, so that a reader says where the text went wrong.
struct utf8_bytes {
  char data[4] = {};
  std::size_t size = 0;
  constexpr std::string_view view() const noexcept { return {data, size}; }
};
constexpr utf8_bytes encode_utf8(char32_t c) noexcept {
  auto byte = [](char32_t b) { return static_cast<char>(static_cast<unsigned char>(b)); };
  if (c < 0x80) return {{byte(c)}, 1};
  if (c < 0x800) return {{byte(0xC0 | (c >> 6)), byte(0x80 | (c & 0x3F))}, 2};
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return {{byte(0xFF)}, 1};
  if (c < 0x10000)
    return {{byte(0xE0 | (c >> 12)), byte(0x80 | ((c >> 6) & 0x3F)), byte(0x80 | (c & 0x3F))}, 3};
  return {{byte(0xF0 | (c >> 18)), byte(0x80 | ((c >> 12) & 0x3F)), byte(0x80 | ((c >> 6) & 0x3F)),
           byte(0x80 | (c & 0x3F))},
          4};
}

// Code units of any width as UTF-8: bytes are copied, UTF-16 pairs joined, code points encoded
// (a lone surrogate stays invalid, as the reader will say).
template <class Unit>
std::string utf8_of(std::basic_string_view<Unit> text) {
  if constexpr (sizeof(Unit) == 1) {
    return std::string(reinterpret_cast<const char*>(text.data()), text.size());
  } else {
    auto value = [](Unit u) { return static_cast<char32_t>(static_cast<std::make_unsigned_t<Unit>>(u)); };
    std::string out;
    out.reserve(text.size() * 3);
    for (std::size_t i = 0; i < text.size(); ++i) {
      char32_t c = value(text[i]);
      if constexpr (sizeof(Unit) == 2) {
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && value(text[i + 1]) >= 0xDC00 &&
            value(text[i + 1]) <= 0xDFFF)
          c = 0x10000 + ((c - 0xD800) << 10) + (value(text[++i]) - 0xDC00);
      }
      out += encode_utf8(c).view();
    }
    return out;
  }
}

// A text as valid UTF-8: each byte that starts no valid sequence becomes U+FFFD, and so does
// each NUL (which would end a C string early) unless `keep_nul`. Messages quote input so.
inline std::string valid_text(std::string_view s, bool keep_nul = false) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto [c, n] = decode_utf8(s, i);
    if (c == invalid_utf8 || (c == 0 && !keep_nul)) out += "\uFFFD";
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading UTF-8 one code point at a time, counting characters for error positions. A NUL is no
// text here: it reads as invalid_utf8.

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
    const auto decoded = decode_utf8(s_, i);
    if (decoded.first == 0 && decoded.second == 1) return {invalid_utf8, 1};
    return decoded;
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
