"""Compare two builds of one tree, file by file: the gate of reproducible builds.

    python scripts/compare_builds.py DIR1 DIR2 [--lang LANG ...]

DIR1 and DIR2 are build folders (the Makefile's BUILDDIR), e.g. of ``make html pdf
BUILDDIR=/tmp/a`` and the same in another clone with ``BUILDDIR=/tmp/b``. Every file that
``make html`` and ``make pdf`` write for a language (``html/<lang>/``, ``latex/<lang>/``,
``pdf/<lang>/``) must be byte-identical in both, except those matched by EXCEPTIONS below, which
differ between any two builds for a reason the project cannot fix. An exception must still occur
(some file it matches differs), so the list cannot outlive its reason. ``doctrees/`` is Sphinx's
cache (pickled pages with absolute paths and times), not an output, and is not compared.

Each problem is printed on a line of its own: a file that differs (``FILE:LINE`` at the first
difference of a text file, the byte offset in a binary one), a file only one build has, an
exception that did not occur. The exit status is 1 when there is any problem. The tool only reads.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

# What make html and make pdf write, per language.
OUTPUTS = ("html", "latex", "pdf")

# Files that differ between two clean builds of one commit, with the reason (README, "Reproducible
# builds"). Patterns are relative to the build folder. None of them reaches the published site.
EXCEPTIONS: dict[str, str] = {
    "latex/*/graphviz-*.pdf": "Graphviz draws a figure's PDF with cairo, which writes the current time "
    "as its /CreationDate (Debian 12's cairo 1.16 ignores SOURCE_DATE_EPOCH); xdvipdfmx takes only "
    "the drawing into the handbook, and the handbooks are identical",
    "latex/*/*.fls": "latexmk's list of the files LaTeX opened starts with the absolute path of the folder",
    "latex/*/*.fdb_latexmk": "latexmk's record of its inputs holds their modification times",
}


def languages_of(*builds: Path) -> list[str]:
    """Every language folder that html/, latex/ or pdf/ of any of the builds has."""
    return sorted(
        {
            lang.name
            for build in builds
            for output in OUTPUTS
            for lang in (build / output).glob("*")
            if lang.is_dir()
        }
    )


def files_of(build: Path, languages: Iterable[str]) -> set[str]:
    """The files of the builds' outputs in those languages, as POSIX paths relative to the build."""
    return {
        path.relative_to(build).as_posix()
        for lang in languages
        for output in OUTPUTS
        for path in (build / output / lang).rglob("*")
        if path.is_file()
    }


def first_difference(one: bytes, other: bytes) -> int:
    """The offset of the first byte where the two differ (the shorter one's length if one is the
    other's beginning)."""
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), min(len(one), len(other))
    )


def where(path: Path, one: bytes, other: bytes) -> str:
    """``FILE:LINE`` of the first difference in a text file, ``FILE (byte N)`` in a binary one."""
    offset = first_difference(one, other)
    try:
        one.decode("utf-8")
        other.decode("utf-8")
    except UnicodeDecodeError:
        return f"{path} (byte {offset})"
    line = one.count(b"\n", 0, offset) + 1
    return f"{path}:{line}"


def compare(
    first: Path,
    second: Path,
    languages: Sequence[str] | None = None,
    exceptions: Mapping[str, str] | None = None,
) -> list[str]:
    """The problems that keep two builds from being the same build (empty: they are); by default
    with EXCEPTIONS."""
    exceptions = EXCEPTIONS if exceptions is None else exceptions
    languages = languages_of(first, second) if languages is None else languages
    ours, theirs = files_of(first, languages), files_of(second, languages)
    problems = [f"{first / name}: only in {first}, not in {second}" for name in sorted(ours - theirs)]
    problems += [f"{second / name}: only in {second}, not in {first}" for name in sorted(theirs - ours)]
    occurred: set[str] = set()
    for name in sorted(ours & theirs):
        one, other = (first / name).read_bytes(), (second / name).read_bytes()
        if one == other:
            continue
        excused = [pattern for pattern in exceptions if fnmatchcase(name, pattern)]
        occurred.update(excused)
        if not excused:
            problems.append(f"{where(first / name, one, other)}: differs from {second / name}")
    problems += [
        f"{pattern}: an exception that no longer occurs (no file it matches differs); "
        "remove it from EXCEPTIONS in scripts/compare_builds.py and from README.md"
        for pattern in exceptions
        if pattern not in occurred
    ]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compare_builds.py", description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, metavar="DIR1", help="a build folder (BUILDDIR)")
    parser.add_argument("second", type=Path, metavar="DIR2", help="another build of the same tree")
    parser.add_argument(
        "--lang",
        action="append",
        dest="languages",
        metavar="LANG",
        help="compare only this language (repeatable); default: every language either build has",
    )
    args = parser.parse_args(argv)
    for build in (args.first, args.second):
        if not build.is_dir():
            parser.error(f"{build}: no such build folder")
    languages = args.languages or languages_of(args.first, args.second)
    problems = compare(args.first, args.second, languages)
    for problem in problems:
        print(problem)
    count = len(files_of(args.first, languages) | files_of(args.second, languages))
    verdict = f"{len(problems)} problem(s)" if problems else "identical but for the documented exceptions"
    print(
        f"compare_builds.py: {count} file(s) in {', '.join(languages) or 'no language'}: {verdict}",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
