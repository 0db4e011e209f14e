#!/usr/bin/env python3
"""Writes include/miyagiplan/calendar/lunisolar_data.hpp from data/calendar/*.tsv.

The two tables (the eras from 大化, the lunisolar months 445–1872) are checked before anything is
written: a table that fails a check writes nothing. With --check, compares the checked-in header
with what the tables make and fails on any difference (a ctest runs that).

    tools/gen_lunisolar_tables.py            # rewrite the header
    tools/gen_lunisolar_tables.py --check    # is the header what the tables make?
"""
import datetime
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ERAS = ROOT / "data" / "calendar" / "japanese-eras.tsv"
MONTHS = ROOT / "data" / "calendar" / "japanese-lunisolar-months.tsv"
OUT = ROOT / "include" / "miyagiplan" / "calendar" / "lunisolar_data.hpp"

GREGORIAN_JDN = 2405160  # 1873-01-01, 明治6年1月1日: the first Gregorian day in Japan
COURTS = {"both": 0, "south": 1, "north": 2}
# Where the era table's end_jdn is the end for one court only: 北朝 kept 建武 until 暦応 began.
END_FOR_READING = {"建武": "暦応"}


class DataError(Exception):
    pass


def rows(path):
    lines = [l.rstrip("\n") for l in path.read_text(encoding="utf-8").splitlines()]
    table = [l.split("\t") for l in lines if l.strip() and not l.startswith("#")]
    return table[0], table[1:]


def gregorian(jdn):
    return datetime.date.fromordinal(jdn - 1721425).isoformat()


def check(cond, message):
    if not cond:
        raise DataError(message)


def read_years():
    header, body = rows(MONTHS)
    check(header[:6] == ["year", "leap", "first_jdn", "last_jdn", "month_first_jdn", "month_days"],
          f"{MONTHS.name}: unexpected columns {header}")
    years = []
    for i, r in enumerate(body):
        year, leap = int(r[0]), int(r[1])
        firsts = [int(x) for x in r[4].split(",")]
        days = [int(x) for x in r[5].split(",")]
        count = 13 if leap else 12
        check(0 <= leap <= 12, f"{year}: leap month {leap}")
        check(len(firsts) == count and len(days) == count, f"{year}: {len(firsts)} months, leap {leap}")
        for k in range(count - 1):
            check(firsts[k] + days[k] == firsts[k + 1], f"{year}: month {k + 1} does not end where the next begins")
        check(firsts[-1] + days[-1] - 1 == int(r[3]), f"{year}: last_jdn is not the last month's last day")
        if years:
            check(year == years[-1]["year"] + 1, f"{year}: the years are not consecutive")
            check(firsts[0] == years[-1]["end"], f"{year}: does not start the day after {year - 1} ends")
        # The source's first_jdn (and first_day_*) of a year whose leap month follows month 1
        # is the leap month's first day: the month list is the one that agrees with the years
        # around it (the year before ends the day before month 1).
        check(int(r[2]) == firsts[0] or (leap == 1 and int(r[2]) == firsts[1]),
              f"{year}: first_jdn {r[2]} is neither month 1 nor, after a leap month 1, 閏1月")
        last = i == len(body) - 1
        for k, d in enumerate(days):
            check(d in (29, 30) or (last and k == count - 1), f"{year}: a month of {d} days")
        mask = sum(1 << k for k, d in enumerate(days[:-1]) if d == 30)
        years.append({"year": year, "leap": leap, "first": firsts[0], "end": firsts[-1] + days[-1],
                      "mask": mask, "firsts": firsts})
    check(years[-1]["end"] == GREGORIAN_JDN, "the last lunisolar day is not 1872-12-31")
    return years


def month_jdn(years, year, month, leap=False):
    y = years[year - years[0]["year"]]
    index = month - 1 + (1 if y["leap"] and (month > y["leap"] or (leap and month == y["leap"])) else 0)
    return y["firsts"][index]


def read_eras(years):
    header, body = rows(ERAS)
    check(header == ["name", "first_year", "first_jdn", "end_jdn", "first_day_gregorian", "first_day_julian", "court"],
          f"{ERAS.name}: unexpected columns {header}")
    names = [r[0] for r in body]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    check(not duplicated, f"era names that appear twice (the reader would need a rule for them): {duplicated}")
    first_of = {r[0]: int(r[2]) for r in body}
    eras = []
    for r in body:
        name, first_year, first = r[0], int(r[1]), int(r[2])
        check(r[4] == gregorian(first), f"{name}: first_day_gregorian {r[4]} is not JDN {first}")
        check(r[6] in COURTS, f"{name}: court {r[6]}")
        if first >= GREGORIAN_JDN:
            continue  # 大正 onwards: the library's own table
        y = next(y for y in years if y["first"] <= first < y["end"])
        check(y["year"] == first_year, f"{name}: 元年 {first_year}, but its first day is in lunisolar {y['year']}")
        end = int(r[3])
        if name == "明治":
            end = GREGORIAN_JDN  # from 1873-01-01 明治 is the Gregorian era of era.hpp
        if name in END_FOR_READING:
            end = max(end, first_of[END_FOR_READING[name]])
        check(end > first, f"{name}: ends before it starts")
        eras.append({"name": name, "first_year": first_year, "first": first, "end": end, "court": COURTS[r[6]]})
    check(len(eras) == 244 and eras[0]["name"] == "大化" and eras[-1]["name"] == "明治",
          f"{len(eras)} eras from {eras[0]['name']} to {eras[-1]['name']}")
    # The checks the data's README names.
    check(gregorian(month_jdn(years, 1872, 11) + 8) == "1872-12-09", "明治5年11月9日")
    check(month_jdn(years, 1872, 12) + 1 == 2405159 and gregorian(2405159) == "1872-12-31", "明治5年12月2日")
    check(years[-1]["end"] - month_jdn(years, 1872, 12) == 2, "the last month of 明治5年 has 2 days")
    return eras


def render(eras, years):
    out = [
        "// Generated by tools/gen_lunisolar_tables.py from data/calendar/japanese-eras.tsv and",
        "// data/calendar/japanese-lunisolar-months.tsv (provenance: data/calendar/README.md). Do not edit:",
        "// change the tables and run the script; ctest (lunisolar_tables_generated) checks they agree.",
        "#pragma once",
        "",
        "#include <cstdint>",
        "#include <string_view>",
        "",
        "namespace miyagiplan::detail {",
        "",
        "// The eras from 大化 to 明治 as the lunisolar calendar counted them: name, the lunisolar year",
        "// of 元年, the Julian Day Numbers of the first day and of the first day after (for 明治,",
        "// 1873-01-01), the court (0 both, 1 南朝, 2 北朝).",
        "struct lunisolar_era_row {",
        "  std::u32string_view name;",
        "  std::string_view kanji;",
        "  std::int16_t first_year;",
        "  std::int32_t first_jdn, end_jdn;",
        "  std::uint8_t court;",
        "};",
        "",
        f"inline constexpr lunisolar_era_row lunisolar_era_rows[{len(eras)}] = {{",
    ]
    for e in eras:
        out.append(f'    {{U"{e["name"]}", "{e["name"]}", {e["first_year"]}, {e["first"]}, {e["end"]}, {e["court"]}}},')
    out += [
        "};",
        "",
        "// One lunisolar year a row, from lunisolar_first_year: the JDN of its first day, a bit for",
        "// each month of 30 days (bit k: the k-th month in order, the leap month after its namesake;",
        "// the last month of a year ends where the next year begins), and the month after which the",
        "// leap month comes (0: none).",
        "struct lunisolar_year_row {",
        "  std::int32_t first_jdn;",
        "  std::uint16_t long_months;",
        "  std::uint8_t leap;",
        "};",
        "",
        f"inline constexpr int lunisolar_first_year = {years[0]['year']};",
        f"inline constexpr std::int32_t lunisolar_end_jdn = {years[-1]['end']};  // 1873-01-01",
        f"inline constexpr lunisolar_year_row lunisolar_year_rows[{len(years)}] = {{",
    ]
    line = "   "
    for y in years:
        cell = f" {{{y['first']}, 0x{y['mask']:04x}, {y['leap']}}},"
        if len(line) + len(cell) > 110:
            out.append(line)
            line = "   "
        line += cell
    out += [line, "};", "", "}  // namespace miyagiplan::detail", ""]
    return "\n".join(out)


def main(argv):
    try:
        years = read_years()
        text = render(read_eras(years), years)
    except DataError as e:
        print(f"gen_lunisolar_tables: {e}", file=sys.stderr)
        return 1
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"gen_lunisolar_tables: {OUT.relative_to(ROOT)} is not what the tables make: "
                  "run tools/gen_lunisolar_tables.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
