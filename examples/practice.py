"""Evaluation as offices practise it: a yearly expected value (期待値), a revised target, an
exclusion with its reason, figures dated by their publication, and a three-year report.

    PYTHONPATH=<build>/python python3 examples/practice.py

The figures are ILLUSTRATIVE, not reported ones.
"""

import miyagiplan as mp

plan = mp.miyagi_it_plan_2013()

# 1-1-1: 2,280 件 (平成22年12月末) → 4,000 件 (平成25年度末). The office states a 期待値 for each
# year, and raises the target in June 2012 because registrations grew faster than planned.
ind = plan.indicator("1-1-1")
ind.milestones.append(ind.milestone("平成23年度末", 2500))
ind.milestones.append(ind.milestone("平成24年度末", 3000))
ind.revisions.append(ind.revision("平成24年6月1日", target=("平成25年度末", 4500),
                                  reason="登録の伸びが想定を上回ったため目標を引き上げ"))
plan.validate()

obs = mp.Observations(
    [
        # Each figure is known only once it is published (公表日).
        plan.observation("1-1-1", "平成23年度末", 2600, published="平成24年5月31日"),
        plan.observation("1-1-1", "平成24年度末", 3100, published="平成25年5月31日"),
        plan.observation("1-1-1", "平成25年度末", 4200, published="平成26年5月30日"),
        # 2-2-1 is taken out of the evaluation for FY2012: the survey was not held.
        plan.observation("2-2-1", "平成23年度末", 35),
        plan.observation("2-2-1", "平成24年度末", "－", status="除外", note="調査中止のため評価対象外"),
        plan.observation("2-2-1", "平成25年度末", 39),
    ],
    plan,
)

# A three-year report: as of the end of each fiscal year of the plan, and the year after, when
# the FY2013 figures are out.
for as_of in ("平成24年5月31日", "平成25年5月31日", "平成26年5月30日"):
    report = plan.evaluate(obs, as_of=as_of, scheme="ibaraki")
    print(f"as of {as_of} ({report.scheme_name})")
    for ident in ("1-1-1", "2-2-1"):
        a = report[ident]
        line = f"  {ident}  {a.grade:2}  {a.status}"
        if a.assessment.projected is not None:
            line += f"  projected {a.assessment.projected:,.0f} ({'reaches' if a.assessment.will_reach else 'short of'} the target)"
        print(line)
        print(f"         {a.explanation}")
    whole = report.overall
    print(f"  whole plan: {whole.rating}, {whole.evaluable} of {whole.total} indicators evaluable")

# Every fiscal year at once: as of each 年度末, how each grade moved and the counts year by year.
years = plan.evaluate_years(obs, scheme="ibaraki")
print()
print(years.to_text(lang="en", width=100).split("Year over year", 1)[1].strip())
