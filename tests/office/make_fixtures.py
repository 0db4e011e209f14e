#!/usr/bin/python3
"""Writes the .xlsx fixtures of tests/unit/unit-office.cpp with openpyxl, an implementation
independent of ours (Debian's python3-openpyxl; run with /usr/bin/python3):

    /usr/bin/python3 tests/office/make_fixtures.py [output directory]

openpyxl (3.0) writes text as inline strings, and no cached values for formulas, rich text,
phonetic runs or error cells. Excel writes text as shared strings: strings.xlsx has openpyxl's
inline strings moved into a shared string table, and cached.xlsx has its sheet and shared strings
written by hand (zipfile), as Excel would save them after calculating.
The files are small and committed; rerun this when a fixture changes.
"""
import datetime
import html
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

FIXED = datetime.datetime(2024, 4, 1, 9, 0, 0)


def new_workbook():
    wb = openpyxl.Workbook()
    wb.properties.creator = "miyagiplan tests"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def save(wb, path):
    wb.save(path)
    rewrite(path, lambda parts: None)  # fixed entry times: a rerun writes the same bytes


def rewrite(path, edit):
    """Rewrites the parts of a workbook: edit(parts) changes the dict name -> bytes in place."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        parts = {i.filename: z.read(i.filename) for i in infos}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        names = [i.filename for i in infos] + [n for n in parts if n not in {i.filename for i in infos}]
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])


def add_shared_strings(parts, sst):
    """Adds xl/sharedStrings.xml with its relationship and content type."""
    parts["xl/sharedStrings.xml"] = sst.encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                        "</Relationships>")
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if "sharedStrings" not in types:
        types = types.replace("</Types>",
                              '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                              'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                              "</Types>")
    parts["[Content_Types].xml"] = types.encode("utf-8")


def inline_to_shared(parts):
    """Moves every inline string of every sheet into one shared string table, as Excel has it."""
    table = []
    index = {}

    def shared(match):
        text = html.unescape(match.group(2))
        if text not in index:
            index[text] = len(table)
            table.append(text)
        return '%s t="s"><v>%d</v></c>' % (match.group(1), index[text])

    for name in list(parts):
        if name.startswith("xl/worksheets/sheet"):
            xml = parts[name].decode("utf-8")
            xml = re.sub(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="inlineStr"><is><t>(.*?)</t></is></c>',
                         shared, xml)
            parts[name] = xml.encode("utf-8")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
           'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(table), len(table)))
    for text in table:
        sst += "<si><t>%s</t></si>" % html.escape(text, quote=False)
    add_shared_strings(parts, sst + "</sst>")


def dates(path, epoch1904):
    wb = new_workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "日付"
    ws.append(["名前", "日付", "値"])
    rows = [
        ("年度初め", datetime.date(2024, 4, 1)),
        ("令和元年", datetime.date(2019, 5, 1)),
        ("閏日", datetime.date(2000, 2, 29)),
        ("1904年", datetime.date(1904, 1, 2)),
    ]
    if not epoch1904:
        rows += [("1900年元日", datetime.date(1900, 1, 1)), ("二月末", datetime.date(1900, 2, 28)),
                 ("三月一日", datetime.date(1900, 3, 1))]
    for name, day in rows:
        ws.append([name, day, 1.5])
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 3).number_format = "0.00"
    # A custom Japanese date format, and a time-only one.
    ws.append(["和式", datetime.date(2024, 4, 1), 0.5])
    ws.cell(ws.max_row, 2).number_format = 'yyyy"年"m"月"d"日"'
    ws.cell(ws.max_row, 3).number_format = "h:mm"
    save(wb, path)


def strings(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "実績"
    # Row 1 is left empty: the header is on row 2.
    ws.append([])
    ws["A2"] = "指標"
    ws["B2"] = "値"
    ws["C2"] = "達成"
    for c in ("A2", "B2", "C2"):
        ws[c].font = Font(bold=True)
    ws.append(["宮城県の待機児童数", 340, True])
    ws.append(["ﾊﾝｶｸｶﾅ～", "0123", False])       # a number stored as text
    ws.append(["全角数字", "１２３", None])
    ws.append(["結合", None, None])
    ws.merge_cells("A6:C6")
    ws.merge_cells("E2:F3")
    notes = wb.create_sheet("Notes")
    notes["A1"] = "宮城県"
    notes["B1"] = 3.25
    save(wb, path)
    rewrite(path, inline_to_shared)


CACHED_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><f>A2+B2</f><v>30</v></c></row>
<row r="3"><c r="A3" t="str"><f>"宮"&amp;"城"</f><v>宮城</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" t="b"><f>TRUE()</f><v>1</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>インライン</t></is></c><c r="B4"><f>SUM(A2:B2)</f></c><c r="D4" t="inlineStr"><is><r><t>リッチ</t></r><r><rPr><b/></rPr><t>テキスト</t></r></is></c></row>
<row r="7"><c r="A7" t="s"><v>2</v></c><c r="B7" t="s"><v>3</v></c><c r="C7"><v>  4.5E3 </v></c></row>
</sheetData></worksheet>"""

CACHED_STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>計算</t></si>
<si><t xml:space="preserve"> 結果 </t></si>
<si><r><t>仙台</t></r><r><rPr><b/></rPr><t>市</t></r><rPh sb="0" eb="2"><t>センダイ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>改行_x000D_あり</t></si>
</sst>"""


def cached(path):
    """A workbook as Excel saves it after calculating: formulas with cached values."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "計算"
    ws["A1"] = "計算"
    ws["B1"] = " 結果 "
    save(wb, path)

    def edit(parts):
        parts["xl/worksheets/sheet1.xml"] = CACHED_SHEET.encode("utf-8")
        add_shared_strings(parts, CACHED_STRINGS)

    rewrite(path, edit)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "fixtures")
    os.makedirs(out, exist_ok=True)
    dates(os.path.join(out, "dates1900.xlsx"), False)
    dates(os.path.join(out, "dates1904.xlsx"), True)
    strings(os.path.join(out, "strings.xlsx"))
    cached(os.path.join(out, "cached.xlsx"))


if __name__ == "__main__":
    main()
