#include "report_data.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace mpcli {

const miyagiplan::indicator_assessment* report_context::assessment(const std::string& id) const {
  return report ? report->find(id) : nullptr;
}

const miyagiplan::rollup* report_context::measure_rollup(const std::string& id) const {
  if (!report) return nullptr;
  for (const auto& r : report->measures)
    if (r.id == id) return &r;
  return nullptr;
}

const miyagiplan::rollup* report_context::area_rollup(const std::string& id) const {
  if (!report) return nullptr;
  for (const auto& r : report->areas)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<miyagiplan::observation_point> report_context::points(const std::string& id) const {
  return actuals ? actuals->points_for(id) : std::vector<miyagiplan::observation_point>{};
}

value_style report_context::style(const miyagiplan::indicator& ind) const {
  return style_for(ind, actuals ? &*actuals : nullptr);
}

const miyagiplan::date_expression* report_context::actual_date(
    const miyagiplan::indicator_assessment& a) const {
  if (!actuals || a.observations.empty()) return nullptr;
  const std::size_t k = a.observations.back();
  return k < actuals->items().size() ? &actuals->items()[k].when : nullptr;
}

int report_context::grade_rank(const std::string& grade) const {
  for (std::size_t k = 0; k < scheme.bands.size(); ++k)
    if (scheme.bands[k].label == grade) return static_cast<int>(k);
  return -1;
}

int report_context::rating_rank(const std::string& rating) const {
  for (std::size_t k = 0; k < scheme.rollup.size(); ++k)
    if (scheme.rollup[k].label == rating) return static_cast<int>(k);
  return -1;
}

std::vector<std::string> report_context::grade_labels() const {
  std::vector<std::string> out;
  for (const auto& b : scheme.bands) out.push_back(b.label);
  out.push_back(scheme.not_evaluable);
  return out;
}

lang language_option(const parsed_args& args) {
  const std::string l = args.get_or("lang", "ja");
  check_choice("lang", l, {"ja", "en"});
  return l == "en" ? lang::en : lang::ja;
}

int terminal_width(const parsed_args& args) {
  if (const auto w = args.get("width")) {
    int v = 0;
    try {
      std::size_t used = 0;
      v = std::stoi(*w, &used);
      if (used != w->size()) v = 0;
    } catch (const std::exception&) {
      v = 0;
    }
    if (v < 40 || v > 1000) throw usage_error("--width: expected a number of columns from 40 to 1000, found \"" + *w + "\"");
    return v;
  }
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && v >= 40) return static_cast<int>(std::min(v, 120L));
  }
  return 80;
}

miyagiplan::plan load_plan_option(const parsed_args& args) {
  if (const auto file = args.get("plan")) return miyagiplan::load_plan(*file);
  return miyagiplan::plans::miyagi_it_2013();
}

namespace {

miyagiplan::scheme scheme_option(const std::string& value) {
  namespace fs = std::filesystem;
  const bool looks_like_file = value.ends_with(".json") || value.find('/') != std::string::npos ||
                               fs::exists(fs::path(value));
  if (!looks_like_file) {
    const auto names = miyagiplan::scheme::preset_names();
    if (std::find(names.begin(), names.end(), value) == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      throw usage_error("--scheme: no preset named \"" + value + "\" (presets: " + list +
                        "; or give a JSON scheme file)");
    }
    return miyagiplan::scheme::preset(value);
  }
  const std::string text = miyagiplan::read_file(value);
  miyagiplan::scheme s;
  try {
    s = miyagiplan::scheme::from_json(text);
  } catch (const miyagiplan::schema_error& e) {
    throw miyagiplan::schema_error(value + ":" + e.where(), e.message());
  }
  try {
    s.validate();
  } catch (const miyagiplan::validation_error& e) {
    throw miyagiplan::schema_error(value, e.what());
  }
  return s;
}

}  // namespace

report_context build_context(const parsed_args& args) {
  report_context c;
  c.language = language_option(args);
  c.width = terminal_width(args);
  c.scheme_given = args.has("scheme");
  c.scheme = scheme_option(args.get_or("scheme", "miyagi"));
  std::optional<miyagiplan::sys_days> as_of;
  if (const auto text = args.get("as-of")) as_of = miyagiplan::to_western(*text);
  c.plan_source = args.get_or("plan", "");
  c.plan = load_plan_option(args);
  if (const auto file = args.get("actuals")) {
    c.actuals_source = *file;
    c.actuals = miyagiplan::observation_set::load(*file, c.plan);
    if (!as_of) {
      // The last day of the plan's period, or of its latest target when it states none.
      miyagiplan::sys_days last = c.plan.period.empty() ? miyagiplan::sys_days{} : c.plan.period.days().last;
      if (c.plan.period.empty() || c.plan.period.open_ended())
        for (const auto* ind : c.plan.indicators())
          if (!ind->target.when.empty() && !ind->target.when.open_ended())
            last = std::max(last, ind->target.when.days().last);
      as_of = last;
    }
    c.report = miyagiplan::evaluate(c.plan, *c.actuals, *as_of, c.scheme);
  }
  if (as_of) c.as_of = *as_of;
  return c;
}

void for_each_measure(const miyagiplan::area& a,
                      const std::function<void(const miyagiplan::measure&, int depth)>& fn) {
  std::function<void(const miyagiplan::measure&, int)> walk = [&](const miyagiplan::measure& m, int depth) {
    fn(m, depth);
    for (const auto& sub : m.sub_measures) walk(sub, depth + 1);
  };
  for (const auto& m : a.measures) walk(m, 0);
}

void write_output(const std::optional<std::string>& path, const std::string& content) {
  if (!path || *path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) throw miyagiplan::io_error("cannot write to standard output");
    return;
  }
  errno = 0;
  std::ofstream out(*path, std::ios::binary | std::ios::trunc);
  if (!out) throw miyagiplan::io_error("cannot open " + *path + " for writing: " + std::strerror(errno));
  out << content;
  out.close();
  if (!out) throw miyagiplan::io_error("cannot write " + *path + ": " + std::strerror(errno));
}

}  // namespace mpcli
