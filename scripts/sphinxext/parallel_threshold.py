"""Read and write in parallel only when a build has enough pages to share out.

With ``-j N`` Sphinx hands even a single changed page to a worker process, which costs a fork and
pickling the whole environment there and back: more than reading the page (~0.4 s of a
one-paragraph edit here). A build that reads fewer than ``parallel_threshold`` pages runs in one
process; a full build still uses every core. Each sphinx-build is its own process, so the choice
holds for that build only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def choose(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if app.parallel > 1 and len(docnames) < app.config.parallel_threshold:
        app.parallel = 1  # Sphinx reads this after the event, and again before writing


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("parallel_threshold", 5, "", types=[int])
    app.connect("env-before-read-docs", choose)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
