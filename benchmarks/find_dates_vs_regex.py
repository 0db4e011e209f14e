"""miyagiplan.find_dates against a bare re.finditer for era names, over the plan's text.

Run with the built module: PYTHONPATH=build/python /usr/bin/python3 benchmarks/find_dates_vs_regex.py
The regex only finds where era names stand; find_dates finds and reads every date expression.
"""
import pathlib
import re
import timeit

import miyagiplan

TEXT = (pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "miyagi-it-plan-2013.txt").read_text(
    encoding="utf-8")
ERA_NAMES = re.compile("明治|大正|昭和|平成|令和|㍾|㍽|㍼|㍻|㋿")


def best_of(fn, repeat=7, number=200):
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number


def main():
    ours = best_of(lambda: miyagiplan.find_dates(TEXT))
    regex = best_of(lambda: [m.span() for m in ERA_NAMES.finditer(TEXT)])
    print(f"text: {len(TEXT)} characters, {len(miyagiplan.find_dates(TEXT))} dates found, "
          f"{sum(1 for _ in ERA_NAMES.finditer(TEXT))} era names")
    print(f"miyagiplan.find_dates: {ours * 1e6:9.1f} µs")
    print(f"re.finditer (eras):    {regex * 1e6:9.1f} µs")
    print(f"ratio (regex / find_dates): {regex / ours:.1f}×")


if __name__ == "__main__":
    main()
