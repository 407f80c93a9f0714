"""Serve a folder over HTTP as a static host or CDN would: text compressed with gzip on the fly.

    python scripts/gzip_server.py [--host 127.0.0.1] [--port 8000] FOLDER

Python's http.server sends every file as it is on disk; a static host compresses HTML, CSS, JS,
SVG, JSON and XML for a client that accepts gzip (level 6, zlib's default and the usual CDN
setting), and leaves fonts, pictures and PDFs, which are compressed already, alone. The benchmark
serves the site with it, so page weights and Lighthouse see what a reader's browser receives.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
LEVEL = 6


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute, extended)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
    }

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        kind = self.guess_type(str(path / "index.html" if path.is_dir() else path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the folder's address
            path = path / "index.html"
        try:
            body = gzip.compress(path.read_bytes(), compresslevel=LEVEL, mtime=0)
        except OSError:
            self.send_error(404, "File not found")
            return None
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def server(
    folder: Path, host: str = "127.0.0.1", port: int = 0, handler: type = GzipHandler
) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer((host, port), partial(handler, directory=str(folder)))


@contextlib.contextmanager
def serving(
    folder: Path, host: str = "127.0.0.1", port: int = 0, handler: type = GzipHandler
) -> Iterator[str]:
    """Serve ``folder`` in a thread while the block runs; yields its address (``http://host:port/``)."""
    httpd = server(folder, host, port, handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv: Sequence[str] | None = None, handler: type = GzipHandler, doc: str = __doc__) -> int:
    """The command line (serve_site.py's too, with its handler)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    httpd = server(args.folder, args.host, args.port, handler)
    print(f"Serving {args.folder} on http://{args.host}:{args.port}/ (Ctrl+C stops)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
