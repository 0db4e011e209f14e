// export and validate: plan files and actuals files.
#include <unistd.h>

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
  return miyagiplan::file_format::json;
}

// The parts of a schema_error that gathers several problems: "a:1:2: x; a:3:4: y; and 2 more".
std::vector<std::string> split_problems(const std::string& what, const std::string& file) {
  std::vector<std::string> out;
  const std::string separator = "; " + file + ":";
  std::size_t start = 0;
  while (true) {
    const std::size_t next = what.find(separator, start);
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

bool is_actuals_file(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".csv" || ext == ".CSV") return true;
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
    "[--plan FILE] [--format json|xml|text|binary]\n"
    "         [--output FILE]",
    "Writes the plan (the bundled みやぎＩＴ推進プラン２０１３, or --plan FILE in\n"
    "any format) as JSON, or as a Boost text, XML or binary archive.",
    {{"plan", 'p', "FILE", "a plan file, any format (default: the bundled plan)"},
     {"format", 'f', "FORMAT", "json, xml, text or binary (default: from the --output\n"
                             "extension, else json)", {"json", "xml", "text", "binary"}},
     {"output", 'o', "FILE", "write to FILE, replaced only once the new one is whole\n"
                           "(default: standard output)"}},
    0,
    0,
    "A binary archive is never written to a terminal: give --output, or redirect\n"
    "standard output.\n"};

int run_export(const parsed_args& args) {
  miyagiplan::file_format format = miyagiplan::file_format::json;
  if (const auto f = args.get("format")) {
    format = miyagiplan::enum_from_string<miyagiplan::file_format>(*f);
  } else if (const auto out = args.get("output")) {
    format = format_of_extension(*out);
  }
  const auto output = args.get("output");
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
    "FILE [--plan FILE]",
    "Checks a plan file (JSON, or a text, XML or binary archive: it must load and\n"
    "keep every rule of the model) or an actuals file (.csv, or .json with\n"
    "\"observations\", read against the bundled plan or --plan FILE), and prints\n"
    "every problem with its place.",
    {{"plan", 'p', "FILE", "the plan of an actuals file (default: the bundled plan)"},
     {"lang", 0, "ja|en", "language of the summary line (default ja)", {"ja", "en"}}},
    1,
    1,
    "Exit status: 0 when the file is sound, 1 when it has problems or cannot be read.\n"};

int run_validate(const parsed_args& args) {
  const std::string file = args.positionals.front();
  const bool ja = language_option(args) == miyagiplan::language::ja;
  std::vector<std::string> findings;
  std::string summary;
  if (is_actuals_file(file)) {
    const miyagiplan::plan p = load_plan_option(args);
    const std::string text = miyagiplan::read_file(file);
    const bool csv = std::filesystem::path(file).extension().string() == ".csv" ||
                     std::filesystem::path(file).extension().string() == ".CSV";
    try {
      const auto set = csv ? miyagiplan::observation_set::from_csv(text, p, file)
                           : miyagiplan::observation_set::from_json(text, p, file);
      summary = ja ? "実績データ " + std::to_string(set.size()) + " 件（計画 " + p.id + "）"
                   : std::to_string(set.size()) + " observations for plan " + p.id;
    } catch (const miyagiplan::schema_error& e) {
      findings = split_problems(e.what(), file);
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

}  // namespace mpcli
