// export, validate and template: plan files and actuals files.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <miyagiplan/miyagiplan.hpp>

#include "commands.hpp"
#include "report_data.hpp"

namespace mpcli {
namespace {

miyagiplan::archive_format archive_of(miyagiplan::file_format f) {
  switch (f) {
    case miyagiplan::file_format::text: return miyagiplan::archive_format::text;
    case miyagiplan::file_format::xml: return miyagiplan::archive_format::xml;
    default: return miyagiplan::archive_format::binary;
  }
}

// The format of an output file from its extension, when --format is not given.
miyagiplan::file_format format_of_extension(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".xml") return miyagiplan::file_format::xml;
  if (ext == ".bin" || ext == ".dat") return miyagiplan::file_format::binary;
  if (ext == ".txt" || ext == ".archive") return miyagiplan::file_format::text;
  if (ext == ".xlsx" || ext == ".XLSX") return miyagiplan::file_format::xlsx;
  return miyagiplan::file_format::json;
}

// The parts of a schema_error that gathers several problems: "a:1:2: x; a:3:4: y; and 2 more"
// (a workbook's places are "a!sheet!C12").
std::vector<std::string> split_problems(const std::string& what, const std::string& file) {
  std::vector<std::string> out;
  const std::string separator = "; " + file;
  const auto next_place = [&](std::size_t from) {
    for (std::size_t at = what.find(separator, from); at != std::string::npos; at = what.find(separator, at + 1)) {
      const std::size_t after = at + separator.size();
      if (after < what.size() && (what[after] == ':' || what[after] == '!')) return at;
    }
    return std::string::npos;
  };
  std::size_t start = 0;
  while (true) {
    const std::size_t next = next_place(start);
    if (next == std::string::npos) {
      std::string last = what.substr(start);
      const std::size_t more = last.rfind("; and ");
      if (more != std::string::npos && last.ends_with(" more")) {
        out.push_back(last.substr(0, more));
        out.push_back(file + ": " + last.substr(more + 2));
      } else {
        out.push_back(last);
      }
      return out;
    }
    out.push_back(what.substr(start, next - start));
    start = next + 2;
  }
}

// A workbook is a plan when it has the plan's own sheet (計画), else actuals.
bool is_plan_workbook(const std::string& path) {
  const auto book = miyagiplan::office::xlsx_reader::open(path);
  const auto& names = book.sheet_names();
  return std::find(names.begin(), names.end(), miyagiplan::description<miyagiplan::plan>::label) != names.end();
}

bool is_actuals_file(const std::string& path, const parsed_args& args) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".csv") return true;
  if (ext == ".xlsx") return args.has("sheet") || !is_plan_workbook(path);
  if (ext != ".json" && ext != ".JSON") return false;
  // An observations document names its schema, or at least holds "observations".
  const std::string text = miyagiplan::read_file(path);
  try {
    const auto j = miyagiplan::parse_json(text);
    if (!j.is_object()) return false;
    if (const auto it = j.find("schema"); it != j.end() && it->is_string())
      return it->get<std::string>().starts_with("miyagiplan.Observations");
    return j.contains("observations") && !j.contains("areas");
  } catch (const miyagiplan::error&) {
    return text.find("miyagiplan.Observations") != std::string::npos;
  }
}

}  // namespace

const command_spec export_spec{
    "export",
    "[--plan FILE] [--format json|xml|text|binary|xlsx]\n"
    "         [--output FILE]\n"
    "       miyagiplan export --actuals FILE [--plan FILE] [--format csv|json]\n"
    "         [--sheet NAME] [--read-encoding auto|utf-8|cp932]\n"
    "         [--encoding utf-8|cp932] [--output FILE]",
    "Writes the plan (the bundled みやぎＩＴ推進プラン２０１３, or --plan FILE in\n"
    "any format) as JSON, as an Excel workbook, or as a Boost text, XML or binary\n"
    "archive; with --actuals, writes the actuals (.csv, .xlsx or .json, read\n"
    "against the plan) as CSV or JSON.",
    {{"plan", 'p', "FILE", "a plan file, any format, a workbook too (default:\n"
                          "the bundled plan)"},
     {"actuals", 'a', "FILE", "actuals to write instead of the plan"},
     {"format", 'f', "FORMAT", "json, xml, text, binary or xlsx for a plan; csv or\n"
                             "json for actuals (default: from the --output\n"
                             "extension, else json; csv for actuals)",
      {"json", "xml", "text", "binary", "xlsx", "csv"}},
     actuals_sheet_option(),
     actuals_read_encoding_option(),
     {"encoding", 0, "ENC", "of the CSV written: utf-8 (default) or cp932\n"
                           "(Shift_JIS, as Japanese Excel opens CSV)",
      {"auto", "utf-8", "cp932"}},
     {"output", 'o', "FILE", "write to FILE, replaced only once the new one is\n"
                           "whole (default: standard output; xlsx needs one)"}},
    0,
    0,
    "A binary archive is never written to a terminal: give --output, or redirect\n"
    "standard output.\n"};

namespace {

int export_actuals(const parsed_args& args) {
  const std::string file = *args.get("actuals");
  const auto output = args.get("output");
  std::string format = args.get_or("format", "");
  if (format.empty())
    format = output && std::filesystem::path(*output).extension() == ".json" ? "json" : "csv";
  if (format != "csv" && format != "json")
    throw usage_error("export: actuals are written as csv or json, not " + format);
  const miyagiplan::plan p = load_plan_option(args);
  const auto set = miyagiplan::observation_set::load(file, p, actuals_options(args, "read-encoding"));
  const std::string bytes = format == "json" ? set.to_json_text(p) : set.to_csv(p, encoding_option(args));
  if (output && *output != "-") miyagiplan::write_file(*output, bytes);
  else write_output(std::nullopt, bytes);
  return 0;
}

}  // namespace

int run_export(const parsed_args& args) {
  if (args.has("actuals")) return export_actuals(args);
  if (args.get("format") == "csv") throw usage_error("export: csv is for actuals (give --actuals FILE)");
  miyagiplan::file_format format = miyagiplan::file_format::json;
  if (const auto f = args.get("format")) {
    format = miyagiplan::enum_from_string<miyagiplan::file_format>(*f);
  } else if (const auto out = args.get("output")) {
    format = format_of_extension(*out);
  }
  const auto output = args.get("output");
  if (format == miyagiplan::file_format::xlsx) workbook_output(args, "export");
  if (format == miyagiplan::file_format::binary && (!output || *output == "-") && ::isatty(STDOUT_FILENO))
    throw usage_error("export: refusing to write a binary archive to a terminal (give --output FILE)");
  const miyagiplan::plan p = load_plan_option(args);
  if (output && *output != "-") {
    miyagiplan::save_plan(p, *output, format);
    return 0;
  }
  if (format == miyagiplan::file_format::json) {
    write_output(std::nullopt, miyagiplan::to_json_text(p));
  } else {
    std::ostringstream buffer(std::ios::binary);
    miyagiplan::save_archive(p, buffer, archive_of(format));
    write_output(std::nullopt, std::move(buffer).str());
  }
  return 0;
}

const command_spec validate_spec{
    "validate",
    "FILE [--plan FILE] [--sheet NAME]\n"
    "         [--encoding auto|utf-8|cp932]",
    "Checks a plan file (JSON, a workbook, or a text, XML or binary archive: it\n"
    "must load and keep every rule of the model) or an actuals file (.csv, .xlsx\n"
    "without a sheet 計画, or .json with \"observations\", read against the bundled\n"
    "plan or --plan FILE), and prints every problem with its place (a workbook's\n"
    "as file!sheet!C12).",
    {{"plan", 'p', "FILE", "the plan of an actuals file (default: the bundled plan)"},
     actuals_sheet_option(),
     {"encoding", 0, "ENC", "of a CSV actuals file: auto (default), utf-8 or\n"
                           "cp932",
      {"auto", "utf-8", "cp932"}},
     {"lang", 0, "ja|en", "language of the summary line (default ja)", {"ja", "en"}}},
    1,
    1,
    "Exit status: 0 when the file is sound, 1 when it has problems or cannot be read.\n"};

int run_validate(const parsed_args& args) {
  const std::string file = args.positionals.front();
  const bool ja = language_option(args) == miyagiplan::language::ja;
  std::vector<std::string> findings;
  std::string summary;
  if (is_actuals_file(file, args)) {
    const miyagiplan::plan p = load_plan_option(args);
    try {
      const auto set = miyagiplan::observation_set::load(file, p, actuals_options(args, "encoding"));
      summary = ja ? "実績データ " + std::to_string(set.size()) + " 件（計画 " + p.id + "）"
                   : std::to_string(set.size()) + " observations for plan " + p.id;
    } catch (const miyagiplan::schema_error& e) {
      findings = split_problems(e.what(), file);
    }
  } else if (miyagiplan::detect_format(miyagiplan::read_file(file).substr(0, 4)) == miyagiplan::file_format::xlsx) {
    // Every problem of the workbook, each at its cell.
    try {
      for (const auto& problem : miyagiplan::plan_workbook_problems(file))
        findings.push_back(problem.where + ": " + problem.what);
    } catch (const miyagiplan::schema_error& e) {
      findings.push_back(e.what());  // not a workbook at all
    }
    if (findings.empty()) {
      const miyagiplan::plan p = miyagiplan::read_plan_workbook(file);
      summary = ja ? "計画 " + p.id + "（目標指標 " + std::to_string(p.indicators().size()) + "）"
                   : "plan " + p.id + " (" + std::to_string(p.indicators().size()) + " indicators)";
    }
  } else {
    try {
      const miyagiplan::plan p = miyagiplan::load_plan(file);
      for (const auto& problem : p.problems()) findings.push_back(file + ": " + problem.where + ": " + problem.what);
      summary = ja ? "計画 " + p.id + "（目標指標 " + std::to_string(p.indicators().size()) + "）"
                   : "plan " + p.id + " (" + std::to_string(p.indicators().size()) + " indicators)";
    } catch (const miyagiplan::schema_error& e) {
      findings.push_back(e.what());
    }
  }
  for (auto& f : findings) {
    for (char& ch : f)
      if (ch == '\n' || ch == '\r') ch = ' ';
    std::cout << f << "\n";
  }
  if (!findings.empty()) {
    // "…; and 3 more" stands for problems the library did not list one by one.
    std::size_t count = findings.size();
    const std::string& last = findings.back();
    if (const auto at = last.rfind(": and "); at != std::string::npos && last.ends_with(" more")) {
      try {
        count += std::stoul(last.substr(at + 6)) - 1;
      } catch (const std::exception&) {
        // not a count: leave it
      }
    }
    std::cerr << "miyagiplan: " << file << ": " << count << (count == 1 ? " problem" : " problems") << "\n";
    return 1;
  }
  std::cout << file << ": ok, " << summary << "\n";
  return 0;
}

const command_spec template_spec{
    "template",
    "--output FILE.xlsx",
    "Writes a blank workbook to write a plan in, in Excel or any spreadsheet: a\n"
    "sheet per kind of object (計画, 基本目標, 重点分野, 施策, 目標指標 …), each with\n"
    "its headers (Japanese, and the field name in row 2) and one example row, and\n"
    "a sheet 説明 explaining every column.",
    {{"output", 'o', "FILE", "the workbook to write, replaced only once the new one\n"
                           "is whole"}},
    0,
    0,
    "Then: fill it in, miyagiplan validate FILE.xlsx lists every problem with its\n"
    "cell, and miyagiplan report --plan FILE.xlsx reads it as any plan file.\n"};

int run_template(const parsed_args& args) {
  const std::string output = workbook_output(args, "template");
  miyagiplan::replace_file(output, [](const std::filesystem::path& temp) { miyagiplan::write_plan_template(temp); });
  return 0;
}

}  // namespace mpcli
