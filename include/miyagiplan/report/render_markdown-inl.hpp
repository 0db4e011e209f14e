// The report for people: Markdown. Included by render-inl.hpp.
#pragma once

#include "miyagiplan/report/render_text-inl.hpp"

namespace miyagiplan::present::markdown_format {

inline std::string markdown_escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n' || ch == '\r') out += ' ';
    else out += ch;
  }
  return out;
}

inline std::string markdown_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + markdown_escape(c) + " |";
  return out + "\n";
}

inline std::string markdown_rule(std::size_t n, const std::vector<bool>& right = {}) {
  std::string out = "|";
  for (std::size_t k = 0; k < n; ++k) out += k < right.size() && right[k] ? " ---: |" : " --- |";
  return out + "\n";
}

inline void markdown_rollups(std::string& out, const report_view& c, const std::vector<miyagiplan::rollup>& rollups,
                std::string_view title_key, std::string_view name_key) {
  const language l = c.lang;
  out += "### " + std::string(label_of(l, title_key)) + "\n\n";
  std::vector<std::string> head{"ID", std::string(label_of(l, name_key)), std::string(label_of(l, "rating")),
                                std::string(label_of(l, "average_points"))};
  for (const auto& label : c.grade_labels()) head.push_back(scheme_label(l, label));
  out += markdown_row(head);
  std::vector<bool> right{false, false, false, true};
  right.resize(head.size(), true);
  out += markdown_rule(head.size(), right);
  for (const auto& r : rollups) {
    std::vector<std::string> cells{r.id, r.title, scheme_label(l, r.rating), text_format::points_text(r.average_points)};
    for (const auto& [label, count] : r.grade_counts) cells.push_back(std::to_string(count));
    out += markdown_row(cells);
  }
  out += "\n";
}


inline std::string render(const report_view& c) {
  const language l = c.lang;
  const bool with = (c.report != nullptr);
  std::string out = "# " + markdown_escape(c.plan.title.empty() ? c.plan.id : c.plan.title) + "\n\n";
  out += "- " + std::string(label_of(l, "issuer")) + ": " + markdown_escape(c.plan.issuer) + "\n";
  out += "- " + std::string(label_of(l, "period")) + ": " + markdown_escape(text_format::period_text(c)) + "\n";
  if (with) out += "- " + std::string(label_of(l, "actuals")) + ": `" + c.actuals_source + "`\n";
  else out += "- " + std::string(label_of(l, "actuals")) + ": " + std::string(label_of(l, "no_actuals")) + "\n";
  if (c.as_of) out += "- " + std::string(label_of(l, "as_of")) + ": " + text_format::as_of_text(c) + "\n";
  if (with) out += "- " + std::string(label_of(l, "scheme")) + ": " + c.scheme.name + " (" + markdown_escape(text_format::grades_legend(c)) + ")\n";
  out += "\n## " + std::string(label_of(l, "goals")) + "\n\n";
  out += markdown_row({"ID", std::string(label_of(l, "goal")), std::string(label_of(l, "areas"))}) + markdown_rule(3);
  for (const auto& g : c.plan.goals) {
    std::string areas;
    for (const auto& a : g.areas) areas += (areas.empty() ? "" : ", ") + a;
    out += markdown_row({g.id, g.title, areas});
  }
  out += "\n## " + std::string(label_of(l, "indicators")) + "\n\n";
  std::vector<std::string> head{"ID",
                                std::string(label_of(l, "indicator")),
                                std::string(label_of(l, "baseline")),
                                std::string(label_of(l, "date")),
                                std::string(label_of(l, "target")),
                                std::string(label_of(l, "date")),
                                std::string(label_of(l, "kind"))};
  if (with)
    for (const char* k : {"actual", "date", "expected", "rate", "grade", "status"}) head.push_back(std::string(label_of(l, k)));
  std::vector<bool> right(head.size(), false);
  right[2] = right[4] = true;
  if (with) right[7] = right[9] = right[10] = true;
  for (const auto& a : c.plan.areas) {
    out += "### " + std::string(label_of(l, "area")) + " " + markdown_escape(a.id) + " " + markdown_escape(a.title);
    if (const auto* r = c.area_rollup(a.id)) out += " — " + markdown_escape(scheme_label(l, r->rating));
    out += "\n\n";
    for_each_measure(a, [&](const miyagiplan::measure& m, int depth) {
      out += std::string(depth ? "##### " : "#### ") + std::string(label_of(l, "measure")) + " " + markdown_escape(m.id) + " " + markdown_escape(m.title);
      if (const auto* r = c.measure_rollup(m.id)) out += " — " + markdown_escape(scheme_label(l, r->rating));
      out += "\n\n";
      if (m.indicators.empty()) return;
      out += markdown_row(head) + markdown_rule(head.size(), right);
      for (const auto& ind : m.indicators) {
        const text_format::indicator_cells v = text_format::cells_of(c, ind, false);
        std::vector<std::string> row{ind.id,     ind.name,      v.baseline, v.baseline_date,
                                     v.target,   v.target_date, kind_text(l, ind)};
        if (with)
          for (auto* s : {&v.actual, &v.actual_date, &v.expected, &v.rate, &v.grade, &v.status})
            row.push_back(s->empty() ? "-" : *s);
        out += markdown_row(row);
      }
      out += "\n";
      if (with) {
        for (const auto& ind : m.indicators)
          if (const auto* ia = c.assessment(ind.id)) out += "- " + ind.id + ": " + markdown_escape(c.explanation(*ia, ind)) + "\n";
        out += "\n";
      }
    });
  }
  if (with) {
    out += "## " + std::string(label_of(l, "rollups")) + "\n\n";
    markdown_rollups(out, c, c.report->measures, "rollup_measures", "measure");
    markdown_rollups(out, c, c.report->areas, "rollup_areas", "area");
    if (!c.report->goals.empty()) markdown_rollups(out, c, c.report->goals, "rollup_goals", "goal");
    if (!c.report->overall.empty()) markdown_rollups(out, c, c.report->overall, "rollup_plan", "plan");
  }
  if (c.years) {
    out += "## " + std::string(label_of(l, "years")) + "\n\n";
    for (const plain_table& t : {grades_by_year(c), counts_by_year(c)}) {
      out += "### " + std::string(label_of(l, t.title_key)) + "\n\n";
      out += markdown_row(t.header) + markdown_rule(t.header.size(), t.right);
      for (const auto& row : t.rows) out += markdown_row(row);
      out += "\n";
    }
  }
  if (c.record) {
    const plain_table t = record_table(c);
    out += "## " + std::string(label_of(l, t.title_key)) + "\n\n" + markdown_row(t.header) + markdown_rule(t.header.size());
    for (const auto& row : t.rows) out += markdown_row(row);
    out += "\n";
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace miyagiplan::present::markdown_format
