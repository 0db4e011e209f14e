// The report as one self-contained HTML page: inline CSS (data/report/dashboard.css, embedded),
// inline SVG charts, no scripts and nothing fetched from anywhere. Grades carry their label as
// text; colour is only a second cue. Included by render-inl.hpp.
#pragma once

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "miyagiplan/report/dashboard_css.hpp"
#include "miyagiplan/report/markup.hpp"
#include "miyagiplan/report/render_view-inl.hpp"
#include "miyagiplan/report/render_tables-inl.hpp"
#include "miyagiplan/version.hpp"

namespace miyagiplan::present::html_format {


// Five stops from green to red; a scheme of n levels takes n of them, spread evenly.
inline constexpr const char* palette[] = {"#1a7f37", "#4d7d12", "#9a6700", "#bc4c00", "#cf222e"};
inline constexpr const char* grey = "#6e7781";

inline std::string colour_of(int rank, std::size_t levels) {
  if (rank < 0 || levels == 0) return grey;
  if (levels == 1) return palette[0];
  const double pos = static_cast<double>(rank) * 4.0 / static_cast<double>(levels - 1);
  const auto k = static_cast<std::size_t>(std::clamp(std::lround(pos), 0L, 4L));
  return palette[k];
}

inline void grade_badge(markup& m, const report_view& c, const std::string& grade, const std::string& title = {}) {
  const std::string colour = colour_of(c.scheme.band_rank(grade), c.scheme.bands.size());
  m.element("span",
            {{"class", "badge grade"}, {"data-grade", grade}, {"style", "background:" + colour},
             optional_attribute("title", title)},
            scheme_label(c.lang, grade));
}

inline void rating_badge(markup& m, const report_view& c, const std::string& rating) {
  const std::string colour = colour_of(c.scheme.rollup_rank(rating), c.scheme.rollup.size());
  m.element("span", {{"class", "badge rating"}, {"data-rating", rating}, {"style", "background:" + colour}},
            scheme_label(c.lang, rating));
}

inline std::string percent_text(double r) { return svg_number(r * 100, 0) + "%"; }

// What a band of the scheme means, for the legend.
inline std::string band_meaning(const report_view& c, const miyagiplan::grade_band& b, bool last) {
  const bool ja = c.lang == language::ja;
  std::string out;
  if (b.reached) out = ja ? "目標達成" : "target reached";
  if (b.min_rate != miyagiplan::no_floor) {
    if (!out.empty()) out += ja ? "・" : ", ";
    out += (ja ? "達成率 " : "rate ≥ ") + percent_text(b.min_rate) + (ja ? " 以上" : "");
  }
  if (out.empty()) out = last ? (ja ? "上記以外" : "otherwise") : (ja ? "条件なし" : "any rate");
  return out;
}

// ---------------------------------------------------------------------------------------------
// The chart of one indicator.

struct xy {
  double day = 0;
  double value = 0;
  bool estimate = false;
  std::string label;  // a tooltip
};

inline xy at(double day, double value) {
  xy p;
  p.day = day;
  p.value = value;
  return p;
}

struct series {
  std::optional<xy> baseline, target;
  std::vector<xy> expected;  // a dashed line: two points, or through the milestones
  std::vector<xy> actual;
  std::vector<xy> milestones;      // 期待値 at their dates
  std::vector<xy> revised_targets; // targets set by revisions
  std::optional<xy> projected;     // the value at the target date at the present pace
  std::string unit;
  int decimals = 0;
};

// The day a value is drawn at: the last day its date covers (a flow at its fiscal year's end), or
// the first for an open end (H26～).
inline miyagiplan::sys_days shown_day(const miyagiplan::date_expression& d) {
  return d.open_ended() ? d.days().first : d.days().last;
}

// A day on the chart's time axis: days since 1970-01-01.
inline double axis_day(miyagiplan::sys_days d) { return static_cast<double>(miyagiplan::day_count_of(d)); }

inline series series_of(const report_view& c, const miyagiplan::indicator& ind) {
  using miyagiplan::accumulation;
  using miyagiplan::value_state;
  const value_style style = c.style(ind);
  series s;
  s.unit = style.share ? "%" : ind.unit.symbol;
  s.decimals = style.decimals;
  auto period = ind.target.when.days();
  if (ind.target.when.open_ended()) period.last = period.first;
  auto shown = [&](double base) { return base / ind.unit.factor(); };
  auto day_of = [](const miyagiplan::date_expression& d) { return axis_day(shown_day(d)); };
  auto tip = [&](const miyagiplan::date_expression& d, const std::string& value) {
    return std::string(label_of(c.lang, "date")) + " " + d.text() + ": " + value;
  };
  const auto& b = ind.baseline;
  const auto& t = ind.target;
  const bool share = ind.accumulation == accumulation::completion;

  // Baseline and target points.
  if (share) {
    if (b.value.state == value_state::none_done || (b.value.is_number() && b.value.value == 0))
      s.baseline = xy{day_of(b.when), 0, false, tip(b.when, b.value.text)};
    s.target = xy{day_of(t.when), 100, false, tip(t.when, t.value.text)};
    s.expected = {at(axis_day(period.first) - 1, 0), at(axis_day(period.last), 100)};
  } else {
    if (b.value.is_number()) s.baseline = xy{day_of(b.when), shown(b.value.value), false, tip(b.when, b.value.text)};
    else if (b.value.state == value_state::none_done) s.baseline = xy{day_of(b.when), 0, false, tip(b.when, b.value.text)};
    if (t.value.is_number()) s.target = xy{day_of(t.when), shown(t.value.value), false, tip(t.when, t.value.text)};
    if (ind.accumulation == accumulation::period_total && s.target)
      s.expected = {at(axis_day(period.first) - 1, 0), at(axis_day(period.last), s.target->value)};
    else if (ind.accumulation == accumulation::frequency && s.target)
      s.expected = {at(axis_day(period.first), s.target->value), at(axis_day(period.last), s.target->value)};
    else if (s.baseline && s.target)
      s.expected = {*s.baseline, *s.target};
  }

  // What newer plans add: milestones (the expected path runs through them), revised targets, and
  // the projection at the present pace. None of it is drawn for a plan without them.
  if (!share) {
    for (const auto& ms : ind.milestones)
      if (ms.value.is_number()) s.milestones.push_back({day_of(ms.when), shown(ms.value.value), false, tip(ms.when, ms.value.text)});
    for (const auto& r : ind.revisions)
      if (r.target && r.target->value.is_number())
        s.revised_targets.push_back({day_of(r.target->when.empty() ? t.when : r.target->when), shown(r.target->value.value), false,
                                     r.when.text() + ": " + tip(r.target->when.empty() ? t.when : r.target->when, r.target->value.text)});
    if (!s.milestones.empty() && s.expected.size() == 2 && ind.accumulation == accumulation::level) {
      s.expected = {s.expected.front()};
      s.expected.insert(s.expected.end(), s.milestones.begin(), s.milestones.end());
      s.expected.push_back(*s.target);
    }
    if (const auto* a = c.assessment(ind.id); a && a->assessment.projected && ind.accumulation == accumulation::level)
      s.projected = xy{day_of(t.when), shown(*a->assessment.projected), false,
                       std::string(label_of(c.lang, "projected")) + " " + format_value(style, *a->assessment.projected)};
  }

  // Actuals: levels as they are; a period total as a running sum; a completion as a share.
  double running = 0;
  for (const auto& p : c.points(ind.id)) {
    const miyagiplan::observation o = c.actuals->at(p.index);
    const double day = axis_day(p.days.last);
    double v = 0;
    if (share) {
      double whole = p.total;
      if (whole <= 0 && t.value.is_number()) whole = t.value.value;
      if (p.state == value_state::all) v = 100;
      else if (p.state == value_state::number && whole > 0) v = p.value / whole * 100;
      else if (p.state == value_state::none_done) v = 0;
      else continue;
    } else if (p.state == value_state::number || p.state == value_state::none_done) {
      v = p.state == value_state::number ? shown(p.value) : 0;
      if (ind.accumulation == accumulation::period_total) {
        if (!period.contains(p.days.first) || !period.contains(p.days.last)) continue;
        running += v;
        v = running;
      }
    } else {
      continue;
    }
    s.actual.push_back({day, v, p.estimate, tip(o.when, o.value.text)});
  }
  return s;
}

// A step of 1, 2 or 5 × 10^k that cuts the span into about `parts`.
inline double nice_step(double span, int parts) {
  const double raw = span / parts;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

// The target's mark: a diamond of half-width r around (x, y).
inline std::string diamond(double x, double y, double r) {
  return "M" + svg_number(x) + " " + svg_number(y - r) + "L" + svg_number(x + r) + " " + svg_number(y) + "L" + svg_number(x) +
         " " + svg_number(y + r) + "L" + svg_number(x - r) + " " + svg_number(y) + "Z";
}

inline void chart_svg(markup& m, const report_view& c, const miyagiplan::indicator& ind) {
  const series s = series_of(c, ind);
  const language l = c.lang;
  constexpr double W = 300, H = 132, left = 46, right = 292, top = 14, bottom = 106;

  // The time axis: whole fiscal years around everything shown.
  std::vector<double> days;
  for (const auto* p : {&s.baseline, &s.target})
    if (*p) days.push_back((*p)->day);
  for (const auto* group : {&s.expected, &s.actual, &s.milestones, &s.revised_targets})
    for (const auto& p : *group) days.push_back(p.day);
  const auto period = c.plan.period.empty() ? ind.target.when.days() : c.plan.period.days();
  days.push_back(axis_day(shown_day(ind.target.when)));
  if (!ind.baseline.when.empty()) days.push_back(axis_day(shown_day(ind.baseline.when)));
  if (c.as_of) days.push_back(axis_day(*c.as_of));
  const auto lo_day = miyagiplan::from_day_count(static_cast<std::int32_t>(*std::min_element(days.begin(), days.end())));
  const auto hi_day = miyagiplan::from_day_count(static_cast<std::int32_t>(*std::max_element(days.begin(), days.end())));
  miyagiplan::fiscal_year fy0 = miyagiplan::fiscal_year::of(lo_day);
  miyagiplan::fiscal_year fy1 = miyagiplan::fiscal_year::of(hi_day);
  if (fy1.year() - fy0.year() > 30) fy1 = miyagiplan::fiscal_year(fy0.year() + 30);
  const double x0 = axis_day(fy0.days().first), x1 = axis_day(fy1.days().last) + 1;
  auto x_at = [&](double day) { return left + (std::clamp(day, x0, x1) - x0) / (x1 - x0) * (right - left); };

  // The value axis: from 0 when the values sit well above it, with round ticks.
  std::vector<double> values;
  for (const auto* p : {&s.baseline, &s.target})
    if (*p) values.push_back((*p)->value);
  for (const auto* group : {&s.expected, &s.actual, &s.milestones, &s.revised_targets})
    for (const auto& p : *group) values.push_back(p.value);
  if (s.projected) values.push_back(s.projected->value);
  double lo = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
  double hi = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
  if (lo >= 0 && lo <= hi * 0.5) lo = 0;
  if (hi - lo < 1e-9) hi = lo + (std::fabs(lo) > 0 ? std::fabs(lo) * 0.2 : 1);
  const double step = nice_step(hi - lo, 3);
  lo = std::floor(lo / step + 1e-9) * step;
  hi = std::ceil(hi / step - 1e-9) * step;
  if (hi <= lo) hi = lo + step;
  auto y_at = [&](double v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); };
  const int tick_decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  const auto* a = c.assessment(ind.id);
  const std::string colour = a ? colour_of(c.scheme.band_rank(a->assessment.grade), c.scheme.bands.size()) : "#0969da";
  const std::string name = ind.id + " " + ind.name;
  m.open("svg", {{"class", "chart"}, {"data-id", ind.id}, {"viewBox", "0 0 " + svg_number(W) + " " + svg_number(H)},
                 {"width", W}, {"height", H}, {"role", "img"}, {"aria-label", name}});
  m.element("title", name);
  // The plan period, shaded.
  if (!c.plan.period.empty())
    m.empty("rect", {{"class", "period"}, {"x", x_at(axis_day(period.first))}, {"y", top},
                     {"width", x_at(axis_day(period.last) + 1) - x_at(axis_day(period.first))}, {"height", bottom - top}});
  // Value grid and labels.
  for (double v = lo; v <= hi + step * 1e-6; v += step) {
    const double y = y_at(v);
    m.empty("line", {{"class", "grid"}, {"x1", left}, {"x2", right}, {"y1", y}, {"y2", y}});
    m.element("text", {{"class", "ylabel"}, {"x", left - 4}, {"y", y + 3.5}}, format_number(v, tick_decimals));
  }
  // Fiscal-year ticks, labelled in the middle of each year.
  const int years = fy1.year() - fy0.year() + 1;
  const int every = years > 8 ? (years + 7) / 8 : 1;
  for (auto fy = fy0; fy <= fy1; fy = fy.next()) {
    const double xa = x_at(axis_day(fy.days().first)), xb = x_at(axis_day(fy.days().last) + 1);
    m.empty("line", {{"class", "tick"}, {"x1", xa}, {"x2", xa}, {"y1", top}, {"y2", bottom + 4}});
    if ((fy.year() - fy0.year()) % every == 0)
      m.element("text", {{"class", "xlabel"}, {"x", (xa + xb) / 2}, {"y", bottom + 15}}, fiscal_axis_label(l, fy));
  }
  m.empty("line", {{"class", "axis"}, {"x1", left}, {"x2", right}, {"y1", bottom}, {"y2", bottom}});
  m.element("text", {{"class", "unit"}, {"x", left - 4}, {"y", top - 5}}, s.unit);
  // The expected line.
  if (s.expected.size() == 2)
    m.empty("line", {{"class", "expected"}, {"x1", x_at(s.expected[0].day)}, {"y1", y_at(s.expected[0].value)},
                     {"x2", x_at(s.expected[1].day)}, {"y2", y_at(s.expected[1].value)}});
  if (s.expected.size() > 2) {
    std::string pts;
    for (const auto& p : s.expected) pts += (pts.empty() ? "" : " ") + svg_number(x_at(p.day)) + "," + svg_number(y_at(p.value));
    m.empty("polyline", {{"class", "expected"}, {"points", pts}});
  }
  // Milestones (small squares), revised targets (hollow diamonds), the projection (a dotted line
  // from the latest actual): styled inline, so a page without them keeps its stylesheet.
  for (const auto& p : s.milestones)
    m.open("rect", {{"class", "milestone"}, {"x", x_at(p.day) - 2.5}, {"y", y_at(p.value) - 2.5}, {"width", 5}, {"height", 5},
                    {"style", "fill:#6e7781"}})
        .element("title", std::string(label_of(l, "expected")) + " " + p.label)
        .close();
  for (const auto& p : s.revised_targets)
    m.open("path", {{"class", "target revised"}, {"d", diamond(x_at(p.day), y_at(p.value), 5)},
                    {"style", "fill:#fff;stroke:#24292f;stroke-width:1.4"}})
        .element("title", std::string(label_of(l, "revised_target")) + " " + p.label)
        .close();
  if (s.projected && !s.actual.empty())
    m.open("line", {{"class", "projection"}, {"x1", x_at(s.actual.back().day)}, {"y1", y_at(s.actual.back().value)},
                    {"x2", x_at(s.projected->day)}, {"y2", y_at(s.projected->value)},
                    {"style", "stroke:" + colour + ";stroke-width:1.2;stroke-dasharray:1 3"}})
        .element("title", s.projected->label)
        .close();
  // The as-of line.
  if (c.as_of) {
    const double x = x_at(axis_day(*c.as_of));
    m.open("line", {{"class", "as-of"}, {"x1", x}, {"x2", x}, {"y1", top - 4}, {"y2", bottom}})
        .element("title", std::string(label_of(l, "as_of")) + " " + iso_day(*c.as_of))
        .close();
  }
  // Baseline (hollow circle) and target (diamond).
  if (s.baseline)
    m.open("circle", {{"class", "baseline"}, {"cx", x_at(s.baseline->day)}, {"cy", y_at(s.baseline->value)}, {"r", "3.6"}})
        .element("title", std::string(label_of(l, "baseline")) + " " + s.baseline->label)
        .close();
  if (s.target) {
    const double x = x_at(s.target->day), y = y_at(s.target->value);
    m.open("path", {{"class", "target"}, {"d", diamond(x, y, 5)}})
        .element("title", std::string(label_of(l, "target")) + " " + s.target->label)
        .close();
  }
  // Actuals on top: a line, then points (hollow for estimates).
  if (s.actual.size() > 1) {
    std::string pts;
    for (const auto& p : s.actual) pts += (pts.empty() ? "" : " ") + svg_number(x_at(p.day)) + "," + svg_number(y_at(p.value));
    m.empty("polyline", {{"class", "actual"}, {"points", pts}, {"style", "stroke:" + colour}});
  }
  for (const auto& p : s.actual)
    m.open("circle", {{"class", p.estimate ? "actual estimate" : "actual"}, {"cx", x_at(p.day)}, {"cy", y_at(p.value)},
                      {"r", "3.2"}, {"style", p.estimate ? "fill:#fff;stroke:" + colour : "fill:" + colour + ";stroke:#fff"}})
        .element("title", p.label)
        .close();
  m.close();
}

// The legend of the charts' marks, drawn with the same classes.
inline void chart_legend(markup& m, const report_view& c) {
  const language l = c.lang;
  m.open("svg", {{"class", "legend"}, {"viewBox", "0 0 720 22"}, {"width", 720}, {"height", 22}, {"role", "img"},
                 {"aria-label", label_of(l, "legend")}});
  double x = 4;
  auto label = [&](std::string_view key, double dx) {
    m.element("text", {{"class", "legend-text"}, {"x", x + dx}, {"y", 15}}, label_of(l, key));
    x += dx + 14 + 7.0 * static_cast<double>(display_width(label_of(l, key)));
  };
  m.empty("rect", {{"class", "period"}, {"x", x}, {"y", 4}, {"width", 16}, {"height", 14}});
  label("legend_period", 22);
  m.empty("circle", {{"class", "baseline"}, {"cx", x + 5}, {"cy", 11}, {"r", "3.6"}});
  label("legend_baseline", 14);
  m.empty("path", {{"class", "target"}, {"d", diamond(x + 5, 11, 5)}});
  label("legend_target", 16);
  m.empty("line", {{"class", "expected"}, {"x1", x}, {"x2", x + 24}, {"y1", 11}, {"y2", 11}});
  label("legend_expected", 30);
  m.empty("polyline", {{"class", "actual"},
                       {"points", svg_number(x) + ",14 " + svg_number(x + 10) + ",8 " + svg_number(x + 20) + ",10"},
                       {"style", "stroke:#0969da"}});
  m.empty("circle", {{"class", "actual"}, {"cx", x + 10}, {"cy", 8}, {"r", "3.2"}, {"style", "fill:#0969da;stroke:#fff"}});
  label("legend_actual", 26);
  m.empty("circle",
          {{"class", "actual estimate"}, {"cx", x + 5}, {"cy", 11}, {"r", "3.2"}, {"style", "fill:#fff;stroke:#0969da"}});
  label("legend_estimate", 14);
  m.empty("line", {{"class", "as-of"}, {"x1", x + 4}, {"x2", x + 4}, {"y1", 3}, {"y2", 19}});
  label("legend_as_of", 12);
  m.close();
}

// The grade counts of a roll-up as a bar of coloured parts, with the counts as its label.
inline void stack_bar(markup& m, const report_view& c, const miyagiplan::rollup& r) {
  std::string aria;
  for (const auto& [label, n] : r.grade_counts)
    aria += (aria.empty() ? "" : ", ") + scheme_label(c.lang, label) + " " + std::to_string(n);
  m.open("div", {{"class", "stack"}, {"role", "img"}, {"aria-label", aria}});
  for (const auto& [label, n] : r.grade_counts) {
    if (n == 0) continue;
    const std::string colour = colour_of(c.scheme.band_rank(label), c.scheme.bands.size());
    m.element("span",
              {{"style", "flex:" + std::to_string(n) + ";background:" + colour},
               {"title", scheme_label(c.lang, label) + ": " + std::to_string(n)}},
              "");
  }
  m.close();
}

inline std::string average_text(const miyagiplan::rollup& r) {
  return r.average_points ? format_number(*r.average_points, 2) : "-";
}

inline void counts_row(markup& m, const report_view& c, const miyagiplan::rollup& r, const std::string& what) {
  m.open("tr", {{"class", "rollup " + what}, {"data-id", r.id}});
  m.element("td", {{"class", "id"}}, r.id).element("td", r.title);
  m.open("td");
  rating_badge(m, c, r.rating);
  m.close().element("td", {{"class", "num"}}, average_text(r));
  for (const auto& [label, n] : r.grade_counts) m.element("td", {{"class", "num"}}, std::to_string(n));
  m.open("td");
  stack_bar(m, c, r);
  m.close().close().line();
}

// Whether the grade labels are too long to head columns of counts.
inline bool numbered_grades(const report_view& c) {
  for (const auto& label : c.grade_labels())
    if (display_width(scheme_label(c.lang, label)) > 4) return true;
  return false;
}

// A grade's colour with a short text (its number) in place of its label.
inline void grade_chip(markup& m, const report_view& c, const std::string& grade, const std::string& text) {
  const std::string colour = colour_of(c.scheme.band_rank(grade), c.scheme.bands.size());
  m.element("span",
            {{"class", "badge grade chip"}, {"data-grade", grade}, {"title", scheme_label(c.lang, grade)},
             {"style", "background:" + colour}},
            text);
}

inline void rollup_table(markup& m, const report_view& c, const std::vector<miyagiplan::rollup>& rollups,
                         std::string_view name_key, const std::string& what) {
  const language l = c.lang;
  m.open("table", {{"class", "rollups " + what}}).open("thead").open("tr");
  m.element("th", "ID").element("th", label_of(l, name_key)).element("th", label_of(l, "rating"));
  m.element("th", {{"class", "num"}}, label_of(l, "average"));
  // Long labels (総務省's five levels) are numbered here and named in the legend.
  const auto labels = c.grade_labels();
  const bool numbered = numbered_grades(c);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    m.open("th", {{"class", "num"}});
    if (numbered) grade_chip(m, c, labels[k], std::to_string(k + 1));
    else grade_badge(m, c, labels[k]);
    m.close();
  }
  m.element("th", label_of(l, "grade_counts")).close().close().open("tbody").line();
  for (const auto& r : rollups) counts_row(m, c, r, what);
  m.close().close().line();
}

inline void value_cell(markup& m, const std::string& value, const std::string& date, const std::string& title = {}) {
  m.open("td", {{"class", "num"}, optional_attribute("title", title)}).text(value.empty() ? "-" : value);
  if (!date.empty()) m.element("span", {{"class", "sub"}}, date);
  m.close();
}

// A plain_table as an HTML table.
inline void plain_html_table(markup& m, const plain_table& t, const char* css_class) {
  m.open("table", {{"class", css_class}}).open("thead").open("tr");
  for (std::size_t k = 0; k < t.header.size(); ++k) m.element("th", {{"class", "num", t.right[k]}}, t.header[k]);
  m.close().close().line().open("tbody").line();
  for (const auto& row : t.rows) {
    m.open("tr");
    for (std::size_t k = 0; k < row.size(); ++k) m.element("td", {{"class", "num", t.right[k]}}, row[k]);
    m.close().line();
  }
  m.close().close().line();
}

// One indicator: its values, its grade with the reasons, and its chart.
inline void indicator_row(markup& m, const report_view& c, const miyagiplan::indicator& ind, bool with) {
  const language l = c.lang;
  const auto* ia = c.assessment(ind.id);
  const value_style vs = c.style(ind);
  m.open("tr", {{"class", "indicator"}, {"id", "indicator-" + ind.id}, {"data-id", ind.id},
                {"data-grade", ia ? ia->assessment.grade : std::string(), ia != nullptr},
                {"data-status", ia ? std::string(miyagiplan::to_string(ia->assessment.status)) : std::string(), ia != nullptr}});
  m.element("td", {{"class", "id"}}, ind.id);
  m.open("td", {{"class", "name"}}).text(ind.name).void_element("br").element("span", {{"class", "kind"}}, kind_text(l, ind));
  for (const auto& note : ind.notes) m.element("p", {{"class", "explain note"}}, note);
  if (ia) m.element("p", {{"class", "explain"}}, c.explanation(*ia, ind));
  m.close();
  value_cell(m, ind.baseline.value.text, ind.baseline.when.text(), ind.source);
  value_cell(m, ind.target.value.text, ind.target.when.text(), ind.source);
  if (ia) {
    const auto& as = ia->assessment;
    const auto* d = c.actual_date(*ia);
    m.open("td", {{"class", "num actual"}}).text(as.actual ? format_value(vs, *as.actual) : "-");
    if (d) m.element("span", {{"class", "sub"}}, d->text());
    m.element("span", {{"class", "sub expected"}},
              std::string(label_of(l, "expected")) + " " + (as.expected ? format_value(vs, *as.expected) : "-"));
    m.close();
    const std::string colour = colour_of(c.scheme.band_rank(as.grade), c.scheme.bands.size());
    m.open("td", {{"class", "num rate"}}).text(as.rate ? format_rate(*as.rate) : "-");
    if (as.rate)
      m.open("span", {{"class", "ratebar"}})
          .element("span", {{"style", "width:" + svg_number(std::clamp(*as.rate, 0.0, 1.0) * 100) + "%;background:" + colour}}, "")
          .close();
    m.close().open("td", {{"class", "grade"}});
    grade_badge(m, c, as.grade, c.explanation(*ia, ind));
    m.element("span", {{"class", "status"}}, status_text(l, as.status)).close();
  } else if (with) {
    m.element("td", "").element("td", "").element("td", "");
  }
  m.open("td", {{"class", "chart"}});
  chart_svg(m, c, ind);
  m.close().close().line();
}

inline std::string render(const report_view& c) {
  const language l = c.lang;
  const bool ja = l == language::ja;
  const bool with = (c.report != nullptr);
  const std::string title = c.plan.title.empty() ? c.plan.id : c.plan.title;
  markup m;
  m.trusted("<!DOCTYPE html>\n").open("html", {{"lang", ja ? "ja" : "en"}}).line().open("head").line();
  m.void_element("meta", {{"charset", "utf-8"}}).line();
  m.void_element("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}}).line();
  m.void_element("meta", {{"name", "generator"}, {"content", "miyagiplan " + std::string(miyagiplan::version_string)}}).line();
  m.element("title", title + (with ? (ja ? " 評価" : " — attainment") : "")).line();
  m.open("style").line().trusted(miyagiplan::data::dashboard_css).close().line().close().line().open("body").line();

  // The heading.
  m.open("header", {{"class", "page"}}).open("div", {{"class", "inner"}});
  m.element("h1", {{"id", "title"}}, title).line().open("dl", {{"class", "meta"}});
  auto meta = [&](std::string_view key, const std::string& value, const std::string& cls) {
    m.element("dt", label_of(l, key)).element("dd", {{"class", cls}}, value);
  };
  if (!c.plan.issuer.empty()) meta("issuer", c.plan.issuer, "issuer");
  if (!c.plan.period.empty())
    meta("period", c.plan.period.text() + "（" + iso_day(c.plan.period.days().first) + " – " +
                       (c.plan.period.open_ended() ? std::string() : iso_day(c.plan.period.days().last)) + "）",
         "period");
  if (c.as_of) meta("as_of", iso_day(*c.as_of) + (ja ? "（" + kanji_day(*c.as_of) + "）" : std::string()), "as-of");
  if (with) {
    meta("actuals", c.actuals_source + (ja ? "（" + std::to_string(c.actuals->size()) + " 件）"
                                           : " (" + std::to_string(c.actuals->size()) + " observations)"),
         "actuals");
    meta("scheme", c.scheme.name + " / " + std::string(miyagiplan::to_string(c.scheme.formula)), "scheme");
  } else {
    meta("actuals", std::string(label_of(l, "no_actuals")), "actuals");
  }
  m.close().close().close().line().open("main").line();

  // The summary of grades per area (or, without actuals, the areas), and the goals.
  m.open("div", {{"class", "cols"}}).line();
  if (with) {
    m.open("section", {{"class", "card"}, {"id", "summary"}}).element("h2", label_of(l, "summary")).line();
    rollup_table(m, c, c.report->areas, "area", "area");
    m.open("ul", {{"class", "legend-grades"}});
    const bool numbered = numbered_grades(c);
    auto item = [&](std::size_t k, const std::string& grade, const std::string& meaning) {
      m.open("li");
      if (numbered) {
        grade_chip(m, c, c.grade_labels()[k], std::to_string(k + 1));
        m.text(" ");
      }
      grade_badge(m, c, grade);
      m.text(" " + meaning).close();
    };
    for (std::size_t k = 0; k < c.scheme.bands.size(); ++k)
      item(k, c.scheme.bands[k].label, band_meaning(c, c.scheme.bands[k], k + 1 == c.scheme.bands.size()));
    item(c.scheme.bands.size(), c.scheme.not_evaluable, ja ? "判定できない（実績値なし等）" : "cannot be judged (no actual, …)");
    m.close().line().close().line();
  } else {
    m.open("section", {{"class", "card"}, {"id", "areas"}}).element("h2", label_of(l, "areas"));
    m.open("table", {{"class", "areas"}}).open("tbody").line();
    for (const auto& a : c.plan.areas) {
      std::size_t measures = 0, indicators = 0;
      for_each_measure(a, [&](const miyagiplan::measure& ms, int) {
        ++measures;
        indicators += ms.indicators.size();
      });
      m.open("tr", {{"class", "area"}, {"data-id", a.id}}).element("td", {{"class", "id"}}, a.id).element("td", a.title);
      m.element("td", {{"class", "num"}}, std::string(label_of(l, "measures")) + " " + std::to_string(measures));
      m.element("td", {{"class", "num"}}, std::string(label_of(l, "indicators")) + " " + std::to_string(indicators));
      m.close().line();
    }
    m.close().close().close().line();
  }
  m.open("section", {{"class", "card"}, {"id", "goals"}}).element("h2", label_of(l, "goals"));
  m.open("table", {{"class", "goals"}}).open("tbody").line();
  for (const auto& g : c.plan.goals) {
    std::string areas;
    for (const auto& a : g.areas) areas += (areas.empty() ? "" : ", ") + a;
    m.open("tr", {{"class", "goal"}, {"data-id", g.id}}).element("td", {{"class", "id"}}, g.id).open("td").text(g.title);
    m.element("span", {{"class", "sub"}}, std::string(label_of(l, "areas")) + ": " + areas);
    if (c.report)
      for (const auto& r : c.report->goals)
        if (r.id == g.id) {
          m.open("div", {{"class", "goal-rating"}});
          rating_badge(m, c, r.rating);
          m.element("span", {{"class", "avg"}}, std::string(label_of(l, "average")) + " " + average_text(r));
          stack_bar(m, c, r);
          m.close();
        }
    m.close().close().line();
  }
  if (c.report)
    for (const auto& r : c.report->overall) {
      m.open("tr", {{"class", "plan"}, {"data-id", r.id}}).element("td", {{"class", "id"}}, "").open("td");
      m.text(label_of(l, "rollup_plan")).open("div", {{"class", "goal-rating"}});
      rating_badge(m, c, r.rating);
      m.element("span", {{"class", "avg"}}, std::string(label_of(l, "average")) + " " + average_text(r));
      stack_bar(m, c, r);
      m.close().close().close().line();
    }
  m.close().close().close().line().close().line().line();

  // Every indicator, grouped by area and measure, each with its chart.
  std::size_t count = 0;
  for (const auto& a : c.plan.areas) for_each_measure(a, [&](const miyagiplan::measure& ms, int) { count += ms.indicators.size(); });
  m.open("section", {{"class", "card"}, {"id", "indicators"}});
  m.element("h2", std::string(label_of(l, "indicators")) + "（" + std::to_string(count) + "）").line();
  chart_legend(m, c);
  m.line().open("table", {{"class", "indicators"}}).open("thead").open("tr");
  m.element("th", "ID").element("th", label_of(l, "indicator"));
  m.element("th", {{"class", "num"}}, label_of(l, "baseline")).element("th", {{"class", "num"}}, label_of(l, "target"));
  const int columns = with ? 8 : 5;
  if (with) {
    m.open("th", {{"class", "num"}}).text(label_of(l, "actual")).element("span", {{"class", "sub"}}, label_of(l, "expected")).close();
    m.element("th", {{"class", "num"}}, label_of(l, "rate")).element("th", label_of(l, "grade"));
  }
  m.element("th", label_of(l, "chart")).close().close().line().open("tbody").line();
  for (const auto& a : c.plan.areas) {
    const auto* ar = c.area_rollup(a.id);
    m.open("tr", {{"class", "group area"}, {"data-id", a.id}}).open("th", {{"colspan", columns}});
    m.text(std::string(label_of(l, "area")) + " " + a.id + "　" + a.title);
    if (ar) rating_badge(m, c, ar->rating);
    m.close().close().line();
    for_each_measure(a, [&](const miyagiplan::measure& ms, int depth) {
      const auto* mr = c.measure_rollup(ms.id);
      m.open("tr", {{"class", "group measure"}, {"data-id", ms.id}});
      m.open("th", {{"colspan", columns}, {"style", "padding-left:34px", depth != 0}});
      m.text(std::string(label_of(l, "measure")) + " " + ms.id + "　" + ms.title);
      if (mr) rating_badge(m, c, mr->rating);
      m.close().close().line();
      for (const auto& ind : ms.indicators) indicator_row(m, c, ind, with);
    });
  }
  m.close().close().close().line();

  if (with) {
    m.open("section", {{"class", "card"}, {"id", "measures"}}).element("h2", label_of(l, "rollup_measures")).line();
    rollup_table(m, c, c.report->measures, "measure", "measure");
    m.close().line();
  }
  if (c.years) {
    m.open("section", {{"class", "card"}, {"id", "years"}}).element("h2", label_of(l, "years")).line();
    for (const plain_table& t : {grades_by_year(c), counts_by_year(c)}) {
      m.element("h3", label_of(l, t.title_key));
      plain_html_table(m, t, "years");
    }
    m.close().line();
  }
  if (c.record) {
    const plain_table t = record_table(c);
    m.open("section", {{"class", "card"}, {"id", "record"}}).element("h2", label_of(l, t.title_key)).line();
    plain_html_table(m, t, "record");
    m.close().line();
  }
  m.element("footer", std::string(label_of(l, "generated")) + " " + std::string(miyagiplan::version_string) + " · " +
                          (c.plan_source.empty() ? std::string(label_of(l, "bundled")) : c.plan_source))
      .line();
  m.close().line().close().line().close().line();
  return m.str();
}

}  // namespace miyagiplan::present::html_format
