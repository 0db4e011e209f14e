// The plan JSON reader: any text is a schema_error or a plan. A plan that loads writes to JSON
// that loads as an equal plan and writes identically; its rules can be checked and it can be
// evaluated (with no actuals) without anything but a miyagiplan::error.
#include "fuzz_common.hpp"

using namespace miyagiplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  plan p;
  try {
    p = plan_from_json(text);
  } catch (const schema_error&) {
    return 0;  // the reader's one error
  }
  std::string written;
  try {
    written = to_json_text(p);
  } catch (const error& e) {
    fuzz::fail(__FILE__, __LINE__, "a plan that loads writes", e.what());
  }
  plan again;
  try {
    again = plan_from_json(written);
  } catch (const error& e) {
    fuzz::fail(__FILE__, __LINE__, "the written plan loads", std::string(e.what()) + "\n" + written);
  }
  FUZZ_CHECK(again == p, written);
  FUZZ_CHECK(to_json_text(again) == written, written);

  // The rules and an evaluation read any plan; they may only report miyagiplan errors.
  try {
    (void)p.problems();
    const observation_set none;
    const sys_days as_of = days_from_civil(2014, 3, 31);
    (void)evaluate(p, none, as_of);
  } catch (const error&) {
  }
  return 0;
}
