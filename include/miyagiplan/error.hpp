// Every failure the library reports is a miyagiplan::error; the subclasses say what kind.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "miyagiplan/detail/text.hpp"

namespace miyagiplan {

class error : public std::runtime_error {
 public:
  explicit error(const std::string& what) : std::runtime_error(valid_text(what)) {}
  explicit error(const char* what) : error(std::string(what)) {}

 protected:
  // A message is text even when it quotes input that is not: a byte that is not UTF-8, or a
  // NUL (which would end what() early), becomes U+FFFD. Python reads what() as a str.
  static std::string valid_text(std::string_view s) { return detail::valid_text(s); }
};

// A text that could not be read; `position` counts characters (code points) from 0.
class parse_error : public error {
 public:
  parse_error(std::string input, std::size_t position, const std::string& expected)
      : error(describe(input, position, expected)),
        input_(std::move(input)), position_(position), expected_(expected) {}
  const std::string& input() const noexcept { return input_; }
  std::size_t position() const noexcept { return position_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  static std::string describe(const std::string& input, std::size_t position,
                              const std::string& expected) {
    return "expected " + expected + " at character " + std::to_string(position) + " of \"" +
           excerpt(input, position) + "\"";
  }
  // The input as the message quotes it: a long input only around the position, so that a text
  // of 100 MB makes a message of one line (and error() makes it valid UTF-8). input() keeps the
  // text as it was.
  static std::string excerpt(const std::string& input, std::size_t position) {
    constexpr std::size_t max_whole = 160, context = 60;  // characters
    const bool whole = input.size() <= max_whole;
    const std::size_t first = whole || position < context ? 0 : position - context;
    const std::size_t end = whole ? input.size() : position + context;
    std::string out = first > 0 ? "…" : "";
    for (detail::cursor in(input); !in.at_end(); in.advance()) {
      if (in.position() < first) continue;
      if (in.position() >= end) {
        out += "…";
        break;
      }
      detail::cursor next = in;
      next.advance();
      out.append(input, in.offset(), next.offset() - in.offset());
    }
    return out;
  }

 private:
  std::string input_;
  std::size_t position_;
  std::string expected_;
};

// A date or value outside what the calendar or the model supports.
class range_error : public error {
 public:
  using error::error;
};

// A document (JSON, archive, CSV) that does not fit its schema; `where` names the spot
// (a JSON pointer, or file:line:column).
class schema_error : public error {
 public:
  schema_error(std::string where, std::string what)
      : error(where.empty() ? what : where + ": " + what),
        where_(std::move(where)), message_(std::move(what)) {}
  const std::string& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }  // what() without where()

 private:
  std::string where_;
  std::string message_;
};

// A model that breaks a rule (duplicate id, target before baseline, ...).
class validation_error : public error {
 public:
  validation_error(std::string where, const std::string& what)
      : error(where + ": " + what), where_(std::move(where)) {}
  const std::string& where() const noexcept { return where_; }

 private:
  std::string where_;
};

// An id that names nothing in the plan.
class not_found_error : public error {
 public:
  using error::error;
};

// A file that cannot be opened, read or written.
class io_error : public error {
 public:
  using error::error;
};

}  // namespace miyagiplan
