// Definitions of miyagiplan/report/text_table.hpp: compiled by src/report.cpp, or included inline
// by the header-only target (MIYAGIPLAN_HEADER_ONLY). Widths come from utf8proc.
#pragma once

#include "miyagiplan/report/text_table.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <numeric>

namespace miyagiplan::present {

MIYAGIPLAN_FUNC char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept {
  utf8proc_int32_t c = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  const utf8proc_ssize_t n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
  if (n <= 0 || c < 0) {
    ++pos;
    return U'\uFFFD';
  }
  pos += static_cast<std::size_t>(n);
  return static_cast<char32_t>(c);
}

MIYAGIPLAN_FUNC int code_point_width(char32_t c) noexcept {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;  // control characters
  return std::max(0, static_cast<int>(utf8proc_charwidth(static_cast<utf8proc_int32_t>(c))));
}

MIYAGIPLAN_FUNC int display_width(std::string_view text) noexcept {
  int width = 0;
  for (std::size_t pos = 0; pos < text.size();) width += code_point_width(next_code_point(text, pos));
  return width;
}

MIYAGIPLAN_FUNC std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  if (width <= 0) return {};
  const int room = width - 1;  // for the ellipsis
  std::size_t pos = 0, cut = 0;
  int used = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const int w = code_point_width(next_code_point(text, next));
    if (used + w > room) break;
    used += w;
    pos = next;
    cut = pos;
  }
  return std::string(text.substr(0, cut)) + "\u2026";
}

MIYAGIPLAN_FUNC std::string fit(std::string_view text, int width, align a) {
  std::string s = truncate_to_width(text, width);
  const int gap = std::max(0, width - display_width(s));
  switch (a) {
    case align::left: return s + std::string(static_cast<std::size_t>(gap), ' ');
    case align::right: return std::string(static_cast<std::size_t>(gap), ' ') + s;
    case align::center:
      return std::string(static_cast<std::size_t>(gap / 2), ' ') + s +
             std::string(static_cast<std::size_t>(gap - gap / 2), ' ');
  }
  return s;
}

MIYAGIPLAN_FUNC std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}



MIYAGIPLAN_FUNC std::string text_table::render(int width) const {
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

}  // namespace miyagiplan::present
