"""Raw HTML, the raw directive and scripts are refused at FILE:LINE, apart from the allow-list."""

import re

import pytest
from project_copy import copy_project
from test_make import make_site


@pytest.mark.sphinx("html", testroot="raw-html")
def test_raw_markup_is_refused_at_its_line_and_never_written(app, warning):
    app.build()
    text = warning.getvalue()
    refused = re.findall(r"index\.md:(\d+): WARNING: raw (\w+) '([^']*)'", text)
    assert refused == [
        ("5", "html", "<script>alert(1)</script>"),
        ("7", "html", "<b>"),
        ("7", "html", "</b>"),
        ("9", "html", '<div class="x">raw directive</div>'),
    ]
    assert "a script in a page is never allowed" in text
    assert "[smh.raw_html]" in text
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in html and "<b>" not in html and "raw directive" not in html
    assert '<div class="allowed">Reviewed</div>' in html  # its sha256 is in raw_html_allowed


def test_a_script_in_a_page_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "source" / "guideline" / "background.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if n > 5 and line.strip() == "")
    lines[at:at] = ["\n", "<script>alert(1)</script>\n"]
    page.write_text("".join(lines), encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert f"source/guideline/background.md:{at + 2}: WARNING: raw html '<script>alert(1)</script>'" in (
        result.stdout + result.stderr
    )
    assert not (project / "out" / "site").exists()  # nothing published
