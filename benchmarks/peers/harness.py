"""The peers harness: one workload, every peer on it, every answer checked, one table.

Run through benchmarks/peers/run, which builds what this needs first. By hand:

    /usr/bin/python3 benchmarks/peers/harness.py --build BUILD_DIR [--n 1000000] [--reps 5]

Steps:
  1. peer_miyagiplan generate writes the workload into --work (default BUILD_DIR/peers-work):
     N days uniform over 1873-01-01 … 2100-12-31, written 平成22年12月31日, H22.12.31 and ISO,
     and N fiscal expressions as the plan writes them (平成25年度, 平成23～25年度末 …).
  2. Each peer program reads it, times its own loops (process start and I/O excluded) and prints
     one JSON line per operation; it writes every answer of a checking pass to a file.
  3. Every answer is compared with the expected one: for a parse, the day the text was written
     from (or the fiscal span by fiscal-year arithmetic); for a format, miyagiplan's text; for a
     day → era conversion, the era table. miyagiplan's own answers are checked the same way.
     A disagreement is counted and shown with examples, never dropped.
  4. One table: operation, implementation, median ns/op over the repetitions, and the ratio to
     miyagiplan's core function for that operation (try_read_date, format_date_to, to_era_date).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

OPS = [
    # op, what it does, the file of expected answers, the miyagiplan reference implementation
    ("parse_kanji", "parse 平成22年12月31日 → day", "days.txt", "miyagiplan try_read_date"),
    ("parse_abbrev", "parse H22.12.31 → day", "days.txt", "miyagiplan try_read_date"),
    ("parse_fiscal", "parse 平成23～25年度末 … → span", "fiscal_expected.txt", "miyagiplan try_read_date"),
    ("parse_iso", "parse 2010-12-31 → day", "days.txt", "miyagiplan try_read_date"),
    ("format_kanji", "format day → 平成22年12月31日", "kanji.txt", "miyagiplan format_date_to"),
    ("format_abbrev", "format day → H22.12.31", "abbrev.txt", "miyagiplan format_date_to"),
    ("to_era", "day → era date", "to_era_expected.txt", "miyagiplan era_date_of(sys_days)"),
]
OP_INFO = {op: (what, expected, ref) for op, what, expected, ref in OPS}
# The inputs a peer read for an operation, to show with a disagreement.
OP_INPUT = {"parse_kanji": "kanji.txt", "parse_abbrev": "abbrev.txt", "parse_fiscal": "fiscal.txt",
            "parse_iso": "iso.txt", "format_kanji": "iso.txt", "format_abbrev": "iso.txt", "to_era": "iso.txt"}


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run_peer(name, command, work, common, env=None):
    """Runs one peer program; returns its JSON lines (results and skips)."""
    if command is None:
        return [{"skipped": name, "why": "not built or not installed (see the messages of benchmarks/peers/run)"}]
    full = command + ["--work", work] + common
    print(f"[peers] {name}: {' '.join(full)}", file=sys.stderr, flush=True)
    t0 = time.monotonic()
    proc = subprocess.run(full, stdout=subprocess.PIPE, text=True, env=env, check=False)
    out = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    if proc.returncode != 0:
        out.append({"skipped": name, "why": f"exited with status {proc.returncode}"})
    print(f"[peers] {name}: {len(out)} lines in {time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)
    return out


def check(work, result, expected_cache, input_cache):
    """Compares a result's answers with the expected ones: count, and a few examples."""
    if not result.get("answers"):
        return None
    op = result["op"]
    exp_file = OP_INFO[op][1]
    if exp_file not in expected_cache:
        expected_cache[exp_file] = read_lines(os.path.join(work, exp_file))
    expected = expected_cache[exp_file]
    got = read_lines(os.path.join(work, result["answers"]))
    in_file = OP_INPUT[op]
    if in_file not in input_cache:
        input_cache[in_file] = read_lines(os.path.join(work, in_file))
    inputs = input_cache[in_file]
    bad, gannen, examples, failed = 0, 0, [], 0
    for k, e in enumerate(expected):
        g = got[k] if k < len(got) else "<missing>"
        if g == e:
            continue
        bad += 1
        failed += g == "E"
        source = inputs[k] + " " + e
        if "元" in source or "元" in g:
            gannen += 1
        if len(examples) < 4:
            examples.append({"input": inputs[k], "expected": e, "got": g})
    return {"count": bad, "of": len(expected), "gannen": gannen, "failed": failed, "examples": examples}


def fmt_figure(x, one_decimal_below, suffix=""):
    """Fewer decimals as a figure grows: two below 10, one below `one_decimal_below`, then none."""
    if x < 10:
        return f"{x:.2f}{suffix}"
    if x < one_decimal_below:
        return f"{x:.1f}{suffix}"
    return f"{x:,.0f}{suffix}"


def fmt_ns(x):
    return fmt_figure(x, 1000)


def fmt_ratio(x):
    return fmt_figure(x, 100, "×")


def build_rows(results, checks):
    refs = {}
    for r in results:
        if r["impl"] == OP_INFO[r["op"]][2]:
            refs[r["op"]] = r["median"]
    rows = []
    for op, what, _, ref_impl in OPS:
        mine = [r for r in results if r["op"] == op]
        mine.sort(key=lambda r: (r["impl"] != ref_impl, r["median"]))
        for r in mine:
            c = checks.get((r["impl"], op))
            dis = "-" if c is None else (f"{c['count']:,}" if c["count"] else "0")
            ratio = r["median"] / refs[op] if op in refs and refs[op] > 0 else None
            rows.append({
                "operation": what, "op": op, "implementation": r["impl"], "language": r["lang"],
                "median": r["median"], "median_wall": r["median_wall"], "ratio": ratio, "n_timed": r["n_timed"], "reps": len(r["ns_per_op"]),
                "disagreements": dis, "note": r.get("note", ""),
            })
    return rows


def table_text(rows, markdown):
    head = ["operation", "implementation", "language", "median ns/op", "(wall clock)", "ratio to miyagiplan",
            "items × reps timed", "disagreements"]
    body = []
    for r in rows:
        body.append([r["operation"], r["implementation"], r["language"],
                     fmt_ns(r["median"]), fmt_ns(r["median_wall"]), "-" if r["ratio"] is None else fmt_ratio(r["ratio"]),
                     f"{r['n_timed']:,} × {r['reps']}", r["disagreements"]])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * 3 + ["---:"] * 5) + "|"]
        lines += ["| " + " | ".join(b) + " |" for b in body]
        return "\n".join(lines)

    def width(s):  # East Asian characters take two columns
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
    widths = [max(width(row[k]) for row in [head] + body) for k in range(len(head))]
    right = {3, 4, 5, 6, 7}

    def line(cells):
        out = []
        for k, c in enumerate(cells):
            pad = " " * (widths[k] - width(c))
            out.append(pad + c if k in right else c + pad)
        return "  ".join(out)
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep] + [line(b) for b in body])


def targets(results):
    med = {(r["op"], r["impl"]): r["median"] for r in results}

    def find(op, prefix):
        for (o, impl), m in med.items():
            if o == op and impl.startswith(prefix):
                return m
        return None
    out = []
    ref_parse = med.get(("parse_kanji", "miyagiplan try_read_date"))
    ref_format = med.get(("format_kanji", "miyagiplan format_date_to"))
    for label, peer, ref, goal in (
        ("parse 平成22年12月31日: ICU / miyagiplan ≥ 1,000×", find("parse_kanji", "ICU"), ref_parse, 1000),
        ("parse 平成22年12月31日: java.time / miyagiplan ≥ 40×", find("parse_kanji", "java.time"), ref_parse, 40),
        ("format 平成22年12月31日: java.time / miyagiplan ≥ 20×", find("format_kanji", "java.time"), ref_format, 20),
    ):
        if peer is None or not ref:
            out.append(f"  {label}: not measured")
            continue
        ratio = peer / ref
        out.append(f"  {label}: {ratio:,.1f}× — {'met' if ratio >= goal else 'NOT met'}")
    era = med.get(("to_era", "miyagiplan era_date_of(sys_days)"))
    civil = med.get(("to_era", "civil_from_days (bare arithmetic)"))
    if era and civil:
        ratio = era / civil
        out.append(f"  day → era: to_era_date / civil_from_days ≤ 2×: {ratio:.2f}× — "
                   f"{'met' if ratio <= 2 else 'NOT met'}")
    return out


def report(env_lines, rows, results, checks, skipped, markdown):
    """The environment, the one table, then notes, targets and every disagreement."""
    out = []
    for e in env_lines:
        out.append(e + ("  " if markdown else ""))
    out.append("")
    out.append(table_text(rows, markdown))
    notes = {}
    for r in rows:
        if r["note"]:
            notes.setdefault(r["implementation"], set()).add(r["note"])
    item = "- " if markdown else "  "
    if notes:
        out += ["", "Notes:"] + ([""] if markdown else [])
        for impl, ns in notes.items():
            out.append(f"{item}{impl}: {'; '.join(sorted(ns))}")
    out += ["", "Targets:"] + ([""] if markdown else [])
    out += [item + t.strip() for t in targets(results)]
    head = "Disagreements (answers that differ from the expected ones; 'E' = the implementation rejected the text):"
    out += ["", head] + ([""] if markdown else [])
    any_bad = False
    for (impl, op), c in checks.items():
        if not c["count"]:
            continue
        any_bad = True
        out.append(f"{item}{impl} / {op}: {c['count']:,} of {c['of']:,} ({100 * c['count'] / c['of']:.2f} %); "
                   f"{c['failed']:,} rejected; {c['gannen']:,} involve 元年")
        for ex in c["examples"]:
            if markdown:
                out.append(f"  - `{ex['input']}`: expected `{ex['expected']}`, got `{ex['got']}`")
            else:
                out.append(f"      {ex['input']}: expected {ex['expected']}, got {ex['got']}")
    if not any_bad:
        out.append(item + "none")
    for sk in skipped:
        out.append(f"{item}skipped: {sk['skipped']}: {sk['why']}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", required=True, help="the CMake build directory (peer_miyagiplan, peer_icu, python/)")
    ap.add_argument("--work", help="where the workload and answers go (default BUILD/peers-work)")
    ap.add_argument("--n", type=int, default=1_000_000, help="dates (and fiscal expressions) in the workload")
    ap.add_argument("--seed", type=int, default=20130401)
    ap.add_argument("--reps", type=int, default=5, help="timed repetitions per operation (median reported)")
    ap.add_argument("--budget", type=float, default=1.0,
                    help="seconds one repetition may take; slower operations time a prefix of the workload")
    ap.add_argument("--peers", default="miyagiplan,icu,java,node,python",
                    help="which peers to run (comma-separated)")
    ap.add_argument("--only", help="only these operations (comma-separated op names)")
    ap.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                    help="which time the table gives: the peer process's CPU time (default: robust on a "
                         "shared machine) or the wall clock; results.json keeps both")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    opt = ap.parse_args()

    build = os.path.abspath(opt.build)
    work = os.path.abspath(opt.work or os.path.join(build, "peers-work"))
    if os.path.isdir(os.path.join(work, "answers")):
        shutil.rmtree(os.path.join(work, "answers"))
    os.makedirs(os.path.join(work, "answers"), exist_ok=True)
    bench = os.path.join(build, "benchmarks")
    miyagiplan_exe = os.path.join(bench, "peer_miyagiplan")
    if not os.access(miyagiplan_exe, os.X_OK):
        sys.exit(f"harness: {miyagiplan_exe} is missing; build the target peer_miyagiplan first")

    load_before = load_average()
    t_start = time.monotonic()
    print(f"[peers] generating {opt.n:,} dates and {opt.n:,} fiscal expressions (seed {opt.seed})",
          file=sys.stderr, flush=True)
    subprocess.run([miyagiplan_exe, "generate", "--work", work, "--n", str(opt.n), "--seed", str(opt.seed)],
                   check=True)

    common = ["--reps", str(opt.reps), "--budget", str(opt.budget)] + (["--only", opt.only] if opt.only else [])
    icu_exe = os.path.join(bench, "peer_icu")
    java_dir = os.path.join(build, "peers", "java")
    node_dir = os.path.join(HERE, "node")
    py_env = dict(os.environ)
    if os.path.isdir(os.path.join(build, "python", "miyagiplan")):
        py_env["PYTHONPATH"] = os.path.join(build, "python") + os.pathsep + py_env.get("PYTHONPATH", "")
    node_env = dict(os.environ, TZ="UTC")
    peers = {
        "miyagiplan": ([miyagiplan_exe, "run"], None),
        "icu": ([icu_exe] if os.access(icu_exe, os.X_OK) else None, None),
        "java": (["java", "-cp", java_dir, "JavaTimePeer"]
                 if os.path.isfile(os.path.join(java_dir, "JavaTimePeer.class")) and shutil.which("java") else None,
                 None),
        "node": (["node", os.path.join(node_dir, "peer.mjs")]
                 if os.path.isdir(os.path.join(node_dir, "node_modules", "@smarthr", "wareki")) and shutil.which("node")
                 else None, node_env),
        "python": ([opt.python, os.path.join(HERE, "python", "peer_python.py")], py_env),
    }
    lines = []
    for name in opt.peers.split(","):
        command, env = peers[name]
        lines += run_peer(name, command, work, common, env)

    results = [x for x in lines if "op" in x]
    skipped = [x for x in lines if "skipped" in x]
    for r in results:
        r["median_wall"] = statistics.median(r["ns_per_op"])
        r["median_cpu"] = statistics.median(r["cpu_ns_per_op"]) if r.get("cpu_ns_per_op") else None
        r["median"] = r["median_cpu"] if opt.clock == "cpu" and r["median_cpu"] is not None else r["median_wall"]
    checks, expected_cache, input_cache = {}, {}, {}
    for r in results:
        c = check(work, r, expected_cache, input_cache)
        if c is not None:
            checks[(r["impl"], r["op"])] = c

    rows = build_rows(results, checks)
    load_after = load_average()
    elapsed = time.monotonic() - t_start
    env_lines = [
        f"CPU: {cpu_model()}, {os.cpu_count()} cores; load average (1, 5, 15 min) "
        f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} before, "
        f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after",
        f"workload: {opt.n:,} days uniform over 1873-01-01 … 2100-12-31 (seed {opt.seed}), as 平成22年12月31日, "
        f"H22.12.31 and ISO; {opt.n:,} fiscal expressions; {opt.reps} timed repetitions, median; "
        f"one repetition ≤ ~{opt.budget:g} s (slower operations time a prefix); "
        f"times are {'CPU time of each peer process' if opt.clock == 'cpu' else 'wall clock'}; "
        f"harness ran {elapsed:.0f} s",
    ]
    text = report(env_lines, rows, results, checks, skipped, markdown=False)
    print()
    print(text)
    with open(os.path.join(work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"environment": env_lines, "results": results, "skipped": skipped,
                   "checks": [{"impl": i, "op": o, **c} for (i, o), c in checks.items()]},
                  f, ensure_ascii=False, indent=1)
    md = report(env_lines, rows, results, checks, skipped, markdown=True)
    with open(os.path.join(work, "table.md"), "w", encoding="utf-8") as f:
        f.write(md)
    if opt.markdown:
        with open(opt.markdown, "w", encoding="utf-8") as f:
            f.write(md)
    print(f"\n(results: {os.path.join(work, 'results.json')}, {os.path.join(work, 'table.md')})")


if __name__ == "__main__":
    main()
