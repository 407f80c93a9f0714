"""The browser gates over the published tree: every page type, in every language and edition.

The tree is the one make site assembles (the assembled_site fixture), served as a host that can
set headers would (scripts/serve_site.py): gzip, and each page's Content-Security-Policy as a
header with frame-ancestors. In Debian's headless Chromium each page must load with

- 0 Content-Security-Policy violations and 0 console errors;
- 0 requests to another host;
- 0 axe-core violations of WCAG 2.0, 2.1 and 2.2 A and AA, at desktop and phone widths, in light
  and dark mode.

Each gate is also fed a broken page (at the end), to show that it fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from serve_site import serving

AXE = test_browser.AXE
WCAG = [*test_browser.WCAG, "wcag22a"]
browser = test_browser.browser  # the same headless Chromium fixture as the other browser tests

# One page of each type an edition has: pages from source/ of each kind, and the pages Sphinx
# and the site assembly write. A type an edition lacks is skipped for it (what-changed pages
# exist in releases only).
PAGE_TYPES = {
    "home": "index.html",
    "chapter": "guideline/background.html",
    "chapter with recommendations": "guideline/summary.html",  # their "how to cite" links
    "recommendations": "guideline/recommendations.html",
    "directory": "guideline/clinic-overview.html",
    "charts": "education/perspective/assessment-treatment.html",
    "diagram": "education/course/alarm-system.html",
    "commentary": "commentary/nociplastic-pain.html",
    "glossary": "glossary.html",
    "index": "genindex.html",
    "search": "search.html?q=smerte",
    "downloads": "downloads.html",
    "changes": "changes.html",
    "open data": "data.html",
}
VIEWS = [("desktop", 1400, 1000), ("phone", 390, 844)]
MODES = ["light", "dark"]

# Before any script of the page runs: record Content-Security-Policy violations.
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") +
    " at " + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""
SETTLE_AND_AXE = (
    "const done = arguments[arguments.length - 1];"
    "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    ".then(() => Promise.all(document.getAnimations()"
    ".filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null))))"
    f".then(() => axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(WCAG)}}}}}))"
    ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length + ' × '"
    " + v.nodes[0].target.join(' ') + ' ' + v.nodes[0].html.slice(0, 120))));"
)


def editions(site: Path) -> list[tuple[str, str]]:
    return sorted(
        (lang.name, folder.name)
        for lang in site.iterdir()
        if lang.is_dir() and len(lang.name) == 2
        for folder in lang.iterdir()
        if (folder / "index.html").is_file()
    )


def cases(site: Path) -> list[tuple[str, str]]:
    """(page type, path under the site) for every page type of every language and edition."""
    found = []
    for lang, folder in editions(site):
        for kind, page in PAGE_TYPES.items():
            if (site / lang / folder / page.split("?")[0]).is_file():
                found.append((kind, f"{lang}/{folder}/{page}"))
    found += [("site root", "index.html"), ("not found", "404.html"), ("permalink", "r/SAM-01/")]
    return found


@pytest.fixture(scope="module")
def served(assembled_site) -> Iterator[str]:
    with serving(assembled_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(browser):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    browser.execute_cdp_cmd("Network.enable", {})
    return browser


def visit(browser, url: str) -> dict[str, list[str]]:
    """Load ``url``; what went wrong: policy violations, console errors, other hosts' requests."""
    browser.set_window_size(*VIEWS[0][1:])
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(url)
    # A permalink's page moves on at once (meta refresh): wait for the page it lands on.
    WebDriverWait(browser, 30).until(expected_conditions.presence_of_element_located((By.TAG_NAME, "body")))
    browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "if (document.readyState === 'complete') done(); else addEventListener('load', () => done());"
    )
    origin = url.split("/", 3)[:3]
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return {
        "policy violations": browser.execute_script("return window.__violations || []"),
        "console errors": [
            entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"
        ],
        "other hosts": [
            request for request in requests if not request.startswith(("/".join(origin) + "/", "data:"))
        ],
    }


def axe_violations(browser) -> dict[str, list[str]]:
    """axe-core's findings on the loaded page in each view (the page loaded again at its width, as
    a phone or a desktop browser would load it) and colour mode."""
    assert AXE.is_file(), "axe-core is missing: `make browser` fetches it"
    found = {}
    for view, width, height in VIEWS:
        if browser.get_window_size()["width"] != width:
            browser.set_window_size(width, height)
            browser.refresh()
        browser.execute_script(AXE.read_text(encoding="utf-8"))
        for mode in MODES:
            browser.execute_script(f"document.documentElement.dataset.theme = '{mode}'")
            violations = browser.execute_async_script(SETTLE_AND_AXE)
            if violations:
                found[f"{view}, {mode}"] = violations
    return found


def test_every_language_and_edition_is_covered(assembled_site):
    found = editions(assembled_site)
    assert ("nb", "2026.1") in found and ("da", "dev") in found and ("en", "latest") in found
    kinds = {kind for kind, _ in cases(assembled_site)}
    assert kinds == {*PAGE_TYPES, "site root", "not found", "permalink"}


def test_every_page_type_keeps_to_the_policy_and_passes_axe(chromium, served, assembled_site):
    """One test over all cases, so that one browser session loads each page once and runs axe in
    the four views; the failures of all pages are reported together."""
    failures = {}
    for kind, path in cases(assembled_site):
        problems = {name: found for name, found in visit(chromium, served + path).items() if found}
        if kind not in ("site root", "permalink"):  # these go on to another page at once
            problems.update(axe_violations(chromium))
        if problems:
            failures[f"{path} ({kind})"] = problems
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)


# The gates fed a broken page: each must notice.

BROKEN = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Brutt</title></head>
<body><main><h1>Brutt side</h1>
<script>document.title = "inline";</script>
<p style="color: red">Tekst</p>
<img src="bilde.png">
<script src="https://cdn.example.org/x.js"></script>
</main></body></html>
"""


def test_each_gate_fails_on_a_broken_page(chromium, tmp_path):
    import site_csp

    # The page's policy is made for it; then an inline script and a style attribute it has no hash
    # for are added, and the page loads a script from another host and has an image without text.
    page = site_csp.inject(BROKEN)
    page = page.replace("<p style=", "<script>document.body.dataset.x = 1;</script><p style=", 1)
    page = page.replace('style="color: red"', 'style="color: blue"')
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    with serving(tmp_path) as url:
        problems = visit(chromium, url + "index.html")
        violations = axe_violations(chromium)
    assert any("script-src" in v for v in problems["policy violations"])
    assert any("style-src" in v for v in problems["policy violations"])
    assert any("cdn.example.org" in r for r in problems["other hosts"])
    assert problems["console errors"]
    assert any(v.startswith("image-alt") for found in violations.values() for v in found)
