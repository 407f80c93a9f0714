"""Honest translation status: the report per page, and the notice on an incomplete page."""

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from translation_status import main

TEMPLATE = "".join(f'msgid "{text}"\nmsgstr ""\n\n' for text in ("", "Første", "Andre", "Tredje"))
CATALOGUE = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Første"\nmsgstr "First"\n\n'
    '#, fuzzy\nmsgid "Andre"\nmsgstr "Second"\n'
)


def test_the_report_counts_translated_fuzzy_and_untranslated_per_page(tmp_path, capsys):
    (tmp_path / "pot" / "guideline").mkdir(parents=True)
    (tmp_path / "pot" / "guideline" / "summary.pot").write_text(TEMPLATE, encoding="utf-8")
    catalogue = tmp_path / "translations" / "en" / "LC_MESSAGES" / "guideline" / "summary.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    argv = ["--pot", str(tmp_path / "pot"), "--translations", str(tmp_path / "translations"), "en"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if "guideline/summary" in line).split()
    assert row[1:5] == ["guideline/summary", "33.3%", "1", "1"]  # translated, fuzzy, untranslated
    assert main([*argv, "--require", "100"]) == 1
    assert "en is 33.3% translated, below 100%" in capsys.readouterr().err


@pytest.mark.sphinx("html", testroot="translation-notice", freshenv=True)
def test_a_complete_page_has_no_notice_and_a_changed_source_string_brings_it(app):
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("h1").get_text(strip=True).startswith("About pain")
    assert page.select_one(".translation-notice") is None

    source = app.srcdir / "index.md"  # the Bokmål changes after the translation was made
    source.write_text(source.read_text(encoding="utf-8").replace("varer lenge", "varer i mange måneder"))
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = page.select_one(".translation-notice")
    assert notice.select_one(".admonition-title").get_text() == "This translation is not finished"
    assert "Only 66% of this page is translated" in notice.get_text()
    assert notice.select_one("a")["href"] == "../nb/index.html"
    assert "Langvarig smerte varer i mange måneder." in page.get_text()  # shown in Bokmål, not stale


def test_the_published_translations_are_complete(tmp_path):
    """Every published translation has every current message translated, none fuzzy."""
    from languages import languages

    project = Path(__file__).resolve().parent.parent
    build = subprocess.run(
        ["make", "--no-print-directory", "gettext", f"BUILDDIR={tmp_path}"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    published = [code for code, lang in languages().items() if lang.published and not lang.source]
    assert published  # English at least
    from translation_status import language_status, total

    for code in published:
        summed = total(language_status(tmp_path / "gettext", project / "translations", code))
        assert (code, summed.percent, summed.fuzzy) == (code, 100.0, 0), summed
