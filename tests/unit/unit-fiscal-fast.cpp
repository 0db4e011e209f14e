// The fast path for the fiscal forms (平成23年度, 平成25年度末, 平成23～25年度) against the general
// reader, over every era and every year it may name, in UTF-8, UTF-16 and UTF-32.
#include <doctest/doctest.h>

#include <string>

#include "miyagiplan/detail/text.hpp"
#include "calendar_checks.hpp"
#include "support.hpp"

using namespace miyagiplan;
using namespace test_support;

namespace {

// As the general reader reads it (check_fast_path_reads_as_general), and from UTF-16 and UTF-32.
void compare(const std::string& text, const parse_options& o) {
  check_fast_path_reads_as_general(text, o);
  date_reading fast;
  date_reading_failure f1;
  if (!try_read_date(text, o, fast, f1)) return;
  // Code units of Python's str: the same reading in place.
  date_reading wide;
  std::u16string u16;
  std::u32string u32;
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, n] = detail::decode_utf8(text, i);
    u32 += c, i += n;
    u16 += static_cast<char16_t>(c);  // every character here is in the BMP
  }
  REQUIRE(try_read_date(std::u16string_view(u16), o, wide, f1));
  CHECK(wide.days == fast.days);
  CHECK(wide.kind == fast.kind);
  REQUIRE(try_read_date(std::u32string_view(u32), o, wide, f1));
  CHECK(wide.days == fast.days);
  CHECK(wide.proleptic == fast.proleptic);
}

}  // namespace

TEST_CASE("the fast path for fiscal forms reads exactly as the general reader") {
  const char* eras[] = {"明治", "大正", "昭和", "平成", "令和"};
  for (const bool strict : {false, true})
    for (const unsigned start : {4u, 1u, 7u}) {
      parse_options o;
      o.strict = strict;
      o.fiscal_start_month = start;
      for (const char* era : eras)
        for (int y = 0; y <= 100; ++y) {
          const std::string year = std::to_string(y);
          compare(era + year + "年度", o);
          compare(era + year + "年度末", o);
          // Spans of one to three years, and one backwards.
          compare(era + year + "～" + std::to_string(y + 2) + "年度", o);
          compare(era + year + "～" + std::to_string(y + 2) + "年度末", o);
          compare(era + year + "～" + year + "年度", o);
          if (y > 0) compare(era + year + "～" + std::to_string(y - 1) + "年度", o);
        }
    }
  for (const char* t : {"平成05年度", "平成005年度", "平成23～025年度", "平成23年度末末", "平成23～年度", "平成～25年度",
                        "平成23年", "平成23年度～", "平成23～25年", "平成23年度（見込）", "平成元年度", "令和1年度末",
                        "平成31年度末", "平成32年度", "昭和64年度", "明治5年度", "明治6年度末"})
    compare(t, parse_options{});
}
