#!/usr/bin/python3
"""Reads the workbook tests/office/write_sample.cpp writes with openpyxl, a reader independent of
ours, and checks what an office would see: a frozen header row, an autofilter, numbers stored as
numbers, dates as dates, booleans, text (and "0123" kept as text), bold headers, column widths.

    /usr/bin/python3 tests/office/check_with_openpyxl.py <file.xlsx>
"""
import datetime
import sys

import openpyxl


def main(path):
    wb = openpyxl.load_workbook(path)
    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append("%s: %r, expected %r" % (what, got, want))

    expect("sheets", wb.sheetnames, ["実績"])
    ws = wb["実績"]
    expect("frozen panes", ws.freeze_panes, "A2")
    expect("autofilter", ws.auto_filter.ref, "A1:D4")
    for cell, text in zip(ws[1], ["指標", "値", "日付", "達成"]):
        expect(cell.coordinate, cell.value, text)
        expect(cell.coordinate + " bold", bool(cell.font and cell.font.b), True)
    expect("A2", ws["A2"].value, "宮城県の待機児童数")
    expect("A3", ws["A3"].value, "ﾊﾝｶｸ～")
    expect("A4 (text, not a number)", (ws["A4"].data_type, ws["A4"].value), ("s", "0123"))
    expect("B2 (a number)", (ws["B2"].data_type, ws["B2"].value), ("n", 340))
    expect("B3 (a number)", (ws["B3"].data_type, ws["B3"].value), ("n", 12.5))
    expect("B4 (blank)", ws["B4"].value, None)
    expect("B4 not bold", bool(ws["B4"].font and ws["B4"].font.b), False)
    for coordinate, day in (("C2", datetime.datetime(2024, 4, 1)),
                            ("C3", datetime.datetime(1900, 2, 28)),
                            ("C4", datetime.datetime(1900, 3, 1))):
        expect(coordinate + " is a date", ws[coordinate].is_date, True)
        expect(coordinate, ws[coordinate].value, day)
        expect(coordinate + " format", ws[coordinate].number_format, "yyyy-mm-dd")
    expect("D2", (ws["D2"].data_type, ws["D2"].value), ("b", True))
    expect("D3", (ws["D3"].data_type, ws["D3"].value), ("b", False))
    # libxlsxwriter stores a width with the padding Excel adds (30 → 30.71).
    expect("width of A about 30", abs((ws.column_dimensions["A"].width or 0) - 30) < 1, True)
    if problems:
        print("openpyxl disagrees with what we wrote:\n  " + "\n  ".join(problems))
        return 1
    print("openpyxl reads %s as written" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
