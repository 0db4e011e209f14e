// The tentative era (#14): a placeholder era for testing before a new era's name is announced,
// as ICU's ICU_ENABLE_TENTATIVE_ERA. It changes the process's era table, so each case runs in a
// process of its own (tests/CMakeLists.txt runs this program once per case, with the
// environment each needs).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "era_support.hpp"

namespace {

using namespace miyagiplan;
using era_tests::day;
using era_tests::iso;

// Runs `f`, which must throw E, and checks that the message has `why`.
template <class E, class F>
void refused(F f, std::string_view why) {
  try {
    f();
    FAIL("not refused: " << why);
  } catch (const E& e) {
    CHECK_MESSAGE(std::string(e.what()).find(why) != std::string::npos, e.what());
  }
}

TEST_CASE("add_tentative_era: a placeholder era from its first day, nothing before it changed") {
  const date_expression before = parse_date("令和13年4月30日");
  CHECK_FALSE(is_tentative(era::reiwa));
  const era next = add_tentative_era(day(2031, 5, 1));
  CHECK(static_cast<int>(next) == 5);
  CHECK(era_list().size() == 6);
  CHECK(is_tentative(next));
  CHECK(info(next).kanji == "未定");
  CHECK(info(next).romaji == "Tentative");
  CHECK(info(next).letter == 'Q');
  CHECK(info(next).first_year == 2031);
  CHECK(last_serial(era::reiwa) == day(2031, 4, 30));
  CHECK_FALSE(is_tentative(era::reiwa));

  CHECK(parse_date("令和13年4月30日") == before);
  CHECK(format_date(day(2031, 4, 30)) == "令和13年4月30日");
  CHECK(format_date(day(2031, 5, 1)) == "未定元年5月1日");
  CHECK(format_date(day(2032, 1, 2), date_style::abbrev) == "Q2.1.2");
  CHECK(to_era_date(day(2032, 1, 2)) == era_date{next, 2, 1, 2});
  CHECK(iso(parse_date("未定2年3月末").first()) == "2032-03-31");
  CHECK(iso(parse_date("Q2.3.31").first()) == "2032-03-31");
  CHECK(fiscal_year(2031).label() == "未定元年度");
  CHECK(parse_date("令和14年度").proleptic());
  const auto found = find_dates("期間は未定2年度から未定4年度まで。");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text() == "未定2年度から未定4年度まで");

  // Asked again for the same day (by a deployment and by the code, say): the same era.
  CHECK(add_tentative_era(day(2031, 5, 1)) == next);
  CHECK(era_list().size() == 6);
  // One at a time: the placeholder stands for the next era.
  refused<range_error>([] { add_tentative_era(day(2040, 1, 1)); }, "a tentative era is in force, from 2031-05-01");
  CHECK(era_list().size() == 6);
}

TEST_CASE("add_tentative_era: the real era for its first day replaces it") {
  const era placeholder = add_tentative_era(day(2031, 5, 1));
  // An earlier day is refused, and the message says what to do.
  refused<range_error>([] { add_era("未来", "Mirai", 'X', day(2031, 4, 1)); }, "the tentative era, from 2031-05-01");

  const era real = add_era("未来", "Mirai", 'X', day(2031, 5, 1));
  CHECK(real == placeholder);  // the same era value: what named the placeholder names the era
  CHECK(era_list().size() == 6);
  CHECK_FALSE(is_tentative(real));
  CHECK(info(real).kanji == "未来");
  CHECK(info(real).letter == 'X');
  CHECK(format_date(day(2031, 5, 1)) == "未来元年5月1日");
  CHECK(format_date(day(2031, 4, 30)) == "令和13年4月30日");
  CHECK(iso(parse_date("未来2年3月末").first()) == "2032-03-31");
  CHECK_THROWS_AS(parse_date("未定2年3月末"), parse_error);

  // Another placeholder may follow, after the real era, and a real era after that one.
  const era second = add_tentative_era(day(2040, 1, 1));
  CHECK(static_cast<int>(second) == 6);
  CHECK(format_date(day(2041, 2, 3)) == "未定2年2月3日");
  CHECK(format_date(day(2039, 12, 31)) == "未来9年12月31日");
  const era after = add_era("後代", "Kodai", 'K', day(2050, 1, 1));
  CHECK(static_cast<int>(after) == 7);
  CHECK(is_tentative(second));
  CHECK(format_date(day(2049, 12, 31)) == "未定10年12月31日");
  // Not the latest any more: the placeholder stays, and its day is taken.
  refused<range_error>([] { add_era("次代", "Jidai", 'J', day(2040, 1, 1)); }, "after the first day of the latest era");
}

TEST_CASE("add_tentative_era: what is refused, and why") {
  refused<range_error>([] { add_tentative_era(day(2019, 5, 1)); }, "2019-05-01 is not a first day after the first day of the latest era");
  refused<range_error>([] { add_tentative_era(day(2010, 1, 1)); }, "after the first day of the latest era");
  refused<range_error>([] { add_tentative_era(day(9999, 6, 1)); }, "a first day before 9999");
  // The placeholder's names are reserved: a real era never reads as the placeholder.
  refused<parse_error>([] { add_era("未定", "Mitei", 'X', day(2040, 1, 1)); }, "the tentative era's placeholder");
  refused<parse_error>([] { add_era("未来", "TENTATIVE", 'X', day(2040, 1, 1)); }, "the tentative era's placeholder");
  CHECK(era_list().size() == 5);
  // Q is ICU's letter, which a real era may still take; then there is no letter for the placeholder.
  add_era("未来", "Mirai", 'q', day(2031, 5, 1));
  refused<parse_error>([] { add_tentative_era(day(2040, 1, 1)); }, "no era in force with Q");
  CHECK(era_list().size() == 6);
}

TEST_CASE("add_tentative_era: readers in other threads see the placeholder or the real era, never a torn table") {
  era_tests::add_successive_eras_under_readers(
      [] {
        // 2031-01-01: 令和, then the first placeholder, then the era that replaced it.
        const std::string text = format_date(day(2031, 1, 1));
        return text == "令和13年1月1日" || text == "未定元年1月1日" || text == "甲元年1月1日";
      },
      [](const era_tests::successive_era& e, sys_days first) {
        // The real era takes the placeholder's value.
        const era placeholder = add_tentative_era(first);
        return add_era(e.name, e.romaji, e.letter, first) == placeholder;
      });
}

TEST_CASE("MIYAGIPLAN_TENTATIVE_ERA: a deployment's tentative era, after its extra eras") {
  // Run with MIYAGIPLAN_EXTRA_ERAS="未来,Mirai,X,2031-05-01" and MIYAGIPLAN_TENTATIVE_ERA=" 2040-01-01 ".
  REQUIRE(std::getenv("MIYAGIPLAN_TENTATIVE_ERA") != nullptr);
  load_extra_eras_from_environment();  // no error
  REQUIRE(era_list().size() == 7);
  CHECK(info(era(5)).kanji == "未来");
  CHECK(is_tentative(era(6)));
  CHECK(info(era(6)).first_serial == day(2040, 1, 1));
  CHECK(format_date(day(2039, 12, 31)) == "未来9年12月31日");
  CHECK(format_date(day(2040, 1, 1)) == "未定元年1月1日");
  CHECK(add_tentative_era(day(2040, 1, 1)) == era(6));  // the code may ask for it too
  // The name announced: the real era takes the placeholder's place.
  CHECK(add_era("次代", "Jidai", 'J', day(2040, 1, 1)) == era(6));
  CHECK(format_date(day(2040, 1, 1)) == "次代元年1月1日");
}

TEST_CASE("MIYAGIPLAN_TENTATIVE_ERA on the day of an extra era: the real era, no placeholder") {
  // Run with MIYAGIPLAN_EXTRA_ERAS="未来,Mirai,X,2031-05-01" and MIYAGIPLAN_TENTATIVE_ERA="2031-05-01".
  load_extra_eras_from_environment();  // no error
  REQUIRE(era_list().size() == 6);
  CHECK_FALSE(is_tentative(era(5)));
  CHECK(format_date(day(2031, 5, 1)) == "未来元年5月1日");
}

TEST_CASE("MIYAGIPLAN_TENTATIVE_ERA malformed: a parse error naming the variable, and the built-in eras") {
  // Run with a MIYAGIPLAN_TENTATIVE_ERA that is not a day, or not after the latest era (with or
  // without MIYAGIPLAN_EXTRA_ERAS, whose eras are then not added either).
  const char* value = std::getenv("MIYAGIPLAN_TENTATIVE_ERA");
  REQUIRE(value != nullptr);
  try {
    load_extra_eras_from_environment();
    FAIL("no error");
  } catch (const parse_error& e) {
    CHECK(std::string(e.what()).find("MIYAGIPLAN_TENTATIVE_ERA") != std::string::npos);
    CHECK(e.input() == value);
    CHECK(e.position() == 0);
    CHECK_MESSAGE((e.expected().find("YYYY-MM-DD") != std::string::npos ||
                   e.expected().find("after the first day of the latest era") != std::string::npos),
                  e.what());
  }
  CHECK(era_list().size() == 5);
  CHECK(format_date(day(2031, 5, 1)) == "令和13年5月1日");
  CHECK_THROWS_AS(load_extra_eras_from_environment(), parse_error);
}

}  // namespace
