"""scripts/validate.py: each problem as FILE:LINE: message, exit 1 on any problem, 0 when clean."""

from pathlib import Path

import pytest

from validate import main

PROJECT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "bib"


def run(capsys, *argv):
    status = main(list(argv))
    return status, capsys.readouterr().out.splitlines()


def test_the_repository_bibliography_is_clean(capsys):
    status, lines = run(capsys, "bib", *map(str, sorted((PROJECT / "references").glob("*.bib"))))
    assert (status, lines) == (0, [])


def test_a_clean_file_passes(capsys):
    assert run(capsys, "bib", str(DATA / "clean.bib")) == (0, [])


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("syntax-error.bib", 7, "syntax error"),
        (
            "duplicate-key.bib",
            8,
            "duplicate key 'tracey2010getting': already defined earlier in this file (line 1)",
        ),
        ("latin1.bib", 4, "file is not valid UTF-8"),
    ],
)
def test_a_broken_file_is_rejected_at_its_line(capsys, name, line, message):
    path = DATA / name
    status, lines = run(capsys, "bib", str(path))
    assert status == 1
    assert any(entry.startswith(f"{path}:{line}: {message}") for entry in lines), lines


def test_a_key_defined_in_two_files(capsys, tmp_path):
    copy = tmp_path / "other.bib"
    copy.write_text((DATA / "clean.bib").read_text(encoding="utf-8"), encoding="utf-8")
    status, lines = run(capsys, "bib", str(DATA / "clean.bib"), str(copy))
    assert status == 1
    assert lines == [
        f"{copy}:1: duplicate key 'melzack1965pain': already defined in {DATA / 'clean.bib'} (line 1)"
    ]
