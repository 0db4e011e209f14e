// What every C++ peer program shares: reading the workload the harness wrote, timing an
// operation the way every peer does, and printing one JSON line per (operation, implementation).
//
// The protocol (the same in Java, Node and Python, see benchmarks/peers/README.md):
//   1. a checking pass runs the operation over all N items and keeps every answer; the harness
//      compares the answers with the expected ones. It also warms caches (and JITs).
//   2. `reps` timed repetitions run it over the first n_timed items, folding each result into a
//      checksum so that nothing is optimised away. n_timed = N, unless the checking pass says
//      one repetition would take longer than `budget` seconds; then fewer (never below 10,000).
//   3. one JSON line: op, impl, lang, n, n_timed, ns_per_op (wall clock) and cpu_ns_per_op (the
//      process's CPU time, all threads) of each repetition, checksum, and where the answers are.
// Process start, file reading and answer writing are outside every timed region.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <ctime>
#include <fstream>
#include <type_traits>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace peers {

struct options {
  std::string work;  // the workload directory
  int reps = 5;
  double budget = 1.0;  // seconds one timed repetition may take, at most (roughly)
  std::string only;     // a comma-separated list of operations, or empty for all
  bool wants(std::string_view op) const {
    if (only.empty()) return true;
    std::string_view rest = only;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      if (rest.substr(0, comma) == op) return true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    return false;
  }
};

inline options parse_options(int argc, char** argv, int first) {
  options o;
  for (int i = first; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error("missing value after " + std::string(a));
      return argv[++i];
    };
    if (a == "--work") o.work = value();
    else if (a == "--reps") o.reps = std::atoi(value().c_str());
    else if (a == "--budget") o.budget = std::atof(value().c_str());
    else if (a == "--only") o.only = value();
    else throw std::runtime_error("unknown argument " + std::string(a));
  }
  if (o.work.empty()) throw std::runtime_error("--work DIR is required");
  if (o.reps < 1) o.reps = 1;
  return o;
}

// The lines of a file, in one block: views into `storage`.
struct lines {
  std::string storage;
  std::vector<std::string_view> items;
};

inline lines read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  lines l;
  std::ostringstream ss;
  ss << in.rdbuf();
  l.storage = ss.str();
  std::string_view rest = l.storage;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    l.items.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return l;
}

inline std::vector<std::int32_t> read_days(const std::string& path) {
  const lines l = read_lines(path);
  std::vector<std::int32_t> days;
  days.reserve(l.items.size());
  for (std::string_view s : l.items) days.push_back(static_cast<std::int32_t>(std::strtol(std::string(s).c_str(), nullptr, 10)));
  return days;
}

inline void write_lines(const std::string& path, const std::vector<std::string>& answers) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  for (const auto& a : answers) out << a << '\n';
}

inline std::string json_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// One operation of one implementation: its name, and how many items the workload has.
struct meta {
  std::string op, impl, lang, note;
  std::size_t n = 0;
};

// The process's CPU time: on a shared machine, the time slices other processes take do not count.
inline std::int64_t cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

inline std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline std::size_t timed_count(std::size_t n, double check_ns_per_op, double budget) {
  if (check_ns_per_op <= 0 || check_ns_per_op * static_cast<double>(n) <= budget * 1e9) return n;
  const auto fit = static_cast<std::size_t>(budget * 1e9 / check_ns_per_op);
  return std::min(n, std::max<std::size_t>(10000, fit));
}

// Keeps a value alive and opaque, item by item, as benchmark::DoNotOptimize does: the loop
// cannot be vectorised across items or dropped.
inline void keep(std::uint64_t& v) { asm volatile("" : "+r"(v)); }

struct no_answers {};

// Runs the protocol above and prints the JSON line. `answer(i)` computes item i's answer as
// text (the checking pass), or is no_answers; `fold(i)` computes it and returns a number for
// the checksum (the timed passes). Both are inlined: no call through a pointer per item.
template <class Answer, class Fold>
void measure(const options& o, const meta& m, Answer answer, Fold fold) {
  if (!o.wants(m.op)) return;
  constexpr bool checked = !std::is_same_v<Answer, no_answers>;
  std::string answers_file;
  double check_ns = 0;
  {
    std::vector<std::string> answers;
    const std::int64_t t0 = now_ns();
    if constexpr (checked) {
      answers.reserve(m.n);
      for (std::size_t i = 0; i < m.n; ++i) answers.push_back(answer(i));
    } else {  // nothing to check: a warm-up pass that also measures the cost per item
      std::uint64_t sink = 0;
      for (std::size_t i = 0; i < m.n; ++i) {
        std::uint64_t v = fold(i);
        keep(v);
        sink += v;
      }
      keep(sink);
    }
    check_ns = static_cast<double>(now_ns() - t0) / static_cast<double>(m.n);
    if constexpr (checked) {
      std::string name = m.impl + "." + m.op + ".txt";
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_') c = '_';
      answers_file = "answers/" + name;
      write_lines(o.work + "/" + answers_file, answers);
    }
  }
  const std::size_t n_timed = timed_count(m.n, check_ns, o.budget);
  std::vector<double> reps, cpu_reps;
  std::uint64_t checksum = 0;
  for (int r = 0; r < o.reps; ++r) {
    std::uint64_t sink = 0;
    const std::int64_t t0 = now_ns(), c0 = cpu_ns();
    for (std::size_t i = 0; i < n_timed; ++i) {
      std::uint64_t v = fold(i);
      keep(v);
      sink += v;
    }
    const std::int64_t t1 = now_ns(), c1 = cpu_ns();
    reps.push_back(static_cast<double>(t1 - t0) / static_cast<double>(n_timed));
    cpu_reps.push_back(static_cast<double>(c1 - c0) / static_cast<double>(n_timed));
    checksum += sink;
  }
  std::string line = "{\"op\":\"" + json_escape(m.op) + "\",\"impl\":\"" + json_escape(m.impl) +
                     "\",\"lang\":\"" + json_escape(m.lang) + "\",\"n\":" + std::to_string(m.n) +
                     ",\"n_timed\":" + std::to_string(n_timed) + ",\"ns_per_op\":[";
  for (std::size_t k = 0; k < reps.size(); ++k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.3f", k ? "," : "", reps[k]);
    line += buf;
  }
  line += "],\"cpu_ns_per_op\":[";
  for (std::size_t k = 0; k < cpu_reps.size(); ++k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.3f", k ? "," : "", cpu_reps[k]);
    line += buf;
  }
  line += "],\"checksum\":" + std::to_string(checksum);
  line += answers_file.empty() ? std::string(",\"answers\":null")
                               : ",\"answers\":\"" + json_escape(answers_file) + "\"";
  if (!m.note.empty()) line += ",\"note\":\"" + json_escape(m.note) + "\"";
  line += "}";
  std::cout << line << std::endl;
}

}  // namespace peers
