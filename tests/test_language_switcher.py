"""Every page links to itself in the other languages of translations/languages.toml."""

import pytest
from bs4 import BeautifulSoup
from languages import languages


def page(app, name):
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="language-switcher", freshenv=True)
def test_an_unpublished_language_being_built_links_to_the_published_ones(app):
    app.build()
    summary = page(app, "guideline/summary.html")
    assert summary.html["lang"] == "en"
    published = [code for code, lang in languages().items() if lang.published]
    expected = [*published, *([] if "en" in published else ["en"])]
    alternates = {
        link["hreflang"]: link["href"] for link in summary.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {code: f"../../{code}/guideline/summary.html" for code in expected}
    switcher = summary.select_one("nav.smh-language-switcher")
    links = {a["hreflang"]: (a["href"], a["lang"], a.get_text()) for a in switcher.select("a")}
    names = {code: lang.name for code, lang in languages().items()}
    assert links["nb"] == ("../../nb/guideline/summary.html", "nb", names["nb"])
    current = switcher.select_one('[aria-current="page"]')
    assert (current["lang"], current.get_text()) == ("en", names["en"])
    assert (
        page(app, "index.html").select_one("nav.smh-language-switcher a[hreflang=nb]")["href"]
        == "../nb/index.html"
    )


@pytest.mark.sphinx("html", testroot="language-switcher", freshenv=True, confoverrides={"language": "nb"})
def test_a_single_published_language_has_no_switcher(app):
    app.build()
    summary = page(app, "guideline/summary.html")
    if [code for code, lang in languages().items() if lang.published] == ["nb"]:
        assert summary.select_one("nav.smh-language-switcher") is None
        assert not summary.select('link[rel="alternate"][hreflang]')
    else:
        assert summary.select_one("nav.smh-language-switcher a[hreflang]")


def test_every_page_of_every_language_offers_the_same_page_in_each_published_language(translated_site):
    """On the real site: the switcher lists every published language on every page, and each link
    leads to a page that exists (every Bokmål page has its counterpart in each translation)."""
    published = {code for code, lang in languages().items() if lang.published}
    pages = {}
    for code in languages():
        root = translated_site.html(code)
        for path in sorted(root.rglob("*.html")):
            if any(part.startswith("_") for part in path.relative_to(root).parts):
                continue
            html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            switcher = html.select_one("nav.smh-language-switcher")
            assert switcher is not None, path
            current = switcher.select_one('[aria-current="page"]')["lang"]
            offered = {a["hreflang"]: a["href"] for a in switcher.select("a[hreflang]")}
            assert current == code and set(offered) | {code} == published | {code}, path
            for target in offered.values():
                assert (path.parent / target).resolve().is_file(), (path, target)
            pages.setdefault(code, set()).add(path.relative_to(root))
    assert len(pages["nb"]) > 30
    assert all(found == pages["nb"] for found in pages.values())
