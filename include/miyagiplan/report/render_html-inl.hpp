// The report as one self-contained HTML page: inline CSS (data/report/dashboard.css, embedded),
// inline SVG charts, no scripts and nothing fetched from anywhere. Grades carry their label as
// text; colour is only a second cue. Included by render-inl.hpp.
#pragma once

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "miyagiplan/report/dashboard_css.hpp"
#include "miyagiplan/report/render_view-inl.hpp"
#include "miyagiplan/version.hpp"

namespace miyagiplan::present::html_format {


inline std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

// A coordinate or length for SVG and CSS: at most `decimals` digits, no trailing zeros.
inline std::string svg_number(double v, int decimals = 1) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

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

inline std::string grade_badge(const report_view& c, const std::string& grade, const std::string& title = {}) {
  const int rank = c.grade_rank(grade);
  return "<span class=\"badge grade\" data-grade=\"" + escape_html(grade) + "\" style=\"background:" +
         colour_of(rank, c.scheme.bands.size()) + "\"" + (title.empty() ? "" : " title=\"" + escape_html(title) + "\"") +
         ">" + escape_html(scheme_label(c.lang, grade)) + "</span>";
}

inline std::string rating_badge(const report_view& c, const std::string& rating) {
  const int rank = c.rating_rank(rating);
  return "<span class=\"badge rating\" data-rating=\"" + escape_html(rating) + "\" style=\"background:" +
         colour_of(rank, c.scheme.rollup.size()) + "\">" + escape_html(scheme_label(c.lang, rating)) + "</span>";
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
  std::vector<xy> expected;  // a dashed line: two points
  std::vector<xy> actual;
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

  // Actuals: levels as they are; a period total as a running sum; a completion as a share.
  double running = 0;
  for (const auto& p : c.points(ind.id)) {
    const auto& o = c.actuals->items()[p.index];
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

inline std::string chart_svg(const report_view& c, const miyagiplan::indicator& ind) {
  const series s = series_of(c, ind);
  const language l = c.lang;
  constexpr double W = 300, H = 132, left = 46, right = 292, top = 14, bottom = 106;

  // The time axis: whole fiscal years around everything shown.
  std::vector<double> days;
  for (const auto* p : {&s.baseline, &s.target})
    if (*p) days.push_back((*p)->day);
  for (const auto& p : s.expected) days.push_back(p.day);
  for (const auto& p : s.actual) days.push_back(p.day);
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
  for (const auto& p : s.expected) values.push_back(p.value);
  for (const auto& p : s.actual) values.push_back(p.value);
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
  const std::string colour = a ? colour_of(c.grade_rank(a->assessment.grade), c.scheme.bands.size()) : "#0969da";
  std::string svg = "<svg class=\"chart\" data-id=\"" + escape_html(ind.id) + "\" viewBox=\"0 0 " + svg_number(W) + " " + svg_number(H) +
                    "\" width=\"" + svg_number(W) + "\" height=\"" + svg_number(H) + "\" role=\"img\" aria-label=\"" +
                    escape_html(ind.id + " " + ind.name) + "\">";
  svg += "<title>" + escape_html(ind.id + " " + ind.name) + "</title>";
  // The plan period, shaded.
  if (!c.plan.period.empty())
    svg += "<rect class=\"period\" x=\"" + svg_number(x_at(axis_day(period.first))) + "\" y=\"" + svg_number(top) + "\" width=\"" +
           svg_number(x_at(axis_day(period.last) + 1) - x_at(axis_day(period.first))) + "\" height=\"" + svg_number(bottom - top) +
           "\"/>";
  // Value grid and labels.
  for (double v = lo; v <= hi + step * 1e-6; v += step) {
    const double y = y_at(v);
    svg += "<line class=\"grid\" x1=\"" + svg_number(left) + "\" x2=\"" + svg_number(right) + "\" y1=\"" + svg_number(y) + "\" y2=\"" +
           svg_number(y) + "\"/>";
    svg += "<text class=\"ylabel\" x=\"" + svg_number(left - 4) + "\" y=\"" + svg_number(y + 3.5) + "\">" +
           escape_html(format_number(v, tick_decimals)) + "</text>";
  }
  // Fiscal-year ticks, labelled in the middle of each year.
  const int years = fy1.year() - fy0.year() + 1;
  const int every = years > 8 ? (years + 7) / 8 : 1;
  for (auto fy = fy0; fy <= fy1; fy = fy.next()) {
    const double xa = x_at(axis_day(fy.days().first)), xb = x_at(axis_day(fy.days().last) + 1);
    svg += "<line class=\"tick\" x1=\"" + svg_number(xa) + "\" x2=\"" + svg_number(xa) + "\" y1=\"" + svg_number(top) + "\" y2=\"" +
           svg_number(bottom + 4) + "\"/>";
    if ((fy.year() - fy0.year()) % every == 0)
      svg += "<text class=\"xlabel\" x=\"" + svg_number((xa + xb) / 2) + "\" y=\"" + svg_number(bottom + 15) + "\">" +
             escape_html(fiscal_axis_label(l, fy)) + "</text>";
  }
  svg += "<line class=\"axis\" x1=\"" + svg_number(left) + "\" x2=\"" + svg_number(right) + "\" y1=\"" + svg_number(bottom) + "\" y2=\"" +
         svg_number(bottom) + "\"/>";
  svg += "<text class=\"unit\" x=\"" + svg_number(left - 4) + "\" y=\"" + svg_number(top - 5) + "\">" + escape_html(s.unit) + "</text>";
  // The expected line.
  if (s.expected.size() == 2)
    svg += "<line class=\"expected\" x1=\"" + svg_number(x_at(s.expected[0].day)) + "\" y1=\"" + svg_number(y_at(s.expected[0].value)) +
           "\" x2=\"" + svg_number(x_at(s.expected[1].day)) + "\" y2=\"" + svg_number(y_at(s.expected[1].value)) + "\"/>";
  // The as-of line.
  if (c.as_of) {
    const double x = x_at(axis_day(*c.as_of));
    svg += "<line class=\"as-of\" x1=\"" + svg_number(x) + "\" x2=\"" + svg_number(x) + "\" y1=\"" + svg_number(top - 4) + "\" y2=\"" +
           svg_number(bottom) + "\"><title>" + escape_html(std::string(label_of(l, "as_of")) + " " + iso_day(*c.as_of)) +
           "</title></line>";
  }
  // Baseline (hollow circle) and target (diamond).
  if (s.baseline)
    svg += "<circle class=\"baseline\" cx=\"" + svg_number(x_at(s.baseline->day)) + "\" cy=\"" + svg_number(y_at(s.baseline->value)) +
           "\" r=\"3.6\"><title>" + escape_html(std::string(label_of(l, "baseline")) + " " + s.baseline->label) + "</title></circle>";
  if (s.target) {
    const double x = x_at(s.target->day), y = y_at(s.target->value);
    svg += "<path class=\"target\" d=\"M" + svg_number(x) + " " + svg_number(y - 5) + "L" + svg_number(x + 5) + " " + svg_number(y) + "L" + svg_number(x) +
           " " + svg_number(y + 5) + "L" + svg_number(x - 5) + " " + svg_number(y) + "Z\"><title>" +
           escape_html(std::string(label_of(l, "target")) + " " + s.target->label) + "</title></path>";
  }
  // Actuals on top: a line, then points (hollow for estimates).
  if (s.actual.size() > 1) {
    std::string pts;
    for (const auto& p : s.actual) pts += (pts.empty() ? "" : " ") + svg_number(x_at(p.day)) + "," + svg_number(y_at(p.value));
    svg += "<polyline class=\"actual\" points=\"" + pts + "\" style=\"stroke:" + colour + "\"/>";
  }
  for (const auto& p : s.actual)
    svg += "<circle class=\"actual" + std::string(p.estimate ? " estimate" : "") + "\" cx=\"" + svg_number(x_at(p.day)) +
           "\" cy=\"" + svg_number(y_at(p.value)) + "\" r=\"3.2\" style=\"" +
           (p.estimate ? "fill:#fff;stroke:" + colour : "fill:" + colour + ";stroke:#fff") + "\"><title>" +
           escape_html(p.label) + "</title></circle>";
  svg += "</svg>";
  return svg;
}

// The legend of the charts' marks, drawn with the same classes.
inline std::string chart_legend(const report_view& c) {
  const language l = c.lang;
  std::string out = "<svg class=\"legend\" viewBox=\"0 0 720 22\" width=\"720\" height=\"22\" role=\"img\" aria-label=\"" +
                    escape_html(std::string(label_of(l, "legend"))) + "\">";
  double x = 4;
  auto label = [&](std::string_view key, double dx) {
    out += "<text class=\"legend-text\" x=\"" + svg_number(x + dx) + "\" y=\"15\">" + escape_html(std::string(label_of(l, key))) + "</text>";
    x += dx + 14 + 7.0 * static_cast<double>(display_width(label_of(l, key)));
  };
  out += "<rect class=\"period\" x=\"" + svg_number(x) + "\" y=\"4\" width=\"16\" height=\"14\"/>";
  label("legend_period", 22);
  out += "<circle class=\"baseline\" cx=\"" + svg_number(x + 5) + "\" cy=\"11\" r=\"3.6\"/>";
  label("legend_baseline", 14);
  out += "<path class=\"target\" d=\"M" + svg_number(x + 5) + " 6L" + svg_number(x + 10) + " 11L" + svg_number(x + 5) + " 16L" + svg_number(x) + " 11Z\"/>";
  label("legend_target", 16);
  out += "<line class=\"expected\" x1=\"" + svg_number(x) + "\" x2=\"" + svg_number(x + 24) + "\" y1=\"11\" y2=\"11\"/>";
  label("legend_expected", 30);
  out += "<polyline class=\"actual\" points=\"" + svg_number(x) + ",14 " + svg_number(x + 10) + ",8 " + svg_number(x + 20) +
         ",10\" style=\"stroke:#0969da\"/><circle class=\"actual\" cx=\"" + svg_number(x + 10) +
         "\" cy=\"8\" r=\"3.2\" style=\"fill:#0969da;stroke:#fff\"/>";
  label("legend_actual", 26);
  out += "<circle class=\"actual estimate\" cx=\"" + svg_number(x + 5) + "\" cy=\"11\" r=\"3.2\" style=\"fill:#fff;stroke:#0969da\"/>";
  label("legend_estimate", 14);
  out += "<line class=\"as-of\" x1=\"" + svg_number(x + 4) + "\" x2=\"" + svg_number(x + 4) + "\" y1=\"3\" y2=\"19\"/>";
  label("legend_as_of", 12);
  out += "</svg>";
  return out;
}


// The grade counts of a roll-up as a bar of coloured parts, with the counts as its label.
inline std::string stack_bar(const report_view& c, const miyagiplan::rollup& r) {
  std::string aria, spans;
  for (const auto& [label, n] : r.grade_counts) {
    aria += (aria.empty() ? "" : ", ") + scheme_label(c.lang, label) + " " + std::to_string(n);
    if (n == 0) continue;
    spans += "<span style=\"flex:" + std::to_string(n) + ";background:" +
             colour_of(c.grade_rank(label), c.scheme.bands.size()) + "\" title=\"" +
             escape_html(scheme_label(c.lang, label)) + ": " + std::to_string(n) + "\"></span>";
  }
  return "<div class=\"stack\" role=\"img\" aria-label=\"" + escape_html(aria) + "\">" + spans + "</div>";
}

inline std::string counts_row(const report_view& c, const miyagiplan::rollup& r, const std::string& what) {
  std::string out = "<tr class=\"rollup " + what + "\" data-id=\"" + escape_html(r.id) + "\"><td class=\"id\">" + escape_html(r.id) +
                    "</td><td>" + escape_html(r.title) + "</td><td>" + rating_badge(c, r.rating) + "</td><td class=\"num\">" +
                    (r.average_points ? format_number(*r.average_points, 2) : "-") + "</td>";
  for (const auto& [label, n] : r.grade_counts) out += "<td class=\"num\">" + std::to_string(n) + "</td>";
  out += "<td>" + stack_bar(c, r) + "</td></tr>\n";
  return out;
}

// Whether the grade labels are too long to head columns of counts.
inline bool numbered_grades(const report_view& c) {
  for (const auto& label : c.grade_labels())
    if (display_width(scheme_label(c.lang, label)) > 4) return true;
  return false;
}

// A grade's colour with a short text (its number) in place of its label.
inline std::string grade_chip(const report_view& c, const std::string& grade, const std::string& text) {
  return "<span class=\"badge grade chip\" data-grade=\"" + escape_html(grade) + "\" title=\"" +
         escape_html(scheme_label(c.lang, grade)) + "\" style=\"background:" +
         colour_of(c.grade_rank(grade), c.scheme.bands.size()) + "\">" + escape_html(text) + "</span>";
}

inline std::string rollup_table(const report_view& c, const std::vector<miyagiplan::rollup>& rollups,
                         std::string_view name_key, const std::string& what) {
  const language l = c.lang;
  std::string out = "<table class=\"rollups " + what + "\"><thead><tr><th>ID</th><th>" + escape_html(label_of(l, name_key)) +
                    "</th><th>" + escape_html(label_of(l, "rating")) + "</th><th class=\"num\">" + escape_html(label_of(l, "average")) + "</th>";
  // Long labels (総務省's five levels) are numbered here and named in the legend.
  const auto labels = c.grade_labels();
  const bool numbered = numbered_grades(c);
  for (std::size_t k = 0; k < labels.size(); ++k)
    out += "<th class=\"num\">" +
           (numbered ? grade_chip(c, labels[k], std::to_string(k + 1)) : grade_badge(c, labels[k])) + "</th>";
  out += "<th>" + escape_html(label_of(l, "grade_counts")) + "</th></tr></thead><tbody>\n";
  for (const auto& r : rollups) out += counts_row(c, r, what);
  return out + "</tbody></table>\n";
}

inline std::string value_cell(const std::string& value, const std::string& date, const std::string& title = {}) {
  return "<td class=\"num\"" + (title.empty() ? std::string() : " title=\"" + escape_html(title) + "\"") + ">" +
         escape_html(value.empty() ? "-" : value) + (date.empty() ? "" : "<span class=\"sub\">" + escape_html(date) + "</span>") +
         "</td>";
}


inline std::string render(const report_view& c) {
  const language l = c.lang;
  const bool ja = l == language::ja;
  const bool with = (c.report != nullptr);
  const std::string title = c.plan.title.empty() ? c.plan.id : c.plan.title;
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(ja ? "ja" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"miyagiplan " + std::string(miyagiplan::version_string) + "\">\n"
                  "<title>" + escape_html(title) + (with ? (ja ? " 評価" : " — attainment") : "") + "</title>\n<style>\n" + std::string(miyagiplan::data::dashboard_css) +
                  "</style>\n</head>\n<body>\n";

  // The heading.
  h += "<header class=\"page\"><div class=\"inner\"><h1 id=\"title\">" + escape_html(title) + "</h1>\n<dl class=\"meta\">";
  auto meta = [&](std::string_view key, const std::string& value, const std::string& cls) {
    h += "<dt>" + escape_html(label_of(l, key)) + "</dt><dd class=\"" + cls + "\">" + escape_html(value) + "</dd>";
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
  h += "</dl></div></header>\n<main>\n";

  // The summary of grades per area (or, without actuals, the areas), and the goals.
  h += "<div class=\"cols\">\n";
  if (with) {
    h += "<section class=\"card\" id=\"summary\"><h2>" + escape_html(label_of(l, "summary")) + "</h2>\n" +
         rollup_table(c, c.report->areas, "area", "area");
    h += "<ul class=\"legend-grades\">";
    const bool numbered = numbered_grades(c);
    auto number = [&](std::size_t k) { return numbered ? grade_chip(c, c.grade_labels()[k], std::to_string(k + 1)) + " " : ""; };
    for (std::size_t k = 0; k < c.scheme.bands.size(); ++k)
      h += "<li>" + number(k) + grade_badge(c, c.scheme.bands[k].label) + " " +
           escape_html(band_meaning(c, c.scheme.bands[k], k + 1 == c.scheme.bands.size())) + "</li>";
    h += "<li>" + number(c.scheme.bands.size()) + grade_badge(c, c.scheme.not_evaluable) + " " +
         (ja ? "判定できない（実績値なし等）" : "cannot be judged (no actual, …)") + "</li></ul>\n</section>\n";
  } else {
    h += "<section class=\"card\" id=\"areas\"><h2>" + escape_html(label_of(l, "areas")) + "</h2><table class=\"areas\"><tbody>\n";
    for (const auto& a : c.plan.areas) {
      std::size_t measures = 0, indicators = 0;
      for_each_measure(a, [&](const miyagiplan::measure& m, int) {
        ++measures;
        indicators += m.indicators.size();
      });
      h += "<tr class=\"area\" data-id=\"" + escape_html(a.id) + "\"><td class=\"id\">" + escape_html(a.id) + "</td><td>" +
           escape_html(a.title) + "</td><td class=\"num\">" + escape_html(label_of(l, "measures")) + " " + std::to_string(measures) +
           "</td><td class=\"num\">" + escape_html(label_of(l, "indicators")) + " " + std::to_string(indicators) + "</td></tr>\n";
    }
    h += "</tbody></table></section>\n";
  }
  h += "<section class=\"card\" id=\"goals\"><h2>" + escape_html(label_of(l, "goals")) + "</h2><table class=\"goals\"><tbody>\n";
  for (const auto& g : c.plan.goals) {
    std::string areas;
    for (const auto& a : g.areas) areas += (areas.empty() ? "" : ", ") + a;
    h += "<tr class=\"goal\" data-id=\"" + escape_html(g.id) + "\"><td class=\"id\">" + escape_html(g.id) + "</td><td>" + escape_html(g.title) +
         "<span class=\"sub\">" + escape_html(label_of(l, "areas")) + ": " + escape_html(areas) + "</span>";
    if (c.report)
      for (const auto& r : c.report->goals)
        if (r.id == g.id)
          h += "<div class=\"goal-rating\">" + rating_badge(c, r.rating) + "<span class=\"avg\">" +
               escape_html(label_of(l, "average")) + " " + (r.average_points ? format_number(*r.average_points, 2) : "-") +
               "</span>" + stack_bar(c, r) + "</div>";
    h += "</td></tr>\n";
  }
  if (c.report)
    for (const auto& r : c.report->overall)
      h += "<tr class=\"plan\" data-id=\"" + escape_html(r.id) + "\"><td class=\"id\"></td><td>" +
           escape_html(label_of(l, "rollup_plan")) + "<div class=\"goal-rating\">" + rating_badge(c, r.rating) +
           "<span class=\"avg\">" + escape_html(label_of(l, "average")) + " " +
           (r.average_points ? format_number(*r.average_points, 2) : "-") + "</span>" + stack_bar(c, r) + "</div></td></tr>\n";
  h += "</tbody></table></section>\n</div>\n\n";

  // Every indicator, grouped by area and measure, each with its chart.
  std::size_t count = 0;
  for (const auto& a : c.plan.areas) for_each_measure(a, [&](const miyagiplan::measure& m, int) { count += m.indicators.size(); });
  h += "<section class=\"card\" id=\"indicators\"><h2>" + escape_html(label_of(l, "indicators")) + "（" + std::to_string(count) +
       "）</h2>\n" + chart_legend(c) + "\n<table class=\"indicators\"><thead><tr><th>ID</th><th>" +
       escape_html(label_of(l, "indicator")) + "</th><th class=\"num\">" + escape_html(label_of(l, "baseline")) + "</th><th class=\"num\">" +
       escape_html(label_of(l, "target")) + "</th>";
  const int columns = with ? 8 : 5;
  if (with)
    h += "<th class=\"num\">" + escape_html(label_of(l, "actual")) + "<span class=\"sub\">" + escape_html(label_of(l, "expected")) +
         "</span></th><th class=\"num\">" + escape_html(label_of(l, "rate")) + "</th><th>" + escape_html(label_of(l, "grade")) + "</th>";
  h += "<th>" + escape_html(label_of(l, "chart")) + "</th></tr></thead>\n<tbody>\n";
  for (const auto& a : c.plan.areas) {
    const auto* ar = c.area_rollup(a.id);
    h += "<tr class=\"group area\" data-id=\"" + escape_html(a.id) + "\"><th colspan=\"" + std::to_string(columns) + "\">" +
         escape_html(label_of(l, "area")) + " " + escape_html(a.id) + "　" + escape_html(a.title) + (ar ? rating_badge(c, ar->rating) : "") +
         "</th></tr>\n";
    for_each_measure(a, [&](const miyagiplan::measure& m, int depth) {
      const auto* mr = c.measure_rollup(m.id);
      h += "<tr class=\"group measure\" data-id=\"" + escape_html(m.id) + "\"><th colspan=\"" + std::to_string(columns) +
           "\"" + (depth ? " style=\"padding-left:34px\"" : "") + ">" + escape_html(label_of(l, "measure")) + " " + escape_html(m.id) + "　" +
           escape_html(m.title) + (mr ? rating_badge(c, mr->rating) : "") + "</th></tr>\n";
      for (const auto& ind : m.indicators) {
        const auto* ia = c.assessment(ind.id);
        const value_style vs = c.style(ind);
        h += "<tr class=\"indicator\" id=\"indicator-" + escape_html(ind.id) + "\" data-id=\"" + escape_html(ind.id) + "\"" +
             (ia ? " data-grade=\"" + escape_html(ia->assessment.grade) + "\" data-status=\"" +
                       escape_html(miyagiplan::to_string(ia->assessment.status)) + "\""
                 : std::string()) +
             ">";
        h += "<td class=\"id\">" + escape_html(ind.id) + "</td>";
        h += "<td class=\"name\">" + escape_html(ind.name) + "<br><span class=\"kind\">" + escape_html(kind_text(l, ind)) + "</span>";
        for (const auto& note : ind.notes) h += "<p class=\"explain note\">" + escape_html(note) + "</p>";
        if (ia) h += "<p class=\"explain\">" + escape_html(c.explanation(*ia, ind)) + "</p>";
        h += "</td>";
        h += value_cell(ind.baseline.value.text, ind.baseline.when.text(), ind.source);
        h += value_cell(ind.target.value.text, ind.target.when.text(), ind.source);
        if (ia) {
          const auto& as = ia->assessment;
          const auto* d = c.actual_date(*ia);
          h += "<td class=\"num actual\">" + escape_html(as.actual ? format_value(vs, *as.actual) : "-") +
               (d ? "<span class=\"sub\">" + escape_html(d->text()) + "</span>" : "") + "<span class=\"sub expected\">" +
               escape_html(label_of(l, "expected")) + " " + escape_html(as.expected ? format_value(vs, *as.expected) : "-") + "</span></td>";
          const std::string colour = colour_of(c.grade_rank(as.grade), c.scheme.bands.size());
          h += "<td class=\"num rate\">" + (as.rate ? escape_html(format_rate(*as.rate)) : std::string("-"));
          if (as.rate)
            h += "<span class=\"ratebar\"><span style=\"width:" + svg_number(std::clamp(*as.rate, 0.0, 1.0) * 100) +
                 "%;background:" + colour + "\"></span></span>";
          h += "</td><td class=\"grade\">" + grade_badge(c, as.grade, c.explanation(*ia, ind)) + "<span class=\"status\">" +
               escape_html(status_text(l, as.status)) + "</span></td>";
        } else if (with) {
          h += "<td></td><td></td><td></td>";
        }
        h += "<td class=\"chart\">" + chart_svg(c, ind) + "</td></tr>\n";
      }
    });
  }
  h += "</tbody></table></section>\n";

  if (with) {
    h += "<section class=\"card\" id=\"measures\"><h2>" + escape_html(label_of(l, "rollup_measures")) + "</h2>\n" +
         rollup_table(c, c.report->measures, "measure", "measure") + "</section>\n";
  }
  h += "<footer>" + escape_html(label_of(l, "generated")) + " " + escape_html(miyagiplan::version_string) + " · " +
       escape_html(c.plan_source.empty() ? std::string(label_of(l, "bundled")) : c.plan_source) + "</footer>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace miyagiplan::present::html_format
