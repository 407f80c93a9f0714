"""The published tree's quality gates: links and anchors (LinkChecker, scripts/check_links.py) and
HTML validity (the Nu Html Checker, scripts/check_html.py), on the real assembled site and on
small trees broken on purpose. Real LinkChecker and real vnu every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PAGE = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
{body}
</body></html>
"""


def run(script: str, *args: str | Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    return result.returncode, result.stdout + result.stderr


def write(root: Path, path: str, body: str, title: str = "Side") -> Path:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return target


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """A root page and one edition, every link and anchor whole, in the published tree's shape."""
    site = tmp_path / "site"
    write(site, "index.html", '<p><a href="nb/dev/">Bokmål</a></p>')
    write(
        site,
        "nb/dev/index.html",
        '<p><a href="page.html#here">her</a></p>\n<p><a href="http://localhost:9/outside">ute</a></p>',
    )
    write(site, "nb/dev/page.html", '<h1 id="here">Her</h1>\n<p><a href="index.html">tilbake</a></p>')
    return site


# Links ------------------------------------------------------------------------------------------


def test_every_link_and_anchor_of_the_published_site_resolves(assembled_site: Path):
    status, output = run("check_links.py", assembled_site)
    assert status == 0, output[-6000:]
    pages = sum(
        1 for p in assembled_site.rglob("*.html") if "_static" not in p.relative_to(assembled_site).parts
    )
    assert f"{pages} of {pages} pages reached" in output, output[-2000:]


def test_a_whole_tree_passes_and_external_links_are_not_followed(tiny_site: Path):
    status, output = run("check_links.py", tiny_site)
    assert status == 0, output
    assert "3 of 3 pages reached" in output and "1 external not followed" in output


def test_a_broken_link_a_broken_anchor_and_an_unreached_page_fail_with_their_page(tiny_site: Path):
    page = tiny_site / "nb" / "dev" / "page.html"
    write(
        tiny_site,
        "nb/dev/page.html",
        '<h1 id="here">Her</h1>\n<p><a href="index.html#nowhere">tilbake</a></p>\n'
        '<p><a href="gone.html">borte</a></p>',
    )
    write(tiny_site, "nb/dev/orphan.html", "<p>Ingen lenker hit.</p>")
    status, output = run("check_links.py", tiny_site)
    assert status == 1
    lines = output.splitlines()
    assert any(
        line.startswith(f"{page}:5:")
        and "index.html#nowhere" in line
        and "Anchor `nowhere' (decoded: `nowhere') not found" in line
        for line in lines
    ), output
    assert any(line.startswith(f"{page}:6:") and "gone.html" in line and "404" in line for line in lines), (
        output
    )
    assert f"{tiny_site / 'nb/dev/orphan.html'}: not reached" in output


def test_external_links_are_listed_with_their_page_and_never_fail(tiny_site: Path):
    status, output = run("check_links.py", "--external", tiny_site)
    assert status == 0, output
    [line] = [line for line in output.splitlines() if "localhost:9" in line]
    verdict, url, where, _ = line.split("\t")
    assert verdict == "BROKEN" and url == "http://localhost:9/outside"
    assert where.startswith(str(tiny_site / "nb" / "dev" / "index.html") + ":")


# HTML validity ----------------------------------------------------------------------------------


def test_every_page_of_the_published_site_is_valid_html(assembled_site: Path):
    status, output = run("check_html.py", assembled_site)
    assert status == 0, output[-6000:]


def test_an_invalid_page_fails_with_file_line_and_message(tiny_site: Path):
    page = write(tiny_site, "nb/dev/page.html", '<h1 id="here">Her</h1>\n<p><img src="x.png"></p>')
    status, output = run("check_html.py", tiny_site)
    assert status == 1
    assert f"{page}:5: error: An “img” element must have an “alt” attribute" in output, output


def test_an_unlisted_warning_fails_and_a_listed_one_passes(tiny_site: Path, tmp_path: Path):
    page = write(
        tiny_site, "nb/dev/page.html", '<h1 id="here">Her</h1>\n<section><p>Uten overskrift.</p></section>'
    )
    empty = tmp_path / "none.toml"
    empty.write_text("", encoding="utf-8")
    status, output = run("check_html.py", "--allowed", empty, tiny_site)
    assert status == 1
    assert f"{page}:5: warning: Section lacks heading." in output, output
    listed = tmp_path / "listed.toml"
    listed.write_text(
        '[[warning]]\nmessage = "Section lacks heading\\\\. .*"\npages = ["nb/dev/*"]\nreason = "a test"\n',
        encoding="utf-8",
    )
    status, output = run("check_html.py", "--allowed", listed, tiny_site)
    assert status == 0, output


# Markup of 2026.1 and 2026.2 (trimmed): ARIA roles in the directory's table, aria-controls on
# sphinx-design's tab labels, Sphinx's translated flag on a meta tag.
OLD_HEAD = '<meta content="Om smerte." name="description" translated="True" />'
OLD_BODY = """<table class="clinic-directory-table" role="table"><caption>Enheter</caption>
<thead><tr><th scope="col">Enhet</th><th scope="col">Region</th></tr></thead>
<tbody><tr id="clinic-unn" role="row"><th scope="row" role="rowheader">UNN</th>
<td role="cell">Helse Nord</td></tr></tbody>
</table>
<div class="sd-tab-set docutils">
<input checked="checked" id="sd-tab-item-0" name="sd-tab-set-0" type="radio">
<label aria-controls="sd-tab-item-0-content" class="sd-tab-label" for="sd-tab-item-0">
Én</label><div class="sd-tab-content docutils" id="sd-tab-item-0-content"><p>1</p></div>
<input id="sd-tab-item-1" name="sd-tab-set-0" type="radio">
<label aria-controls="sd-tab-item-1-content" class="sd-tab-label" for="sd-tab-item-1">
To</label><div class="sd-tab-content docutils" id="sd-tab-item-1-content"><p>2</p></div>
</div>"""


def test_an_old_editions_invalid_markup_fails_and_is_valid_once_repaired(tiny_site: Path):
    """The gate has no list of excused errors: an old edition's markup fails it as built, and
    passes after site_repairs.repair(), which the assembly applies to every edition but dev."""
    from site_repairs import repair

    page = write(tiny_site, "nb/2026.1/index.html", OLD_BODY)
    built = page.read_text(encoding="utf-8").replace("</title>", "</title>" + OLD_HEAD)
    page.write_text(built, encoding="utf-8")
    status, output = run("check_html.py", tiny_site)
    assert status == 1
    for message in (
        "error: Attribute “translated” not allowed on element “meta” at this point.",
        "error: The “aria-controls” attribute must not be used on any “label” element",
        "error: The “role” attribute must not be used on a “tr” element",
        "error: The “role” attribute must not be used on a “th” element",
        "error: The “role” attribute must not be used on a “td” element",
    ):
        assert f"{page}:" in output and message in output, output
    repaired = repair(built)
    assert 'aria-controls="sd-tab-item-1-content" id="sd-tab-item-1"' in repaired
    assert repair(repaired) == repaired
    page.write_text(repaired, encoding="utf-8")
    status, output = run("check_html.py", tiny_site)
    assert status == 0, output
