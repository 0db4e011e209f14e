// The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts and
// nothing fetched from anywhere. Grades carry their label as text; colour is only a second cue.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report_data.hpp"
#include "text_width.hpp"

namespace mpcli {
namespace {

std::string esc(std::string_view s) {
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

std::string num(double v, int decimals = 1) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

// Five stops from green to red; a scheme of n levels takes n of them, spread evenly.
constexpr const char* palette[] = {"#1a7f37", "#4d7d12", "#9a6700", "#bc4c00", "#cf222e"};
constexpr const char* grey = "#6e7781";

std::string colour_of(int rank, std::size_t levels) {
  if (rank < 0 || levels == 0) return grey;
  if (levels == 1) return palette[0];
  const double pos = static_cast<double>(rank) * 4.0 / static_cast<double>(levels - 1);
  const auto k = static_cast<std::size_t>(std::clamp(std::lround(pos), 0L, 4L));
  return palette[k];
}

std::string grade_badge(const report_context& c, const std::string& grade, const std::string& title = {}) {
  const int rank = c.grade_rank(grade);
  return "<span class=\"badge grade\" data-grade=\"" + esc(grade) + "\" style=\"background:" +
         colour_of(rank, c.scheme.bands.size()) + "\"" + (title.empty() ? "" : " title=\"" + esc(title) + "\"") +
         ">" + esc(scheme_label(c.language, grade)) + "</span>";
}

std::string rating_badge(const report_context& c, const std::string& rating) {
  const int rank = c.rating_rank(rating);
  return "<span class=\"badge rating\" data-rating=\"" + esc(rating) + "\" style=\"background:" +
         colour_of(rank, c.scheme.rollup.size()) + "\">" + esc(scheme_label(c.language, rating)) + "</span>";
}

std::string percent_text(double r) { return num(r * 100, 0) + "%"; }

// What a band of the scheme means, for the legend.
std::string band_meaning(const report_context& c, const miyagiplan::grade_band& b, bool last) {
  const bool ja = c.language == lang::ja;
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

xy at(double day, double value) {
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
miyagiplan::sys_days shown_day(const miyagiplan::date_expression& d) {
  return d.open_ended() ? d.days().first : d.days().last;
}

// A day on the chart's time axis: days since 1970-01-01.
double axis_day(miyagiplan::sys_days d) { return static_cast<double>(miyagiplan::day_count_of(d)); }

series series_of(const report_context& c, const miyagiplan::indicator& ind) {
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
    return std::string(tr(c.language, "date")) + " " + d.text() + ": " + value;
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
double nice_step(double span, int parts) {
  const double raw = span / parts;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

std::string chart_svg(const report_context& c, const miyagiplan::indicator& ind) {
  const series s = series_of(c, ind);
  const lang l = c.language;
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
  auto X = [&](double day) { return left + (std::clamp(day, x0, x1) - x0) / (x1 - x0) * (right - left); };

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
  auto Y = [&](double v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); };
  const int tick_decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  const auto* a = c.assessment(ind.id);
  const std::string colour = a ? colour_of(c.grade_rank(a->assessment.grade), c.scheme.bands.size()) : "#0969da";
  std::string svg = "<svg class=\"chart\" data-id=\"" + esc(ind.id) + "\" viewBox=\"0 0 " + num(W) + " " + num(H) +
                    "\" width=\"" + num(W) + "\" height=\"" + num(H) + "\" role=\"img\" aria-label=\"" +
                    esc(ind.id + " " + ind.name) + "\">";
  svg += "<title>" + esc(ind.id + " " + ind.name) + "</title>";
  // The plan period, shaded.
  if (!c.plan.period.empty())
    svg += "<rect class=\"period\" x=\"" + num(X(axis_day(period.first))) + "\" y=\"" + num(top) + "\" width=\"" +
           num(X(axis_day(period.last) + 1) - X(axis_day(period.first))) + "\" height=\"" + num(bottom - top) +
           "\"/>";
  // Value grid and labels.
  for (double v = lo; v <= hi + step * 1e-6; v += step) {
    const double y = Y(v);
    svg += "<line class=\"grid\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(y) + "\" y2=\"" +
           num(y) + "\"/>";
    svg += "<text class=\"ylabel\" x=\"" + num(left - 4) + "\" y=\"" + num(y + 3.5) + "\">" +
           esc(format_number(v, tick_decimals)) + "</text>";
  }
  // Fiscal-year ticks, labelled in the middle of each year.
  const int years = fy1.year() - fy0.year() + 1;
  const int every = years > 8 ? (years + 7) / 8 : 1;
  for (auto fy = fy0; fy <= fy1; fy = fy.next()) {
    const double xa = X(axis_day(fy.days().first)), xb = X(axis_day(fy.days().last) + 1);
    svg += "<line class=\"tick\" x1=\"" + num(xa) + "\" x2=\"" + num(xa) + "\" y1=\"" + num(top) + "\" y2=\"" +
           num(bottom + 4) + "\"/>";
    if ((fy.year() - fy0.year()) % every == 0)
      svg += "<text class=\"xlabel\" x=\"" + num((xa + xb) / 2) + "\" y=\"" + num(bottom + 15) + "\">" +
             esc(fiscal_axis_label(l, fy)) + "</text>";
  }
  svg += "<line class=\"axis\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" + num(bottom) + "\" y2=\"" +
         num(bottom) + "\"/>";
  svg += "<text class=\"unit\" x=\"" + num(left - 4) + "\" y=\"" + num(top - 5) + "\">" + esc(s.unit) + "</text>";
  // The expected line.
  if (s.expected.size() == 2)
    svg += "<line class=\"expected\" x1=\"" + num(X(s.expected[0].day)) + "\" y1=\"" + num(Y(s.expected[0].value)) +
           "\" x2=\"" + num(X(s.expected[1].day)) + "\" y2=\"" + num(Y(s.expected[1].value)) + "\"/>";
  // The as-of line.
  if (c.as_of) {
    const double x = X(axis_day(*c.as_of));
    svg += "<line class=\"as-of\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top - 4) + "\" y2=\"" +
           num(bottom) + "\"><title>" + esc(std::string(tr(l, "as_of")) + " " + iso_day(*c.as_of)) +
           "</title></line>";
  }
  // Baseline (hollow circle) and target (diamond).
  if (s.baseline)
    svg += "<circle class=\"baseline\" cx=\"" + num(X(s.baseline->day)) + "\" cy=\"" + num(Y(s.baseline->value)) +
           "\" r=\"3.6\"><title>" + esc(std::string(tr(l, "baseline")) + " " + s.baseline->label) + "</title></circle>";
  if (s.target) {
    const double x = X(s.target->day), y = Y(s.target->value);
    svg += "<path class=\"target\" d=\"M" + num(x) + " " + num(y - 5) + "L" + num(x + 5) + " " + num(y) + "L" + num(x) +
           " " + num(y + 5) + "L" + num(x - 5) + " " + num(y) + "Z\"><title>" +
           esc(std::string(tr(l, "target")) + " " + s.target->label) + "</title></path>";
  }
  // Actuals on top: a line, then points (hollow for estimates).
  if (s.actual.size() > 1) {
    std::string pts;
    for (const auto& p : s.actual) pts += (pts.empty() ? "" : " ") + num(X(p.day)) + "," + num(Y(p.value));
    svg += "<polyline class=\"actual\" points=\"" + pts + "\" style=\"stroke:" + colour + "\"/>";
  }
  for (const auto& p : s.actual)
    svg += "<circle class=\"actual" + std::string(p.estimate ? " estimate" : "") + "\" cx=\"" + num(X(p.day)) +
           "\" cy=\"" + num(Y(p.value)) + "\" r=\"3.2\" style=\"" +
           (p.estimate ? "fill:#fff;stroke:" + colour : "fill:" + colour + ";stroke:#fff") + "\"><title>" +
           esc(p.label) + "</title></circle>";
  svg += "</svg>";
  return svg;
}

// The legend of the charts' marks, drawn with the same classes.
std::string chart_legend(const report_context& c) {
  const lang l = c.language;
  std::string out = "<svg class=\"legend\" viewBox=\"0 0 720 22\" width=\"720\" height=\"22\" role=\"img\" aria-label=\"" +
                    esc(std::string(tr(l, "legend"))) + "\">";
  double x = 4;
  auto label = [&](std::string_view key, double dx) {
    out += "<text class=\"legend-text\" x=\"" + num(x + dx) + "\" y=\"15\">" + esc(std::string(tr(l, key))) + "</text>";
    x += dx + 14 + 7.0 * static_cast<double>(display_width(tr(l, key)));
  };
  out += "<rect class=\"period\" x=\"" + num(x) + "\" y=\"4\" width=\"16\" height=\"14\"/>";
  label("legend_period", 22);
  out += "<circle class=\"baseline\" cx=\"" + num(x + 5) + "\" cy=\"11\" r=\"3.6\"/>";
  label("legend_baseline", 14);
  out += "<path class=\"target\" d=\"M" + num(x + 5) + " 6L" + num(x + 10) + " 11L" + num(x + 5) + " 16L" + num(x) + " 11Z\"/>";
  label("legend_target", 16);
  out += "<line class=\"expected\" x1=\"" + num(x) + "\" x2=\"" + num(x + 24) + "\" y1=\"11\" y2=\"11\"/>";
  label("legend_expected", 30);
  out += "<polyline class=\"actual\" points=\"" + num(x) + ",14 " + num(x + 10) + ",8 " + num(x + 20) +
         ",10\" style=\"stroke:#0969da\"/><circle class=\"actual\" cx=\"" + num(x + 10) +
         "\" cy=\"8\" r=\"3.2\" style=\"fill:#0969da;stroke:#fff\"/>";
  label("legend_actual", 26);
  out += "<circle class=\"actual estimate\" cx=\"" + num(x + 5) + "\" cy=\"11\" r=\"3.2\" style=\"fill:#fff;stroke:#0969da\"/>";
  label("legend_estimate", 14);
  out += "<line class=\"as-of\" x1=\"" + num(x + 4) + "\" x2=\"" + num(x + 4) + "\" y1=\"3\" y2=\"19\"/>";
  label("legend_as_of", 12);
  out += "</svg>";
  return out;
}

constexpr const char* css = R"CSS(
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #eaeef2; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f8fa; color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI",
  "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo,
  "IPAPGothic", "IPAGothic", sans-serif; }
main { max-width: 1500px; margin: 0 auto; padding: 20px 24px 40px; }
header.page { background: #fff; border-bottom: 1px solid var(--line); }
header.page .inner { max-width: 1500px; margin: 0 auto; padding: 18px 24px 14px; }
h1 { font-size: 24px; margin: 0 0 8px; letter-spacing: .02em; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: var(--muted); }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; color: var(--ink); }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--soft); vertical-align: top; text-align: left; }
thead th .sub { font-size: 11px; font-weight: 400; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; min-width: 2em; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 700;
  font-size: 12px; text-align: center; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.stack { display: flex; height: 12px; min-width: 110px; border-radius: 3px; overflow: hidden; background: var(--soft); }
.stack span { display: block; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.goal-rating { display: flex; align-items: center; gap: 10px; margin-top: 6px; }
.goal-rating .avg { color: var(--muted); font-size: 12px; white-space: nowrap; }
.goal-rating .stack { flex: 1; }
.legend-grades { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 12px; }
.cols { display: grid; grid-template-columns: 3fr 2fr; gap: 16px; }
.cols > section { min-width: 0; overflow-x: auto; }
.badge.chip { min-width: 1.7em; padding: 1px 5px; }
table.indicators td { font-size: 13px; }
tr.group th { text-align: left; font-size: 14px; padding-top: 10px; }
tr.group.area th { background: #eef2f6; border-top: 2px solid var(--line); }
tr.group.measure th { background: #fafbfc; font-weight: 600; padding-left: 18px; }
tr.group .badge { margin-left: 8px; vertical-align: 1px; }
td.id { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
td.name { min-width: 240px; width: 34%; }
.sub { display: block; color: var(--muted); font-size: 11.5px; white-space: nowrap; }
.kind { display: inline-block; margin-top: 2px; padding: 0 6px; border: 1px solid var(--line); border-radius: 4px; color: var(--muted); font-size: 11px; }
.sub.expected { margin-top: 3px; }
.explain { margin: 4px 0 0; color: var(--muted); font-size: 11.5px; line-height: 1.4; }
.status { display: block; margin-top: 3px; color: var(--muted); font-size: 11.5px; white-space: nowrap; }
.ratebar { display: block; height: 4px; margin-top: 4px; background: var(--soft); border-radius: 2px; overflow: hidden; }
.ratebar span { display: block; height: 100%; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td.chart { width: 308px; padding: 2px 4px; }
svg.chart { display: block; width: 300px; height: 132px; }
svg .period { fill: #eef5ff; }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .tick { stroke: #d0d7de; stroke-width: 1; }
svg .axis { stroke: #8c959f; stroke-width: 1; }
svg text { font: 9.5px system-ui, "Noto Sans CJK JP", "IPAPGothic", sans-serif; fill: #57606a; }
svg .ylabel, svg .unit { text-anchor: end; }
svg .xlabel { text-anchor: middle; }
svg .expected { stroke: #6e7781; stroke-width: 1.4; stroke-dasharray: 4 3; fill: none; }
svg .as-of { stroke: #8250df; stroke-width: 1.4; stroke-dasharray: 1.5 2; }
svg polyline.actual { fill: none; stroke-width: 2; }
svg circle.actual { stroke-width: 1.2; }
svg .baseline { fill: #fff; stroke: #24292f; stroke-width: 1.6; }
svg .target { fill: #24292f; }
svg.legend { display: block; max-width: 100%; height: auto; margin: 0 0 8px; }
svg.legend .legend-text { font-size: 12px; fill: #57606a; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@media (max-width: 1100px) { .cols { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main, header.page .inner { max-width: none; padding: 0; }
  header.page { border: none; margin-bottom: 8px; }
  section.card { border: none; padding: 0; margin: 12px 0; }
  .cols { grid-template-columns: 3fr 2fr; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.group { break-after: avoid; page-break-after: avoid; }
  svg.chart { width: 240px; height: 106px; }
  td.chart { width: 246px; }
}
)CSS";

// The grade counts of a roll-up as a bar of coloured parts, with the counts as its label.
std::string stack_bar(const report_context& c, const miyagiplan::rollup& r) {
  std::string aria, spans;
  for (const auto& [label, n] : r.grade_counts) {
    aria += (aria.empty() ? "" : ", ") + scheme_label(c.language, label) + " " + std::to_string(n);
    if (n == 0) continue;
    spans += "<span style=\"flex:" + std::to_string(n) + ";background:" +
             colour_of(c.grade_rank(label), c.scheme.bands.size()) + "\" title=\"" +
             esc(scheme_label(c.language, label)) + ": " + std::to_string(n) + "\"></span>";
  }
  return "<div class=\"stack\" role=\"img\" aria-label=\"" + esc(aria) + "\">" + spans + "</div>";
}

std::string counts_row(const report_context& c, const miyagiplan::rollup& r, const std::string& what) {
  std::string out = "<tr class=\"rollup " + what + "\" data-id=\"" + esc(r.id) + "\"><td class=\"id\">" + esc(r.id) +
                    "</td><td>" + esc(r.title) + "</td><td>" + rating_badge(c, r.rating) + "</td><td class=\"num\">" +
                    (r.average_points ? format_number(*r.average_points, 2) : "-") + "</td>";
  for (const auto& [label, n] : r.grade_counts) out += "<td class=\"num\">" + std::to_string(n) + "</td>";
  out += "<td>" + stack_bar(c, r) + "</td></tr>\n";
  return out;
}

// Whether the grade labels are too long to head columns of counts.
bool numbered_grades(const report_context& c) {
  for (const auto& label : c.grade_labels())
    if (display_width(scheme_label(c.language, label)) > 4) return true;
  return false;
}

// A grade's colour with a short text (its number) in place of its label.
std::string grade_chip(const report_context& c, const std::string& grade, const std::string& text) {
  return "<span class=\"badge grade chip\" data-grade=\"" + esc(grade) + "\" title=\"" +
         esc(scheme_label(c.language, grade)) + "\" style=\"background:" +
         colour_of(c.grade_rank(grade), c.scheme.bands.size()) + "\">" + esc(text) + "</span>";
}

std::string rollup_table(const report_context& c, const std::vector<miyagiplan::rollup>& rollups,
                         std::string_view name_key, const std::string& what) {
  const lang l = c.language;
  std::string out = "<table class=\"rollups " + what + "\"><thead><tr><th>ID</th><th>" + esc(tr(l, name_key)) +
                    "</th><th>" + esc(tr(l, "rating")) + "</th><th class=\"num\">" + esc(tr(l, "average")) + "</th>";
  // Long labels (総務省's five levels) are numbered here and named in the legend.
  const auto labels = c.grade_labels();
  const bool numbered = numbered_grades(c);
  for (std::size_t k = 0; k < labels.size(); ++k)
    out += "<th class=\"num\">" +
           (numbered ? grade_chip(c, labels[k], std::to_string(k + 1)) : grade_badge(c, labels[k])) + "</th>";
  out += "<th>" + esc(tr(l, "grade_counts")) + "</th></tr></thead><tbody>\n";
  for (const auto& r : rollups) out += counts_row(c, r, what);
  return out + "</tbody></table>\n";
}

std::string value_cell(const std::string& value, const std::string& date, const std::string& title = {}) {
  return "<td class=\"num\"" + (title.empty() ? std::string() : " title=\"" + esc(title) + "\"") + ">" +
         esc(value.empty() ? "-" : value) + (date.empty() ? "" : "<span class=\"sub\">" + esc(date) + "</span>") +
         "</td>";
}

}  // namespace

std::string render_html(const report_context& c) {
  const lang l = c.language;
  const bool ja = l == lang::ja;
  const bool with = c.report.has_value();
  const std::string title = c.plan.title.empty() ? c.plan.id : c.plan.title;
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(ja ? "ja" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"miyagiplan " + std::string(miyagiplan::version_string) + "\">\n"
                  "<title>" + esc(title) + (with ? (ja ? " 評価" : " — attainment") : "") + "</title>\n<style>" + css +
                  "</style>\n</head>\n<body>\n";

  // The heading.
  h += "<header class=\"page\"><div class=\"inner\"><h1 id=\"title\">" + esc(title) + "</h1>\n<dl class=\"meta\">";
  auto meta = [&](std::string_view key, const std::string& value, const std::string& cls) {
    h += "<dt>" + esc(tr(l, key)) + "</dt><dd class=\"" + cls + "\">" + esc(value) + "</dd>";
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
    meta("actuals", std::string(tr(l, "no_actuals")), "actuals");
  }
  h += "</dl></div></header>\n<main>\n";

  // The summary of grades per area (or, without actuals, the areas), and the goals.
  h += "<div class=\"cols\">\n";
  if (with) {
    h += "<section class=\"card\" id=\"summary\"><h2>" + esc(tr(l, "summary")) + "</h2>\n" +
         rollup_table(c, c.report->areas, "area", "area");
    h += "<ul class=\"legend-grades\">";
    const bool numbered = numbered_grades(c);
    auto number = [&](std::size_t k) { return numbered ? grade_chip(c, c.grade_labels()[k], std::to_string(k + 1)) + " " : ""; };
    for (std::size_t k = 0; k < c.scheme.bands.size(); ++k)
      h += "<li>" + number(k) + grade_badge(c, c.scheme.bands[k].label) + " " +
           esc(band_meaning(c, c.scheme.bands[k], k + 1 == c.scheme.bands.size())) + "</li>";
    h += "<li>" + number(c.scheme.bands.size()) + grade_badge(c, c.scheme.not_evaluable) + " " +
         (ja ? "判定できない（実績値なし等）" : "cannot be judged (no actual, …)") + "</li></ul>\n</section>\n";
  } else {
    h += "<section class=\"card\" id=\"areas\"><h2>" + esc(tr(l, "areas")) + "</h2><table class=\"areas\"><tbody>\n";
    for (const auto& a : c.plan.areas) {
      std::size_t measures = 0, indicators = 0;
      for_each_measure(a, [&](const miyagiplan::measure& m, int) {
        ++measures;
        indicators += m.indicators.size();
      });
      h += "<tr class=\"area\" data-id=\"" + esc(a.id) + "\"><td class=\"id\">" + esc(a.id) + "</td><td>" +
           esc(a.title) + "</td><td class=\"num\">" + esc(tr(l, "measures")) + " " + std::to_string(measures) +
           "</td><td class=\"num\">" + esc(tr(l, "indicators")) + " " + std::to_string(indicators) + "</td></tr>\n";
    }
    h += "</tbody></table></section>\n";
  }
  h += "<section class=\"card\" id=\"goals\"><h2>" + esc(tr(l, "goals")) + "</h2><table class=\"goals\"><tbody>\n";
  for (const auto& g : c.plan.goals) {
    std::string areas;
    for (const auto& a : g.areas) areas += (areas.empty() ? "" : ", ") + a;
    h += "<tr class=\"goal\" data-id=\"" + esc(g.id) + "\"><td class=\"id\">" + esc(g.id) + "</td><td>" + esc(g.title) +
         "<span class=\"sub\">" + esc(tr(l, "areas")) + ": " + esc(areas) + "</span>";
    if (c.report)
      for (const auto& r : c.report->goals)
        if (r.id == g.id)
          h += "<div class=\"goal-rating\">" + rating_badge(c, r.rating) + "<span class=\"avg\">" +
               esc(tr(l, "average")) + " " + (r.average_points ? format_number(*r.average_points, 2) : "-") +
               "</span>" + stack_bar(c, r) + "</div>";
    h += "</td></tr>\n";
  }
  h += "</tbody></table></section>\n</div>\n\n";

  // Every indicator, grouped by area and measure, each with its chart.
  std::size_t count = 0;
  for (const auto& a : c.plan.areas) for_each_measure(a, [&](const miyagiplan::measure& m, int) { count += m.indicators.size(); });
  h += "<section class=\"card\" id=\"indicators\"><h2>" + esc(tr(l, "indicators")) + "（" + std::to_string(count) +
       "）</h2>\n" + chart_legend(c) + "\n<table class=\"indicators\"><thead><tr><th>ID</th><th>" +
       esc(tr(l, "indicator")) + "</th><th class=\"num\">" + esc(tr(l, "baseline")) + "</th><th class=\"num\">" +
       esc(tr(l, "target")) + "</th>";
  const int columns = with ? 8 : 5;
  if (with)
    h += "<th class=\"num\">" + esc(tr(l, "actual")) + "<span class=\"sub\">" + esc(tr(l, "expected")) +
         "</span></th><th class=\"num\">" + esc(tr(l, "rate")) + "</th><th>" + esc(tr(l, "grade")) + "</th>";
  h += "<th>" + esc(tr(l, "chart")) + "</th></tr></thead>\n<tbody>\n";
  for (const auto& a : c.plan.areas) {
    const auto* ar = c.area_rollup(a.id);
    h += "<tr class=\"group area\" data-id=\"" + esc(a.id) + "\"><th colspan=\"" + std::to_string(columns) + "\">" +
         esc(tr(l, "area")) + " " + esc(a.id) + "　" + esc(a.title) + (ar ? rating_badge(c, ar->rating) : "") +
         "</th></tr>\n";
    for_each_measure(a, [&](const miyagiplan::measure& m, int depth) {
      const auto* mr = c.measure_rollup(m.id);
      h += "<tr class=\"group measure\" data-id=\"" + esc(m.id) + "\"><th colspan=\"" + std::to_string(columns) +
           "\"" + (depth ? " style=\"padding-left:34px\"" : "") + ">" + esc(tr(l, "measure")) + " " + esc(m.id) + "　" +
           esc(m.title) + (mr ? rating_badge(c, mr->rating) : "") + "</th></tr>\n";
      for (const auto& ind : m.indicators) {
        const auto* ia = c.assessment(ind.id);
        const value_style vs = c.style(ind);
        h += "<tr class=\"indicator\" id=\"indicator-" + esc(ind.id) + "\" data-id=\"" + esc(ind.id) + "\"" +
             (ia ? " data-grade=\"" + esc(ia->assessment.grade) + "\" data-status=\"" +
                       esc(miyagiplan::to_string(ia->assessment.status)) + "\""
                 : std::string()) +
             ">";
        h += "<td class=\"id\">" + esc(ind.id) + "</td>";
        h += "<td class=\"name\">" + esc(ind.name) + "<br><span class=\"kind\">" + esc(kind_text(l, ind)) + "</span>";
        for (const auto& note : ind.notes) h += "<p class=\"explain note\">" + esc(note) + "</p>";
        if (ia) h += "<p class=\"explain\">" + esc(ia->explanation) + "</p>";
        h += "</td>";
        h += value_cell(ind.baseline.value.text, ind.baseline.when.text(), ind.source);
        h += value_cell(ind.target.value.text, ind.target.when.text(), ind.source);
        if (ia) {
          const auto& as = ia->assessment;
          const auto* d = c.actual_date(*ia);
          h += "<td class=\"num actual\">" + esc(as.actual ? format_value(vs, *as.actual) : "-") +
               (d ? "<span class=\"sub\">" + esc(d->text()) + "</span>" : "") + "<span class=\"sub expected\">" +
               esc(tr(l, "expected")) + " " + esc(as.expected ? format_value(vs, *as.expected) : "-") + "</span></td>";
          const std::string colour = colour_of(c.grade_rank(as.grade), c.scheme.bands.size());
          h += "<td class=\"num rate\">" + (as.rate ? esc(format_rate(*as.rate)) : std::string("-"));
          if (as.rate)
            h += "<span class=\"ratebar\"><span style=\"width:" + num(std::clamp(*as.rate, 0.0, 1.0) * 100) +
                 "%;background:" + colour + "\"></span></span>";
          h += "</td><td class=\"grade\">" + grade_badge(c, as.grade, ia->explanation) + "<span class=\"status\">" +
               esc(status_text(l, as.status)) + "</span></td>";
        } else if (with) {
          h += "<td></td><td></td><td></td>";
        }
        h += "<td class=\"chart\">" + chart_svg(c, ind) + "</td></tr>\n";
      }
    });
  }
  h += "</tbody></table></section>\n";

  if (with) {
    h += "<section class=\"card\" id=\"measures\"><h2>" + esc(tr(l, "rollup_measures")) + "</h2>\n" +
         rollup_table(c, c.report->measures, "measure", "measure") + "</section>\n";
  }
  h += "<footer>" + esc(tr(l, "generated")) + " " + esc(miyagiplan::version_string) + " · " +
       esc(c.plan_source.empty() ? std::string(tr(l, "bundled")) : c.plan_source) + "</footer>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace mpcli
