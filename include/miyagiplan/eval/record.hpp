// A year's evaluation record (評価調書): what the office wrote of each indicator and measure — the
// reason for its grade (評価理由), the committee's opinion (適切 / おおむね適切 / 要検討) and the
// response (対応方針) — kept with the grades in one schema-tagged file
// ("miyagiplan.EvaluationRecord.1"), so a year's evaluation can be saved, reviewed, shown in the
// report and compared with the next year's.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_EVAL_RECORD_HPP
#endif

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/eval/evaluate.hpp"

namespace miyagiplan {

// The committee's opinion of an office's evaluation (外部評価委員会の意見).
enum class committee_opinion : std::uint8_t { none, appropriate, mostly_appropriate, needs_review };

template <>
struct enum_description<committee_opinion> {
  static constexpr std::string_view type = "committee opinion", python = "CommitteeOpinion";
  static constexpr std::string_view doc = "The committee's opinion of an office's evaluation.";
  static constexpr std::array<std::string_view, 4> names{"none", "appropriate", "mostly_appropriate", "needs_review"};
  static constexpr std::array<std::string_view, 4> docs{"not given (yet)", "適切", "おおむね適切", "要検討"};
  static constexpr std::pair<std::string_view, committee_opinion> aliases[] = {
      {"", committee_opinion::none},
      {"適切", committee_opinion::appropriate},
      {"おおむね適切", committee_opinion::mostly_appropriate},
      {"概ね適切", committee_opinion::mostly_appropriate},
      {"要検討", committee_opinion::needs_review}};
};

// What was written of one indicator or measure.
struct record_entry {
  std::string kind;   // indicator or measure
  std::string id;     // 1-1-1, 1-1
  std::string title;  // its name, as the plan has it, for a reader of the file
  std::string grade;  // the grade (or a measure's rating) the evaluation gave
  std::string reason;    // 評価理由
  committee_opinion opinion = committee_opinion::none;
  std::string comment;   // the committee's words
  std::string response;  // 対応方針
  friend bool operator==(const record_entry&, const record_entry&) = default;
};

struct evaluation_record {
  std::string plan_id;
  std::string scheme_name;
  std::string as_of;  // the evaluation's day, ISO (2014-03-31)
  std::vector<record_entry> entries;  // indicators in document order, then measures
  friend bool operator==(const evaluation_record&, const evaluation_record&) = default;

  const record_entry* find(std::string_view kind, std::string_view id) const noexcept {
    for (const auto& e : entries)
      if (e.kind == kind && e.id == id) return &e;
    return nullptr;
  }
};

template <>
struct description<record_entry> {
  static constexpr std::string_view schema = "", python = "RecordEntry", label = "評価記録";
  static constexpr std::string_view doc = "What was written of one indicator or measure: reason, opinion, response.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("kind", &record_entry::kind, "種別", "indicator or measure."),
      field("id", &record_entry::id, "ID", "The indicator's or measure's id: 1-1-1, 1-1."),
      field("title", &record_entry::title, "名称", "Its name, as the plan has it."),
      field("grade", &record_entry::grade, "評価", "The grade or rating the evaluation gave."),
      field("reason", &record_entry::reason, "評価理由", "The office's reason for the grade."),
      field("opinion", &record_entry::opinion, "委員会意見", "The committee's opinion: 適切, おおむね適切, 要検討."),
      field("comment", &record_entry::comment, "委員会コメント", "The committee's words."),
      field("response", &record_entry::response, "対応方針", "The office's response."),
  };
};

template <>
struct description<evaluation_record> {
  static constexpr std::string_view schema = "EvaluationRecord", python = "EvaluationRecord", label = "評価調書";
  static constexpr std::string_view doc = "A year's evaluation record: the grades with the office's and committee's words.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("plan", &evaluation_record::plan_id, "計画ID", "The plan's id.").in_code("plan_id"),
      field("scheme", &evaluation_record::scheme_name, "評価方式", "The scheme that graded.").in_code("scheme_name"),
      field("as_of", &evaluation_record::as_of, "評価基準日", "The evaluation's day, ISO: 2014-03-31."),
      field("entries", &evaluation_record::entries, "記録", "An entry per indicator, then per measure."),
  };
};

// A record to fill in: an entry per indicator (document order) and per measure rolled up, with
// the grades and ratings of `r` and nothing written yet.
MIYAGIPLAN_FUNC evaluation_record record_of(const report& r, const plan& p);

// Checks a record against the evaluation it is shown with: the same plan, and entries naming
// its indicators and measures, each at most once. Throws validation_error naming the entry
// (/entries/3/id, after `source`: record.json:/entries/3/id). A grade that differs from the evaluation's is not an error: the record keeps
// what was given then, and a report shows both.
MIYAGIPLAN_FUNC void check_record(const evaluation_record& record, const report& r, std::string_view source = {});

// "miyagiplan.EvaluationRecord.1" as JSON text (2-space indent, a final newline), and back:
// schema_error with the JSON pointer (or line and column) of what does not read.
MIYAGIPLAN_FUNC std::string to_json_text(const evaluation_record& record);
MIYAGIPLAN_FUNC evaluation_record record_from_json(std::string_view text);

// Files: read whole (errors name the file), written whole or not at all (replace_file).
MIYAGIPLAN_FUNC evaluation_record load_record(const std::filesystem::path& path);
MIYAGIPLAN_FUNC void save_record(const evaluation_record& record, const std::filesystem::path& path);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_RECORD_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_EVAL_RECORD_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
