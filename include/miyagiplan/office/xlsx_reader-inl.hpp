// Definitions of the .xlsx reader. Compiled once by src/office.cpp, or inline when header-only.
#pragma once

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <exception>
#include <fstream>
#include <map>
#include <string>
#include <utility>

#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"

namespace miyagiplan::office {
namespace detail {

// The local part of an XML name: "x:row" and "row" are both "row".
inline std::string_view local_name(const char* name) noexcept {
  const std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

inline const char* attribute(const char** attrs, std::string_view name) noexcept {
  for (; attrs[0] != nullptr; attrs += 2)
    if (local_name(attrs[0]) == name) return attrs[1];
  return nullptr;
}

// An unsigned decimal number, all of `s`, at most `max`; false otherwise.
template <class Int>
bool read_uint(std::string_view s, Int max, Int& value) noexcept {
  if (s.empty() || s.size() > 12) return false;
  std::uint64_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v > max) return false;
  value = static_cast<Int>(v);
  return true;
}

// "C12" → row 12, column 3; false for anything else, or a place outside Excel's bounds.
inline bool parse_a1(std::string_view s, cell_ref& ref) noexcept {
  std::size_t i = 0;
  std::uint32_t column = 0;
  for (; i < s.size() && i < 4; ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  if (i == 0 || column > excel_max_columns) return false;
  std::uint32_t row = 0;
  if (!read_uint<std::uint32_t>(s.substr(i), excel_max_rows, row) || row == 0) return false;
  ref = {.row = row, .column = column};
  return true;
}

inline bool parse_range(std::string_view s, cell_range& range) noexcept {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos) {
    if (!parse_a1(s, range.first)) return false;
    range.last = range.first;
    return true;
  }
  return parse_a1(s.substr(0, colon), range.first) && parse_a1(s.substr(colon + 1), range.last) &&
         range.first.row <= range.last.row && range.first.column <= range.last.column;
}

// Office escapes characters XML cannot hold as _xHHHH_ (_x000D_ for a carriage return).
inline void unescape_ooxml(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned v = 0;
    if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, v, 16).ptr == s.data() + i + 6 &&
        (v < 0xD800 || v > 0xDFFF)) {
      out += miyagiplan::detail::encode_utf8(v).view();
      i += 7;
    } else {
      out += s[i++];
    }
  }
  s = std::move(out);
}

// "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml"; a leading "/" is the root.
inline std::string resolve_part(std::string_view base_dir, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                               : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string piece = joined.substr(start, slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

inline std::string directory_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// What an XML part's reader does with its elements; the driver below feeds it.
class xml_handler {
 public:
  virtual ~xml_handler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

// A zip archive, its entries checked against the limits when it is opened.
class zip_archive {
 public:
  zip_archive(std::string name, xlsx_limits limits) : name_(std::move(name)), limits_(limits) {}
  ~zip_archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  zip_archive(const zip_archive&) = delete;
  zip_archive& operator=(const zip_archive&) = delete;

  void open_path(const std::filesystem::path& path) {
    {
      std::ifstream probe(path, std::ios::binary);
      if (!probe) throw io_error("cannot open " + path.string() + ": no such file, or not readable");
    }
    int code = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (zip_ == nullptr) fail_open(code);
    check_entries();
  }

  void open_bytes(std::string bytes) {
    bytes_ = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      throw schema_error(name_, "cannot read the bytes as a zip archive");
    }
    zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip_ == nullptr) {
      zip_source_free(source);
      const int code = zip_error_code_zip(&error);
      zip_error_fini(&error);
      fail_open(code);
    }
    check_entries();
  }

  bool has(const std::string& part) const noexcept {
    return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0;
  }

  // Streams a part through expat into `handler`. Throws schema_error when the part is missing,
  // cannot be decompressed, or is not well-formed XML; rethrows what the handler throws.
  void parse(const std::string& part, xml_handler& handler) const {
    const zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) throw schema_error(name_, "the workbook has no part " + part);
    const auto i = static_cast<zip_uint64_t>(index);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, i, 0, &st) != 0) throw schema_error(name_ + ":" + part, "cannot read its entry");
    zip_file_t* file = zip_fopen_index(zip_, i, 0);
    if (file == nullptr)
      throw schema_error(name_ + ":" + part, std::string("cannot read it: ") + zip_strerror(zip_));
    XML_Parser parser = XML_ParserCreate(nullptr);
    if (parser == nullptr) {
      zip_fclose(file);
      throw std::bad_alloc();
    }
    struct closer {
      zip_file_t* f;
      XML_Parser p;
      ~closer() {
        zip_fclose(f);
        XML_ParserFree(p);
      }
    } guard{file, parser};

    struct context {
      xml_handler* handler;
      XML_Parser parser;
      std::exception_ptr failure;
    } ctx{&handler, parser, nullptr};
    XML_SetUserData(parser, &ctx);
    static const auto on_start = [](void* data, const XML_Char* name, const XML_Char** attrs) {
      auto* c = static_cast<context*>(data);
      if (c->failure) return;
      try {
        c->handler->start(local_name(name), attrs);
      } catch (...) {
        c->failure = std::current_exception();
        XML_StopParser(c->parser, XML_FALSE);
      }
    };
    static const auto on_end = [](void* data, const XML_Char* name) {
      auto* c = static_cast<context*>(data);
      if (c->failure) return;
      try {
        c->handler->end(local_name(name));
      } catch (...) {
        c->failure = std::current_exception();
        XML_StopParser(c->parser, XML_FALSE);
      }
    };
    static const auto on_text = [](void* data, const XML_Char* s, int len) {
      auto* c = static_cast<context*>(data);
      if (c->failure) return;
      try {
        c->handler->text(std::string_view(s, static_cast<std::size_t>(len)));
      } catch (...) {
        c->failure = std::current_exception();
        XML_StopParser(c->parser, XML_FALSE);
      }
    };
    // A document type declaration is where entity expansion attacks live; parts never have one.
    static const auto on_doctype = [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      auto* c = static_cast<context*>(data);
      if (c->failure) return;
      c->failure = std::make_exception_ptr(std::runtime_error("doctype"));
      XML_StopParser(c->parser, XML_FALSE);
    };
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_text);
    XML_SetStartDoctypeDeclHandler(parser, on_doctype);

    const auto where = [&] {
      return name_ + ":" + part + ":" + std::to_string(XML_GetCurrentLineNumber(parser)) + ":" +
             std::to_string(XML_GetCurrentColumnNumber(parser) + 1);
    };
    const auto check = [&](XML_Status status) {
      if (ctx.failure) {
        try {
          std::rethrow_exception(ctx.failure);
        } catch (const miyagiplan::error&) {
          throw;
        } catch (const std::bad_alloc&) {
          throw;
        } catch (const std::runtime_error& e) {
          if (std::string_view(e.what()) == "doctype")
            throw schema_error(where(), "a document type declaration (<!DOCTYPE>), which no part of a workbook has");
          throw;
        }
      }
      if (status == XML_STATUS_ERROR)
        throw schema_error(where(), std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser)));
    };

    char buffer[1 << 16];
    std::uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0)
        throw schema_error(name_ + ":" + part, std::string("cannot decompress it: ") + zip_file_strerror(file));
      if (n == 0) break;
      total += static_cast<std::uint64_t>(n);
      if (total > st.size)
        throw schema_error(name_ + ":" + part, "it holds more than the " + std::to_string(st.size) +
                                                    " bytes its entry states");
      check(XML_Parse(parser, buffer, static_cast<int>(n), XML_FALSE));
    }
    check(XML_Parse(parser, buffer, 0, XML_TRUE));
  }

 private:
  [[noreturn]] void fail_open(int code) const {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT || code == ZIP_ER_MEMORY)
      throw io_error("cannot open " + name_ + ": " + why);
    throw schema_error(name_, "not an .xlsx workbook: not a readable zip archive (" + why + ")");
  }

  // The zip-bomb and size checks, from what the central directory states; reading then never
  // takes more than an entry states (zip_archive::parse).
  void check_entries() {
    const zip_int64_t count = zip_get_num_entries(zip_, 0);
    if (count < 0) throw schema_error(name_, "not a readable zip archive");
    std::uint64_t total = 0;
    for (zip_int64_t k = 0; k < count; ++k) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(zip_, static_cast<zip_uint64_t>(k), 0, &st) != 0) continue;
      const std::string entry = (st.valid & ZIP_STAT_NAME) != 0 && st.name != nullptr ? st.name : "?";
      if ((st.valid & ZIP_STAT_SIZE) == 0) continue;
      if (st.size > limits_.ratio_checked_from && (st.valid & ZIP_STAT_COMP_SIZE) != 0 &&
          st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_compression_ratio)
        throw schema_error(name_ + ":" + entry,
                           "an entry that expands from " + std::to_string(st.comp_size) + " to " +
                               std::to_string(st.size) + " bytes (more than " +
                               std::to_string(limits_.max_compression_ratio) +
                               ":1; a zip bomb?)");
      total += st.size;
      if (total > limits_.max_uncompressed_bytes)
        throw schema_error(name_, "the workbook expands to more than " +
                                      std::to_string(limits_.max_uncompressed_bytes) +
                                      " bytes (the limit; xlsx_limits::max_uncompressed_bytes)");
    }
  }

  std::string name_;
  xlsx_limits limits_;
  std::string bytes_;  // the archive, when it came from memory (libzip reads it in place)
  zip_t* zip_ = nullptr;
};

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

}  // namespace detail

struct xlsx_reader::impl {
  std::string name;
  xlsx_limits limits;
  detail::zip_archive archive;
  bool date1904 = false;
  std::vector<std::string> sheet_names;
  std::vector<detail::sheet_entry> sheets;
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;  // by cellXfs index

  impl(std::string n, xlsx_limits l) : name(std::move(n)), limits(l), archive(name, limits) {}

  void load() {
    // The main part is named by the package relationships; xl/workbook.xml by convention.
    std::string workbook_part = "xl/workbook.xml";
    if (archive.has("_rels/.rels")) {
      detail::rels_handler root("");
      archive.parse("_rels/.rels", root);
      for (const auto& [id, rel] : root.rels)
        if (rel.type.ends_with("/officeDocument")) workbook_part = rel.target;
    }
    if (!archive.has(workbook_part))
      throw schema_error(name, "not an .xlsx workbook: it has no part " + workbook_part);
    detail::workbook_handler workbook;
    archive.parse(workbook_part, workbook);
    date1904 = workbook.date1904;

    const std::string dir = detail::directory_of(workbook_part);
    const std::string rels_part = dir + "_rels/" + workbook_part.substr(dir.size()) + ".rels";
    detail::rels_handler rels(dir);
    if (archive.has(rels_part)) archive.parse(rels_part, rels);
    std::string strings_part, styles_part;
    for (const auto& [id, rel] : rels.rels) {
      if (rel.type.ends_with("/sharedStrings")) strings_part = rel.target;
      else if (rel.type.ends_with("/styles")) styles_part = rel.target;
    }
    for (auto& sheet : workbook.sheets) {
      const auto found = rels.rels.find(sheet.rel_id);
      if (found == rels.rels.end()) {
        // Without relationships, the conventional name of the n-th sheet.
        if (!rels.rels.empty()) continue;
        sheet.part = dir + "worksheets/sheet" + std::to_string(sheets.size() + 1) + ".xml";
      } else if (!found->second.type.ends_with("/worksheet")) {
        continue;  // a chart sheet or a dialog sheet: no cells
      } else {
        sheet.part = found->second.target;
      }
      sheet_names.push_back(sheet.name);
      sheets.push_back(std::move(sheet));
    }

    if (!styles_part.empty() && archive.has(styles_part)) {
      detail::styles_handler styles;
      archive.parse(styles_part, styles);
      date_styles.reserve(styles.xf_formats.size());
      for (const std::uint32_t id : styles.xf_formats) {
        const auto custom = styles.formats.find(id);
        date_styles.push_back(is_date_format(id, custom == styles.formats.end() ? "" : custom->second));
      }
    }
    if (!strings_part.empty() && archive.has(strings_part)) {
      detail::shared_strings_handler strings(name + ":" + strings_part, limits);
      archive.parse(strings_part, strings);
      shared_strings = std::move(strings.strings);
    }
  }

  sheet_summary read(std::size_t index, const row_callback& on_row) const {
    const detail::sheet_entry& sheet = sheets[index];
    sheet_summary summary;
    summary.name = sheet.name;
    const std::string where = name + "!" + sheet.name;
    if (!archive.has(sheet.part))
      throw schema_error(where, "the workbook has no part " + sheet.part + " for this sheet");
    detail::sheet_handler handler(where, shared_strings, date_styles, on_row, summary);
    archive.parse(sheet.part, handler);
    return summary;
  }
};

MIYAGIPLAN_FUNC std::string column_name(std::uint32_t column) {
  std::string out;
  while (column > 0) {
    const std::uint32_t digit = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return out;
}

MIYAGIPLAN_FUNC bool is_date_format(std::uint32_t id, std::string_view code) {
  if (detail::builtin_date_format(id)) return true;
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') quoted = true;
    else if (c == '\\' || c == '_' || c == '*') ++i;  // an escaped, spaced or repeated character
    else if (c == '[') {
      const auto close = code.find(']', i);
      if (close == std::string_view::npos) return false;
      // [h], [mm] and [ss] are elapsed time; [Red], [$-411] and [>100] are not.
      const std::string_view inner = code.substr(i + 1, close - i - 1);
      if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos) return true;
      i = close;
    } else {
      switch (c) {
        case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
        case 'h': case 'H': case 's': case 'S':
          return true;
        default:
          break;
      }
    }
  }
  return false;
}

MIYAGIPLAN_FUNC xlsx_reader::xlsx_reader(std::unique_ptr<impl> p) noexcept : impl_(std::move(p)) {}
MIYAGIPLAN_FUNC xlsx_reader::~xlsx_reader() = default;
MIYAGIPLAN_FUNC xlsx_reader::xlsx_reader(xlsx_reader&&) noexcept = default;
MIYAGIPLAN_FUNC xlsx_reader& xlsx_reader::operator=(xlsx_reader&&) noexcept = default;

MIYAGIPLAN_FUNC xlsx_reader xlsx_reader::open(const std::filesystem::path& path, xlsx_limits limits) {
  auto p = std::make_unique<impl>(path.string(), limits);
  p->archive.open_path(path);
  p->load();
  return xlsx_reader(std::move(p));
}

MIYAGIPLAN_FUNC xlsx_reader xlsx_reader::from_bytes(std::string bytes, std::string name,
                                                    xlsx_limits limits) {
  auto p = std::make_unique<impl>(std::move(name), limits);
  p->archive.open_bytes(std::move(bytes));
  p->load();
  return xlsx_reader(std::move(p));
}

MIYAGIPLAN_FUNC const std::vector<std::string>& xlsx_reader::sheet_names() const noexcept {
  return impl_->sheet_names;
}

MIYAGIPLAN_FUNC bool xlsx_reader::date1904() const noexcept { return impl_->date1904; }

MIYAGIPLAN_FUNC sheet_summary xlsx_reader::read_sheet(std::string_view name,
                                                      const row_callback& on_row) const {
  for (std::size_t i = 0; i < impl_->sheet_names.size(); ++i)
    if (impl_->sheet_names[i] == name) return impl_->read(i, on_row);
  std::string known;
  for (const auto& n : impl_->sheet_names) known += (known.empty() ? "" : ", ") + n;
  throw schema_error(impl_->name, "no sheet named \"" + std::string(name) + "\" (the sheets: " + known + ")");
}

MIYAGIPLAN_FUNC sheet_summary xlsx_reader::read_sheet(std::size_t index,
                                                      const row_callback& on_row) const {
  if (index >= impl_->sheets.size())
    throw schema_error(impl_->name, "no sheet " + std::to_string(index) + ": the workbook has " +
                                        std::to_string(impl_->sheets.size()));
  return impl_->read(index, on_row);
}

MIYAGIPLAN_FUNC std::vector<cell_range> xlsx_reader::merged_cells(std::string_view sheet) const {
  return read_sheet(sheet, [](const xlsx_row&) {}).merged_cells;
}

namespace detail {
inline constexpr std::chrono::sys_days excel_epoch_1900{std::chrono::year{1899} / 12 / 30};
inline constexpr std::chrono::sys_days excel_epoch_1904{std::chrono::year{1904} / 1 / 1};
inline constexpr std::chrono::sys_days excel_last_day{std::chrono::year{9999} / 12 / 31};
}  // namespace detail

MIYAGIPLAN_FUNC std::chrono::sys_days excel_serial_to_days(double serial, bool date1904) {
  using std::chrono::days;
  if (!std::isfinite(serial)) throw range_error("an Excel date serial that is not a number");
  const double whole = std::floor(serial);
  const auto shown = [&] { return std::to_string(whole).substr(0, std::to_string(whole).find('.')); };
  const double first = date1904 ? 0 : 1;
  const double last = static_cast<double>(
      (detail::excel_last_day - (date1904 ? detail::excel_epoch_1904 : detail::excel_epoch_1900)).count());
  if (whole < first || whole > last)
    throw range_error("Excel date serial " + shown() + " is outside " +
                      (date1904 ? "0 (1904-01-01)" : "1 (1900-01-01)") + " … " +
                      std::to_string(static_cast<long>(last)) + " (9999-12-31)");
  const auto n = static_cast<long>(whole);
  if (date1904) return detail::excel_epoch_1904 + days{n};
  if (n == 60)
    throw range_error("Excel date serial 60 is 1900-02-29, a day that never was (Excel's 1900 leap-year bug)");
  return detail::excel_epoch_1900 + days{n < 60 ? n + 1 : n};
}

MIYAGIPLAN_FUNC double days_to_excel_serial(std::chrono::sys_days day, bool date1904) {
  using namespace std::chrono;
  // std::chrono::sys_days, not the calendar's (an int count) that header-only builds also see.
  const std::chrono::sys_days first =
      date1904 ? detail::excel_epoch_1904 : std::chrono::sys_days{std::chrono::year{1900} / 1 / 1};
  if (day < first || day > detail::excel_last_day)
    throw range_error("a day outside what an Excel date serial holds");
  if (date1904) return static_cast<double>((day - detail::excel_epoch_1904).count());
  const long n = (day - detail::excel_epoch_1900).count();
  return static_cast<double>(day < std::chrono::sys_days{std::chrono::year{1900} / 3 / 1} ? n - 1 : n);
}

}  // namespace miyagiplan::office
