// One description per type. A model type lists its fields once — their names in files and in
// Python, where they live, their Japanese labels, what they mean and the schema version that
// added them — and every consumer walks that list: JSON reading and writing, Boost archives,
// the Python classes (properties, keyword arguments, reprs), the JSON Schema, the workbook form
// and the compatibility fingerprint. An enum lists its names once, for to_string, parsing,
// archives, the JSON Schema and Python.
//
// Adding a field to a type is one line in its description; when that changes what files hold,
// the type's version goes up by one and one upgrade step (io/json-inl.hpp) lifts older files.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <nlohmann/json_fwd.hpp>

#include "miyagiplan/error.hpp"

namespace miyagiplan {

// One field of a model type.
template <class Owner, class Member>
struct field_info {
  using owner_type = Owner;
  using member_type = Member;
  std::string_view name;    // in JSON files, workbooks and the JSON Schema
  Member Owner::*member;
  std::string_view label;   // 見出し: the Japanese heading of a workbook column or a form
  std::string_view doc;     // one sentence: Python's docstring, the JSON Schema's description
  int since = 1;            // the version of the owner's schema that added the field
  std::string_view code_name = name;  // in Python and Boost archives, where it differs (when)
  bool may_be_absent = false;          // an optional field a file may leave out (else it writes null)

  constexpr field_info in_code(std::string_view other) const noexcept {
    field_info f = *this;
    f.code_name = other;
    return f;
  }
  constexpr field_info absent_is_none() const noexcept {
    field_info f = *this;
    f.may_be_absent = true;
    return f;
  }
};

template <class Owner, class Member>
constexpr field_info<Owner, Member> field(std::string_view name, Member Owner::*member, std::string_view label,
                                          std::string_view doc, int since = 1) noexcept {
  return {name, member, label, doc, since, name, false};
}

// A step that lifts a type's JSON from version `from` to `from + 1` where more than added
// fields changed (a field renamed, a meaning changed), listed in the type's description as
// `upgrades`. A field that is only added needs no step: older files get its default.
struct upgrade_step {
  int from;
  void (*apply)(nlohmann::ordered_json& object);
};

// Specialised beside each model type:
//   static constexpr std::string_view schema;  // "Indicator": files tag it "miyagiplan.Indicator.<version>";
//                                              // empty for a value written inside its owner, untagged
//   static constexpr std::string_view python;  // its Python class: "Indicator"
//   static constexpr std::string_view label;   // 目標指標
//   static constexpr std::string_view doc;
//   static constexpr int version;              // of its files (JSON tag and Boost class version)
//   static constexpr auto fields = std::tuple{field(...), ...};
template <class T>
struct description;

template <class T>
concept described = requires {
  description<T>::fields;
  description<T>::version;
};

template <described T>
inline constexpr std::size_t field_count = std::tuple_size_v<std::remove_cvref_t<decltype(description<T>::fields)>>;

// The upgrade steps of a type: its description's `upgrades`, or none.
template <described T>
constexpr auto upgrade_steps() noexcept {
  if constexpr (requires { description<T>::upgrades; }) return std::span<const upgrade_step>(description<T>::upgrades);
  else return std::span<const upgrade_step>();
}

// Calls f(field_info) for every field of T, in order.
template <described T, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... fields) { (f(fields), ...); }, description<T>::fields);
}

// ---------------------------------------------------------------------------------------------
// Enums: one table of names, in the order of the enumerators.
//   static constexpr std::string_view type;    // "direction", in messages
//   static constexpr std::string_view python;  // "Direction"
//   static constexpr std::array names{...};    // "increase", "decrease", "keep"
// and optionally `aliases`, pairs of {name, value} also read (実績, 見込), and `japanese`, the
// words a Japanese text uses for each member.
template <class E>
struct enum_description;

template <class E>
concept described_enum = std::is_enum_v<E> && requires { enum_description<E>::names; };

template <described_enum E>
inline constexpr std::size_t enum_count = enum_description<E>::names.size();

// The name of a member; "" for a value outside the enum.
template <described_enum E>
constexpr std::string_view to_string(E e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < enum_count<E> ? enum_description<E>::names[i] : std::string_view();
}

// The member a name names; throws parse_error listing the names for any other text.
template <described_enum E>
E enum_from_string(std::string_view name) {
  for (std::size_t i = 0; i < enum_count<E>; ++i)
    if (enum_description<E>::names[i] == name) return static_cast<E>(i);
  if constexpr (requires { enum_description<E>::aliases; }) {
    for (const auto& [alias, value] : enum_description<E>::aliases)
      if (alias == name) return value;
  }
  std::string expected = "one of the " + std::string(enum_description<E>::type) + " names (";
  for (std::size_t i = 0; i < enum_count<E>; ++i) expected += (i ? ", " : "") + std::string(enum_description<E>::names[i]);
  if constexpr (requires { enum_description<E>::aliases; }) {
    for (const auto& [alias, value] : enum_description<E>::aliases) expected += ", " + std::string(alias);
  }
  throw parse_error(std::string(name), 0, expected + ")");
}

}  // namespace miyagiplan
