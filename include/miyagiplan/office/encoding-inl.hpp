// Definitions of the text encodings. Compiled once by src/office.cpp, or inline when header-only.
#pragma once

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/office/encoding.hpp"

namespace miyagiplan::office {
namespace detail {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The length of the valid UTF-8 at the start of `s`, and whether what follows is the start of a
// character cut by the end of `s` (rather than a byte that can never be UTF-8). NUL is valid.
struct utf8_scan_result {
  std::size_t valid;
  bool cut;
};

inline utf8_scan_result scan_utf8(std::string_view s) noexcept {
  const std::size_t i = miyagiplan::detail::utf8_run(s);
  if (i == s.size() || s.size() - i >= 4) return {i, false};
  // The rest is a cut character when some continuation makes it valid for the one decoder: the
  // second byte's range depends on the first (E0 needs A0.., ED ..9F, F0 90.., F4 ..8F).
  for (const char second : {'\x80', '\x90', '\xA0'}) {
    std::string whole(s.substr(i));
    whole += second;
    whole.append(4, '\x80');
    if (miyagiplan::detail::decode_utf8(whole, 0).first != miyagiplan::detail::invalid_utf8) return {i, true};
  }
  return {i, false};
}

// Where the next character of a text goes: line and column from 1, the column in characters.
struct text_position {
  std::size_t line = 1;
  std::size_t column = 0;  // characters already on this line

  // Whole chunks go over it: line ends are counted eight bytes at a time, characters only on
  // the last line.
  void advance_over(std::string_view utf8) noexcept {
    const std::size_t last = utf8.rfind('\n');
    if (last != std::string_view::npos) {
      line += count_newlines(utf8.substr(0, last + 1));
      column = 0;
      utf8.remove_prefix(last + 1);
    }
    for (const char c : utf8)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  }
  static std::size_t count_newlines(std::string_view s) noexcept {
    using namespace miyagiplan::detail;
    std::size_t n = 0, i = 0;
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      n += count_high_bits(zero_bytes(w ^ (byte_ones * '\n')));
    }
    for (; i < s.size(); ++i) n += s[i] == '\n';
    return n;
  }
  std::string where(std::string_view file_name) const {
    std::string w = file_name.empty() ? "" : std::string(file_name) + ":";
    return w + std::to_string(line) + ":" + std::to_string(column + 1);
  }
};

inline std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s0x%02X", out.empty() ? "" : " ", static_cast<unsigned char>(c));
    out += buf;
  }
  return out;
}

// One iconv descriptor, closed on every path.
class iconv_handle {
 public:
  iconv_handle(const char* to, const char* from) : cd_(iconv_open(to, from)) {
    if (cd_ == failed())
      throw io_error(std::string("iconv cannot convert from ") + from + " to " + to);
  }
  ~iconv_handle() { iconv_close(cd_); }
  iconv_handle(const iconv_handle&) = delete;
  iconv_handle& operator=(const iconv_handle&) = delete;

  // Converts as much of `in` as it can, appending to `out`; returns the bytes consumed and the
  // errno that stopped it (0: all of it, EILSEQ: an invalid sequence, EINVAL: a cut one).
  std::pair<std::size_t, int> convert(std::string_view in, std::string& out) {
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    while (src_left > 0) {
      const std::size_t old = out.size();
      const std::size_t room = src_left * 4 + 16;
      out.resize(old + room);
      char* dst = out.data() + old;
      std::size_t dst_left = room;
      errno = 0;
      const std::size_t r = iconv(cd_, &src, &src_left, &dst, &dst_left);
      const int code = errno;
      out.resize(old + (room - dst_left));
      if (r == static_cast<std::size_t>(-1) && code != E2BIG)
        return {in.size() - src_left, code};
    }
    return {in.size(), 0};
  }

 private:
  static iconv_t failed() noexcept { return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
  iconv_t cd_;
};

// Up to this many bytes are gathered before an encoding is detected.
inline constexpr std::size_t detection_bytes = 4096;

}  // namespace detail

struct utf8_decoder::state {
  text_encoding encoding = text_encoding::automatic;
  std::string file_name;
  bool forced = false;                    // the caller named the encoding
  bool started = false;             // the byte order mark has been looked for
  std::string pending;              // bytes not decoded yet: a cut character, or the first bytes
  detail::text_position position;
  std::unique_ptr<detail::iconv_handle> cp932;

  // Appends decoded text and keeps the position of the next character.
  void emit(std::string_view utf8, std::string& out) {
    out.append(utf8);
    position.advance_over(utf8);
  }

  [[noreturn]] void fail_at(std::string_view rest, const std::string& why) const {
    throw schema_error(position.where(file_name),
                       why + " (" + detail::hex_bytes(rest.substr(0, 4)) + ")");
  }

  // Decodes `in` (pending bytes included); a cut character at the end goes back to pending.
  void decode(std::string_view in, std::string& out, bool final) {
    if (!started) {
      // A byte order mark cut by the end of a chunk waits for the rest of it.
      if (!final && in.size() < detail::utf8_bom.size() && detail::utf8_bom.starts_with(in)) {
        pending.assign(in);
        return;
      }
      started = true;
      if (in.starts_with(detail::utf8_bom) && encoding == text_encoding::utf8)
        in.remove_prefix(detail::utf8_bom.size());
    }
    if (encoding == text_encoding::utf8) {
      const auto [valid, cut] = detail::scan_utf8(in);
      emit(in.substr(0, valid), out);
      if (valid == in.size()) return;
      const std::string_view rest = in.substr(valid);
      if (cut && !final) {
        pending.assign(rest);
        return;
      }
      if (cut) fail_at(rest, "the file ends inside a UTF-8 character");
      fail_at(rest, forced ? "a byte that is not UTF-8"
                           : "a byte that is not UTF-8 in a file read as UTF-8 from its start; if "
                             "the file is Shift_JIS, read it as cp932");
    }
    if (!cp932) cp932 = std::make_unique<detail::iconv_handle>("UTF-8", "CP932");
    std::string converted;
    const auto [used, code] = cp932->convert(in, converted);
    emit(converted, out);
    if (code == 0) return;
    const std::string_view rest = in.substr(used);
    if (code == EINVAL && !final) {
      pending.assign(rest);
      return;
    }
    if (code == EINVAL) fail_at(rest, "the file ends inside a CP932 character");
    fail_at(rest, "a byte sequence that is not CP932 (Shift_JIS)");
  }
};

MIYAGIPLAN_FUNC text_encoding text_encoding_from_string(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  try {
    return enum_from_string<text_encoding>(lower);
  } catch (const parse_error& e) {
    throw parse_error(std::string(name), 0, e.expected());
  }
}

MIYAGIPLAN_FUNC text_encoding detect_encoding(std::string_view bytes, bool complete) noexcept {
  if (bytes.starts_with(detail::utf8_bom)) return text_encoding::utf8;
  const auto [valid, cut] = detail::scan_utf8(bytes);
  return valid == bytes.size() || (cut && !complete) ? text_encoding::utf8 : text_encoding::cp932;
}

MIYAGIPLAN_FUNC utf8_decoder::utf8_decoder(text_encoding encoding, std::string file_name)
    : state_(std::make_unique<state>()) {
  state_->encoding = encoding;
  state_->file_name = std::move(file_name);
  state_->forced = encoding != text_encoding::automatic;
}

MIYAGIPLAN_FUNC utf8_decoder::~utf8_decoder() = default;
MIYAGIPLAN_FUNC utf8_decoder::utf8_decoder(utf8_decoder&&) noexcept = default;
MIYAGIPLAN_FUNC utf8_decoder& utf8_decoder::operator=(utf8_decoder&&) noexcept = default;

MIYAGIPLAN_FUNC void utf8_decoder::feed(std::string_view chunk, std::string& out) {
  state& s = *state_;
  if (s.encoding == text_encoding::automatic) {
    s.pending.append(chunk);
    if (s.pending.size() < detail::detection_bytes) return;
    s.encoding = detect_encoding(s.pending, false);
    const std::string first = std::move(s.pending);
    s.pending.clear();
    s.decode(first, out, false);
    return;
  }
  if (s.pending.empty()) {
    s.decode(chunk, out, false);
    return;
  }
  std::string joined = std::move(s.pending);
  s.pending.clear();
  joined.append(chunk);
  s.decode(joined, out, false);
}

MIYAGIPLAN_FUNC void utf8_decoder::finish(std::string& out) {
  state& s = *state_;
  if (s.encoding == text_encoding::automatic) s.encoding = detect_encoding(s.pending, true);
  const std::string rest = std::move(s.pending);
  s.pending.clear();
  s.decode(rest, out, true);
}

MIYAGIPLAN_FUNC text_encoding utf8_decoder::encoding() const noexcept { return state_->encoding; }

MIYAGIPLAN_FUNC std::string to_utf8(std::string_view bytes, text_encoding encoding,
                                    std::string_view file_name) {
  if (encoding == text_encoding::automatic) encoding = detect_encoding(bytes, true);
  utf8_decoder decoder(encoding, std::string(file_name));
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  decoder.feed(bytes, out);
  decoder.finish(out);
  return out;
}

MIYAGIPLAN_FUNC std::string from_utf8(std::string_view utf8, text_encoding encoding,
                                      std::string_view file_name) {
  const auto where_of = [&](std::size_t offset) {
    detail::text_position p;
    p.advance_over(utf8.substr(0, offset));
    return p.where(file_name);
  };
  const auto [valid, cut] = detail::scan_utf8(utf8);
  if (valid != utf8.size())
    throw schema_error(where_of(valid), "a byte that is not UTF-8 (" +
                                            detail::hex_bytes(utf8.substr(valid, 4)) + ")");
  if (encoding != text_encoding::cp932) return std::string(utf8);
  detail::iconv_handle cd("CP932", "UTF-8");
  std::string out;
  out.reserve(utf8.size());
  const auto [used, code] = cd.convert(utf8, out);
  if (code == 0) return out;
  // The character CP932 has no code for: U+XXXX and the character itself.
  std::size_t length = 1;
  const auto lead = static_cast<unsigned char>(utf8[used]);
  if (lead >= 0xF0) length = 4;
  else if (lead >= 0xE0) length = 3;
  else if (lead >= 0xC0) length = 2;
  const std::string_view ch = utf8.substr(used, length);
  char32_t cp = length == 1 ? lead : lead & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < ch.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3Fu);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  throw schema_error(where_of(used), std::string("CP932 (Shift_JIS) has no code for ") + buf +
                                         " \"" + std::string(ch) + "\"");
}

}  // namespace miyagiplan::office
