"""The files of the site's root and the permalinks: ``index.html``, ``404.html``, ``robots.txt``,
``sitemap.xml``, and ``r/<ID>/`` (``<lang>/r/<ID>/``) for every recommendation ever published.

Every link is relative, so the tree works at a domain's root or in a project's subfolder, on any
static host; only ``sitemap.xml``, ``robots.txt`` and canonical links need the site's address
(``--base-url``), as their formats require absolute URLs.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from site_menus import N_

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{head}</head>
<body>
{body}
</body>
</html>
"""


WORDS = (
    N_("Smertehåndboka: choose a language"),
    N_("Page not found"),
    N_("The page you asked for is not here. It may have moved in a new edition."),
    N_("Go to the start page of the current edition"),
    N_("Recommendation {id}"),
    N_("go to the recommendation"),
    N_("Recommendation {id} was withdrawn in {edition} ({date})."),
    N_("Its last version is in edition {edition}:"),
    N_("read it there"),
)


@dataclass(frozen=True)
class Permalink:
    """Where a recommendation ID leads: a page of latest, or (withdrawn) a page of an old edition."""

    rec_id: str
    folder: str  # "latest", or the last edition that has it
    page: str
    withdrawn_in: str | None = None  # the edition (or "dev") that first lacks it
    withdrawn_date: str | None = None


def root_page(codes: Sequence[str], names: Mapping[str, str], translate: Callable[[str, str], str]) -> str:
    """The front door: a plain list of the languages' latest editions, and a small script that goes
    on to the one the browser prefers (Bokmål otherwise). The list works without the script."""
    source = codes[0]
    script = (
        "<script>\n(function () {\n"
        f"  var site = {json.dumps(list(codes))};\n"
        '  var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {\n'
        '    return tag.toLowerCase().split("-")[0].replace(/^no$|^nn$/, "nb");\n  });\n'
        "  for (var i = 0; i < wanted.length; i++) {\n"
        '    if (site.indexOf(wanted[i]) >= 0) { window.location.replace(wanted[i] + "/latest/"); return; }\n'
        "  }\n"
        f'  window.location.replace("{source}/latest/");\n'
        "})();\n</script>\n"
    )
    head = "".join(f'<link rel="alternate" hreflang="{code}" href="{code}/latest/">\n' for code in codes)
    head += f'<link rel="alternate" hreflang="x-default" href="{source}/latest/">\n' + script
    links = "\n".join(
        f'<li><a href="{code}/latest/" lang="{code}" hreflang="{code}">{html.escape(names[code])}</a></li>'
        for code in codes
    )
    title = html.escape(translate(source, "Smertehåndboka: choose a language"))
    return PAGE.format(
        lang=source, title=title, head=head, body=f"<h1>Smertehåndboka</h1>\n<ul>\n{links}\n</ul>"
    )


def not_found_page(
    codes: Sequence[str], names: Mapping[str, str], base_path: str, translate: Callable[[str, str], str]
) -> str:
    """404.html: a host serves it at any depth, so its links start at the site's path."""
    sections = []
    for code in codes:
        word = lambda text, code=code: html.escape(translate(code, text))  # noqa: E731
        sections.append(
            f'<section lang="{code}">\n<h1>{word("Page not found")}</h1>\n'
            f"<p>{word('The page you asked for is not here. It may have moved in a new edition.')}"
            f' <a href="{base_path}{code}/latest/">'
            f"{html.escape(translate(code, 'Go to the start page of the current edition'))}</a>"
            f" ({html.escape(names[code])}).</p>\n</section>"
        )
    head = '<meta name="robots" content="noindex">\n'
    return PAGE.format(lang=codes[0], title="404", head=head, body="\n".join(sections))


def robots(hidden: Sequence[str], base_url: str) -> str:
    """Superseded editions and dev stay out of search engines (and their pages say noindex)."""
    path = urlsplit(base_url).path or "/"
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}{folder}/" for folder in hidden),
        f"Sitemap: {base_url}sitemap.xml",
    ]
    return "\n".join(lines) + "\n"


def sitemap(pages: Mapping[str, Sequence[str]], base_url: str) -> bytes:
    """Every page of latest in every language, each with its hreflang alternates."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    everywhere: dict[str, list[str]] = {}
    for lang, found in pages.items():
        for page in found:
            everywhere.setdefault(page, []).append(lang)
    for lang, found in pages.items():
        for page in sorted(found):
            url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base_url}{lang}/latest/{page}"
            for other in everywhere[page]:
                ET.SubElement(
                    url,
                    f"{{{XHTML}}}link",
                    rel="alternate",
                    hreflang=other,
                    href=f"{base_url}{other}/latest/{page}",
                )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def redirect_page(lang: str, link: Permalink, depth: int, translate: Callable[[str, str], str]) -> str:
    """r/<ID>/index.html (depth 2) or <lang>/r/<ID>/index.html (depth 3): a static redirect, with
    a plain link; a withdrawn ID gets a page saying when, linking to its last version."""
    target = "../" * depth + f"{lang}/{link.folder}/{link.page}#rec-{link.rec_id.lower()}"
    target = html.escape(target)
    title = html.escape(translate(lang, "Recommendation {id}").format(id=link.rec_id))
    if link.withdrawn_in:
        text = translate(lang, "Recommendation {id} was withdrawn in {edition} ({date}).").format(
            id=link.rec_id, edition=link.withdrawn_in, date=link.withdrawn_date
        )
        more = translate(lang, "Its last version is in edition {edition}:").format(edition=link.folder)
        body = (
            f"<h1>{title}</h1>\n<p>{html.escape(text)} {html.escape(more)}"
            f' <a href="{target}">{html.escape(translate(lang, "read it there"))}</a>.</p>'
        )
        head = '<meta name="robots" content="noindex">\n'
    else:
        link = html.escape(translate(lang, "go to the recommendation"))
        body = f'<h1>{title}</h1>\n<p><a href="{target}">{link}</a></p>'
        head = (
            f'<meta http-equiv="refresh" content="0; url={target}">\n<meta name="robots" content="noindex">\n'
        )
    return PAGE.format(lang=lang, title=title, head=head, body=body)


WORDS_DOWNLOADS = (
    N_("Downloads"),
    N_("The PDF handbooks of edition {edition}"),
    N_("The PDF handbooks of the working version, built {date}"),
    N_("Handbook"),
    N_("File"),
    N_("Size"),
    N_("Date"),
)


@dataclass(frozen=True)
class Download:
    title: str
    file: str  # relative to the downloads page
    size: str  # written in the page's language
    date: str


def downloads_body(
    heading: str, intro: str, files: Sequence[Download], translate_word: Callable[[str], str], more: str = ""
) -> str:
    rows = "".join(
        f'<tr><th scope="row"><a href="{html.escape(item.file)}">{html.escape(item.title)}</a></th>'
        f"<td>{html.escape(item.file.rsplit('/', 1)[-1])}</td><td>{html.escape(item.size)}</td>"
        f"<td>{html.escape(item.date)}</td></tr>"
        for item in files
    )
    head = "".join(
        f'<th scope="col">{html.escape(translate_word(word))}</th>'
        for word in ("Handbook", "File", "Size", "Date")
    )
    return (
        f"<h1>{html.escape(heading)}</h1>\n<p>{html.escape(intro)}</p>\n"
        f'<table class="table smh-downloads"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        + (f"\n<p>{more}</p>" if more else "")
    )


WORDS_DATA = (
    N_("Open data"),
    N_(
        "The recommendations and the clinic directory of edition {edition} as data, in this language, "
        "for other systems to read."
    ),
    N_(
        "The recommendations and the clinic directory of the working version as data, built {date}, "
        "in this language."
    ),
    N_("File"),
    N_("Format"),
    N_("Schema"),
    N_("Size"),
    N_("Contents"),
    N_("Every recommendation with its strength, text, place, addresses and history"),
    N_("The JSON Schema of recommendations.json"),
    N_("The recommendations as FHIR R4 PlanDefinition resources (HL7's CPG-on-FHIR)"),
    N_("Licence and source"),
    N_("Example"),
    EXAMPLE := N_("The recommendations, their IDs and strengths, from Python:"),
    N_("The same edition's data files: {link}."),
    N_(
        "{collection}: from {publisher}, {work} ({year}); terms of reuse: {licence}, "
        "naming {publisher} as the source."
    ),
)


@dataclass(frozen=True)
class DataFile:
    file: str  # relative to the data page
    format: str
    schema: str  # relative to the data page, or ""
    schema_name: str
    size: str  # written in the page's language
    contents: str


def data_body(
    heading: str,
    intro: str,
    files: Sequence[DataFile],
    licence: str,
    example: str,
    translate_word: Callable[[str], str],
) -> str:
    """The data page's article: the files, the source's terms, and one example of use."""
    rows = "".join(
        f'<tr><th scope="row"><a href="{html.escape(item.file)}">'
        f"{html.escape(item.file.rsplit('/', 1)[-1])}</a></th>"
        f"<td>{html.escape(item.format)}</td>"
        f"<td>{_schema_link(item.schema, item.schema_name)}</td>"
        f"<td>{html.escape(item.size)}</td><td>{html.escape(item.contents)}</td></tr>"
        for item in files
    )
    head = "".join(
        f'<th scope="col">{html.escape(translate_word(word))}</th>'
        for word in ("File", "Format", "Schema", "Size", "Contents")
    )
    return (
        f"<h1>{html.escape(heading)}</h1>\n<p>{html.escape(intro)}</p>\n"
        f'<table class="table smh-downloads smh-data"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>\n"
        f"<h2>{html.escape(translate_word('Licence and source'))}</h2>\n<p>{licence}</p>\n"
        f"<h2>{html.escape(translate_word('Example'))}</h2>\n"
        f"<p>{html.escape(translate_word(EXAMPLE))}</p>\n"
        f'<pre class="smh-data-example"><code>{html.escape(example)}</code></pre>'
    )


def _schema_link(schema: str, name: str) -> str:
    if not schema:
        return "–"
    return f'<a href="{html.escape(schema)}">{html.escape(name)}</a>'


def page_from_shell(shell: str, title: str, body: str) -> str:
    """A page of an edition made from another of its pages (the general index): the same header,
    menus and styles, with ``body`` as its article and ``title`` as its title."""
    article = re.search(r'(<article class="bd-article"[^>]*>)(.*?)(</article>)', shell, re.S)
    if article is None:
        raise ValueError('no <article class="bd-article"> in the shell page')
    text = shell[: article.start(2)] + "\n" + body + "\n" + shell[article.end(2) :]
    return re.sub(
        r"<title>.*?</title>",
        f"<title>{html.escape(title)} - Smertehåndboka</title>",
        text,
        count=1,
        flags=re.S,
    )
