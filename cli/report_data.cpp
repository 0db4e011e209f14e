#include "report_data.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace mpcli {

miyagiplan::language language_option(const parsed_args& args) {
  const std::string l = args.get_or("lang", "ja");  // ja or en, as CLI11 checked
  return l == "en" ? miyagiplan::language::en : miyagiplan::language::ja;
}

miyagiplan::office::text_encoding encoding_option(const parsed_args& args, std::string_view name) {
  return miyagiplan::office::text_encoding_from_string(args.get_or(name, "auto"));
}

miyagiplan::load_options actuals_options(const parsed_args& args, std::string_view encoding_name) {
  return {.encoding = encoding_option(args, encoding_name), .sheet = args.get_or("sheet", "")};
}

option_spec actuals_sheet_option() {
  return {"sheet", 0, "NAME", "the sheet of an .xlsx actuals file (default: the\n"
                              "first)"};
}

option_spec actuals_read_encoding_option() {
  return {"read-encoding", 0, "ENC", "of a CSV actuals file: auto (default: a BOM or\n"
                                     "valid UTF-8 is UTF-8, else cp932), utf-8 or cp932",
          {"auto", "utf-8", "cp932"}};
}

std::string workbook_output(const parsed_args& args, std::string_view command) {
  const auto output = args.get("output");
  if (!output || *output == "-")
    throw usage_error(std::string(command) + ": an .xlsx workbook is written to a file: give --output FILE.xlsx");
  return *output;
}

int terminal_width(const parsed_args& args) {
  if (const auto w = args.get_int("width", 40, 1000, "a number of columns from 40 to 1000")) return *w;
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && v >= 40) return static_cast<int>(std::min(v, 120L));
  }
  return 80;
}

miyagiplan::plan load_plan_option(const parsed_args& args) {
  if (const auto file = args.get("plan")) return miyagiplan::load_plan(*file);
  return miyagiplan::plans::miyagi_it_2013();
}

std::string shown_path(const std::string& given) {
  namespace fs = std::filesystem;
  const fs::path path(given);
  if (path.is_relative()) return given;
  std::error_code ec;
  const fs::path relative = path.lexically_proximate(fs::current_path(ec));
  if (!ec && !relative.empty() && relative.is_relative() && *relative.begin() != "..") return relative.string();
  return path.filename().string();
}

void write_output(const std::optional<std::string>& path, const std::string& content) {
  if (!path || *path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) throw miyagiplan::io_error("cannot write to standard output");
    return;
  }
  errno = 0;
  std::ofstream out(*path, std::ios::binary | std::ios::trunc);
  if (!out) throw miyagiplan::io_error("cannot open " + *path + " for writing: " + std::strerror(errno));
  out << content;
  out.close();
  if (!out) throw miyagiplan::io_error("cannot write " + *path + ": " + std::strerror(errno));
}

}  // namespace mpcli
