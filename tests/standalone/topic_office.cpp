// Only the topic header: CP932 bytes read as UTF-8.
#include "miyagiplan/office.hpp"

int main() {
  using namespace miyagiplan::office;
  return to_utf8("\x93\xfa\x96\x7b", text_encoding::cp932, "<bytes>") == "日本" ? 0 : 1;
}
