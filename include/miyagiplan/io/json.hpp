// The plan as JSON (schema: data/schema/plan.schema.json, made from the descriptions). Every
// tagged model object carries "schema": "miyagiplan.<Type>.<version>"; dates and quantities are
// kept as the document's text and read back through the calendar and quantity parsers, so a
// file round-trips byte for byte.
//
// One reader and one writer serve every described type (describe.hpp): they walk its fields.
// to_json / from_json are found by nlohmann/json through ADL. A reader error is a schema_error
// whose where() is the JSON pointer of the offending element. A file of an older version of a
// type is lifted by that type's upgrade steps before it is read.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_IO_JSON_HPP
#endif

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/io/ordered_json.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/model/quantity.hpp"

namespace miyagiplan {

// The tag a type's objects carry: "miyagiplan.Indicator.1".
template <described T>
std::string schema_tag() {
  return "miyagiplan." + std::string(description<T>::schema) + "." + std::to_string(description<T>::version);
}

namespace detail {

// What reading needs from the objects around a value: the unit quantities are written in (the
// indicator's, once its "unit" field has been read).
struct json_context {
  const unit* quantity_unit = nullptr;
};

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;

// --- Writing ---------------------------------------------------------------------------------

template <class T>
ordered_json json_of(const T& v) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> || std::is_same_v<T, int>) {
    return v;
  } else if constexpr (std::is_same_v<T, double>) {
    return number_json(v);
  } else if constexpr (described_enum<T>) {
    return to_string(v);
  } else if constexpr (std::is_same_v<T, date_expression>) {
    return v.text();
  } else if constexpr (std::is_same_v<T, unit>) {
    return v.symbol;
  } else if constexpr (std::is_same_v<T, quantity>) {
    return v.text;
  } else if constexpr (is_optional<T>) {
    return v ? json_of(*v) : ordered_json(nullptr);
  } else if constexpr (requires { typename T::value_type; v.size(); }) {  // a vector
    ordered_json out = ordered_json::array();
    for (const auto& item : v) out.push_back(json_of(item));
    return out;
  } else {
    static_assert(described<T>, "a field's type has a JSON form");
    ordered_json out = ordered_json::object();
    if constexpr (!description<T>::schema.empty()) out["schema"] = schema_tag<T>();
    for_each_field<T>([&](const auto& f) { out[std::string(f.name)] = json_of(v.*f.member); });
    return out;
  }
}

// --- Reading ---------------------------------------------------------------------------------

template <class T>
void read_json(const ordered_json& j, T& out, json_context& context);

template <described T>
void read_fields(const ordered_json& j, T& out, json_context& context) {
  object_reader r(j);
  if constexpr (!description<T>::schema.empty()) r.find("schema");  // checked by the caller
  for_each_field<T>([&](const auto& f) {
    using member = typename std::remove_cvref_t<decltype(f)>::member_type;
    auto& value = out.*f.member;
    // Every field is written; an optional one as null, which some may also leave out.
    const ordered_json* field_json = f.may_be_absent ? r.find(f.name) : &r.raw(f.name);
    if (!field_json) {
      value = member{};
      return;
    }
    reading_at(pointer_step(f.name), [&] { read_json(*field_json, value, context); });
    if constexpr (std::is_same_v<member, unit>) context.quantity_unit = &value;
  });
  r.done();
}

template <class T>
void read_json(const ordered_json& j, T& out, json_context& context) {
  if constexpr (std::is_same_v<T, date_expression>) {
    out = read_text(j, [](const std::string& s) { return parse_date(s); });
  } else if constexpr (std::is_same_v<T, unit>) {
    out = read_text(j, [](const std::string& s) {
      if (s.empty()) throw schema_error("", "expected a unit, found an empty string");
      return unit::parse(s);
    });
  } else if constexpr (std::is_same_v<T, quantity>) {
    const unit plain;
    const unit& u = context.quantity_unit ? *context.quantity_unit : plain;
    out = read_text(j, [&](const std::string& s) { return parse_quantity(s, u); });
  } else if constexpr (is_optional<T>) {
    if (j.is_null()) {
      out.reset();
    } else {
      out.emplace();
      read_json(j, *out, context);
    }
  } else if constexpr (described<T>) {
    if constexpr (description<T>::schema.empty()) {
      read_fields(j, out, context);
    } else {
      if (!j.is_object()) wrong_type(j, "an object");
      const int version = declared_version(j, description<T>::schema, description<T>::version);
      json_context inner = context;
      if (version == description<T>::version) {
        read_fields(j, out, inner);
      } else {
        // A file of an older version: its upgrade steps in turn, then every field added since,
        // with its default.
        ordered_json lifted = j;
        for (const upgrade_step& step : upgrade_steps<T>())
          if (step.from >= version) step.apply(lifted);
        const T defaults{};
        for_each_field<T>([&](const auto& f) {
          if (f.since > version && !lifted.contains(std::string(f.name))) lifted[std::string(f.name)] = json_of(defaults.*f.member);
        });
        lifted["schema"] = schema_tag<T>();
        read_fields(lifted, out, inner);
      }
    }
  } else if constexpr (requires { typename T::value_type; out.resize(0); } && !std::is_same_v<T, std::string>) {
    if (!j.is_array()) wrong_type(j, "an array");
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      reading_at("/" + std::to_string(i), [&] { read_json(j[i], out[i], context); });
  } else {
    read_value(j, out);
  }
}

}  // namespace detail

// nlohmann/json's hooks (ADL): ordered_json j = plan; plan p = j.get<plan>().
template <described T>
void to_json(ordered_json& j, const T& v) {
  j = detail::json_of(v);
}

template <described T>
void from_json(const ordered_json& j, T& v) {
  detail::json_context context;
  detail::read_json(j, v, context);
}

// The whole plan as JSON text (2-space indent, UTF-8, a final newline).
MIYAGIPLAN_FUNC std::string to_json_text(const plan& p);
// Parses and reads a plan; throws schema_error (JSON pointer, or line and column for bad syntax).
// Nesting deeper than 64 levels is refused before it can exhaust the stack.
MIYAGIPLAN_FUNC plan plan_from_json(std::string_view text);
// Parses JSON text with the same depth guard and syntax errors as plan_from_json.
MIYAGIPLAN_FUNC ordered_json parse_json(std::string_view text);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_JSON_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_IO_JSON_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
