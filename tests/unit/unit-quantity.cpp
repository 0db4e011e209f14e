// Quantities as the plan writes them: parse_quantity, format_quantity, quantity::of, unit::parse.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"

namespace {

using miyagiplan::format_quantity;
using miyagiplan::parse_error;
using miyagiplan::parse_quantity;
using miyagiplan::quantity;
using miyagiplan::unit;
using miyagiplan::value_state;

// The parse_error a text raises in a unit (fails the test when there is none).
parse_error parse_failure(const std::string& text, const std::string& symbol) {
  try {
    parse_quantity(text, unit::parse(symbol));
  } catch (const parse_error& e) {
    return e;
  }
  FAIL("\"" << text << "\" in " << symbol << " was read without an error");
  return parse_error(text, 0, "");
}

}  // namespace

TEST_SUITE("quantity") {

TEST_CASE("unit::parse splits a written unit into scale and base") {
  struct row {
    const char* symbol;
    const char* base;
    int scale;
  };
  const row rows[] = {
      {"件", "件", 0},          {"％", "％", 0},      {"位", "位", 0},
      {"校", "校", 0},          {"点", "点", 0},      {"人", "人", 0},
      {"所属", "所属", 0},      {"回／年", "回／年", 0}, {"人・団体", "人・団体", 0},
      {"百万円", "円", 6},      {"億円", "円", 8},    {"千円", "円", 3},
      {"万人", "人", 4},        {"千万円", "円", 7},  {"兆円", "円", 12},
      // A prefix alone is a unit of its own, not a scale of nothing.
      {"万", "万", 0},          {"百万", "百万", 0},  {"億", "億", 0},
  };
  for (const auto& r : rows) {
    const std::string symbol = r.symbol;
    CAPTURE(symbol);
    const unit u = unit::parse(r.symbol);
    CHECK(u.symbol == r.symbol);
    CHECK(u.base == r.base);
    CHECK(u.scale == r.scale);
    CHECK(u.factor() == std::pow(10.0, r.scale));
  }
  CHECK(unit::parse("百万円") == unit{"百万円", "円", 6});
  CHECK(unit::parse("億円").factor() == 100000000.0);
}

TEST_CASE("every value form of the plan reads in its unit as base units") {
  struct row {
    const char* text;
    const char* unit;
    value_state state;
    double value;  // in base units
    bool note_mark;
  };
  const row rows[] = {
      {"2,280 件", "件", value_state::number, 2280, false},
      {"4,000 件", "件", value_state::number, 4000, false},
      {"15,000 件", "件", value_state::number, 15000, false},
      {"19,618 件", "件", value_state::number, 19618, false},
      {"102,822 件", "件", value_state::number, 102822, false},
      {"58.8％", "％", value_state::number, 58.8, false},
      {"70％", "％", value_state::number, 70, false},
      {"70%", "％", value_state::number, 70, false},  // ASCII % for ％
      {"70％", "%", value_state::number, 70, false},  // and the other way round
      {"22.6％", "％", value_state::number, 22.6, false},
      {"12.2％", "％", value_state::number, 12.2, false},
      {"54.7％", "％", value_state::number, 54.7, false},
      {"40 位", "位", value_state::number, 40, false},
      {"480 点", "点", value_state::number, 480, false},
      {"2,223 百万円", "百万円", value_state::number, 2223000000.0, false},
      {"1,920 百万円", "百万円", value_state::number, 1920000000.0, false},
      {"2,302 億円", "億円", value_state::number, 230200000000.0, false},
      {"2,700 億円", "億円", value_state::number, 270000000000.0, false},
      {"1 回／年", "回／年", value_state::number, 1, false},
      {"1 回/年", "回／年", value_state::number, 1, false},  // ASCII / for ／
      {"23 人・団体", "人・団体", value_state::number, 23, false},
      {"2,867 人", "人", value_state::number, 2867, false},
      {"562 校（※）", "校", value_state::number, 562, true},
      {"562 校(※)", "校", value_state::number, 562, true},
      {"562（※）", "校", value_state::number, 562, true},
      {"0 校", "校", value_state::number, 0, false},  // zero is a number, not 実施なし
      {"全所属", "所属", value_state::all, 0, false},
      {"全所属（※）", "所属", value_state::all, 0, true},
      {"実施なし", "回／年", value_state::none_done, 0, false},
      {"－", "所属", value_state::missing, 0, false},
      {"-", "件", value_state::missing, 0, false},
      {"―", "件", value_state::missing, 0, false},
      {"—", "件", value_state::missing, 0, false},
      // Digits of either width, even mixed, as the PDF's text has them.
      {"２，２８０ 件", "件", value_state::number, 2280, false},
      {"５８．８％", "％", value_state::number, 58.8, false},
      {"1２ 件", "件", value_state::number, 12, false},
      // Spaces around the value, and between the number and its unit.
      {"  2,280 件  ", "件", value_state::number, 2280, false},
      {"\t2,280 件\t", "件", value_state::number, 2280, false},
      {"\u30002,280 件\u3000", "件", value_state::number, 2280, false},
      {"2,280\u3000件", "件", value_state::number, 2280, false},
      {"  83 人", "人", value_state::number, 83, false},
      {"  全所属 ", "所属", value_state::all, 0, false},
      // The unit may be left out.
      {"2280", "件", value_state::number, 2280, false},
      {"2,223", "百万円", value_state::number, 2223000000.0, false},
      // Negative numbers, with any of the minus signs.
      {"-5 件", "件", value_state::number, -5, false},
      {"－5 件", "件", value_state::number, -5, false},
      {"−1.5％", "％", value_state::number, -1.5, false},
      // Scaled in decimal: exactly the base value, no binary residue.
      {"0.07 億円", "億円", value_state::number, 7000000.0, false},
      {"1.005 万件", "万件", value_state::number, 10050.0, false},
      {"2.223 億円", "億円", value_state::number, 222300000.0, false},
      {"1.15 千件", "千件", value_state::number, 1150.0, false},
      // Eighteen digits are allowed, and the decimal point is not one of them.
      {"123456789012345678", "件", value_state::number, 123456789012345678.0, false},
      {"12345678901234567.8", "件", value_state::number, 12345678901234567.8, false},
  };
  for (const auto& r : rows) {
    const std::string text = r.text, symbol = r.unit;
    CAPTURE(text);
    CAPTURE(symbol);
    const quantity q = parse_quantity(r.text, unit::parse(r.unit));
    CHECK(q.state == r.state);
    CHECK(q.value == r.value);
    CHECK(q.text == r.text);  // the document's text is kept as written
    CHECK(q.note_mark == r.note_mark);
    CHECK(q.is_number() == (r.state == value_state::number));
  }
}

TEST_CASE("display_value gives the number in the unit as written") {
  const unit million = unit::parse("百万円");
  CHECK(parse_quantity("2,223 百万円", million).display_value(million) == 2223);
  const unit oku = unit::parse("億円");
  CHECK(parse_quantity("2,302 億円", oku).display_value(oku) == 2302);
  const unit percent = unit::parse("％");
  CHECK(parse_quantity("58.8％", percent).display_value(percent) == 58.8);
}

TEST_CASE("thousands separators group three digits") {
  // A typo such as 2,28 must not read as 228.
  CHECK(parse_quantity("1,234,567.89 件", unit::parse("件")).value == 1234567.89);
  CHECK(parse_failure("1,2,3", "件").position() == 3);
  CHECK(parse_failure("12,34 件", "件").position() == 5);
  CHECK(parse_failure("1,0000", "件").position() == 6);
  CHECK(parse_failure("1234,567", "件").position() == 4);
  CHECK(std::string(parse_failure("2,28", "件").what()).find("three digits") != std::string::npos);
  // A separator needs a digit on both sides, and none may follow the decimal point.
  CHECK(parse_failure("2,280,", "件").position() == 5);
  CHECK(parse_failure(",280 件", "件").position() == 0);
  CHECK(parse_failure("1.234,5 件", "件").position() == 5);
}

TEST_CASE("malformed values fail with the character where reading stopped") {
  struct row {
    const char* text;
    const char* unit;
    std::size_t position;
    const char* expected;
  };
  const char* number = "a number, or 全所属, 実施なし or －";
  const row rows[] = {
      {"2,280 人", "件", 6, "the unit 件 or none"},
      {"4,000 件", "人", 6, "the unit 人 or none"},
      {"2,280件件", "件", 5, "the unit 件 or none"},
      {"58.8 ％ ％", "％", 5, "the unit ％ or none"},
      {"2,223 円", "百万円", 6, "the unit 百万円 or none"},  // the scale is part of the unit
      {"2,223 百万円", "円", 6, "the unit 円 or none"},
      {"1 回", "回／年", 2, "the unit 回／年 or none"},
      {"1.2.3 件", "件", 3, "the unit 件 or none"},
      {"", "件", 0, number},
      {"   ", "件", 3, number},
      {"abc", "件", 0, number},
      {"  abc", "件", 2, number},
      {"\u3000abc", "件", 1, number},
      {"件", "件", 0, number},
      {"（※）", "件", 0, number},
      {"- 5 件", "件", 0, number},  // a minus must touch its digits
      {".5 件", "件", 0, number},
      {"全所属です", "所属", 0, number},
      {"1234567890123456789", "件", 18, "a number of at most 18 digits"},
      {"1,234,567,890,123,456,789 件", "件", 24, "a number of at most 18 digits"},
      {"  1234567890123456789", "件", 20, "a number of at most 18 digits"},
      {"\xff", "件", 0, "valid UTF-8 text"},
      {"\xc0\xaf 件", "件", 0, "valid UTF-8 text"},     // an overlong '/'
      {"12 \xe4\xbb", "件", 3, "valid UTF-8 text"},     // 件 cut short
      {"12 件\xff", "件", 4, "valid UTF-8 text"},
      {"\xed\xa0\x80 件", "件", 0, "valid UTF-8 text"},  // a surrogate
  };
  for (const auto& r : rows) {
    const std::string text = r.text;
    CAPTURE(text);
    const parse_error e = parse_failure(r.text, r.unit);
    CHECK(e.input() == r.text);
    CHECK(e.position() == r.position);
    CHECK(e.expected() == r.expected);
    const std::string what = e.what();
    CHECK(what.find("at character " + std::to_string(r.position)) != std::string::npos);
  }
  // The message names what was expected and quotes the input.
  const parse_error e = parse_failure("2,280 人", "件");
  CHECK(std::string(e.what()) == "expected the unit 件 or none at character 6 of \"2,280 人\"");
  // parse_error is a miyagiplan::error.
  CHECK_THROWS_AS(parse_quantity("abc", unit::parse("件")), miyagiplan::error);
}

TEST_CASE("format_quantity writes as plans do: separators and the unit and the shortest text") {
  struct row {
    double base_value;
    const char* unit;
    const char* text;
  };
  const row rows[] = {
      {2223000000.0, "百万円", "2,223百万円"},
      {1920000000.0, "百万円", "1,920百万円"},
      {2000000000.0, "百万円", "2,000百万円"},
      {230200000000.0, "億円", "2,302億円"},
      {230200000000.0, "円", "230,200,000,000円"},
      {800000000000.0, "円", "800,000,000,000円"},
      {58.8, "％", "58.8％"},
      {70, "％", "70％"},
      {100, "％", "100％"},
      {0, "％", "0％"},
      {2280, "件", "2,280件"},
      {999, "件", "999件"},
      {1000, "件", "1,000件"},
      {100000, "件", "100,000件"},
      {1, "回／年", "1回／年"},
      {23, "人・団体", "23人・団体"},
      {-5, "件", "-5件"},
      {-1234.5, "件", "-1,234.5件"},
      {-1920000000.0, "百万円", "-1,920百万円"},
      {-0.0, "件", "0件"},
      {0.1, "件", "0.1件"},
      {1234567.891, "件", "1,234,567.891件"},
      {0.00001, "件", "0.00001件"},
      {1.5e-7, "件", "0.00000015件"},
      {1e15, "件", "1,000,000,000,000,000件"},
      {123456700000.0, "百万円", "123,456.7百万円"},
      {150000000.0, "億円", "1.5億円"},
  };
  for (const auto& r : rows) {
    const std::string symbol = r.unit;
    CAPTURE(r.base_value);
    CAPTURE(symbol);
    CHECK(format_quantity(r.base_value, unit::parse(r.unit)) == std::string(r.text));
  }
}

TEST_CASE("format_quantity's text reads back to the same value") {
  const std::vector<std::pair<double, const char*>> values = {
      {2223000000.0, "百万円"}, {58.8, "％"}, {70, "％"}, {0.1, "件"}, {1.0 / 3.0, "件"},
      {-2.5, "％"}, {1e-9, "件"}, {123456789012345.0, "件"}, {7000000.0, "億円"},
      {10050.0, "万件"}, {1150.0, "千件"}, {230200000000.0, "円"}};
  for (const auto& [value, symbol] : values) {
    const std::string written = symbol;
    CAPTURE(value);
    CAPTURE(written);
    const unit u = unit::parse(symbol);
    const quantity back = parse_quantity(format_quantity(value, u), u);
    CHECK(back.is_number());
    CHECK(back.value == value);
  }
}

TEST_CASE("quantity::of and quantity::of_state") {
  const unit million = unit::parse("百万円");
  const quantity q = quantity::of(2223000000.0, million);
  CHECK(q.state == value_state::number);
  CHECK(q.value == 2223000000.0);
  CHECK(q.text == "2,223百万円");
  CHECK_FALSE(q.note_mark);
  CHECK(q.display_value(million) == 2223);

  CHECK(quantity::of(70, unit::parse("％")).text == "70％");
  CHECK(quantity::of(58.8, unit::parse("％")).text == "58.8％");
  CHECK(quantity::of(-3, unit::parse("件")).text == "-3件");
  CHECK(quantity::of(0, unit::parse("校")) ==
        quantity{value_state::number, 0, "0校", false});
  // of() and parse_quantity agree on the value.
  CHECK(parse_quantity(quantity::of(1920000000.0, million).text, million).value == 1920000000.0);

  CHECK_THROWS_AS(quantity::of(std::numeric_limits<double>::quiet_NaN(), million),
                  miyagiplan::range_error);
  CHECK_THROWS_AS(quantity::of(std::numeric_limits<double>::infinity(), million),
                  miyagiplan::range_error);
  CHECK_THROWS_AS(quantity::of(-std::numeric_limits<double>::infinity(), million),
                  miyagiplan::range_error);

  CHECK(quantity::of_state(value_state::all) == quantity{value_state::all, 0, "全所属", false});
  CHECK(quantity::of_state(value_state::none_done).text == "実施なし");
  CHECK(quantity::of_state(value_state::missing).text == "－");
  CHECK_THROWS_AS(quantity::of_state(value_state::number), miyagiplan::range_error);
  // A state's text reads back as the state.
  for (value_state s : {value_state::all, value_state::none_done, value_state::missing})
    CHECK(parse_quantity(quantity::of_state(s).text, unit::parse("所属")).state == s);
}

TEST_CASE("value_state names") {
  for (value_state s : {value_state::number, value_state::all, value_state::none_done,
                        value_state::missing})
    CHECK(miyagiplan::enum_from_string<miyagiplan::value_state>(miyagiplan::to_string(s)) == s);
  CHECK(miyagiplan::to_string(value_state::none_done) == "none_done");
  CHECK_THROWS_AS(miyagiplan::enum_from_string<miyagiplan::value_state>("done"), parse_error);
  CHECK_THROWS_AS(miyagiplan::enum_from_string<miyagiplan::value_state>(""), parse_error);
}

}  // TEST_SUITE

TEST_CASE("plain numbers, read at once, are the values the general reader gives") {
  // The fast path takes -?digits[.digits] alone; with its unit written after it, the same number
  // goes through the general reader (digits scaled in decimal, then from_chars).
  std::uint64_t state = 88172645463325252ull;  // xorshift: the same numbers every run
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  for (const char* symbol : {"件", "千円", "万人", "百万円", "億円", "兆円", "％"}) {
    const unit u = unit::parse(symbol);
    for (int k = 0; k < 20000; ++k) {
      const int digits = 1 + static_cast<int>(next() % 15);
      std::string text = next() % 5 == 0 ? "-" : "";
      const int point = next() % 2 ? static_cast<int>(next() % static_cast<std::uint64_t>(digits)) : 0;
      for (int d = 0; d < digits; ++d) {
        if (point && d == point) text += '.';
        text += static_cast<char>('0' + next() % 10);
      }
      const quantity fast = parse_quantity(text, u);
      const quantity general = parse_quantity(text + " " + symbol, u);
      REQUIRE_MESSAGE(fast.value == general.value, text << " in " << symbol);
      CHECK(std::signbit(fast.value) == std::signbit(general.value));
      CHECK(fast.is_number());
      CHECK(fast.text == text);
    }
  }
  // What the fast path leaves to the general reader is read as before.
  CHECK(parse_quantity("0.07", unit::parse("億円")).value == 7000000);
  CHECK(parse_quantity(" 2900 ", unit::parse("件")).value == 2900);
  CHECK(parse_quantity("-", unit::parse("件")).state == value_state::missing);  // a written state
  for (const char* refused : {"5.", ".5", "1.2.3", "+5", "1-"})
    CHECK_THROWS_AS(parse_quantity(refused, unit::parse("件")), parse_error);
}
