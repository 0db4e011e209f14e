// The report on a plan for people and programs: text for a terminal, Markdown, CSV, JSON
// ("miyagiplan.Report.1"), one self-contained HTML page (inline CSS and SVG charts), and an
// .xlsx workbook after 総務省's rules for machine-readable files (write_report).
// The command line and Python only choose the inputs and where the result goes.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_REPORT_RENDER_HPP
#endif

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/record.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/language.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/office/encoding.hpp"

namespace miyagiplan {

enum class report_format : std::uint8_t { text, markdown, csv, json, html, xlsx };

// text, markdown (or md), csv, json, html, xlsx; nullopt for anything else.
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
  // evaluate_years(plan, *actuals, scheme), for a report over every fiscal year: the evaluation
  // is then its last year's, and as_of that year's last day. CSV has a row per indicator and
  // year, JSON is "miyagiplan.Years.1"; the other formats add the year-over-year tables.
  const miyagiplan::years_report* years = nullptr;
  // What the office and its committee wrote of this evaluation (check_record first): shown beside
  // the grades in every format.
  const miyagiplan::evaluation_record* record = nullptr;
};

struct render_options {
  language lang = language::ja;  // labels and explanations (JSON and CSV keep their field names)
  int width = 80;                // text columns (40 to 1000)
  // The bytes of CSV: utf8 (automatic is utf8), or cp932 for Japanese Excel (a character CP932
  // has no code for throws schema_error at its line and column). Every other format is UTF-8:
  // cp932 for one throws error.
  office::text_encoding encoding = office::text_encoding::utf8;
};

// The report as text (bytes in options.encoding). xlsx is a file, not text: it throws error
// (write_report writes it).
MIYAGIPLAN_FUNC std::string render_report(const report_input& input, report_format format,
                                          const render_options& options = {});

// Writes the report to a file, whole or not at all (replace_file). xlsx is a workbook with a
// sheet per table: indicators, measures, areas, goals and the goals' areas, and the
// evaluation's settings, grades and roll-up ratings; one value per cell, no merged cells, units
// in their own columns, numbers as numbers, dates as Excel dates with the 和暦 beside them, a
// frozen header row and filters; headers in options.lang. Throws io_error when the file cannot
// be written.
MIYAGIPLAN_FUNC void write_report(const report_input& input, report_format format,
                                  const std::filesystem::path& path, const render_options& options = {});

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_REPORT_RENDER_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_REPORT_RENDER_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
