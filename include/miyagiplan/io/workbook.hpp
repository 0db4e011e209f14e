// The plan as a workbook (.xlsx), for people who author plans in Excel. The layout is made by
// walking the descriptions (describe.hpp), so a field added to a type is a column here too:
//
// - one sheet per kind of object, named by its description's label: 計画 (one row), 本文, 推進体制
//   (one row at most; none: its fields empty), 基本目標, 重点分野, 施策, 取組方針, 主な取組, 取組項目,
//   目標指標, 関連計画;
// - row 1 holds each column's Japanese label (指標名), row 2 its field name (name): row 2 is what
//   reading goes by, so columns may be moved; rows 3 on hold one object each, empty rows skipped;
// - a value inside an object (a baseline's date and value, bounds) takes one column per field,
//   named "baseline.date" (label 現状値・時点); an optional group left empty is none;
// - quantities and dates are the document's text (2,223 百万円, 平成25年度末); numbers are
//   numbers; an optional field left empty is none;
// - rows link by ids: "_parent" holds the parent's id (a type without an id field has a "_key"
//   column, written "<parent>/<position>"), "_position" the place among its siblings (from 1;
//   empty: the order of the rows), and "_parent_field" the parent's field when a kind has parents
//   of more than one kind (施策: an area's measures, or a measure's sub_measures);
// - lists of strings (notes, channels, areas, paragraphs) are rows of sheet リスト: sheet, parent
//   id, field, position, value; a string may hold newlines;
// - sheet 説明 explains every column, from the fields' labels and docs (it is not read).
//
// A plan written and read back is equal to the first, and writes byte-identical JSON.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_IO_WORKBOOK_HPP
#endif

#include <filesystem>
#include <string_view>
#include <vector>

#include "miyagiplan/config.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan {

inline constexpr std::string_view workbook_list_sheet = "リスト";
inline constexpr std::string_view workbook_help_sheet = "説明";

// Writes the plan as a workbook (the file is written whole; save_plan replaces one safely).
// Throws io_error naming the path and the reason.
MIYAGIPLAN_FUNC void write_plan_workbook(const plan& p, const std::filesystem::path& path);

// Reads a plan from a workbook in the layout above, then checks the model's rules. Throws
// io_error when the file cannot be read, and schema_error naming every problem, each at its
// place "file!sheet!C12" (where() the first): cells that do not read, rows whose parent is
// missing, and the rules the plan breaks (plan::problems(), at the row of the object).
MIYAGIPLAN_FUNC plan read_plan_workbook(const std::filesystem::path& path);

// Every problem read_plan_workbook would report, each {"file!sheet!C12", what}, none left out;
// empty when the workbook reads as a plan that keeps every rule. Problems come in stages (cells,
// then links between rows, then the model's rules): a stage with problems ends the list.
// Throws io_error when the file cannot be read, schema_error when it is no workbook at all.
MIYAGIPLAN_FUNC std::vector<problem> plan_workbook_problems(const std::filesystem::path& path);

// A blank workbook to author a plan in: every sheet with its two header rows and one example
// row (an object of each kind from the bundled plan), and sheet 説明.
MIYAGIPLAN_FUNC void write_plan_template(const std::filesystem::path& path);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_WORKBOOK_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_IO_WORKBOOK_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
