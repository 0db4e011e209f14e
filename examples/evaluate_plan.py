"""Evaluates the bundled plan against an actuals file (by default the illustrative values of
examples/illustrative-actuals.csv) and prints each indicator's grade and the roll-ups.
    python3 examples/evaluate_plan.py [actuals.csv] [as-of, e.g. 平成25年度末] [scheme]"""

import sys
from pathlib import Path

import miyagiplan as mp

here = Path(__file__).resolve().parent
actuals = sys.argv[1] if len(sys.argv) > 1 else here / "illustrative-actuals.csv"
as_of = sys.argv[2] if len(sys.argv) > 2 else "平成25年度末"
scheme = sys.argv[3] if len(sys.argv) > 3 else "miyagi"

plan = mp.miyagi_it_plan_2013()
report = plan.evaluate(mp.Observations.from_csv(str(actuals), plan), as_of=as_of, scheme=scheme)
print(f"{plan.title}, as of {mp.to_wareki(report.as_of)} ({report.scheme_name})")
for a in report.indicators:
    print(f"  {a.indicator_id}  {a.assessment.grade}  {a.explanation}")
for group in (report.measures, report.areas, report.goals, [report.overall] if report.overall else []):
    for r in group:
        print(f"{r.kind} {r.id}  {r.rating}  ({r.evaluable} of {r.total} indicators evaluable)")
