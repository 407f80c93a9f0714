"""Numbers and months in the page language, as the house style writes them.

nb and da: ``10 300``, ``1849``, ``8,3``, ``60 %``; en: ``10,300``, ``1,849``, ``8.3``, ``60%``.
Norwegian and Danish group digits only from five digits on (Språkrådet), with a no-break space
so a number never breaks across lines. Months come from Babel's CLDR data (``september 2014``).
"""

from __future__ import annotations

import datetime

from babel.dates import format_date

NBSP = "\u00a0"


def _is_english(language: str | None) -> bool:
    return (language or "nb").split("_")[0].split("-")[0] == "en"


def format_number(value: float, language: str | None) -> str:
    """``10300`` → ``10 300`` (nb, da) or ``10,300`` (en); ``18.5`` → ``18,5`` / ``18.5``."""
    whole = float(value).is_integer()
    text = f"{int(value):,}" if whole else f"{value:,.1f}"
    if _is_english(language):
        return text
    if whole and abs(value) < 10000:
        text = text.replace(",", "")
    return text.replace(",", NBSP).replace(".", ",")


def format_percent(value: float, language: str | None) -> str:
    number = format_number(value, language)
    return f"{number}%" if _is_english(language) else f"{number}{NBSP}%"


def format_month(year: int, month: int, language: str | None) -> str:
    """``(2014, 9)`` → ``september 2014`` (nb, da) or ``September 2014`` (en)."""
    locale = "nb" if (language or "nb").startswith("nb") else (language or "nb")
    return format_date(datetime.date(year, month, 1), "LLLL y", locale=locale)
