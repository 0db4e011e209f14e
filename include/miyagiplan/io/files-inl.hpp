// Definitions of plan files. Compiled once by src/archive.cpp, or inline when header-only.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

#include "miyagiplan/error.hpp"
#include "miyagiplan/io/archive.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"

namespace miyagiplan {
namespace detail {

inline archive_format archive_format_of(file_format f) noexcept {
  return f == file_format::text ? archive_format::text
       : f == file_format::xml  ? archive_format::xml
                                : archive_format::binary;
}

// "cannot open /a/b.json: No such file or directory"; errno is read at once, before anything
// else can change it.
inline io_error file_error(const char* doing, const std::filesystem::path& path) {
  const int code = errno;
  return io_error("cannot " + std::string(doing) + " " + path.string() + ": " +
                  std::generic_category().message(code));
}

// Beside the target, so that the rename stays on one file system; random, so that two savers
// never share one.
inline std::filesystem::path temporary_beside(const std::filesystem::path& path) {
  std::random_device random;
  const auto tag = (std::uint64_t{random()} << 32) | random();
  std::filesystem::path temp = path;
  temp += ".tmp-" + std::to_string(tag);
  return temp;
}

}  // namespace detail

MIYAGIPLAN_FUNC std::string read_file(const std::filesystem::path& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw detail::file_error("open", path);
  std::string content = detail::read_all(in);
  if (in.bad()) throw detail::file_error("read", path);
  return content;
}

MIYAGIPLAN_FUNC file_format detect_format(std::string_view head) noexcept {
  if (head.starts_with(std::string_view("PK\x03\x04", 4))) return file_format::xlsx;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return file_format::binary;
  head.remove_prefix(start);
  if (head.starts_with('{')) return file_format::json;
  if (head.starts_with("<?xml")) return file_format::xml;
  if (head.starts_with(detail::text_archive_start)) return file_format::text;
  return file_format::binary;
}

MIYAGIPLAN_FUNC void replace_file(const std::filesystem::path& path,
                                  const std::function<void(const std::filesystem::path& temporary)>& write) {
  namespace fs = std::filesystem;
  // A link is followed, so that the file it names is replaced and the link kept; anything but a
  // regular file (a directory, a device) is refused rather than replaced.
  std::error_code error;
  const fs::file_status old = fs::status(path, error);
  if (fs::exists(old) && !fs::is_regular_file(old))
    throw io_error("cannot replace " + path.string() + ": not a regular file");
  fs::path target = path;
  if (fs::exists(old) && fs::is_symlink(fs::symlink_status(path, error))) {
    target = fs::canonical(path, error);
    if (error) throw io_error("cannot follow " + path.string() + ": " + error.message());
  }
  const fs::path temp = detail::temporary_beside(target);
  try {
    write(temp);
    if (fs::exists(old)) fs::permissions(temp, old.permissions(), error);  // keep the old mode
    fs::rename(temp, target, error);
    if (error) throw io_error("cannot replace " + target.string() + ": " + error.message());
  } catch (...) {
    fs::remove(temp, error);
    throw;
  }
}

MIYAGIPLAN_FUNC void write_file(const std::filesystem::path& path, std::string_view bytes) {
  replace_file(path, [&](const std::filesystem::path& temp) {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw detail::file_error("write", path);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw detail::file_error("write", path);
  });
}

MIYAGIPLAN_FUNC void save_plan(const plan& p, const std::filesystem::path& path,
                               file_format format) {
  if (format == file_format::xlsx) {
    replace_file(path, [&](const std::filesystem::path& temp) { write_plan_workbook(p, temp); });
    return;
  }
  replace_file(path, [&](const std::filesystem::path& temp) {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw detail::file_error("write", path);
    if (format == file_format::json) out << to_json_text(p);
    else detail::write_archive(p, out, detail::archive_format_of(format));
    out.close();
    if (!out) throw detail::file_error("write", path);
  });
}

MIYAGIPLAN_FUNC plan load_plan(const std::filesystem::path& path) {
  const std::string content = read_file(path);
  const file_format format = detect_format(content);
  if (format == file_format::xlsx) return read_plan_workbook(path);  // its errors name the file
  try {
    if (format == file_format::json) return plan_from_json(content);
    return load_archive(content, detail::archive_format_of(format));
  } catch (const schema_error& e) {
    throw schema_error(path.string() + (e.where().empty() ? "" : ": " + e.where()), e.message());
  }
}

MIYAGIPLAN_FUNC scheme scheme::load(const std::filesystem::path& path) {
  const std::string file = path.string();
  const std::string text = read_file(path);
  scheme s;
  try {
    s = from_json(text);
  } catch (const schema_error& e) {
    throw schema_error(file + ":" + e.where(), e.message());
  }
  try {
    s.validate();
  } catch (const validation_error& e) {
    throw schema_error(file, e.what());
  }
  return s;
}

MIYAGIPLAN_FUNC scheme scheme::from_name_or_file(std::string_view value) {
  namespace fs = std::filesystem;
  const std::string text(value);
  std::error_code ec;
  const bool looks_like_file = value.ends_with(".json") || value.find('/') != std::string_view::npos ||
                               fs::exists(fs::path(text), ec);
  if (looks_like_file) return load(text);
  const auto names = preset_names();
  if (std::find(names.begin(), names.end(), text) == names.end()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw not_found_error("no preset named \"" + text + "\" (presets: " + list + "; or give a JSON scheme file)");
  }
  return preset(text);
}

}  // namespace miyagiplan
