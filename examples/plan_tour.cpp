// Loads the bundled plan, lists the indicators of each area with baseline → target, and writes
// the plan as JSON (to the file given, or plan.json).
#include <fstream>
#include <iostream>

#include "miyagiplan/miyagiplan.hpp"

namespace mp = miyagiplan;

int main(int argc, char** argv) {
  const mp::plan plan = mp::plans::miyagi_it_2013();
  std::cout << plan.title << " (" << plan.period.text() << ")\n";
  for (const auto& area : plan.areas) {
    std::cout << "\n重点分野 " << area.number << " " << area.title << "\n";
    for (const mp::measure* m : plan.measures()) {
      if (plan.area_of(*m) != &area) continue;
      for (const auto& i : m->indicators)
        std::cout << "  " << i.id << " " << i.name << "\n      " << i.baseline.when.text() << " "
                  << i.baseline.value.text << " → " << i.target.when.text() << " " << i.target.value.text
                  << "  [" << mp::to_string(i.direction) << ", " << mp::to_string(i.accumulation) << "]\n";
    }
  }
  const char* out = argc > 1 ? argv[1] : "plan.json";
  std::ofstream(out) << mp::to_json_text(plan);
  std::cout << "\nwrote " << out << "\n";
}
