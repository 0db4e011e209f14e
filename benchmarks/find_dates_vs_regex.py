"""miyagiplan.find_dates against bare re.finditer scans for era names, over the plan's text.

Run with the built module: PYTHONPATH=build/python /usr/bin/python3 benchmarks/find_dates_vs_regex.py

The regexes only find where era names stand; find_dates finds and reads every date expression.
Two regexes: the modern eras (明治 to 令和 and their ligatures), which are the eras find_dates
finds in running text, and every era name the library reads (the 249 of
data/calendar/japanese-eras.tsv, 令和 and the ligatures), the regex a scan for any era would need.
find_dates is measured twice: the call alone, and the call with every match's span taken out, as
the regexes' lists of spans are.
"""
import pathlib
import re
import timeit

import miyagiplan

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEXT = (ROOT / "tests" / "data" / "miyagi-it-plan-2013.txt").read_text(encoding="utf-8")
MODERN = ["明治", "大正", "昭和", "平成", "令和", "㍾", "㍽", "㍼", "㍻", "㋿"]


def all_era_names():
    names = []
    for line in (ROOT / "data" / "calendar" / "japanese-eras.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        names.append(line.split("\t", 1)[0])
    names += [n for n in MODERN if n not in names]
    # Longest first, so that a name is never cut short by another that begins it.
    return sorted(set(names), key=lambda n: (-len(n), n))


MODERN_RE = re.compile("|".join(MODERN))
ALL_NAMES = all_era_names()
ALL_RE = re.compile("|".join(map(re.escape, ALL_NAMES)))


def best_of(fn, repeat=9, number=300):
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number


def main():
    found = miyagiplan.find_dates(TEXT)
    call = best_of(lambda: miyagiplan.find_dates(TEXT))
    spans = best_of(lambda: [(m.start, m.end) for m in miyagiplan.find_dates(TEXT)])
    modern = best_of(lambda: [m.span() for m in MODERN_RE.finditer(TEXT)])
    every = best_of(lambda: [m.span() for m in ALL_RE.finditer(TEXT)])
    print(f"text: {len(TEXT)} characters, {len(found)} dates found; "
          f"{sum(1 for _ in MODERN_RE.finditer(TEXT))} modern era names, "
          f"{sum(1 for _ in ALL_RE.finditer(TEXT))} names of any era ({len(ALL_NAMES)} names)")
    print(f"miyagiplan.find_dates:            {call * 1e6:9.1f} µs")
    print(f"miyagiplan.find_dates, spans:     {spans * 1e6:9.1f} µs")
    print(f"re.finditer, modern eras:         {modern * 1e6:9.1f} µs")
    print(f"re.finditer, every era:           {every * 1e6:9.1f} µs")
    print(f"ratio modern regex / find_dates:  {modern / call:5.1f}×  (with spans {modern / spans:.1f}×)")
    print(f"ratio every-era regex / find_dates: {every / call:5.1f}×  (with spans {every / spans:.1f}×)")


if __name__ == "__main__":
    main()
