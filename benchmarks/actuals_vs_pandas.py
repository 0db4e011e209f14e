#!/usr/bin/python3
"""`miyagiplan report --actuals big.csv` against pandas.read_csv merely reading the same file.

Writes an actuals CSV of the bundled plan (N rows, 10 million by default: indicator ids of the
plan, fiscal-year ends, values within each indicator's bounds, a source and a note), then times,
in the same run and alternately, the command line loading, evaluating and reporting on it, and
pandas.read_csv reading it (nothing more). Each is timed in CPU time (user + system) and wall
clock, and its peak memory is its maximum resident set (getrusage of the child).

    benchmarks/actuals_vs_pandas.py --cli build/miyagiplan [--rows 10000000] [--repeat 3]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(HERE, "..", "data", "plans", "miyagi-it-plan-2013.json")


def indicators(node):
    """Every indicator of the plan's JSON, with its bounds."""
    if isinstance(node, dict):
        if "unit" in node and "id" in node and "direction" in node:
            yield node
        for v in node.values():
            yield from indicators(v)
    elif isinstance(node, list):
        for v in node:
            yield from indicators(v)


def write_actuals(path, rows):
    plan = json.load(open(PLAN, encoding="utf-8"))
    inds = list({i["id"]: i for i in indicators(plan["areas"])}.values())
    lines = []
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("indicator,date,value,status,total,source,note\n")
        for k in range(rows):
            ind = inds[k % len(inds)]
            b = ind.get("bounds") or {"min": 0, "max": 100000}
            lo, hi = int(b["min"]), int(b["max"])
            value = lo + (k * 7919) % (hi - lo + 1)
            lines.append(f"{ind['id']},平成{20 + k % 11}年度末,{value},実績,,県統計課,\n")
            if len(lines) == 100000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "build", "miyagiplan"))
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--file", help="an existing actuals file to use (else one is written)")
    args = ap.parse_args()

    tmp = None
    path = args.file
    if not path:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, "big.csv")
        t = time.perf_counter()
        write_actuals(path, args.rows)
        print(f"wrote {args.rows:,} rows, {os.path.getsize(path) / 2**20:.0f} MiB in {time.perf_counter() - t:.1f} s")

    cli = [args.cli, "report", "--actuals", path, "--as-of", "2020-03-31"]
    pandas = [sys.executable, "-c", f"import pandas; pandas.read_csv({path!r})"]
    results = {"miyagiplan report": [], "pandas.read_csv": []}
    # Each child separately, so that ru_maxrss is its own: a fresh Python per measurement.
    for _ in range(args.repeat):
        for name, argv in (("miyagiplan report", cli), ("pandas.read_csv", pandas)):
            out = subprocess.run([sys.executable, "-c",
                                  "import resource, subprocess, sys, time\n"
                                  "t = time.perf_counter()\n"
                                  "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
                                  "s = time.perf_counter() - t\n"
                                  "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
                                  "print(s, u.ru_maxrss, u.ru_utime + u.ru_stime)\n"] + argv,
                                 check=True, capture_output=True, text=True).stdout.split()
            results[name].append((float(out[0]), int(out[1]) / 1024, float(out[2])))
    rows = args.rows if not args.file else sum(1 for _ in open(path, encoding="utf-8")) - 1
    # CPU time (user + system) is what a shared machine measures fairly; wall clock beside it.
    print(f"{'':20} {'CPU s':>8} {'rows/CPU s':>12} {'wall s':>8} {'peak MiB':>9}")
    best = {}
    for name, runs in results.items():
        cpu = min(r[2] for r in runs)
        wall = min(r[0] for r in runs)
        mem = max(r[1] for r in runs)
        best[name] = cpu
        print(f"{name:20} {cpu:8.2f} {rows / cpu:12,.0f} {wall:8.2f} {mem:9.0f}")
    print(f"miyagiplan report is {best['pandas.read_csv'] / best['miyagiplan report']:.1f}x pandas.read_csv in CPU time "
          "(goal 3x)")


if __name__ == "__main__":
    main()
