// Definitions of miyagiplan/report/render.hpp: compiled by src/report.cpp, or included inline by
// the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include "miyagiplan/report/render.hpp"
#include "miyagiplan/report/render_html-inl.hpp"
#include "miyagiplan/report/render_machine-inl.hpp"
#include "miyagiplan/report/render_markdown-inl.hpp"
#include "miyagiplan/report/render_text-inl.hpp"
#include "miyagiplan/report/render_xlsx-inl.hpp"
#include "miyagiplan/report/render_tables-inl.hpp"
#include "miyagiplan/io/files.hpp"

namespace miyagiplan {

MIYAGIPLAN_FUNC std::optional<report_format> report_format_named(std::string_view name) noexcept {
  if (name == "text") return report_format::text;
  if (name == "markdown" || name == "md") return report_format::markdown;
  if (name == "csv") return report_format::csv;
  if (name == "json") return report_format::json;
  if (name == "html") return report_format::html;
  if (name == "xlsx") return report_format::xlsx;
  return std::nullopt;
}

MIYAGIPLAN_FUNC std::string render_report(const report_input& input, report_format format,
                                          const render_options& options) {
  if (format == report_format::xlsx)
    throw error("an xlsx report is a workbook, not text: write it to a file (write_report)");
  if (options.encoding == office::text_encoding::cp932 && format != report_format::csv)
    throw error("only CSV is written in cp932; text, Markdown, JSON and HTML are UTF-8");
  const present::report_view view(input, options);
  std::string out;
  switch (format) {
    case report_format::text: out = present::text_format::render(view); break;
    case report_format::markdown: out = present::markdown_format::render(view); break;
    case report_format::csv: out = present::machine_format::render_csv_text(view); break;
    case report_format::json: out = present::machine_format::render_json_text(view); break;
    case report_format::html: out = present::html_format::render(view); break;
    case report_format::xlsx: break;  // refused above
  }
  if (!out.ends_with('\n')) out += '\n';
  if (format == report_format::csv && options.encoding == office::text_encoding::cp932)
    return office::from_utf8(out, options.encoding);
  return out;
}

MIYAGIPLAN_FUNC void write_report(const report_input& input, report_format format,
                                  const std::filesystem::path& path, const render_options& options) {
  if (format != report_format::xlsx) {
    write_file(path, render_report(input, format, options));  // rendered before the file is touched
    return;
  }
  const present::report_view view(input, options);
  replace_file(path, [&](const std::filesystem::path& temp) { present::xlsx_format::write(view, temp); });
}

}  // namespace miyagiplan
