"""Reference lists are lists of list items: no deprecated doc-biblioentry role."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="accessible-citations")
def test_entries_are_list_items(app, warning):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not soup.select('[role="doc-biblioentry"]')
    lists = soup.select('[role="list"].citation-list')
    assert len(lists) == 1
    entries = lists[0].find_all(recursive=False)
    assert len(entries) == 2
    assert all(entry.get("role") == "listitem" and "citation" in entry["class"] for entry in entries)
    assert warning.getvalue() == ""
