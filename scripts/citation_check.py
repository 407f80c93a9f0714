"""The repository's citations against its bibliography.

Every key cited in ``source/`` (``{cite}``, ``{cite:p}``, ``{footcite:t}``, …) must be defined in
the .bib files, and every entry must be cited somewhere or be listed, with a reason, in the
allow-list (``references/uncited.toml``). Problems are reported at the citation's line or at the
entry's line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from bib_check import check_and_read_bib_files
from problems import Problem

CITE_ROLE = re.compile(r"\{(?:foot)?cite(?::[a-z]+)?\}`([^`]+)`")


def cited_keys(source_dir: Path) -> dict[str, list[tuple[Path, int]]]:
    """Map each cited key to the places (file, line) that cite it."""
    places: dict[str, list[tuple[Path, int]]] = {}
    for path in sorted(source_dir.rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in CITE_ROLE.finditer(line):
                for key in match.group(1).split(","):
                    places.setdefault(key.strip(), []).append((path, number))
    return places


def check_citations(bib_paths: Iterable[Path], source_dir: Path, allow_list: Path | None) -> list[Problem]:
    problems, entries = check_and_read_bib_files(bib_paths)
    if problems:  # keys are only trustworthy once the files themselves are sound
        return problems

    allowed: dict[str, str] = {}
    if allow_list and allow_list.exists():
        allowed = tomllib.loads(allow_list.read_text(encoding="utf-8")).get("uncited", {})
        for key, reason in allowed.items():
            if key not in entries:
                problems.append(
                    Problem(allow_list, 1, f"'{key}' is allowed uncited but is not in any .bib file")
                )
            elif not str(reason).strip():
                problems.append(Problem(allow_list, 1, f"'{key}': give the reason it stays uncited"))

    cited = cited_keys(source_dir)
    for key, places in sorted(cited.items()):
        if key not in entries:
            for path, line in places:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"cites '{key}', which no file in references/ defines: "
                        "correct the key, or add the entry to the collection's .bib file",
                    )
                )
    for key, entry in entries.items():
        if key not in cited and key not in allowed:
            problems.append(
                Problem(
                    entry.path,
                    entry.line,
                    f"{key}: cited nowhere in {source_dir}/; cite it or list it with a reason in "
                    f"{allow_list or 'an allow-list'}",
                )
            )
    return sorted(set(problems))
