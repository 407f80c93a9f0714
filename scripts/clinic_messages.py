"""The clinic directory's free text as a message template for translators.

The directory's figures, dates and controlled values are data, translated by the extensions; the
cells written in words (what a unit needs for more interdisciplinary work, why a figure is
missing, "Med få unntak alle") are the source's Bokmål. This writes them as a gettext template,
``clinic-data.pot``, which ``make translations`` turns into ``translations/<lang>/LC_MESSAGES/
clinic-data.po``; the clinic directory shows each cell through that catalogue.

    python scripts/clinic_messages.py source/clinics/clinics.csv _build/gettext/clinic-data.pot
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

# The columns whose cells the directory shows as words (editors' notes are not shown).
FREE_TEXT = ("interdisciplinary_text", "activity_missing_reason", "waiting_missing_reason", "needs")


def messages(data: Path) -> list[str]:
    with data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return sorted(
        {row[column].strip() for row in rows for column in FREE_TEXT if row.get(column, "").strip()}
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("template", type=Path)
    args = parser.parse_args(argv)
    catalogue = Catalog(project="Smertehåndboka", charset="utf-8")
    for text in messages(args.data):
        catalogue.add(text)
    args.template.parent.mkdir(parents=True, exist_ok=True)
    with args.template.open("wb") as handle:
        write_po(handle, catalogue, width=-1, omit_header=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
