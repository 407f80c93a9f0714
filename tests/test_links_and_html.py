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


def test_a_published_editions_errors_must_stay_exactly_as_listed(tiny_site: Path, tmp_path: Path):
    write(tiny_site, "nb/2026.1/index.html", '<p><img src="x.png"></p>')
    message = (
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images."
    )
    listed = tmp_path / "published.toml"

    def published(count: int) -> None:
        listed.write_text(
            f'[[published]]\nedition = "2026.1"\nlang = "nb"\npage = "index.html"\nkind = "error"\n'
            f'count = {count}\nmessage = "{message}"\n',
            encoding="utf-8",
        )

    published(1)
    status, output = run("check_html.py", "--allowed", listed, tiny_site)
    assert status == 0, output
    published(2)  # one of the listed errors has gone: the list is out of date
    status, output = run("check_html.py", "--allowed", listed, tiny_site)
    assert status == 1
    assert f"{tiny_site / 'nb/2026.1/index.html'}: published before the gate with 2 × error" in output, output
    assert "now 1" in output
    write(tiny_site, "nb/2026.1/index.html", '<p><img src="x.png"><img src="y.png"><img src="z.png"></p>')
    status, output = run("check_html.py", "--allowed", listed, tiny_site)
    assert status == 1 and "now 3" in output, output
