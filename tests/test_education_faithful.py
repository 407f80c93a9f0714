"""Every figure of the three education sources is in our text.

The oracle tests/data/education-figures.tsv lists each number of sources 001 (the slides), 002
(the patient-education material) and 003 (neuropathic pain) with its line. Left out, by line:
section numbers, a page number, the HUNT citation (kept whole in references/education.bib) and
the review's reference marks (its reference list is not in the source). Numbers are compared
after normalising Norwegian and Danish formatting.
"""

from pathlib import Path

import pytest

from figures import numbers

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT.parent / "shared" / "seeds"
ORACLE = Path(__file__).parent / "data" / "education-figures.tsv"
PARTS = {"001": "perspective", "002": "course", "003": "neuropathic"}
NOT_FIGURES = {
    ("001", 64),
    ("002", 4),
    ("002", 123),
    ("002", 653),
    ("002", 1024),
    ("002", 1106),
    ("002", 1126),
    ("003", 200),
}


def read_oracle() -> list[tuple[str, int, str]]:
    rows = [line.split("\t") for line in ORACLE.read_text(encoding="utf-8").splitlines()[1:]]
    return [(source, int(line), figure) for source, line, figure in rows]


def test_the_oracle_matches_the_sources_where_they_are_at_hand():
    assert len(read_oracle()) > 100
    if not SEEDS.is_dir():  # the sources sit beside the project in the workspace
        return
    expected = []
    for source in PARTS:
        text = next(SEEDS.glob(f"{source}_*.txt")).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if (source, number) not in NOT_FIGURES:
                expected += [(source, number, figure) for figure in numbers(line)]
    assert read_oracle() == expected


@pytest.mark.parametrize("source", sorted(PARTS))
def test_every_figure_of_the_source_is_in_our_text(source):
    folder = PROJECT / "source" / "education" / PARTS[source]
    ours = set(numbers("\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.md"))))
    oracle = [(line, figure) for s, line, figure in read_oracle() if s == source]
    assert len(oracle) > 10
    missing = [f"source {source} line {line}: {figure}" for line, figure in oracle if figure not in ours]
    assert missing == []
