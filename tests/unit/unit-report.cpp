// Reports: the as-of rule, schemes by name or file, labels, compact dates, numbers, display
// widths and the renderers, against both link modes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "miyagiplan/miyagiplan.hpp"
#include "miyagiplan/report/markup.hpp"
#include "support.hpp"

using namespace miyagiplan;

namespace {

using test_support::bundled;

sys_days day(int y, unsigned m, unsigned d) {
  return sys_days(std::chrono::sys_days(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}));
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("the as-of day: a day, the last day of a span, or the plan's last day") {
    const plan& p = bundled();
    CHECK(resolve_as_of(p) == day(2014, 3, 31));
    CHECK(resolve_as_of(p, "平成25年度末") == day(2014, 3, 31));
    CHECK(resolve_as_of(p, "平成25年度") == day(2014, 3, 31));
    CHECK(resolve_as_of(p, "H24.6.1") == day(2012, 6, 1));
    CHECK_THROWS_AS(resolve_as_of(p, "H26～"), range_error);
    CHECK_THROWS_AS(resolve_as_of(p, "平成25年ほげ"), error);
    plan open = p;
    open.period = parse_date("H23～");
    CHECK(resolve_as_of(open) == day(2014, 3, 31));  // the latest target
  }

  TEST_CASE("a scheme by preset name or by file") {
    CHECK(scheme::from_name_or_file("soumu") == scheme::soumu());
    CHECK_THROWS_AS(scheme::from_name_or_file("nope"), not_found_error);
    const auto path = std::filesystem::temp_directory_path() / "miyagiplan-unit-scheme.json";
    {
      std::ofstream(path) << scheme::okr().to_json_text();
    }
    CHECK(scheme::from_name_or_file(path.string()) == scheme::okr());
    std::ofstream(path) << "{\"schema\": \"miyagiplan.Scheme.1\"}";
    try {
      (void)scheme::load(path);
      FAIL("expected an error");
    } catch (const error& e) {
      CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
    }
    std::filesystem::remove(path);
  }

  TEST_CASE("labels, compact dates and numbers") {
    using namespace present;
    CHECK(label_of(language::ja, "baseline") == "現状値");
    CHECK(label_of(language::en, "baseline") == "Baseline");
    CHECK(compact_date(language::ja, parse_date("平成22年12月末")) == "H22.12末");
    CHECK(compact_date(language::ja, parse_date("平成25年度末")) == "H25年度末");
    CHECK(compact_date(language::ja, parse_date("平成23～25年度")) == "H23～25年度");
    CHECK(compact_date(language::en, parse_date("平成23～25年度")) == "FY2011-13");
    CHECK(format_number(1234567.891, 2) == "1,234,567.89");
    CHECK(format_number(-0.04, 1) == "0.0");
    CHECK(format_rate(1.0375) == "103.8%");
    CHECK(display_width("宮城 IT") == 7);
    CHECK(truncate_to_width("みやぎＩＴ推進", 7) == "みやぎ…");
  }

  TEST_CASE("every format renders, explanations in the language asked") {
    const plan& p = bundled();
    observation_set set;
    observation o;
    o.indicator_id = "1-1-1";
    o.when = parse_date("平成25年度末");
    o.value = parse_quantity("4,150件", p.indicator_at("1-1-1").unit);
    set.add(o, &p);
    const scheme s = scheme::miyagi();
    const sys_days as_of = resolve_as_of(p);
    const report r = evaluate(p, set, as_of, s);
    const report_input in{.plan = p, .plan_source = {}, .actuals = &set, .actuals_source = "a.csv",
                          .scheme = s, .as_of = as_of, .evaluation = &r};
    const std::string json = render_report(in, report_format::json);
    CHECK(json.find("\"schema\": \"miyagiplan.Report.1\"") != std::string::npos);
    CHECK(render_report(in, report_format::csv).starts_with("id,area,measure,"));
    const std::string ja = render_report(in, report_format::markdown, {.lang = language::ja});
    const std::string en = render_report(in, report_format::markdown, {.lang = language::en});
    CHECK(ja.find("現状値基準") != std::string::npos);
    CHECK(en.find("baseline_relative") != std::string::npos);
    CHECK(render_report(in, report_format::html).find("<svg") != std::string::npos);
    for (const auto& line : [&] {
           std::vector<std::string> lines;
           const std::string text = render_report(in, report_format::text, {.width = 60});
           for (std::size_t at = 0; at < text.size();) {
             const std::size_t end = text.find('\n', at);
             lines.push_back(text.substr(at, end - at));
             at = end + 1;
           }
           return lines;
         }())
      CHECK(present::display_width(line) <= 60);
  }

  TEST_CASE("markup escapes text and attributes and closes what it opens") {
    present::markup m;
    m.open("p", {{"title", "a \"b\" & <c>"}, {"hidden", "", false}, {"x", 1.26}}).text("<script>'x'</script>").close();
    CHECK(m.str() == "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\" x=\"1.3\">&lt;script&gt;&#39;x&#39;&lt;/script&gt;</p>");
    present::markup unclosed;
    unclosed.open("svg");
    CHECK_THROWS_AS((void)unclosed.str(), std::logic_error);
    CHECK_THROWS_AS(present::markup().close(), std::logic_error);
    CHECK_THROWS_AS(present::markup().append(unclosed), std::logic_error);
  }

  TEST_CASE("a plan's text cannot become markup in the HTML report") {
    plan p = bundled();
    p.title = "<script>alert(1)</script>";
    p.areas.front().title = "\"><img src=x onerror=alert(1)>";
    const scheme s = scheme::miyagi();
    const std::string html = render_report({.plan = p, .scheme = s}, report_format::html);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  }
}
