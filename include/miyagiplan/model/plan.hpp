// The plan model: Plan › Area (重点分野) › Measure (施策) › Initiative (主な取組) and Indicator
// (目標指標), with the Goals (基本目標) related to Areas, and the lineage of related strategies.
// Plain value types: copy, compare, edit; the Plan checks its own rules (validate()).
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_MODEL_PLAN_HPP
#endif

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"
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

// What an indicator measures, as the national RS system (行政事業レビュー) classifies them.
enum class indicator_role : std::uint8_t { unspecified, activity, output, outcome };

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

// An expected value at a date (期待値 / 中間目標): Ibaraki states one for every year of a plan;
// the expected path runs through them instead of the straight line from baseline to target.
struct milestone {
  date_expression when;
  quantity value;
  friend bool operator==(const milestone&, const milestone&) = default;
};

// A decision that changed an indicator from a date on: a new target and/or a new baseline
// (Ibaraki resets a 基準値; Mie raises over-achieved targets), and why.
struct revision {
  date_expression when;
  std::optional<dated_value> target;
  std::optional<dated_value> baseline;
  std::string reason;
  friend bool operator==(const revision&, const revision&) = default;
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
  indicator_role role = indicator_role::unspecified;
  std::string data_source;          // the statistic that supplies it, and who publishes it
  double weight = 1;                // its weight in a weighted roll-up
  std::vector<milestone> milestones;  // expected values at dates, in date order
  std::vector<revision> revisions;    // in date order; the latest in force applies
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

// ---------------------------------------------------------------------------------------------
// The descriptions (describe.hpp): every consumer of a type walks these.

template <>
struct enum_description<direction> {
  static constexpr std::string_view type = "direction", python = "Direction";
  static constexpr std::string_view doc = "Which way is better for an indicator.";
  static constexpr std::array<std::string_view, 3> names{"increase", "decrease", "keep"};
  static constexpr std::array<std::string_view, 3> docs{
      "more is better (登録件数)", "less is better: a cost to cut, a rank (40位→30位)", "keep the value where it is"};
};

template <>
struct enum_description<accumulation> {
  static constexpr std::string_view type = "accumulation", python = "Accumulation";
  static constexpr std::string_view doc =
      "How an indicator's value accrues over time; each has its own attainment rule.";
  static constexpr std::array<std::string_view, 6> names{"level",        "running_total", "flow",
                                                         "period_total", "completion",    "frequency"};
  static constexpr std::array<std::string_view, 6> docs{
      "a level at a date (登録件数)",
      "a total since a start, never falling (［累計］)",
      "a value per fiscal year (年間利用件数, 売上高)",
      "a total over the target's period (82,500 件 over 平成23～25年度)",
      "a share of a whole done by a date (全所属)",
      "a number of times per fiscal year, every year of the period (1回／年)"};
};

template <>
struct enum_description<indicator_role> {
  static constexpr std::string_view type = "indicator role", python = "IndicatorRole";
  static constexpr std::string_view doc = "What an indicator measures: an activity, an output or an outcome.";
  static constexpr std::array<std::string_view, 4> names{"unspecified", "activity", "output", "outcome"};
  static constexpr std::array<std::string_view, 4> docs{
      "not stated", "活動指標 (アクティビティ): what the office does", "アウトプット: what the activity produces",
      "アウトカム / 成果指標: the change it aims at"};
};

template <>
struct description<bounds> {
  static constexpr std::string_view schema = "", python = "Bounds", label = "範囲";
  static constexpr std::string_view doc =
      "The range a value may take, in the unit as written (0–100 for ％, 1–47 for a rank).";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("min", &bounds::min, "下限", "The least value."),
      field("max", &bounds::max, "上限", "The greatest value."),
  };
};

template <>
struct description<dated_value> {
  static constexpr std::string_view schema = "", python = "DatedValue", label = "時点と値";
  static constexpr std::string_view doc =
      "A value at a date, as a baseline (現状値) or a target (目標値) states it: the document's texts, the value "
      "read in the indicator's unit (2,280 件, 58.8％, 全所属, 実施なし, －).";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("date", &dated_value::when, "時点", "The date expression: 平成22年12月末, 平成25年度末.").in_code("when"),
      field("value", &dated_value::value, "値", "The value, in the indicator's unit."),
  };
};

template <>
struct description<milestone> {
  static constexpr std::string_view schema = "", python = "Milestone", label = "期待値";
  static constexpr std::string_view doc =
      "An expected value at a date (期待値): the expected path runs through the milestones, linear between them.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("date", &milestone::when, "時点", "The date expression: 平成23年度末.").in_code("when"),
      field("value", &milestone::value, "値", "The value expected then, in the indicator's unit."),
  };
};

template <>
struct description<revision> {
  static constexpr std::string_view schema = "", python = "Revision", label = "目標の見直し";
  static constexpr std::string_view doc =
      "A revision decided at a date: a new target and/or a new baseline in force from then on, and the reason.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("date", &revision::when, "決定日", "When it was decided: 平成24年6月1日.").in_code("when"),
      field("target", &revision::target, "新目標値", "The new target (date and value), or none.").absent_is_none(),
      field("baseline", &revision::baseline, "新現状値", "The new baseline (date and value), or none.").absent_is_none(),
      field("reason", &revision::reason, "理由", "Why it was decided."),
  };
};

template <>
struct description<indicator> {
  static constexpr std::string_view schema = "Indicator", python = "Indicator", label = "目標指標";
  static constexpr std::string_view doc = "目標指標: a target indicator, from its baseline to its target.";
  static constexpr int version = 3;
  static constexpr std::array<std::string_view, 2> brief{"id", "name"};
  static constexpr auto fields = std::tuple{
      field("id", &indicator::id, "ID", "The id, area-measure-n: 4-4-1."),
      field("name", &indicator::name, "指標名", "The name as written, with ［累計］."),
      field("unit", &indicator::unit, "単位", "The unit its values are written in: 件, ％, 百万円."),
      field("direction", &indicator::direction, "方向", "Which way is better: increase, decrease or keep."),
      field("accumulation", &indicator::accumulation, "集計",
            "How the value accrues: level, running_total, flow, period_total, completion or frequency."),
      field("bounds", &indicator::bounds, "範囲", "The range its values keep to (a rank among 47: 1–47), or none."),
      field("baseline", &indicator::baseline, "現状値", "The baseline (現状値): its date and value."),
      field("target", &indicator::target, "目標値", "The target (目標値): its date and value."),
      field("source", &indicator::source, "原文",
            "The document's line: 平成 21 年度：2,223 百万円 → 平成 25 年度：1,920 百万円."),
      field("notes", &indicator::notes, "注記", "The notes (※ …)."),
      field("role", &indicator::role, "区分", "activity, output or outcome (活動・アウトプット・アウトカム).", 2),
      field("data_source", &indicator::data_source, "出典", "The statistic that supplies it, and who publishes it.", 2),
      field("weight", &indicator::weight, "重み", "Its weight in a weighted roll-up (1 by default).", 2),
      field("milestones", &indicator::milestones, "期待値", "Expected values at dates (期待値), in date order.", 3),
      field("revisions", &indicator::revisions, "見直し", "Revisions of the target or baseline, in date order.", 3),
  };
};

template <>
struct description<initiative_item> {
  static constexpr std::string_view schema = "", python = "InitiativeItem", label = "取組項目";
  static constexpr std::string_view doc =
      "A sub-item of an initiative, with its channels (ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ).";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("label", &initiative_item::label, "記号", "The label: ・ or （１）."),
      field("title", &initiative_item::title, "項目", "The title."),
      field("channels", &initiative_item::channels, "媒体", "The channels: ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ."),
  };
};

template <>
struct description<initiative> {
  static constexpr std::string_view schema = "Initiative", python = "Initiative", label = "主な取組";
  static constexpr std::string_view doc = "主な取組: a main initiative of a measure.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"number", "title"};
  static constexpr std::string_view counted = "items";
  static constexpr auto fields = std::tuple{
      field("number", &initiative::number, "番号", "The number within its measure."),
      field("title", &initiative::title, "取組", "The title."),
      field("items", &initiative::items, "取組項目", "The sub-items."),
  };
};

template <>
struct description<policy_part> {
  static constexpr std::string_view schema = "", python = "PolicyPart", label = "取組方針";
  static constexpr std::string_view doc =
      "A part of a 取組方針: label (1), (2), or empty when the policy is one text.";
  static constexpr int version = 1;
  static constexpr auto fields = std::tuple{
      field("label", &policy_part::label, "記号", "The label, (1), or empty when the policy is one text."),
      field("text", &policy_part::text, "本文", "The text."),
  };
};

template <>
struct description<measure> {
  static constexpr std::string_view schema = "Measure", python = "Measure", label = "施策";
  static constexpr std::string_view doc = "施策, with its 取組方針, 主な取組, 目標指標 and sub-measures (3-1(1) …).";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"id", "title"};
  static constexpr std::string_view counted = "indicators";
  static constexpr auto fields = std::tuple{
      field("id", &measure::id, "ID", "The id: 3-1, and 3-1(2) for a sub-measure."),
      field("number", &measure::number, "番号", "The number within its area."),
      field("title", &measure::title, "施策名", "The title."),
      field("policy", &measure::policy, "取組方針", "The policy (取組方針), in one part or several."),
      field("initiatives", &measure::initiatives, "主な取組", "The main initiatives (主な取組)."),
      field("indicators", &measure::indicators, "目標指標", "The measure's own indicators (目標指標)."),
      field("sub_measures", &measure::sub_measures, "小施策", "The sub-measures ((1)–(3) of 3-1)."),
  };
};

template <>
struct description<area> {
  static constexpr std::string_view schema = "Area", python = "Area", label = "重点分野";
  static constexpr std::string_view doc = "重点分野: a priority area and its measures.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"id", "title"};
  static constexpr std::string_view counted = "measures";
  static constexpr auto fields = std::tuple{
      field("id", &area::id, "ID", "The id: 1 … 5."),
      field("number", &area::number, "番号", "The number."),
      field("title", &area::title, "分野名", "The title."),
      field("measures", &area::measures, "施策", "The measures (施策); sub-measures are inside theirs."),
  };
};

template <>
struct description<goal> {
  static constexpr std::string_view schema = "Goal", python = "Goal", label = "基本目標";
  static constexpr std::string_view doc = "基本目標, with the ids of the areas it spans.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"id", "title"};
  static constexpr std::string_view listed = "areas";
  static constexpr auto fields = std::tuple{
      field("id", &goal::id, "ID", "The id: G1."),
      field("number", &goal::number, "番号", "The number."),
      field("title", &goal::title, "目標", "The title."),
      field("areas", &goal::areas, "重点分野", "The ids of the areas the goal spans."),
  };
};

template <>
struct description<section> {
  static constexpr std::string_view schema = "", python = "Section", label = "本文";
  static constexpr std::string_view doc = "A part of the plan's text (purpose, positioning, period, …).";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"key", "heading"};
  static constexpr auto fields = std::tuple{
      field("key", &section::key, "キー", "The key: purpose, positioning, period, …."),
      field("heading", &section::heading, "見出し", "The heading."),
      field("paragraphs", &section::paragraphs, "段落", "The paragraphs."),
  };
};

template <>
struct description<promotion> {
  static constexpr std::string_view schema = "", python = "Promotion", label = "推進体制";
  static constexpr std::string_view doc = "推進体制: who promotes the plan, and how.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 1> brief{"organisation"};
  static constexpr auto fields = std::tuple{
      field("organisation", &promotion::organisation, "組織", "The organisation: ＩＴ戦略推進本部 …."),
      field("short_name", &promotion::short_name, "略称", "Its short name."),
      field("head", &promotion::head, "本部長", "Who heads it (the governor)."),
      field("partners", &promotion::partners, "連携先", "Its partners."),
      field("paragraphs", &promotion::paragraphs, "段落", "The paragraphs that describe it."),
  };
};

template <>
struct description<strategy> {
  static constexpr std::string_view schema = "Strategy", python = "Strategy", label = "関連計画";
  static constexpr std::string_view doc =
      "A related national or prefectural strategy; body, adopted, revised and span may be null or absent.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 2> brief{"id", "name"};
  static constexpr auto fields = std::tuple{
      field("id", &strategy::id, "ID", "The id."),
      field("name", &strategy::name, "名称", "The name."),
      field("owner", &strategy::owner, "主体", "Whose it is: 国, 県, 教育庁."),
      field("body", &strategy::body, "策定機関", "The body that adopted it (ＩＴ戦略本部, 総務省, …), or none.").absent_is_none(),
      field("category", &strategy::category, "区分", "Its category."),
      field("adopted", &strategy::adopted, "策定", "When it was adopted (平成１０年３月), or none.").absent_is_none(),
      field("revised", &strategy::revised, "改定", "When it was revised, or none.").absent_is_none(),
      field("span", &strategy::span, "期間", "The span it covers, or none.").absent_is_none(),
      field("description", &strategy::description, "概要", "What it is."),
      field("notes", &strategy::notes, "注記", "Notes."),
      field("predecessors", &strategy::predecessors, "前計画", "The ids of the strategies it follows."),
      field("successors", &strategy::successors, "後継計画", "The ids of the strategies that follow it."),
  };
};

template <>
struct description<plan> {
  static constexpr std::string_view schema = "Plan", python = "Plan", label = "計画";
  static constexpr std::string_view doc =
      "A plan: its goals, areas, measures, initiatives and indicators, its text sections, its promotion structure "
      "and its related strategies.";
  static constexpr int version = 1;
  static constexpr std::array<std::string_view, 1> brief{"id"};
  static constexpr auto fields = std::tuple{
      field("id", &plan::id, "ID", "The plan's id: miyagi-it-2013."),
      field("title", &plan::title, "計画名", "The title: みやぎＩＴ推進プラン２０１３."),
      field("issuer", &plan::issuer, "策定", "Who issued it: 宮城県."),
      field("period", &plan::period, "計画期間", "The plan's period: 平成23～25年度."),
      field("sections", &plan::sections, "本文", "The text sections."),
      field("promotion", &plan::promotion, "推進体制", "The promotion structure (推進体制)."),
      field("goals", &plan::goals, "基本目標", "The basic goals (基本目標)."),
      field("goal_area_note", &plan::goal_area_note, "目標と分野", "Why goals relate to areas as they do."),
      field("areas", &plan::areas, "重点分野", "The priority areas (重点分野)."),
      field("strategies", &plan::strategies, "関連計画", "The related strategies."),
  };
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_MODEL_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_MODEL_PLAN_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
