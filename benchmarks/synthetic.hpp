// A plan of many indicators for the benchmarks: the bundled plan's indicators cloned over and
// over, `per_measure` to a measure, the measures spread over its areas.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"

namespace bench {

inline miyagiplan::plan cloned_plan(std::size_t count, const std::string& prefix, std::size_t per_measure) {
  using namespace miyagiplan;
  plan p = plans::miyagi_it_2013();
  std::vector<indicator> templates;
  for (const indicator* i : p.indicators()) templates.push_back(*i);
  for (area& a : p.areas) a.measures.clear();
  for (std::size_t made = 0, m = 0; made < count; ++m) {
    measure ms;
    ms.number = static_cast<int>(m + 1);
    ms.id = prefix + std::to_string(m + 1);
    ms.title = "measure " + std::to_string(m + 1);
    for (std::size_t k = 0; k < per_measure && made < count; ++k, ++made) {
      indicator i = templates[made % templates.size()];
      i.id = ms.id + "-" + std::to_string(k + 1);
      ms.indicators.push_back(std::move(i));
    }
    p.areas[m % p.areas.size()].measures.push_back(std::move(ms));
  }
  return p;
}

}  // namespace bench
