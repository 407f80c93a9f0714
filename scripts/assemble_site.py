"""Assemble the publishable site from finished builds: ``_build/site/<lang>/`` with the HTML and
the PDF handbooks under ``<lang>/pdf/``, and a root page that lists the languages and sends a
visitor on to the one their browser prefers (the source language otherwise).

The new site is put together beside the old one and swapped in only when it is complete, so a
failed or partial build never replaces a good site.

    python scripts/assemble_site.py [--build-dir _build] LANG...
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from languages import languages as language_table

ROOT_PAGE = """<!DOCTYPE html>
<html lang="{source}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Smertehåndboka</title>
<link rel="canonical" href="{source}/">
{alternates}
<script>
// To the language the browser prefers, when the site has it; otherwise the list below.
(function () {{
  var site = {codes};
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {{
    return tag.toLowerCase().split("-")[0].replace(/^no$|^nn$/, "nb");
  }});
  for (var i = 0; i < wanted.length; i++) {{
    if (site.indexOf(wanted[i]) >= 0) {{ window.location.replace(wanted[i] + "/"); return; }}
  }}
  window.location.replace("{source}/");
}})();
</script>
</head>
<body>
<h1>Smertehåndboka</h1>
<ul>
{links}
</ul>
</body>
</html>
"""


def root_page(codes: Sequence[str]) -> str:
    """The site's front door: a plain list of the languages, and a small script that goes on to
    the one the browser prefers (the list works without it)."""
    table = language_table()
    names = {code: table[code].name if code in table else code for code in codes}
    return ROOT_PAGE.format(
        source=codes[0],
        codes=json.dumps(list(codes)),
        alternates="\n".join(f'<link rel="alternate" hreflang="{code}" href="{code}/">' for code in codes),
        links="\n".join(
            f'<li><a href="{code}/" lang="{code}" hreflang="{code}">{names[code]}</a></li>' for code in codes
        ),
    )


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
    (staging / "index.html").write_text(root_page(languages), encoding="utf-8")

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
