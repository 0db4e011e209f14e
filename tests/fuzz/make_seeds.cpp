// Writes the seed corpora of the fuzz targets from the bundled plan's own texts:
//
//   miyagiplan_fuzz_seeds <source dir> <corpus dir>     (tools/fuzz seeds does this)
//
// date/        every date text of the plan, and each of its days in every style
// quantity/    every value text of the plan, after the byte that picks its unit
// plan_json/   the bundled plan's JSON, and small plans edited from it
// actuals_csv/ examples/illustrative-actuals.csv, and small files in base units and with states
// actuals_json/ the same actuals as JSON, and one with numbers and base units
// archive_text/, archive_xml/  the plan and the small plans as Boost archives
//
// Files are named by content (a short hash), so that rerunning changes nothing that is current.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "miyagiplan/miyagiplan.hpp"

using namespace miyagiplan;
namespace fs = std::filesystem;

namespace {

// Must match the table of fuzz_quantity.cpp: 'A' + the unit's index picks it.
constexpr const char* unit_symbols[] = {
    "件", "％", "百万円", "億円", "人", "人・団体", "回／年", "位", "校", "点", "所属",
    "万件", "千件", "千万円", "兆円", "%", "", "円", "万人", "千人",
};

std::string name_of(const std::string& content) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : content) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char buf[32];
  std::snprintf(buf, sizeof buf, "seed-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

int written = 0;

void put(const fs::path& dir, const std::string& content) {
  fs::create_directories(dir);
  const fs::path file = dir / name_of(content);
  if (fs::exists(file)) return;
  std::ofstream(file, std::ios::binary) << content;
  ++written;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string archive(const plan& p, archive_format f) {
  std::ostringstream out;
  save_archive(p, out, f);
  return out.str();
}

// A plan of one area, one measure and one indicator of the bundled plan: small inputs mutate fast.
plan small_plan(const plan& full) {
  plan p;
  p.id = "small";
  p.title = "小さな計画";
  p.issuer = full.issuer;
  p.period = full.period;
  area a = full.areas.front();
  measure m = a.measures.front();
  m.indicators.resize(1);
  m.initiatives.resize(1);
  m.sub_measures.clear();
  a.measures = {m};
  p.areas = {a};
  p.goals = {goal{"G1", 1, "目標", {a.id}}};
  strategy s;
  s.id = "s1";
  s.name = "戦略";
  s.owner = "県";
  s.adopted = parse_date("平成１０年３月");
  s.span = parse_date("H10.3～");
  p.strategies = {s};
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <source dir> <corpus dir>\n", argv[0]);
    return 2;
  }
  const fs::path source = argv[1], corpus = argv[2];
  const plan full = plans::miyagi_it_2013();
  const plan small = small_plan(full);
  const plan empty_plan = [] {
    plan p;
    p.id = "empty";
    p.period = parse_date("2013年度");
    return p;
  }();

  // Dates: the plan's texts, and each named day written in every style.
  std::set<std::string> dates = {full.period.text()};
  for (const indicator* i : full.indicators()) dates.insert({i->baseline.when.text(), i->target.when.text()});
  for (const auto& s : full.strategies)
    for (const auto* d : {&s.adopted, &s.revised, &s.span})
      if (*d) dates.insert((*d)->text());
  for (const std::string& text : std::set<std::string>(dates)) {
    const date_expression e = parse_date(text);
    if (!names_a_day(e.kind())) continue;
    for (const date_style s : {date_style::kanji, date_style::abbrev, date_style::western, date_style::iso})
      dates.insert(format_date(e.first(), s));
  }
  // The grammar's other forms (from the calendar's documentation).
  for (const char* text : {"FY2013", "令和元年度", "平成25年度第1四半期", "平成25年度上半期", "H26～",
                           "平成22年4月1日～12月31日", "平成22～24年", "明治6年1月1日", "㍻22年12月31日",
                           "H22.4～H23.3", "二〇一〇年十二月三十一日", "平成31年度末", "2010年"})
    dates.insert(text);
  for (const auto& d : dates) put(corpus / "date", d);

  // Quantities: 'A' + the unit's index, then the text.
  for (const indicator* i : full.indicators()) {
    std::size_t k = 0;
    while (k < std::size(unit_symbols) && i->unit.symbol != unit_symbols[k]) ++k;
    if (k == std::size(unit_symbols)) {
      std::fprintf(stderr, "unit %s is not in the fuzz table\n", i->unit.symbol.c_str());
      return 1;
    }
    for (const auto* v : {&i->baseline, &i->target})
      put(corpus / "quantity", std::string(1, static_cast<char>('A' + k)) + v->value.text);
  }
  for (const char* extra : {"D0.07 億円", "Q-1,234.5", "B－1.5％", "A1,2,3", "C123456789012345678"})
    put(corpus / "quantity", extra);

  // Plan JSON: the bundled file itself, and edited plans.
  put(corpus / "plan_json", read(source / "data/plans/miyagi-it-plan-2013.json"));
  put(corpus / "plan_json", to_json_text(small));
  put(corpus / "plan_json", to_json_text(empty_plan));
  {
    plan bounded = small;
    indicator& i = bounded.areas[0].measures[0].indicators[0];
    i.bounds = bounds{0, 100};
    i.notes = {"※ 注"};
    put(corpus / "plan_json", to_json_text(bounded));
  }

  // Actuals: the example file, and small ones.
  const std::string example = read(source / "examples/illustrative-actuals.csv");
  put(corpus / "actuals_csv", example);
  put(corpus / "actuals_csv",
      "indicator,date,value_base,status,total\n4-4-1,2014-03-31,1734000000,actual,\n"
      "4-5-1,平成25年度末,全所属,,\n4-5-1,平成24年度末,30,見込,60\n");
  put(corpus / "actuals_csv",
      "\xEF\xBB\xBFindicator,date,value,source,note\r\n1-1-1,平成25年度（見込）,\"3,656\",\"県, 2015\",\"a \"\"note\"\"\"\r\n"
      "# a comment\r\n2-2-2,H25.3.31,35 位,,\r\n");
  const observation_set actuals = observation_set::from_csv(example, full);
  put(corpus / "actuals_json", actuals.to_json_text(full));
  put(corpus / "actuals_json",
      R"({"schema": "miyagiplan.Observations.1", "observations": [
  {"indicator": "4-4-1", "date": "平成25年度", "value": 1734, "status": "実績", "source": "県"},
  {"indicator": "4-4-1", "date": "2014-03-31", "value_base": 1734000000},
  {"indicator": "4-5-1", "date": "平成25年度末", "value": "全所属", "total": 60, "note": null}
]}
)");

  // Archives.
  for (const plan* p : {&full, &small, &empty_plan}) {
    put(corpus / "archive_text", archive(*p, archive_format::text));
    put(corpus / "archive_xml", archive(*p, archive_format::xml));
  }
  std::printf("%d new seed files in %s\n", written, corpus.string().c_str());
  return 0;
}
