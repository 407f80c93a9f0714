"""Copy the project's own files (committed, and new ones git does not ignore) to another folder,
for builds that must not touch the working tree: the benchmark and the Makefile tests. The copy
is a git clone sharing the project's objects, so releases.toml's commits are there too."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def copy_project(destination: Path) -> Path:
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(PROJECT), str(destination)],
        capture_output=True,
        check=True,
    )
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in listed:
        if (PROJECT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, destination / name)
    return destination
