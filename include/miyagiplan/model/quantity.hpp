// Quantities as plans write them: 2,280 件, 58.8％, 2,223 百万円, 1 回／年, or a state that is
// not a number (全所属, 実施なし, －). Values are held in base units (円, not 百万円); the
// unit keeps the document's scale for display, and the quantity keeps its source text.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_MODEL_QUANTITY_HPP
#endif

#include <cstdint>
#include <string>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

struct unit {
  std::string symbol;  // as the document writes it: 百万円
  std::string base;    // the unit values are held in: 円
  int scale = 0;       // symbol = 10^scale × base: 6 for 百万円, 8 for 億円

  // Splits a written unit into scale and base: 億円 → (8, 円), 百万円 → (6, 円), 件 → (0, 件).
  MIYAGIPLAN_FUNC static unit parse(std::string_view symbol);
  double factor() const noexcept {  // 10^scale
    double f = 1;
    for (int i = 0; i < scale; ++i) f *= 10;
    return f;
  }
  friend bool operator==(const unit&, const unit&) = default;
};

enum class value_state : std::uint8_t {
  number,     // a number: 2,280
  all,        // 全所属: every department (a completion target)
  none_done,  // 実施なし: not done (zero for counts and frequencies)
  missing,    // －: no value given
};

struct quantity {
  value_state state = value_state::missing;
  double value = 0;      // in the unit's base (円 for 百万円); meaningful when state == number
  std::string text;      // the document's text: "2,223 百万円", "562 校（※）", "全所属"
  bool note_mark = false;  // the text carries （※）: a note of the indicator applies to it

  bool is_number() const noexcept { return state == value_state::number; }
  // The value in the unit as written (2,223 for 2,223 百万円).
  double display_value(const unit& u) const noexcept { return value / u.factor(); }
  // A quantity built in code: the text is written from the value (2223000000, 百万円 → 2,223百万円).
  MIYAGIPLAN_FUNC static quantity of(double base_value, const unit& u);
  MIYAGIPLAN_FUNC static quantity of_state(value_state s);
  friend bool operator==(const quantity&, const quantity&) = default;
};

// Reads a quantity in a unit: digits of either width with , separators and a decimal point, an
// optional unit that must match `u` (％ and % alike), an optional （※); or a state. Throws
// parse_error with the character position.
MIYAGIPLAN_FUNC quantity parse_quantity(std::string_view text, const unit& u);

// Reads an actual value (実績値) for an indicator in unit `u`: as parse_quantity, and also in any
// unit of the same base, scaled, with 兆, 億 and 万 between digits as Japanese writes large
// numbers: for 百万円, 1,872,000,000円, 18億7200万円 and 18.72億円 are 1,872 百万円. A bare
// number stays in `u` as written. A plan's own values keep to parse_quantity: its unit is the
// document's. Throws parse_error as parse_quantity does.
MIYAGIPLAN_FUNC quantity parse_actual(std::string_view text, const unit& u);

// Writes a number in a unit as plans do: 2,223百万円, 58.8％ (shortest text that reads back).
MIYAGIPLAN_FUNC std::string format_quantity(double base_value, const unit& u);

template <>
struct enum_description<value_state> {
  static constexpr std::string_view type = "value state", python = "ValueState";
  static constexpr std::string_view doc = "What a quantity is: a number, or a state that is not one.";
  static constexpr std::array<std::string_view, 4> names{"number", "all", "none_done", "missing"};
  static constexpr std::array<std::string_view, 4> docs{
      "a number: 2,280", "全所属: every department (a completion target)",
      "実施なし: not done (zero for counts and frequencies)", "－: no value given"};
};

// In files a unit is its symbol and a quantity its text (read in the unit of the indicator it
// belongs to); archives and Python see the fields below.
template <>
struct description<unit> {
  static constexpr std::string_view schema = "", python = "Unit", label = "単位";
  static constexpr std::string_view doc = "A unit as plans write it, and its scale: 百万円 is 10^6 円.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("symbol", &unit::symbol, "単位", "As the document writes it: 百万円."),
      field("base", &unit::base, "基本単位", "The unit values are held in: 円."),
      field("scale", &unit::scale, "桁", "symbol = 10^scale × base: 6 for 百万円, 8 for 億円."),
  };
};

template <>
struct description<quantity> {
  static constexpr std::string_view schema = "", python = "Quantity", label = "数量";
  static constexpr std::string_view doc =
      "A value as plans write it (2,280 件, 58.8％, 2,223 百万円), or a state (全所属, 実施なし, －).";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("state", &quantity::state, "状態", "number, or a state that is not a number: all (全所属), none_done (実施なし), missing (－)."),
      field("value", &quantity::value, "値", "The number in the unit's base (円 for 百万円); 0 for a state."),
      field("text", &quantity::text, "表記", "The document's text: 2,223 百万円, 562 校（※）, 全所属."),
      field("note_mark", &quantity::note_mark, "注記", "Whether the text carries （※）: a note of the indicator applies to it."),
  };
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_MODEL_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_MODEL_QUANTITY_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
