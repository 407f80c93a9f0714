"""scripts/clinic_package.py: the clinic directory as a Frictionless data package.

Unit tests on a tiny tree (two rows, a small schema and catalogues), and one test on the whole
assembled site: every language and edition has a valid package whose CSV is the edition's own
and whose labelled rows say what the edition's directory page shows.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import frictionless
import pytest
from bs4 import BeautifulSoup
from clinic_package import (
    DESCRIPTOR,
    JSON_FILE,
    JSON_SCHEMA,
    UNTRANSLATED,
    DataFile,
    Edition,
    data_files,
    publish,
)
from edition_changes import FolderTree, GitTree
from languages import languages
from releases import releases

from number_format import format_number

PROJECT = Path(__file__).resolve().parent.parent

SCHEMA = {
    "primaryKey": ["id"],
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {
            "name": "region",
            "type": "string",
            "constraints": {"required": True, "enum": ["Helse Vest", "Helse Nord"]},
        },
        {"name": "hospital", "type": "string"},
        {
            "name": "status",
            "type": "string",
            "constraints": {"required": True, "enum": ["i-drift", "ikke-i-drift"]},
        },
        {"name": "regional_centre", "type": "boolean", "constraints": {"required": True}},
        {
            "name": "staff",
            "type": "list",
            "delimiter": ";",
            "itemType": "string",
            "x-vocabulary": ["psykolog", "fysikalsk-medisiner"],
        },
        {"name": "activity_year", "type": "year"},
        {"name": "referrals", "type": "integer", "constraints": {"minimum": 0}},
        {"name": "interdisciplinary_percent", "type": "number"},
        {"name": "waiting_month", "type": "yearmonth"},
        {"name": "waiting_missing_reason", "type": "string"},
        {"name": "needs", "type": "string"},
    ],
}
CSV = (
    "id,region,hospital,status,regional_centre,staff,activity_year,referrals,interdisciplinary_percent,"
    "waiting_month,waiting_missing_reason,needs\n"
    "a,Helse Vest,Haukeland,i-drift,true,psykolog;fysikalsk-medisiner,2012,1057,8.5,2014-09,,"
    "Flere psykologer\n"
    'b,Helse Nord,"UNN, Tromsø",ikke-i-drift,false,,2012,,,2014-09,Ikke oppgitt i kilden,\n'
)
WORDS = {
    "Helseregion": "Health region",
    "Driftsstatus": "Operational status",
    "I drift": "In operation",
    "Ikke i drift": "Not in operation",
    "Helse Vest": "Helse Vest",
    "Helse Nord": "Helse Nord",
    "psykolog": "psychologist",
    "fysikalsk medisiner": "specialist in physical medicine",
    "ja": "yes",
    "nei": "no",
    "Henvisninger behandlet i {year}": "Referrals processed in {year}",
}


def po(messages: dict[str, str]) -> str:
    entries = "".join(f'\nmsgid "{key}"\nmsgstr "{value}"\n' for key, value in messages.items())
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n' + entries


def tree(root: Path, words: dict[str, str] | None = None, free_text: dict[str, str] | None = None) -> Path:
    """A tiny project: the data, its schema and the English catalogues."""
    (root / "source" / "clinics").mkdir(parents=True)
    (root / "source" / "clinics" / "clinics.csv").write_bytes(CSV.encode("utf-8"))
    (root / "source" / "clinics" / "clinics.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    messages = root / "translations" / "en" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "smertehandboka.po").write_text(po(WORDS if words is None else words), encoding="utf-8")
    free = {"Flere psykologer": "More psychologists"} if free_text is None else free_text
    (messages / "clinic-data.po").write_text(po(free), encoding="utf-8")
    return root


def package(tmp_path: Path, lang: str = "en", **catalogues) -> tuple[list, Path, str | None]:
    root = tree(tmp_path / "project", **catalogues)
    target = tmp_path / "site" / lang / "dev" / "data"
    problems, digest = publish(
        target, FolderTree(root), Edition("dev", None, lang, "nb"), FolderTree(tmp_path / "empty"), set()
    )
    return problems, target, digest


def labelled(target: Path) -> list[dict]:
    return json.loads((target / JSON_FILE).read_text(encoding="utf-8"))


def test_the_package_has_the_csv_as_it_is_and_validates(tmp_path):
    problems, target, digest = package(tmp_path)
    assert problems == []
    assert digest
    assert (target / "clinics.csv").read_bytes() == CSV.encode("utf-8")
    assert json.loads((target / "clinics.schema.json").read_text(encoding="utf-8")) == SCHEMA
    report = frictionless.validate(str(target / DESCRIPTOR))
    assert report.valid, report.flatten(["type", "message"])
    descriptor = json.loads((target / DESCRIPTOR).read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    assert [r["name"] for r in descriptor["resources"]] == ["clinics", "clinics-labelled"]
    assert "licenses" not in descriptor  # the project states none
    assert descriptor["sources"][0]["title"].startswith("Helsedirektoratet")


def test_labelled_rows_have_the_same_keys_and_the_pages_words(tmp_path):
    _, target, _ = package(tmp_path)
    first, second = labelled(target)
    assert first["status"] == "In operation" and second["status"] == "Not in operation"
    assert first["staff"] == ["psychologist", "specialist in physical medicine"]
    assert (first["regional_centre"], second["regional_centre"]) == ("yes", "no")
    assert first["referrals"] == 1057 and first["interdisciplinary_percent"] == 8.5
    assert second["referrals"] is None and second["staff"] is None
    assert first["needs"] == "More psychologists"
    schema = json.loads((target / JSON_SCHEMA).read_text(encoding="utf-8"))
    fields = {field["name"]: field for field in schema["fields"]}
    assert [f["name"] for f in schema["fields"]] == [f["name"] for f in SCHEMA["fields"]] + [UNTRANSLATED]
    assert fields["status"]["constraints"]["enum"] == ["In operation", "Not in operation"]
    assert fields["status"]["title"] == "Operational status"
    assert fields["referrals"]["title"] == "Referrals processed in 2012"
    assert fields["regional_centre"]["trueValues"] == ["yes"]
    # Read back by frictionless: the words become booleans and lists again.
    rows = frictionless.Package(str(target / DESCRIPTOR)).get_resource("clinics-labelled").read_rows()
    assert rows[0]["regional_centre"] is True and rows[1]["regional_centre"] is False


def test_text_without_a_translation_stays_in_bokmal_and_is_marked(tmp_path):
    words = {key: value for key, value in WORDS.items() if key != "Ikke i drift"}
    _, target, _ = package(tmp_path, words=words, free_text={})
    first, second = labelled(target)
    assert first["needs"] == "Flere psykologer"
    assert first[UNTRANSLATED] == ["needs"]
    assert second["status"] == "Ikke i drift"
    assert second["waiting_missing_reason"] == "Ikke oppgitt i kilden"
    assert second[UNTRANSLATED] == ["status", "waiting_missing_reason"]


def test_the_source_language_keeps_the_words_and_marks_nothing(tmp_path):
    problems, target, _ = package(tmp_path, lang="nb")
    assert problems == []
    first, second = labelled(target)
    assert (first["status"], first["regional_centre"], first["needs"]) == (
        "I drift",
        "ja",
        "Flere psykologer",
    )
    assert second["staff"] is None and second[UNTRANSLATED] == []


def test_a_translation_that_makes_two_values_one_is_reported_and_nothing_written(tmp_path):
    words = {**WORDS, "Ikke i drift": "In operation"}
    problems, target, digest = package(tmp_path, words=words)
    assert digest is None
    assert not target.exists()
    [problem] = problems
    assert str(problem.path) == "translations/en/LC_MESSAGES/smertehandboka.po"
    catalogue = (tmp_path / "project" / problem.path).read_text(encoding="utf-8").splitlines()
    assert catalogue[problem.line - 1] == 'msgid "Ikke i drift"'
    assert "status: 'I drift' and 'Ikke i drift' are both translated 'In operation'" in str(problem)


def test_a_package_frictionless_rejects_is_reported_at_its_line(tmp_path):
    root = tree(tmp_path / "project")
    data = root / "source" / "clinics" / "clinics.csv"
    data.write_text(CSV + "c,Helse Sør,X,i-drift,true,,2012,-1,,2014-09,,\n", encoding="utf-8")
    target = tmp_path / "site" / "en" / "dev" / "data"
    problems, digest = publish(
        target, FolderTree(root), Edition("dev", None, "en", "nb"), FolderTree(root), set()
    )
    assert digest is None
    found = {(p.path.name, p.line) for p in problems}
    assert ("clinics.csv", 4) in found  # the region and the negative count, on the row's line
    assert ("clinics-labelled.json", 4) in found
    assert all(p.message for p in problems)


def test_two_writes_are_byte_identical_and_a_valid_package_is_not_checked_again(tmp_path, monkeypatch):
    _, target, digest = package(tmp_path)
    first = {path.name: path.read_bytes() for path in target.iterdir()}
    import clinic_package

    monkeypatch.setattr(clinic_package, "validate", lambda target: pytest.fail("validated again"))
    problems, again = publish(
        target,
        FolderTree(tmp_path / "project"),
        Edition("dev", None, "en", "nb"),
        FolderTree(tmp_path / "empty"),
        {digest},
    )
    assert problems == [] and again == digest
    assert {path.name: path.read_bytes() for path in target.iterdir()} == first


def test_the_data_page_gets_the_files_with_their_schemas(tmp_path):
    package(tmp_path)
    files = data_files(tmp_path / "site" / "en" / "dev", lambda word: f"<{word}>")
    assert [(f.path, f.format, f.schema) for f in files] == [
        ("data/datapackage.json", "json", None),
        ("data/clinics.csv", "csv", "data/clinics.schema.json"),
        ("data/clinics-labelled.json", "json", "data/clinics-labelled.schema.json"),
    ]
    assert files[0].description.startswith("<Beskrivelse av datapakken")
    assert all(isinstance(f, DataFile) and f.description for f in files)
    assert data_files(tmp_path / "nowhere", str) == []


# The real site -----------------------------------------------------------------------------------


def _page_cells(page: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The directory table of a built page: {column key: head}, {row id: {column key: text}}."""
    table = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
        "table.clinic-directory-table"
    )
    heads = {th["data-key"]: th.get_text() for th in table.select("thead th")}
    keys = list(heads)
    rows = {
        tr["id"].removeprefix("clinic-"): dict(
            zip(keys, (c.get_text() for c in tr.find_all(["th", "td"])), strict=True)
        )
        for tr in table.select("tbody tr")
    }
    return heads, rows


def test_every_language_and_edition_has_a_valid_package_that_says_what_its_page_says(assembled_site):
    editions = releases()
    current = next(e for e in editions if e.current)
    folders = [(lang, e.name, e.commit) for e in editions for lang in e.languages]
    folders += [(lang, "latest", current.commit) for lang in current.languages]
    folders += [(code, "dev", None) for code, entry in languages().items() if entry.published]
    assert {name for _, name, _ in folders} >= {"2026.1", "2026.2", "latest", "dev"}
    for lang, name, commit in folders:
        folder = assembled_site / lang / name
        data = folder / "data"
        where = f"{lang}/{name}"
        report = frictionless.validate(str(data / DESCRIPTOR))
        assert report.valid, (where, report.flatten(["type", "message"]))
        expected = (
            (PROJECT / "source" / "clinics" / "clinics.csv").read_bytes()
            if commit is None
            else subprocess.run(
                ["git", "show", f"{commit}:source/clinics/clinics.csv"],
                cwd=PROJECT,
                capture_output=True,
                check=True,
            ).stdout
        )
        assert (data / "clinics.csv").read_bytes() == expected, where
        source_rows = list(csv.DictReader(io.StringIO(expected.decode("utf-8"))))
        rows = labelled(data)
        assert [r["id"] for r in rows] == [r["id"] for r in source_rows], where
        schema = json.loads((data / JSON_SCHEMA).read_text(encoding="utf-8"))
        titles = {field["name"]: field["title"] for field in schema["fields"]}
        heads, cells = _page_cells(folder / "guideline" / "clinic-overview.html")
        for column in ("region", "status", "referrals", "consultations", "waiting", "needs"):
            field = {"waiting": "waiting_weeks"}.get(column, column)
            assert titles[field] == heads[column], (where, column)
        yes = next(f for f in schema["fields"] if f["name"] == "regional_centre")["trueValues"][0]
        for row in rows:
            shown = cells[row["id"]]
            assert row["region"] == shown["region"], (where, row["id"])
            assert row["status"] == shown["status"], (where, row["id"])
            assert ", ".join(row["staff"] or []) == shown["staff"].replace("–", ""), (where, row["id"])
            assert (row["regional_centre"] == yes) == (shown["centre"] == yes), (where, row["id"])
            for figure, reason, column in (
                ("referrals", "activity_missing_reason", "referrals"),
                ("waiting_weeks", "waiting_missing_reason", "waiting"),
            ):
                value = row[figure]
                text = format_number(value, lang) if value is not None else row[reason] or "–"
                assert text == shown[column], (where, row["id"], column)
            assert (row["needs"] or "–") == shown["needs"], (where, row["id"])
            assert all(field in titles for field in row[UNTRANSLATED])


def test_every_edition_writes_the_same_valid_package_twice(tmp_path):
    """The real editions from their commits (and dev from the working tree), in each language:
    valid, and byte-identical when written again (no time, no order left to chance)."""
    source = next(code for code, entry in languages().items() if entry.source)
    working_tree = FolderTree(PROJECT)
    cases = [
        (e.name, e.date.isoformat(), GitTree(e.commit, PROJECT), lang)
        for e in releases()
        for lang in e.languages
    ]
    cases += [("dev", None, working_tree, code) for code, entry in languages().items() if entry.published]
    for name, date, edition_tree, lang in cases:
        written = []
        for attempt in ("first", "second"):
            target = tmp_path / attempt / lang / name / "data"
            problems, digest = publish(
                target, edition_tree, Edition(name, date, lang, source), working_tree, set()
            )
            assert problems == [], (lang, name, [str(p) for p in problems])
            written.append({path.name: path.read_bytes() for path in sorted(target.iterdir())})
        assert written[0] == written[1], (lang, name)
        assert digest
