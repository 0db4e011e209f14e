// Only the umbrella header: the bundled plan, written as JSON.
#include "miyagiplan/miyagiplan.hpp"

int main() { return miyagiplan::to_json_text(miyagiplan::plans::miyagi_it_2013()).empty() ? 1 : 0; }
