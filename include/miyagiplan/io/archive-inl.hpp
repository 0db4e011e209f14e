// Definitions of the archive format. Compiled once by src/archive.cpp, or inline when header-only.
#pragma once

#include <istream>
#include <new>
#include <ostream>
#include <stdexcept>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include "miyagiplan/detail/enum_names.hpp"
#include "miyagiplan/io/archive.hpp"

namespace miyagiplan {
namespace detail {

inline constexpr std::string_view archive_format_names[] = {"text", "binary", "xml"};

inline std::string archive_name(archive_format format) {
  return std::string(enum_name(archive_format_names, format)) + " archive";
}

// The archive is scoped here: an XML archive reads or writes its closing tag as it is destroyed.
template <class Archive, class Stream, class Plan>
void use_archive(Stream& stream, Plan& p) {
  Archive ar(stream);
  ar & boost::serialization::make_nvp("plan", p);
}

template <class Text, class Binary, class Xml, class Stream, class Plan>
void run_archive(archive_format format, Stream& stream, Plan& p) {
  switch (format) {
    case archive_format::text: return use_archive<Text>(stream, p);
    case archive_format::binary: return use_archive<Binary>(stream, p);
    case archive_format::xml: return use_archive<Xml>(stream, p);
  }
  throw std::invalid_argument("unknown archive_format " +
                              std::to_string(static_cast<int>(format)));
}

// Writes without checking the stream: the caller knows what to name in the error.
inline void write_archive(const plan& p, std::ostream& out, archive_format format) {
  try {
    run_archive<boost::archive::text_oarchive, boost::archive::binary_oarchive,
                boost::archive::xml_oarchive>(format, out, p);
  } catch (const boost::archive::archive_exception& e) {
    throw io_error("cannot write the " + archive_name(format) + ": " + e.what());
  }
}

// Boost's messages are terse ("input stream error"); say what they mean for a reader.
inline std::string reason(const boost::archive::archive_exception& e) {
  using boost::archive::archive_exception;
  switch (e.code) {
    case archive_exception::input_stream_error: return "the input ends early or cannot be read";
    case archive_exception::invalid_signature:
      return "not an archive of this format (bad signature)";
    case archive_exception::unsupported_version:
      return "written by a newer Boost than this one reads (" + std::string(e.what()) + ")";
    case archive_exception::unsupported_class_version:
      return "a class version newer than this library reads (" + std::string(e.what()) + ")";
    default: return e.what();
  }
}

}  // namespace detail

MIYAGIPLAN_FUNC void save_archive(const plan& p, std::ostream& out, archive_format format) {
  detail::write_archive(p, out, format);
  if (!out.flush())
    throw io_error("cannot write the " + detail::archive_name(format) + ": the stream failed");
}

MIYAGIPLAN_FUNC plan load_archive(std::istream& in, archive_format format) {
  const auto corrupt = [&](const std::string& why) {
    return schema_error("", "truncated or corrupt " + detail::archive_name(format) + ": " + why);
  };
  plan p;
  try {
    detail::run_archive<boost::archive::text_iarchive, boost::archive::binary_iarchive,
                        boost::archive::xml_iarchive>(format, in, p);
  } catch (const schema_error& e) {  // an enum out of range, a version: from the serialize code
    throw corrupt(e.message());
  } catch (const boost::archive::archive_exception& e) {
    throw corrupt(detail::reason(e));
  } catch (const std::ios_base::failure& e) {  // a stream the caller set to throw
    throw corrupt(e.what());
  } catch (const std::length_error&) {  // a corrupt length, beyond what a string can hold
    throw corrupt("a length beyond what memory can hold");
  } catch (const std::bad_alloc&) {
    throw corrupt("a length beyond what memory can hold");
  }
  // A text archive cut inside its last string, or an XML archive without its closing tag, reads
  // to the end without an error from Boost: the stream's state tells.
  if (in.fail()) throw corrupt("the input ends early");
  return p;
}

}  // namespace miyagiplan
