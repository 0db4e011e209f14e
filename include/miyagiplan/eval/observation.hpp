// Actuals (実績値): what a prefecture reports for an indicator at a date, and sets of them read
// from CSV or JSON files against a plan (so that values are read in each indicator's unit).
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_EVAL_OBSERVATION_HPP
#endif

#include <array>
#include <cstdint>
#include <iosfwd>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/chunked_vector.hpp"
#include "miyagiplan/detail/string_index.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/office/encoding.hpp"

namespace miyagiplan {

enum class observation_status : std::uint8_t {
  actual,       // 実績: a final figure
  estimate,     // 見込: an estimate, to be replaced by the final figure
  provisional,  // 速報: a first figure, to be replaced by the final one
  final,        // 確定: the final figure, replacing a 速報
  excluded,     // 除外: the indicator is taken out of the evaluation from then on; the note says why
};

struct observation {
  std::string indicator_id;
  date_expression when;              // a day, a month end, a fiscal year, 年度末 …
  quantity value;                    // in the indicator's base unit
  std::optional<double> total;       // for a completion: the whole (all departments)
  observation_status status = observation_status::actual;
  std::string source;
  std::string note;                  // for an excluded figure: the reason
  std::optional<date_expression> published;  // when the figure was published (公表日), if known
  friend bool operator==(const observation&, const observation&) = default;
};

// The numbers of an observation, all an evaluation needs: compact and free of strings.
// How observation_set::load reads a file an office keeps.
struct load_options {
  // A .csv file's encoding: automatic takes a UTF-8 byte order mark, or bytes that are all valid
  // UTF-8, as UTF-8 and anything else as CP932 (what Japanese Excel saves); or forced.
  office::text_encoding encoding = office::text_encoding::automatic;
  // The sheet of an .xlsx workbook to read; empty: the first sheet.
  std::string sheet;
};

struct observation_point {
  day_span days;           // the span the value refers to (a day is first == last)
  double value = 0;        // base unit; 0 for a state
  double total = 0;        // 0 when not given
  value_state state = value_state::number;
  bool estimate = false;    // 見込 or 速報: a later final figure at the same date replaces it
  bool excluded = false;    // 除外
  sys_days published = sys_days::min();  // the first day it may be used (min: always)
  std::uint32_t index = 0;  // position in its observation_set
};

namespace detail {
struct observation_builder;
}  // namespace detail

// Observations, stored compactly so that ten million of them fit in a few hundred MiB: each is
// a 24-byte record (its indicator and date as indices into tables of the distinct ids and date
// expressions, its value, its status and value state in bits); what few have more (a total, a
// source, a note, a value text other than the number itself) is kept aside. An observation is
// built back, as a copy, when asked for.
class observation_set {
 public:
  observation_set() = default;

  // Adds one observation; throws validation_error if the plan has no such indicator or the
  // value breaks the indicator's bounds (when a plan is given).
  MIYAGIPLAN_FUNC void add(observation o, const plan* p = nullptr);
  // The checks add makes, against one indicator: the ids match, numbers are finite, the value
  // keeps to the bounds (a rank 1–47, 0–100 %), an exclusion has its reason. Throws validation_error.
  MIYAGIPLAN_FUNC static void check(const observation& o, const indicator& ind);

  std::size_t size() const noexcept { return records_.size(); }
  bool empty() const noexcept { return records_.empty(); }
  // A copy of observation k (in the order added).
  MIYAGIPLAN_FUNC observation at(std::size_t k) const;
  observation operator[](std::size_t k) const { return at(k); }
  // Copies of every observation, in the order added (for small sets: each is built anew).
  MIYAGIPLAN_FUNC std::vector<observation> items() const;
  // The parts of observation k without building it.
  const std::string& indicator_of(std::size_t k) const { return indicator_ids_[records_[k].indicator]; }
  const date_expression& date_of(std::size_t k) const { return dates_[records_[k].date]; }
  MIYAGIPLAN_FUNC std::string value_text_of(std::size_t k) const;
  MIYAGIPLAN_FUNC observation_point point_of(std::size_t k) const;
  // The most digits after the decimal point among an indicator's value texts, as `decimals`
  // counts them in a text; whole numbers and states (most values) are passed over unwritten.
  MIYAGIPLAN_FUNC int most_decimals(std::string_view indicator_id, int (*decimals)(std::string_view)) const;
  // The positions of an indicator's observations, in the order added (empty: none).
  MIYAGIPLAN_FUNC const std::vector<std::uint32_t>& positions_of(std::string_view indicator_id) const;

  // An indicator's observations as points, ordered by the last day they refer to.
  MIYAGIPLAN_FUNC std::vector<observation_point> points_for(std::string_view indicator_id) const;
  // Every indicator's points at once, in one pass (keys view the ids held by this set).
  MIYAGIPLAN_FUNC std::unordered_map<std::string_view, std::vector<observation_point>> points_by_indicator() const;

  // CSV with a header row: indicator,date,value[,status,total,source,note,published], or value_base in
  // place of value for numbers in base units. Every bad cell is reported as file:line:column in
  // one schema_error; nothing of a bad file is kept.
  MIYAGIPLAN_FUNC static observation_set from_csv(std::string_view text, const plan& p,
                                                  std::string_view file_name = "<csv>");
  // The same from a stream of bytes in an encoding (automatic: UTF-8 or CP932, as load), read a
  // chunk at a time: memory holds the set being built, never the file.
  MIYAGIPLAN_FUNC static observation_set from_csv(std::istream& in, const plan& p, std::string_view file_name,
                                                  office::text_encoding encoding = office::text_encoding::automatic);
  // {"schema": "miyagiplan.Observations.1", "observations": [{"indicator", "date", "value" | "value_base",
  //   "status"?, "total"?, "source"?, "note"?, "published"?}]}; errors name file and JSON pointer.
  MIYAGIPLAN_FUNC static observation_set from_json(std::string_view text, const plan& p,
                                                   std::string_view file_name = "<json>");
  // The same from a stream, read a chunk at a time: memory holds the set being built and one
  // element of "observations", never the file.
  MIYAGIPLAN_FUNC static observation_set from_json(std::istream& in, const plan& p, std::string_view file_name);
  // A sheet of an .xlsx workbook: a header row (row 1) whose cells name the columns, in English
  // as in CSV or in Japanese (actuals_column_names), then one observation a row; empty rows are
  // skipped. Dates are text (平成23年度末, 2012-03-31) or date cells (1900 and 1904 systems);
  // values are numbers or text (2,900 件); a formula's cached value is read. Merged cells, an
  // empty header row, a formula without a cached value and a boolean or error cell where a value
  // belongs are errors. Every bad cell is reported as "file!sheet!C12" in one schema_error;
  // nothing of a bad file is kept. `sheet` empty: the first sheet.
  MIYAGIPLAN_FUNC static observation_set from_xlsx(const std::filesystem::path& path, const plan& p,
                                                   std::string_view sheet = {});
  // By extension: .csv (in options.encoding, streamed), .json (streamed) or .xlsx (options.sheet).
  MIYAGIPLAN_FUNC static observation_set load(const std::filesystem::path& path, const plan& p,
                                              const load_options& options = {});

  MIYAGIPLAN_FUNC std::string to_csv(const plan& p) const;
  // The CSV text in an encoding: cp932 for Excel as Japanese Windows opens it (a character CP932
  // has no code for throws schema_error naming it and its line and column); utf8 as to_csv.
  MIYAGIPLAN_FUNC std::string to_csv(const plan& p, office::text_encoding encoding) const;
  MIYAGIPLAN_FUNC std::string to_json_text(const plan& p) const;

  // The same observations in the same order (however each set stores them).
  MIYAGIPLAN_FUNC friend bool operator==(const observation_set& a, const observation_set& b);

 private:
  friend struct detail::observation_builder;

  // flags: bits 0-1 value_state, 2-4 status (room for more statuses), 5 note mark, 6 a total,
  // 7 the value's text is its number with thousands separators (2,900); bits 8-15 are free.
  struct record {
    double value = 0;            // base unit
    std::uint32_t indicator = 0;  // into indicator_ids_
    std::uint32_t date = 0;       // into dates_
    std::uint32_t extra = 0;      // 0: none; else 1 + index into extras_
    std::uint16_t flags = 0;      // two bytes after it are free
  };
  // What few observations have beyond the numbers.
  struct extra {
    double total = 0;
    std::uint32_t value_text = 0;  // into strings_; 0: the text is the number's own
    std::uint32_t source = 0;      // into strings_ (0 is "")
    std::uint32_t note = 0;
    std::uint32_t published = 0;   // into dates_, plus one; 0: not known
  };
  static constexpr unsigned state_mask = 0x3, status_shift = 2, status_mask = 0x7 << status_shift;
  static constexpr unsigned note_mark_flag = 1u << 5, total_flag = 1u << 6, grouped_flag = 1u << 7;

  detail::chunked_vector<record> records_;  // in blocks: growing never copies what is held
  detail::chunked_vector<extra> extras_;
  std::vector<std::string> indicator_ids_;
  std::vector<double> unit_factors_;  // per indicator: the display unit the value texts are in
  // per indicator: whether a value text may have digits after a point (most_decimals reads
  // none of an indicator without)
  std::vector<std::uint8_t> may_have_decimals_;
  std::vector<std::vector<std::uint32_t>> positions_;  // per indicator
  detail::string_index indicator_index_;  // keys: indicator_ids_
  std::vector<date_expression> dates_;
  detail::string_index date_index_;  // keys: the texts of dates_
  detail::chunked_vector<std::string> strings_{std::string()};
  detail::string_index string_index_;  // keys: strings_ (those shared)
  std::unordered_map<std::uint64_t, std::uint32_t> shared_extras_;  // source and note alone: shared
};

// The column names an actuals file may use, each an English name (as CSV has) and the Japanese
// names read as the same column:
//   indicator 指標ID 指標 | date 時点 日付 年月日 | value 実績値 値 | value_base 基本単位の値 |
//   status 区分 状態 | total 全体 総数 | source 出典 | note 備考 | published 公表日
struct actuals_column {
  std::string_view name;
  std::array<std::string_view, 3> japanese;
};
inline constexpr std::array<actuals_column, 9> actuals_column_names{{
    {"indicator", {"指標ID", "指標", ""}},
    {"date", {"時点", "日付", "年月日"}},
    {"value", {"実績値", "値", ""}},
    {"value_base", {"基本単位の値", "", ""}},
    {"status", {"区分", "状態", ""}},
    {"total", {"全体", "総数", ""}},
    {"source", {"出典", "", ""}},
    {"note", {"備考", "", ""}},
    {"published", {"公表日", "公表", ""}},
}};

// actual, estimate, provisional, final, excluded; 実績, 見込, 見込み, 速報, 確定, 除外 are read too.
template <>
struct enum_description<observation_status> {
  static constexpr std::string_view type = "observation status", python = "ObservationStatus";
  static constexpr std::string_view doc = "What kind of figure an observation is (実績, 見込, 速報, 確定, 除外).";
  static constexpr std::array<std::string_view, 5> names{"actual", "estimate", "provisional", "final", "excluded"};
  static constexpr std::array<std::string_view, 5> docs{
      "実績: a final figure", "見込: an estimate, to be replaced by the final figure",
      "速報: a provisional figure, to be replaced by the final one", "確定: the final figure, replacing a 速報",
      "除外: the indicator is excluded from the evaluation from this date; the note gives the reason"};
  static constexpr std::pair<std::string_view, observation_status> aliases[] = {
      {"実績", observation_status::actual},       {"見込", observation_status::estimate},
      {"見込み", observation_status::estimate},   {"速報", observation_status::provisional},
      {"確定", observation_status::final},      {"除外", observation_status::excluded}};
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_OBSERVATION_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_EVAL_OBSERVATION_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
