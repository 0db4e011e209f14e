// Definitions of the JSON format. Compiled once by src/json.cpp, or inline when header-only.
#pragma once

#include <cmath>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan {
namespace detail {

// Where the parser stopped, for the errors nlohmann throws without a position (a number too
// large for a double: out_of_range.406). Used only once a parse has failed.
class error_offset final : public nlohmann::json_sax<ordered_json> {
 public:
  std::size_t offset = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception&) override {
    offset = position;
    return false;
  }
};

}  // namespace detail

// -----------------------------------------------------------------------------------------------

MIYAGIPLAN_FUNC std::string to_json_text(const plan& p) {
  // JSON has no NaN or infinity: nlohmann would write null, a file that does not load again.
  // Checked before any JSON is built (a to_json that throws would leak the object nlohmann was
  // making).
  for (const indicator* i : p.indicators())
    if (i->bounds && !(std::isfinite(i->bounds->min) && std::isfinite(i->bounds->max)))
      throw validation_error("indicator " + i->id, "bounds must be finite numbers to be written as JSON");
  return detail::dump_checked(ordered_json(p));
}

MIYAGIPLAN_FUNC ordered_json parse_json(std::string_view text) {
  if (const auto deep = detail::too_deep(text))
    throw schema_error(detail::line_and_column(text, *deep),
                       "nesting deeper than " + std::to_string(detail::max_json_depth) + " levels");
  try {
    return ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    std::string what = e.what();
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, …: ".
    if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw schema_error(detail::line_and_column(text, at), "invalid JSON: " + detail::shortened(what));
  } catch (const nlohmann::json::exception& e) {
    detail::error_offset stop;
    ordered_json::sax_parse(text, &stop);
    const std::size_t at = stop.offset == 0 ? 0 : stop.offset - 1;
    std::string what = e.what();
    // "[json.exception.out_of_range.406] number overflow parsing '1e400'"
    if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    throw schema_error(detail::line_and_column(text, at), "invalid JSON: " + detail::shortened(what));
  }
}

MIYAGIPLAN_FUNC plan plan_from_json(std::string_view text) {
  const ordered_json j = parse_json(text);
  plan p;
  from_json(j, p);
  return p;
}

}  // namespace miyagiplan
