// The report for people: a text table that fits a terminal. Included by render-inl.hpp.
#pragma once

#include "miyagiplan/report/render_view-inl.hpp"
#include "miyagiplan/report/render_tables-inl.hpp"

namespace miyagiplan::present::text_format {


inline std::string points_text(const std::optional<double>& v) {
  return v ? format_number(*v, 2) : std::string("-");
}

inline std::string period_text(const report_view& c) {
  const auto& p = c.plan.period;
  if (p.empty()) return "-";
  return p.text() + (c.lang == language::ja ? "（" : " (") + iso_day(p.days().first) +
         (c.lang == language::ja ? "～" : " .. ") +
         (p.open_ended() ? std::string() : iso_day(p.days().last)) + (c.lang == language::ja ? "）" : ")");
}

inline std::string as_of_text(const report_view& c) {
  if (!c.as_of) return "-";
  return iso_day(*c.as_of) + (c.lang == language::ja ? "（" + kanji_day(*c.as_of) + "）" : "");
}

inline std::string grades_legend(const report_view& c) {
  std::string out;
  for (const auto& l : c.grade_labels()) out += (out.empty() ? "" : " / ") + scheme_label(c.lang, l);
  return out;
}

// Whether the grade labels are short enough to head count columns; else columns are numbered.
inline bool short_labels(const report_view& c) {
  for (const auto& l : c.grade_labels())
    if (display_width(scheme_label(c.lang, l)) > 4) return false;
  return true;
}

struct indicator_cells {
  std::string baseline, baseline_date, target, target_date, actual, actual_date, expected, rate, grade, status;
};

inline indicator_cells cells_of(const report_view& c, const miyagiplan::indicator& ind, bool compact) {
  const language l = c.lang;
  indicator_cells out;
  auto date_of = [&](const miyagiplan::date_expression& d) { return compact ? compact_date(l, d) : d.text(); };
  out.baseline = ind.baseline.value.text.empty() ? "-" : ind.baseline.value.text;
  out.baseline_date = date_of(ind.baseline.when);
  out.target = ind.target.value.text.empty() ? "-" : ind.target.value.text;
  out.target_date = date_of(ind.target.when);
  if (const auto* a = c.assessment(ind.id)) {
    const value_style s = c.style(ind);
    const auto& as = a->assessment;
    out.actual = as.actual ? format_value(s, *as.actual) : "-";
    if (const auto* d = c.actual_date(*a)) out.actual_date = date_of(*d);
    out.expected = as.expected ? format_value(s, *as.expected) : "-";
    out.rate = as.rate ? format_rate(*as.rate) : "-";
    out.grade = scheme_label(l, as.grade);
    out.status = std::string(status_text(l, as.status));
  }
  return out;
}

inline void rollup_table(std::string& out, const report_view& c, const std::vector<miyagiplan::rollup>& rollups,
                  std::string_view title_key, std::string_view name_key) {
  const language l = c.lang;
  const auto labels = c.grade_labels();
  const bool short_heads = short_labels(c);
  std::vector<text_column> cols{
      {{"ID"}, align::left, false, 2},
      {{std::string(label_of(l, name_key))}, align::left, true, 10},
      {{std::string(label_of(l, "rating"))}, align::left, false, 4},
      {{std::string(label_of(l, "average"))}, align::right, false, 4},
  };
  for (std::size_t k = 0; k < labels.size(); ++k)
    cols.push_back({{short_heads ? scheme_label(l, labels[k]) : std::to_string(k + 1)}, align::right, false, 1});
  text_table t(std::move(cols));
  for (const auto& r : rollups) {
    std::vector<std::string> cells{r.id, r.title, scheme_label(l, r.rating), points_text(r.average_points)};
    for (const auto& [label, count] : r.grade_counts) cells.push_back(std::to_string(count));
    t.add_cells(std::move(cells));
  }
  out += std::string(label_of(l, title_key)) + "\n" + t.render(c.width);
  if (!short_heads) {
    // The legend of the numbered columns, wrapped to the width.
    std::string line = " ";
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const std::string item = " " + std::to_string(k + 1) + "=" + scheme_label(l, labels[k]);
      if (display_width(line) + display_width(item) > c.width && line.size() > 1) {
        out += line + "\n";
        line = " ";
      }
      line += truncate_to_width(item, c.width - 1);
    }
    out += line + "\n";
  }
  out += "\n";
}


// A table of plain_table's rows under its title; the column `flex` takes the width left.
inline void plain_text_table(std::string& out, const report_view& c, const plain_table& t, std::size_t flex) {
  std::vector<text_column> cols;
  for (std::size_t k = 0; k < t.header.size(); ++k)
    cols.push_back({{t.header[k]}, t.right[k] ? align::right : align::left, k == flex, 2, k != flex});
  text_table table(std::move(cols));
  out += std::string(label_of(c.lang, t.title_key)) + "\n";
  for (const auto& row : t.rows) table.add_cells(row);
  out += table.render(c.width) + "\n";
}

// The year-over-year tables of a report over every fiscal year.
inline void years_tables(std::string& out, const report_view& c) {
  out += "\n" + std::string(label_of(c.lang, "years")) + "\n";
  for (const plain_table& t : {grades_by_year(c), counts_by_year(c)}) plain_text_table(out, c, t, 1);
}

// What the evaluation record says, one line per entry with words: the ID and grade, then each
// text on its own line, indented (they are sentences, not cells).
inline void record_lines(std::string& out, const report_view& c) {
  const plain_table t = record_table(c);
  out += "\n" + std::string(label_of(c.lang, t.title_key)) + "\n";
  for (const auto& row : t.rows) {
    out += row[0] + "  " + truncate_to_width(row[1], std::max(10, c.width - display_width(row[0]) - display_width(row[2]) - 6)) + "  [" + row[2] + "]\n";
    for (std::size_t k = 3; k < row.size(); ++k)
      if (!row[k].empty()) out += "    " + t.header[k] + (c.lang == language::ja ? "：" : ": ") + row[k] + "\n";
  }
}

inline std::string render(const report_view& c) {
  const language l = c.lang;
  const bool ja = l == language::ja;
  const int w = c.width;
  std::string out;

  // The heading: what plan, which period, which actuals, as of when, by which scheme.
  {
    text_table head({{{}, align::left, false, 4}, {{}, align::left, true, 10}});
    head.add_span(c.plan.title.empty() ? c.plan.id : c.plan.title);
    head.add_cells({std::string(label_of(l, "issuer")), c.plan.issuer.empty() ? "-" : c.plan.issuer});
    head.add_cells({std::string(label_of(l, "period")), period_text(c)});
    if (c.report) {
      head.add_cells({std::string(label_of(l, "actuals")), c.actuals_source + (ja ? "（" : " (") +
                                                         std::to_string(c.actuals->size()) +
                                                         (ja ? "件）" : " observations)")});
    }
    if (c.as_of) head.add_cells({std::string(label_of(l, "as_of")), as_of_text(c)});
    if (c.report)
      head.add_cells({std::string(label_of(l, "scheme")), c.scheme.name + (ja ? "（" : " (") + grades_legend(c) +
                                                        (ja ? "）" : ")")});
    else
      head.add_cells({std::string(label_of(l, "actuals")), std::string(label_of(l, "no_actuals"))});
    out += head.render(w) + "\n";
  }

  // Goals and areas.
  {
    text_table goals({{{}, align::left, false, 2}, {{}, align::left, true, 10}});
    goals.add_span(std::string(label_of(l, "goals")));
    for (const auto& g : c.plan.goals) {
      goals.add_cells({"  " + g.id, g.title});
      std::string areas;
      for (const auto& a : g.areas) areas += (areas.empty() ? "" : ", ") + a;
      goals.add_cells({"", std::string(label_of(l, "areas")) + (ja ? "：" : ": ") + areas});
    }
    goals.add_blank();
    goals.add_span(std::string(label_of(l, "areas")));
    for (const auto& a : c.plan.areas) {
      // Measures as the document counts them (3-1's sub-measures are parts of 3-1).
      const std::size_t measures = a.measures.size();
      std::size_t indicators = 0;
      for_each_measure(a, [&](const miyagiplan::measure& m, int) { indicators += m.indicators.size(); });
      std::string line = a.title + (ja ? "（施策 " : " (") + std::to_string(measures) + (ja ? "、目標指標 " : " measures, ") +
                         std::to_string(indicators) + (ja ? "）" : " indicators)");
      goals.add_cells({"  " + a.id, line});
    }
    out += goals.render(w) + "\n";
  }

  // Every indicator: its name on one line, then its values, then their dates and its status.
  const bool with = (c.report != nullptr);
  int id_width = 2;
  for (const auto* ind : c.plan.indicators()) id_width = std::max(id_width, display_width(ind->id));
  std::vector<text_column> cols{
      {{"ID", ""}, align::left, false, id_width},
      {{std::string(label_of(l, "baseline")), std::string(label_of(l, "date"))}, align::right, false, 4},
      {{std::string(label_of(l, "target")), std::string(label_of(l, "date"))}, align::right, false, 4},
  };
  if (with) {
    cols.push_back({{std::string(label_of(l, "actual")), std::string(label_of(l, "date"))}, align::right, false, 4});
    cols.push_back({{std::string(label_of(l, "expected")), ""}, align::right, false, 4});
    cols.push_back({{std::string(label_of(l, "rate")), ""}, align::right, false, 4});
    cols.push_back({{std::string(label_of(l, "grade")), std::string(label_of(l, "status"))}, align::left, true, 4, true});
  } else {
    cols.push_back({{std::string(label_of(l, "kind")), ""}, align::left, true, 4});
  }
  text_table t(std::move(cols));
  t.add_rule("=");
  std::size_t count = 0;
  for (const auto& a : c.plan.areas) {
    std::string area_line = std::string(label_of(l, "area")) + " " + a.id + "  " + a.title;
    const auto* ar = c.area_rollup(a.id);
    t.add_span(area_line, 0, ar ? "[" + scheme_label(l, ar->rating) + "]" : std::string());
    for_each_measure(a, [&](const miyagiplan::measure& m, int depth) {
      const auto* mr = c.measure_rollup(m.id);
      t.add_span(std::string(label_of(l, "measure")) + " " + m.id + "  " + m.title, 2 + 2 * depth,
                 mr ? "[" + scheme_label(l, mr->rating) + "]" : std::string());
      for (const auto& ind : m.indicators) {
        ++count;
        const indicator_cells v = cells_of(c, ind, true);
        t.add_span(ind.id + "  " + ind.name, 0, with ? kind_text(l, ind) : std::string());
        if (with) {
          t.add_cells({"", v.baseline, v.target, v.actual, v.expected, v.rate, v.grade});
          t.add_cells({"", v.baseline_date, v.target_date, v.actual_date, "", "", v.status});
        } else {
          t.add_cells({"", v.baseline, v.target, kind_text(l, ind)});
          t.add_cells({"", v.baseline_date, v.target_date, ""});
        }
      }
    });
    t.add_rule("-");
  }
  out += std::string(label_of(l, "indicators")) + (ja ? "（" : " (") + std::to_string(count) + (ja ? "）" : ")") + "\n";
  out += t.render(w);

  if (c.report) {
    out += "\n";
    rollup_table(out, c, c.report->measures, "rollup_measures", "measure");
    rollup_table(out, c, c.report->areas, "rollup_areas", "area");
    if (!c.report->goals.empty()) rollup_table(out, c, c.report->goals, "rollup_goals", "goal");
    if (!c.report->overall.empty()) rollup_table(out, c, c.report->overall, "rollup_plan", "plan");
    if (c.years) years_tables(out, c);
    if (c.record) record_lines(out, c);
    while (out.ends_with("\n\n")) out.pop_back();
  }
  return out;
}

}  // namespace miyagiplan::present::text_format
