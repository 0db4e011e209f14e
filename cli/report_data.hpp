// What every report format needs: the plan, the actuals, the scheme, the as-of day and the
// evaluation, gathered once from the command line; and helpers to walk the plan in order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <miyagiplan/miyagiplan.hpp>

#include "args.hpp"
#include "labels.hpp"

namespace mpcli {

struct report_context {
  miyagiplan::plan plan;
  std::string plan_source;  // the --plan path, or empty for the bundled plan
  std::optional<miyagiplan::observation_set> actuals;
  std::string actuals_source;
  miyagiplan::scheme scheme;
  bool scheme_given = false;
  std::optional<miyagiplan::sys_days> as_of;
  std::optional<miyagiplan::report> report;  // when actuals are given
  lang language = lang::ja;
  int width = 80;  // text columns

  const miyagiplan::indicator_assessment* assessment(const std::string& indicator_id) const;
  const miyagiplan::rollup* measure_rollup(const std::string& measure_id) const;
  const miyagiplan::rollup* area_rollup(const std::string& area_id) const;
  // The indicator's observations in date order (empty without actuals).
  std::vector<miyagiplan::observation_point> points(const std::string& indicator_id) const;
  value_style style(const miyagiplan::indicator& ind) const;
  // The date expression of the latest observation an assessment used, if any.
  const miyagiplan::date_expression* actual_date(const miyagiplan::indicator_assessment& a) const;
  // The index of a grade among the scheme's bands (0 = best), or -1 for not evaluable.
  int grade_rank(const std::string& grade) const;
  int rating_rank(const std::string& rating) const;
  // Labels of the grade counts, in band order, the not-evaluable label last.
  std::vector<std::string> grade_labels() const;
};

// Reads --plan, --actuals, --scheme, --as-of, --lang and --width. Throws usage_error for a bad
// option value and miyagiplan::error for a bad file or date.
report_context build_context(const parsed_args& args);

// Loads --plan FILE, or the bundled plan.
miyagiplan::plan load_plan_option(const parsed_args& args);

// Every measure of an area with its depth (0 for a measure, 1 for a sub-measure), in order.
void for_each_measure(const miyagiplan::area& a,
                      const std::function<void(const miyagiplan::measure&, int depth)>& fn);

// Writes to --output FILE, or to standard output.
void write_output(const std::optional<std::string>& path, const std::string& content);

// The terminal width: --width, else $COLUMNS (at most 120), else 80.
int terminal_width(const parsed_args& args);

lang language_option(const parsed_args& args);

// The report formats.
std::string render_text(const report_context& c);
std::string render_markdown(const report_context& c);
std::string render_csv(const report_context& c);
std::string render_json(const report_context& c);
std::string render_html(const report_context& c);

}  // namespace mpcli
