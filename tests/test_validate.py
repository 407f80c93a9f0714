"""scripts/validate.py bib: each problem as FILE:LINE: message, exit 1 on any problem, 0 when clean.

Each file in tests/data/bib/bad/ has one fault and says on its first line where and what the
checker must report: ``% expect: LINE: message``.
"""

import datetime
from pathlib import Path

import pytest

from bib_check import check_bib_files
from validate import main

PROJECT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "bib"
BAD = sorted((DATA / "bad").glob("*.bib"))


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    return status, capsys.readouterr().out.splitlines()


def test_the_repository_bibliography_is_clean(capsys):
    assert run(capsys, "bib", *sorted((PROJECT / "references").glob("*.bib"))) == (0, [])


@pytest.mark.parametrize("path", sorted((DATA / "good").glob("*.bib")), ids=lambda p: p.name)
def test_a_clean_file_passes(capsys, path):
    assert run(capsys, "bib", path) == (0, [])


def test_the_corpus_covers_every_check():
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_a_broken_file_is_rejected_at_its_line(capsys, path):
    expected = path.read_bytes().split(b"\n", 1)[0].decode("ascii").removeprefix("% expect: ")
    status, lines = run(capsys, "bib", path)
    assert status == 1
    assert len(lines) == 1, lines  # one fault, one message
    assert lines[0].startswith(f"{path}:{expected}"), lines


def test_a_key_defined_in_two_files_of_the_corpus(capsys, monkeypatch):
    monkeypatch.chdir(PROJECT)  # the expectation names the first file by its path from the project
    first, second = (Path("tests/data/bib/cross-file") / name for name in ("first.bib", "second.bib"))
    expected = second.read_text(encoding="ascii").split("\n", 1)[0].removeprefix("% expect: ")
    status, lines = run(capsys, "bib", first, second)
    assert (status, lines) == (1, [f"{second}:{expected}"])
    assert run(capsys, "bib", second) == (0, [])  # each file on its own is clean


def test_a_key_defined_in_two_files(capsys, tmp_path):
    clean, copy = DATA / "good" / "clean.bib", tmp_path / "other.bib"
    copy.write_text(clean.read_text(encoding="utf-8"), encoding="utf-8")
    status, lines = run(capsys, "bib", clean, copy)
    assert status == 1
    assert lines == [f"{copy}:1: duplicate key 'melzack1965pain': already defined in {clean} (line 1)"]


def test_next_year_is_allowed_but_not_the_year_after(tmp_path):
    entry = "@article{a2027x,\n author = {A, B.},\n title = {T},\n journal = {J},\n year = {%s},\n}\n"
    path = tmp_path / "years.bib"
    today = datetime.date(2026, 11, 21)
    path.write_text(entry % 2027, encoding="utf-8")
    assert check_bib_files([path], today=today) == []
    path.write_text(entry % 2028, encoding="utf-8")
    assert [str(p) for p in check_bib_files([path], today=today)] == [
        f"{path}:5: a2027x: year 2028 lies after next year"
    ]
