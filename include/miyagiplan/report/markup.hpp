// HTML and SVG written as elements rather than pasted strings: text and attribute values are
// escaped on their way in and every element is closed by the writer, so nothing a plan says can
// become markup and no tag is left open. Only the project's own embedded files (the CSS) go in
// unescaped, through trusted().
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace miyagiplan::present {

// A number as SVG and CSS want it: at most `decimals` digits after the point, no trailing zeros.
inline std::string svg_number(double v, int decimals = 1) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

// The value of an attribute: text, or a number written as svg_number does.
class attribute_value {
 public:
  attribute_value(std::string_view text) : text_(text) {}
  attribute_value(const std::string& text) : text_(text) {}
  attribute_value(const char* text) : text_(text) {}
  attribute_value(double number) : text_(svg_number(number)) {}
  attribute_value(int number) : text_(std::to_string(number)) {}
  attribute_value(std::size_t number) : text_(std::to_string(number)) {}
  const std::string& text() const noexcept { return text_; }

 private:
  std::string text_;
};

struct attribute {
  std::string_view name;
  attribute_value value;
  bool present = true;  // false: left out (an optional title, say)
};

// An attribute written only when its text is not empty.
inline attribute optional_attribute(std::string_view name, const std::string& text) {
  return {name, text, !text.empty()};
}

class markup {
 public:
  using attributes = std::vector<attribute>;

  // <tag a="v"> … closed by close().
  markup& open(std::string_view tag, const attributes& as = {}) {
    start_tag(tag, as);
    out_ += '>';
    open_.emplace_back(tag);
    return *this;
  }
  // </tag> of the innermost open element.
  markup& close() {
    if (open_.empty()) throw std::logic_error("markup: close() with no element open");
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
    return *this;
  }
  // <tag a="v">text</tag>
  markup& element(std::string_view tag, const attributes& as, std::string_view text) {
    return open(tag, as).text(text).close();
  }
  markup& element(std::string_view tag, std::string_view text) { return element(tag, {}, text); }
  // An SVG element with no content: <tag a="v"/>.
  markup& empty(std::string_view tag, const attributes& as) {
    start_tag(tag, as);
    out_ += "/>";
    return *this;
  }
  // An HTML void element: <tag a="v">, never closed (meta, br).
  markup& void_element(std::string_view tag, const attributes& as = {}) {
    start_tag(tag, as);
    out_ += '>';
    return *this;
  }
  markup& text(std::string_view s) {
    escape_into(s);
    return *this;
  }
  markup& line() {
    out_ += '\n';
    return *this;
  }
  // A fragment written by another markup, every element of it closed.
  markup& append(const markup& fragment) {
    if (!fragment.open_.empty()) throw std::logic_error("markup: appending a fragment with open elements");
    out_ += fragment.out_;
    return *this;
  }
  // The project's own text (the embedded CSS, the doctype): written as it is.
  markup& trusted(std::string_view s) {
    out_ += s;
    return *this;
  }
  std::string str() const {
    if (!open_.empty()) throw std::logic_error("markup: <" + open_.back() + "> left open");
    return out_;
  }

 private:
  void start_tag(std::string_view tag, const attributes& as) {
    out_ += '<';
    out_ += tag;
    for (const auto& a : as) {
      if (!a.present) continue;
      out_ += ' ';
      out_ += a.name;
      out_ += "=\"";
      escape_into(a.value.text());
      out_ += '"';
    }
  }
  void escape_into(std::string_view s) {
    for (const char ch : s) {
      switch (ch) {
        case '&': out_ += "&amp;"; break;
        case '<': out_ += "&lt;"; break;
        case '>': out_ += "&gt;"; break;
        case '"': out_ += "&quot;"; break;
        case '\'': out_ += "&#39;"; break;
        default: out_ += ch;
      }
    }
  }

  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace miyagiplan::present
