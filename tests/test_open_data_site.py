"""The published open data, on the whole assembled site: in every language of every edition (and
latest and dev), recommendations.json valid against its schema, a FHIR bundle that fhir.resources
parses, both matching the pages they were built with, and a data page linked from downloads."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from fhir.resources.R4B.bundle import Bundle
from releases import releases

PROJECT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = PROJECT / "scripts" / "schemas" / "recommendations.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def folders(site: Path) -> list[Path]:
    found = sorted(
        folder
        for lang in site.iterdir()
        if lang.is_dir() and (lang / "dev").is_dir()
        for folder in lang.iterdir()
        if (folder / "index.html").is_file()
    )
    assert len(found) >= 10  # nb: 2026.1, 2026.2, latest, dev; en and da: 2026.2, latest, dev
    return found


def edition_name(folder: Path) -> str:
    current = next(edition for edition in releases() if edition.current)
    return current.name if folder.name == "latest" else folder.name


def shown(folder: Path) -> dict[str, tuple[str, str]]:
    """Each recommendation the edition's pages show: ID → (strength, page)."""
    found: dict[str, tuple[str, str]] = {}
    for page in sorted(folder.rglob("*.html")):
        if any(part.startswith("_") for part in page.relative_to(folder).parts):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("div.recommendation[id^=rec-]"):
            strength = next(c.removeprefix("strength-") for c in block["class"] if c.startswith("strength-"))
            rec_id = block["id"].removeprefix("rec-").upper()
            found.setdefault(rec_id, (strength, page.relative_to(folder).as_posix()))
    return found


def test_every_edition_and_language_has_schema_valid_recommendations(assembled_site: Path):
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for folder in folders(assembled_site):
        data = json.loads((folder / "data" / "recommendations.json").read_text(encoding="utf-8"))
        errors = [error.message for error in validator.iter_errors(data)]
        assert errors == [], (folder, errors[:3])
        assert data["language"] == folder.parent.name
        assert data["release"]["name"] == edition_name(folder)
        assert (
            data["url"] == f"https://example.org/smh/{folder.parent.name}/{edition_name(folder)}/index.html"
        )
        assert (folder / "data" / "recommendations.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()


def test_the_data_matches_the_pages_it_was_built_with(assembled_site: Path):
    """Same IDs and the same strengths as the edition's pages; each address leads to the block."""
    for folder in folders(assembled_site):
        data = json.loads((folder / "data" / "recommendations.json").read_text(encoding="utf-8"))
        active = {rec["id"]: rec for rec in data["recommendations"] if rec["status"] == "active"}
        pages = shown(folder)
        assert {rec_id: strength for rec_id, (strength, _page) in pages.items()} == {
            rec_id: rec["strength"]["code"] for rec_id, rec in active.items()
        }, folder
        root = f"https://example.org/smh/{folder.parent.name}/{edition_name(folder)}/"
        for rec_id, rec in active.items():
            assert rec["url"] == f"{root}{pages[rec_id][1]}#rec-{rec_id.lower()}"
            assert rec["permalink"] == f"https://example.org/smh/{folder.parent.name}/r/{rec_id}/"
            assert (assembled_site / folder.parent.name / "r" / rec_id / "index.html").is_file()
        # The words the pages show for the strengths, in the page's language.
        block = BeautifulSoup((folder / pages["FOR-01"][1]).read_text(encoding="utf-8"), "html.parser")
        word = block.select_one("#rec-for-01 em.rec-strength").get_text()
        assert active["FOR-01"]["strength"]["word"] == word


def test_history_names_the_editions_in_order(assembled_site: Path):
    names = [edition.name for edition in releases()] + ["dev"]
    for folder in folders(assembled_site):
        data = json.loads((folder / "data" / "recommendations.json").read_text(encoding="utf-8"))
        here = names.index(edition_name(folder))
        for rec in data["recommendations"]:
            assert names.index(rec["first_release"]) <= names.index(rec["last_changed"]) <= here, rec["id"]
    first_file = assembled_site / "nb" / names[0] / "data" / "recommendations.json"
    first = json.loads(first_file.read_text(encoding="utf-8"))
    assert {rec["first_release"] for rec in first["recommendations"]} == {names[0]}


@pytest.mark.parametrize("lang", ["nb", "en", "da"])
def test_the_fhir_bundle_parses_with_one_plan_definition_per_recommendation(assembled_site: Path, lang):
    for folder in sorted((assembled_site / lang).iterdir()):
        if not (folder / "data").is_dir():
            continue
        data = json.loads((folder / "data" / "recommendations.json").read_text(encoding="utf-8"))
        bundle = Bundle.model_validate_json((folder / "data" / "recommendations.fhir.json").read_bytes())
        plans = [e.resource for e in bundle.entry if e.resource.__resource_type__ == "PlanDefinition"]
        assert [plan.identifier[0].value for plan in plans] == [rec["id"] for rec in data["recommendations"]]
        for plan, rec in zip(plans, data["recommendations"], strict=True):
            strength = plan.action[0].extension[0].valueCodeableConcept
            assert strength.coding[0].code == rec["strength"]["code"]
            assert strength.text == rec["strength"]["word"]
            assert plan.version == data["release"]["name"] and plan.language == lang
            assert plan.status == ("active" if rec["status"] == "active" else "retired")
            assert plan.relatedArtifact[0].url == rec["url"]
        assert plan.meta.profile == [
            "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-recommendationdefinition"
        ]


def test_a_data_page_per_edition_lists_the_files_and_downloads_links_it(assembled_site: Path):
    for folder in folders(assembled_site):
        page = BeautifulSoup((folder / "data.html").read_text(encoding="utf-8"), "html.parser")
        links = {a["href"] for a in page.select("article table a")}
        for path in sorted((folder / "data").iterdir()):
            assert f"data/{path.name}" in links, (folder, path.name)
        assert "recommendations.json" in page.select_one("pre code").get_text()
        downloads = BeautifulSoup((folder / "downloads.html").read_text(encoding="utf-8"), "html.parser")
        assert downloads.select_one('article a[href="data.html"]'), folder
    english = BeautifulSoup((assembled_site / "en" / "dev" / "data.html").read_text("utf-8"), "html.parser")
    assert english.select_one("h1").get_text() == "Open data"
    assert "Norsk lisens for offentlige data (NLOD)" in english.select_one("article").get_text()
