// Reading JSON documents: every failure names the JSON pointer of the element, each parent
// prefixing its own step; unknown fields and enum names are refused. Knows nothing of the model.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "miyagiplan/describe.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/io/ordered_json.hpp"

namespace miyagiplan {
namespace detail {

// RFC 6901 escaping of one pointer step.
inline std::string pointer_step(std::string_view token) {
  std::string out = "/";
  for (char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

// Runs `read`, prefixing the JSON pointer of any schema_error it throws with `step`.
template <class Read>
auto reading_at(const std::string& step, Read&& read) -> decltype(read()) {
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

// The values every document holds: text, whole numbers within ±10^9, finite numbers, booleans,
// the names of described enums, and arrays of these.
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
    // An unsigned value past INT64_MAX would wrap as int64 (18446744073709551615 to -1).
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > 1000000000u)
      throw schema_error("", "integer out of range");
    const auto v = j.get<std::int64_t>();
    if (v < -1000000000 || v > 1000000000) throw schema_error("", "integer out of range");
    out = static_cast<int>(v);
  } else if constexpr (std::is_same_v<T, double>) {
    if (!j.is_number()) wrong_type(j, "a number");
    out = j.get<double>();
    if (!std::isfinite(out)) throw schema_error("", "expected a finite number");
  } else {
    static_assert(described_enum<T>, "a plain value is text, a number, a boolean or a described enum");
    out = read_text(j, [](const std::string& s) { return enum_from_string<T>(s); });
  }
}

template <class T>
void read_value(const ordered_json& j, std::vector<T>& out) {
  if (!j.is_array()) wrong_type(j, "an array");
  out.clear();
  out.resize(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) reading_at("/" + std::to_string(i), [&] { read_value(j[i], out[i]); });
}

// The version a tagged object declares ("miyagiplan.Indicator.2" → 2), one this library reads
// (1 … current); a schema_error at /schema otherwise.
inline int declared_version(const ordered_json& j, std::string_view schema_type, int current) {
  const auto it = j.find("schema");
  if (it == j.end()) throw schema_error("", "missing required field \"schema\"");
  if (!it->is_string()) reading_at("/schema", [&] { wrong_type(*it, "a string"); });
  const std::string& tag = it->get_ref<const std::string&>();
  const std::string prefix = "miyagiplan." + std::string(schema_type) + ".";
  const bool ours = tag.size() > prefix.size() && tag.compare(0, prefix.size(), prefix) == 0;
  const std::string version = ours ? tag.substr(prefix.size()) : "";
  if (!ours || version.find_first_not_of("0123456789") != std::string::npos || version.size() > 4 ||
      std::stoi(version) < 1 || std::stoi(version) > current)
    throw schema_error("/schema", "expected \"" + prefix + "1\" … \"" + prefix + std::to_string(current) +
                                      "\", found \"" + tag + "\"");
  return std::stoi(version);
}

// Reads the fields of one object in turn, then refuses any field it did not read.
class object_reader {
 public:
  // `schema_type` is the type a tagged object must declare ("Scheme"), or empty for a plain
  // value object; `current` the newest version of it this library reads.
  object_reader(const ordered_json& j, std::string_view schema_type = {}, int current = 1) : j_(j) {
    if (!j.is_object()) wrong_type(j, "an object");
    if (schema_type.empty()) return;
    declared_version(j, schema_type, current);
    seen_.insert("schema");
  }

  // The field's JSON, or nullptr when it is absent; either way it counts as read.
  const ordered_json* find(std::string_view key) {
    const auto it = j_.find(std::string(key));
    if (it == j_.end()) return nullptr;
    seen_.insert(std::string(key));
    return &*it;
  }

  const ordered_json& raw(std::string_view key) {
    if (const ordered_json* found = find(key)) return *found;
    throw schema_error("", "missing required field \"" + std::string(key) + "\"");
  }

  template <class T>
  void required(std::string_view key, T& out) {
    const ordered_json& value = raw(key);
    reading_at(pointer_step(key), [&] { read_value(value, out); });
  }

  // Absent or null → nullopt.
  template <class T>
  void optional(std::string_view key, std::optional<T>& out) {
    out.reset();
    const ordered_json* value = find(key);
    if (!value || value->is_null()) return;
    T v;
    reading_at(pointer_step(key), [&] { read_value(*value, v); });
    out = std::move(v);
  }

  // Absent or null → `out` keeps the default it has.
  template <class T>
  void if_present(std::string_view key, T& out) {
    const ordered_json* value = find(key);
    if (value && !value->is_null()) reading_at(pointer_step(key), [&] { read_value(*value, out); });
  }

  // Each object of the array at `key`, given to `read`; errors say which element, and each
  // element's unknown fields are refused as its parent's are.
  template <class Read>
  void each_object(std::string_view key, Read&& read) {
    const ordered_json& array = raw(key);
    const std::string at = pointer_step(key);
    if (!array.is_array()) reading_at(at, [&] { wrong_type(array, "an array"); });
    for (std::size_t k = 0; k < array.size(); ++k)
      reading_at(at + "/" + std::to_string(k), [&] {
        object_reader element(array[k]);
        read(element);
        element.done();
      });
  }

  // Unknown fields are refused: a typo must not lose data silently.
  void done() const {
    for (const auto& [key, value] : j_.items())
      if (!seen_.count(key))
        throw schema_error(pointer_step(key), "unknown field \"" + key + "\"");
  }

 private:
  const ordered_json& j_;
  std::set<std::string, std::less<>> seen_;
};

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

// The line and column (in characters, from 1) after some text; a reader of chunks moves it on
// over each chunk.
struct line_column {
  std::size_t line = 1;
  std::size_t column = 1;
  void advance(std::string_view text) noexcept {
    for (const char c : text) {
      if (c == '\n') ++line, column = 1;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    }
  }
  std::string text() const { return "line " + std::to_string(line) + ", column " + std::to_string(column); }
};

// "line 3, column 7" of a byte offset, columns counted in characters.
inline std::string line_and_column(std::string_view text, std::size_t offset) {
  line_column at;
  at.advance(text.substr(0, std::min(offset, text.size())));
  return at.text();
}

// Integral values are written as integers (0, not 0.0), so that files stay as people write them.
inline ordered_json number_json(double v) {
  if (std::nearbyint(v) == v && std::fabs(v) < 9.0e15) return static_cast<std::int64_t>(v);
  return v;
}

// nlohmann quotes the token it stopped at, which may be a whole 100 MB string or number: a
// message keeps its first few hundred bytes (cut between characters).
inline std::string shortened(std::string message) {
  constexpr std::size_t max_bytes = 300;
  if (message.size() <= max_bytes) return message;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
  message.resize(cut);
  return message + "…";
}

// The JSON pointer of the first string (or key) in `j` that is not UTF-8 (nlohmann's dump
// refuses it without saying where): "" for `j` itself, nullopt if there is none.
inline std::optional<std::string> first_invalid_utf8(const ordered_json& j) {
  if (j.is_string()) return is_utf8(j.get_ref<const std::string&>()) ? std::nullopt : std::optional<std::string>("");
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (!is_utf8(key)) return pointer_step(key);
      if (auto inner = first_invalid_utf8(value)) return pointer_step(key) + *inner;
    }
  } else if (j.is_array()) {
    for (std::size_t k = 0; k < j.size(); ++k)
      if (auto inner = first_invalid_utf8(j[k])) return "/" + std::to_string(k) + *inner;
  }
  return std::nullopt;
}

// Writes a document (2-space indent, UTF-8, a final newline). A text that is not UTF-8 (only a
// model built in code can hold one: every reader refuses it) is a validation_error naming its
// JSON pointer, not nlohmann's type_error.
inline std::string dump_checked(const ordered_json& j) {
  try {
    return j.dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n";
  } catch (const nlohmann::json::type_error& e) {
    const std::string where = first_invalid_utf8(j).value_or("");
    throw validation_error(where.empty() ? "/" : where,
                           std::string("not valid UTF-8 text, so not writable as JSON (") + e.what() + ")");
  }
}

}  // namespace detail
}  // namespace miyagiplan
