"""The Python peers of the harness (benchmarks/peers/run).

- "analyst": a straightforward pure-Python converter, regex plus an era table, as an analyst
  would write it for a notebook (below: wareki_to_date, fiscal_span, date_to_wareki, to_era).
- pandas.to_datetime on the same days written ISO (2010-12-31), vectorised over the whole array.
- miyagiplan's Python module, when importable (PYTHONPATH=<build>/python): its vectorised
  converters when the module has them (to_western or to_western_array, parse_dates, to_wareki
  or to_wareki_array over a numpy array: each is tried on three items first), and its scalar
  functions called once per item.

    /usr/bin/python3 peer_python.py --work DIR [--reps R] [--budget SECONDS] [--only op,op]

The protocol is peer_common.hpp's: a checking pass over all items, then timed repetitions;
one JSON line per operation. Inputs are built before timing (str lists, datetime.date lists,
numpy arrays); the timed region is the conversion alone.
"""

import argparse
import datetime
import json
import os
import re
import sys
import time

# ---------------------------------------------------------------------------------------------
# The analyst's converter.

# (name, letter, first day, Western year of 元年), newest first.
ERAS = [
    ("令和", "R", datetime.date(2019, 5, 1), 2019),
    ("平成", "H", datetime.date(1989, 1, 8), 1989),
    ("昭和", "S", datetime.date(1926, 12, 25), 1926),
    ("大正", "T", datetime.date(1912, 7, 30), 1912),
    ("明治", "M", datetime.date(1873, 1, 1), 1868),
]
ERA_START_YEAR = {name: year for name, _, _, year in ERAS}
ERA_START_YEAR.update({letter: year for _, letter, _, year in ERAS})

KANJI_DATE = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日")
ABBREV_DATE = re.compile(r"([MTSHR])(\d{1,2})\.(\d{1,2})\.(\d{1,2})")
FISCAL = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})(?:年度)?(?:～(\d{1,2}))?年度(末)?")


def _era_year(text):
    return 1 if text == "元" else int(text)


def wareki_to_date(text):
    """平成22年12月31日 or H22.12.31 → datetime.date."""
    m = KANJI_DATE.fullmatch(text) or ABBREV_DATE.fullmatch(text)
    if not m:
        raise ValueError(f"not a date: {text!r}")
    era, year, month, day = m.groups()
    return datetime.date(ERA_START_YEAR[era] + _era_year(year) - 1, int(month), int(day))


def fiscal_span(text):
    """平成25年度, 平成25年度末, 平成23～25年度(末) → (first day, last day), April to March."""
    m = FISCAL.fullmatch(text)
    if not m:
        raise ValueError(f"not a fiscal year: {text!r}")
    era, first, last, end = m.groups()
    y1 = ERA_START_YEAR[era] + _era_year(first) - 1
    y2 = ERA_START_YEAR[era] + int(last) - 1 if last else y1
    end_day = datetime.date(y2 + 1, 3, 31)
    if end and not last:
        return end_day, end_day
    return datetime.date(y1, 4, 1), end_day


def to_era(d):
    """datetime.date → (era name, era year, month, day)."""
    for name, _, first, year in ERAS:
        if d >= first:
            return name, d.year - year + 1, d.month, d.day
    raise ValueError(f"before the eras: {d}")


def date_to_wareki(d):
    name, year, month, day = to_era(d)
    return f"{name}{'元' if year == 1 else year}年{month}月{day}日"


def date_to_abbrev(d):
    for name, letter, first, year in ERAS:
        if d >= first:
            return f"{letter}{d.year - year + 1}.{d.month}.{d.day}"
    raise ValueError(f"before the eras: {d}")


# ---------------------------------------------------------------------------------------------
# The protocol.

EPOCH = datetime.date(1970, 1, 1).toordinal()
ERA_INDEX = {name: k for k, name in enumerate(["明治", "大正", "昭和", "平成", "令和"])}


def serial(d):
    return d.toordinal() - EPOCH


class Runner:
    def __init__(self, opt):
        self.opt = opt

    def lines(self, name):
        with open(os.path.join(self.opt.work, name), encoding="utf-8") as f:
            return f.read().splitlines()

    def measure(self, op, impl, note, n, batch, answers_of, lang=None):
        """`batch(k)` converts the first k items (the timed region) and returns the results;
        `answers_of(results)` turns all N results into answer lines (not timed)."""
        if self.opt.only and op not in self.opt.only:
            return
        t0 = time.perf_counter_ns()
        results = batch(n)
        check_ns = (time.perf_counter_ns() - t0) / n
        name = re.sub(r"[^A-Za-z0-9._]", "_", f"{impl}.{op}.txt")
        path = os.path.join("answers", name)
        with open(os.path.join(self.opt.work, path), "w", encoding="utf-8") as f:
            f.write("\n".join(answers_of(results)) + "\n")
        del results
        timed = n
        if check_ns * n > self.opt.budget * 1e9:
            timed = int(min(n, max(10000, self.opt.budget * 1e9 / check_ns)))
        reps, cpu_reps = [], []
        for _ in range(self.opt.reps):
            s0, c0 = time.perf_counter_ns(), time.process_time_ns()
            r = batch(timed)
            s1, c1 = time.perf_counter_ns(), time.process_time_ns()
            reps.append(round((s1 - s0) / timed, 3))
            cpu_reps.append(round((c1 - c0) / timed, 3))
            del r
        line = {"op": op, "impl": impl, "lang": lang or f"Python {sys.version.split()[0]}", "n": n,
                "n_timed": timed, "ns_per_op": reps, "cpu_ns_per_op": cpu_reps, "checksum": 0, "answers": path}
        if note:
            line["note"] = note
        print(json.dumps(line, ensure_ascii=False), flush=True)


def guarded(f):
    """f, with a failure answered as None (the checking pass must see every item)."""
    def g(x):
        try:
            return f(x)
        except Exception:  # noqa: BLE001 - any failure is an answer "E"
            return None
    return g


def day_answers(results):
    return ["E" if d is None else str(serial(d)) for d in results]


def span_answers(results):
    return ["E" if s is None else f"{serial(s[0])} {serial(s[1])}" for s in results]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--budget", type=float, default=1.0)
    ap.add_argument("--only", type=lambda s: s.split(","), default=None)
    opt = ap.parse_args()
    run = Runner(opt)

    kanji = run.lines("kanji.txt")
    abbrev = run.lines("abbrev.txt")
    iso = run.lines("iso.txt")
    fiscal = run.lines("fiscal.txt")
    days = [int(x) for x in run.lines("days.txt")]
    dates = [datetime.date.fromordinal(d + EPOCH) for d in days]

    analyst = "Python analyst converter (re + era table)"
    parse_one = guarded(wareki_to_date)
    for op, items in (("parse_kanji", kanji), ("parse_abbrev", abbrev)):
        run.measure(op, analyst, "", len(items), lambda k, items=items: [parse_one(t) for t in items[:k]],
                    day_answers)
    fiscal_one = guarded(fiscal_span)
    run.measure("parse_fiscal", analyst, "", len(fiscal), lambda k: [fiscal_one(t) for t in fiscal[:k]],
                span_answers)
    run.measure("format_kanji", analyst, "datetime.date in", len(dates),
                lambda k: [date_to_wareki(d) for d in dates[:k]], lambda r: r)
    run.measure("format_abbrev", analyst, "datetime.date in", len(dates),
                lambda k: [date_to_abbrev(d) for d in dates[:k]], lambda r: r)
    run.measure("to_era", analyst, "datetime.date in", len(dates), lambda k: [to_era(d) for d in dates[:k]],
                lambda r: [f"{ERA_INDEX[e]} {y} {m} {d}" for e, y, m, d in r])

    try:
        import numpy as np
        import pandas as pd
    except ImportError as e:
        print(json.dumps({"skipped": "pandas", "why": str(e)}), flush=True)
    else:
        iso_array = np.array(iso, dtype=object)
        run.measure("parse_iso", f"pandas {pd.__version__} to_datetime", "vectorised, format='%Y-%m-%d'",
                    len(iso), lambda k: pd.to_datetime(iso_array[:k], format="%Y-%m-%d"),
                    lambda r: [str(x) for x in r.values.astype("datetime64[D]").astype(np.int64)])

    try:
        import miyagiplan
    except ImportError as e:
        print(json.dumps({"skipped": "miyagiplan (Python)", "why": f"not importable: {e}"}), flush=True)
        return
    measure_miyagiplan(run, miyagiplan, kanji, abbrev, fiscal, dates, days)


def vectorised(f, sample):
    """Whether f takes a numpy array and gives back an array (the vectorised converters)."""
    try:
        out = f(sample)
    except Exception:  # noqa: BLE001 - a scalar-only function rejects the array
        return False
    return hasattr(out, "__len__") and len(out) == len(sample) and not isinstance(out, str)


def first_vectorised(mp, names, sample):
    """The first of the named module functions that takes a numpy array, or (None, None)."""
    for name in names:
        f = getattr(mp, name, None)
        if f is not None and vectorised(f, sample):
            return name, f
    return None, None


def measure_miyagiplan(run, mp, kanji, abbrev, fiscal, dates, days):
    import numpy as np

    impl_v = "miyagiplan Python, vectorised"
    impl_s = "miyagiplan Python, scalar calls"
    lang = f"Python {sys.version.split()[0]} + miyagiplan {getattr(mp, '__version__', '?')}"
    epoch = np.datetime64("1970-01-01", "D")

    def day_numbers(a):
        return (np.asarray(a).astype("datetime64[D]") - epoch).astype(np.int64)

    def array_day_answers(r):
        a = np.asarray(r)
        if a.dtype.kind == "M":
            return ["E" if np.isnat(x) else str(int(n)) for x, n in zip(a, day_numbers(a))]
        return ["E" if d is None else str(serial(d)) for d in a]

    found = []
    # Texts → days: miyagiplan.to_western over an array (as the vectorised converters were
    # announced), or to_western_array.
    name, western = first_vectorised(mp, ["to_western", "to_western_array"], np.array(kanji[:3], dtype=object))
    for op, items in (("parse_kanji", kanji), ("parse_abbrev", abbrev)):
        if western:
            arr = np.array(items, dtype=object)
            run.measure(op, impl_v, f"{name}(numpy array)", len(items), lambda k, arr=arr: western(arr[:k]),
                        array_day_answers, lang)
        one = guarded(mp.to_western)
        run.measure(op, impl_s, "to_western per item", len(items), lambda k, items=items: [one(t) for t in items[:k]],
                    day_answers, lang)
    if western:
        found.append(name)

    # Fiscal expressions → spans: parse_dates over an array gives (first, last).
    name, spans = first_vectorised(mp, ["parse_dates"], np.array(fiscal[:3], dtype=object))
    if spans is not None:
        arr = np.array(fiscal, dtype=object)

        def span_array_answers(r):
            first, last = (day_numbers(x) for x in r)
            return [f"{a} {b}" for a, b in zip(first, last)]
        run.measure("parse_fiscal", impl_v, f"{name}(numpy array)", len(fiscal), lambda k: spans(arr[:k]),
                    span_array_answers, lang)
        found.append(name)
    parse_one = guarded(mp.parse_date)
    run.measure("parse_fiscal", impl_s, "parse_date per item", len(fiscal),
                lambda k: [parse_one(t) for t in fiscal[:k]],
                lambda r: ["E" if e is None else f"{serial(e.first)} {serial(e.last)}" for e in r], lang)

    # Days → texts: to_wareki over a datetime64 array, or to_wareki_array.
    day_array = np.array(days, dtype="datetime64[D]")
    name, wareki = first_vectorised(mp, ["to_wareki", "to_wareki_array"], day_array[:3])
    for op, style in (("format_kanji", "kanji"), ("format_abbrev", "abbrev")):
        if wareki:
            run.measure(op, impl_v, f"{name}(numpy datetime64 array)", len(days),
                        lambda k, style=style: wareki(day_array[:k], style=style),
                        lambda r: ["E" if x is None else str(x) for x in r], lang)
        run.measure(op, impl_s, "to_wareki per item", len(dates),
                    lambda k, style=style: [mp.to_wareki(d, style=style) for d in dates[:k]], lambda r: r, lang)
    if wareki:
        found.append(name)
    if not found:
        print(json.dumps({"skipped": impl_v,
                          "why": "the module has no vectorised converters yet (to_western / to_western_array, "
                                 "parse_dates, to_wareki / to_wareki_array over a numpy array)"}), flush=True)


if __name__ == "__main__":
    main()
