"""Dates in words as the page language writes them: ``11. mai 2026``, ``11 May 2026``.

The format of each language is ``date`` in ``translations/languages.toml`` (numbers have theirs
there too, used by number_format.py); an explicit ``today_fmt`` in conf.py wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from languages import language

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def set_date_format(app: Sphinx, config: Config) -> None:
    if not config.today_fmt:
        config.today_fmt = language(config.language).date


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", set_date_format)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
