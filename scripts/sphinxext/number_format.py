"""Numbers and months in the page language, as the house style writes them.

The separators come from ``translations/languages.toml``: nb ``10 300``, ``1849``, ``8,3``,
``60 %``; en ``10,300``, ``1,849``, ``8.3``, ``60%``; da ``10.300``, ``8,3``, ``60 %``. Spaces are
no-break spaces, so a number never breaks across lines. Months come from Babel's CLDR data
(``september 2014``).
"""

from __future__ import annotations

import datetime

from babel.dates import format_date
from languages import language as language_of


def format_number(value: float, language: str | None) -> str:
    """``10300`` → ``10 300`` (nb) or ``10,300`` (en); ``18.5`` → ``18,5`` / ``18.5``."""
    return language_of(language).format_number(value)


def format_percent(value: float, language: str | None) -> str:
    return language_of(language).format_percent(value)


def format_month(year: int, month: int, language: str | None) -> str:
    """``(2014, 9)`` → ``september 2014`` (nb, da) or ``September 2014`` (en)."""
    locale = "nb" if (language or "nb").startswith("nb") else (language or "nb")
    return format_date(datetime.date(year, month, 1), "LLLL y", locale=locale)
