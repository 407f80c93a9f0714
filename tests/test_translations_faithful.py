"""Every figure of the sources is in every translation, written the translation's way.

The oracles are the ones the Bokmål tests use (tests/data/guideline-figures.tsv and
education-figures.tsv: each figure of a source with its line). A translation's text is every
message of the collection's catalogues; numbers are read the way translations/languages.toml says
the language writes them (en "10,300" and "8.3", da "10.300" and "8,3") and compared with the
oracle's values.
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from languages import Language, languages
from test_education_faithful import PARTS
from test_education_faithful import read_oracle as education_oracle
from test_guideline_faithful import read_oracle as guideline_oracle

PROJECT = Path(__file__).resolve().parent.parent
TRANSLATIONS = [lang for lang in languages().values() if not lang.source]
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


def numbers(text: str, lang: Language) -> set[str]:
    """Every number as the oracle writes it: 10300, 8.3 (the language's digit groups removed)."""
    group = "[ \u00a0\u202f]" if not lang.thousands.strip() else re.escape(lang.thousands)
    text = re.sub(rf"(?<=\d){group}(?=\d{{3}}\b)", "", text)
    if lang.decimal != ".":
        text = re.sub(rf"(?<=\d){re.escape(lang.decimal)}(?=\d)", ".", text)
    return {str(float(n)).removesuffix(".0") if "." in n else n for n in re.findall(r"\d+(?:\.\d+)?", text)}


def translated(lang: Language, folder: str, *extra: Path) -> set[str]:
    texts = []
    for path in sorted((PROJECT / "translations" / lang.code / "LC_MESSAGES" / folder).rglob("*.po")):
        with path.open("rb") as handle:
            texts += [str(m.string) for m in read_po(handle) if m.id and m.string]
    texts += [path.read_text(encoding="utf-8") for path in extra]
    return numbers("\n".join(texts), lang)


def oracle_value(figure: str) -> str:
    return str(float(figure)).removesuffix(".0") if "." in figure else figure


@pytest.mark.parametrize("lang", TRANSLATIONS, ids=lambda lang: lang.code)
def test_every_figure_of_the_guide_is_in_the_translated_guideline(lang):
    ours = translated(lang, "guideline", PROJECT / "references" / "guideline.bib")
    oracle = [(line, fig) for line, fig in guideline_oracle() if ("004", line) not in NOT_FIGURES]
    missing = [f"source line {line}: {fig}" for line, fig in oracle if oracle_value(fig) not in ours]
    assert missing == []


@pytest.mark.parametrize("lang", TRANSLATIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("source", sorted(PARTS))
def test_every_figure_of_the_education_sources_is_in_the_translated_part(source, lang):
    ours = translated(lang, f"education/{PARTS[source]}", PROJECT / "references" / "education.bib")
    oracle = [
        (line, fig) for s, line, fig in education_oracle() if s == source and (s, line) not in NOT_FIGURES
    ]
    assert len(oracle) > 10
    missing = [f"source {source} line {line}: {fig}" for line, fig in oracle if oracle_value(fig) not in ours]
    assert missing == []
