// Text for a terminal: display widths of UTF-8 text (East Asian Wide and Fullwidth characters take
// two columns, combining marks none, everything else one, as utf8proc_charwidth says), and
// tables whose columns are aligned by those widths: rows that span the whole width (headings,
// long names), rules, and nothing wider than the width a table is rendered to.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_REPORT_TEXT_TABLE_HPP
#endif

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/config.hpp"

namespace miyagiplan::present {


// The code point at `pos`, and `pos` moved past it. Invalid bytes read as U+FFFD, one byte each.
MIYAGIPLAN_FUNC char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept;

// Columns of one code point: 0, 1 or 2.
MIYAGIPLAN_FUNC int code_point_width(char32_t c) noexcept;

// Columns of a text; control characters count as 0.
MIYAGIPLAN_FUNC int display_width(std::string_view text) noexcept;

// The longest prefix that fits `width` columns, ending in … when something was cut.
MIYAGIPLAN_FUNC std::string truncate_to_width(std::string_view text, int width);

enum class align { left, right, center };

// The text truncated to `width`, then padded with spaces to exactly `width` columns.
MIYAGIPLAN_FUNC std::string fit(std::string_view text, int width, align a = align::left);

// A string of `n` copies of a one-column character.
MIYAGIPLAN_FUNC std::string repeat(std::string_view s, int n);



struct text_column {
  std::vector<std::string> header;  // one text per header line
  align alignment = align::left;
  bool flex = false;  // takes the width the others leave (at least min_width)
  int min_width = 4;
  bool keep = false;  // never narrower than its widest cell
};

class text_table {
 public:
  explicit text_table(std::vector<text_column> columns, int gap = 2)
      : columns_(std::move(columns)), gap_(gap) {}

  void add_cells(std::vector<std::string> cells) { rows_.push_back({kind::cells, std::move(cells), {}, {}, 0}); }
  // A line across the table: `text` from column `indent`, `right` flush with the right edge.
  void add_span(std::string text, int indent = 0, std::string right = {}) {
    rows_.push_back({kind::span, {}, std::move(text), std::move(right), indent});
  }
  void add_rule(std::string ch = "-") { rows_.push_back({kind::rule, {}, std::move(ch), {}, 0}); }
  void add_blank() { rows_.push_back({kind::span, {}, {}, {}, 0}); }

  // Every line fits `width` display columns; cells that do not fit end in ….
  MIYAGIPLAN_FUNC std::string render(int width) const;

 private:
  enum class kind { cells, span, rule };
  struct row {
    kind type;
    std::vector<std::string> cells;
    std::string text;
    std::string right;
    int indent;
  };
  std::vector<text_column> columns_;
  std::vector<row> rows_;
  int gap_;
};

}  // namespace miyagiplan::present

#define MIYAGIPLAN_NEEDS_TEXT_TABLE_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_REPORT_TEXT_TABLE_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
