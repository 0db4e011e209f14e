#include "text_table.hpp"

#include <algorithm>
#include <numeric>

namespace mpcli {

std::string text_table::render(int width) const {
  const std::size_t n = columns_.size();
  std::vector<int> widths(n, 0);
  std::size_t header_lines = 0;
  for (std::size_t k = 0; k < n; ++k) {
    header_lines = std::max(header_lines, columns_[k].header.size());
    for (const auto& h : columns_[k].header) widths[k] = std::max(widths[k], display_width(h));
  }
  for (const auto& r : rows_)
    if (r.type == kind::cells)
      for (std::size_t k = 0; k < n && k < r.cells.size(); ++k)
        widths[k] = std::max(widths[k], display_width(r.cells[k]));

  std::vector<int> floors(n, 0);
  for (std::size_t k = 0; k < n; ++k) floors[k] = columns_[k].keep ? std::max(widths[k], columns_[k].min_width) : columns_[k].min_width;
  const int gaps = gap_ * static_cast<int>(n > 0 ? n - 1 : 0);
  auto total = [&] { return std::accumulate(widths.begin(), widths.end(), 0) + gaps; };
  // A flex column takes what is left; the others shrink, widest first, when they do not fit.
  int fixed = gaps;
  for (std::size_t k = 0; k < n; ++k)
    if (!columns_[k].flex) fixed += widths[k];
  for (std::size_t k = 0; k < n; ++k)
    if (columns_[k].flex) widths[k] = std::max(floors[k], width - fixed);
  while (total() > width) {
    std::size_t widest = n;
    for (std::size_t k = 0; k < n; ++k)
      if (widths[k] > floors[k] && (widest == n || widths[k] > widths[widest])) widest = k;
    if (widest == n) break;
    --widths[widest];
  }
  const int table_width = std::min(width, total());

  auto line_of = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) line += std::string(static_cast<std::size_t>(gap_), ' ');
      line += fit(k < cells.size() ? cells[k] : std::string(), widths[k], columns_[k].alignment);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };

  std::string out;
  for (std::size_t h = 0; h < header_lines; ++h) {
    std::vector<std::string> cells;
    for (const auto& c : columns_) cells.push_back(h < c.header.size() ? c.header[h] : std::string());
    out += line_of(cells);
  }
  for (const auto& r : rows_) {
    switch (r.type) {
      case kind::cells: out += line_of(r.cells); break;
      case kind::rule: out += repeat(r.text, table_width) + "\n"; break;
      case kind::span: {
        const int room = table_width - r.indent;
        std::string line(static_cast<std::size_t>(std::max(0, r.indent)), ' ');
        if (r.right.empty() || display_width(r.right) + 2 + 8 > room) {
          line += truncate_to_width(r.text, room);
        } else {
          const int right_width = display_width(r.right);
          const std::string left = truncate_to_width(r.text, std::max(0, room - right_width - 2));
          line += left + std::string(static_cast<std::size_t>(std::max(2, room - display_width(left) - right_width)), ' ') +
                  r.right;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        break;
      }
    }
  }
  return out;
}

}  // namespace mpcli
