"""Real builds of the whole project: the commentary page, its references, search, and the PDF."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from pypdf import PdfReader

PROJECT = Path(__file__).resolve().parent.parent
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

# The commentary's reference list as the journal printed it (Tidsskriftet's Vancouver style).
JOURNAL_STYLE = [
    "Kosek E, Cohen M, Baron R et al. Do we need a third mechanistic descriptor for chronic pain "
    "states? Pain 2016; 157: 1382–6.",
    "Melzack R, Wall PD. Pain mechanisms: a new theory. Science 1965; 150: 971–9.",
    "Engel GL. The need for a new medical model: a challenge for biomedicine. Science 1977; 196: 129–36.",
    "Raja SN, Carr DB, Cohen M et al. The revised International Association for the Study of Pain "
    "definition of pain: concepts, challenges, and compromises. Pain 2020; 161: 1976–82.",
    "Ashar YK, Gordon A, Schubiner H et al. Effect of Pain Reprocessing Therapy vs Placebo and Usual "
    "Care for Patients With Chronic Back Pain: A Randomized Clinical Trial. JAMA Psychiatry 2022; 79: 13–23.",
    "Clark A. Whatever next? Predictive brains, situated agents, and the future of cognitive science. "
    "Behav Brain Sci 2013; 36: 181–204.",
    "Friston K. The free-energy principle: a unified brain theory? Nat Rev Neurosci 2010; 11: 127–38.",
    "Tracey I. Getting the pain you expect: mechanisms of placebo, nocebo and reappraisal effects in "
    "humans. Nat Med 2010; 16: 1277–83.",
    "Wager TD, Atlas LY. The neuroscience of placebo effects: connecting context, learning and health. "
    "Nat Rev Neurosci 2015; 16: 403–18.",
    "Wiech K. Deconstructing the sensation of pain: The influence of cognitive processes on pain "
    "perception. Science 2016; 354: 584–7.",
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
    entries = commentary.select("div.citation")
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


def test_references_are_in_the_journal_style(commentary):
    entries = commentary.select("div.citation")
    texts = [" ".join(entry.find("p").get_text().split()) for entry in entries]
    for text, expected in zip(texts, JOURNAL_STYLE, strict=True):
        assert text.startswith(expected)
    kosek = commentary.select_one("#ref-kosek2016third")
    assert kosek.select_one('a[href="https://doi.org/10.1097/j.pain.0000000000000507"]')
    assert kosek.select_one('a[href="https://pubmed.ncbi.nlm.nih.gov/26835783/"]')


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
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"[\s-]+", "", text)


def test_pdf_holds_the_commentary_and_its_references(commentary_pdf):
    text = pdf_text(commentary_pdf)
    assert "Nociplastisk smerte" in text
    # The reference list follows the article's own "Litteratur" heading, numbered in citation order.
    # PDF text extraction loses spaces in tightly set lines and keeps line-end hyphens, so compare
    # without spaces and hyphens: every letter, digit, dash and point must still be there, in order.
    references = squeeze(text[text.rindex("Litteratur") :])
    positions = [references.index(squeeze(f"[{n}] {ref}")) for n, ref in enumerate(JOURNAL_STYLE, 1)]
    assert positions == sorted(positions)


def test_pdf_citations_link_to_their_entries(commentary_pdf):
    """Each citation in the text is a link annotation to the named destination of its entry."""
    destinations = set(commentary_pdf.named_destinations)
    link_targets = set()
    for page in commentary_pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A") or {}
            if action.get("/S") == "/GoTo":
                link_targets.add(str(action["/D"]))
            elif "/Dest" in annotation:
                link_targets.add(str(annotation["/Dest"]))
    for key in CITATION_ORDER:
        target = f"cite.commentary/nociplastic-pain:ref-{key}"
        assert target in destinations, target
        assert target in link_targets, target


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


GUIDELINE_CHAPTERS = [
    "summary",
    "background",
    "classification-prevalence",
    "interdisciplinary-clinics",
    "which-patients",
    "primary-care",
    "competence",
    "other-units",
    "localisation",
    "organisation-funding",
]


def registry_ids() -> dict[str, str]:
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "references" / "recommendation-ids.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["ids"]


def test_every_registered_recommendation_is_on_its_page_and_in_the_index(site):
    html = site.html() / "guideline"
    index = BeautifulSoup((html / "recommendations.html").read_text(encoding="utf-8"), "html.parser")
    listed = [a.get_text() for a in index.select("ul.rec-index a")]
    active = [rec_id for rec_id, status in registry_ids().items() if status == "active"]
    assert sorted(listed) == sorted(active)
    pages = {name: (html / f"{name}.html").read_text(encoding="utf-8") for name in GUIDELINE_CHAPTERS}
    for link in index.select("ul.rec-index a"):
        page, anchor = link["href"].split("#")
        assert f'id="{anchor}"' in pages[page.removesuffix(".html")], link["href"]
    # Chapters appear in reading order, the summary first.
    chapters = [p.get_text() for p in index.select("p.rec-index-chapter")]
    assert chapters[0] == "Sammendrag"
    assert chapters == sorted(chapters, key=lambda title: (title != "Sammendrag", title))


def test_the_2013_survey_table_counts_the_16_pain_units(site):
    page = BeautifulSoup(
        (site.html() / "guideline" / "classification-prevalence.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    table = next(t for t in page.select("table") if "Smerteenheter kartlagt i 2013" in t.caption.get_text())
    regions = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert regions == ["Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord"]
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    per_region = [sum(int(row[i]) for row in rows if row[i].isdigit()) for i in range(1, 5)]
    assert per_region == [7, 4, 3, 2]  # 16 units: four centres, Førde and Bodø with interdisciplinary work


def test_guideline_pdf(site):
    reader = PdfReader(site.pdf() / "smertehandboka-veileder-nb.pdf")
    assert reader.metadata.title == "Tverrfaglige smerteklinikker"
    text = squeeze(pdf_text(reader))
    for expected in ("SAM-01", "1 Bakgrunn og mandat", "9 Organisering og finansiering", "Tabell 1"):
        assert squeeze(expected) in text


def test_glossary_terms_are_linked_from_every_collection(site):
    glossary = BeautifulSoup((site.html() / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    term_ids = {dt["id"] for dt in glossary.select("dl.glossary dt[id]")}
    assert len(term_ids) >= 12
    for page in (
        "commentary/nociplastic-pain.html",
        "guideline/summary.html",
        "guideline/classification-prevalence.html",
    ):
        soup = BeautifulSoup((site.html() / page).read_text(encoding="utf-8"), "html.parser")
        targets = [a["href"].split("#")[1] for a in soup.select('a[href^="../glossary.html#term-"]')]
        assert targets, page
        assert set(targets) <= term_ids, page


def test_the_biopsychosocial_figure_is_drawn_with_alt_text_and_caption(site):
    page = BeautifulSoup(
        (site.html() / "guideline" / "interdisciplinary-clinics.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    figure = page.select_one("#guideline-figure-biopsychosocial")
    drawing = figure.select_one("img.graphviz")
    svg = (site.html() / "guideline" / drawing["src"]).read_text(encoding="utf-8")
    for layer in ("Sammenheng", "Smerteatferd", "Lidelse", "Smerteopplevelse", "Nocisepsjon"):
        assert layer in svg
    assert "Hver boks er forbundet med de tre andre" in drawing["alt"]
    assert "biopsykososial modell, etter Loeser" in figure.select_one("figcaption").get_text()
    text = squeeze(pdf_text(PdfReader(site.pdf() / "smertehandboka-veileder-nb.pdf")))
    assert squeeze("Figur 1: Langvarig smerte i en biopsykososial modell, etter Loeser") in text


def test_the_pdf_folder_holds_exactly_one_handbook_per_collection(site):
    assert sorted(p.name for p in site.pdf().iterdir()) == [
        "smertehandboka-kommentar-nb.pdf",
        "smertehandboka-undervisning-nb.pdf",
        "smertehandboka-veileder-nb.pdf",
    ]


def clinic_rows() -> list[dict[str, str]]:
    with (PROJECT / "source" / "clinics" / "clinics.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def nb_number(value: float) -> str:
    """Norwegian figures, written independently of the extension: 10 300, 1849, 18,5."""
    text = f"{value:,.1f}".removesuffix(".0")
    if abs(value) < 10000:
        text = text.replace(",", "")
    return text.replace(",", "\u00a0").replace(".", ",")


@pytest.fixture(scope="module")
def clinic_page(site) -> BeautifulSoup:
    return BeautifulSoup(
        (site.html() / "guideline" / "clinic-overview.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_chapter_10_has_one_row_per_unit_with_every_figure(clinic_page):
    table = clinic_page.select_one("#guideline-table-clinics table")
    rows = table.tbody.find_all("tr")
    data = clinic_rows()
    assert [row["id"] for row in rows] == [f"clinic-{c['id']}" for c in data]
    assert not clinic_page.select(".admonition.placeholder")
    for clinic, row in zip(data, rows, strict=True):
        cells = {td["data-label"]: td.get_text() for td in row.find_all("td")}
        for column, label in (
            ("referrals", "Henvisninger behandlet i 2012"),
            ("consultations", "Konsultasjoner i alt i 2012"),
            ("waiting_weeks", "Ventetid i uker, september 2014"),
            ("interdisciplinary_referrals", "Behandlet tverrfaglig i 2012"),
        ):
            if clinic[column]:
                assert cells[label].endswith(nb_number(int(clinic[column]))), (clinic["id"], column)
        if clinic["interdisciplinary_percent"]:
            assert (
                cells["Behandlet tverrfaglig i 2012"] == f"ca. {clinic['interdisciplinary_percent']}\u00a0%"
            )
        if clinic["interdisciplinary_text"]:
            assert cells["Behandlet tverrfaglig i 2012"] == clinic["interdisciplinary_text"]
        assert (cells["Regionalt smertesenter"] == "ja") == (clinic["regional_centre"] == "true")


def test_chapter_10_summaries_equal_those_computed_from_the_csv(clinic_page):
    rows = clinic_page.select_one("#guideline-table-clinic-regions").tbody.find_all("tr")
    shown = {r.td.get_text(): [td.get_text() for td in r.find_all("td")[1:]] for r in rows}
    data = clinic_rows()
    for region in ("Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord", "Hele landet"):
        units = [c for c in data if region in (c["region"], "Hele landet")]
        waiting = sorted(int(c["waiting_weeks"]) for c in units if c["waiting_weeks"])
        middle = len(waiting) // 2
        median = waiting[middle] if len(waiting) % 2 else (waiting[middle - 1] + waiting[middle]) / 2
        assert shown[region] == [
            str(len(units)),
            str(sum(bool({"psykolog", "psykiater"} & set(c["staff"].split(";"))) for c in units)),
            nb_number(sum(int(c["referrals"] or 0) for c in units)),
            nb_number(sum(int(c["consultations"] or 0) for c in units)),
            f"{nb_number(median)} ({len(waiting)} enheter)",
        ], region


def test_chapter_10_chart_is_drawn_from_the_data(site, clinic_page):
    figure = clinic_page.select_one("#guideline-figure-clinic-waiting")
    image = figure.find("img")
    svg = (site.html() / "guideline" / image["src"]).read_text(encoding="utf-8")
    timed = [c for c in clinic_rows() if c["waiting_weeks"]]
    for clinic in timed:
        assert f">{clinic['hospital']}<" in svg or clinic["hospital"] in svg
    assert f"for {len(timed)} smerteenheter" in image["alt"]
    numbers = clinic_page.select_one("#guideline-table-clinic-waiting").tbody.find_all("tr")
    assert [r.find_all("td")[-1].get_text() for r in numbers] == [c["waiting_weeks"] for c in timed]


def test_the_guideline_pdf_contains_the_directory(site):
    reader = PdfReader(site.pdf() / "smertehandboka-veileder-nb.pdf")
    pages = [squeeze(" ".join(page.extract_text().split())) for page in reader.pages]
    start = next(
        i for i, text in enumerate(pages) if squeeze("Offentlige smerteenheter i kartleggingen") in text
    )
    table = "".join(pages[start : start + 3])
    for clinic in clinic_rows():
        assert squeeze(clinic["hospital"]) in table, clinic["id"]
        for column in ("referrals", "consultations", "waiting_weeks"):
            if clinic[column]:
                assert squeeze(nb_number(int(clinic[column])).replace("\u00a0", "")) in table, (
                    clinic["id"],
                    column,
                )
    assert squeeze("Henv. 2012") in table and squeeze("Forkortelser") in table
    assert reader.pages[start].mediabox.width < reader.pages[start].mediabox.height  # the page is turned,
    assert reader.pages[start].get("/Rotate") in (90, 270, -90)  # not the paper: pdflscape rotates it


def test_guideline_chapters_have_their_own_reference_lists(site):
    page = BeautifulSoup(
        (site.html() / "guideline" / "classification-prevalence.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    entries = [" ".join(e.get_text().split()) for e in page.select("div.citation p")]
    assert any(
        e.startswith("Gureje O, Von Korff M et al. The relation between multiple pains") for e in entries
    )
    assert all("Kosek" not in e for e in entries)  # only what this chapter cites


EDUCATION_FIGURES = {
    "education-figure-alarm-model": "course/alarm-system.html",
    "education-figure-fear-avoidance": "course/explanatory-models.html",
    "education-figure-boom-bust": "course/explanatory-models.html",
    "education-figure-cup-model": "course/explanatory-models.html",
    "education-figure-change-steps": "course/change-process.html",
    "education-figure-neuropathic-algorithm": "neuropathic/treatment.html",
    "education-figure-opioid-trend": "perspective/opioids.html",
}


@pytest.mark.parametrize("name", sorted(EDUCATION_FIGURES))
def test_education_figures_are_drawn_with_alt_text_in_html_and_pdf(site, name):
    page_path = site.html() / "education" / EDUCATION_FIGURES[name]
    page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    figure = page.select_one(f"#{name}")
    caption = figure.select_one("figcaption").get_text(" ", strip=True)
    assert caption.startswith("Figur ")  # the word of the PDF's captions (checked below)
    drawing = figure.select_one("img")
    data, alt = drawing["src"], drawing["alt"]
    assert len(alt) > 30, "alt text must describe the figure"
    svg = (page_path.parent / data).read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "<text" in svg
    text = squeeze(pdf_text(PdfReader(site.pdf() / "smertehandboka-undervisning-nb.pdf")))
    title = caption.split(" ", 2)[2]
    # The handbook numbers its own figures, so only the word is compared, not the number.
    assert re.search(r"Figur\d+:" + re.escape(squeeze(title[:40])), text), title


def test_every_education_table_is_a_real_numbered_table(site):
    tables = 0
    for page_path in (site.html() / "education").rglob("*.html"):
        page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        for table in page.select("article table"):
            tables += 1
            assert table.caption and table.caption.select_one(".caption-number"), page_path
            assert table.thead and table.thead.find("th"), page_path
    assert tables >= 10
    for source in (PROJECT / "source" / "education").rglob("*.md"):
        assert "CHART:" not in source.read_text(encoding="utf-8"), source  # no placeholder left


def test_the_education_material_links_to_the_guideline_commentary_and_glossary(site):
    links = set()
    for page_path in (site.html() / "education").rglob("*.html"):
        page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        links |= {
            a["href"].split("#")[0].split("/")[-2:][0] for a in page.select("article a.reference.internal")
        }
        links |= {"glossary" for a in page.select('article a[href*="glossary.html#term-"]')}
    assert {"guideline", "commentary", "glossary"} <= links


def test_the_education_handbook(site):
    reader = PdfReader(site.pdf() / "smertehandboka-undervisning-nb.pdf")
    assert reader.metadata.title == "Undervisning om langvarig smerte"
    text = squeeze(pdf_text(reader))
    for expected in (
        "Pasientundervisning",
        "Et nytt perspektiv på langvarig smerte",
        "Nevropatisk smerte",
        "561917",
        "Borchgrevink",
    ):
        assert squeeze(expected) in text
