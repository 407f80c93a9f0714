"""Check the project's data files before anything is built.

    python scripts/validate.py bib FILE...

Every problem is printed as ``FILE:LINE: message``; the exit status is 1 when there is any
problem and 0 when every file is clean. The tool only reads.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pybtex.errors
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]+)\s*,")


def entry_lines(text: str) -> dict[str, int]:
    """Map each entry key to the line its ``@type{key,`` starts on (the first one, if repeated)."""
    lines: dict[str, int] = {}
    for match in ENTRY_START.finditer(text):
        if match.group(1).lower() not in {"comment", "preamble", "string"}:
            lines.setdefault(match.group(2), text.count("\n", 0, match.start()) + 1)
    return lines


def check_bib(paths: Iterable[Path]) -> list[Problem]:
    """Parse each .bib file with pybtex; report unreadable files, syntax errors and repeated keys."""
    problems: list[Problem] = []
    first_seen: dict[str, tuple[Path, int]] = {}
    for path in dict.fromkeys(paths):  # a file named twice is checked once
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            problems.append(Problem(path, line, "file is not valid UTF-8; save it as UTF-8"))
            continue
        except OSError as error:
            problems.append(Problem(path, 1, f"cannot read file: {error.strerror}"))
            continue

        pybtex.errors.set_strict_mode(False)
        with pybtex.errors.capture() as captured:
            Parser(filename=str(path)).parse_string(text)
        for error in captured:
            line = getattr(error, "lineno", None) or 1
            if isinstance(error, PybtexSyntaxError):
                problems.append(Problem(path, line, f"syntax error: {error.args[0]}"))

        seen_here: set[str] = set()
        for match in ENTRY_START.finditer(text):
            if match.group(1).lower() in {"comment", "preamble", "string"}:
                continue
            key, line = match.group(2), text.count("\n", 0, match.start()) + 1
            folded = key.lower()
            if folded in first_seen:
                where, where_line = first_seen[folded]
                place = "earlier in this file" if folded in seen_here else f"in {where}"
                problems.append(
                    Problem(path, line, f"duplicate key '{key}': already defined {place} (line {where_line})")
                )
            else:
                first_seen[folded] = (path, line)
            seen_here.add(folded)
    return sorted(set(problems))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    bib = commands.add_parser("bib", help="check BibTeX files")
    bib.add_argument("files", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)

    problems = check_bib(args.files)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
