// Plans in files: JSON, or a Boost text, binary or XML archive. A file's format is read from its
// first bytes, so load_plan needs no hint; saving replaces a file only once the new one is whole.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_IO_FILES_HPP
#endif

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan {

enum class file_format : std::uint8_t { json, text, binary, xml, xlsx };

template <>
struct enum_description<file_format> {
  static constexpr std::string_view type = "file format", python = "FileFormat";
  static constexpr std::string_view doc =
      "The format of a plan file: JSON is the exchange format; TEXT, BINARY and XML are Boost archives (BINARY "
      "is fastest but depends on the machine: keep it for caches); XLSX is a workbook to author a plan in Excel.";
  static constexpr std::array<std::string_view, 5> names{"json", "text", "binary", "xml", "xlsx"};
  static constexpr std::array<std::string_view, 5> docs{
      "JSON text (the exchange format)", "a Boost text archive",
      "a Boost binary archive (fastest; depends on byte order and word size)", "a Boost XML archive",
      "an Excel workbook, one sheet per kind of object (io/workbook.hpp)"};
};

// The format of a file from its first bytes: '{' after whitespace is JSON, "<?xml" is XML,
// "22 serialization::archive " is a Boost text archive, a zip archive ("PK\3\4") is an .xlsx
// workbook, and anything else is read as binary.
// A UTF-8 byte order mark and leading whitespace are skipped.
MIYAGIPLAN_FUNC file_format detect_format(std::string_view head) noexcept;

// Writes to a temporary file in the same directory, then renames it over `path`: a failed save
// never leaves half a file. Throws io_error naming the path and the reason.
MIYAGIPLAN_FUNC void save_plan(const plan& p, const std::filesystem::path& path,
                               file_format format = file_format::json);

// Writes `path` whole or not at all: `write` fills a temporary file beside it (the path it is
// given), which is then renamed over `path` keeping the old file's mode; when `write` throws, or
// the rename fails, the temporary file is removed and `path` is as it was. A link is followed; a
// directory or device is refused. Throws io_error naming the path and the reason.
MIYAGIPLAN_FUNC void replace_file(const std::filesystem::path& path,
                                  const std::function<void(const std::filesystem::path& temporary)>& write);

// Bytes to a file through replace_file.
MIYAGIPLAN_FUNC void write_file(const std::filesystem::path& path, std::string_view bytes);

// The whole of a file, as bytes; throws io_error naming the path and the reason.
MIYAGIPLAN_FUNC std::string read_file(const std::filesystem::path& path);

// Reads a plan in whichever format the file holds. Throws io_error when the file cannot be read
// and schema_error, its where() starting with the path, when its content is not a plan.
MIYAGIPLAN_FUNC plan load_plan(const std::filesystem::path& path);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_FILES_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_IO_FILES_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
