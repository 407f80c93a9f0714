"""Check the links of the assembled site with LinkChecker: every internal link and #anchor resolves.

    python scripts/check_links.py [--external] [SITE]

SITE (default ``_build/site``) is served over HTTP on 127.0.0.1, on a free port, for the run.
LinkChecker (``scripts/linkcheckerrc``: anchors checked, robots.txt ignored, any depth) starts
from the entry points, the root page, ``404.html``, each ``<lang>/<edition>/index.html`` and the
permalinks ``r/<ID>/`` and ``<lang>/r/<ID>/`` (nothing links to them; readers arrive from
outside), and follows every link inside the site. Each broken link or anchor is printed as
``PAGE:LINE:COLUMN: URL: why`` (LinkChecker reports a link once, on the first page it met it);
a page that no link reaches is a problem too. Exit status 1 when there is any problem.

External links are never followed by default. With ``--external`` they are listed, each with the
first page linking to it, and checked over the network; that never fails the run (exit 0), since
another site's outage is not ours. Links to the site's own public address (canonical links, from
``robots.txt``'s ``Sitemap:`` line) are skipped: they point at the deployed site, not this tree.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = Path(__file__).resolve().parent / "linkcheckerrc"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# Folders of theme files, not pages (pydata-sphinx-theme ships a Jinja template as _static/*.html).
NOT_PAGES = {"_static", "_images", "_sources", "_downloads"}


@dataclass(frozen=True)
class Link:
    """One URL as LinkChecker logged it: where it was found, and what came of checking it."""

    url: str  # as written in the page
    real_url: str  # resolved
    parent: str  # the page it was found on ('' for a start page)
    line: str
    column: str
    extern: bool
    valid: bool
    result: str
    warnings: tuple[str, ...]


def pages(site: Path) -> list[Path]:
    """Every HTML page of the tree, relative to it (theme files under _static/ are not pages)."""
    return sorted(
        path.relative_to(site)
        for path in site.rglob("*.html")
        if not NOT_PAGES.intersection(path.relative_to(site).parts[:-1])
    )


def start_pages(site: Path) -> list[Path]:
    """The pages readers arrive at from outside: the root, 404.html, each language's editions
    and the permalinks."""
    found = []
    for page in pages(site):
        parts = page.parts
        if (
            parts in {("index.html",), ("404.html",)}
            or (len(parts) == 3 and parts[2] == "index.html" and parts[1] != "r")
            or (len(parts) in {3, 4} and parts[-3] == "r" and parts[-1] == "index.html")
        ):
            found.append(page)
    return found


def public_address(site: Path) -> str | None:
    """The deployed site's address, from robots.txt's Sitemap line (None when there is none)."""
    robots = site / "robots.txt"
    if robots.is_file():
        match = re.search(r"^Sitemap:\s*(\S+)sitemap\.xml\s*$", robots.read_text(encoding="utf-8"), re.M)
        if match:
            return match.group(1)
    return None


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: thousands of requests on a few connections

    def end_headers(self) -> None:
        # LinkChecker waits between requests to a host (10 a second at most) unless the server
        # says it is LinkChecker's own with this header; then `maxrequestspersecond` applies.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        # The tree is served at the deployed site's path (404.html links from it), not at the root.
        prefix = self.server.prefix  # type: ignore[attr-defined]
        if not path.startswith(prefix):
            return str(Path(self.directory) / "\0not-in-the-site")
        return super().translate_path("/" + path[len(prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up once it has what it needs (a PDF's headers) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve SITE on 127.0.0.1 on a free port for the duration, at the path of the deployed site's
    address (robots.txt), as a host would; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    own = public_address(site)
    server.prefix = urllib.parse.urlsplit(own).path or "/" if own else "/"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{server.prefix}"  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def run_linkchecker(site: Path, external: bool = False) -> tuple[list[Link], str]:
    """Run LinkChecker over the served SITE from its start pages; its log, parsed, and the base URL."""
    if not LINKCHECKER.exists():
        raise SystemExit(f"{LINKCHECKER} is missing: run `make venv` (requirements.txt pins linkchecker)")
    with served(site) as base:
        command = [str(LINKCHECKER), "--config", str(CONFIG), "--no-status", "--verbose", "-o", "xml/utf-8"]
        own = public_address(site)
        if own and not own.startswith(base):
            command += ["--ignore-url", "^" + re.escape(own)]
        if external:
            command.append("--check-extern")
        command += [base + urllib.parse.quote(page.as_posix()) for page in start_pages(site)]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    if result.returncode not in (0, 1) or not result.stdout.lstrip().startswith("<?xml"):
        raise SystemExit(f"linkchecker failed (exit {result.returncode}):\n{result.stderr[-4000:]}")
    return parse_log(result.stdout), base


def parse_log(text: str) -> list[Link]:
    links = []
    for data in ET.fromstring(text.encode("utf-8")).iter("urldata"):
        parent = data.find("parent")
        valid = data.find("valid")
        links.append(
            Link(
                url=data.findtext("url", ""),
                real_url=data.findtext("realurl", ""),
                parent=parent.text or "" if parent is not None else "",
                line=parent.get("line", "") if parent is not None else "",
                column=parent.get("column", "") if parent is not None else "",
                extern=data.findtext("extern") == "1",
                valid=valid is not None and valid.text == "1",
                result=valid.get("result", "") if valid is not None else "",
                warnings=tuple(w.text or "" for w in data.iter("warning")),
            )
        )
    return links


def local_page(url: str, base: str, site: Path) -> Path | None:
    """The file of the tree that URL serves, relative to SITE (None outside the tree)."""
    if not url.startswith(base):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url[len(base) :]).path)
    relative = Path(path.lstrip("/"))
    if path.endswith("/") or (site / relative).is_dir():
        relative = relative / "index.html"
    return relative


def where(link: Link, base: str, site: Path) -> str:
    """The page a link was found on, as FILE:LINE:COLUMN (the start page itself for a start URL)."""
    if not link.parent:
        page = local_page(link.real_url, base, site)
        return str(site / page) if page else link.real_url
    page = local_page(link.parent, base, site)
    location = str(site / page) if page else link.parent
    return ":".join(part for part in (location, link.line, link.column) if part and part != "None")


def internal_problems(links: Sequence[Link], base: str, site: Path) -> list[str]:
    """Broken internal links and anchors, then pages that no link reaches."""
    problems = []
    for link in links:
        if link.extern or link.real_url.startswith(("mailto:", "tel:")):
            continue
        why = [] if link.valid else [link.result or "broken"]
        why += link.warnings
        if why:
            problems.append(f"{where(link, base, site)}: {link.url}: {'; '.join(why)}")
    reached = {local_page(link.real_url, base, site) for link in links if link.valid and not link.extern}
    for page in pages(site):
        if page not in reached:
            problems.append(f"{site / page}: not reached: no link from the start pages leads to this page")
    return problems


def external_report(links: Sequence[Link], base: str, site: Path) -> list[str]:
    """One line per external link (LinkChecker checks each once): its verdict, URL and first page."""
    lines = []
    for link in sorted((link for link in links if link.extern), key=lambda link: link.real_url):
        verdict = "ok" if link.valid and not link.warnings else "BROKEN" if not link.valid else "warning"
        detail = "; ".join(filter(None, [link.result, *link.warnings]))
        lines.append(f"{verdict}\t{link.real_url}\t{where(link, base, site)}\t{detail}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check_links.py", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=PROJECT / "_build" / "site", metavar="SITE")
    parser.add_argument(
        "--external", action="store_true", help="list and check the external links (never fails)"
    )
    args = parser.parse_args(argv)
    site: Path = args.site
    if not (site / "index.html").is_file():
        print(f"{site}: no index.html: build the site first (make site)", file=sys.stderr)
        return 2
    started = time.monotonic()
    links, base = run_linkchecker(site, external=args.external)
    seconds = time.monotonic() - started
    all_pages = pages(site)
    if args.external:
        report = external_report(links, base, site)
        print("\n".join(report))
        broken = sum(1 for line in report if not line.startswith("ok"))
        print(
            f"check_links: {len(report)} external link(s), {broken} not ok (not a gate) in {seconds:.0f} s",
            file=sys.stderr,
        )
        return 0
    problems = internal_problems(links, base, site)
    for problem in problems:
        print(problem)
    internal = [link for link in links if not link.extern]
    reached = {local_page(link.real_url, base, site) for link in internal if link.valid}
    print(
        f"check_links: {len(reached & set(all_pages))} of {len(all_pages)} pages reached, "
        f"{len(internal)} internal URLs checked (anchors included), "
        f"{len(links) - len(internal)} external not followed; "
        f"{len(problems)} problem(s) in {seconds:.0f} s",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
