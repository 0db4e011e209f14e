// Display width of UTF-8 text in a terminal: East Asian Wide and Fullwidth characters take two
// columns, combining marks none, everything else one (Ambiguous characters count as narrow, as
// wcwidth does). Padding and truncation work on these widths, never on bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mpcli {

// The code point at `pos`, and `pos` moved past it. Invalid bytes read as U+FFFD, one byte each.
char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept;

// Columns of one code point: 0, 1 or 2.
int code_point_width(char32_t c) noexcept;

// Columns of a text; control characters count as 0.
int display_width(std::string_view text) noexcept;

// The longest prefix that fits `width` columns, ending in … when something was cut.
std::string truncate_to_width(std::string_view text, int width);

enum class align { left, right, center };

// The text truncated to `width`, then padded with spaces to exactly `width` columns.
std::string fit(std::string_view text, int width, align a = align::left);

// A string of `n` copies of a one-column character.
std::string repeat(std::string_view s, int n);

}  // namespace mpcli
