// Observations (実績値) in Python: one Observation, the Observations a report is made from
// (read from CSV, JSON or .xlsx against a plan, or built with add), and Plan.observation.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "bind_described.hpp"
#include "eval_bindings.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::date_arg;
using binding::member_or_name;
using binding::member_repr;
using binding::repr_of;
using binding::value_arg;
using binding::value_field;

// The plan observations are read against when none is given: the bundled plan, read once.
const plan& bundled_plan() {
  static const plan p = plans::miyagi_it_2013();
  return p;
}

const plan& plan_or_bundled(const model_part<plan>* p) { return p ? p->get() : bundled_plan(); }

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << bytes;
  out.close();
  if (!out) throw io_error("cannot write " + path.string());
}

shared_observations shared(observation_set s, std::string source = {}) {
  return shared_observations{std::make_shared<observation_set>(std::move(s)), std::move(source)};
}

// Observations.from_csv_text and from_json_text: text read by `read` against a plan (default:
// the bundled plan), errors naming `file_name`.
using text_read = observation_set (*)(std::string_view, const plan&, std::string_view);

template <text_read read>
auto text_reader() {
  return [](std::string_view text, const model_part<plan>* p, std::string_view file_name) {
    return shared(read(text, plan_or_bundled(p), file_name));
  };
}

observation_status status_or_default(const std::optional<member_or_name<observation_status>>& s,
                                     const date_expression& when) {
  if (s) return binding::member(*s);
  return when.estimate() ? observation_status::estimate : observation_status::actual;
}

// An observation of an indicator of `p`, its value and total read in the indicator's unit;
// checked as a file's would be (the indicator exists, the value keeps to its bounds).
observation observation_in(const plan& p, const std::string& indicator_id, const date_arg& when,
                           const value_arg& value, const std::optional<value_arg>& total,
                           const std::optional<member_or_name<observation_status>>& status,
                           const std::string& source, const std::string& note,
                           const std::optional<date_arg>& published) {
  const indicator& ind = p.indicator_at(indicator_id);
  observation o;
  o.indicator_id = indicator_id;
  o.when = binding::expression_of(when);
  o.value = binding::quantity_of(value, ind.unit, parse_actual);
  if (total) {
    const quantity t = binding::quantity_of(*total, ind.unit, parse_actual);
    if (!t.is_number()) throw validation_error("indicator " + indicator_id, "a total must be a number");
    o.total = t.value;
  }
  o.status = status_or_default(status, o.when);
  o.source = source;
  o.note = note;
  if (published) o.published = binding::expression_of(*published);
  observation_set check;
  check.add(o, &p);
  return o;
}

std::string observation_repr(const observation& o) {
  std::string r = std::string(package_name) + ".Observation(" + repr_of(o.indicator_id) + ", " +
                  py::repr(py::cast(o.when)).cast<std::string>() + ", " +
                  py::repr(py::cast(model_part<quantity>(o.value))).cast<std::string>();
  if (o.total) r += ", total=" + repr_of(*o.total);
  if (o.status != (o.when.estimate() ? observation_status::estimate : observation_status::actual))
    r += ", status=" + member_repr(py::cast(o.status));
  if (!o.source.empty()) r += ", source=" + repr_of(o.source);
  if (!o.note.empty()) r += ", note=" + repr_of(o.note);
  if (o.published) r += ", published=" + py::repr(py::cast(*o.published)).cast<std::string>();
  return r + ")";
}

template <class Items>
py::list observation_list(const Items& items) {
  py::list out;
  for (const observation& o : items) out.append(model_part<observation>(o));
  return out;
}

}  // namespace

void bind_observations(py::module_& m) {
  py::class_<model_part<observation>> observation_cls(
      m, "Observation", R"doc(An actual (実績値): what is reported for an indicator at a date.

``value`` is a Quantity in base units; Plan.observation makes one from a number in the
indicator's unit. An Observation is a value of its own: Observations holds copies.)doc");
  py::class_<shared_observations> observations_cls(
      m, "Observations", R"doc(A set of observations, read from CSV or JSON against a plan (so that values are
read in each indicator's unit), or built with add.

List-like: len, iteration and [i] give copies of the observations, in the order added.
``plan`` arguments default to the bundled plan (miyagiplan.miyagi_it_plan_2013()).)doc");
  binding::in_package(observation_cls);
  binding::in_package(observations_cls);

  // --- Observation ---------------------------------------------------------------------------

  observation_cls.def(
      py::init([](const std::string& indicator_id, const date_arg& when,
                  const model_part<quantity>& value, const std::optional<double>& total,
                  const std::optional<member_or_name<observation_status>>& status,
                  const std::string& source, const std::string& note, const std::optional<date_arg>& published) {
        observation o;
        o.indicator_id = indicator_id;
        o.when = binding::expression_of(when);
        o.value = value.get();
        o.total = total;
        o.status = status_or_default(status, o.when);
        o.source = source;
        o.note = note;
        if (published) o.published = binding::expression_of(*published);
        return model_part<observation>(std::move(o));
      }),
      "indicator_id"_a, "when"_a, "value"_a, "total"_a = py::none(), "status"_a = py::none(),
      "source"_a = "", "note"_a = "", "published"_a = py::none(),
      R"doc(An observation with the fields as given.

Args:
    indicator_id: the indicator's id (1-1-1).
    when: a DateExpression, a datetime.date or a text (平成23年度末, 平成25年度（見込）).
    value: a Quantity in base units. For a number in the indicator's unit, use
        Plan.observation(indicator_id, when, 2900), which reads it in the unit.
    total: for a completion, the whole, in base units (or None).
    status: an ObservationStatus or its name; by default ESTIMATE when ``when`` is marked
        （見込）, else ACTUAL. EXCLUDED (除外) takes the indicator out of the evaluation from
        this date; ``note`` gives the reason.
    source, note: free text.
    published: when the figure was published (公表日), or None: an evaluation as of an
        earlier day does not use it.)doc");
  value_field(observation_cls, "indicator_id", &observation::indicator_id,
              "The indicator's id: 1-1-1.");
  observation_cls.def_property(
      "when", [](const model_part<observation>& o) { return o.get().when; },
      [](const model_part<observation>& o, const date_arg& when) {
        o.get().when = binding::expression_of(when);
      },
      "The date, a DateExpression (set from one, a datetime.date or a text).");
  binding::part_field(observation_cls, "value", &observation::value,
                  "The value, a Quantity in base units.");
  value_field(observation_cls, "total", &observation::total,
              "For a completion, the whole (all departments) in base units; None when not given.");
  binding::enum_field(observation_cls, "status", &observation::status,
                  "ACTUAL (実績) or ESTIMATE (見込), an ObservationStatus (set from a member or name).");
  value_field(observation_cls, "source", &observation::source, "Where the figure comes from.");
  value_field(observation_cls, "note", &observation::note, "A note; for an EXCLUDED figure, the reason.");
  observation_cls.def_property(
      "published", [](const model_part<observation>& o) { return o.get().published; },
      [](const model_part<observation>& o, const std::optional<date_arg>& when) {
        o.get().published = when ? std::optional<date_expression>(binding::expression_of(*when)) : std::nullopt;
      },
      "When the figure was published (公表日), a DateExpression, or None.");
  binding::value_methods(observation_cls, &observation_repr);
  observation_cls.def(py::pickle(
      [](const model_part<observation>& n) {
        const observation& o = n.get();
        return py::make_tuple(o.indicator_id, o.when, model_part<quantity>(o.value), o.total, o.status,
                              o.source, o.note, o.published);
      },
      [](const py::tuple& t) {
        return model_part<observation>(observation{
            t[0].cast<std::string>(), t[1].cast<date_expression>(),
            t[2].cast<const model_part<quantity>&>().get(), t[3].cast<std::optional<double>>(),
            t[4].cast<observation_status>(), t[5].cast<std::string>(), t[6].cast<std::string>(),
            t.size() > 7 ? t[7].cast<std::optional<date_expression>>() : std::nullopt});
      }));

  // --- Observations --------------------------------------------------------------------------

  observations_cls
      .def(py::init([](const py::iterable& items, const model_part<plan>* p) {
             shared_observations observations;
             for (py::handle h : items) {
               if (!py::isinstance<model_part<observation>>(h))
                 throw py::type_error("expected a miyagiplan.Observation, not " +
                                      binding::type_name_of(h));
               observations.set->add(h.cast<const model_part<observation>&>().get(), p ? &p->get() : nullptr);
             }
             return observations;
           }),
           "observations"_a = py::tuple(), "plan"_a = py::none(),
           R"doc(A set of the given Observations, each checked against ``plan`` when one is given
(ValidationError: no such indicator, a value outside its bounds).)doc")
      .def(
          "add",
          [](shared_observations& observations, const model_part<observation>& o, const model_part<plan>* p) {
            observation copy = o.get();
            observations.to_change().add(std::move(copy), p ? &p->get() : nullptr);
          },
          "observation"_a, "plan"_a = py::none(),
          R"doc(Adds a copy of an Observation, checked against ``plan`` when one is given
(ValidationError: no such indicator, a value outside its bounds).)doc")
      .def(
          "items", [](const shared_observations& observations) { return observation_list(observations.set->items()); },
          "Copies of every observation, in the order added, as a list.")
      .def(
          "__len__", [](const shared_observations& observations) { return observations.set->size(); },
          "The number of observations.")
      .def(
          "__iter__",
          [](const shared_observations& observations) { return py::iter(observation_list(observations.set->items())); },
          "Iterates over copies of the observations.")
      .def(
          "__getitem__",
          [](const shared_observations& observations, py::ssize_t i) {
            const observation_set& set = *observations.set;
            return model_part<observation>(set.at(binding::list_index(set.size(), i)));
          },
          "index"_a, "A copy of the observation at ``index``.")
      .def(
          "for_indicator",
          [](const shared_observations& observations, const std::string& id) {
            py::list out;
            for (const std::uint32_t k : observations.set->positions_of(id))
              out.append(model_part<observation>(observations.set->at(k)));
            return out;
          },
          "indicator_id"_a, "Copies of one indicator's observations, in the order added.")
      .def_static(
          "from_csv",
          [](const std::filesystem::path& path, const model_part<plan>* p, std::string_view encoding) {
            const office::text_encoding e = office::text_encoding_from_string(encoding);
            const std::string text = office::to_utf8(read_file(path), e, path.string());
            return shared(observation_set::from_csv(text, plan_or_bundled(p), path.string()), path.string());
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "auto",
          R"doc(Reads a CSV file (a str or os.PathLike) with a header row:
indicator,date,value[,status,total,source,note], or value_base in place of value for numbers
in base units (or the Japanese names 指標ID, 時点, 実績値, 基本単位の値, 区分, 全体, 出典, 備考).
Values are read in each indicator's unit of ``plan`` (default: the bundled plan).

``encoding``: "auto" (a UTF-8 byte order mark or valid UTF-8 is UTF-8, anything else CP932, as
Japanese Excel saves CSV), "utf-8" or "cp932" (also "shift_jis").

Raises SchemaError (also a ValueError) naming every bad cell, its ``where`` the first one's
file:line:column; FileError when the file cannot be read.)doc")
      .def_static(
          "from_file",
          [](const std::filesystem::path& path, const model_part<plan>* p, std::string_view encoding,
             const std::optional<std::string>& sheet) {
            load_options options;
            options.encoding = office::text_encoding_from_string(encoding);
            options.sheet = sheet.value_or("");
            return shared(observation_set::load(path, plan_or_bundled(p), options), path.string());
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "auto", "sheet"_a = py::none(),
          R"doc(Reads actuals from any file an office keeps, by its extension: .csv (in ``encoding``,
as from_csv), .json, or .xlsx (``sheet``, default the first): a header row naming the
columns in English or Japanese (指標ID, 時点, 実績値 …), dates as date cells (1900 or 1904
system) or text (平成23年度末), values as numbers or text (2,900 件), a formula's saved value.

Raises SchemaError naming every bad cell (``actuals.xlsx!実績!C12``, or file:line:column);
nothing of a bad file is kept. FileError when the file cannot be read or has another
extension.)doc")
      .def_static("from_csv_text", text_reader<&observation_set::from_csv>(), "text"_a, "plan"_a = py::none(),
                  "file_name"_a = "<csv>", "Reads CSV text as from_csv does; errors name ``file_name``.")
      .def_static(
          "from_json",
          [](const std::filesystem::path& path, const model_part<plan>* p) {
            // Streamed, as load reads it: the file's text is never held.
            errno = 0;
            std::ifstream in(path, std::ios::binary);
            if (!in) throw io_error("cannot open " + path.string() + ": " + std::generic_category().message(errno));
            return shared(observation_set::from_json(in, plan_or_bundled(p), path.string()), path.string());
          },
          "path"_a, "plan"_a = py::none(),
          R"doc(Reads a JSON file: {"schema": "miyagiplan.Observations.1", "observations":
[{"indicator", "date", "value" | "value_base", "status"?, "total"?, "source"?, "note"?}]}.

Raises SchemaError, its ``where`` the file and JSON pointer.)doc")
      .def_static("from_json_text", text_reader<&observation_set::from_json>(), "text"_a, "plan"_a = py::none(),
                  "file_name"_a = "<json>", "Reads JSON text as from_json does; errors name ``file_name``.")
      .def_static(
          "load",
          [](const std::filesystem::path& path, const model_part<plan>* p) {
            return shared(observation_set::load(path, plan_or_bundled(p)), path.string());
          },
          "path"_a, "plan"_a = py::none(),
          "Reads a .csv or .json file by its extension (FileError for another).")
      .def(
          "to_csv",
          [](const shared_observations& observations, const model_part<plan>* p) {
            return observations.set->to_csv(plan_or_bundled(p));
          },
          "plan"_a = py::none(),
          R"doc(The observations as CSV text, values in each indicator's unit of ``plan``
(default: the bundled plan); from_csv_text reads it back.)doc")
      .def(
          "to_csv",
          [](const shared_observations& box, const std::filesystem::path& path, const model_part<plan>* p,
             std::string_view encoding) {
            const std::string bytes =
                box.set->to_csv(plan_or_bundled(p), office::text_encoding_from_string(encoding));
            write_bytes(path, bytes);
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "cp932",
          R"doc(Writes the observations as a CSV file (a str or os.PathLike) in ``encoding``: "cp932"
(the default: Shift_JIS, as Japanese Excel opens CSV) or "utf-8". SchemaError naming the
character and its line and column when CP932 has no code for one; FileError when the file
cannot be written.)doc")
      .def(
          "to_json",
          [](const shared_observations& observations, const model_part<plan>* p) {
            return observations.set->to_json_text(plan_or_bundled(p));
          },
          "plan"_a = py::none(),
          "The observations as JSON text (values in each indicator's unit); from_json_text reads it back.")
      .def(
          "copy", [](const shared_observations& observations) { return observations; },
          "A copy (cheap: shared until either changes).")
      .def(
          "__copy__", [](const shared_observations& observations) { return observations; },
          "A copy (shared until either changes).")
      .def(
          "__deepcopy__", [](const shared_observations& observations, const py::dict&) { return observations; },
          "memo"_a, "A copy (shared until either changes).")
      .def(
          "__eq__",
          [](const shared_observations& a, const shared_observations& b) { return *a.set == *b.set; },
          py::is_operator(), "The same observations in the same order.")
      .def(
          "__repr__",
          [](const shared_observations& observations) {
            const std::size_t n = observations.set->size();
            return "<" + std::string(package_name) + ".Observations " + std::to_string(n) +
                   (n == 1 ? " observation>" : " observations>");
          },
          "<miyagiplan.Observations 75 observations>")
      .def(py::pickle(
          [](const shared_observations& observations) { return observation_list(observations.set->items()); },
          [](const py::list& items) {
            shared_observations observations;
            for (py::handle h : items) observations.set->add(h.cast<const model_part<observation>&>().get());
            return observations;
          }));
  observations_cls.attr("__hash__") = py::none();

  py::object plan_cls = m.attr("Plan");
  plan_cls.attr("observation") = py::cpp_function(
      [](const model_part<plan>& p, const std::string& indicator_id, const date_arg& when,
         const value_arg& value, const std::optional<value_arg>& total,
         const std::optional<member_or_name<observation_status>>& status,
         const std::string& source, const std::string& note, const std::optional<date_arg>& published) {
        return model_part<observation>(
            observation_in(p.get(), indicator_id, when, value, total, status, source, note, published));
      },
      py::name("observation"), py::is_method(plan_cls),
      py::sibling(py::getattr(plan_cls, "observation", py::none())), "indicator_id"_a, "when"_a,
      "value"_a, "total"_a = py::none(), "status"_a = py::none(), "source"_a = "", "note"_a = "",
      "published"_a = py::none(),
      R"doc(An Observation of one of the plan's indicators, its value read in the indicator's
unit: a number as written (2900 for 2,900 件; 2150 for 2,150 百万円), a text (``"2,900"``,
``"全所属"``) or a Quantity. ``total`` likewise; ``status`` an ObservationStatus or its name
(default: ESTIMATE for a date marked （見込）); EXCLUDED (除外) needs the reason in ``note``;
``published`` the day the figure was published (公表日), or None.

NotFoundError for an unknown indicator; ValidationError for a value outside its bounds.)doc");
}

}  // namespace miyagiplan::python
