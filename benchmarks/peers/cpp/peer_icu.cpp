// ICU's peer in the harness (benchmarks/peers/run): the Japanese calendar through
// icu::SimpleDateFormat with the locale ja_JP@calendar=japanese, as an application would use it.
//
//   peer_icu --work DIR [--reps R] [--budget SECONDS] [--only op,op]
//
// Patterns: "GGGGy年M月d日" (平成22年12月31日; ICU writes and reads 元年 for year 1 in this
// locale) and "GGGGGy.M.d" (H22.12.31, the narrow era). Time zone GMT, so that a UDate is
// days × 86,400,000 ms. The parse is ICU's default (lenient) one, through a ParsePosition (no
// exception, no error code to reset). Texts are converted to UnicodeString before timing: ICU
// works in UTF-16, and the conversion is not counted against it.
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uversion.h>

#include <cmath>
#include <memory>

#include "peer_common.hpp"

namespace {

constexpr double ms_per_day = 86400000.0;

// ICU's Japanese calendar numbers every era since 大化 (645); 明治 is era 232 there.
constexpr int icu_meiji = 232;

std::int32_t day_of(UDate ms) { return static_cast<std::int32_t>(std::floor(ms / ms_per_day)); }

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::vector<icu::UnicodeString> to_utf16(const peers::lines& l) {
  std::vector<icu::UnicodeString> out;
  out.reserve(l.items.size());
  for (std::string_view s : l.items)
    out.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size()))));
  return out;
}

std::unique_ptr<icu::SimpleDateFormat> formatter(const char* pattern, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern), locale, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("SimpleDateFormat: ") + u_errorName(status));
  f->setTimeZone(*icu::TimeZone::getGMT());
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const peers::options o = peers::parse_options(argc, argv, 1);
    const std::string impl = std::string("ICU ") + U_ICU_VERSION + " SimpleDateFormat";
    const icu::Locale locale("ja_JP@calendar=japanese");
    const auto kanji_format = formatter("GGGGy年M月d日", locale);
    const auto abbrev_format = formatter("GGGGGy.M.d", locale);
    const std::vector<icu::UnicodeString> kanji = to_utf16(peers::read_lines(o.work + "/kanji.txt"));
    const std::vector<icu::UnicodeString> abbrev = to_utf16(peers::read_lines(o.work + "/abbrev.txt"));
    const std::vector<std::int32_t> days = peers::read_days(o.work + "/days.txt");

    const std::pair<const char*, std::pair<const std::vector<icu::UnicodeString>*, icu::SimpleDateFormat*>> parses[] = {
        {"parse_kanji", {&kanji, kanji_format.get()}}, {"parse_abbrev", {&abbrev, abbrev_format.get()}}};
    for (const auto& [op, what] : parses) {
      const auto& items = *what.first;
      icu::SimpleDateFormat& f = *what.second;
      auto parse = [&](std::size_t i, bool& ok) {
        icu::ParsePosition pos(0);
        const UDate d = f.parse(items[i], pos);
        ok = pos.getErrorIndex() < 0 && pos.getIndex() == items[i].length();
        return d;
      };
      peers::measure(
          o, {op, impl, "C++", "", items.size()},
          [&](std::size_t i) {
            bool ok = false;
            const UDate d = parse(i, ok);
            return ok ? std::to_string(day_of(d)) : std::string("E");
          },
          [&](std::size_t i) -> std::uint64_t {
            bool ok = false;
            const UDate d = parse(i, ok);
            return ok ? static_cast<std::uint64_t>(d) : 0u;
          });
    }

    const std::pair<const char*, icu::SimpleDateFormat*> formats[] = {{"format_kanji", kanji_format.get()},
                                                                     {"format_abbrev", abbrev_format.get()}};
    for (const auto& [op, fp] : formats) {
      icu::SimpleDateFormat& f = *fp;
      peers::measure(
          o, {op, impl, "C++", "UTF-16 out", days.size()},
          [&](std::size_t i) {
            icu::UnicodeString out;
            f.format(days[i] * ms_per_day, out);
            return utf8(out);
          },
          [&](std::size_t i) -> std::uint64_t {
            icu::UnicodeString out;
            f.format(days[i] * ms_per_day, out);
            return static_cast<std::uint64_t>(out.length()) + out.charAt(out.length() - 1);
          });
    }

    // Day → era date through icu::Calendar (what the formatter does underneath).
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("Calendar: ") + u_errorName(status));
    auto fields = [&](std::size_t i, int& era, int& year, int& month, int& day) {
      UErrorCode st = U_ZERO_ERROR;
      cal->setTime(days[i] * ms_per_day, st);
      era = cal->get(UCAL_ERA, st) - icu_meiji;
      year = cal->get(UCAL_YEAR, st);
      month = cal->get(UCAL_MONTH, st) + 1;
      day = cal->get(UCAL_DATE, st);
      return U_SUCCESS(st);
    };
    peers::measure(
        o, {"to_era", std::string("ICU ") + U_ICU_VERSION + " Calendar", "C++", "setTime, then get era, year, month, day", days.size()},
        [&](std::size_t i) {
          int era = 0, year = 0, month = 0, day = 0;
          if (!fields(i, era, year, month, day)) return std::string("E");
          return std::to_string(era) + " " + std::to_string(year) + " " + std::to_string(month) + " " + std::to_string(day);
        },
        [&](std::size_t i) -> std::uint64_t {
          int era = 0, year = 0, month = 0, day = 0;
          fields(i, era, year, month, day);
          return static_cast<std::uint64_t>(era + year + month + day);
        });
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "peer_icu: " << e.what() << "\n";
    return 1;
  }
}
