"""What the Python and command-line tests share of the plan template as another program fills it
(openpyxl): imported by both suites, whose conftest.py puts this directory on sys.path."""


def fill(ws, rows):
    """Replaces the example rows of a template sheet with `rows` (dicts by field name)."""
    names = [c.value for c in ws[2]]
    if ws.max_row > 2:
        ws.delete_rows(3, ws.max_row - 2)
    for r in rows:
        ws.append([r.get(n) for n in names])


# The first indicator of the small plan both suites author: 1-1-1 of measure 1-1.
ONLINE_APPLICATIONS = {
    "_parent": "1-1", "id": "1-1-1", "name": "電子申請件数", "unit": "件", "direction": "increase",
    "accumulation": "level", "baseline.date": "令和5年度末", "baseline.value": 1000,
    "target.date": "令和8年度末", "target.value": "2,000件",
}


def fill_goal_area_measure(wb):
    """The small plan's structure: goal G1, area 1 and its measure 1-1."""
    fill(wb["基本目標"], [dict(id="G1", number=1, title="暮らしを便利に")])
    fill(wb["重点分野"], [dict(id="1", number=1, title="行政手続")])
    fill(wb["施策"], [dict(_parent="1", _position=1, id="1-1", number=1, title="電子申請")])
