// Writing the plan as a workbook, and the blank template to author one in: a sheet per type
// in the layout of workbook_layout-inl.hpp, the lists of enum names, and the help sheet.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "miyagiplan/error.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"
#include "miyagiplan/office/xlsx_writer.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"
// Last: in header-only mode a public header above may bring in the other part's definitions,
// which must find the layout not yet begun, so as to include it whole.
#include "miyagiplan/io/workbook_layout-inl.hpp"

namespace miyagiplan {
namespace detail::workbook {

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
