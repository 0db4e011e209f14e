// Days before 1873 (#14 item 5): the eras from 大化 and the lunisolar calendar, read and written.
// The facts checked here come from data/calendar/ (内田正男『日本暦日原典』 via the wareki gem);
// the Python suite checks every month of the tables against the TSV files themselves.
#include <doctest/doctest.h>

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

#include "calendar_checks.hpp"
#include "miyagiplan/calendar.hpp"

namespace {

using namespace miyagiplan;
using namespace test_support;

sys_days day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

std::string lunisolar_text(sys_days d) {
  format_options o;
  o.lunisolar = true;
  return format_date(d, o);
}

}  // namespace

TEST_SUITE("lunisolar") {

TEST_CASE("the checks of the data's README") {
  CHECK(iso(to_western("明治5年11月9日")) == "1872-12-09");  // the 改暦詔書
  CHECK(iso(to_western("明治5年12月2日")) == "1872-12-31");  // the last lunisolar day
  CHECK(iso(to_western("明治6年1月1日")) == "1873-01-01");   // the first Gregorian one
  CHECK(lunisolar_month_days(1872, 12) == day_span{day(1872, 12, 30), day(1872, 12, 31)});
  CHECK(lunisolar_year_days(first_lunisolar_year).first == day(445, 1, 25));
  CHECK(lunisolar_year_days(last_lunisolar_year) == day_span{day(1872, 2, 9), day(1872, 12, 31)});
}

TEST_CASE("every form, with its span") {
  // One text a line: the text, its kind, its first and last day.
  constexpr std::string_view readings = R"(
# A year is the span of its lunisolar year.
慶応3年                         year              1867-02-05 1868-01-24
明治元年                        year              1868-01-25 1869-02-10
明治5年                         year              1872-02-09 1872-12-31
慶応4年                         year              1868-01-25 1869-02-10
大化元年                        year              0645-02-05 0646-01-24
天平感宝元年                    year              0749-01-27 0750-02-14
天平21年                        year              0749-01-27 0750-02-14
# Both courts of 1331–1392 read: 正平10年 (南朝) and 文和4年 (北朝) are one year.
正平10年                        year              1355-02-21 1356-02-09
文和4年                         year              1355-02-21 1356-02-09
建武4年                         year              1337-02-10 1338-01-29
# Months and days through the month tables; 閏 for a leap month.
慶応3年4月                      month             1867-05-04 1867-06-02
天保14年閏9月1日                day               1843-10-23 1843-10-23
天保14年閏9月                   month             1843-10-23 1843-11-21
天保14年9月末                   month_end         1843-10-22 1843-10-22
明治元年閏4月                   month             1868-05-22 1868-06-19
明治5年12月2日                  day               1872-12-31 1872-12-31
明治5年12月晦日                 month_end         1872-12-31 1872-12-31
明治5年12月2日（火）            day               1872-12-31 1872-12-31
M5.12.2                         day               1872-12-31 1872-12-31
明治五年十二月二日              day               1872-12-31 1872-12-31
慶応3年10月上旬                 day_span          1867-10-27 1867-11-05
# Ranges, across the reform too.
慶応3年～明治2年                year_span         1867-02-05 1870-01-31
明治5年12月1日～明治6年1月1日   day_span          1872-12-30 1873-01-01
慶応3年4～5月                   month_span        1867-05-04 1867-07-01
明治元年4月～閏4月              month_span        1868-04-23 1868-06-19
# 明治5年度 is FY1872, which reaches 1873 (as before).
明治5年度                       fiscal_year       1872-04-01 1873-03-31
)";
  std::size_t count = 0;
  for (std::size_t at = 0; at < readings.size();) {
    const std::size_t end = readings.find('\n', at);
    const std::string line(readings.substr(at, end - at));
    at = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string text, kind, first, last;
    fields >> text >> kind >> first >> last;
    check_reading({text, enum_from_string<date_kind>(kind), first, last});
    ++count;
  }
  CHECK(count == 26);
}

TEST_CASE("past an era's end is proleptic, refused when strict; before its first day is refused") {
  const date_expression e = parse_date("慶応4年10月1日");  // 慶応 ended on 1868-10-23 (明治元年9月8日)
  CHECK(iso(e.first()) == "1868-11-14");
  CHECK(e.proleptic());
  CHECK_FALSE(parse_date("慶応4年9月7日").proleptic());
  parse_options strict;
  strict.strict = true;
  CHECK_THROWS_AS(parse_date("慶応4年10月1日", strict), parse_error);
  CHECK_NOTHROW(parse_date("慶応4年9月7日", strict));
}

TEST_CASE("every error says where and what") {
  // One text a line: the text, the character where reading stops, part of what was expected there.
  constexpr std::string_view refused = R"(
慶応3年閏4月              4   a month without 閏 (that year has no leap month)
天保14年閏8月             5   閏9月 or no 閏 (that year's leap month is 閏9月)
明治5年12月3日            7   1–2: 明治5年12月, the last lunisolar month, has 2 days
明治5年12月31日           7   1–2
M5.12.31                  6   1–2
天保14年9月30日           7   that lunisolar month has 29 days
天保14年閏9月31日         8   that lunisolar month has 30 days
慶応3年4月0              6   that lunisolar month has 30 days
正平3年4月0日            6   that lunisolar month has
慶応3年13月               4   a month 1–12
慶応10年                  2   an era year before 1873
慶応0年                   2   an era year of 1 (元年) or more
慶応元年1月1日            0   a date on or after the era's first day
慶応3年度                 2   a year before 1873 has no fiscal year
明治4年度                 2   明治6年1月1日 (1873-01-01)
平成22年閏4月             5   閏 months are lunisolar
2010年閏4月               5   閏 months are lunisolar
慶応3年閏                 5   a number
慶応3年閏4日              6   月 after 閏
明治5年12月2日（月）      10  火 (the weekday of that day)
)";
  std::size_t count = 0;
  for (std::size_t at = 0; at < refused.size();) {
    const std::size_t end = refused.find('\n', at);
    std::istringstream fields(std::string(refused.substr(at, end - at)));
    at = end + 1;
    std::string text, expected;
    std::size_t position = 0;
    if (!(fields >> text >> position)) continue;
    std::getline(fields >> std::ws, expected);
    check_malformed({text, position, expected});
    ++count;
  }
  CHECK(count == 20);
}

TEST_CASE("every era's first day is 元年 of that era, and reads back") {
  for (const std::string_view name : {"大化", "白雉", "天平感宝", "元弘", "正慶", "延元", "暦応", "明徳", "慶応", "明治"}) {
    CAPTURE(name);
    const auto e = find_historical_era(name);
    REQUIRE(e);
    // (明徳 is marked for both courts, but 南朝 kept 元中 until the union of 1392.)
    const auto d = to_lunisolar(e->first_day, e->court == court::south ? court::south : court::north);
    REQUIRE(d);
    CHECK(d->era == name);
    CHECK(d->year == 1);
    CHECK(to_gregorian(*d) == e->first_day);
  }
  CHECK_FALSE(find_historical_era("平成"));
  CHECK(find_historical_era("明治")->end_day == gregorian_reform_serial);
}

TEST_CASE("every lunisolar day converts to its date and back, and reads back from its text") {
  std::size_t named = 0, unnamed = 0;
  for (sys_days d = lunisolar_year_days(first_lunisolar_year).first; d < gregorian_reform_serial; d += day_count(1)) {
    const auto l = to_lunisolar(d);
    if (!l) {
      ++unnamed;
      continue;
    }
    ++named;
    if (to_gregorian(*l) != d) FAIL_CHECK(iso(d));
    if (day_count_of(d) % 17 == 0 && to_western(format_lunisolar(*l)) != d) FAIL_CHECK(iso(d), " ", format_lunisolar(*l));
  }
  CHECK(named > 400000);
  CHECK(unnamed > 70000);  // 445–645, 654–686, 686–701: no era
}

TEST_CASE("formatting a day before 1873 gives the lunisolar date when asked") {
  CHECK(lunisolar_text(day(1872, 12, 31)) == "明治5年12月2日");
  CHECK(lunisolar_text(day(1872, 12, 9)) == "明治5年11月9日");
  CHECK(lunisolar_text(day(1843, 10, 23)) == "天保14年閏9月1日");
  CHECK(lunisolar_text(day(1868, 1, 25)) == "明治元年1月1日");  // 明治 counted from that new year
  CHECK(lunisolar_text(day(1868, 1, 24)) == "慶応3年12月30日");
  CHECK(lunisolar_text(day(1355, 3, 1)) == "正平10年1月9日");  // 南朝 by default
  CHECK(format_lunisolar(*to_lunisolar(day(1355, 3, 1), court::north)) == "文和4年1月9日");
  CHECK(format_lunisolar(*to_lunisolar(day(1391, 3, 1), court::south)).starts_with("元中"));
  CHECK(format_lunisolar(*to_lunisolar(day(1391, 3, 1), court::north)).starts_with("明徳"));
  format_options o;
  o.lunisolar = true, o.weekday = true, o.gannen = false;
  CHECK(format_date(day(1868, 1, 25), o) == "明治1年1月1日（土）");
  o.weekday = false, o.gannen = true, o.kanji_numerals = true;
  CHECK(format_date(day(1872, 12, 31), o) == "明治五年十二月二日");
  o.kanji_numerals = false, o.zero_pad = true;
  CHECK(format_date(day(1872, 12, 31), o) == "明治05年12月02日");
  // From 1873 the option changes nothing; the Western styles ignore it.
  o.zero_pad = false;
  CHECK(format_date(day(1873, 1, 1), o) == "明治6年1月1日");
  o.style = date_style::iso;
  CHECK(format_date(day(1872, 12, 31), o) == "1872-12-31");
  // Without it, as before: no era date before 1873.
  CHECK_THROWS_AS(format_date(day(1872, 12, 31)), range_error);
  // Days no era named, and days before the tables.
  o.style = date_style::kanji;
  char buf[max_formatted_date];
  CHECK(format_date_to(buf, day(680, 1, 1), o) == 0);
  CHECK_THROWS_AS(format_date(day(680, 1, 1), o), range_error);
  CHECK_THROWS_AS(format_date(day(400, 1, 1), o), range_error);
  CHECK_FALSE(to_lunisolar(day(1873, 1, 1)));
}

TEST_CASE("the checked conversions refuse what is not a lunisolar day") {
  CHECK(iso(to_gregorian(lunisolar_date{"明治", 5, 12, false, 2})) == "1872-12-31");
  CHECK_THROWS_AS(to_gregorian(lunisolar_date{"明治", 5, 12, false, 3}), range_error);
  CHECK_THROWS_AS(to_gregorian(lunisolar_date{"慶応", 3, 4, true, 1}), range_error);
  CHECK_THROWS_AS(to_gregorian(lunisolar_date{"平成", 3, 4, false, 1}), range_error);
  CHECK_THROWS_AS(to_gregorian(lunisolar_date{"慶応", 1, 1, false, 1}), range_error);  // before 慶応 began
  CHECK_THROWS_AS(lunisolar_year_days(1873), range_error);
  CHECK_THROWS_AS(lunisolar_month_days(1867, 4, true), range_error);
  CHECK(lunisolar_leap_month(1843) == 9);
  CHECK(lunisolar_leap_month(1867) == 0);
}

}  // TEST_SUITE
