// Definitions of the era table as data: eras added at run time (add_era) and by a deployment
// (MIYAGIPLAN_EXTRA_ERAS), and the tentative era (add_tentative_era, MIYAGIPLAN_TENTATIVE_ERA).
// Part of src/calendar.cpp, or included inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

// One mutex serialises writers (and the first load); readers never take it.
inline std::mutex& era_table_mutex() {
  static std::mutex m;
  return m;
}

// What went wrong in MIYAGIPLAN_EXTRA_ERAS, kept for load_extra_eras_from_environment to report.
struct environment_era_failure {
  bool failed = false;
  std::string value;
  std::size_t position = 0;
  std::string expected;
};

inline environment_era_failure& environment_failure() {
  static environment_era_failure f;
  return f;
}

struct era_field_failure {
  std::size_t position;  // code points into the field
  const char* expected;
};

inline bool ascii_letter(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

inline char ascii_upper_char(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

inline bool same_romaji(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_upper_char(a[i]) != ascii_upper_char(b[i])) return false;
  return true;
}

// Whether an era may be added to `t`; `field` says which argument is wrong (0 name, 1 romaji,
// 2 letter, 3 first day). The tentative era's names are for the placeholder alone, so that a
// real era never reads as it (is_tentative compares names).
inline bool check_new_era(const era_table& t, std::string_view kanji, std::string_view romaji, char letter,
                          sys_days first_day, int& field, era_field_failure& f, bool placeholder = false) noexcept {
  field = 0;
  std::size_t n = 0;
  for (cursor in(kanji); !in.at_end(); in.advance(), ++n) {
    const char32_t c = in.peek();
    if (c == invalid_utf8 || c < 0x80 || digit_value(c) >= 0 || kanji_digit_value(c) >= 0 ||
        kanji_multiplier(c) > 0 || c == U'元' || c == U'\u3000' || c == U'（' || c == U'）')
      return f = {n, "a name of kanji (no digits, numerals, 元, spaces or brackets)"}, false;
  }
  if (n == 0 || n > 4 || kanji.size() > 12) return f = {0, "a name of one to four kanji"}, false;
  if (!placeholder && kanji == tentative_era_kanji)
    return f = {0, "a name other than 未定 (the tentative era's placeholder)"}, false;
  for (const era_info& e : t)
    if (e.kanji == kanji) return f = {0, "a name no era in force has"}, false;
  field = 1;
  if (romaji.empty() || romaji.size() > 16) return f = {0, "a romaji name of 1–16 letters"}, false;
  for (std::size_t i = 0; i < romaji.size(); ++i)
    if (!ascii_letter(romaji[i])) return f = {i, "a romaji name of ASCII letters"}, false;
  if (!placeholder && same_romaji(romaji, tentative_era_romaji))
    return f = {0, "a romaji name other than Tentative (the tentative era's placeholder)"}, false;
  for (const era_info& e : t)
    if (same_romaji(e.romaji, romaji)) return f = {0, "a romaji name no era in force has"}, false;
  field = 2;
  // F stands for FY (FY2013); a letter is upper case in the table and read in either case.
  if (!ascii_letter(letter) || ascii_upper_char(letter) == 'F')
    return f = {0, "a letter A–Z other than F"}, false;
  for (const era_info& e : t)
    if (e.letter == ascii_upper_char(letter)) return f = {0, "a letter no era in force has"}, false;
  field = 3;
  if (first_day <= t.back().first_serial) return f = {0, "a first day after the first day of the latest era"}, false;
  if (first_day > days_from_civil(max_supported_year - 1, 12, 31)) return f = {0, "a first day before 9999"}, false;
  if (t.size() >= 255) return f = {0, "room for another era (255 at most)"}, false;
  return true;
}

// What one published table owns: its era names and rows.
struct published_era_table {
  std::string kanji, romaji;
  std::unique_ptr<era_info[]> items;
  era_table table;
};

// Every table ever published stays alive to the end of the program (a reader may hold any of them),
// and stays reachable from here, so a leak checker sees kept storage rather than a leak.
inline std::vector<std::unique_ptr<published_era_table>>& published_era_tables() {
  static auto* kept = new std::vector<std::unique_ptr<published_era_table>>;  // never destroyed
  return *kept;
}

// Publishes a table of `t`'s eras and one more. The caller holds the mutex and has checked it;
// `t` may be the table in force without its tentative era, which the new era then replaces.
inline const era_table& publish_era(const era_table& t, std::string_view kanji, std::string_view romaji,
                                    char letter, sys_days first_day) {
  auto p = std::make_unique<published_era_table>();
  p->kanji = kanji;
  p->romaji = romaji;
  p->items = std::make_unique<era_info[]>(t.size() + 1);
  for (std::size_t i = 0; i < t.size(); ++i) p->items[i] = t[i];
  const civil_date c = civil_from_days(first_day);
  p->items[t.size()] = {static_cast<era>(t.size()), p->kanji, p->romaji, ascii_upper_char(letter), c, first_day, c.year};
  p->table = era_table{p->items.get(), t.size() + 1};
  const era_table* table = &published_era_tables().emplace_back(std::move(p))->table;
  current_era_table.store(table, std::memory_order_release);
  return *table;
}

// An era read from the environment, not yet published (its names point into the variable's value).
struct pending_era {
  std::string_view kanji, romaji;
  char letter;
  sys_days first_day;
};

// YYYY-MM-DD, a day that exists.
inline bool read_iso_day(std::string_view day, sys_days& out) noexcept {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (day[i] < '0' || day[i] > '9') return false;
  const int y = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
  const int m = (day[5] - '0') * 10 + (day[6] - '0');
  const int d = (day[8] - '0') * 10 + (day[9] - '0');
  const civil_date c{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
  if (!is_valid(c)) return false;
  out = days_from_civil(c);
  return true;
}

// Records a failure at `byte` (+ `extra` characters) of a variable's value.
inline bool environment_failed(environment_era_failure& failure, const char* variable, std::string_view value,
                               std::size_t byte, std::size_t extra, std::string expected) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < byte && i < value.size(); ++i) chars += (static_cast<unsigned char>(value[i]) & 0xC0) != 0x80;
  failure = {true, std::string(value), chars + extra, std::string(variable) + ": " + std::move(expected)};
  return false;
}

inline void add_trial_era(std::vector<era_info>& trial, const pending_era& p) {
  const civil_date c = civil_from_days(p.first_day);
  trial.push_back({static_cast<era>(trial.size()), p.kanji, p.romaji, ascii_upper_char(p.letter), c, p.first_day, c.year});
}

// name,romaji,letter,YYYY-MM-DD[;…] → `eras`, checked against `trial` (the table as it would grow).
inline bool read_environment_eras(std::string_view value, environment_era_failure& failure,
                                  std::vector<pending_era>& eras, std::vector<era_info>& trial) {
  std::size_t at = 0;  // byte offset of the current field
  auto fail = [&](std::size_t byte, std::size_t extra, std::string expected) {
    return environment_failed(failure, extra_eras_variable, value, byte, extra, std::move(expected));
  };
  while (at <= value.size()) {
    const std::size_t entry_end = std::min(value.find(';', at), value.size());
    const std::string_view entry = value.substr(at, entry_end - at);
    if (!trim(entry).empty()) {
      std::string_view fields[4];
      std::size_t starts[4] = {};
      std::size_t k = 0, from = 0;
      for (; k < 4; ++k) {
        const std::size_t comma = k < 3 ? entry.find(',', from) : entry.size();
        if (comma == std::string_view::npos || (k == 3 && entry.find(',', from) != std::string_view::npos))
          return fail(at + (comma == std::string_view::npos ? entry.size() : entry.find(',', from)), 0,
                      "four fields name,romaji,letter,YYYY-MM-DD for each era, eras separated by ;");
        // Spaces around a field are the writer's, not the era's.
        std::string_view field = entry.substr(from, comma - from);
        std::size_t lead = 0;
        while (lead < field.size() && field[lead] == ' ') ++lead;
        field = field.substr(lead);
        while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
        fields[k] = field, starts[k] = at + from + lead;
        from = comma + 1;
      }
      sys_days first{};
      if (!read_iso_day(fields[3], first)) return fail(starts[3], 0, "a first day YYYY-MM-DD that exists");
      if (fields[2].size() != 1) return fail(starts[2], 0, "one letter A–Z other than F");
      const era_table view{trial.data(), trial.size()};
      int field = 0;
      era_field_failure f{0, ""};
      if (!check_new_era(view, fields[0], fields[1], fields[2][0], first, field, f))
        return fail(starts[field], f.position, f.expected);
      eras.push_back({fields[0], fields[1], fields[2][0], first});
      add_trial_era(trial, eras.back());
    }
    if (entry_end >= value.size()) break;
    at = entry_end + 1;
  }
  return true;
}

// YYYY-MM-DD → the tentative era after `trial`'s eras, or nothing when an era of
// MIYAGIPLAN_EXTRA_ERAS starts that day (the real era, announced, has replaced the placeholder).
inline bool read_environment_tentative_era(std::string_view value, environment_era_failure& failure,
                                           std::vector<pending_era>& eras, std::vector<era_info>& trial) {
  const std::string_view day = trim(value);
  if (day.empty()) return true;  // set, but to nothing: as unset
  const auto lead = static_cast<std::size_t>(day.data() - value.data());
  sys_days first{};
  if (!read_iso_day(day, first))
    return environment_failed(failure, tentative_era_variable, value, lead, 0, "a first day YYYY-MM-DD that exists");
  if (!eras.empty() && eras.back().first_day == first) return true;
  const era_table view{trial.data(), trial.size()};
  int field = 0;
  era_field_failure f{0, ""};
  if (!check_new_era(view, tentative_era_kanji, tentative_era_romaji, tentative_era_letter, first, field, f, true))
    return environment_failed(failure, tentative_era_variable, value, lead, 0,
                              field == 2 ? "no era in force with the letter Q (the tentative era's)" : f.expected);
  eras.push_back({tentative_era_kanji, tentative_era_romaji, tentative_era_letter, first});
  add_trial_era(trial, eras.back());
  return true;
}

MIYAGIPLAN_FUNC const era_table& load_era_table() noexcept {
  const std::lock_guard lock(era_table_mutex());
  if (const era_table* t = current_era_table.load(std::memory_order_acquire)) return *t;
  current_era_table.store(&builtin_era_table, std::memory_order_release);
  const char* extra = std::getenv(extra_eras_variable);
  const char* tentative = std::getenv(tentative_era_variable);
  try {
    // Both variables are checked before any era is published: either all their eras, or none.
    std::vector<pending_era> eras;
    std::vector<era_info> trial(builtin_eras.begin(), builtin_eras.end());
    if (extra != nullptr && *extra != '\0' && !read_environment_eras(extra, environment_failure(), eras, trial))
      return builtin_era_table;
    if (tentative != nullptr && *tentative != '\0' &&
        !read_environment_tentative_era(tentative, environment_failure(), eras, trial))
      return builtin_era_table;
    const era_table* t = &builtin_era_table;
    for (const pending_era& p : eras) t = &publish_era(*t, p.kanji, p.romaji, p.letter, p.first_day);
  } catch (...) {  // out of memory: the built-in eras stay
    const bool has_extra = extra != nullptr && *extra != '\0';
    environment_failure() = {true, has_extra ? extra : tentative != nullptr ? tentative : "", 0,
                             std::string(has_extra ? extra_eras_variable : tentative_era_variable) + ": memory for the eras"};
  }
  return *current_era_table.load(std::memory_order_acquire);
}

// The table in force without its tentative era when `first_day` is that era's first day (an era
// for that day replaces it), else the whole table.
inline era_table table_to_add_to(const era_table& t, sys_days first_day) noexcept {
  if (t.back().kanji == tentative_era_kanji && t.back().first_serial == first_day) return {t.items, t.size() - 1};
  return t;
}

}  // namespace detail

MIYAGIPLAN_FUNC void load_extra_eras_from_environment() {
  era_list();
  const std::lock_guard lock(detail::era_table_mutex());
  const detail::environment_era_failure& f = detail::environment_failure();
  if (f.failed) throw parse_error(f.value, f.position, f.expected);
}

MIYAGIPLAN_FUNC era add_era(std::string_view kanji, std::string_view romaji, char letter, sys_days first_day) {
  era_list();  // the deployment's eras come first
  const std::lock_guard lock(detail::era_table_mutex());
  const era_table t = detail::table_to_add_to(*detail::current_era_table.load(std::memory_order_acquire), first_day);
  int field = 0;
  detail::era_field_failure f{0, ""};
  if (!detail::check_new_era(t, kanji, romaji, letter, first_day, field, f)) {
    if (field == 3) {
      // Past the placeholder's first day, say how to replace it.
      std::string hint;
      if (t.back().kanji == tentative_era_kanji)
        hint = " (the tentative era, from " + detail::day_text(t.back().first_serial) + ": an era for that day replaces it)";
      throw range_error("add_era: " + detail::day_text(first_day) + " is not " + f.expected + hint);
    }
    const std::string input = field == 0 ? std::string(kanji) : field == 1 ? std::string(romaji) : std::string(1, letter);
    throw parse_error(input, f.position, std::string(field == 0 ? "add_era name: " : field == 1 ? "add_era romaji: " : "add_era letter: ") + f.expected);
  }
  return detail::publish_era(t, kanji, romaji, letter, first_day).back().id;
}

MIYAGIPLAN_FUNC era add_tentative_era(sys_days first_day) {
  era_list();  // the deployment's eras come first
  const std::lock_guard lock(detail::era_table_mutex());
  const era_table& t = *detail::current_era_table.load(std::memory_order_acquire);
  for (const era_info& e : t) {
    if (e.kanji != tentative_era_kanji) continue;
    if (e.first_serial == first_day) return e.id;  // asked again (by the environment and the code, say)
    throw range_error("add_tentative_era: " + detail::day_text(first_day) +
                      " is not a first day while a tentative era is in force, from " + detail::day_text(e.first_serial) +
                      " (one at a time; add_era for that day replaces it)");
  }
  int field = 0;
  detail::era_field_failure f{0, ""};
  if (!detail::check_new_era(t, tentative_era_kanji, tentative_era_romaji, tentative_era_letter, first_day, field, f, true)) {
    if (field == 3) throw range_error("add_tentative_era: " + detail::day_text(first_day) + " is not " + f.expected);
    // The placeholder's names are reserved: only the letter, which real eras may take, can clash.
    throw parse_error(std::string(1, tentative_era_letter), 0,
                      "add_tentative_era letter: no era in force with Q (the tentative era's)");
  }
  return detail::publish_era(t, tentative_era_kanji, tentative_era_romaji, tentative_era_letter, first_day).back().id;
}

}  // namespace miyagiplan
