// The date expression parser: any text either fails with a parse_error (at the same character
// and for the same reason as try_read_date says) or reads to a span of days a date can hold.
// A text that names a day formats in every style and reads back to the same day.
#include "fuzz_common.hpp"
#include "miyagiplan/calendar/boost_date.hpp"

using namespace miyagiplan;

namespace {

std::string describe(const date_reading& r) {
  return "kind " + std::string(to_string(r.kind)) + ", days " + std::to_string(day_count_of(r.days.first)) + "…" +
         std::to_string(day_count_of(r.days.last)) + (r.estimate ? ", estimate" : "") + (r.proleptic ? ", proleptic" : "");
}

bool same(const date_reading& a, const date_reading& b) {
  return a.kind == b.kind && a.days == b.days && a.estimate == b.estimate && a.proleptic == b.proleptic;
}

// The allocation-free reader and the throwing parser agree, for one set of options.
void check_agreement(std::string_view text, const parse_options& options) {
  date_reading read;
  date_reading_failure failure;
  const bool ok = try_read_date(text, options, read, failure);
  try {
    const date_expression e = parse_date(text, options);
    FUZZ_CHECK(ok, "parse_date read " + fuzz::shown(text) + " but try_read_date failed");
    FUZZ_CHECK(same(e.reading(), read), describe(e.reading()) + " vs " + describe(read));
    FUZZ_CHECK(e.text() == text, "the text is kept as given");
  } catch (const parse_error& e) {
    FUZZ_CHECK(!ok, "parse_date failed (" + std::string(e.what()) + ") but try_read_date read " +
                        describe(read));
    FUZZ_CHECK(e.position() == failure.position && e.expected() == failure.expected,
               std::string(e.what()) + " vs position " + std::to_string(failure.position) + ", " +
                   failure.expected);
    FUZZ_CHECK(e.input() == text, "the error quotes the input");
  }
  if (!ok) return;
  // Every span is a closed span of days from the lunisolar tables' first year (445) on; from
  // 1400 on, a boost date holds them.
  FUZZ_CHECK(read.days.first <= read.days.last, describe(read));
  FUZZ_CHECK(read.days.first >= days_from_civil(first_lunisolar_year, 1, 1) &&
                 read.days.last <= open_end_serial,
             describe(read));
  if (read.days.first < days_from_civil(min_supported_year, 1, 1)) return;
  const date_expression e(std::string(text), read);
  FUZZ_CHECK(to_sys_days(to_boost_date(e.first())) == read.days.first &&
                 to_sys_days(to_boost_date(e.last())) == read.days.last,
             describe(read));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  check_agreement(text, parse_options{});
  // Strict mode accepts a subset, with the same reading and never a proleptic one.
  parse_options strict;
  strict.strict = true;
  check_agreement(text, strict);
  // Another fiscal year start (1…12, from the input's length).
  parse_options other;
  other.fiscal_start_month = 1 + static_cast<unsigned>(size % 12);
  check_agreement(text, other);

  date_reading_failure failure;
  // find_dates: in order, never overlapping, inside the text, each match reading alone the same.
  {
    std::size_t previous_end = 0, code_points = 0;
    for (std::size_t b = 0; b < text.size(); ++b) code_points += (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    for (const date_match& m : find_dates(text)) {
      FUZZ_CHECK(m.begin >= previous_end && m.begin < m.end && m.end <= code_points,
                 "match " + std::to_string(m.begin) + "…" + std::to_string(m.end) + " of " + fuzz::shown(text));
      previous_end = m.end;
      FUZZ_CHECK(text.find(m.text()) != std::string_view::npos, "the match is part of the text");
      date_reading alone;
      FUZZ_CHECK(try_read_date(m.text(), {}, alone, failure) && same(alone, m.expression.reading()),
                 fuzz::shown(m.text()) + " read alone differs: " + describe(m.expression.reading()));
    }
  }

  // find_dates in a context (dates without a year found too): the same invariants, each match
  // read alone in that context.
  {
    parse_options in_context;
    in_context.context = {2023, true};
    std::size_t previous_end = 0;
    for (const date_match& m : find_dates(text, in_context)) {
      FUZZ_CHECK(m.begin >= previous_end && m.begin < m.end, "match " + std::to_string(m.begin) + " in context");
      previous_end = m.end;
      date_reading alone;
      FUZZ_CHECK(try_read_date(m.text(), in_context, alone, failure) && same(alone, m.expression.reading()),
                 fuzz::shown(m.text()) + " read alone in context differs: " + describe(m.expression.reading()));
    }
  }

  date_reading lenient, strict_reading;
  const bool lenient_ok = try_read_date(text, {}, lenient, failure);
  if (try_read_date(text, strict, strict_reading, failure)) {
    FUZZ_CHECK(lenient_ok && same(lenient, strict_reading) && !strict_reading.proleptic,
               describe(strict_reading));
  }
  if (!lenient_ok) return 0;

  // to_western agrees on what names a day.
  try {
    const sys_days d = to_western(text);
    FUZZ_CHECK(names_a_day(lenient.kind) && d == lenient.days.first, describe(lenient));
  } catch (const parse_error&) {
    FUZZ_CHECK(!names_a_day(lenient.kind), describe(lenient));
  }

  if (lenient.kind != date_kind::day) return 0;
  // A day: every style writes a text that reads back as that day.
  const sys_days d = lenient.days.first;
  if (d < gregorian_reform_serial) {
    // A lunisolar day, written as the lunisolar calendar named it, reads back as that day.
    format_options lunisolar;
    lunisolar.lunisolar = true;
    char buf[max_formatted_date];
    const std::size_t n = format_date_to(buf, d, lunisolar);
    date_reading back;
    FUZZ_CHECK(n == 0 || (try_read_date(std::string_view(buf, n), strict, back, failure) &&
                          back.kind == date_kind::day && back.days == lenient.days && !back.proleptic),
               fuzz::shown(text) + " → " + std::string(buf, n));
    if (d < days_from_civil(min_supported_year, 1, 1)) return 0;  // the Western styles' years start at 1400
  }
  for (const date_style style : {date_style::kanji, date_style::abbrev, date_style::western, date_style::iso}) {
    std::string written;
    try {
      written = format_date(d, style);
    } catch (const range_error&) {
      // An era style before 1873-01-01: only then.
      FUZZ_CHECK((style == date_style::kanji || style == date_style::abbrev) &&
                     lenient.days.first < first_era_serial,
                 describe(lenient));
      continue;
    }
    char buf[max_formatted_date];
    const std::size_t n = format_date_to(buf, lenient.days.first, style);
    FUZZ_CHECK(std::string_view(buf, n) == written, written);
    date_reading back;
    const bool back_ok = try_read_date(written, {}, back, failure);
    FUZZ_CHECK(back_ok, fuzz::shown(text) + " → " + written + ": " + failure.expected + " at " +
                            std::to_string(failure.position));
    FUZZ_CHECK(back.kind == date_kind::day && back.days == lenient.days && !back.proleptic,
               fuzz::shown(text) + " → " + written + " → " + describe(back));
    // The era styles write the era in force: strict mode reads them too.
    FUZZ_CHECK(try_read_date(written, strict, back, failure), written);
  }
  // With the options of #14 too (a weekday, the Western year beside, kanji numerals, 皇紀, JIS X
  // 0301, zero padding, 1年): what is written reads back as the day.
  for (unsigned bits = 0; bits < 64; bits += 1 + static_cast<unsigned>(size % 7)) {
    format_options o;
    o.style = bits & 1 ? date_style::koki : bits & 2 ? date_style::jisx0301 : date_style::kanji;
    o.zero_pad = bits & 4, o.gannen = !(bits & 8), o.with_western = bits & 16, o.weekday = bits & 32;
    o.kanji_numerals = (bits & 12) == 12;
    char buf[max_formatted_date];
    const std::size_t n = format_date_to(buf, d, o);
    if (n == 0) {
      FUZZ_CHECK(o.style != date_style::koki && d < first_era_serial, describe(lenient));
      continue;
    }
    date_reading back;
    FUZZ_CHECK(try_read_date(std::string_view(buf, n), {}, back, failure) && back.days == lenient.days,
               fuzz::shown(text) + " → " + std::string(buf, n));
  }
  // And the era date of a day converts back.
  if (lenient.days.first >= first_era_serial) {
    const era_date ed = to_era_date(d);
    FUZZ_CHECK(is_valid(ed) && to_gregorian(ed) == d, describe(lenient));
  }
  return 0;
}
