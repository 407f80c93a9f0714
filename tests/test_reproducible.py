"""Reproducible builds: two clean builds of one tree, in two folders, give the same files, but for
the documented exceptions (scripts/compare_builds.py); every build is stamped with the last
commit's time."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from compare_builds import EXCEPTIONS, compare, main
from project_copy import copy_project
from pypdf import PdfReader

PROJECT = Path(__file__).resolve().parent.parent


def make_env(**changes: str | None) -> dict[str, str]:
    """The environment for a make of our own (not part of a calling make), with these variables
    set, or removed where None."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")} | changes
    return {key: value for key, value in env.items() if value is not None}


def build_epoch(cwd: Path, env: dict[str, str]) -> str:
    """The SOURCE_DATE_EPOCH the Makefile exports to its recipes, run in cwd."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-f", str(PROJECT / "Makefile"), "--eval",
         "print-epoch: ; @echo $$SOURCE_DATE_EPOCH $$FORCE_SOURCE_DATE", "print-epoch"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )  # fmt: skip
    return result.stdout.strip()


def commit_time() -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_two_clean_builds_in_two_folders_are_byte_identical(site, tmp_path):
    """The session's build, and one more of the same tree copied elsewhere: every page, the search
    index, every PDF and every LaTeX file the same, but for the documented exceptions, each of
    which still occurs."""
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        ["make", "--no-print-directory", "html", "pdf", "LANGUAGES=nb", "BUILDDIR=build",
         f"VENV={PROJECT / '.venv'}"],
        cwd=project, capture_output=True, text=True, env=make_env(),
    )  # fmt: skip
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    second = project / "build"
    assert (second / "html" / "nb" / "searchindex.js").is_file()
    assert sorted((second / "pdf" / "nb").glob("*.pdf"))
    assert compare(site.build_dir, second, ["nb"]) == []


def test_the_handbooks_carry_the_last_commits_time(site):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or commit_time())
    pdfs = sorted(site.pdf().glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert PdfReader(pdf).metadata.creation_date == dt.datetime.fromtimestamp(epoch, dt.UTC), pdf.name


def test_source_date_epoch_is_the_last_commits_time_unless_given():
    assert build_epoch(PROJECT, make_env(SOURCE_DATE_EPOCH=None)) == f"{commit_time()} 1"
    assert build_epoch(PROJECT, make_env(SOURCE_DATE_EPOCH="1700000000")) == "1700000000 1"


def test_without_git_history_source_date_epoch_is_the_newest_source_files_time(tmp_path):
    """An exported tree (git archive: every file has the commit's time) builds the same."""
    tree = tmp_path / "export"
    (tree / "source").mkdir(parents=True)
    (tree / "translations").mkdir()
    shutil.copy(PROJECT / "translations" / "languages.toml", tree / "translations")
    (tree / "source" / "index.md").write_text("# Tittel\n", encoding="utf-8")
    os.utime(tree / "translations" / "languages.toml", (1600000000, 1600000000))
    os.utime(tree / "source" / "index.md", (1700000000, 1700000000))
    assert (
        build_epoch(tree, make_env(SOURCE_DATE_EPOCH=None, GIT_CEILING_DIRECTORIES=str(tmp_path)))
        == "1700000000 1"
    )


def tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


PAGE = b"<html>\n<body>\n<p>Smerte</p>\n</body>\n</html>\n"


def test_the_gate_names_a_file_that_differs_at_its_line(tmp_path):
    one = tree(
        tmp_path / "one", {"html/nb/index.html": PAGE, "html/nb/searchindex.js": b"Search.setIndex({})"}
    )
    other = tree(
        tmp_path / "other",
        {
            "html/nb/index.html": PAGE.replace(b"Smerte", b"Smerter"),
            "html/nb/searchindex.js": b"Search.setIndex({})",
        },
    )
    assert compare(one, other, exceptions={}) == [
        f"{one}/html/nb/index.html:3: differs from {other}/html/nb/index.html"
    ]


def test_the_gate_names_a_binary_difference_and_a_missing_file(tmp_path):
    one = tree(tmp_path / "one", {"pdf/nb/a.pdf": b"%PDF-1.5\n\xe2\xe3\xcf\xd3 1", "latex/nb/a.tex": b"x"})
    other = tree(
        tmp_path / "other", {"pdf/nb/a.pdf": b"%PDF-1.5\n\xe2\xe3\xcf\xd3 2", "html/da/b.html": b"y"}
    )
    assert compare(one, other, exceptions={}) == [
        f"{one}/latex/nb/a.tex: only in {one}, not in {other}",
        f"{other}/html/da/b.html: only in {other}, not in {one}",
        f"{one}/pdf/nb/a.pdf (byte 14): differs from {other}/pdf/nb/a.pdf",
    ]
    assert compare(one, other, ["nb"], exceptions={})[-1].startswith(f"{one}/pdf/nb/a.pdf")
    assert len(compare(one, other, ["nb"], exceptions={})) == 2  # html/da not compared


def test_an_exception_excuses_its_files_and_must_still_occur(tmp_path):
    one = tree(tmp_path / "one", {"latex/nb/graphviz-1.pdf": b"1", "latex/nb/graphviz-2.pdf": b"2"})
    other = tree(tmp_path / "other", {"latex/nb/graphviz-1.pdf": b"1", "latex/nb/graphviz-2.pdf": b"3"})
    assert compare(one, other, exceptions={"latex/*/graphviz-*.pdf": "dates"}) == []
    assert compare(one, other, exceptions={"latex/*/graphviz-*.pdf": "dates", "latex/*/*.fls": "paths"}) == [
        "latex/*/*.fls: an exception that no longer occurs (no file it matches differs); "
        "remove it from EXCEPTIONS in scripts/compare_builds.py and from README.md"
    ]


def test_the_command_exits_1_and_names_each_differing_file(tmp_path, capsys, monkeypatch):
    import compare_builds

    monkeypatch.setattr(compare_builds, "EXCEPTIONS", {})
    one = tree(tmp_path / "one", {"html/nb/a.html": b"a", "html/nb/b.html": b"b", "html/nb/c.html": b"c"})
    other = tree(tmp_path / "other", {"html/nb/a.html": b"a", "html/nb/b.html": b"B", "html/nb/c.html": b"C"})
    assert main([str(one), str(one)]) == 0
    capsys.readouterr()
    assert main([str(one), str(other)]) == 1
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines()] == [
        f"{one}/html/nb/b.html",
        f"{one}/html/nb/c.html",
    ]


@pytest.mark.parametrize("pattern", EXCEPTIONS)
def test_every_exception_is_documented_in_the_readme(pattern):
    assert f"`{pattern}`" in (PROJECT / "README.md").read_text(encoding="utf-8")
