// Tables for a terminal: columns aligned by display width, rows that span the whole width
// (headings, long names), and rules; nothing wider than the width it is rendered to.
#pragma once

#include <string>
#include <vector>

#include "text_width.hpp"

namespace mpcli {

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
  std::string render(int width) const;

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

}  // namespace mpcli
