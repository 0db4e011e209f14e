// The commands' options, declared once: CLI11 parses them (subcommands, --name VALUE,
// --name=VALUE, -x VALUE, flags, positionals and "--"), and the same declarations write each
// command's --help. Every mistake is a usage error (exit code 2).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mpcli {

// A mistake in how the program was called: an unknown command or option, a missing argument.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct option_spec {
  std::string_view name;        // without the leading dashes: "plan"
  char short_name = 0;          // 'p' for -p, or 0
  std::string_view value_name;  // "FILE"; empty for a flag
  std::string_view help;
  std::vector<std::string> choices = {};  // the values allowed, when they are fixed
  bool takes_value() const noexcept { return !value_name.empty(); }
};

struct command_spec {
  std::string_view name;      // "report"
  std::string_view synopsis;  // "[--plan FILE] [--actuals FILE] …"
  std::string_view summary;   // one line
  std::vector<option_spec> options;
  std::size_t min_positionals = 0;
  std::size_t max_positionals = 0;
  std::string_view details;  // paragraphs after the options
};

// What a command was given: option values by name (flags map to ""), and its positionals.
class parsed_args {
 public:
  std::vector<std::string> positionals;

  bool has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  std::optional<std::string> get(std::string_view name) const {
    const auto it = values_.find(std::string(name));
    return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::string get_or(std::string_view name, std::string fallback) const {
    return get(name).value_or(std::move(fallback));
  }
  // The option as a whole number from `low` to `high`; a usage error naming `expected` otherwise.
  std::optional<int> get_int(std::string_view name, int low, int high, std::string_view expected) const;
  void set(std::string_view name, std::string value) { values_[std::string(name)] = std::move(value); }

 private:
  std::map<std::string, std::string> values_;
};

// Declares a command as a CLI11 subcommand of `app` whose options land in `out` (the last of a
// repeated option wins) and whose --help is help_text(spec).
CLI::App* add_command(CLI::App& app, const command_spec& spec, parsed_args& out);

// The --help text of a command.
std::string help_text(const command_spec& spec);

}  // namespace mpcli
