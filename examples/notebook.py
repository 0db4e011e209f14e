# %% [markdown]
# # みやぎＩＴ推進プラン２０１３ in a notebook
# A notebook-style script (cells marked `# %%`, as Jupyter, VS Code and Spyder read them):
# load the bundled plan, convert a column of 和暦 dates, evaluate the illustrative actuals of
# examples/ (ILLUSTRATIVE VALUES, NOT REPORTED FIGURES) and draw a chart if matplotlib is there.
#
#     /usr/bin/python3 examples/notebook.py        (with the module on PYTHONPATH or installed)

# %%
from pathlib import Path

import pandas as pd

import miyagiplan as mp

HERE = Path(__file__).resolve().parent
plan = mp.miyagi_it_plan_2013()
print(plan)
measures = sum(len(area.measures) for area in plan.areas)
print(f"{len(plan.goals)} goals, {len(plan.areas)} areas, {measures} measures "
      f"({len(plan.measures()) - measures} sub-measures), {len(plan.indicators())} indicators")

# %% [markdown]
# ## The indicators as a table: baseline → target, with their dates read

# %%
rows = [{"id": i.id, "name": i.name, "unit": i.unit.symbol,
         "baseline": i.baseline.display, "baseline_date": i.baseline.period.last,
         "target": i.target.display, "target_date": i.target.period.last,
         "direction": str(i.direction), "accumulation": str(i.accumulation)}
        for i in plan.indicators()]
indicators = pd.DataFrame(rows).set_index("id")
print(indicators[["baseline", "baseline_date", "target", "target_date", "direction"]].head(8).to_string())

# %% [markdown]
# ## A column of 和暦 dates, converted at once (numpy / pandas, no Python loop)

# %%
reported = pd.Series(["平成23年度末", "H24.3.31", "平成２５年３月３１日", "令和元年5月1日", "平成25年13月1日"])
print(pd.DataFrame({"text": reported,
                    "day": mp.to_western(reported, errors="coerce"),
                    "fiscal_year": mp.fiscal_year(mp.to_western(reported, errors="coerce"))}).to_string())

# %% [markdown]
# ## Evaluate the plan as of the end of FY2013 (平成25年度末)

# %%
actuals = mp.Observations.from_csv(str(HERE / "illustrative-actuals.csv"), plan)
report = plan.evaluate(actuals, as_of="平成25年度末", scheme="miyagi")
frame = report.to_dataframe()
print(frame[["id", "baseline", "target", "actual", "rate", "grade", "status"]].to_string(index=False))
print()
print(report.rollups_dataframe().to_string(index=False))

# %% [markdown]
# ## Grades per area, and a chart (if matplotlib is installed)

# %%
frame["area"] = frame["id"].str.split("-").str[0]
print(pd.crosstab(frame["area"], frame["grade"]).to_string())
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is not installed: no chart")
else:
    fig, ax = plt.subplots(figsize=(8, 4))
    rates = frame.set_index("id")["rate"].astype(float) * 100
    ax.bar(rates.index, rates.values, color=["#2e7d32" if g == "A" else "#b26a00" if g == "B" else "#c62828"
                                             for g in frame["grade"]])
    ax.axhline(100, color="grey", linewidth=0.8)
    ax.axhline(80, color="grey", linewidth=0.8, linestyle="--")
    ax.set_ylabel("rate (%)")
    ax.set_title("Attainment as of FY2013 end (illustrative actuals)")
    ax.tick_params(axis="x", rotation=90)
    fig.tight_layout()
    out = Path.cwd() / "attainment.png"
    fig.savefig(out, dpi=100)
    print(f"chart: {out}")
