// The language words for people are written in: Japanese (the documents' own) or English.
#pragma once

#include <cstdint>
#include <string_view>

namespace miyagiplan {

enum class language : std::uint8_t { ja, en };

inline std::string_view language_code(language l) noexcept { return l == language::ja ? "ja" : "en"; }

}  // namespace miyagiplan
