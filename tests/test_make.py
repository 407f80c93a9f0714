"""The Makefile contract: bad data stops the build before anything is written; real builds of a
changed copy of the project."""

import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from project_copy import copy_project
from pypdf import PdfReader
from test_site import pdf_text, squeeze

PROJECT = Path(__file__).resolve().parent.parent


def make_site(project: Path) -> subprocess.CompletedProcess:
    """make site in a copy; the editions of releases.toml come from (and go to) the project's own
    cache, _build/releases, which they share with every other make site of the same commits."""
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "site",
            f"VENV={PROJECT / '.venv'}",
            "BUILDDIR=out",
            f"RELEASES_CACHE={PROJECT / '_build' / 'releases'}",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_a_broken_bib_file_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    broken = project / "references" / "broken.bib"
    broken.write_text("@article{wall1999broken,\n  title = {Unclosed\n", encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert "references/broken.bib:2: syntax error: premature end of file" in result.stdout + result.stderr
    assert not (project / "out").exists()  # stopped before anything was built or published


def test_a_wrong_csv_cell_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "source" / "clinics" / "clinics.csv"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("ahus,") and ",2014-09,24,," in lines[2]
    lines[2] = lines[2].replace(",2014-09,24,,", ",2014-09,24 uker,,")
    data.write_text("".join(lines), encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert "source/clinics/clinics.csv:3: waiting_weeks: '24 uker' is not a valid integer" in result.stdout
    assert not (project / "out").exists()


def test_help_lists_the_contract_targets():
    result = subprocess.run(["make", "help"], cwd=PROJECT, capture_output=True, text=True, check=True)
    for target in ("site", "html", "pdf", "validate", "test", "livehtml", "serve", "venv", "clean"):
        assert f"make {target} " in result.stdout


def test_an_education_recommendation_builds_and_a_removed_page_leaves_the_published_site(tmp_path):
    """The editor's case from issue 11: a recommendation on an education page, with the collection's
    own prefix and index, builds with the Makefile's strict rules and lands in the right index and
    the right handbook only. Then a page is removed: the next `make site` publishes no trace of it,
    although the build before it wrote it and the doctrees are reused."""
    project = copy_project(tmp_path / "project")
    page = project / "source" / "education" / "course" / "change-process.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n:::{recommendation} UND-01\n:strength: bør\n\nKursholderen bør sette av en prøveuke.\n:::\n",
        encoding="utf-8",
    )
    index = project / "source" / "education" / "index.md"
    original_index = index.read_text(encoding="utf-8")
    with_extra = original_index.replace("neuropathic/index\n```", "neuropathic/index\nextra\n```")
    assert with_extra != original_index
    index.write_text(with_extra + "\n## Anbefalinger\n\n```{recommendation-index}\n```\n", encoding="utf-8")
    extra = project / "source" / "education" / "extra.md"
    extra.write_text("(education-extra)=\n# Ekstraside\n\nEn side som snart blir borte.\n", encoding="utf-8")
    registry = project / "references" / "recommendation-ids.toml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("[ids]\n", '[ids]\nUND-01 = "active"\n').replace(
        "[prefixes]\n", '[prefixes]\nUND = "education"\n'
    )
    registry.write_text(text, encoding="utf-8")

    result = make_site(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "Traceback" not in result.stdout + result.stderr

    root_dir = project / "out" / "site"
    site = root_dir / "nb" / "dev"  # the working tree's build; the editions come from their commits
    listed = BeautifulSoup((site / "education" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in listed.select("ul.rec-index a")] == ["course/change-process.html#rec-und-01"]
    guideline = (site / "guideline" / "recommendations.html").read_text(encoding="utf-8")
    assert "UND-01" not in guideline and "ORG-01" in guideline
    education = squeeze(pdf_text(PdfReader(site / "pdf" / "smertehandboka-undervisning-nb.pdf")))
    assert squeeze("Kursholderen bør sette av en prøveuke.") in education
    assert squeeze("UND-01") in education
    assert "prøveuke" not in squeeze(pdf_text(PdfReader(site / "pdf" / "smertehandboka-veileder-nb.pdf")))
    # English is published beside Bokmål: its handbooks have English titles, language and metadata.
    english = PdfReader(root_dir / "en" / "dev" / "pdf" / "smertehandboka-veileder-en.pdf")
    assert english.metadata.title == "Interdisciplinary pain clinics"
    assert english.trailer["/Root"]["/Lang"] == "en-GB"
    tex = (project / "out" / "latex" / "en" / "smertehandboka-veileder-en.tex").read_text(encoding="utf-8")
    assert r"\setmainlanguage{english}" in tex  # English hyphenation
    assert "must" in pdf_text(english) and "Smerteklinikker" not in pdf_text(english)
    # So is Danish, with Danish titles, language, hyphenation and words.
    danish = PdfReader(root_dir / "da" / "dev" / "pdf" / "smertehandboka-veileder-da.pdf")
    assert danish.metadata.title == "Tværfaglige smerteklinikker"
    assert danish.trailer["/Root"]["/Lang"] == "da-DK"
    tex = (project / "out" / "latex" / "da" / "smertehandboka-veileder-da.tex").read_text(encoding="utf-8")
    assert r"\setmainlanguage{danish}" in tex  # Danish hyphenation
    words = re.findall(r"\w+", pdf_text(danish))
    assert "sygehus" in words and words.count("af") > 100 and words.count("av") < 10  # nb "av" in titles
    assert (root_dir / "da" / "dev" / "pdf" / "smertehandboka-undervisning-da.pdf").is_file()
    root = (root_dir / "index.html").read_text(encoding="utf-8")
    assert '<a href="en/latest/" lang="en" hreflang="en">English</a>' in root
    assert '<a href="da/latest/" lang="da" hreflang="da">Dansk</a>' in root
    assert (site / "education" / "extra.html").is_file()
    # Every page of the collection lists it in its menu; a page not read again keeps that menu.
    assert "extra.html" in (site / "education" / "course" / "about-pain.html").read_text(encoding="utf-8")

    extra.unlink()
    index.write_text(
        original_index + "\n## Anbefalinger\n\n```{recommendation-index}\n```\n", encoding="utf-8"
    )
    result = make_site(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert not (site / "education" / "extra.html").exists()
    for html in site.rglob("*.html"):
        assert "extra.html" not in html.read_text(encoding="utf-8"), html
    assert "Ekstraside" not in (site / "searchindex.js").read_text(encoding="utf-8")


def test_a_translation_with_a_wrong_number_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    catalogue = project / "translations" / "en" / "LC_MESSAGES" / "guideline" / "organisation-funding.po"
    text = catalogue.read_text(encoding="utf-8")
    assert "and 35,000 consultations" in text
    catalogue.write_text(
        text.replace("and 35,000 consultations", "and 36,000 consultations"), encoding="utf-8"
    )
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "and 35,000 consultations" in row)
    result = make_site(project)
    assert result.returncode != 0
    expected = f"translations/en/LC_MESSAGES/guideline/organisation-funding.po:{line - 1}: the number 35 000"
    assert expected in result.stdout
    assert not (project / "out").exists()  # stopped before anything was built or published
