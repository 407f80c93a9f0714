"""The site's languages, as data: ``translations/languages.toml``.

    python scripts/languages.py published     # the codes `make site` builds, source first
    python scripts/languages.py translations  # every code but the source language's
    python scripts/languages.py all           # every code in the table, source first

Extensions, scripts and tests import ``languages()`` / ``language(code)``; the Makefile asks the
command line. A table with a problem is an error naming the file and the language.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROJECT_TABLE = Path(__file__).resolve().parent.parent / "translations" / "languages.toml"
NBSP = "\u00a0"


class LanguageTableError(ValueError):
    """translations/languages.toml is missing a field or gives a wrong one."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    source: bool
    published: bool
    search: str
    thousands: str
    group_from: int
    decimal: str
    percent: str
    date: str

    def format_number(self, value: float, decimals: int = 1) -> str:
        """``10300`` → ``10 300`` / ``10,300`` / ``10.300``; ``8.3`` → ``8,3`` / ``8.3``."""
        whole = float(value).is_integer()
        text = f"{int(value):,}" if whole else f"{value:,.{decimals}f}"
        grouped = abs(value) >= self.group_from
        integer, _dot, fraction = text.partition(".")
        integer = integer.replace(",", self.thousands.replace(" ", NBSP) if grouped else "")
        return integer + (self.decimal + fraction if fraction else "")

    def format_percent(self, value: float) -> str:
        return self.format_number(value) + self.percent.replace(" ", NBSP) + "%"


def _language(table: Path, code: str, fields: dict[str, object]) -> Language:
    try:
        return Language(code=code, **fields)  # type: ignore[arg-type]
    except TypeError as error:
        raise LanguageTableError(f"{table}: [{code}]: {error}") from None


@cache
def languages(table: Path = PROJECT_TABLE) -> dict[str, Language]:
    """Every language of the table, the source language first."""
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    found = [_language(table, code, dict(fields)) for code, fields in data.items()]
    sources = [lang.code for lang in found if lang.source]
    if len(sources) != 1:
        raise LanguageTableError(f"{table}: exactly one language must have source = true, not {sources}")
    return {lang.code: lang for lang in sorted(found, key=lambda lang: not lang.source)}


def primary_subtag(code: str | None) -> str:
    """``nb_NO`` → ``nb``; ``en-GB`` → ``en``."""
    return (code or "").replace("-", "_").split("_")[0].lower()


def language(code: str | None) -> Language:
    """The language of a code such as ``nb``, ``nb_NO`` or ``en-GB``; the source language for a
    code the table does not have (tiny test projects, a language being added)."""
    table = languages()
    return table.get(primary_subtag(code)) or next(iter(table.values()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["published", "translations", "all"])
    args = parser.parse_args(argv)
    try:
        table = languages()
    except (OSError, tomllib.TOMLDecodeError, LanguageTableError) as error:
        print(error, file=sys.stderr)
        return 1
    chosen = {
        "published": [code for code, lang in table.items() if lang.published],
        "translations": [code for code, lang in table.items() if not lang.source],
        "all": list(table),
    }[args.which]
    print(" ".join(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
