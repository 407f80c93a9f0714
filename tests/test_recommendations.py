"""Recommendations: stable IDs, one look for the strength words, an index, and the ID registry."""

import pytest
from bs4 import BeautifulSoup


def soup(app, page):
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="recommendations")
def test_recommendations_render_with_anchor_permalink_and_strength(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = soup(app, "organisation.html")
    org01 = page.select_one("#rec-org-01")
    assert "recommendation" in org01["class"] and "strength-skal" in org01["class"]
    assert org01.select_one("a.rec-permalink")["href"] == "#rec-org-01"
    assert org01.select_one("em.rec-strength.rec-strength-skal").get_text() == "skal"
    assert "Klinikken skal ha lege og psykolog." in org01.get_text()


@pytest.mark.sphinx("html", testroot="recommendations")
def test_references_and_strength_words_in_prose(app):
    app.build()
    pas01 = soup(app, "patients.html").select_one("#rec-pas-01")
    link = pas01.find("a", href="organisation.html#rec-org-01")
    assert link.get_text() == "ORG-01"
    assert len(pas01.select("em.rec-strength.rec-strength-bør")) == 2  # the heading and the {strength} role


@pytest.mark.sphinx("html", testroot="recommendations")
def test_the_index_groups_by_chapter_in_reading_order(app):
    app.build()
    index = soup(app, "index.html")
    chapters = [p.get_text() for p in index.select("p.rec-index-chapter")]
    assert chapters == ["Organisering", "Pasienter"]
    entries = [(a["href"], a.get_text()) for a in index.select("ul.rec-index a")]
    assert entries == [
        ("organisation.html#rec-org-01", "ORG-01"),
        ("organisation.html#rec-org-02", "ORG-02"),
        ("patients.html#rec-pas-01", "PAS-01"),
    ]
    assert "Klinikken bør ha fysioterapeut." in index.select("ul.rec-index")[0].get_text()


@pytest.mark.sphinx("latex", testroot="recommendations")
def test_latex_sets_them_as_admonitions(app, warning):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{sphinxadmonition}" in tex
    assert r"ORG\sphinxhyphen{}01" in tex and "Klinikken skal ha lege og psykolog." in tex


@pytest.mark.sphinx(
    "html", testroot="recommendations", confoverrides={"recommendation_registry": "registry-lost-id.toml"}
)
def test_an_id_that_disappears_must_be_marked_withdrawn(app, warning):
    app.build()
    assert (
        "registry-lost-id.toml:5: recommendation PAS-02 is registered as active but no page has it"
        in warning.getvalue()
    )
    assert "[smertehandboka.recommendation]" in warning.getvalue()


@pytest.mark.sphinx(
    "html", testroot="recommendations", confoverrides={"recommendation_registry": "registry-reused-id.toml"}
)
def test_a_withdrawn_id_is_never_reused(app, warning):
    app.build()
    assert "organisation.md:9: WARNING: recommendation ORG-02 was withdrawn" in warning.getvalue()


@pytest.mark.sphinx(
    "html",
    testroot="recommendations",
    confoverrides={"recommendation_registry": "registry-unregistered-id.toml"},
)
def test_a_new_id_must_be_registered(app, warning):
    app.build()
    assert "patients.md:3: WARNING: recommendation PAS-01 is not in the registry" in warning.getvalue()


@pytest.mark.sphinx("html", testroot="recommendations-bad")
def test_bad_strength_duplicate_and_malformed_ids_are_warnings(app, warning):
    app.build()
    text = warning.getvalue()
    assert "index.md:3: WARNING: recommendation ORG-01: strength 'kan' must be one of: skal, bør" in text
    assert "index.md:9: WARNING: recommendation ORG-01 is defined twice" in text
    assert "index.md:15: WARNING: recommendation ID 'org1' must look like ORG-01" in text
