"""translations/languages.toml: the site's languages as data, and the number formats they give."""

import subprocess
import sys

import pytest
from languages import PROJECT_TABLE, LanguageTableError, language, languages

NBSP = "\u00a0"


def test_the_table_has_one_source_language_and_lists_it_first():
    table = languages()
    assert next(iter(table)) == "nb" and table["nb"].source
    assert {"nb", "en", "da"} <= set(table)
    assert [code for code, lang in table.items() if lang.source] == ["nb"]


@pytest.mark.parametrize(
    ("code", "value", "expected"),
    [
        ("nb", 10300, f"10{NBSP}300"),
        ("nb", 1849, "1849"),
        ("nb", 8.3, "8,3"),
        ("en", 10300, "10,300"),
        ("en", 1849, "1,849"),
        ("en", 8.3, "8.3"),
        ("da", 10300, "10.300"),
        ("da", 8.3, "8,3"),
    ],
)
def test_numbers_follow_the_language(code, value, expected):
    assert language(code).format_number(value) == expected


def test_percent_signs_follow_the_language():
    assert language("nb").format_percent(25) == f"25{NBSP}%"
    assert language("en_GB").format_percent(25) == "25%"
    assert language("da").format_percent(8.3) == f"8,3{NBSP}%"


def test_the_makefile_reads_the_table_as_scripts_do():
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "languages"],
        cwd=PROJECT_TABLE.parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    table = languages()
    source = next(code for code, lang in table.items() if lang.source)
    published = [code for code, lang in table.items() if lang.published]
    assert result.stdout.splitlines() == [
        f"source: {source}",
        f"translated: {' '.join(code for code in table if code != source)}",
        f"built: {' '.join(published)}",
    ]
    cli = subprocess.run(
        [sys.executable, str(PROJECT_TABLE.parent.parent / "scripts" / "languages.py"), "published"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert cli.stdout.split() == published


def test_a_table_without_a_source_language_is_refused(tmp_path):
    table = tmp_path / "languages.toml"
    table.write_text(
        '[en]\nname = "English"\nsource = false\npublished = true\nsearch = "en"\n'
        'thousands = ","\ngroup_from = 1000\ndecimal = "."\npercent = ""\ndate = "%-d %B %Y"\n',
        encoding="utf-8",
    )
    with pytest.raises(LanguageTableError, match="exactly one language must have source = true"):
        languages(table)


def test_a_missing_field_names_the_file_and_the_language(tmp_path):
    table = tmp_path / "languages.toml"
    table.write_text('[nb]\nname = "Norsk bokmål"\nsource = true\n', encoding="utf-8")
    with pytest.raises(LanguageTableError, match=r"languages.toml: \[nb\]: .*missing"):
        languages(table)


@pytest.mark.parametrize(
    ("code", "expected"), [("nb", "%-d. %B %Y"), ("en", "%-d %B %Y"), ("da", "%-d. %B %Y")]
)
def test_dates_are_written_the_way_the_language_writes_them(code, expected):
    from types import SimpleNamespace

    from language_formats import set_date_format

    config = SimpleNamespace(today_fmt=None, language=code)
    set_date_format(None, config)
    assert config.today_fmt == expected
