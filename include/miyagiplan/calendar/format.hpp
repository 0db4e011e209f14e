// Formatting lives apart from the value types: era dates and days as the documents write them.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_FORMAT_HPP
#endif

#include <cstddef>
#include <string>

#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

enum class date_style : std::uint8_t {
  kanji,     // 平成22年12月31日 (元年 for year 1)
  abbrev,    // H22.12.31
  western,   // 2010年12月31日
  iso,       // 2010-12-31
  jisx0301,  // H22.12.31, R05.03.31: JIS X 0301, every field two digits
  koki,      // 皇紀2670年12月31日
};

// How a day is written beyond its style (the forms of PRACTICE.md §6). The defaults write what
// the style alone writes.
struct format_options {
  date_style style = date_style::kanji;
  bool zero_pad = false;        // 令和05年03月31日, R05.03.31 (JIS X 0301 always pads)
  bool gannen = true;           // 令和元年; false: 令和1年
  bool with_western = false;    // 令和5年（2023年）3月31日 (the kanji style)
  bool weekday = false;         // 令和5年3月31日（金）
  bool kanji_numerals = false;  // 令和五年三月三十一日, 二〇二三年三月三十一日
  bool lunisolar = false;       // a day before 1873 as the lunisolar calendar named it (the kanji
                                // style: 明治5年12月2日, 天保14年閏9月1日); see to_lunisolar
  friend constexpr bool operator==(const format_options&, const format_options&) = default;
};

// The longest text any style with any options writes, in bytes.
inline constexpr std::size_t max_formatted_date = 128;

// Writes into `out` (at least max_formatted_date bytes) and returns the length; 0 when the
// day is before 1873-01-01 and the style needs an era (with options.lunisolar, the kanji style
// writes days from 445 to 1872 that an era named). No allocation.
MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, date_style style) noexcept;
MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, const format_options& options) noexcept;

// Throws range_error for an era style before 1873-01-01 (with options.lunisolar, for a day the
// lunisolar tables do not hold or no era named).
MIYAGIPLAN_FUNC std::string format_date(sys_days d, date_style style = date_style::kanji);
MIYAGIPLAN_FUNC std::string format_date(sys_days d, const format_options& options);
MIYAGIPLAN_FUNC std::string format_era_date(const era_date& d, date_style style = date_style::kanji);

template <>
struct enum_description<date_style> {
  static constexpr std::string_view type = "date style", python = "DateStyle";
  static constexpr std::string_view doc = "How a day is written.";
  static constexpr std::array<std::string_view, 6> names{"kanji", "abbrev", "western", "iso", "jisx0301", "koki"};
  static constexpr std::array<std::string_view, 6> docs{"平成22年12月31日 (元年 for year 1)", "H22.12.31",
                                                        "2010年12月31日", "2010-12-31",
                                                        "R05.03.31 (JIS X 0301: every field two digits)",
                                                        "皇紀2670年12月31日"};
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_CALENDAR_FORMAT_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
