"""The clinic directory's data: the checker (validate.py clinics) and the figures of the source.

Each file in tests/data/clinics/bad/ is the real clinics.csv with one fault; expected.toml says
at which physical line and with which words the checker must report it. The oracle
tests/data/clinic-figures.tsv ties every figure of the guide's chapter 10 to its line in the
source extract; the data must hold exactly those figures.
"""

import csv
import tomllib
from pathlib import Path

import pytest

from clinic_data import read_clinics
from validate import main

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "source" / "clinics" / "clinics.csv"
SCHEMA = DATA.with_name("clinics.schema.json")
BAD = Path(__file__).parent / "data" / "clinics" / "bad"
EXPECTED = tomllib.loads((BAD / "expected.toml").read_text(encoding="utf-8"))
ORACLE = Path(__file__).parent / "data" / "clinic-figures.tsv"
SOURCE = PROJECT.parent / "shared" / "seeds" / "004_5791192ebf6bcd66.txt"


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    return status, capsys.readouterr().out.splitlines()


def test_the_real_file_passes(capsys):
    assert run(capsys, "clinics", DATA) == (0, [])


def test_the_corpus_has_one_file_per_kind_of_fault():
    assert len(EXPECTED) >= 10
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.glob("*.csv"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_file_is_rejected_at_its_line(capsys, name):
    status, lines = run(capsys, "clinics", "--schema", SCHEMA, BAD / name)
    assert status == 1
    assert lines, "no problem reported"
    expected = f"{BAD / name}:{EXPECTED[name]}"
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)
    line_number = EXPECTED[name].split(":")[0]
    assert all(line.split(":")[1] == line_number for line in lines), "\n".join(lines)  # one fault, one place


def test_every_problem_names_file_line_and_column(capsys):
    _status, lines = run(capsys, "clinics", "--schema", SCHEMA, BAD / "unknown-region.csv")
    path, line, column, message = lines[0].split(":", 3)
    assert (path, line, column) == (str(BAD / "unknown-region.csv"), "14", " region")
    assert "Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord" in message


def test_the_line_is_physical_after_a_cell_that_spans_lines(capsys):
    raw = (BAD / "error-after-multiline-cell.csv").read_text(encoding="utf-8").splitlines()
    assert raw[6].startswith("siv,")  # line 7 of the file is row 6: the "ous" row above spans two lines
    _status, lines = run(capsys, "clinics", "--schema", SCHEMA, BAD / "error-after-multiline-cell.csv")
    message = "waiting_weeks: -3 is out of range: must be between 0 and 104"
    assert lines == [f"{BAD / 'error-after-multiline-cell.csv'}:7: {message}"]


def test_a_missing_file_or_schema_is_a_problem_not_a_crash(capsys, tmp_path):
    status, lines = run(capsys, "clinics", tmp_path / "none.csv")
    assert status == 1 and lines == [f"{tmp_path / 'none.csv'}:0: (file): no such file"]
    (tmp_path / "lonely.csv").write_text("id\n", encoding="utf-8")
    status, lines = run(capsys, "clinics", "--schema", tmp_path / "none.json", tmp_path / "lonely.csv")
    assert status == 1 and "no schema" in lines[0]


def test_a_file_without_a_schema_beside_it_is_checked_against_the_projects(capsys, tmp_path):
    bad = tmp_path / "copy.csv"
    bad.write_bytes((BAD / "unknown-region.csv").read_bytes())
    status, lines = run(capsys, "clinics", bad)
    _status, expected = run(capsys, "clinics", "--schema", SCHEMA, BAD / "unknown-region.csv")
    assert status == 1
    assert lines == [line.replace(str(BAD / "unknown-region.csv"), str(bad)) for line in expected]
    good = tmp_path / "clinics-copy.csv"
    good.write_bytes(DATA.read_bytes())
    assert run(capsys, "clinics", good) == (0, [])


def read_oracle():
    with ORACLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_the_oracle_matches_the_source_where_the_source_is_at_hand():
    oracle = read_oracle()
    assert len(oracle) > 60
    if SOURCE.is_file():  # in the workspace the source sits beside the project
        lines = SOURCE.read_text(encoding="utf-8").splitlines()
        for fact in oracle:
            assert fact["source_text"] in lines[int(fact["source_line"]) - 1], fact


def test_the_data_holds_every_figure_of_the_source_table():
    with DATA.open(encoding="utf-8", newline="") as f:
        data = {row["id"]: row for row in csv.DictReader(f)}
    oracle = read_oracle()
    assert {fact["id"] for fact in oracle} == set(data)  # every unit, and no other
    for fact in oracle:
        assert data[fact["id"]][fact["column"]] == fact["value"], fact


def test_the_regions_and_the_four_regional_centres():
    clinics = read_clinics(DATA)
    per_region = {}
    for clinic in clinics:
        per_region[clinic.region] = per_region.get(clinic.region, 0) + 1
    # The 2013 survey's 7, 4, 3 and 2 units, plus Sykehuset Innlandet (starting October 2014).
    assert per_region == {"Helse Sør-Øst": 8, "Helse Vest": 4, "Helse Midt-Norge": 3, "Helse Nord": 2}
    assert sorted(c.hospital for c in clinics if c.regional_centre) == [
        "Helse Bergen",
        "OUS",
        "St. Olavs hospital",
        "UNN",
    ]
    assert {c.waiting_month for c in clinics} == {(2014, 9)} and {c.activity_year for c in clinics} == {2012}
