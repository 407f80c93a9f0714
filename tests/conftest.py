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
