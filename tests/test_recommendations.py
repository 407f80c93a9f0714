"""Recommendations: stable IDs, one look for the strength words, an index per collection, and the
ID registry with its prefixes."""

import pytest
from bs4 import BeautifulSoup


def soup(app, page):
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def index_entries(page):
    return [(a["href"], a.get_text()) for a in page.select("ul.rec-index a")]


@pytest.mark.sphinx("html", testroot="recommendations")
def test_recommendations_render_with_anchor_permalink_and_strength(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = soup(app, "guideline/organisation.html")
    org01 = page.select_one("#rec-org-01")
    assert "recommendation" in org01["class"] and "strength-skal" in org01["class"]
    assert org01.select_one("a.rec-permalink")["href"] == "#rec-org-01"
    assert org01.select_one("em.rec-strength.rec-strength-skal").get_text() == "skal"
    assert "Klinikken skal ha lege og psykolog." in org01.get_text()


@pytest.mark.sphinx("html", testroot="recommendations")
def test_references_and_strength_words_in_prose(app):
    app.build()
    pas01 = soup(app, "guideline/patients.html").select_one("#rec-pas-01")
    link = pas01.find("a", href="organisation.html#rec-org-01")
    assert link.get_text() == "ORG-01"
    assert len(pas01.select("em.rec-strength.rec-strength-bør")) == 2  # the heading and the {strength} role


@pytest.mark.sphinx("html", testroot="recommendations")
def test_each_collection_indexes_its_own_recommendations_by_chapter(app):
    app.build()
    guideline = soup(app, "guideline/recommendations.html")
    assert [p.get_text() for p in guideline.select("p.rec-index-chapter")] == ["Organisering", "Pasienter"]
    assert index_entries(guideline) == [
        ("organisation.html#rec-org-01", "ORG-01"),
        ("organisation.html#rec-org-02", "ORG-02"),
        ("patients.html#rec-pas-01", "PAS-01"),
    ]
    assert guideline.select_one("p.rec-index-chapter a")["href"] == "organisation.html"
    assert "Klinikken bør ha fysioterapeut." in guideline.select("ul.rec-index")[0].get_text()
    assert guideline.select_one("ul.rec-index strong a")  # the ID stands out

    education = soup(app, "education/index.html")
    assert [p.get_text() for p in education.select("p.rec-index-chapter")] == ["Aktivitet i hverdagen"]
    assert index_entries(education) == [("daily-activity.html#rec-und-01", "UND-01")]


@pytest.mark.sphinx("latex", testroot="recommendations")
def test_latex_sets_each_collection_in_its_own_handbook_with_its_own_index(app, warning):
    app.build()
    assert warning.getvalue() == ""
    guideline = (app.outdir / "veileder.tex").read_text(encoding="utf-8")
    education = (app.outdir / "undervisning.tex").read_text(encoding="utf-8")
    assert r"\begin{sphinxadmonition}" in guideline
    assert r"ORG\sphinxhyphen{}01" in guideline and "Klinikken skal ha lege og psykolog." in guideline
    # The index links within the handbook, to the recommendation's own label.
    assert r"\hyperref[\detokenize{guideline/organisation:rec-org-01}]" in guideline
    assert r"UND\sphinxhyphen{}01" not in guideline
    assert "Kurset bør gi tid til å planlegge aktivitet i små steg." in education
    assert r"\hyperref[\detokenize{education/daily-activity:rec-und-01}]" in education
    assert r"ORG\sphinxhyphen{}01" not in education


def registry_case(registry, *expected):
    marks = pytest.mark.sphinx(
        "html", testroot="recommendations", confoverrides={"recommendation_registry": registry}
    )
    return pytest.param(expected, marks=marks, id=registry.removesuffix(".toml"))


@pytest.mark.parametrize(
    "expected",
    [
        registry_case(
            "registry-lost-id.toml",
            "registry-lost-id.toml:10: WARNING: recommendation PAS-02 is registered as active",
            "but no page has it",
            'restore it, or mark it "withdrawn"',
            "[smertehandboka.recommendation]",
        ),
        registry_case(
            "registry-reused-id.toml",
            "organisation.md:9: WARNING: recommendation ORG-02 was withdrawn; an ID is never reused",
        ),
        registry_case(
            "registry-unregistered-id.toml",
            "patients.md:3: WARNING: recommendation PAS-01 is not in the registry",
            'add it under [ids] as PAS-01 = "active"',
        ),
        registry_case(
            "registry-no-education-prefix.toml",
            "education/daily-activity.md:3: WARNING: recommendation UND-01: prefix UND is not in",
            'add it under [prefixes] as UND = "education"',
        ),
        registry_case(
            "registry-prefix-of-another-collection.toml",
            "education/daily-activity.md:3: WARNING: recommendation UND-01 is on a page of the education "
            "collection, but prefix UND belongs to guideline",
        ),
    ],
)
def test_the_registry_is_checked_with_what_to_do(app, warning, expected):
    """Lost, reused and unregistered IDs, and unknown or misplaced prefixes."""
    app.build()
    for text in expected:
        assert text in warning.getvalue()


@pytest.mark.sphinx("html", testroot="recommendations-bad")
def test_bad_strength_duplicate_malformed_and_misplaced_are_warnings(app, warning):
    app.build()
    text = warning.getvalue()
    assert (
        "guideline/index.md:3: WARNING: recommendation ORG-01: strength 'kan' must be one of: skal, bør"
        in text
    )
    assert "guideline/index.md:9: WARNING: recommendation ORG-01 is defined twice" in text
    assert "guideline/index.md:15: WARNING: recommendation ID 'org1' must look like ORG-01" in text
    assert "index.md:7: WARNING: recommendation SAM-01 stands outside the collections" in text
    assert "WARNING: the guideline collection has recommendations but no page lists them" in text


@pytest.mark.sphinx("latex", testroot="recommendations-bad")
def test_mistakes_never_crash_a_builder(app, warning):
    app.build()  # raises on a Python exception in any handler
    assert "defined twice" in warning.getvalue()


@pytest.mark.sphinx(
    "html",
    testroot="recommendations",
    freshenv=True,
    confoverrides={"language": "en", "locale_dirs": ["locale"], "gettext_compact": False},
)
def test_the_strength_word_is_shown_in_the_page_language(app, warning):
    app.build()
    org01 = soup(app, "guideline/organisation.html").select_one("#rec-org-01")
    assert org01.select_one("em.rec-strength.rec-strength-skal").get_text() == "must"
    index = soup(app, "guideline/recommendations.html")
    assert [em.get_text() for em in index.select("ul.rec-index em.rec-strength")] == [
        "must",
        "should",
        "should",
    ]


@pytest.mark.sphinx(
    "gettext", testroot="recommendations", freshenv=True, confoverrides={"gettext_compact": False}
)
def test_a_recommendation_heading_is_data_not_a_message_to_translate(app):
    app.build()
    catalogue = (app.outdir / "guideline" / "organisation.pot").read_text(encoding="utf-8")
    assert 'msgid "Klinikken skal ha lege og psykolog."' in catalogue
    assert "ORG-01" not in catalogue
