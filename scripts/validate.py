"""Check the project's data files before anything is built.

    python scripts/validate.py bib FILE...
    python scripts/validate.py references [--source DIR] [--allow FILE] FILE...
    python scripts/validate.py clinics [--schema SCHEMA] FILE
    python scripts/validate.py po [--source DIR] FILE...
    python scripts/validate.py releases [FILE]

``bib`` checks the files themselves; ``references`` also checks them against the citations in
the sources (what ``make validate`` runs for the repository). ``clinics`` checks the clinic
directory's CSV against its Table Schema (``clinics.schema.json`` beside it, else the project's,
unless given). ``po`` checks translation catalogues (``scripts/po_check.py``: msgfmt, numbers,
roles, raw markup, strength words and the termbase). ``releases`` checks ``releases.toml``
(``scripts/releases.py``: its JSON Schema, the order of the editions, one current edition, commits
on main, known languages).

Every problem is printed as ``FILE:LINE: message`` (``FILE:LINE: column: message`` for CSV),
and a count on standard error; the exit status is 1 when there is any problem and 0 when every
file is clean. The tool only reads.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from po_check import check_catalogues
from releases import RELEASES, check_releases

from bib_check import check_bib_files
from citation_check import check_citations
from clinic_data import check_clinics


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    bib = commands.add_parser("bib", help="check BibTeX files (as one bibliography)")
    bib.add_argument("files", nargs="+", type=Path, metavar="FILE")
    references = commands.add_parser("references", help="check BibTeX files against the citations")
    references.add_argument("--source", type=Path, default=Path("source"), metavar="DIR")
    references.add_argument("--allow", type=Path, default=Path("references/uncited.toml"), metavar="FILE")
    references.add_argument("files", nargs="+", type=Path, metavar="FILE")
    clinics = commands.add_parser("clinics", help="check the clinic directory's CSV against its schema")
    clinics.add_argument(
        "--schema",
        type=Path,
        metavar="SCHEMA",
        help="default: FILE's stem + .schema.json beside it, else the project's",
    )
    clinics.add_argument("file", type=Path, metavar="FILE")
    po = commands.add_parser("po", help="check translation catalogues against their source text")
    po.add_argument("--source", type=Path, default=Path("source"), metavar="DIR")
    po.add_argument("files", nargs="+", type=Path, metavar="FILE")
    releases = commands.add_parser("releases", help="check releases.toml, the published editions")
    releases.add_argument("file", type=Path, nargs="?", default=RELEASES, metavar="FILE")
    args = parser.parse_args(argv)

    if args.command == "clinics":
        problems = check_clinics(args.file, args.schema)
    elif args.command == "po":
        problems = check_catalogues(args.files, args.source)
    elif args.command == "releases":
        problems = check_releases(args.file)[1]
    elif args.command == "references":
        problems = check_citations(args.files, args.source, args.allow)
    else:
        problems = check_bib_files(args.files)
    for problem in problems:
        print(problem)
    checked = [args.file] if args.command in ("clinics", "releases") else args.files
    if problems:
        print(
            f"validate.py {args.command}: {len(problems)} problem(s); fix them from the top", file=sys.stderr
        )
    else:
        print(f"validate.py {args.command}: {len(checked)} file(s) clean", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
