"""CITATION.cff: valid by cffconvert (in its own venv, `make cffconvert`), and naming the current
edition of releases.toml."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml
from releases import releases

PROJECT = Path(__file__).resolve().parent.parent
CITATION = PROJECT / "CITATION.cff"
CFFCONVERT = PROJECT / ".venv-cffconvert" / "bin" / "cffconvert"


def validate(path):
    assert CFFCONVERT.exists(), f"{CFFCONVERT} is missing: run `make cffconvert`"
    return subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(path)], capture_output=True, text=True, check=False
    )


def test_the_citation_file_is_valid():
    result = validate(CITATION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_a_broken_citation_file_fails(tmp_path):
    text = CITATION.read_text(encoding="utf-8")
    for broken in (
        text.replace("cff-version: 1.2.0", "cff-version: 1.2.0\ncolour: blue"),  # an unknown key
        text.replace("date-released: ", "date-released: 2. desember "),  # not a date
        text.replace("authors:\n  - name: Smertehåndboka-redaksjonen\n", ""),  # no authors
    ):
        assert broken != text
        copy = tmp_path / "CITATION.cff"
        copy.write_text(broken, encoding="utf-8")
        result = validate(copy)
        assert result.returncode != 0, broken


def test_the_citation_file_names_the_current_edition():
    data = yaml.safe_load(CITATION.read_text(encoding="utf-8"))
    current = next(release for release in releases() if release.current)
    assert data["version"] == current.name
    assert data["date-released"] == current.date
    assert data["title"] == "Smertehåndboka"
    assert data["authors"] == [{"name": "Smertehåndboka-redaksjonen"}]
    assert "license" not in data and "repository-code" not in data  # neither is known yet
