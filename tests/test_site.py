"""Real builds of the whole project: the commentary page, its references, search, and the PDF."""

from __future__ import annotations

import json
import re

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from pypdf import PdfReader

COMMENTARY = "commentary/nociplastic-pain.html"
# The commentary's references in the order the text first cites them.
CITATION_ORDER = [
    "kosek2016third",
    "melzack1965pain",
    "engel1977need",
    "raja2020revised",
    "ashar2022effect",
    "clark2013whatever",
    "friston2010free",
    "tracey2010getting",
    "wager2015neuroscience",
    "wiech2016deconstructing",
]


@pytest.fixture(scope="module")
def commentary(site) -> BeautifulSoup:
    return BeautifulSoup((site.html() / COMMENTARY).read_text(encoding="utf-8"), "html.parser")


def test_build_has_no_warnings(site):
    assert "WARNING" not in site.output
    assert "build succeeded." in site.output  # Sphinx says "succeeded, N warnings" otherwise


def test_commentary_page_has_its_source_record(commentary):
    main = commentary.find("main")
    assert main.find("h1").get_text(strip=True).startswith("Nociplastisk smerte")
    record = main.select_one(".source-record").get_text(" ", strip=True)
    for fact in ("Tove Pettersen Heger", "Tidsskrift for Den norske legeforening", "11. mai 2026", "ICMJE"):
        assert fact in record
    assert main.select_one('.source-record a[href="https://doi.org/10.4045/tidsskr.26.0217"]')


def test_references_are_numbered_in_order_of_first_citation(commentary):
    entries = commentary.select('[role="doc-biblioentry"]')
    assert [entry["id"] for entry in entries] == [f"ref-{key}" for key in CITATION_ORDER]
    assert [entry.select_one(".label").get_text(strip=True) for entry in entries] == [
        f"[{n}]" for n in range(1, 11)
    ]


def test_every_citation_links_to_its_entry(commentary):
    main = commentary.find("main")
    markers = [a for a in main.select("a.reference.internal") if a["href"].startswith("#ref-")]
    ids = {element["id"] for element in main.select("[id]")}
    assert markers, "no citation markers found"
    for marker in markers:
        assert marker["href"][1:] in ids
    # The first time each reference is cited it gets the next number.
    first_numbers = {}
    for marker in markers:
        first_numbers.setdefault(marker["href"][len("#ref-") :], marker.get_text(strip=True).strip("[]"))
    assert list(first_numbers) == CITATION_ORDER
    assert list(first_numbers.values()) == [str(n) for n in range(1, 11)]


def test_reference_text_and_links(commentary):
    kosek = commentary.select_one("#ref-kosek2016third")
    assert "Do we need a third mechanistic descriptor for chronic pain states?" in kosek.get_text()
    assert kosek.select_one('a[href="https://doi.org/10.1097/j.pain.0000000000000507"]')


def load_search_index(html_dir):
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S).group(1))


def search(index, query: str, language: str = "norwegian") -> set[str]:
    """Look a word up the way Sphinx's search page does: stem it, then find the documents."""
    stem = snowballstemmer.stemmer(language).stemWord(query.lower())
    hits = set()
    for mapping in (index["terms"], index["titleterms"]):
        found = mapping.get(stem, [])
        hits.update([found] if isinstance(found, int) else found)
    return {index["docnames"][i] for i in hits}


def test_search_finds_inflected_norwegian_words(site, commentary):
    index = load_search_index(site.html())
    text = commentary.find("main").get_text(" ").lower()
    # "forventningene" and "smertene" are not on the page; "forventninger" and "smerten" are.
    for query in ("forventningene", "smertene"):
        assert query not in text
        assert "commentary/nociplastic-pain" in search(index, query)
    # With the English stemmer (Sphinx's silent fallback for nb) the same query finds nothing.
    assert "commentary/nociplastic-pain" not in search(index, "forventningene", language="english")
    assert "NorwegianStemmer" in (site.html() / "_static" / "language_data.js").read_text(encoding="utf-8")


def test_pages_make_no_third_party_requests(site):
    for page in site.html().rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preload" not in element.get("rel", [])
                ):
                    continue
                assert not re.match(r"(https?:)?//", url), f"{page}: {tag} loads {url}"


@pytest.fixture(scope="module")
def commentary_pdf(site) -> PdfReader:
    return PdfReader(site.pdf() / "smertehandboka-kommentar-nb.pdf")


def pdf_text(reader: PdfReader) -> str:
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"-\n(?=\w)|\s+", lambda m: "" if m.group(0).startswith("-") else " ", text)


def test_pdf_holds_the_commentary_and_its_references(commentary_pdf):
    text = pdf_text(commentary_pdf)
    assert "Nociplastisk smerte" in text
    # The reference list follows the article's own "Litteratur" heading, numbered in citation order.
    references = text[text.rindex("Litteratur") :]
    kosek = references.index("[1] E. Kosek")
    wiech = references.index("[10] K. Wiech")
    assert kosek < references.index("[2] R. Melzack") < wiech
    assert "Do we need a third mechanistic descriptor for chronic pain states?" in references
    assert "Getting the pain you expect" in references


def test_commentary_pages_link_to_their_pdf(site, commentary):
    link = commentary.select_one("a.smh-pdf-link")
    assert link["href"] == "../pdf/smertehandboka-kommentar-nb.pdf"
    assert (site.pdf() / "smertehandboka-kommentar-nb.pdf").is_file()


def test_pdf_metadata_outline_and_language(commentary_pdf):
    assert commentary_pdf.metadata.title == "Nociplastisk smerte"
    assert commentary_pdf.metadata.author
    assert commentary_pdf.trailer["/Root"]["/Lang"] == "nb-NO"
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(commentary_pdf.outline)
    assert "Nociplastisk smerte" in titles
    assert "Prediktiv prosessering" in titles
    assert "Litteratur" in titles
    assert "Referanser" not in titles  # no second, end-of-book list
