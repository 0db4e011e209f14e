// The Boost archive readers: any input is a schema_error or a plan, and a plan that loads saves
// again in the same format and loads back equal. Shared by the text and XML targets.
#pragma once

#include <sstream>

#include "fuzz_common.hpp"

namespace fuzz {

inline int archive_one_input(std::string_view input, miyagiplan::archive_format format) {
  using namespace miyagiplan;
  plan p;
  {
    std::istringstream in{std::string(input)};
    try {
      p = load_archive(in, format);
    } catch (const schema_error&) {
      return 0;  // the reader's one error
    }
  }
  std::ostringstream out;
  try {
    save_archive(p, out, format);
  } catch (const error& e) {
    fail(__FILE__, __LINE__, "a plan that loads saves", e.what());
  }
  std::istringstream again(out.str());
  plan back;
  try {
    back = load_archive(again, format);
  } catch (const error& e) {
    fail(__FILE__, __LINE__, "the saved plan loads", std::string(e.what()) + "\n" + out.str().substr(0, 4000));
  }
  FUZZ_CHECK(back == p, out.str().substr(0, 4000));

  // A loaded plan is a plan like any other: its rules can be checked and it can be evaluated
  // (an archive's date readings are loaded as they are, not parsed again).
  try {
    (void)p.problems();
    (void)evaluate(p, observation_set{}, days_from_civil(2014, 3, 31));
  } catch (const error&) {
  }
  return 0;
}

}  // namespace fuzz
