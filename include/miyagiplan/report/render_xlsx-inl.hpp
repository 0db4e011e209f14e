// The report as an .xlsx workbook, after 総務省's rules for machine-readable files (2020): a
// sheet per table, one header row (frozen, with filters), one value per cell, no merged cells,
// units in their own columns, numbers as numbers, dates as Excel dates with the 和暦 in the next
// column. Included by render-inl.hpp.
#pragma once

#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "miyagiplan/office/xlsx_writer.hpp"
#include "miyagiplan/report/render_view-inl.hpp"
#include "miyagiplan/report/render_tables-inl.hpp"
#include "miyagiplan/version.hpp"

namespace miyagiplan::present::xlsx_format {

// A header in both languages.
struct heading {
  std::string ja, en;
  const std::string& in(language l) const { return l == language::ja ? ja : en; }
};

// One sheet being filled row by row; close() adds the frozen header row and the filters.
class table {
 public:
  table(office::xlsx_writer& book, const report_view& c, heading name, const std::vector<heading>& columns)
      : sheet_(book.add_sheet(name.in(c.lang))), lang_(c.lang), columns_(static_cast<std::uint32_t>(columns.size())) {
    for (std::uint32_t k = 0; k < columns_; ++k) {
      const std::string& h = columns[k].in(lang_);
      sheet_.write_header(1, k + 1, h);
      // Wide enough for the header (a wide character counts two), at least 8.
      sheet_.set_column_width(k + 1, k + 1, std::max(8.0, std::min(60.0, display_width(h) + 2.0)));
    }
  }

  void next_row() { ++row_, column_ = 0; }
  void text(std::string_view s) {
    ++column_;
    if (!s.empty()) sheet_.write_text(row_, column_, s);
  }
  void number(const std::optional<double>& v, std::string_view number_format = {}) {
    ++column_;
    if (!v || !std::isfinite(*v)) return;  // none, or a rate past what a cell holds: empty
    if (number_format.empty()) sheet_.write_number(row_, column_, *v);
    else sheet_.write_number(row_, column_, *v, number_format);
  }
  void boolean(bool b) { sheet_.write_bool(row_, ++column_, b); }
  // A day as an Excel date, then its 和暦 (平成26年3月31日) in the next column.
  void day(const std::optional<miyagiplan::sys_days>& d) {
    column_ += 2;
    if (!d) return;
    // Excel's dates start at 1900-03-01 (its serial 60 is a day that never was).
    const std::chrono::sys_days first = std::chrono::year{1900} / 3 / 1;
    const std::chrono::sys_days last = std::chrono::year{9999} / 12 / 31;
    const std::chrono::sys_days s{std::chrono::days{d->time_since_epoch().count()}};
    if (s >= first && s <= last) sheet_.write_date(row_, column_ - 1, s);
    sheet_.write_text(row_, column_, kanji_day(*d));
  }
  // A date expression: the Excel date of its last day, its 和暦, and the text as written.
  void date(const miyagiplan::date_expression* d) {
    if (d == nullptr || d->empty()) {
      day(std::nullopt);
      text("");
      return;
    }
    day(d->days().last);
    text(d->text());
  }

  void close() {
    sheet_.freeze_header_row();
    sheet_.set_autofilter({{1, 1}, {std::max<std::uint32_t>(row_, 1), columns_}});
  }

 private:
  office::xlsx_sheet sheet_;
  language lang_;
  std::uint32_t columns_;
  std::uint32_t row_ = 1;
  std::uint32_t column_ = 0;
};

// Three columns per date expression: the Excel date, its 和暦, the text as written.
inline void date_headings(std::vector<heading>& out, std::string_view ja, std::string_view en) {
  const std::string_view ja_parts[] = {"", "（和暦）", "（表記）"};
  const std::string_view en_parts[] = {"", " (wareki)", " (as written)"};
  for (int k = 0; k < 3; ++k)
    out.push_back({std::string(ja) + std::string(ja_parts[k]), std::string(en) + std::string(en_parts[k])});
}

// A written value as a number in the indicator's unit (2223 for 2,223 百万円), to the decimals
// its text has; none for a state (全所属, －).
inline std::optional<double> written_number(const miyagiplan::quantity& q, const miyagiplan::indicator& ind) {
  if (!q.is_number()) return std::nullopt;
  const double scale = std::pow(10.0, decimals_of(q.text));
  return std::round(q.value / ind.unit.factor() * scale) / scale;
}

// A value in base units, in the unit a style shows (a share as a percentage), without the
// noise of the division (12 significant digits).
inline std::optional<double> shown_number(const value_style& s, const std::optional<double>& base) {
  if (!base) return std::nullopt;
  const double v = *base / s.factor;
  if (!std::isfinite(v)) return v;
  return std::stod(fmt::format("{:.12g}", v));
}

inline std::vector<heading> rollup_headings(const report_view& c) {
  std::vector<heading> out{{"評価", "Rating"}, {"平均点", "Average points"}, {"評価できた指標数", "Evaluable"},
                           {"指標数", "Indicators"}};
  for (const auto& label : c.grade_labels())
    out.push_back({"評価「" + label + "」の指標数", "Grade " + scheme_label(language::en, label)});
  return out;
}

inline void rollup_cells(table& t, const report_view& c, const miyagiplan::rollup* r) {
  if (r == nullptr) {  // a measure whose indicators all sit in its sub-measures
    t.text("");
    for (std::size_t k = 0; k < 3 + c.grade_labels().size(); ++k) t.number(std::nullopt);
    return;
  }
  t.text(scheme_label(c.lang, r->rating));
  t.number(r->average_points, "0.00");
  t.number(static_cast<double>(r->evaluable));
  t.number(static_cast<double>(r->total));
  for (const auto& label : c.grade_labels()) {
    std::size_t n = 0;
    for (const auto& [l, count] : r->grade_counts)
      if (l == label) n = count;
    t.number(static_cast<double>(n));
  }
}

inline const miyagiplan::rollup* goal_rollup(const report_view& c, const std::string& id) {
  if (c.report)
    for (const auto& r : c.report->goals)
      if (r.id == id) return &r;
  return nullptr;
}

inline void indicators_sheet(office::xlsx_writer& book, const report_view& c) {
  const bool with = c.report != nullptr;
  std::vector<heading> cols{{"ID", "ID"},         {"重点分野", "Area"}, {"施策", "Measure"},
                            {"指標名", "Indicator"}, {"単位", "Unit"},  {"種別", "Kind"},
                            {"現状値", "Baseline"}, {"現状値（表記）", "Baseline (as written)"}};
  date_headings(cols, "現状値の時点", "Baseline date");
  cols.insert(cols.end(), {{"目標値", "Target"}, {"目標値（表記）", "Target (as written)"}});
  date_headings(cols, "目標値の時点", "Target date");
  if (with) {
    cols.insert(cols.end(), {{"実績値", "Actual"}, {"実績値・期待値の単位", "Unit of actual and expected"}});
    date_headings(cols, "実績値の時点", "Actual date");
    cols.insert(cols.end(), {{"期待値", "Expected"},
                             {"達成率", "Rate"},
                             {"評価", "Grade"},
                             {"状況", "Status"},
                             {"算定", "Explanation"}});
  }
  table t(book, c, {"目標指標", "Indicators"}, cols);
  for (const auto& a : c.plan.areas) {
    for_each_measure(a, [&](const miyagiplan::measure& m, int) {
      for (const auto& ind : m.indicators) {
        t.next_row();
        t.text(ind.id);
        t.text(a.id);
        t.text(m.id);
        t.text(ind.name);
        t.text(ind.unit.symbol);
        t.text(kind_text(c.lang, ind));
        t.number(written_number(ind.baseline.value, ind));
        t.text(ind.baseline.value.text);
        t.date(&ind.baseline.when);
        t.number(written_number(ind.target.value, ind));
        t.text(ind.target.value.text);
        t.date(&ind.target.when);
        if (!with) continue;
        const auto* ia = c.assessment(ind.id);
        if (ia == nullptr) continue;
        const auto& as = ia->assessment;
        const value_style s = c.style(ind);
        t.number(shown_number(s, as.actual));
        t.text(s.unit);
        t.date(c.actual_date(*ia));
        t.number(shown_number(s, as.expected));
        t.number(as.rate, "0.0%");
        t.text(scheme_label(c.lang, as.grade));
        t.text(status_text(c.lang, as.status));
        t.text(c.explanation(*ia, ind));
      }
    });
  }
  t.close();
}

inline void measures_sheet(office::xlsx_writer& book, const report_view& c) {
  std::vector<heading> cols{{"ID", "ID"}, {"重点分野", "Area"}, {"上位の施策", "Parent measure"},
                            {"施策名", "Measure"}, {"目標指標数", "Indicators of its own"}};
  if (c.report) {
    const auto more = rollup_headings(c);
    cols.insert(cols.end(), more.begin(), more.end());
  }
  table t(book, c, {"施策", "Measures"}, cols);
  for (const auto& a : c.plan.areas) {
    // A sub-measure's parent is the last measure met one level up.
    std::vector<std::string> parents;
    for_each_measure(a, [&](const miyagiplan::measure& m, int depth) {
      parents.resize(static_cast<std::size_t>(depth));
      t.next_row();
      t.text(m.id);
      t.text(a.id);
      t.text(parents.empty() ? std::string() : parents.back());
      t.text(m.title);
      t.number(static_cast<double>(m.indicators.size()));
      if (c.report) rollup_cells(t, c, c.measure_rollup(m.id));
      parents.push_back(m.id);
    });
  }
  t.close();
}

inline void areas_sheet(office::xlsx_writer& book, const report_view& c) {
  std::vector<heading> cols{{"ID", "ID"}, {"重点分野名", "Area"}, {"施策数", "Measures"}, {"目標指標数", "Indicators"}};
  if (c.report) {
    const auto more = rollup_headings(c);
    cols.insert(cols.end(), more.begin(), more.end());
  }
  table t(book, c, {"重点分野", "Areas"}, cols);
  for (const auto& a : c.plan.areas) {
    std::size_t indicators = 0;
    for_each_measure(a, [&](const miyagiplan::measure& m, int) { indicators += m.indicators.size(); });
    t.next_row();
    t.text(a.id);
    t.text(a.title);
    t.number(static_cast<double>(a.measures.size()));  // as the document counts them
    t.number(static_cast<double>(indicators));
    if (c.report) rollup_cells(t, c, c.area_rollup(a.id));
  }
  t.close();
}

inline void goals_sheets(office::xlsx_writer& book, const report_view& c) {
  std::vector<heading> cols{{"ID", "ID"}, {"基本目標名", "Goal"}, {"重点分野数", "Areas"}};
  if (c.report) {
    const auto more = rollup_headings(c);
    cols.insert(cols.end(), more.begin(), more.end());
  }
  table t(book, c, {"基本目標", "Goals"}, cols);
  for (const auto& g : c.plan.goals) {
    t.next_row();
    t.text(g.id);
    t.text(g.title);
    t.number(static_cast<double>(g.areas.size()));
    if (c.report) rollup_cells(t, c, goal_rollup(c, g.id));
  }
  t.close();
  // A goal spans several areas: one row per pair keeps one value per cell.
  table links(book, c, {"基本目標の重点分野", "Goal areas"}, {{"基本目標", "Goal"}, {"重点分野", "Area"}});
  for (const auto& g : c.plan.goals)
    for (const auto& a : g.areas) {
      links.next_row();
      links.text(g.id);
      links.text(a);
    }
  links.close();
}

// A grade band's or roll-up level's row begins with its rank, its label and its floor (empty
// for the lowest, which has none).
inline void ranked_row(table& t, const report_view& c, std::size_t k, const std::string& label, double floor,
                       const char* floor_format) {
  t.next_row();
  t.number(static_cast<double>(k + 1));
  t.text(scheme_label(c.lang, label));
  t.number(floor == miyagiplan::no_floor ? std::nullopt : std::optional<double>(floor), floor_format);
}

inline void settings_sheets(office::xlsx_writer& book, const report_view& c) {
  std::vector<heading> cols{{"キー", "Key"}, {"項目", "Item"}, {"値", "Value"}, {"和暦", "Wareki"}};
  table t(book, c, {"評価の設定", "Settings"}, cols);
  auto row = [&](std::string_view key, heading item) {
    t.next_row();
    t.text(key);
    t.text(item.in(c.lang));
  };
  row("plan_id", {"計画ID", "Plan id"});
  t.text(c.plan.id);
  row("plan_title", {"計画名", "Plan"});
  t.text(c.plan.title);
  row("issuer", {"策定", "Issuer"});
  t.text(c.plan.issuer);
  if (!c.plan.period.empty()) {
    row("period_first", {"計画期間の初日", "First day of the plan period"});
    t.day(c.plan.period.days().first);
    if (!c.plan.period.open_ended()) {
      row("period_last", {"計画期間の末日", "Last day of the plan period"});
      t.day(c.plan.period.days().last);
    }
    row("period", {"計画期間（表記）", "Plan period (as written)"});
    t.text(c.plan.period.text());
  }
  row("plan_source", {"計画ファイル", "Plan file"});
  t.text(c.plan_source.empty() ? std::string(label_of(c.lang, "bundled")) : c.plan_source);
  if (c.actuals) {
    row("actuals_source", {"実績データ", "Actuals"});
    t.text(c.actuals_source);
    row("actuals_count", {"実績データの件数", "Observations"});
    t.number(static_cast<double>(c.actuals->size()));
  }
  if (c.as_of) {
    row("as_of", {"評価基準日", "As of"});
    t.day(*c.as_of);
  }
  row("scheme", {"評価方式", "Scheme"});
  t.text(c.scheme.name);
  row("formula", {"達成率の算定式", "Formula"});
  t.text(miyagiplan::to_string(c.scheme.formula));
  row("clamp", {"達成率を0～100%に収める", "Rate clamped to 0-100%"});
  t.boolean(c.scheme.clamp);
  row("not_evaluable", {"判定不能の評価", "Grade when not evaluable"});
  t.text(scheme_label(c.lang, c.scheme.not_evaluable));
  row("rollup_not_evaluable", {"判定不能の総合評価", "Rating when not evaluable"});
  t.text(scheme_label(c.lang, c.scheme.rollup_not_evaluable));
  row("generated", {"作成", "Made with"});
  t.text(std::string("miyagiplan ") + std::string(miyagiplan::version_string));
  t.close();

  table bands(book, c, {"評価区分", "Grades"},
              {{"順位", "Rank"}, {"評価", "Grade"}, {"達成率の下限", "Minimum rate"},
               {"目標の達成が条件", "Target reached"}, {"点数", "Points"}});
  for (std::size_t k = 0; k < c.scheme.bands.size(); ++k) {
    const auto& b = c.scheme.bands[k];
    ranked_row(bands, c, k, b.label, b.min_rate, "0.0%");
    bands.boolean(b.reached);
    bands.number(b.points);
  }
  bands.close();

  table levels(book, c, {"総合評価の区分", "Ratings"},
               {{"順位", "Rank"}, {"総合評価", "Rating"}, {"平均点の下限", "Minimum average points"}});
  for (std::size_t k = 0; k < c.scheme.rollup.size(); ++k)
    ranked_row(levels, c, k, c.scheme.rollup[k].label, c.scheme.rollup[k].min_points, "0.00");
  levels.close();
}

// A report over every fiscal year: each indicator's evaluation year by year, one row per
// indicator and year, and the counts of grades and ratings year by year.
inline void years_sheets(office::xlsx_writer& book, const report_view& c) {
  const miyagiplan::years_report& y = *c.years;
  std::vector<heading> cols{{"年度", "Fiscal year"}, {"年度（和暦）", "Fiscal year (wareki)"}};
  cols.insert(cols.end(), {{"評価基準日", "As of"}, {"評価基準日（和暦）", "As of (wareki)"}});
  cols.insert(cols.end(), {{"ID", "ID"},         {"指標名", "Indicator"}, {"実績値", "Actual"},
                           {"単位", "Unit"},     {"期待値", "Expected"},  {"達成率", "Rate"},
                           {"評価", "Grade"},    {"状況", "Status"},      {"前年度の評価", "Grade the year before"},
                           {"前年度比", "Movement"}});
  table t(book, c, {"年度別の評価", "Grades by year"}, cols);
  const std::size_t later = y.years.size() - 1;
  for (std::size_t k = 0; k < y.years.size(); ++k) {
    const auto& year = y.years[k];
    for (std::size_t i = 0; i < year.evaluation.indicators.size(); ++i) {
      const auto& ia = year.evaluation.indicators[i];
      const miyagiplan::indicator* ind = c.plan.find_indicator(ia.indicator_id);
      if (ind == nullptr) continue;
      const auto& as = ia.assessment;
      const value_style s = c.style(*ind);
      t.next_row();
      t.number(static_cast<double>(year.year.year()));
      t.text(year.year.label());
      t.day(year.evaluation.as_of);
      t.text(ia.indicator_id);
      t.text(ind->name);
      t.number(shown_number(s, as.actual));
      t.text(s.unit);
      t.number(shown_number(s, as.expected));
      t.number(as.rate, "0.0%");
      t.text(scheme_label(c.lang, as.grade));
      t.text(status_text(c.lang, as.status));
      if (k == 0) continue;
      const auto& change = y.changes[i * later + k - 1];
      t.text(scheme_label(c.lang, change.previous));
      t.text(movement_text(c.lang, change.movement));
    }
  }
  t.close();

  std::vector<heading> count_cols{{"種別", "Kind"}, {"評価", "Grade"}};
  for (const auto& e : y.years) count_cols.push_back({year_name(language::ja, e.year), year_name(language::en, e.year)});
  count_cols.push_back({"前年度比", "Change"});
  table counts(book, c, {"評価の件数の推移", "Counts by year"}, count_cols);
  for (const auto& row : y.counts) {
    counts.next_row();
    counts.text(label_of(c.lang, row.kind));
    counts.text(scheme_label(c.lang, row.label));
    for (const std::size_t n : row.counts) counts.number(static_cast<double>(n));
    const std::size_t n = row.counts.size();
    counts.number(n > 1 ? std::optional<double>(static_cast<double>(row.counts[n - 1]) - static_cast<double>(row.counts[n - 2]))
                        : std::nullopt);
  }
  counts.close();
}

// An evaluation record: an entry a row, every field in its own column.
inline void record_sheet(office::xlsx_writer& book, const report_view& c) {
  table t(book, c, {"評価記録", "Evaluation record"},
          {{"種別", "Kind"}, {"ID", "ID"}, {"名称", "Name"}, {"記録時の評価", "Grade recorded"},
           {"評価", "Grade"}, {"評価理由", "Reason"}, {"委員会の意見", "Committee's opinion"},
           {"委員会コメント", "Committee's comment"}, {"対応方針", "Response"}});
  for (const auto& e : c.record->entries) {
    t.next_row();
    t.text(label_of(c.lang, e.kind));
    t.text(e.id);
    t.text(e.title);
    t.text(scheme_label(c.lang, e.grade));
    t.text(scheme_label(c.lang, current_grade(c, e)));
    t.text(e.reason);
    t.text(opinion_text(c.lang, e.opinion));
    t.text(e.comment);
    t.text(e.response);
  }
  t.close();
}

inline void write(const report_view& c, const std::filesystem::path& path) {
  office::xlsx_writer book(path);
  indicators_sheet(book, c);
  measures_sheet(book, c);
  areas_sheet(book, c);
  goals_sheets(book, c);
  if (c.years) years_sheets(book, c);
  if (c.record) record_sheet(book, c);
  settings_sheets(book, c);
  book.close();
}

}  // namespace miyagiplan::present::xlsx_format
