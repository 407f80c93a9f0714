"""The project's own message catalogues: ``smertehandboka`` for words our extensions write, and
``clinic-data`` for the clinic directory's free-text cells (``scripts/clinic_messages.py``).

Extensions translate with ``from project_catalog import _`` (or ``clinic_text``) and load this
extension with ``app.setup_extension("project_catalog")``; the catalogues of the page language
are read from ``locale_dirs`` (``translations/<lang>/LC_MESSAGES/<catalogue>.po``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation
from sphinx.util.i18n import CatalogRepository

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CATALOG = "smertehandboka"
CLINIC_DATA = "clinic-data"
_ = get_translation(CATALOG)
clinic_text = get_translation(CLINIC_DATA)


def N_(message: str) -> str:
    """Marks a word in conf.py for the catalogue (``make pot``); the extension that uses it
    translates it in the page language."""
    return message


def load_catalog(app: Sphinx, config: Config) -> None:
    """Load the catalogue of the page language from ``locale_dirs``.

    Sphinx compiles catalogues only after extensions have been set up, and a catalogue is read
    when it is added, so the .po file is compiled here first (the way Sphinx itself does it).
    """
    repository = CatalogRepository(app.srcdir, config.locale_dirs, config.language, config.source_encoding)
    for catalog in repository.catalogs:
        if catalog.domain in (CATALOG, CLINIC_DATA) and catalog.is_outdated():
            catalog.write_mo(config.language, config.gettext_allow_fuzzy_translations)
    for locale_dir in repository.locale_dirs:
        app.add_message_catalog(CATALOG, locale_dir)
        app.add_message_catalog(CLINIC_DATA, locale_dir)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", load_catalog)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
