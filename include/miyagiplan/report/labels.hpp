// Words and compact forms for people, in Japanese or English (miyagiplan::language); dates
// in short forms for tables (H22.12末, FY2013); numbers with thousands separators.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_REPORT_LABELS_HPP
#endif

#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/language.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan::present {

// The label of a key ("baseline" → 現状値 / Baseline); an unknown key is returned as it is.
MIYAGIPLAN_FUNC std::string_view label_of(language l, std::string_view key);

// A grade or roll-up label of a preset scheme, glossed in English (順調 → on track); labels of
// other schemes, and every label in Japanese, are returned as they are.
MIYAGIPLAN_FUNC std::string scheme_label(language l, std::string_view label);

MIYAGIPLAN_FUNC std::string kind_text(language l, const miyagiplan::indicator& ind);   // 水準・増加 / level, increase
MIYAGIPLAN_FUNC std::string_view status_text(language l, miyagiplan::progress_status s);  // 達成 / achieved

// A date expression in a short form: H22.12末, H25年度末, H23～25年度 / 2010-12-31, FY2013 end.
MIYAGIPLAN_FUNC std::string compact_date(language l, const miyagiplan::date_expression& d);
// A fiscal-year axis label: H23 / FY2011 (R1 for FY2019).
MIYAGIPLAN_FUNC std::string fiscal_axis_label(language l, const miyagiplan::fiscal_year& fy);

// ISO text of a day, and the day as the era writes it (平成26年3月31日).
MIYAGIPLAN_FUNC std::string iso_day(miyagiplan::sys_days d);
MIYAGIPLAN_FUNC std::string kanji_day(miyagiplan::sys_days d);

// 12,345.6 with `decimals` digits after the point (rounded), and a − sign.
MIYAGIPLAN_FUNC std::string format_number(double v, int decimals);
// Digits after the decimal point in a written value ("58.8％" → 1, "2,280 件" → 0).
MIYAGIPLAN_FUNC int decimals_of(std::string_view text);

// How the values of an indicator are shown: its unit and the decimals its figures use.
struct value_style {
  std::string unit;   // the document's symbol: 件, ％, 百万円
  double factor = 1;  // base units per displayed unit
  int decimals = 0;
  bool share = false;  // completion: values are shares of the whole, shown in %
};
MIYAGIPLAN_FUNC value_style style_for(const miyagiplan::indicator& ind, const miyagiplan::observation_set* obs);
// A value in base units (a share for a completion) as "4,150 件", "66.0％", "75.0%".
MIYAGIPLAN_FUNC std::string format_value(const value_style& s, double base_value);
// The number alone, in the displayed unit ("4150", "66.0"), for CSV.
MIYAGIPLAN_FUNC std::string plain_value(const value_style& s, double base_value);
// A rate as "103.8%".
MIYAGIPLAN_FUNC std::string format_rate(double rate);

}  // namespace miyagiplan::present

#define MIYAGIPLAN_NEEDS_REPORT_LABELS_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_REPORT_LABELS_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
