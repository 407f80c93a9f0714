"""Two languages side by side in a real browser: the switcher, lang, hreflang and English search.

The session's Bokmål build gets its English sibling (make html LANGUAGES=en into the same build
folder), and the folder holding nb/ and en/ is served as the site serves them. English is built
here even while translations/languages.toml does not publish it yet.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest
import test_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from test_browser import PROJECT, serving

browser = test_browser.browser  # the same headless Chromium fixture as the other browser tests


@pytest.fixture(scope="module")
def two_languages(site) -> Iterator[str]:
    result = subprocess.run(
        ["make", "--no-print-directory", "html", "LANGUAGES=en", f"BUILDDIR={site.build_dir}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with serving(site.build_dir / "html") as url:
        yield url


def test_an_english_page_says_so_and_switches_to_the_same_page_in_bokmal(browser, two_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{two_languages}/en/guideline/summary.html")
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


def test_english_search_finds_an_inflected_word_typed_into_the_search_page(browser, two_languages):
    browser.set_window_size(1400, 1000)
    browser.get(f"{two_languages}/en/search.html")
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
