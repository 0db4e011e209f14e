// A small command-line parser: --name VALUE, --name=VALUE, -x VALUE, flags, positionals and
// "--"; every mistake is a usage_error (exit code 2).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

class parsed_args {
 public:
  bool help = false;
  std::vector<std::string> positionals;

  bool has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  std::optional<std::string> get(std::string_view name) const {
    const auto it = values_.find(std::string(name));
    return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::string get_or(std::string_view name, std::string fallback) const {
    return get(name).value_or(std::move(fallback));
  }
  void set(std::string_view name, std::string value) { values_[std::string(name)] = std::move(value); }

 private:
  std::map<std::string, std::string> values_;  // flags map to ""
};

// Parses the arguments after the command name. The last of a repeated option wins.
parsed_args parse_args(const command_spec& spec, const std::vector<std::string>& args);

// The --help text of a command.
std::string help_text(const command_spec& spec);

// Checks a value against a fixed set of choices; throws usage_error naming them.
void check_choice(std::string_view option, std::string_view value,
                  std::initializer_list<std::string_view> choices);

}  // namespace mpcli
