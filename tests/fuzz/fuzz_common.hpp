// What every fuzz target shares: the bundled plan, and checks that end the run.
//
// A target's contract: for any input, only a miyagiplan::error may leave the library. A target
// catches exactly that; anything else (a std::exception from deeper down, a crash, a sanitizer
// report) ends the run and is a bug. A broken round-trip property is a bug too: FUZZ_CHECK
// prints what failed and aborts, so that libFuzzer keeps the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "miyagiplan/miyagiplan.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n%s\n", file, line, what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(condition, detail)                                         \
  do {                                                                        \
    if (!(condition)) ::fuzz::fail(__FILE__, __LINE__, #condition, (detail)); \
  } while (false)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

// A copy of the bundled plan, read once.
inline const miyagiplan::plan& bundled() {
  static const miyagiplan::plan p = miyagiplan::plans::miyagi_it_2013();
  return p;
}

// A short, printable rendering of a text for failure messages.
inline std::string shown(std::string_view s) {
  std::string out = "\"";
  for (const char c : s.substr(0, 400)) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
    } else {
      out += c;
    }
  }
  if (s.size() > 400) out += "…";
  return out + "\"";
}

}  // namespace fuzz
