#include <miyagiplan/miyagiplan.hpp>

#include <iostream>

int main() {
  const auto fy = miyagiplan::fiscal_year::parse("平成25年度");
  const auto plan = miyagiplan::plans::miyagi_it_2013();
  std::cout << fy.label() << " " << plan.indicators().size() << " indicators\n";
  return fy.year() == 2013 && plan.indicators().size() == 25 ? 0 : 1;
}
