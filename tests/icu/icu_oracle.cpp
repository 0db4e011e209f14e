// ICU's Japanese calendar as an independent oracle: for every day 1873-01-01 … 2100-12-31 it must
// name the same era, era year, month and day as miyagiplan::to_era_date. ICU takes its era table
// from CLDR, so agreement on every day checks our table's boundaries, not just our arithmetic.
// Before 明治, ICU's eras (大化 … 慶応, one line through 1331–1392; Gregorian/Julian days, not
// lunisolar ones) are compared where they are comparable: each ICU era's name must be one of our
// eras before 1873, with the same Western year of 元年.
// Exit 0 when all agree; otherwise print the first disagreements and exit 1.
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <cstdint>
#include <string_view>

#include "miyagiplan/calendar.hpp"

namespace {

using miyagiplan::sys_days;

// ICU numbers the Japanese eras from 大化 (645): 明治 is 232 … 令和 236, in our order.
constexpr int icu_meiji = 232;
int icu_era_number(miyagiplan::era e) { return icu_meiji + static_cast<int>(e); }

// ICU counts milliseconds since 1970-01-01 UTC; our days count days since then.
UDate to_udate(sys_days s) { return static_cast<UDate>(miyagiplan::day_count_of(s)) * U_MILLIS_PER_DAY; }
sys_days to_sys_days(UDate t) {
  return miyagiplan::from_day_count(static_cast<std::int32_t>(std::floor(t / U_MILLIS_PER_DAY)));
}

std::string iso(sys_days s) { return miyagiplan::format_date(s, miyagiplan::date_style::iso); }

bool failed(UErrorCode status, const char* what) {
  if (U_SUCCESS(status)) return false;
  std::fprintf(stderr, "ICU error in %s: %s\n", what, u_errorName(status));
  return true;
}

struct icu_era_date {
  int era, year, month, day;
  bool operator==(const icu_era_date&) const = default;
};

// Reads one date with ICU's own parser, to show that ICU and we read the same text alike.
bool check_icu_parse(const icu::Locale& japanese) {
  constexpr std::string_view text = "平成22年12月31日";
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8("GGGGy年M月d日"), japanese, status);
  if (failed(status, "SimpleDateFormat")) return false;
  format.setTimeZone(*icu::TimeZone::getGMT());
  format.setLenient(false);
  const UDate parsed = format.parse(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      status);
  if (failed(status, "SimpleDateFormat::parse")) return false;
  const sys_days by_icu = to_sys_days(parsed);
  const sys_days by_us = miyagiplan::parse_date(text).days().first;
  std::printf("%s: ICU reads %s, miyagiplan reads %s\n", text.data(), iso(by_icu).c_str(),
              iso(by_us).c_str());
  return by_icu == by_us;
}

// Every ICU era before 明治: its name is an era of our tables, and 元年 is the same year.
bool check_historical_eras(const icu::Locale& japanese, icu::Calendar& calendar) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(japanese, status);
  if (failed(status, "DateFormatSymbols")) return false;
  // ICU 72's Japanese names for its first two eras fall back to the Gregorian 紀元前 and 西暦:
  // those two are 大化 and 白雉, compared by 元年 alone.
  int32_t count = 0;
  const icu::UnicodeString* names = symbols.getEras(count);
  int disagreements = 0;
  for (int era = 0; era < icu_meiji && era < count; ++era) {
    std::string name;
    names[era].toUTF8String(name);
    if (era < 2 && (name == "紀元前" || name == "西暦")) name = era == 0 ? "大化" : "白雉";
    calendar.clear();
    calendar.set(UCAL_ERA, era);
    calendar.set(UCAL_YEAR, 1);
    const int first_year = calendar.get(UCAL_EXTENDED_YEAR, status);
    if (failed(status, "Calendar::get")) return false;
    const auto ours = miyagiplan::find_historical_era(name);
    if (ours && ours->first_year == first_year) continue;
    ++disagreements;
    std::printf("ICU era %d %s (元年 %d): miyagiplan %s\n", era, name.c_str(), first_year,
                ours ? ("has 元年 " + std::to_string(ours->first_year)).c_str() : "has no such era");
  }
  std::printf("ICU's %d eras before 明治: %d disagree with miyagiplan's tables\n", icu_meiji, disagreements);
  return disagreements == 0;
}

}  // namespace

int main() {
  const icu::Locale japanese("ja_JP@calendar=japanese");
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(*icu::TimeZone::getGMT(), japanese, status));
  if (failed(status, "Calendar::createInstance")) return 1;
  if (std::string_view(calendar->getType()) != "japanese") {
    std::fprintf(stderr, "ICU gave a %s calendar, not the Japanese one\n", calendar->getType());
    return 1;
  }

  const sys_days first = miyagiplan::days_from_civil(1873, 1, 1);
  const sys_days last = miyagiplan::days_from_civil(2100, 12, 31);
  constexpr int disagreements_shown = 10;
  int disagreements = 0;
  for (sys_days s = first; s <= last; s += miyagiplan::day_count(1)) {
    calendar->setTime(to_udate(s), status);
    const icu_era_date by_icu{calendar->get(UCAL_ERA, status), calendar->get(UCAL_YEAR, status),
                              calendar->get(UCAL_MONTH, status) + 1, calendar->get(UCAL_DATE, status)};
    if (failed(status, "Calendar::get")) return 1;
    const auto ours = miyagiplan::era_date_of(s);
    const icu_era_date by_us = ours ? icu_era_date{icu_era_number(ours->era), ours->year,
                                                   static_cast<int>(ours->month),
                                                   static_cast<int>(ours->day)}
                                    : icu_era_date{-1, 0, 0, 0};
    if (by_icu == by_us) continue;
    if (disagreements++ < disagreements_shown)
      std::printf("%s: ICU era %d year %d %d-%d, miyagiplan era %d year %d %d-%d\n", iso(s).c_str(),
                  by_icu.era, by_icu.year, by_icu.month, by_icu.day, by_us.era, by_us.year,
                  by_us.month, by_us.day);
  }

  const int days = (last - first).count() + 1;
  if (disagreements > 0) {
    std::printf("ICU and miyagiplan disagree on %d of %d days\n", disagreements, days);
    return 1;
  }
  std::printf("ICU (%s) and miyagiplan agree on all %d days, %s … %s\n", japanese.getName(), days,
              iso(first).c_str(), iso(last).c_str());
  const bool parsed = check_icu_parse(japanese);
  return check_historical_eras(japanese, *calendar) && parsed ? 0 : 1;
}
