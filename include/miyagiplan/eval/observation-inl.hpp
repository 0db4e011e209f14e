// Definitions of observations and their files. Compiled once by src/observation.cpp, or inline
// when header-only.
#pragma once

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <iterator>
#include <optional>
#include <fstream>
#include <sstream>
#include <system_error>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/detail/csv.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/detail/string_index.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/model/quantity.hpp"
#include "miyagiplan/office/encoding.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"

namespace miyagiplan {
namespace detail {

// Errors of a file are gathered, then reported together: the first one's place, every message.
class problem_list {
 public:
  void add(std::string where, std::string what) {
    if (items_.size() < max_reported) items_.push_back({std::move(where), std::move(what)});
    ++count_;
  }
  bool empty() const noexcept { return count_ == 0; }
  [[noreturn]] void raise() const {
    std::string message = items_.front().what;
    for (std::size_t k = 1; k < items_.size(); ++k) message += "; " + items_[k].where + ": " + items_[k].what;
    if (count_ > items_.size()) message += "; and " + std::to_string(count_ - items_.size()) + " more";
    throw schema_error(items_.front().where, message);
  }

 private:
  static constexpr std::size_t max_reported = 20;
  std::vector<problem> items_;
  std::size_t count_ = 0;
};

// A number in base units (value_base): no unit may follow it; or a written state.
inline quantity parse_base_value(std::string_view text) { return parse_quantity(text, unit{}); }

// Checks a value (and total) of an indicator's observation: finite, within the bounds.
inline void check_values(const indicator& ind, const quantity& value, const std::optional<double>& total) {
  // NaN would pass every bounds check below (each comparison is false).
  if (value.is_number() && !std::isfinite(value.value))
    throw validation_error("indicator " + ind.id, "a value must be a finite number");
  if (total && !std::isfinite(*total))
    throw validation_error("indicator " + ind.id, "a total must be a finite number");
  if (value.is_number() && ind.bounds) {
    const double shown = value.display_value(ind.unit);
    if (shown < ind.bounds->min || shown > ind.bounds->max)
      throw validation_error("indicator " + ind.id,
                             "value " + format_quantity(value.value, ind.unit) + " is outside " +
                                 format_quantity(ind.bounds->min * ind.unit.factor(), ind.unit) + " … " +
                                 format_quantity(ind.bounds->max * ind.unit.factor(), ind.unit));
  }
  if (total && !(*total > 0)) throw validation_error("indicator " + ind.id, "a total must be above 0");
}

// An excluded figure (除外) carries its reason in the note.
inline void check_excluded(const indicator& ind, observation_status status, std::string_view note) {
  if (status == observation_status::excluded && note.empty())
    throw validation_error("indicator " + ind.id, "an excluded figure (除外) needs its reason in the note");
}

// A figure is not published before the period it reports on.
inline void check_published(const indicator& ind, const date_expression& published, const date_expression& when) {
  if (!published.empty() && !when.empty() && published.days().last < when.days().first)
    throw validation_error("indicator " + ind.id, "published " + published.text() +
                                                      " before the period it reports on (" + when.text() + ")");
}

// Checks an observation against its indicator: finite numbers within the bounds, then its status.
inline void check_observation_of(const observation& o, const indicator* ind) {
  check_values(*ind, o.value, o.total);
  check_excluded(*ind, o.status, o.note);
  if (o.published) check_published(*ind, *o.published, o.when);
}

// Checks an observation against its indicator in a plan: the id exists, then the rules above.
inline const indicator& check_observation(const observation& o, const plan& p) {
  const indicator* ind = p.find_indicator(o.indicator_id);
  if (!ind) throw validation_error("indicator " + o.indicator_id, "the plan has no indicator with this id");
  check_observation_of(o, ind);
  return *ind;
}

// Throws parse_error where a text stops being UTF-8. A NUL is a character (JSON writes \u0000).
inline void check_utf8(std::string_view text) {
  if (is_utf8(text)) return;  // the usual case, at once; the walk below finds the place
  for (cursor in(text); !in.at_end(); in.advance())
    if (in.peek() == invalid_utf8 && text[in.offset()] != '\0')
      throw parse_error(std::string(text), in.position(), "valid UTF-8 text");
}

inline observation_status default_status(const date_expression& when) {
  return when.estimate() ? observation_status::estimate : observation_status::actual;
}

}  // namespace detail

namespace detail {

// A number as the shortest text that reads back to it (2900, 58.8).
inline std::string shortest_number(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// The text of a value when no other was kept: the number in the display unit (factor), or the
// state's own text.
inline std::string plain_value_text(value_state state, double base_value, double factor, bool grouped) {
  if (state != value_state::number) return quantity::of_state(state).text;
  std::string s = shortest_number(base_value / factor);
  if (!grouped || s.find('e') != std::string::npos) return s;
  const std::size_t begin = s[0] == '-' ? 1 : 0;
  std::size_t end = s.find('.');
  if (end == std::string::npos) end = s.size();
  for (std::size_t k = end; k > begin + 3; k -= 3) s.insert(k - 3, 1, ',');
  return s;
}

// Fills an observation_set: interns ids, date texts (each distinct text is read once) and
// sources, and keeps a value's text only when it is not the number's own.
struct observation_builder {
  explicit observation_builder(observation_set& s, const plan* in = nullptr) : set(s), p(in) {}

  observation_set& set;
  const plan* p = nullptr;
  std::vector<const indicator*> plan_indicator;  // per interned id, found in p once
  // The plan's indicators by id, made at the first new id: plan::find_indicator walks the plan,
  // which a national plan of 300,000 indicators cannot afford once per id.
  std::vector<const indicator*> plan_list;
  string_index plan_index;
  // The last source and note met, and their record aside: rows of one office repeat them, and a
  // comparison costs less than hashing a long text.
  std::uint32_t last_source = 0, last_note = 0;
  std::uint64_t last_shared_key = 0;
  std::uint32_t last_shared_extra = 0;
  std::string last_status_name;
  observation_status last_status = observation_status::actual;

  auto id_key() const {
    return [this](std::uint32_t k) { return std::string_view(set.indicator_ids_[k]); };
  }
  auto date_key() const {
    return [this](std::uint32_t k) { return std::string_view(set.dates_[k].text()); };
  }
  auto string_key() const {
    return [this](std::uint32_t k) { return std::string_view(set.strings_[k]); };
  }

  const indicator* find_in_plan(std::string_view id) {
    auto key = [this](std::uint32_t k) { return std::string_view(plan_list[k]->id); };
    if (plan_list.empty()) {
      plan_list = p->indicators();
      for (std::uint32_t k = 0; k < plan_list.size(); ++k)  // the first of an id, as find_indicator
        if (plan_index.find(plan_list[k]->id, key) == string_index::none) plan_index.insert(plan_list[k]->id, k, key);
    }
    const std::uint32_t k = plan_index.find(id, key);
    return k == string_index::none ? nullptr : plan_list[k];
  }

  using record = observation_set::record;
  using extra = observation_set::extra;

  // The interned id and the plan's indicator; validation_error when the plan has none.
  std::pair<std::uint32_t, const indicator*> indicator_of(std::string_view id) {
    if (const std::uint32_t k = set.indicator_index_.find(id, id_key()); k != string_index::none) {
      if (k >= plan_indicator.size()) plan_indicator.resize(k + 1, nullptr);
      if (plan_indicator[k]) return {k, plan_indicator[k]};
    }
    const indicator* ind = find_in_plan(id);
    if (!ind) throw validation_error("", "no indicator \"" + std::string(id) + "\" in plan " + p->id);
    const std::uint32_t k = intern_indicator(id, ind->unit.factor());
    if (k >= plan_indicator.size()) plan_indicator.resize(k + 1, nullptr);
    plan_indicator[k] = ind;
    return {k, ind};
  }
  std::uint32_t intern_indicator(std::string_view id, double factor) {
    if (const std::uint32_t k = set.indicator_index_.find(id, id_key()); k != string_index::none) return k;
    const auto k = static_cast<std::uint32_t>(set.indicator_ids_.size());
    set.indicator_ids_.emplace_back(id);
    set.unit_factors_.push_back(factor);
    set.may_have_decimals_.push_back(0);
    set.positions_.emplace_back();
    set.indicator_index_.insert(id, k, id_key());
    return k;
  }
  // The date a text reads as; parse_error as parse_date throws.
  std::uint32_t date(std::string_view text) {
    if (const std::uint32_t k = set.date_index_.find(text, date_key()); k != string_index::none) return k;
    const auto k = static_cast<std::uint32_t>(set.dates_.size());
    set.dates_.push_back(parse_date(text));
    set.date_index_.insert(text, k, date_key());
    return k;
  }
  // A date built in code may carry a text that reads otherwise: it is kept apart then.
  std::uint32_t date(const date_expression& e) {
    const std::uint32_t found = set.date_index_.find(e.text(), date_key());
    if (found != string_index::none && set.dates_[found] == e) return found;
    const auto k = static_cast<std::uint32_t>(set.dates_.size());
    set.dates_.push_back(e);
    if (found == string_index::none) set.date_index_.insert(e.text(), k, date_key());
    return k;
  }
  const date_expression& date_at(std::uint32_t k) const { return set.dates_[k]; }
  // `last` remembers the string found the time before, for texts that repeat row after row.
  std::uint32_t shared_string(std::string_view s, std::uint32_t& last) {
    if (s.empty()) return 0;
    if (last && set.strings_[last] == s) return last;
    if (const std::uint32_t k = set.string_index_.find(s, string_key()); k != string_index::none) return last = k;
    const auto k = static_cast<std::uint32_t>(set.strings_.size());
    set.strings_.emplace_back(s);
    set.string_index_.insert(s, k, string_key());
    return last = k;
  }
  // A status by name; the name of the row before is remembered, for it is most often the same.
  observation_status status(std::string_view name) {
    if (name != last_status_name) {
      last_status = enum_from_string<observation_status>(name);
      last_status_name = name;
    }
    return last_status;
  }
  // Whether a value's text is the one plain_value_text writes, without writing a string for the
  // usual case (a number without separators).
  bool plain_text(const quantity& value, std::uint32_t ind, bool grouped) const {
    if (value.state != value_state::number || grouped)
      return value.text == plain_value_text(value.state, value.value, set.unit_factors_[ind], grouped);
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value.value / set.unit_factors_[ind]);
    return std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)) == value.text;
  }
  // Whether a record's value text may have digits after a point: a text kept aside, or a number
  // not whole; states and whole numbers are written without one.
  static bool may_have_decimals(const observation_set& s, const record& r) {
    if (r.extra && s.extras_[r.extra - 1].value_text) return true;
    if (static_cast<value_state>(r.flags & observation_set::state_mask) != value_state::number) return false;
    const double shown = r.value / s.unit_factors_[r.indicator];
    return !(std::abs(shown) < 1e15 && shown == std::trunc(shown));
  }
  // `published`: the interned date the figure was published on, when known.
  void append(std::uint32_t ind, std::uint32_t when, const quantity& value, observation_status status,
              const std::optional<double>& total, std::string_view source, std::string_view note,
              std::optional<std::uint32_t> published = std::nullopt) {
    record r;
    r.value = value.value;
    r.indicator = ind;
    r.date = when;
    // The text of most values is their number, with or without separators: then none is kept.
    const bool grouped = value.text.find(',') != std::string::npos;
    r.flags = static_cast<std::uint16_t>(static_cast<unsigned>(value.state) |
                                         (static_cast<unsigned>(status) << observation_set::status_shift) |
                                         (value.note_mark ? observation_set::note_mark_flag : 0u) |
                                         (total ? observation_set::total_flag : 0u) |
                                         (grouped ? observation_set::grouped_flag : 0u));
    extra x;
    bool kept = false;
    if (total) x.total = *total, kept = true;
    if (published) x.published = *published + 1, kept = true;
    if (!plain_text(value, ind, grouped)) {
      x.value_text = static_cast<std::uint32_t>(set.strings_.size());
      set.strings_.push_back(value.text);
      kept = true;
    }
    x.source = shared_string(source, last_source);
    x.note = shared_string(note, last_note);
    if (!kept && (x.source || x.note)) {
      // Rows of one office share their source and note: one record aside serves them all.
      const std::uint64_t key = (std::uint64_t{x.source} << 32) | x.note;
      if (!last_shared_extra || key != last_shared_key) {
        const auto [it, fresh] = set.shared_extras_.try_emplace(key, 0);
        if (fresh) {
          set.extras_.push_back(x);
          it->second = static_cast<std::uint32_t>(set.extras_.size());
        }
        last_shared_key = key, last_shared_extra = it->second;
      }
      r.extra = last_shared_extra;
    } else if (kept) {
      set.extras_.push_back(x);
      r.extra = static_cast<std::uint32_t>(set.extras_.size());
    }
    if (!set.may_have_decimals_[ind] && may_have_decimals(set, r)) set.may_have_decimals_[ind] = 1;
    set.positions_[ind].push_back(static_cast<std::uint32_t>(set.records_.size()));
    set.records_.push_back(r);
  }
};

}  // namespace detail

MIYAGIPLAN_FUNC void observation_set::check(const observation& o, const indicator& ind) {
  if (o.indicator_id != ind.id)
    throw validation_error("indicator " + ind.id, "the observation is of indicator " + o.indicator_id);
  detail::check_observation_of(o, &ind);
}

MIYAGIPLAN_FUNC void observation_set::add(observation o, const plan* p) {
  double factor = 1;
  if (p) factor = detail::check_observation(o, *p).unit.factor();
  detail::observation_builder b(*this);
  const std::uint32_t ind = b.intern_indicator(o.indicator_id, factor);
  const std::uint32_t when = b.date(o.when);
  std::optional<std::uint32_t> published;
  if (o.published) published = b.date(*o.published);
  b.append(ind, when, o.value, o.status, o.total, o.source, o.note, published);
}

MIYAGIPLAN_FUNC observation observation_set::at(std::size_t k) const {
  const record& r = records_.at(k);
  const extra* x = r.extra ? &extras_[r.extra - 1] : nullptr;
  observation o;
  o.indicator_id = indicator_ids_[r.indicator];
  o.when = dates_[r.date];
  o.value.state = static_cast<value_state>(r.flags & state_mask);
  o.value.value = r.value;
  o.value.note_mark = (r.flags & note_mark_flag) != 0;
  o.value.text = value_text_of(k);
  o.status = static_cast<observation_status>((r.flags & status_mask) >> status_shift);
  if (r.flags & total_flag) o.total = x->total;
  if (x) o.source = strings_[x->source], o.note = strings_[x->note];
  if (x && x->published) o.published = dates_[x->published - 1];
  return o;
}

MIYAGIPLAN_FUNC std::string observation_set::value_text_of(std::size_t k) const {
  const record& r = records_.at(k);
  if (r.extra && extras_[r.extra - 1].value_text) return strings_[extras_[r.extra - 1].value_text];
  return detail::plain_value_text(static_cast<value_state>(r.flags & state_mask), r.value, unit_factors_[r.indicator],
                                  (r.flags & grouped_flag) != 0);
}

MIYAGIPLAN_FUNC std::vector<observation> observation_set::items() const {
  std::vector<observation> out;
  out.reserve(size());
  for (std::size_t k = 0; k < size(); ++k) out.push_back(at(k));
  return out;
}

MIYAGIPLAN_FUNC observation_point observation_set::point_of(std::size_t k) const {
  const record& r = records_[k];
  const extra* x = r.extra ? &extras_[r.extra - 1] : nullptr;
  const auto status = static_cast<observation_status>((r.flags & status_mask) >> status_shift);
  const bool early = status == observation_status::estimate || status == observation_status::provisional;
  const sys_days published = x && x->published && !dates_[x->published - 1].empty()
                                 ? dates_[x->published - 1].days().last
                                 : sys_days::min();
  return {dates_[r.date].days(),
          r.value,
          (r.flags & total_flag) ? x->total : 0,
          static_cast<value_state>(r.flags & state_mask),
          early,
          status == observation_status::excluded,
          published,
          static_cast<std::uint32_t>(k)};
}

MIYAGIPLAN_FUNC const std::vector<std::uint32_t>& observation_set::positions_of(std::string_view indicator_id) const {
  static const std::vector<std::uint32_t> none;
  const std::uint32_t k =
      indicator_index_.find(indicator_id, [this](std::uint32_t n) { return std::string_view(indicator_ids_[n]); });
  return k == detail::string_index::none ? none : positions_[k];
}

MIYAGIPLAN_FUNC bool operator==(const observation_set& a, const observation_set& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a.at(k) != b.at(k)) return false;
  return true;
}

namespace detail {
// Date order; at the same date a final figure comes after an estimate, so it wins.
inline void sort_by_date(std::vector<observation_point>& points) {
  std::stable_sort(points.begin(), points.end(), [](const observation_point& a, const observation_point& b) {
    return a.days.last != b.days.last ? a.days.last < b.days.last : a.estimate > b.estimate;
  });
}
}  // namespace detail

namespace detail {
// An indicator's records lie far apart in a big set (rows of all indicators interleave): asking
// for those a few steps ahead hides the wait for memory, measurably faster over millions.
constexpr std::size_t prefetch_distance = 16;
}  // namespace detail

MIYAGIPLAN_FUNC std::vector<observation_point> observation_set::points_for(std::string_view indicator_id) const {
  const std::vector<std::uint32_t>& positions = positions_of(indicator_id);
  std::vector<observation_point> out;
  out.reserve(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (i + detail::prefetch_distance < positions.size())
      __builtin_prefetch(&records_[positions[i + detail::prefetch_distance]]);
    out.push_back(point_of(positions[i]));
  }
  detail::sort_by_date(out);
  return out;
}

MIYAGIPLAN_FUNC int observation_set::most_decimals(std::string_view indicator_id,
                                                   int (*decimals)(std::string_view)) const {
  const std::uint32_t k =
      indicator_index_.find(indicator_id, [this](std::uint32_t n) { return std::string_view(indicator_ids_[n]); });
  // Most indicators have whole numbers only, known while loading: their records are not read again.
  if (k == detail::string_index::none || !may_have_decimals_[k]) return 0;
  const std::vector<std::uint32_t>& positions = positions_[k];
  int most = 0;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (i + detail::prefetch_distance < positions.size())
      __builtin_prefetch(&records_[positions[i + detail::prefetch_distance]]);
    if (detail::observation_builder::may_have_decimals(*this, records_[positions[i]]))
      most = std::max(most, decimals(value_text_of(positions[i])));
  }
  return most;
}

MIYAGIPLAN_FUNC std::unordered_map<std::string_view, std::vector<observation_point>>
observation_set::points_by_indicator() const {
  std::unordered_map<std::string_view, std::vector<observation_point>> out;
  for (std::size_t i = 0; i < indicator_ids_.size(); ++i) {
    if (positions_[i].empty()) continue;
    std::vector<observation_point>& points = out[indicator_ids_[i]];
    points.reserve(positions_[i].size());
    for (const std::uint32_t k : positions_[i]) points.push_back(point_of(k));
    detail::sort_by_date(points);
  }
  return out;
}

namespace detail {

// The columns of an actuals table (CSV or a sheet), found by name in its header row.
struct actuals_layout {
  enum { indicator_col, date_col, value_col, value_base_col, status_col, total_col, source_col, note_col, published_col };
  static constexpr std::size_t count = actuals_column_names.size();
  std::size_t column_of[count];
  bool base_units = false;
};

inline std::size_t actuals_column_index(std::string_view name) noexcept {
  for (std::size_t k = 0; k < actuals_column_names.size(); ++k) {
    if (actuals_column_names[k].name == name) return k;
    for (const std::string_view j : actuals_column_names[k].japanese)
      if (!j.empty() && j == name) return k;
  }
  return SIZE_MAX;
}

// `names` are the header's cells; where_of(c) names the place of cell c, `header_where` the row.
template <class WhereOf>
actuals_layout read_actuals_header(const std::vector<std::string_view>& names, WhereOf where_of,
                                   const std::string& header_where, problem_list& problems) {
  actuals_layout layout;
  std::fill(std::begin(layout.column_of), std::end(layout.column_of), SIZE_MAX);
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string_view name = trim(names[c]);
    const std::size_t k = actuals_column_index(name);
    if (k == SIZE_MAX)
      problems.add(where_of(c), "unknown column \"" + std::string(name) +
                                    "\" (known: indicator, date, value, value_base, status, total, source, note, "
                                    "published; or 指標ID, 時点, 実績値, 基本単位の値, 区分, 全体, 出典, 備考, 公表日 and "
                                    "their aliases)");
    else if (layout.column_of[k] != SIZE_MAX)
      problems.add(where_of(c), "column \"" + std::string(name) + "\" given twice");
    else
      layout.column_of[k] = c;
  }
  using L = actuals_layout;
  if (layout.column_of[L::indicator_col] == SIZE_MAX) problems.add(header_where, "missing column \"indicator\" (指標ID)");
  if (layout.column_of[L::date_col] == SIZE_MAX) problems.add(header_where, "missing column \"date\" (時点)");
  if ((layout.column_of[L::value_col] == SIZE_MAX) == (layout.column_of[L::value_base_col] == SIZE_MAX))
    problems.add(header_where, "expected exactly one of the columns \"value\" (display unit) and \"value_base\" (base unit)");
  layout.base_units = layout.column_of[L::value_base_col] != SIZE_MAX;
  return layout;
}

// Reads one row. text(k) is the text of known column k (nullptr: the table has no such column),
// where(k) its place. A good observation is appended to `out`; a bad one goes to `problems`.
// `decoded`: the texts come from a decoder that refused whatever is not UTF-8.
template <class Text, class Where>
void read_actuals_row(const actuals_layout& layout, Text text, Where where, problem_list& problems,
                      observation_builder& out, bool decoded = false) {
  using L = actuals_layout;
  const bool base_units = layout.base_units;
  int current = L::indicator_col;
  try {
    const auto [id, ind] = out.indicator_of(trim(*text(L::indicator_col)));
    current = L::date_col;
    const std::uint32_t when = out.date(trim(*text(L::date_col)));
    current = base_units ? L::value_base_col : L::value_col;
    const std::string_view value_text = *text(current);
    const quantity value = base_units ? parse_base_value(value_text) : parse_actual(value_text, ind->unit);
    current = L::status_col;
    const std::string_view* status = text(current);
    const observation_status st = status && !trim(*status).empty() ? out.status(trim(*status))
                                                                    : default_status(out.date_at(when));
    current = L::total_col;
    std::optional<double> total;
    if (const std::string_view* t_text = text(current); t_text && !trim(*t_text).empty()) {
      const quantity t = base_units ? parse_base_value(*t_text) : parse_actual(*t_text, ind->unit);
      if (!t.is_number()) throw parse_error(std::string(*t_text), 0, "a number");
      total = t.value;
    }
    // Every text of a set must be writable as JSON too.
    current = L::source_col;
    std::string_view source, note;
    if (const std::string_view* x = text(current)) source = *x;
    if (!decoded) check_utf8(source);
    current = L::note_col;
    if (const std::string_view* x = text(current)) note = *x;
    if (!decoded) check_utf8(note);
    check_excluded(*ind, st, note);
    current = L::published_col;
    std::optional<std::uint32_t> published;
    if (const std::string_view* x = text(current); x && !trim(*x).empty()) {
      published = out.date(trim(*x));
      check_published(*ind, out.date_at(*published), out.date_at(when));
    }
    current = base_units ? L::value_base_col : L::value_col;
    check_values(*ind, value, total);
    out.append(id, when, value, st, total, source, note, published);
  } catch (const validation_error& e) {
    const std::string what = e.what();
    problems.add(where(current), what.substr(what.find(": ") + 2));
  } catch (const error& e) {
    problems.add(where(current), e.what());
  }
}

// Actuals CSV read as it comes: `more(buffer)` appends text to buffer and says whether that was
// the last of it. Only the unread part of a row waits in the buffer.
template <class More>
observation_set read_actuals_csv(std::string_view whole, bool streamed, More more, const plan& p,
                                 std::string_view file_name) {
  const std::string file(file_name);
  auto at = [&](const csv_field& f) {
    return file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  };
  std::string buffer;
  bool final = true;
  std::string_view text = whole;
  if (streamed) {
    final = more(buffer);
    if (buffer.starts_with("\xEF\xBB\xBF")) buffer.erase(0, 3);
    text = buffer;
  }
  csv_reader reader(text, final);
  std::string syntax;
  auto next = [&](csv_row& row) {
    for (;;) {
      if (reader.next(row, syntax)) return true;
      if (!reader.needs_more()) return false;
      buffer.erase(0, reader.consumed());
      final = more(buffer);
      text = buffer;
      reader.refill(text, final);
    }
  };
  csv_row header, row;
  if (!next(header))
    throw schema_error(file + ":1:1", syntax.empty() ? "expected a header row: indicator,date,value" : "expected " + syntax);

  problem_list problems;
  std::vector<std::string_view> names;
  for (const csv_field& f : header) names.push_back(f.text);
  const actuals_layout layout = read_actuals_header(
      names, [&](std::size_t c) { return at(header[c]); }, file + ":1:1", problems);
  if (!problems.empty()) problems.raise();

  observation_set out;
  observation_builder builder(out, &p);
  std::string_view texts[actuals_layout::count];
  while (next(row)) {
    const csv_field& first = row.front();
    if (row.size() != header.size()) {
      problems.add(at(first), "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(row.size()));
      continue;
    }
    for (std::size_t k = 0; k < actuals_layout::count; ++k)
      if (layout.column_of[k] != SIZE_MAX) texts[k] = row[layout.column_of[k]].text;
    read_actuals_row(
        layout,
        [&](int k) -> const std::string_view* {
          return layout.column_of[k] == SIZE_MAX ? nullptr : &texts[k];
        },
        [&](int k) { return at(row[layout.column_of[k] == SIZE_MAX ? 0 : layout.column_of[k]]); }, problems,
        builder, streamed);
  }
  if (!syntax.empty()) problems.add(file, "expected " + syntax);
  if (!problems.empty()) problems.raise();
  return out;
}

}  // namespace detail

MIYAGIPLAN_FUNC observation_set observation_set::from_csv(std::string_view text, const plan& p,
                                                          std::string_view file_name) {
  return detail::read_actuals_csv(text, false, [](std::string&) { return true; }, p, file_name);
}

MIYAGIPLAN_FUNC observation_set observation_set::from_csv(std::istream& in, const plan& p, std::string_view file_name,
                                                          office::text_encoding encoding) {
  office::utf8_decoder decoder(encoding, std::string(file_name));
  std::string chunk(std::size_t{1} << 20, '\0');
  auto more = [&](std::string& buffer) {
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const auto n = static_cast<std::size_t>(in.gcount());
      if (in.bad()) throw io_error("cannot read " + std::string(file_name));
      if (n == 0) break;
      decoder.feed(std::string_view(chunk.data(), n), buffer);
      if (in) return false;  // more may come
    }
    decoder.finish(buffer);
    return true;
  };
  return detail::read_actuals_csv({}, true, more, p, file_name);
}

namespace detail {

// The text of a cell of an actuals sheet, as a CSV cell would hold it. A date cell is its day
// (2012-03-31); a number in the date column that is not formatted as a date is refused.
inline std::string actuals_cell_text(const office::cell& c, bool date_column, bool date1904) {
  switch (c.type) {
    case office::cell_type::empty:
      if (c.formula) throw schema_error("", "a formula without a saved value (open and save the file in Excel)");
      return {};
    case office::cell_type::text:
      return c.text;
    case office::cell_type::number:
      if (date_column) {
        if (!c.date_format)
          throw schema_error("", "a number in the date column that is not formatted as a date (" +
                                     shortest_number(c.number) + "): format it as a date, or write the date as text");
        const auto ymd = std::chrono::year_month_day(office::excel_serial_to_days(c.number, date1904));
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        return buf;
      }
      return shortest_number(c.number);
    case office::cell_type::boolean:
      throw schema_error("", std::string("a TRUE/FALSE cell where text or a number belongs"));
    case office::cell_type::error:
      throw schema_error("", "an error value (" + c.text + ")");
  }
  return {};
}

}  // namespace detail

MIYAGIPLAN_FUNC observation_set observation_set::from_xlsx(const std::filesystem::path& path, const plan& p,
                                                           std::string_view sheet) {
  using namespace detail;
  const office::xlsx_reader book = office::xlsx_reader::open(path);
  const auto& sheets = book.sheet_names();
  if (sheets.empty()) throw schema_error(path.string(), "the workbook has no sheet");
  const std::string sheet_name = sheet.empty() ? sheets.front() : std::string(sheet);
  const std::string prefix = path.string() + "!" + sheet_name + "!";
  problem_list problems;
  for (const office::cell_range& r : book.merged_cells(sheet_name))
    problems.add(prefix + r.a1(), "merged cells: an actuals sheet holds one value a cell (unmerge them)");
  if (!problems.empty()) problems.raise();

  actuals_layout layout;
  bool have_header = false;
  std::vector<std::uint32_t> header_columns;  // the sheet column of each header cell
  observation_set out;
  observation_builder builder(out, &p);
  const bool date1904 = book.date1904();
  book.read_sheet(sheet_name, [&](const office::xlsx_row& row) {
    if (!have_header) {
      have_header = true;
      std::vector<std::string> owned;
      for (const office::cell& c : row.cells) {
        if (c.type == office::cell_type::empty) continue;
        if (c.type != office::cell_type::text) {
          problems.add(prefix + c.a1(), "a header cell must be text (a column name)");
          continue;
        }
        owned.push_back(c.text);
        header_columns.push_back(c.ref.column);
      }
      if (row.number != 1 || owned.empty()) {
        problems.add(prefix + "A1", "an empty header row: row 1 must name the columns (indicator, date, value … or "
                                    "指標ID, 時点, 実績値 …)");
        problems.raise();
      }
      const std::vector<std::string_view> names(owned.begin(), owned.end());
      layout = read_actuals_header(
          names, [&](std::size_t c) { return prefix + office::cell_ref{1, header_columns[c]}.a1(); }, prefix + "A1",
          problems);
      if (!problems.empty()) problems.raise();
      return;
    }
    // The cells of the known columns, as text.
    std::string texts[actuals_layout::count];
    bool any = false;
    bool bad = false;
    std::size_t k_cell = 0;
    for (std::size_t k = 0; k < actuals_layout::count; ++k) {
      if (layout.column_of[k] == SIZE_MAX) continue;
      const std::uint32_t column = header_columns[layout.column_of[k]];
      for (k_cell = 0; k_cell < row.cells.size() && row.cells[k_cell].ref.column != column; ++k_cell) {
      }
      if (k_cell == row.cells.size()) continue;
      const office::cell& c = row.cells[k_cell];
      try {
        texts[k] = actuals_cell_text(c, k == actuals_layout::date_col || k == actuals_layout::published_col, date1904);
      } catch (const error& e) {
        problems.add(prefix + c.a1(), e.what());
        bad = true;
      }
      if (!trim(texts[k]).empty() || c.formula) any = true;
    }
    if (!any || bad) return;  // an empty row, or one already reported
    std::string_view views[actuals_layout::count];
    for (std::size_t k = 0; k < actuals_layout::count; ++k) views[k] = texts[k];
    read_actuals_row(
        layout,
        [&](int k) -> const std::string_view* { return layout.column_of[k] == SIZE_MAX ? nullptr : &views[k]; },
        [&](int k) {
          const std::uint32_t column = layout.column_of[k] == SIZE_MAX ? 1 : header_columns[layout.column_of[k]];
          return prefix + office::cell_ref{row.number, column}.a1();
        },
        problems, builder);
  });
  if (!have_header)
    problems.add(prefix + "A1", "an empty sheet: row 1 must name the columns (indicator, date, value … or 指標ID, 時点, 実績値 …)");
  if (!problems.empty()) problems.raise();
  return out;
}

namespace detail {

// One element of "observations", read as from_json always read it; errors carry the JSON
// pointer inside the element.
inline void read_json_observation(const ordered_json& item, const plan& p, observation_builder& builder) {
  object_reader r(item, "");
  observation o;
  r.required("indicator", o.indicator_id);
  const indicator* ind = builder.find_in_plan(o.indicator_id);
  if (!ind) throw schema_error("/indicator", "no indicator \"" + o.indicator_id + "\" in plan " + p.id);
  // The date is read without the spaces around it, as a CSV cell is: the same set reads the
  // same from either file.
  std::string date_text;
  r.required("date", date_text);
  std::uint32_t when = 0;
  try {
    when = builder.date(trim(date_text));
  } catch (const parse_error& e) {
    throw schema_error("/date", e.what());
  }
  o.when = builder.date_at(when);
  // A value is a number or text in the display unit, or value_base in the base unit.
  const bool base = item.contains("value_base");
  if (base == item.contains("value"))
    throw schema_error("", "expected exactly one of \"value\" (display unit) and \"value_base\" (base unit)");
  const char* key = base ? "value_base" : "value";
  const ordered_json& v = r.raw(key);
  auto read_quantity = [&](const ordered_json& x) {
    if (x.is_number()) {
      double d = 0;
      read_value(x, d);
      if (!std::isfinite(d * ind->unit.factor()))  // 1e301 億円 is past the largest double
        throw schema_error("", "a number too large for " + ind->unit.symbol + " in " + ind->unit.base);
      return base ? quantity{value_state::number, d, x.dump(), false} : quantity::of(d * ind->unit.factor(), ind->unit);
    }
    return read_text(x, [&](const std::string& s) { return base ? parse_base_value(s) : parse_actual(s, ind->unit); });
  };
  o.value = reading_at(pointer_step(key), [&] { return read_quantity(v); });
  std::optional<std::string> status;
  r.optional("status", status);
  o.status = default_status(o.when);
  if (status) {
    try {
      o.status = enum_from_string<observation_status>(*status);
    } catch (const parse_error& e) {
      throw schema_error("/status", e.what());
    }
  }
  if (item.contains("total")) {
    const quantity t = reading_at("/total", [&] { return read_quantity(r.raw("total")); });
    if (!t.is_number()) throw schema_error("/total", "expected a number");
    o.total = t.value;
  }
  std::optional<std::string> source, note;
  r.optional("source", source);
  r.optional("note", note);
  o.source = source.value_or("");
  o.note = note.value_or("");
  std::optional<std::string> published;
  r.optional("published", published);
  std::optional<std::uint32_t> published_date;
  if (published && !trim(*published).empty()) {
    try {
      published_date = builder.date(trim(*published));
    } catch (const parse_error& e) {
      throw schema_error("/published", e.what());
    }
    o.published = builder.date_at(*published_date);
  }
  r.done();
  try {
    check_observation_of(o, ind);
  } catch (const validation_error& e) {
    const std::string what = e.what();
    throw schema_error(pointer_step(key), what.substr(what.find(": ") + 2));
  }
  const std::uint32_t id = builder.intern_indicator(o.indicator_id, ind->unit.factor());
  builder.append(id, when, o.value, o.status, o.total, o.source, o.note, published_date);
}

// JSON bytes for nlohmann's parser: a whole text, or chunks from `more(buffer)` (which appends
// and says whether that was the last), knowing the line and column of the bytes just read, so
// that errors name them as parse_json does though the text before is gone. The chunk before the
// current one is kept: the parser may have read a byte past the one it reports.
class json_chunks {
 public:
  explicit json_chunks(std::string_view whole) : current_(whole), final_(true) {}
  explicit json_chunks(std::function<bool(std::string&)> more) : more_(std::move(more)) { fill(); }
  json_chunks(const json_chunks&) = delete;
  json_chunks& operator=(const json_chunks&) = delete;

  // An input iterator over the bytes, as nlohmann's iterator adapter reads them.
  struct iterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    json_chunks* in = nullptr;  // null: the end
    reference operator*() const { return in->current_[in->i_]; }
    iterator& operator++() {
      in->step();
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      in->step();
      return before;
    }
    bool done() const { return !in || in->at_end(); }
    friend bool operator==(const iterator& a, const iterator& b) { return a.done() == b.done(); }
  };
  iterator begin() { return {this}; }
  iterator end() { return {}; }

  // The bytes read so far.
  std::size_t consumed() const noexcept { return read_before_ + previous_.size() + i_; }
  // "line 3, column 7" of a byte offset among the last ones read.
  std::string where(std::size_t offset) const {
    const std::size_t current_start = read_before_ + previous_.size();
    line_column at = current_start_;
    if (offset >= current_start) {
      at.advance(current_.substr(0, offset - current_start));
    } else if (offset >= read_before_) {
      at = previous_start_;
      at.advance(previous_.substr(0, offset - read_before_));
    }
    return at.text();
  }

 private:
  bool at_end() const noexcept { return i_ == current_.size() && final_; }
  void step() {
    if (++i_ == current_.size()) fill();
  }
  void fill() {
    while (i_ == current_.size() && !final_) {
      // The chunk read becomes the previous one; the other buffer takes the next.
      read_before_ += previous_.size();
      previous_start_ = current_start_;
      current_start_.advance(current_);
      previous_ = current_;
      which_ ^= 1;
      buffers_[which_].clear();
      final_ = more_(buffers_[which_]);
      current_ = buffers_[which_];
      i_ = 0;
    }
  }

  std::function<bool(std::string&)> more_;
  std::string buffers_[2];
  int which_ = 0;
  std::string_view previous_, current_;
  std::size_t i_ = 0;
  bool final_ = false;
  std::size_t read_before_ = 0;  // the bytes before previous_
  line_column previous_start_, current_start_;
};

// Builds, from nlohmann's SAX events, what from_json needs and no more: the top object with each
// big value (the observations, an unknown field's value) replaced by an empty one of its type,
// so that the same checks as before name the same errors; and each element of "observations"
// as a small document of its own, handed to read_json_observation and then dropped. The first
// error of an element is kept and raised after the document proved well-formed, and a
// problem of the top object first, as when the whole document was read before its elements.
class observations_sax final : public nlohmann::json_sax<ordered_json> {
 public:
  observations_sax(const plan& p, const json_chunks& in) : p_(p), in_(in) { restart(); }

  // After the parse: the set, or the first error as from_json always raised it.
  observation_set result() {
    if (syntax_) std::rethrow_exception(syntax_);
    object_reader top(top_, "Observations");
    const ordered_json& list = top.raw("observations");
    top.done();
    if (!list.is_array()) throw schema_error("/observations", std::string("expected an array, found ") + json_type_name(list));
    if (element_error_) std::rethrow_exception(element_error_);
    return std::move(out_);
  }

  bool null() override { return value(nullptr); }
  bool boolean(bool b) override { return value(b); }
  bool number_integer(number_integer_t n) override { return value(n); }
  bool number_unsigned(number_unsigned_t n) override { return value(n); }
  bool number_float(number_float_t x, const string_t&) override { return value(x); }
  bool string(string_t& s) override { return value(std::move(s)); }
  bool binary(binary_t&) override { return value(nullptr); }  // JSON text has none
  bool start_object(std::size_t) override { return open(ordered_json::object()); }
  bool start_array(std::size_t) override { return open(ordered_json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (levels_.back() == level::top) key_ = k;
    else if (levels_.back() == level::element) slot_ = &(*open_.back())[k];  // a repeated key: the last wins, as parse
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& e) override {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, …: …", or for a number too large
    // for a double "[json.exception.out_of_range.406] number overflow parsing '1e400'".
    const bool syntax = dynamic_cast<const nlohmann::json::parse_error*>(&e) != nullptr;
    if (const auto cut = what.find(syntax ? ": " : "] "); cut != std::string::npos) what = what.substr(cut + 2);
    syntax_ = std::make_exception_ptr(
        schema_error(in_.where(position == 0 ? 0 : position - 1), "invalid JSON: " + shortened(what)));
    return false;
  }

 private:
  enum class level : std::uint8_t { top, observations, element, skipped };

  void restart() {
    out_ = observation_set();
    builder_.emplace(out_, &p_);
    element_error_ = nullptr;
    count_ = 0;
  }
  // Where a value goes: the top object, a new element, the element being built, or nowhere.
  ordered_json* place() {
    if (levels_.empty()) return &top_;
    switch (levels_.back()) {
      case level::top: return &top_[key_];
      case level::observations: element_ = nullptr; return &element_;
      case level::element:
        if (open_.back()->is_array()) {
          open_.back()->push_back(nullptr);
          return &open_.back()->back();
        }
        return slot_;
      case level::skipped: return nullptr;
    }
    return nullptr;
  }
  template <class Value>
  bool value(Value&& v) {
    ordered_json* target = place();
    if (target) *target = ordered_json(std::forward<Value>(v));
    if (!levels_.empty() && levels_.back() == level::observations) element_done();
    return true;
  }
  bool open(ordered_json empty) {
    if (levels_.size() + 1 > static_cast<std::size_t>(max_json_depth)) {
      // The bracket just read opens one level too many.
      syntax_ = std::make_exception_ptr(schema_error(
          in_.where(in_.consumed() - 1), "nesting deeper than " + std::to_string(max_json_depth) + " levels"));
      return false;
    }
    const level parent = levels_.empty() ? level::skipped : levels_.back();
    ordered_json* target = place();
    if (target) *target = std::move(empty);
    if (levels_.empty()) {
      levels_.push_back(top_.is_object() ? level::top : level::skipped);
    } else if (parent == level::top && key_ == "observations" && target->is_array()) {
      levels_.push_back(level::observations);
      restart();  // a repeated "observations": the last wins, as parse
    } else if (parent == level::observations || parent == level::element) {
      open_.push_back(target);
      levels_.push_back(level::element);
    } else {
      levels_.push_back(level::skipped);
    }
    return true;
  }
  bool close() {
    const level closed = levels_.back();
    levels_.pop_back();
    if (closed == level::element) {
      open_.pop_back();
      if (open_.empty()) element_done();
    }
    return true;
  }
  void element_done() {
    const std::size_t k = count_++;
    if (element_error_) return;  // as before, the first bad element is the one reported
    try {
      reading_at("/observations/" + std::to_string(k), [&] { read_json_observation(element_, p_, *builder_); });
    } catch (...) {
      element_error_ = std::current_exception();
    }
  }

  const plan& p_;
  const json_chunks& in_;
  ordered_json top_;
  std::string key_;
  std::vector<level> levels_;
  ordered_json element_;
  std::vector<ordered_json*> open_;  // the element's open containers
  ordered_json* slot_ = nullptr;      // the place of an element's object's next value
  observation_set out_;
  std::optional<observation_builder> builder_;
  std::exception_ptr element_error_, syntax_;
  std::size_t count_ = 0;
};

}  // namespace detail

namespace detail {
inline observation_set read_actuals_json(json_chunks& in, const plan& p, std::string_view file_name) {
  try {
    observations_sax sax(p, in);
    ordered_json::sax_parse(in.begin(), in.end(), &sax);
    return sax.result();
  } catch (const schema_error& e) {
    throw schema_error(std::string(file_name) + ":" + e.where(), e.message());
  }
}
}  // namespace detail

MIYAGIPLAN_FUNC observation_set observation_set::from_json(std::string_view text, const plan& p,
                                                           std::string_view file_name) {
  detail::json_chunks in(text);
  return detail::read_actuals_json(in, p, file_name);
}

MIYAGIPLAN_FUNC observation_set observation_set::from_json(std::istream& in, const plan& p, std::string_view file_name) {
  detail::json_chunks chunks([&](std::string& buffer) {
    buffer.resize(std::size_t{1} << 20);
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.bad()) throw io_error("cannot read " + std::string(file_name));
    buffer.resize(static_cast<std::size_t>(in.gcount()));
    return !in;
  });
  return detail::read_actuals_json(chunks, p, file_name);
}

MIYAGIPLAN_FUNC observation_set observation_set::load(const std::filesystem::path& path, const plan& p,
                                                      const load_options& options) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".xlsx") return from_xlsx(path, p, options.sheet);
  if (ext == ".csv") {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error("cannot open " + path.string() + ": " + std::generic_category().message(errno));
    return from_csv(in, p, path.string(), options.encoding);
  }
  if (ext == ".json") {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error("cannot open " + path.string() + ": " + std::generic_category().message(errno));
    return from_json(in, p, path.string());
  }
  throw io_error("cannot tell the format of " + path.string() + ": expected a .csv, .xlsx or .json file");
}

namespace detail {
inline std::string csv_escape(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
// The display-unit text of a value: its own text when that reads back the same in the
// indicator's unit (so files round-trip), else the number without its unit, or the state.
inline std::string display_text(const quantity& q, const unit& u) {
  try {
    const quantity again = parse_quantity(q.text, u);
    if (again.state == q.state && again.value == q.value) return q.text;
  } catch (const error&) {
    // written in base units or in code: write it anew
  }
  if (!q.is_number()) return quantity::of_state(q.state).text;
  std::string s = format_quantity(q.value, u);
  return s.substr(0, s.size() - u.symbol.size());
}
}  // namespace detail

MIYAGIPLAN_FUNC std::string observation_set::to_csv(const plan& p) const {
  // The published column only when a figure has a date of publication: older files stay as they were.
  bool published = false;
  for (std::size_t k = 0; k < size() && !published; ++k) published = at(k).published.has_value();
  std::string out = published ? "indicator,date,value,status,total,source,note,published\n"
                              : "indicator,date,value,status,total,source,note\n";
  for (std::size_t k = 0; k < size(); ++k) {
    const observation o = at(k);
    const unit& u = p.indicator_at(o.indicator_id).unit;
    out += detail::csv_escape(o.indicator_id) + "," + detail::csv_escape(o.when.text()) + "," +
           detail::csv_escape(detail::display_text(o.value, u)) + "," + std::string(to_string(o.status)) + "," +
           (o.total ? detail::csv_escape(detail::display_text(quantity::of(*o.total, u), u)) : "") + "," +
           detail::csv_escape(o.source) + "," + detail::csv_escape(o.note);
    if (published) out += "," + (o.published ? detail::csv_escape(o.published->text()) : std::string());
    out += "\n";
  }
  return out;
}

MIYAGIPLAN_FUNC std::string observation_set::to_csv(const plan& p, office::text_encoding encoding) const {
  return office::from_utf8(to_csv(p), encoding);
}

MIYAGIPLAN_FUNC std::string observation_set::to_json_text(const plan& p) const {
  ordered_json list = ordered_json::array();
  for (std::size_t k = 0; k < size(); ++k) {
    const observation o = at(k);
    const unit& u = p.indicator_at(o.indicator_id).unit;
    ordered_json j;
    j["indicator"] = o.indicator_id;
    j["date"] = o.when.text();
    j["value"] = detail::display_text(o.value, u);
    j["status"] = to_string(o.status);
    if (o.total) j["total"] = detail::display_text(quantity::of(*o.total, u), u);
    j["source"] = o.source;
    j["note"] = o.note;
    if (o.published) j["published"] = o.published->text();
    list.push_back(std::move(j));
  }
  ordered_json doc;
  doc["schema"] = "miyagiplan.Observations.1";
  doc["observations"] = std::move(list);
  return detail::dump_checked(doc);
}

}  // namespace miyagiplan
