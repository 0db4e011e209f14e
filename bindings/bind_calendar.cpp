// 和暦 and 年度 in Python: the C++ calendar's value types and functions, with Python's
// conventions (UPPER_CASE enum members, keyword arguments, reprs that evaluate back, dates
// as datetime.date).
#include <pybind11/stl.h>
#include <structmember.h>

#include <array>
#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "miyagiplan/calendar.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;

// ---------------------------------------------------------------------------------------------
// Enum names: str(member) is the C++ name (date_kind's and date_style's to_string), and
// from_string reads it back, rejecting unknown names with ParseError as the C++ does.

char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// An era by its name (heisei, Heisei), its kanji (平成) or its letter (H, h).
era era_from_string(std::string_view name) {
  for (const era_info& e : era_list()) {
    if (name == e.kanji || equal_ignoring_case(name, e.romaji) ||
        (name.size() == 1 && ascii_lower(name[0]) == ascii_lower(e.letter)))
      return e.id;
  }
  throw parse_error(std::string(name), 0,
                    "an era: a name (heisei), its kanji (平成) or its letter (H)");
}

fiscal_label fiscal_label_from_string(std::string_view name) { return enum_from_string<fiscal_label>(name); }
era_rule era_rule_from_string(std::string_view name) { return enum_from_string<era_rule>(name); }
date_kind date_kind_from_string(std::string_view name) { return enum_from_string<date_kind>(name); }
date_style date_style_from_string(std::string_view name) { return enum_from_string<date_style>(name); }

// An argument that takes a member or its name: style=DateStyle.ABBREV or style="abbrev".
template <class Enum>
using member_or_name = std::variant<Enum, std::string>;

template <class Enum>
Enum member(const member_or_name<Enum>& v, Enum (*from_string)(std::string_view)) {
  if (const Enum* e = std::get_if<Enum>(&v)) return *e;
  return from_string(std::get<std::string>(v));
}

template <class Enum>
void set_str(py::enum_<Enum>& cls, std::string_view (*name)(Enum)) {
  // Replaces pybind11's __str__ outright: def() would chain an overload behind it.
  cls.attr("__str__") = py::cpp_function(
      [name](Enum e) { return std::string(name(e)); }, py::name("__str__"), py::is_method(cls),
      "The member's name as the C++ library spells it; from_string reads it back.");
}

template <described_enum Enum>
std::string_view name_of(Enum e) {
  return to_string(e);
}

// ---------------------------------------------------------------------------------------------
// Checks a Python caller can fail: the C++ value types leave validity to queries.

// A whole number from 1 to `last` (a month, a quarter, a half).
unsigned checked_ordinal(int n, int last, const char* what) {
  if (n < 1 || n > last)
    throw range_error(std::string(what) + " must be 1–" + std::to_string(last) + ", not " + std::to_string(n));
  return static_cast<unsigned>(n);
}

unsigned checked_month(int month, const char* what) { return checked_ordinal(month, 12, what); }

parse_options options(bool strict, int fiscal_start_month) {
  parse_options o;
  o.strict = strict;
  o.fiscal_start_month = checked_month(fiscal_start_month, "fiscal_start_month");
  return o;
}

// The context of parse_date and find_dates: None, a text, a DateExpression, a FiscalYear, a
// datetime.date or an int year.
date_context context_from(const py::object& c, const parse_options& o) {
  if (c.is_none()) return {};
  if (py::isinstance<py::str>(c)) return context_of(parse_date(c.cast<std::string>(), o).reading(), o.fiscal_start_month);
  if (py::isinstance<date_expression>(c)) return context_of(c.cast<const date_expression&>().reading(), o.fiscal_start_month);
  if (py::isinstance<fiscal_year>(c)) return {c.cast<fiscal_year>().year(), true};
  if (py::isinstance<py::bool_>(c)) throw py::type_error("context: not a bool");
  if (py::isinstance<py::int_>(c)) {
    const int y = c.cast<int>();
    if (y < min_supported_year || y > max_supported_year - 1) throw py::value_error("context: a year between 1400 and 9998");
    return {y, false};
  }
  return context_of(c.cast<sys_days>());
}

// A fiscal year whose days a date can hold (the parser's range, 1400 … 9998).
fiscal_year checked_fiscal_year(int year, int start_month) {
  if (year < min_supported_year || year > max_supported_year - 1)
    throw range_error("fiscal year " + std::to_string(year) +
                      " is outside the supported years 1400–9998");
  return fiscal_year(year, checked_month(start_month, "start_month"));
}

era_date checked_era_date(era e, int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31)
    throw range_error(std::string(info(e).kanji) + std::to_string(year) + "年" +
                      std::to_string(month) + "月" + std::to_string(day) + "日 is not a day");
  const era_date d{e, year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
  to_gregorian(d);  // throws range_error unless the day lies inside its era
  return d;
}

std::pair<sys_days, sys_days> dates_of(const day_span& s) {
  return {s.first, s.last};
}

std::string python_repr(std::string_view text) {
  return py::repr(py::str(std::string(text))).cast<std::string>();
}

std::string era_member_repr(era e) {
  return std::string(package_name) + ".Era." + py::cast(e).attr("name").cast<std::string>();
}

std::string era_date_repr(const era_date& d) {
  return std::string(package_name) + ".EraDate(" + era_member_repr(d.era) + ", " +
         std::to_string(d.year) + ", " + std::to_string(d.month) + ", " + std::to_string(d.day) +
         ")";
}

std::string fiscal_year_repr(const fiscal_year& fy) {
  std::string r = std::string(package_name) + ".FiscalYear(" + std::to_string(fy.year());
  if (fy.start_month() != default_fiscal_start_month)
    r += ", start_month=" + std::to_string(fy.start_month());
  return r + ")";
}

// The fiscal start month that reads an expression's text back to the same expression: the
// default when it does (most texts do not depend on it), else the first month that does.
// (Strict mode changes what fails, never a result.) nullopt when none does.
std::optional<unsigned> reading_start_month(const date_expression& e) {
  for (unsigned month = 0; month <= 12; ++month) {
    parse_options o;
    o.fiscal_start_month = month == 0 ? default_fiscal_start_month : month;
    date_reading r;
    date_reading_failure f;
    if (try_read_date(e.text(), o, r, f) && date_expression(e.text(), r) == e)
      return o.fiscal_start_month;
  }
  return std::nullopt;
}

// The call that made an expression: miyagiplan.parse_date('平成22年12月末').
std::string date_expression_repr(const date_expression& e) {
  const auto month = reading_start_month(e);
  if (!month)
    return "<" + std::string(package_name) + ".DateExpression " + python_repr(e.text()) + ">";
  std::string call = std::string(package_name) + ".parse_date(" + python_repr(e.text());
  if (*month != default_fiscal_start_month)
    call += ", fiscal_start_month=" + std::to_string(*month);
  return call + ")";
}

// Era.<ROMAJI> and ERAS for an era of the table; the built-in ones already have their members.
void register_member(py::object era_cls, const era_info& e) {
  std::string name(e.romaji);
  for (char& c : name) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  // As py::enum_::value does: the member in the class's table of entries, and as an attribute.
  py::dict entries = era_cls.attr("__entries");
  const py::object member = py::cast(e.id);
  entries[py::str(name)] = py::make_tuple(member, py::str(std::string(e.kanji) + " (" + e.letter + "), added"));
  py::setattr(era_cls, py::str(name), member);
}

void register_era(py::object era_cls, py::list eras_in_force, const era_info& e) {
  eras_in_force.append(py::cast(&e, py::return_value_policy::reference));
  if (static_cast<std::size_t>(e.id) >= builtin_eras.size()) register_member(era_cls, e);
}

// Brings Era and ERAS up to the C++ table: the eras added since, and an era that replaced the
// tentative era in its place (the placeholder's member goes; the era value stays).
void sync_eras(py::object era_cls, py::list eras_in_force) {
  const era_table& t = era_list();
  const std::size_t known = py::len(eras_in_force);
  for (std::size_t i = builtin_eras.size(); i < known && i < t.size(); ++i) {
    const auto& old = eras_in_force[i].cast<const era_info&>();
    if (old.kanji == t[i].kanji) continue;
    std::string name(old.romaji);
    for (char& c : name) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    era_cls.attr("__entries").attr("pop")(py::str(name), py::none());
    if (py::hasattr(era_cls, name.c_str())) py::delattr(era_cls, py::str(name));
    eras_in_force[i] = py::cast(&t[i], py::return_value_policy::reference);
    register_member(era_cls, t[i]);
  }
  for (std::size_t i = known; i < t.size(); ++i) register_era(era_cls, eras_in_force, t[i]);
}

template <class Class>
void set_module(Class& cls) {
  cls.attr("__module__") = package_name;
}

// DateMatch is a plain CPython type, not a pybind11 class: find_dates makes one per date found,
// and a pybind11 instance (a C++ copy, registered in pybind11's instance map) cost some 350 ns
// made and freed, a third of the call. The text is cut from the searched str, and the
// DateExpression made, only when asked for.
struct date_match_object {
  PyObject_HEAD
  Py_ssize_t start;
  Py_ssize_t end;
  PyObject* source;      // the searched str
  PyObject* text;        // source[start:end], cut on first use
  PyObject* expression;  // the DateExpression, made on first use
  date_reading reading;
};

PyTypeObject* date_match_type = nullptr;

void date_match_dealloc(PyObject* self) {
  auto* m = reinterpret_cast<date_match_object*>(self);
  Py_XDECREF(m->source);
  Py_XDECREF(m->text);
  Py_XDECREF(m->expression);
  PyTypeObject* type = Py_TYPE(self);
  type->tp_free(self);
  Py_DECREF(type);  // instances of a heap type hold a reference to it
}

PyObject* date_match_text(PyObject* self, void*) {
  auto* m = reinterpret_cast<date_match_object*>(self);
  if (!m->text && !(m->text = PyUnicode_Substring(m->source, m->start, m->end))) return nullptr;
  Py_INCREF(m->text);
  return m->text;
}

PyObject* date_match_expression(PyObject* self, void*) {
  auto* m = reinterpret_cast<date_match_object*>(self);
  if (!m->expression) {
    PyObject* text = date_match_text(self, nullptr);
    if (!text) return nullptr;
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    Py_DECREF(text);
    if (!utf8) return nullptr;
    try {
      m->expression = py::cast(date_expression(std::string(utf8, static_cast<std::size_t>(size)), m->reading)).release().ptr();
    } catch (py::error_already_set& e) {
      e.restore();
      return nullptr;
    } catch (const std::exception& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
      return nullptr;
    }
  }
  Py_INCREF(m->expression);
  return m->expression;
}

PyObject* date_match_repr(PyObject* self) {
  auto* m = reinterpret_cast<date_match_object*>(self);
  PyObject* text = date_match_text(self, nullptr);
  if (!text) return nullptr;
  PyObject* repr = PyUnicode_FromFormat("<%s.DateMatch %zd:%zd %R>", package_name, m->start, m->end, text);
  Py_DECREF(text);
  return repr;
}

PyMemberDef date_match_members[] = {
    // Each doc opens with a signature as pybind11 writes them, which tools/python/make_stubs.py reads.
    {"start", T_PYSSIZET, offsetof(date_match_object, start), READONLY,
     "start(self) -> int\n\nWhere the match starts, in characters."},
    {"end", T_PYSSIZET, offsetof(date_match_object, end), READONLY,
     "end(self) -> int\n\nWhere the match ends (exclusive), in characters."},
    {nullptr, 0, 0, 0, nullptr}};

PyGetSetDef date_match_getset[] = {
    {"text", date_match_text, nullptr, "text(self) -> str\n\nThe matched text.", nullptr},
    {"expression", date_match_expression, nullptr,
     "expression(self) -> DateExpression\n\nWhat the text reads as, a DateExpression.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyType_Slot date_match_slots[] = {
    {Py_tp_doc, const_cast<char*>("A date expression found by find_dates: text[start:end] is its text.")},
    {Py_tp_dealloc, reinterpret_cast<void*>(date_match_dealloc)},
    {Py_tp_repr, reinterpret_cast<void*>(date_match_repr)},
    {Py_tp_members, date_match_members},
    {Py_tp_getset, date_match_getset},
    {0, nullptr}};

PyType_Spec date_match_spec = {"miyagiplan.DateMatch", sizeof(date_match_object), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION, date_match_slots};

// find_dates' list, a type of its own only so that its signature reads List[DateMatch].
struct date_match_list {
  py::list matches;
};

// find_dates' text, kept as the str itself (its matches cut their text from it). Taken as the
// std::string_view it replaces was: a str (a lone surrogate a ParseError), or bytes of UTF-8.
struct searched_text {
  py::str text;
};
}  // namespace
}  // namespace miyagiplan::python

namespace pybind11::detail {
template <>
struct type_caster<miyagiplan::python::searched_text> {
  PYBIND11_TYPE_CASTER(miyagiplan::python::searched_text, const_name("str"));
  bool load(handle src, bool) {
    if (PyUnicode_Check(src.ptr())) {
      miyagiplan::python::require_text(src);
      value.text = reinterpret_borrow<str>(src);
      return true;
    }
    if (!PyBytes_Check(src.ptr())) return false;
    PyObject* decoded = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(src.ptr()), PyBytes_GET_SIZE(src.ptr()), nullptr);
    if (!decoded) throw error_already_set();
    value.text = reinterpret_steal<str>(decoded);
    return true;
  }
};

template <>
struct type_caster<miyagiplan::python::date_match_list> {
  PYBIND11_TYPE_CASTER(miyagiplan::python::date_match_list, const_name("List[DateMatch]"));
  static handle cast(miyagiplan::python::date_match_list found, return_value_policy, handle) {
    return found.matches.release();
  }
};
}  // namespace pybind11::detail

namespace miyagiplan::python {
namespace {
// The matches of `source` (the str whose UTF-8 was searched) as a list of DateMatch.
date_match_list make_date_match_list(const py::str& source, const std::vector<date_match>& found) {
  py::list out(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    PyObject* o = date_match_type->tp_alloc(date_match_type, 0);  // zeroed
    if (!o) throw py::error_already_set();
    auto* m = reinterpret_cast<date_match_object*>(o);
    m->start = static_cast<Py_ssize_t>(found[i].begin);
    m->end = static_cast<Py_ssize_t>(found[i].end);
    m->source = source.inc_ref().ptr();
    new (&m->reading) date_reading(found[i].expression.reading());
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), o);
  }
  return {std::move(out)};
}

}  // namespace

// calendar="gregorian" or "lunisolar" (days before 1873 as the lunisolar calendar named them).
bool lunisolar_calendar(std::string_view calendar) {
  if (calendar == "lunisolar") return true;
  if (calendar != "gregorian") throw parse_error(std::string(calendar), 0, "\"gregorian\" or \"lunisolar\"");
  return false;
}

void bind_calendar(py::module_& m) {
  // Every type first, so that the signatures of the functions below name them.
  py::enum_<era> era_cls(m, "Era", R"doc(A Japanese era (元号) from 明治 on.

str(era) is its lower-case name (``"heisei"``); ``era.info`` has its kanji, letter and first
day.)doc");
  py::enum_<date_kind> kind_cls(
      m, "DateKind",
      R"doc(What a date expression names: a day, a month, a fiscal year, a span, ...)doc");
  py::enum_<date_style> style_cls(m, "DateStyle",
                                  R"doc(How to_wareki and EraDate.format write a day.

Functions that take a style also take its name as a string (``"kanji"``, ``"abbrev"``,
``"western"``, ``"iso"``).)doc");
  py::enum_<fiscal_label> label_cls(m, "FiscalLabel",
                                    R"doc(How FiscalYear.label names a fiscal year.

FiscalYear.label also takes the name as a string (``"era"``, ``"western"``, ``"fy"``).)doc");
  py::enum_<era_rule> rule_cls(
      m, "EraRule",
      R"doc(Which era names a fiscal year that straddles an era change (FY2019).)doc");
  py::class_<era_info> info_cls(m, "EraInfo",
                                R"doc(The facts of one era: its names, its letter and its first day.

The five are in miyagiplan.ERAS, oldest first; ``Era.X.info`` is one of them.)doc");
  py::class_<era_date> era_date_cls(
      m, "EraDate",
      R"doc(A day written in an era: 平成22年12月31日 is EraDate(Era.HEISEI, 22, 12, 31).

Immutable and hashable; year 1 is 元年.)doc");
  py::class_<fiscal_year> fy_cls(
      m, "FiscalYear", R"doc(A fiscal year (年度), named after the Western year it starts in.

With the default start month (April), FiscalYear(2013) is 平成25年度 = FY2013 =
2013-04-01 … 2014-03-31. Immutable, hashable and ordered.)doc");
  py::class_<date_expression> expr_cls(
      m, "DateExpression", R"doc(What parse_date read from a text: a kind and a closed span of days.

``first`` and ``last`` are the span (equal for a text that names one day); the source text
is kept exactly. Immutable and hashable.)doc");
  set_module(era_cls), set_module(kind_cls), set_module(style_cls), set_module(label_cls);
  set_module(rule_cls), set_module(info_cls), set_module(era_date_cls), set_module(fy_cls);
  set_module(expr_cls);

  // --- Enums ---------------------------------------------------------------------------------

  era_cls.value("MEIJI", era::meiji, "明治 (M), from 1873-01-01 here (1868-01-25 in history)")
      .value("TAISHO", era::taisho, "大正 (T), from 1912-07-30")
      .value("SHOWA", era::showa, "昭和 (S), from 1926-12-25")
      .value("HEISEI", era::heisei, "平成 (H), from 1989-01-08")
      .value("REIWA", era::reiwa, "令和 (R), from 2019-05-01");
  era_cls.attr("__str__") = py::cpp_function(
      [](era e) {
        if (static_cast<std::size_t>(e) < builtin_eras.size()) return std::string(to_string(e));
        std::string name(is_known(e) ? info(e).romaji : std::string_view());
        for (char& c : name) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        return name;
      },
      py::name("__str__"), py::is_method(era_cls),
      "The era's lower-case name (its romaji for an era added at run time); from_string reads it back.");
  era_cls.def_static("from_string", &era_from_string, "name"_a,
                     R"doc(The era named by its lower-case name (``"heisei"``, as str gives), its
romaji (``"Heisei"``), its kanji (``"平成"``) or its letter (``"H"``, ``"h"``).

Raises ParseError for anything else.)doc");
  era_cls
      .def(
          "__lt__", [](era a, era b) { return a < b; }, py::is_operator(),
          "Earlier: eras are ordered in time.")
      .def(
          "__le__", [](era a, era b) { return a <= b; }, py::is_operator(), "Earlier or the same.")
      .def(
          "__gt__", [](era a, era b) { return a > b; }, py::is_operator(), "Later.")
      .def(
          "__ge__", [](era a, era b) { return a >= b; }, py::is_operator(), "Later or the same.");
  era_cls.def_property_readonly(
      "info",
      [](era e) -> const era_info& {
        if (!is_known(e)) throw range_error("no era has the value " + std::to_string(static_cast<int>(e)));
        return info(e);
      },
      py::return_value_policy::reference, "The era's EraInfo.");

  kind_cls.value("DAY", date_kind::day, "one day: 平成22年12月31日, H22.12.31, 2010-12-31")
      .value("MONTH_END", date_kind::month_end, "the last day of a month: 平成22年12月末")
      .value("MONTH", date_kind::month, "a whole month: 平成22年3月, H10.3")
      .value("YEAR", date_kind::year, "a calendar year: 平成22年, 2010年")
      .value("FISCAL_YEAR", date_kind::fiscal_year,
             "a fiscal year: 平成21年度, 2013年度, FY2013, H13")
      .value("FISCAL_YEAR_END", date_kind::fiscal_year_end,
             "the last day of a fiscal year: 平成21年度末")
      .value("FISCAL_QUARTER", date_kind::fiscal_quarter, "a fiscal quarter: 平成25年度第1四半期")
      .value("FISCAL_HALF", date_kind::fiscal_half, "a fiscal half: 平成25年度上半期")
      .value("DAY_SPAN", date_kind::day_span, "days to days: 平成22年4月1日～12月31日")
      .value("MONTH_SPAN", date_kind::month_span, "months to months: 平成22年4～12月")
      .value("YEAR_SPAN", date_kind::year_span, "years to years: 平成22～24年")
      .value("FISCAL_YEAR_SPAN", date_kind::fiscal_year_span,
             "fiscal years to fiscal years: 平成23～25年度")
      .value("OPEN_ENDED", date_kind::open_ended, "from a start onwards: H26～, H10.3～");
  set_str(kind_cls, &name_of<date_kind>);
  kind_cls.def_static("from_string", &date_kind_from_string, "name"_a,
                      R"doc(The kind named ``name`` (``"fiscal_year"``, as str gives).

Raises ParseError for an unknown name.)doc");
  kind_cls.def_property_readonly(
      "names_a_day", &names_a_day,
      "Whether expressions of this kind name one day (DAY, MONTH_END, FISCAL_YEAR_END).");

  style_cls.value("KANJI", date_style::kanji, "平成22年12月31日 (元年 for year 1)")
      .value("ABBREV", date_style::abbrev, "H22.12.31")
      .value("WESTERN", date_style::western, "2010年12月31日")
      .value("ISO", date_style::iso, "2010-12-31")
      .value("JISX0301", date_style::jisx0301, "R05.03.31 (JIS X 0301: every field two digits)")
      .value("KOKI", date_style::koki, "皇紀2670年12月31日");
  set_str(style_cls, &name_of<date_style>);
  style_cls.def_static("from_string", &date_style_from_string, "name"_a,
                       R"doc(The style named ``name`` (``"kanji"``, as str gives).

Raises ParseError for an unknown name.)doc");

  label_cls.value("ERA", fiscal_label::era, "平成25年度")
      .value("WESTERN", fiscal_label::western, "2013年度")
      .value("FY", fiscal_label::fy, "FY2013");
  set_str(label_cls, &name_of<fiscal_label>);
  label_cls.def_static("from_string", &fiscal_label_from_string, "name"_a,
                       R"doc(The label style named ``name`` (``"era"``, ``"western"``, ``"fy"``).

Raises ParseError for an unknown name.)doc");

  rule_cls
      .value("LATEST", era_rule::latest,
             "the latest era whose 元年 is the fiscal year's starting year: FY2019 is 令和元年度")
      .value("FIRST_DAY", era_rule::first_day,
             "the era of the fiscal year's first day: FY2019 is 平成31年度 (as written before May "
             "2019)");
  set_str(rule_cls, &name_of<era_rule>);
  rule_cls.def_static("from_string", &era_rule_from_string, "name"_a,
                      R"doc(The rule named ``name`` (``"latest"``, ``"first_day"``).

Raises ParseError for an unknown name.)doc");

  // --- EraInfo and ERAS ----------------------------------------------------------------------

  info_cls
      .def_property_readonly(
          "era", [](const era_info& e) { return e.id; }, "The Era.")
      .def_property_readonly(
          "kanji", [](const era_info& e) { return std::string(e.kanji); },
          "The name in kanji: 平成.")
      .def_property_readonly(
          "romaji", [](const era_info& e) { return std::string(e.romaji); },
          "The name in romaji: Heisei.")
      .def_property_readonly(
          "letter", [](const era_info& e) { return std::string(1, e.letter); },
          "The letter of abbreviated dates: H (H22.12.31).")
      .def_property_readonly(
          "first_day", [](const era_info& e) { return e.first_serial; },
          R"doc(The first day (datetime.date) the era covers here; 明治 starts at
1873-01-01, when Japan adopted the Gregorian calendar.)doc")
      .def_property_readonly(
          "last_day",
          [](const era_info& e) -> std::optional<sys_days> {
            const auto last = last_serial(e.id);
            if (!last) return std::nullopt;
            return *last;
          },
          "The last day (datetime.date) of the era, or None for the current one.")
      .def_property_readonly(
          "tentative", [](const era_info& e) { return e.kanji == tentative_era_kanji; },
          "Whether this is the tentative era's placeholder (add_tentative_era).")
      .def_property_readonly(
          "first_year", [](const era_info& e) { return e.first_year; },
          "The Western year of the era's 元年 (year 1): 1989 for 平成.")
      .def(
          "__eq__", [](const era_info& a, const era_info& b) { return a.id == b.id; },
          py::is_operator(), "Same era.")
      .def(
          "__hash__", [](const era_info& e) { return py::hash(py::cast(e.id)); },
          "A hash of the era.")
      .def(
          "__repr__",
          [](const era_info& e) {
            return std::string(package_name) + ".ERAS[" +
                   std::to_string(static_cast<std::size_t>(e.id)) + "]";
          },
          "miyagiplan.ERAS[i], which evaluates back.")
      .def(
          "__str__",
          [](const era_info& e) {
            const civil_date c = e.first_day;
            return std::string(e.kanji) + " (" + std::string(e.romaji) + ", " + e.letter +
                   ") from " + std::to_string(c.year) + "-" + (c.month < 10 ? "0" : "") +
                   std::to_string(c.month) + "-" + (c.day < 10 ? "0" : "") + std::to_string(c.day);
          },
          "平成 (Heisei, H) from 1989-01-08");
  // Eras from MIYAGIPLAN_EXTRA_ERAS and MIYAGIPLAN_TENTATIVE_ERA are read now: a malformed value
  // fails the import, naming the variable. Each added era becomes a member of Era (its romaji in
  // capitals: Era.TENTATIVE for the placeholder) and of ERAS.
  load_extra_eras_from_environment();
  py::list eras_in_force;
  m.attr("ERAS") = eras_in_force;
  for (const era_info& e : era_list()) register_era(era_cls, eras_in_force, e);
  m.def(
      "add_era",
      [era_cls, eras_in_force](const std::string& name, const std::string& romaji, const std::string& letter,
                               sys_days first_day) {
        if (letter.size() != 1) throw parse_error(letter, 0, "add_era letter: one letter A–Z other than F");
        const era e = add_era(name, romaji, letter[0], first_day);
        // The C++ table may have changed from another thread too: sync_eras catches up on it all.
        sync_eras(era_cls, eras_in_force);
        return e;
      },
      "name"_a, "romaji"_a, "letter"_a, "first_day"_a,
      R"doc(Adds an era announced after this release and returns its Era.

``name`` is its kanji (one to four), ``romaji`` its name in letters (``Era.<ROMAJI>`` in
capitals names it from then on), ``letter`` its letter for abbreviated dates and
``first_day`` (datetime.date) its first day, after the first day of every era in force.
Days before that first day read and format as they did. Thread-safe. A deployment may list
eras in the environment variable MIYAGIPLAN_EXTRA_ERAS instead
(``name,romaji,letter,YYYY-MM-DD``, ``;`` between eras), read at import.

An era for the first day of the tentative era (add_tentative_era) replaces it: the same Era
value, named ``Era.<ROMAJI>`` from then on instead of ``Era.TENTATIVE``.

Raises ParseError for a name, romaji or letter malformed, taken or reserved (未定 and
Tentative are the placeholder's), RangeError for a first day not after the latest era's.)doc");
  m.def(
      "add_tentative_era",
      [era_cls, eras_in_force](sys_days first_day) {
        const era e = add_tentative_era(first_day);
        sync_eras(era_cls, eras_in_force);
        return e;
      },
      "first_day"_a,
      R"doc(Adds a tentative era from ``first_day`` (datetime.date) and returns its Era.

A placeholder for testing before the next era's name is announced, as ICU's
ICU_ENABLE_TENTATIVE_ERA: it reads and writes as 未定 (``Era.TENTATIVE``, letter Q:
未定元年5月1日, Q2.1.2); ``era.info.tentative`` is true. add_era for the same first day
replaces it; asked again for that day it returns the same era. A deployment may set the
environment variable MIYAGIPLAN_TENTATIVE_ERA=YYYY-MM-DD instead (read at import, after
MIYAGIPLAN_EXTRA_ERAS).

Raises RangeError for a first day not after the latest era's, or while another tentative
era is in force.)doc");

  // --- EraDate -------------------------------------------------------------------------------

  era_date_cls
      .def(py::init(&checked_era_date), "era"_a, "year"_a, "month"_a, "day"_a,
           R"doc(The day ``year``/``month``/``day`` of ``era`` (year 1 is 元年).

Raises RangeError unless the day exists and lies inside the era: 昭和64年1月7日 exists,
昭和64年1月8日 does not (it is 平成元年1月8日). Years past an era's end (平成32年), which
plans written before 2019 use, are read by parse_date, which marks them proleptic.)doc")
      .def_static(
          "from_date", [](sys_days d) { return to_era_date(d); }, "date"_a,
          R"doc(The era date of a datetime.date; RangeError before 1873-01-01.)doc")
      .def_property_readonly(
          "era", [](const era_date& d) { return d.era; }, "The Era.")
      .def_property_readonly(
          "year", [](const era_date& d) { return d.year; }, "The year of the era, 1 for 元年.")
      .def_property_readonly(
          "month", [](const era_date& d) { return d.month; }, "The month, 1–12.")
      .def_property_readonly(
          "day", [](const era_date& d) { return d.day; }, "The day of the month.")
      .def("to_date", [](const era_date& d) { return to_gregorian(d); }, R"doc(The same day as a datetime.date.)doc")
      .def(
          "format",
          [](const era_date& d, const member_or_name<date_style>& style) {
            return format_era_date(d, member(style, &date_style_from_string));
          },
          "style"_a = date_style::kanji,
          R"doc(The day as text: 平成22年12月31日 (KANJI), H22.12.31 (ABBREV), 2010年12月31日
(WESTERN) or 2010-12-31 (ISO). ``style`` is a DateStyle or its name.)doc")
      .def(
          "__eq__", [](const era_date& a, const era_date& b) { return a == b; }, py::is_operator(),
          "Same era, year, month and day.")
      .def(
          "__hash__",
          [](const era_date& d) { return py::hash(py::make_tuple(d.era, d.year, d.month, d.day)); },
          "A hash of the fields.")
      .def(py::pickle(
          [](const era_date& d) { return py::make_tuple(d.era, d.year, d.month, d.day); },
          [](const py::tuple& t) {
            return checked_era_date(t[0].cast<era>(), t[1].cast<int>(), t[2].cast<int>(),
                                    t[3].cast<int>());
          }))
      .def("__repr__", &era_date_repr, "miyagiplan.EraDate(miyagiplan.Era.HEISEI, 22, 12, 31)")
      .def(
          "__str__", [](const era_date& d) { return format_era_date(d, date_style::kanji); },
          "平成22年12月31日");

  // --- FiscalYear ----------------------------------------------------------------------------

  fy_cls
      .def(py::init(&checked_fiscal_year), "year"_a, "start_month"_a = default_fiscal_start_month,
           R"doc(The fiscal year that starts on the first of ``start_month`` in ``year``.

``start_month`` defaults to 4 (April, as Japanese government bodies count); some bodies use 1
or 10. Raises RangeError for a start month outside 1–12 or a year outside 1400–9998.)doc")
      .def_static(
          "parse",
          [](std::string_view text, int start_month) {
            return fiscal_year::parse(text, checked_month(start_month, "start_month"));
          },
          "text"_a, "start_month"_a = default_fiscal_start_month,
          R"doc(Reads 平成25年度, 令和元年度, 2013年度, FY2013 (full-width digits and kanji numerals too).

Raises ParseError for a text that is not one fiscal year.)doc")
      .def_static(
          "of",
          [](sys_days d, int start_month) {
            return fiscal_year::of(d, checked_month(start_month, "start_month"));
          },
          "date"_a, "start_month"_a = default_fiscal_start_month,
          "The fiscal year a datetime.date falls in.")
      .def_property_readonly("year", &fiscal_year::year,
                             "The Western year the fiscal year starts in (its name).")
      .def_property_readonly("start_month", &fiscal_year::start_month,
                             "The month the fiscal year starts in, 1–12.")
      .def_property_readonly("first_day", &fiscal_year::first_day,
                             "The first day, a datetime.date (2013-04-01 for FY2013).")
      .def_property_readonly("last_day", &fiscal_year::last_day,
                             "The last day, a datetime.date (2014-03-31 for FY2013): 年度末.")
      .def(
          "quarter",
          [](const fiscal_year& fy, int q) { return dates_of(fy.quarter(checked_ordinal(q, 4, "quarter"))); },
          "q"_a,
          R"doc(The first and last day of quarter ``q`` (1–4), as a tuple of datetime.date:
第1四半期 is April–June with the April start.)doc")
      .def(
          "half",
          [](const fiscal_year& fy, int h) { return dates_of(fy.half(checked_ordinal(h, 2, "half"))); },
          "h"_a,
          R"doc(The first and last day of half ``h`` as a tuple of datetime.date: 1 is 上半期
(April–September with the April start), 2 is 下半期.)doc")
      .def(
          "contains", [](const fiscal_year& fy, sys_days d) { return fy.contains(d); }, "date"_a,
          "Whether a datetime.date falls in the fiscal year (also ``date in fiscal_year``).")
      .def(
          "__contains__", [](const fiscal_year& fy, sys_days d) { return fy.contains(d); },
          "date"_a, "Whether a datetime.date falls in the fiscal year.")
      .def(
          "naming_era",
          [](const fiscal_year& fy, const member_or_name<era_rule>& rule) {
            return fy.naming_era(member(rule, &era_rule_from_string));
          },
          "rule"_a = era_rule::latest,
          "The Era that names the fiscal year under ``rule``, or None before the eras.")
      .def(
          "label",
          [](const fiscal_year& fy, const member_or_name<fiscal_label>& style,
             const member_or_name<era_rule>& rule) {
            return fy.label(member(style, &fiscal_label_from_string),
                            member(rule, &era_rule_from_string));
          },
          "style"_a = fiscal_label::era, "rule"_a = era_rule::latest,
          R"doc(The fiscal year's name: 平成25年度 (ERA), 2013年度 (WESTERN) or FY2013 (FY).

``style`` is a FiscalLabel or its name (``"era"``, ``"western"``, ``"fy"``). ``rule`` (an
EraRule or its name) picks the era of a fiscal year that straddles an era change: FY2019 is
令和元年度 (LATEST) or 平成31年度 (FIRST_DAY). Raises RangeError for an era label before the
eras.)doc")
      .def("next", &fiscal_year::next, "The following fiscal year.")
      .def("prev", &fiscal_year::prev, "The preceding fiscal year.")
      .def(
          "__eq__", [](const fiscal_year& a, const fiscal_year& b) { return a == b; },
          py::is_operator(), "Same year and start month.")
      .def(
          "__lt__", [](const fiscal_year& a, const fiscal_year& b) { return a < b; },
          py::is_operator(), "Earlier (by year, then start month).")
      .def(
          "__le__", [](const fiscal_year& a, const fiscal_year& b) { return a <= b; },
          py::is_operator(), "Earlier or the same.")
      .def(
          "__gt__", [](const fiscal_year& a, const fiscal_year& b) { return a > b; },
          py::is_operator(), "Later (by year, then start month).")
      .def(
          "__ge__", [](const fiscal_year& a, const fiscal_year& b) { return a >= b; },
          py::is_operator(), "Later or the same.")
      .def(
          "__hash__",
          [](const fiscal_year& fy) {
            return py::hash(py::make_tuple(fy.year(), fy.start_month()));
          },
          "A hash of the year and start month.")
      .def(py::pickle(
          [](const fiscal_year& fy) { return py::make_tuple(fy.year(), fy.start_month()); },
          [](const py::tuple& t) {
            return checked_fiscal_year(t[0].cast<int>(), t[1].cast<int>());
          }))
      .def("__repr__", &fiscal_year_repr, "miyagiplan.FiscalYear(2013)")
      .def(
          "__str__",
          [](const fiscal_year& fy) {
            return fy.naming_era() ? fy.label() : fy.label(fiscal_label::western);
          },
          "The label: 平成25年度 (2013年度 before the eras).");

  // --- DateExpression ------------------------------------------------------------------------

  expr_cls
      .def_property_readonly("text", &date_expression::text, "The source text, exactly as given.")
      .def_property_readonly("kind", &date_expression::kind, "What the text names, a DateKind.")
      .def_property_readonly("first", &date_expression::first,
                             "The first day of the span, a datetime.date.")
      .def_property_readonly("last", &date_expression::last,
                             R"doc(The last day of the span, a datetime.date
(9999-12-31 for an open end such as H26～).)doc")
      .def_property_readonly(
          "estimate", &date_expression::estimate,
          "Whether the text is marked （見込）, an estimate rather than an actual.")
      .def_property_readonly(
          "proleptic", &date_expression::proleptic,
          R"doc(Whether an era year runs past its era's end (平成32年度 = FY2020),
as plans written before 2019 have it.)doc")
      .def_property_readonly("open_ended", &date_expression::open_ended,
                             "Whether the text runs on from a start with no end (H26～).")
      .def(
          "__eq__", [](const date_expression& a, const date_expression& b) { return a == b; },
          py::is_operator(), "Same text and the same reading.")
      .def(
          "__hash__",
          [](const date_expression& e) {
            return py::hash(py::make_tuple(e.text(), e.kind(), e.days().first, e.days().last,
                                           e.estimate(), e.proleptic()));
          },
          "A hash of the text and the reading.")
      .def(py::pickle(
          // The text and the fiscal start month that reads it back.
          [](const date_expression& e) {
            const auto month = reading_start_month(e);
            if (!month) throw py::type_error("this DateExpression cannot be pickled");
            return py::make_tuple(e.text(), *month);
          },
          [](const py::tuple& t) {
            return parse_date(t[0].cast<std::string>(), options(false, t[1].cast<int>()));
          }))
      .def("__repr__", &date_expression_repr, "miyagiplan.parse_date('平成22年12月末')")
      .def("__str__", &date_expression::text, "The source text.");

  // --- Functions -----------------------------------------------------------------------------

  date_match_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&date_match_spec));
  if (!date_match_type) throw py::error_already_set();
  m.attr("DateMatch") = py::reinterpret_steal<py::object>(reinterpret_cast<PyObject*>(date_match_type));

  m.def(
      "find_dates",
      [](const searched_text& searched, bool strict, int fiscal_start_month, const py::object& context) {
        parse_options o = options(strict, fiscal_start_month);
        o.context = context_from(context, o);
        const py::str& text = searched.text;
        Py_ssize_t size = 0;
        const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);  // cached by the str
        if (!utf8) throw py::error_already_set();
        std::vector<date_match> found;
        {
          py::gil_scoped_release release;
          found = find_dates(std::string_view(utf8, static_cast<std::size_t>(size)), o);
        }
        return make_date_match_list(text, found);
      },
      "text"_a, "strict"_a = false, "fiscal_start_month"_a = default_fiscal_start_month,
      "context"_a = py::none(),
      R"doc(Every date expression in a text, in order and never overlapping: a list of DateMatch
(start, end, text, expression), offsets in characters. Each match reads alone as its expression.
With a context (see parse_date), dates without a year are found too.

>>> [m.text for m in miyagiplan.find_dates('平成22年12月末：2,280 件 → 平成25年度末：4,000 件')]
['平成22年12月末', '平成25年度末'])doc");
  m.def(
      "parse_date",
      [](std::string_view text, bool strict, int fiscal_start_month, const py::object& context) {
        parse_options o = options(strict, fiscal_start_month);
        o.context = context_from(context, o);
        return parse_date(text, o);
      },
      "text"_a, "strict"_a = false, "fiscal_start_month"_a = default_fiscal_start_month,
      "context"_a = py::none(),
      R"doc(Reads a date expression as plans write them, into a DateExpression.

Reads days (平成22年12月31日, H22.12.31, 2010-12-31), month ends (平成22年12月末), months
(平成22年3月, H10.3), years, fiscal years (平成21年度, 2013年度, FY2013, a bare H13), fiscal-year
ends (平成21年度末), quarters and halves (平成25年度第1四半期, 上半期), ranges (平成23～25年度,
平成22年4～12月) and open ends (H26～), with full-width digits, kanji numerals, era ligatures
(㍻, ㋿), spaces, and a trailing （見込） or （実績）.

Args:
    text: the expression.
    strict: reject era years past the era's end (平成32年度) instead of marking them proleptic.
    fiscal_start_month: the month fiscal years start in (4, April, by default).
    context: the year a date without one (8月22日) is read in: a text or DateExpression (a fiscal
        one gives a fiscal year: 2月1日 in 令和5年度 is 2024-02-01), a FiscalYear, a
        datetime.date or an int (a calendar year).

Raises:
    ParseError: the text is not a date; ``position`` says where reading stopped.

>>> miyagiplan.parse_date('平成22年12月末').first
datetime.date(2010, 12, 31))doc");
  m.def(
      "to_western",
      [](std::string_view text, bool strict, int fiscal_start_month) {
        return to_western(text, options(strict, fiscal_start_month));
      },
      "text"_a, "strict"_a = false, "fiscal_start_month"_a = default_fiscal_start_month,
      R"doc(The day (datetime.date) a text names: a day (平成22年12月31日), a month end (平成22年12月末)
or a fiscal-year end (平成21年度末).

Raises ParseError for a text that is not a date or names more than one day (平成22年度).

>>> miyagiplan.to_western('平成21年度末')
datetime.date(2010, 3, 31))doc");
  m.def(
      "to_wareki",
      [](sys_days d, const member_or_name<date_style>& style) {
        return format_date(d, member(style, &date_style_from_string));
      },
      "date"_a, "style"_a = date_style::kanji,
      R"doc(Writes a datetime.date in a DateStyle (the short form of the call with options).)doc");
  m.def(
      "to_wareki",
      [](sys_days d, const member_or_name<date_style>& style, bool zero_pad, bool gannen, bool with_western,
         bool weekday, bool kanji_numerals, std::string_view calendar) {
        return format_date(d, format_options{member(style, &date_style_from_string), zero_pad, gannen, with_western,
                                             weekday, kanji_numerals, lunisolar_calendar(calendar)});
      },
      "date"_a, "style"_a = date_style::kanji, py::kw_only(), "zero_pad"_a = false, "gannen"_a = true,
      "with_western"_a = false, "weekday"_a = false, "kanji_numerals"_a = false, "calendar"_a = "gregorian",
      R"doc(Writes a datetime.date as 和暦: 平成22年12月31日 (``"kanji"``), H22.12.31 (``"abbrev"``),
R05.03.31 (``"jisx0301"``); or in Western forms: 2010年12月31日 (``"western"``), 2010-12-31
(``"iso"``), 皇紀2670年12月31日 (``"koki"``).

``style`` is a DateStyle or its name. Options: ``zero_pad`` (令和05年03月31日), ``gannen=False``
(令和1年), ``with_western`` (令和5年（2023年）3月31日), ``weekday`` (令和5年3月31日（金）),
``kanji_numerals`` (令和五年三月三十一日), ``calendar="lunisolar"`` (a day before 1873 as the
lunisolar calendar named it, in the kanji style: 明治5年12月2日). Raises RangeError for an era
style before 1873-01-01 (with ``calendar="lunisolar"``, for a day no era named).

>>> miyagiplan.to_wareki(datetime.date(2019, 5, 1))
'令和元年5月1日')doc");
  m.def(
      "fiscal_year",
      [](sys_days d, int start_month) {
        return fiscal_year::of(d, checked_month(start_month, "start_month"));
      },
      "date"_a, "start_month"_a = default_fiscal_start_month,
      R"doc(The FiscalYear a datetime.date falls in (FiscalYear.of).

>>> miyagiplan.fiscal_year(datetime.date(2014, 3, 31))
miyagiplan.FiscalYear(2013))doc");
  m.def(
      "era_of", [](sys_days d) { return era_of(d); }, "date"_a,
      R"doc(The Era in force on a datetime.date, or None before 1873-01-01.

>>> miyagiplan.era_of(datetime.date(1989, 1, 7))
<Era.SHOWA: 2>)doc");

  for (const char* name : {"parse_date", "find_dates", "to_western", "to_wareki", "fiscal_year", "era_of", "add_era",
                           "add_tentative_era"})
    m.attr(name).attr("__module__") = package_name;
}

}  // namespace miyagiplan::python
