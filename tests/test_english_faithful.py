"""Every figure of the sources is in the English translation, written the English way.

The oracles are the ones the Bokmål tests use (tests/data/guideline-figures.tsv and
education-figures.tsv: each figure of a source with its line). The English text is every
translation in the collection's catalogues; numbers are read the English way ("10,300" = 10300,
"8.3" = 8.3) and compared with the oracle's values.
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from test_education_faithful import PARTS
from test_education_faithful import read_oracle as education_oracle
from test_guideline_faithful import read_oracle as guideline_oracle

PROJECT = Path(__file__).resolve().parent.parent
CATALOGUES = PROJECT / "translations" / "en" / "LC_MESSAGES"
# Numbers of the oracles that are not figures. The Bokmål tests pass them only because the same
# digits happen to stand somewhere else in our Bokmål text.
NOT_FIGURES = {
    ("004", 822): "footnote mark 11 (the Gureje reference, cited with {cite})",
    ("004", 849): "footnote 11's own number",
    ("004", 1094): "footnote mark 14 (the ISF reference, cited with {cite})",
    ("004", 1126): "footnote 14's own number",
    ("002", 34): "section number 1.2",
    ("002", 1062): "section number 5.2",
    ("002", 1166): "section number 5.5",
    ("003", 192): "reference mark [8] (the review's references are not in the source)",
}


def english_numbers(text: str) -> set[str]:
    """Every number as the oracle writes it: 10300, 8.3 (English thousands commas removed)."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return {str(float(n)).removesuffix(".0") if "." in n else n for n in re.findall(r"\d+(?:\.\d+)?", text)}


def english(folder: str, *extra: Path) -> set[str]:
    texts = []
    for path in sorted((CATALOGUES / folder).rglob("*.po")):
        with path.open("rb") as handle:
            texts += [str(m.string) for m in read_po(handle) if m.id and m.string]
    texts += [path.read_text(encoding="utf-8") for path in extra]
    return english_numbers("\n".join(texts))


def oracle_value(figure: str) -> str:
    return str(float(figure)).removesuffix(".0") if "." in figure else figure


def test_every_figure_of_the_guide_is_in_the_english_guideline():
    ours = english("guideline", PROJECT / "references" / "guideline.bib")
    oracle = [(line, fig) for line, fig in guideline_oracle() if ("004", line) not in NOT_FIGURES]
    missing = [f"source line {line}: {fig}" for line, fig in oracle if oracle_value(fig) not in ours]
    assert missing == []


@pytest.mark.parametrize("source", sorted(PARTS))
def test_every_figure_of_the_education_sources_is_in_the_english_part(source):
    ours = english(f"education/{PARTS[source]}", PROJECT / "references" / "education.bib")
    oracle = [
        (line, fig) for s, line, fig in education_oracle() if s == source and (s, line) not in NOT_FIGURES
    ]
    assert len(oracle) > 10
    missing = [f"source {source} line {line}: {fig}" for line, fig in oracle if oracle_value(fig) not in ours]
    assert missing == []
