// Definitions of the plan as a workbook. Compiled once by src/workbook.cpp, or inline when
// header-only. The layout is built at run time from the descriptions; values pass through the
// plan's JSON form (io/json.hpp), so reading checks exactly what reading a JSON file checks.
#pragma once

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"
#include "miyagiplan/office/xlsx_writer.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

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

inline std::string number_text(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// --- Writing ---------------------------------------------------------------------------------

class writer {
 public:
  writer(office::xlsx_writer& book, const layout& l) : l_(l) {
    for (std::size_t i = 0; i < l.sheets.size(); ++i) {
      sheets_.push_back(book.add_sheet(l.sheets[i].label));
      next_.push_back(3);
      write_headers(i);
    }
    lists_ = std::make_unique<office::xlsx_sheet>(book.add_sheet(workbook_list_sheet));
    const char* names[] = {"sheet", "parent", "field", "position", "value"};
    const char* labels[] = {"シート", "親", "項目", "順番", "値"};
    for (std::uint32_t c = 0; c < 5; ++c) {
      lists_->write_header(1, c + 1, labels[c]);
      lists_->write_header(2, c + 1, names[c]);
    }
    lists_->set_column_width(5, 5, 60);
  }

  void write_object(std::size_t sheet, const ordered_json& obj, const std::string& parent, const std::string& field,
                    std::size_t position) {
    const sheet_spec& s = l_.sheets[sheet];
    office::xlsx_sheet& out = sheets_[sheet];
    const std::uint32_t row = next_[sheet]++;
    std::string key;
    if (s.has_id) key = obj.at("id").get<std::string>();
    else key = parent + "/" + (s.needs_parent_field() ? field + ":" : "") + std::to_string(position);
    std::uint32_t c = 1;
    for (const structural& st : structural_columns(s, sheet == 0)) {
      if (st.name == "_key") out.write_text(row, c, key);
      else if (st.name == "_parent") out.write_text(row, c, parent);
      else if (st.name == "_parent_field") out.write_text(row, c, field);
      else out.write_number(row, c, static_cast<double>(position));
      ++c;
    }
    for (const column_spec& col : s.columns) {
      const ordered_json* v = &obj;
      for (const std::string& k : col.path) {
        if (v->is_null()) break;
        v = &v->at(k);
      }
      if (v->is_string()) {
        if (!v->get_ref<const std::string&>().empty()) out.write_text(row, c, v->get<std::string>());
      } else if (v->is_boolean()) {
        out.write_bool(row, c, v->get<bool>());
      } else if (v->is_number()) {
        out.write_number(row, c, v->get<double>());
      }
      ++c;
    }
    for (const member_spec& m : s.members) {
      if (m.kind == member_spec::list) {
        const ordered_json& list = obj.at(m.name);
        for (std::size_t i = 0; i < list.size(); ++i) {
          const std::uint32_t r = list_row_++;
          lists_->write_text(r, 1, s.label);
          lists_->write_text(r, 2, key);
          lists_->write_text(r, 3, m.name);
          lists_->write_number(r, 4, static_cast<double>(i + 1));
          lists_->write_text(r, 5, list[i].get<std::string>());
        }
      } else if (m.kind == member_spec::children) {
        const ordered_json& list = obj.at(m.name);
        for (std::size_t i = 0; i < list.size(); ++i) write_object(m.sheet, list[i], key, m.name, i + 1);
      } else if (m.kind == member_spec::single_child) {
        write_object(m.sheet, obj.at(m.name), key, m.name, 1);
      }
    }
  }

 private:
  void write_headers(std::size_t i) {
    const sheet_spec& s = l_.sheets[i];
    office::xlsx_sheet& out = sheets_[i];
    std::uint32_t c = 1;
    for (const structural& st : structural_columns(s, i == 0)) {
      out.write_header(1, c, st.label);
      out.write_header(2, c, st.name);
      ++c;
    }
    for (const column_spec& col : s.columns) {
      out.write_header(1, c, col.label);
      out.write_header(2, c, col.name);
      out.set_column_width(c, c, col.kind == value_kind::text ? 24 : 10);
      ++c;
    }
  }

  const layout& l_;
  std::vector<office::xlsx_sheet> sheets_;
  std::vector<std::uint32_t> next_;
  std::unique_ptr<office::xlsx_sheet> lists_;
  std::uint32_t list_row_ = 3;
};

inline void write_help(office::xlsx_writer& book, const layout& l) {
  office::xlsx_sheet help = book.add_sheet(workbook_help_sheet);
  const char* labels[] = {"シート", "列", "見出し", "項目名", "説明"};
  for (std::uint32_t c = 0; c < 5; ++c) help.write_header(1, c + 1, labels[c]);
  help.set_column_width(3, 4, 20);
  help.set_column_width(5, 5, 90);
  std::uint32_t row = 2;
  const auto line = [&](std::string_view sheet, std::uint32_t column, std::string_view label, std::string_view name,
                        const std::string& doc) {
    help.write_text(row, 1, sheet);
    if (column) help.write_text(row, 2, office::column_name(column));
    help.write_text(row, 3, label);
    help.write_text(row, 4, name);
    help.write_text(row, 5, doc);
    ++row;
  };
  line("", 0, "", "",
       "Row 1 of every sheet holds the Japanese labels, row 2 the field names (reading goes by row 2, so columns may "
       "be moved); rows 3 on hold one object each. An optional field left empty is none.");
  for (std::size_t i = 0; i < l.sheets.size(); ++i) {
    const sheet_spec& s = l.sheets[i];
    line(s.label, 0, "", "", s.doc + (i == 0 ? " One row." : ""));
    std::uint32_t c = 1;
    for (const structural& st : structural_columns(s, i == 0)) line(s.label, c++, st.label, st.name, st.doc);
    for (const column_spec& col : s.columns)
      line(s.label, c++, col.label, col.name, col.doc + (col.optional ? " Optional." : ""));
    for (const member_spec& m : s.members) {
      if (m.kind == member_spec::list)
        line(s.label, 0, m.label, m.name, m.doc + " A list of texts: rows of sheet " + std::string(workbook_list_sheet) + ".");
      else if (m.kind == member_spec::children || m.kind == member_spec::single_child)
        line(s.label, 0, m.label, m.name, m.doc + " Rows of sheet " + l.sheets[m.sheet].label + ".");
    }
  }
  const std::string list(workbook_list_sheet);
  line(list, 0, "", "", "Lists of texts (notes, channels, areas, paragraphs), one item a row.");
  line(list, 1, "シート", "sheet", "The sheet of the object the list belongs to.");
  line(list, 2, "親", "parent", "The id (or _key) of that object's row.");
  line(list, 3, "項目", "field", "The list's field name (notes, channels, …).");
  line(list, 4, "順番", "position", "The item's place in the list, from 1 (empty: the order of the rows).");
  line(list, 5, "値", "value", "The text.");
}

// --- Reading ---------------------------------------------------------------------------------

struct located {
  std::string text;
  std::uint32_t row = 0, column = 0;
};

struct read_row {
  std::uint32_t number = 0;
  std::vector<std::optional<ordered_json>> values;  // per spec column; nullopt: empty
  std::vector<std::uint32_t> value_columns;         // the sheet column of each spec column (0: none)
  std::string key, parent, parent_field;
  std::optional<double> position;
  std::uint32_t parent_column = 0;
  bool used = false;
};

struct list_item {
  std::optional<double> position;
  std::string value;
  std::uint32_t row = 0;
  bool used = false;
};

// Collecting, a stage that found problems stops the reading with this: the next stage would
// only find what the first caused.
struct stopped {};

class reader {
 public:
  // collect: problems are kept for problems() instead of thrown as one schema_error.
  reader(const std::filesystem::path& path, const layout& l, bool collect = false)
      : l_(l), file_(path.string()), book_(office::xlsx_reader::open(path)), collect_(collect) {}

  const std::vector<miyagiplan::problem>& problems() const noexcept { return problems_; }

  plan read() {
    const auto& names = book_.sheet_names();
    rows_.resize(l_.sheets.size());
    for (std::size_t i = 0; i < l_.sheets.size(); ++i) {
      if (std::find(names.begin(), names.end(), l_.sheets[i].label) == names.end()) {
        if (i == 0) problem(file_, "the workbook has no sheet " + l_.sheets[0].label + " (the plan's own row)");
        continue;
      }
      read_sheet(i);
    }
    if (std::find(names.begin(), names.end(), std::string(workbook_list_sheet)) != names.end()) read_lists();
    if (problems_.empty()) {
      if (rows_[0].size() != 1)
        problem(at(0, 3, 1), "sheet " + l_.sheets[0].label + " must hold exactly one row (found " +
                                 std::to_string(rows_[0].size()) + ")");
    }
    raise_if_any();
    ordered_json j = build(0, rows_[0][0], "");
    for (std::size_t i = 0; i < rows_.size(); ++i)
      for (const read_row& r : rows_[i])
        if (!r.used)
          problem(at(i, r.number, r.parent_column ? r.parent_column : 1),
                  "this row's parent \"" + r.parent + "\" is not a row of " + parents_of(i));
    for (const auto& [k, items] : lists_)
      for (const list_item& item : items)
        if (!item.used)
          problem(list_at(item.row, 2), "no row " + std::get<1>(k) + " of sheet " + std::get<0>(k) +
                                            " with a list " + std::get<2>(k));
    raise_if_any();
    plan p;
    try {
      miyagiplan::from_json(j, p);
    } catch (const schema_error& e) {
      if (collect_) {
        problem(cell_of_pointer(e.where()), e.message() + " (" + e.where() + ")");
        throw stopped{};
      }
      throw schema_error(cell_of_pointer(e.where()), e.message() + " (" + e.where() + ")");
    }
    for (const miyagiplan::problem& pr : p.problems()) {
      const auto space = pr.where.find(' ');
      std::string where = file_;
      if (space != std::string::npos) {
        const auto it = by_id_.find({pr.where.substr(0, space), pr.where.substr(space + 1)});
        if (it != by_id_.end()) where = it->second;
      }
      problem(where, pr.where + ": " + pr.what);
    }
    raise_if_any();
    return p;
  }

 private:
  std::string at(std::size_t sheet, std::uint32_t row, std::uint32_t column) const {
    return file_ + "!" + l_.sheets[sheet].label + "!" + office::cell_ref{row, column}.a1();
  }
  std::string list_at(std::uint32_t row, std::uint32_t column) const {
    return file_ + "!" + std::string(workbook_list_sheet) + "!" + office::cell_ref{row, column}.a1();
  }
  void problem(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }
  void raise_if_any() const {
    if (problems_.empty()) return;
    if (collect_) throw stopped{};
    std::string message = problems_.front().what;
    for (std::size_t k = 1; k < problems_.size() && k < 50; ++k)
      message += "; " + problems_[k].where + ": " + problems_[k].what;
    if (problems_.size() > 50) message += "; and " + std::to_string(problems_.size() - 50) + " more";
    throw schema_error(problems_.front().where, message);
  }
  std::string parents_of(std::size_t sheet) const {
    std::string out;
    for (const auto& [s, f] : l_.sheets[sheet].parents) {
      (void)f;
      if (out.find(l_.sheets[s].label) == std::string::npos) out += (out.empty() ? "" : " or ") + l_.sheets[s].label;
    }
    return out;
  }

  // A cell as text: a number as its shortest text, a date cell as its day.
  std::string text_of(const office::cell& c) const {
    switch (c.type) {
      case office::cell_type::text: return c.text;
      case office::cell_type::number:
        if (c.date_format) {
          const auto ymd = std::chrono::year_month_day(office::excel_serial_to_days(c.number, book_.date1904()));
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
          return buf;
        }
        return number_text(c.number);
      case office::cell_type::boolean: return c.number != 0 ? "TRUE" : "FALSE";
      case office::cell_type::error: throw schema_error("", "an error value (" + c.text + ")");
      case office::cell_type::empty:
        if (c.formula) throw schema_error("", "a formula without a saved value (open and save the file in Excel)");
        return {};
    }
    return {};
  }

  std::optional<ordered_json> value_of(const office::cell& c, const column_spec& col) const {
    if (c.type == office::cell_type::empty && !c.formula) return std::nullopt;
    switch (col.kind) {
      case value_kind::text: {
        std::string t = text_of(c);
        if (t.empty()) return std::nullopt;
        return ordered_json(std::move(t));
      }
      case value_kind::boolean:
        if (c.type == office::cell_type::boolean) return ordered_json(c.number != 0);
        if (c.type == office::cell_type::text && (c.text == "TRUE" || c.text == "true")) return ordered_json(true);
        if (c.type == office::cell_type::text && (c.text == "FALSE" || c.text == "false")) return ordered_json(false);
        throw schema_error("", "expected TRUE or FALSE");
      case value_kind::number:
      case value_kind::integer: {
        double v = 0;
        if (c.type == office::cell_type::number) {
          v = c.number;
        } else if (c.type == office::cell_type::text) {
          std::string t = c.text;
          t.erase(std::remove(t.begin(), t.end(), ','), t.end());
          const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
          if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size())
            throw schema_error("", "expected a number, found \"" + c.text + "\"");
        } else {
          text_of(c);  // an error value, a formula without a value
          throw schema_error("", "expected a number");
        }
        if (col.kind == value_kind::integer) {
          if (v != std::nearbyint(v) || std::fabs(v) > 2147483647.0)
            throw schema_error("", "expected a whole number, found " + number_text(v));
          return ordered_json(static_cast<int>(v));
        }
        return number_json(v);
      }
    }
    return std::nullopt;
  }

  // Reads the header rows and the rows of a sheet of the layout.
  void read_sheet(std::size_t index) {
    const sheet_spec& s = l_.sheets[index];
    const auto structure = structural_columns(s, index == 0);
    std::vector<std::uint32_t> column_of(s.columns.size(), 0);
    std::map<std::string, std::uint32_t> structural_of;
    for (const office::cell_range& r : book_.merged_cells(s.label))
      problem(file_ + "!" + s.label + "!" + r.a1(), "merged cells: one value a cell (unmerge them)");
    bool header = false;
    book_.read_sheet(s.label, [&](const office::xlsx_row& row) {
      if (row.number == 1) return;
      if (row.number == 2) {
        header = true;
        for (const office::cell& c : row.cells) {
          if (c.type == office::cell_type::empty) continue;
          const std::string name = c.type == office::cell_type::text ? c.text : std::string();
          const auto col = std::find_if(s.columns.begin(), s.columns.end(),
                                        [&](const column_spec& x) { return x.name == name; });
          const auto st = std::find_if(structure.begin(), structure.end(),
                                       [&](const structural& x) { return x.name == name; });
          if (col != s.columns.end()) {
            if (column_of[static_cast<std::size_t>(col - s.columns.begin())] != 0)
              problem(at(index, 2, c.ref.column), "column \"" + name + "\" given twice");
            column_of[static_cast<std::size_t>(col - s.columns.begin())] = c.ref.column;
          } else if (st != structure.end()) {
            structural_of[name] = c.ref.column;
          } else {
            problem(at(index, 2, c.ref.column), "unknown field name \"" + name + "\" in row 2 (see sheet " +
                                                    std::string(workbook_help_sheet) + ")");
          }
        }
        return;
      }
      if (!header) {
        problem(at(index, 2, 1), "row 2 must name the fields of the columns (an empty header row)");
        header = true;
      }
      const auto find = [&](std::uint32_t column) -> const office::cell* {
        if (column == 0) return nullptr;
        for (const office::cell& c : row.cells)
          if (c.ref.column == column) return &c;
        return nullptr;
      };
      read_row r;
      r.number = row.number;
      r.values.resize(s.columns.size());
      r.value_columns = column_of;
      bool any = false;
      for (std::size_t k = 0; k < s.columns.size(); ++k) {
        const office::cell* c = find(column_of[k]);
        if (!c) continue;
        try {
          r.values[k] = value_of(*c, s.columns[k]);
          any = any || r.values[k].has_value();
        } catch (const schema_error& e) {
          problem(at(index, row.number, c->ref.column), e.message());
          any = true;
        }
      }
      const auto text_at = [&](const char* name) -> std::string {
        const auto it = structural_of.find(name);
        if (it == structural_of.end()) return {};
        const office::cell* c = find(it->second);
        if (!c) return {};
        try {
          return text_of(*c);
        } catch (const schema_error& e) {
          problem(at(index, row.number, c->ref.column), e.message());
          return {};
        }
      };
      r.key = text_at("_key");
      r.parent = text_at("_parent");
      r.parent_field = text_at("_parent_field");
      if (const auto it = structural_of.find("_parent"); it != structural_of.end()) r.parent_column = it->second;
      const std::string position = text_at("_position");
      any = any || !r.key.empty() || !r.parent.empty() || !position.empty();
      if (!any) return;  // an empty row
      if (!position.empty()) {
        double v = 0;
        const auto res = std::from_chars(position.data(), position.data() + position.size(), v);
        if (res.ec != std::errc() || res.ptr != position.data() + position.size())
          problem(at(index, row.number, structural_of["_position"]), "expected a position (1, 2, …), found \"" + position + "\"");
        else
          r.position = v;
      }
      if (s.has_id) {
        const auto id = std::find_if(s.columns.begin(), s.columns.end(), [](const column_spec& x) { return x.name == "id"; });
        const auto& v = r.values[static_cast<std::size_t>(id - s.columns.begin())];
        r.key = v && v->is_string() ? v->get<std::string>() : std::string();
      }
      rows_[index].push_back(std::move(r));
    });
    if (!header && !rows_[index].empty()) problem(at(index, 2, 1), "an empty header row");
  }

  void read_lists() {
    const std::string name(workbook_list_sheet);
    for (const office::cell_range& r : book_.merged_cells(name))
      problem(file_ + "!" + name + "!" + r.a1(), "merged cells: one value a cell (unmerge them)");
    std::uint32_t cols[5] = {1, 2, 3, 4, 5};
    const char* names[] = {"sheet", "parent", "field", "position", "value"};
    book_.read_sheet(name, [&](const office::xlsx_row& row) {
      if (row.number == 1) return;
      if (row.number == 2) {
        for (const office::cell& c : row.cells)
          for (std::size_t k = 0; k < 5; ++k)
            if (c.type == office::cell_type::text && c.text == names[k]) cols[k] = c.ref.column;
        return;
      }
      std::string t[5];
      for (const office::cell& c : row.cells)
        for (std::size_t k = 0; k < 5; ++k)
          if (c.ref.column == cols[k]) {
            try {
              t[k] = text_of(c);
            } catch (const schema_error& e) {
              problem(list_at(row.number, c.ref.column), e.message());
            }
          }
      if (t[0].empty() && t[1].empty() && t[2].empty() && t[3].empty() && t[4].empty()) return;
      list_item item;
      item.row = row.number;
      item.value = t[4];
      if (!t[3].empty()) {
        double v = 0;
        const auto res = std::from_chars(t[3].data(), t[3].data() + t[3].size(), v);
        if (res.ec != std::errc() || res.ptr != t[3].data() + t[3].size())
          problem(list_at(row.number, cols[3]), "expected a position (1, 2, …), found \"" + t[3] + "\"");
        else
          item.position = v;
      }
      lists_[{t[0], t[1], t[2]}].push_back(std::move(item));
    });
  }

  template <class Item>
  static void order(std::vector<Item*>& items) {
    std::stable_sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
      return a->position.value_or(1e300) < b->position.value_or(1e300);
    });
  }

  ordered_json build(std::size_t index, read_row& r, const std::string& pointer) {
    const sheet_spec& s = l_.sheets[index];
    r.used = true;
    pointers_[pointer] = at(index, r.number, 1);
    if (s.has_id) by_id_[{lowercase(s.python), r.key}] = at(index, r.number, 1);
    ordered_json j = ordered_json::object();
    if (!s.tag.empty()) j["schema"] = s.tag;
    for (const member_spec& m : s.members) {
      const std::string here = pointer + "/" + m.name;
      const auto cell_of = [&](std::size_t k) {
        return at(index, r.number, r.value_columns[k] ? r.value_columns[k] : 1);
      };
      switch (m.kind) {
        case member_spec::scalar: {
          const std::size_t k = m.columns[0];
          pointers_[here] = cell_of(k);
          j[m.name] = value_or_default(r.values[k], s.columns[k]);
          break;
        }
        case member_spec::group: {
          pointers_[here] = cell_of(m.columns[0]);
          bool any = false;
          for (std::size_t k : m.columns) any = any || r.values[k].has_value();
          if (m.optional && !any) {
            j[m.name] = nullptr;
            break;
          }
          ordered_json g = ordered_json::object();
          for (std::size_t k : m.columns) {
            const column_spec& col = s.columns[k];
            pointers_[here + "/" + col.path.back()] = cell_of(k);
            g[col.path.back()] = value_or_default(r.values[k], col);
          }
          j[m.name] = std::move(g);
          break;
        }
        case member_spec::list: {
          pointers_[here] = at(index, r.number, 1);
          ordered_json list = ordered_json::array();
          const auto it = lists_.find({s.label, r.key, m.name});
          if (it != lists_.end()) {
            std::vector<list_item*> items;
            for (list_item& item : it->second) items.push_back(&item);
            order(items);
            for (list_item* item : items) {
              item->used = true;
              pointers_[here + "/" + std::to_string(list.size())] = list_at(item->row, 5);
              list.push_back(item->value);
            }
          }
          j[m.name] = std::move(list);
          break;
        }
        case member_spec::children:
        case member_spec::single_child: {
          pointers_[here] = at(index, r.number, 1);
          const sheet_spec& child = l_.sheets[m.sheet];
          std::vector<read_row*> children;
          for (read_row& c : rows_[m.sheet]) {
            if (c.used) continue;
            const bool parent_matches = c.parent == r.key || (c.parent.empty() && index == 0);
            // An empty _parent_field is the first kind of parent's field (施策: measures).
            const bool field_matches = !child.needs_parent_field() || c.parent_field == m.name ||
                                       (c.parent_field.empty() && child.parents.front().second == m.name &&
                                        child.parents.front().first == index);
            if (parent_matches && field_matches) children.push_back(&c);
          }
          order(children);
          if (m.kind == member_spec::single_child) {
            if (children.size() > 1)
              problem(at(m.sheet, children[1]->number, 1), "a second row of " + child.label + " for " + r.key);
            if (children.empty()) {  // none: an object of empty fields
              read_row empty;
              empty.number = r.number;
              empty.values.resize(child.columns.size());
              empty.value_columns.assign(child.columns.size(), 0);
              j[m.name] = build(m.sheet, empty, here);
              pointers_[here] = at(index, r.number, 1);
            } else {
              j[m.name] = build(m.sheet, *children[0], here);
            }
          } else {
            ordered_json list = ordered_json::array();
            for (read_row* c : children) list.push_back(build(m.sheet, *c, here + "/" + std::to_string(list.size())));
            j[m.name] = std::move(list);
          }
          break;
        }
      }
    }
    return j;
  }

  static ordered_json value_or_default(const std::optional<ordered_json>& v, const column_spec& col) {
    if (v) return *v;
    if (col.optional) return nullptr;
    if (!col.fallback.is_null()) return col.fallback;
    switch (col.kind) {
      case value_kind::text: return "";
      case value_kind::boolean: return false;
      default: return nullptr;  // reading says a number is expected
    }
  }

  static std::string lowercase(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }

  // The cell of the longest known prefix of a JSON pointer.
  std::string cell_of_pointer(std::string pointer) const {
    for (;;) {
      if (const auto it = pointers_.find(pointer); it != pointers_.end()) return it->second;
      const auto slash = pointer.rfind('/');
      if (slash == std::string::npos) return file_;
      pointer.resize(slash);
    }
  }

  const layout& l_;
  std::string file_;
  office::xlsx_reader book_;
  std::vector<std::vector<read_row>> rows_;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<list_item>> lists_;
  std::map<std::string, std::string> pointers_;
  std::map<std::pair<std::string, std::string>, std::string> by_id_;
  std::vector<miyagiplan::problem> problems_;
  bool collect_ = false;
};

// How many non-empty lists an object holds, all the way down.
inline std::size_t richness(const ordered_json& j) {
  std::size_t n = 0;
  if (j.is_array()) {
    n += j.empty() ? 0u : 1u;
    for (const auto& x : j) n += richness(x);
  } else if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      (void)k;
      n += richness(v);
    }
  }
  return n;
}

// The plan with every list cut to one item, the one that holds the most (so that every kind of
// object has an example): the template's example rows.
inline void keep_one(ordered_json& j) {
  if (j.is_array()) {
    if (j.size() > 1) {
      std::size_t best = 0;
      for (std::size_t i = 1; i < j.size(); ++i)
        if (richness(j[i]) > richness(j[best])) best = i;
      ordered_json kept = j[best];
      j = ordered_json::array({std::move(kept)});
    }
    for (auto& x : j) keep_one(x);
  } else if (j.is_object()) {
    for (auto& [k, v] : j.items()) {
      (void)k;
      keep_one(v);
    }
  }
}

inline void write_workbook(const ordered_json& j, const std::filesystem::path& path) {
  office::xlsx_writer book(path);
  const layout& l = plan_layout();
  {
    writer w(book, l);
    w.write_object(0, j, "", "", 1);
  }
  write_help(book, l);
  book.close();
}

}  // namespace detail::workbook

MIYAGIPLAN_FUNC void write_plan_workbook(const plan& p, const std::filesystem::path& path) {
  detail::workbook::write_workbook(ordered_json(p), path);
}

MIYAGIPLAN_FUNC plan read_plan_workbook(const std::filesystem::path& path) {
  detail::workbook::reader r(path, detail::workbook::plan_layout());
  return r.read();
}

MIYAGIPLAN_FUNC std::vector<problem> plan_workbook_problems(const std::filesystem::path& path) {
  detail::workbook::reader r(path, detail::workbook::plan_layout(), true);
  try {
    r.read();
  } catch (const detail::workbook::stopped&) {
    // the problems found so far are all there is to report
  }
  return r.problems();
}

MIYAGIPLAN_FUNC void write_plan_template(const std::filesystem::path& path) {
  plan example = plans::miyagi_it_2013();
  // The bundled plan states no 期待値 and no revision: the template's examples of both are its
  // targets restated (a milestone and a revision at the target's own date), which keep the rules.
  for (area& a : example.areas) {
    std::vector<measure*> stack;
    for (measure& m : a.measures) stack.push_back(&m);
    while (!stack.empty()) {
      measure* m = stack.back();
      stack.pop_back();
      for (measure& sub : m->sub_measures) stack.push_back(&sub);
      for (indicator& i : m->indicators) {
        if (!i.target.value.is_number()) continue;
        i.milestones.push_back({i.target.when, i.target.value});
        i.revisions.push_back({i.target.when, i.target, std::nullopt, "（例）見直しの理由"});
      }
    }
  }
  ordered_json j = ordered_json(example);
  detail::workbook::keep_one(j);
  detail::workbook::write_workbook(j, path);
}

}  // namespace miyagiplan
