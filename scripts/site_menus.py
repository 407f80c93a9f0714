"""The menus every published page gets after its build, in every edition, old ones included.

An edition's pages are built once, from its own commit, and never rebuilt for a newer one; like
docs.python.org, the site gives them new menus afterwards. Into each page go:

- the edition switcher: the same page in each edition published in the page's language (that
  edition's start page where the page does not exist there), the working version ``dev`` last;
- the language switcher, which keeps the edition (an edition that was not published in a
  language leads to that language's latest);
- a banner on every page that is not the latest edition's, in the page's language, linking to the
  same page in latest; ``dev`` says it is unpublished work;
- ``<link rel="canonical">`` to the page in latest where it exists there, ``hreflang``
  alternates for the same edition, and ``noindex`` on superseded editions and ``dev``.

Everything added sits between ``<!--smh:menus-->`` and ``<!--/smh:menus-->``; the language
switcher a build wrote for its unversioned layout is taken out. ``strip()`` undoes both, which is
how the tests compare a published page with what its commit builds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

BEGIN, END = "<!--smh:menus-->", "<!--/smh:menus-->"
INJECTED = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
# What a build of our own wrote for the unversioned layout: its switcher and its alternates.
BUILD_SWITCHER = re.compile(r'<nav class="smh-language-switcher".*?</nav>', re.S)
BUILD_ALTERNATE = re.compile(r'<link rel="alternate" hreflang="[^"]*" href="[^"]*"\s*/?>\n?')
STYLESHEET = "_smh/menus.css"
DESCRIPTION = re.compile(r'<meta [^>]*name="description"')
LATEST = "latest"
DEV = "dev"


def N_(message: str) -> str:
    """Marks a word of the site (here, site_files.py, edition_changes.py) for `make pot`; it is
    translated where it is used, from translations/<lang>/LC_MESSAGES/smertehandboka.po."""
    return message


WORDS = (
    N_("Edition"),
    N_("Language"),
    N_("current"),
    N_("working version"),
    N_("Edition {edition}, {date}."),
    N_("The current edition is {current}:"),
    N_("read this page in the current edition"),
    N_("go to the current edition"),
    N_("Published in: {languages}."),
    N_("This is the working version: unpublished text that may change before the next edition."),
    N_("read the current edition"),
    N_("What changed"),
    N_("Downloads (PDF)"),
)


@dataclass(frozen=True)
class Edition:
    """An edition as the site serves it: ``folder`` is its name, ``latest`` or ``dev``."""

    name: str
    date: str  # written in the page's language by the caller's ``date`` function
    status: str  # "current", "superseded" or "dev"
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    editions: tuple[Edition, ...]  # newest release first, dev last
    languages: Mapping[str, str]  # code -> the language's name in itself, published languages
    pages: Mapping[tuple[str, str], frozenset[str]]  # (lang, folder) -> page paths
    translate: Callable[[str, str], str]  # (lang, English word) -> the word in lang
    format_date: Callable[[str, str], str]  # (lang, ISO date) -> the date in words

    @property
    def current(self) -> Edition:
        return next(edition for edition in self.editions if edition.status == "current")

    def folder(self, edition: Edition) -> str:
        return LATEST if edition.status == "current" else edition.name

    def edition_of(self, folder: str) -> Edition:
        if folder == LATEST:
            return self.current
        return next(edition for edition in self.editions if edition.name == folder)

    def target(self, lang: str, folder: str, page: str) -> tuple[str, str, bool]:
        """Where ``page`` of ``folder`` leads in ``lang``: (folder, page, same page?)."""
        if (lang, folder) not in self.pages:
            folder = LATEST
        found = page in self.pages.get((lang, folder), frozenset())
        return folder, page if found else "index.html", found


def _href(page: str, to_lang: str, to_folder: str, to_page: str) -> str:
    """From ``<lang>/<folder>/<page>`` to ``<to_lang>/<to_folder>/<to_page>``, relative, so the
    site works at any address (a domain's root or a project's subfolder)."""
    up = "../" * (len(PurePosixPath(page).parts) + 1)
    return f"{up}{to_lang}/{to_folder}/{to_page}"


def menus(site: Site, lang: str, folder: str, page: str) -> str:
    """The two switchers of a page, as one block for the header (and again for the phone menu)."""
    _ = lambda word: html.escape(site.translate(lang, word))  # noqa: E731
    here = site.edition_of(folder)
    items = []
    for edition in site.editions:
        if lang not in edition.languages:
            continue
        to_folder, to_page, _found = site.target(lang, site.folder(edition), page)
        label = edition.name if edition.status != DEV else DEV
        note = {"current": _("current"), "dev": _("working version")}.get(edition.status)
        text = html.escape(label) + (f' <span class="smh-menu-note">({note})</span>' if note else "")
        if edition == here:
            items.append(f'<li><span aria-current="page">{text}</span></li>')
        else:
            href = _href(page, lang, to_folder, to_page)
            items.append(f'<li><a href="{html.escape(href)}">{text}</a></li>')
    here_pages = site.pages.get((lang, folder), frozenset())
    for extra, word in (("changes.html", "What changed"), ("downloads.html", "Downloads (PDF)")):
        if extra in here_pages:
            href = html.escape(_href(page, lang, folder, extra))
            items.append(f'<li class="smh-menu-extra"><a href="{href}">{_(word)}</a></li>')
    editions = (
        f'<nav class="smh-version-switcher" aria-label="{_("Edition")}">'
        f"<details><summary>{_('Edition')}: {html.escape(here.name if here.status != DEV else DEV)}</summary>"
        f"<ul>{''.join(items)}</ul></details></nav>"
    )
    items = []
    for code, name in site.languages.items():
        if code == lang:
            items.append(f'<li><span aria-current="page" lang="{code}">{html.escape(name)}</span></li>')
            continue
        to_folder, to_page, _found = site.target(code, folder, page)
        href = _href(page, code, to_folder, to_page)
        items.append(
            f'<li><a href="{html.escape(href)}" lang="{code}" hreflang="{code}">{html.escape(name)}</a></li>'
        )
    languages = (
        f'<nav class="smh-site-languages" aria-label="{_("Language")}">'
        f"<details><summary>{html.escape(site.languages.get(lang, lang))}</summary>"
        f"<ul>{''.join(items)}</ul></details></nav>"
    )
    return f'{BEGIN}<div class="smh-site-menus">{editions}{languages}</div>{END}'


def banner(site: Site, lang: str, folder: str, page: str) -> str:
    """The notice at the top of a page that is not in the latest edition ('' for latest)."""
    here = site.edition_of(folder)
    if folder == LATEST or here.status == "current":
        return ""
    _ = lambda word: site.translate(lang, word)  # noqa: E731
    to_folder, to_page, found = site.target(lang, LATEST, page)
    href = html.escape(_href(page, lang, to_folder, to_page))
    if here.status == DEV:
        text = html.escape(
            _("This is the working version: unpublished text that may change before the next edition.")
        )
        link = html.escape(_("read the current edition"))
    else:
        sentences = [
            _("Edition {edition}, {date}.").format(edition=here.name, date=site.format_date(lang, here.date))
        ]
        if tuple(here.languages) != tuple(site.languages):
            names = ", ".join(site.languages.get(code, code) for code in here.languages)
            sentences.append(_("Published in: {languages}.").format(languages=names))
        sentences.append(_("The current edition is {current}:").format(current=site.current.name))
        text = html.escape(" ".join(sentences))
        link = html.escape(
            _("read this page in the current edition") if found else _("go to the current edition")
        )
    kind = "dev" if here.status == DEV else "superseded"
    return (
        f'{BEGIN}<div class="smh-edition-banner smh-edition-banner--{kind}" role="note">'
        f'<p>{text} <a href="{href}">{link}</a></p></div>{END}'
    )


def head(site: Site, lang: str, folder: str, page: str, base_url: str) -> str:
    """Canonical, alternates, robots and the menus' stylesheet, for the page's <head>."""
    here = site.edition_of(folder)
    parts = []
    parts.append(f'<link rel="stylesheet" href="{"../" * (len(PurePosixPath(page).parts) + 1)}{STYLESHEET}">')
    if page in site.pages.get((lang, LATEST), frozenset()):
        parts.append(f'<link rel="canonical" href="{html.escape(base_url)}{lang}/{LATEST}/{page}">')
    for code in site.languages:
        to_folder, to_page, found = site.target(code, folder, page)
        if found and to_folder == folder:
            # Absolute, as search engines want alternates.
            href = html.escape(f"{base_url}{code}/{to_folder}/{to_page}")
            parts.append(f'<link rel="alternate" hreflang="{code}" href="{href}">')
    if here.status in ("superseded", DEV) and folder != LATEST:
        parts.append('<meta name="robots" content="noindex">')
    return BEGIN + "".join(parts) + END


def inject(text: str, site: Site, lang: str, folder: str, page: str, base_url: str) -> str:
    """The page with its menus, banner and head links (any earlier injection replaced)."""
    text = BUILD_ALTERNATE.sub("", BUILD_SWITCHER.sub("", strip(text)))
    block = menus(site, lang, folder, page)
    for marker in ('<div class="navbar-header-items__end">', '<div class="sidebar-header-items__end">'):
        text = text.replace(marker, marker + block, 1)
    notice = banner(site, lang, folder, page)
    if notice:
        skip = re.search(r'<div id="pst-skip-link"[^>]*>.*?</div>\n?', text, re.S)
        body = re.search(r"<body[^>]*>\n?", text)
        at = skip.end() if skip else body.end() if body else 0
        text = text[:at] + notice + text[at:]
    extra = ""
    if not DESCRIPTION.search(text):  # pages built before they all had one (2026.1, 2026.2)
        summary = description(text)
        extra = f'{BEGIN}<meta name="description" content="{html.escape(summary)}">{END}' if summary else ""
    return text.replace("</head>", head(site, lang, folder, page, base_url) + extra + "</head>", 1)


def description(text: str, length: int = 160) -> str:
    """The start of the page's first paragraph of five words or more, on one line, cut at a word
    (as scripts/sphinxext/page_description.py writes it into pages built now)."""
    article = text.find("<article")
    for paragraph in re.findall(r"<p\b[^>]*>(.*?)</p>", text[article:] if article >= 0 else text, re.S):
        words = html.unescape(re.sub(r"<[^>]+>", "", paragraph)).split()
        if len(words) >= 5:
            line = " ".join(words)
            if len(line) <= length:
                return line
            return line[: length - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
    return ""


def strip(text: str) -> str:
    """A page without what ``inject`` added."""
    return INJECTED.sub("", text)
