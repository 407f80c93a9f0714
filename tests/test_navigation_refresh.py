"""After a title changes, every page's menu shows the new title; an edit that leaves the
navigation alone writes only its own page (real incremental builds, at -j 1 and -j 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT / "tests" / "roots" / "test-navigation-refresh"


def build(path: Path, jobs: int) -> None:
    result = sphinx_build(path / "src", path / "out", path / "doctrees", jobs)
    assert result.returncode == 0, result.stderr


def menu(path: Path, page: str) -> list[str]:
    html = BeautifulSoup((path / "out" / page).read_text(encoding="utf-8"), "html.parser")
    return [a.get_text(strip=True) for a in html.select(".bd-sidebar-primary nav a, .bd-links a")]


@pytest.mark.parametrize("jobs", [1, 4])
def test_a_changed_title_reaches_every_page_menu(tmp_path, jobs):
    shutil.copytree(ROOT, tmp_path / "src")
    build(tmp_path, jobs)
    assert "Second page" in menu(tmp_path, "first.html")
    written = (tmp_path / "out" / "first.html").stat().st_mtime_ns

    second = tmp_path / "src" / "second.md"
    second.write_text(second.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    build(tmp_path, jobs)
    assert (tmp_path / "out" / "first.html").stat().st_mtime_ns == written  # navigation unchanged

    second.write_text("# Renamed page\n\nText.\n", encoding="utf-8")
    build(tmp_path, jobs)
    assert "Renamed page" in menu(tmp_path, "first.html")
    assert "Second page" not in menu(tmp_path, "first.html")
