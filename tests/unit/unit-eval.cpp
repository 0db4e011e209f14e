// Attainment evaluation: worked cases by hand for every kind of indicator of the bundled plan,
// the edge rules, every formula, the schemes and the roll-ups, and the actuals files.
#include <doctest/doctest.h>

#include <thread>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

using namespace miyagiplan;

namespace {

using test_support::bundled;

// Observations written as the document would: date text and a value in the display unit.
observation_set actuals(std::initializer_list<std::tuple<const char*, const char*, const char*>> rows,
                        const plan& p = bundled()) {
  observation_set set;
  for (const auto& [id, when, value] : rows) {
    observation o;
    o.indicator_id = id;
    o.when = parse_date(when);
    o.value = parse_quantity(value, p.indicator_at(id).unit);
    set.add(std::move(o), &p);
  }
  return set;
}

indicator_assessment judge(const char* id, const observation_set& set, const char* as_of,
                           const scheme& s = scheme::miyagi(), const plan& p = bundled()) {
  return evaluate(p.indicator_at(id), set, to_western(as_of), s);
}

}  // namespace

TEST_CASE("a count: 1-1-1, 2,280 件 → 4,000 件, judged at the end of FY2012") {
  const auto r = judge("1-1-1", actuals({{"1-1-1", "平成24年度末", "3,656"}}), "平成24年度末");
  const assessment& a = r.assessment;
  CHECK(*a.rate == doctest::Approx(0.8));  // (3,656 − 2,280) / (4,000 − 2,280)
  CHECK(a.grade == "B");
  // Expected: linear from 2010-12-31 to 2014-03-31, 821 of 1,186 days gone.
  CHECK(*a.expected == doctest::Approx(2280 + 1720.0 * 821 / 1186));
  CHECK(a.status == progress_status::on_track);
  CHECK(r.observations == std::vector<std::size_t>{0});
  CHECK(r.explanation.find("(3,656件 − 2,280件) / (4,000件 − 2,280件) = 80.0 %") != std::string::npos);
}

TEST_CASE("a percentage reached: 2-1-1, 58.8％ → 70％") {
  const auto a = judge("2-1-1", actuals({{"2-1-1", "平成25年度末", "70.0％"}}), "平成25年度末").assessment;
  CHECK(a.reached);
  CHECK(*a.rate == doctest::Approx(1.0));
  CHECK(a.grade == "A");
  CHECK(a.status == progress_status::achieved);
}

TEST_CASE("the rank: 2-2-2, 40位 → 30位, lower is better") {
  SUBCASE("improving short of the target") {
    const auto a = judge("2-2-2", actuals({{"2-2-2", "平成25年度末", "32"}}), "平成25年度末").assessment;
    CHECK(*a.rate == doctest::Approx(0.8));
    CHECK(a.grade == "B");
  }
  SUBCASE("a worsening gives a negative rate") {
    const auto a = judge("2-2-2", actuals({{"2-2-2", "平成25年度末", "41位"}}), "平成25年度末").assessment;
    CHECK(*a.rate == doctest::Approx(-0.1));
    CHECK(a.grade == "C");
  }
  SUBCASE("beyond the target") {
    const auto a = judge("2-2-2", actuals({{"2-2-2", "平成25年度末", "29"}}), "平成25年度末").assessment;
    CHECK(a.reached);
    CHECK(*a.rate == doctest::Approx(1.1));
    CHECK(a.grade == "A");
  }
  SUBCASE("the simple ratio inverts for lower-is-better") {
    scheme s = scheme::miyagi();
    s.formula = formula::simple_ratio;
    const auto a = judge("2-2-2", actuals({{"2-2-2", "平成25年度末", "32"}}), "平成25年度末", s).assessment;
    CHECK(*a.rate == doctest::Approx(30.0 / 32));
  }
  SUBCASE("a rank outside 1–47 is refused") {
    CHECK_THROWS_AS(actuals({{"2-2-2", "平成25年度末", "48"}}), validation_error);
    CHECK_THROWS_AS(actuals({{"2-2-2", "平成25年度末", "0"}}), validation_error);
  }
}

TEST_CASE("the cost: 4-4-1, 2,223 → 1,920 百万円, cut by about 22 %") {
  const auto r = judge("4-4-1", actuals({{"4-4-1", "平成25年度", "1,734"}}), "平成25年度末");
  CHECK(*r.assessment.actual == doctest::Approx(1734e6));  // yen
  CHECK(*r.assessment.rate == doctest::Approx(489.0 / 303));
  CHECK(r.assessment.grade == "A");
  CHECK(r.explanation.find("1,734百万円") != std::string::npos);
}

TEST_CASE("a running total uses the latest value at or before the date: 5-3-1 ［累計］") {
  const auto set = actuals({{"5-3-1", "平成23年度末", "600"}, {"5-3-1", "平成24年度末", "720"}});
  const auto later = judge("5-3-1", set, "平成24年度末").assessment;
  CHECK(*later.actual == 720);
  CHECK(*later.rate == doctest::Approx(230.0 / 366));
  CHECK(later.grade == "C");
  const auto earlier = judge("5-3-1", set, "2012-06-30").assessment;
  CHECK(*earlier.actual == 600);
  const auto before = judge("5-3-1", set, "2012-03-30").assessment;
  CHECK_FALSE(before.actual);
  CHECK(before.grade == "N");
}

TEST_CASE("a period total sums the fiscal-year flows: 3-2-1, 82,500 件 over 平成23～25年度") {
  const auto set = actuals({{"3-2-1", "平成23年度", "26,000"}, {"3-2-1", "平成24年度", "27,500"},
                            {"3-2-1", "平成25年度", "28,000"}});
  const auto end = judge("3-2-1", set, "平成25年度末");
  CHECK(*end.assessment.actual == 81500);
  CHECK(*end.assessment.baseline == 0);  // the 9-month baseline is shown, not used as a start
  CHECK(*end.assessment.rate == doctest::Approx(81500.0 / 82500));
  CHECK(end.assessment.grade == "B");
  CHECK(end.observations.size() == 3);
  CHECK(end.explanation.find("19,618") != std::string::npos);
  const auto middle = judge("3-2-1", set, "平成24年度末").assessment;
  CHECK(*middle.actual == 53500);
  CHECK(*middle.expected == doctest::Approx(82500.0 * 731 / 1096));
  CHECK(middle.status == progress_status::behind);
}

TEST_CASE("a completion target uses the share done: 4-5-1, 全所属") {
  SUBCASE("85 of 120 departments") {
    observation_set set;
    observation o;
    o.indicator_id = "4-5-1";
    o.when = parse_date("平成24年度末");
    o.value = parse_quantity("85", bundled().indicator_at("4-5-1").unit);
    o.total = 120;
    set.add(o, &bundled());
    const auto a = judge("4-5-1", set, "平成24年度末").assessment;
    CHECK(*a.actual == doctest::Approx(85.0 / 120));
    CHECK(a.grade == "C");
    CHECK(a.status == progress_status::on_track);  // two of three years gone: 66.7 % expected
  }
  SUBCASE("every department") {
    const auto a = judge("4-5-1", actuals({{"4-5-1", "平成25年度末", "全所属"}}), "平成25年度末").assessment;
    CHECK(a.reached);
    CHECK(a.grade == "A");
  }
}

TEST_CASE("a frequency checks every fiscal year of the period: 4-5-2, 1回／年") {
  SUBCASE("a year missed") {
    const auto set = actuals({{"4-5-2", "平成23年度", "1"}, {"4-5-2", "平成24年度", "0"}, {"4-5-2", "平成25年度", "1"}});
    const auto a = judge("4-5-2", set, "平成25年度末").assessment;
    CHECK(a.years_due == 3);
    CHECK(a.years_met == 2);
    CHECK_FALSE(a.reached);
    CHECK(a.grade == "C");
  }
  SUBCASE("on track after two years") {
    const auto set = actuals({{"4-5-2", "平成23年度", "1"}, {"4-5-2", "平成24年度", "1回／年"}});
    const auto a = judge("4-5-2", set, "平成24年度末").assessment;
    CHECK(a.years_due == 2);
    CHECK(*a.rate == 1.0);
    CHECK_FALSE(a.reached);
    CHECK(a.status == progress_status::on_track);
    CHECK(a.grade == "B");
  }
  SUBCASE("every year") {
    const auto set = actuals({{"4-5-2", "平成23年度", "1"}, {"4-5-2", "平成24年度", "2"}, {"4-5-2", "平成25年度", "1"}});
    CHECK(judge("4-5-2", set, "平成25年度末").assessment.grade == "A");
  }
}

TEST_CASE("an estimate baseline is used and flagged: 4-6-1, 平成22年度（見込）") {
  const auto r = judge("4-6-1", actuals({{"4-6-1", "平成25年度", "12,682"}}), "平成25年度末");
  CHECK(r.assessment.baseline_estimate);
  CHECK(*r.assessment.rate == doctest::Approx(0.5));
  CHECK(r.explanation.find("見込") != std::string::npos);
}

TEST_CASE("edge rules") {
  plan p = bundled();
  SUBCASE("target equals baseline") {
    p.set_target("1-1-1", {parse_date("平成25年度末"), parse_quantity("2,280", unit::parse("件"))});
    CHECK(judge("1-1-1", actuals({{"1-1-1", "平成25年度末", "2,280"}}, p), "平成25年度末", scheme::miyagi(), p)
              .assessment.grade == "A");
    const auto short_of = judge("1-1-1", actuals({{"1-1-1", "平成25年度末", "2,052"}}, p), "平成25年度末", scheme::miyagi(), p);
    CHECK(*short_of.assessment.rate == doctest::Approx(0.9));  // the ratio, as nothing was to be closed
    CHECK(short_of.assessment.grade == "B");
  }
  SUBCASE("no numeric baseline: － for a level falls back to the ratio to the target") {
    indicator& i = *p.find_indicator("1-1-1");
    i.baseline.value = quantity::of_state(value_state::missing);
    const auto a = judge("1-1-1", actuals({{"1-1-1", "平成25年度末", "3,000"}}, p), "平成25年度末", scheme::miyagi(), p).assessment;
    CHECK(a.formula == formula::simple_ratio);
    CHECK(*a.rate == doctest::Approx(0.75));
    CHECK_FALSE(a.baseline);
  }
  SUBCASE("実施なし counts as 0") {
    const auto a = judge("4-5-2", actuals({{"4-5-2", "平成23年度", "1"}}), "平成23年度末").assessment;
    CHECK(*a.baseline == 0);
  }
  SUBCASE("over-achievement is kept by miyagi and clamped by OKR") {
    const auto set = actuals({{"1-1-1", "平成25年度末", "5,000"}});
    CHECK(*judge("1-1-1", set, "平成25年度末").assessment.rate > 1.5);
    const auto okr = judge("1-1-1", set, "平成25年度末", scheme::okr()).assessment;
    CHECK(*okr.rate == 1.0);
    CHECK(okr.grade == "green");
  }
  SUBCASE("no actual: not evaluable") {
    const auto a = judge("1-1-1", observation_set{}, "平成25年度末").assessment;
    CHECK(a.grade == "N");
    CHECK(a.status == progress_status::not_evaluable);
    CHECK_FALSE(a.rate);
  }
  SUBCASE("a final figure wins over an estimate for the same date") {
    observation_set set = actuals({{"3-1-1", "平成25年度（見込）", "2,600"}, {"3-1-1", "平成25年度", "2,700"}});
    CHECK(*judge("3-1-1", set, "平成25年度末").assessment.actual == doctest::Approx(2700e8));
  }
}

TEST_CASE("the growth formulas: CAGR ratio (Open SDG) and the UNSD 2023 extrapolation") {
  plan p = bundled();
  indicator& i = *p.find_indicator("1-1-1");
  i.baseline = {parse_date("2010-03-31"), parse_quantity("100", i.unit)};
  i.target = {parse_date("2014-03-31"), parse_quantity("200", i.unit)};
  const auto set = actuals({{"1-1-1", "2012-03-31", "150"}}, p);
  const double years_observed = 731 / 365.2425, years_required = 1461 / 365.2425;
  const double observed = std::pow(1.5, 1 / years_observed) - 1, required = std::pow(2.0, 1 / years_required) - 1;
  const auto sdg = judge("1-1-1", set, "2012-03-31", scheme::open_sdg(), p).assessment;
  CHECK(*sdg.rate == doctest::Approx(observed / required));
  CHECK(sdg.grade == "substantial_progress");
  const auto unsd = judge("1-1-1", set, "2012-03-31", scheme::unsd_2023(), p).assessment;
  const double projected = 150 * std::pow(1 + observed, 730 / 365.2425);
  CHECK(*unsd.rate == doctest::Approx((projected - 100) / 100));
  CHECK(unsd.grade == "on_track");
  SUBCASE("a zero becomes 0.001") {
    i.baseline.value = parse_quantity("0", i.unit);
    CHECK(judge("1-1-1", set, "2012-03-31", scheme::open_sdg(), p).assessment.rate);
  }
  SUBCASE("one point gives no result") {
    const auto same_day = actuals({{"1-1-1", "2010-03-31", "100"}}, p);
    CHECK(judge("1-1-1", same_day, "2012-03-31", scheme::open_sdg(), p).assessment.grade == "not_available");
  }
  SUBCASE("expected progress: against the value expected by now") {
    scheme s = scheme::miyagi();
    s.formula = formula::expected_progress;
    const auto a = judge("1-1-1", set, "2012-03-31", s, p).assessment;
    const double expected = 100 + 100 * 731.0 / 1461;
    CHECK(*a.expected == doctest::Approx(expected));
    CHECK(*a.rate == doctest::Approx(50 / (expected - 100)));
  }
}

TEST_CASE("schemes: presets, a user's scheme from JSON, and validation") {
  for (const auto& name : scheme::preset_names()) {
    const scheme s = scheme::preset(name);
    CHECK_NOTHROW(s.validate());
    CHECK(scheme::from_json(s.to_json_text()) == s);
  }
  CHECK_THROWS_AS(scheme::preset("osaka"), not_found_error);
  const scheme osaka = scheme::from_json(R"({"schema": "miyagiplan.Scheme.1", "name": "osaka", "formula": "simple_ratio",
    "bands": [{"label": "◎", "min_rate": 1.1, "points": 4}, {"label": "○", "min_rate": 0.8, "points": 3},
              {"label": "△", "min_rate": 0.5, "points": 2}, {"label": "×", "points": 1}],
    "not_evaluable": "－", "rollup": [{"label": "good", "min_points": 3}, {"label": "poor"}]})");
  const auto a = judge("1-1-1", actuals({{"1-1-1", "平成25年度末", "3,600"}}), "平成25年度末", osaka).assessment;
  CHECK(a.grade == "○");  // 3,600 / 4,000 = 90 %
  CHECK_THROWS_AS(scheme::from_json(R"({"schema": "miyagiplan.Scheme.1", "name": "x", "formula": "median",
    "bands": [{"label": "x", "points": 1}], "not_evaluable": "N"})"), schema_error);
  CHECK_THROWS_AS(scheme::from_json(R"({"schema": "miyagiplan.Scheme.1", "name": "x", "formula": "simple_ratio",
    "bands": [{"label": "x", "min_rate": 0.5, "points": 1}], "not_evaluable": "N"})"), schema_error);
}

TEST_CASE("the whole plan: grades, roll-ups per measure, area and goal") {
  const auto set = observation_set::load(MIYAGIPLAN_SOURCE_DIR "/examples/illustrative-actuals.csv", bundled());
  CHECK(set.size() == 75);
  const report r = evaluate(bundled(), set, to_western("平成25年度末"));
  REQUIRE(r.indicators.size() == 25);
  CHECK(r.indicators.front().indicator_id == "1-1-1");
  CHECK(r.find("1-1-1")->assessment.grade == "A");
  CHECK(r.find("2-1-1")->assessment.grade == "C");
  CHECK(r.measures.size() == 17);
  CHECK(r.areas.size() == 5);
  // Both goals span all five areas: one roll-up of the whole plan, not two identical goal rows.
  CHECK(r.goals.empty());
  REQUIRE(r.overall.size() == 1);
  CHECK(r.overall[0].kind == "plan");
  CHECK(r.overall[0].id == "miyagi-it-2013");
  CHECK(r.overall[0].total == 25);
  // Area 1: A, B, A → (3 + 2 + 3) / 3 = 2.67 ≥ 2.5 → 順調.
  CHECK(*r.areas[0].average_points == doctest::Approx(8.0 / 3));
  CHECK(r.areas[0].rating == "順調");
  // Measure 2-1: one C → 遅れている; measure 2-2: A and C → 2.0 → 概ね順調.
  CHECK(r.measures[3].id == "2-1");
  CHECK(r.measures[3].rating == "遅れている");
  CHECK(r.measures[4].rating == "概ね順調");
  const report none = evaluate(bundled(), observation_set{}, to_western("平成25年度末"));
  CHECK(none.areas[0].rating == "N");
  CHECK(none.areas[0].evaluable == 0);
}

TEST_CASE("goals roll up separately only when they divide the areas between them") {
  plan p = bundled();
  p.goals[0].areas = {"1", "2"};
  p.goals[1].areas = {"3", "4", "5"};
  const auto set = observation_set::load(MIYAGIPLAN_SOURCE_DIR "/examples/illustrative-actuals.csv", p);
  const report r = evaluate(p, set, to_western("平成25年度末"));
  CHECK(r.overall.empty());
  REQUIRE(r.goals.size() == 2);
  CHECK(r.goals[0].id == "G1");
  // G1 holds the indicators of areas 1 and 2, G2 the rest.
  CHECK(r.goals[0].total == r.areas[0].total + r.areas[1].total);
  CHECK(r.goals[1].total == 25 - r.goals[0].total);
  // The same areas in another order are the same span.
  p.goals[1].areas = {"2", "1"};
  const report same = evaluate(p, set, to_western("平成25年度末"));
  CHECK(same.goals.empty());
  CHECK(same.overall.size() == 1);
}

TEST_CASE("evaluations are pure: the same report from several threads at once") {
  const auto set = observation_set::load(MIYAGIPLAN_SOURCE_DIR "/examples/illustrative-actuals.csv", bundled());
  const report expected = evaluate(bundled(), set, to_western("平成25年度末"));
  std::vector<std::string> grades(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < grades.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        const report r = evaluate(bundled(), set, to_western("平成25年度末"));
        std::string g;
        for (const auto& a : r.indicators) g += a.assessment.grade;
        grades[t] = g;
      }
    });
  for (auto& t : threads) t.join();
  std::string want;
  for (const auto& a : expected.indicators) want += a.assessment.grade;
  for (const auto& g : grades) CHECK(g == want);
}

TEST_CASE("actuals files: CSV and JSON, bad rows reported with file, line and column") {
  const plan& p = bundled();
  SUBCASE("CSV in display and base units, states, statuses, quoted fields") {
    const auto set = observation_set::from_csv(
        "indicator,date,value,status,source,note\n"
        "4-4-1,平成25年度,\"1,734\",実績,\"pref, 2015\",\n"
        "4-5-1,平成25年度末,全所属,,,\n"
        "3-1-1,平成25年度（見込）,2610,,,\n", p, "a.csv");
    REQUIRE(set.size() == 3);
    CHECK(set.items()[0].value.value == doctest::Approx(1734e6));
    CHECK(set.items()[0].source == "pref, 2015");
    CHECK(set.items()[1].value.state == value_state::all);
    CHECK(set.items()[2].status == observation_status::estimate);
    const auto base = observation_set::from_csv("indicator,date,value_base\n4-4-1,2014-03-31,1734000000\n", p);
    CHECK(base.items()[0].value.value == 1734e6);
    CHECK(observation_set::from_csv(set.to_csv(p), p) == set);
    CHECK(observation_set::from_json(set.to_json_text(p), p) == set);
  }
  struct bad_case {
    const char* text;
    const char* where;
    const char* says;
  };
  const bad_case bad[] = {
      {"indicator,date\n", "a.csv:1:1", "value"},
      {"indicator,date,value,colour\n", "a.csv:1:22", "unknown column"},
      {"indicator,date,value\n9-9-9,平成25年度,1\n", "a.csv:2:1", "no indicator \"9-9-9\""},
      {"indicator,date,value\n1-1-1,平成25年13月,1\n", "a.csv:2:7", "a month 1–12"},
      {"indicator,date,value\n1-1-1,平成25年度末,abc\n", "a.csv:2:15", "a number"},
      {"indicator,date,value\n2-1-1,平成25年度末,101\n", "a.csv:2:15", "outside"},
      {"indicator,date,value\n1-1-1,平成25年度末,1,2\n", "a.csv:2:1", "expected 3 fields"},
      {"indicator,date,value,status\n1-1-1,平成25年度末,1,予定\n", "a.csv:2:17", "observation status"},
      {"indicator,date,value\n1-1-1,平成25年度末,\"1\n", "a.csv", "closing quote"},
      {"indicator,date,value\n1-1-1,平成25年度末,1\n1-1-1,x,1\n", "a.csv:3:7", "a date"},
  };
  for (const auto& c : bad) {
    CAPTURE(c.text);
    try {
      (void)observation_set::from_csv(c.text, p, "a.csv");
      FAIL("accepted");
    } catch (const schema_error& e) {
      CHECK(e.where() == c.where);
      CHECK(std::string(e.what()).find(c.says) != std::string::npos);
    }
  }
  SUBCASE("JSON errors name the file and the JSON pointer") {
    try {
      (void)observation_set::from_json(R"({"schema": "miyagiplan.Observations.1", "observations": [
        {"indicator": "1-1-1", "date": "平成25年度末", "value": 3000},
        {"indicator": "1-1-1", "date": "平成25年度末", "value": "3,000人"}]})", p, "a.json");
      FAIL("accepted");
    } catch (const schema_error& e) {
      CHECK(e.where() == "a.json:/observations/1/value");
    }
  }
}
