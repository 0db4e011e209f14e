// Only the topic header: a file's format known from its first bytes.
#include "miyagiplan/io/files.hpp"

int main() { return miyagiplan::detect_format("{\"schema\": 1}") == miyagiplan::file_format::json ? 0 : 1; }
