// Converts the date expressions given on the command line — or, with none, every date
// expression of the bundled plan — into their days, kind and flags.
//   example_dates 平成22年12月末 H22.12.31 令和元年度 "平成23～25年度"
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"

namespace mp = miyagiplan;

static void show(const std::string& text) {
  try {
    const mp::date_expression e = mp::parse_date(text);
    std::cout << text << "\t" << mp::format_date(e.first(), mp::date_style::iso) << " … "
              << (e.open_ended() ? std::string("(open)") : mp::format_date(e.last(), mp::date_style::iso))
              << "\t" << mp::to_string(e.kind()) << (e.estimate() ? "\t見込" : "")
              << (e.proleptic() ? "\tproleptic" : "") << "\n";
  } catch (const mp::error& err) {
    std::cout << text << "\terror: " << err.what() << "\n";
  }
}

int main(int argc, char** argv) {
  std::vector<std::string> texts(argv + 1, argv + argc);
  if (texts.empty()) {
    const mp::plan plan = mp::plans::miyagi_it_2013();
    std::set<std::string> seen;
    auto add = [&](const std::string& t) {
      if (seen.insert(t).second) texts.push_back(t);
    };
    add(plan.period.text());
    for (const mp::indicator* i : plan.indicators()) {
      add(i->baseline.when.text());
      add(i->target.when.text());
    }
    for (const auto& s : plan.strategies)
      for (const auto* d : {&s.adopted, &s.revised, &s.span})
        if (*d) add((*d)->text());
  }
  for (const auto& t : texts) show(t);
}
