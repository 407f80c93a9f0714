"""The recommendations as data: what a build records of them (recommendation_data.py) at any -j
and after an incremental build, the same from an edition's leftover build (edition_data.py), and
what the site makes of it (open_data.py: history, withdrawn ones, the schema, FHIR)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import open_data
import pytest
from conftest import PROJECT, sphinx_build

ROOT = PROJECT / "tests" / "roots" / "test-recommendation-data"
BASE = "https://example.org/smh/"


def recorded(out: Path) -> dict:
    return json.loads((out / ".recommendations.json").read_text(encoding="utf-8"))


def test_a_build_records_each_recommendation_as_its_page_shows_it(tmp_path):
    result = sphinx_build(ROOT, tmp_path / "out", tmp_path / "doctrees", 1)
    assert result.returncode == 0, result.stderr
    data = recorded(tmp_path / "out")
    assert data["language"] == "nb"
    recs = {rec["id"]: rec for rec in data["recommendations"]}
    assert [rec["id"] for rec in data["recommendations"]] == [
        f"TST-0{i}" for i in range(1, 7)
    ]  # reading order
    two = recs["TST-02"]
    assert (two["strength"], two["strength_word"]) == ("bør", "bør")
    assert two["text"].startswith("Anbefaling nummer 2 bør følges av alle, slik Del 1 sier")
    assert (two["collection"], two["chapter"], two["section"]) == ("guideline", "Kapittel 2", "Del 2")
    assert (two["page"], two["anchor"], two["section_anchor"]) == (
        "guideline/p2.html",
        "rec-tst-02",
        "side-2-del",
    )
    assert two["collection_title"] == "Veileder"
    # Links in the HTML are relative to the build's root, not to the page.
    assert 'href="guideline/p1.html#side-1-del"' in two["html"]
    assert 'href="guideline/p2.html#' in two["html"]  # the citation's link to the page's own list
    assert two["references"] == [
        {
            "key": "hansen2020",
            "text": two["references"][0]["text"],
            "doi": "10.1234/test.2020.1",
            "pmid": "12345678",
        }
    ]
    assert "smerteklinikker i norge" in two["references"][0]["text"].lower()
    assert recs["TST-01"]["references"] == [] and recs["TST-01"]["strength"] == "skal"


def test_the_same_record_at_any_j_and_after_an_incremental_build(tmp_path):
    found = {}
    for jobs in (1, 4):
        result = sphinx_build(ROOT, tmp_path / f"out{jobs}", tmp_path / f"doctrees{jobs}", jobs)
        assert result.returncode == 0, result.stderr
        found[jobs] = (tmp_path / f"out{jobs}" / ".recommendations.json").read_bytes()
    assert found[1] == found[4]
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    assert sphinx_build(source, tmp_path / "inc", tmp_path / "dinc", 4).returncode == 0
    page = source / "guideline" / "p5.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("følges av alle", "gjelder alle"), encoding="utf-8"
    )
    assert sphinx_build(source, tmp_path / "inc", tmp_path / "dinc", 4).returncode == 0
    before = {rec["id"]: rec for rec in json.loads(found[4])["recommendations"]}
    after = {rec["id"]: rec for rec in recorded(tmp_path / "inc")["recommendations"]}
    assert after["TST-05"]["text"] == "Anbefaling nummer 5 skal gjelder alle."
    assert {k: v for k, v in after.items() if k != "TST-05"} == {
        k: v for k, v in before.items() if k != "TST-05"
    }
    # A page removed: its recommendation leaves the record.
    (source / "guideline" / "p6.md").unlink()
    index = source / "guideline" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("p6\n", ""), encoding="utf-8")
    assert sphinx_build(source, tmp_path / "inc", tmp_path / "dinc", 4).returncode == 0
    assert "TST-06" not in {rec["id"] for rec in recorded(tmp_path / "inc")["recommendations"]}


def test_an_editions_leftover_build_gives_the_same_record(tmp_path):
    """edition_data.py, as build_releases runs it over an old edition: the same bytes from the
    environment and doctrees the build left, and nothing in the output folder changes."""
    # The checkout is a project with conf.py beside source/, as an edition's commit is.
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout / "source")
    (checkout / "conf.py").write_text(
        (ROOT / "conf.py").read_text(encoding="utf-8").replace('"refs.bib"', '"source/refs.bib"'),
        encoding="utf-8",
    )
    # Its own build, as its Makefile would run it (conf.py beside source/).
    build = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "sphinx_build.py"),
            *("-b", "html", "-q", "-c", str(checkout), "-d", str(tmp_path / "edition-doctrees")),
            str(checkout / "source"),
            str(tmp_path / "edition-out"),
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PROJECT / "scripts" / "sphinxext"), "PATH": "/usr/bin:/bin"},
    )
    assert build.returncode == 0, build.stderr
    own = (tmp_path / "edition-out" / ".recommendations.json").read_bytes()
    (tmp_path / "edition-out" / ".recommendations.json").unlink()
    written = {p: p.read_bytes() for p in (tmp_path / "edition-out").rglob("*") if p.is_file()}
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "edition_data.py"),
            str(checkout),
            str(tmp_path / "edition-doctrees"),
            str(tmp_path / "again.json"),
            "nb",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again.json").read_bytes() == own
    assert {p: p.read_bytes() for p in (tmp_path / "edition-out").rglob("*") if p.is_file()} == written
    assert len(written) > 10  # the comparison above is not of an empty folder


def test_edition_data_without_a_build_says_so(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts" / "edition_data.py"),
            str(tmp_path),
            str(tmp_path),
            "x.json",
            "nb",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{tmp_path}: no environment.pickle" in result.stderr
    assert "Traceback" not in result.stderr


# open_data.py -----------------------------------------------------------------------------------


def rec(rec_id: str, strength: str = "skal", text: str = "Tekst.", page: str = "guideline/a.html") -> dict:
    return {
        "id": rec_id,
        "strength": strength,
        "strength_word": {"skal": "must", "bør": "should"}[strength],
        "text": text,
        "html": f'<p>{text} <a href="glossary.html#term-x">x</a> <a href="https://example.com/">y</a></p>',
        "collection": "guideline",
        "collection_title": "Guideline",
        "chapter": "Chapter A",
        "section": "Section A",
        "page": page,
        "anchor": f"rec-{rec_id.lower()}",
        "section_anchor": "section-a",
        "references": [{"key": "k", "text": "Ref. 2020.", "doi": "10.1234/x.1"}],
    }


def build(*recs: dict) -> dict:
    return {"format": 1, "language": "en", "recommendations": list(recs)}


EDITIONS = [
    ("2026.1", build(rec("FOR-01"), rec("FOR-02"), rec("FOR-03", "bør"))),
    ("2026.2", build(rec("FOR-01"), rec("FOR-02", text="Ny tekst."), rec("FOR-03", "skal"))),
    ("dev", build(rec("FOR-01"), rec("FOR-03", "skal"), rec("FOR-04"))),
]


def documents() -> dict[str, dict]:
    history = open_data.history(EDITIONS)
    editions = [
        open_data.Edition(name, f"2026-12-0{index + 1}", status, data)
        for index, ((name, data), status) in enumerate(
            zip(EDITIONS, ("superseded", "current", "dev"), strict=True)
        )
    ]
    return {e.name: open_data.document("en", e, editions[:i], history, BASE) for i, e in enumerate(editions)}


def test_history_first_release_last_change_and_withdrawn():
    docs = documents()
    dev = {r["id"]: r for r in docs["dev"]["recommendations"]}
    assert (dev["FOR-01"]["first_release"], dev["FOR-01"]["last_changed"]) == ("2026.1", "2026.1")
    assert (dev["FOR-03"]["first_release"], dev["FOR-03"]["last_changed"]) == ("2026.1", "2026.2")  # strength
    assert (dev["FOR-04"]["first_release"], dev["FOR-04"]["last_changed"]) == ("dev", "dev")
    withdrawn = dev["FOR-02"]
    assert (withdrawn["status"], withdrawn["withdrawn_in"]) == ("withdrawn", "dev")
    assert withdrawn["text"]["plain"] == "Ny tekst."  # as the last edition that had it
    assert withdrawn["url"] == f"{BASE}en/2026.2/guideline/a.html#rec-for-02"
    assert withdrawn["last_changed"] == "2026.2"
    second = {r["id"]: r for r in docs["2026.2"]["recommendations"]}
    assert second["FOR-02"]["status"] == "active" and "withdrawn_in" not in second["FOR-02"]
    assert second["FOR-02"]["last_changed"] == "2026.2"
    one = dev["FOR-01"]
    assert one["url"] == f"{BASE}en/dev/guideline/a.html#rec-for-01"
    assert one["permalink"] == f"{BASE}en/r/FOR-01/"
    assert f'href="{BASE}en/dev/glossary.html#term-x"' in one["text"]["html"]
    assert 'href="https://example.com/"' in one["text"]["html"]
    assert docs["dev"]["release"] == {"name": "dev", "date": "2026-12-03", "status": "dev"}
    for name, doc in docs.items():
        open_data.validate(doc, name)


def test_the_schema_refuses_what_is_wrong():
    doc = documents()["2026.2"]
    doc["recommendations"][0]["strength"]["code"] = "kan"
    doc["recommendations"][1]["withdrawn_in"] = "2026.2"  # an active one cannot have been withdrawn
    with pytest.raises(open_data.OpenDataError) as error:
        open_data.validate(doc, "en/2026.2/data/recommendations.json")
    message = str(error.value)
    assert message.startswith(
        "en/2026.2/data/recommendations.json: does not match recommendations.schema.json"
    )
    assert "recommendations/0/strength/code: 'kan' is not one of ['skal', 'bør']" in message
    assert "recommendations/1" in message


def test_only_a_recorded_source_is_named():
    odd = rec("UND-01")
    odd["collection"] = "education"
    doc = open_data.document(
        "en", open_data.Edition("dev", "2026-12-01", "dev", build(odd, rec("FOR-01"))), [], {}, BASE
    )
    assert list(doc["sources"]) == ["guideline"]
    assert doc["sources"]["guideline"]["publisher"] == "Helsedirektoratet"
    open_data.validate(doc, "dev")


def test_the_fhir_bundle_parses_with_one_plan_definition_per_recommendation():
    from fhir.resources.R4B.bundle import Bundle

    doc = documents()["dev"]
    bundle = open_data.fhir_bundle(doc, BASE, "Recommendation {id}".format, {"skal": "must", "bør": "should"})
    parsed = Bundle.model_validate(bundle)
    plans = [entry.resource for entry in parsed.entry if entry.resource.__resource_type__ == "PlanDefinition"]
    assert [plan.identifier[0].value for plan in plans] == [r["id"] for r in doc["recommendations"]]
    by_id = {plan.identifier[0].value: plan for plan in plans}
    assert by_id["FOR-02"].status == "retired" and by_id["FOR-01"].status == "active"
    strength = by_id["FOR-03"].action[0].extension[0]
    assert strength.url == open_data.STRENGTH_EXTENSION
    assert strength.valueCodeableConcept.coding[0].code == "skal"
    assert strength.valueCodeableConcept.text == "must"
    assert by_id["FOR-01"].version == "dev" and by_id["FOR-01"].type.coding[0].code == "eca-rule"
    related = by_id["FOR-01"].relatedArtifact
    assert related[0].url == f"{BASE}en/dev/guideline/a.html#rec-for-01"
    assert related[1].type == "citation" and related[1].url == "https://doi.org/10.1234/x.1"
    code_system = next(e.resource for e in parsed.entry if e.resource.__resource_type__ == "CodeSystem")
    assert [c.code for c in code_system.concept] == ["skal", "bør"]
