// date, wareki, fy: the calendar from the command line.
#include <iostream>

#include <miyagiplan/miyagiplan.hpp>

#include "commands.hpp"

namespace mpcli {
namespace {

using miyagiplan::present::align;
using miyagiplan::present::iso_day;
using miyagiplan::present::text_table;

const option_spec strict_option{"strict", 0, {}, "refuse era years past the era's end (平成32年度)"};
const option_spec start_option{"start-month", 0, "M", "the month fiscal years start in (default 4, April)"};
const option_spec lunisolar_option{"lunisolar", 0, {}, "write days before 1873 as lunisolar dates"};

miyagiplan::parse_options options_of(const parsed_args& args) {
  miyagiplan::parse_options o;
  o.strict = args.has("strict");
  if (const auto m = args.get_int("start-month", 1, 12, "a month from 1 to 12"))
    o.fiscal_start_month = static_cast<unsigned>(*m);
  return o;
}

// Reads every text into a row of a left-aligned table with columns at least `widths` wide and
// prints the rows read; a text that fails is reported on stderr and the others still run.
template <class Row>
int print_rows(const parsed_args& args, std::initializer_list<int> widths, Row&& row) {
  std::vector<miyagiplan::present::text_column> columns;
  for (const int w : widths) columns.push_back({{}, align::left, false, w});
  text_table t(std::move(columns));
  bool any = false;
  int status = 0;
  for (const auto& text : args.positionals) {
    try {
      t.add_cells(row(text));
      any = true;
    } catch (const miyagiplan::error& e) {
      report_error(e.what());
      status = 1;
    }
  }
  if (any) std::cout << t.render(1000);
  return status;
}

}  // namespace

const command_spec date_spec{
    "date",
    "[--strict] [--start-month M] TEXT…",
    "Reads date expressions (平成22年12月末, 平成23～25年度, H22.12.31,\n"
    "2010-12-31, 平成22年度（見込）, H26～ …) and prints, for each: the text, its\n"
    "first and last day (ISO), its kind, and its flags (estimate, proleptic,\n"
    "open-ended).",
    {strict_option, start_option},
    1,
    SIZE_MAX,
    "Exit status: 0 when every text reads, 1 when one does not (said on stderr).\n"};

int run_date(const parsed_args& args) {
  const auto options = options_of(args);
  return print_rows(args, {1, 10, 10, 3, 1}, [&](const std::string& text) -> std::vector<std::string> {
    const miyagiplan::date_expression d = miyagiplan::parse_date(text, options);
    std::string flags;
    auto flag = [&](bool on, const char* name) {
      if (on) flags += (flags.empty() ? "" : ",") + std::string(name);
    };
    flag(d.estimate(), "estimate");
    flag(d.proleptic(), "proleptic");
    flag(d.open_ended(), "open-ended");
    return {text, iso_day(d.days().first), d.open_ended() ? std::string("…") : iso_day(d.days().last),
            std::string(miyagiplan::to_string(d.kind())), flags.empty() ? "-" : flags};
  });
}

const command_spec wareki_spec{
    "wareki",
    "[--lunisolar] DATE…",
    "Writes days in 和暦: each DATE (2010-12-31, or any expression that names one\n"
    "day: 平成22年12月末, 平成25年度末, R5.3.31) as ISO, 平成22年12月31日 and\n"
    "H22.12.31 (令和 forms from 2019-05-01). A day before 1873 has no era\n"
    "date unless --lunisolar asks for its lunisolar one (1872-12-31:\n"
    "明治5年12月2日; no abbreviation: -).",
    {strict_option, start_option, lunisolar_option},
    1,
    SIZE_MAX,
    "Exit status: 0 when every date reads, 1 when one does not or names a span.\n"};

int run_wareki(const parsed_args& args) {
  const auto options = options_of(args);
  miyagiplan::format_options kanji;
  kanji.lunisolar = args.has("lunisolar");
  return print_rows(args, {1, 10, 10, 8}, [&](const std::string& text) -> std::vector<std::string> {
    const miyagiplan::sys_days d = miyagiplan::to_western(text, options);
    const bool lunisolar = kanji.lunisolar && d < miyagiplan::gregorian_reform_serial;
    return {text, miyagiplan::format_date(d, miyagiplan::date_style::iso), miyagiplan::format_date(d, kanji),
            lunisolar ? std::string("-") : miyagiplan::format_date(d, miyagiplan::date_style::abbrev)};
  });
}

const command_spec fy_spec{
    "fy",
    "[--start-month M] DATE…",
    "Names the fiscal year (年度) of each DATE (a day, or a fiscal year such as\n"
    "平成25年度): 平成25年度, 2013年度, FY2013, and its first and last day.",
    {strict_option, start_option},
    1,
    SIZE_MAX,
    "A fiscal year is named after the year it starts in: 平成25年度 = FY2013 =\n"
    "2013-04-01 … 2014-03-31. FY2019 is 令和元年度, written 平成31年度 before\n"
    "May 2019: both are shown.\n"
    "Exit status: 0 when every date reads, 1 when one does not.\n"};

int run_fy(const parsed_args& args) {
  const auto options = options_of(args);
  return print_rows(args, {1, 6, 6, 6, 10, 10}, [&](const std::string& text) -> std::vector<std::string> {
    const miyagiplan::date_expression d = miyagiplan::parse_date(text, options);
    // A fiscal year names itself; a day names the fiscal year it falls in.
    if (d.kind() != miyagiplan::date_kind::fiscal_year && !miyagiplan::names_a_day(d.kind()))
      throw miyagiplan::range_error("\"" + text + "\" is a " + std::string(miyagiplan::to_string(d.kind())) +
                                    ", not a day or a fiscal year");
    const auto fy = miyagiplan::fiscal_year::of(d.days().first, options.fiscal_start_month);
    std::string era_label = "-";
    if (fy.naming_era()) {
      era_label = fy.label(miyagiplan::fiscal_label::era, miyagiplan::era_rule::latest);
      const std::string before = fy.label(miyagiplan::fiscal_label::era, miyagiplan::era_rule::first_day);
      if (before != era_label) era_label += "（" + before + "）";
    }
    return {text, era_label, fy.label(miyagiplan::fiscal_label::western), fy.label(miyagiplan::fiscal_label::fy),
            iso_day(fy.days().first), iso_day(fy.days().last)};
  });
}

}  // namespace mpcli
