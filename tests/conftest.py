"""Shared fixtures: tiny Sphinx projects under tests/roots/ and one real build of the whole site."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "scripts" / "sphinxext"))
sys.path.insert(0, str(PROJECT / "scripts"))

pytest_plugins = ("sphinx.testing.fixtures",)

collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return PROJECT / "tests" / "roots"


def sphinx_build(src: Path, out: Path, doctrees: Path, jobs: int) -> subprocess.CompletedProcess:
    """The real command line on a small project, strict as the Makefile runs it (warnings are
    errors, all of them reported), with the project's extensions importable."""
    return subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "sphinx_build.py"),
            *("-b", "html", "-j", str(jobs), "-n", "-W", "--keep-going", "-q"),
            *("-d", str(doctrees), str(src), str(out)),
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PROJECT / "scripts" / "sphinxext"), "PATH": "/usr/bin:/bin"},
    )


@dataclass
class SiteBuild:
    build_dir: Path
    output: str

    def html(self, lang: str = "nb") -> Path:
        return self.build_dir / "html" / lang

    def pdf(self, lang: str = "nb") -> Path:
        return self.build_dir / "pdf" / lang


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Build the real project with the Makefile's own rules into a fresh directory."""
    build_dir = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        ["make", "--no-print-directory", "html", "pdf", f"BUILDDIR={build_dir}", "LANGUAGES=nb"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"the site build failed:\n{output[-4000:]}"
    return SiteBuild(build_dir, output)


@pytest.fixture(scope="session")
def translated_site(site: SiteBuild) -> SiteBuild:
    """The session's Bokmål build with every translation of translations/languages.toml beside it
    (make html LANGUAGES="en da" into the same build folder), published or not yet."""
    from languages import languages

    translations = " ".join(code for code, lang in languages().items() if not lang.source)
    result = subprocess.run(
        ["make", "--no-print-directory", "html", f"LANGUAGES={translations}", f"BUILDDIR={site.build_dir}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"the translated build failed:\n{(result.stdout + result.stderr)[-4000:]}"
    return site


@pytest.fixture(scope="session")
def built_releases() -> Path:
    """Every edition of releases.toml built from its own commit into the project's cache,
    _build/releases (make releases; only what changed is built, so usually nothing)."""
    result = subprocess.run(
        ["make", "--no-print-directory", "releases"], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, f"make releases failed:\n{(result.stdout + result.stderr)[-4000:]}"
    return PROJECT / "_build" / "releases"


@pytest.fixture(scope="session")
def assembled_site(translated_site: SiteBuild, built_releases: Path) -> Path:
    """The whole published tree, as make site assembles it: the session's build as dev (with the
    translations' PDF handbooks too) and every edition of releases.toml from the project's cache."""
    from languages import languages

    from assemble_site import assemble

    published = [code for code, lang in languages().items() if lang.published]
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "pdf",
            f"LANGUAGES={' '.join(code for code in published if code != 'nb')}",
            f"BUILDDIR={translated_site.build_dir}",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        f"the translations' PDFs failed:\n{(result.stdout + result.stderr)[-4000:]}"
    )
    problems = assemble(translated_site.build_dir, published, built_releases, "https://example.org/smh/")
    assert problems == []
    return translated_site.build_dir / "site"
