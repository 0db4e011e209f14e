// The options the commands share: the plan, the language, the terminal width, the output.
// Everything they decide is the library's; this only reads the arguments.
#pragma once

#include <optional>
#include <string>

#include <miyagiplan/miyagiplan.hpp>

#include "args.hpp"

namespace mpcli {

// Loads --plan FILE, or the bundled plan.
miyagiplan::plan load_plan_option(const parsed_args& args);

// Writes to --output FILE, or to standard output.
void write_output(const std::optional<std::string>& path, const std::string& content);

// The terminal width: --width, else $COLUMNS (at most 120), else 80.
int terminal_width(const parsed_args& args);

miyagiplan::language language_option(const parsed_args& args);

// A file as the report names it: as given when relative, else relative to the current
// directory when it lies below it, else its name alone (no machine's absolute paths in reports).
std::string shown_path(const std::string& given);

}  // namespace mpcli
