"""Loads the bundled plan, lists the indicators of each area with baseline → target, and writes
the plan as JSON (to the file given, or plan.json).   python3 examples/plan_tour.py [out.json]"""

import sys

import miyagiplan as mp

plan = mp.miyagi_it_plan_2013()
print(f"{plan.title} ({plan.period.text})")
for area in plan.areas:
    print(f"\n重点分野 {area.number} {area.title}")
    for measure in area.measures:
        for i in measure.indicators:
            print(f"  {i.id} {i.name}\n      {i.baseline.date_text} {i.baseline.text} → "
                  f"{i.target.date_text} {i.target.text}  [{i.direction}, {i.accumulation}]")

out = sys.argv[1] if len(sys.argv) > 1 else "plan.json"
with open(out, "w", encoding="utf-8") as f:
    f.write(plan.to_json())
print(f"\nwrote {out}")
