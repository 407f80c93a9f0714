"""The editions of ``releases.toml``: read, checked, and named for the site's versions.

``releases()`` returns them oldest first; ``check_releases()`` reports every problem of the file
as a ``Problem`` at its line (the JSON Schema in ``scripts/schemas/releases.schema.json``, then
what a schema cannot say: unique names in order, exactly one current edition and it the newest,
a commit that is on main, languages from ``translations/languages.toml``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from languages import languages

from problems import Problem

PROJECT = Path(__file__).resolve().parent.parent
RELEASES = PROJECT / "releases.toml"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "releases.schema.json"
DEV = "dev"
LATEST = "latest"


class ReleasesError(Exception):
    """releases.toml has problems; ``problems`` lists them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Release:
    name: str
    commit: str
    date: dt.date
    status: str
    languages: tuple[str, ...]
    summary: str
    why: str

    @property
    def current(self) -> bool:
        return self.status == "current"


def _lines(text: str) -> list[tuple[int, dict[str, int]]]:
    """For each ``[[release]]`` table: its header's line and the line of each of its keys."""
    tables: list[tuple[int, dict[str, int]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"\s*\[\[\s*release\s*\]\]", line):
            tables.append((number, {}))
        elif tables and (key := re.match(r"\s*([A-Za-z_-]+)\s*=", line)):
            tables[-1][1].setdefault(key[1], number)
    return tables


def _plain(value: Any) -> Any:
    """TOML dates as the ISO strings the JSON Schema describes."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _on_main(commit: str, root: Path) -> str | None:
    """None when ``commit`` is an ancestor of HEAD in ``root``; else why not."""
    known = subprocess.run(
        ["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=root, capture_output=True, check=False
    )
    if known.returncode:
        return "is not in this clone (a shallow clone? run `git fetch --unshallow`)"
    ancestor = subprocess.run(
        ["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=root, capture_output=True, check=False
    )
    return (
        "is not an ancestor of HEAD: an edition is built from a commit on main"
        if ancestor.returncode
        else None
    )


def check_releases(path: Path = RELEASES, root: Path = PROJECT) -> tuple[list[Release], list[Problem]]:
    """The editions of ``path``, oldest first, and the problems of the file."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        return [], [Problem(path, 0, f"cannot read: {error.strerror}")]
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        return [], [Problem(path, int(line[1]) if line else 0, f"not valid TOML: {error}")]
    import jsonschema  # only when the file is checked: keeps `make html`'s imports lean

    tables = _lines(text)

    def line_of(index: int | None, key: str | None = None) -> int:
        if index is None or index >= len(tables):
            return 1
        header, keys = tables[index]
        return keys.get(key, header) if key else header

    problems: list[Problem] = []
    validator = jsonschema.Draft202012Validator(
        json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker()
    )
    for error in sorted(validator.iter_errors(_plain(data)), key=lambda e: list(map(str, e.path))):
        where = list(error.path)
        index = where[1] if len(where) > 1 and isinstance(where[1], int) else None
        key = where[2] if len(where) > 2 and isinstance(where[2], str) else None
        if error.validator == "required" and index is not None:
            key = None
        field = ".".join(str(part) for part in where[2:]) or "the release"
        message = error.message if index is not None else f"{error.message} (the file's top level)"
        problems.append(
            Problem(path, line_of(index, key), f"{field}: {message}" if index is not None else message)
        )
    if problems:
        return [], problems

    found = [
        Release(
            name=table["name"],
            commit=table["commit"],
            date=table["date"],
            status=table["status"],
            languages=tuple(table["languages"]),
            summary=" ".join(table["summary"].split()),
            why=" ".join(table["why"].split()),
        )
        for table in data["release"]
    ]
    known = languages()
    source = next(code for code, lang in known.items() if lang.source)
    seen: set[str] = set()
    for index, release in enumerate(found):
        if release.name in seen:
            problems.append(
                Problem(path, line_of(index, "name"), f"the edition {release.name} is named twice")
            )
        seen.add(release.name)
        if index and (release.date, _key(release.name)) <= (
            found[index - 1].date,
            _key(found[index - 1].name),
        ):
            problems.append(
                Problem(
                    path, line_of(index, "name"), f"{release.name} must come after {found[index - 1].name}"
                )
            )
        unknown = [code for code in release.languages if code not in known]
        if unknown:
            problems.append(
                Problem(
                    path,
                    line_of(index, "languages"),
                    f"languages: {', '.join(unknown)} not in translations/languages.toml",
                )
            )
        elif release.languages[0] != source:
            problems.append(
                Problem(path, line_of(index, "languages"), f"languages: the source language {source!r} first")
            )
        why_not = _on_main(release.commit, root)
        if why_not:
            problems.append(
                Problem(path, line_of(index, "commit"), f"commit {release.commit[:12]} {why_not}")
            )
    current = [index for index, release in enumerate(found) if release.current]
    if len(current) != 1:
        problems.append(
            Problem(
                path, line_of(current[1] if current[1:] else None, "status"), "exactly one edition is current"
            )
        )
    elif current[0] != len(found) - 1:
        problems.append(
            Problem(path, line_of(current[0], "status"), "the current edition must be the newest")
        )
    return found, sorted(problems)


def _key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split("."))


def releases(path: Path = RELEASES, root: Path = PROJECT) -> list[Release]:
    found, problems = check_releases(path, root)
    if problems:
        raise ReleasesError(problems)
    return found
