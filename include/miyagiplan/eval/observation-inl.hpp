// Definitions of observations and their files. Compiled once by src/observation.cpp, or inline
// when header-only.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/detail/csv.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/model/quantity.hpp"

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

// Checks an observation against its indicator: the id exists, the value keeps to the bounds.
inline const indicator& check_observation(const observation& o, const plan& p) {
  const indicator* ind = p.find_indicator(o.indicator_id);
  if (!ind) throw validation_error("indicator " + o.indicator_id, "the plan has no indicator with this id");
  // NaN would pass every bounds check below (each comparison is false).
  if (o.value.is_number() && !std::isfinite(o.value.value))
    throw validation_error("indicator " + o.indicator_id, "a value must be a finite number");
  if (o.total && !std::isfinite(*o.total))
    throw validation_error("indicator " + o.indicator_id, "a total must be a finite number");
  if (o.value.is_number() && ind->bounds) {
    const double shown = o.value.display_value(ind->unit);
    if (shown < ind->bounds->min || shown > ind->bounds->max)
      throw validation_error("indicator " + o.indicator_id,
                             "value " + format_quantity(o.value.value, ind->unit) + " is outside " +
                                 format_quantity(ind->bounds->min * ind->unit.factor(), ind->unit) + " … " +
                                 format_quantity(ind->bounds->max * ind->unit.factor(), ind->unit));
  }
  if (o.total && !(*o.total > 0)) throw validation_error("indicator " + o.indicator_id, "a total must be above 0");
  return *ind;
}

// Throws parse_error where a text stops being UTF-8. A NUL is a character (JSON writes \u0000).
inline void check_utf8(std::string_view text) {
  for (cursor in(text); !in.at_end(); in.advance())
    if (in.peek() == invalid_utf8 && text[in.offset()] != '\0')
      throw parse_error(std::string(text), in.position(), "valid UTF-8 text");
}

inline observation_status default_status(const date_expression& when) {
  return when.estimate() ? observation_status::estimate : observation_status::actual;
}

}  // namespace detail

MIYAGIPLAN_FUNC void observation_set::add(observation o, const plan* p) {
  if (p) detail::check_observation(o, *p);
  items_.push_back(std::move(o));
}

namespace detail {
inline observation_point point_of(const observation& o, std::size_t index) noexcept {
  return {o.when.days(), o.value.value, o.total.value_or(0), o.value.state,
          o.status == observation_status::estimate, static_cast<std::uint32_t>(index)};
}
// Date order; at the same date a final figure comes after an estimate, so it wins.
inline void sort_by_date(std::vector<observation_point>& points) {
  std::stable_sort(points.begin(), points.end(), [](const observation_point& a, const observation_point& b) {
    return a.days.last != b.days.last ? a.days.last < b.days.last : a.estimate > b.estimate;
  });
}
}  // namespace detail

MIYAGIPLAN_FUNC std::vector<observation_point> observation_set::points_for(std::string_view indicator_id) const {
  std::vector<observation_point> out;
  for (std::size_t k = 0; k < items_.size(); ++k)
    if (items_[k].indicator_id == indicator_id) out.push_back(detail::point_of(items_[k], k));
  detail::sort_by_date(out);
  return out;
}

MIYAGIPLAN_FUNC std::unordered_map<std::string_view, std::vector<observation_point>>
observation_set::points_by_indicator() const {
  std::unordered_map<std::string_view, std::vector<observation_point>> out;
  for (std::size_t k = 0; k < items_.size(); ++k)
    out[items_[k].indicator_id].push_back(detail::point_of(items_[k], k));
  for (auto& [id, points] : out) detail::sort_by_date(points);
  return out;
}

MIYAGIPLAN_FUNC observation_set observation_set::from_csv(std::string_view text, const plan& p,
                                                          std::string_view file_name) {
  using namespace detail;
  const std::string file(file_name);
  auto at = [&](const csv_field& f) {
    return file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  };
  csv_reader reader(text);
  csv_row header, row;
  std::string syntax;
  if (!reader.next(header, syntax))
    throw schema_error(file + ":1:1", syntax.empty() ? "expected a header row: indicator,date,value" : "expected " + syntax);

  // Columns by name; each known once, none unknown.
  constexpr std::string_view known[] = {"indicator", "date", "value", "value_base", "status", "total", "source", "note"};
  std::size_t column_of[std::size(known)];
  std::fill(std::begin(column_of), std::end(column_of), SIZE_MAX);
  problem_list problems;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string_view name = trim(header[c].text);
    const auto k = static_cast<std::size_t>(std::find(std::begin(known), std::end(known), name) - std::begin(known));
    if (k == std::size(known)) problems.add(at(header[c]), "unknown column \"" + std::string(name) + "\" (known: indicator, date, value, value_base, status, total, source, note)");
    else if (column_of[k] != SIZE_MAX) problems.add(at(header[c]), "column \"" + std::string(name) + "\" given twice");
    else column_of[k] = c;
  }
  enum { indicator_col, date_col, value_col, value_base_col, status_col, total_col, source_col, note_col };
  if (column_of[indicator_col] == SIZE_MAX) problems.add(file + ":1:1", "missing column \"indicator\"");
  if (column_of[date_col] == SIZE_MAX) problems.add(file + ":1:1", "missing column \"date\"");
  if ((column_of[value_col] == SIZE_MAX) == (column_of[value_base_col] == SIZE_MAX))
    problems.add(file + ":1:1", "expected exactly one of the columns \"value\" (display unit) and \"value_base\" (base unit)");
  if (!problems.empty()) problems.raise();
  const bool base_units = column_of[value_base_col] != SIZE_MAX;

  observation_set out;
  while (reader.next(row, syntax)) {
    const csv_field& first = row.front();
    if (row.size() != header.size()) {
      problems.add(at(first), "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(row.size()));
      continue;
    }
    auto cell = [&](int k) -> const csv_field* {
      return column_of[k] == SIZE_MAX ? nullptr : &row[column_of[k]];
    };
    observation o;
    const csv_field* current = cell(indicator_col);
    try {
      o.indicator_id = std::string(trim(current->text));
      const indicator* ind = p.find_indicator(o.indicator_id);
      if (!ind) throw validation_error("", "no indicator \"" + o.indicator_id + "\" in plan " + p.id);
      current = cell(date_col);
      o.when = parse_date(trim(current->text));
      current = cell(base_units ? value_base_col : value_col);
      o.value = base_units ? parse_base_value(current->text) : parse_quantity(current->text, ind->unit);
      current = cell(status_col);
      o.status = current && !trim(current->text).empty() ? enum_from_string<observation_status>(trim(current->text))
                                                          : default_status(o.when);
      current = cell(total_col);
      if (current && !trim(current->text).empty()) {
        const quantity t = base_units ? parse_base_value(current->text) : parse_quantity(current->text, ind->unit);
        if (!t.is_number()) throw parse_error(current->text, 0, "a number");
        o.total = t.value;
      }
      // Every text of a set must be writable as JSON too.
      if ((current = cell(source_col))) {
        check_utf8(current->text);
        o.source = current->text;
      }
      if ((current = cell(note_col))) {
        check_utf8(current->text);
        o.note = current->text;
      }
      current = cell(base_units ? value_base_col : value_col);
      check_observation(o, p);
      out.items_.push_back(std::move(o));
    } catch (const validation_error& e) {
      const std::string what = e.what();
      problems.add(at(*current), what.substr(what.find(": ") + 2));
    } catch (const error& e) {
      problems.add(at(*current), e.what());
    }
  }
  if (!syntax.empty()) problems.add(file, "expected " + syntax);
  if (!problems.empty()) problems.raise();
  return out;
}

MIYAGIPLAN_FUNC observation_set observation_set::from_json(std::string_view text, const plan& p,
                                                           std::string_view file_name) {
  using namespace detail;
  const std::string file(file_name);
  try {
    const ordered_json j = parse_json(text);
    object_reader top(j, "Observations");
    const ordered_json& list = top.raw("observations");
    top.done();
    if (!list.is_array()) throw schema_error("/observations", std::string("expected an array, found ") + json_type_name(list));
    observation_set out;
    for (std::size_t k = 0; k < list.size(); ++k) {
      reading_at("/observations/" + std::to_string(k), [&] {
        object_reader r(list[k], "");
        observation o;
        r.required("indicator", o.indicator_id);
        const indicator* ind = p.find_indicator(o.indicator_id);
        if (!ind) throw schema_error("/indicator", "no indicator \"" + o.indicator_id + "\" in plan " + p.id);
        // The date is read without the spaces around it, as a CSV cell is: the same set reads the
        // same from either file.
        std::string date_text;
        r.required("date", date_text);
        try {
          o.when = parse_date(trim(date_text));
        } catch (const parse_error& e) {
          throw schema_error("/date", e.what());
        }
        // A value is a number or text in the display unit, or value_base in the base unit.
        const bool base = list[k].contains("value_base");
        if (base == list[k].contains("value"))
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
          return read_text(x, [&](const std::string& s) { return base ? parse_base_value(s) : parse_quantity(s, ind->unit); });
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
        if (list[k].contains("total")) {
          const quantity t = reading_at("/total", [&] { return read_quantity(r.raw("total")); });
          if (!t.is_number()) throw schema_error("/total", "expected a number");
          o.total = t.value;
        }
        std::optional<std::string> source, note;
        r.optional("source", source);
        r.optional("note", note);
        o.source = source.value_or("");
        o.note = note.value_or("");
        r.done();
        try {
          check_observation(o, p);
        } catch (const validation_error& e) {
          const std::string what = e.what();
          throw schema_error(pointer_step(key), what.substr(what.find(": ") + 2));
        }
        out.items_.push_back(std::move(o));
      });
    }
    return out;
  } catch (const schema_error& e) {
    throw schema_error(file + ":" + e.where(), e.message());
  }
}

MIYAGIPLAN_FUNC observation_set observation_set::load(const std::filesystem::path& path, const plan& p) {
  const std::string ext = path.extension().string();
  const std::string text = read_file(path);
  if (ext == ".csv" || ext == ".CSV") return from_csv(text, p, path.string());
  if (ext == ".json" || ext == ".JSON") return from_json(text, p, path.string());
  throw io_error("cannot tell the format of " + path.string() + ": expected a .csv or .json file");
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
  std::string out = "indicator,date,value,status,total,source,note\n";
  for (const auto& o : items_) {
    const unit& u = p.indicator_at(o.indicator_id).unit;
    out += detail::csv_escape(o.indicator_id) + "," + detail::csv_escape(o.when.text()) + "," +
           detail::csv_escape(detail::display_text(o.value, u)) + "," + std::string(to_string(o.status)) + "," +
           (o.total ? detail::csv_escape(detail::display_text(quantity::of(*o.total, u), u)) : "") + "," +
           detail::csv_escape(o.source) + "," + detail::csv_escape(o.note) + "\n";
  }
  return out;
}

MIYAGIPLAN_FUNC std::string observation_set::to_json_text(const plan& p) const {
  ordered_json list = ordered_json::array();
  for (const auto& o : items_) {
    const unit& u = p.indicator_at(o.indicator_id).unit;
    ordered_json j;
    j["indicator"] = o.indicator_id;
    j["date"] = o.when.text();
    j["value"] = detail::display_text(o.value, u);
    j["status"] = to_string(o.status);
    if (o.total) j["total"] = detail::display_text(quantity::of(*o.total, u), u);
    j["source"] = o.source;
    j["note"] = o.note;
    list.push_back(std::move(j));
  }
  ordered_json doc;
  doc["schema"] = "miyagiplan.Observations.1";
  doc["observations"] = std::move(list);
  return detail::dump_checked(doc);
}

}  // namespace miyagiplan
