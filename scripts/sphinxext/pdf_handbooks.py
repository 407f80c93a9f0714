"""One PDF handbook per collection and language.

conf.py lists the collections in ``pdf_handbooks`` (start document, ASCII slug, title); this
module turns them into ``latex_documents`` named ``smertehandboka-<slug>-<language>.tex`` and
sets up XeLaTeX with the page language's hyphenation, the project's fonts and title page
(``latex/smertehandboka.sty`` beside this file) and the PDF metadata (title, author, language).
The titles and the author are marked ``N_`` in conf.py and shown in the page language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from project_catalog import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

STYLE_FILE = Path(__file__).parent / "latex" / "smertehandboka.sty"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Page language -> BCP 47 tag written into the PDF's /Lang entry.
PDF_LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "da": "da-DK", "en": "en-GB"}


def pdf_file_stem(slug: str, language: str) -> str:
    """``smertehandboka-kommentar-nb``: ASCII, with the collection and the language."""
    return f"smertehandboka-{slug}-{language.replace('_', '-').lower()}"


def _latex_escape_text(text: str) -> str:
    return re.sub(r"([#$%&_{}])", r"\\\1", text)


def translated(word: str) -> str:
    """A word conf.py marks with N_, in the page language (a variable, so `make pot` skips it)."""
    return str(_(word))


def configure_handbooks(app: Sphinx, config: Config) -> None:
    documents = []
    for handbook in config.pdf_handbooks:
        slug = handbook["slug"]
        if not SLUG.fullmatch(slug):
            logger.warning(
                "pdf_handbooks: slug %r must be lower-case ASCII letters, digits and hyphens",
                slug,
                type="smertehandboka",
                subtype="pdf_handbooks",
            )
            continue
        documents.append(
            (
                handbook["start"],
                pdf_file_stem(slug, config.language) + ".tex",
                translated(handbook["title"]),
                translated(config.author),
                handbook.get("class", "howto"),
                True,  # toctree_only: the collection's landing page text is for the web
            )
        )
    config.latex_documents = documents
    config.latex_engine = "xelatex"
    config.latex_use_xindy = False
    config.latex_additional_files = [*config.latex_additional_files, str(STYLE_FILE)]

    language_tag = PDF_LANGUAGE_TAGS.get(config.language.split("_")[0], config.language)
    series = _latex_escape_text(config.project)
    elements = {
        "papersize": "a4paper",
        "pointsize": "11pt",
        "fontpkg": "",  # fonts are set in smertehandboka.sty
        "fncychap": "",
        "printindex": "",
        "maketitle": r"\smhtitlepage",
        # Headings carry the source's own numbers ("2 Klassifisering …"): LaTeX adds none.
        "secnumdepth": r"\setcounter{secnumdepth}{-1}",
        "preamble": "\n".join(
            [
                r"\usepackage{smertehandboka}",
                rf"\renewcommand{{\smhseries}}{{{series}}}",
                rf"\hypersetup{{pdflang={{{language_tag}}}, pdfsubject={{{series}}}}}",
            ]
        ),
    }
    config.latex_elements = {**elements, **config.latex_elements}


def handbook_for(docname: str, handbooks: list[dict[str, str]]) -> dict[str, str] | None:
    """The handbook whose collection (the start document's folder) holds ``docname``."""
    for handbook in handbooks:
        folder = handbook["start"].rpartition("/")[0]
        if docname == handbook["start"] or (folder and docname.startswith(folder + "/")):
            return handbook
    return None


def add_pdf_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Give the page template ``handbook_pdf`` (url, title): the site keeps PDFs in <lang>/pdf/."""
    handbook = handbook_for(pagename, app.config.pdf_handbooks)
    if handbook and SLUG.fullmatch(handbook["slug"]):
        to_root = "../" * pagename.count("/")
        context["handbook_pdf"] = {
            "url": f"{to_root}pdf/{pdf_file_stem(handbook['slug'], app.config.language)}.pdf",
            "title": translated(handbook["title"]),
        }


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("project_catalog")  # its catalogue is loaded before the handbooks are set up
    app.add_config_value("pdf_handbooks", [], "env", types=[list])
    app.connect("config-inited", configure_handbooks, priority=800)
    app.connect("html-page-context", add_pdf_link)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
