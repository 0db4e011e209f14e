// The plan as a workbook: the layout both reading (workbook_read-inl.hpp) and writing
// (workbook_write-inl.hpp) walk — sheets, columns and their order, built at run time from the
// descriptions. Values pass through the plan's JSON form (io/json.hpp), so reading checks
// exactly what reading a JSON file checks. Compiled once by src/workbook.cpp, or inline when
// header-only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"

namespace miyagiplan {
namespace detail::workbook {

enum class value_kind { text, number, integer, boolean };

// One column of values.
struct column_spec {
  std::string name;                // baseline.date
  std::string label;               // 現状値・時点
  std::string doc;
  value_kind kind = value_kind::text;
  bool optional = false;           // empty is none (null)
  std::vector<std::string> path;   // JSON keys below the object: {"baseline", "date"}
  ordered_json fallback = nullptr; // a field added in a later version: its default, for an empty cell
};

// One field of a type, in its order: a column, a group of columns, a list, or child rows.
struct member_spec {
  enum kind_t { scalar, group, list, children, single_child } kind = scalar;
  std::string name;
  std::string label;
  std::string doc;
  bool optional = false;           // a group left empty is none
  std::vector<std::size_t> columns;  // scalar: one; group: its fields
  std::size_t sheet = 0;           // children, single_child
};

struct sheet_spec {
  std::string label;               // 目標指標
  std::string python;              // Indicator
  std::string doc;
  std::string tag;                 // miyagiplan.Indicator.1, or empty
  bool has_id = false;             // a field named "id": it is the row's key
  std::vector<column_spec> columns;
  std::vector<member_spec> members;
  std::vector<std::pair<std::size_t, std::string>> parents;  // (sheet, field) that hold these rows
  bool needs_key() const noexcept { return !has_id; }
  bool needs_parent_field() const noexcept { return parents.size() > 1; }
};

struct layout {
  std::vector<sheet_spec> sheets;  // sheets[0] is the plan's
};

template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;

template <class T>
constexpr bool is_scalar() {
  return std::is_same_v<T, std::string> || std::is_same_v<T, bool> || std::is_same_v<T, int> ||
         std::is_same_v<T, double> || described_enum<T> || std::is_same_v<T, date_expression> ||
         std::is_same_v<T, unit> || std::is_same_v<T, quantity>;
}

template <class T>
constexpr value_kind kind_of() {
  if constexpr (std::is_same_v<T, double>) return value_kind::number;
  else if constexpr (std::is_same_v<T, int>) return value_kind::integer;
  else if constexpr (std::is_same_v<T, bool>) return value_kind::boolean;
  else return value_kind::text;
}

template <class T>
std::string enum_note() {
  if constexpr (described_enum<T>) {
    std::string s = " (one of: ";
    for (std::size_t i = 0; i < enum_count<T>; ++i) s += (i ? ", " : "") + std::string(enum_description<T>::names[i]);
    return s + ")";
  } else {
    return {};
  }
}

template <described U>
constexpr bool has_vector_field() {
  bool any = false;
  for_each_field<U>([&](const auto& f) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    if constexpr (is_vector<M>) any = true;
  });
  return any;
}

template <described T>
std::size_t sheet_of(layout& out);

template <described T>
void fill_sheet(layout& out, std::size_t index) {
  for_each_field<T>([&](const auto& f) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    constexpr bool opt = detail::is_optional<M>;
    using V = std::conditional_t<opt, typename std::conditional_t<opt, M, std::optional<int>>::value_type, M>;
    member_spec m;
    m.name = f.name;
    m.label = f.label;
    m.doc = f.doc;
    m.optional = opt;
    if constexpr (is_scalar<V>()) {
      m.kind = member_spec::scalar;
      sheet_spec& s = out.sheets[index];
      s.columns.push_back({std::string(f.name), std::string(f.label), std::string(f.doc) + enum_note<V>(),
                           kind_of<V>(), opt, {std::string(f.name)},
                           f.since > 1 ? detail::json_of(T{}.*f.member) : ordered_json(nullptr)});
      m.columns.push_back(s.columns.size() - 1);
      if (f.name == "id") s.has_id = true;
    } else if constexpr (is_vector<V>) {
      using E = typename V::value_type;
      if constexpr (std::is_same_v<E, std::string>) {
        m.kind = member_spec::list;
      } else {
        static_assert(described<E>, "a list holds strings or described objects");
        m.kind = member_spec::children;
        m.sheet = sheet_of<E>(out);
      }
    } else {
      static_assert(described<V>, "a field's type has a workbook form");
      if constexpr (has_vector_field<V>()) {
        m.kind = member_spec::single_child;
        m.sheet = sheet_of<V>(out);
      } else {
        m.kind = member_spec::group;
        for_each_field<V>([&](const auto& g) {
          using G = typename std::remove_cvref_t<decltype(g)>::member_type;
          constexpr bool gopt = detail::is_optional<G>;
          using GV = std::conditional_t<gopt, typename std::conditional_t<gopt, G, std::optional<int>>::value_type, G>;
          static_assert(is_scalar<GV>(), "a value inside an object is flat");
          sheet_spec& s = out.sheets[index];
          s.columns.push_back({std::string(f.name) + "." + std::string(g.name),
                               std::string(f.label) + "・" + std::string(g.label),
                               std::string(f.doc) + " " + std::string(g.doc) + enum_note<GV>(), kind_of<GV>(),
                               opt || gopt, {std::string(f.name), std::string(g.name)}});
          m.columns.push_back(s.columns.size() - 1);
        });
      }
    }
    out.sheets[index].members.push_back(std::move(m));
  });
}

template <described T>
std::size_t sheet_of(layout& out) {
  for (std::size_t i = 0; i < out.sheets.size(); ++i)
    if (out.sheets[i].python == description<T>::python) return i;
  sheet_spec s;
  s.label = description<T>::label;
  s.python = description<T>::python;
  s.doc = description<T>::doc;
  if constexpr (!description<T>::schema.empty()) s.tag = schema_tag<T>();
  out.sheets.push_back(std::move(s));
  const std::size_t index = out.sheets.size() - 1;
  fill_sheet<T>(out, index);
  return index;
}

inline const layout& plan_layout() {
  static const layout l = [] {
    layout out;
    sheet_of<plan>(out);
    for (std::size_t i = 0; i < out.sheets.size(); ++i)
      for (const member_spec& m : out.sheets[i].members)
        if (m.kind == member_spec::children || m.kind == member_spec::single_child)
          out.sheets[m.sheet].parents.emplace_back(i, m.name);
    return out;
  }();
  return l;
}

// The structural columns a sheet has before its values.
struct structural {
  std::string name, label, doc;
};
inline std::vector<structural> structural_columns(const sheet_spec& s, bool is_plan) {
  std::vector<structural> out;
  if (is_plan) return out;
  if (s.needs_key())
    out.push_back({"_key", "行ID", "The row's own id, that child rows and list rows name as their parent (written "
                                   "<parent>/<position>); any text unique in the sheet."});
  std::string parents;
  for (const auto& [sheet, field] : s.parents) {
    (void)field;
    const std::string& l = plan_layout().sheets[sheet].label;
    if (parents.find(l) == std::string::npos) parents += (parents.empty() ? "" : " or ") + l;
  }
  out.push_back({"_parent", "親", "The id of the row of " + parents + " this row belongs to" +
                                      (s.parents.size() == 1 && s.parents[0].first == 0
                                           ? std::string(" (may be left empty: there is one plan)")
                                           : std::string()) +
                                      "."});
  if (s.needs_parent_field()) {
    std::string fields;
    for (const auto& [sheet, field] : s.parents)
      fields += (fields.empty() ? "" : ", ") + field + " (" + plan_layout().sheets[sheet].label + ")";
    out.push_back({"_parent_field", "親の項目", "Which field of the parent holds this row: " + fields + "."});
  }
  out.push_back({"_position", "順番", "The place among its siblings, from 1 (empty: the order of the rows)."});
  return out;
}

}  // namespace detail::workbook
}  // namespace miyagiplan
