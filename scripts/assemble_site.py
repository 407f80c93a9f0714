"""Assemble the publishable site from finished builds: ``_build/site/<lang>/`` with the HTML and
the PDF handbooks under ``<lang>/pdf/``, and a root page that sends visitors to the source language.

The new site is put together beside the old one and swapped in only when it is complete, so a
failed or partial build never replaces a good site.

    python scripts/assemble_site.py [--build-dir _build] LANG...
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>Smertehåndboka</title>
<meta http-equiv="refresh" content="0; url={lang}/">
<link rel="canonical" href="{lang}/">
</head>
<body><p><a href="{lang}/">Smertehåndboka</a></p></body>
</html>
"""


def assemble(build_dir: Path, languages: Sequence[str]) -> list[str]:
    """Build ``build_dir/site``; return the problems that stopped it (nothing is changed then)."""
    problems = []
    for lang in languages:
        if not (build_dir / "html" / lang / "index.html").is_file():
            problems.append(f"{build_dir / 'html' / lang}: no finished HTML build (run 'make html')")
        if not sorted((build_dir / "pdf" / lang).glob("*.pdf")):
            problems.append(f"{build_dir / 'pdf' / lang}: no PDF handbooks (run 'make pdf')")
    if problems:
        return problems

    site, staging, old = build_dir / "site", build_dir / "site.new", build_dir / "site.old"
    shutil.rmtree(staging, ignore_errors=True)
    for lang in languages:
        shutil.copytree(
            build_dir / "html" / lang, staging / lang, ignore=shutil.ignore_patterns(".buildinfo")
        )
        (staging / lang / "pdf").mkdir()
        for pdf in sorted((build_dir / "pdf" / lang).glob("*.pdf")):
            shutil.copy2(pdf, staging / lang / "pdf" / pdf.name)
    (staging / "index.html").write_text(ROOT_PAGE.format(lang=languages[0]), encoding="utf-8")

    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=Path("_build"))
    parser.add_argument("languages", nargs="+", metavar="LANG")
    args = parser.parse_args(argv)
    problems = assemble(args.build_dir, args.languages)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"Site ready in {args.build_dir / 'site'}: {', '.join(args.languages)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
