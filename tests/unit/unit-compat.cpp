// Compatibility: files earlier releases wrote keep loading, and a change to what a model type
// writes fails here unless its version is bumped.
//
// The schema fingerprint is what the formats look like, as sorted lines:
//   json <Type>.<version> <path> <types>       every key path of each schema type's objects in
//                                              the JSON of the bundled plan (and of its actuals),
//                                              with the JSON types seen there
//   boost-version <type> <N>                   boost::serialization::version<T>::value
//   archive <path> [v<N>]: <fields>            the fields each object writes to a Boost archive,
//                                              in order (read from the XML archive's elements)
// It is compared with tests/golden/schema-fingerprint.v<generation>.txt, where the generation of
// the formats is 1 + the number of version bumps of every type a plan holds (1 while every type
// is at version 1; 2 once one type has gone to version 2, …): a change that alters the files
// without a bump keeps the generation and fails here; with the bump (and an upgrade step in the
// type's description) there is a new generation to record, beside the old files, which keep
// loading: MIYAGIPLAN_UPDATE_FINGERPRINT=1 miyagiplan_tests -tc="*fingerprint*".
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
namespace mp = miyagiplan;

namespace {

using test_support::bundled;

// Every described type a T holds (itself included), each once: their versions added up.
template <class T>
void add_versions(std::set<std::string>& seen, int& bumps) {
  if constexpr (mp::described<T>) {
    if (!seen.insert(std::string(mp::description<T>::python)).second) return;
    bumps += mp::description<T>::version - 1;
    mp::for_each_field<T>([&](const auto& f) {
      using M = typename std::remove_cvref_t<decltype(f)>::member_type;
      if constexpr (requires { typename M::value_type; } && !std::is_same_v<M, std::string>)
        add_versions<typename M::value_type>(seen, bumps);
      else
        add_versions<M>(seen, bumps);
    });
  }
}

// 1 + every version bump of every type a plan holds.
int format_generation() {
  std::set<std::string> seen;
  int bumps = 0;
  add_versions<mp::plan>(seen, bumps);
  return 1 + bumps;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// ---------------------------------------------------------------------------------------------
// The JSON part.

std::string json_type(const mp::ordered_json& j) {
  if (j.is_object()) {
    const auto tag = j.find("schema");
    if (tag != j.end() && tag->is_string()) {
      // "miyagiplan.Indicator.1" → "Indicator.1"
      const std::string s = tag->get<std::string>();
      return s.substr(s.find('.') + 1);
    }
    return "object";
  }
  if (j.is_array()) return "array";
  if (j.is_string()) return "string";
  if (j.is_boolean()) return "boolean";
  if (j.is_number_integer()) return "integer";
  if (j.is_number()) return "number";
  return "null";
}

// (schema type, path) → the JSON types seen there.
using json_shape = std::map<std::pair<std::string, std::string>, std::set<std::string>>;

void walk_json(const mp::ordered_json& j, const std::string& type, const std::string& path,
               json_shape& out) {
  if (j.is_object()) {
    const std::string own = json_type(j);
    const bool tagged = own != "object";
    const std::string context = tagged ? own : type;
    const std::string base = tagged ? "" : path;
    for (const auto& [key, value] : j.items()) {
      const std::string at = base + "/" + key;
      out[{context, at}].insert(json_type(value));
      walk_json(value, context, at, out);
    }
  } else if (j.is_array()) {
    for (const auto& item : j) {
      out[{type, path + "[]"}].insert(json_type(item));
      walk_json(item, type, path + "[]", out);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The archive part: the elements of the XML archive, which Boost names after the fields.

struct archive_shape {
  std::map<std::string, std::string> version;                     // path → class version
  std::map<std::string, std::set<std::string>> fields;            // path → field lists seen
};

void walk_archive_xml(const std::string& xml, archive_shape& out) {
  struct open_element {
    std::string path;
    std::vector<std::string> children;
  };
  std::vector<open_element> stack;
  const std::regex version_attribute(R"re(\sversion="(\d+)")re");
  for (std::size_t i = xml.find('<'); i != std::string::npos; i = xml.find('<', i + 1)) {
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) FAIL("a tag left open at byte " << i);
    const std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.empty() || tag[0] == '?' || tag[0] == '!' || tag == "/boost_serialization") continue;
    if (tag[0] == '/') {  // closing: record the fields, the items of a sequence as one "item*"
      if (stack.empty()) FAIL("a closing tag without an opening one at byte " << i);
      const open_element e = stack.back();
      stack.pop_back();
      if (e.children.empty()) continue;
      std::string fields;
      for (std::size_t k = 0; k < e.children.size(); ++k) {
        if (k > 0 && e.children[k] == e.children[k - 1]) continue;
        fields += (fields.empty() ? "" : " ") + e.children[k] + (e.children[k] == "item" ? "*" : "");
      }
      out.fields[e.path].insert(fields);
      continue;
    }
    const bool self_closing = tag.back() == '/';
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
    if (name == "boost_serialization") continue;
    const std::string path = (stack.empty() ? "" : stack.back().path + "/") + name;
    if (!stack.empty()) stack.back().children.push_back(name);
    std::smatch m;
    if (std::regex_search(tag, m, version_attribute) && !out.version.count(path)) out.version[path] = m[1];
    if (!self_closing) stack.push_back({path, {}});
  }
}

template <class T>
std::string boost_version(const char* name) {
  return "boost-version " + std::string(name) + " " +
         std::to_string(boost::serialization::version<T>::value);
}

std::vector<std::string> fingerprint() {
  std::vector<std::string> lines;
  // JSON: the bundled plan and its illustrative actuals.
  json_shape json;
  walk_json(mp::parse_json(mp::to_json_text(bundled())), "Plan", "", json);
  const auto actuals = mp::observation_set::load(MIYAGIPLAN_SOURCE_DIR "/examples/illustrative-actuals.csv", bundled());
  walk_json(mp::parse_json(actuals.to_json_text(bundled())), "Observations", "", json);
  for (const auto& [where, types] : json) {
    std::string joined;
    for (const auto& t : types) joined += (joined.empty() ? "" : "|") + t;
    lines.push_back("json " + where.first + " " + where.second + " " + joined);
  }
  // Boost: each type's class version, and the fields each object writes, in order.
  lines.push_back(boost_version<mp::day_span>("day_span"));
  lines.push_back(boost_version<mp::date_reading>("date_reading"));
  lines.push_back(boost_version<mp::date_expression>("date_expression"));
  lines.push_back(boost_version<mp::unit>("unit"));
  lines.push_back(boost_version<mp::quantity>("quantity"));
  lines.push_back(boost_version<mp::bounds>("bounds"));
  lines.push_back(boost_version<mp::dated_value>("dated_value"));
  lines.push_back(boost_version<mp::indicator>("indicator"));
  lines.push_back(boost_version<mp::initiative_item>("initiative_item"));
  lines.push_back(boost_version<mp::initiative>("initiative"));
  lines.push_back(boost_version<mp::policy_part>("policy_part"));
  lines.push_back(boost_version<mp::measure>("measure"));
  lines.push_back(boost_version<mp::area>("area"));
  lines.push_back(boost_version<mp::goal>("goal"));
  lines.push_back(boost_version<mp::section>("section"));
  lines.push_back(boost_version<mp::promotion>("promotion"));
  lines.push_back(boost_version<mp::strategy>("strategy"));
  lines.push_back(boost_version<mp::plan>("plan"));
  std::ostringstream xml;
  mp::save_archive(bundled(), xml, mp::archive_format::xml);
  archive_shape archive;
  walk_archive_xml(xml.str(), archive);
  for (const auto& [path, seen] : archive.fields) {
    // The longest list seen: an empty vector or optional writes fewer fields than a full one.
    const std::string fields = *std::max_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
      return a.size() < b.size();
    });
    const auto v = archive.version.find(path);
    lines.push_back("archive " + path + (v == archive.version.end() ? "" : " v" + v->second) + ": " + fields);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

}  // namespace

TEST_SUITE("compat") {

// Every golden file of every version keeps loading, as the bundled plan it was written from.
TEST_CASE("golden files keep loading") {
  const fs::path dir = MIYAGIPLAN_GOLDEN_DIR;
  REQUIRE(fs::is_directory(dir));
  const std::regex golden_name(R"(miyagi-it-2013\.v(\d+)\.(json|txt|xml|bin))");
  std::size_t loaded = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, golden_name)) continue;
    CAPTURE(name);
    const std::string ext = m[2];
    const auto expected = ext == "json" ? mp::file_format::json
                        : ext == "txt"  ? mp::file_format::text
                        : ext == "xml"  ? mp::file_format::xml
                                        : mp::file_format::binary;
    CHECK(mp::detect_format(read_bytes(entry.path()).substr(0, 64)) == expected);
    // A binary archive holds native sizes and byte order: x86-64 Linux wrote it.
    if (ext == "bin" && !(sizeof(long) == 8 && std::endian::native == std::endian::little)) continue;
    CHECK(mp::load_plan(entry.path()) == bundled());
    ++loaded;
  }
  CHECK(loaded >= 3);  // JSON, text and XML at least
  // The current version's JSON is what this library writes, byte for byte.
  const fs::path current = dir / ("miyagi-it-2013.v" + std::to_string(format_generation()) + ".json");
  REQUIRE(fs::exists(current));
  CHECK(read_bytes(current) == mp::to_json_text(bundled()));
}

TEST_CASE("a schema version newer than this library is refused by name") {
  std::string text = mp::to_json_text(bundled());
  const std::string tag = "\"miyagiplan.Plan." + std::to_string(mp::description<mp::plan>::version) + "\"";
  text.replace(text.find(tag), tag.size(), "\"miyagiplan.Plan." + std::to_string(mp::description<mp::plan>::version + 1) + "\"");
  CHECK_THROWS_WITH_AS((void)mp::plan_from_json(text), doctest::Contains("/schema"), mp::schema_error);
}

TEST_CASE("the schema fingerprint is the one recorded for this schema version") {
  const fs::path file = fs::path(MIYAGIPLAN_GOLDEN_DIR) /
                        ("schema-fingerprint.v" + std::to_string(format_generation()) + ".txt");
  const std::vector<std::string> now = fingerprint();
  if (std::getenv("MIYAGIPLAN_UPDATE_FINGERPRINT")) {
    std::ofstream out(file);
    out << "# The formats of miyagiplan at generation " << format_generation()
        << ": written by tests/unit/unit-compat.cpp\n"
           "# (MIYAGIPLAN_UPDATE_FINGERPRINT=1 miyagiplan_tests -tc=\"*fingerprint*\"). A change here\n"
           "# needs a version bump of the type changed, in its description (describe.hpp), with an\n"
           "# upgrade step for its older files.\n";
    for (const auto& line : now) out << line << "\n";
    MESSAGE("recorded " << file.string());
  }
  REQUIRE_MESSAGE(fs::exists(file), "no fingerprint recorded for generation " << format_generation() << ": "
                                                                               << file.string());
  const std::vector<std::string> recorded = read_lines(file);
  std::vector<std::string> added, removed;
  std::set_difference(now.begin(), now.end(), recorded.begin(), recorded.end(), std::back_inserter(added));
  std::set_difference(recorded.begin(), recorded.end(), now.begin(), now.end(), std::back_inserter(removed));
  std::string diff;
  for (const auto& l : removed) diff += "\n  - " + l;
  for (const auto& l : added) diff += "\n  + " + l;
  CHECK_MESSAGE(diff.empty(),
                "the formats changed without a version bump:" << diff
                    << "\nBump the version in the changed type's description, add an upgrade step for "
                       "its older files, then record the fingerprint and a golden file.");
  // A sanity check of the fingerprint itself: it sees the types it should.
  const auto has = [&](const std::string& prefix) {
    return std::any_of(now.begin(), now.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
  };
  for (const char* prefix : {"json Plan.1 /areas[] Area.1", "json Indicator.3 /bounds ", "json Strategy.1 /adopted ",
                             "json Observations.1 /observations[]/date string", "boost-version plan ",
                             "archive plan v1: id title issuer period sections promotion goals goal_area_note areas strategies"})
    CHECK_MESSAGE(has(prefix), prefix);
}

}  // TEST_SUITE
