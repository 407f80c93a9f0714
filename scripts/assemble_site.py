"""Assemble the publishable site from finished builds: every edition in every language it was
published in, ``latest``, and the working version ``dev``.

    python scripts/assemble_site.py [--build-dir _build] [--releases-dir DIR] [--base-url URL] LANG...

The tree (``_build/site/``):

- ``<lang>/<edition>/`` for each edition of releases.toml in each of its languages, built from
  its own commit by ``scripts/build_releases.py`` (``--releases-dir``), with its PDF handbooks
  under ``pdf/``; ``<lang>/latest/`` is the current edition again, under the address to cite and
  link to; ``<lang>/dev/`` is the working tree's build (``_build/html``, ``_build/pdf``) in LANG...;
- every page gets the edition and language switchers, its banner and canonical, alternate and
  robots links afterwards (``scripts/site_menus.py``), and how to cite it, with its edition, and
  its recommendations (``scripts/site_citation.py``), old editions included;
- ``index.html`` (to latest in the browser's language, a plain list without JavaScript),
  ``404.html``, ``robots.txt``, ``sitemap.xml``, and the permalinks ``r/<ID>/`` and
  ``<lang>/r/<ID>/`` of every recommendation (``scripts/site_files.py``);
- ``<lang>/<edition>/data/``: the clinic directory as a Frictionless data package, from that
  edition's own files (``scripts/clinic_package.py``); an invalid package stops the assembly.

The new site is put together beside the old one and swapped in only when it is complete, so a
failed or partial build never replaces a good site.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import clinic_package
import edition_changes
import open_data
import site_citation
import site_csp
import site_files
import site_menus
import site_repairs
from babel.messages.pofile import read_po
from languages import languages as language_table
from releases import RELEASES, Release, ReleasesError, releases
from sphinx.util.i18n import format_date

PROJECT = Path(__file__).resolve().parent.parent
ASSETS = Path(__file__).resolve().parent / "site_assets"
REC_ANCHOR = re.compile(r'\bid="rec-([a-z]+-\d+)"')
DEFAULT_BASE_URL = "http://127.0.0.1:8000/"


@cache
def _catalogue(lang: str) -> dict[str, str]:
    path = PROJECT / "translations" / lang / "LC_MESSAGES" / "smertehandboka.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return {
            str(message.id): str(message.string)
            for message in read_po(handle)
            if message.id and message.string and not message.fuzzy
        }


def translate(lang: str, word: str) -> str:
    """A site word in ``lang``, from the project's catalogue of the extensions' words."""
    return _catalogue(lang).get(word, word)


def written_date(lang: str, iso: str) -> str:
    table = language_table()
    pattern = table[lang].date if lang in table else "%Y-%m-%d"
    return format_date(pattern, date=dt.date.fromisoformat(iso), language=lang)


def _link(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def html_pages(folder: Path) -> frozenset[str]:
    """The pages of a build: its .html files, not those of its _static, _images or _sources."""
    return frozenset(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(folder).parts)
    )


def _sources(
    build_dir: Path, releases_dir: Path, editions: Sequence[Release], dev_languages: Sequence[str]
) -> dict[tuple[str, str], tuple[Path, Path]]:
    found = {
        (lang, edition.name): (
            releases_dir / edition.name / "html" / lang,
            releases_dir / edition.name / "pdf" / lang,
        )
        for edition in editions
        for lang in edition.languages
    }
    for lang in dev_languages:
        found[(lang, site_menus.DEV)] = (build_dir / "html" / lang, build_dir / "pdf" / lang)
    return found


def _permalinks(site: site_menus.Site, staging: Path, editions: Sequence[site_menus.Edition]) -> dict:
    """For each language, every recommendation ID ever published -> its Permalink."""
    anchors: dict[tuple[str, str], dict[str, str]] = {}
    for (lang, folder), pages in site.pages.items():
        ids: dict[str, str] = {}
        for page in sorted(pages):
            for rec in REC_ANCHOR.findall((staging / lang / folder / page).read_text(encoding="utf-8")):
                ids.setdefault(rec.upper(), page)
        anchors[(lang, folder)] = ids
    # Oldest first: releases, then dev (whose new IDs are not published yet).
    order = [edition for edition in editions if edition.status != site_menus.DEV][::-1]
    order += [edition for edition in editions if edition.status == site_menus.DEV]
    links: dict[str, dict[str, site_files.Permalink]] = {}
    for lang in site.languages:
        latest = anchors.get((lang, site_menus.LATEST), {})
        result: dict[str, site_files.Permalink] = {}
        for rec_id, page in latest.items():
            result[rec_id] = site_files.Permalink(rec_id, site_menus.LATEST, page)
        for index, edition in enumerate(order):
            for rec_id, page in anchors.get((lang, edition.name), {}).items():
                if rec_id in latest:
                    continue
                if edition.status == site_menus.DEV:
                    result.setdefault(rec_id, site_files.Permalink(rec_id, site_menus.DEV, page))
                    continue
                later = next(
                    (
                        e
                        for e in order[index + 1 :]
                        if lang in e.languages and rec_id not in anchors.get((lang, e.name), {})
                    ),
                    None,
                )
                if later is None:
                    continue
                when = later.date and written_date(lang, later.date)
                result[rec_id] = site_files.Permalink(rec_id, edition.name, page, later.name, when)
        links[lang] = result
    return links


@cache
def _strength_words() -> dict[str, dict[str, str]]:
    """The termbase's strength words: {lang: {"skal": ..., "bør": ...}}."""
    with (PROJECT / "translations" / "termbase.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["nb"] in ("skal", "bør")]
    return {lang: {row["nb"]: row[lang] for row in rows} for lang in rows[0] if lang != "note"}


def _downloads(folder: Path, lang: str, edition: str, date: str) -> list[site_files.Download]:
    from pypdf import PdfReader  # only here: the site's other pages need no PDF reading

    table = language_table()
    found = []
    for pdf in sorted((folder / "pdf").glob("*.pdf")):
        title = (PdfReader(pdf).metadata or {}).get("/Title") or pdf.stem
        megabytes = (
            table[lang].format_number(round(pdf.stat().st_size / 1_000_000, 1)) if lang in table else ""
        )
        found.append(site_files.Download(str(title), f"pdf/{pdf.name}", f"{megabytes} MB", date))
    return found


def built_date(folder: Path) -> str:
    """The day the working version's build was made (ISO): its handbooks' own date
    (SOURCE_DATE_EPOCH: the commit's), not when the files were written, so that two builds of one
    commit give the same pages; a PDF without one: its file's time."""
    from pypdf import PdfReader

    return max(
        (
            getattr(PdfReader(pdf).metadata, "creation_date", None)
            or dt.datetime.fromtimestamp(pdf.stat().st_mtime, dt.UTC)
        ).date()
        for pdf in sorted((folder / "pdf").glob("*.pdf"))
    ).isoformat()


def _open_data(
    staging: Path,
    sources: Mapping[tuple[str, str], tuple[Path, Path]],
    editions: Sequence[Release],
    base_url: str,
) -> None:
    """data/recommendations.json and the FHIR bundle in every language of every edition and dev
    (scripts/open_data.py), from each build's .recommendations.json; OpenDataError stops it."""
    builds = {key: open_data.read_build(html / open_data.BUILD_FILE) for key, (html, _pdf) in sources.items()}
    source_lang = next(iter(language_table()))
    order = [(edition.name, edition.date.isoformat(), edition.status) for edition in editions]
    dev_date = built_date(staging / source_lang / site_menus.DEV)
    order.append((site_menus.DEV, dev_date, site_menus.DEV))
    source_history = open_data.history(
        [
            (name, builds[(source_lang, name)])
            for name, _date, _status in order
            if (source_lang, name) in builds
        ]
    )
    for lang in sorted({lang for lang, _folder in builds}):
        mine = [
            open_data.Edition(name, date, status, builds[(lang, name)])
            for name, date, status in order
            if (lang, name) in builds
        ]
        for index, edition in enumerate(mine):
            data = open_data.document(lang, edition, mine[:index], source_history, base_url)
            where = f"{lang}/{edition.name}/{open_data.DATA}/{open_data.JSON_FILE}"
            open_data.validate(data, where)
            bundle = open_data.fhir_bundle(
                data,
                base_url,
                translate(lang, "Recommendation {id}").format,
                _strength_words().get(lang, {}),
            )
            open_data.write(staging / lang / edition.name, data, bundle)


# What the data page says of each file of data/: its format, its schema, and its contents.
DATA_FILES = {
    open_data.JSON_FILE: (
        "JSON",
        (open_data.SCHEMA.name, open_data.SCHEMA.name),
        "Every recommendation with its strength, text, place, addresses and history",
    ),
    open_data.SCHEMA.name: (
        "JSON Schema",
        ("https://json-schema.org/draft/2020-12/schema", "JSON Schema 2020-12"),
        "The JSON Schema of recommendations.json",
    ),
    open_data.FHIR_FILE: (
        "FHIR R4 JSON",
        ("https://hl7.org/fhir/R4/bundle.html", "FHIR R4 Bundle"),
        "The recommendations as FHIR R4 PlanDefinition resources (HL7's CPG-on-FHIR)",
    ),
}
DATA_EXAMPLE = """import json, urllib.request

url = "{url}"
data = json.load(urllib.request.urlopen(url))
for rec in data["recommendations"]:
    print(rec["id"], rec["strength"]["word"], rec["status"])"""


def _data_page(folder: Path, lang: str, name: str, editions: Sequence[Release], base_url: str) -> None:
    """data.html in every edition and language: the files of data/, the source's terms of reuse,
    and one example; made from the edition's general index, like downloads.html."""
    shell = (folder / "genindex.html").read_text(encoding="utf-8")
    word = lambda text: translate(lang, text)  # noqa: E731
    table = language_table()
    release = next((r for r in editions if r.name == name), None)
    if release is None:
        date = written_date(lang, built_date(folder))
        intro = word(
            "The recommendations and the clinic directory of the working version as data, built {date}, "
            "in this language."
        )
        intro = intro.format(date=date)
    else:
        intro = word(
            "The recommendations and the clinic directory of edition {edition} as data, in this language, "
            "for other systems to read."
        ).format(edition=name)
    size = lambda path: (  # noqa: E731
        f"{table[lang].format_number(round((folder / path).stat().st_size / 1000, 1))} kB"
        if lang in table
        else ""
    )
    files = []
    for name, (file_format, (schema, schema_name), contents) in DATA_FILES.items():
        path = f"{open_data.DATA}/{name}"
        schema_link = schema if schema.startswith("http") else f"{open_data.DATA}/{schema}"
        files.append(
            site_files.DataFile(path, file_format, schema_link, schema_name, size(path), word(contents))
        )
    for item in clinic_package.data_files(folder, word):
        schema_name = item.schema.rsplit("/", 1)[-1] if item.schema else ""
        files.append(
            site_files.DataFile(
                item.path,
                item.format.upper(),
                item.schema or "",
                schema_name,
                size(item.path),
                item.description,
            )
        )
    data = json.loads((folder / open_data.DATA / open_data.JSON_FILE).read_text(encoding="utf-8"))
    licence = " ".join(
        html.escape(
            word(
                "{collection}: from {publisher}, {work} ({year}); terms of reuse: {licence}, "
                "naming {publisher} as the source."
            )
        ).format(
            collection=html.escape(_collection_title(data, collection)),
            publisher=html.escape(source["publisher"]),
            work=f"<em>{html.escape(source['work'])}</em>",
            year=source["year"],
            licence=_link_html(source["licence"]["url"], source["licence"]["name"]),
        )
        for collection, source in sorted(data["sources"].items())
    )
    example = DATA_EXAMPLE.format(url=f"{base_url}{lang}/{name}/{open_data.DATA}/{open_data.JSON_FILE}")
    body = site_files.data_body(word("Open data"), intro, files, licence, example, word)
    (folder / "data.html").write_text(
        site_files.page_from_shell(shell, word("Open data"), body), encoding="utf-8"
    )


def _link_html(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def _collection_title(data: Mapping[str, Any], collection: str) -> str:
    return next(
        (
            rec["collection"]["title"]
            for rec in data["recommendations"]
            if rec["collection"]["url"].endswith(f"/{collection}/index.html")
        ),
        collection,
    )


def _edition_pages(folder: Path, lang: str, name: str, editions: Sequence[Release]) -> None:
    """downloads.html in every edition and language, and changes.html in every release: made
    from the edition's own general index, so they look like its other pages."""
    shell = (folder / "genindex.html").read_text(encoding="utf-8")
    word = lambda text: translate(lang, text)  # noqa: E731
    release = next((r for r in editions if r.name == name), None)
    if release is None:
        date = written_date(lang, built_date(folder))
        heading, intro = (
            word("Downloads"),
            word("The PDF handbooks of the working version, built {date}").format(date=date),
        )
    else:
        date = written_date(lang, release.date.isoformat())
        heading, intro = (
            word("Downloads"),
            word("The PDF handbooks of edition {edition}").format(edition=name),
        )
    more = html.escape(word("The same edition's data files: {link}.")).format(
        link=f'<a href="data.html">{html.escape(word("Open data"))}</a>'
    )
    body = site_files.downloads_body(heading, intro + ".", _downloads(folder, lang, name, date), word, more)
    (folder / "downloads.html").write_text(site_files.page_from_shell(shell, heading, body), encoding="utf-8")
    if release is None:
        return
    index = editions.index(release)
    if index == 0:
        heading = word("What changed in edition {edition}").format(edition=name)
        body = f"<h1>{html.escape(heading)}</h1>\n<p>{html.escape(word('This is the first edition.'))}</p>"
    else:
        previous = editions[index - 1]
        changes = edition_changes.compare(
            edition_changes.GitTree(previous.commit, PROJECT),
            edition_changes.GitTree(release.commit, PROJECT),
        )
        strengths = _strength_words().get(lang, {})
        heading, body = edition_changes.render(
            changes,
            edition_changes.Page(
                lang=lang,
                source_lang=next(code for code, entry in language_table().items() if entry.source),
                edition=name,
                previous=previous.name,
                previous_date=written_date(lang, previous.date.isoformat()),
                old=edition_changes.GitTree(previous.commit, PROJECT),
                new=edition_changes.GitTree(release.commit, PROJECT),
                previous_has_lang=lang in previous.languages,
                translate=word,
                strength_word=lambda s: strengths.get(s, s),
                link=lambda edition, page: (
                    f"../{edition}/{page.removeprefix('source/').removesuffix('.md')}.html"
                ),
            ),
        )
    (folder / "changes.html").write_text(site_files.page_from_shell(shell, heading, body), encoding="utf-8")


def _data_packages(
    staging: Path, sources: Iterable[tuple[str, str]], editions: Sequence[Release], build_dir: Path
) -> tuple[list[str], list[str]]:
    """The clinic directory's data package in every edition and language, each from the edition's
    own commit (dev: the working tree); (problems, digests of the valid packages)."""
    source_lang = next(code for code, entry in language_table().items() if entry.source)
    working_tree = edition_changes.FolderTree(PROJECT)
    checked = clinic_package.read_checked(build_dir)
    problems: list[str] = []
    digests = []
    for lang, folder in sources:
        release = next((r for r in editions if r.name == folder), None)
        tree = working_tree if release is None else edition_changes.GitTree(release.commit, PROJECT)
        edition = clinic_package.Edition(
            folder, release.date.isoformat() if release else None, lang, source_lang
        )
        found, digest = clinic_package.publish(
            staging / lang / folder / clinic_package.FOLDER, tree, edition, working_tree, checked
        )
        problems += map(str, found)
        if digest:
            digests.append(digest)
    return problems, digests


def assemble(
    build_dir: Path,
    languages: Sequence[str],
    releases_dir: Path | None = None,
    base_url: str = DEFAULT_BASE_URL,
    releases_file: Path = RELEASES,
) -> list[str]:
    """Build ``build_dir/site``; return the problems that stopped it (nothing is changed then)."""
    releases_dir = releases_dir or build_dir / "releases"
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    try:
        editions = releases(releases_file)
    except ReleasesError as error:
        return [str(problem) for problem in error.problems]
    sources = _sources(build_dir, releases_dir, editions, languages)
    problems = []
    for (lang, folder), (html_dir, pdf_dir) in sources.items():
        if not (html_dir / "index.html").is_file():
            problems.append(f"{html_dir}: no finished HTML build of {lang} {folder}")
        if not sorted(pdf_dir.glob("*.pdf")):
            problems.append(f"{pdf_dir}: no PDF handbooks of {lang} {folder}")
    if problems:
        return problems

    table = language_table()
    current = next(edition for edition in editions if edition.current)
    published = [code for code in table if code in languages or code in current.languages]
    site_editions = (
        *(
            site_menus.Edition(edition.name, edition.date.isoformat(), edition.status, edition.languages)
            for edition in reversed(editions)
        ),
        site_menus.Edition(site_menus.DEV, "", site_menus.DEV, tuple(languages)),
    )

    site, staging, old = build_dir / "site", build_dir / "site.new", build_dir / "site.old"
    shutil.rmtree(staging, ignore_errors=True)
    for (lang, folder), (html_dir, pdf_dir) in sources.items():
        target = staging / lang / folder
        # An edition's build is never written again (a new one replaces its folder), so its files
        # are linked, not copied; dev's are copied, as the next `make html` rewrites them in place.
        copy = shutil.copy2 if folder == site_menus.DEV else _link
        ignore = shutil.ignore_patterns(".buildinfo", ".doctrees", ".pages", open_data.BUILD_FILE)
        shutil.copytree(html_dir, target, ignore=ignore, copy_function=copy)
        (target / "pdf").mkdir()
        for pdf in sorted(pdf_dir.glob("*.pdf")):
            copy(pdf, target / "pdf" / pdf.name)
    for lang, folder in sources:
        _edition_pages(staging / lang / folder, lang, folder, editions)
    problems, digests = _data_packages(staging, sources, editions, build_dir)
    if problems:
        return problems  # the staging tree stays for a look; the published site is untouched
    try:
        _open_data(staging, sources, editions, base_url)
    except open_data.OpenDataError as error:
        return [str(error)]  # the staging tree stays for a look; the published site is untouched
    for lang, folder in sources:
        _data_page(staging / lang / folder, lang, folder, editions, base_url)
    for lang in current.languages:
        shutil.copytree(
            staging / lang / current.name, staging / lang / site_menus.LATEST, copy_function=_link
        )

    pages = {
        (lang, folder.name): html_pages(folder)
        for lang in published
        for folder in sorted((staging / lang).iterdir())
        if folder.is_dir()
    }
    menus = site_menus.Site(
        editions=site_editions,
        languages={code: table[code].name for code in published},
        pages=pages,
        translate=translate,
        format_date=written_date,
    )
    citing: dict[tuple[str, str], site_citation.Edition] = {}
    for (lang, folder), found in pages.items():
        texts = {page: (staging / lang / folder / page).read_text(encoding="utf-8") for page in found}
        here = menus.edition_of(folder)
        name = site_menus.DEV if here.status == site_menus.DEV else here.name
        citing[(lang, folder)] = cite = site_citation.Edition(
            lang=lang,
            name=name,
            date=built_date(staging / lang / folder) if name == site_menus.DEV else here.date,
            url=f"{base_url}{lang}/{name}/",
            collections=site_citation.collections(staging / lang / folder, texts, lang),
            translate=lambda word, lang=lang: translate(lang, word),
            format_date=lambda iso, lang=lang: written_date(lang, iso),
            dev=name == site_menus.DEV,
        )
        # The search page reads the edition's pages to show their text: their style attributes
        # must be allowed there too.
        styles = set().union(*map(site_csp.style_values, texts.values()))
        for page, text in texts.items():
            path = staging / lang / folder / page
            path.unlink()  # a linked file: the page with menus is a file of its own
            if folder != site_menus.DEV:  # built before the HTML gate: its invalid markup repaired
                text = site_repairs.repair(text)
            text = site_menus.inject(text, menus, lang, folder, page, base_url)
            text = site_citation.inject(text, cite, page)
            root = "../" * (len(PurePosixPath(page).parts) + 1)
            path.write_text(
                site_csp.inject(
                    text,
                    root,
                    styles if page == "search.html" else (),
                    translate(lang, site_csp.HIDE_MATCHES),
                ),
                encoding="utf-8",
            )

    (staging / "_smh").mkdir()
    for asset in ("menus.css", "plural.js", "site.js"):
        shutil.copy2(ASSETS / asset, staging / "_smh" / asset)
    names = {code: table[code].name for code in published}
    (staging / "index.html").write_text(
        site_csp.inject(site_files.root_page(published, names, translate)), encoding="utf-8"
    )
    base_path = re.sub(r"^[a-z]+://[^/]+", "", base_url) or "/"
    (staging / "404.html").write_text(
        site_csp.inject(site_files.not_found_page(published, names, base_path, translate)), encoding="utf-8"
    )
    hidden = [
        f"{lang}/{folder}"
        for (lang, folder) in sorted(pages)
        if folder == site_menus.DEV
        or (folder != site_menus.LATEST and menus.edition_of(folder).status == "superseded")
    ]
    (staging / "robots.txt").write_text(site_files.robots(hidden, base_url), encoding="utf-8")
    latest_pages = {lang: sorted(pages[(lang, site_menus.LATEST)]) for lang in current.languages}
    (staging / "sitemap.xml").write_bytes(site_files.sitemap(latest_pages, base_url))
    for lang, links in _permalinks(menus, staging, site_editions).items():
        for rec_id, link in links.items():
            for folder, depth, address in ((staging / lang / "r" / rec_id, 3, f"{lang}/r/{rec_id}/"),) + (
                ((staging / "r" / rec_id, 2, f"r/{rec_id}/"),) if lang == published[0] else ()
            ):
                folder.mkdir(parents=True, exist_ok=True)
                page = site_citation.inject_permalink(
                    site_files.redirect_page(lang, link, depth, translate),
                    citing[(lang, link.folder)],
                    link.page,
                    rec_id,
                    base_url + address,
                )
                (folder / "index.html").write_text(site_csp.inject(page), encoding="utf-8")

    # Browsers ask for /favicon.ico where a page names no icon (editions built before it had one).
    favicon = staging / published[0] / site_menus.DEV / "_static" / "favicon.ico"
    if favicon.is_file():
        shutil.copy2(favicon, staging)

    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    clinic_package.write_checked(build_dir, digests)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=Path("_build"))
    parser.add_argument("--releases-dir", type=Path, default=None, metavar="DIR")
    parser.add_argument("--releases", type=Path, default=RELEASES, metavar="FILE")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, metavar="URL")
    parser.add_argument("languages", nargs="+", metavar="LANG")
    args = parser.parse_args(argv)
    problems = assemble(args.build_dir, args.languages, args.releases_dir, args.base_url, args.releases)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"Site ready in {args.build_dir / 'site'}: {', '.join(args.languages)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
