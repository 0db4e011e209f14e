// 年度: a fiscal year named after the Western year it starts in (平成25年度 = FY2013 =
// 2013-04-01 … 2014-03-31). April is the default start month; others are a parameter.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_FISCAL_HPP
#endif

#include <string>
#include <string_view>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

// How a fiscal year is labelled.
enum class fiscal_label : std::uint8_t {
  era,      // 平成25年度
  western,  // 2013年度
  fy,       // FY2013
};

// Which era names a fiscal year that straddles an era change (FY2019).
enum class era_rule : std::uint8_t {
  latest,     // the latest era whose 元年 is the fiscal year's starting year: 令和元年度
  first_day,  // the era of the fiscal year's first day: 平成31年度 (as written before May 2019)
};

template <>
struct enum_description<fiscal_label> {
  static constexpr std::string_view type = "fiscal label", python = "FiscalLabel";
  static constexpr std::string_view doc = "How a fiscal year is labelled.";
  static constexpr std::array<std::string_view, 3> names{"era", "western", "fy"};
  static constexpr std::array<std::string_view, 3> docs{"平成25年度", "2013年度", "FY2013"};
};

template <>
struct enum_description<era_rule> {
  static constexpr std::string_view type = "era rule", python = "EraRule";
  static constexpr std::string_view doc = "Which era names a fiscal year that straddles an era change (FY2019).";
  static constexpr std::array<std::string_view, 2> names{"latest", "first_day"};
  static constexpr std::array<std::string_view, 2> docs{
      "the latest era whose 元年 is the fiscal year's starting year: FY2019 is 令和元年度",
      "the era of the fiscal year's first day: FY2019 is 平成31年度 (as written before May 2019)"};
};

inline constexpr unsigned default_fiscal_start_month = 4;

class fiscal_year {
 public:
  constexpr fiscal_year() noexcept = default;
  constexpr explicit fiscal_year(int year, unsigned start_month = default_fiscal_start_month) noexcept
      : year_(year), start_month_(start_month) {}

  // The fiscal year a day falls in.
  static constexpr fiscal_year of(sys_days s,
                                  unsigned start_month = default_fiscal_start_month) noexcept {
    const civil_date c = civil_from_days(s);
    return fiscal_year(c.month >= start_month ? c.year : c.year - 1, start_month);
  }
  // Reads 平成25年度, 令和元年度, 2013年度, FY2013 (throws parse_error).
  MIYAGIPLAN_FUNC static fiscal_year parse(std::string_view text,
                           unsigned start_month = default_fiscal_start_month);

  constexpr int year() const noexcept { return year_; }
  constexpr unsigned start_month() const noexcept { return start_month_; }
  constexpr bool ok() const noexcept { return start_month_ >= 1 && start_month_ <= 12; }

  constexpr day_span days() const noexcept {
    const sys_days first = days_from_civil(year_, start_month_, 1);
    return {first, days_from_civil(year_ + 1, start_month_, 1) - day_count(1)};
  }
  // 第1四半期 … 第4四半期 (q = 1..4) and 上半期 / 下半期 (h = 1, 2).
  constexpr day_span quarter(unsigned q) const noexcept { return months(3 * (q - 1), 3); }
  constexpr day_span half(unsigned h) const noexcept { return months(6 * (h - 1), 6); }
  constexpr bool contains(sys_days s) const noexcept { return days().contains(s); }

  constexpr sys_days first_day() const noexcept { return days().first; }
  constexpr sys_days last_day() const noexcept { return days().last; }

  // The era that names this fiscal year under a rule; nullopt before the eras.
  MIYAGIPLAN_FUNC std::optional<era> naming_era(era_rule rule = era_rule::latest) const noexcept;
  MIYAGIPLAN_FUNC std::string label(fiscal_label style = fiscal_label::era, era_rule rule = era_rule::latest) const;

  constexpr fiscal_year next() const noexcept { return fiscal_year(year_ + 1, start_month_); }
  constexpr fiscal_year prev() const noexcept { return fiscal_year(year_ - 1, start_month_); }
  friend constexpr bool operator==(const fiscal_year&, const fiscal_year&) = default;
  friend constexpr auto operator<=>(const fiscal_year&, const fiscal_year&) = default;

 private:
  constexpr day_span months(unsigned offset, unsigned count) const noexcept {
    const unsigned m0 = start_month_ - 1 + offset;  // months from January of year_
    const int y0 = year_ + static_cast<int>(m0 / 12);
    const unsigned m1 = m0 + count;
    const int y1 = year_ + static_cast<int>(m1 / 12);
    return {days_from_civil(y0, m0 % 12 + 1, 1), days_from_civil(y1, m1 % 12 + 1, 1) - day_count(1)};
  }
  int year_ = 1970;
  unsigned start_month_ = default_fiscal_start_month;
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_CALENDAR_FISCAL_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
