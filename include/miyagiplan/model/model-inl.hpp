// Definitions of the plan model: quantities, lookups, rules and edits. Compiled once by
// src/model.cpp, or included inline by the header-only target.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <type_traits>
#include <utility>
#include <vector>

#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/model/quantity.hpp"

namespace miyagiplan {
namespace detail {

// Written states and what they mean.
inline constexpr struct {
  std::string_view text;
  value_state state;
} written_states[] = {
    {"全所属", value_state::all},     {"実施なし", value_state::none_done},
    {"－", value_state::missing},     {"-", value_state::missing},
    {"―", value_state::missing},     {"—", value_state::missing},
};

// Unit prefixes of scale, longest first: 百万円 is 10^6 円.
inline constexpr struct {
  std::string_view prefix;
  int scale;
} scale_prefixes[] = {{"百万", 6}, {"千万", 7}, {"億", 8}, {"兆", 12}, {"万", 4}, {"千", 3}};

// The most digits a quantity's text may have in all, zeros that place the point included: any
// double written in fixed point fits (1.8e308 has 309, 5e-324 has 325).
inline constexpr std::size_t max_quantity_digits = 400;

// Units compare with ％/% and ／// alike.
inline std::string normalise_unit(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') out += "％";
    else if (s[i] == '/') out += "／";
    else out += s[i];
  }
  return out;
}

// The form most values take, read at once: -?[0-9]+(.[0-9]+)? of at most 15 digits, in a unit
// of scale `scale`. The digits m are exact in a double (below 2^53), and so is 10^k for k ≤ 22:
// one multiplication or division then rounds once, to the double nearest the decimal value, as
// from_chars does in the general reader (Clinger's fast path). False for anything else.
inline bool read_plain_number(std::string_view s, int scale, double& out) noexcept {
  static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const bool negative = !s.empty() && s[0] == '-';
  const std::size_t first = negative ? 1 : 0;
  std::uint64_t m = 0;
  int digits = 0, decimals = 0;
  bool point = false;
  for (std::size_t i = first; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      m = m * 10 + static_cast<unsigned>(c - '0');
      ++digits;
      decimals += point;
    } else if (c == '.' && !point && i > first && i + 1 < s.size()) {
      point = true;  // a digit must follow: the loop refuses anything else
    } else {
      return false;
    }
    if (digits > 15) return false;
  }
  const int e = scale - decimals;
  if (digits == 0 || e < -22 || e > 22) return false;
  const double v = e >= 0 ? static_cast<double>(m) * powers[e] : static_cast<double>(m) / powers[-e];
  out = negative ? -v : v;
  return true;
}

}  // namespace detail

MIYAGIPLAN_FUNC unit unit::parse(std::string_view symbol) {
  unit u{std::string(symbol), std::string(symbol), 0};
  for (const auto& p : detail::scale_prefixes) {
    if (symbol.size() > p.prefix.size() && symbol.substr(0, p.prefix.size()) == p.prefix) {
      u.base = std::string(symbol.substr(p.prefix.size()));
      u.scale = p.scale;
      break;
    }
  }
  return u;
}

MIYAGIPLAN_FUNC quantity parse_actual(std::string_view text, const unit& u) {
  try {
    return parse_quantity(text, u);
  } catch (const parse_error& in_own_unit) {
    // Groups of digits, each but the last followed by 兆, 億 or 万, then a unit of u's base.
    static constexpr std::pair<std::string_view, int> markers[] = {{"兆", 12}, {"億", 8}, {"万", 4}};
    auto number_length = [](std::string_view s) {
      detail::cursor in(s);
      for (char32_t c = in.peek(); detail::digit_value(c) >= 0 || c == U',' || c == U'，' || c == U'.' || c == U'．';
           c = in.peek())
        in.advance();
      return in.offset();
    };
    std::vector<std::pair<std::string_view, int>> groups;  // digits and their power of ten
    std::string_view rest = detail::trim(text);
    for (std::size_t n = number_length(rest); n > 0; n = number_length(rest)) {
      int power = -1;
      std::size_t marker_size = 0;
      for (const auto& [marker, p] : markers)
        if (rest.substr(n).starts_with(marker)) power = p, marker_size = marker.size();
      groups.emplace_back(rest.substr(0, n), std::max(power, 0));
      rest = rest.substr(n + marker_size);
      if (power < 0) break;  // the last group has no marker
    }
    const std::string_view written = detail::trim(rest);
    const unit given = unit::parse(written);
    // A bare number is in u as written; another base is no compatible unit.
    if (groups.empty() || written.empty() || detail::normalise_unit(given.base) != detail::normalise_unit(u.base))
      throw in_own_unit;
    quantity q;
    q.state = value_state::number;
    q.text = std::string(text);
    // Each group scaled in decimal, as parse_quantity scales (18.72億円 is exactly 1,872,000,000 円).
    for (const auto& [digits, power] : groups) q.value += parse_quantity(digits, unit{{}, {}, power + given.scale}).value;
    if (!std::isfinite(q.value)) throw in_own_unit;
    return q;
  }
}

MIYAGIPLAN_FUNC quantity parse_quantity(std::string_view text, const unit& u) {
  using namespace detail;
  quantity q;
  q.text = std::string(text);
  std::string_view rest = trim(text);
  if (read_plain_number(rest, u.scale, q.value)) {
    q.state = value_state::number;
    return q;
  }
  // A note mark （※） may follow the value: 562 校（※）.
  for (std::string_view mark : {std::string_view("（※）"), std::string_view("(※)")}) {
    if (rest.size() > mark.size() && rest.substr(rest.size() - mark.size()) == mark) {
      rest = trim(rest.substr(0, rest.size() - mark.size()));
      q.note_mark = true;
    }
  }
  for (const auto& w : written_states) {
    if (rest == w.text) {
      q.state = w.state;
      return q;
    }
  }
  // Error positions count characters of the whole text, leading spaces included.
  cursor lead(text.substr(0, static_cast<std::size_t>(rest.data() - text.data())));
  while (!lead.at_end()) lead.advance();
  auto fail = [&](const cursor& at, const std::string& expected) -> parse_error {
    return parse_error(std::string(text), lead.position() + at.position(), expected);
  };
  cursor in(rest);
  const cursor number_start = in;
  bool negative = false;
  if (const char32_t c = in.peek(); (c == U'-' || c == U'－' || c == U'−') && digit_value(in.peek_after()) >= 0) {
    negative = true;
    in.advance();
  }
  std::string digits;
  // At most 18 significant digits, counted from the first non-zero one to the last: zeros that
  // only place the point (0.00015, 1,000,000,000,000,000,000) are not counted, so that every
  // number format_quantity writes reads back. The decimal point is no digit.
  std::size_t digit_count = 0, first_significant = 0;
  bool seen_point = false, seen_significant = false;
  // Thousands separators group exactly three digits (2,280), so that a typo like 2,28 is no 228.
  std::size_t group = 0;
  bool grouped = false;
  auto check_group = [&](const cursor& at) {
    if (grouped && group != 3) throw fail(at, "three digits after a thousands separator");
  };
  for (;;) {
    const char32_t c = in.peek();
    const bool more = digit_value(in.peek_after()) >= 0 && !digits.empty() && !seen_point;
    if (const int d = digit_value(c); d >= 0) {
      digits += static_cast<char>('0' + d);
      ++digit_count;
      if (!seen_point) ++group;
      if (d != 0 && !seen_significant) seen_significant = true, first_significant = digit_count;
      if (d != 0 && digit_count - first_significant >= 18)
        throw fail(in, "a number of at most 18 digits");
      if (digit_count > max_quantity_digits)
        throw fail(in, "a number of at most " + std::to_string(max_quantity_digits) + " digits in all");
    } else if ((c == U',' || c == U'，') && more) {
      if (grouped ? group != 3 : group > 3) throw fail(in, "three digits after a thousands separator");
      grouped = true, group = 0;
    } else if ((c == U'.' || c == U'．') && more) {
      check_group(in);
      digits += '.';
      seen_point = true;
    } else {
      break;
    }
    in.advance();
  }
  if (!seen_point) check_group(in);
  if (digits.empty())
    throw fail(in, in.peek() == invalid_utf8 ? "valid UTF-8 text" : "a number, or 全所属, 実施なし or －");
  in.skip_spaces();
  // What follows the number is the unit, which must be the indicator's (or absent).
  const std::string_view written = rest.substr(in.offset());
  for (cursor check = in; !check.at_end(); check.advance())
    if (check.peek() == invalid_utf8) throw fail(check, "valid UTF-8 text");
  if (!written.empty() && normalise_unit(written) != normalise_unit(u.symbol))
    throw fail(in, "the unit " + u.symbol + " or none");
  // Scaled in decimal before the one rounding to binary (2.223e9, not 2.223 × 10^9), so that
  // 0.07 億円 is exactly 7,000,000 円; from_chars does not depend on the C locale.
  const std::string scaled = digits + "e" + std::to_string(u.scale);
  double value = 0;
  if (std::from_chars(scaled.data(), scaled.data() + scaled.size(), value).ec != std::errc())
    throw fail(number_start, "a number a double can hold (1e-308 … 1e308 in the base unit)");
  q.state = value_state::number;
  q.value = negative ? -value : value;
  return q;
}

MIYAGIPLAN_FUNC std::string format_quantity(double base_value, const unit& u) {
  // The shortest digits that read back to the base value, with the point moved by the unit's
  // scale in decimal: dividing by 10^scale in binary first would round (56789012345678 百万円
  // came out as 56,789,012,345,677.99), and parse_quantity scales in decimal too, so the text
  // reads back to the same number. Fixed-point: 70, not 7e+01 or 70.000000.
  std::string number = "0";  // no "-0"
  if (!std::isfinite(base_value)) {
    number = std::isnan(base_value) ? "nan" : base_value > 0 ? "inf" : "-inf";
  } else if (base_value != 0) {
    char buf[64];
    const auto written = std::to_chars(buf, buf + sizeof buf, base_value, std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<std::size_t>(written.ptr - buf));  // -2.223e+09
    const std::size_t e = sci.find('e');
    const bool negative = sci[0] == '-';
    std::string mantissa;  // the digits without the point: 2223
    for (const char c : sci.substr(negative ? 1 : 0, e - (negative ? 1 : 0)))
      if (c != '.') mantissa += c;
    int exponent = 0;  // of the first digit, in the unit as written
    std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
    exponent -= u.scale;
    const auto n = static_cast<std::ptrdiff_t>(mantissa.size());
    if (exponent < 0) {
      number = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + mantissa;
    } else if (exponent + 1 >= n) {
      number = mantissa + std::string(static_cast<std::size_t>(exponent + 1 - n), '0');
    } else {
      number = mantissa.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
               mantissa.substr(static_cast<std::size_t>(exponent + 1));
    }
    if (negative) number = "-" + number;
  }
  // Thousands separators in the integer part, as plans write them.
  const std::size_t point = number.find('.');
  const std::size_t int_end = point == std::string::npos ? number.size() : point;
  const std::size_t int_start = number[0] == '-' ? 1 : 0;
  std::string out = number.substr(0, int_start);
  for (std::size_t i = int_start; i < int_end; ++i) {
    out += number[i];
    const std::size_t left = int_end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += number.substr(int_end);
  return out + u.symbol;
}

MIYAGIPLAN_FUNC quantity quantity::of(double base_value, const unit& u) {
  if (!std::isfinite(base_value)) throw range_error("a quantity must be a finite number");
  return quantity{value_state::number, base_value, format_quantity(base_value, u), false};
}

MIYAGIPLAN_FUNC quantity quantity::of_state(value_state s) {
  for (const auto& w : detail::written_states)
    if (w.state == s) return quantity{s, 0, std::string(w.text), false};
  throw range_error("a number needs a value: use quantity::of");
}

// ---------------------------------------------------------------------------------------------
// Walking the tree.

namespace detail {
template <class Measures, class Visit>
void each_measure(Measures& measures, Visit&& visit) {
  for (auto& m : measures) {
    visit(m);
    each_measure(m.sub_measures, visit);
  }
}
}  // namespace detail

MIYAGIPLAN_FUNC std::vector<const measure*> plan::measures() const {
  std::vector<const measure*> out;
  for (const auto& a : areas)
    detail::each_measure(a.measures, [&](const measure& m) { out.push_back(&m); });
  return out;
}

MIYAGIPLAN_FUNC std::vector<const indicator*> plan::indicators() const {
  std::vector<const indicator*> out;
  for (const measure* m : measures())
    for (const auto& i : m->indicators) out.push_back(&i);
  return out;
}

MIYAGIPLAN_FUNC const indicator* plan::find_indicator(std::string_view key) const noexcept {
  for (const auto& a : areas) {
    const indicator* found = nullptr;
    detail::each_measure(a.measures, [&](const measure& m) {
      for (const auto& i : m.indicators)
        if (!found && i.id == key) found = &i;
    });
    if (found) return found;
  }
  return nullptr;
}

MIYAGIPLAN_FUNC const measure* plan::find_measure(std::string_view key) const noexcept {
  for (const auto& a : areas) {
    const measure* found = nullptr;
    detail::each_measure(a.measures, [&](const measure& m) {
      if (!found && m.id == key) found = &m;
    });
    if (found) return found;
  }
  return nullptr;
}

MIYAGIPLAN_FUNC const area* plan::find_area(std::string_view key) const noexcept {
  for (const auto& a : areas)
    if (a.id == key) return &a;
  return nullptr;
}

MIYAGIPLAN_FUNC const strategy* plan::find_strategy(std::string_view key) const noexcept {
  for (const auto& s : strategies)
    if (s.id == key) return &s;
  return nullptr;
}

MIYAGIPLAN_FUNC const measure* plan::measure_of(const indicator& target) const noexcept {
  for (const measure* m : measures())
    for (const auto& i : m->indicators)
      if (&i == &target) return m;
  return nullptr;
}

MIYAGIPLAN_FUNC const area* plan::area_of(const measure& target) const noexcept {
  for (const auto& a : areas) {
    bool found = false;
    detail::each_measure(a.measures, [&](const measure& m) { found = found || &m == &target; });
    if (found) return &a;
  }
  return nullptr;
}

namespace detail {
template <class T>
const T& must_find(const T* found, std::string_view kind, std::string_view key) {
  if (!found) throw not_found_error("no " + std::string(kind) + " with id \"" + std::string(key) + "\"");
  return *found;
}
}  // namespace detail

MIYAGIPLAN_FUNC const indicator& plan::indicator_at(std::string_view key) const {
  return detail::must_find(find_indicator(key), "indicator", key);
}
MIYAGIPLAN_FUNC const measure& plan::measure_at(std::string_view key) const {
  return detail::must_find(find_measure(key), "measure", key);
}
MIYAGIPLAN_FUNC const area& plan::area_at(std::string_view key) const {
  return detail::must_find(find_area(key), "area", key);
}

// ---------------------------------------------------------------------------------------------
// Rules.

namespace detail {

inline void check_value(const indicator& i, const dated_value& v, std::string_view which,
                        std::vector<problem>& out) {
  const std::string where = "indicator " + i.id + " " + std::string(which);
  if (v.value.is_number() && i.bounds) {
    const double shown = v.value.display_value(i.unit);
    if (shown < i.bounds->min || shown > i.bounds->max)
      out.push_back({where, "value " + v.value.text + " is outside " + format_quantity(i.bounds->min * i.unit.factor(), i.unit) +
                                " … " + format_quantity(i.bounds->max * i.unit.factor(), i.unit)});
  }
  if (v.value.text.empty()) {
    out.push_back({where, "has no value text"});
    return;
  }
  // The text is what a file keeps: it must read, in the indicator's unit, as the value held.
  try {
    const quantity read = parse_quantity(v.value.text, i.unit);
    const double tolerance = 1e-9 * std::max(std::fabs(read.value), std::fabs(v.value.value));
    if (read.state != v.value.state ||
        (read.is_number() && std::fabs(read.value - v.value.value) > tolerance))
      out.push_back({where, "value " + v.value.text + " does not read as the value it holds in " +
                                i.unit.symbol});
  } catch (const parse_error& e) {
    out.push_back({where, "value " + v.value.text + " does not match the unit " + i.unit.symbol +
                              " (" + e.what() + ")"});
  }
}

// Milestones and revisions are read in date order by the evaluation: keep them so. Each entry
// needs a date; `check` looks at one that has it. Milestones must be strictly after the one
// before (two on one day would give two expected values); revisions may share a day.
template <class Entry, class Check>
void each_in_date_order(const std::vector<Entry>& entries, const std::string& where, const char* kind,
                        const char* out_of_order, std::vector<problem>& out, Check&& check) {
  constexpr bool strictly = std::is_same_v<Entry, milestone>;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    const std::string which = std::string(kind) + " " + std::to_string(k + 1);
    if (e.when.empty()) {
      out.push_back({where + " " + which, "has no date"});
      continue;
    }
    check(e, which);
    if (k == 0 || entries[k - 1].when.empty()) continue;
    const sys_days day = e.when.days().last, before = entries[k - 1].when.days().last;
    if (strictly ? day <= before : day < before)
      out.push_back({where + " " + which, "date " + e.when.text() + " " + out_of_order});
  }
}

inline void check_indicator(const indicator& i, std::vector<problem>& out) {
  const std::string where = "indicator " + i.id;
  if (i.id.empty()) out.push_back({where, "has no id"});
  if (i.name.empty()) out.push_back({where, "has no name"});
  if (i.unit.symbol.empty()) out.push_back({where, "has no unit"});
  if (i.bounds && !(std::isfinite(i.bounds->min) && std::isfinite(i.bounds->max)))
    out.push_back({where, "has bounds that are not finite numbers"});
  else if (i.bounds && i.bounds->min > i.bounds->max) out.push_back({where, "has bounds with min > max"});
  if (!(i.weight >= 0) || !std::isfinite(i.weight))
    out.push_back({where, "has a weight that is not a finite number of 0 or more"});
  check_value(i, i.baseline, "baseline", out);
  check_value(i, i.target, "target", out);
  if (!i.baseline.when.empty() && !i.target.when.empty() &&
      i.target.when.days().last < i.baseline.when.days().last)
    out.push_back({where, "target date " + i.target.when.text() + " is before its baseline date " +
                              i.baseline.when.text()});
  each_in_date_order(i.milestones, where, "milestone", "is not after the milestone before it", out,
                     [&](const milestone& m, const std::string& which) {
                       check_value(i, dated_value{m.when, m.value}, which, out);
                       if (!m.value.is_number())
                         out.push_back({where + " " + which, "value " + m.value.text + " is not a number"});
                     });
  each_in_date_order(i.revisions, where, "revision", "is before the revision before it", out,
                     [&](const revision& r, const std::string& which) {
                       if (!r.target && !r.baseline)
                         out.push_back({where + " " + which, "changes neither the target nor the baseline"});
                       if (r.target) check_value(i, *r.target, which + " target", out);
                       if (r.baseline) check_value(i, *r.baseline, which + " baseline", out);
                     });
}

}  // namespace detail

MIYAGIPLAN_FUNC std::vector<problem> plan::problems() const {
  std::vector<problem> out;
  std::set<std::string> ids;
  auto unique = [&](const std::string& kind, const std::string& name) {
    if (!ids.insert(kind + ":" + name).second) out.push_back({kind + " " + name, "duplicate id"});
  };
  for (const auto& a : areas) {
    unique("area", a.id);
    detail::each_measure(a.measures, [&](const measure& m) {
      unique("measure", m.id);
      for (const auto& i : m.indicators) {
        unique("indicator", i.id);
        detail::check_indicator(i, out);
      }
    });
  }
  for (const auto& g : goals) {
    unique("goal", g.id);
    for (const auto& a : g.areas)
      if (!find_area(a)) out.push_back({"goal " + g.id, "names area " + a + ", which the plan does not have"});
  }
  for (const auto& s : strategies) {
    unique("strategy", s.id);
    for (const auto* links : {&s.predecessors, &s.successors})
      for (const auto& other : *links)
        if (!find_strategy(other))
          out.push_back({"strategy " + s.id, "names strategy " + other + ", which the plan does not have"});
  }
  return out;
}

MIYAGIPLAN_FUNC void plan::validate() const {
  const auto found = problems();
  if (found.empty()) return;
  std::string what = found.front().what;
  for (std::size_t k = 1; k < found.size(); ++k) what += "; " + found[k].where + ": " + found[k].what;
  throw validation_error(found.front().where, what);
}

namespace detail {
// Applies an edit to a copy, checks the copy, and only then keeps it: nothing is half-applied.
template <class Edit>
void edit_checked(plan& p, Edit&& edit) {
  plan copy = p;
  edit(copy);
  copy.validate();
  p = std::move(copy);
}
}  // namespace detail

MIYAGIPLAN_FUNC void plan::add_measure(std::string_view area_id, measure m) {
  detail::must_find(find_area(area_id), "area", area_id);
  detail::edit_checked(*this, [&](plan& p) { p.find_area(area_id)->measures.push_back(std::move(m)); });
}

MIYAGIPLAN_FUNC void plan::add_initiative(std::string_view measure_id, initiative i) {
  detail::must_find(find_measure(measure_id), "measure", measure_id);
  detail::edit_checked(*this, [&](plan& p) { p.find_measure(measure_id)->initiatives.push_back(std::move(i)); });
}

MIYAGIPLAN_FUNC void plan::add_indicator(std::string_view measure_id, indicator i) {
  detail::must_find(find_measure(measure_id), "measure", measure_id);
  detail::edit_checked(*this, [&](plan& p) { p.find_measure(measure_id)->indicators.push_back(std::move(i)); });
}

MIYAGIPLAN_FUNC void plan::set_target(std::string_view indicator_id, dated_value target) {
  detail::must_find(find_indicator(indicator_id), "indicator", indicator_id);
  detail::edit_checked(*this, [&](plan& p) { p.find_indicator(indicator_id)->target = std::move(target); });
}

}  // namespace miyagiplan
