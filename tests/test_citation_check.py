"""validate.py references: cited keys exist, every entry is cited or allowed with a reason."""

from pathlib import Path

import pytest

from validate import main

PROJECT = Path(__file__).resolve().parent.parent
CLEAN = (Path(__file__).parent / "data" / "bib" / "good" / "clean.bib").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "refs.bib").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "allow.toml").write_text("[uncited]\n", encoding="utf-8")
    return tmp_path


def run(capsys, project, *extra):
    status = main(
        [
            "references",
            "--source",
            str(project / "source"),
            "--allow",
            str(project / "allow.toml"),
            str(project / "refs.bib"),
            *extra,
        ]
    )
    return status, capsys.readouterr().out.splitlines()


def test_the_repository_passes(capsys):
    bibs = [str(p) for p in sorted((PROJECT / "references").glob("*.bib"))]
    args = [
        "references",
        "--source",
        str(PROJECT / "source"),
        "--allow",
        str(PROJECT / "references" / "uncited.toml"),
    ]
    assert main([*args, *bibs]) == 0
    assert capsys.readouterr().out == ""


def test_a_cited_entry_passes(capsys, project):
    (project / "source" / "page.md").write_text("Tekst {cite:p}`melzack1965pain`.\n", encoding="utf-8")
    assert run(capsys, project) == (0, [])


def test_an_unknown_key_is_reported_where_it_is_cited(capsys, project):
    page = project / "source" / "page.md"
    page.write_text("# Side\n\nTekst {cite:p}`melzack1965pain,wall1999nowhere`.\n", encoding="utf-8")
    status, lines = run(capsys, project)
    assert status == 1
    assert lines == [
        f"{page}:3: cites 'wall1999nowhere', which no file in references/ defines: "
        "correct the key, or add the entry to the collection's .bib file"
    ]


def test_an_uncited_entry_is_reported_at_its_line(capsys, project):
    status, lines = run(capsys, project)
    assert status == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{project / 'refs.bib'}:1: melzack1965pain: cited nowhere")


def test_an_allowed_entry_needs_a_reason(capsys, project):
    (project / "allow.toml").write_text('[uncited]\nmelzack1965pain = "kept for the history chapter"\n')
    assert run(capsys, project) == (0, [])
    (project / "allow.toml").write_text('[uncited]\nmelzack1965pain = ""\n')
    status, lines = run(capsys, project)
    assert status == 1
    assert lines == [f"{project / 'allow.toml'}:1: 'melzack1965pain': give the reason it stays uncited"]


def test_a_broken_bib_file_is_reported_before_citations(capsys, project):
    (project / "refs.bib").write_text("@article{x,\n title = {Open\n", encoding="utf-8")
    status, lines = run(capsys, project)
    assert status == 1
    assert lines == [f"{project / 'refs.bib'}:2: syntax error: premature end of file"]
