"""Write an edition's recommendations as data, from the edition's own build.

    <edition's venv>/bin/python scripts/edition_data.py CHECKOUT DOCTREES OUT LANG

scripts/build_releases.py runs this after an edition's own ``make html`` has built it in its
checkout: CHECKOUT is that checkout (its ``conf.py`` and ``source/``), DOCTREES the doctrees that
build left (``<BUILDDIR>/doctrees/html-<LANG>``), OUT the file to write (the edition's
``html/<LANG>/.recommendations.json``). It runs with the edition's own Python packages.

It loads the edition's Sphinx application as that build left it (the edition's configuration
and extensions, its environment and doctrees; nothing is read or written again) and runs
``recommendation_data.write`` over it: the edition's own parsed recommendations, resolved as
they were for its pages. An edition whose configuration already has ``recommendation_data``
uses its own copy of the module; an older one gets this project's, added after the edition's
own extensions on the module path.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    checkout, doctrees, out, lang = Path(argv[0]), Path(argv[1]), Path(argv[2]), argv[3]
    if not (doctrees / "environment.pickle").is_file():
        print(f"{doctrees}: no environment.pickle: build the edition's HTML first", file=sys.stderr)
        return 1
    sys.path.append(str(HERE / "sphinxext"))  # after the edition's own (its conf.py puts them first)
    with tempfile.TemporaryDirectory() as scratch, patch_docutils(checkout), docutils_namespace():
        app = Sphinx(
            srcdir=checkout / "source",
            confdir=checkout,
            outdir=Path(scratch) / "html",  # nothing is written there; the edition's output stays as built
            doctreedir=doctrees,
            buildername="html",
            confoverrides={"language": lang},
            status=None,
            warning=sys.stderr,
            freshenv=False,
        )
        import recommendation_data  # the edition's own when its conf.py loaded it, else ours

        recommendation_data.write(app, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
