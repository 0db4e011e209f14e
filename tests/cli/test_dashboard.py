"""The HTML dashboard in a real browser: headless Chromium renders the report of the illustrative
actuals; the DOM it builds must hold every indicator row and chart, nothing may come from the
network, and a screenshot is kept in the build tree (MIYAGIPLAN_DASHBOARD_PNG) for people to look at.
"""

import html.parser
import os
import pathlib
import re
import subprocess
import tempfile

import pytest

from conftest import INDICATOR_IDS

CHROMIUM = pathlib.Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed "
                                "(apt-get install chromium)")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class _Dom(html.parser.HTMLParser):
    """Collects the elements the tests look for, and every reference to another resource."""

    def __init__(self):
        super().__init__()
        self.rows, self.charts, self.references, self.scripts = [], [], [], []
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "tr" and "indicator" in classes:
            self.rows.append(a.get("data-id"))
        if tag == "svg" and "chart" in classes:
            self.charts.append(a.get("data-id"))
        if tag == "script":
            self.scripts.append(a.get("src"))
        for name in ("src", "href", "xlink:href", "srcset", "poster", "data", "action"):
            if a.get(name):
                self.references.append((tag, name, a[name]))
        if a.get("style") and "url(" in a["style"]:
            self.references.append((tag, "style", a["style"]))


@pytest.fixture(scope="module")
def dashboard(run, actuals):
    out = pathlib.Path(os.environ.get("MIYAGIPLAN_DASHBOARD_HTML") or tempfile.mkdtemp() + "/dashboard.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    run("report", "--actuals", actuals, "--as-of", "平成25年度末", "--format", "html", "--output", out, check=0)
    return out


def _chromium(*args, profile):
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_the_file_references_nothing_outside_itself(dashboard):
    text = dashboard.read_text(encoding="utf-8")
    assert "http:" not in text and "https:" not in text
    assert not re.search(r"<script\b", text)
    assert not re.search(r"<link\b[^>]*href", text)
    assert not re.search(r"@import|url\(", text)
    dom = _Dom()
    dom.feed(text)
    assert dom.references == [] and dom.scripts == []


def test_chromium_renders_every_indicator(dashboard, tmp_path):
    r = _chromium("--dump-dom", dashboard.as_uri(), profile=tmp_path / "profile")
    assert r.returncode == 0, r.stderr[-2000:]
    dom = _Dom()
    dom.feed(r.stdout)
    assert dom.html_lang == "ja"
    assert dom.rows == INDICATOR_IDS
    assert dom.charts == INDICATOR_IDS
    assert dom.scripts == []
    external = [ref for ref in dom.references if re.match(r"[a-z][a-z0-9+.-]*:", ref[2]) or ref[2].startswith("//")]
    assert external == []
    # Grades are written out, not only coloured.
    assert re.search(r'data-grade="A"[^>]*>A</span>', r.stdout)
    assert re.search(r'data-grade="C"[^>]*>C</span>', r.stdout)


def test_screenshot(dashboard, tmp_path):
    png = pathlib.Path(os.environ.get("MIYAGIPLAN_DASHBOARD_PNG") or tmp_path / "dashboard.png")
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    r = _chromium(f"--screenshot={png}", "--window-size=1280,2400", dashboard.as_uri(), profile=tmp_path / "profile")
    assert r.returncode == 0, r.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2400)
    assert len(data) > 50_000  # a rendered page, not a blank one
