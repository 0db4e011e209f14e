// Only the topic header: an archive that is not one is refused with a miyagiplan::error.
#include "miyagiplan/io/archive.hpp"

int main() {
  try {
    (void)miyagiplan::load_archive(std::string_view("not an archive"), miyagiplan::archive_format::text);
  } catch (const miyagiplan::error&) {
    return 0;
  }
  return 1;
}
