// Every fiscal year at once (evaluate_years): the plan as of each 年度末 of its period, each
// indicator's grade movement, the counts year by year, and how the reports show them.
#include <doctest/doctest.h>

#include <array>
#include <initializer_list>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

using namespace miyagiplan;

namespace {

using test_support::bundled;

// Figures of the bundled plan's indicators: {id, date, value in the indicator's unit}.
observation_set figures(std::initializer_list<std::array<const char*, 3>> rows) {
  observation_set obs;
  for (const auto& [id, when, value] : rows) {
    observation o;
    o.indicator_id = id;
    o.when = parse_date(when);
    o.value = parse_quantity(value, bundled().indicator_at(id).unit);
    obs.add(std::move(o));
  }
  return obs;
}

// 1-1-1 (2,280 件 at 平成22年12月末 → 4,000 件 at 平成25年度末) and 4-5-2, a figure a year each.
observation_set three_years() {
  return figures({{"1-1-1", "平成23年度末", "2,900"}, {"1-1-1", "平成24年度末", "3,500"}, {"1-1-1", "平成25年度末", "4,150"},
                  {"4-5-2", "平成23年度", "1"}, {"4-5-2", "平成25年度", "0"}});
}

const std::string& grade_in(const years_report& y, std::size_t year, const std::string& id) {
  return y.years.at(year).evaluation.find(id)->assessment.grade;
}

const year_counts& counts_of(const years_report& y, const std::string& kind, const std::string& label) {
  for (const auto& c : y.counts)
    if (c.kind == kind && c.label == label) return c;
  FAIL("no counts of " << kind << " " << label);
  return y.counts.front();
}

}  // namespace

TEST_SUITE("years") {
  TEST_CASE("the bundled plan's fiscal years are those of its period, 平成23～25年度") {
    const auto years = plan_fiscal_years(bundled());
    REQUIRE(years.size() == 3);
    CHECK(years[0] == fiscal_year(2011));
    CHECK(years[2] == fiscal_year(2013));
    plan no_period = bundled();
    no_period.period = {};
    CHECK_THROWS_AS(plan_fiscal_years(no_period), range_error);
    CHECK_THROWS_AS(evaluate_years(no_period, observation_set{}), range_error);
  }

  TEST_CASE("each year is the evaluation as of its 年度末") {
    const observation_set obs = three_years();
    const years_report y = evaluate_years(bundled(), obs);
    REQUIRE(y.years.size() == 3);
    for (const auto& e : y.years) {
      CHECK(e.evaluation.as_of == e.year.last_day());
      const report alone = evaluate(bundled(), obs, e.year.last_day());
      REQUIRE(alone.indicators.size() == e.evaluation.indicators.size());
      for (std::size_t i = 0; i < alone.indicators.size(); ++i)
        CHECK(alone.indicators[i].assessment.grade == e.evaluation.indicators[i].assessment.grade);
      CHECK(alone.measures.size() == e.evaluation.measures.size());
    }
    CHECK(y.find(fiscal_year(2012)) == &y.years[1]);
    CHECK(y.find(fiscal_year(2014)) == nullptr);
  }

  TEST_CASE("grades move by band: 1-1-1 goes C, C, A under Miyagi's scheme") {
    // 2,900 at H23末: (2,900 − 2,280) / (4,000 − 2,280) = 36 % → C; 3,500: 70.9 % → C; 4,150 ≥ 4,000 → A.
    const years_report y = evaluate_years(bundled(), three_years());
    CHECK(grade_in(y, 0, "1-1-1") == "C");
    CHECK(grade_in(y, 1, "1-1-1") == "C");
    CHECK(grade_in(y, 2, "1-1-1") == "A");
    // Each indicator's changes, the later years in order: 25 indicators × 2.
    REQUIRE(y.changes.size() == 50);
    CHECK(y.changes[0].indicator_id == "1-1-1");
    CHECK(y.changes[0].year == fiscal_year(2012));
    CHECK(y.changes[0].movement == grade_movement::same);
    CHECK(y.changes[1].year == fiscal_year(2013));
    CHECK(y.changes[1].previous == "C");
    CHECK(y.changes[1].current == "A");
    CHECK(y.changes[1].movement == grade_movement::up);
    // Not evaluable both years is the same grade; N to a band is not comparable.
    CHECK(y.changes[2].indicator_id == "1-2-1");
    CHECK(y.changes[2].movement == grade_movement::same);
  }

  TEST_CASE("a grade that falls moves down; N against a band is not comparable") {
    // 1-1-1: 4,100 at H23末 reaches the target (A); 3,000 at H24末 is 41 % of the way (C).
    // 1-2-1: no figure in 平成23年度 (N), 9,800 at H24末.
    const years_report y = evaluate_years(
        bundled(), figures({{"1-1-1", "平成23年度末", "4,100"}, {"1-1-1", "平成24年度末", "3,000"}, {"1-2-1", "平成24年度末", "9,800"}}));
    CHECK(y.changes[0].previous == "A");
    CHECK(y.changes[0].current == "C");
    CHECK(y.changes[0].movement == grade_movement::down);
    CHECK(y.changes[1].movement == grade_movement::same);  // the level of H24末 still holds
    CHECK(y.changes[2].indicator_id == "1-2-1");
    CHECK(y.changes[2].previous == "N");
    CHECK(y.changes[2].movement == grade_movement::not_comparable);
  }

  TEST_CASE("counts: every grade and rating of the scheme, year by year") {
    const years_report y = evaluate_years(bundled(), three_years());
    const auto& a = counts_of(y, "indicator", "A");
    CHECK(a.counts == std::vector<std::size_t>{0, 0, 1 + (grade_in(y, 2, "4-5-2") == "A" ? 1u : 0u)});
    // Every year's counts of a kind add up to the number of indicators or roll-ups.
    for (const char* kind : {"indicator", "measure", "area", "plan"}) {
      for (std::size_t k = 0; k < y.years.size(); ++k) {
        std::size_t sum = 0;
        for (const auto& c : y.counts)
          if (c.kind == kind) sum += c.counts[k];
        const auto& e = y.years[k].evaluation;
        const std::size_t expected = std::string(kind) == "indicator" ? e.indicators.size()
                                     : std::string(kind) == "measure" ? e.measures.size()
                                     : std::string(kind) == "area"    ? e.areas.size()
                                                                      : e.overall.size();
        CHECK(sum == expected);
      }
    }
    // The bundled plan's goals share its areas: one plan-level roll-up, no goal counts.
    for (const auto& c : y.counts) CHECK(c.kind != "goal");
  }

  TEST_CASE("reports over every year: CSV a row per indicator and year, JSON Years.1, tables elsewhere") {
    const plan& p = bundled();
    const observation_set obs = three_years();
    const years_report y = evaluate_years(p, obs);
    const scheme s = scheme::miyagi();
    const report_input in{.plan = p, .actuals = &obs, .actuals_source = "three.csv", .scheme = s,
                          .as_of = y.years.back().evaluation.as_of, .evaluation = &y.years.back().evaluation,
                          .years = &y};
    const std::string csv = render_report(in, report_format::csv);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 25 * 3);
    CHECK(csv.starts_with("fiscal_year,fiscal_year_label,id,"));
    CHECK(csv.find("\n2013,平成25年度,1-1-1,") != std::string::npos);
    CHECK(csv.find(",A,achieved,C,up\n") != std::string::npos);
    const std::string json = render_report(in, report_format::json);
    CHECK(json.find("\"schema\": \"miyagiplan.Years.1\"") != std::string::npos);
    CHECK(json.find("\"movement\": \"up\"") != std::string::npos);
    for (const auto format : {report_format::text, report_format::markdown, report_format::html}) {
      const std::string out = render_report(in, format);
      CHECK(out.find("年度別の推移") != std::string::npos);
      CHECK(out.find("平成24年度") != std::string::npos);
      CHECK(out.find("A↑") != std::string::npos);
    }
    // Without `years` the same input is the one-year report, unchanged.
    report_input one = in;
    one.years = nullptr;
    CHECK(render_report(one, report_format::text).find("年度別の推移") == std::string::npos);
  }

  TEST_CASE("a chart draws milestones, revised targets and the projection only when there are some") {
    plan p = bundled();
    indicator& ind = *p.find_indicator("1-1-1");
    ind.milestones = {{parse_date("平成23年度末"), parse_quantity("2,500", ind.unit)},
                      {parse_date("平成24年度末"), parse_quantity("3,000", ind.unit)}};
    revision r;
    r.when = parse_date("平成24年6月1日");
    r.target = dated_value{parse_date("平成25年度末"), parse_quantity("5,000", ind.unit)};
    r.reason = "目標を上回ったため上方修正";
    ind.revisions = {r};
    const observation_set obs = three_years();
    const scheme s = scheme::miyagi();
    const sys_days as_of = to_western("平成24年度末");
    const report e = evaluate(p, obs, as_of, s);
    const report_input in{.plan = p, .actuals = &obs, .scheme = s, .as_of = as_of, .evaluation = &e};
    const std::string html = render_report(in, report_format::html);
    CHECK(html.find("class=\"milestone\"") != std::string::npos);
    CHECK(html.find("class=\"target revised\"") != std::string::npos);
    CHECK(html.find("class=\"projection\"") != std::string::npos);
    const report plain = evaluate(bundled(), obs, as_of, s);
    const std::string unchanged =
        render_report({.plan = bundled(), .actuals = &obs, .scheme = s, .as_of = as_of, .evaluation = &plain},
                      report_format::html);
    CHECK(unchanged.find("class=\"milestone\"") == std::string::npos);
    CHECK(unchanged.find("class=\"target revised\"") == std::string::npos);
  }
}

TEST_SUITE("record") {
  TEST_CASE("a record to fill: an entry per indicator and measure with its grade; JSON both ways") {
    const observation_set obs = three_years();
    const report r = evaluate(bundled(), obs, to_western("平成25年度末"));
    evaluation_record rec = record_of(r, bundled());
    CHECK(rec.plan_id == "miyagi-it-2013");
    CHECK(rec.as_of == "2014-03-31");
    REQUIRE(rec.entries.size() == 25 + r.measures.size());
    CHECK(rec.entries[0].kind == "indicator");
    CHECK(rec.entries[0].id == "1-1-1");
    CHECK(rec.entries[0].grade == "A");
    CHECK(rec.entries[25].kind == "measure");
    rec.entries[0].reason = "登録者数が目標を上回った";
    rec.entries[0].opinion = committee_opinion::appropriate;
    rec.entries[0].response = "周知を継続する";
    const std::string text = to_json_text(rec);
    CHECK(text.find("\"schema\": \"miyagiplan.EvaluationRecord.1\"") != std::string::npos);
    CHECK(text.find("\"opinion\": \"appropriate\"") != std::string::npos);
    CHECK(record_from_json(text) == rec);
    check_record(rec, r);
    // The Japanese names of the opinions read too.
    std::string ja = text;
    ja.replace(ja.find("\"appropriate\""), 13, "\"おおむね適切\"");
    CHECK(record_from_json(ja).entries[0].opinion == committee_opinion::mostly_appropriate);
  }

  TEST_CASE("a record that does not read or does not fit says where") {
    const report r = evaluate(bundled(), three_years(), to_western("平成25年度末"));
    evaluation_record rec = record_of(r, bundled());
    std::string text = to_json_text(rec);
    text.replace(text.find("\"none\""), 6, "\"maybe\"");
    try {
      (void)record_from_json(text);
      FAIL("expected a schema error");
    } catch (const schema_error& e) {
      CHECK(e.where() == "/entries/0/opinion");
    }
    rec.entries[3].id = "9-9-9";
    try {
      check_record(rec, r, "record.json");
      FAIL("expected a validation error");
    } catch (const validation_error& e) {
      CHECK(e.where() == "record.json:/entries/3/id");
    }
    rec.entries[3].id = rec.entries[2].id;
    CHECK_THROWS_AS(check_record(rec, r), validation_error);
    rec = record_of(r, bundled());
    rec.plan_id = "another";
    CHECK_THROWS_AS(check_record(rec, r), validation_error);
  }

  TEST_CASE("every format shows what the record says, and a grade that changed since") {
    const plan& p = bundled();
    const observation_set obs = three_years();
    const scheme s = scheme::miyagi();
    const report r = evaluate(p, obs, to_western("平成25年度末"), s);
    evaluation_record rec = record_of(r, p);
    rec.entries[0].reason = "登録者数が目標を上回った";
    rec.entries[0].opinion = committee_opinion::needs_review;
    rec.entries[0].comment = "周知方法の検証が必要";
    rec.entries[0].response = "周知を継続する";
    rec.entries[0].grade = "B";  // as recorded then; the evaluation now gives A
    const report_input in{.plan = p, .actuals = &obs, .scheme = s, .as_of = r.as_of, .evaluation = &r, .record = &rec};
    for (const auto format : {report_format::text, report_format::markdown, report_format::html}) {
      const std::string out = render_report(in, format);
      CHECK(out.find("評価記録") != std::string::npos);
      CHECK(out.find("登録者数が目標を上回った") != std::string::npos);
      CHECK(out.find("要検討") != std::string::npos);
      CHECK(out.find("B → A") != std::string::npos);
    }
    const std::string csv = render_report(in, report_format::csv);
    CHECK(csv.find(",reason,opinion,comment,response\n") != std::string::npos);
    CHECK(csv.find("登録者数が目標を上回った,needs_review,周知方法の検証が必要,周知を継続する\n") != std::string::npos);
    const std::string json = render_report(in, report_format::json);
    CHECK(json.find("\"record\": {") != std::string::npos);
  }
}
