// The actuals CSV reader, against the bundled plan: any text is a schema_error or a set of
// observations, and a set that loads writes as CSV and JSON that load back equal.
#include "actuals_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::check_actuals_input([&] {
    return miyagiplan::observation_set::from_csv(fuzz::as_text(data, size), fuzz::bundled(), "fuzz.csv");
  });
}
