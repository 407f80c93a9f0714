"""The built site in a real browser: Debian's headless Chromium, driven by Selenium.

The site is served over HTTP from the session's build; the expected orders and counts are
computed here from source/clinics/clinics.csv, independently of the extension.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import json
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PROJECT = Path(__file__).resolve().parent.parent
PAGE = "guideline/clinic-overview.html"


def clinics() -> list[dict[str, str]]:
    with (PROJECT / "source" / "clinics" / "clinics.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """The folder served over HTTP on a free local port, for as long as the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    with serving(site.html()) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[webdriver.Chrome]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "Chromium and chromium-driver are missing: `make browser` installs them"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    chrome.set_window_size(1400, 1000)
    yield chrome
    chrome.quit()


@pytest.fixture
def page(browser, server):
    browser.set_window_size(1400, 1000)
    browser.get(f"{server}/{PAGE}")
    browser.find_element(By.CSS_SELECTOR, ".clinic-directory.is-interactive")  # the script has run
    return browser


def as_phone(browser) -> None:
    """A phone-sized window; the resize reaches the page asynchronously, so wait for the
    stylesheets' phone query to hold."""
    browser.set_window_size(390, 844)
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return matchMedia('(max-width: 40rem)').matches")
    )


def visible_rows(browser) -> list:
    return [
        row
        for row in browser.find_elements(By.CSS_SELECTOR, "#guideline-table-clinics tbody tr")
        if row.is_displayed()
    ]


def ids(rows) -> list[str]:
    return [row.get_attribute("id").removeprefix("clinic-") for row in rows]


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".clinic-directory-status").text


def test_the_controls_appear_and_every_unit_is_listed(page):
    assert page.find_element(By.CSS_SELECTOR, "form.clinic-directory-controls").is_displayed()
    total = len(clinics())
    assert len(visible_rows(page)) == total
    assert status(page) == f"Viser {total} av {total} enheter."


def test_sorting_by_waiting_time_with_the_header_button(page):
    header = page.find_element(By.CSS_SELECTOR, 'th[data-key="waiting"]')
    header.find_element(By.TAG_NAME, "button").click()
    data = clinics()
    with_time = sorted((c for c in data if c["waiting_weeks"]), key=lambda c: int(c["waiting_weeks"]))
    without = [c for c in data if not c["waiting_weeks"]]  # always last, in the source's order
    assert ids(visible_rows(page)) == [c["id"] for c in with_time + without]
    assert header.get_attribute("aria-sort") == "ascending"
    header.find_element(By.TAG_NAME, "button").click()
    descending = sorted(with_time, key=lambda c: -int(c["waiting_weeks"]))
    assert [r for r in ids(visible_rows(page)) if r not in {c["id"] for c in without}][:1] == [
        descending[0]["id"]
    ]
    assert header.get_attribute("aria-sort") == "descending"
    assert "Sortert etter Ventetid i uker, september 2014, synkende." in status(page)


def test_sorting_by_unit_name_follows_norwegian_alphabetical_order(page):
    page.find_element(By.CSS_SELECTOR, 'th[data-key="unit"] button').click()
    names = [row.find_element(By.TAG_NAME, "th").text for row in visible_rows(page)]
    assert names[0] == "Avdeling for smertebehandling, Sykehuset Telemark"
    poliklinikker = [n for n in names if n.startswith("Smertepoliklinikken, ")]
    assert poliklinikker[-1] == "Smertepoliklinikken, Ålesund Sjukehus"  # Å is the last letter in Norwegian
    assert poliklinikker[0] == "Smertepoliklinikken, Helse Bergen"


def test_filtering_by_region_and_by_staff_category(page):
    Select(page.find_element(By.CSS_SELECTOR, '[data-control="region"]')).select_by_value("Helse Vest")
    vest = [c["id"] for c in clinics() if c["region"] == "Helse Vest"]
    assert ids(visible_rows(page)) == vest
    assert status(page) == f"Viser {len(vest)} av {len(clinics())} enheter."
    Select(page.find_element(By.CSS_SELECTOR, '[data-control="region"]')).select_by_value("")
    Select(page.find_element(By.CSS_SELECTOR, '[data-control="staff"]')).select_by_value("psykiater")
    assert ids(visible_rows(page)) == [c["id"] for c in clinics() if "psykiater" in c["staff"].split(";")]
    Select(page.find_element(By.CSS_SELECTOR, '[data-control="region"]')).select_by_value("Helse Nord")
    both = [
        c["id"] for c in clinics() if c["region"] == "Helse Nord" and "psykiater" in c["staff"].split(";")
    ]
    assert ids(visible_rows(page)) == both == []


def test_on_a_phone_units_are_cards_and_the_sort_menu_works(page):
    as_phone(page)
    head = page.find_element(By.CSS_SELECTOR, "#guideline-table-clinics thead")
    assert head.size["height"] <= 1 and head.size["width"] <= 1  # visually hidden, still read out
    first_row = page.find_element(By.CSS_SELECTOR, "#guideline-table-clinics tbody tr")
    assert first_row.value_of_css_property("display") == "block"
    Select(page.find_element(By.CSS_SELECTOR, '[data-control="sort"]')).select_by_value(
        "referrals:descending"
    )
    busiest = max((c for c in clinics() if c["referrals"]), key=lambda c: int(c["referrals"]))
    assert ids(visible_rows(page))[0] == busiest["id"]
    width = page.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces the page sideways


def test_on_a_phone_the_cards_are_still_a_table_to_assistive_technology(page):
    """The markup has no ARIA roles (HTML forbids them inside a table); the card layout's CSS
    display must not cost the table, row, row-header and cell roles (WebDriver's computed role)."""
    as_phone(page)
    table = page.find_element(By.CSS_SELECTOR, "#guideline-table-clinics table")
    row = table.find_element(By.CSS_SELECTOR, "tbody tr")
    assert row.value_of_css_property("display") == "block"  # the card layout is in force
    roles = [
        table.aria_role,
        row.aria_role,
        row.find_element(By.CSS_SELECTOR, "th").aria_role,
        row.find_element(By.CSS_SELECTOR, "td").aria_role,
    ]
    assert roles == ["table", "row", "rowheader", "cell"]


def test_scrolled_sideways_the_unit_names_stay_in_view(page):
    page.set_window_size(1280, 1000)
    left = page.execute_script(
        "const box = document.querySelector('.clinic-directory-scroll');"
        "box.scrollLeft = box.scrollWidth;"
        "const name = document.querySelector('#guideline-table-clinics tbody th');"
        "const cell = document.querySelector('#guideline-table-clinics tbody td');"
        "return [box.scrollLeft, box.getBoundingClientRect().left,"
        " name.getBoundingClientRect().left, cell.getBoundingClientRect().left];"
    )
    scrolled, box, name, first_cell = left
    assert scrolled > 0, "the table fits: nothing to scroll at this width"
    assert abs(name - box) <= 1  # the unit's name is pinned to the left edge
    assert first_cell < box  # while the cells beside it have scrolled out of view


def test_the_page_makes_no_third_party_requests(page, server):
    page.get_log("performance")  # drop what earlier tests left
    page.get(f"{server}/{PAGE}")
    page.find_element(By.CSS_SELECTOR, ".clinic-directory.is-interactive")
    urls = []
    for entry in page.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert urls, "no requests were logged"
    outside = [url for url in urls if not url.startswith((server, "data:"))]
    assert outside == []


AXE = Path(sys.prefix) / "share" / "axe-core" / "axe.min.js"  # `make browser` fetches it
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every page written from source/, plus the pages Sphinx writes itself.
SOURCE_PAGES = sorted(
    str(md.relative_to(PROJECT / "source").with_suffix(".html"))
    for md in (PROJECT / "source").rglob("*.md")
    if "_templates" not in md.parts
)
CHECKED_PAGES = [*SOURCE_PAGES, "genindex.html", "search.html"]


@pytest.mark.parametrize("path", CHECKED_PAGES)
def test_axe_finds_no_wcag_violations_in_light_or_dark_mode(browser, server, path):
    assert AXE.is_file(), "axe-core is missing: `make browser` fetches it"
    browser.set_window_size(1400, 1000)
    browser.get(f"{server}/{path}")
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    for mode in ("light", "dark"):
        browser.execute_script(f"document.documentElement.dataset.theme = '{mode}'")
        # The theme fades colours over .15 s; axe must judge the settled colours, not a
        # frame in between, so wait for every running CSS transition to finish first.
        violations = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            ".then(() => Promise.all(document.getAnimations()"
            ".filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null))))"
            f".then(() => axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(WCAG)}}}}}))"
            ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes[0].html.slice(0, 100))));"
        )
        assert violations == [], f"{path} ({mode})"


# Text boxes whose content must wrap inside them; wide tables, code and figures scroll instead.
TEXT_BOXES = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, figcaption"


@pytest.mark.parametrize("path", CHECKED_PAGES)
def test_on_a_phone_no_text_runs_off_the_side(browser, server, path):
    """Norwegian compounds and URLs wrap: the article never needs sideways scrolling at 390 px."""
    browser.get(f"{server}/{path}")
    as_phone(browser)
    article, overflowing = browser.execute_script(
        "const article = document.querySelector('.bd-article-container');"
        f"const boxes = [...article.querySelectorAll({json.dumps(TEXT_BOXES)})];"
        "return [[article.scrollWidth, article.clientWidth],"
        " boxes.filter(b => b.scrollWidth > b.clientWidth + 1)"
        "  .map(b => b.tagName + ': ' + b.textContent.trim().slice(0, 60))];"
    )
    assert overflowing == [], path
    assert article[0] <= article[1] + 1, f"{path}: the article is {article[0]} px wide in {article[1]} px"
