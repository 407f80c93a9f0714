"""Serve the published site as a host that can set headers should: compressed, with its policy.

    python scripts/serve_site.py [--host 127.0.0.1] [--port 8000] FOLDER

``make serve`` runs it on _build/site. On top of scripts/gzip_server.py (gzip as a static host
compresses), every HTML page is sent with

- ``Content-Security-Policy``: the page's own policy (the ``<meta>`` that scripts/site_csp.py put
  in it) with ``frame-ancestors 'none'``, which only a header can say;
- ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: strict-origin-when-cross-origin``.

The browser tests serve the site with it, so they see what a reader would under that header.
"""

from __future__ import annotations

import contextlib
import http.server
import sys
from collections.abc import Sequence
from pathlib import Path

import gzip_server
import site_csp
from gzip_server import GzipHandler


class SiteHandler(GzipHandler):
    def end_headers(self) -> None:
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        if page.suffix == ".html" and page.is_file():
            self.send_header("Content-Security-Policy", site_csp.header(page.read_text(encoding="utf-8")))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        super().end_headers()


def server(folder: Path, host: str = "127.0.0.1", port: int = 0) -> http.server.ThreadingHTTPServer:
    return gzip_server.server(folder, host, port, SiteHandler)


def serving(folder: Path, host: str = "127.0.0.1", port: int = 0) -> contextlib.AbstractContextManager[str]:
    """Serve ``folder`` in a thread while the block runs; yields its address (``http://host:port/``)."""
    return gzip_server.serving(folder, host, port, SiteHandler)


def main(argv: Sequence[str] | None = None) -> int:
    return gzip_server.main(argv, SiteHandler, __doc__)


if __name__ == "__main__":
    sys.exit(main())
