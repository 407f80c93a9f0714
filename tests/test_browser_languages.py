"""The languages side by side in a real browser: the switcher, lang, hreflang and search.

The session's Bokmål build gets its translations beside it (the translated_site fixture), and the
folder holding nb/, en/ and da/ is served as the site serves them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import test_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from test_browser import PROJECT, serving

browser = test_browser.browser  # the same headless Chromium fixture as the other browser tests


@pytest.fixture(scope="module")
def all_languages(translated_site) -> Iterator[str]:
    with serving(translated_site.build_dir / "html") as url:
        yield url


def test_an_english_page_says_so_and_switches_to_the_same_page_in_bokmal(browser, all_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{all_languages}/en/guideline/summary.html")
    assert browser.execute_script("return document.documentElement.lang") == "en"
    alternates = browser.execute_script(
        "return [...document.querySelectorAll('link[rel=alternate][hreflang]')]"
        ".map(l => [l.hreflang, new URL(l.href).pathname])"
    )
    assert ["nb", "/nb/guideline/summary.html"] in alternates
    assert ["en", "/en/guideline/summary.html"] in alternates
    switcher = browser.find_element(By.CSS_SELECTOR, "nav.smh-language-switcher")
    assert switcher.find_element(By.CSS_SELECTOR, '[aria-current="page"]').text == "English"
    switcher.find_element(By.CSS_SELECTOR, 'a[hreflang="nb"]').click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/nb/guideline/summary.html"))
    assert browser.execute_script("return document.documentElement.lang") == "nb"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Sammendrag")


def test_english_search_finds_an_inflected_word_typed_into_the_search_page(browser, all_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{all_languages}/en/search.html")
    fields = browser.find_elements(By.CSS_SELECTOR, "form.bd-search input[name='q']")
    field = next(f for f in fields if f.is_displayed())  # the page's own field, not the dialog's
    field.send_keys("recommending", Keys.ENTER)  # no page has this form; many have "recommendation"
    results = WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results ul.search li")
    )
    titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
    assert "All recommendations" in titles
    english = "\n".join(
        p.read_text(encoding="utf-8") for p in (PROJECT / "translations" / "en").rglob("*.po")
    )
    assert not re.search(r"\brecommending\b", english, re.I)  # found by its stem, not the word itself


def test_a_danish_page_offers_all_three_languages_and_switches_to_english(browser, all_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{all_languages}/da/education/course/index.html")
    assert browser.execute_script("return document.documentElement.lang") == "da"
    switcher = browser.find_element(By.CSS_SELECTOR, "nav.smh-language-switcher")
    assert switcher.find_element(By.CSS_SELECTOR, '[aria-current="page"]').text == "Dansk"
    offered = [a.get_attribute("hreflang") for a in switcher.find_elements(By.CSS_SELECTOR, "a[hreflang]")]
    assert sorted(offered) == ["en", "nb"]
    switcher.find_element(By.CSS_SELECTOR, 'a[hreflang="en"]').click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/en/education/course/index.html"))
    assert browser.execute_script("return document.documentElement.lang") == "en"


def test_danish_search_finds_an_inflected_word_by_its_danish_stem(browser, all_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{all_languages}/da/search.html")
    fields = browser.find_elements(By.CSS_SELECTOR, "form.bd-search input[name='q']")
    field = next(f for f in fields if f.is_displayed())
    # The genitive definite plural: no page has it; the da stemmer takes it to "anbefaling".
    field.send_keys("anbefalingernes", Keys.ENTER)
    results = WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results ul.search li")
    )
    titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
    assert "Alle anbefalinger" in titles
    danish = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "translations" / "da").rglob("*.po"))
    assert not re.search(r"\banbefalingernes\b", danish, re.I)
