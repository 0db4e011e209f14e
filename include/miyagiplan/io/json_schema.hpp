// The JSON Schema (draft 2020-12) of the files io/json.hpp writes, made from the descriptions:
// data/schema/plan.schema.json is this function's output (a test keeps the two equal).
#pragma once

#include <set>
#include <string>
#include <type_traits>

#include "miyagiplan/io/json.hpp"

namespace miyagiplan {
namespace detail {

template <class T>
void add_schema_definition(ordered_json& defs);

// The schema of a value of type M; the model types it names are added to `defs`.
template <class M>
ordered_json value_schema(ordered_json& defs) {
  auto ref = [](std::string_view name) { return ordered_json{{"$ref", "#/$defs/" + std::string(name)}}; };
  if constexpr (std::is_same_v<M, std::string>) {
    return ref("text");
  } else if constexpr (std::is_same_v<M, int>) {
    return ref("number");
  } else if constexpr (std::is_same_v<M, double>) {
    return {{"type", "number"}};
  } else if constexpr (std::is_same_v<M, bool>) {
    return {{"type", "boolean"}};
  } else if constexpr (described_enum<M>) {
    ordered_json names = ordered_json::array();
    for (std::string_view n : enum_description<M>::names) names.push_back(n);
    return {{"enum", names}};
  } else if constexpr (std::is_same_v<M, date_expression>) {
    return ref("date");
  } else if constexpr (std::is_same_v<M, std::optional<date_expression>>) {
    return ref("optional_date");
  } else if constexpr (std::is_same_v<M, std::optional<std::string>>) {
    return {{"type", {"string", "null"}}};
  } else if constexpr (std::is_same_v<M, unit> || std::is_same_v<M, quantity>) {
    return {{"type", "string"}, {"minLength", 1}};  // the document's text
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    return ref("texts");
  } else if constexpr (is_optional<M>) {
    return {{"anyOf", {value_schema<typename M::value_type>(defs), {{"type", "null"}}}}};
  } else if constexpr (requires { typename M::value_type; }) {
    return {{"type", "array"}, {"items", value_schema<typename M::value_type>(defs)}};
  } else {
    add_schema_definition<M>(defs);
    return ref(description<M>::python);
  }
}

template <class T>
void add_schema_definition(ordered_json& defs) {
  using d = description<T>;
  const std::string name(d::python);
  if (defs.contains(name)) return;
  defs[name] = nullptr;  // taken: a type that holds itself (Measure) refers to it
  ordered_json properties = ordered_json::object();
  ordered_json required = ordered_json::array();
  if constexpr (!d::schema.empty()) {
    properties["schema"] = {{"type", "string"}, {"pattern", "^miyagiplan\\." + std::string(d::schema) + "\\.[0-9]+$"}};
    required.push_back("schema");
  }
  for_each_field<T>([&](const auto& f) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    ordered_json property = value_schema<M>(defs);
    if (!property.contains("$ref")) property["description"] = f.doc;
    properties[std::string(f.name)] = std::move(property);
    if (!f.may_be_absent) required.push_back(f.name);
  });
  defs[name] = {{"description", std::string(d::doc) + (d::schema.empty() ? " Untagged." : "")},
                {"type", "object"},
                {"properties", std::move(properties)},
                {"required", std::move(required)},
                {"additionalProperties", false}};
}

}  // namespace detail

// The schema of a file whose top object is a T (a plan), as text: 2-space indent, a final newline.
template <described T>
std::string json_schema_text() {
  ordered_json defs = {
      {"text", {{"type", "string"}}},
      {"texts", {{"type", "array"}, {"items", {{"type", "string"}}}}},
      {"number",
       {{"description", "An integer as the reader takes it (an int within ±1,000,000,000)."},
        {"type", "integer"},
        {"minimum", -1000000000},
        {"maximum", 1000000000}}},
      {"date",
       {{"description", "A date expression as the document writes it: 平成22年12月末, 平成23～25年度, H10.3～, 2010-12-31 …"},
        {"type", "string"},
        {"minLength", 1}}},
      {"optional_date", {{"anyOf", {{{"$ref", "#/$defs/date"}}, {{"type", "null"}}}}}},
  };
  detail::add_schema_definition<T>(defs);
  const std::string name(description<T>::python);
  ordered_json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "urn:miyagiplan:schema:" + std::string(description<T>::schema)},
      {"title", "miyagiplan " + std::string(description<T>::schema)},
      {"description",
       "Made from the library's type descriptions (include/miyagiplan/describe.hpp). Every tagged model object "
       "carries \"schema\": \"miyagiplan.<Type>.<version>\"; dates and quantities are the document's text, read "
       "back by the library's calendar and quantity parsers (which this schema cannot express: it only requires "
       "a string). Unknown fields are refused."},
      {"$ref", "#/$defs/" + name},
      {"$defs", std::move(defs)},
  };
  return schema.dump(2, ' ', false) + "\n";
}

}  // namespace miyagiplan
