"""How to cite a page or a recommendation: a reference in the page's language, at the end of every
page of every edition (old ones included), and Highwire Press ``citation_*`` meta tags for
reference managers (Zotero) and Google Scholar. The site assembly calls it for each page after the
menus (``inject``) and for each permalink ``r/<ID>/`` (``inject_permalink``).

The reference follows the reference lists of our pages (``scripts/sphinxext/vancouver_style.py``:
Tidsskrift for Den norske legeforening's Vancouver, "Publisher, year", the address at the end,
no "Available from"), in the form Citing Medicine gives a contribution to a book on the Internet,
as each collection is a book (one PDF handbook each):

    Smertehåndboka-redaksjonen. Sammendrag. I: Smertehåndboka: Veileder: tverrfaglige
    smerteklinikker [Internett]. Utgave 2026.2. Smertehåndboka, 2. desember 2026.
    https://…/nb/2026.2/guideline/summary.html

- The author is the project's editorial team (conf.py's ``author``, in the page's language) and
  the publisher the project (``project``); we know no place of publication, so none is given.
- The book is "Smertehåndboka: <the collection's title>", the title of the collection's start page
  in that edition and language; a page outside the collections (glossary, what changed) is part
  of "Smertehåndboka". A collection's start page, and the edition's, is the book itself (no "In:").
- The edition and its date come from releases.toml; ``latest`` names the edition it is, and the
  address is the version-pinned one (``<lang>/<edition>/<page>``), never ``latest``, so a
  citation keeps pointing at the text that was read. ``dev`` is cited as the unpublished working
  version, dated the day its build was made (the date its downloads page gives).
- No "[cited date]". A static page cannot know the day it is read, and a placeholder to fill in
  would be copied unfilled. Every edition's pages are fixed once published, and the reference
  names the edition, its date and the address of that edition's page, which is what a date of
  reading would pin down; a journal that wants one anyway adds it as its own style says.
- Each recommendation is citable by itself: its title gets a "how to cite" link to its reference
  in a list under the page's, and its permalink page carries its reference (the version-pinned
  address with its ``#rec-…`` anchor) and its meta tags, so a reference manager saving the
  permalink gets the recommendation.

The meta tags are those Zotero's "Embedded Metadata" translator and Google Scholar read:
``citation_title``, ``citation_author``, ``citation_publisher``, ``citation_publication_date``
(``YYYY/MM/DD``), ``citation_language``, ``citation_book_title`` (Zotero makes a book section of
it), ``citation_public_url`` (Zotero's URL), ``citation_pdf_url`` (the collection's handbook of
that edition and language, where the page belongs to one), and ``prism.edition``, which Zotero's
RDF import reads as the edition. Zotero splits a name of several words into a first and a last
name; the editorial team's name is one word in Bokmål and Danish, and an English reader may have
to mark it as one field.

Search, the general index and the downloads list are not content and get nothing. Everything added
is plain HTML between the markers of ``site_menus`` (``site_menus.strip()`` takes it out again);
no script and no style attribute (scripts/site_assets/menus.css styles it).
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

from site_menus import BEGIN, END, N_

PROJECT = Path(__file__).resolve().parent.parent
PUBLISHER = "Smertehåndboka"  # conf.py's project
AUTHOR = N_("Smertehåndboka-redaksjonen")  # conf.py's author
NOT_CONTENT = frozenset({"search.html", "genindex.html", "downloads.html"})

WORDS = (
    N_("How to cite this page"),
    N_("How to cite the recommendations on this page"),
    N_("How to cite this recommendation"),
    N_("how to cite"),
    PART := N_("{author}. {title}. In: {book} [Internet]. {edition}. {publisher}, {date}."),
    WHOLE := N_("{author}. {title} [Internet]. {edition}. {publisher}, {date}."),
    N_("Edition {edition}"),
    N_("Working version (unpublished)"),
    PERMALINK := N_("The permalink, which always leads to the recommendation's newest version:"),
)

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
TITLE_SUFFIX = re.compile(r"\s+[—–-]\s+" + re.escape(PUBLISHER) + r"\s*$")
ARTICLE = re.compile(r'<article class="bd-article"[^>]*>')
RECOMMENDATION = re.compile(
    r'(<div class="admonition recommendation[^"]*" id="rec-([a-z]+-\d+)">\s*<p class="admonition-title">)'
    r"(.*?)(</p>)",
    re.S,
)
# What inject() adds (each piece names itself), for inject() to replace.
INJECTED = re.compile(
    re.escape(BEGIN)
    + r'(?:<meta name="citation_|<section class="smh-cite"| <a class="smh-cite-link").*?'
    + re.escape(END),
    re.S,
)


@dataclass(frozen=True)
class Collection:
    """A collection as an edition has it: its start page's title, its handbook (under the edition)."""

    title: str | None
    pdf: str | None  # "pdf/smertehandboka-veileder-nb.pdf", where the file exists


@dataclass(frozen=True)
class Edition:
    """One edition folder in one language, as its references name it."""

    lang: str
    name: str  # "2026.2", or "dev"
    date: str  # ISO: the release's date; dev: the day its build was made
    url: str  # the version-pinned address of the folder: <base>/<lang>/<name>/
    collections: Mapping[str, Collection]  # top folder ("guideline") -> the collection
    translate: Callable[[str], str]  # an English site word in the language
    format_date: Callable[[str], str]  # an ISO date in words, in the language
    dev: bool = False


@dataclass(frozen=True)
class Reference:
    title: str
    book: str | None  # None: the work is the book itself
    url: str  # version-pinned
    pdf_url: str | None
    text: str  # the reference in the page's language, without its address


@cache
def handbooks() -> dict[str, str]:
    """conf.py's ``pdf_handbooks``: a collection's folder -> its handbook's slug (read, not run:
    running conf.py would put the extensions' folder first on the import path)."""
    tree = ast.parse((PROJECT / "conf.py").read_text(encoding="utf-8"))
    value = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pdf_handbooks" for t in node.targets)
    )
    found = {}
    for item in value.elts:
        keys = {
            key.value: entry.value
            for key, entry in zip(item.keys, item.values, strict=True)
            if isinstance(key, ast.Constant) and isinstance(entry, ast.Constant)
        }
        found[keys["start"].rpartition("/")[0]] = keys["slug"]
    return found


def page_title(text: str) -> str:
    """The page's title without the site's name (``Sammendrag — Smertehåndboka`` → ``Sammendrag``)."""
    found = TITLE.search(text)
    title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", found[1])).split()) if found else ""
    return TITLE_SUFFIX.sub("", title) or PUBLISHER


def collections(folder: Path, texts: Mapping[str, str], lang: str) -> dict[str, Collection]:
    """The collections of an edition folder: their titles from ``texts`` (page -> HTML) and their
    handbooks from ``folder/pdf``."""
    found = {}
    for top, slug in handbooks().items():
        start = texts.get(f"{top}/index.html")
        pdf = f"pdf/smertehandboka-{slug}-{lang}.pdf"
        found[top] = Collection(
            page_title(start) if start else None, pdf if (folder / pdf).is_file() else None
        )
    return found


def _text(edition: Edition, title: str, book: str | None) -> str:
    word = edition.translate
    edition_words = (
        word("Working version (unpublished)")
        if edition.dev
        else word("Edition {edition}").format(edition=edition.name)
    )
    text = word(PART if book else WHOLE).format(
        author=word(AUTHOR),
        title=title,
        book=book,
        edition=edition_words,
        publisher=PUBLISHER,
        date=edition.format_date(edition.date),
    )
    return re.sub(r"([?!])\.", r"\1", text)  # "Hva er smerte?. I:" → "Hva er smerte? I:"


def reference(edition: Edition, page: str, title: str, anchor: str = "") -> Reference:
    """The reference of ``page`` of the edition titled ``title`` (or of a part of it: ``anchor``)."""
    top = PurePosixPath(page).parts[0] if "/" in page else None
    collection = edition.collections.get(top) if top else None
    book = f"{PUBLISHER}: {collection.title}" if collection and collection.title else PUBLISHER
    if page == f"{top}/index.html" and collection and collection.title and not anchor:
        title = book  # a collection's start page: the book itself
    if title == book:
        book = None
    url = edition.url + page + (f"#{anchor}" if anchor else "")
    pdf = edition.url + collection.pdf if collection and collection.pdf else None
    return Reference(title, book, url, pdf, _text(edition, title, book))


def meta_tags(edition: Edition, ref: Reference) -> str:
    tags = [
        ("citation_title", ref.title),
        ("citation_author", edition.translate(AUTHOR)),
        ("citation_publisher", PUBLISHER),
        ("citation_publication_date", edition.date.replace("-", "/")),
        ("citation_language", edition.lang),
        ("citation_book_title", ref.book or ref.title),
        ("citation_public_url", ref.url),
        ("prism.edition", edition.name),
    ]
    if ref.pdf_url:
        tags.append(("citation_pdf_url", ref.pdf_url))
    return "".join(f'<meta name="{name}" content="{html.escape(value)}">' for name, value in tags)


def _cited(ref: Reference) -> str:
    url = html.escape(ref.url)
    return f'<p class="smh-cite-text">{html.escape(ref.text)} <a href="{url}">{url}</a></p>'


def _section(heading: str, *parts: str) -> str:
    """The visible block, between the markers."""
    heading = f"<h2>{html.escape(heading)}</h2>"
    return f'{BEGIN}<section class="smh-cite" id="smh-cite">{heading}{"".join(parts)}</section>{END}'


def _head(text: str, edition: Edition, ref: Reference) -> str:
    return text.replace("</head>", f"{BEGIN}{meta_tags(edition, ref)}{END}</head>", 1)


def strip(text: str) -> str:
    """The page without what ``inject`` added."""
    return INJECTED.sub("", text)


def inject(text: str, edition: Edition, page: str) -> str:
    """The page with its meta tags, its reference at the end of its article and, for each
    recommendation, a link to that one's reference (an earlier injection replaced)."""
    text = strip(text)
    article = ARTICLE.search(text)
    if page in NOT_CONTENT or article is None:
        return text
    end = text.find("</article>", article.end())
    if end < 0:
        return text
    ref = reference(edition, page, page_title(text))
    word = edition.translate
    parts = [_cited(ref)]
    recs = [found[1] for found in RECOMMENDATION.findall(text, article.end(), end)]
    if recs:
        items = "".join(
            f'<li id="cite-rec-{rec}">{_cited(recommendation(edition, page, rec))}</li>' for rec in recs
        )
        summary = html.escape(word("How to cite the recommendations on this page"))
        parts.append(
            f'<details class="smh-cite-recommendations">'
            f"<summary>{summary}</summary><ul>{items}</ul></details>"
        )
    link = html.escape(word("how to cite"))
    titles = RECOMMENDATION.sub(
        lambda m: (
            f'{m[1]}{m[3]}{BEGIN} <a class="smh-cite-link" href="#cite-rec-{m[2]}">{link}</a>{END}{m[4]}'
        ),
        text[article.end() : end],
    )
    text = text[: article.end()] + titles + _section(word("How to cite this page"), *parts) + text[end:]
    return _head(text, edition, ref)


def recommendation(edition: Edition, page: str, rec: str) -> Reference:
    """The reference of recommendation ``rec`` (``sam-01``) on ``page`` of the edition."""
    title = edition.translate("Recommendation {id}").format(id=rec.upper())
    return reference(edition, page, title, anchor=f"rec-{rec.lower()}")


def inject_permalink(text: str, edition: Edition, page: str, rec: str, permalink: str) -> str:
    """A permalink page (``r/<ID>/``) with the reference and meta tags of its recommendation, in the
    edition it leads to, and its own address (``permalink``, absolute)."""
    text = strip(text)
    ref = recommendation(edition, page, rec)
    word = edition.translate
    address = html.escape(permalink)
    block = _section(
        word("How to cite this recommendation"),
        _cited(ref),
        f'<p>{html.escape(word(PERMALINK))} <a href="{address}">{address}</a></p>',
    )
    return _head(text.replace("</body>", block + "</body>", 1), edition, ref)
