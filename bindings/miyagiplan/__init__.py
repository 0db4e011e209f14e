"""miyagiplan: Japanese prefectural plans, their indicators and attainment, with 和暦 and 年度.

The calendar reads and writes the dates plans are written in::

    >>> import datetime, miyagiplan
    >>> miyagiplan.parse_date("平成23～25年度").last
    datetime.date(2014, 3, 31)
    >>> miyagiplan.to_wareki(datetime.date(2010, 12, 31))
    '平成22年12月31日'
    >>> miyagiplan.FiscalYear(2019).label(rule="first_day")
    '平成31年度'

Every error is a miyagiplan.Error, and also the builtin it is a case of (ValueError, OSError).
"""

from ._core import *  # noqa: F401,F403
from ._core import __version__
from ._core import (
    # errors
    Error,
    FileError,
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
    era_of,
    fiscal_year,
    parse_date,
    to_wareki,
    to_western,
)

__all__ = [
    "__version__",
    # errors
    "Error",
    "FileError",
    "ParseError",
    "RangeError",
    "SchemaError",
    "ValidationError",
    # calendar
    "ERAS",
    "DateExpression",
    "DateKind",
    "DateStyle",
    "Era",
    "EraDate",
    "EraInfo",
    "EraRule",
    "FiscalLabel",
    "FiscalYear",
    "era_of",
    "fiscal_year",
    "parse_date",
    "to_wareki",
    "to_western",
]
