// Definitions of the archive format. Compiled once by src/archive.cpp, or inline when header-only.
#pragma once

#include <algorithm>
#include <cstring>
#include <ios>
#include <istream>
#include <new>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include "miyagiplan/io/archive.hpp"

namespace miyagiplan {
namespace detail {

inline std::string archive_name(archive_format format) {
  return std::string(to_string(format)) + " archive";
}

// Boost ends a text or XML archive from a destructor, where a stream that throws would end the
// program, and reading to the end of a stream sets failbit: the stream's exceptions are off
// meanwhile, and its state tells after.
class exceptions_off {
 public:
  explicit exceptions_off(std::ios& s) : stream_(s), mask_(s.exceptions()) {
    s.exceptions(std::ios::goodbit);
  }
  exceptions_off(const exceptions_off&) = delete;
  exceptions_off& operator=(const exceptions_off&) = delete;
  ~exceptions_off() {
    try {
      stream_.exceptions(mask_);  // throws when the stream failed: the caller reports that
    } catch (const std::ios_base::failure&) {
    }
  }

 private:
  std::ios& stream_;
  std::ios::iostate mask_;
};

// A format value no enumerator names (cast from an integer): the library's error, like every other.
[[noreturn]] inline void unknown(archive_format format) {
  throw range_error("unknown archive_format " + std::to_string(static_cast<int>(format)));
}

// The archive is scoped here: it writes or reads the end of its text as it is destroyed.
template <class Archive, class Stream, class Plan>
void use_archive(Stream& stream, Plan& p) {
  Archive ar(stream);
  ar & boost::serialization::make_nvp(field_name<Archive>("plan"), p);
}

// Writes without checking the stream: the caller knows what to name in the error.
inline void write_archive(const plan& p, std::ostream& out, archive_format format) {
  using namespace boost::archive;
  const exceptions_off quiet(out);
  try {
    switch (format) {
      case archive_format::text: return use_archive<text_oarchive>(out, p);
      case archive_format::binary: return use_archive<binary_oarchive>(out, p);
      case archive_format::xml: return use_archive<xml_oarchive>(out, p);
    }
  } catch (const archive_exception& e) {
    throw io_error("cannot write the " + archive_name(format) + ": " + e.what());
  }
  unknown(format);
}

// A stream over bytes held elsewhere, so that Boost reads them in place; while it is read,
// the checks in archive.hpp see what is left of it.
class view_buffer : public std::streambuf, public archive_input {
 public:
  explicit view_buffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // a get area is only ever read
    setg(begin, begin, begin + bytes.size());
    current_archive_input = this;
  }
  view_buffer(const view_buffer&) = delete;
  view_buffer& operator=(const view_buffer&) = delete;
  ~view_buffer() override { current_archive_input = nullptr; }
  std::string_view rest() const noexcept override {
    return {gptr(), static_cast<std::size_t>(egptr() - gptr())};
  }
};

// Boost reads a signature's length before the signature, so garbage could claim gigabytes
// there; and it reads an XML archive's closing tag in its destructor, where a missing one would
// end the program. Both ends are checked here first.
inline void check_ends(std::string_view bytes, archive_format format) {
  constexpr std::string_view signature = "serialization::archive";
  std::size_t length = 0;
  switch (format) {
    case archive_format::text:
      if (!bytes.starts_with(text_archive_start))
        throw schema_error("", "no Boost text archive signature at the start");
      return;
    case archive_format::binary:
      if (bytes.size() >= sizeof length) std::memcpy(&length, bytes.data(), sizeof length);
      if (length != signature.size() || !bytes.substr(sizeof length).starts_with(signature))
        throw schema_error("", "no Boost binary archive signature at the start");
      return;
    case archive_format::xml:
      bytes = bytes.substr(0, bytes.find_last_not_of(" \t\r\n") + 1);
      if (!bytes.ends_with("</boost_serialization>"))
        throw schema_error("", "the input ends early (no closing </boost_serialization>)");
      // No tag longer than the names field_name pads (see there).
      for (std::size_t i = bytes.find('<'); i != std::string_view::npos; i = bytes.find('<', i + 1)) {
        const std::size_t name = i + 1 + (i + 1 < bytes.size() && bytes[i + 1] == '/');
        const std::size_t end = std::min(bytes.find_first_of(" \t\r\n/>", name), bytes.size());
        if (end - name > max_xml_tag)
          throw schema_error("", "a tag longer than " + std::to_string(max_xml_tag) +
                                     " characters, which no field has");
      }
      return;
  }
  unknown(format);
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

MIYAGIPLAN_FUNC std::string detail::read_all(std::istream& in) {
  std::string bytes;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  return bytes;
}

MIYAGIPLAN_FUNC plan load_archive(std::istream& in, archive_format format) {
  std::string bytes;
  {
    const detail::exceptions_off quiet(in);
    bytes = detail::read_all(in);
  }
  if (in.bad())
    throw io_error("cannot read the " + detail::archive_name(format) + ": the stream failed");
  return load_archive(bytes, format);
}

MIYAGIPLAN_FUNC plan load_archive(std::string_view bytes, archive_format format) {
  using namespace boost::archive;
  const auto corrupt = [&](const std::string& why) {
    return schema_error("", "truncated or corrupt " + detail::archive_name(format) + ": " + why);
  };
  plan p;
  try {
    detail::check_ends(bytes, format);
    detail::view_buffer buffer(bytes);
    std::istream in(&buffer);
    switch (format) {
      case archive_format::text:
        detail::use_archive<text_iarchive>(in, p);
        // Cut inside its last string, a text archive reads to the end without an error.
        if (in.fail()) throw schema_error("", "the input ends early");
        break;
      case archive_format::binary: detail::use_archive<binary_iarchive>(in, p); break;
      case archive_format::xml: detail::use_archive<xml_iarchive>(in, p); break;
    }
  } catch (const schema_error& e) {  // from the checks here and in the serialize functions
    throw corrupt(e.message());
  } catch (const archive_exception& e) {
    throw corrupt(detail::reason(e));
  } catch (const std::length_error&) {  // a corrupt length, beyond what a string can hold
    throw corrupt("a length beyond what memory can hold");
  } catch (const std::bad_alloc&) {
    throw corrupt("a length beyond what memory can hold");
  }
  return p;
}

}  // namespace miyagiplan
