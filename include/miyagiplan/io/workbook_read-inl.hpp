// Reading a plan from a workbook in the layout of workbook_layout-inl.hpp: every cell checked
// where it stands (file!sheet!C12), rows joined to their parents by id, then the plan's rules.
#pragma once

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"
// Last: in header-only mode a public header above may bring in the other part's definitions,
// which must find the layout not yet begun, so as to include it whole.
#include "miyagiplan/io/workbook_layout-inl.hpp"

namespace miyagiplan {
namespace detail::workbook {

// A number as a cell's text, the shortest that reads back the same.
inline std::string number_text(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

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

}  // namespace detail::workbook

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

}  // namespace miyagiplan
