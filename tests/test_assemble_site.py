"""scripts/assemble_site.py: every edition in each of its languages, latest and dev, with menus,
banners, canonical links, the root files and permalinks; never a half-made site.

The builds here are tiny stand-ins with the theme's markup where the menus go; the editions are
this repository's real ones (releases.toml), so the commits check out.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfWriter
from site_menus import strip

from assemble_site import main

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<title>{title}</title>
</head>
<body>
<div id="pst-skip-link" class="skip-link"><a href="#main-content">skip</a></div>
<header><div class="navbar-header-items__end">
</div></header>
<main id="main-content"><article class="bd-article"><h1>{title}</h1>{body}</article></main>
</body>
</html>
"""
BASE = "https://example.org/smh/"


def make_build(root, lang, pages, pdf=True):
    """One build: {page: (title, body)} as HTML (with a general index), and a PDF handbook."""
    html = root / "html" / lang
    for page, (title, body) in {**pages, "genindex.html": ("Register", "")}.items():
        (html / page).parent.mkdir(parents=True, exist_ok=True)
        (html / page).write_text(PAGE.format(lang=lang, title=title, body=body), encoding="utf-8")
    (html / "_static").mkdir(exist_ok=True)
    (html / "_static" / "style.css").write_text("p {}", encoding="utf-8")
    # What recommendation_data.py records of the build's recommendations.
    recs = [
        {
            "id": rec_id.upper(),
            "strength": "skal",
            "strength_word": "skal",
            "text": f"{rec_id.upper()} skal gjelde.",
            "html": f"<p>{rec_id.upper()} skal gjelde.</p>",
            "collection": "guideline",
            "collection_title": "Veileder",
            "chapter": title,
            "section": "",
            "page": page,
            "anchor": f"rec-{rec_id}",
            "section_anchor": "",
            "references": [],
        }
        for page, (title, body) in pages.items()
        for rec_id in re.findall(r'id="rec-([a-z]+-[0-9]+)"', body)
    ]
    (html / ".recommendations.json").write_text(
        json.dumps({"format": 1, "language": lang, "recommendations": recs}), encoding="utf-8"
    )
    if pdf:
        (root / "pdf" / lang).mkdir(parents=True, exist_ok=True)
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Title": f"Veileder ({lang})"})
        with (root / "pdf" / lang / f"smertehandboka-veileder-{lang}.pdf").open("wb") as handle:
            writer.write(handle)


@pytest.fixture
def builds(tmp_path):
    """2026.1 in nb only (with ORG-99, withdrawn later, and a page that 2026.2 drops); 2026.2 and
    dev in nb, en and da."""
    releases = tmp_path / "releases"
    make_build(
        releases / "2026.1",
        "nb",
        {
            "index.html": ("Smertehåndboka", ""),
            "guideline/summary.html": ("Sammendrag", '<div id="rec-sam-01">SAM-01</div>'),
            "guideline/old.html": ("Gammel side", '<div id="rec-org-99">ORG-99</div>'),
        },
    )
    for lang, title in (("nb", "Sammendrag"), ("en", "Summary"), ("da", "Sammendrag")):
        pages = {
            "index.html": ("Smertehåndboka", ""),
            "guideline/summary.html": (title, '<div id="rec-sam-01">SAM-01</div>'),
            "guideline/new.html": ("Ny", '<div id="rec-syk-08">SYK-08</div>'),
        }
        make_build(releases / "2026.2", lang, pages)
        make_build(tmp_path, lang, pages)
    return tmp_path


def assemble(build_dir, *extra):
    return main(["--build-dir", str(build_dir), "--base-url", BASE, *extra, "nb", "en", "da"])


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_edition_in_each_of_its_languages_with_latest_and_dev(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    for lang in ("nb", "en", "da"):
        for folder in ("2026.2", "latest", "dev"):
            assert (site / lang / folder / "guideline" / "summary.html").is_file(), (lang, folder)
            assert (site / lang / folder / "pdf" / f"smertehandboka-veileder-{lang}.pdf").is_file()
    assert (site / "nb" / "2026.1" / "guideline" / "old.html").is_file()
    assert not (site / "en" / "2026.1").exists()  # 2026.1 was published in Bokmål only
    for name in ("index.html", "404.html", "robots.txt", "sitemap.xml", "_smh/menus.css"):
        assert (site / name).is_file(), name


def test_the_edition_switcher_keeps_the_page_or_falls_back_to_the_start_page(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    page = soup(site / "nb" / "2026.1" / "guideline" / "summary.html")
    switcher = page.select_one("nav.smh-version-switcher")
    links = {a.get_text(" ", strip=True): a["href"] for a in switcher.select("li:not(.smh-menu-extra) a")}
    assert links == {
        "2026.2 (gjeldende)": "../../../nb/latest/guideline/summary.html",
        "dev (arbeidsversjon)": "../../../nb/dev/guideline/summary.html",
    }
    assert switcher.select_one('[aria-current="page"]').get_text() == "2026.1"
    old = soup(site / "nb" / "2026.1" / "guideline" / "old.html").select_one("nav.smh-version-switcher")
    assert old.select_one("a")["href"] == "../../../nb/latest/index.html"  # no such page in 2026.2
    english = soup(site / "en" / "latest" / "guideline" / "summary.html").select_one(
        "nav.smh-version-switcher"
    )
    assert "2026.1" not in english.get_text()  # only the editions published in English


def test_the_language_switcher_keeps_the_edition(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    languages = soup(site / "en" / "2026.2" / "guideline" / "summary.html").select_one(
        "nav.smh-site-languages"
    )
    links = {a["hreflang"]: a["href"] for a in languages.select("a")}
    assert links == {
        "nb": "../../../nb/2026.2/guideline/summary.html",
        "da": "../../../da/2026.2/guideline/summary.html",
    }
    old = soup(site / "nb" / "2026.1" / "guideline" / "summary.html").select_one("nav.smh-site-languages")
    assert {a["hreflang"]: a["href"] for a in old.select("a")}[
        "en"
    ] == "../../../en/latest/guideline/summary.html"


def test_banners_canonical_and_robots_say_which_edition_a_page_is(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    old = soup(site / "nb" / "2026.1" / "guideline" / "summary.html")
    banner = old.select_one(".smh-edition-banner")
    assert "2026.1" in banner.get_text() and "30. november 2026" in banner.get_text()
    assert "Norsk bokmål" in banner.get_text()  # published in Bokmål only
    assert banner.select_one("a")["href"] == "../../../nb/latest/guideline/summary.html"
    assert old.select_one('link[rel="canonical"]')["href"] == f"{BASE}nb/latest/guideline/summary.html"
    assert old.select_one('meta[name="robots"]')["content"] == "noindex"
    dev = soup(site / "da" / "dev" / "index.html").select_one(".smh-edition-banner--dev")
    assert dev is not None and dev.select_one("a")["href"] == "../../da/latest/index.html"
    latest = soup(site / "en" / "latest" / "guideline" / "summary.html")
    assert latest.select_one(".smh-edition-banner") is None
    assert latest.select_one('meta[name="robots"]') is None
    alternates = {link["hreflang"]: link["href"] for link in latest.select('link[rel="alternate"]')}
    assert alternates["da"] == "https://example.org/smh/da/latest/guideline/summary.html"
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /smh/nb/2026.1/\n" in robots and "Disallow: /smh/en/dev/\n" in robots
    assert "latest" not in robots and f"Sitemap: {BASE}sitemap.xml" in robots


def test_the_sitemap_lists_latest_in_every_language_with_alternates(builds):
    assert assemble(builds) == 0
    tree = ET.parse(builds / "site" / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [loc.text for loc in tree.findall("s:url/s:loc", ns)]
    assert (
        f"{BASE}da/latest/guideline/new.html" in locs and len(locs) == 3 * 7
    )  # 3 pages, general index, changes, downloads, data
    assert not [loc for loc in locs if "/dev/" in loc or "2026" in loc]
    first = tree.find("s:url", ns)
    assert {link.get("hreflang") for link in first.findall("x:link", ns)} == {"nb", "en", "da"}


def test_permalinks_lead_to_latest_and_a_withdrawn_id_says_when(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    page = (site / "r" / "SAM-01" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../nb/latest/guideline/summary.html#rec-sam-01"' in page
    english = (site / "en" / "r" / "SYK-08" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../../en/latest/guideline/new.html#rec-syk-08"' in english
    withdrawn = soup(site / "r" / "ORG-99" / "index.html")
    assert withdrawn.select_one('meta[http-equiv="refresh"]') is None
    assert "2026.2" in withdrawn.get_text() and "2. desember 2026" in withdrawn.get_text()
    assert withdrawn.select_one("a")["href"] == "../../nb/2026.1/guideline/old.html#rec-org-99"


def test_every_page_and_permalink_cites_its_edition(builds):
    """site_citation.py in the assembly: latest names its edition, dev its build date, a withdrawn
    recommendation's permalink the last edition that has it."""
    assert assemble(builds) == 0
    site = builds / "site"

    def cited(path):
        page = soup(path)
        tags = {
            tag["name"]: tag["content"] for tag in page.select("meta[name^=citation_], meta[name^=prism]")
        }
        return page.select_one(".smh-cite .smh-cite-text").get_text(" ", strip=True), tags

    text, tags = cited(site / "en" / "latest" / "guideline" / "summary.html")
    assert text == (
        "The Smertehåndboka editorial team. Summary. In: Smertehåndboka [Internet]. Edition 2026.2. "
        f"Smertehåndboka, 2 December 2026. {BASE}en/2026.2/guideline/summary.html"
    )
    assert tags["prism.edition"] == "2026.2" and tags["citation_publication_date"] == "2026/12/02"
    assert tags["citation_pdf_url"] == f"{BASE}en/2026.2/pdf/smertehandboka-veileder-en.pdf"
    text, tags = cited(site / "nb" / "2026.1" / "guideline" / "old.html")
    assert "Utgave 2026.1. Smertehåndboka, 30. november 2026." in text
    assert tags["citation_public_url"] == f"{BASE}nb/2026.1/guideline/old.html"
    text, tags = cited(site / "da" / "dev" / "index.html")
    assert "Arbejdsversion (upubliceret). Smertehåndboka," in text and tags["prism.edition"] == "dev"
    assert "citation_pdf_url" not in tags  # the front page is no collection's
    text, tags = cited(site / "r" / "ORG-99" / "index.html")
    assert text.startswith("Smertehåndboka-redaksjonen. Anbefaling ORG-99. I: Smertehåndboka [Internett]. ")
    assert tags["citation_public_url"] == f"{BASE}nb/2026.1/guideline/old.html#rec-org-99"
    text, tags = cited(site / "en" / "r" / "SAM-01" / "index.html")
    assert tags["citation_public_url"] == f"{BASE}en/2026.2/guideline/summary.html#rec-sam-01"
    assert soup(site / "en" / "r" / "SAM-01" / "index.html").select(".smh-cite a")[-1]["href"] == (
        f"{BASE}en/r/SAM-01/"
    )
    assert not soup(site / "nb" / "latest" / "downloads.html").select(".smh-cite")


def test_the_root_page_goes_to_latest_in_the_browsers_language_and_works_without_script(builds):
    assert assemble(builds) == 0
    root = (builds / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a href="en/latest/" lang="en" hreflang="en">English</a>' in root
    assert 'var site = ["nb", "en", "da"];' in root and 'window.location.replace("nb/latest/")' in root
    missing = soup(builds / "site" / "404.html")
    assert [a["href"] for a in missing.select("a")] == [
        "/smh/nb/latest/",
        "/smh/en/latest/",
        "/smh/da/latest/",
    ]


def test_injecting_twice_changes_nothing_and_strip_gives_back_the_build(builds):
    assert assemble(builds) == 0
    published = (builds / "site" / "nb" / "2026.1" / "guideline" / "summary.html").read_text(encoding="utf-8")
    built = (builds / "releases" / "2026.1" / "html" / "nb" / "guideline" / "summary.html").read_text(
        encoding="utf-8"
    )
    assert published != built and strip(published) == built
    assert assemble(builds) == 0
    assert (builds / "site" / "nb" / "2026.1" / "guideline" / "summary.html").read_text(
        encoding="utf-8"
    ) == published
    assert len(re.findall("smh-version-switcher", published)) == 1


def test_an_incomplete_build_leaves_the_published_site_alone(builds, capsys):
    assert assemble(builds) == 0
    before = (builds / "site" / "nb" / "dev" / "index.html").read_text(encoding="utf-8")
    for pdf in (builds / "pdf" / "da").glob("*.pdf"):
        pdf.unlink()
    assert assemble(builds) == 1
    assert "no PDF handbooks of da dev" in capsys.readouterr().err
    assert (builds / "site" / "nb" / "dev" / "index.html").read_text(encoding="utf-8") == before


def test_every_edition_has_its_downloads_and_every_release_its_changes(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    downloads = soup(site / "da" / "2026.2" / "downloads.html")
    row = downloads.select_one("table.smh-downloads tbody tr")
    assert row.th.a["href"] == "pdf/smertehandboka-veileder-da.pdf" and row.th.get_text() == "Veileder (da)"
    assert "2. december 2026" in row.get_text() and "MB" in row.get_text()
    assert downloads.title.get_text().startswith("Downloads")
    changes = soup(site / "nb" / "2026.2" / "changes.html")
    assert changes.h1.get_text() == "Hva er endret i utgave 2026.2"
    assert "SAM-12" in changes.select_one(".smh-changes-reworded").get_text()  # the real editions' sources
    assert (site / "nb" / "latest" / "changes.html").is_file()
    first = soup(site / "nb" / "2026.1" / "changes.html")
    assert "Dette er første utgave." in first.get_text()
    menu = soup(site / "en" / "2026.2" / "index.html").select_one("nav.smh-version-switcher")
    assert {a["href"] for a in menu.select(".smh-menu-extra a")} == {
        "../../en/2026.2/changes.html",
        "../../en/2026.2/downloads.html",
    }


def test_every_edition_has_its_recommendations_as_data_with_the_withdrawn_ones(builds):
    assert assemble(builds) == 0
    site = builds / "site"
    data = json.loads((site / "nb" / "2026.2" / "data" / "recommendations.json").read_text(encoding="utf-8"))
    assert data["release"] == {"name": "2026.2", "date": "2026-12-02", "status": "current"}
    recs = {rec["id"]: rec for rec in data["recommendations"]}
    assert (recs["ORG-99"]["status"], recs["ORG-99"]["withdrawn_in"]) == ("withdrawn", "2026.2")
    assert recs["ORG-99"]["url"] == f"{BASE}nb/2026.1/guideline/old.html#rec-org-99"
    assert (recs["SYK-08"]["first_release"], recs["SAM-01"]["first_release"]) == ("2026.2", "2026.1")
    english = json.loads((site / "en" / "2026.2" / "data" / "recommendations.json").read_text("utf-8"))
    assert {rec["id"] for rec in english["recommendations"]} == {"SAM-01", "SYK-08"}  # 2026.1 had no en
    for folder in ("nb/2026.1", "en/latest", "da/dev"):
        assert (site / folder / "data" / "recommendations.fhir.json").is_file()
        page = soup(site / folder / "data.html")
        assert {a["href"] for a in page.select("table a")} >= {
            "data/recommendations.json",
            "data/recommendations.fhir.json",
            "data/recommendations.schema.json",
        }
        assert soup(site / folder / "downloads.html").select_one('a[href="data.html"]')


def test_a_broken_record_of_the_recommendations_stops_the_site_at_its_line(builds, capsys):
    assert assemble(builds) == 0
    before = (builds / "site" / "nb" / "dev" / "index.html").read_text(encoding="utf-8")
    record = builds / "html" / "en" / ".recommendations.json"
    record.write_text('{"format": 1,\n "language": "en",\n "recommendations": [}\n', encoding="utf-8")
    assert assemble(builds) == 1
    err = capsys.readouterr().err
    assert f"{record}:3: not valid JSON" in err and "Traceback" not in err
    assert (builds / "site" / "nb" / "dev" / "index.html").read_text(encoding="utf-8") == before


def test_a_record_that_breaks_the_schema_stops_the_site(builds, capsys):
    record = builds / "html" / "da" / ".recommendations.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["recommendations"][0]["strength"] = "kan"
    record.write_text(json.dumps(data), encoding="utf-8")
    assert assemble(builds) == 1
    err = capsys.readouterr().err
    assert "da/dev/data/recommendations.json: does not match recommendations.schema.json" in err
    assert "'kan' is not one of ['skal', 'bør']" in err
    assert not (builds / "site").exists()


def test_a_page_without_a_description_gets_one_and_a_page_with_one_keeps_it():
    import site_menus

    page = (
        "<html><head><title>T</title></head><body><article><p>Kort.</p>"
        "<p>Her står <em>sidens</em> første avsnitt på fem ord eller flere.</p></article></body></html>"
    )
    assert site_menus.description(page) == "Her står sidens første avsnitt på fem ord eller flere."
    own = page.replace("<title>", '<meta content="Egen." name="description" /><title>')
    assert not site_menus.DESCRIPTION.search(page) and site_menus.DESCRIPTION.search(own)
    assert site_menus.description("<p>" + "ord " * 60 + "</p>").endswith("…")
