// miyagiplan: reports on prefectural plans and their attainment, and the 和暦 / 年度 calendar,
// from the command line.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <miyagiplan/miyagiplan.hpp>

#include "commands.hpp"
#include "report_data.hpp"

namespace mpcli {

const command_spec report_spec{
    "report",
    "[--plan FILE] [--actuals FILE.csv|.xlsx|.json]\n"
    "         [--sheet NAME] [--read-encoding auto|utf-8|cp932]\n"
    "         [--as-of DATE | --years] [--scheme NAME|FILE.json]\n"
    "         [--format text|markdown|csv|json|html|xlsx] [--output FILE]\n"
    "         [--encoding utf-8|cp932] [--lang ja|en] [--width N]\n"
    "         [--record FILE.json] [--new-record FILE.json]",
    "Reports on a plan: its title, period, goals, areas, measures and every\n"
    "indicator (baseline → target); with actuals, each indicator's latest actual,\n"
    "expected value, rate, grade and status, and the roll-ups of measures, areas\n"
    "and goals.",
    {{"plan", 'p', "FILE", "a plan file, any format, a workbook too (default:\n"
                          "the bundled plan)"},
     {"actuals", 'a', "FILE", "actuals (実績値), .csv, .xlsx or .json (else: the\n"
                             "plan only)"},
     actuals_sheet_option(),
     actuals_read_encoding_option(),
     {"as-of", 0, "DATE", "day to evaluate at: 平成25年度末, R5.3.31, 2014-03-31\n"
                         "(default: the last day of the plan period)"},
     {"years", 0, "", "with --actuals: evaluate as of every 年度末 of\n"
                      "the plan period; each grade and count year by year"},
     {"scheme", 's', "NAME|FILE", "miyagi (default), soumu, open_sdg, unsd_2023, okr,\n"
                                  "ibaraki, nagayo, or a JSON scheme file"},
     {"format", 'f', "FORMAT", "text (default), markdown, csv, json, html or xlsx",
      {"text", "markdown", "md", "csv", "json", "html", "xlsx"}},
     {"output", 'o', "FILE", "write to FILE, replaced only once the new one is\n"
                           "whole (default: standard output; xlsx needs one)"},
     {"encoding", 0, "ENC", "of the CSV report: utf-8 (default) or cp932\n"
                           "(Shift_JIS, as Japanese Excel opens CSV); the other\n"
                           "formats are UTF-8",
      {"auto", "utf-8", "cp932"}},
     {"lang", 0, "ja|en", "labels and explanations in Japanese (default) or\n"
                         "English",
      {"ja", "en"}},
     {"width", 0, "N", "text columns (default: $COLUMNS up to 120, else 80)"},
     {"record", 0, "FILE", "an evaluation record to show beside the grades:\n"
                          "評価理由, 委員会の意見, 対応方針"},
     {"new-record", 0, "FILE", "also write this evaluation's record to fill in:\n"
                              "an entry per indicator and measure with its grade"}},
    0,
    0,
    "The text format fits the terminal: wide (全角) characters count as two\n"
    "columns, and long names end in ….  The HTML format is one self-contained file\n"
    "(inline CSS and SVG charts).  The xlsx format is a workbook after 総務省's rules\n"
    "for machine-readable files: a sheet per table (indicators, measures, areas,\n"
    "goals, the evaluation's settings), one value per cell, units in their own\n"
    "columns, numbers as numbers, dates as Excel dates with the 和暦 beside them,\n"
    "a frozen header row and filters.\n"
    "Exit status: 0 ok, 1 a file or date that cannot be read, 2 a usage mistake.\n"};

int run_report(const parsed_args& args) {
  const std::string format_name = args.get_or("format", "text");
  const auto format = *miyagiplan::report_format_named(format_name);
  const miyagiplan::render_options options{
      .lang = language_option(args), .width = terminal_width(args), .encoding = encoding_option(args)};
  const auto output = format == miyagiplan::report_format::xlsx ? std::optional(workbook_output(args, "report"))
                                                                 : args.get("output");
  miyagiplan::scheme scheme;
  try {
    scheme = miyagiplan::scheme::from_name_or_file(args.get_or("scheme", "miyagi"));
  } catch (const miyagiplan::not_found_error& e) {
    throw usage_error(std::string("--scheme: ") + e.what());
  }
  const auto as_of_text = args.get("as-of");
  std::optional<miyagiplan::sys_days> as_of;
  const miyagiplan::plan plan = load_plan_option(args);
  const std::string plan_source = args.has("plan") ? shown_path(*args.get("plan")) : std::string();
  std::optional<miyagiplan::observation_set> actuals;
  std::string actuals_source;
  std::optional<miyagiplan::report> evaluation;
  std::optional<miyagiplan::years_report> years;
  const bool every_year = args.has("years");
  if (every_year && as_of_text) throw usage_error("--years evaluates as of every 年度末: give it or --as-of, not both");
  if (every_year && !args.has("actuals")) throw usage_error("--years evaluates actuals: give --actuals FILE");
  for (const char* name : {"record", "new-record"})
    if (args.has(name) && !args.has("actuals"))
      throw usage_error(std::string("--") + name + " goes with an evaluation: give --actuals FILE");
  if (as_of_text) as_of = miyagiplan::resolve_as_of(plan, *as_of_text);
  if (const auto file = args.get("actuals")) {
    actuals_source = shown_path(*file);
    actuals = miyagiplan::observation_set::load(*file, plan, actuals_options(args, "read-encoding"));
    if (every_year) {
      years = miyagiplan::evaluate_years(plan, *actuals, scheme);
      as_of = years->years.back().evaluation.as_of;
    } else {
      if (!as_of) as_of = miyagiplan::resolve_as_of(plan);
      evaluation = miyagiplan::evaluate(plan, *actuals, *as_of, scheme);
    }
  }
  const miyagiplan::report* evaluated = years ? &years->years.back().evaluation : evaluation ? &*evaluation : nullptr;
  std::optional<miyagiplan::evaluation_record> record;
  if (const auto file = args.get("record")) {
    record = miyagiplan::load_record(*file);
    miyagiplan::check_record(*record, *evaluated, *file);
  }
  if (const auto file = args.get("new-record"))
    miyagiplan::save_record(miyagiplan::record_of(*evaluated, plan), *file);
  const miyagiplan::report_input input{.plan = plan,
                                       .plan_source = plan_source,
                                       .actuals = actuals ? &*actuals : nullptr,
                                       .actuals_source = actuals_source,
                                       .scheme = scheme,
                                       .as_of = as_of,
                                       .evaluation = evaluated,
                                       .years = years ? &*years : nullptr,
                                       .record = record ? &*record : nullptr};
  if (output && *output != "-") miyagiplan::write_report(input, format, *output, options);
  else write_output(std::nullopt, miyagiplan::render_report(input, format, options));
  return 0;
}

void report_error(std::string_view what) {
  std::string line(what);
  for (char& ch : line)
    if (ch == '\n' || ch == '\r') ch = ' ';
  std::cout.flush();
  std::cerr << "miyagiplan: " << line << "\n";
  std::cerr.flush();
}

namespace {

const command commands[] = {
    {&report_spec, run_report}, {&date_spec, run_date},     {&wareki_spec, run_wareki},
    {&fy_spec, run_fy},         {&export_spec, run_export}, {&validate_spec, run_validate},
    {&template_spec, run_template},
};

constexpr const char* short_usage =
    "usage: miyagiplan COMMAND [OPTIONS]\n"
    "commands: report, date, wareki, fy, export, validate, template (miyagiplan --help for\n"
    "more)\n";

std::string program_help() {
  std::string out =
      "usage: miyagiplan COMMAND [OPTIONS] [ARGUMENTS]\n\n"
      "Japanese prefectural plans, their indicators and attainment, with 和暦 and\n"
      "年度. The plan みやぎＩＴ推進プラン２０１３ is bundled.\n\ncommands:\n";
  static constexpr std::pair<std::string_view, std::string_view> briefs[] = {
      {"report", "the plan, and with actuals its attainment (text, html, csv, …)"},
      {"date", "date expressions → first and last day, kind, flags"},
      {"wareki", "days in 和暦: 平成22年12月31日, H22.12.31"},
      {"fy", "the fiscal year (年度) of a day: 平成25年度, 2013年度, FY2013"},
      {"export", "the plan as JSON, a workbook or an archive; actuals as CSV"},
      {"validate", "check a plan file or an actuals file; every problem with its place"},
      {"template", "a blank workbook to write a plan in (Excel)"},
  };
  for (const auto& [name, brief] : briefs)
    out += "  " + std::string(name) + std::string(10 - name.size(), ' ') + std::string(brief) + "\n";
  out +=
      "\nexamples:\n"
      "  miyagiplan report\n"
      "  miyagiplan report --actuals actuals.csv --as-of 平成25年度末\n"
      "  miyagiplan report --actuals actuals.csv --format html -o report.html\n"
      "  miyagiplan date 平成22年12月末 平成23～25年度\n"
      "  miyagiplan wareki 2010-12-31\n"
      "  miyagiplan fy 2014-03-31\n"
      "  miyagiplan export --format xml -o plan.xml && miyagiplan validate plan.xml\n"
      "  miyagiplan template -o plan.xlsx && miyagiplan validate plan.xlsx\n"
      "  miyagiplan report --plan plan.xlsx --actuals a.xlsx -f xlsx -o report.xlsx\n"
      "\nmiyagiplan COMMAND --help shows a command's options.\n"
      "Exit status: 0 ok, 1 findings or failures, 2 a mistake in the arguments.\n"
      "\nmiyagiplan " +
      std::string(miyagiplan::version_string) + "\n";
  return out;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << short_usage;
    return 2;
  }
  const std::string name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    if (name == "help" && args.size() > 1) {
      for (const auto& c : commands)
        if (c.spec->name == args[1]) {
          std::cout << help_text(*c.spec);
          return 0;
        }
      throw usage_error("help: unknown command \"" + args[1] + "\"");
    }
    std::cout << program_help();
    return 0;
  }
  if (name == "--version" || name == "-V") {
    std::cout << "miyagiplan " << miyagiplan::version_string << "\n";
    return 0;
  }
  const command* chosen = nullptr;
  for (const auto& c : commands)
    if (c.spec->name == name) chosen = &c;
  if (chosen) {
    // CLI11 parses the command line: the commands are its subcommands.
    CLI::App app("Japanese prefectural plans, their indicators and attainment", "miyagiplan");
    app.set_help_flag();  // miyagiplan --help is program_help(), handled above
    app.require_subcommand(1, 1);
    parsed_args parsed;
    for (const auto& c : commands) add_command(app, *c.spec, parsed);
    try {
      try {
        app.parse(argc, argv);
      } catch (const CLI::CallForHelp&) {
        std::cout << help_text(*chosen->spec);
        return 0;
      } catch (const CLI::ParseError& e) {
        throw usage_error(e.what());
      }
      return chosen->run(parsed);
    } catch (const usage_error& e) {
      // One line: what was wrong, in which command, and where to read more.
      std::string what = e.what();
      if (!what.starts_with(name + ": ")) what = name + ": " + what;
      throw usage_error(what + " (see miyagiplan " + name + " --help)");
    }
  }
  if (name.starts_with("-")) throw usage_error("unknown option " + name + " (a command comes first: miyagiplan --help)");
  throw usage_error("unknown command \"" + name + "\" (commands: report, date, wareki, fy, export, validate, template)");
}

}  // namespace
}  // namespace mpcli

int main(int argc, char** argv) {
  try {
    miyagiplan::load_extra_eras_from_environment();  // a deployment's eras, or its error, first
    return mpcli::run(argc, argv);
  } catch (const mpcli::usage_error& e) {
    const std::string what = e.what();
    mpcli::report_error(what.ends_with("--help)") ? what : what + " (see miyagiplan --help)");
    return 2;
  } catch (const std::exception& e) {
    mpcli::report_error(e.what());
    return 1;
  } catch (...) {
    mpcli::report_error("unexpected failure");
    return 1;
  }
}
