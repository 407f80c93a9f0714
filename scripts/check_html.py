"""Check every page of the assembled site with the Nu Html Checker (vnu): valid HTML, no warnings.

    python scripts/check_html.py [--allowed FILE] [SITE]

SITE (default ``_build/site``) is served over HTTP on 127.0.0.1 for the run, as readers get it
(so the pages' Content-Security-Policy is judged against a real origin, not a file: URL), and one
vnu (the npm package ``vnu-jar``, pinned in ``scripts/node``; Java from ``make java``) checks
every HTML page in one batch: every language and edition, the root files and the permalinks.
Theme files under ``_static/`` are not pages.

Printed as ``FILE:LINE: error: message`` (or ``warning:``), exit status 1:

- every error, in every edition: the pages of editions built before this gate have their invalid
  markup of the day repaired when the site is assembled (scripts/site_repairs.py);
- every warning not allowed by a ``[[warning]]`` entry of FILE (default
  ``scripts/html_allowed.toml``: a message pattern, the pages it applies to, and the reason it was
  accepted). vnu's plain information messages are not shown.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from check_links import pages, served

PROJECT = Path(__file__).resolve().parent.parent
VNU_JAR = PROJECT / "scripts" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED = Path(__file__).resolve().parent / "html_allowed.toml"


@dataclass(frozen=True)
class Message:
    page: Path  # relative to the site
    line: int
    kind: str  # "error" or "warning"
    text: str


def run_vnu(site: Path) -> list[Message]:
    """vnu's errors and warnings on every page of SITE, served over HTTP (one JVM)."""
    java = shutil.which("java")
    if java is None:
        raise SystemExit("java is missing: run `make java` (Debian's default-jre-headless)")
    if not VNU_JAR.is_file():
        raise SystemExit(f"{VNU_JAR} is missing: run `make node` (scripts/node pins vnu-jar)")
    found = pages(site)
    with served(site) as base:
        urls = [base + urllib.parse.quote(page.as_posix()) for page in found]
        command = [
            java,
            "-Xss4m",
            "-Dnu.validator.servlet.allow-forbidden-hosts=true",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *urls,
        ]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    try:
        report = json.loads(result.stderr[result.stderr.index("{") :])
    except ValueError:
        raise SystemExit(f"vnu failed (exit {result.returncode}):\n{result.stderr[-4000:]}") from None
    messages = []
    for item in report["messages"]:
        if item["type"] == "info" and item.get("subType") != "warning":
            continue  # information, not a finding
        kind = "warning" if item["type"] == "info" else "error"  # "non-document-error" too: a fetch failed
        url = item.get("url", "")
        page = Path(urllib.parse.unquote(url[len(base) :])) if url.startswith(base) else Path(url)
        messages.append(Message(page, int(item.get("lastLine", 0)), kind, item["message"]))
    return messages


def load_allowed(path: Path) -> list[dict]:
    """The allowed warnings of PATH."""
    with path.open("rb") as handle:
        return tomllib.load(handle).get("warning", [])


def check(messages: Sequence[Message], warnings: Sequence[dict]) -> list[str]:
    """Every message that fails the gate: each error, and each warning not allowed."""
    return [
        f"{message.page}:{message.line}: {message.kind}: {message.text}"
        for message in messages
        if not (message.kind == "warning" and allowed(message, warnings))
    ]


def allowed(message: Message, warnings: Sequence[dict]) -> bool:
    page = message.page.as_posix()
    return any(
        re.fullmatch(entry["message"], message.text)
        and any(fnmatch.fnmatchcase(page, pattern) for pattern in entry.get("pages", ["*"]))
        for entry in warnings
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check_html.py", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=PROJECT / "_build" / "site", metavar="SITE")
    parser.add_argument(
        "--allowed", type=Path, default=ALLOWED, metavar="FILE", help=f"default: {ALLOWED.name}"
    )
    args = parser.parse_args(argv)
    site: Path = args.site
    if not (site / "index.html").is_file():
        print(f"{site}: no index.html: build the site first (make site)", file=sys.stderr)
        return 2
    started = time.monotonic()
    messages = run_vnu(site)
    problems = check(messages, load_allowed(args.allowed))
    for problem in problems:
        print(site / problem)
    kinds = Counter(message.kind for message in messages)
    print(
        f"check_html: {len(pages(site))} pages, {kinds['error']} error(s) and {kinds['warning']} warning(s) "
        f"found, {len(problems)} problem(s) after {args.allowed.name}, in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
