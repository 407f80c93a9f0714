"""Build every edition of releases.toml from its own commit, with sphinx-polyversion.

    python scripts/build_releases.py [--cache DIR] [--releases FILE]

For each edition, sphinx-polyversion checks the edition's commit out (a git worktree, copied into
a temporary folder); the edition's own Makefile then builds its HTML and PDF handbooks in the
edition's languages, with its own sources, catalogues, conf.py and pinned requirements (installed
into a venv of its own, kept under ``DIR/.venvs/<name>`` so a rebuild does not download again).
``SOURCE_DATE_EPOCH`` is the commit's time, so an edition shows the date it was made, whenever it
is rebuilt. The result is ``DIR/<name>/html/<lang>/`` and ``DIR/<name>/pdf/<lang>/``.

After the edition's own build, ``scripts/edition_data.py`` records its recommendations as data
(``html/<lang>/.recommendations.json``) from the environment that build left, with the edition's
own venv, for the site's open data (scripts/open_data.py).

Cache: an edition is rebuilt only when its stamp changes: its commit and languages, the Python
that makes its venv, the commit's requirements.txt, TeX Live, Graphviz, the recipe below and the
data step's code. A build
that fails leaves the edition's previous output as it was and reports the failure at the
edition's line of releases.toml, with the log's last lines.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from releases import RELEASES, Release, ReleasesError, check_releases
from sphinx_polyversion.builder import Builder, BuildError
from sphinx_polyversion.driver import DefaultDriver
from sphinx_polyversion.environment import Environment
from sphinx_polyversion.git import Git, GitRef, GitRefType

from problems import Problem

PROJECT = Path(__file__).resolve().parent.parent
CACHE = PROJECT / "_build" / "releases"
STAMP = "stamp.json"
LOG_LINES = 30
DATA = ".recommendations.json"  # scripts/sphinxext/recommendation_data.py's FILE
# How an edition is built: the edition's own `make html pdf` with these variables. Change it when a
# change would alter what an existing edition's build produces, and every edition is rebuilt once.
RECIPE = (
    "make html pdf LANGUAGES BUILDDIR VENV; SOURCE_DATE_EPOCH=commit time; "
    "scripts/edition_data.py per language"
)


def _output(*command: str, cwd: Path = PROJECT) -> str:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return "missing"
    return (result.stdout or result.stderr).strip()


def toolchain() -> dict[str, str]:
    """What an edition's output depends on besides its commit (one value per tool)."""
    python = shutil.which("python3") or sys.executable
    return {
        "python": _output(python, "-c", "import sys; print(sys.version)"),
        "tex": _output("xelatex", "--version").splitlines()[0] if shutil.which("xelatex") else "missing",
        "graphviz": _output("dot", "-V"),
        "recipe": RECIPE,
        # The data step runs this project's code over the edition's build: a change to it is a
        # change to what the edition's build produces.
        "data": hashlib.sha256(
            b"".join(
                (PROJECT / "scripts" / path).read_bytes()
                for path in ("edition_data.py", "sphinxext/recommendation_data.py")
            )
        ).hexdigest(),
    }


def stamp(release: Release, tools: dict[str, str], root: Path = PROJECT) -> dict[str, Any]:
    requirements = _output("git", "show", f"{release.commit}:requirements.txt", cwd=root)
    return {
        "name": release.name,
        "commit": release.commit,
        "languages": list(release.languages),
        "requirements": hashlib.sha256(requirements.encode()).hexdigest(),
        **tools,
    }


def cached(release: Release, cache: Path, wanted: dict[str, Any]) -> bool:
    path = cache / release.name / STAMP
    try:
        return json.loads(path.read_text(encoding="utf-8")) == wanted
    except (OSError, ValueError):
        return False


class Editions(Git):
    """The editions of releases.toml as sphinx-polyversion's revisions (no tags or branches)."""

    def __init__(self, editions: Iterable[Release]) -> None:
        super().__init__(branch_regex=r"(?!)", tag_regex=r"(?!)")
        self.editions = list(editions)

    async def retrieve(self, root: Path) -> list[GitRef]:  # type: ignore[override]
        return [
            GitRef(
                edition.name,
                edition.commit,
                f"releases.toml:{edition.name}",
                GitRefType.TAG,
                dt.datetime.combine(edition.date, dt.time(), tzinfo=dt.UTC),
            )
            for edition in self.editions
        ]


class EditionBuilder(Builder[Environment, Path]):
    """Runs the edition's own Makefile in its checkout: ``make html pdf`` for its languages."""

    def __init__(self, editions: dict[str, Release], cache: Path, stamps: dict[str, dict[str, Any]]) -> None:
        self.editions = editions
        self.cache = cache
        self.stamps = stamps

    async def build(self, environment: Environment, output_dir: Path, data: Any) -> Path:
        edition = self.editions[output_dir.name]
        work = self.cache / ".work" / edition.name
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        venv = self.cache / ".venvs" / edition.name
        log = self.cache / f"{edition.name}.log"
        epoch = _output("git", "show", "-s", "--format=%ct", edition.commit)
        env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
        env.pop("MAKEFLAGS", None)  # the edition's make is a build of its own, not part of ours
        env.pop("MAKELEVEL", None)
        command = (
            "make",
            "--no-print-directory",
            "-C",
            str(environment.path),
            "html",
            "pdf",
            f"LANGUAGES={' '.join(edition.languages)}",
            f"BUILDDIR={work}",
            f"VENV={venv}",
            f"EDITION={edition.name}",  # the edition's name in its pages (older Makefiles ignore it)
        )
        print(
            f"== Edition {edition.name} ({' '.join(edition.languages)}) from {edition.commit[:12]}",
            flush=True,
        )
        out, _err, status = await environment.run(
            *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, env=env
        )
        if not status:  # the recommendations as data, from the build's own environment
            for lang in edition.languages:
                data_out, _err, status = await environment.run(
                    str(venv / "bin" / "python"),
                    str(PROJECT / "scripts" / "edition_data.py"),
                    str(environment.path),
                    str(work / "doctrees" / f"html-{lang}"),
                    str(work / "html" / lang / DATA),
                    lang,
                    stdout=asyncio.subprocess.PIPE,
                    stderr=asyncio.subprocess.STDOUT,
                    env=env,
                )
                out = f"{out}{data_out}"
                if status:
                    break
        log.write_text(str(out), encoding="utf-8")
        if status:
            raise BuildError(f"the build exited with {status}")
        finished = self.cache / ".work" / f"{edition.name}.done"
        shutil.rmtree(finished, ignore_errors=True)
        finished.mkdir()
        for kind in ("html", "pdf"):
            (work / kind).rename(finished / kind)
        (finished / STAMP).write_text(
            json.dumps(self.stamps[edition.name], indent=2) + "\n", encoding="utf-8"
        )
        shutil.rmtree(output_dir, ignore_errors=True)  # the old output goes only once the new one is whole
        finished.rename(output_dir)
        shutil.rmtree(work, ignore_errors=True)
        return output_dir


class EditionDriver(DefaultDriver[GitRef, Environment, None]):
    """sphinx-polyversion's driver, which records failures instead of only logging them."""

    failed: list[str]

    def build_failed(self, rev: GitRef, exc_info: Any) -> None:
        self.failed.append(rev.name)

    async def build_root(self) -> None:
        """The site is put together by assemble_site.py, not here."""


def build(cache: Path = CACHE, path: Path = RELEASES, root: Path = PROJECT) -> list[Problem]:
    found, problems = check_releases(path, root)
    if problems:
        return problems
    tools = toolchain()
    stamps = {release.name: stamp(release, tools, root) for release in found}
    todo = [release for release in found if not cached(release, cache, stamps[release.name])]
    for release in found:
        if release not in todo:
            print(f"== Edition {release.name}: up to date ({cache / release.name})")
    if not todo:
        return []
    cache.mkdir(parents=True, exist_ok=True)
    driver = EditionDriver(
        root,
        cache,
        vcs=Editions(todo),
        builder=EditionBuilder({release.name: release for release in todo}, cache, stamps),
        env=Environment.factory(),
    )
    driver.failed = []
    driver.run(sequential=True)  # one edition at a time: each build uses every core itself
    lines = {release.name: index for index, release in enumerate(found)}
    for name in driver.failed:
        log = cache / f"{name}.log"
        tail = log.read_text(encoding="utf-8").splitlines()[-LOG_LINES:] if log.is_file() else []
        print("\n".join(tail), file=sys.stderr)
        problems.append(
            Problem(
                path,
                _release_line(path, lines[name]),
                f"the edition {name} did not build from its commit; its whole log: {log}",
            )
        )
    return problems


def _release_line(path: Path, index: int) -> int:
    seen = -1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith("[[release]]"):
            seen += 1
            if seen == index:
                return number
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE, metavar="DIR")
    parser.add_argument("--releases", type=Path, default=RELEASES, metavar="FILE")
    args = parser.parse_args(argv)
    try:
        problems = build(args.cache.resolve(), args.releases)
    except ReleasesError as error:
        problems = error.problems
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
