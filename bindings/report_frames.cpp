// A Report as pandas DataFrames, assembled column by column.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "eval_bindings.hpp"

namespace miyagiplan::python {

using namespace pybind11::literals;

namespace {

// pandas takes each column whole: numbers as float64 arrays (NaN where there is none), counts
// as int64 arrays, and text and dates as lists, which it keeps as objects (str, datetime.date).
template <class Rows, class Cell>
py::object column(const Rows& rows, Cell cell) {
  using value = std::decay_t<decltype(cell(*rows.begin()))>;
  if constexpr (std::is_arithmetic_v<value>) {
    using stored = std::conditional_t<std::is_floating_point_v<value>, double, std::int64_t>;
    py::array_t<stored> out(static_cast<py::ssize_t>(rows.size()));
    auto cells = out.template mutable_unchecked<1>();
    py::ssize_t k = 0;
    for (const auto& row : rows) cells(k++) = static_cast<stored>(cell(row));
    return out;
  } else {
    std::vector<value> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(cell(row));
    return py::cast(out);
  }
}

double number_or_nan(const std::optional<double>& v, double factor = 1) {
  return v ? *v / factor : std::numeric_limits<double>::quiet_NaN();
}

// A figure of the plan in its indicator's unit as written, NaN for a state (－, 実施なし).
double written_number(const dated_value& v, const unit& u) {
  return number_or_nan(v.value.is_number() ? std::optional<double>(v.value.display_value(u)) : std::nullopt);
}

// The columns in the order given (a dict of them, as pandas.DataFrame takes).
struct frame_columns {
  std::vector<std::string> order;
  py::dict columns;

  void add(const std::string& name, py::object values) {
    order.push_back(name);
    columns[py::str(name)] = std::move(values);
  }
  py::object dataframe() const {
    return py::module_::import("pandas").attr("DataFrame")(columns, "columns"_a = py::cast(order));
  }
};

}  // namespace

py::object indicators_frame(const report_ref& r) {
  const std::vector<indicator_assessment>& rows = r.value.indicators;
  const plan& p = *r.source;
  auto indicator_of = [&p](const indicator_assessment& ia) -> const indicator& {
    return p.indicator_at(ia.indicator_id);
  };
  // The assessment's figures are in base units; the frame gives them in the unit as written.
  auto in_unit = [&](std::optional<double> assessment::*figure) {
    return column(rows, [&](const indicator_assessment& ia) {
      return number_or_nan(ia.assessment.*figure, indicator_of(ia).unit.factor());
    });
  };
  frame_columns frame;
  frame.add("id", column(rows, [&](const auto& ia) { return indicator_of(ia).id; }));
  frame.add("name", column(rows, [&](const auto& ia) { return indicator_of(ia).name; }));
  frame.add("unit", column(rows, [&](const auto& ia) { return indicator_of(ia).unit.symbol; }));
  frame.add("baseline", column(rows, [&](const auto& ia) {
              const indicator& ind = indicator_of(ia);
              return written_number(ind.baseline, ind.unit);
            }));
  frame.add("baseline_date", column(rows, [&](const auto& ia) { return indicator_of(ia).baseline.when.last(); }));
  frame.add("target", column(rows, [&](const auto& ia) {
              const indicator& ind = indicator_of(ia);
              return written_number(ind.target, ind.unit);
            }));
  frame.add("target_date", column(rows, [&](const auto& ia) { return indicator_of(ia).target.when.last(); }));
  frame.add("actual", in_unit(&assessment::actual));
  frame.add("expected", in_unit(&assessment::expected));
  frame.add("rate", column(rows, [](const auto& ia) { return number_or_nan(ia.assessment.rate); }));
  frame.add("grade", column(rows, [](const auto& ia) { return ia.assessment.grade; }));
  frame.add("status", column(rows, [](const auto& ia) { return std::string(to_string(ia.assessment.status)); }));
  frame.add("explanation", column(rows, [](const auto& ia) { return ia.explanation; }));
  return frame.dataframe();
}

py::object rollups_frame(const report_ref& r) {
  std::vector<const rollup*> rows;
  for (const auto* group : {&r.value.measures, &r.value.areas, &r.value.goals, &r.value.overall})
    for (const rollup& x : *group) rows.push_back(&x);
  frame_columns frame;
  frame.add("kind", column(rows, [](const rollup* x) { return x->kind; }));
  frame.add("id", column(rows, [](const rollup* x) { return x->id; }));
  frame.add("title", column(rows, [](const rollup* x) { return x->title; }));
  frame.add("rating", column(rows, [](const rollup* x) { return x->rating; }));
  frame.add("average_points", column(rows, [](const rollup* x) { return number_or_nan(x->average_points); }));
  frame.add("evaluable", column(rows, [](const rollup* x) { return x->evaluable; }));
  frame.add("total", column(rows, [](const rollup* x) { return x->total; }));
  // One column per grade label, in the scheme's band order.
  std::vector<std::string> labels;
  for (const rollup* x : rows)
    for (const auto& [label, count] : x->grade_counts)
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  for (const std::string& label : labels)
    frame.add(label, column(rows, [&label](const rollup* x) {
                std::size_t n = 0;
                for (const auto& [counted, count] : x->grade_counts)
                  if (counted == label) n = count;
                return n;
              }));
  return frame.dataframe();
}

py::object years_frame(const years_ref& y) {
  py::list frames;
  const std::size_t later = y.value.years.size() - 1;  // changes per indicator
  for (std::size_t k = 0; k < y.value.years.size(); ++k) {
    py::object frame = indicators_frame(y.year(k));
    frame.attr("insert")(0, "fiscal_year", y.value.years[k].year.year());
    // The grade of the year before and the movement: None in the first year.
    std::vector<std::size_t> rows(y.value.years[k].evaluation.indicators.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    auto change = [&](std::size_t i) -> const grade_change* { return k ? &y.value.changes[i * later + k - 1] : nullptr; };
    frame.attr("__setitem__")("previous_grade", column(rows, [&](std::size_t i) {
                                return change(i) ? py::object(py::str(change(i)->previous)) : py::object(py::none());
                              }));
    frame.attr("__setitem__")("movement", column(rows, [&](std::size_t i) {
                                return change(i) ? py::object(py::str(to_string(change(i)->movement))) : py::object(py::none());
                              }));
    frames.append(std::move(frame));
  }
  return py::module_::import("pandas").attr("concat")(frames, "ignore_index"_a = true);
}

py::object counts_frame(const years_ref& y) {
  const std::vector<year_counts>& rows = y.value.counts;
  frame_columns frame;
  frame.add("kind", column(rows, [](const year_counts& c) { return c.kind; }));
  frame.add("label", column(rows, [](const year_counts& c) { return c.label; }));
  for (std::size_t k = 0; k < y.value.years.size(); ++k)
    frame.add(std::to_string(y.value.years[k].year.year()), column(rows, [k](const year_counts& c) { return c.counts[k]; }));
  return frame.dataframe();
}

}  // namespace miyagiplan::python
