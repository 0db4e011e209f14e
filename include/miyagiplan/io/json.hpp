// The plan as JSON (schema: data/schema/plan.schema.json). Every model object carries
// "schema": "miyagiplan.<Type>.<version>"; dates and quantities are kept as the document's text
// and read back through the calendar and quantity parsers, so a file round-trips byte for byte.
//
// to_json / from_json are free functions beside the types, found by nlohmann/json through ADL.
// A reader error is a schema_error whose where() is the JSON pointer of the offending element.
#pragma once

#include <string>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan {

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const initiative_item& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const initiative& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const policy_part& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const indicator& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const measure& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const area& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const goal& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const section& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const promotion& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const strategy& v);
MIYAGIPLAN_FUNC void to_json(ordered_json& j, const plan& v);

MIYAGIPLAN_FUNC void from_json(const ordered_json& j, initiative_item& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, initiative& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, policy_part& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, indicator& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, measure& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, area& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, goal& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, section& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, promotion& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, strategy& v);
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, plan& v);

// The whole plan as JSON text (2-space indent, UTF-8, a final newline).
MIYAGIPLAN_FUNC std::string to_json_text(const plan& p);
// Parses and reads a plan; throws schema_error (JSON pointer, or line and column for bad syntax).
// Nesting deeper than 64 levels is refused before it can exhaust the stack.
MIYAGIPLAN_FUNC plan plan_from_json(std::string_view text);
// Parses JSON text with the same depth guard and syntax errors as plan_from_json.
MIYAGIPLAN_FUNC ordered_json parse_json(std::string_view text);

}  // namespace miyagiplan
