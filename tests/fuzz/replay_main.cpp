// Runs files through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer: every build
// replays the corpora and the regression inputs as ordinary tests (ctest fuzz_replay_<target>).
//
//   replay_<target> <file or directory>...
//
// Directories are walked recursively (in name order, hidden files skipped); a directory that
// does not exist is skipped with a note, so that an empty regressions/ needs no placeholder.
// A failing input aborts with the target's message; the last "replaying" line names it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<char> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool hidden(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file() && !hidden(entry.path())) found.push_back(entry.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else {
      std::printf("%s: not there, skipped\n", arg.string().c_str());
    }
  }
  std::size_t bytes = 0;
  for (const auto& file : files) {
    const std::vector<char> data = read_all(file);
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.string().c_str(), data.size());
    // A copy of exactly the input's size, as libFuzzer gives it, so that ASan sees overreads.
    std::vector<std::uint8_t> input(data.begin(), data.end());
    LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
    bytes += data.size();
  }
  std::printf("replayed %zu inputs, %zu bytes\n", files.size(), bytes);
  return 0;
}
