// The plan model: Plan › Area (重点分野) › Measure (施策) › Initiative (主な取組) and Indicator
// (目標指標), with the Goals (基本目標) related to Areas, and the lineage of related strategies.
// Plain value types: copy, compare, edit; the Plan checks its own rules (validate()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/model/quantity.hpp"

namespace miyagiplan {

// Which way is better.
enum class direction : std::uint8_t { increase, decrease, keep };

// How an indicator's value accrues over time; each needs its own attainment rule.
enum class accumulation : std::uint8_t {
  level,          // a level at a date (登録件数)
  running_total,  // a total since a start, never falling (［累計］)
  flow,           // a value per fiscal year (年間利用件数, 売上高)
  period_total,   // a total over the target's period (82,500 件 over 平成23～25年度)
  completion,     // a share of a whole done by a date (全所属)
  frequency,      // a number of times per fiscal year, every year of the period (1回／年)
};

struct bounds {
  double min = 0;
  double max = 0;
  friend bool operator==(const bounds&, const bounds&) = default;
};

// A value at a date, as a baseline (現状値) or a target (目標値) states it.
struct dated_value {
  date_expression when;
  quantity value;
  bool estimate() const noexcept { return when.estimate(); }
  friend bool operator==(const dated_value&, const dated_value&) = default;
};

struct indicator {
  std::string id;    // area-measure-n: 4-4-1
  std::string name;  // as written, with ［累計］
  miyagiplan::unit unit;
  miyagiplan::direction direction = direction::increase;
  miyagiplan::accumulation accumulation = accumulation::level;
  std::optional<miyagiplan::bounds> bounds;  // a rank among 47, a percentage 0–100
  dated_value baseline;
  dated_value target;
  std::string source;               // the document's line: 平成 21 年度：2,223 百万円 → …
  std::vector<std::string> notes;   // ※ …
  friend bool operator==(const indicator&, const indicator&) = default;
};

struct initiative_item {
  std::string label;  // ・ or （１）
  std::string title;
  std::vector<std::string> channels;  // ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ
  friend bool operator==(const initiative_item&, const initiative_item&) = default;
};

struct initiative {
  int number = 0;
  std::string title;
  std::vector<initiative_item> items;
  friend bool operator==(const initiative&, const initiative&) = default;
};

struct policy_part {
  std::string label;  // (1), or empty when the 取組方針 is one text
  std::string text;
  friend bool operator==(const policy_part&, const policy_part&) = default;
};

struct measure {
  std::string id;  // 3-1, and 3-1(2) for a sub-measure
  int number = 0;
  std::string title;
  std::vector<policy_part> policy;  // 取組方針
  std::vector<initiative> initiatives;
  std::vector<indicator> indicators;
  std::vector<measure> sub_measures;
  friend bool operator==(const measure&, const measure&) = default;
};

struct area {
  std::string id;  // 1 … 5
  int number = 0;
  std::string title;
  std::vector<measure> measures;
  friend bool operator==(const area&, const area&) = default;
};

struct goal {
  std::string id;  // G1
  int number = 0;
  std::string title;
  std::vector<std::string> areas;  // the ids of the areas the goal spans
  friend bool operator==(const goal&, const goal&) = default;
};

struct section {
  std::string key;  // purpose, positioning, period, …
  std::string heading;
  std::vector<std::string> paragraphs;
  friend bool operator==(const section&, const section&) = default;
};

// 推進体制
struct promotion {
  std::string organisation;
  std::string short_name;
  std::string head;
  std::vector<std::string> partners;
  std::vector<std::string> paragraphs;
  friend bool operator==(const promotion&, const promotion&) = default;
};

// A related national or prefectural strategy, and where it stands in the lineage.
struct strategy {
  std::string id;
  std::string name;
  std::string owner;                // 国, 県, 教育庁
  std::optional<std::string> body;  // ＩＴ戦略本部, 総務省, …
  std::string category;
  std::optional<date_expression> adopted;  // 平成１０年３月
  std::optional<date_expression> revised;
  std::optional<date_expression> span;
  std::string description;
  std::vector<std::string> notes;
  std::vector<std::string> predecessors;  // strategy ids
  std::vector<std::string> successors;
  friend bool operator==(const strategy&, const strategy&) = default;
};

// A rule the plan breaks, and where.
struct problem {
  std::string where;  // an id or a path: indicator 4-4-1
  std::string what;
  friend bool operator==(const problem&, const problem&) = default;
};

struct plan {
  std::string id;
  std::string title;
  std::string issuer;
  date_expression period;  // 平成23～25年度
  std::vector<section> sections;
  miyagiplan::promotion promotion;
  std::vector<goal> goals;
  std::string goal_area_note;  // why goals relate to areas as they do
  std::vector<area> areas;
  std::vector<strategy> strategies;

  // Every indicator in document order (areas, measures, sub-measures, then their indicators).
  MIYAGIPLAN_FUNC std::vector<const indicator*> indicators() const;
  // Every measure, sub-measures after their parent.
  MIYAGIPLAN_FUNC std::vector<const measure*> measures() const;

  // nullptr when there is none.
  MIYAGIPLAN_FUNC const indicator* find_indicator(std::string_view key) const noexcept;
  MIYAGIPLAN_FUNC const measure* find_measure(std::string_view key) const noexcept;
  MIYAGIPLAN_FUNC const area* find_area(std::string_view key) const noexcept;
  MIYAGIPLAN_FUNC const strategy* find_strategy(std::string_view key) const noexcept;
  indicator* find_indicator(std::string_view key) noexcept {
    return const_cast<indicator*>(std::as_const(*this).find_indicator(key));
  }
  measure* find_measure(std::string_view key) noexcept {
    return const_cast<measure*>(std::as_const(*this).find_measure(key));
  }
  area* find_area(std::string_view key) noexcept {
    return const_cast<area*>(std::as_const(*this).find_area(key));
  }
  // The measure an indicator belongs to, and the area of a measure.
  MIYAGIPLAN_FUNC const measure* measure_of(const indicator& i) const noexcept;
  MIYAGIPLAN_FUNC const area* area_of(const measure& m) const noexcept;

  // Throws not_found_error.
  MIYAGIPLAN_FUNC const indicator& indicator_at(std::string_view key) const;
  MIYAGIPLAN_FUNC const measure& measure_at(std::string_view key) const;
  MIYAGIPLAN_FUNC const area& area_at(std::string_view key) const;

  // Every broken rule: duplicate ids, dangling references, a target date before its baseline,
  // a value outside its bounds, a unit that does not match its values.
  MIYAGIPLAN_FUNC std::vector<problem> problems() const;
  // Throws validation_error naming every problem.
  MIYAGIPLAN_FUNC void validate() const;

  // Edits check the result first and change nothing when it would break a rule.
  MIYAGIPLAN_FUNC void add_measure(std::string_view area_id, measure m);
  MIYAGIPLAN_FUNC void add_initiative(std::string_view measure_id, initiative i);
  MIYAGIPLAN_FUNC void add_indicator(std::string_view measure_id, indicator i);
  MIYAGIPLAN_FUNC void set_target(std::string_view indicator_id, dated_value target);

  friend bool operator==(const plan&, const plan&) = default;
};

MIYAGIPLAN_FUNC std::string_view to_string(direction d) noexcept;
MIYAGIPLAN_FUNC std::string_view to_string(accumulation a) noexcept;
MIYAGIPLAN_FUNC direction direction_from_string(std::string_view name);
MIYAGIPLAN_FUNC accumulation accumulation_from_string(std::string_view name);

}  // namespace miyagiplan
