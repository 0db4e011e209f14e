// Definitions of the public reading of dates (try_read_date, parse_date, to_western, …): the fast
// paths of calendar_fast-inl.hpp first, then the general reader of calendar_read-inl.hpp. Part of
// src/calendar.cpp, or included inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <new>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/calendar_fast-inl.hpp"
#include "miyagiplan/calendar/calendar_read-inl.hpp"
#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

// Where reading stopped at a byte that is no character (bad UTF-8, NUL), that is the failure,
// whatever the grammar wanted there.
inline bool read_date(std::string_view text, const parse_options& o, date_reading& r,
                      failure& f) noexcept {
  if (read_common_day(text, o, r) || read_common_fiscal(text.data(), text.data() + text.size(), o, r) ||
      read_expression(text, o, r, f))
    return true;
  cursor at(text);
  while (at.position() < f.position && !at.at_end()) at.advance();
  if (at.peek() == invalid_utf8) f.expected = "valid UTF-8 text";
  return false;
}

[[noreturn]] inline void throw_parse_error(std::string_view text, const failure& f) {
  throw parse_error(std::string(text), f.position, f.expected);
}

}  // namespace detail

// -----------------------------------------------------------------------------------------------

MIYAGIPLAN_FUNC bool try_read_date(std::string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept {
  detail::failure f{0, ""};
  if (detail::read_date(text, options, out, f)) return true;
  failure = {f.position, f.expected};
  return false;
}

namespace detail {
// A text of wider code units: the common forms in place, the rest as UTF-8.
template <class Unit>
bool try_read_units(std::basic_string_view<Unit> text, const parse_options& options, date_reading& out,
                    date_reading_failure& failure) noexcept {
  if (read_common_day(text.data(), text.data() + text.size(), options, out) ||
      read_common_fiscal(text.data(), text.data() + text.size(), options, out))
    return true;
  try {
    return try_read_date(utf8_of(text), options, out, failure);
  } catch (const std::bad_alloc&) {
    failure = {0, "memory for the text"};
    return false;
  }
}
}  // namespace detail

MIYAGIPLAN_FUNC bool try_read_date(std::u16string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC bool try_read_date(std::u32string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  return date_expression(std::string(text), r);
}

MIYAGIPLAN_FUNC date_context context_of(const date_reading& r, unsigned fiscal_start_month) noexcept {
  switch (r.kind) {
    case date_kind::fiscal_year: case date_kind::fiscal_year_end: case date_kind::fiscal_quarter:
    case date_kind::fiscal_half: case date_kind::fiscal_year_span:
      return {fiscal_year::of(r.days.first, fiscal_start_month).year(), true};
    default:
      return context_of(r.days.first);
  }
}

MIYAGIPLAN_FUNC date_context context_of(sys_days day) noexcept { return {civil_from_days(day).year, false}; }

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const date_expression& context,
                                           parse_options options) {
  options.context = context_of(context.reading(), options.fiscal_start_month);
  return parse_date(text, options);
}

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, sys_days context, parse_options options) {
  options.context = context_of(context);
  return parse_date(text, options);
}

MIYAGIPLAN_FUNC sys_days to_western(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  if (!names_a_day(r.kind)) detail::throw_parse_error(text, {0, "a text that names one day"});
  return r.days.first;
}

MIYAGIPLAN_FUNC fiscal_year fiscal_year::parse(std::string_view text, unsigned start_month) {
  parse_options o;
  o.fiscal_start_month = start_month;
  const date_expression e = parse_date(text, o);
  if (e.kind() != date_kind::fiscal_year) throw parse_error(std::string(text), 0, "a fiscal year (年度)");
  return fiscal_year::of(e.days().first, start_month);
}

}  // namespace miyagiplan
