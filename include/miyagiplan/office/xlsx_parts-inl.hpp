// The parts of a workbook, each read by its own XML handler: relationships, the workbook's
// sheet list, the styles (which cells are dates), shared strings and the sheets' cells.
// Included by xlsx_reader-inl.hpp.
#pragma once

#include "miyagiplan/office/xlsx_package-inl.hpp"

namespace miyagiplan::office::detail {

// Relationships: Id → (type, target part).
struct relationship {
  std::string type;
  std::string target;
};

class rels_handler : public xml_handler {
 public:
  explicit rels_handler(std::string base) : base_(std::move(base)) {}
  std::map<std::string, relationship> rels;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* type = attribute(attrs, "Type");
    const char* target = attribute(attrs, "Target");
    const char* mode = attribute(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    rels[id] = {type, resolve_part(base_, target)};
  }
  void end(std::string_view) override {}

 private:
  std::string base_;
};

struct sheet_entry {
  std::string name;
  std::string rel_id;
  std::string part;
};

class workbook_handler : public xml_handler {
 public:
  bool date1904 = false;
  std::vector<sheet_entry> sheets;
  void start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = attribute(attrs, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      const char* n = attribute(attrs, "name");
      const char* id = attribute(attrs, "id");
      if (n != nullptr && id != nullptr) sheets.push_back({n, id, {}});
    }
  }
  void end(std::string_view) override {}
};

class styles_handler : public xml_handler {
 public:
  std::map<std::uint32_t, std::string> formats;
  std::vector<std::uint32_t> xf_formats;
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmts") in_num_fmts_ = true;
    else if (name == "cellXfs") in_cell_xfs_ = true;
    else if (name == "numFmt" && in_num_fmts_) {
      const char* id = attribute(attrs, "numFmtId");
      const char* code = attribute(attrs, "formatCode");
      std::uint32_t v = 0;
      if (id != nullptr && code != nullptr && read_uint<std::uint32_t>(id, 1u << 20, v))
        formats[v] = code;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attrs, "numFmtId");
      std::uint32_t v = 0;
      if (id == nullptr || !read_uint<std::uint32_t>(id, 1u << 20, v)) v = 0;
      xf_formats.push_back(v);
    }
  }
  void end(std::string_view name) override {
    if (name == "numFmts") in_num_fmts_ = false;
    else if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_num_fmts_ = false;
  bool in_cell_xfs_ = false;
};

// The shared strings: each <si> is plain text (<t>) or rich text runs (<r><t>); phonetic
// readings (<rPh>, furigana) are not part of the text.
class shared_strings_handler : public xml_handler {
 public:
  shared_strings_handler(std::string where, const xlsx_limits& limits)
      : where_(std::move(where)), limits_(limits) {}
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      if (in_phonetic_ > 0) --in_phonetic_;
    } else if (name == "si") {
      in_si_ = false;
      if (strings.size() >= limits_.max_shared_strings)
        throw schema_error(where_, "more than " + std::to_string(limits_.max_shared_strings) +
                                       " shared strings (xlsx_limits::max_shared_strings)");
      unescape_ooxml(current_);
      strings.push_back(std::move(current_));
      current_.clear();
    }
  }
  void text(std::string_view s) override {
    if (!in_t_) return;
    bytes_ += s.size();
    if (bytes_ > limits_.max_shared_string_bytes)
      throw schema_error(where_, "more than " + std::to_string(limits_.max_shared_string_bytes) +
                                     " bytes of shared strings (xlsx_limits::max_shared_string_bytes)");
    current_.append(s);
  }

 private:
  std::string where_;
  const xlsx_limits& limits_;
  std::string current_;
  std::size_t bytes_ = 0;
  bool in_si_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
};

// A worksheet, streamed: rows go to the callback as each ends.
class sheet_handler : public xml_handler {
 public:
  sheet_handler(std::string where, const std::vector<std::string>& strings,
                const std::vector<bool>& date_styles, const xlsx_reader::row_callback& on_row,
                sheet_summary& summary)
      : where_(std::move(where)), strings_(strings), date_styles_(date_styles), on_row_(on_row),
        summary_(summary) {}

  void start(std::string_view name, const char** attrs) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      if (name == "mergeCell") {
        const char* ref = attribute(attrs, "ref");
        cell_range range;
        if (ref == nullptr || !parse_range(ref, range))
          throw schema_error(where_, std::string("a merged cell range that is not a range: \"") +
                                         (ref ? ref : "") + "\"");
        summary_.merged_cells.push_back(range);
      }
    } else if (name == "row") {
      start_row(attribute(attrs, "r"));
    } else if (name == "c") {
      start_cell(attrs);
    } else if (in_cell_) {
      if (name == "v") collect(value_);
      else if (name == "f") cell_.formula = true;
      else if (name == "is") has_inline_ = true;
      else if (name == "rPh") ++in_phonetic_;
      else if (name == "t" && has_inline_ && in_phonetic_ == 0) target_ = &inline_;  // runs add up
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "v" || name == "t") {
      target_ = nullptr;
    } else if (name == "rPh") {
      if (in_phonetic_ > 0) --in_phonetic_;
    } else if (name == "c") {
      end_cell();
    } else if (name == "row") {
      in_row_ = false;
      ++summary_.rows;
      on_row_(row_);
    }
  }

  void text(std::string_view s) override {
    if (target_ != nullptr) target_->append(s);
  }

 private:
  std::string cell_where(const cell_ref& ref) const { return where_ + "!" + ref.a1(); }

  void start_row(const char* r) {
    std::uint32_t number = row_.number + 1;
    if (r != nullptr) {
      std::uint64_t wide = 0;
      if (!read_uint<std::uint64_t>(r, 999'999'999'999ull, wide) || wide == 0)
        throw schema_error(where_, std::string("a row number that is not a number: \"") + r + "\"");
      if (wide > excel_max_rows)
        throw schema_error(where_, "row " + std::to_string(wide) + " is past Excel's last row, " +
                                       std::to_string(excel_max_rows));
      number = static_cast<std::uint32_t>(wide);
    }
    if (number > excel_max_rows)
      throw schema_error(where_, "more rows than Excel's " + std::to_string(excel_max_rows));
    if (number <= row_.number)
      throw schema_error(where_, "row " + std::to_string(number) + " comes after row " +
                                     std::to_string(row_.number));
    row_.number = number;
    row_.cells.clear();
    in_row_ = true;
  }

  void collect(std::string& s) {
    s.clear();
    target_ = &s;
  }

  void start_cell(const char** attrs) {
    if (!in_row_) throw schema_error(where_, "a cell outside a row");
    cell_ = cell{};
    const char* r = attribute(attrs, "r");
    const std::uint32_t previous = row_.cells.empty() ? 0 : row_.cells.back().ref.column;
    if (r != nullptr) {
      if (!parse_a1(r, cell_.ref)) {
        std::string_view text(r);
        throw schema_error(where_, "a cell reference outside Excel's bounds (XFD1048576) or not a "
                                   "reference: \"" + std::string(text.substr(0, 40)) + "\"");
      }
      if (cell_.ref.row != row_.number)
        throw schema_error(cell_where(cell_.ref), "a cell in row " + std::to_string(row_.number));
      if (cell_.ref.column <= previous)
        throw schema_error(cell_where(cell_.ref), "a cell out of column order");
    } else {
      if (previous >= excel_max_columns)
        throw schema_error(where_, "more columns than Excel's " + std::to_string(excel_max_columns));
      cell_.ref = {.row = row_.number, .column = previous + 1};
    }
    const char* t = attribute(attrs, "t");
    type_ = t == nullptr ? "n" : t;
    if (type_ != "n" && type_ != "s" && type_ != "str" && type_ != "inlineStr" && type_ != "b" &&
        type_ != "e" && type_ != "d")
      throw schema_error(cell_where(cell_.ref), "an unknown cell type \"" + type_.substr(0, 20) + "\"");
    const char* s = attribute(attrs, "s");
    std::uint32_t style = 0;
    if (s != nullptr && read_uint<std::uint32_t>(s, 1u << 24, style) && style < date_styles_.size())
      cell_.date_format = date_styles_[style];
    value_.clear();
    inline_.clear();
    has_value_ = false;
    has_inline_ = false;
    in_phonetic_ = 0;
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    target_ = nullptr;
    const std::string where = cell_where(cell_.ref);
    if (type_ == "inlineStr") {
      if (has_inline_) {
        cell_.type = cell_type::text;
        cell_.text = std::move(inline_);
        unescape_ooxml(cell_.text);
      }
    } else if (value_.empty() && !has_inline_) {
      // No value: an empty cell (or a formula without a cached result).
    } else if (type_ == "s") {
      std::size_t index = 0;
      if (!read_uint<std::size_t>(value_, strings_.size(), index) || index >= strings_.size())
        throw schema_error(where, "shared string " + value_.substr(0, 20) + " of " +
                                      std::to_string(strings_.size()));
      cell_.type = cell_type::text;
      cell_.text = strings_[index];
    } else if (type_ == "str" || type_ == "d") {
      cell_.type = cell_type::text;
      cell_.text = std::move(value_);
      unescape_ooxml(cell_.text);
    } else if (type_ == "b") {
      if (value_ != "0" && value_ != "1" && value_ != "true" && value_ != "false")
        throw schema_error(where, "a boolean that is neither 0 nor 1: \"" + value_.substr(0, 20) + "\"");
      cell_.type = cell_type::boolean;
      cell_.number = value_ == "1" || value_ == "true" ? 1 : 0;
    } else if (type_ == "e") {
      cell_.type = cell_type::error;
      cell_.text = std::move(value_);
    } else {
      std::string_view v = value_;
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n' || v.front() == '\r')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
      if (!v.empty() && v.front() == '+') v.remove_prefix(1);
      double d = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
      if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d))
        throw schema_error(where, "a number that is not a number: \"" + value_.substr(0, 40) + "\"");
      cell_.type = cell_type::number;
      cell_.number = d;
    }
    row_.cells.push_back(std::move(cell_));
  }

  std::string where_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_styles_;
  const xlsx_reader::row_callback& on_row_;
  sheet_summary& summary_;

  bool in_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool has_value_ = false;
  bool has_inline_ = false;
  int in_phonetic_ = 0;
  xlsx_row row_;
  cell cell_;
  std::string type_;
  std::string value_;
  std::string inline_;
  std::string* target_ = nullptr;
};

constexpr bool builtin_date_format(std::uint32_t id) noexcept {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

}  // namespace miyagiplan::office::detail
