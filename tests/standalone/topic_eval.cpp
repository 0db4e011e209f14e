// Only the topic header: a grading scheme, validated.
#include "miyagiplan/eval.hpp"

int main() {
  const miyagiplan::scheme s = miyagiplan::scheme::miyagi();
  s.validate();
  return s.name.empty() ? 1 : 0;
}
