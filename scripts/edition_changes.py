"""What changed between two editions, computed from their sources, never written by hand.

``compare(old, new)`` reads two source trees (an edition's commit, or a folder for the tests) and
finds:

- recommendations added, reworded, given another strength, and withdrawn (by ID: the text and
  the ``:strength:`` of each ``{recommendation}`` block);
- chapters (pages under ``source/``) added, removed and changed;
- rows of the clinic directory (``source/clinics/clinics.csv``, by its key ``id``) added, removed
  and changed, with the changed columns.

``render(...)`` writes one edition's page of it in one language, as the body of a page of that
edition: recommendation texts in the page's language where the edition's catalogue has them,
otherwise in Bokmål, marked as such.
"""

from __future__ import annotations

import csv
import difflib
import html
import io
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from site_menus import N_

RECOMMENDATION = re.compile(
    r"^:::+\{recommendation\}\s*(?P<id>[A-Z]+-\d+)[^\n]*\n(?P<options>(?::[a-z]+:[^\n]*\n)*)\n?(?P<body>.*?)\n:::+\s*$",
    re.S | re.M,
)
TITLE = re.compile(r"^#\s+(.+?)\s*$", re.M)
ROLE = re.compile(r"\{(?P<name>[a-z][a-z:-]*)\}`(?P<content>[^`]*)`")
EXPLICIT = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
CLINICS = "source/clinics/clinics.csv"


class Tree:
    """Files of a source tree, by path relative to the project."""

    def files(self) -> list[str]:
        raise NotImplementedError

    def read(self, path: str) -> str | None:
        raw = self.read_bytes(path)
        return raw.decode("utf-8") if raw is not None else None

    def read_bytes(self, path: str) -> bytes | None:
        """A file's bytes as they are (a copy of it must be byte-identical)."""
        raise NotImplementedError


@dataclass
class GitTree(Tree):
    commit: str
    root: Path

    def files(self) -> list[str]:
        listed = subprocess.run(
            ["git", "ls-tree", "-r", "--name-only", self.commit, "source", "translations"],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
        )
        return listed.stdout.split()

    def read_bytes(self, path: str) -> bytes | None:
        return _git_show(self.root, self.commit, path)


@cache
def _git_show(root: Path, commit: str, path: str) -> bytes | None:
    """A file of a commit (kept: an edition's files never change, and each page of each language
    reads the same ones)."""
    shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=root, capture_output=True, check=False)
    return shown.stdout if shown.returncode == 0 else None


@dataclass
class FolderTree(Tree):
    root: Path

    def files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())

    def read_bytes(self, path: str) -> bytes | None:
        target = self.root / path
        return target.read_bytes() if target.is_file() else None


@dataclass(frozen=True)
class Recommendation:
    rec_id: str
    strength: str
    text: str  # the MyST text, its lines joined
    page: str  # source/guideline/summary.md
    blocks: tuple[tuple[str, str], ...] = ()  # ("p" or "li", text): the messages of the catalogues


def blocks(body: str) -> tuple[tuple[str, str], ...]:
    """A block's paragraphs and list items, each as one line: the units the catalogues translate."""
    found: list[tuple[str, str]] = []
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        text: list[str] = []
        kind = "p"
        for line in lines:
            item = re.match(r"[-*]\s+(.*)", line)
            if item:
                if text:
                    found.append((kind, " ".join(text)))
                kind, text = "li", [item[1]]
            else:
                text.append(line)
        if text:
            found.append((kind, " ".join(text)))
    return tuple(found)


@dataclass
class Changes:
    added: list[Recommendation] = field(default_factory=list)
    reworded: list[tuple[Recommendation, Recommendation]] = field(default_factory=list)
    strength: list[tuple[Recommendation, Recommendation]] = field(default_factory=list)
    withdrawn: list[Recommendation] = field(default_factory=list)
    pages_added: list[str] = field(default_factory=list)
    pages_removed: list[str] = field(default_factory=list)
    pages_changed: list[str] = field(default_factory=list)
    rows_added: list[dict[str, str]] = field(default_factory=list)
    rows_removed: list[dict[str, str]] = field(default_factory=list)
    rows_changed: list[tuple[dict[str, str], list[tuple[str, str, str]]]] = field(default_factory=list)


def pages(tree: Tree) -> dict[str, str]:
    """The pages of a tree: source/**/*.md (not templates or static files) → text."""
    found = {}
    for path in tree.files():
        if path.startswith("source/") and path.endswith(".md") and "/_" not in path:
            text = tree.read(path)
            if text is not None:
                found[path] = text
    return found


def recommendations(texts: Mapping[str, str]) -> dict[str, Recommendation]:
    found = {}
    for path, text in texts.items():
        for block in RECOMMENDATION.finditer(text):
            strength = re.search(r":strength:\s*(\S+)", block["options"])
            body = " ".join(line.strip() for line in block["body"].strip().splitlines() if line.strip())
            found[block["id"]] = Recommendation(
                block["id"], strength[1] if strength else "", body, path, blocks(block["body"])
            )
    return found


def clinic_rows(tree: Tree) -> dict[str, dict[str, str]]:
    text = tree.read(CLINICS)
    if text is None:
        return {}
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def compare(old: Tree, new: Tree) -> Changes:
    changes = Changes()
    old_pages, new_pages = pages(old), pages(new)
    before, after = recommendations(old_pages), recommendations(new_pages)
    for rec_id in sorted(after.keys() - before.keys()):
        changes.added.append(after[rec_id])
    for rec_id in sorted(before.keys() - after.keys()):
        changes.withdrawn.append(before[rec_id])
    for rec_id in sorted(before.keys() & after.keys()):
        was, now = before[rec_id], after[rec_id]
        if was.strength != now.strength:
            changes.strength.append((was, now))
        elif was.text != now.text:
            changes.reworded.append((was, now))
    changes.pages_added = sorted(new_pages.keys() - old_pages.keys())
    changes.pages_removed = sorted(old_pages.keys() - new_pages.keys())
    changes.pages_changed = sorted(
        p for p in old_pages.keys() & new_pages.keys() if old_pages[p] != new_pages[p]
    )
    rows_before, rows_after = clinic_rows(old), clinic_rows(new)
    changes.rows_added = [rows_after[key] for key in sorted(rows_after.keys() - rows_before.keys())]
    changes.rows_removed = [rows_before[key] for key in sorted(rows_before.keys() - rows_after.keys())]
    for key in sorted(rows_before.keys() & rows_after.keys()):
        was, now = rows_before[key], rows_after[key]
        cells = [
            (column, was.get(column, ""), now.get(column, ""))
            for column in now
            if was.get(column, "") != now[column]
        ]
        if cells:
            changes.rows_changed.append((now, cells))
    return changes


def title(text: str | None) -> str:
    found = TITLE.search(text or "")
    return found[1] if found else ""


@dataclass
class Catalogue:
    """One edition's translations for one language (empty for the source language)."""

    messages: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # the line of each message's msgid
    path: str = ""  # translations/<lang>/LC_MESSAGES/<page>.po

    @classmethod
    def of(cls, tree: Tree, lang: str, page: str) -> Catalogue:
        relative = page.removeprefix("source/").removesuffix(".md")
        path = f"translations/{lang}/LC_MESSAGES/{relative}.po"
        raw = tree.read_bytes(path)
        if not raw:
            return cls(path=path)
        found = [m for m in read_po(io.BytesIO(raw)) if m.id and m.string and not m.fuzzy]
        return cls({str(m.id): str(m.string) for m in found}, {str(m.id): m.lineno for m in found}, path)


def plain(text: str, strength_word: Callable[[str], str]) -> str:
    """A MyST paragraph as plain text: a role shows what the page shows (its title, or the
    strength word in the page's language); a citation's key is left out."""

    def shown(match: re.Match[str]) -> str:
        name, content = match["name"], match["content"]
        if name == "strength":
            return strength_word(content)
        if name.startswith("cite"):
            return ""
        explicit = EXPLICIT.match(content)
        return explicit["title"] if explicit else content

    text = ROLE.sub(shown, text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return re.sub(r"\*\*?([^*]+)\*\*?", r"\1", text).strip()


@dataclass
class Page:
    """What render() needs to know about the two editions and the page's language."""

    lang: str
    source_lang: str
    edition: str
    previous: str
    previous_date: str
    old: Tree
    new: Tree
    previous_has_lang: bool
    translate: Callable[[str], str]
    strength_word: Callable[[str], str]
    link: Callable[[str, str], str]  # (edition, source page) -> href to the built page


def _blocks(
    page: Page, tree: Tree, rec: Recommendation, has_lang: bool
) -> tuple[list[tuple[str, str]], bool]:
    """A recommendation's blocks as plain text in the page's language when that edition's
    catalogue has every one of them, else in Bokmål; and whether they are in Bokmål on a page in
    another language."""
    if page.lang != page.source_lang and has_lang:
        messages = Catalogue.of(tree, page.lang, rec.page).messages
        if all(text in messages for _kind, text in rec.blocks):
            return [(kind, plain(messages[text], page.strength_word)) for kind, text in rec.blocks], False
    return [
        (kind, plain(text, page.strength_word)) for kind, text in rec.blocks
    ], page.lang != page.source_lang


def _html(parts: list[tuple[str, str]], marked: list[set[int]] | None = None, tag: str = "") -> str:
    """Blocks as <p> and <ul>; with ``marked``, the words at those positions wrapped in ``tag``."""
    out, items = [], []
    for index, (kind, text) in enumerate(parts):
        words = text.split()
        if marked is not None:
            words = [
                f"<{tag}>{html.escape(w)}</{tag}>" if i in marked[index] else html.escape(w)
                for i, w in enumerate(words)
            ]
            shown = " ".join(words).replace(f"</{tag}> <{tag}>", " ")
        else:
            shown = html.escape(text)
        if kind == "li":
            items.append(f"<li>{shown}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        out.append(f"<p>{shown}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def word_changes(
    old: list[tuple[str, str]], new: list[tuple[str, str]]
) -> tuple[list[set[int]], list[set[int]]]:
    """Which words of each block were taken out of the old text and put into the new one."""

    def flat(parts: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
        return [
            (block, index, word)
            for block, (_k, text) in enumerate(parts)
            for index, word in enumerate(text.split())
        ]

    a, b = flat(old), flat(new)
    gone: list[set[int]] = [set() for _ in old]
    came: list[set[int]] = [set() for _ in new]
    matcher = difflib.SequenceMatcher(a=[w for *_p, w in a], b=[w for *_p, w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            for block, index, _w in a[i1:i2]:
                gone[block].add(index)
        if tag in ("insert", "replace"):
            for block, index, _w in b[j1:j2]:
                came[block].add(index)
    return gone, came


def _cell(bokmal: bool, page: Page, body: str, prefix: str = "") -> str:
    """A table cell, marked as Bokmål when the page is in another language."""
    marked = f' lang="{page.source_lang}"' if bokmal else ""
    return f"<td{marked}>{prefix}{body}</td>"


def _page_title(page: Page, tree: Tree, path: str, has_lang: bool) -> str:
    text = title(tree.read(path))
    if page.lang != page.source_lang and has_lang:
        text = Catalogue.of(tree, page.lang, path).messages.get(text, text)
    return text


def render(changes: Changes, page: Page) -> tuple[str, str]:
    """(title, body HTML) of the edition's what-changed page in the page's language."""

    def _(word: str, **values: str) -> str:
        return html.escape(page.translate(word).format(**values))

    def link(edition: str, rec: Recommendation) -> str:
        href = html.escape(page.link(edition, rec.page))
        return f'<a href="{href}#rec-{rec.rec_id.lower()}">{rec.rec_id}</a>'

    def text(rec: Recommendation, old: bool, strength: bool = False) -> str:
        tree, has = (page.old, page.previous_has_lang) if old else (page.new, True)
        parts, bokmal = _blocks(page, tree, rec, has)
        word = f"<strong>{html.escape(page.strength_word(rec.strength))}</strong>" if strength else ""
        return _cell(bokmal, page, _html(parts), word)

    def compared(was: Recommendation, now: Recommendation) -> str:
        """Old and new side by side; in one language, the words taken out and put in marked."""
        old_parts, old_bokmal = _blocks(page, page.old, was, page.previous_has_lang)
        new_parts, new_bokmal = _blocks(page, page.new, now, True)
        if old_bokmal != new_bokmal:
            return text(was, True) + text(now, False)
        gone, came = word_changes(old_parts, new_parts)
        return _cell(old_bokmal, page, _html(old_parts, gone, "del")) + _cell(
            new_bokmal, page, _html(new_parts, came, "ins")
        )

    def table(kind: str, title_text: str, rows: list[str], head: Iterable[str]) -> None:
        out.append(f'<section class="smh-changes-{kind}"><h3>{title_text} ({len(rows)})</h3>')
        if rows:
            cells = "".join(f'<th scope="col">{cell}</th>' for cell in head)
            out.append(f'<table class="table smh-changes"><thead><tr>{cells}</tr></thead>')
            out.append(f"<tbody>{''.join(rows)}</tbody></table>")
        else:
            out.append(f"<p>{_('None.')}</p>")
        out.append("</section>")

    heading = page.translate("What changed in edition {edition}").format(edition=page.edition)
    out = [f"<h1>{html.escape(heading)}</h1>"]
    intro = "Compared with edition {previous} ({date}), computed from the sources of the two editions."
    out.append(f"<p>{_(intro, previous=page.previous, date=page.previous_date)}</p>")
    if page.lang != page.source_lang and not page.previous_has_lang:
        note = "Edition {previous} was not published in this language: its texts are shown in Bokmål."
        out.append(f"<p>{_(note, previous=page.previous)}</p>")
    both = (_("Edition {edition}", edition=page.previous), _("Edition {edition}", edition=page.edition))

    out.append(f'<section id="recommendations"><h2>{_("Recommendations")}</h2>')
    row = '<tr><th scope="row">{}</th>{}</tr>'.format
    table(
        "added",
        _("Added"),
        [
            row(
                link(page.edition, rec),
                f"<td>{html.escape(page.strength_word(rec.strength))}</td>{text(rec, False)}",
            )
            for rec in changes.added
        ],
        ("ID", _("Strength"), _("Text")),
    )
    table(
        "reworded",
        _("Reworded"),
        [row(link(page.edition, now), compared(was, now)) for was, now in changes.reworded],
        ("ID", *both),
    )
    table(
        "strength",
        _("Strength changed"),
        [
            row(link(page.edition, now), text(was, True, strength=True) + text(now, False, strength=True))
            for was, now in changes.strength
        ],
        ("ID", *both),
    )
    table(
        "withdrawn",
        _("Withdrawn"),
        [row(link(page.previous, rec), text(rec, True)) for rec in changes.withdrawn],
        ("ID", _("Last text")),
    )
    out.append("</section>")

    out.append(f'<section id="chapters"><h2>{_("Chapters")}</h2>')
    for label, paths, edition, tree, has in (
        (_("Added"), changes.pages_added, page.edition, page.new, True),
        (_("Changed"), changes.pages_changed, page.edition, page.new, True),
        (_("Removed"), changes.pages_removed, page.previous, page.old, page.previous_has_lang),
    ):
        items = "".join(
            f'<li><a href="{html.escape(page.link(edition, path))}">'
            f"{html.escape(_page_title(page, tree, path, has) or path)}</a></li>"
            for path in paths
        )
        out.append(f"<h3>{label} ({len(paths)})</h3>")
        out.append(f"<ul>{items}</ul>" if items else f"<p>{_('None.')}</p>")
    out.append("</section>")

    out.append(f'<section id="clinics"><h2>{_("The clinic directory")}</h2>')
    items = [f"<li>{_('Added')}: {html.escape(_row_name(r))}</li>" for r in changes.rows_added]
    items += [f"<li>{_('Removed')}: {html.escape(_row_name(r))}</li>" for r in changes.rows_removed]
    for changed, cells in changes.rows_changed:
        listed = "; ".join(
            f"{html.escape(column)}: {html.escape(was or '–')} → {html.escape(now or '–')}"
            for column, was, now in cells
        )
        items.append(f"<li>{html.escape(_row_name(changed))}: {listed}</li>")
    out.append(f"<ul>{''.join(items)}</ul>" if items else f"<p>{_('No row changed.')}</p>")
    out.append("</section>")
    return heading, "\n".join(out)


def _row_name(row: Mapping[str, str]) -> str:
    return ", ".join(part for part in (row.get("unit", ""), row.get("hospital", "")) if part) or row.get(
        "id", ""
    )


WORDS = (
    N_("What changed in edition {edition}"),
    N_("Compared with edition {previous} ({date}), computed from the sources of the two editions."),
    N_("Edition {previous} was not published in this language: its texts are shown in Bokmål."),
    N_("Recommendations"),
    N_("Edition {edition}"),
    N_("Added"),
    N_("Reworded"),
    N_("Strength changed"),
    N_("Withdrawn"),
    N_("Strength"),
    N_("Text"),
    N_("Last text"),
    N_("None."),
    N_("Chapters"),
    N_("Changed"),
    N_("Removed"),
    N_("The clinic directory"),
    N_("No row changed."),
    N_("This is the first edition."),
)
