// Eras as data (#14): eras added at run time and from MIYAGIPLAN_EXTRA_ERAS. They change the
// process's era table, so they run in processes of their own (tests/CMakeLists.txt runs this
// program once per test case, with the environment each needs), apart from the unit suite.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "era_support.hpp"

namespace {

using namespace miyagiplan;
using era_tests::day;
using era_tests::iso;

TEST_CASE("add_era: a new era reads and formats from its first day, and nothing before it changes") {
  const sys_days before_day = day(2031, 4, 30);
  const date_expression before = parse_date("令和13年4月30日");
  CHECK_FALSE(before.proleptic());
  CHECK(format_date(day(2031, 5, 1)) == "令和13年5月1日");

  const era next = add_era("未来", "Mirai", 'X', day(2031, 5, 1));
  CHECK(static_cast<int>(next) == 5);
  CHECK(era_list().size() == 6);
  CHECK(info(next).kanji == "未来");
  CHECK(info(next).romaji == "Mirai");
  CHECK(info(next).letter == 'X');
  CHECK(info(next).first_year == 2031);
  CHECK(last_serial(era::reiwa) == before_day);
  CHECK_FALSE(last_serial(next).has_value());

  // Days before the first day read as they did.
  CHECK(parse_date("令和13年4月30日") == before);
  CHECK(era_of(before_day) == era::reiwa);
  CHECK(format_date(before_day) == "令和13年4月30日");
  // From the first day on: the new era, 元年 first.
  CHECK(era_of(day(2031, 5, 1)) == next);
  CHECK(format_date(day(2031, 5, 1)) == "未来元年5月1日");
  CHECK(format_date(day(2032, 1, 2), date_style::abbrev) == "X2.1.2");
  CHECK(to_era_date(day(2032, 1, 2)) == era_date{next, 2, 1, 2});
  CHECK(to_gregorian(era_date{next, 1, 5, 1}) == day(2031, 5, 1));
  CHECK_THROWS_AS(to_gregorian(era_date{next, 1, 4, 30}), range_error);
  CHECK(iso(parse_date("未来元年5月1日").first()) == "2031-05-01");
  CHECK(iso(parse_date("未来２年３月末").first()) == "2032-03-31");
  CHECK(iso(parse_date("X2.3.31").first()) == "2032-03-31");
  CHECK(iso(parse_date("x2.3.31").first()) == "2032-03-31");
  CHECK(parse_date("未来3年度").days() == fiscal_year(2033).days());
  CHECK(fiscal_year(2031).label() == "未来元年度");
  CHECK(fiscal_year(2031).label(fiscal_label::era, era_rule::first_day) == "令和13年度");
  // A 令和 year past the new era's start is now proleptic, as 平成32年度 is.
  CHECK(parse_date("令和14年度").proleptic());
  CHECK_THROWS_AS(parse_date("未来元年4月30日"), parse_error);
  CHECK_THROWS_AS(parse_date("令和14年度", parse_options{.strict = true}), parse_error);
  // Found in running text.
  const auto found = find_dates("期間は未来2年度から未来4年度まで、旧は令和12年3月末。");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text() == "未来2年度から未来4年度まで");
  CHECK(found[1].text() == "令和12年3月末");

  // A name of three kanji, later still.
  const era third = add_era("大未来", "Daimirai", 'D', day(2050, 1, 1));
  CHECK(format_date(day(2050, 2, 3)) == "大未来元年2月3日");
  CHECK(iso(parse_date("大未来2年1月1日").first()) == "2051-01-01");
  CHECK(era_of(day(2049, 12, 31)) == next);
  CHECK(info(third).first_serial == day(2050, 1, 1));
}

TEST_CASE("add_era: what is refused, and why") {
  // Each era is refused for one reason; the message gives it.
  struct refusal {
    std::string_view kanji, romaji;
    char letter;
    sys_days first;
    std::string_view why;
  };
  const sys_days later = day(2040, 1, 1);
  const refusal refusals[] = {
      {"平成", "Heisei2", 'Q', later, "a name no era in force has"},
      {"", "Kara", 'Q', later, "one to four kanji"},
      {"未来未来未来", "Long", 'Q', later, "one to four kanji"},
      {"未1", "Digit", 'Q', later, "no digits"},
      {"二年", "Numeral", 'Q', later, "no digits, numerals"},
      {"ab", "Ascii", 'Q', later, "a name of kanji"},
      {"未来", "reiwa", 'Q', later, "a romaji name no era in force has"},
      {"未来", "Mi rai", 'Q', later, "ASCII letters"},
      {"未来", "Mirai", 'H', later, "a letter no era in force has"},
      {"未来", "Mirai", 'f', later, "other than F"},
      {"未来", "Mirai", '1', later, "other than F"},
      {"未来", "Mirai", 'Q', day(2019, 5, 1), "after the first day of the latest era"},
      {"未来", "Mirai", 'Q', day(2010, 1, 1), "after the first day of the latest era"},
  };
  for (const refusal& r : refusals) {
    CAPTURE(r.kanji);
    CAPTURE(r.romaji);
    CAPTURE(r.letter);
    try {
      add_era(r.kanji, r.romaji, r.letter, r.first);
      FAIL("added " << r.kanji);
    } catch (const error& e) {
      CHECK_MESSAGE(std::string(e.what()).find(r.why) != std::string::npos, e.what());
    }
  }
  CHECK_THROWS_AS(add_era("未来", "Mirai", 'Q', day(2019, 5, 1)), range_error);
  CHECK_THROWS_AS(add_era("平成", "Other", 'Q', day(2040, 1, 1)), parse_error);
  CHECK(era_list().size() == 5);  // nothing was added
}

TEST_CASE("add_era: readers in other threads see the old table or the new, never a torn one") {
  era_tests::add_successive_eras_under_readers(
      [] { return parse_date("令和2年度").days() == fiscal_year(2020).days(); },
      [](const era_tests::successive_era& e, sys_days first) {
        add_era(e.name, e.romaji, e.letter, first);
        return true;
      });
}

TEST_CASE("MIYAGIPLAN_EXTRA_ERAS: a deployment's eras") {
  // Run with MIYAGIPLAN_EXTRA_ERAS="未来,Mirai,X,2031-05-01; 次代 , Jidai , j , 2040-01-01 ;".
  REQUIRE(std::getenv("MIYAGIPLAN_EXTRA_ERAS") != nullptr);
  load_extra_eras_from_environment();  // no error
  REQUIRE(era_list().size() == 7);
  CHECK(info(era(5)).kanji == "未来");
  CHECK(info(era(6)).kanji == "次代");
  CHECK(info(era(6)).romaji == "Jidai");
  CHECK(info(era(6)).letter == 'J');
  CHECK(format_date(day(2031, 4, 30)) == "令和13年4月30日");
  CHECK(format_date(day(2031, 5, 1)) == "未来元年5月1日");
  CHECK(format_date(day(2041, 1, 1)) == "次代2年1月1日");
  CHECK(iso(parse_date("J2.1.1").first()) == "2041-01-01");
  // Added after the deployment's: the next value.
  CHECK(static_cast<int>(add_era("後代", "Kodai", 'K', day(2060, 1, 1))) == 7);
}

TEST_CASE("MIYAGIPLAN_EXTRA_ERAS malformed: a parse error naming the variable, and the built-in eras") {
  // Run with MIYAGIPLAN_EXTRA_ERAS="未来,Mirai,X,2031-05-01;次代,Jidai,2040-01-01".
  try {
    load_extra_eras_from_environment();
    FAIL("no error");
  } catch (const parse_error& e) {
    CHECK(std::string(e.what()).find("MIYAGIPLAN_EXTRA_ERAS") != std::string::npos);
    CHECK(e.input() == std::getenv("MIYAGIPLAN_EXTRA_ERAS"));
    CHECK(e.position() == 41);  // the end of the second era: a fourth field is missing
  }
  // Readers that cannot throw keep the built-in eras, none of the malformed value's.
  CHECK(era_list().size() == 5);
  CHECK(format_date(day(2031, 5, 1)) == "令和13年5月1日");
  CHECK_THROWS_AS(load_extra_eras_from_environment(), parse_error);  // every time it is asked
}

}  // namespace
