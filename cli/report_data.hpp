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

// An encoding option (--encoding, --actuals-encoding): auto (the default), utf-8 or cp932.
miyagiplan::office::text_encoding encoding_option(const parsed_args& args, std::string_view name = "encoding");

// How an actuals file is read: `encoding_name` for CSV, --sheet for .xlsx.
miyagiplan::load_options actuals_options(const parsed_args& args, std::string_view encoding_name);

// The options actuals_options reads, as the commands that take actuals declare them: --sheet,
// and --read-encoding where --encoding is the file written (functions: the commands' specs are
// globals of other files, initialised in no set order).
option_spec actuals_sheet_option();
option_spec actuals_read_encoding_option();

// Refuses to write a workbook to standard output: it is a file, not text.
std::string workbook_output(const parsed_args& args, std::string_view command);

// A file as the report names it: as given when relative, else relative to the current
// directory when it lies below it, else its name alone (no machine's absolute paths in reports).
std::string shown_path(const std::string& given);

}  // namespace mpcli
