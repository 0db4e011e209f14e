// Definitions of the JSON format. Compiled once by src/json.cpp, or inline when header-only.
#pragma once

#include <cmath>
#include <set>
#include <type_traits>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan {
namespace detail {

// A baseline or target: {"date": "平成22年12月末", "value": "2,280 件"}, read in the indicator's unit.
inline dated_value read_dated_value(const ordered_json& j, const unit& u) {
  object_reader r(j, "");
  dated_value v;
  r.required("date", v.when);
  // A missing field is reported at its object, as everywhere; a bad one at itself.
  const ordered_json& value = r.raw("value");
  under("/value", [&] {
    v.value = read_text(value, [&](const std::string& s) { return parse_quantity(s, u); });
  });
  r.done();
  return v;
}

// ---------------------------------------------------------------------------------------------
// Writing.

inline std::string schema_tag(std::string_view type) {
  return "miyagiplan." + std::string(type) + "." + std::to_string(plan_schema_version);
}

template <class T>
ordered_json optional_json(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

inline ordered_json date_json(const date_expression& d) { return d.text(); }

inline ordered_json optional_date_json(const std::optional<date_expression>& d) {
  return d ? date_json(*d) : ordered_json(nullptr);
}

inline ordered_json dated_value_json(const dated_value& v) {
  ordered_json j;
  j["date"] = v.when.text();
  j["value"] = v.value.text;
  return j;
}

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

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const initiative_item& v) {
  j = ordered_json{{"label", v.label}, {"title", v.title}, {"channels", v.channels}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, initiative_item& v) {
  detail::object_reader r(j, "");
  r.required("label", v.label);
  r.required("title", v.title);
  r.required("channels", v.channels);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const initiative& v) {
  j = ordered_json{{"schema", detail::schema_tag("Initiative")}, {"number", v.number},
                   {"title", v.title}, {"items", v.items}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, initiative& v) {
  detail::object_reader r(j, "Initiative");
  r.required("number", v.number);
  r.required("title", v.title);
  r.required("items", v.items);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const policy_part& v) {
  j = ordered_json{{"label", v.label}, {"text", v.text}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, policy_part& v) {
  detail::object_reader r(j, "");
  r.required("label", v.label);
  r.required("text", v.text);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const indicator& v) {
  j = ordered_json::object();
  j["schema"] = detail::schema_tag("Indicator");
  j["id"] = v.id;
  j["name"] = v.name;
  j["unit"] = v.unit.symbol;
  j["direction"] = to_string(v.direction);
  j["accumulation"] = to_string(v.accumulation);
  j["bounds"] = v.bounds ? ordered_json{{"min", detail::number_json(v.bounds->min)},
                                        {"max", detail::number_json(v.bounds->max)}}
                         : ordered_json(nullptr);
  j["baseline"] = detail::dated_value_json(v.baseline);
  j["target"] = detail::dated_value_json(v.target);
  j["source"] = v.source;
  j["notes"] = v.notes;
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, indicator& v) {
  detail::object_reader r(j, "Indicator");
  r.required("id", v.id);
  r.required("name", v.name);
  std::string symbol;
  r.required("unit", symbol);
  if (symbol.empty()) throw schema_error("/unit", "expected a unit, found an empty string");
  v.unit = unit::parse(symbol);
  r.required("direction", v.direction);
  r.required("accumulation", v.accumulation);
  v.bounds.reset();
  if (const auto& b = r.raw("bounds"); !b.is_null()) {
    detail::under("/bounds", [&] {
      detail::object_reader br(b, "");
      bounds value;
      br.required("min", value.min);
      br.required("max", value.max);
      br.done();
      v.bounds = value;
    });
  }
  const ordered_json& baseline = r.raw("baseline");
  v.baseline = detail::under("/baseline", [&] { return detail::read_dated_value(baseline, v.unit); });
  const ordered_json& target = r.raw("target");
  v.target = detail::under("/target", [&] { return detail::read_dated_value(target, v.unit); });
  r.required("source", v.source);
  r.required("notes", v.notes);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const measure& v) {
  j = ordered_json{{"schema", detail::schema_tag("Measure")}, {"id", v.id}, {"number", v.number},
                   {"title", v.title}, {"policy", v.policy}, {"initiatives", v.initiatives},
                   {"indicators", v.indicators}, {"sub_measures", v.sub_measures}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, measure& v) {
  detail::object_reader r(j, "Measure");
  r.required("id", v.id);
  r.required("number", v.number);
  r.required("title", v.title);
  r.required("policy", v.policy);
  r.required("initiatives", v.initiatives);
  r.required("indicators", v.indicators);
  r.required("sub_measures", v.sub_measures);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const area& v) {
  j = ordered_json{{"schema", detail::schema_tag("Area")}, {"id", v.id}, {"number", v.number},
                   {"title", v.title}, {"measures", v.measures}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, area& v) {
  detail::object_reader r(j, "Area");
  r.required("id", v.id);
  r.required("number", v.number);
  r.required("title", v.title);
  r.required("measures", v.measures);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const goal& v) {
  j = ordered_json{{"schema", detail::schema_tag("Goal")}, {"id", v.id}, {"number", v.number},
                   {"title", v.title}, {"areas", v.areas}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, goal& v) {
  detail::object_reader r(j, "Goal");
  r.required("id", v.id);
  r.required("number", v.number);
  r.required("title", v.title);
  r.required("areas", v.areas);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const section& v) {
  j = ordered_json{{"key", v.key}, {"heading", v.heading}, {"paragraphs", v.paragraphs}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, section& v) {
  detail::object_reader r(j, "");
  r.required("key", v.key);
  r.required("heading", v.heading);
  r.required("paragraphs", v.paragraphs);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const promotion& v) {
  j = ordered_json{{"organisation", v.organisation}, {"short_name", v.short_name}, {"head", v.head},
                   {"partners", v.partners}, {"paragraphs", v.paragraphs}};
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, promotion& v) {
  detail::object_reader r(j, "");
  r.required("organisation", v.organisation);
  r.required("short_name", v.short_name);
  r.required("head", v.head);
  r.required("partners", v.partners);
  r.required("paragraphs", v.paragraphs);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const strategy& v) {
  j = ordered_json::object();
  j["schema"] = detail::schema_tag("Strategy");
  j["id"] = v.id;
  j["name"] = v.name;
  j["owner"] = v.owner;
  j["body"] = detail::optional_json(v.body);
  j["category"] = v.category;
  j["adopted"] = detail::optional_date_json(v.adopted);
  j["revised"] = detail::optional_date_json(v.revised);
  j["span"] = detail::optional_date_json(v.span);
  j["description"] = v.description;
  j["notes"] = v.notes;
  j["predecessors"] = v.predecessors;
  j["successors"] = v.successors;
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, strategy& v) {
  detail::object_reader r(j, "Strategy");
  r.required("id", v.id);
  r.required("name", v.name);
  r.required("owner", v.owner);
  r.optional("body", v.body);
  r.required("category", v.category);
  r.optional("adopted", v.adopted);
  r.optional("revised", v.revised);
  r.optional("span", v.span);
  r.required("description", v.description);
  r.required("notes", v.notes);
  r.required("predecessors", v.predecessors);
  r.required("successors", v.successors);
  r.done();
}

MIYAGIPLAN_FUNC void to_json(ordered_json& j, const plan& v) {
  j = ordered_json::object();
  j["schema"] = detail::schema_tag("Plan");
  j["id"] = v.id;
  j["title"] = v.title;
  j["issuer"] = v.issuer;
  j["period"] = detail::date_json(v.period);
  j["sections"] = v.sections;
  j["promotion"] = v.promotion;
  j["goals"] = v.goals;
  j["goal_area_note"] = v.goal_area_note;
  j["areas"] = v.areas;
  j["strategies"] = v.strategies;
}
MIYAGIPLAN_FUNC void from_json(const ordered_json& j, plan& v) {
  detail::object_reader r(j, "Plan");
  r.required("id", v.id);
  r.required("title", v.title);
  r.required("issuer", v.issuer);
  r.required("period", v.period);
  r.required("sections", v.sections);
  r.required("promotion", v.promotion);
  r.required("goals", v.goals);
  r.required("goal_area_note", v.goal_area_note);
  r.required("areas", v.areas);
  r.required("strategies", v.strategies);
  r.done();
}

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
