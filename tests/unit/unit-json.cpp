// The JSON format: the bundled plan round-trips byte for byte, and every malformed document is a
// schema_error naming the spot (a JSON pointer, or a line and column for bad syntax).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "miyagiplan/io/json_schema.hpp"
#include "miyagiplan/miyagiplan.hpp"

namespace {

namespace mp = miyagiplan;
using mp::ordered_json;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string& bundled_text() {
  static const std::string text = read_file(MIYAGIPLAN_SOURCE_DIR "/data/plans/miyagi-it-plan-2013.json");
  return text;
}

ordered_json bundled_json() { return mp::parse_json(bundled_text()); }

// The schema_error reading `j` raises, through from_json and through the text (when the JSON
// can be written: a string with invalid UTF-8 cannot); nullopt, and a failed check, if none.
std::optional<mp::schema_error> json_failure(const ordered_json& j) {
  std::string through_text_where, through_text_message;
  bool text_failed = false;
  std::string text;
  bool writable = true;
  try {
    text = j.dump(2);
  } catch (const nlohmann::json::exception&) {
    writable = false;
  }
  if (writable) {
    try {
      mp::plan_from_json(text);
    } catch (const mp::schema_error& e) {
      text_failed = true;
      through_text_where = e.where();
      through_text_message = e.message();
    }
    CHECK_MESSAGE(text_failed, "plan_from_json read the document without an error");
  }
  try {
    mp::plan p;
    mp::from_json(j, p);
  } catch (const mp::schema_error& e) {
    if (writable) {  // both ways agree
      CHECK(through_text_where == e.where());
      CHECK(through_text_message == e.message());
    }
    return e;
  }
  CHECK_MESSAGE(false, "from_json read the document without an error");
  return std::nullopt;
}

std::optional<mp::schema_error> text_failure(const std::string& text) {
  try {
    mp::plan_from_json(text);
  } catch (const mp::schema_error& e) {
    return e;
  }
  CHECK_MESSAGE(false, "plan_from_json read the text without an error");
  return std::nullopt;
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "\"" << from << "\" is not in the text");
  return text.replace(at, from.size(), to);
}

struct malformed {
  const char* what;
  std::function<void(ordered_json&)> change;
  const char* where;
  const char* message;  // a part of the message
};

ordered_json& indicator_441(ordered_json& j) { return j["areas"][3]["measures"][3]["indicators"][0]; }
ordered_json& indicator_111(ordered_json& j) { return j["areas"][0]["measures"][0]["indicators"][0]; }

const std::vector<malformed>& malformed_documents() {
  static const std::vector<malformed> rows = {
      // Wrong types, deep in the tree.
      {"direction is a number", [](ordered_json& j) { indicator_441(j)["direction"] = 5; },
       "/areas/3/measures/3/indicators/0/direction", "expected a string, found a number"},
      {"a sub-measure's initiative number is a string",
       [](ordered_json& j) { j["areas"][2]["measures"][0]["sub_measures"][1]["initiatives"][0]["number"] = "1"; },
       "/areas/2/measures/0/sub_measures/1/initiatives/0/number", "expected an integer, found a string"},
      {"an area number is not whole", [](ordered_json& j) { j["areas"][4]["number"] = 5.5; },
       "/areas/4/number", "expected an integer, found a number"},
      {"an integer out of range", [](ordered_json& j) { j["areas"][4]["number"] = 10000000000LL; },
       "/areas/4/number", "integer out of range"},
      {"a negative integer out of range", [](ordered_json& j) { j["goals"][1]["number"] = -10000000000LL; },
       "/goals/1/number", "integer out of range"},
      {"a channel is null",
       [](ordered_json& j) { j["areas"][0]["measures"][2]["initiatives"][4]["items"][2]["channels"][0] = nullptr; },
       "/areas/0/measures/2/initiatives/4/items/2/channels/0", "expected a string, found null"},
      {"a paragraph is a boolean", [](ordered_json& j) { j["sections"][0]["paragraphs"][1] = true; },
       "/sections/0/paragraphs/1", "expected a string, found a boolean"},
      {"the period is a number", [](ordered_json& j) { j["period"] = 2011; },
       "/period", "expected a string, found a number"},
      {"a strategy's body is a number", [](ordered_json& j) { j["strategies"][2]["body"] = 7; },
       "/strategies/2/body", "expected a string, found a number"},
      {"bounds are a string", [](ordered_json& j) { j["areas"][1]["measures"][0]["indicators"][0]["bounds"] = "0-100"; },
       "/areas/1/measures/0/indicators/0/bounds", "expected an object, found a string"},
      {"a bound is a string",
       [](ordered_json& j) { j["areas"][1]["measures"][0]["indicators"][0]["bounds"]["min"] = "0"; },
       "/areas/1/measures/0/indicators/0/bounds/min", "expected a number, found a string"},
      {"a target is an array", [](ordered_json& j) { indicator_441(j)["target"] = ordered_json::array(); },
       "/areas/3/measures/3/indicators/0/target", "expected an object, found an array"},
      {"an area is a string", [](ordered_json& j) { j["areas"][1] = "2"; },
       "/areas/1", "expected an object, found a string"},
      {"the document is an array", [](ordered_json& j) { j = ordered_json::array(); },
       "", "expected an object, found an array"},
      // A string where an array is needed, and the other way round.
      {"a goal's areas are one string", [](ordered_json& j) { j["goals"][0]["areas"] = "1,2,3,4,5"; },
       "/goals/0/areas", "expected an array, found a string"},
      {"a goal's area is a number", [](ordered_json& j) { j["goals"][0]["areas"][2] = 3; },
       "/goals/0/areas/2", "expected a string, found a number"},
      {"predecessors are an object", [](ordered_json& j) { j["strategies"][5]["predecessors"] = {{"id", "x"}}; },
       "/strategies/5/predecessors", "expected an array, found an object"},
      {"notes are a string", [](ordered_json& j) { j["areas"][4]["measures"][0]["indicators"][1]["notes"] = "※"; },
       "/areas/4/measures/0/indicators/1/notes", "expected an array, found a string"},
      {"a title is an array", [](ordered_json& j) { j["title"] = ordered_json::array({"みやぎ"}); },
       "/title", "expected a string, found an array"},
      // null where a value is required.
      {"an area title is null", [](ordered_json& j) { j["areas"][0]["title"] = nullptr; },
       "/areas/0/title", "expected a string, found null"},
      {"the sections are null", [](ordered_json& j) { j["sections"] = nullptr; },
       "/sections", "expected an array, found null"},
      {"a baseline is null", [](ordered_json& j) { indicator_111(j)["baseline"] = nullptr; },
       "/areas/0/measures/0/indicators/0/baseline", "expected an object, found null"},
      {"a value is null", [](ordered_json& j) { indicator_111(j)["target"]["value"] = nullptr; },
       "/areas/0/measures/0/indicators/0/target/value", "expected a string, found null"},
      // Missing required fields are reported at their object.
      {"an indicator without a name", [](ordered_json& j) { j["areas"][1]["measures"][0]["indicators"][0].erase("name"); },
       "/areas/1/measures/0/indicators/0", "missing required field \"name\""},
      {"an indicator without a baseline", [](ordered_json& j) { indicator_111(j).erase("baseline"); },
       "/areas/0/measures/0/indicators/0", "missing required field \"baseline\""},
      {"an indicator without bounds", [](ordered_json& j) { indicator_111(j).erase("bounds"); },
       "/areas/0/measures/0/indicators/0", "missing required field \"bounds\""},
      {"a baseline without a value", [](ordered_json& j) { indicator_111(j)["baseline"].erase("value"); },
       "/areas/0/measures/0/indicators/0/baseline", "missing required field \"value\""},
      {"a target without a date", [](ordered_json& j) { indicator_441(j)["target"].erase("date"); },
       "/areas/3/measures/3/indicators/0/target", "missing required field \"date\""},
      {"bounds without max",
       [](ordered_json& j) { j["areas"][1]["measures"][1]["indicators"][1]["bounds"].erase("max"); },
       "/areas/1/measures/1/indicators/1/bounds", "missing required field \"max\""},
      {"a promotion without partners", [](ordered_json& j) { j["promotion"].erase("partners"); },
       "/promotion", "missing required field \"partners\""},
      {"a measure without sub_measures", [](ordered_json& j) { j["areas"][4]["measures"][2].erase("sub_measures"); },
       "/areas/4/measures/2", "missing required field \"sub_measures\""},
      {"a plan without strategies", [](ordered_json& j) { j.erase("strategies"); },
       "", "missing required field \"strategies\""},
      {"a goal without its schema tag", [](ordered_json& j) { j["goals"][1].erase("schema"); },
       "/goals/1", "missing required field \"schema\""},
      // Unknown fields are refused, with the pointer escaped as RFC 6901 says.
      {"an unknown field on an indicator", [](ordered_json& j) { indicator_441(j)["comment"] = "x"; },
       "/areas/3/measures/3/indicators/0/comment", "unknown field \"comment\""},
      {"an unknown field on the plan", [](ordered_json& j) { j["version"] = 2; },
       "/version", "unknown field \"version\""},
      {"an unknown field with / and ~", [](ordered_json& j) { j["a/b~c"] = 1; },
       "/a~1b~0c", "unknown field \"a/b~c\""},
      {"an unknown field on a baseline", [](ordered_json& j) { indicator_111(j)["baseline"]["estimate"] = true; },
       "/areas/0/measures/0/indicators/0/baseline/estimate", "unknown field \"estimate\""},
      {"an unknown field on a policy part",
       [](ordered_json& j) { j["areas"][0]["measures"][1]["policy"][1]["lang"] = "ja"; },
       "/areas/0/measures/1/policy/1/lang", "unknown field \"lang\""},
      // Unknown enum names.
      {"an unknown direction", [](ordered_json& j) { indicator_441(j)["direction"] = "down"; },
       "/areas/3/measures/3/indicators/0/direction",
       "expected one of the direction names (increase, decrease, keep) at character 0 of \"down\""},
      {"an unknown accumulation",
       [](ordered_json& j) { j["areas"][0]["measures"][2]["indicators"][0]["accumulation"] = "cumulative"; },
       "/areas/0/measures/2/indicators/0/accumulation",
       "expected one of the accumulation names (level, running_total, flow, period_total, completion, frequency)"},
      {"an enum name in another case", [](ordered_json& j) { indicator_111(j)["direction"] = "Increase"; },
       "/areas/0/measures/0/indicators/0/direction", "one of the direction names"},
      // Schema tags.
      {"a future version", [](ordered_json& j) { indicator_441(j)["schema"] = "miyagiplan.Indicator.9"; },
       "/areas/3/measures/3/indicators/0/schema",
       "expected \"miyagiplan.Indicator.1\" … \"miyagiplan.Indicator.3\", found \"miyagiplan.Indicator.9\""},
      {"version 0", [](ordered_json& j) { j["schema"] = "miyagiplan.Plan.0"; },
       "/schema", "found \"miyagiplan.Plan.0\""},
      {"a version that is no number", [](ordered_json& j) { j["schema"] = "miyagiplan.Plan.1a"; },
       "/schema", "found \"miyagiplan.Plan.1a\""},
      {"a huge version", [](ordered_json& j) { j["schema"] = "miyagiplan.Plan.99999999999999999999"; },
       "/schema", "found \"miyagiplan.Plan.99999999999999999999\""},
      {"no version", [](ordered_json& j) { j["areas"][0]["schema"] = "miyagiplan.Area."; },
       "/areas/0/schema", "found \"miyagiplan.Area.\""},
      {"another type's tag", [](ordered_json& j) { indicator_441(j)["schema"] = "miyagiplan.Measure.1"; },
       "/areas/3/measures/3/indicators/0/schema", "expected \"miyagiplan.Indicator.1\""},
      {"a tag of another library", [](ordered_json& j) { j["goals"][0]["schema"] = "otherplan.Goal.1"; },
       "/goals/0/schema", "found \"otherplan.Goal.1\""},
      {"a tag that is a number", [](ordered_json& j) { j["areas"][2]["schema"] = 1; },
       "/areas/2/schema", "expected a string, found a number"},
      // Texts that the calendar and quantity parsers refuse: their message, at the field.
      {"a month 13", [](ordered_json& j) { indicator_111(j)["baseline"]["date"] = "平成 22 年 13 月末"; },
       "/areas/0/measures/0/indicators/0/baseline/date", "of \"平成 22 年 13 月末\""},
      {"a date before its era began", [](ordered_json& j) { j["strategies"][0]["adopted"] = "令和元年4月1日"; },
       "/strategies/0/adopted", "of \"令和元年4月1日\""},
      {"an empty date", [](ordered_json& j) { j["strategies"][3]["revised"] = ""; },
       "/strategies/3/revised", "expected"},
      {"a plan period that is no date", [](ordered_json& j) { j["period"] = "三か年"; },
       "/period", "of \"三か年\""},
      {"a value in another unit", [](ordered_json& j) { indicator_111(j)["target"]["value"] = "4,000 人"; },
       "/areas/0/measures/0/indicators/0/target/value",
       "expected the unit 件 or none at character 6 of \"4,000 人\""},
      {"a value without the scale", [](ordered_json& j) { indicator_441(j)["baseline"]["value"] = "2,223 円"; },
       "/areas/3/measures/3/indicators/0/baseline/value", "expected the unit 百万円 or none"},
      {"a value that is no number", [](ordered_json& j) { indicator_111(j)["baseline"]["value"] = "abc"; },
       "/areas/0/measures/0/indicators/0/baseline/value",
       "expected a number, or 全所属, 実施なし or － at character 0 of \"abc\""},
      {"a value that is a number", [](ordered_json& j) { indicator_111(j)["baseline"]["value"] = 2280; },
       "/areas/0/measures/0/indicators/0/baseline/value", "expected a string, found a number"},
      {"a value of 19 digits", [](ordered_json& j) { indicator_111(j)["baseline"]["value"] = "1234567890123456789 件"; },
       "/areas/0/measures/0/indicators/0/baseline/value", "a number of at most 18 digits at character 18"},
      {"a value with invalid UTF-8", [](ordered_json& j) { indicator_111(j)["baseline"]["value"] = "2,280 \xe4\xbb"; },
       "/areas/0/measures/0/indicators/0/baseline/value", "expected valid UTF-8 text at character 6"},
      {"an empty unit", [](ordered_json& j) { indicator_441(j)["unit"] = ""; },
       "/areas/3/measures/3/indicators/0/unit", "expected a unit, found an empty string"},
  };
  return rows;
}

}  // namespace

TEST_SUITE("json") {

TEST_CASE("the bundled plan round-trips byte for byte") {
  const std::string& file = bundled_text();
  const mp::plan p = mp::plans::miyagi_it_2013();
  CHECK(mp::to_json_text(p) == file);
  const mp::plan read = mp::plan_from_json(file);
  CHECK(read == p);
  CHECK(mp::to_json_text(read) == file);
  CHECK(ordered_json(p) == mp::parse_json(file));
  // The text ends with one newline and is indented by two spaces.
  REQUIRE(file.size() > 2);
  CHECK(file.back() == '\n');
  CHECK(file[file.size() - 2] == '}');
  CHECK(file.rfind("{\n  \"schema\": \"miyagiplan.Plan.1\",\n", 0) == 0);
}

TEST_CASE("each model type round-trips on its own") {
  const mp::plan p = mp::plans::miyagi_it_2013();
  for (const auto* i : p.indicators()) {
    CAPTURE(i->id);
    const ordered_json j = *i;
    CHECK(j["schema"] == mp::schema_tag<mp::indicator>());
    CHECK(j.get<mp::indicator>() == *i);
  }
  for (const auto* m : p.measures()) CHECK(ordered_json(*m).get<mp::measure>() == *m);
  for (const auto& a : p.areas) CHECK(ordered_json(a).get<mp::area>() == a);
  for (const auto& g : p.goals) CHECK(ordered_json(g).get<mp::goal>() == g);
  for (const auto& s : p.strategies) CHECK(ordered_json(s).get<mp::strategy>() == s);
  for (const auto& s : p.sections) CHECK(ordered_json(s).get<mp::section>() == s);
  CHECK(ordered_json(p.promotion).get<mp::promotion>() == p.promotion);
  // Bounds are written as integers when whole.
  CHECK(ordered_json(p.indicator_at("2-2-2"))["bounds"].dump() == R"({"min":1,"max":47})");
}

TEST_CASE("an edited plan round-trips") {
  mp::plan p = mp::plans::miyagi_it_2013();
  mp::indicator i;
  i.id = "4-4-2";
  i.name = "クラウド移行済システム数";
  i.unit = mp::unit::parse("億円");
  i.direction = mp::direction::keep;
  i.accumulation = mp::accumulation::period_total;
  i.bounds = mp::bounds{0.5, 12.25};
  i.baseline = {mp::parse_date("H22.12.31"), mp::quantity::of(150000000.0, i.unit)};
  i.target = {mp::parse_date("平成23～25年度"), mp::parse_quantity("１２．２５ 億円（※）", i.unit)};
  i.source = "手で加えた指標";
  i.notes = {"※ 注記"};
  p.add_indicator("4-4", i);
  p.set_target("2-1-1", {mp::parse_date("2014-03-31"), mp::quantity::of(75.5, p.indicator_at("2-1-1").unit)});
  const std::string text = mp::to_json_text(p);
  const mp::plan back = mp::plan_from_json(text);
  CHECK(back == p);
  CHECK(mp::to_json_text(back) == text);
  CHECK(back.indicator_at("4-4-2").baseline.value.text == "1.5億円");
  CHECK(back.indicator_at("4-4-2").target.value.note_mark);
  CHECK(back.indicator_at("2-1-1").target.value.text == "75.5％");
  CHECK(text.find(R"("min": 0.5)") != std::string::npos);
}

TEST_CASE("optional strategy fields may be absent or null and key order does not matter") {
  ordered_json j = bundled_json();
  for (const char* key : {"body", "adopted", "revised", "span"}) j["strategies"][2].erase(key);
  mp::plan p;
  mp::from_json(j, p);
  const mp::strategy& s = p.strategies[2];
  CHECK_FALSE(s.body.has_value());
  CHECK_FALSE(s.adopted.has_value());
  CHECK_FALSE(s.revised.has_value());
  CHECK_FALSE(s.span.has_value());

  // The same indicator with its keys in reverse order reads the same.
  ordered_json reversed = ordered_json::object();
  const ordered_json original = bundled_json()["areas"][3]["measures"][3]["indicators"][0];
  std::vector<std::string> keys;
  for (const auto& [key, value] : original.items()) keys.push_back(key);
  for (auto k = keys.rbegin(); k != keys.rend(); ++k) reversed[*k] = original[*k];
  CHECK(reversed.get<mp::indicator>() == original.get<mp::indicator>());
}

TEST_CASE("reading does not apply the model's rules: validate() does") {
  // A document can be well-formed and still break a rule (here a duplicate id); it loads,
  // and problems() names the rule.
  ordered_json j = bundled_json();
  j["areas"][0]["measures"][1]["indicators"][0]["id"] = "1-1-1";
  const mp::plan p = mp::plan_from_json(j.dump());
  const auto found = p.problems();
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "indicator 1-1-1");
  CHECK(found[0].what == "duplicate id");
}

TEST_CASE("malformed documents: schema_error with the JSON pointer of the spot") {
  const auto& rows = malformed_documents();
  CHECK(rows.size() >= 30);
  for (const auto& r : rows) {
    const std::string what = r.what;
    CAPTURE(what);
    ordered_json j = bundled_json();
    r.change(j);
    const auto e = json_failure(j);
    if (!e) continue;
    CHECK(e->where() == std::string(r.where));
    CHECK_MESSAGE(e->message().find(r.message) != std::string::npos, e->message());
    // what() is where() and the message.
    const std::string expected_what =
        std::string(r.where).empty() ? e->message() : std::string(r.where) + ": " + e->message();
    CHECK(std::string(e->what()) == expected_what);
  }
}

TEST_CASE("an unsigned integer past INT64_MAX is out of range and not -1") {
  // 18446744073709551615 is held by nlohmann as an unsigned integer; read as int64 it wrapped to
  // -1, which is in range, and was accepted.
  ordered_json j = bundled_json();
  j["areas"][4]["number"] = 18446744073709551615ULL;
  const auto e = json_failure(j);
  REQUIRE(e.has_value());
  CHECK(e->where() == "/areas/4/number");
  CHECK(e->message() == "integer out of range");
}

TEST_CASE("a \"schema\" field on an object that has no tag is unknown") {
  // object_reader::done() lets "schema" through on every object, so a stray one on a plain
  // value object (promotion, baseline, bounds, item) is silently accepted, whatever its type.
  // Known failure until detail/json_reader.hpp refuses it (see the report).
  for (const char* where : {"/promotion", "/areas/0/measures/0/indicators/0/baseline",
                            "/areas/1/measures/0/indicators/0/bounds"}) {
    CAPTURE(std::string(where));
    ordered_json j = bundled_json();
    j[ordered_json::json_pointer(where)]["schema"] = 42;
    const auto e = json_failure(j);
    if (!e) continue;
    CHECK(e->where() == std::string(where) + "/schema");
    CHECK(e->message() == "unknown field \"schema\"");
  }
}

TEST_CASE("bad syntax: schema_error with the line and column") {
  const std::string& file = bundled_text();
  // Each text fails where plan_from_json says, with a message that has `message`.
  const auto check_failure = [](std::string_view what, const std::string& text, const char* where,
                                const char* message) {
    CAPTURE(what);
    const auto e = text_failure(text);
    if (!e) return;
    CHECK(e->where() == std::string(where));
    CHECK_MESSAGE(e->message().find(message) != std::string::npos, e->message());
  };
  const std::string deep_arrays(100000, '[');
  std::string deep_objects;
  for (int k = 0; k < 100000; ++k) deep_objects += "{\"a\":";
  // The bundled file with its first `from` replaced by `to`.
  struct edit {
    const char* what;
    std::string from, to;
    const char* where;
    const char* message;
  };
  const edit edits[] = {
      {"a missing colon", "\"id\": \"miyagi-it-2013\"", "\"id\" \"miyagi-it-2013\"", "line 3, column 23",
       "invalid JSON: syntax error while parsing object separator - unexpected string literal; expected ':'"},
      {"a trailing comma", "\"5\"\n      ]", "\"5\",\n      ]", "line 85, column 7", "unexpected ']'"},
      {"a string left open", "\"issuer\": \"宮城県\",", "\"issuer\": \"宮城県,", "line 5, column 18",
       "control character U+000A (LF) must be escaped"},
      {"a raw newline in a string", "\"issuer\": \"宮城県\"", "\"issuer\": \"宮城\n県\"", "line 5, column 16",
       "must be escaped"},
      {"single quotes", "\"issuer\": \"宮城県\"", "\"issuer\": '宮城県'", "line 5, column 13", "invalid literal"},
      {"invalid UTF-8 in a string", "みやぎＩＴ推進プラン２０１３\"", "みやぎ\xffＩＴ推進プラン２０１３\"",
       "line 4, column 16", "ill-formed UTF-8 byte"},
      {"a UTF-8 sequence cut short", "\"宮城県\"", "\"宮城\xe7\x9c\"", "line 5, column 17", "ill-formed UTF-8 byte"},
      {"a number too large for a double", "\"min\": 0,", "\"min\": 1e400,", "line 432, column 28",
       "invalid JSON: number overflow parsing '1e400'"},
      {"a negative number too large", "\"max\": 100", "\"max\": -1e400", "line 433, column 29",
       "number overflow parsing '-1e400'"},
      {"nesting 100000 deep inside the plan", "\"goal_area_note\": \"", "\"goal_area_note\": " + deep_arrays + "\"",
       "line 101, column 84", "nesting deeper than 64 levels"},
  };
  for (const edit& e : edits) check_failure(e.what, replace_first(file, e.from, e.to), e.where, e.message);
  // Texts of their own.
  check_failure("the text cut short", file.substr(0, file.find("\n  \"goals\"")), "line 72, column 5",
                "unexpected end of input");
  check_failure("an empty text", "", "line 1, column 1",
                "invalid JSON: syntax error while parsing value - unexpected end of input");
  check_failure("only spaces", "  \n ", "line 2, column 2", "unexpected end of input");
  check_failure("text after the document", file + "x", "line 2271, column 1", "expected end of input");
  check_failure("arrays nested 100000 deep", deep_arrays, "line 1, column 65", "nesting deeper than 64 levels");
  check_failure("objects nested 100000 deep", deep_objects, "line 1, column 321", "nesting deeper than 64 levels");
  // parse_json refuses the same texts the same way.
  CHECK_THROWS_AS(mp::parse_json(deep_arrays), mp::schema_error);
  CHECK_THROWS_AS(mp::parse_json("{\"a\": 1e400}"), mp::schema_error);
  // Brackets inside strings do not count as nesting.
  CHECK(mp::parse_json("[\"" + deep_arrays + "\"]").size() == 1);
  // 64 levels are allowed.
  CHECK_NOTHROW(mp::parse_json(std::string(64, '[') + std::string(64, ']')));
  CHECK_THROWS_AS(mp::parse_json(std::string(65, '[') + std::string(65, ']')), mp::schema_error);
}

}  // TEST_SUITE


// The JSON Schema is made from the descriptions; the file in data/schema is that output, so that
// a field added to a description is in the schema too. MIYAGIPLAN_UPDATE_SCHEMA=1 rewrites it.
TEST_CASE("data/schema/plan.schema.json is the schema the descriptions make") {
  const std::string path = MIYAGIPLAN_SOURCE_DIR "/data/schema/plan.schema.json";
  const std::string made = mp::json_schema_text<mp::plan>();
  if (std::getenv("MIYAGIPLAN_UPDATE_SCHEMA")) {
    std::ofstream(path, std::ios::binary) << made;
    MESSAGE("wrote " << path);
  }
  CHECK(read_file(path) == made);
}
