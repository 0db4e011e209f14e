// Only the topic header: a document read as ordered JSON.
#include "miyagiplan/io/json.hpp"

int main() { return miyagiplan::parse_json(R"({"a": 1})").size() == 1 ? 0 : 1; }
