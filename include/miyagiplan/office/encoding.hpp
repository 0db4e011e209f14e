// Text encodings of office files. CSV saved by Japanese Excel is Shift_JIS as Windows extends it
// (CP932); everything else is UTF-8, sometimes with a byte order mark. Conversion goes through
// glibc's iconv ("CP932"), so 0x8160 is U+FF5E (～) as Windows has it, not U+301C.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_OFFICE_ENCODING_HPP
#endif

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan::office {

enum class text_encoding : std::uint8_t {
  automatic,  // a UTF-8 byte order mark, or text that is valid UTF-8, is UTF-8; else CP932
  utf8,
  cp932,
};

}  // namespace miyagiplan::office

namespace miyagiplan {
// "auto", "utf-8", "cp932" (to_string); read also as utf8, shift_jis, shift-jis, sjis, windows-31j.
template <>
struct enum_description<office::text_encoding> {
  static constexpr std::string_view type = "text encoding", python = "TextEncoding";
  static constexpr std::string_view doc = "How a text file's bytes are read: UTF-8 or CP932 (Shift_JIS), or detected.";
  static constexpr std::array<std::string_view, 3> names{"auto", "utf-8", "cp932"};
  static constexpr std::array<std::string_view, 3> docs{
      "a UTF-8 byte order mark, or text that is valid UTF-8, is UTF-8; else CP932", "UTF-8",
      "CP932, the Shift_JIS of Japanese Windows and Excel"};
  static constexpr std::pair<std::string_view, office::text_encoding> aliases[] = {
      {"utf8", office::text_encoding::utf8},       {"shift_jis", office::text_encoding::cp932},
      {"shift-jis", office::text_encoding::cp932}, {"sjis", office::text_encoding::cp932},
      {"windows-31j", office::text_encoding::cp932}};
};
}  // namespace miyagiplan

namespace miyagiplan::office {

// The encoding a name names, in any case (enum_from_string, after folding ASCII capitals).
MIYAGIPLAN_FUNC text_encoding text_encoding_from_string(std::string_view name);

// The encoding of a text from its bytes: a UTF-8 byte order mark, or bytes that are all valid
// UTF-8, make utf8; anything else is cp932. With `complete` false the bytes are the start of a
// longer text, and a character cut at their end does not count against UTF-8.
MIYAGIPLAN_FUNC text_encoding detect_encoding(std::string_view bytes, bool complete = true) noexcept;

// The text as UTF-8, without a byte order mark. `encoding` automatic detects it (detect_encoding).
// A byte that cannot be decoded throws schema_error whose where() is "file:line:column" (line and
// column from 1, the column counted in characters) of that byte; file_name may be empty.
MIYAGIPLAN_FUNC std::string to_utf8(std::string_view bytes, text_encoding encoding,
                                    std::string_view file_name = {});

// UTF-8 text in `encoding` (utf8 and automatic: the text itself, checked). A character CP932 has
// no code for throws schema_error naming it (U+XXXX and the character), where() "line:column" of
// it (prefixed by "file:" when file_name is given); so does text that is not valid UTF-8.
MIYAGIPLAN_FUNC std::string from_utf8(std::string_view utf8, text_encoding encoding,
                                      std::string_view file_name = {});

// to_utf8 for files too big to hold twice: chunks of any size go in (a character may straddle two
// of them), UTF-8 comes out, appended to a string the caller owns and may empty between chunks.
//
//   utf8_decoder d(text_encoding::automatic, "actuals.csv");
//   while (read a chunk) { d.feed(chunk, out); consume whole lines of out; }
//   d.finish(out);
//
// With automatic, the encoding is detected from the first bytes: the first chunk, or the first
// 4 KiB when the first chunks are shorter. A file whose start is valid UTF-8 is read as UTF-8 to
// the end; if it later stops being valid UTF-8 (a CP932 file whose first kanji comes late), the
// error names the line and column and says to force cp932 (text_encoding::cp932).
class utf8_decoder {
 public:
  explicit utf8_decoder(text_encoding encoding = text_encoding::automatic,
                        std::string file_name = {});
  ~utf8_decoder();
  utf8_decoder(utf8_decoder&&) noexcept;
  utf8_decoder& operator=(utf8_decoder&&) noexcept;
  utf8_decoder(const utf8_decoder&) = delete;
  utf8_decoder& operator=(const utf8_decoder&) = delete;

  // Decodes what it can of `chunk`, appending UTF-8 to `out`; a character cut at the end waits
  // for the next chunk. Throws schema_error at the first byte that cannot be decoded.
  MIYAGIPLAN_FUNC void feed(std::string_view chunk, std::string& out);
  // The end of the input: a character still cut is an error.
  MIYAGIPLAN_FUNC void finish(std::string& out);
  // automatic until the first bytes have been seen, then utf8 or cp932.
  MIYAGIPLAN_FUNC text_encoding encoding() const noexcept;

  struct state;

 private:
  std::unique_ptr<state> state_;
};

}  // namespace miyagiplan::office

#define MIYAGIPLAN_NEEDS_OFFICE_ENCODING_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_OFFICE_ENCODING_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
