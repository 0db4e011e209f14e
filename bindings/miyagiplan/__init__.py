"""miyagiplan: Japanese prefectural plans, their indicators and attainment, with 和暦 and 年度.

The calendar reads and writes the dates plans are written in::

    >>> import datetime, miyagiplan
    >>> miyagiplan.parse_date("平成23～25年度").last
    datetime.date(2014, 3, 31)
    >>> miyagiplan.to_wareki(datetime.date(2010, 12, 31))
    '平成22年12月31日'
    >>> miyagiplan.FiscalYear(2019).label(rule="first_day")
    '平成31年度'

Plans, their indicators and attainment::

    >>> plan = miyagiplan.miyagi_it_plan_2013()
    >>> plan.indicator("4-4-1").baseline.display
    '2,223百万円'
    >>> miyagiplan.evaluate(plan.indicator("1-1-1"), 3656, as_of="平成24年度末").grade
    'B'
    >>> actuals = miyagiplan.Observations([plan.observation("1-1-1", "平成25年度末", 4150)])
    >>> plan.evaluate(actuals, as_of="平成25年度末").find("1-1-1").grade
    'A'

Observations.from_csv reads actuals from a file (examples/illustrative-actuals.csv).

What a plan hands out (plan.areas, plan.indicator(...), indicator.baseline) is a part of the
plan: it keeps the plan alive and edits through it change the plan; copy() gives a value of
its own.

Every error is a miyagiplan.Error, and also the builtin it is a case of (ValueError, OSError,
KeyError).
"""

import collections.abc as _abc
from datetime import date as _date
import inspect as _inspect


from ._core import *  # noqa: F401,F403
from ._core import __version__
from ._core import (
    # errors
    Error,
    FileError,
    NotFoundError,
    ParseError,
    RangeError,
    SchemaError,
    ValidationError,
    # calendar
    ERAS,
    DateExpression,
    DateKind,
    DateStyle,
    Era,
    EraDate,
    EraInfo,
    EraRule,
    FiscalLabel,
    FiscalYear,
    DateMatch,
    add_era,
    add_tentative_era,
    era_of,
    find_dates,
    parse_date,
    # model
    Accumulation,
    Area,
    AreaList,
    Bounds,
    DatedValue,
    Direction,
    FileFormat,
    Goal,
    GoalList,
    Indicator,
    IndicatorList,
    IndicatorRole,
    Initiative,
    InitiativeItem,
    InitiativeItemList,
    InitiativeList,
    Measure,
    MeasureList,
    Milestone,
    MilestoneList,
    Plan,
    PolicyPart,
    PolicyPartList,
    Problem,
    Promotion,
    Quantity,
    Revision,
    RevisionList,
    Section,
    SectionList,
    Strategy,
    StrategyList,
    StringList,
    Unit,
    ValueState,
    format_quantity,
    miyagi_it_plan_2013,
    parse_quantity,
    write_plan_template,
    # evaluation
    Assessment,
    Formula,
    GradeBand,
    GradeBandList,
    GradeChange,
    GradeMovement,
    IndicatorAssessment,
    Observation,
    Observations,
    ObservationStatus,
    ProgressStatus,
    Projection,
    Report,
    Rollup,
    RollupBasis,
    RollupLevel,
    RollupLevelList,
    Scheme,
    YearsReport,
    evaluate,
)

__all__ = [
    "__version__",
    # errors
    "Error",
    "FileError",
    "NotFoundError",
    "ParseError",
    "RangeError",
    "SchemaError",
    "ValidationError",
    # calendar
    "ERAS",
    "DateExpression",
    "DateKind",
    "DateMatch",
    "DateStyle",
    "Era",
    "EraDate",
    "EraInfo",
    "EraRule",
    "FiscalLabel",
    "FiscalYear",
    "add_era",
    "add_tentative_era",
    "era_of",
    "find_dates",
    "fiscal_year",
    "parse_date",
    "parse_dates",
    "to_wareki",
    "to_western",
    # model
    "Accumulation",
    "Area",
    "AreaList",
    "Bounds",
    "DatedValue",
    "Direction",
    "FileFormat",
    "Goal",
    "GoalList",
    "Indicator",
    "IndicatorList",
    "IndicatorRole",
    "Initiative",
    "InitiativeItem",
    "InitiativeItemList",
    "InitiativeList",
    "Measure",
    "MeasureList",
    "Milestone",
    "MilestoneList",
    "Plan",
    "PolicyPart",
    "PolicyPartList",
    "Problem",
    "Promotion",
    "Quantity",
    "Revision",
    "RevisionList",
    "Section",
    "SectionList",
    "Strategy",
    "StrategyList",
    "StringList",
    "Unit",
    "ValueState",
    "format_quantity",
    "miyagi_it_plan_2013",
    "parse_quantity",
    "write_plan_template",
    # evaluation
    "Assessment",
    "Formula",
    "GradeBand",
    "GradeBandList",
    "GradeChange",
    "GradeMovement",
    "IndicatorAssessment",
    "Observation",
    "Observations",
    "ObservationStatus",
    "ProgressStatus",
    "Projection",
    "Report",
    "Rollup",
    "RollupBasis",
    "RollupLevel",
    "RollupLevelList",
    "Scheme",
    "YearsReport",
    "evaluate",
    "evaluate_frame",
]

# The live lists of the model behave as lists: isinstance(plan.areas, MutableSequence).
for _live_list in (AreaList, GoalList, IndicatorList, InitiativeItemList, InitiativeList,
                   MeasureList, MilestoneList, PolicyPartList, RevisionList, SectionList, StrategyList, StringList,
                   GradeBandList, RollupLevelList):
    _abc.MutableSequence.register(_live_list)
del _live_list


# --- One value or a whole column ---------------------------------------------------------------
# The calendar functions take one value, or a column (numpy array, list, pandas Series) that the
# C++ core converts in one loop without the GIL (see _vector.py).

from . import _core, _vector  # noqa: E402
from ._vector import parse_dates  # noqa: E402,F401


def to_western(text, strict=False, fiscal_start_month=4, errors="raise"):
    """A text naming one day → datetime.date; a column of them → datetime64[D] (or a Series).

    Reads 平成22年12月31日, H22.12.31, 平成21年度末, 2010-12-31 and every form parse_date reads.
    For a column, errors="raise" raises the ParseError of the first bad entry (its .index says
    which); errors="coerce" makes bad entries NaT, as pandas does.

    >>> import miyagiplan
    >>> miyagiplan.to_western("H22.12.31")
    datetime.date(2010, 12, 31)
    >>> miyagiplan.to_western(["平成22年12月31日", "x"], errors="coerce").astype(str).tolist()
    ['2010-12-31', 'NaT']
    """
    if isinstance(text, str) or not _vector.is_column(text):  # one value: straight to C++
        if not strict and fiscal_start_month == 4:
            return _core.to_western(text)
        return _core.to_western(text, strict=strict, fiscal_start_month=fiscal_start_month)
    return _vector.to_western_array(text, errors=errors, strict=strict, fiscal_start_month=fiscal_start_month)


def to_wareki(date, style="kanji", *, zero_pad=False, gannen=True, with_western=False, weekday=False,
              kanji_numerals=False, calendar="gregorian"):
    """A date → 平成22年12月31日 (style "kanji"), H22.12.31 ("abbrev"), 2010年12月31日 ("western"),
    2010-12-31 ("iso"), R05.03.31 ("jisx0301") or 皇紀2670年12月31日 ("koki"); a column of dates
    (datetime64, datetime.date, a Series) → texts, None for NaT.

    Options: ``zero_pad`` (令和05年03月31日, R05.03.31), ``gannen=False`` (令和1年 for 元年),
    ``with_western`` (令和5年（2023年）3月31日), ``weekday`` (令和5年3月31日（金）),
    ``kanji_numerals`` (令和五年三月三十一日) and ``calendar="lunisolar"``: a day before 1873 as the
    lunisolar calendar named it (明治5年12月2日 for 1872-12-31, 天保14年閏9月1日), in the kanji style.

    >>> import datetime, miyagiplan
    >>> miyagiplan.to_wareki(datetime.date(2019, 5, 1))
    '令和元年5月1日'
    >>> miyagiplan.to_wareki(datetime.date(2023, 3, 31), with_western=True, weekday=True)
    '令和5年（2023年）3月31日（金）'
    >>> miyagiplan.to_wareki(datetime.date(1872, 12, 31), calendar="lunisolar")
    '明治5年12月2日'
    """
    plain = not (zero_pad or with_western or weekday or kanji_numerals) and gannen and calendar == "gregorian"
    if type(date) is _date or not _vector.is_column(date):  # one value: straight to C++
        # (the default style goes without a keyword: pybind11 converts a style name slowly)
        if plain:
            return _core.to_wareki(date) if style == "kanji" else _core.to_wareki(date, style=style)
        return _core.to_wareki(date, style=style, zero_pad=zero_pad, gannen=gannen, with_western=with_western,
                               weekday=weekday, kanji_numerals=kanji_numerals, calendar=calendar)
    if calendar not in ("gregorian", "lunisolar"):
        _core.to_wareki(_date(2000, 1, 1), calendar=calendar)  # raises the ParseError C++ says
    return _vector.to_wareki_array(date, style=style, zero_pad=zero_pad, gannen=gannen, with_western=with_western,
                                   weekday=weekday, kanji_numerals=kanji_numerals,
                                   lunisolar=calendar == "lunisolar")


def fiscal_year(date, start_month=4):
    """A date → its FiscalYear; a column of dates → the fiscal years as integers (the Western
    year each starts in; float with NaN where a date is NaT).

    >>> import datetime, miyagiplan
    >>> miyagiplan.fiscal_year(datetime.date(2014, 3, 31)).label()
    '平成25年度'
    """
    if type(date) is _date or not _vector.is_column(date):  # one value: straight to C++
        return _core.fiscal_year(date, start_month=start_month)
    return _vector.fiscal_year_array(date, start_month=start_month)


def evaluate_frame(plan, frame, as_of=None, scheme="miyagi", indicator="indicator", date="date", value="value"):
    """Evaluates a whole plan from a DataFrame of observations (one row each: indicator id, date
    expression, value in the indicator's display unit) and returns the report as a DataFrame, one
    row per indicator. Column names are parameters.
    """
    observations = Observations([plan.observation(str(i), str(d), v)
                                 for i, d, v in zip(frame[indicator], frame[date], frame[value])])
    kwargs = {} if as_of is None else {"as_of": as_of}
    return plan.evaluate(observations, scheme=scheme, **kwargs).to_dataframe()


for _f in (to_western, to_wareki, fiscal_year, evaluate_frame):
    _f.__module__ = __name__
del _f

# One value, the common call in map and apply, takes a C API fast path (bind_scalar.cpp) with no
# Python frame in front; keywords, columns and errors go on to the functions above.
to_western = _core._scalar_fast("to_western", to_western, str(_inspect.signature(to_western)))
to_wareki = _core._scalar_fast("to_wareki", to_wareki, str(_inspect.signature(to_wareki)))
fiscal_year = _core._scalar_fast("fiscal_year", fiscal_year, str(_inspect.signature(fiscal_year)))
parse_date = _core._scalar_fast("parse_date", _core.parse_date)
