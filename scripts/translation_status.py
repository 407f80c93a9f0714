"""How far each translation has come, page by page: ``make translation-status``.

For every translated language of ``translations/languages.toml`` and every page, the share of
the page's current messages (the templates ``make gettext`` writes to ``_build/gettext/``) that
the catalogue translates (the extensions' words, ``smertehandboka``, and the clinic directory's
free text, ``clinic-data``, count as pages), and how many are fuzzy (their source changed since they were
translated: never shown) or untranslated (new, empty or missing from the catalogue).

    python scripts/translation_status.py [--pot _build/gettext] [--translations translations]
                                         [--require PERCENT] [LANG ...]

With ``--require``, the exit status is 1 when a language is below that share.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po
from languages import languages


@dataclass
class PageStatus:
    page: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _messages(path: Path) -> dict[str, tuple[str, bool]]:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {str(m.id): (str(m.string or ""), m.fuzzy) for m in catalogue if m.id}


def page_status(template: Path, catalogue: Path, page: str) -> PageStatus:
    status = PageStatus(page)
    translations = _messages(catalogue)
    for msgid in _messages(template):
        status.total += 1
        msgstr, fuzzy = translations.get(msgid, ("", False))
        if msgstr and fuzzy:
            status.fuzzy += 1
        elif msgstr:
            status.translated += 1
    return status


def language_status(pot_dir: Path, translations: Path, code: str) -> list[PageStatus]:
    pages = []
    for template in sorted(pot_dir.rglob("*.pot")):
        page = template.relative_to(pot_dir).with_suffix("").as_posix()
        if page == "sphinx":
            continue  # the theme's words: English already, and Danish comes with Sphinx
        catalogue = translations / code / "LC_MESSAGES" / f"{page}.po"
        pages.append(page_status(template, catalogue, page))
    return pages


def total(pages: Sequence[PageStatus]) -> PageStatus:
    summed = PageStatus("(all pages)")
    for page in pages:
        summed.total += page.total
        summed.translated += page.translated
        summed.fuzzy += page.fuzzy
    return summed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot", type=Path, default=Path("_build/gettext"))
    parser.add_argument("--translations", type=Path, default=Path("translations"))
    parser.add_argument("--require", type=float, metavar="PERCENT")
    parser.add_argument("languages", nargs="*", metavar="LANG")
    args = parser.parse_args(argv)
    if not sorted(args.pot.rglob("*.pot")):
        parser.error(f"{args.pot}: no message templates; run 'make gettext' first")
    codes = args.languages or [code for code, lang in languages().items() if not lang.source]
    short = []
    for code in codes:
        pages = language_status(args.pot, args.translations, code)
        print(f"{code}: {'page':<48} {'translated':>10} {'fuzzy':>6} {'untranslated':>13}")
        for page in [*pages, total(pages)]:
            print(
                f"{code}: {page.page:<48} {page.percent:>9.1f}% {page.fuzzy:>6} {page.untranslated:>13}"
                f"   ({page.translated}/{page.total})"
            )
        if args.require is not None and total(pages).percent < args.require:
            short.append(f"{code} is {total(pages).percent:.1f}% translated, below {args.require:g}%")
    for line in short:
        print(line, file=sys.stderr)
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
