// The round trips of an actuals set that loaded against the bundled plan, shared by the CSV and
// JSON targets: it writes as CSV and as JSON, both load back equal, and it can be evaluated.
#pragma once

#include "fuzz_common.hpp"

namespace fuzz {

inline std::string describe(const miyagiplan::observation& o) {
  char value[80];
  std::snprintf(value, sizeof value, "%.17g (total %.17g)", o.value.value, o.total.value_or(-1));
  return o.indicator_id + " " + shown(o.when.text()) + " " + shown(o.value.text) + " " + value +
         " " + std::string(to_string(o.value.state)) + " " + std::string(to_string(o.status)) +
         " source " + shown(o.source) + " note " + shown(o.note);
}

// Equal but for the value's text: a file in base units (value_base) comes back written in the
// indicator's unit.
inline bool same_but_text(const miyagiplan::observation& a, const miyagiplan::observation& b) {
  return a.indicator_id == b.indicator_id && a.when == b.when && a.value.state == b.value.state &&
         a.value.value == b.value.value && a.value.note_mark == b.value.note_mark &&
         a.total == b.total && a.status == b.status && a.source == b.source && a.note == b.note;
}

inline void check_same(const miyagiplan::observation_set& got, const miyagiplan::observation_set& want,
                       const char* how, bool exact) {
  FUZZ_CHECK(got.size() == want.size(), how);
  for (std::size_t k = 0; k < want.size(); ++k) {
    const miyagiplan::observation a = got.at(k);
    const miyagiplan::observation b = want.at(k);
    FUZZ_CHECK(exact ? a == b : same_but_text(a, b),
               std::string(how) + ", row " + std::to_string(k) + ":\n  got  " + describe(a) +
                   "\n  want " + describe(b));
  }
}

template <class Load>
miyagiplan::observation_set reload(Load&& load, const std::string& text, const char* how) {
  try {
    return load(text);
  } catch (const miyagiplan::error& e) {
    fail(__FILE__, __LINE__, how, std::string(e.what()) + "\n" + text.substr(0, 4000));
  }
}

inline void check_round_trips(const miyagiplan::observation_set& set) {
  using miyagiplan::observation_set;
  const miyagiplan::plan& p = bundled();
  const auto from_csv = [&](const std::string& t) { return observation_set::from_csv(t, p); };
  const auto from_json = [&](const std::string& t) { return observation_set::from_json(t, p); };
  std::string csv, json;
  try {
    csv = set.to_csv(p);
    json = set.to_json_text(p);
  } catch (const miyagiplan::error& e) {
    fail(__FILE__, __LINE__, "a set that loads writes", e.what());
  }
  const observation_set by_csv = reload(from_csv, csv, "the written CSV loads");
  check_same(by_csv, set, "CSV", false);
  const observation_set by_json = reload(from_json, json, "the written JSON loads");
  check_same(by_json, set, "JSON", false);
  // Once written in the indicator's unit, a set round-trips exactly, text and all.
  check_same(reload(from_csv, by_csv.to_csv(p), "CSV, twice"), by_csv, "CSV twice", true);
  check_same(reload(from_json, by_json.to_json_text(p), "JSON, twice"), by_json, "JSON twice", true);
  FUZZ_CHECK(by_csv.to_csv(p) == by_json.to_csv(p), "CSV and JSON agree");

  // Any loaded set evaluates; only miyagiplan errors may come out.
  try {
    (void)evaluate(p, set, miyagiplan::days_from_civil(2014, 3, 31));
    (void)evaluate(p, set, miyagiplan::days_from_civil(2012, 1, 1));
  } catch (const miyagiplan::error&) {
  }
}

// One input of a target: `read` (the reader at hand, on the input) gives a schema_error, the
// reader's one error, or a set whose round trips hold.
template <class Read>
int check_actuals_input(Read&& read) {
  miyagiplan::observation_set set;
  try {
    set = read();
  } catch (const miyagiplan::schema_error&) {
    return 0;
  }
  check_round_trips(set);
  return 0;
}

}  // namespace fuzz
