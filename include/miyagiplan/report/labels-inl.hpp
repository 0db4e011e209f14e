// Definitions of miyagiplan/report/labels.hpp: compiled by src/report.cpp, or included inline by the
// header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include "miyagiplan/report/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace miyagiplan::present {
namespace detail {

struct entry {
  std::string_view key, ja, en;
};

inline constexpr std::array label_entries{
    entry{"plan", "計画", "Plan"},
    entry{"issuer", "策定", "Issuer"},
    entry{"period", "計画期間", "Plan period"},
    entry{"goals", "基本目標", "Goals"},
    entry{"goal", "基本目標", "Goal"},
    entry{"areas", "重点分野", "Priority areas"},
    entry{"area", "重点分野", "Area"},
    entry{"measures", "施策", "Measures"},
    entry{"measure", "施策", "Measure"},
    entry{"indicators", "目標指標", "Indicators"},
    entry{"indicator", "目標指標", "Indicator"},
    entry{"baseline", "現状値", "Baseline"},
    entry{"target", "目標値", "Target"},
    entry{"actual", "実績値", "Actual"},
    entry{"expected", "期待値", "Expected"},
    entry{"rate", "達成率", "Rate"},
    entry{"grade", "評価", "Grade"},
    entry{"status", "状況", "Status"},
    entry{"kind", "種別", "Kind"},
    entry{"date", "時点", "Date"},
    entry{"as_of", "評価基準日", "As of"},
    entry{"scheme", "評価方式", "Scheme"},
    entry{"actuals", "実績データ", "Actuals"},
    entry{"rating", "評価", "Rating"},
    entry{"average", "平均点", "Avg"},
    entry{"average_points", "平均点", "Average points"},
    entry{"evaluable", "評価可能", "Evaluable"},
    entry{"chart", "推移", "Trend"},
    entry{"unit", "単位", "Unit"},
    entry{"explanation", "算定", "Explanation"},
    entry{"rollups", "評価の集計", "Roll-ups"},
    entry{"rollup_measures", "施策ごとの評価", "Measures"},
    entry{"rollup_areas", "重点分野ごとの評価", "Priority areas"},
    entry{"rollup_goals", "基本目標ごとの評価", "Goals"},
    entry{"rollup_plan", "計画全体の評価", "Whole plan"},
    entry{"years", "年度別の推移", "Year over year"},
    entry{"grades_by_year", "目標指標の評価の推移", "Indicator grades by fiscal year"},
    entry{"counts_by_year", "評価の件数の推移", "Counts by fiscal year"},
    entry{"change", "前年度比", "Change"},
    entry{"fiscal_year", "年度", "Fiscal year"},
    entry{"record", "評価記録", "Evaluation record"},
    entry{"name", "名称", "Name"},
    entry{"reason", "評価理由", "Reason"},
    entry{"opinion", "委員会の意見", "Committee's opinion"},
    entry{"response", "対応方針", "Response"},
    entry{"projected", "このペースでの見通し", "Projected at the present pace"},
    entry{"revised_target", "見直し後の目標値", "Revised target"},
    entry{"grade_counts", "評価の内訳", "Grades"},
    entry{"summary", "重点分野別の評価", "Grades by priority area"},
    entry{"no_actuals", "実績値なし（--actuals で指定すると評価します）",
          "no actuals (give --actuals to evaluate)"},
    entry{"legend", "凡例", "Legend"},
    entry{"legend_baseline", "現状値", "baseline"},
    entry{"legend_target", "目標値", "target"},
    entry{"legend_expected", "期待値（直線）", "expected (linear)"},
    entry{"legend_actual", "実績値", "actuals"},
    entry{"legend_estimate", "見込", "estimate"},
    entry{"legend_as_of", "評価基準日", "as of"},
    entry{"legend_period", "計画期間", "plan period"},
    entry{"bundled", "同梱の計画", "bundled plan"},
    entry{"generated", "miyagiplan で作成", "made with miyagiplan"},
    entry{"period_total_note", "期間内の年度値の合計", "sum of the fiscal years in the period"},
    entry{"completion_note", "全体に対する割合", "share of the whole"},
    entry{"frequency_note", "各年度の回数", "count per fiscal year"},
};

inline std::string era_year(miyagiplan::era e, int western_year) {
  const auto& i = miyagiplan::info(e);
  return std::string(1, i.letter) + std::to_string(western_year - i.first_year + 1);
}

// H25 for a fiscal year (the latest era whose 元年 is its starting year), or 2013.
inline std::string fiscal_era_year(const miyagiplan::fiscal_year& fy) {
  if (const auto e = fy.naming_era(miyagiplan::era_rule::latest)) return era_year(*e, fy.year());
  return std::to_string(fy.year());
}

// H22 for the calendar year of a day, in the era of that day.
inline std::string day_era_year(miyagiplan::sys_days s) {
  const miyagiplan::civil_date c = miyagiplan::civil_from_days(s);
  if (const auto e = miyagiplan::era_of(s)) return era_year(*e, c.year);
  return std::to_string(c.year);
}

inline std::string two_digits(unsigned v) { return fmt::format("{:02}", v); }

}  // namespace detail

MIYAGIPLAN_FUNC std::string_view label_of(language l, std::string_view key) {
  for (const auto& e : detail::label_entries)
    if (e.key == key) return l == language::ja ? e.ja : e.en;
  return key;
}

MIYAGIPLAN_FUNC std::string scheme_label(language l, std::string_view label) {
  if (l == language::ja) return std::string(label);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> glosses{{
      {"順調", "on track"},
      {"概ね順調", "mostly on track"},
      {"やや遅れている", "somewhat behind"},
      {"遅れている", "behind"},
      {"目標超過達成", "exceeded"},
      {"目標達成", "achieved"},
      {"相当程度進展あり", "good progress"},
      {"進展が大きくない", "little progress"},
      {"目標に向かっていない", "not progressing"},
      {"判定不能", "not evaluable"},
  }};
  for (const auto& [ja, en] : glosses)
    if (ja == label) return std::string(en);
  return std::string(label);
}

MIYAGIPLAN_FUNC std::string kind_text(language l, const miyagiplan::indicator& ind) {
  using miyagiplan::accumulation;
  std::string_view acc, dir;
  const bool ja = l == language::ja;
  switch (ind.accumulation) {
    case accumulation::level: acc = ja ? "水準" : "level"; break;
    case accumulation::running_total: acc = ja ? "累計" : "running total"; break;
    case accumulation::flow: acc = ja ? "年度値" : "flow per year"; break;
    case accumulation::period_total: acc = ja ? "期間計" : "period total"; break;
    case accumulation::completion: acc = ja ? "完了" : "completion"; break;
    case accumulation::frequency: acc = ja ? "毎年度" : "every year"; break;
  }
  switch (ind.direction) {
    case miyagiplan::direction::increase: dir = ja ? "増加" : "up"; break;
    case miyagiplan::direction::decrease: dir = ja ? "減少" : "down"; break;
    case miyagiplan::direction::keep: dir = ja ? "維持" : "keep"; break;
  }
  return std::string(acc) + (ja ? "・" : ", ") + std::string(dir);
}

MIYAGIPLAN_FUNC std::string_view status_text(language l, miyagiplan::progress_status s) {
  const bool ja = l == language::ja;
  switch (s) {
    case miyagiplan::progress_status::achieved: return ja ? "達成" : "achieved";
    case miyagiplan::progress_status::on_track: return ja ? "想定どおり" : "on track";
    case miyagiplan::progress_status::behind: return ja ? "想定未満" : "behind";
    case miyagiplan::progress_status::not_evaluable: return ja ? "判定不能" : "not evaluable";
    case miyagiplan::progress_status::excluded: return ja ? "除外" : "excluded";
  }
  return "";
}

MIYAGIPLAN_FUNC std::string iso_day(miyagiplan::sys_days d) {
  char buf[miyagiplan::max_formatted_date];
  return std::string(buf, miyagiplan::format_date_to(buf, d, miyagiplan::date_style::iso));
}

MIYAGIPLAN_FUNC std::string kanji_day(miyagiplan::sys_days d) {
  char buf[miyagiplan::max_formatted_date];
  const std::size_t n = miyagiplan::format_date_to(buf, d, miyagiplan::date_style::kanji);
  return n ? std::string(buf, n) : iso_day(d);
}

MIYAGIPLAN_FUNC std::string compact_date(language l, const miyagiplan::date_expression& d) {
  using miyagiplan::date_kind;
  const auto span = d.days();
  const miyagiplan::civil_date a = miyagiplan::civil_from_days(span.first);
  const miyagiplan::civil_date b = miyagiplan::civil_from_days(span.last);
  const auto fy_a = miyagiplan::fiscal_year::of(span.first);
  const auto fy_b = miyagiplan::fiscal_year::of(span.last);
  const bool ja = l == language::ja;
  const bool ends = d.text().ends_with("末");
  std::string out;
  auto abbrev = [](miyagiplan::sys_days s) {
    char buf[miyagiplan::max_formatted_date];
    const std::size_t n = miyagiplan::format_date_to(buf, s, miyagiplan::date_style::abbrev);
    return n ? std::string(buf, n) : iso_day(s);
  };
  auto month_iso = [](const miyagiplan::civil_date& c) { return std::to_string(c.year) + "-" + detail::two_digits(c.month); };
  switch (d.kind()) {
    case date_kind::day: out = ja ? abbrev(span.first) : iso_day(span.first); break;
    case date_kind::month_end:
      out = ja ? detail::day_era_year(span.last) + "." + std::to_string(b.month) + "末" : iso_day(span.last);
      break;
    case date_kind::month:
      out = ja ? detail::day_era_year(span.first) + "." + std::to_string(a.month) + "月" : month_iso(a);
      break;
    case date_kind::year: out = ja ? detail::day_era_year(span.first) + "年" : std::to_string(a.year); break;
    case date_kind::fiscal_year:
      out = ja ? detail::fiscal_era_year(fy_a) + "年度" : "FY" + std::to_string(fy_a.year());
      break;
    case date_kind::fiscal_year_end:
      out = ja ? detail::fiscal_era_year(fy_b) + "年度末" : "FY" + std::to_string(fy_b.year()) + " end";
      break;
    case date_kind::fiscal_quarter: {
      const unsigned q = ((a.month + 12 - fy_a.start_month()) % 12) / 3 + 1;
      out = (ja ? detail::fiscal_era_year(fy_a) + "年度" : "FY" + std::to_string(fy_a.year()) + " ") + "Q" +
            std::to_string(q);
      break;
    }
    case date_kind::fiscal_half: {
      const bool first = a.month == fy_a.start_month();
      out = ja ? detail::fiscal_era_year(fy_a) + (first ? "年度上期" : "年度下期")
               : "FY" + std::to_string(fy_a.year()) + (first ? " H1" : " H2");
      break;
    }
    case date_kind::day_span:
      out = ja ? abbrev(span.first) + "～" + abbrev(span.last) : iso_day(span.first) + ".." + iso_day(span.last);
      break;
    case date_kind::month_span:
      if (ja)
        out = detail::day_era_year(span.first) + "." + std::to_string(a.month) + "～" +
              (a.year == b.year ? std::string() : detail::day_era_year(span.last) + ".") + std::to_string(b.month) + "月";
      else
        out = month_iso(a) + ".." + month_iso(b);
      break;
    case date_kind::year_span:
      if (!ja) {
        out = std::to_string(a.year) + ".." + std::to_string(b.year);
      } else if (const auto e = miyagiplan::era_of(span.first)) {  // 平成22～24年: one era
        out = detail::era_year(*e, a.year) + "～" + std::to_string(b.year - miyagiplan::info(*e).first_year + 1) + "年";
      } else {
        out = std::to_string(a.year) + "～" + std::to_string(b.year) + "年";
      }
      break;
    case date_kind::fiscal_year_span:
      if (!ja) {
        out = "FY" + std::to_string(fy_a.year()) + "-" +
              (fy_a.year() / 100 == fy_b.year() / 100 && fy_b.year() > fy_a.year()
                   ? detail::two_digits(static_cast<unsigned>(fy_b.year() % 100))
                   : std::to_string(fy_b.year())) +
              (ends ? " end" : "");
      } else if (const auto e = fy_a.naming_era(miyagiplan::era_rule::latest)) {  // 平成23～25年度
        out = detail::era_year(*e, fy_a.year()) + "～" +
              std::to_string(fy_b.year() - miyagiplan::info(*e).first_year + 1) + "年度" + (ends ? "末" : "");
      } else {
        out = std::to_string(fy_a.year()) + "～" + std::to_string(fy_b.year()) + "年度" + (ends ? "末" : "");
      }
      break;
    case date_kind::open_ended: out = (ja ? abbrev(span.first) : iso_day(span.first)) + (ja ? "～" : ".."); break;
  }
  if (d.estimate()) out += ja ? "見込" : " est.";
  return out;
}

MIYAGIPLAN_FUNC std::string fiscal_axis_label(language l, const miyagiplan::fiscal_year& fy) {
  return l == language::ja ? detail::fiscal_era_year(fy) : "FY" + std::to_string(fy.year());
}

MIYAGIPLAN_FUNC std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) return v > 0 ? "∞" : v < 0 ? "-∞" : "NaN";
  const std::string digits = fmt::format("{:.{}f}", std::fabs(v), std::max(decimals, 0));
  const auto point = digits.find('.');
  std::string whole = digits.substr(0, point);
  const std::string frac = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  for (std::size_t k = 0; k < whole.size(); ++k) {
    if (k > 0 && (whole.size() - k) % 3 == 0) grouped += ',';
    grouped += whole[k];
  }
  const bool negative = v < 0 && (grouped + frac).find_first_not_of("0.,") != std::string::npos;
  return (negative ? "-" : "") + grouped + frac;
}

MIYAGIPLAN_FUNC int decimals_of(std::string_view text) {
  // The digits (either width) after the first decimal point that follows a digit.
  std::size_t pos = 0;
  bool after_digit = false;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    const bool ascii_digit = c >= '0' && c <= '9';
    const bool wide_digit = text.substr(pos, 2) == "\xEF\xBC" && pos + 2 < text.size() &&
                            static_cast<unsigned char>(text[pos + 2]) >= 0x90 &&
                            static_cast<unsigned char>(text[pos + 2]) <= 0x99;
    const bool point = c == '.' || text.substr(pos, 3) == "．";
    if (point && after_digit) {
      pos += c == '.' ? 1 : 3;
      int n = 0;
      while (pos < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[pos]);
        if (d >= '0' && d <= '9') {
          ++n, ++pos;
        } else if (text.substr(pos, 2) == "\xEF\xBC" && pos + 2 < text.size() &&
                   static_cast<unsigned char>(text[pos + 2]) >= 0x90 &&
                   static_cast<unsigned char>(text[pos + 2]) <= 0x99) {
          ++n, pos += 3;
        } else {
          break;
        }
      }
      return n;
    }
    after_digit = ascii_digit || wide_digit;
    pos += wide_digit ? 3 : 1;
  }
  return 0;
}

MIYAGIPLAN_FUNC value_style style_for(const miyagiplan::indicator& ind, const miyagiplan::observation_set* obs) {
  value_style s;
  if (ind.accumulation == miyagiplan::accumulation::completion) {
    s.unit = "%";
    s.factor = 0.01;
    s.decimals = 1;
    s.share = true;
    return s;
  }
  s.unit = ind.unit.symbol;
  s.factor = ind.unit.factor();
  s.decimals = std::max(decimals_of(ind.baseline.value.text), decimals_of(ind.target.value.text));
  if (obs)
    s.decimals = std::max(s.decimals, obs->most_decimals(ind.id, &decimals_of));
  s.decimals = std::min(s.decimals, 3);
  return s;
}

MIYAGIPLAN_FUNC std::string plain_value(const value_style& s, double base_value) {
  std::string text = format_number(base_value / s.factor, s.decimals);
  std::string out;
  for (char c : text)
    if (c != ',') out += c;
  return out;
}

MIYAGIPLAN_FUNC std::string format_value(const value_style& s, double base_value) {
  const std::string n = format_number(base_value / s.factor, s.decimals);
  if (s.unit.empty()) return n;
  const bool tight = s.unit == "%" || s.unit == "％";
  return n + (tight ? "" : " ") + s.unit;
}

MIYAGIPLAN_FUNC std::string format_rate(double rate) { return format_number(rate * 100, 1) + "%"; }

}  // namespace miyagiplan::present
