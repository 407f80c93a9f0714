"""The Tidsskriftet (Vancouver) reference style."""

import pytest
from pybtex.database import Person, parse_string
from pybtex.plugin import find_plugin
from sphinx import locale

from project_catalog import CATALOG
from vancouver_style import VancouverStyle, abbreviate_page_range, vancouver_name


@pytest.fixture(autouse=True)
def untranslated(monkeypatch):
    """Sphinx's translators are global: start each test without the style's catalogue."""
    monkeypatch.delitem(locale.translators, ("general", CATALOG), raising=False)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("1382--1386", "1382–6"),
        ("971--979", "971–9"),
        ("129--136", "129–36"),
        ("13--23", "13–23"),
        ("181--204", "181–204"),
        ("99--101", "99–101"),
        ("e123", "e123"),
        ("5", "5"),
    ],
)
def test_abbreviate_page_range(pages, expected):
    assert abbreviate_page_range(pages) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rice, A. S. C.", "Rice ASC"),
        ("Mico, J.-A.", "Mico JA"),
        ("Wall, Patrick D.", "Wall PD"),
        ("von Helmholtz, Hermann", "von Helmholtz H"),
        ("{Helsedirektoratet}", "Helsedirektoratet"),
    ],
)
def test_vancouver_name(name, expected):
    assert vancouver_name(Person(name)) == expected


def render(bibtex: str) -> list[str]:
    data = parse_string(bibtex, "bibtex")
    style = VancouverStyle()
    return [entry.text.render_as("text") for entry in style.format_entries(data.entries.values())]


def test_three_authors_are_listed_and_four_become_et_al():
    three = "@article{a, author={A, A. and B, B. and C, C.}, title={T}, journal={J}, year={2000}}"
    four = "@article{b, author={A, A. and B, B. and C, C. and D, D.}, title={T}, journal={J}, year={2000}}"
    others = "@article{c, author={A, A. and others}, title={T}, journal={J}, year={2000}}"
    assert render(three)[0].startswith("A A, B B, C C. T.")
    assert render(four)[0].startswith("A A, B B, C C et al. T.")
    assert render(others)[0].startswith("A A et al. T.")


def test_titles_keep_their_case_and_question_marks():
    bib = (
        "@article{a, author={Clark, A.}, title={Whatever next? Predictive brains}, "
        "journal={Behav Brain Sci}, year={2013}, volume={36}, pages={181--204}}"
    )
    assert render(bib) == ["Clark A. Whatever next? Predictive brains. Behav Brain Sci 2013; 36: 181–204."]


def test_identifiers_are_printed_and_linked():
    bib = (
        "@article{a, author={Engel, G. L.}, title={T}, journal={Science}, year={1977}, "
        "doi={10.1126/science.847460}, pmid={847460}}"
    )
    data = parse_string(bib, "bibtex")
    entry = next(VancouverStyle().format_entries(data.entries.values()))
    assert (
        entry.text.render_as("text")
        == "Engel GL. T. Science 1977. doi: 10.1126/science.847460. PubMed 847460."
    )
    html = entry.text.render_as("html")
    assert 'href="https://doi.org/10.1126/science.847460"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/847460/"' in html


def test_chapter_form():
    chapter = (
        "@incollection{l, author={Loeser, J. D.}, title={Concepts of pain}, "
        "editor={Stanton-Hicks, M. and Boas, R.}, booktitle={Chronic low back pain}, "
        "address={New York}, publisher={Raven}, year={1982}, pages={145--148}}"
    )
    assert render(chapter) == [
        "Loeser JD. Concepts of pain. In: Stanton-Hicks M, Boas R, ed. Chronic low back pain. "
        "New York: Raven, 1982: 145–8."
    ]


def test_book_and_report_forms():
    book = (
        "@book{b, editor={Bonica, J. J.}, title={The management of pain}, edition={2. utg.}, "
        "address={Philadelphia}, publisher={Lea \\& Febiger}, year={1990}}"
    )
    report = (
        "@report{r, author={{Helsedirektoratet}}, title={Organisering av tverrfaglige smerteklinikker}, "
        "type={Rapport}, number={IS-2014}, address={Oslo}, institution={Helsedirektoratet}, year={2014}}"
    )
    assert render(book) == [
        "Bonica JJ, ed. The management of pain. 2. utg. Philadelphia: Lea & Febiger, 1990."
    ]
    assert render(report) == [
        "Helsedirektoratet. Organisering av tverrfaglige smerteklinikker. Rapport IS-2014. "
        "Oslo: Helsedirektoratet, 2014."
    ]


@pytest.mark.sphinx(
    "html",
    testroot="local-bibliographies",
    confoverrides={
        "extensions": ["myst_parser", "sphinxcontrib.bibtex", "vancouver_style"],
        "bibtex_default_style": "vancouver",
    },
)
def test_sphinx_registers_the_style(app, warning):
    app.build()
    assert find_plugin("pybtex.style.formatting", "vancouver") is VancouverStyle
    html = (app.outdir / "first.html").read_text(encoding="utf-8")
    assert "Melzack R, Wall PD. Pain mechanisms: a new theory." in html
    assert "Science 1965; 150: 971–9." in html


@pytest.mark.sphinx("html", testroot="vancouver-catalog")
def test_labels_come_from_the_page_languages_catalogue(app, warning):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Bonica JJ, red. The management of pain. Philadelphia: Lea &amp; Febiger, 1990." in html
    assert warning.getvalue() == ""
