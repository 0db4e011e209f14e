"""What the Python and command-line tests share of the plan template as another program fills it
(openpyxl): imported by both suites, whose conftest.py puts this directory on sys.path."""


def fill(ws, rows):
    """Replaces the example rows of a template sheet with `rows` (dicts by field name)."""
    names = [c.value for c in ws[2]]
    if ws.max_row > 2:
        ws.delete_rows(3, ws.max_row - 2)
    for r in rows:
        ws.append([r.get(n) for n in names])
