"""The published tree as make site assembles it, on the real editions: complete in every edition and
language, every recommendation ID resolves, and every link the site adds leads somewhere."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from releases import releases

PROJECT = Path(__file__).resolve().parent.parent


def test_every_edition_is_complete_in_each_of_its_languages(assembled_site):
    expected = {(lang, release.name) for release in releases() for lang in release.languages}
    current = next(release for release in releases() if release.current)
    expected |= {(lang, folder) for lang in current.languages for folder in ("latest", "dev")}
    assert ("nb", "2026.1") in expected and ("en", "2026.2") in expected and ("da", "dev") in expected
    found = {
        (path.parent.name, path.name)
        for path in assembled_site.glob("*/*")
        if path.is_dir() and "r" not in (path.name, path.parent.name) and path.parent.name != "_smh"
    }
    assert found == expected
    nb_pages = {
        p.relative_to(assembled_site / "nb" / "latest")
        for p in (assembled_site / "nb" / "latest").rglob("*.html")
    }
    for lang, folder in expected:
        root = assembled_site / lang / folder
        assert len(sorted((root / "pdf").glob("smertehandboka-*.pdf"))) == 3, (lang, folder)
        assert (root / "downloads.html").is_file() and (root / "index.html").is_file()
        if folder in ("latest", current.name):
            pages = {p.relative_to(root) for p in root.rglob("*.html")}
            assert pages == nb_pages, (lang, folder)
    for name in ("index.html", "404.html", "robots.txt", "sitemap.xml"):
        assert (assembled_site / name).is_file()


def test_every_recommendation_id_resolves_in_every_language(assembled_site):
    registry = tomllib.loads((PROJECT / "references" / "recommendation-ids.toml").read_text(encoding="utf-8"))
    active = [rec_id for rec_id, status in registry["ids"].items() if status == "active"]
    assert "SAM-01" in active and len(active) > 100
    for prefix in ("", "nb/", "en/", "da/"):
        for rec_id in active:
            page = assembled_site / prefix / "r" / rec_id / "index.html"
            target = re.search(r'url=([^"]+)"', page.read_text(encoding="utf-8"))[1]
            path, anchor = (page.parent / target).resolve().as_posix().split("#")
            assert "/latest/" in path and anchor == f"rec-{rec_id.lower()}"
            assert f'id="{anchor}"' in Path(path).read_text(encoding="utf-8"), (prefix, rec_id)


def test_every_link_the_site_adds_leads_to_a_page(assembled_site):
    """The switchers, banners, alternates and the sitemap, on every page of every edition."""
    base = "https://example.org/smh/"
    checked = 0
    for page in assembled_site.glob("*/*/**/*.html"):
        parts = page.relative_to(assembled_site).parts
        if "r" in parts[:2] or any(part.startswith("_") for part in parts):
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in html.select(".smh-site-menus a, .smh-edition-banner a")]
        assert links, page
        for href in links:
            assert (page.parent / href.split("#")[0]).resolve().is_file(), (page, href)
            checked += 1
        # The alternates are absolute, as search engines want them.
        for link in html.select('link[rel="alternate"][hreflang]'):
            assert link["href"].startswith(base), (page, link["href"])
            assert (assembled_site / link["href"].removeprefix(base)).is_file(), (page, link["href"])
            checked += 1
    assert checked > 1000
    for loc in ET.parse(assembled_site / "sitemap.xml").iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    ):
        assert (assembled_site / loc.text.removeprefix(base)).is_file(), loc.text


def test_each_handbook_names_its_edition(assembled_site):
    from pypdf import PdfReader

    for lang, folder, edition in (
        ("nb", "2026.1", "2026.1"),
        ("da", "2026.2", "2026.2"),
        ("en", "dev", "dev"),
    ):
        pdf = next((assembled_site / lang / folder / "pdf").glob("smertehandboka-veileder-*.pdf"))
        first_page = PdfReader(pdf).pages[0].extract_text()
        assert re.search(rf"(Utgivelse|Udgave|Release)\s+{re.escape(edition)}\b", first_page), (
            pdf,
            first_page[:300],
        )


def _site_address(site: Path) -> str:
    """The address the site was assembled for (robots.txt names its sitemap there)."""
    line = next(
        line
        for line in (site / "robots.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("Sitemap:")
    )
    return line.removeprefix("Sitemap:").strip().removesuffix("sitemap.xml")


def _editions(site: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(lang, folder) -> (the edition it cites, its ISO date), for every edition folder."""
    from assemble_site import built_date

    current = next(release for release in releases() if release.current)
    found = {}
    for release in releases():
        for lang in release.languages:
            found[(lang, release.name)] = (release.name, release.date.isoformat())
    for lang in current.languages:
        found[(lang, "latest")] = (current.name, current.date.isoformat())
        found[(lang, "dev")] = ("dev", built_date(site / lang / "dev"))
    return found


def test_every_page_cites_its_edition_with_its_date_and_pinned_address(assembled_site):
    """On every content page of every language and edition, latest and dev included: the block and
    the meta tags name the edition (never latest) and its date, the address is the page's in that
    edition, the handbook's address is a file, and each recommendation has its own reference."""
    from assemble_site import translate, written_date

    base = _site_address(assembled_site)
    checked = recommendations = 0
    for (lang, folder), (edition, date) in _editions(assembled_site).items():
        root = assembled_site / lang / folder
        words = (
            translate(lang, "Working version (unpublished)")
            if edition == "dev"
            else translate(lang, "Edition {edition}").format(edition=edition)
        )
        for path in sorted(root.rglob("*.html")):
            page = path.relative_to(root).as_posix()
            if page.startswith("_"):
                continue
            html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            block = html.select_one("article.bd-article > section.smh-cite")
            if page in ("search.html", "genindex.html", "downloads.html"):
                assert block is None and not html.select('meta[name^="citation_"]'), path
                continue
            assert block is not None, path
            pinned = f"{base}{lang}/{edition}/{page}"
            text = block.select_one("p.smh-cite-text")
            assert f"{words}. Smertehåndboka, {written_date(lang, date)}." in text.get_text(), path
            assert text.a["href"] == text.a.get_text() == pinned, path
            tags = {tag["name"]: tag["content"] for tag in html.select("head meta[name]")}
            assert tags["prism.edition"] == edition, path
            assert tags["citation_publication_date"] == date.replace("-", "/"), path
            assert tags["citation_language"] == lang and tags["citation_public_url"] == pinned, path
            assert tags["citation_title"] and tags["citation_author"] and tags["citation_book_title"], path
            if page.split("/")[0] in ("guideline", "commentary", "education"):
                pdf = tags["citation_pdf_url"]
                assert pdf.startswith(f"{base}{lang}/{edition}/pdf/smertehandboka-"), path
                assert (
                    assembled_site / lang / folder / pdf.removeprefix(f"{base}{lang}/{edition}/")
                ).is_file()
            else:
                assert "citation_pdf_url" not in tags, path
            recs = [div["id"] for div in html.select("div.admonition.recommendation[id^=rec-]")]
            cited = block.select("details.smh-cite-recommendations li")
            assert [item["id"] for item in cited] == [f"cite-{rec}" for rec in recs], path
            for rec, item in zip(recs, cited, strict=True):
                assert item.a["href"] == f"{pinned}#{rec}", path
                assert html.select_one(f'#{rec} .admonition-title a.smh-cite-link[href="#cite-{rec}"]'), path
            recommendations += len(recs)
            checked += 1
    assert checked > 300 and recommendations > 500


def test_every_permalink_cites_its_recommendation_in_the_current_edition(assembled_site):
    base = _site_address(assembled_site)
    current = next(release for release in releases() if release.current)
    registry = tomllib.loads((PROJECT / "references" / "recommendation-ids.toml").read_text(encoding="utf-8"))
    active = [rec_id for rec_id, status in registry["ids"].items() if status == "active"]
    for prefix, lang in (("", "nb"), ("nb/", "nb"), ("en/", "en"), ("da/", "da")):
        for rec_id in active:
            path = assembled_site / prefix / "r" / rec_id / "index.html"
            html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            tags = {tag["name"]: tag["content"] for tag in html.select("head meta[name]")}
            pinned = tags["citation_public_url"]
            page, anchor = pinned.removeprefix(f"{base}{lang}/{current.name}/").split("#")
            assert anchor == f"rec-{rec_id.lower()}", path
            assert f'id="{anchor}"' in (assembled_site / lang / current.name / page).read_text(
                encoding="utf-8"
            )
            assert tags["prism.edition"] == current.name and tags["citation_language"] == lang
            assert rec_id in tags["citation_title"]
            block = html.select_one("body > section.smh-cite")
            assert block.select_one("p.smh-cite-text a")["href"] == pinned, path
            assert block.select("a")[-1]["href"] == f"{base}{prefix}r/{rec_id}/", path
