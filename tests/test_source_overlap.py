"""scripts/source_overlap.py: runs of words shared with a source are found at FILE:LINE."""

import pytest
from source_overlap import main

SOURCE = (
    "Pasienter med langvarig smerte bør få et tverrfaglig tilbud når tiltakene i primær-\n"
    "helsetjenesten ikke har ført frem, og ventetiden bør være kort.\n"
)


def project(tmp_path, page_text):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "veileder.txt").write_text(SOURCE, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(page_text, encoding="utf-8")
    return ["--sources", str(tmp_path / "sources"), str(page)], page


def test_a_ten_word_run_is_reported_at_its_line_across_a_hyphenated_break(tmp_path, capsys):
    argv, page = project(
        tmp_path,
        "# Tittel\n\nSom kjent: Tiltakene i primærhelsetjenesten ikke har ført frem,\n"
        "og ventetiden bør være.\n",
    )
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{page}:3: 11 words shared with veileder.txt: ")
    assert "tiltakene i primærhelsetjenesten ikke har ført frem og ventetiden bør være" in out


def test_nine_words_in_a_row_and_our_own_sentences_pass(tmp_path, capsys):
    argv, _page = project(
        tmp_path, "Tiltakene i primærhelsetjenesten ikke har ført frem, og ventetiden – kort.\n"
    )
    assert main(argv) == 0
    assert capsys.readouterr().out == ""


def test_a_folder_without_sources_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit) as stop:
        main(["--sources", str(tmp_path / "empty")])
    assert stop.value.code == 2
    assert "no source extracts (*.txt) there" in capsys.readouterr().err
