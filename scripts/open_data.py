"""The recommendations as open data, in each language of each edition: ``data/recommendations.json``
and a FHIR R4 ``Bundle`` of ``PlanDefinition`` resources, ``data/recommendations.fhir.json``.

Both are made when the site is assembled, from what each edition's own build recorded of its
recommendations (``.recommendations.json``, scripts/sphinxext/recommendation_data.py: the
parsed recommendations its pages were built from, in its language). To that the site adds what
no single build knows:

- the edition (name, date, status) and the version-pinned and permanent addresses;
- each recommendation's history, from the builds of all editions in order (in Bokmål, the source
  language): the first edition that had it, and the last that changed its text or strength;
- the recommendations earlier editions had and this one has withdrawn (status ``withdrawn``,
  with the edition that withdrew them, and their text as the last edition that had them gave it);
- where each collection's recommendations come from, with the source's terms of reuse, for the
  collections whose source ``SOURCES`` records (the guideline; a recommendation elsewhere is
  published without one until its source is recorded there).

``recommendations.json`` is checked against ``scripts/schemas/recommendations.schema.json`` (with
jsonschema) before anything is published; a file that does not validate is a problem that stops
the assembly.

FHIR: each recommendation is a PlanDefinition following HL7's Clinical Practice Guidelines
(CPG-on-FHIR, STU2, on FHIR R4) recommendation-definition profile: ``type`` eca-rule, the ID as
``identifier``, ``version`` the edition, ``status`` active or retired, the text as
``description`` and as the one action's description, the strength in the action's
``cqf-strengthOfRecommendation`` extension, and ``relatedArtifact`` for the page and each cited
reference. The guideline's words *skal* and *bør* are not grades on a rating scale (the 2014
guide does not grade its recommendations), so they are not mapped to HL7's strong/weak codes:
they are codes of the project's own code system, which the bundle defines as a CodeSystem
resource (README, "Open data").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BUILD_FILE = ".recommendations.json"  # recommendation_data.FILE
FORMAT = 1
SCHEMA = Path(__file__).resolve().parent / "schemas" / "recommendations.schema.json"
DATA = "data"
JSON_FILE = "recommendations.json"
FHIR_FILE = "recommendations.fhir.json"
PUBLISHER = "Smertehåndboka"
CPG_PROFILE = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-recommendationdefinition"
STRENGTH_EXTENSION = "http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation"
PLAN_TYPES = "http://terminology.hl7.org/CodeSystem/plan-definition-type"

# Where each collection's recommendations come from. Facts from the source record on the
# collection's start page; the terms are those Helsedirektoratet gives for reusing its published
# content (its page on its open API service: NLOD, naming Helsedirektoratet as the source).
SOURCES: dict[str, dict[str, Any]] = {
    "guideline": {
        "publisher": "Helsedirektoratet",
        "year": 2014,
        "work": "Veileder om organisering av tverrfaglige smerteklinikker",
        "attribution": (
            "Helsedirektoratet (2014), veileder om organisering av tverrfaglige smerteklinikker. "
            "Smertehåndboka's rendering: the facts, figures and recommendations are the guide's, "
            "the wording is Smertehåndboka's. Reuse names Helsedirektoratet as the source."
        ),
        "licence": {
            "name": "Norsk lisens for offentlige data (NLOD)",
            "url": "https://www.helsedirektoratet.no/om-oss/apne-data-api/om-api-tjenesten",
        },
    },
}


class OpenDataError(Exception):
    """Data that cannot be published: ``str()`` says which file and why."""


@dataclass(frozen=True)
class Edition:
    """One edition in one language, as the site publishes it."""

    name: str  # 2026.1, …, or dev
    date: str  # ISO date
    status: str  # current, superseded or dev
    build: Mapping[str, Any]  # its .recommendations.json


def read_build(path: Path) -> dict[str, Any]:
    """A build's .recommendations.json, or an OpenDataError that names it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise OpenDataError(f"{path}: cannot read the build's recommendations: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise OpenDataError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None
    if data.get("format") != FORMAT:
        raise OpenDataError(f"{path}: format {data.get('format')!r}, expected {FORMAT}: rebuild it")
    return data


def _signature(rec: Mapping[str, Any]) -> tuple[str, str]:
    return (rec["strength"], rec["text"])


def history(source_builds: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, dict[str, tuple[str, str]]]:
    """For each edition (oldest first, with its source-language build): ID → (first edition that
    had it, last edition up to this one that changed its text or strength)."""
    result: dict[str, dict[str, tuple[str, str]]] = {}
    seen: dict[str, tuple[str, str, tuple[str, str]]] = {}  # ID → first, last changed, signature
    for name, build in source_builds:
        for rec in build["recommendations"]:
            signature = _signature(rec)
            if rec["id"] not in seen:
                seen[rec["id"]] = (name, name, signature)
            elif seen[rec["id"]][2] != signature:
                seen[rec["id"]] = (seen[rec["id"]][0], name, signature)
        present = {rec["id"] for rec in build["recommendations"]}
        result[name] = {
            rec_id: (first, last) for rec_id, (first, last, _s) in seen.items() if rec_id in present
        }
    return result


def _absolute(html: str, root: str) -> str:
    """Links of a recommendation's HTML (relative to its edition's root) made absolute."""
    return re.sub(
        r'(\b(?:href|src)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"',
        lambda m: f'{m[1]}{root}{m[2]}"',
        html,
        flags=re.I,
    )


def _record(rec: Mapping[str, Any], root: str, permalink: str, first: str, last: str) -> dict[str, Any]:
    collection = rec["collection"]
    return {
        "id": rec["id"],
        "status": "active",
        "strength": {"code": rec["strength"], "word": rec["strength_word"]},
        "text": {"plain": rec["text"], "html": _absolute(rec["html"], root)},
        "collection": {"title": rec["collection_title"], "url": f"{root}{collection}/index.html"},
        "chapter": {"title": rec["chapter"], "url": f"{root}{rec['page']}"},
        "section": {
            "title": rec["section"] or rec["chapter"],
            "url": f"{root}{rec['page']}" + (f"#{rec['section_anchor']}" if rec["section_anchor"] else ""),
        },
        "url": f"{root}{rec['page']}#{rec['anchor']}",
        "permalink": permalink,
        "first_release": first,
        "last_changed": last,
        "references": [
            {key: value for key, value in ref.items() if key in ("key", "text", "doi", "pmid", "url")}
            for ref in rec["references"]
            if ref.get("text")
        ],
    }


def document(
    lang: str,
    edition: Edition,
    earlier: Sequence[Edition],
    source_history: Mapping[str, Mapping[str, tuple[str, str]]],
    base_url: str,
) -> dict[str, Any]:
    """recommendations.json of ``edition`` in ``lang``; ``earlier``: the editions before it in
    ``lang`` (oldest first), for the recommendations it has withdrawn."""
    root = f"{base_url}{lang}/{edition.name}/"
    own = source_history.get(edition.name, {})
    records = []
    for rec in edition.build["recommendations"]:
        first, last = own.get(rec["id"], (edition.name, edition.name))
        records.append(_record(rec, root, f"{base_url}{lang}/r/{rec['id']}/", first, last))
    present = {rec["id"] for rec in edition.build["recommendations"]}
    withdrawn: dict[str, dict[str, Any]] = {}
    for before in earlier:  # oldest first: the last edition that had it wins
        before_history = source_history.get(before.name, {})
        for rec in before.build["recommendations"]:
            if rec["id"] in present:
                continue
            first, last = before_history.get(rec["id"], (before.name, before.name))
            record = _record(
                rec, f"{base_url}{lang}/{before.name}/", f"{base_url}{lang}/r/{rec['id']}/", first, last
            )
            withdrawn[rec["id"]] = record
    names = [e.name for e in earlier] + [edition.name]
    for rec_id, record in withdrawn.items():
        last_with = max(
            (e for e in earlier if any(r["id"] == rec_id for r in e.build["recommendations"])),
            key=lambda e: names.index(e.name),
        )
        record["status"] = "withdrawn"
        record["withdrawn_in"] = names[names.index(last_with.name) + 1]
    all_records = records + [withdrawn[key] for key in sorted(withdrawn)]
    collections = sorted(
        {rec["collection"] for e in (*earlier, edition) for rec in e.build["recommendations"]}
    )
    return {
        "format": FORMAT,
        "publisher": PUBLISHER,
        "release": {"name": edition.name, "date": edition.date, "status": edition.status},
        "language": lang,
        "url": f"{root}index.html",
        "sources": {name: SOURCES[name] for name in collections if name in SOURCES},
        "recommendations": all_records,
    }


@cache
def _validator() -> Any:
    import jsonschema  # only when data is written: keeps the other scripts' imports lean

    return jsonschema.Draft202012Validator(
        json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker()
    )


def validate(data: Mapping[str, Any], name: str) -> None:
    """Raise OpenDataError naming ``name`` and the first errors if ``data`` breaks the schema."""
    errors = sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path))
    if errors:
        shown = "; ".join(
            f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}" for error in errors[:5]
        )
        raise OpenDataError(f"{name}: does not match {SCHEMA.name}: {shown}")


# FHIR ------------------------------------------------------------------------------------------


def _fhir_name(rec_id: str) -> str:
    return rec_id.replace("-", "_")


def fhir_bundle(
    data: Mapping[str, Any], base_url: str, title: Callable[..., str], strength_words: Mapping[str, str]
) -> dict[str, Any]:
    """A FHIR R4 Bundle (type collection) of one PlanDefinition per recommendation of ``data``,
    and the CodeSystem of the guideline's strength words. ``title(id=…)``: "Recommendation {id}" in
    the file's language; ``strength_words``: the language's word for skal and bør."""
    lang = data["language"]
    release = data["release"]
    system = f"{base_url}fhir/CodeSystem/strength"
    entries = []
    code_system = {
        "resourceType": "CodeSystem",
        "id": "strength",
        "url": system,
        "version": release["name"],
        "name": "SmertehandbokaStrength",
        "status": "active" if release["status"] != "dev" else "draft",
        "experimental": release["status"] == "dev",
        "publisher": PUBLISHER,
        "language": lang,
        "content": "complete",
        "caseSensitive": True,
        "concept": [{"code": code, "display": strength_words.get(code, code)} for code in ("skal", "bør")],
    }
    entries.append({"fullUrl": f"{system}", "resource": code_system})
    for rec in data["recommendations"]:
        strength = {
            "url": STRENGTH_EXTENSION,
            "valueCodeableConcept": {
                "coding": [
                    {"system": system, "code": rec["strength"]["code"], "display": rec["strength"]["word"]}
                ],
                "text": rec["strength"]["word"],
            },
        }
        related = [
            {
                "type": "documentation",
                "label": rec["chapter"]["title"],
                "display": f"{rec['collection']['title']}: {rec['chapter']['title']}",
                "url": rec["url"],
            }
        ]
        for ref in rec["references"]:
            item = {"type": "citation", "label": ref["key"], "citation": ref["text"]}
            if ref.get("doi"):
                item["url"] = f"https://doi.org/{ref['doi']}"
            elif ref.get("url"):
                item["url"] = ref["url"]
            related.append(item)
        resource = {
            "resourceType": "PlanDefinition",
            "id": rec["id"],
            "meta": {"profile": [CPG_PROFILE]},
            "language": lang,
            "url": f"{base_url}r/{rec['id']}",
            "identifier": [{"system": f"{base_url}r", "value": rec["id"]}],
            "version": release["name"],
            "name": _fhir_name(rec["id"]),
            "title": title(id=rec["id"]),
            "type": {"coding": [{"system": PLAN_TYPES, "code": "eca-rule"}]},
            "status": "active" if rec["status"] == "active" else "retired",
            "experimental": release["status"] == "dev",
            "date": release["date"],
            "publisher": PUBLISHER,
            "description": rec["text"]["plain"],
            "relatedArtifact": related,
            "action": [
                {"title": title(id=rec["id"]), "description": rec["text"]["plain"], "extension": [strength]}
            ],
        }
        entries.append({"fullUrl": f"{base_url}r/{rec['id']}", "resource": resource})
    return {
        "resourceType": "Bundle",
        "id": f"recommendations-{lang}-{release['name']}".replace(".", "-"),
        "language": lang,
        "type": "collection",
        "timestamp": f"{release['date']}T00:00:00Z",
        "entry": entries,
    }


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(folder: Path, data: Mapping[str, Any], bundle: Mapping[str, Any]) -> list[Path]:
    """Write the edition's data files into ``folder/data``; the paths written."""
    target = folder / DATA
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in ((JSON_FILE, data), (FHIR_FILE, bundle)):
        (target / name).write_text(_dump(content), encoding="utf-8")
        written.append(target / name)
    schema = target / SCHEMA.name
    schema.write_bytes(SCHEMA.read_bytes())
    written.append(schema)
    return written
