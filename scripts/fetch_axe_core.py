"""Fetch axe-core, the accessibility engine the browser tests run, from the npm registry.

    python scripts/fetch_axe_core.py DEST

Downloads the pinned release, checks it against the registry's sha512 integrity value, and
writes ``axe.min.js`` to DEST. Test-only: the published site never loads it. Nothing happens
when DEST already holds the pinned version.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from collections.abc import Sequence
from pathlib import Path

VERSION = "4.14.1"  # axe-core: Deque's accessibility rules engine, MPL-2.0
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="where to write axe.min.js")
    args = parser.parse_args(argv)
    stamp = args.dest.with_name(args.dest.name + ".version")
    if args.dest.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == VERSION:
        return 0
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if digest != INTEGRITY:
        print(f"{TARBALL}: integrity mismatch: got {digest}", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        script = archive.extractfile("package/axe.min.js")
        if script is None:
            print(f"{TARBALL}: no package/axe.min.js", file=sys.stderr)
            return 1
        args.dest.parent.mkdir(parents=True, exist_ok=True)
        args.dest.write_bytes(script.read())
    stamp.write_text(VERSION, encoding="utf-8")
    print(f"== axe-core {VERSION} written to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
