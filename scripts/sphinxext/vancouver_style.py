"""The Vancouver reference style of Tidsskrift for Den norske legeforening, as a pybtex style.

    Kosek E, Cohen M, Baron R et al. Do we need a third mechanistic descriptor for chronic pain
    states? Pain 2016; 157: 1382–6. doi: 10.1097/j.pain.0000000000000507. PubMed 26835783.

At most three authors, then "et al."; initials without points; titles exactly as entered
(pybtex's own styles change their case); journal abbreviations as entered; page ranges
abbreviated (1382–1386 → 1382–6); books, reports and chapters in the matching form; a DOI and a
PubMed link where the entry has them. Sphinx registers it as ``vancouver`` for
sphinxcontrib-bibtex, so HTML and PDF get the same text. "et al." and the link labels are
translatable: the catalogue ``smertehandboka`` in ``locale_dirs`` (Norwegian
needs one too: an editor is "red." and a chapter is "I:").
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pybtex.plugin
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.richtext import Text
from pybtex.style.formatting import BaseStyle, toplevel
from pybtex.style.labels.number import LabelStyle as NumberLabels
from pybtex.style.names.plain import NameStyle as PlainNames
from pybtex.style.sorting.none import SortingStyle as NoSorting
from pybtex.style.template import FieldIsMissing, field, href, join, node, optional, sentence, tag, words

from project_catalog import _

if TYPE_CHECKING:
    from pybtex.database import Entry, Person
    from pybtex.style import FormattedEntry
    from sphinx.application import Sphinx

MAX_AUTHORS = 3
PAGE_RANGE = re.compile(r"(\d+)\s*(?:-{1,2}|–)\s*(\d+)")


def abbreviate_page_range(pages: str) -> str:
    """``1382--1386`` → ``1382–6``: the last page keeps only the digits that differ."""
    match = PAGE_RANGE.fullmatch(pages.strip())
    if not match:
        return pages.replace("--", "–")
    first, last = match.groups()
    if len(first) == len(last):
        same = 0
        while same < len(last) - 1 and first[same] == last[same]:
            same += 1
        last = last[same:]
    return f"{first}–{last}"


# One backend for every name: Text.render_as("text") looks the backend up through package entry
# points on each call, which cost seconds per build (issue 11).
_PLAIN_TEXT = PlainTextBackend()


def _plain(latex: str) -> str:
    return Text.from_latex(latex).render(_PLAIN_TEXT)


def vancouver_name(person: Person) -> str:
    """``Rice, A. S. C.`` → ``Rice ASC``; ``Mico, J.-A.`` → ``Mico JA``; an institution stays whole."""
    surname = _plain(" ".join(person.prelast_names + person.last_names))
    given = [_plain(part) for part in person.first_names + person.middle_names]
    initials = "".join(
        piece.lstrip("{\\")[:1].upper() for part in given for piece in re.split(r"[-\s]+", part) if piece
    )
    return f"{surname} {initials}".strip()


def is_others(person: Person) -> bool:
    return str(person).strip().lower() == "others"


@node
def vancouver_names(children: list, context: dict[str, Any], role: str) -> Text:
    persons = context["entry"].persons.get(role, [])
    listed = [person for person in persons if not is_others(person)][:MAX_AUTHORS]
    text = ", ".join(vancouver_name(person) for person in listed)
    if len(persons) > MAX_AUTHORS or any(is_others(person) for person in persons):
        text += " " + str(_("et al."))
    return Text(text)


@node
def page_range(children: list, context: dict[str, Any]) -> Text:
    entry = context["entry"]
    if not entry.fields.get("pages"):
        raise FieldIsMissing("pages", entry)  # lets optional[...] leave it out
    return Text(abbreviate_page_range(entry.fields["pages"]))


@node
def identifier_links(children: list, context: dict[str, Any]) -> Text:
    """``doi: 10.x/y. PubMed 123.``: the identifiers printed in full (a PDF is read on paper too)."""
    fields = context["entry"].fields
    parts = []
    if fields.get("doi"):
        doi = fields["doi"]
        parts.append(
            href(url=f"https://doi.org/{doi}", external=True)[f"{_('doi')}: {doi}"].format_data(context)
        )
    if fields.get("pmid"):
        pmid = fields["pmid"]
        parts.append(
            href(url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/", external=True)[
                f"{_('PubMed')} {pmid}"
            ].format_data(context)
        )
    return join(sep=". ")[parts].format_data(context) if parts else Text()


# Formatted entries of earlier builds, kept in the environment (see remember_formatted_entries).
_formatted: dict[tuple[Any, ...], FormattedEntry] = {}
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
_WORDS = ("et al.", "ed.", "In:", "doi", "PubMed")


def _fingerprint(label: str, entry: Entry) -> tuple[Any, ...]:
    """Everything the formatted text depends on: the entry, its label and the style's words."""
    persons = tuple((role, tuple(map(str, people))) for role, people in sorted(entry.persons.items()))
    words = tuple(str(_(word)) for word in _WORDS)
    return (label, entry.key, entry.type, tuple(sorted(entry.fields.lower().items())), persons, words)


class VancouverStyle(BaseStyle):
    # Classes, not plugin names: pybtex takes a class as it is, where a name costs an entry-point
    # search every time sphinxcontrib-bibtex makes a style (once per reference list, every build).
    default_name_style = PlainNames
    default_label_style = NumberLabels
    default_sorting_style = NoSorting  # numbered in order of first citation

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        key = _fingerprint(label, entry)
        if key not in _formatted:
            _formatted[key] = super().format_entry(label, entry, bib_data=bib_data)
        return _formatted[key]

    def _title(self) -> Any:
        return sentence[field("title")]

    def _links(self) -> Any:
        return optional[sentence[identifier_links]]

    def _creators(self, entry: Entry, with_editor_mark: bool = True) -> Any:
        if entry.persons.get("author"):
            return sentence[vancouver_names(role="author")]
        if entry.persons.get("editor"):
            mark = str(_("ed.")) if with_editor_mark else ""
            return sentence[
                join(sep=", ")[vancouver_names(role="editor"), mark]
                if mark
                else vancouver_names(role="editor")
            ]
        return optional[sentence[field("institution")]]

    def _place_publisher_year(self, publisher_field: str) -> Any:
        """``Oslo: Helsedirektoratet, 2014``."""
        return join(sep=", ")[
            join(sep=": ")[optional[field("address")], field(publisher_field)], field("year")
        ]

    def _url(self) -> Any:
        return optional[sentence[href(url=field("url", raw=True), external=True)[field("url", raw=True)]]]

    def _entry(self, e: Entry, *middle: Any) -> Any:
        """Creators, title, the type's own parts, then the DOI and PubMed links."""
        return toplevel[self._creators(e), self._title(), *middle, self._links()]

    def get_article_template(self, e: Entry) -> Any:
        return self._entry(
            e,
            sentence[
                join[
                    words[tag("em")[field("journal")], field("year")],
                    optional["; ", field("volume")],
                    optional[": ", page_range],
                ]
            ],
        )

    def get_book_template(self, e: Entry) -> Any:
        return self._entry(
            e, optional[sentence[field("edition")]], sentence[self._place_publisher_year("publisher")]
        )

    def get_report_template(self, e: Entry) -> Any:
        return self._entry(
            e,
            optional[sentence[words[optional[field("type")], field("number")]]],
            sentence[self._place_publisher_year("institution")],
            self._url(),
        )

    get_techreport_template = get_report_template

    def get_incollection_template(self, e: Entry) -> Any:
        return self._entry(
            e,
            sentence(sep=" ")[
                words[
                    str(_("In:")),
                    optional[join(sep=", ")[vancouver_names(role="editor"), str(_("ed."))]],
                ],
                field("booktitle"),
            ],
            sentence[join(sep=": ")[self._place_publisher_year("publisher"), optional[page_range]]],
        )

    def get_misc_template(self, e: Entry) -> Any:
        return self._entry(
            e, optional[sentence[field("howpublished")]], optional[sentence[field("year")]], self._url()
        )

    get_online_template = get_misc_template


def remember_formatted_entries(app: Sphinx) -> None:
    """sphinxcontrib-bibtex formats every reference list again on every build, changed or not
    (~0.3 s here); the environment keeps what this style made, for as long as its code is the same."""
    global _formatted
    kept = getattr(app.env, "smh_vancouver_entries", None)
    if not kept or kept[0] != _CODE:
        kept = app.env.smh_vancouver_entries = (_CODE, {})
    _formatted = kept[1]


def setup(app: Sphinx) -> dict[str, object]:
    pybtex.plugin.register_plugin("pybtex.style.formatting", "vancouver", VancouverStyle)
    app.setup_extension("project_catalog")
    app.connect("builder-inited", remember_formatted_entries)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
