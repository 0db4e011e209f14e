// Evaluation as offices practise it (PRACTICE.md §1–§3): expected values at dates (milestones),
// revised targets and baselines, exclusions with a reason, figures known only once published,
// projections at the present pace, and the scalar path's checks. Worked cases by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <utility>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

using namespace miyagiplan;

namespace {

using test_support::bundled;

observation figure(const indicator& ind, const char* when, const char* value,
                   observation_status status = observation_status::actual, const char* note = "") {
  observation o;
  o.indicator_id = ind.id;
  o.when = parse_date(when);
  o.value = parse_quantity(value, ind.unit);
  o.status = status;
  o.note = note;
  return o;
}

// 1-1-1 (2,280 件 at 平成22年12月末 → 4,000 件 at 平成25年度末) with the milestones of the issue.
indicator with_milestones() {
  indicator ind = bundled().indicator_at("1-1-1");
  ind.milestones = {{parse_date("平成23年度末"), parse_quantity("2,500", ind.unit)},
                    {parse_date("平成24年度末"), parse_quantity("3,000", ind.unit)}};
  return ind;
}

sys_days day(const char* text) { return to_western(text); }

// An indicator's actual figures, each a 時点 and a value.
observation_set figures_of(const indicator& ind, std::initializer_list<std::pair<const char*, const char*>> points) {
  observation_set set;
  for (const auto& [when, value] : points) set.add(figure(ind, when, value));
  return set;
}

// What the default scheme projects for `ind` from `set` at `as_of`, and whether that reaches the target.
void check_projection(const indicator& ind, const observation_set& set, const char* as_of, double projected,
                      bool reaches) {
  INFO(ind.id << " at " << as_of);
  const assessment a = evaluate(ind, set, day(as_of)).assessment;
  CHECK(*a.projected == doctest::Approx(projected));
  CHECK(*a.will_reach == reaches);
}

}  // namespace

TEST_SUITE("practice") {

TEST_CASE("milestones: the expected value runs through them, else the straight line") {
  const indicator plain = bundled().indicator_at("1-1-1");
  const indicator ind = with_milestones();
  observation_set set;
  set.add(figure(ind, "平成24年度末", "3,100"));

  // 3,100 at 平成24年度末: on track against the milestone 3,000 ...
  const assessment a = evaluate(ind, set, day("平成24年度末")).assessment;
  CHECK(*a.expected == doctest::Approx(3000));
  CHECK(a.expected_from_milestones);
  CHECK(a.status == progress_status::on_track);
  // ... and behind the straight line's 2,280 + 1,720 × 821 / 1,186 ≈ 3,471.
  const assessment straight = evaluate(plain, set, day("平成24年度末")).assessment;
  CHECK(*straight.expected == doctest::Approx(2280 + 1720.0 * 821 / 1186));
  CHECK(*straight.expected == doctest::Approx(3470.6).epsilon(0.001));
  CHECK_FALSE(straight.expected_from_milestones);
  CHECK(straight.status == progress_status::behind);

  // At a milestone's date, the milestone; between two, linear in time; before the first, linear
  // from the baseline; after the last, linear to the target.
  observation_set at_first;
  at_first.add(figure(ind, "平成23年度末", "2,600"));
  CHECK(*evaluate(ind, at_first, day("平成23年度末")).assessment.expected == doctest::Approx(2500));
  // 2012-09-30 is 183 of the 365 days from 2012-03-31 to 2013-03-31.
  observation_set mid;
  mid.add(figure(ind, "平成24年9月30日", "2,700"));
  CHECK(*evaluate(ind, mid, day("平成24年9月30日")).assessment.expected == doctest::Approx(2500 + 500.0 * 183 / 365));
  observation_set first;
  first.add(figure(ind, "平成23年9月30日", "2,400"));
  // 2010-12-31 → 2011-09-30 is 273 of the 456 days to 2012-03-31.
  CHECK(*evaluate(ind, first, day("平成23年9月30日")).assessment.expected == doctest::Approx(2280 + 220.0 * 273 / 456));
  observation_set last;
  last.add(figure(ind, "平成25年9月30日", "3,600"));
  // 2013-03-31 → 2013-09-30 is 183 of the 365 days to 2014-03-31.
  CHECK(*evaluate(ind, last, day("平成25年9月30日")).assessment.expected == doctest::Approx(3000 + 1000.0 * 183 / 365));
  // The explanation names where the expected value came from.
  CHECK(evaluate(ind, set, day("平成24年度末")).explanation.find("from the milestones") != std::string::npos);
}

TEST_CASE("milestones keep to the plan's rules") {
  plan p = bundled();
  indicator& ind = *p.find_indicator("1-1-1");
  ind.milestones = {{parse_date("平成24年度末"), parse_quantity("3,000", ind.unit)},
                    {parse_date("平成23年度末"), parse_quantity("2,500", ind.unit)}};
  const auto problems = p.problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where == "indicator 1-1-1 milestone 2");
  plan q = bundled();
  indicator& rank = *q.find_indicator("2-2-2");
  rank.milestones = {{parse_date("平成24年度末"), parse_quantity("0", rank.unit)}};
  CHECK_THROWS_AS(q.validate(), validation_error);
}

TEST_CASE("a revision in force replaces the target from its date on; the original is kept") {
  indicator ind = bundled().indicator_at("1-1-1");
  revision r;
  r.when = parse_date("平成24年6月1日");
  r.target = dated_value{parse_date("平成25年度末"), parse_quantity("4,500", ind.unit)};
  r.reason = "登録の伸びが想定を上回ったため";
  ind.revisions.push_back(r);
  observation_set set;
  set.add(figure(ind, "平成25年度末", "4,200"));

  // Before the decision: the document's 4,000, reached.
  const assessment before = evaluate(ind, set, day("平成24年5月31日")).assessment;
  CHECK(before.revisions_in_force == 0);
  CHECK_FALSE(before.original_target);

  // At 平成25年度末 the revised 4,500 is in force: (4,200 − 2,280) / (4,500 − 2,280) = 86.5 %.
  const indicator_assessment after = evaluate(ind, set, day("平成25年度末"));
  CHECK(after.assessment.revisions_in_force == 1);
  CHECK(*after.assessment.target == doctest::Approx(4500));
  CHECK(*after.assessment.original_target == doctest::Approx(4000));
  CHECK(*after.assessment.rate == doctest::Approx(1920.0 / 2220));
  CHECK_FALSE(after.assessment.reached);
  CHECK(after.assessment.grade == "B");
  CHECK(after.explanation.find("target revised on 平成24年6月1日 (登録の伸びが想定を上回ったため)") != std::string::npos);
  CHECK(after.explanation.find("the original target was 4,000 件") != std::string::npos);

  // A new baseline: Ibaraki takes a later actual as the new 基準値.
  indicator reset = bundled().indicator_at("1-1-1");
  reset.revisions.push_back({parse_date("平成24年4月1日"), std::nullopt,
                             dated_value{parse_date("平成23年度末"), parse_quantity("3,000", reset.unit)},
                             "平成22年は参考値とした"});
  const assessment b = evaluate(reset, set, day("平成25年度末")).assessment;
  CHECK(*b.baseline == doctest::Approx(3000));
  CHECK(*b.original_baseline == doctest::Approx(2280));
  CHECK(*b.rate == doctest::Approx(1200.0 / 1000));  // (4,200 − 3,000) / (4,000 − 3,000), reached
  CHECK(b.reached);

  // A revision that changes nothing breaks the plan's rules.
  plan p = bundled();
  p.find_indicator("1-1-1")->revisions.push_back({parse_date("平成24年6月1日"), std::nullopt, std::nullopt, "?"});
  CHECK_THROWS_AS(p.validate(), validation_error);
}

TEST_CASE("an excluded figure takes the indicator out of the evaluation and the roll-ups, with its reason") {
  const plan& p = bundled();
  const indicator& ind = p.indicator_at("1-1-1");
  observation_set set;
  set.add(figure(ind, "平成23年度末", "2,900"), &p);
  set.add(figure(ind, "平成24年度末", "－", observation_status::excluded, "震災の影響で集計を停止"), &p);
  const indicator_assessment a = evaluate(ind, set, day("平成24年度末"));
  CHECK(a.assessment.status == progress_status::excluded);
  CHECK(a.assessment.grade == "－");
  CHECK_FALSE(a.assessment.evaluable());
  CHECK(a.excluded_reason == "震災の影響で集計を停止");
  CHECK(a.explanation == "excluded from the evaluation (除外): 震災の影響で集計を停止 → －");
  CHECK(a.observations == std::vector<std::size_t>{1});
  // Before the exclusion, the indicator is evaluated as usual: 2,900 short of the expected ~2,941.
  CHECK(evaluate(ind, set, day("平成23年度末")).assessment.status == progress_status::behind);

  // The scheme names the label; the roll-up of measure 1-1 leaves the indicator out.
  scheme s = scheme::miyagi();
  s.excluded = "対象外";
  CHECK(evaluate(ind, set, day("平成24年度末"), s).assessment.grade == "対象外");
  const report r = evaluate(p, set, day("平成24年度末"));
  const rollup& m = r.measures.front();
  REQUIRE(m.id == "1-1");
  const std::size_t indicators_of_measure = p.measure_at("1-1").indicators.size();
  CHECK(m.total == indicators_of_measure - 1);
  CHECK(m.evaluable == 0);

  // An exclusion needs its reason.
  CHECK_THROWS_AS(set.add(figure(ind, "平成25年度末", "－", observation_status::excluded), &p), validation_error);
  // 速報, 確定 and 除外 are read by their Japanese names.
  CHECK(enum_from_string<observation_status>("速報") == observation_status::provisional);
  CHECK(enum_from_string<observation_status>("確定") == observation_status::final);
  CHECK(enum_from_string<observation_status>("除外") == observation_status::excluded);
}

TEST_CASE("figures published later are not used earlier; the age of the figure used is shown") {
  const plan& p = bundled();
  const indicator& ind = p.indicator_at("1-1-1");
  observation_set set;
  observation fy2011 = figure(ind, "平成23年度末", "2,900");
  fy2011.published = parse_date("平成24年8月31日");
  observation fy2012 = figure(ind, "平成24年度末", "3,656");
  fy2012.published = parse_date("平成25年8月30日");
  set.add(fy2011, &p);
  set.add(fy2012, &p);

  // As of 平成25年6月30日 the FY2012 figure is not out yet: the FY2011 one, 456 days old, is used.
  const indicator_assessment june = evaluate(ind, set, day("平成25年6月30日"));
  CHECK(*june.assessment.actual == doctest::Approx(2900));
  CHECK(*june.assessment.figure_age == 456);
  CHECK(*june.assessment.figure_published == day("平成24年8月31日"));
  CHECK(june.observations == std::vector<std::size_t>{0});
  CHECK(june.explanation.find("the figure used is 456 days old (published 2012-08-31)") != std::string::npos);
  // From its day of publication on, the newer figure.
  CHECK(*evaluate(ind, set, day("平成25年8月30日")).assessment.actual == doctest::Approx(3656));

  // A 速報 is replaced by the 確定 figure of the same date once that is published.
  observation_set revised;
  observation first = figure(ind, "平成24年度末", "3,500", observation_status::provisional);
  first.published = parse_date("平成25年5月1日");
  observation final_figure = figure(ind, "平成24年度末", "3,656", observation_status::final);
  final_figure.published = parse_date("平成25年8月30日");
  revised.add(final_figure, &p);
  revised.add(first, &p);
  CHECK(*evaluate(ind, revised, day("平成25年6月30日")).assessment.actual == doctest::Approx(3500));
  CHECK(*evaluate(ind, revised, day("平成25年9月30日")).assessment.actual == doctest::Approx(3656));

  // A date of publication before the period it reports on is refused.
  observation wrong = figure(ind, "平成24年度", "3,000");
  wrong.published = parse_date("平成24年1月1日");
  CHECK_THROWS_AS(set.add(wrong, &p), validation_error);
}

TEST_CASE("the published column is read from CSV and JSON (公表日), and written back") {
  const plan& p = bundled();
  const auto set = observation_set::from_csv(
      "指標ID,時点,実績値,区分,公表日,備考\n"
      "1-1-1,平成23年度末,\"2,900\",速報,平成24年8月31日,\n"
      "1-2-1,平成23年度末,－,除外,,震災の影響\n",
      p);
  REQUIRE(set.size() == 2);
  CHECK(set.items()[0].status == observation_status::provisional);
  CHECK(set.items()[0].published == parse_date("平成24年8月31日"));
  CHECK(set.items()[1].status == observation_status::excluded);
  CHECK_FALSE(set.items()[1].published);
  CHECK(observation_set::from_csv(set.to_csv(p), p) == set);
  CHECK(observation_set::from_json(set.to_json_text(p), p) == set);
  CHECK(set.to_csv(p).rfind("indicator,date,value,status,total,source,note,published\n", 0) == 0);
  // An exclusion without a reason is an error at its place.
  CHECK_THROWS_WITH_AS(observation_set::from_csv("indicator,date,value,status\n1-1-1,平成23年度末,－,除外\n", p, "a.csv"),
                       doctest::Contains("a.csv:2:"), schema_error);
  CHECK_THROWS_WITH_AS(
      observation_set::from_json(R"({"schema": "miyagiplan.Observations.1", "observations": [{"indicator": "1-1-1", "date": "平成23年度末", "value": 1,
                                  "published": "平成99年13月"}]})",
                                 p, "a.json"),
      doctest::Contains("a.json:/observations/0/published"), schema_error);
}

TEST_CASE("a projection at the present pace, and whether it reaches the target") {
  const indicator ind = bundled().indicator_at("1-1-1");
  const observation_set set = figures_of(ind, {{"平成23年度末", "2,500"}, {"平成24年度末", "3,000"}});
  // The line through the last two values: +500 a year, 3,500 at 平成25年度末, short of 4,000.
  check_projection(ind, set, "平成24年度末", 3500, false);

  // One value: the baseline counts as the first. 2,280 (2010-12-31) → 2,900 (2012-03-31, 456
  // days), carried on 730 more days to 2014-03-31.
  check_projection(ind, figures_of(ind, {{"平成23年度末", "2,900"}}), "平成23年度末", 2900 + 620.0 * 730 / 456, false);

  // Least squares through the baseline and both values; CAGR from the baseline to the last value.
  scheme ls = scheme::miyagi();
  ls.projection = projection::least_squares;
  const double x0 = 0, x1 = 456, x2 = 821, xt = 1186;
  const double mx = (x0 + x1 + x2) / 3, my = (2280.0 + 2500 + 3000) / 3;
  const double slope = ((x0 - mx) * (2280 - my) + (x1 - mx) * (2500 - my) + (x2 - mx) * (3000 - my)) /
                       ((x0 - mx) * (x0 - mx) + (x1 - mx) * (x1 - mx) + (x2 - mx) * (x2 - mx));
  CHECK(*evaluate(ind, set, day("平成24年度末"), ls).assessment.projected == doctest::Approx(my + slope * (xt - mx)));
  scheme growth = scheme::miyagi();
  growth.projection = projection::cagr;
  const double years = 821 / 365.2425, rest = 365 / 365.2425;
  const double rate = std::pow(3000.0 / 2280, 1 / years) - 1;
  CHECK(*evaluate(ind, set, day("平成24年度末"), growth).assessment.projected ==
        doctest::Approx(3000 * std::pow(1 + rate, rest)));
  // The scheme's projection method round-trips through JSON.
  CHECK(scheme::from_json(growth.to_json_text()) == growth);
  CHECK(scheme::miyagi().to_json_text().find("projection") == std::string::npos);

  // Lower is better: the cost 4-4-1, 2,223 → 1,920 百万円; 2,100 then 1,950 projects 1,800.
  const indicator cost = bundled().indicator_at("4-4-1");
  check_projection(cost, figures_of(cost, {{"平成23年度", "2,100"}, {"平成24年度", "1,950"}}), "平成24年度末", 1800e6,
                   true);
}

TEST_CASE("the scalar path checks what a file's figure must keep to") {
  const plan& p = bundled();
  const indicator& rank = p.indicator_at("2-2-2");  // a rank among 47
  observation zero = figure(rank, "平成25年度末", "1");
  zero.value = quantity::of(0, rank.unit);
  CHECK_THROWS_AS((void)evaluate(rank, zero, day("平成25年度末")), validation_error);
  observation nan = figure(rank, "平成25年度末", "30");
  nan.value.value = std::nan("");
  CHECK_THROWS_AS((void)evaluate(rank, nan, day("平成25年度末")), validation_error);
  CHECK(evaluate(rank, figure(rank, "平成25年度末", "30"), day("平成25年度末")).assessment.grade == "A");
  const indicator& share = p.indicator_at("2-1-1");  // 0–100 ％
  CHECK_THROWS_AS((void)evaluate(share, figure(share, "平成25年度末", "120"), day("平成25年度末")), validation_error);
  // An observation of another indicator is refused.
  CHECK_THROWS_AS((void)evaluate(share, figure(rank, "平成25年度末", "30"), day("平成25年度末")), validation_error);
}

TEST_CASE("ibaraki: each year against its 期待値 (A ≥ 期待値, B+ ≥ 80 %, B ≥ 50 %, C)") {
  const scheme s = scheme::ibaraki();
  CHECK(scheme::preset("ibaraki") == s);
  const indicator ind = with_milestones();  // 期待値 2,500 at 平成23年度末, 3,000 at 平成24年度末
  auto grade_of = [&](const char* value, const char* when) {
    observation_set set;
    set.add(figure(ind, when, value));
    return evaluate(ind, set, day(when), s).assessment.grade;
  };
  // Progress from the baseline 2,280 towards the 期待値 3,000 (720 to go) at 平成24年度末.
  CHECK(grade_of("3,000", "平成24年度末") == "A");   // 100 %
  CHECK(grade_of("2,856", "平成24年度末") == "B+");  // 576 / 720 = 80 %
  CHECK(grade_of("2,855", "平成24年度末") == "B");
  CHECK(grade_of("2,640", "平成24年度末") == "B");   // 360 / 720 = 50 %
  CHECK(grade_of("2,639", "平成24年度末") == "C");
  // At 平成23年度末 against its own 期待値 2,500 (220 to go): 2,500 is A.
  CHECK(grade_of("2,500", "平成23年度末") == "A");
  CHECK(grade_of("2,400", "平成23年度末") == "B");  // 120 / 220 = 55 %
}

TEST_CASE("nagayo: by direction and distance from the baseline") {
  const scheme s = scheme::nagayo();
  const indicator ind = bundled().indicator_at("1-1-1");  // 2,280 → 4,000
  auto grade_of = [&](const char* value) {
    observation_set set;
    set.add(figure(ind, "平成24年度末", value));
    return evaluate(ind, set, day("平成24年度末"), s).assessment.grade;
  };
  CHECK(grade_of("4,000") == "S");  // the target passed
  CHECK(grade_of("2,508") == "A");  // +10 %
  CHECK(grade_of("2,400") == "B");  // +5 %: within ±10 %
  CHECK(grade_of("2,052") == "B");  // −10 %
  CHECK(grade_of("2,000") == "C");  // below
  CHECK(scheme::from_json(s.to_json_text()) == s);
  // Lower is better: the cost 4-4-1 from 2,223 百万円; 1,950 is 12 % better.
  const indicator cost = bundled().indicator_at("4-4-1");
  observation_set costs;
  costs.add(figure(cost, "平成24年度", "1,950"));
  CHECK(evaluate(cost, costs, day("平成24年度末"), s).assessment.grade == "A");
}

TEST_CASE("a no-change band: a change under ±3 points is 現状維持") {
  scheme s = scheme::miyagi();
  s.no_change_band = 3;
  s.no_change_points = 1.5;
  const plan& p = bundled();
  const indicator& share = p.indicator_at("2-1-1");  // 58.8％ → 70％
  auto grade_of = [&](const char* value) {
    observation_set set;
    set.add(figure(share, "平成25年度末", value), &p);
    return evaluate(share, set, day("平成25年度末"), s).assessment;
  };
  CHECK(grade_of("61.7％").grade == "現状維持");  // +2.9 points
  CHECK(grade_of("61.7％").points == 1.5);
  CHECK(grade_of("56.0％").grade == "現状維持");  // −2.8 points
  CHECK(grade_of("62.0％").grade == "C");         // +3.2 points: (62 − 58.8) / 11.2 = 29 %
  CHECK(grade_of("70.0％").grade == "A");
  // The roll-ups count the label, and the JSON scheme keeps the band.
  observation_set set;
  set.add(figure(share, "平成25年度末", "60.0％"), &p);
  const report r = evaluate(p, set, day("平成25年度末"), s);
  const rollup& m = *std::find_if(r.measures.begin(), r.measures.end(), [](const rollup& x) { return x.id == "2-1"; });
  CHECK(m.grade_counts == std::vector<std::pair<std::string, std::size_t>>{{"A", 0}, {"B", 0}, {"C", 0}, {"現状維持", 1}, {"N", 0}});
  CHECK(scheme::from_json(s.to_json_text()) == s);
  s.no_change_band = -1;
  CHECK_THROWS_AS(s.validate(), validation_error);
}

TEST_CASE("weights and points-based roll-ups: sums mapped onto levels (Sano, Aioi)") {
  plan p = bundled();
  // Measure 2-2 has 2-2-1 (33 → 39 件) and 2-2-2 (40 → 30 位).
  p.find_indicator("2-2-1")->weight = 3;
  observation_set set;
  set.add(figure(p.indicator_at("2-2-1"), "平成25年度末", "39"), &p);  // A = 3
  set.add(figure(p.indicator_at("2-2-2"), "平成25年度末", "40"), &p);  // C = 1
  const report weighted = evaluate(p, set, day("平成25年度末"));
  const auto measure = [](const report& r) {
    return *std::find_if(r.measures.begin(), r.measures.end(), [](const rollup& x) { return x.id == "2-2"; });
  };
  // (3 × 3 + 1 × 1) / 4 = 2.5 → 順調; unweighted it would be 2.0 → 概ね順調.
  CHECK(*measure(weighted).average_points == doctest::Approx(2.5));
  CHECK(measure(weighted).rating == "順調");
  CHECK(*measure(weighted).sum_points == doctest::Approx(10));
  CHECK(*measure(evaluate(bundled(), set, day("平成25年度末"))).average_points == doctest::Approx(2.0));

  // Aioi: ◎ 5, ○ 2, △ 0, ▲ −1, the sum mapped onto 継続 / 改善 / 再構築 / 見直し.
  const scheme aioi = scheme::from_json(R"({"schema": "miyagiplan.Scheme.1", "name": "aioi",
    "formula": "baseline_relative", "rollup_by": "sum",
    "bands": [{"label": "◎", "reached": true, "points": 5}, {"label": "○", "min_rate": 0.8, "points": 2},
              {"label": "△", "min_rate": 0, "points": 0}, {"label": "▲", "points": -1}],
    "not_evaluable": "－",
    "rollup": [{"label": "継続", "min_points": 5}, {"label": "改善", "min_points": 2},
               {"label": "再構築", "min_points": 0}, {"label": "見直し"}]})");
  CHECK(aioi.rollup_by == rollup_basis::sum);
  const rollup sum = measure(evaluate(bundled(), set, day("平成25年度末"), aioi));
  // 2-2-1 reached (◎ 5), 2-2-2 no better than its baseline (△ 0): 5 → 継続.
  CHECK(*sum.sum_points == doctest::Approx(5));
  CHECK(sum.rating == "継続");
  CHECK(scheme::from_json(aioi.to_json_text()) == aioi);
  // A weight must be a finite number of 0 or more.
  p.find_indicator("2-2-1")->weight = -1;
  CHECK_THROWS_AS(p.validate(), validation_error);
}

}  // TEST_SUITE

TEST_CASE("an actual in another unit of the same base reads scaled; a bare number stays in the unit as written") {
  const unit million = unit::parse("百万円");
  for (const char* text : {"1,872,000,000円", "18億7200万円", "18.72億円", "1872百万円", "1,872", "1872"})
    CHECK_MESSAGE(parse_actual(text, million).value == 1872000000.0, text);
  CHECK(parse_actual("18億7200万円", million).text == "18億7200万円");
  CHECK(parse_actual("1兆2億円", million).value == 1000200000000.0);
  CHECK(parse_actual("3万5000件", unit::parse("件")).value == 35000);
  // Another base, a bare number with 億 in it, or the plan's own reader: refused as before.
  CHECK_THROWS_AS(parse_actual("1,872件", million), parse_error);
  CHECK_THROWS_AS(parse_actual("18億7200万", million), parse_error);
  CHECK_THROWS_AS(parse_quantity("1,872,000,000円", million), parse_error);
  // Evaluated as the same figure: 4-4-1 (維持管理経費, 百万円) at 平成25年度末.
  const indicator& ind = test_support::bundled().indicator_at("4-4-1");
  observation a;
  a.indicator_id = ind.id;
  a.when = parse_date("平成25年度末");
  a.value = parse_actual("18億7200万円", ind.unit);
  observation b = a;
  b.value = parse_actual("1,872", ind.unit);
  const sys_days as_of = to_western("平成25年度末");
  CHECK(evaluate(ind, a, as_of).assessment.rate == evaluate(ind, b, as_of).assessment.rate);
  // A file's actuals read the same way.
  const observation_set file = observation_set::from_csv(
      "indicator,date,value\n4-4-1,平成25年度末,18億7200万円\n", test_support::bundled());
  CHECK(file.at(0).value.value == 1872000000.0);
}
