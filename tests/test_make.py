"""The Makefile contract: bad data stops the build before anything is written."""

import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def copy_project(destination: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.split()
    for name in files:
        if (PROJECT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, destination / name)
    return destination


def make_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", "site", f"VENV={PROJECT / '.venv'}", "BUILDDIR=out"],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_a_broken_bib_file_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    broken = project / "references" / "broken.bib"
    broken.write_text("@article{wall1999broken,\n  title = {Unclosed\n", encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert "references/broken.bib:2: syntax error: premature end of file" in result.stdout + result.stderr
    assert not (project / "out").exists()  # stopped before anything was built or published


def test_a_wrong_csv_cell_stops_make_site_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "source" / "clinics" / "clinics.csv"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("ahus,") and ",2014-09,24,," in lines[2]
    lines[2] = lines[2].replace(",2014-09,24,,", ",2014-09,24 uker,,")
    data.write_text("".join(lines), encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert "source/clinics/clinics.csv:3: waiting_weeks: '24 uker' is not a valid integer" in result.stdout
    assert not (project / "out").exists()


def test_help_lists_the_contract_targets():
    result = subprocess.run(["make", "help"], cwd=PROJECT, capture_output=True, text=True, check=True)
    for target in ("site", "html", "pdf", "validate", "test", "livehtml", "serve", "venv", "clean"):
        assert f"make {target} " in result.stdout
