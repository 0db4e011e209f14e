// Only the topic header: the empty plan workbook, written and read back.
#include <filesystem>

#include "miyagiplan/io/workbook.hpp"

int main() {
  const auto path = std::filesystem::temp_directory_path() / "miyagiplan-standalone-template.xlsx";
  miyagiplan::write_plan_template(path);
  const bool written = std::filesystem::file_size(path) > 0;
  std::filesystem::remove(path);
  return written ? 0 : 1;
}
