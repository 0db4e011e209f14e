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

// Checks an observation against its indicator: finite numbers, the value within the bounds.
inline void check_observation_of(const observation& o, const indicator* ind) {
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
  if (o.status == observation_status::excluded && o.note.empty())
    throw validation_error("indicator " + o.indicator_id, "an excluded figure (除外) needs its reason in the note");
  if (o.published && !o.published->empty() && !o.when.empty() && o.published->days().last < o.when.days().first)
    throw validation_error("indicator " + o.indicator_id, "published " + o.published->text() +
                                                              " before the period it reports on (" + o.when.text() + ")");
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
  for (cursor in(text); !in.at_end(); in.advance())
    if (in.peek() == invalid_utf8 && text[in.offset()] != '\0')
      throw parse_error(std::string(text), in.position(), "valid UTF-8 text");
}

inline observation_status default_status(const date_expression& when) {
  return when.estimate() ? observation_status::estimate : observation_status::actual;
}

}  // namespace detail

MIYAGIPLAN_FUNC void observation_set::check(const observation& o, const indicator& ind) {
  if (o.indicator_id != ind.id)
    throw validation_error("indicator " + ind.id, "the observation is of indicator " + o.indicator_id);
  detail::check_observation_of(o, &ind);
}

MIYAGIPLAN_FUNC void observation_set::add(observation o, const plan* p) {
  if (p) detail::check_observation(o, *p);
  items_.push_back(std::move(o));
}

namespace detail {
inline observation_point point_of(const observation& o, std::size_t index) noexcept {
  const bool early = o.status == observation_status::estimate || o.status == observation_status::provisional;
  const sys_days published = o.published && !o.published->empty() ? o.published->days().last : sys_days::min();
  return {o.when.days(), o.value.value, o.total.value_or(0), o.value.state, early,
          o.status == observation_status::excluded, published, static_cast<std::uint32_t>(index)};
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
template <class Text, class Where>
void read_actuals_row(const actuals_layout& layout, const plan& p, Text text, Where where, problem_list& problems,
                      std::vector<observation>& out) {
  using L = actuals_layout;
  const bool base_units = layout.base_units;
  observation o;
  int current = L::indicator_col;
  try {
    o.indicator_id = std::string(trim(*text(L::indicator_col)));
    const indicator* ind = p.find_indicator(o.indicator_id);
    if (!ind) throw validation_error("", "no indicator \"" + o.indicator_id + "\" in plan " + p.id);
    current = L::date_col;
    o.when = parse_date(trim(*text(L::date_col)));
    current = base_units ? L::value_base_col : L::value_col;
    const std::string_view value = *text(current);
    o.value = base_units ? parse_base_value(value) : parse_quantity(value, ind->unit);
    current = L::status_col;
    const std::string_view* status = text(current);
    o.status = status && !trim(*status).empty() ? enum_from_string<observation_status>(trim(*status))
                                                : default_status(o.when);
    current = L::total_col;
    if (const std::string_view* total = text(current); total && !trim(*total).empty()) {
      const quantity t = base_units ? parse_base_value(*total) : parse_quantity(*total, ind->unit);
      if (!t.is_number()) throw parse_error(std::string(*total), 0, "a number");
      o.total = t.value;
    }
    // Every text of a set must be writable as JSON too.
    current = L::source_col;
    if (const std::string_view* source = text(current)) {
      check_utf8(*source);
      o.source = std::string(*source);
    }
    current = L::note_col;
    if (const std::string_view* note = text(current)) {
      check_utf8(*note);
      o.note = std::string(*note);
    }
    current = L::published_col;
    if (const std::string_view* published = text(current); published && !trim(*published).empty())
      o.published = parse_date(trim(*published));
    current = base_units ? L::value_base_col : L::value_col;
    check_observation(o, p);
    out.push_back(std::move(o));
  } catch (const validation_error& e) {
    const std::string what = e.what();
    problems.add(where(current), what.substr(what.find(": ") + 2));
  } catch (const error& e) {
    problems.add(where(current), e.what());
  }
}

}  // namespace detail

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

  problem_list problems;
  std::vector<std::string_view> names;
  for (const csv_field& f : header) names.push_back(f.text);
  const actuals_layout layout = read_actuals_header(
      names, [&](std::size_t c) { return at(header[c]); }, file + ":1:1", problems);
  if (!problems.empty()) problems.raise();

  observation_set out;
  std::string_view texts[actuals_layout::count];
  while (reader.next(row, syntax)) {
    const csv_field& first = row.front();
    if (row.size() != header.size()) {
      problems.add(at(first), "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(row.size()));
      continue;
    }
    for (std::size_t k = 0; k < actuals_layout::count; ++k)
      if (layout.column_of[k] != SIZE_MAX) texts[k] = row[layout.column_of[k]].text;
    read_actuals_row(
        layout, p,
        [&](int k) -> const std::string_view* {
          return layout.column_of[k] == SIZE_MAX ? nullptr : &texts[k];
        },
        [&](int k) { return at(row[layout.column_of[k] == SIZE_MAX ? 0 : layout.column_of[k]]); }, problems,
        out.items_);
  }
  if (!syntax.empty()) problems.add(file, "expected " + syntax);
  if (!problems.empty()) problems.raise();
  return out;
}

namespace detail {

// A number as the shortest text that reads back to it (2900, 58.8).
inline std::string shortest_number(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

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
        layout, p,
        [&](int k) -> const std::string_view* { return layout.column_of[k] == SIZE_MAX ? nullptr : &views[k]; },
        [&](int k) {
          const std::uint32_t column = layout.column_of[k] == SIZE_MAX ? 1 : header_columns[layout.column_of[k]];
          return prefix + office::cell_ref{row.number, column}.a1();
        },
        problems, out.items_);
  });
  if (!have_header)
    problems.add(prefix + "A1", "an empty sheet: row 1 must name the columns (indicator, date, value … or 指標ID, 時点, 実績値 …)");
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
        std::optional<std::string> published;
        r.optional("published", published);
        if (published && !trim(*published).empty()) {
          try {
            o.published = parse_date(trim(*published));
          } catch (const parse_error& e) {
            throw schema_error("/published", e.what());
          }
        }
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

MIYAGIPLAN_FUNC observation_set observation_set::load(const std::filesystem::path& path, const plan& p,
                                                      const load_options& options) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".xlsx") return from_xlsx(path, p, options.sheet);
  if (ext == ".csv") {
    const std::string bytes = read_file(path);
    return from_csv(office::to_utf8(bytes, options.encoding, path.string()), p, path.string());
  }
  if (ext == ".json") return from_json(read_file(path), p, path.string());
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
  const bool published = std::any_of(items_.begin(), items_.end(), [](const observation& o) { return o.published.has_value(); });
  std::string out = published ? "indicator,date,value,status,total,source,note,published\n"
                              : "indicator,date,value,status,total,source,note\n";
  for (const auto& o : items_) {
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
    if (o.published) j["published"] = o.published->text();
    list.push_back(std::move(j));
  }
  ordered_json doc;
  doc["schema"] = "miyagiplan.Observations.1";
  doc["observations"] = std::move(list);
  return detail::dump_checked(doc);
}

}  // namespace miyagiplan
