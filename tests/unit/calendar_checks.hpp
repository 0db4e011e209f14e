// What the calendar suites share: a text's expected reading, or the error it must give, checked
// through every reading API (parse_date, try_read_date).
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "miyagiplan/calendar.hpp"

namespace test_support {

using namespace miyagiplan;

inline std::string iso(sys_days s) {
  char buf[max_formatted_date];
  return std::string(buf, format_date_to(buf, s, date_style::iso));
}

// What a text must read as: its kind, first and last day (ISO), and flags.
struct expected_reading {
  std::string_view text;
  date_kind kind;
  std::string_view first;
  std::string_view last;
  bool estimate = false;
  bool proleptic = false;
};

inline void check_reading(const expected_reading& want, const parse_options& options = {}) {
  CAPTURE(want.text);
  date_reading core;
  date_reading_failure failure;
  const bool read = try_read_date(want.text, options, core, failure);
  CHECK_MESSAGE(read, "stopped at character ", failure.position, ": expected ", std::string_view(failure.expected));
  if (!read) return;

  const date_expression got = parse_date(want.text, options);
  CHECK(got.text() == want.text);  // the source text is kept exactly
  CHECK(to_string(got.kind()) == to_string(want.kind));
  CHECK(iso(got.days().first) == want.first);
  CHECK(iso(got.days().last) == want.last);
  CHECK(iso(got.first()) == want.first);
  CHECK(got.estimate() == want.estimate);
  CHECK(got.proleptic() == want.proleptic);
  CHECK(got.open_ended() == (want.kind == date_kind::open_ended));
  // The allocation-free core and the throwing API read alike.
  CHECK(core.kind == got.kind());
  CHECK(core.days == got.days());
  CHECK(core.estimate == got.estimate());
  CHECK(core.proleptic == got.proleptic());
}

// The fast path for common forms reads `text` exactly as the general reader does, or stops where
// it stops (a trailing space keeps a text off the fast path, so the general reader reads it).
inline void check_fast_path_reads_as_general(const std::string& text, const parse_options& options = {}) {
  CAPTURE(text);
  date_reading fast, general;
  date_reading_failure fast_failure, general_failure;
  const bool fast_read = try_read_date(text, options, fast, fast_failure);
  const bool general_read = try_read_date(text + " ", options, general, general_failure);
  REQUIRE(fast_read == general_read);
  if (!fast_read) {
    CHECK(fast_failure.position == general_failure.position);
    return;
  }
  CHECK(fast.kind == general.kind);
  CHECK(fast.days == general.days);
  CHECK(fast.proleptic == general.proleptic);
  CHECK(fast.estimate == general.estimate);
}

// A text the parser must refuse: where (in characters) and what it expected there.
struct malformed_text {
  std::string_view text;
  std::size_t position;
  std::string_view expected;  // part of the expected() text
};

inline void check_malformed(const malformed_text& bad, const parse_options& options = {}) {
  CAPTURE(bad.text);
  try {
    (void)parse_date(bad.text, options);
    FAIL_CHECK("no parse_error");
  } catch (const parse_error& e) {
    CHECK(e.position() == bad.position);
    CHECK_MESSAGE(e.expected().find(bad.expected) != std::string::npos, "expected: ", e.expected());
    CHECK(e.input() == bad.text);
    CHECK(std::string_view(e.what()).find("at character " + std::to_string(bad.position)) !=
          std::string_view::npos);
  }
  // Every failure of the library is also a miyagiplan::error.
  CHECK_THROWS_AS((void)parse_date(bad.text, options), miyagiplan::error);

  date_reading reading;
  date_reading_failure failure;
  CHECK_FALSE(try_read_date(bad.text, options, reading, failure));
  CHECK(failure.position == bad.position);
  CHECK(std::string_view(failure.expected).find(bad.expected) != std::string_view::npos);
}

}  // namespace test_support
