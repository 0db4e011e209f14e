// The tables a report adds when it has more than one evaluation's results: over every fiscal
// year (evaluate_years), each indicator's grade year by year and how many indicators and
// roll-ups got each grade or rating; with an evaluation record, what was written of each
// indicator and measure. Built once here; each format lays them out. Included by render-inl.hpp.
#pragma once

#include <string>
#include <vector>

#include "miyagiplan/report/render_view-inl.hpp"

namespace miyagiplan::present {

// A table of text, as every format but xlsx shows it (xlsx writes the numbers themselves).
struct plain_table {
  std::string title_key;  // a label key
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  // right-aligned columns
};

// 平成23年度 in Japanese, FY2011 in English.
inline std::string year_name(language l, const miyagiplan::fiscal_year& y) {
  return y.label(l == language::ja ? miyagiplan::fiscal_label::era : miyagiplan::fiscal_label::fy);
}

inline std::string_view movement_mark(miyagiplan::grade_movement m) {
  switch (m) {
    case miyagiplan::grade_movement::up: return "↑";
    case miyagiplan::grade_movement::down: return "↓";
    case miyagiplan::grade_movement::same: return "→";
    case miyagiplan::grade_movement::not_comparable: break;
  }
  return "";
}

// The movement in words: 上昇 / 横ばい / 低下 (up / same / down); nothing when not comparable.
inline std::string movement_text(language l, miyagiplan::grade_movement m) {
  if (m == miyagiplan::grade_movement::not_comparable) return {};
  if (l == language::en) return std::string(miyagiplan::to_string(m));
  return m == miyagiplan::grade_movement::up ? "上昇" : m == miyagiplan::grade_movement::down ? "低下" : "横ばい";
}

// 適切 / おおむね適切 / 要検討 in Japanese, the enum's names in English; nothing for none.
inline std::string opinion_text(language l, miyagiplan::committee_opinion o) {
  if (o == miyagiplan::committee_opinion::none) return {};
  const auto i = static_cast<std::size_t>(o);
  return std::string(l == language::ja ? miyagiplan::enum_description<miyagiplan::committee_opinion>::docs[i]
                                       : miyagiplan::to_string(o));
}

// A signed count: +2, −9, ±0.
inline std::string signed_count(long long n) {
  return n > 0 ? "+" + std::to_string(n) : n < 0 ? "−" + std::to_string(-n) : std::string("±0");
}

// Each indicator's grade year by year; from the second year on, with the movement's mark (B↑).
inline plain_table grades_by_year(const report_view& c) {
  const language l = c.lang;
  const miyagiplan::years_report& y = *c.years;
  plain_table t{"grades_by_year", {"ID", std::string(label_of(l, "indicator"))}, {}, {false, false}};
  for (const auto& e : y.years) {
    t.header.push_back(year_name(l, e.year));
    t.right.push_back(false);
  }
  const std::size_t n = y.years.empty() ? 0 : y.years.front().evaluation.indicators.size();
  const std::size_t later = y.years.size() > 1 ? y.years.size() - 1 : 0;  // changes per indicator
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = y.years.front().evaluation.indicators[i].indicator_id;
    const miyagiplan::indicator* ind = c.plan.find_indicator(id);
    std::vector<std::string> row{id, ind ? ind->name : std::string()};
    for (std::size_t k = 0; k < y.years.size(); ++k) {
      std::string cell = scheme_label(l, y.years[k].evaluation.indicators[i].assessment.grade);
      if (k > 0) cell += movement_mark(y.changes[i * later + k - 1].movement);
      row.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// How many got each grade or rating, year by year, and the change over the last year.
inline plain_table counts_by_year(const report_view& c) {
  const language l = c.lang;
  const miyagiplan::years_report& y = *c.years;
  plain_table t{"counts_by_year", {std::string(label_of(l, "kind")), std::string(label_of(l, "grade"))}, {}, {false, false}};
  for (const auto& e : y.years) {
    t.header.push_back(year_name(l, e.year));
    t.right.push_back(true);
  }
  t.header.push_back(std::string(label_of(l, "change")));
  t.right.push_back(true);
  for (const auto& row : y.counts) {
    std::vector<std::string> cells{std::string(label_of(l, row.kind)), scheme_label(l, row.label)};
    for (const std::size_t n : row.counts) cells.push_back(std::to_string(n));
    const std::size_t k = row.counts.size();
    cells.push_back(k > 1 ? signed_count(static_cast<long long>(row.counts[k - 1]) - static_cast<long long>(row.counts[k - 2]))
                          : std::string());
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// The grade an entry's indicator, or rating its measure, has in this report ("" when none).
inline std::string current_grade(const report_view& c, const miyagiplan::record_entry& e) {
  if (e.kind == "indicator") {
    if (const auto* a = c.assessment(e.id)) return a->assessment.grade;
  } else if (const auto* m = c.measure_rollup(e.id)) {
    return m->rating;
  }
  return {};
}

// What the record says of each indicator and measure it has words for: ID, name, grade (the
// recorded one, and today's after → where they differ), reason, the committee's opinion and
// words, the response.
inline plain_table record_table(const report_view& c) {
  const language l = c.lang;
  plain_table t{"record",
                {"ID", std::string(label_of(l, "name")), std::string(label_of(l, "grade")), std::string(label_of(l, "reason")),
                 std::string(label_of(l, "opinion")), std::string(label_of(l, "response"))},
                {},
                {false, false, false, false, false, false}};
  for (const auto& e : c.record->entries) {
    if (e.reason.empty() && e.opinion == miyagiplan::committee_opinion::none && e.comment.empty() && e.response.empty())
      continue;
    std::string grade = scheme_label(l, e.grade);
    const std::string now = current_grade(c, e);
    if (!now.empty() && now != e.grade) grade += " → " + scheme_label(l, now);
    std::string opinion = opinion_text(l, e.opinion);
    if (!e.comment.empty()) opinion += (opinion.empty() ? "" : l == language::ja ? "：" : ": ") + e.comment;
    t.rows.push_back({e.id, e.title, grade, e.reason, opinion, e.response});
  }
  return t;
}

}  // namespace miyagiplan::present
