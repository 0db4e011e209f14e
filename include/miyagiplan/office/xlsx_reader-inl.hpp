// Definitions of the .xlsx reader. Compiled once by src/office.cpp, or inline when header-only.
// The zip and XML plumbing is in xlsx_package-inl.hpp, the handler of each part in
// xlsx_parts-inl.hpp.
#pragma once

#include "miyagiplan/office/xlsx_parts-inl.hpp"

namespace miyagiplan::office {

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
