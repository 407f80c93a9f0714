"""releases.toml: the editions as data, checked at FILE:LINE; each built from its own commit and
kept while its commit and the toolchain are unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest
from build_releases import stamp, toolchain
from releases import RELEASES, check_releases, releases

from validate import main

PROJECT = RELEASES.parent


def run(capsys, path):
    status = main(["releases", str(path)])
    return status, capsys.readouterr().out.splitlines()


def test_the_real_editions_are_2026_1_in_bokmal_and_2026_2_in_three_languages():
    found = releases()
    assert [(r.name, r.status, r.languages) for r in found] == [
        ("2026.1", "superseded", ("nb",)),
        ("2026.2", "current", ("nb", "en", "da")),
    ]
    assert found[0].commit.startswith("848e7d6")
    # The second edition's own conf.py named it (editions after it are named by the Makefile's EDITION).
    conf = subprocess.run(
        ["git", "show", f"{found[1].commit}:conf.py"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout
    assert 'version = release = "2026.2"' in conf


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('status = "superseded"', 'status = "current"'), ":32: exactly one edition is current"),
        (
            ('languages = ["nb", "en", "da"]', 'languages = ["en", "nb"]'),
            ":33: languages: the source language 'nb' first",
        ),
        (
            ('languages = ["nb"]', 'languages = ["nb", "sv"]'),
            ":23: languages: sv not in translations/languages.toml",
        ),
        (("date = 2026-12-02", "date = 2026-11-01"), ":29: 2026.2 must come after 2026.1"),
        (('commit = "848e7d6', 'commit = "948e7d6'), ":20: commit 948e7d69975f is not in this clone"),
        (('status = "current"', 'status = "published"'), ":32: status: 'published' is not one of"),
        (('name = "2026.2"', 'name = "2026-2"'), ":29: name: '2026-2' does not match"),
        (
            ('why = """The commit where', 'reason = """The commit where'),
            ":28: the release: 'why' is a required property",
        ),
    ],
)
def test_a_wrong_releases_file_is_reported_at_its_line(tmp_path, capsys, change, message):
    text = RELEASES.read_text(encoding="utf-8")
    old, new = change
    assert old in text
    path = tmp_path / "releases.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, out = run(capsys, path)
    assert status == 1
    assert any(line.startswith(f"{path}{message}") for line in out), out


def test_a_toml_syntax_error_names_its_line(tmp_path, capsys):
    path = tmp_path / "releases.toml"
    path.write_text('[[release]]\nname = "2026.1\n', encoding="utf-8")
    status, out = run(capsys, path)
    assert status == 1 and out[0].startswith(f"{path}:2: not valid TOML")


def test_a_commit_that_is_not_on_main_is_refused(tmp_path, capsys):
    """A commit of a branch that main does not contain cannot be an edition."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", "--shared", str(PROJECT), str(repo)], check=True)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "checkout", "--quiet", "-b", "side"], check=True)
    subprocess.run([*git, "commit", "--quiet", "--allow-empty", "-m", "side"], check=True)
    side = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run([*git, "checkout", "--quiet", "main"], check=True)
    path = repo / "releases.toml"
    text = RELEASES.read_text(encoding="utf-8")
    current = releases()[-1].commit
    path.write_text(text.replace(current, side), encoding="utf-8")
    _found, problems = check_releases(path, repo)
    assert [str(p) for p in problems] == [
        f"{path}:30: commit {side[:12]} is not an ancestor of HEAD: an edition is built from a commit on main"
    ]


def test_the_stamp_changes_with_the_commit_and_the_toolchain():
    first, second = releases()
    tools = toolchain()
    assert stamp(first, tools) == stamp(first, dict(tools))
    assert stamp(first, tools) != stamp(second, tools)
    assert stamp(first, tools) != stamp(first, {**tools, "tex": "XeTeX (TeX Live 2030)"})
    pins = subprocess.run(
        ["git", "show", f"{first.commit}:requirements.txt"], cwd=PROJECT, capture_output=True, check=True
    ).stdout
    assert stamp(first, tools)["requirements"] == hashlib.sha256(pins.strip()).hexdigest()


def test_built_editions_are_reused_while_nothing_changes(built_releases):
    """The second run finds every edition's stamp unchanged and runs no build at all."""
    result = subprocess.run(
        [sys.executable, "scripts/build_releases.py", "--cache", str(built_releases)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"== Edition {release.name}: up to date ({built_releases / release.name})" for release in releases()
    ]
    for release in releases():
        recorded = json.loads((built_releases / release.name / "stamp.json").read_text(encoding="utf-8"))
        assert recorded == stamp(release, toolchain())
        for lang in release.languages:
            assert (built_releases / release.name / "html" / lang / "index.html").is_file()
            assert sorted((built_releases / release.name / "pdf" / lang).glob("*.pdf"))


def test_an_old_edition_is_published_exactly_as_its_own_commit_builds_it(
    assembled_site, built_releases, tmp_path
):
    """Every HTML page of the first edition in the published tree, without the menus the site adds,
    is byte for byte what a fresh checkout of its commit builds with its own Makefile, with only
    the invalid markup of its day repaired (scripts/site_repairs.py)."""
    from site_menus import strip
    from site_repairs import repair

    first = releases()[0]
    lang = first.languages[0]
    checkout = tmp_path / "checkout"
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(PROJECT), str(checkout)], check=True
    )
    subprocess.run(["git", "-C", str(checkout), "checkout", "--quiet", "--detach", first.commit], check=True)
    epoch = subprocess.run(
        ["git", "show", "-s", "--format=%ct", first.commit],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "html",
            f"LANGUAGES={lang}",
            f"BUILDDIR={tmp_path / 'build'}",
            f"VENV={built_releases / '.venvs' / first.name}",  # the edition's own pins, installed once
        ],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
        | {"SOURCE_DATE_EPOCH": epoch},
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    built = tmp_path / "build" / "html" / lang
    published = assembled_site / lang / first.name
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        assert strip((published / page).read_text(encoding="utf-8")) == repair(
            (built / page).read_text(encoding="utf-8")
        ), page
    assert (published / "searchindex.js").read_bytes() == (built / "searchindex.js").read_bytes()
