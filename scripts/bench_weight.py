"""What a first visit to each type of page transfers, measured in Debian's headless Chromium.

The site is served gzip-compressed (scripts/serve_site.py, the stock builds by
scripts/gzip_server.py); for every page the browser starts
with an empty cache, loads the page and waits until the network is quiet, and the DevTools
protocol's performance log gives every response's type and ``encodedDataLength`` (bytes on the
wire, headers included), so only what the browser really fetched counts. The same pages are
measured in the same content built with stock pydata-sphinx-theme and with python-docs-theme
(scripts/bench_conf/conf.py). What only a search loads, the search index (searchindex.js) and the
hits' summaries (Sphinx's search fetches each hit's page for them), is counted on its own.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# The page types, and where each is in a language's build ("" for a root file of the site).
# Only our site has the pages scripts/assemble_site.py writes (downloads, what changed, permalinks).
# The chapter is the README's theme comparison page; the search page is opened with a query.
SEARCH_QUERY = "smerte"


@dataclass(frozen=True)
class PageType:
    name: str
    page: str
    edition: str = "dev"  # our site's folder: the working tree, or latest where only editions have it
    sphinx: bool = True  # built by Sphinx, so the stock themes have it too


PAGE_TYPES = (
    PageType("home", "index.html"),
    PageType("chapter", "commentary/nociplastic-pain.html"),
    PageType("recommendations", "guideline/recommendations.html"),
    PageType("clinic directory", "guideline/clinic-overview.html"),
    PageType("glossary", "glossary.html"),
    PageType("search", f"search.html?q={SEARCH_QUERY}"),
    PageType("general index", "genindex.html"),
    PageType("downloads", "downloads.html", sphinx=False),
    PageType("what changed", "changes.html", edition="latest", sphinx=False),
    PageType("permalink", "r/SAM-01/", edition="", sphinx=False),
)
THEMES = {"pydata-sphinx-theme (stock)": "pydata_sphinx_theme", "python-docs-theme": "python_docs_theme"}
OURS = "ours"
PAGE_KINDS = ("html", "css", "js", "fonts", "images", "other")
KINDS = {"Document": "html", "Stylesheet": "css", "Script": "js", "Font": "fonts", "Image": "images"}
SEARCH_INDEX = "searchindex.js"
SEARCH_HITS = (".html", ".txt")  # Sphinx's search fetches each hit's page (or source) for its summary
QUIET = 1.0  # seconds without network events: the page is done
LONGEST = 20.0


def our_address(page: PageType, lang: str) -> str:
    return page.page if not page.edition else f"{lang}/{page.edition}/{page.page}"


@contextmanager
def chromium(user_data: Path) -> Iterator[object]:
    from selenium import webdriver  # only here: the build parts need no browser
    from selenium.webdriver.chrome.service import Service

    chromium_path, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium_path and driver_path):
        raise RuntimeError("Chromium and chromium-driver are missing: `make browser` installs them")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        f"--user-data-dir={user_data}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def visit(driver, url: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """The DevTools network events of a first visit to ``url``."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get_log("performance")  # drop what came before
    driver.get(url)
    events: list[dict] = []
    start = last = time.monotonic()
    while time.monotonic() - last < QUIET and time.monotonic() - start < LONGEST:
        time.sleep(0.2)
        fresh = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
        fresh = [event for event in fresh if event["method"].startswith("Network.")]
        if fresh:
            events += fresh
            last = time.monotonic()
    return events


def weigh(events: Sequence[dict]) -> dict[str, int]:
    """Bytes on the wire by kind (PAGE_KINDS, search index, search results), and requests."""
    kinds: dict[str, str] = {}
    totals = dict.fromkeys((*PAGE_KINDS, "search_index", "search_results", "requests"), 0)
    for event in events:
        params = event["params"]
        if event["method"] == "Network.responseReceived":
            url = params["response"]["url"]
            if url.startswith("data:"):
                continue
            kind = KINDS.get(params.get("type", ""), "other")
            if url.split("?")[0].endswith(SEARCH_INDEX):
                kind = "search_index"
            elif params.get("type") in ("Fetch", "XHR") and url.split("?")[0].endswith(SEARCH_HITS):
                kind = "search_results"
            kinds[params["requestId"]] = kind
        elif event["method"] == "Network.loadingFinished" and params["requestId"] in kinds:
            totals[kinds[params["requestId"]]] += int(params["encodedDataLength"])
            totals["requests"] += 1
    return totals


def page_total(weights: dict[str, int]) -> int:
    """A first visit's bytes: everything the page loads but the search's own data."""
    return sum(weights[kind] for kind in PAGE_KINDS)


def measure(sites: dict[str, str], lang: str, user_data: Path) -> dict[str, object]:
    """Per page type, the weights of each site: {page type: {site: weights}}, with the page's
    address. ``sites`` maps a site's name to where it is served (OURS: the assembled site)."""
    pages: dict[str, object] = {}
    with chromium(user_data) as driver:
        for page in PAGE_TYPES:
            found: dict[str, object] = {}
            for name, address in sites.items():
                if name != OURS and not page.sphinx:
                    continue
                path = our_address(page, lang) if name == OURS else page.page
                weights = weigh(visit(driver, address + path))
                found[name] = {"address": path, **weights, "total": page_total(weights)}
            pages[page.name] = found
    return {"lang": lang, "search_query": SEARCH_QUERY, "pages": pages}
