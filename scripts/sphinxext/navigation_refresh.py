"""Every page is written again when the site's navigation changed, and only then.

Each page carries the whole navigation in its sidebar (the theme renders the global toctree
into every page), but an incremental Sphinx build writes only the pages whose sources changed
and their parents. A page title edited, a page added to or moved in a toctree, would leave the
other pages' menus showing the old navigation. This extension remembers a digest of the
navigation (every page's title and every toctree's entries) in the environment; when it differs
after reading, every page is marked updated, so every page is written with the new menus. An
edit that leaves the navigation alone still writes one page.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def navigation_digest(env: BuildEnvironment) -> str:
    titles = {doc: env.titles[doc].astext() for doc in sorted(env.found_docs) if doc in env.titles}
    toctrees = {doc: list(entries) for doc, entries in sorted(env.toctree_includes.items())}
    text = json.dumps([titles, toctrees], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    digest = navigation_digest(env)
    previous = getattr(env, "smh_navigation_digest", None)
    env.smh_navigation_digest = digest  # type: ignore[attr-defined]
    if previous is not None and previous != digest:
        return sorted(env.found_docs)
    return []


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("env-get-updated", pages_to_rewrite)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
