#!/usr/bin/python3
"""Writes the actuals fixtures of tests/unit/unit-sheets.cpp and tests/python/test_sheets.py from
examples/illustrative-actuals.csv: the same actuals as Japanese Excel keeps them, each written by
an implementation independent of ours (Python's cp932 codec, openpyxl):

    /usr/bin/python3 tests/office/make_actuals_fixtures.py [output directory]

  actuals-cp932.csv    the CSV in CP932 (Shift_JIS), as Excel saves "CSV" on Japanese Windows
  actuals-bom.csv      the CSV in UTF-8 with a byte order mark ("CSV UTF-8")
  actuals.xlsx         sheet 実績 with Japanese headers; 年度末 dates as date cells, other dates
                       as text; numbers as numbers, other values as text
  actuals-1904.xlsx    the same in the 1904 date system
The files are small and committed; rerun this when the example changes.
"""
import csv
import datetime
import io
import os
import re
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "examples", "illustrative-actuals.csv")
FIXED = datetime.datetime(2024, 4, 1, 9, 0, 0)
HEADERS = {"indicator": "指標ID", "date": "時点", "value": "実績値", "status": "区分",
           "total": "全体", "source": "出典", "note": "備考"}


def rows():
    with open(SOURCE, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.reader(io.StringIO("".join(lines))))


def cell_value(column, text):
    if column == "date":
        m = re.fullmatch(r"平成(\d+)年度末", text)
        if m:  # the last day of a fiscal year: 31 March of the next year
            return datetime.datetime(1988 + int(m.group(1)) + 1, 3, 31)
        return text
    if column in ("value", "total"):
        plain = text.replace(",", "")
        if re.fullmatch(r"-?\d+(\.\d+)?", plain):
            return float(plain) if "." in plain else int(plain)
    return text if text != "" else None


def workbook(path, epoch=None):
    table = rows()
    header = table[0]
    wb = openpyxl.Workbook()
    wb.properties.creator = "miyagiplan tests"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "実績"
    ws.append([HEADERS[h] for h in header])
    for r in table[1:]:
        ws.append([cell_value(h, v) for h, v in zip(header, r)])
        for cell, h in zip(ws[ws.max_row], header):
            if h == "date" and isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy/m/d"
    wb.save(path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "fixtures")
    with open(SOURCE, encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(out, "actuals-cp932.csv"), "wb") as f:
        f.write(text.replace("\n", "\r\n").encode("cp932"))
    with open(os.path.join(out, "actuals-bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    workbook(os.path.join(out, "actuals.xlsx"))
    workbook(os.path.join(out, "actuals-1904.xlsx"), CALENDAR_MAC_1904)


if __name__ == "__main__":
    main()
