"""``sphinx-build``, without the interpreter's teardown at the end.

After a build CPython frees the whole environment object by object before the process ends,
~0.45 s of every build here (a fifth of a no-op build); the operating system frees it at once.
This runs Sphinx's own command line, lets every exit handler run, flushes the standard streams
and ends the process with Sphinx's exit status. Sphinx closes the files it writes itself.

    python scripts/sphinx_build.py [sphinx-build options] SOURCEDIR OUTPUTDIR
"""

from __future__ import annotations

import atexit
import os
import sys


def main(argv: list[str]) -> int:
    """Run Sphinx; the process then ends as soon as the exit handlers have run."""
    status = 1  # unless Sphinx returns (an interrupt, say)

    def end_now() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)

    # Registered before Sphinx is imported, so it runs after every exit handler Sphinx's modules add.
    atexit.register(end_now)
    from sphinx.cmd.build import main as sphinx_build

    try:
        status = sphinx_build(argv)
    except SystemExit as stop:  # argparse's usage errors
        status = stop.code if isinstance(stop.code, int) else 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
