// The plan as a Boost.Serialization archive: text, binary or XML.
//
// Every model type has a class version (BOOST_CLASS_VERSION at the end of this file) that its
// load code checks, as the JSON format has its "schema" tags: a change to what a type writes
// bumps its version and keeps reading the older ones (if (version >= 2) field(...)).
//
// The serialize functions are templates beside the types, found by Boost through ADL, so a plan
// can be one part of a caller's own archive: ar & boost::serialization::make_nvp("plan", p).
// Binary archives are the fastest, but depend on byte order and word size: keep them for caches
// on one machine, and exchange text, XML or JSON.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_IO_ARCHIVE_HPP
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

// Boost 1.74's serialization headers do not all include what they use: these two come first.
#include <boost/serialization/library_version_type.hpp>
#include <boost/serialization/version.hpp>

#include <boost/serialization/collection_size_type.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/traits.hpp>

namespace boost::archive {  // the readers some checks below are for
class text_iarchive;
class binary_iarchive;
class xml_iarchive;
}  // namespace boost::archive

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/model/quantity.hpp"

namespace miyagiplan {

enum class archive_format : std::uint8_t { text, binary, xml };

template <>
struct enum_description<archive_format> {
  static constexpr std::string_view type = "archive format", python = "ArchiveFormat";
  static constexpr std::string_view doc = "The kind of a Boost archive.";
  static constexpr std::array<std::string_view, 3> names{"text", "binary", "xml"};
  static constexpr std::array<std::string_view, 3> docs{"text", "binary (native byte order and sizes)", "XML"};
};

// Writes a plan as a Boost archive of the format. Throws io_error when the stream fails.
MIYAGIPLAN_FUNC void save_archive(const plan& p, std::ostream& out, archive_format format);

// Reads a plan that save_archive wrote in the format, from the rest of the stream or from bytes
// in memory. A truncated or corrupt archive, an enum value out of range, or a class version this
// library does not read throws schema_error ("truncated or corrupt text archive: …").
//
// Boost allocates what a length in the archive claims before it reads the bytes; a string's
// length is checked against what is left of the input first, so a corrupt one costs no more
// memory than the input. Archives are still for files this library wrote: take JSON from
// elsewhere.
MIYAGIPLAN_FUNC plan load_archive(std::istream& in, archive_format format);
MIYAGIPLAN_FUNC plan load_archive(std::string_view bytes, archive_format format);

namespace detail {

// How a Boost text archive starts: its signature, with the signature's length before it.
inline constexpr std::string_view text_archive_start = "22 serialization::archive ";

// The rest of a stream; the stream's state says whether it could be read.
MIYAGIPLAN_FUNC std::string read_all(std::istream& in);

// What load_archive is reading, while it reads (and nothing when a caller's own archive holds a
// plan): the bytes not read yet.
struct archive_input {
  virtual std::string_view rest() const noexcept = 0;

 protected:
  ~archive_input() = default;
};
inline thread_local const archive_input* current_archive_input = nullptr;

// Boost allocates a string's claimed length before it reads the bytes: a length longer than the
// rest of the input is refused first. Called just before a string field is read.
template <class Archive>
void check_string_length() {
  constexpr bool text = std::is_same_v<Archive, boost::archive::text_iarchive>;
  constexpr bool binary = std::is_same_v<Archive, boost::archive::binary_iarchive>;
  if constexpr (text || binary) {
    if (!current_archive_input) return;
    const std::string_view rest = current_archive_input->rest();
    std::size_t claimed = 0;
    if constexpr (text) {  // " 123 bytes": Boost reads the number as istream >> size_t does
      std::size_t i = 0;
      while (i < rest.size() && (rest[i] == ' ' || (rest[i] >= '\t' && rest[i] <= '\r'))) ++i;
      const bool minus = i < rest.size() && rest[i] == '-';  // -n reads as 2^64 - n
      if (i < rest.size() && (rest[i] == '-' || rest[i] == '+')) ++i;
      for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i) {
        const auto digit = static_cast<std::size_t>(rest[i] - '0');
        if (claimed > (SIZE_MAX - digit) / 10) return;  // too long a number: Boost's read fails
        claimed = claimed * 10 + digit;
      }
      if (minus) claimed = 0 - claimed;
    } else {  // the length's bytes as they are, then the string's
      if (rest.size() < sizeof claimed) return;  // Boost reports the end of the input
      std::memcpy(&claimed, rest.data(), sizeof claimed);
    }
    // Past max_size(), Boost's resize throws length_error, which load_archive reports.
    if (claimed > rest.size() && claimed <= std::string().max_size())
      throw schema_error("", "a string of " + std::to_string(claimed) +
                                 " bytes, more than the rest of the input");
  }
}

// Boost 1.74's XML reader checks a closing tag against the field's name by reading the name at
// the tag's length: past the end of the name when the tag is longer, a read out of bounds. An
// XML reader is handed names padded with NULs to max_xml_tag bytes (one copy per name and
// thread), and load_archive refuses an XML archive with a longer tag before reading it.
inline constexpr std::size_t max_xml_tag = 64;

template <class Archive>
const char* field_name(const char* name) {
  if constexpr (std::is_same_v<Archive, boost::archive::xml_iarchive>) {
    thread_local std::unordered_map<const char*, std::array<char, max_xml_tag + 1>> padded;
    const auto [at, added] = padded.try_emplace(name);  // zero-filled when added
    if (added) std::strncpy(at->second.data(), name, max_xml_tag);
    return at->second.data();
  } else {
    return name;
  }
}

// The last enumerator of each enum an archive holds: a value past it is corrupt. Described
// enums know their names; the calendar's date_kind is listed here.
template <class E>
constexpr E last_enumerator() noexcept {
  if constexpr (described_enum<E>) return static_cast<E>(enum_count<E> - 1);
  else {
    static_assert(std::is_same_v<E, date_kind>, "an enum an archive holds is described");
    return date_kind::open_ended;
  }
}

// A class version this library does not read: 0, which no release wrote, or one newer than the
// type's, which Boost 1.74 lets through.
template <class T, class Archive>
void check_version(unsigned version, const char* type) {
  constexpr unsigned current = boost::serialization::version<T>::value;
  if constexpr (Archive::is_loading::value)
    if (version < 1 || version > current)
      throw schema_error("", std::string(type) + " version " + std::to_string(version) +
                                 " is not one this library reads (1…" + std::to_string(current) +
                                 ")");
}

// An object written inline, with no class information and no tracking: the helpers below.
template <class Self>
using inline_object = boost::serialization::traits<Self, boost::serialization::object_serializable,
                                                   boost::serialization::track_never>;

// A vector as a count, then its "item"s, read an item at a time: Boost's vector.hpp resizes to
// the count an archive claims before it reads, so one corrupt count could allocate gigabytes.
template <class T>
struct sequence_ref : inline_object<sequence_ref<T>> {
  explicit sequence_ref(std::vector<T>& v) : items(v) {}
  std::vector<T>& items;
};

// Boost 1.74 has no std::optional; and a serialize for it in boost::serialization would clash
// with a later Boost's. A flag, then the value when there is one.
template <class T>
struct optional_ref : inline_object<optional_ref<T>> {
  explicit optional_ref(std::optional<T>& v) : value(v) {}
  std::optional<T>& value;
};

// One named field of any type: every serialize below is a list of these.
template <class Archive, class T>
void field(Archive& ar, const char* name, T& v) {
  using boost::serialization::make_nvp;
  using value_type = std::remove_const_t<T>;  // const when saving a date_expression's parts
  if constexpr (std::is_same_v<value_type, bool> || std::is_enum_v<value_type>) {
    // Enums as their underlying integer and bools as 0 or 1, checked on load: a binary archive
    // would otherwise hand back a value no enumerator or bool can hold.
    using raw_type = typename std::conditional_t<std::is_enum_v<value_type>,
                                                 std::underlying_type<value_type>,
                                                 std::type_identity<std::uint8_t>>::type;
    auto raw = static_cast<raw_type>(v);
    ar & make_nvp(field_name<Archive>(name), raw);
    if constexpr (Archive::is_loading::value) {
      raw_type last = 1;
      if constexpr (std::is_enum_v<value_type>)
        last = static_cast<raw_type>(last_enumerator<value_type>());
      if (raw > last)
        throw schema_error("", std::string(name) + " " + std::to_string(raw) +
                                   " is out of range (0…" + std::to_string(last) + ")");
      v = static_cast<value_type>(raw);
    }
  } else if constexpr (std::is_same_v<value_type, sys_days>) {
    // A day as its count of days since 1970-01-01: an int32, as the archives always held it.
    std::int32_t count = day_count_of(v);
    ar & make_nvp(field_name<Archive>(name), count);
    if constexpr (Archive::is_loading::value) v = from_day_count(count);
  } else {
    if constexpr (Archive::is_loading::value && std::is_same_v<value_type, std::string>)
      check_string_length<Archive>();
    ar & make_nvp(field_name<Archive>(name), v);
  }
}

template <class Archive, class T>
void field(Archive& ar, const char* name, std::vector<T>& v) {
  sequence_ref<T> ref(v);
  ar & boost::serialization::make_nvp(field_name<Archive>(name), ref);
}

template <class Archive, class T>
void field(Archive& ar, const char* name, std::optional<T>& v) {
  optional_ref<T> ref(v);
  ar & boost::serialization::make_nvp(field_name<Archive>(name), ref);
}

template <class Archive, class T>
void serialize(Archive& ar, sequence_ref<T>& s, unsigned) {
  boost::serialization::collection_size_type count(s.items.size());
  field(ar, "count", count);
  if constexpr (Archive::is_loading::value) {
    s.items.clear();
    const std::size_t n = std::as_const(count);
    s.items.reserve(std::min<std::size_t>(n, 64));  // a hint, never the claimed count
    for (std::size_t i = 0; i < n; ++i) field(ar, "item", s.items.emplace_back());
  } else {
    for (T& item : s.items) field(ar, "item", item);
  }
}

template <class Archive, class T>
void serialize(Archive& ar, optional_ref<T>& o, unsigned) {
  bool present = o.value.has_value();
  field(ar, "present", present);
  if constexpr (Archive::is_loading::value) {
    o.value.reset();
    if (present) o.value.emplace();
  }
  if (present) field(ar, "value", *o.value);
}

}  // namespace detail

// -----------------------------------------------------------------------------------------------
// The model, field by field in declaration order.

template <class Archive>
void serialize(Archive& ar, day_span& v, unsigned version) {
  detail::check_version<day_span, Archive>(version, "day_span");
  detail::field(ar, "first", v.first);
  detail::field(ar, "last", v.last);
}

template <class Archive>
void serialize(Archive& ar, date_reading& v, unsigned version) {
  detail::check_version<date_reading, Archive>(version, "date_reading");
  detail::field(ar, "kind", v.kind);
  detail::field(ar, "days", v.days);
  detail::field(ar, "estimate", v.estimate);
  detail::field(ar, "proleptic", v.proleptic);
}

// The text and its reading, loaded back as they were: never parsed again.
template <class Archive>
void serialize(Archive& ar, date_expression& v, unsigned version) {
  detail::check_version<date_expression, Archive>(version, "date_expression");
  if constexpr (Archive::is_saving::value) {
    detail::field(ar, "text", v.text());
    detail::field(ar, "reading", v.reading());
  } else {
    std::string text;
    date_reading reading;
    detail::field(ar, "text", text);
    detail::field(ar, "reading", reading);
    v = date_expression(std::move(text), reading);
  }
}

// Every described model type, field by field in the order of its description; a field added in
// a later version of the type is read only from archives of that version on.
template <class Archive, described T>
void serialize(Archive& ar, T& v, unsigned version) {
  detail::check_version<T, Archive>(version, description<T>::python.data());
  for_each_field<T>([&](const auto& f) {
    if (static_cast<unsigned>(f.since) <= version) detail::field(ar, f.code_name.data(), v.*f.member);
  });
}

}  // namespace miyagiplan

// Each type's archive version, and no tracking: these are values, never shared through pointers.
// A described type's version is its description's, so that JSON and archives move together.
#define MIYAGIPLAN_ARCHIVED_VALUE(T, VERSION) \
  BOOST_CLASS_VERSION(T, VERSION)             \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)
MIYAGIPLAN_ARCHIVED_VALUE(miyagiplan::day_span, 1)
MIYAGIPLAN_ARCHIVED_VALUE(miyagiplan::date_reading, 1)
MIYAGIPLAN_ARCHIVED_VALUE(miyagiplan::date_expression, 1)
#undef MIYAGIPLAN_ARCHIVED_VALUE

namespace boost::serialization {
template <miyagiplan::described T>
struct version<T> {
  typedef mpl::integral_c_tag tag;
  typedef mpl::int_<miyagiplan::description<T>::version> type;
  BOOST_STATIC_CONSTANT(int, value = version::type::value);
};
template <miyagiplan::described T>
struct tracking_level<T> {
  typedef mpl::integral_c_tag tag;
  typedef mpl::int_<track_never> type;
  BOOST_STATIC_CONSTANT(int, value = tracking_level::type::value);
};
}  // namespace boost::serialization

#define MIYAGIPLAN_NEEDS_ARCHIVE_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_IO_ARCHIVE_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
