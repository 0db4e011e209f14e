#!/usr/bin/python3
"""miyagiplan's scalar Python calls against the pure-Python regex converter, in one run.

The converter is the peers harness's "analyst converter" (peers/python/peer_python.py): a regular
expression per form and an era table, as analysts write in a notebook. Each function is called
once per item over the same 20,000 items (as map and apply call it); the best of 7 rounds is
kept, in ns per call. Goal (issue 15): miyagiplan ≥ 5× the converter.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/scalar_vs_regex.py
"""
import datetime
import pathlib
import random
import sys
import timeit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "peers" / "python"))
import peer_python as analyst  # noqa: E402

import miyagiplan  # noqa: E402


def analyst_fiscal_year(d):
    """datetime.date → its fiscal year, April to March, named by the era of its first day."""
    start = datetime.date(d.year if d.month >= 4 else d.year - 1, 4, 1)
    name, year, _, _ = analyst.to_era(start)
    return start.year, f"{name}{'元' if year == 1 else year}年度"


def best_ns(fn, items, repeat=7):
    def run():
        for x in items:
            fn(x)
    return min(timeit.repeat(run, repeat=repeat, number=1)) / len(items) * 1e9


def main():
    rng = random.Random(15)
    first, last = datetime.date(1873, 4, 1).toordinal(), datetime.date(2100, 12, 31).toordinal()
    days = [datetime.date.fromordinal(rng.randint(first, last)) for _ in range(20000)]
    kanji = [analyst.date_to_wareki(d) for d in days]
    heisei = [rng.randint(1, 30) for _ in range(20000)]
    fiscal = [rng.choice([f"平成{y}年度", f"平成{y}年度末", f"平成{y}～{y + 2}年度"]) for y in heisei]
    # Both sides agree before they are timed.
    for t, d in zip(kanji[:500], days):
        assert miyagiplan.to_western(t) == analyst.wareki_to_date(t) == d, t
        assert miyagiplan.to_wareki(d) == analyst.date_to_wareki(d), d
        assert miyagiplan.fiscal_year(d).year == analyst_fiscal_year(d)[0], d
    for t in fiscal[:500]:
        e = miyagiplan.parse_date(t)
        assert (e.first, e.last) == analyst.fiscal_span(t), t

    rows = [
        ("to_western   平成22年12月31日 → date", miyagiplan.to_western, analyst.wareki_to_date, kanji),
        ("to_wareki    date → 平成22年12月31日", miyagiplan.to_wareki, analyst.date_to_wareki, days),
        ("parse_date   平成23～25年度 → span", miyagiplan.parse_date, analyst.fiscal_span, fiscal),
        ("fiscal_year  date → 年度", miyagiplan.fiscal_year, analyst_fiscal_year, days),
    ]
    print(f"Python {sys.version.split()[0]}, miyagiplan {miyagiplan.__version__}; ns per call, best of 7 over "
          f"{len(days):,} items")
    print(f"{'':38} {'miyagiplan':>11} {'regex':>9} {'ratio':>7}")
    for name, ours, theirs, items in rows:
        a, b = best_ns(ours, items), best_ns(theirs, items)
        print(f"{name:38} {a:11.0f} {b:9.0f} {b / a:6.1f}×")


if __name__ == "__main__":
    main()
