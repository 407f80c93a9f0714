"""An editor's content mistakes never crash a builder: each is a warning at FILE:LINE saying what to
do (tests/roots/test-content-mistakes holds one of each, for our directives and roles)."""

import re

import pytest
from sphinx.util.console import strip_escape_sequences

EXPECTED = [
    ("guideline/mistakes.md:9", "Directive 'recommendation': 1 argument(s) required, 0 supplied"),
    ("guideline/mistakes.md:23", "a table chart needs :table: with the name of the table"),
    ("guideline/mistakes.md:27", "table 'tabell' has no column 9: check :labels: and :values:"),
    ("guideline/mistakes.md:34", ":series: must give each curve as numbers separated by spaces"),
    ("guideline/mistakes.md:6", "undefined label: 'rec-org-99'"),
    (
        "guideline/mistakes.md:45",
        "the graph does not draw (syntax error in line 1 near '}'): fix its dot code",
    ),
    ("index.md:7", "a recommendation index outside a collection lists nothing: name one with :collection:"),
]


def check(warnings: str) -> None:
    lines = [line for line in strip_escape_sequences(warnings).splitlines() if line.strip()]
    for where, message in EXPECTED:
        assert any(f"{where}: " in line and message in line for line in lines), (where, message, warnings)
    for line in lines:  # every warning names its file and line
        assert re.match(r"\S+\.md:\d+: (WARNING|ERROR): ", line), line
    assert len(lines) == len(EXPECTED)


@pytest.mark.sphinx("html", testroot="content-mistakes", freshenv=True)
def test_html_reports_each_mistake_at_its_line(app, warning):
    app.build()  # a Python exception in any handler fails the test here
    check(warning.getvalue())


@pytest.mark.sphinx("latex", testroot="content-mistakes", freshenv=True)
def test_latex_reports_each_mistake_at_its_line(app, warning):
    app.build()
    check(warning.getvalue())
