"""The recommendation registry gives the same verdict at any -j, clean or incremental.

Each test runs the real command line (scripts/sphinx_build.py, strict as the Makefile runs it)
on a copy of tests/roots/test-recommendations, edits a page between builds and compares every
incremental verdict with a clean build of the same files. With -j 4 the pages are read by
separate processes, whose findings Sphinx merges back into one environment.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT / "tests" / "roots" / "test-recommendations"
DUPLICATE = "\n:::{recommendation} ORG-01\n:strength: skal\n\nEn annen side bruker samme ID.\n:::\n"


class Project:
    def __init__(self, path: Path, jobs: int) -> None:
        self.path = path
        self.jobs = jobs
        shutil.copytree(ROOT, path / "src")

    def page(self, name: str) -> Path:
        return self.path / "src" / "guideline" / name

    def build(self, clean: bool = False) -> tuple[int, str]:
        """Build into the kept output (incremental), or into a fresh one (clean)."""
        out = self.path / ("clean" if clean else "out")
        if clean:
            shutil.rmtree(out, ignore_errors=True)
        result = sphinx_build(self.path / "src", out, out / ".doctrees", self.jobs)
        assert "Traceback" not in result.stderr, result.stderr
        return result.returncode, result.stderr

    def index(self) -> list[str]:
        page = self.path / "out" / "guideline" / "recommendations.html"
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return [item.get_text(" ", strip=True) for item in html.select("ul.rec-index li")]


def same_verdict(project: Project) -> tuple[int, str]:
    """The incremental build's exit status and warnings, checked against a clean build's."""
    incremental = project.build()
    clean = project.build(clean=True)
    assert incremental[0] == clean[0], (incremental, clean)
    assert incremental[1].replace("/clean/", "/out/") == clean[1].replace("/clean/", "/out/")
    return incremental


@pytest.mark.parametrize("jobs", [1, 4])
def test_a_duplicate_and_its_revert_give_the_clean_verdict(tmp_path, jobs):
    project = Project(tmp_path, jobs)
    patients = project.page("patients.md")
    original = patients.read_text(encoding="utf-8")
    assert same_verdict(project) == (0, "")

    patients.write_text(original + DUPLICATE, encoding="utf-8")
    status, warnings = same_verdict(project)
    assert status == 1
    assert "guideline/patients.md:9: WARNING: recommendation ORG-01 is defined twice" in warnings
    assert "the other is at guideline/organisation.md:3" in warnings
    assert same_verdict(project)[0] == 1  # nothing changed: still wrong

    patients.write_text(original, encoding="utf-8")
    assert same_verdict(project) == (0, "")
    assert same_verdict(project) == (0, "")  # nothing changed: still right
    assert [item.split(" ")[0] for item in project.index()] == ["ORG-01", "ORG-02", "PAS-01"]


@pytest.mark.parametrize("jobs", [1, 4])
def test_a_removed_recommendation_must_be_withdrawn_and_comes_back_cleanly(tmp_path, jobs):
    project = Project(tmp_path, jobs)
    organisation = project.page("organisation.md")
    original = organisation.read_text(encoding="utf-8")
    assert project.build() == (0, "")

    organisation.write_text(original.split(":::{recommendation} ORG-02")[0], encoding="utf-8")
    status, warnings = same_verdict(project)
    assert status == 1
    assert (
        "registry.toml:8: WARNING: recommendation ORG-02 is registered as active but no page has it"
        in warnings
    )

    organisation.write_text(original, encoding="utf-8")
    assert same_verdict(project) == (0, "")


@pytest.mark.parametrize("jobs", [1, 4])
def test_the_index_follows_an_edit_on_another_page(tmp_path, jobs):
    project = Project(tmp_path, jobs)
    organisation = project.page("organisation.md")
    assert project.build() == (0, "")
    assert "Klinikken bør ha fysioterapeut." in project.index()[1]

    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("ha fysioterapeut", "ha egen fysioterapeut"), encoding="utf-8")
    assert project.build() == (0, "")
    assert "Klinikken bør ha egen fysioterapeut." in project.index()[1]  # the index page was written again
