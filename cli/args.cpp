#include "args.hpp"

#include <algorithm>

#include <miyagiplan/report.hpp>

namespace mpcli {
namespace {

using miyagiplan::present::display_width;
using miyagiplan::present::fit;

const option_spec* find_long(const command_spec& spec, std::string_view name) {
  for (const auto& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

const option_spec* find_short(const command_spec& spec, char c) {
  for (const auto& o : spec.options)
    if (o.short_name != 0 && o.short_name == c) return &o;
  return nullptr;
}

std::string prefix(const command_spec& spec) {
  return spec.name.empty() ? std::string() : std::string(spec.name) + ": ";
}

}  // namespace

parsed_args parse_args(const command_spec& spec, const std::vector<std::string>& args) {
  parsed_args out;
  bool options_done = false;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& arg = args[k];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    const option_spec* opt = nullptr;
    std::optional<std::string> inline_value;
    std::string shown = arg;
    if (arg.starts_with("--")) {
      const auto eq = arg.find('=');
      const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (eq != std::string::npos) inline_value = arg.substr(eq + 1);
      shown = "--" + name;
      opt = find_long(spec, name);
    } else if (arg.size() >= 2) {
      opt = find_short(spec, arg[1]);
      shown = arg.substr(0, 2);
      if (arg.size() > 2) inline_value = arg.substr(2);
    }
    if (!opt) throw usage_error(prefix(spec) + "unknown option " + shown);
    if (!opt->takes_value()) {
      if (inline_value) throw usage_error(prefix(spec) + shown + " takes no value");
      out.set(opt->name, "");
      continue;
    }
    if (!inline_value) {
      if (k + 1 >= args.size())
        throw usage_error(prefix(spec) + shown + " needs a value (" + std::string(opt->value_name) + ")");
      inline_value = args[++k];
    }
    out.set(opt->name, *inline_value);
  }
  if (out.help) return out;
  if (out.positionals.size() < spec.min_positionals) {
    std::string synopsis;  // on one line
    for (char ch : spec.synopsis) {
      const bool space = ch == ' ' || ch == '\n';
      if (!space) synopsis += ch;
      else if (!synopsis.empty() && synopsis.back() != ' ') synopsis += ' ';
    }
    throw usage_error(prefix(spec) + "missing argument (usage: miyagiplan " + std::string(spec.name) + " " +
                      synopsis + ")");
  }
  if (out.positionals.size() > spec.max_positionals)
    throw usage_error(prefix(spec) + "unexpected argument \"" + out.positionals[spec.max_positionals] +
                      "\"");
  return out;
}

std::string help_text(const command_spec& spec) {
  std::string out = "usage: miyagiplan " + std::string(spec.name) + " " + std::string(spec.synopsis) +
                    "\n\n" + std::string(spec.summary) + "\n";
  if (!spec.options.empty()) {
    out += "\noptions:\n";
    std::vector<std::string> heads;
    int widest = 0;
    for (const auto& o : spec.options) {
      std::string head = o.short_name ? std::string("-") + o.short_name + ", " : std::string("    ");
      head += "--" + std::string(o.name);
      if (o.takes_value()) head += " " + std::string(o.value_name);
      widest = std::max(widest, display_width(head));
      heads.push_back(std::move(head));
    }
    heads.push_back("-h, --help");
    widest = std::max(widest, display_width(heads.back()));
    for (std::size_t k = 0; k < heads.size(); ++k) {
      const std::string_view help = k < spec.options.size() ? spec.options[k].help : "show this help";
      // A help text may run over several lines: the later ones line up under the first.
      std::size_t start = 0;
      bool first = true;
      while (start <= help.size()) {
        const std::size_t end = std::min(help.find('\n', start), help.size());
        out += "  " + fit(first ? heads[k] : std::string(), widest) + "  " +
               std::string(help.substr(start, end - start)) + "\n";
        first = false;
        start = end + 1;
      }
    }
  }
  if (!spec.details.empty()) out += "\n" + std::string(spec.details);
  if (!out.ends_with('\n')) out += "\n";
  return out;
}

void check_choice(std::string_view option, std::string_view value,
                  std::initializer_list<std::string_view> choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  throw usage_error("--" + std::string(option) + ": unknown value \"" + std::string(value) +
                    "\" (expected one of: " + list + ")");
}

}  // namespace mpcli
