"""The published tree in a real browser: switching edition or language keeps the reader on the same
page in every direction the data allows, banners say which edition a page is, and permalinks
land on the recommendation.

The tree is the one make site assembles (the assembled_site fixture): every edition of
releases.toml built from its own commit, latest, and the session's build as dev.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import test_browser
from releases import releases
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from test_browser import serving

browser = test_browser.browser  # the same headless Chromium fixture as the other browser tests
PAGE = "guideline/summary.html"


@pytest.fixture(scope="module")
def served(assembled_site) -> Iterator[str]:
    with serving(assembled_site) as url:
        yield url


def path(browser) -> str:
    return "/" + browser.current_url.split("/", 3)[3].split("#")[0]


def choose(browser, menu: str, link_text: str) -> None:
    """Open a switcher (a <details> list in the header) and follow one of its links."""
    nav = browser.find_element(By.CSS_SELECTOR, f".bd-header nav.{menu}")
    nav.find_element(By.TAG_NAME, "summary").click()
    before = browser.current_url
    nav.find_element(By.PARTIAL_LINK_TEXT, link_text).click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url != before)


def test_every_switch_keeps_the_page(browser, served):
    """Across editions in Bokmål, across languages in each edition, and back."""
    browser.set_window_size(1400, 1000)
    editions = [release.name for release in releases()]
    old, current = editions[0], editions[-1]
    browser.get(f"{served}/nb/{old}/{PAGE}")
    assert browser.find_element(By.CSS_SELECTOR, ".smh-edition-banner").is_displayed()
    choose(browser, "smh-version-switcher", current)
    assert path(browser) == f"/nb/latest/{PAGE}"
    assert not browser.find_elements(By.CSS_SELECTOR, ".smh-edition-banner")
    choose(browser, "smh-site-languages", "English")
    assert path(browser) == f"/en/latest/{PAGE}"
    assert browser.execute_script("return document.documentElement.lang") == "en"
    choose(browser, "smh-version-switcher", "dev")
    assert path(browser) == f"/en/dev/{PAGE}"
    assert "working version" in browser.find_element(By.CSS_SELECTOR, ".smh-edition-banner").text
    choose(browser, "smh-site-languages", "Dansk")
    assert path(browser) == f"/da/dev/{PAGE}"
    choose(browser, "smh-version-switcher", current)
    assert path(browser) == f"/da/latest/{PAGE}"
    choose(browser, "smh-site-languages", "Norsk bokmål")
    assert path(browser) == f"/nb/latest/{PAGE}"
    choose(browser, "smh-version-switcher", old)
    assert path(browser) == f"/nb/{old}/{PAGE}"
    # The first edition was Bokmål only: English there is the current edition's same page.
    choose(browser, "smh-site-languages", "English")
    assert path(browser) == f"/en/latest/{PAGE}"


def test_an_english_page_offers_only_the_editions_published_in_english(browser, served):
    browser.get(f"{served}/en/latest/{PAGE}")
    nav = browser.find_element(By.CSS_SELECTOR, ".bd-header nav.smh-version-switcher")
    nav.find_element(By.TAG_NAME, "summary").click()
    offered = [
        item.text.split(" ")[0] for item in nav.find_elements(By.CSS_SELECTOR, "li:not(.smh-menu-extra)")
    ]
    english = [r.name for r in reversed(releases()) if "en" in r.languages]
    assert offered == [*english, "dev"]


def test_the_switchers_are_in_the_phone_menu_too(browser, served):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{served}/nb/latest/{PAGE}")
        browser.find_element(By.CSS_SELECTOR, "button.primary-toggle").click()
        menu = WebDriverWait(browser, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".sidebar-header-items__end nav.smh-version-switcher")
        )
        WebDriverWait(browser, 10).until(lambda d: menu.is_displayed())
    finally:
        browser.set_window_size(1400, 1000)


@pytest.mark.parametrize(
    ("start", "lang"), [("r/SAM-01/", "nb"), ("en/r/SAM-12/", "en"), ("da/r/SYK-08/", "da")]
)
def test_a_permalink_lands_on_the_recommendation_in_latest(browser, served, start, lang):
    rec = start.rstrip("/").rsplit("/", 1)[1]
    browser.get(f"{served}/{start}")
    WebDriverWait(browser, 10).until(lambda d: f"/{lang}/latest/" in d.current_url)
    assert browser.current_url.endswith(f"#rec-{rec.lower()}")
    target = browser.find_element(By.ID, f"rec-{rec.lower()}")
    assert rec in target.text
