// Hostile input: texts of 100 MB, JSON nested 100,000 deep, NUL bytes and invalid UTF-8, numbers
// that overflow, NaN and infinity, a truncated archive, and (skipped by default) an actuals CSV
// of ten million rows. Each must end in a miyagiplan::error that says what is wrong (or in a
// result), in bounded time and memory: never a crash, never another exception.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
namespace mp = miyagiplan;

namespace {

using test_support::bundled;

// The bundled plan's JSON text, with one replacement (which must apply).
std::string bundled_json_with(const std::string& from, const std::string& to) {
  std::string text = mp::to_json_text(bundled());
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  return text;
}

// Runs `f`, which must throw E; returns what(). (Speed is measured by the benchmarks, not here.)
template <class E, class F>
std::string must_throw(F&& f) {
  std::string what;
  try {
    f();
    FAIL("no exception");
  } catch (const std::exception& e) {
    what = e.what();
    if (!dynamic_cast<const E*>(&e))
      FAIL((dynamic_cast<const mp::error*>(&e) ? "a miyagiplan::error of another kind: "
                                                 : "not a miyagiplan::error: ")
           << what.substr(0, 300));
  }
  return what;
}

// Peak resident memory of this process so far, in MiB (Linux); 0 where unknown.
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024;
  return 0;
}

// 100 MB; 16 MB in a build with sanitizers or without optimisation, where every character
// costs far more (MIYAGIPLAN_HOSTILE_MB sets it).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__OPTIMIZE__)
constexpr std::size_t default_hostile_mb = 16;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr std::size_t default_hostile_mb = 16;
#else
constexpr std::size_t default_hostile_mb = 100;
#endif
#else
constexpr std::size_t default_hostile_mb = 100;
#endif
const std::size_t big_size = [] {
  const char* mb = std::getenv("MIYAGIPLAN_HOSTILE_MB");
  return (mb ? std::stoul(mb) : default_hostile_mb) << 20;
}();
// A message names what failed and where; it quotes only a little of a huge input.
constexpr std::size_t max_message = 2000;

mp::plan plan_with_name(const std::string& name) {
  mp::plan p = bundled();
  p.areas.at(0).measures.at(0).indicators.at(0).name = name;
  return p;
}

}  // namespace

TEST_SUITE("hostile") {

TEST_CASE("100 MB texts: a short, clear error in bounded time") {
  MESSAGE("texts of " << (big_size >> 20) << " MB");
  const std::string digits(big_size, '1');
  const std::string zeros(big_size, '0');
  const std::string spaces(big_size, ' ');
  const std::string kanji = [] {
    std::string s;
    s.reserve(big_size + 8);
    while (s.size() < big_size) s += "平成";
    return s;
  }();

  SUBCASE("parse_date") {
    for (const std::string* text : {&digits, &spaces, &kanji}) {
      const std::string what = must_throw<mp::parse_error>([&] { (void)mp::parse_date(*text); });
      CHECK(what.size() < max_message);
    }
    // The error keeps the whole input for callers that want it.
    try {
      (void)mp::parse_date(digits);
    } catch (const mp::parse_error& e) {
      CHECK(e.input().size() == big_size);
      CHECK(e.position() == 0);  // the number that is too long starts there
      CHECK(e.expected() == "a number of at most 4 digits");
    }
    mp::date_reading r;
    mp::date_reading_failure f;
    CHECK_FALSE(mp::try_read_date(spaces, {}, r, f));
    CHECK(f.position == big_size);
  }
  SUBCASE("parse_quantity") {
    const mp::unit u = mp::unit::parse("件");
    const std::string what = must_throw<mp::parse_error>([&] { (void)mp::parse_quantity(digits, u); });
    CHECK(what.find("a number of at most 18 digits at character 18") != std::string::npos);
    CHECK(what.size() < max_message);
    // Zeros are no significant digits, but the number's length is bounded all the same.
    CHECK(must_throw<mp::parse_error>([&] { (void)mp::parse_quantity(zeros, u); }).size() < max_message);
    CHECK(must_throw<mp::parse_error>([&] { (void)mp::parse_quantity(spaces, u); }).size() < max_message);
    CHECK(must_throw<mp::parse_error>([&] { (void)mp::parse_quantity("1 " + kanji, u); }).size() < max_message);
  }
  SUBCASE("plan_from_json") {
    for (const std::string* text : {&digits, &spaces, &kanji}) {
      const std::string what = must_throw<mp::schema_error>([&] { (void)mp::plan_from_json(*text); });
      CHECK(what.size() < max_message);
    }
    // A string of 100 MB in a valid plan is no error: the plan holds it.
    const mp::plan p = mp::plan_from_json(
        bundled_json_with("\"goal_area_note\": \"", "\"goal_area_note\": \"" + kanji));
    CHECK(p.goal_area_note.size() > big_size);
    // A date of 100 MB in it is a schema_error naming the spot.
    const std::string what = must_throw<mp::schema_error>([&] {
      (void)mp::plan_from_json(bundled_json_with("\"period\": \"平成23～25年度\"", "\"period\": \"" + kanji + "\""));
    });
    CHECK(what.rfind("/period: ", 0) == 0);
    CHECK(what.size() < max_message);
  }
  MESSAGE("peak RSS after the 100 MB texts: " << peak_rss_mib() << " MiB");
}

TEST_CASE("JSON nested 100,000 deep is a schema_error, not a stack overflow") {
  const std::string arrays(100000, '[');
  const std::string objects = [] {
    std::string s;
    for (int k = 0; k < 100000; ++k) s += "{\"a\":";
    return s;
  }();
  for (const std::string* text : {&arrays, &objects}) {
    CHECK(must_throw<mp::schema_error>([&] { (void)mp::parse_json(*text); })
              .find("nesting deeper than 64 levels") != std::string::npos);
    (void)must_throw<mp::schema_error>([&] { (void)mp::plan_from_json(*text); });
    (void)must_throw<mp::schema_error>(
        [&] { (void)mp::observation_set::from_json(*text, bundled()); });
  }
  // Closed again, too: the depth is checked before parsing.
  (void)must_throw<mp::schema_error>(
      [&] { (void)mp::plan_from_json(arrays + std::string(100000, ']')); });
}

TEST_CASE("NUL bytes and invalid UTF-8") {
  const std::string nul = std::string("平成22年") + '\0' + "12月末";
  const std::string bad = "平成22年\xff" "12月末";
  SUBCASE("in dates and values: a parse_error that says so") {
    for (const std::string& text : {nul, bad}) {
      CAPTURE(text);
      try {
        (void)mp::parse_date(text);
        FAIL("read");
      } catch (const mp::parse_error& e) {
        CHECK(e.position() == 5);
        CHECK(e.expected() == "valid UTF-8 text");
      }
    }
    const mp::unit u = mp::unit::parse("件");
    for (const std::string& text : {std::string("12\0件", 5), std::string("12\xc0\xaf件")})
      CHECK_THROWS_AS((void)mp::parse_quantity(text, u), mp::parse_error);
  }
  SUBCASE("a NUL in a JSON string is a character like any other: it round-trips") {
    const mp::plan p = plan_with_name(std::string("名\0前", 7));
    const std::string text = mp::to_json_text(p);
    CHECK(text.find("\\u0000") != std::string::npos);
    CHECK(mp::plan_from_json(text) == p);
  }
  SUBCASE("invalid UTF-8 in a JSON file is a schema_error") {
    CHECK(must_throw<mp::schema_error>([&] {
            (void)mp::plan_from_json(bundled_json_with("\"宮城県\"", "\"宮城\xff県\""));
          }).find("invalid JSON") != std::string::npos);
  }
  SUBCASE("a plan built in code with invalid UTF-8 cannot be written as JSON: a miyagiplan error") {
    for (const std::string& name : {std::string("名\xff前"), std::string("\xe5\x90"), std::string("\xed\xa0\x80")}) {
      const std::string what = must_throw<mp::error>([&] { (void)mp::to_json_text(plan_with_name(name)); });
      CHECK(what.find("UTF-8") != std::string::npos);
      CHECK_MESSAGE(what.find("/areas/0/measures/0/indicators/0/name") != std::string::npos, what);
    }
    // Nor a set of actuals with invalid UTF-8 in a note.
    mp::observation_set set;
    mp::observation o;
    o.indicator_id = "1-1-1";
    o.when = mp::parse_date("平成25年度末");
    o.value = mp::parse_quantity("3,656", mp::unit::parse("件"));
    o.note = "\xff";
    set.add(o, &bundled());
    (void)must_throw<mp::error>([&] { (void)set.to_json_text(bundled()); });
  }
  SUBCASE("an actuals CSV with invalid UTF-8 in a note is refused where it is") {
    const std::string what = must_throw<mp::schema_error>([&] {
      (void)mp::observation_set::from_csv("indicator,date,value,note\n1-1-1,平成25年度末,1,ok\xff\n",
                                          bundled(), "a.csv");
    });
    CHECK(what.find("a.csv:2:") == 0);
    CHECK(what.find("UTF-8") != std::string::npos);
  }
  SUBCASE("archives keep any bytes: text and binary round-trip; XML round-trips or refuses") {
    for (const std::string& name : {std::string("名\0前", 7), std::string("名\xff前")}) {
      const mp::plan p = plan_with_name(name);
      for (const auto format : {mp::archive_format::text, mp::archive_format::binary, mp::archive_format::xml}) {
        CAPTURE(static_cast<int>(format));
        std::stringstream s;
        try {
          mp::save_archive(p, s, format);
          CHECK(mp::load_archive(s, format) == p);  // never another plan
        } catch (const mp::error& e) {
          CHECK(format == mp::archive_format::xml);
          MESSAGE("XML archive of a name with bytes " << static_cast<int>(static_cast<unsigned char>(name[3]))
                  << ": " << e.what());
        }
      }
    }
  }
}

TEST_CASE("numbers that overflow") {
  SUBCASE("1e400 in JSON is a schema_error with its line and column") {
    const std::string what = must_throw<mp::schema_error>(
        [&] { (void)mp::plan_from_json(bundled_json_with("\"min\": 0,", "\"min\": 1e400,")); });
    CHECK(what.find("number overflow parsing '1e400'") != std::string::npos);
    CHECK(what.rfind("line ", 0) == 0);
  }
  SUBCASE("99999999999999999999 as a value: too many digits, wherever it is read") {
    const mp::unit u = mp::unit::parse("件");
    CHECK(must_throw<mp::parse_error>([&] { (void)mp::parse_quantity("99999999999999999999", u); })
              .find("a number of at most 18 digits") != std::string::npos);
    CHECK(must_throw<mp::schema_error>([&] {
            (void)mp::plan_from_json(bundled_json_with("\"2,280 件\"", "\"99999999999999999999 件\""));
          }).find("/baseline/value: expected a number of at most 18 digits") != std::string::npos);
    CHECK(must_throw<mp::schema_error>([&] {
            (void)mp::observation_set::from_csv("indicator,date,value\n1-1-1,平成25年度末,99999999999999999999\n",
                                                bundled(), "a.csv");
          }).find("a.csv:2:15") == 0);
    CHECK_THROWS_AS((void)mp::observation_set::from_json(
                        R"({"schema": "miyagiplan.Observations.1", "observations": [
                             {"indicator": "1-1-1", "date": "平成25年度末", "value": "99999999999999999999"}]})",
                        bundled()),
                    mp::schema_error);
    // As a JSON number it is a double (1e20): a value like any other, written back readably.
    const auto set = mp::observation_set::from_json(
        R"({"schema": "miyagiplan.Observations.1", "observations": [
             {"indicator": "1-1-1", "date": "平成25年度末", "value": 99999999999999999999}]})",
        bundled());
    CHECK(set.items().at(0).value.value == 1e20);
    CHECK(mp::observation_set::from_csv(set.to_csv(bundled()), bundled()).items().at(0).value.value == 1e20);
  }
  SUBCASE("a number that overflows only once scaled to the base unit") {
    // 1e300 億円 is 1e308 円, and 1e301 億円 is past the largest double.
    const std::string what = must_throw<mp::schema_error>([&] {
      (void)mp::observation_set::from_json(
          R"({"schema": "miyagiplan.Observations.1", "observations": [
               {"indicator": "3-1-1", "date": "平成25年度", "value": 1e301}]})",
          bundled(), "a.json");
    });
    CHECK(what.find("a.json:/observations/0/value") == 0);
  }
  SUBCASE("integers past int64 are out of range, never wrapped") {
    for (const char* n : {"18446744073709551615", "9223372036854775808", "-9223372036854775809", "1e10"}) {
      CAPTURE(n);
      (void)must_throw<mp::schema_error>([&] {
        (void)mp::plan_from_json(bundled_json_with("\"number\": 1,", std::string("\"number\": ") + n + ","));
      });
    }
  }
  SUBCASE("the largest and smallest doubles round-trip as values") {
    const mp::unit u = mp::unit::parse("件");
    for (const double v : {std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                           -std::numeric_limits<double>::max(), 1e18, 999999999999999999.0}) {
      CAPTURE(v);
      const mp::quantity q = mp::quantity::of(v, u);
      CHECK(mp::parse_quantity(q.text, u).value == v);
    }
  }
}

TEST_CASE("NaN and infinity as values") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const mp::unit u = mp::unit::parse("％");
  for (const double v : {nan, inf, -inf}) {
    CAPTURE(v);
    CHECK_THROWS_AS((void)mp::quantity::of(v, u), mp::range_error);
    // As bounds of an indicator built in code: a problem of the plan, and no JSON file that
    // would not load again.
    mp::plan p = bundled();
    mp::indicator& i = p.areas.at(1).measures.at(0).indicators.at(0);
    REQUIRE(i.bounds);
    i.bounds->max = v;
    const auto problems = p.problems();
    CHECK_MESSAGE(std::any_of(problems.begin(), problems.end(),
                              [](const mp::problem& pr) { return pr.what.find("finite") != std::string::npos; }),
                  "no problem reported");
    CHECK_THROWS_AS(p.validate(), mp::validation_error);
    (void)must_throw<mp::error>([&] { (void)mp::to_json_text(p); });
    // An observation of that value is refused by the set, whatever the plan.
    mp::observation o;
    o.indicator_id = "2-1-1";
    o.when = mp::parse_date("平成25年度末");
    o.value = mp::quantity{mp::value_state::number, v, "x", false};
    mp::observation_set set;
    CHECK_THROWS_AS(set.add(o, &bundled()), mp::validation_error);
  }
  // Texts that spell them are no numbers.
  for (const char* text : {"nan", "NaN", "inf", "-inf", "Infinity", "1e400"})
    CHECK_THROWS_AS((void)mp::parse_quantity(text, u), mp::parse_error);
  // And JSON has no NaN: a value "NaN" is text that does not read.
  CHECK_THROWS_AS((void)mp::plan_from_json(bundled_json_with("\"min\": 0,", "\"min\": NaN,")), mp::schema_error);
}

TEST_CASE("a truncated archive is a schema_error, at every cut of a small plan") {
  mp::plan p;
  p.id = "small";
  p.title = "小";
  p.period = mp::parse_date("平成23～25年度");
  p.areas.push_back(bundled().areas.at(0));
  p.areas.back().measures.resize(1);
  for (const auto format : {mp::archive_format::text, mp::archive_format::binary, mp::archive_format::xml}) {
    CAPTURE(static_cast<int>(format));
    std::ostringstream out;
    mp::save_archive(p, out, format);
    const std::string whole = out.str();
    const std::size_t needed =
        format == mp::archive_format::xml ? whole.find_last_not_of('\n') + 1 : whole.size();
    std::size_t refused = 0;
    for (std::size_t cut = 0; cut < needed; ++cut) {
      std::istringstream in(whole.substr(0, cut));
      try {
        (void)mp::load_archive(in, format);
        FAIL_CHECK("a cut at " << cut << " of " << whole.size() << " loaded");
      } catch (const mp::schema_error&) {
        ++refused;
      }
    }
    CHECK(refused == needed);
    std::istringstream in(whole);
    CHECK(mp::load_archive(in, format) == p);
  }
}

TEST_CASE("a corrupt length or tag in an archive costs no more than the input") {
  // Boost allocates a string's claimed length before reading it: 4 GB here, or 2^64 - n for -n.
  for (const char* text : {"22 serialization::archive 18 0 1 4000000000 x",
                           "22 serialization::archive 18 0 1 +4000000000 x",
                           "22 serialization::archive 18 0 1 -14000000000000000000 x",
                           "22 serialization::archive 18 0 1 18446744073709551615 x"}) {
    CAPTURE(text);
    const double before = peak_rss_mib();
    std::istringstream in(text);
    CHECK(must_throw<mp::schema_error>([&] { (void)mp::load_archive(in, mp::archive_format::text); })
              .find("truncated or corrupt text archive") == 0);
    CHECK(peak_rss_mib() - before < 100);
  }
  // The same in a binary archive: the length's eight bytes, then too few.
  std::ostringstream out;
  mp::plan small;
  small.id = "x";
  mp::save_archive(small, out, mp::archive_format::binary);
  std::string binary = out.str();
  const auto at = binary.find(std::string("\x01\0\0\0\0\0\0\0x", 9));
  REQUIRE(at != std::string::npos);
  binary[at + 4] = '\x01';  // 2^32 + 1 bytes
  CHECK_THROWS_AS((void)mp::load_archive(std::string_view(binary), mp::archive_format::binary), mp::schema_error);
  // Boost 1.74 reads past the end of a field's name when a closing tag is longer than it: every
  // such tag is a schema_error, never a read out of bounds (AddressSanitizer would tell).
  std::ostringstream xml_out;
  mp::save_archive(small, xml_out, mp::archive_format::xml);
  const std::string xml = xml_out.str();
  for (const std::string& tag : {std::string("</id_but_longer>"), "</" + std::string(64, 'x') + ">", "</" + std::string(65, 'x') + ">"}) {
    CAPTURE(tag);
    std::string changed = xml;
    changed.replace(changed.find("</id>"), 5, tag);
    CHECK_THROWS_AS((void)mp::load_archive(std::string_view(changed), mp::archive_format::xml), mp::schema_error);
  }
}

// Ten million rows: about 500 MB of CSV. Skipped by default (it takes minutes and gigabytes);
// run it with: miyagiplan_tests -tc="*ten million*" --no-skip
TEST_CASE("an actuals CSV of ten million rows" * doctest::skip()) {
  const fs::path file = fs::temp_directory_path() / ("miyagiplan-10M-" + std::to_string(std::random_device{}()) + ".csv");
  const std::size_t rows = 10'000'000;
  {
    std::ofstream out(file, std::ios::binary);
    out << "indicator,date,value,status,total,source,note\n";
    const char* ids[] = {"1-1-1", "1-2-1", "2-2-1", "3-2-2", "4-2-2", "5-1-2"};
    const char* dates[] = {"平成23年度末", "平成24年度末", "平成25年度末", "H25.3.31"};
    for (std::size_t k = 0; k < rows; ++k)
      out << ids[k % 6] << ',' << dates[k % 4] << ",\"" << (k % 9000 + 1000) / 1000 << ',' << (k % 1000 + 1000) % 1000 / 100
          << (k % 100) / 10 << k % 10 << "\",実績,,illustrative,\n";
  }
  const auto size = fs::file_size(file);
  const auto start = std::chrono::steady_clock::now();
  const mp::observation_set set = mp::observation_set::load(file, bundled());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  fs::remove(file);
  CHECK(set.size() == rows);
  MESSAGE("10M rows, " << size / (1 << 20) << " MiB of CSV: loaded in " << took.count() << " s, peak RSS "
                       << peak_rss_mib() << " MiB");
}

}  // TEST_SUITE
