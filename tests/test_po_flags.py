"""scripts/po_flags.py: the pages' messages are text, so msgfmt accepts "50% pain relief"."""

import subprocess

from po_flags import main

CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, python-format
msgid "Minst 50 % smertelindring."
msgstr "At least 50% pain relief."

#, fuzzy, python-brace-format
msgid "Se {ref}`x`."
msgstr "See {ref}`x`."
"""


def test_guessed_format_flags_go_and_msgfmt_accepts_the_translation(tmp_path):
    page = tmp_path / "page.po"
    page.write_text(CATALOGUE, encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(page)], capture_output=True).returncode
    assert main([str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "python-format" not in text and "python-brace-format" not in text
    assert '#, fuzzy\nmsgid "Se {ref}`x`."' in text
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(page)]).returncode == 0


def test_the_extensions_catalogue_keeps_its_real_placeholders(tmp_path):
    words = tmp_path / "smertehandboka.po"
    words.write_text(CATALOGUE, encoding="utf-8")
    main([str(words)])
    assert words.read_text(encoding="utf-8") == CATALOGUE
