// Enums are written by name in every format; an unknown name is an error, never a default.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "miyagiplan/error.hpp"

namespace miyagiplan::detail {

template <class Enum, std::size_t N>
Enum enum_from_name(const std::string_view (&names)[N], std::string_view name, const char* what) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  std::string expected = std::string("one of the ") + what + " names (";
  for (std::size_t i = 0; i < N; ++i) expected += (i ? ", " : "") + std::string(names[i]);
  throw parse_error(std::string(name), 0, expected + ")");
}

template <class Enum, std::size_t N>
constexpr std::string_view enum_name(const std::string_view (&names)[N], Enum e) noexcept {
  return names[static_cast<std::size_t>(e)];
}

}  // namespace miyagiplan::detail
