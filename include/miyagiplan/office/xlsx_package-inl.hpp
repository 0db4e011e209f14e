// The package under an .xlsx file: a zip archive held to the reader's limits, and XML parts
// streamed through expat to a handler. Included by xlsx_reader-inl.hpp.
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

namespace miyagiplan::office::detail {

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

}  // namespace miyagiplan::office::detail
