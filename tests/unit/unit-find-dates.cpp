// find_dates: every date expression in running text, with its span and its reading (#14).
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include "miyagiplan/calendar.hpp"
#include "miyagiplan/calendar/boost_date.hpp"
#include "calendar_checks.hpp"

namespace {

using namespace miyagiplan;
using namespace std::string_view_literals;
using namespace test_support;

}  // namespace

TEST_SUITE("calendar") {

// A date found in running text: where (code points), the text, and its reading.
struct found_date {
  std::size_t begin, end;
  std::string_view text;
  date_kind kind;
  std::string_view first, last;
  bool estimate = false;
};

std::string read_test_file(const char* name) {
  std::ifstream in(std::string(MIYAGIPLAN_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check_matches(std::string_view text, const std::vector<date_match>& found, const parse_options& o = {}) {
  std::size_t previous_end = 0;
  for (const date_match& m : found) {
    CAPTURE(m.text());
    CHECK(m.begin >= previous_end);  // in order, never overlapping
    CHECK(m.begin < m.end);
    previous_end = m.end;
    // Parsed alone, each match reads the same.
    CHECK(parse_date(m.text(), o) == m.expression);
  }
  (void)text;
}

TEST_CASE("find_dates: every date of the plan's text, and nothing else") {
  const std::string plan = read_test_file("miyagi-it-plan-2013.txt");
  // Background (purpose, period, lineage), the chart's fiscal-year axis, and every indicator.
  constexpr found_date expected[] = {
      {137, 150, "平成２１年度～平成２２年度", date_kind::fiscal_year_span, "2009-04-01", "2011-03-31"},
      {163, 172, "平 \n\n成２８年度", date_kind::fiscal_year, "2016-04-01", "2017-03-31"},
      {254, 261, "平成２２年５月", date_kind::month, "2010-05-01", "2010-05-31"},
      {705, 712, "平成１９年３月", date_kind::month, "2007-03-01", "2007-03-31"},
      {763, 777, "平成２３年度（２０１１年度）", date_kind::fiscal_year, "2011-04-01", "2012-03-31"},
      {783, 797, "平成２５年度（２０１３年度）", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {933, 940, "平成１０年３月", date_kind::month, "1998-03-01", "1998-03-31"},
      {1040, 1047, "平成１３年８月", date_kind::month, "2001-08-01", "2001-08-31"},
      {1141, 1149, "平成１３年１２月", date_kind::month, "2001-12-01", "2001-12-31"},
      {1289, 1297, "平成１３年１２月", date_kind::month, "2001-12-01", "2001-12-31"},
      {1403, 1411, "平成１４年１０月", date_kind::month, "2002-10-01", "2002-10-31"},
      {1554, 1561, "平成１６年３月", date_kind::month, "2004-03-01", "2004-03-31"},
      {1706, 1714, "平成１８年１１月", date_kind::month, "2006-11-01", "2006-11-30"},
      {1825, 1832, "平成２１年２月", date_kind::month, "2009-02-01", "2009-02-28"},
      {1961, 1968, "平成２１年２月", date_kind::month, "2009-02-01", "2009-02-28"},
      {2075, 2083, "平成１５年１１月", date_kind::month, "2003-11-01", "2003-11-30"},
      {2086, 2093, "平成１７年３月", date_kind::month, "2005-03-01", "2005-03-31"},
      {2124, 2130, "平成１７年度", date_kind::fiscal_year, "2005-04-01", "2006-03-31"},
      {2240, 2248, "平成１８年１１月", date_kind::month, "2006-11-01", "2006-11-30"},
      {3321, 3324, "H13", date_kind::fiscal_year, "2001-04-01", "2002-03-31"},
      {3329, 3332, "H14", date_kind::fiscal_year, "2002-04-01", "2003-03-31"},
      {3342, 3345, "H15", date_kind::fiscal_year, "2003-04-01", "2004-03-31"},
      {3355, 3358, "H16", date_kind::fiscal_year, "2004-04-01", "2005-03-31"},
      {3367, 3370, "H17", date_kind::fiscal_year, "2005-04-01", "2006-03-31"},
      {3380, 3383, "H18", date_kind::fiscal_year, "2006-04-01", "2007-03-31"},
      {3392, 3395, "H19", date_kind::fiscal_year, "2007-04-01", "2008-03-31"},
      {3402, 3405, "H20", date_kind::fiscal_year, "2008-04-01", "2009-03-31"},
      {3413, 3416, "H21", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {3423, 3426, "H22", date_kind::fiscal_year, "2010-04-01", "2011-03-31"},
      {3435, 3438, "H23", date_kind::fiscal_year, "2011-04-01", "2012-03-31"},
      {3447, 3450, "H24", date_kind::fiscal_year, "2012-04-01", "2013-03-31"},
      {3459, 3462, "H25", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {3471, 3475, "H26～", date_kind::open_ended, "2014-04-01", "9999-12-31"},
      {3912, 3918, "H10.3～", date_kind::open_ended, "1998-03-01", "9999-12-31"},
      {5176, 5189, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {5200, 5209, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {5492, 5505, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {5516, 5525, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {5909, 5921, "平成 22 年 9 月末", date_kind::month_end, "2010-09-30", "2010-09-30"},
      {5930, 5939, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {6465, 6478, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {6485, 6494, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {6980, 6993, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {7001, 7010, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {7035, 7048, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {7056, 7065, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {7362, 7375, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {7384, 7393, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {7453, 7461, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {7473, 7481, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {7527, 7540, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {7547, 7556, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {9026, 9040, "平成 22 年 4～12 月", date_kind::month_span, "2010-04-01", "2010-12-31"},
      {9052, 9064, "平成 23～25 年度末", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {9101, 9109, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {9122, 9130, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {9546, 9554, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {9565, 9573, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {9971, 9979, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {9988, 9996, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {10086, 10095, "平成 21 年度末", date_kind::fiscal_year_end, "2010-03-31", "2010-03-31"},
      {10107, 10116, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {10440, 10448, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {10457, 10465, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {10811, 10819, "平成 22 年度", date_kind::fiscal_year, "2010-04-01", "2011-03-31"},
      {10824, 10835, "平成 23～25 年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {10846, 10857, "平成 23～25 年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {10896, 10904, "平成 22 年度", date_kind::fiscal_year, "2010-04-01", "2011-03-31"},
      {10912, 10923, "平成 23～25 年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {11259, 11267, "平成 21 年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {11280, 11288, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {11635, 11647, "平成 22 年度（見込）", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      {11659, 11667, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {11943, 11954, "平成 22 年 3 月", date_kind::month, "2010-03-01", "2010-03-31"},
      {11963, 11974, "平成 26 年 3 月", date_kind::month, "2014-03-01", "2014-03-31"},
      {12011, 12024, "平成 22 年 12 月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {12033, 12042, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {12438, 12450, "平成 22 年度（見込）", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      {12461, 12469, "平成 25 年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {13131, 13143, "平成 22 年 1２月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {13152, 13161, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {13208, 13220, "平成 22 年 1２月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {13230, 13239, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {13274, 13286, "平成 22 年 1２月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {13296, 13305, "平成 25 年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
  };
  const std::vector<date_match> found = find_dates(plan);
  check_matches(plan, found);
  REQUIRE(found.size() == std::size(expected));
  // The byte where each code point starts, and the end.
  std::vector<std::size_t> starts;
  for (std::size_t b = 0; b < plan.size(); ++b)
    if ((static_cast<unsigned char>(plan[b]) & 0xC0) != 0x80) starts.push_back(b);
  starts.push_back(plan.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const date_match& m = found[i];
    const found_date& want = expected[i];
    CAPTURE(want.text);
    CHECK(m.begin == want.begin);
    CHECK(m.end == want.end);
    CHECK(m.text() == want.text);
    CHECK(to_string(m.expression.kind()) == to_string(want.kind));
    CHECK(iso(m.expression.first()) == want.first);
    CHECK(iso(m.expression.last()) == want.last);
    CHECK(m.expression.estimate() == want.estimate);
    // The offsets are code points: they cut the matched text out of the plan.
    REQUIRE(m.end < starts.size());
    CHECK(plan.substr(starts[m.begin], starts[m.end] - starts[m.begin]) == m.text());
  }
}

TEST_CASE("find_dates: quantities and bare parts are no dates; PDF text and forms of #14 are") {
  for (const std::string_view prose : {"2,280 件"sv, "第3四半期"sv, "58.8％"sv, "3 年間"sv, "１回／年"sv, "ＩＴ戦略"sv,
                                       "H2O"sv, "令和"sv, "平成の時代"sv, "FY"sv, "ABC-123"sv, "12345年"sv, "3月"sv}) {
    CAPTURE(prose);
    CHECK(find_dates(prose).empty());
  }
  const std::string_view text =
      "本計画は令和5年3月31日（金）現在の状況をもとに、平成23年度から平成25年度までを期間とし、"
      "２０１１年度（平成２３年度）に始まった。実施は8月22日、受付は令和5年4月上旬。"
      "統計（H22.12.31）は2010-12-31付けで 平 成 22 年 度末見込 とした。";
  const std::vector<date_match> found = find_dates(text);
  check_matches(text, found);
  const std::string_view want[] = {"令和5年3月31日（金）現在", "平成23年度から平成25年度まで", "２０１１年度（平成２３年度）",
                                   "令和5年4月上旬", "H22.12.31", "2010-12-31付け", "平 成 22 年 度末見込"};
  REQUIRE(found.size() == std::size(want));
  for (std::size_t i = 0; i < found.size(); ++i) CHECK(found[i].text() == want[i]);
  CHECK(found[0].begin == 4);
  CHECK(found[0].end == 4 + 14);
  // With a context, dates without a year are found too.
  parse_options o;
  o.context = {2023, true};
  const std::vector<date_match> in_context = find_dates(text, o);
  check_matches(text, in_context, o);
  REQUIRE(in_context.size() == found.size() + 1);
  CHECK(in_context[3].text() == "8月22日");
  CHECK(iso(in_context[3].expression.first()) == "2023-08-22");
  // A text with bytes that are no UTF-8 still scans.
  CHECK(find_dates("\xff平成22年\xfe").size() == 1);
}


// The fast scan (vector test, digit runs skipped, counting by words) against the reference
// that tries every character: the same matches, offsets and readings.
void check_same_as_reference(std::string_view text, const parse_options& o = {}) {
  const std::vector<date_match> fast = find_dates(text, o);
  const std::vector<date_match> slow = detail::find_dates_reference(text, o);
  CAPTURE(text);
  REQUIRE(fast.size() == slow.size());
  for (std::size_t i = 0; i < fast.size(); ++i) {
    CHECK(fast[i].begin == slow[i].begin);
    CHECK(fast[i].end == slow[i].end);
    CHECK(fast[i].expression == slow[i].expression);
  }
}

TEST_CASE("find_dates: the fast scan finds what trying every character finds") {
  const std::string plan = read_test_file("miyagi-it-plan-2013.txt");
  check_same_as_reference(plan);
  parse_options in_context;
  in_context.context = {2023, true};
  check_same_as_reference(plan, in_context);
  // Every cut of the plan's text, so that dates stand at every place of a sixteen-byte block
  // and at the text's end.
  for (std::size_t from = 0; from < 40; ++from) check_same_as_reference(std::string_view(plan).substr(from, 600 + 7 * from));
  for (std::size_t cut = 0; cut + 64 < plan.size(); cut += 997)
    check_same_as_reference(std::string_view(plan).substr(cut, 64));
  // Random texts of date fragments, prose, full-width digits, stray spaces and broken bytes.
  const std::string_view pieces[] = {
      "平成", "令和", "昭和", "明治", "大正", "㍻", "㋿", "平", "成", "皇紀", "FY", "H", "R", "h", "Ｈ", "ｒ",
      "元", "年", "年度", "月", "日", "末", "末日", "上旬", "（金）", "(月)", "現在", "付け", "から", "まで",
      "～", "-", "－", ".", "/", "（", "）", "見込", "第3四半期", "2,280 件", "H2O", "ＩＴ", "の", "、",
      " ", "\u3000", "\n", "0", "1", "2", "5", "9", "12", "22", "31", "2010", "20101231", "２", "３", "１２",
      "二", "十", "三", "〇", "\xff", "\xe5\xb9", "慶応", "8月22日", "平成23年度（2011年度）", "令和5年3月31日"};
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&] {  // splitmix64: the same texts on every run
    std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  };
  for (int t = 0; t < 20000; ++t) {
    std::string text;
    const std::size_t count = 1 + next() % 40;
    for (std::size_t k = 0; k < count; ++k) text += pieces[next() % std::size(pieces)];
    check_same_as_reference(text);
    if (t % 4 == 0) check_same_as_reference(text, in_context);
  }
}

}  // TEST_SUITE
