// Definitions of miyagiplan/eval/record.hpp: compiled by src/evaluate.cpp, or included inline by
// the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <set>
#include <string>
#include <utility>

#include "miyagiplan/eval/record.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan {

MIYAGIPLAN_FUNC evaluation_record record_of(const report& r, const plan& p) {
  evaluation_record out{r.plan_id, r.scheme_name, format_date(r.as_of, date_style::iso), {}};
  for (const auto& a : r.indicators) {
    const indicator* ind = p.find_indicator(a.indicator_id);
    out.entries.push_back({"indicator", a.indicator_id, ind ? ind->name : std::string(), a.assessment.grade, {}, {}, {}, {}});
  }
  for (const auto& m : r.measures) out.entries.push_back({"measure", m.id, m.title, m.rating, {}, {}, {}, {}});
  return out;
}

MIYAGIPLAN_FUNC void check_record(const evaluation_record& record, const report& r, std::string_view source) {
  const std::string file = source.empty() ? std::string() : std::string(source) + ":";
  if (record.plan_id != r.plan_id)
    throw validation_error(file + "/plan", "the record is of plan \"" + record.plan_id + "\", the evaluation of \"" + r.plan_id + "\"");
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t k = 0; k < record.entries.size(); ++k) {
    const record_entry& e = record.entries[k];
    const std::string at = file + "/entries/" + std::to_string(k);
    bool known = false;
    if (e.kind == "indicator") known = r.find(e.id) != nullptr;
    else if (e.kind == "measure")
      for (const auto& m : r.measures) known = known || m.id == e.id;
    else throw validation_error(at + "/kind", "expected indicator or measure, found \"" + e.kind + "\"");
    if (!known) throw validation_error(at + "/id", "no " + e.kind + " \"" + e.id + "\" in the evaluation");
    if (!seen.emplace(e.kind, e.id).second)
      throw validation_error(at + "/id", "a second entry for " + e.kind + " \"" + e.id + "\"");
  }
}

MIYAGIPLAN_FUNC std::string to_json_text(const evaluation_record& record) {
  return detail::dump_checked(ordered_json(record));
}

MIYAGIPLAN_FUNC evaluation_record record_from_json(std::string_view text) {
  const ordered_json j = parse_json(text);
  evaluation_record out;
  from_json(j, out);
  return out;
}

MIYAGIPLAN_FUNC evaluation_record load_record(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  try {
    return record_from_json(text);
  } catch (const schema_error& e) {
    throw schema_error(path.string() + ":" + e.where(), e.message());
  }
}

MIYAGIPLAN_FUNC void save_record(const evaluation_record& record, const std::filesystem::path& path) {
  write_file(path, to_json_text(record));
}

}  // namespace miyagiplan
