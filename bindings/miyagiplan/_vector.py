"""Column-at-a-time calendar functions: numpy arrays, lists and pandas Series of texts or days.

The loops run in C++ (miyagiplan._core._read_dates and friends) without the GIL; here are the
conversions at the edges and the pandas conventions: errors="raise" names the index of the
first bad entry, errors="coerce" turns it into NaT.
"""

import functools
import sys

from . import _core

_NOT_A_TIME = -(2**63)  # numpy's NaT as int64
_UNREADABLE = 255


# numpy is imported on first use: `import miyagiplan` works without it (one value at a time).
def _numpy():
    import numpy

    return numpy


@functools.lru_cache(maxsize=None)
def _day_kinds():
    """Whether each DateKind code (and 255, unreadable) names one day."""
    kinds = sorted(_core.DateKind.__members__.values(), key=int)
    return _numpy().array([kind.names_a_day for kind in kinds] + [False] * (256 - len(kinds)))


def _series_parts(values):
    """(a 1-D numpy array, a function that dresses a result like the input)."""
    numpy = _numpy()
    try:
        import pandas
    except ImportError:  # pandas is optional
        pandas = None
    if pandas is not None and isinstance(values, pandas.Series):
        array, dress = values.to_numpy(), lambda a: pandas.Series(a, index=values.index, name=values.name)
    elif pandas is not None and isinstance(values, pandas.Index):
        array, dress = values.to_numpy(), lambda a: pandas.Index(a, name=values.name)
    else:
        array, dress = numpy.asarray(values), lambda a: a
    if array.dtype.kind not in "OUM":  # texts stay texts, dates stay dates; the rest is checked one by one
        array = array.astype(object)
    return array.reshape(-1), dress

def _fail(array, index, strict, fiscal_start_month, names_a_day):
    """Raises the ParseError of entry `index`, naming it."""
    text = array[index]
    if not isinstance(text, str):
        raise TypeError(f"entry {index}: expected a str, not {type(text).__name__}")
    try:
        expression = _core.parse_date(text, strict=strict, fiscal_start_month=fiscal_start_month)
        if names_a_day and not expression.kind.names_a_day:
            _core.to_western(text, strict=strict, fiscal_start_month=fiscal_start_month)
    except _core.ParseError as e:
        e.index = index
        e.args = (f"entry {index}: {e.args[0] if e.args else e}",)
        raise
    raise AssertionError("unreachable: the C++ reader refused a text the scalar reader took")


def _read(values, errors, strict, fiscal_start_month, names_a_day):
    if errors not in ("raise", "coerce"):
        raise ValueError(f'errors must be "raise" or "coerce", not {errors!r}')
    array, dress = _series_parts(values)
    first, last, kind = _core._read_dates(array, strict, fiscal_start_month)
    bad = kind == _UNREADABLE
    if names_a_day:
        bad |= ~_day_kinds()[kind]
    if bad.any():
        if errors == "raise":
            _fail(array, int(_numpy().argmax(bad)), strict, fiscal_start_month, names_a_day)
        first[bad] = _NOT_A_TIME
        last[bad] = _NOT_A_TIME
    return first.view("datetime64[D]"), last.view("datetime64[D]"), dress


def to_western_array(values, errors="raise", strict=False, fiscal_start_month=4):
    """Texts that each name one day (平成22年12月31日, H22.12.31, 平成21年度末…) → datetime64[D]."""
    first, _, dress = _read(values, errors, strict, fiscal_start_month, names_a_day=True)
    return dress(first)


def parse_dates(values, errors="raise", strict=False, fiscal_start_month=4):
    """Date expressions → (first, last): two datetime64[D] arrays (or Series) of their spans.

    >>> from miyagiplan import parse_dates
    >>> first, last = parse_dates(["平成23～25年度", "H22.12.31"])
    >>> str(first[0]), str(last[0])
    ('2011-04-01', '2014-03-31')
    """
    first, last, dress = _read(values, errors, strict, fiscal_start_month, names_a_day=False)
    return dress(first), dress(last)


def _days(values):
    """int64 day counts of dates: datetime64 of any unit, datetime.date objects, or a Series."""
    numpy = _numpy()
    array, dress = _series_parts(values)
    if array.dtype.kind == "O":  # datetime.date objects (or None)
        array = numpy.array([numpy.datetime64("NaT") if v is None else numpy.datetime64(v, "D") for v in array],
                            dtype="datetime64[D]")
    if array.dtype.kind != "M":
        raise TypeError(f"expected dates (datetime64 or datetime.date), not dtype {array.dtype}")
    return array.astype("datetime64[D]").view(numpy.int64), dress


def to_wareki_array(values, style="kanji", **options):
    """Days → texts of a DateStyle (平成22年12月31日, H22.12.31…) with to_wareki's options; None for
    NaT."""
    days, dress = _days(values)
    if isinstance(style, str):
        style = _core.DateStyle.from_string(style)
    return dress(_core._format_days(days, style, **options))


def fiscal_year_array(values, start_month=4):
    """Days → fiscal years (the Western year each starts in); float with NaN where a day is NaT."""
    days, dress = _days(values)
    years = _core._fiscal_years(days, start_month)
    missing = years == _NOT_A_TIME
    if missing.any():
        years = years.astype(float)
        years[missing] = float("nan")
    return dress(years)


def is_column(value):
    """Whether a value is a column to convert at once: a list, tuple, numpy array or pandas
    Series/Index (anything else goes to the one-value functions, which check its type)."""
    if isinstance(value, (list, tuple)):
        return True
    numpy = sys.modules.get("numpy")  # a numpy array exists only if numpy is imported
    return (numpy is not None and isinstance(value, numpy.ndarray)) or (
        hasattr(value, "to_numpy") and hasattr(value, "index") or type(value).__name__ == "Index")
