"""scripts/site_citation.py on small pages: the reference in the page's language, the meta tags, one
reference per recommendation, the permalink pages, and an injection that strip() undoes."""

from __future__ import annotations

import html

import pytest
import site_citation
import site_menus
from bs4 import BeautifulSoup
from site_citation import Collection, Edition

from assemble_site import translate, written_date

BASE = "https://example.org/smh/"
PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} &#8212; Smertehåndboka</title>
</head>
<body>
<main><article class="bd-article">
<h1>{title}</h1>
{body}
</article>
<footer class="prev-next-footer">neste</footer></main>
</body>
</html>
"""
REC = """<div class="admonition recommendation strength-{strength}" id="rec-{rec}">
<p class="admonition-title"><a class="rec-permalink reference internal" href="#rec-{rec}">{id}</a> \
<em class="rec-strength rec-strength-{strength}">{strength}</em></p>
<p>{text}</p>
</div>"""
RECS = REC.format(strength="skal", rec="sam-01", id="SAM-01", text="Fastlegen skal ta hånd om de fleste.") + (
    "\n" + REC.format(strength="bør", rec="sam-02", id="SAM-02", text="De fleste bør utredes der.")
)
TITLES = {"nb": "Veileder: tverrfaglige smerteklinikker", "en": "Guideline: interdisciplinary pain clinics"}


def edition(lang="nb", name="2026.2", date="2026-12-02", dev=False, pdf=True):
    return Edition(
        lang=lang,
        name=name,
        date=date,
        url=f"{BASE}{lang}/{name}/",
        collections={
            "guideline": Collection(TITLES[lang], f"pdf/smertehandboka-veileder-{lang}.pdf" if pdf else None),
            "commentary": Collection("Kommentar", None),
        },
        translate=lambda word: translate(lang, word),
        format_date=lambda iso: written_date(lang, iso),
        dev=dev,
    )


def page(title="Sammendrag", body=RECS, lang="nb"):
    return PAGE.format(lang=lang, title=title, body=body)


def meta(soup):
    return {tag["name"]: tag["content"] for tag in soup.select("head meta[name]")}


def test_a_chapter_is_cited_as_part_of_its_collection_in_the_pages_language():
    nb = site_citation.reference(edition(), "guideline/summary.html", "Sammendrag")
    assert nb.text == (
        "Smertehåndboka-redaksjonen. Sammendrag. I: Smertehåndboka: Veileder: tverrfaglige "
        "smerteklinikker [Internett]. Utgave 2026.2. Smertehåndboka, 2. desember 2026."
    )
    assert nb.url == BASE + "nb/2026.2/guideline/summary.html"
    assert nb.pdf_url == BASE + "nb/2026.2/pdf/smertehandboka-veileder-nb.pdf"
    en = site_citation.reference(edition("en"), "guideline/summary.html", "Summary")
    assert en.text == (
        "The Smertehåndboka editorial team. Summary. In: Smertehåndboka: Guideline: interdisciplinary "
        "pain clinics [Internet]. Edition 2026.2. Smertehåndboka, 2 December 2026."
    )


def test_start_pages_are_the_book_itself_and_other_pages_part_of_smertehandboka():
    collection = site_citation.reference(edition(), "guideline/index.html", TITLES["nb"])
    assert collection.book is None
    assert collection.text.startswith(
        "Smertehåndboka-redaksjonen. Smertehåndboka: Veileder: tverrfaglige smerteklinikker [Internett]."
    )
    front = site_citation.reference(edition(), "index.html", "Smertehåndboka")
    assert front.book is None and front.pdf_url is None
    assert front.text.startswith("Smertehåndboka-redaksjonen. Smertehåndboka [Internett]. Utgave 2026.2.")
    glossary = site_citation.reference(edition(), "glossary.html", "Ordliste")
    assert "Ordliste. I: Smertehåndboka [Internett]." in glossary.text and glossary.pdf_url is None
    # A collection without its handbook in this edition: no PDF address.
    assert site_citation.reference(edition(), "commentary/x.html", "X").pdf_url is None


def test_a_title_that_ends_in_a_question_mark_gets_no_full_stop_after_it():
    ref = site_citation.reference(edition(), "commentary/what.html", "Hva er nociplastisk smerte?")
    assert "Hva er nociplastisk smerte? I: Smertehåndboka: Kommentar" in ref.text


def test_the_working_version_is_cited_as_unpublished_with_its_build_date():
    ref = site_citation.reference(
        edition(name="dev", date="2026-12-05", dev=True), "glossary.html", "Ordliste"
    )
    assert "Arbeidsversjon (upublisert). Smertehåndboka, 5. desember 2026." in ref.text
    assert ref.url == BASE + "nb/dev/glossary.html"


def test_inject_adds_meta_tags_the_block_and_a_reference_per_recommendation():
    text = site_citation.inject(page(), edition(), "guideline/summary.html")
    soup = BeautifulSoup(text, "html.parser")
    assert meta(soup) == {
        "citation_title": "Sammendrag",
        "citation_author": "Smertehåndboka-redaksjonen",
        "citation_publisher": "Smertehåndboka",
        "citation_publication_date": "2026/12/02",
        "citation_language": "nb",
        "citation_book_title": "Smertehåndboka: Veileder: tverrfaglige smerteklinikker",
        "citation_public_url": BASE + "nb/2026.2/guideline/summary.html",
        "citation_pdf_url": BASE + "nb/2026.2/pdf/smertehandboka-veileder-nb.pdf",
        "prism.edition": "2026.2",
    }
    block = soup.select_one("article.bd-article > section.smh-cite")
    assert block is soup.select_one("article.bd-article").find_all(recursive=False)[-1]  # at the end
    assert block.h2.get_text() == "Slik siterer du denne siden"
    cited = block.select_one("p.smh-cite-text")
    assert cited.a["href"] == cited.a.get_text() == BASE + "nb/2026.2/guideline/summary.html"
    items = block.select("details.smh-cite-recommendations li")
    assert [item["id"] for item in items] == ["cite-rec-sam-01", "cite-rec-sam-02"]
    assert (
        items[1]
        .get_text(" ", strip=True)
        .startswith("Smertehåndboka-redaksjonen. Anbefaling SAM-02. I: Smertehåndboka: Veileder")
    )
    assert items[1].a["href"] == BASE + "nb/2026.2/guideline/summary.html#rec-sam-02"
    links = soup.select("div.recommendation p.admonition-title a.smh-cite-link")
    assert [a["href"] for a in links] == ["#cite-rec-sam-01", "#cite-rec-sam-02"]
    assert links[0].get_text() == "slik siterer du"
    assert "style=" not in text and "<script" not in text


def test_inject_twice_is_inject_once_and_strip_gives_back_the_page():
    original = page()
    once = site_citation.inject(original, edition(), "guideline/summary.html")
    assert once != original
    assert site_citation.inject(once, edition(), "guideline/summary.html") == once
    assert site_menus.strip(once) == original
    assert site_citation.strip(once) == original
    # After the menus, as the assembly runs them, strip() still gives back the build.
    with_menus = once.replace("</head>", f"{site_menus.BEGIN}<link>{site_menus.END}</head>")
    assert site_menus.strip(site_citation.inject(with_menus, edition(), "guideline/summary.html")) == original


@pytest.mark.parametrize("name", ["search.html", "genindex.html", "downloads.html"])
def test_pages_that_are_not_content_get_nothing(name):
    original = page(title="Søk", body="")
    assert site_citation.inject(original, edition(), name) == original


def test_a_page_without_the_themes_article_gets_nothing():
    original = "<html><head><title>T</title></head><body><p>x</p></body></html>"
    assert site_citation.inject(original, edition(), "guideline/x.html") == original


def test_a_permalink_page_cites_its_recommendation_in_the_edition_it_leads_to():
    from site_files import Permalink, redirect_page

    redirect = redirect_page("en", Permalink("SAM-01", "latest", "guideline/summary.html"), 3, translate)
    text = site_citation.inject_permalink(
        redirect, edition("en"), "guideline/summary.html", "SAM-01", BASE + "en/r/SAM-01/"
    )
    soup = BeautifulSoup(text, "html.parser")
    tags = meta(soup)
    assert tags["citation_title"] == "Recommendation SAM-01"
    assert tags["citation_public_url"] == BASE + "en/2026.2/guideline/summary.html#rec-sam-01"
    assert tags["prism.edition"] == "2026.2"
    assert soup.select_one('meta[http-equiv="refresh"]')  # still a redirect
    block = soup.select_one("body > section.smh-cite")
    assert block.h2.get_text() == "How to cite this recommendation"
    assert block.select_one("p.smh-cite-text").get_text(" ", strip=True) == (
        "The Smertehåndboka editorial team. Recommendation SAM-01. In: Smertehåndboka: Guideline: "
        "interdisciplinary pain clinics [Internet]. Edition 2026.2. Smertehåndboka, 2 December 2026. "
        + BASE
        + "en/2026.2/guideline/summary.html#rec-sam-01"
    )
    assert [a["href"] for a in block.select("a")][-1] == BASE + "en/r/SAM-01/"


def test_collections_take_their_titles_from_the_start_pages_and_their_handbooks_from_pdf(tmp_path):
    assert site_citation.handbooks() == {
        "guideline": "veileder",
        "education": "undervisning",
        "commentary": "kommentar",
    }
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "smertehandboka-veileder-da.pdf").write_bytes(b"%PDF-1.4")
    found = site_citation.collections(
        tmp_path,
        {"guideline/index.html": page(title="Vejledning: tværfaglige smerteklinikker", body="")},
        "da",
    )
    assert found["guideline"] == Collection(
        "Vejledning: tværfaglige smerteklinikker", "pdf/smertehandboka-veileder-da.pdf"
    )
    assert found["commentary"] == Collection(None, None)  # no start page, no handbook here


def test_the_page_title_leaves_out_the_site_name():
    assert (
        site_citation.page_title(page(title="Hva er endret i utgave 2026.2"))
        == "Hva er endret i utgave 2026.2"
    )
    assert site_citation.page_title("<title>Downloads - Smertehåndboka</title>") == "Downloads"
    assert (
        site_citation.page_title("<title>Smertehåndboka &#8212; Smertehåndboka</title>") == "Smertehåndboka"
    )
    assert html.unescape("&#8212;") == "—"
