"""Write requirements.txt: exact pins compiled by pip-compile, each direct pin with its reason.

Usage: ``make requirements`` (runs pip-compile on requirements.in, then this script).
The reason is the comment beside the requirement in requirements.in.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def reasons_from(requirements_in: Path) -> dict[str, str]:
    reasons = {}
    for line in requirements_in.read_text(encoding="utf-8").splitlines():
        requirement, _, comment = line.partition("#")
        match = NAME.match(requirement.strip())
        if match and comment.strip():
            reasons[normalise(match.group(1))] = comment.strip()
    return reasons


HEADER = (
    "# Exact pins for Smertehåndboka, compiled by `make requirements` from requirements.in; do not\n"
    "# edit by hand. Direct dependencies carry the reason they were chosen; the rest are what they need."
)


def annotate(compiled: str, reasons: dict[str, str]) -> str:
    out = [] if compiled.startswith(HEADER) else HEADER.splitlines()
    for line in compiled.splitlines():
        match = NAME.match(line)
        if match and "==" in line and normalise(match.group(1)) in reasons:
            line = f"{line.split('#')[0].rstrip():<36}# {reasons[normalise(match.group(1))]}"
        out.append(line)
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements_in", type=Path)
    parser.add_argument("compiled", type=Path, help="pip-compile output; rewritten in place")
    args = parser.parse_args(argv)
    reasons = reasons_from(args.requirements_in)
    args.compiled.write_text(annotate(args.compiled.read_text(encoding="utf-8"), reasons), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
