// Streaming actuals: the CSV reader a piece at a time, files read in chunks (UTF-8 and CP932),
// and the compact store giving back every observation as it was read.
#include <doctest/doctest.h>

#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "miyagiplan/detail/csv.hpp"
#include "miyagiplan/io/json.hpp"
#include "support.hpp"

using namespace miyagiplan;
using test_support::bundled;

namespace {

struct read_row {
  std::vector<std::string> texts;
  std::vector<std::size_t> places;  // line * 1000 + column of each field
  friend bool operator==(const read_row&, const read_row&) = default;
};

// Rows of actuals to repeat across the readers' chunk boundaries: quoted fields with a comma and a
// line break, an estimate (見込), doubled quote marks, a word for the value.
constexpr const char* multiline_row = "1-1-1,平成23年度末,\"2,900\",実績,,\"県, 情報政策課\",\"二行の\n備考\"\n";
constexpr const char* estimate_row = "2-1-1,平成24年度末,62.0,見込,,illustrative,\n";
constexpr const char* quote_marks_row = "1-3-1,平成25年度末,27,,,,\"「引用」\"\"付き\"\"\"\n";
constexpr const char* word_value_row = "4-5-1,平成25年度末,全所属,,,,\n";

// Actuals as CSV of at least `size` bytes (more than the readers' chunks): the header, then
// `rows` over and over.
std::string csv_of_size(std::size_t size, std::initializer_list<const char*> rows) {
  const std::vector<const char*> cycle(rows);
  std::string text = "indicator,date,value,status,total,source,note\n";
  for (std::size_t k = 0; text.size() < size; ++k) text += cycle[k % cycle.size()];
  return text;
}

// Reads `text` handing the reader `piece` more bytes at a time, as a stream would (the byte order
// mark is the decoder's to remove, before the reader sees the text).
std::vector<read_row> read_in_pieces(const std::string& text, std::size_t piece, std::string& error) {
  std::vector<read_row> out;
  std::string buffer;
  std::size_t given = 0;
  auto more = [&] {
    const std::size_t n = std::min(piece, text.size() - given);
    buffer.append(text, given, n);
    given += n;
    return given == text.size();
  };
  bool final = more();
  detail::csv_reader reader(buffer, final);
  detail::csv_row row;
  for (;;) {
    if (reader.next(row, error)) {
      read_row r;
      for (const auto& f : row) r.texts.emplace_back(f.text), r.places.push_back(f.line * 1000 + f.column);
      out.push_back(std::move(r));
      continue;
    }
    if (!reader.needs_more()) return out;
    buffer.erase(0, reader.consumed());
    final = more();
    reader.refill(buffer, final);
  }
}

}  // namespace

TEST_CASE("stream: the CSV reader reads the same rows whatever pieces the text comes in") {
  const std::string text =
      "indicator,date,value,note\r\n"
      "# a comment line\n"
      "1-1-1,平成23年度末,\"2,900\",\"a \"\"quoted\"\" note\nover two lines\"\n"
      "\n"
      "1-2-1,令和5年度,62.0,\"\"\"\"\r\n"
      "1-3-1,平成２３年度末,8,全角の注記,\n"
      "2-1-1,2012-03-31,,\"\"";
  std::string whole_error;
  const auto whole = read_in_pieces(text, text.size(), whole_error);
  REQUIRE(whole.size() == 5);
  CHECK(whole[1].texts[3] == "a \"quoted\" note\nover two lines");
  CHECK(whole[2].texts[3] == "\"");
  for (std::size_t piece = 1; piece <= 9; ++piece) {
    CAPTURE(piece);
    std::string error;
    CHECK(read_in_pieces(text, piece, error) == whole);
    CHECK(error == whole_error);
  }
  // An unterminated quote is the same error, however the text comes.
  std::string e1, e2;
  read_in_pieces("a,b\n1,\"open\n", 100, e1);
  read_in_pieces("a,b\n1,\"open\n", 1, e2);
  CHECK(!e1.empty());
  CHECK(e1 == e2);
}

TEST_CASE("stream: a file read in chunks is the set read whole, in UTF-8 and in CP932") {
  const plan& p = bundled();
  // More than the reader's 1 MiB chunk, with quoted fields and kanji across the boundaries.
  const std::string text =
      csv_of_size(std::size_t{3} << 20, {multiline_row, estimate_row, quote_marks_row, word_value_row});
  const observation_set whole = observation_set::from_csv(text, p, "big.csv");
  std::istringstream utf8(text);
  const observation_set streamed = observation_set::from_csv(utf8, p, "big.csv");
  CHECK(streamed.size() == whole.size());
  CHECK(streamed == whole);
  std::istringstream cp932(whole.to_csv(p, office::text_encoding::cp932));
  CHECK(observation_set::from_csv(cp932, p, "big.csv", office::text_encoding::automatic) == whole);

  // A bad row past the first chunk is named by line and column, as the whole text names it.
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  const std::string bad = text + "1-1-1,不明,1,,,,\n";
  std::string whole_error, stream_error;
  try {
    (void)observation_set::from_csv(bad, p, "big.csv");
  } catch (const schema_error& e) {
    whole_error = e.what();
  }
  std::istringstream bad_stream(bad);
  CHECK_THROWS_AS((void)observation_set::from_csv(bad_stream, p, "big.csv"), schema_error);
  try {
    std::istringstream again(bad);
    (void)observation_set::from_csv(again, p, "big.csv");
  } catch (const schema_error& e) {
    stream_error = e.what();
  }
  CHECK(!whole_error.empty());
  CHECK(stream_error == whole_error);
  CHECK(stream_error.find("big.csv:" + std::to_string(lines + 1) + ":7") != std::string::npos);

  // A byte CP932 cannot decode, late in a forced-CP932 stream: its line and column.
  std::string cp = whole.to_csv(p, office::text_encoding::cp932);
  const std::size_t cp_lines = static_cast<std::size_t>(std::count(cp.begin(), cp.end(), '\n'));
  cp += "1-1-1,\x81\x20,1\n";
  std::istringstream broken(cp);
  try {
    (void)observation_set::from_csv(broken, p, "late.csv", office::text_encoding::cp932);
    FAIL("expected an error");
  } catch (const schema_error& e) {
    CHECK(std::string(e.where()) == "late.csv:" + std::to_string(cp_lines + 1) + ":7");
  }
}

TEST_CASE("stream: a JSON file read in chunks is the set read whole, its errors named alike") {
  const plan& p = bundled();
  // More than two of the reader's 1 MiB chunks.
  const std::string csv = csv_of_size(std::size_t{1} << 20, {multiline_row, estimate_row, word_value_row});
  const observation_set set = observation_set::from_csv(csv, p, "big.csv");
  const std::string json = set.to_json_text(p);
  REQUIRE(json.size() > (std::size_t{2} << 20));
  CHECK(observation_set::from_json(json, p, "big.json") == set);
  std::istringstream in(json);
  CHECK(observation_set::from_json(in, p, "big.json") == set);

  auto error_of = [&](const std::string& text, bool streamed) {
    try {
      std::istringstream stream(text);
      (void)(streamed ? observation_set::from_json(stream, p, "big.json")
                      : observation_set::from_json(text, p, "big.json"));
    } catch (const schema_error& e) {
      return std::string(e.where()) + " " + e.message();
    }
    return std::string("no error");
  };
  // Where parse_json (the whole document at once) places a problem of the text.
  auto json_where = [](const std::string& text) {
    try {
      (void)parse_json(text);
    } catch (const schema_error& e) {
      return "big.json:" + std::string(e.where());
    }
    return std::string("no error");
  };
  const std::size_t last = json.rfind(']');
  const std::string count = std::to_string(set.size());
  auto before_end = [&](const std::string& more) { return json.substr(0, last) + more + json.substr(last); };
  // A bad element after the first chunks.
  const std::string bad_date = before_end(", {\"indicator\": \"1-1-1\", \"date\": \"不明\", \"value\": 1}");
  CHECK(error_of(bad_date, true) == error_of(bad_date, false));
  CHECK(error_of(bad_date, true).starts_with("big.json:/observations/" + count + "/date "));
  // Malformed JSON, and nesting too deep: line and column as parse_json names them.
  const std::string deep = ", " + std::string(70, '[') + std::string(70, ']');
  for (const std::string& bad : {before_end(", {\"indicator\": ]"), before_end(deep), before_end(", 1e400")}) {
    CHECK(error_of(bad, true) == error_of(bad, false));
    CHECK(error_of(bad, true).starts_with(json_where(bad) + " "));
  }
  // A bad element before malformed JSON: the document is refused as JSON first, as when it was
  // read whole before its elements.
  const std::size_t first = json.find('[');
  const std::string both = "{\"observations\": [{\"indicator\": \"0-0-0\"}, " + json.substr(first + 1, last - first - 1) +
                           "], \"schema\": \"miyagiplan.Observations.1\",}";
  CHECK(error_of(both, true) == error_of(both, false));
  CHECK(error_of(both, true).find("invalid JSON") != std::string::npos);
  // The top object's problems come before an element's, wherever they stand.
  const std::string late_field = json.substr(0, json.rfind('}')) + ", \"extra\": {\"a\": [1]}}\n";
  CHECK(error_of(late_field, true) == "big.json:/extra unknown field \"extra\"");
  const std::string late_schema = "{\"observations\": [{\"indicator\": \"0-0-0\"}], \"schema\": \"miyagiplan.Plan.1\"}";
  CHECK(error_of(late_schema, true).starts_with("big.json:/schema "));
  // A repeated "observations": the last one is read, as parse keeps it.
  const std::string twice = "{\"schema\": \"miyagiplan.Observations.1\", " +
                            std::string("\"observations\": [{\"indicator\": \"0-0-0\"}], ") +
                            json.substr(json.find("\"observations\""));
  CHECK(observation_set::from_json(twice, p, "big.json") == set);
}

TEST_CASE("stream: the compact store gives back every text as read") {
  const plan& p = bundled();
  const auto set = observation_set::from_csv(
      "indicator,date,value,status,total,source,note\n"
      "1-1-1,平成23年度末,\"2,900\",実績,,illustrative,\n"
      "1-1-1,平成24年度末,3500,実績,,illustrative,a note\n"
      "2-1-1,平成23年度末,62.0,実績,,,\n"
      "3-1-1,平成24年度末,\"1,234.5\",見込,,,\n"
      "4-4-1,平成25年度,\"1,734\",,,,\n"
      "4-5-1,平成25年度末,全所属,,,,\n"
      "1-1-1,平成25年度末,－,,,,\n",
      p);
  REQUIRE(set.size() == 7);
  const char* texts[] = {"2,900", "3500", "62.0", "1,234.5", "1,734", "全所属", "－"};
  for (std::size_t k = 0; k < set.size(); ++k) {
    CAPTURE(k);
    CHECK(set.at(k).value.text == texts[k]);
    CHECK(set.value_text_of(k) == texts[k]);
  }
  CHECK(set.at(1).note == "a note");
  CHECK(set.at(0).source == "illustrative");
  CHECK(set.at(3).status == observation_status::estimate);
  CHECK(set.date_of(1).text() == "平成24年度末");
  CHECK(set.positions_of("1-1-1") == std::vector<std::uint32_t>{0, 1, 6});
  CHECK(set.positions_of("none").empty());
  // A set built by add() holds the same observations as the file's.
  observation_set added;
  for (const observation& o : set.items()) added.add(o);
  CHECK(added == set);
  CHECK(observation_set::from_csv(added.to_csv(p), p) == set);
}
