"""Every figure of the guide's chapters 1–9 is in our text (the guide's text is the oracle).

Numbers are compared after normalising Norwegian formatting ("5 000" = "5000", "8,3" = "8.3").
Sub-section numbers (our headings do not number sub-sections), dates we write in words and the
PDF extract's artefacts (footnote marks glued to years) are the only exceptions, listed below.
"""

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SOURCE = PROJECT.parent / "shared" / "seeds" / "004_5791192ebf6bcd66.txt"
CHAPTER_10_STARTS = 1280  # the overview table (issue 5) begins on this line of the extract
NOT_FIGURES = {
    "1.6": "the date 1.6.2013, written '1. juni 2013'",
    "19908": "the year 1990 with footnote mark 8",
    "65": "the page range 555-65, written out in full in references/guideline.bib",
    "73": "the page range 1368-73, written out in full in references/guideline.bib",
}


def normalise(text: str) -> str:
    return re.sub(r"(?<=\d)[ \u00a0](?=\d{3}\b)", "", text).replace(",", ".")


def test_every_number_of_the_guide_is_in_our_text():
    if not SOURCE.is_file():
        pytest.fail(f"{SOURCE} is missing: this test needs the workspace's shared/seeds beside the project")
    lines = SOURCE.read_text(encoding="utf-8").splitlines()[: CHAPTER_10_STARTS - 1]
    ours = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "source" / "guideline").glob("*.md"))
    ours += (PROJECT / "references" / "guideline.bib").read_text(encoding="utf-8")
    our_numbers = set(re.findall(r"\d+(?:\.\d+)?", normalise(ours)))
    missing = []
    for number, line in enumerate(lines, 1):
        if re.match(r"\s*\d+(\.\d+)+\s+\S", line):  # a numbered heading: 3.1 Egne enheter …
            continue
        for figure in re.findall(r"\d+(?:[.,]\d+)?", normalise(line)):
            figure = figure.replace(",", ".")
            if figure not in our_numbers and figure not in NOT_FIGURES:
                missing.append(f"source line {number}: {figure} ({line.strip()[:60]})")
    assert missing == []
