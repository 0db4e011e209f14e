// Definitions of the JSON format. Compiled once by src/json.cpp, or inline when header-only.
#pragma once

#include <cmath>
#include <set>
#include <type_traits>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan {
namespace detail {

// ---------------------------------------------------------------------------------------------
// Reading: every failure names the JSON pointer of the element; a parent prefixes its own step.

// RFC 6901 escaping of one pointer step.
inline std::string pointer_step(std::string_view token) {
  std::string out = "/";
  for (char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

template <class Read>
auto under(const std::string& step, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const schema_error& e) {
    throw schema_error(step + e.where(), e.message());
  }
}

inline const char* json_type_name(const ordered_json& j) noexcept {
  return j.is_null() ? "null" : j.is_boolean() ? "a boolean" : j.is_number() ? "a number"
       : j.is_string() ? "a string" : j.is_array() ? "an array" : "an object";
}

[[noreturn]] inline void wrong_type(const ordered_json& j, const char* expected) {
  throw schema_error("", std::string("expected ") + expected + ", found " + json_type_name(j));
}

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

// Reads a text and hands it to a parser; a parser's error becomes a schema_error here.
template <class Parse>
auto read_text(const ordered_json& j, Parse&& parse) -> decltype(parse(std::string())) {
  if (!j.is_string()) wrong_type(j, "a string");
  try {
    return parse(j.get_ref<const std::string&>());
  } catch (const parse_error& e) {
    throw schema_error("", e.what());
  }
}

template <class T>
void read_value(const ordered_json& j, T& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) wrong_type(j, "a string");
    out = j.get_ref<const std::string&>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) wrong_type(j, "a boolean");
    out = j.get<bool>();
  } else if constexpr (std::is_same_v<T, int>) {
    if (!j.is_number_integer()) wrong_type(j, "an integer");
    const auto v = j.get<std::int64_t>();
    if (v < -1000000000 || v > 1000000000) throw schema_error("", "integer out of range");
    out = static_cast<int>(v);
  } else if constexpr (std::is_same_v<T, double>) {
    if (!j.is_number()) wrong_type(j, "a number");
    out = j.get<double>();
    if (!std::isfinite(out)) throw schema_error("", "expected a finite number");
  } else if constexpr (std::is_same_v<T, date_expression>) {
    out = read_text(j, [](const std::string& s) { return parse_date(s); });
  } else if constexpr (std::is_same_v<T, direction>) {
    out = read_text(j, [](const std::string& s) { return direction_from_string(s); });
  } else if constexpr (std::is_same_v<T, accumulation>) {
    out = read_text(j, [](const std::string& s) { return accumulation_from_string(s); });
  } else if constexpr (is_vector<T>::value) {
    if (!j.is_array()) wrong_type(j, "an array");
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      under("/" + std::to_string(i), [&] { read_value(j[i], out[i]); });
  } else {
    from_json(j, out);  // a model type
  }
}

// Reads the fields of one object in turn, then refuses any field it did not read.
class object_reader {
 public:
  // `schema_type` is the model type this object must declare ("Indicator"), or empty for a
  // plain value object.
  object_reader(const ordered_json& j, std::string_view schema_type) : j_(j) {
    if (!j.is_object()) wrong_type(j, "an object");
    if (schema_type.empty()) return;
    std::string tag;
    required("schema", tag);
    const std::string prefix = "miyagiplan." + std::string(schema_type) + ".";
    const bool ours = tag.size() > prefix.size() && tag.compare(0, prefix.size(), prefix) == 0;
    const std::string version = ours ? tag.substr(prefix.size()) : "";
    if (!ours || version.find_first_not_of("0123456789") != std::string::npos ||
        version.size() > 4 || std::stoi(version) < 1 || std::stoi(version) > plan_schema_version)
      throw schema_error("/schema", "expected \"" + prefix + "1\" … \"" + prefix +
                                        std::to_string(plan_schema_version) + "\", found \"" + tag + "\"");
  }

  template <class T>
  void required(const char* key, T& out) {
    const auto it = j_.find(key);
    if (it == j_.end()) throw schema_error("", std::string("missing required field \"") + key + "\"");
    seen_.insert(key);
    under(pointer_step(key), [&] { read_value(*it, out); });
  }

  // Absent or null → nullopt.
  template <class T>
  void optional(const char* key, std::optional<T>& out) {
    out.reset();
    const auto it = j_.find(key);
    if (it == j_.end()) return;
    seen_.insert(key);
    if (it->is_null()) return;
    T value;
    under(pointer_step(key), [&] { read_value(*it, value); });
    out = std::move(value);
  }

  const ordered_json& raw(const char* key) {
    const auto it = j_.find(key);
    if (it == j_.end()) throw schema_error("", std::string("missing required field \"") + key + "\"");
    seen_.insert(key);
    return *it;
  }

  // Unknown fields are refused: a typo must not lose data silently.
  void done() const {
    for (const auto& [key, value] : j_.items())
      if (!seen_.count(key) && key != "schema")
        throw schema_error(pointer_step(key), "unknown field \"" + key + "\"");
  }

 private:
  const ordered_json& j_;
  std::set<std::string, std::less<>> seen_;
};

// A baseline or target: {"date": "平成22年12月末", "value": "2,280 件"}, read in the indicator's unit.
inline dated_value read_dated_value(const ordered_json& j, const unit& u) {
  object_reader r(j, "");
  dated_value v;
  r.required("date", v.when);
  under("/value", [&] {
    v.value = read_text(r.raw("value"), [&](const std::string& s) { return parse_quantity(s, u); });
  });
  r.done();
  return v;
}

// ---------------------------------------------------------------------------------------------
// Writing.

inline std::string schema_tag(std::string_view type) {
  return "miyagiplan." + std::string(type) + "." + std::to_string(plan_schema_version);
}

// Integral values are written as integers (0, not 0.0), so that files stay as people write them.
inline ordered_json number_json(double v) {
  if (std::nearbyint(v) == v && std::fabs(v) < 9.0e15) return static_cast<std::int64_t>(v);
  return v;
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

// A JSON document nested deeper than this is refused before parsing.
inline constexpr int max_json_depth = 64;

// Scans for nesting depth outside strings; returns the byte offset where the limit is passed.
inline std::optional<std::size_t> too_deep(std::string_view text) noexcept {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_json_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

// "line 3, column 7" of a byte offset, columns counted in characters.
inline std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

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
  v.baseline = detail::under("/baseline", [&] { return detail::read_dated_value(r.raw("baseline"), v.unit); });
  v.target = detail::under("/target", [&] { return detail::read_dated_value(r.raw("target"), v.unit); });
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
  return ordered_json(p).dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n";
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
    throw schema_error(detail::line_and_column(text, at), "invalid JSON: " + what);
  }
}

MIYAGIPLAN_FUNC plan plan_from_json(std::string_view text) {
  const ordered_json j = parse_json(text);
  plan p;
  from_json(j, p);
  return p;
}

}  // namespace miyagiplan
