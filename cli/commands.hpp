// The commands of the program. Each parses its own arguments and returns the exit code:
// 0 ok, 1 findings or failures, 2 usage (a usage_error thrown from here).
#pragma once

#include <string>
#include <vector>

#include "args.hpp"

namespace mpcli {

struct command {
  const command_spec* spec;
  int (*run)(const parsed_args&);
};

extern const command_spec report_spec, date_spec, wareki_spec, fy_spec, export_spec, validate_spec, template_spec;

int run_report(const parsed_args& args);
int run_date(const parsed_args& args);
int run_wareki(const parsed_args& args);
int run_fy(const parsed_args& args);
int run_export(const parsed_args& args);
int run_validate(const parsed_args& args);
int run_template(const parsed_args& args);

// Reports a failure on standard error in one line: "miyagiplan: <what>".
void report_error(std::string_view what);

}  // namespace mpcli
