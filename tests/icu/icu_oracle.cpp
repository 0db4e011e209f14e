// ICU's Japanese calendar as an independent oracle: for every day 1873-01-01 … 2100-12-31 it must
// name the same era, era year, month and day as miyagiplan::to_era_date. ICU takes its era table
// from CLDR, so agreement on every day checks our table's boundaries, not just our arithmetic.
// Before 明治, ICU's eras (大化 … 慶応, one line through 1331–1392; Gregorian/Julian days, not
// lunisolar ones) are compared where they are comparable: each ICU era's name must be one of our
// eras before 1873, with the same Western year of 元年.
// The written forms of issue 14 (JIS X 0301, padding, 1年, the Western year, the weekday, kanji
// numerals, 皇紀) are compared, every day of that range, with texts ICU's own date formats write.
// Exit 0 when all agree; otherwise print the first disagreements and exit 1.
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// ---- The written forms of issue 14 against ICU's date formats ----

icu::UnicodeString u(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// A piece of the expected text: what ICU writes for one instant, appended.
using icu_part = std::function<void(UDate, std::string&)>;

// ICU's formats, owned here so that the parts can hold plain pointers to them.
class icu_writers {
 public:
  // ja's %spellout-numbering-year writes a year as Japanese documents do: 元 for 1, 二十二,
  // and a four-digit year digit by digit (二〇二三).
  static std::unique_ptr<icu::NumberFormat> make_year_spellout(UErrorCode& status) {
    auto rbnf = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("ja"), status);
    rbnf->setDefaultRuleSet(u("%spellout-numbering-year"), status);
    return rbnf;
  }
  icu::NumberFormat* year_spellout() {
    UErrorCode status = U_ZERO_ERROR;
    auto rbnf = make_year_spellout(status);
    if (failed(status, "RuleBasedNumberFormat")) return nullptr;
    return numbers_.emplace_back(std::move(rbnf)).get();
  }

  // ICU's digits for a number: no grouping (2683, not 2,683).
  icu::NumberFormat* digits() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(icu::Locale("ja_JP"), status));
    if (failed(status, "NumberFormat")) return nullptr;
    format->setGroupingUsed(false);
    return numbers_.emplace_back(std::move(format)).get();
  }

  // A SimpleDateFormat in `locale` with `pattern`; `numbers` overrides the numbering of fields
  // ("M=jpan;d=jpan"), and `kanji_year` writes the year with year_spellout.
  icu_part pattern(const char* locale, std::string_view pattern, std::string_view numbers = {},
                   bool kanji_year = false) {
    UErrorCode status = U_ZERO_ERROR;
    auto format = numbers.empty()
                      ? std::make_unique<icu::SimpleDateFormat>(u(pattern), icu::Locale(locale), status)
                      : std::make_unique<icu::SimpleDateFormat>(u(pattern), u(numbers), icu::Locale(locale), status);
    if (failed(status, "SimpleDateFormat")) return {};
    format->setTimeZone(*icu::TimeZone::getGMT());
    if (kanji_year) {
      auto rbnf = make_year_spellout(status);
      if (U_SUCCESS(status)) format->adoptNumberFormat(u("y"), rbnf.release(), status);
      if (failed(status, "the year's RuleBasedNumberFormat")) return {};
    }
    const icu::SimpleDateFormat* f = dates_.emplace_back(std::move(format)).get();
    return [f](UDate t, std::string& out) {
      icu::UnicodeString text;
      f->format(t, text);
      text.toUTF8String(out);
    };
  }

  // The 皇紀 year: ICU's Gregorian year + 660, written by `number`.
  icu_part koki_year(const icu::NumberFormat* number) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> gregorian(
        icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale("ja_JP@calendar=gregorian"), status));
    if (failed(status, "Calendar::createInstance") || number == nullptr) return {};
    icu::Calendar* c = calendars_.emplace_back(std::move(gregorian)).get();
    return [c, number](UDate t, std::string& out) {
      UErrorCode s = U_ZERO_ERROR;
      c->setTime(t, s);
      icu::UnicodeString text;
      number->format(c->get(UCAL_EXTENDED_YEAR, s) + 660, text);
      text.toUTF8String(out);
    };
  }

 private:
  std::vector<std::unique_ptr<icu::SimpleDateFormat>> dates_;
  std::vector<std::unique_ptr<icu::NumberFormat>> numbers_;
  std::vector<std::unique_ptr<icu::Calendar>> calendars_;
};

// ICU writes 元年 only through its "jpanyear" numbering (ja, Japanese calendar, a pattern with
// 年), and that numbering ignores the field's width: yy年 gives 令和5年. Our zero padding pads
// the era year as it pads month and day (令和05年), so a lone digit before 年 gets its 0 here.
std::string pad_era_year(std::string text) {
  const std::size_t nen = text.find("年");
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (nen != std::string::npos && nen >= 2 && digit(nen - 1) && !digit(nen - 2)) text.insert(nen - 1, "0");
  return text;
}

// One written form: our options, and ICU's parts that make the expected text.
struct written_form {
  std::string_view name;
  miyagiplan::format_options options;
  std::vector<icu_part> parts;
  std::string (*normalise)(std::string) = nullptr;
};

bool check_written_forms(sys_days first, sys_days last) {
  using miyagiplan::date_style;
  const auto started = std::chrono::steady_clock::now();
  constexpr const char* japanese = "ja_JP@calendar=japanese";
  constexpr const char* gregorian = "ja_JP@calendar=gregorian";
  constexpr std::string_view kanji_md = "M=jpan;d=jpan";  // ja's 三十一, 十二 (jpan is spellout)
  auto options = [](date_style style, auto&& set) {
    miyagiplan::format_options o;
    o.style = style;
    set(o);
    return o;
  };
  icu_writers icu;
  icu::NumberFormat* const spelt_year = icu.year_spellout();
  icu::NumberFormat* const digit_year = icu.digits();
  std::vector<written_form> forms;
  // JIS X 0301 is ICU's narrow era letter and two-digit fields.
  forms.push_back({"jisx0301", options(date_style::jisx0301, [](auto&) {}), {icu.pattern(japanese, "GGGGGyy.MM.dd")}});
  forms.push_back({"abbrev", options(date_style::abbrev, [](auto&) {}), {icu.pattern(japanese, "GGGGGy.M.d")}});
  forms.push_back({"abbrev zero_pad", options(date_style::abbrev, [](auto& o) { o.zero_pad = true; }),
                   {icu.pattern(japanese, "GGGGGyy.MM.dd")}});
  // ICU's own 元年 (its jpanyear numbering); y=latn turns it off, for gannen = false.
  forms.push_back({"kanji", options(date_style::kanji, [](auto&) {}), {icu.pattern(japanese, "GGGGy年M月d日")}});
  forms.push_back({"kanji 1年", options(date_style::kanji, [](auto& o) { o.gannen = false; }),
                   {icu.pattern(japanese, "GGGGy年M月d日", "y=latn")}});
  forms.push_back({"kanji zero_pad", options(date_style::kanji, [](auto& o) { o.zero_pad = true; }),
                   {icu.pattern(japanese, "GGGGyy年MM月dd日")}, pad_era_year});
  forms.push_back({"kanji zero_pad 1年",
                   options(date_style::kanji, [](auto& o) { o.zero_pad = true; o.gannen = false; }),
                   {icu.pattern(japanese, "GGGGyy年MM月dd日", "y=latn")}});
  // The Western year from ICU's Gregorian calendar, beside the era year of its Japanese one.
  forms.push_back({"kanji with_western", options(date_style::kanji, [](auto& o) { o.with_western = true; }),
                   {icu.pattern(japanese, "GGGGy年"), icu.pattern(gregorian, "（y年）M月d日")}});
  forms.push_back({"kanji weekday", options(date_style::kanji, [](auto& o) { o.weekday = true; }),
                   {icu.pattern(japanese, "GGGGy年M月d日（E）")}});
  forms.push_back({"western weekday", options(date_style::western, [](auto& o) { o.weekday = true; }),
                   {icu.pattern(gregorian, "y年M月d日（E）")}});
  forms.push_back({"western zero_pad", options(date_style::western, [](auto& o) { o.zero_pad = true; }),
                   {icu.pattern(gregorian, "yyyy年MM月dd日")}});
  // Kanji numerals: ja's year spellout (元, 二十二, 二〇二三) and jpan for month and day.
  forms.push_back({"kanji kanji_numerals", options(date_style::kanji, [](auto& o) { o.kanji_numerals = true; }),
                   {icu.pattern(japanese, "GGGGy年M月d日", kanji_md, true)}});
  // Spelt numbers have no width: ICU's spellout ignores yy, MM and dd, and we do not pad kanji.
  forms.push_back({"kanji kanji_numerals zero_pad",
                   options(date_style::kanji, [](auto& o) { o.kanji_numerals = o.zero_pad = true; }),
                   {icu.pattern(japanese, "GGGGyy年MM月dd日", kanji_md, true)}});
  forms.push_back({"kanji kanji_numerals 1年",
                   options(date_style::kanji, [](auto& o) { o.kanji_numerals = true; o.gannen = false; }),
                   {icu.pattern(japanese, "GGGGy年M月d日", "y=jpan;M=jpan;d=jpan")}});
  forms.push_back({"kanji kanji_numerals with_western weekday",
                   options(date_style::kanji, [](auto& o) { o.kanji_numerals = o.with_western = o.weekday = true; }),
                   {icu.pattern(japanese, "GGGGy年", kanji_md, true),
                    icu.pattern(gregorian, "（y年）M月d日（E）", kanji_md, true)}});
  forms.push_back({"western kanji_numerals", options(date_style::western, [](auto& o) { o.kanji_numerals = true; }),
                   {icu.pattern(gregorian, "y年M月d日", kanji_md, true)}});
  forms.push_back({"kanji zero_pad 1年 with_western weekday",
                   options(date_style::kanji,
                           [](auto& o) { o.zero_pad = o.with_western = o.weekday = true; o.gannen = false; }),
                   {icu.pattern(japanese, "GGGGyy年", "y=latn"), icu.pattern(gregorian, "（yyyy年）MM月dd日（E）")}});
  // 皇紀: ICU has no such calendar; its Gregorian year + 660.
  forms.push_back({"koki", options(date_style::koki, [](auto&) {}),
                   {icu.pattern(gregorian, "'皇紀'"), icu.koki_year(digit_year),
                    icu.pattern(gregorian, "年M月d日")}});
  forms.push_back({"koki kanji_numerals weekday",
                   options(date_style::koki, [](auto& o) { o.kanji_numerals = o.weekday = true; }),
                   {icu.pattern(gregorian, "'皇紀'"), icu.koki_year(spelt_year),
                    icu.pattern(gregorian, "年M月d日（E）", kanji_md)}});
  forms.push_back({"koki zero_pad weekday", options(date_style::koki, [](auto& o) { o.zero_pad = o.weekday = true; }),
                   {icu.pattern(gregorian, "'皇紀'"), icu.koki_year(digit_year),
                    icu.pattern(gregorian, "年MM月dd日（E）")}});
  int plain_styles = 0;
  for (const auto& form : forms) {
    plain_styles += form.options == options(form.options.style, [](auto&) {});
    for (const auto& part : form.parts)
      if (!part) return false;  // ICU could not make it (reported by failed)
  }

  constexpr int disagreements_shown = 10;
  int disagreements = 0, shown = 0;
  std::vector<int> by_form(forms.size());  // the first of each form is shown, not ten of one
  long compared = 0;
  char ours[miyagiplan::max_formatted_date];
  std::string expected;
  for (sys_days s = first; s <= last; s += miyagiplan::day_count(1)) {
    const UDate t = to_udate(s);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const written_form& form = forms[i];
      expected.clear();
      for (const auto& part : form.parts) part(t, expected);
      if (form.normalise) expected = form.normalise(std::move(expected));
      // A style's default options are also written by the style-only overload, a separate path.
      const bool style_only = form.options == options(form.options.style, [](auto&) {});
      std::string_view by_us(ours, miyagiplan::format_date_to(ours, s, form.options));
      ++compared;
      const char* overload = "";
      if (by_us == expected && style_only) {
        by_us = std::string_view(ours, miyagiplan::format_date_to(ours, s, form.options.style));
        overload = " (the style-only overload)";
        ++compared;
      }
      if (by_us == expected) continue;
      ++disagreements;
      if (by_form[i]++ == 0 && shown++ < disagreements_shown)
        std::printf("%s %s: ICU writes %s, miyagiplan%s %.*s\n", iso(s).c_str(), form.name.data(), expected.c_str(),
                    overload, static_cast<int>(by_us.size()), by_us.data());
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const int days = (last - first).count() + 1;
  if (disagreements > 0) {
    for (std::size_t i = 0; i < forms.size(); ++i)
      if (by_form[i] > 0) std::printf("  %s: %d days differ\n", forms[i].name.data(), by_form[i]);
    std::printf("ICU and miyagiplan write %d of %ld texts (%d days × %zu forms) differently\n", disagreements,
                compared, days, forms.size());
    return false;
  }
  // (compared counts the style-only overload's texts too.)
  std::printf("ICU and miyagiplan write all %ld texts alike: %d days × %zu forms, and the style-only overload "
              "for the %d plain styles (%.1f s)\n",
              compared, days, forms.size(), plain_styles, seconds);
  return true;
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
  const bool written = check_written_forms(first, last);
  return check_historical_eras(japanese, *calendar) && parsed && written ? 0 : 1;
}
