// The report on a plan for people and programs: text for a terminal, Markdown, CSV, JSON
// ("miyagiplan.Report.1") and one self-contained HTML page (inline CSS and SVG charts).
// The command line and Python only choose the inputs and where the result goes.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_REPORT_RENDER_HPP
#endif

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/language.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan {

enum class report_format : std::uint8_t { text, markdown, csv, json, html };

// text, markdown (or md), csv, json, html; nullopt for anything else.
MIYAGIPLAN_FUNC std::optional<report_format> report_format_named(std::string_view name) noexcept;

// What a report is made of. Nothing is copied: everything referred to must outlive the call.
struct report_input {
  const miyagiplan::plan& plan;
  std::string_view plan_source = {};             // the plan's file as given, or empty: bundled
  const observation_set* actuals = nullptr;      // none: the plan alone
  std::string_view actuals_source = {};          // the actuals' file as given
  const miyagiplan::scheme& scheme;
  std::optional<sys_days> as_of = {};            // shown when set
  const miyagiplan::report* evaluation = nullptr;  // evaluate(plan, *actuals, *as_of, scheme)
};

struct render_options {
  language lang = language::ja;  // labels and explanations (JSON and CSV keep their field names)
  int width = 80;                // text columns (40 to 1000)
};

MIYAGIPLAN_FUNC std::string render_report(const report_input& input, report_format format,
                                          const render_options& options = {});

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_REPORT_RENDER_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_REPORT_RENDER_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
