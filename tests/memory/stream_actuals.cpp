// Memory of reading actuals: generated files several times larger than the bound, CSV and JSON,
// are loaded and evaluated, and the peak resident memory must grow by less than the bound each
// time. Streaming keeps only the set (about 30 bytes an observation) and, for JSON, one element
// at a time, never the file's text.
//
//   stream_actuals [rows]     (1,000,000 by default: a ~200 MiB CSV file, a bound of 56 MiB; the
//                              JSON file has a quarter of the rows, for JSON is read some 8×
//                              slower a row, to keep the test short)
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

namespace {

namespace mp = miyagiplan;

// A field of /proc/self/status in KiB (VmRSS, VmHWM).
long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + key.size(), nullptr, 10);
  return -1;
}

constexpr const char* source = "宮城県 震災復興・企画部 情報政策課「みやぎＩＴ推進プラン２０１３ 進行管理調書」";
constexpr const char* note = "速報値を含む（確定値は次年度の調書で更新）";

// Rows as an office writes them: a source and a note on each, dates of the fiscal years; in JSON
// the value as text, as to_json_text writes it (a JSON number is kept with the text it is
// written as in its unit, 83,597件, some 40 bytes more a row).
bool write_file(const std::filesystem::path& file, const mp::plan& p, long rows, bool json) {
  const auto indicators = p.indicators();
  std::ofstream out(file, std::ios::binary);
  out << (json ? "{\"schema\": \"miyagiplan.Observations.1\", \"observations\": [\n"
               : "indicator,date,value,status,total,source,note\n");
  std::string row;
  for (long k = 0; k < rows; ++k) {
    const mp::indicator& ind = *indicators[static_cast<std::size_t>(k) % indicators.size()];
    const double low = ind.bounds ? ind.bounds->min : 0, high = ind.bounds ? ind.bounds->max : 1e6;
    const long value = static_cast<long>(low) + (k % 97) % (static_cast<long>(high - low) + 1);
    const std::string date = "平成" + std::to_string(20 + k % 11) + "年度末";
    if (json)
      row = std::string(k ? ",\n" : "") + "{\"indicator\": \"" + ind.id + "\", \"date\": \"" + date + "\", \"value\": \"" +
            std::to_string(value) + "\", \"status\": \"実績\", \"source\": \"" + source + "\", \"note\": \"" + note + "\"}";
    else
      row = ind.id + "," + date + "," + std::to_string(value) + ",実績,," + source + "," + note + "\n";
    out << row;
  }
  if (json) out << "\n]}\n";
  return static_cast<bool>(out);
}

// Loads and evaluates one file; false when the peak grew past the bound (or anything failed).
bool measure(const mp::plan& p, long rows, bool json) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("miyagiplan-stream-" + std::to_string(::getpid()) + (json ? ".json" : ".csv"));
  if (!write_file(file, p, rows, json)) {
    std::fprintf(stderr, "cannot write %s\n", file.c_str());
    std::filesystem::remove(file);
    return false;
  }
  const auto file_bytes = std::filesystem::file_size(file);

  // Peak memory from here on: writing 5 to clear_refs resets VmHWM to the current VmRSS.
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  const long before = status_kib("VmRSS");
  std::size_t loaded = 0;
  int graded = 0;
  try {
    const mp::observation_set set = mp::observation_set::load(file, p);
    loaded = set.size();
    const mp::report r = mp::evaluate(p, set, mp::parse_date("令和元年度末").last(), mp::scheme::miyagi());
    for (const auto& ia : r.indicators) graded += ia.assessment.evaluable() ? 1 : 0;
  } catch (const std::exception& e) {
    std::filesystem::remove(file);
    std::fprintf(stderr, "%s\n", e.what());
    return false;
  }
  const long peak = status_kib("VmHWM");
  std::filesystem::remove(file);

  const double growth_mib = static_cast<double>(peak - before) / 1024.0;
  const double file_mib = static_cast<double>(file_bytes) / (1024.0 * 1024.0);
  // 48 MiB for a million rows: the set's records and positions (~30 MB) with room to spare; the
  // file is several times that, so a reader that held the file would fail.
  const double bound_mib = 48.0 * static_cast<double>(rows) / 1e6 + 8.0;
  std::printf("%s: %zu observations from a %.0f MiB file; %d indicators graded; peak grew %.1f MiB (bound %.1f MiB)\n",
              json ? "JSON" : "CSV", loaded, file_mib, graded, growth_mib, bound_mib);
  if (loaded != static_cast<std::size_t>(rows)) return false;
  if (file_mib < 2.5 * bound_mib) {
    std::fprintf(stderr, "the file is not several times the bound\n");
    return false;
  }
  return growth_mib < bound_mib;
}

// Each measurement in a process of its own: what one run leaves to the allocator (freed blocks,
// its raised mmap threshold) would count against the next.
bool measure_apart(long rows, bool json) {
  std::fflush(stdout);
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    const bool good = measure(mp::plans::miyagi_it_2013(), rows, json);
    std::fflush(nullptr);
    std::_Exit(good ? 0 : 1);
  }
  int status = 0;
  return ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  const long rows = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1'000'000;
  const bool csv = measure_apart(rows, false);
  const bool json = measure_apart(rows / 4, true);
  return csv && json ? 0 : 1;
}
