// The Boost XML archive reader: any input is a schema_error or a plan that re-saves and loads
// back equal.
#include "archive_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::archive_one_input(fuzz::as_text(data, size), miyagiplan::archive_format::xml);
}
