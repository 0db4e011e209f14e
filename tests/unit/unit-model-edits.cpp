// The plan model's lookups (find_, _at, measure_of), its rules (validate, problems) and the
// edits that keep them or are refused, on copies of the bundled plan.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

namespace {

namespace mp = miyagiplan;
using mp::accumulation;
using mp::direction;
using mp::value_state;

using test_support::bundled;
using test_support::ids_of;
using test_support::ymd;

// A valid new indicator for measure 4-4.
mp::indicator new_indicator() {
  mp::indicator i;
  i.id = "4-4-2";
  i.name = "クラウド移行済システム数";
  i.unit = mp::unit::parse("件");
  i.direction = direction::increase;
  i.accumulation = accumulation::running_total;
  i.baseline = {mp::parse_date("平成 22 年度末"), mp::parse_quantity("3 件", i.unit)};
  i.target = {mp::parse_date("平成 25 年度末"), mp::parse_quantity("10 件", i.unit)};
  i.source = "平成 22 年度末：3 件 → 平成 25 年度末：10 件";
  return i;
}

// The validation_error an edit raises; the plan must be unchanged afterwards.
template <class Edit>
mp::validation_error refused(mp::plan& p, Edit&& edit) {
  const mp::plan before = p;
  try {
    edit(p);
  } catch (const mp::validation_error& e) {
    CHECK(p == before);
    return e;
  }
  FAIL("the edit was not refused");
  return mp::validation_error("", "");
}

// The validation_error of setting indicator `id`'s target to `value`, read in its unit, at `date`.
mp::validation_error refused_target(mp::plan& p, const std::string& id, const char* date, const char* value) {
  const mp::unit u = p.indicator_at(id).unit;
  return refused(p, [&](mp::plan& q) { q.set_target(id, {mp::parse_date(date), mp::parse_quantity(value, u)}); });
}

}  // namespace

TEST_SUITE("model") {

TEST_CASE("lookups: find_ and _at and measure_of and area_of") {
  const mp::plan& p = bundled();
  REQUIRE(p.find_indicator("4-4-1") != nullptr);
  CHECK(p.find_indicator("4-4-1")->name == "情報システムの維持管理経費");
  CHECK(p.find_indicator("9-9-9") == nullptr);
  CHECK(p.find_indicator("") == nullptr);
  CHECK(p.find_indicator("4-4") == nullptr);  // a measure's id is no indicator's
  REQUIRE(p.find_measure("3-1(2)") != nullptr);
  CHECK(p.find_measure("3-1(2)")->title == "大規模商圏や新市場からの市場獲得支援");
  CHECK(p.find_measure("3-1(4)") == nullptr);
  CHECK(p.find_area("3") == &p.areas[2]);
  CHECK(p.find_area("6") == nullptr);
  CHECK(p.find_strategy("e-japan-senryaku")->name == "ｅ-Ｊａｐａｎ戦略");
  CHECK(p.find_strategy("nothing") == nullptr);

  CHECK(&p.indicator_at("5-3-3") == p.find_indicator("5-3-3"));
  CHECK(&p.measure_at("4-6") == p.find_measure("4-6"));
  CHECK(&p.area_at("5") == &p.areas[4]);
  CHECK_THROWS_AS(p.indicator_at("9-9-9"), mp::not_found_error);
  CHECK_THROWS_WITH_AS(p.indicator_at("9-9-9"), "no indicator with id \"9-9-9\"", mp::not_found_error);
  CHECK_THROWS_WITH_AS(p.measure_at("3-3"), "no measure with id \"3-3\"", mp::not_found_error);
  CHECK_THROWS_WITH_AS(p.area_at("0"), "no area with id \"0\"", mp::not_found_error);
  CHECK_THROWS_AS(p.area_at(""), mp::error);

  // Each indicator's measure, and each measure's area.
  for (const auto* i : p.indicators()) {
    CAPTURE(i->id);
    const mp::measure* m = p.measure_of(*i);
    REQUIRE(m != nullptr);
    CHECK(i->id.rfind(m->id + "-", 0) == 0);
    const mp::area* a = p.area_of(*m);
    REQUIRE(a != nullptr);
    CHECK(i->id.rfind(a->id + "-", 0) == 0);
  }
  CHECK(p.measure_of(p.indicator_at("3-1-1")) == &p.measure_at("3-1"));
  CHECK(p.area_of(p.measure_at("3-1(2)")) == &p.areas[2]);
  // Objects of another plan (a copy) are not this plan's.
  const mp::plan copy = p;
  CHECK(p.measure_of(copy.indicator_at("3-1-1")) == nullptr);
  CHECK(p.area_of(copy.measure_at("3-1")) == nullptr);
  const mp::indicator loose = new_indicator();
  CHECK(p.measure_of(loose) == nullptr);

  // The non-const finders edit in place.
  mp::plan edited = p;
  edited.find_indicator("1-1-1")->name = "changed";
  CHECK(edited.indicator_at("1-1-1").name == "changed");
  CHECK(p.indicator_at("1-1-1").name != "changed");
  edited.find_measure("3-1(1)")->title = "changed";
  edited.find_area("2")->title = "changed";
  CHECK(edited.measure_at("3-1(1)").title == "changed");
  CHECK(edited.area_at("2").title == "changed");
  CHECK(edited != p);
}

TEST_CASE("the bundled plan keeps every rule and each copy is its own") {
  const mp::plan& p = bundled();
  CHECK(p.problems().empty());
  CHECK_NOTHROW(p.validate());
  // Each call hands out a fresh copy.
  mp::plan a = mp::plans::miyagi_it_2013();
  a.title = "changed";
  CHECK(mp::plans::miyagi_it_2013().title == "みやぎＩＴ推進プラン２０１３");
  CHECK(mp::plans::miyagi_it_2013() == p);
}

TEST_CASE("problems() names each broken rule and where") {
  mp::plan p = bundled();
  p.areas[1].measures[0].id = "1-1";                   // a duplicate measure id
  p.goals[0].areas.push_back("7");                     // a dangling area
  p.strategies[0].successors.push_back("no-such");     // a dangling strategy
  p.find_indicator("2-2-2")->target.value = mp::parse_quantity("50 位", mp::unit::parse("位"));
  const auto found = p.problems();
  auto has = [&](const std::string& where, const std::string& what) {
    return std::any_of(found.begin(), found.end(), [&](const mp::problem& x) {
      return x.where == where && x.what.find(what) != std::string::npos;
    });
  };
  CHECK(has("measure 1-1", "duplicate id"));
  CHECK(has("goal G1", "names area 7"));
  CHECK(has("strategy koudo-jouhou-tsuushin-ken-miyagi-suishin-keikaku", "names strategy no-such"));
  CHECK(has("indicator 2-2-2 target", "value 50 位 is outside 1位 … 47位"));
  CHECK(found.size() == 4);
  CHECK_THROWS_AS(p.validate(), mp::validation_error);
}

TEST_CASE("edits that keep the rules are applied") {
  mp::plan p = bundled();

  mp::measure m;
  m.id = "1-4";
  m.number = 4;
  m.title = "新しい施策";
  m.policy = {{"", "方針"}};
  p.add_measure("1", m);
  REQUIRE(p.find_measure("1-4") != nullptr);
  CHECK(p.find_measure("1-4")->title == "新しい施策");
  CHECK(p.area_of(p.measure_at("1-4")) == &p.areas[0]);
  CHECK(p.areas[0].measures.size() == 4);
  CHECK(p.measures().size() == 21);

  p.add_initiative("4-4", {2, "クラウド導入の検討", {{"・", "共同利用", {"ＨＰ"}}}});
  REQUIRE(p.measure_at("4-4").initiatives.size() == 2);
  CHECK(p.measure_at("4-4").initiatives[1].items.at(0).channels == std::vector<std::string>{"ＨＰ"});
  p.add_initiative("3-1(1)", {3, "新たな取組", {}});
  CHECK(p.measure_at("3-1(1)").initiatives.size() == 3);

  p.add_indicator("4-4", new_indicator());
  CHECK(p.indicators().size() == 26);
  CHECK(p.measure_of(p.indicator_at("4-4-2")) == &p.measure_at("4-4"));
  // In document order: after 4-4-1, before 4-5-1.
  const auto ids = ids_of(p.indicators());
  const auto at = std::find(ids.begin(), ids.end(), "4-4-2");
  REQUIRE(at != ids.end());
  CHECK(*(at - 1) == "4-4-1");
  CHECK(*(at + 1) == "4-5-1");

  const mp::unit cases = p.indicator_at("1-1-1").unit;
  p.set_target("1-1-1", {mp::parse_date("平成 26 年度末"), mp::parse_quantity("5,000 件", cases)});
  CHECK(p.indicator_at("1-1-1").target.value.value == 5000);
  CHECK(p.indicator_at("1-1-1").target.when.last() == ymd(2015, 3, 31));
  // A bound itself is allowed, and a quantity built in code too.
  p.set_target("2-1-1", {mp::parse_date("平成 25 年度末"), mp::quantity::of(100, p.indicator_at("2-1-1").unit)});
  CHECK(p.indicator_at("2-1-1").target.value.text == "100％");
  p.set_target("4-5-1", {mp::parse_date("平成 25 年度"), mp::quantity::of_state(value_state::all)});
  CHECK(p.problems().empty());
}

TEST_CASE("edits that would break a rule are refused with where and change nothing") {
  mp::plan p = bundled();
  const mp::plan original = p;

  SUBCASE("a duplicate measure id") {
    mp::measure m;
    m.id = "1-1";
    m.number = 4;
    m.title = "重複";
    const auto e = refused(p, [&](mp::plan& q) { q.add_measure("1", m); });
    CHECK(e.where() == "measure 1-1");
    CHECK(std::string(e.what()) == "measure 1-1: duplicate id");
  }
  SUBCASE("a new measure carrying a duplicate indicator") {
    mp::measure m;
    m.id = "5-4";
    m.number = 4;
    m.title = "新しい施策";
    m.indicators.push_back(new_indicator());
    m.indicators.back().id = "5-3-3";
    const auto e = refused(p, [&](mp::plan& q) { q.add_measure("5", m); });
    CHECK(e.where() == "indicator 5-3-3");
    CHECK(std::string(e.what()).find("duplicate id") != std::string::npos);
  }
  SUBCASE("a duplicate indicator id") {
    mp::indicator i = new_indicator();
    i.id = "1-1-1";
    const auto e = refused(p, [&](mp::plan& q) { q.add_indicator("1-1", i); });
    CHECK(e.where() == "indicator 1-1-1");
    CHECK(std::string(e.what()) == "indicator 1-1-1: duplicate id");
  }
  SUBCASE("an indicator without a name") {
    mp::indicator i = new_indicator();
    i.name.clear();
    const auto e = refused(p, [&](mp::plan& q) { q.add_indicator("4-4", i); });
    CHECK(e.where() == "indicator 4-4-2");
    CHECK(std::string(e.what()).find("has no name") != std::string::npos);
  }
  SUBCASE("a new indicator whose target date is before its baseline") {
    mp::indicator i = new_indicator();
    i.target.when = mp::parse_date("平成 21 年度");
    const auto e = refused(p, [&](mp::plan& q) { q.add_indicator("4-4", i); });
    CHECK(e.where() == "indicator 4-4-2");
    CHECK(std::string(e.what()).find("target date 平成 21 年度 is before its baseline date 平成 22 年度末") !=
          std::string::npos);
  }
  SUBCASE("a new percentage over 100") {
    mp::indicator i = new_indicator();
    i.unit = mp::unit::parse("％");
    i.bounds = mp::bounds{0, 100};
    i.baseline.value = mp::parse_quantity("40％", i.unit);
    i.target.value = mp::parse_quantity("150％", i.unit);
    const auto e = refused(p, [&](mp::plan& q) { q.add_indicator("4-4", i); });
    CHECK(e.where() == "indicator 4-4-2 target");
    CHECK(std::string(e.what()) == "indicator 4-4-2 target: value 150％ is outside 0％ … 100％");
  }
  SUBCASE("a target date before the baseline") {
    const auto e = refused_target(p, "1-1-1", "平成 21 年度末", "4,000 件");
    CHECK(e.where() == "indicator 1-1-1");
    CHECK(std::string(e.what()) ==
          "indicator 1-1-1: target date 平成 21 年度末 is before its baseline date 平成 22 年 12 月末");
  }
  SUBCASE("a percentage over 100") {
    const auto e = refused_target(p, "2-1-1", "平成 25 年度末", "101％");
    CHECK(e.where() == "indicator 2-1-1 target");
    CHECK(std::string(e.what()) == "indicator 2-1-1 target: value 101％ is outside 0％ … 100％");
  }
  SUBCASE("a negative percentage") {
    const auto e = refused_target(p, "4-3-1", "平成 25 年度", "-1％");
    CHECK(e.where() == "indicator 4-3-1 target");
  }
  SUBCASE("a rank outside 1 … 47") {
    const auto e = refused_target(p, "2-2-2", "平成 25 年度末", "0 位");
    CHECK(e.where() == "indicator 2-2-2 target");
    CHECK(std::string(e.what()).find("value 0 位 is outside 1位 … 47位") != std::string::npos);
  }
  SUBCASE("a value written in another unit") {
    const auto e = refused(p, [&](mp::plan& q) {
      q.set_target("2-1-1", {mp::parse_date("平成 25 年度末"), mp::parse_quantity("70 件", mp::unit::parse("件"))});
    });
    CHECK(e.where() == "indicator 2-1-1 target");
    CHECK(std::string(e.what()).find("does not match the unit ％") != std::string::npos);
  }
  SUBCASE("a value whose text says another number (the scale left out)") {
    const auto e = refused(p, [&](mp::plan& q) {
      q.set_target("4-4-1", {mp::parse_date("平成 25 年度"),
                             mp::quantity{value_state::number, 1900, "1,900 百万円", false}});
    });
    CHECK(e.where() == "indicator 4-4-1 target");
    CHECK(std::string(e.what()).find("does not read as the value it holds") != std::string::npos);
  }
  SUBCASE("a value without text") {
    const auto e = refused(p, [&](mp::plan& q) {
      q.set_target("1-2-1", {mp::parse_date("平成 25 年度末"), mp::quantity{value_state::number, 1, "", false}});
    });
    CHECK(e.where() == "indicator 1-2-1 target");
    CHECK(std::string(e.what()).find("has no value text") != std::string::npos);
  }
  SUBCASE("unknown places are not_found_error, and change nothing") {
    CHECK_THROWS_AS(p.add_measure("9", mp::measure{}), mp::not_found_error);
    CHECK_THROWS_AS(p.add_initiative("9-9", mp::initiative{}), mp::not_found_error);
    CHECK_THROWS_AS(p.add_indicator("9-9", new_indicator()), mp::not_found_error);
    CHECK_THROWS_AS(p.set_target("9-9-9", mp::dated_value{}), mp::not_found_error);
    CHECK(p == original);
  }
  CHECK(p == original);
  CHECK(p.problems().empty());
}

TEST_CASE("direction and accumulation names") {
  for (direction d : {direction::increase, direction::decrease, direction::keep})
    CHECK(mp::enum_from_string<mp::direction>(mp::to_string(d)) == d);
  for (accumulation a : {accumulation::level, accumulation::running_total, accumulation::flow,
                         accumulation::period_total, accumulation::completion, accumulation::frequency})
    CHECK(mp::enum_from_string<mp::accumulation>(mp::to_string(a)) == a);
  CHECK(mp::to_string(accumulation::running_total) == "running_total");
  CHECK(mp::to_string(direction::decrease) == "decrease");
  CHECK_THROWS_AS(mp::enum_from_string<mp::direction>("up"), mp::parse_error);
  CHECK_THROWS_AS(mp::enum_from_string<mp::accumulation>("Level"), mp::parse_error);
}

}  // TEST_SUITE
