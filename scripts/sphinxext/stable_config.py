"""The environment remembers the configuration that conf.py gave, not what extensions added later.

Sphinx pickles the configuration with the environment and, on the next build, compares it with
the new one (after ``config-inited``) to decide what is out of date. Sphinx's graphviz,
sphinx-design, pydata-sphinx-theme and our clinic directory append to ``html_static_path`` and
``templates_path`` and fill in theme options when the builder starts, after that comparison, so
the pickled copy never matched: every build said "The configuration has changed (5 options …)".

Here the values are noted once every ``config-inited`` handler has run, and the environment
pickles a copy of the configuration holding them; the builder goes on with the live one. A
build therefore reports a configuration change only when conf.py or the command line changed.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

LAST = 10_000  # after every other handler of the same event


def note_values(app: Sphinx, config: Config) -> None:
    values: dict[str, Any] = {}
    for item in config:
        try:
            values[item.name] = copy.deepcopy(item.value)
        except Exception:  # a value that cannot be copied is not restored
            continue
    app.smh_config_values = values  # type: ignore[attr-defined]


def pickle_noted_values(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Runs just before Sphinx pickles the environment (only builds that read something do)."""
    noted: dict[str, Any] = getattr(app, "smh_config_values", {})
    remembered = copy.copy(app.config)  # through Config.__getstate__, as the pickle would
    for name, value in noted.items():
        if app.config[name] != value:
            remembered[name] = value
    env.config = remembered
    return []


def use_live_config(app: Sphinx, builder: Builder) -> None:
    builder.env.config = app.config


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", note_values, priority=LAST)
    app.connect("env-updated", pickle_noted_values, priority=LAST)
    app.connect("write-started", use_live_config)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
