// The report for programs: CSV (one row per indicator) and JSON ("miyagiplan.Report.1": everything,
// with explanations). Included by render-inl.hpp.
#pragma once

#include <nlohmann/json.hpp>

#include "miyagiplan/io/json.hpp"
#include "miyagiplan/report/render_view-inl.hpp"

namespace miyagiplan::present::machine_format {


using json = nlohmann::ordered_json;

inline std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

inline std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + csv_cell(cells[k]);
  return out + "\n";
}

// The number of a quantity in its display unit, or empty for a state (全所属, －).
inline std::string quantity_number(const miyagiplan::quantity& q, const miyagiplan::indicator& ind) {
  if (!q.is_number()) return {};
  value_style s = style_for(ind, nullptr);
  s.share = false;
  s.unit = ind.unit.symbol;
  s.factor = ind.unit.factor();
  s.decimals = decimals_of(q.text);
  return plain_value(s, q.value);
}

inline json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

inline json date_json(const miyagiplan::date_expression& d) {
  if (d.empty()) return nullptr;
  return {{"text", d.text()},
          {"kind", miyagiplan::to_string(d.kind())},
          {"first", iso_day(d.days().first)},
          {"last", iso_day(d.days().last)},
          {"estimate", d.estimate()},
          {"proleptic", d.proleptic()}};
}

inline json dated_value_json(const miyagiplan::dated_value& v) {
  return {{"text", v.value.text},
          {"state", miyagiplan::to_string(v.value.state)},
          {"value", v.value.is_number() ? json(v.value.value) : json(nullptr)},
          {"date", date_json(v.when)}};
}

inline json rollup_json(const miyagiplan::rollup& r) {
  json counts = json::object();
  for (const auto& [label, n] : r.grade_counts) counts[label] = n;
  return {{"kind", r.kind},          {"id", r.id},           {"title", r.title},
          {"rating", r.rating},      {"average_points", optional_number(r.average_points)},
          {"evaluable", r.evaluable}, {"total", r.total},     {"grade_counts", counts}};
}


inline const std::vector<std::string>& csv_header() {
  static const std::vector<std::string> header{"id", "area", "measure", "name", "unit", "accumulation", "direction", "baseline_value",
                              "baseline_text", "baseline_date", "target_value", "target_text", "target_date", "as_of",
                              "actual", "actual_date", "expected", "value_unit", "rate_percent", "grade", "status"};
  return header;
}

// One row per indicator, in document order.
inline std::vector<std::vector<std::string>> csv_rows(const report_view& c) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : c.plan.areas) {
    for_each_measure(a, [&](const miyagiplan::measure& m, int) {
      for (const auto& ind : m.indicators) {
        std::vector<std::string> row{ind.id,
                                     a.id,
                                     m.id,
                                     ind.name,
                                     ind.unit.symbol,
                                     std::string(miyagiplan::to_string(ind.accumulation)),
                                     std::string(miyagiplan::to_string(ind.direction)),
                                     quantity_number(ind.baseline.value, ind),
                                     ind.baseline.value.text,
                                     ind.baseline.when.text(),
                                     quantity_number(ind.target.value, ind),
                                     ind.target.value.text,
                                     ind.target.when.text(),
                                     c.as_of ? iso_day(*c.as_of) : std::string()};
        if (const auto* ia = c.assessment(ind.id)) {
          const auto& as = ia->assessment;
          const value_style s = c.style(ind);
          const auto* d = c.actual_date(*ia);
          row.push_back(as.actual ? plain_value(s, *as.actual) : "");
          row.push_back(d ? d->text() : "");
          row.push_back(as.expected ? plain_value(s, *as.expected) : "");
          row.push_back(s.unit);
          row.push_back(as.rate ? format_number(*as.rate * 100, 1) : "");
          row.push_back(as.grade);
          row.push_back(std::string(miyagiplan::to_string(as.status)));
        } else {
          row.resize(row.size() + 7);
        }
        rows.push_back(std::move(row));
      }
    });
  }
  return rows;
}

// The view of one fiscal year of a report over every year.
inline report_view year_view(const report_view& c, const miyagiplan::year_evaluation& y) {
  report_view v = c;
  v.report = &y.evaluation;
  v.as_of = y.evaluation.as_of;
  v.years = nullptr;
  return v;
}

// One row per indicator; over every fiscal year, one per indicator and year, with the fiscal
// year first and the grade of the year before and the movement last.
inline std::string render_csv_text(const report_view& c) {
  if (!c.years) {
    // With an evaluation record, what it says of each indicator in four more columns.
    std::vector<std::string> header = csv_header();
    if (c.record) header.insert(header.end(), {"reason", "opinion", "comment", "response"});
    std::string out = csv_line(header);
    for (auto& row : csv_rows(c)) {
      if (c.record) {
        const auto* e = c.record->find("indicator", row.front());
        if (e) row.insert(row.end(), {e->reason, e->opinion == miyagiplan::committee_opinion::none ? "" : std::string(miyagiplan::to_string(e->opinion)), e->comment, e->response});
        else row.resize(row.size() + 4);
      }
      out += csv_line(row);
    }
    return out;
  }
  std::vector<std::string> header{"fiscal_year", "fiscal_year_label"};
  header.insert(header.end(), csv_header().begin(), csv_header().end());
  header.insert(header.end(), {"previous_grade", "movement"});
  std::string out = csv_line(header);
  const auto& years = c.years->years;
  const std::size_t later = years.size() - 1;
  for (std::size_t k = 0; k < years.size(); ++k) {
    const auto rows = csv_rows(year_view(c, years[k]));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::vector<std::string> row{std::to_string(years[k].year.year()), years[k].year.label()};
      row.insert(row.end(), rows[i].begin(), rows[i].end());
      if (k > 0) {
        const auto& change = c.years->changes[i * later + k - 1];
        row.push_back(change.previous);
        row.push_back(std::string(miyagiplan::to_string(change.movement)));
      } else {
        row.resize(row.size() + 2);
      }
      out += csv_line(row);
    }
  }
  return out;
}

inline json report_json(const report_view& c) {
  json j;
  j["schema"] = "miyagiplan.Report.1";
  j["plan"] = {{"id", c.plan.id},
               {"title", c.plan.title},
               {"issuer", c.plan.issuer},
               {"period", date_json(c.plan.period)},
               {"source", c.plan_source.empty() ? json("bundled") : json(c.plan_source)}};
  if (c.actuals) j["actuals"] = {{"source", c.actuals_source}, {"count", c.actuals->size()}};
  else j["actuals"] = nullptr;
  json grades = json::array();
  for (const auto& b : c.scheme.bands) grades.push_back(b.label);
  j["scheme"] = {{"name", c.scheme.name},
                 {"formula", miyagiplan::to_string(c.scheme.formula)},
                 {"grades", grades},
                 {"not_evaluable", c.scheme.not_evaluable}};
  j["as_of"] = c.as_of ? json(iso_day(*c.as_of)) : json(nullptr);
  json indicators = json::array();
  for (const auto& a : c.plan.areas) {
    for_each_measure(a, [&](const miyagiplan::measure& m, int) {
      for (const auto& ind : m.indicators) {
        json i = {{"id", ind.id},
                  {"area", a.id},
                  {"measure", m.id},
                  {"name", ind.name},
                  {"unit", {{"symbol", ind.unit.symbol}, {"base", ind.unit.base}, {"scale", ind.unit.scale}}},
                  {"accumulation", miyagiplan::to_string(ind.accumulation)},
                  {"direction", miyagiplan::to_string(ind.direction)},
                  {"baseline", dated_value_json(ind.baseline)},
                  {"target", dated_value_json(ind.target)}};
        const auto* ia = c.assessment(ind.id);
        if (!ia) {
          i["assessment"] = nullptr;
          i["explanation"] = nullptr;
          indicators.push_back(std::move(i));
          continue;
        }
        const auto& as = ia->assessment;
        const value_style s = c.style(ind);
        json used = json::array();
        for (const std::size_t k : ia->observations) {
          const miyagiplan::observation o = c.actuals->at(k);
          used.push_back({{"index", k},
                          {"date", date_json(o.when)},
                          {"text", o.value.text},
                          {"value", o.value.is_number() ? json(o.value.value) : json(nullptr)},
                          {"state", miyagiplan::to_string(o.value.state)},
                          {"status", miyagiplan::to_string(o.status)}});
        }
        auto shown = [&](const std::optional<double>& v) { return v ? json(format_value(s, *v)) : json(nullptr); };
        i["assessment"] = {{"formula", miyagiplan::to_string(as.formula)},
                           {"as_of", iso_day(as.as_of)},
                           {"actual", optional_number(as.actual)},
                           {"baseline", optional_number(as.baseline)},
                           {"target", optional_number(as.target)},
                           {"expected", optional_number(as.expected)},
                           {"rate", optional_number(as.rate)},
                           {"rate_percent", as.rate ? json(*as.rate * 100) : json(nullptr)},
                           {"reached", as.reached},
                           {"grade", as.grade},
                           {"points", as.points},
                           {"status", miyagiplan::to_string(as.status)},
                           {"evaluable", as.evaluable()},
                           {"baseline_estimate", as.baseline_estimate},
                           {"years_met", as.years_met},
                           {"years_due", as.years_due},
                           {"observations", used},
                           {"display",
                            {{"unit", s.unit},
                             {"actual", shown(as.actual)},
                             {"expected", shown(as.expected)},
                             {"rate", as.rate ? json(format_rate(*as.rate)) : json(nullptr)}}}};
        // What the newer data adds, only where it applies: a report without it stays as it was.
        json& extra = i["assessment"];
        if (as.revisions_in_force > 0) {
          extra["revisions_in_force"] = as.revisions_in_force;
          extra["original_target"] = optional_number(as.original_target);
          extra["original_baseline"] = optional_number(as.original_baseline);
        }
        if (as.expected_from_milestones) extra["expected_from_milestones"] = true;
        if (as.figure_published) {
          extra["figure_published"] = iso_day(*as.figure_published);
          extra["figure_age_days"] = as.figure_age ? json(*as.figure_age) : json(nullptr);
        }
        if (as.status == miyagiplan::progress_status::excluded) extra["excluded_reason"] = ia->excluded_reason;
        i["explanation"] = ia->explanation;
        indicators.push_back(std::move(i));
      }
    });
  }
  j["indicators"] = std::move(indicators);
  if (c.report) {
    json rollups = {{"measures", json::array()}, {"areas", json::array()}, {"goals", json::array()}};
    for (const auto& r : c.report->measures) rollups["measures"].push_back(rollup_json(r));
    for (const auto& r : c.report->areas) rollups["areas"].push_back(rollup_json(r));
    for (const auto& r : c.report->goals) rollups["goals"].push_back(rollup_json(r));
    // One roll-up of the whole plan when the goals do not divide the areas (goals is then empty).
    rollups["plan"] = c.report->overall.empty() ? json(nullptr) : rollup_json(c.report->overall.front());
    j["rollups"] = std::move(rollups);
  } else {
    j["rollups"] = nullptr;
  }
  if (c.record) j["record"] = json(*c.record);  // only when given: reports without one stay as they were
  return j;
}

// "miyagiplan.Report.1"; over every fiscal year "miyagiplan.Years.1": a report per year, then
// each indicator's grade changes and the counts year by year.
inline std::string render_json_text(const report_view& c) {
  if (!c.years) return report_json(c).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  json j;
  j["schema"] = "miyagiplan.Years.1";
  j["plan"] = c.plan.id;
  j["scheme"] = c.scheme.name;
  json years = json::array();
  for (const auto& y : c.years->years)
    years.push_back({{"fiscal_year", y.year.year()},
                     {"label", y.year.label()},
                     {"as_of", iso_day(y.evaluation.as_of)},
                     {"report", report_json(year_view(c, y))}});
  j["years"] = std::move(years);
  json changes = json::array();
  for (const auto& ch : c.years->changes)
    changes.push_back({{"indicator", ch.indicator_id},
                       {"fiscal_year", ch.year.year()},
                       {"previous", ch.previous},
                       {"current", ch.current},
                       {"movement", miyagiplan::to_string(ch.movement)}});
  j["changes"] = std::move(changes);
  json counts = json::array();
  for (const auto& row : c.years->counts) counts.push_back({{"kind", row.kind}, {"label", row.label}, {"counts", row.counts}});
  j["counts"] = std::move(counts);
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace miyagiplan::present::machine_format
