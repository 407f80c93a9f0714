"""The clinic directory as open data: a Frictionless data package in every edition and language.

The site assembly writes ``<site>/<lang>/<edition>/data/`` for each edition in each of its
languages and for ``dev`` (``latest`` is the current edition's folder again):

- ``clinics.csv`` and ``clinics.schema.json``: the checked data and its Table Schema, byte for
  byte as they are in that edition's commit (``dev``: the working tree). Codes, not words
  (``i-drift``, ``fysikalsk-medisiner``), the same file in every language.
- ``clinics-labelled.json``: the same rows, one JSON object per row and per line, keyed by the
  same field names (machine keys, never translated). The controlled values are the words the
  directory page shows, in the page's language: region, operating status, staff categories, and
  yes/no for the boolean fields (a boolean field of the JSON schema names its words as
  ``trueValues``/``falseValues``, so a Frictionless reader still gets booleans). The free-text
  cells (reasons, needs, the source's words, the editors' notes) are taken from that edition's
  clinic-data catalogue; where it has no translation the cell stays in Bokmål, and the row's
  ``untranslated`` field lists it (as it lists a controlled value no catalogue translates). Names
  of units and hospitals stay as the source gives them, and figures stay numbers.
- ``clinics-labelled.schema.json``: the JSON rows' Table Schema: the CSV's fields in the same
  order with their titles, enum values and vocabularies in the page's language.
- ``datapackage.json``: a Data Package v2 descriptor. v2 because the project's Table Schema
  already uses v2's ``list`` type (the staff column), which v1 has not; frictionless 5.21 reads
  and validates v2. Name, version (the edition), title and description in the page's language,
  ``sources`` (the guide whose 2013 survey the rows come from). No licence: the project states
  none yet, and none is invented here.

Words come first from the edition's own catalogue (``translations/<lang>/LC_MESSAGES/
smertehandboka.po`` of its commit), which is what its directory page shows; a word the edition
never had (a title added later) from the working tree's catalogue, as the site's menus are; else
Bokmål. Nothing depends on the time: the only date is the edition's own.

Before anything is published, two controlled values that one translation made the same word, and
every problem ``frictionless validate`` finds in the package, are reported as ``FILE:LINE:
message``. A package that passed is remembered by its digest, so a rebuild with unchanged data does
not import or run frictionless again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from clinic_messages import FREE_TEXT
from edition_changes import CLINICS, Catalogue, Tree
from site_menus import N_

from clinic_data import _record_lines, schema_path
from problems import Problem

sys.path.insert(0, str(Path(__file__).resolve().parent / "sphinxext"))
from clinic_directory import REGIONS, STAFF, STATUS
from number_format import format_month

FOLDER = "data"
DESCRIPTOR = "datapackage.json"
CSV_FILE = PurePosixPath(CLINICS).name
CSV_SCHEMA = schema_path(Path(CSV_FILE)).name
LABELLED = "clinics-labelled"
JSON_FILE, JSON_SCHEMA = f"{LABELLED}.json", f"{LABELLED}.schema.json"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
# The packages that passed frictionless, by digest (in the build folder).
CHECKED = ".checked-data-packages"

# The controlled values' Bokmål words, as the directory shows them (a field's enum value is its own
# word where no table names one, as for the regions).
LABELS: dict[str, Mapping[str, str]] = {"region": REGIONS, "status": STATUS, "staff": STAFF}
YES, NO = N_("ja"), N_("nei")
# The free-text cells: the directory's, and the editors' notes (never translated so far).
TEXT = (*FREE_TEXT, "notes")
UNTRANSLATED = "untranslated"
TITLES = {
    "id": N_("Identifikator"),
    "region": N_("Helseregion"),
    "unit": N_("Enhet"),
    "hospital": N_("Sykehus eller helseforetak"),
    "status": N_("Driftsstatus"),
    "regional_centre": N_("Regionalt smertesenter"),
    "staff": N_("Personell"),
    "activity_year": N_("Året aktivitetstallene gjelder"),
    "referrals": N_("Henvisninger behandlet i {year}"),
    "interdisciplinary_referrals": N_("Behandlet tverrfaglig i {year}, antall"),
    "interdisciplinary_percent": N_("Behandlet tverrfaglig i {year}, prosent"),
    "interdisciplinary_approximate": N_("Behandlet tverrfaglig i {year}, omtrentlig tall"),
    "interdisciplinary_text": N_("Behandlet tverrfaglig i {year}, med kildens ord"),
    "consultations": N_("Konsultasjoner i alt i {year}"),
    "activity_missing_reason": N_("Hvorfor aktivitetstallene mangler"),
    "waiting_month": N_("Måneden ventetiden gjelder"),
    "waiting_weeks": N_("Ventetid i uker, {month}"),
    "waiting_missing_reason": N_("Hvorfor ventetiden mangler"),
    "needs": N_("Hva skal til for mer tverrfaglig arbeid"),
    "notes": N_("Redaksjonens merknader om hvordan raden er lest fra kilden"),
    UNTRANSLATED: N_("Felter som står på bokmål fordi oversettelsen mangler"),
}
PACKAGE_TITLE = N_("Smertehåndboka: oversikt over smerteklinikker")
PACKAGE_DESCRIPTION = N_(
    "De offentlige smerteenhetene i kartleggingen fra 2013, én rad per enhet, slik klinikkoversikten "
    "viser dem: de kontrollerte dataene med kodene og skjemaet, og de samme radene med ord på sidens språk."
)
SOURCE_TITLE = N_(
    "Helsedirektoratet: veileder om organisering av tverrfaglige smerteklinikker (2014), kapittel 10"
)
CSV_TITLE = N_("Klinikkoversikten: kontrollerte data (CSV)")
CSV_DESCRIPTION = N_("Dataene med kodene, sjekket mot skjemaet; den samme filen på alle språk.")
JSON_TITLE = N_("Klinikkoversikten med ord på sidens språk (JSON)")
JSON_DESCRIPTION = N_(
    "De samme radene med de samme feltnavnene; titler, kontrollerte verdier og fritekst på sidens språk."
)
DESCRIPTOR_DESCRIPTION = N_(
    "Beskrivelse av datapakken (Frictionless Data Package v2): filer, skjemaer og kilde."
)


@dataclass(frozen=True)
class DataFile:
    """A file of an edition's data package, for the data page."""

    path: str  # relative to the edition's folder: data/clinics.csv
    format: str  # csv, json
    schema: str | None  # its Table Schema, relative to the edition's folder
    description: str  # in the page's language


@dataclass(frozen=True)
class Edition:
    """The edition a package is written for."""

    name: str  # 2026.2, or dev
    date: str | None  # its publication day (ISO); None for dev
    lang: str
    source_lang: str


class Words:
    """The page language's words: the edition's catalogue, then the working tree's, else Bokmål."""

    def __init__(self, lang: str, source_lang: str, edition: Catalogue, site: Catalogue) -> None:
        self.lang, self.source_lang = lang, source_lang
        self.catalogues = (edition, site)

    def find(self, word: str) -> tuple[str, Catalogue | None]:
        """The word in the page's language, and the catalogue it came from (None: Bokmål)."""
        if self.lang == self.source_lang:
            return word, None
        for catalogue in self.catalogues:
            if word in catalogue.messages:
                return catalogue.messages[word], catalogue
        return word, None

    def __call__(self, word: str) -> str:
        return self.find(word)[0]

    def translated(self, word: str) -> bool:
        return self.lang == self.source_lang or self.find(word)[1] is not None


# Reading the edition's data ---------------------------------------------------------------------


def _typed(field: Mapping[str, Any], text: str) -> Any:
    """A CSV cell as the JSON value of its field's type (the data is checked already; a cell that
    does not read stays text, and frictionless reports it below)."""
    kind = field.get("type", "string")
    try:
        if kind in ("integer", "year"):
            return int(text)
        if kind == "number":
            return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
        if kind == "boolean":
            if text in field.get("trueValues", ("true", "True", "TRUE", "1")):
                return True
            if text in field.get("falseValues", ("false", "False", "FALSE", "0")):
                return False
            return text
        if kind == "list":
            return text.split(field.get("delimiter", ","))
    except ValueError:
        return text
    return text


def rows(data: str, schema: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The CSV's rows, each cell typed by its field (empty: None)."""
    missing = schema.get("missingValues", [""])
    fields = {field["name"]: field for field in schema["fields"]}
    return [
        {
            name: None if row.get(name) in (None, *missing) else _typed(fields[name], row[name])
            for name in fields
        }
        for row in csv.DictReader(io.StringIO(data, newline=""))
    ]


def _single(values: Iterable[Any]) -> Any:
    """The one date a column's figures refer to: the first, as the directory's header shows it."""
    found = sorted({value for value in values if value is not None})
    return found[0] if found else None


# The labelled rows and their schema -------------------------------------------------------------


def _bokmal(field: Mapping[str, Any], code: str) -> str:
    return LABELS.get(field["name"], {}).get(code, code)


def _controlled(field: Mapping[str, Any]) -> list[str]:
    """A field's controlled codes: its enum, its list vocabulary, or True/False."""
    if field.get("type") == "boolean":
        return []
    return list(field.get("constraints", {}).get("enum") or field.get("x-vocabulary") or [])


def _title(field: Mapping[str, Any], words: Words, year: Any, month: str) -> str:
    word = TITLES.get(field["name"])
    if word is None:
        return str(field.get("title", field["name"]))
    return words(word).format(year=year, month=month)


def labelled_schema(
    schema: Mapping[str, Any], table: Sequence[Mapping[str, Any]], words: Words, edition: Edition
) -> dict[str, Any]:
    """The JSON rows' Table Schema: the CSV's fields, titles and controlled values in words."""
    year = _single(row.get("activity_year") for row in table)
    month = _single(row.get("waiting_month") for row in table)
    month_text = format_month(*map(int, month.split("-")), edition.lang) if month else ""
    fields = []
    for field in schema["fields"]:
        out: dict[str, Any] = {"name": field["name"], "type": field.get("type", "string")}
        if "format" in field:
            out["format"] = field["format"]
        out["title"] = _title(field, words, year, month_text)
        if out["type"] == "boolean":
            out["trueValues"], out["falseValues"] = [words(YES)], [words(NO)]
        if out["type"] == "list":
            out["itemType"] = field.get("itemType", "string")
        if "x-vocabulary" in field:
            out["x-vocabulary"] = [words(_bokmal(field, code)) for code in field["x-vocabulary"]]
        constraints = dict(field.get("constraints", {}))
        if "enum" in constraints:
            constraints["enum"] = [words(_bokmal(field, code)) for code in constraints["enum"]]
        if constraints:
            out["constraints"] = constraints
        fields.append(out)
    fields.append(
        {
            "name": UNTRANSLATED,
            "type": "list",
            "itemType": "string",
            "title": words(TITLES[UNTRANSLATED]),
            "constraints": {"required": True},
        }
    )
    result: dict[str, Any] = {"$schema": SCHEMA_PROFILE, "title": words(JSON_TITLE), "fields": fields}
    if "primaryKey" in schema:
        result["primaryKey"] = schema["primaryKey"]
    return result


def labelled_rows(
    schema: Mapping[str, Any], table: Sequence[Mapping[str, Any]], words: Words, free_text: Catalogue
) -> list[dict[str, Any]]:
    """The rows with their controlled values and free text in the page's language."""
    out = []
    for row in table:
        labelled: dict[str, Any] = {}
        untranslated = []
        for field in schema["fields"]:
            name, value = field["name"], row.get(field["name"])
            if value is None:
                labelled[name] = None
                continue
            if field.get("type") == "boolean" and isinstance(value, bool):
                word = YES if value else NO
                labelled[name] = words(word)
                shown = [word]
            elif _controlled(field):
                codes = value if isinstance(value, list) else [value]
                shown = [_bokmal(field, code) for code in codes]
                texts = [words(word) for word in shown]
                labelled[name] = texts if isinstance(value, list) else texts[0]
            elif name in TEXT and words.lang != words.source_lang:
                labelled[name] = free_text.messages.get(value, value)
                if value not in free_text.messages:
                    untranslated.append(name)
                continue
            else:
                labelled[name] = value
                continue
            if not all(words.translated(word) for word in shown):
                untranslated.append(name)
        labelled[UNTRANSLATED] = untranslated
        out.append(labelled)
    return out


def ambiguous(schema: Mapping[str, Any], words: Words, edition: str) -> list[Problem]:
    """Two controlled values of a field that a catalogue translates into one word: the labelled
    rows could no longer tell them apart."""
    problems = []
    for field in schema["fields"]:
        if field.get("type") == "boolean":
            bokmal = [YES, NO]
        else:
            bokmal = [_bokmal(field, code) for code in _controlled(field)]
        seen: dict[str, str] = {}
        for word in bokmal:
            text, catalogue = words.find(word)
            if text in seen and seen[text] != word:
                where = Path(catalogue.path) if catalogue else Path(CLINICS)
                line = catalogue.lines.get(word, 1) if catalogue else 1
                problems.append(
                    Problem(
                        where,
                        line,
                        f"{field['name']}: {seen[text]!r} and {word!r} are both translated {text!r} "
                        f"({words.lang}, edition {edition}); give each its own word, or the data "
                        f"package's labelled rows cannot tell them apart",
                    )
                )
            seen.setdefault(text, word)
    return problems


# Writing ----------------------------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _json_rows(table: Sequence[Mapping[str, Any]]) -> str:
    """One row per line (line N holds the row frictionless numbers N), so a problem names its line."""
    return "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in table) + "\n]\n"


def descriptor(edition: Edition, words: Words) -> dict[str, Any]:
    package: dict[str, Any] = {
        "$schema": PACKAGE_PROFILE,
        "name": "smertehandboka-clinics",
        "title": words(PACKAGE_TITLE),
        "description": words(PACKAGE_DESCRIPTION),
        "version": edition.name,
    }
    if edition.date:
        package["x-published"] = edition.date
    package["x-language"] = edition.lang
    package["sources"] = [{"title": words(SOURCE_TITLE)}]
    package["resources"] = [
        {
            "name": "clinics",
            "type": "table",
            "path": CSV_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "schema": CSV_SCHEMA,
            "title": words(CSV_TITLE),
            "description": words(CSV_DESCRIPTION),
        },
        {
            "name": LABELLED,
            "type": "table",
            "path": JSON_FILE,
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "schema": JSON_SCHEMA,
            "title": words(JSON_TITLE),
            "description": words(JSON_DESCRIPTION),
        },
    ]
    return package


def write(target: Path, tree: Tree, edition: Edition, site: Tree) -> list[Problem]:
    """Write the edition's data package into ``target`` (its ``data/`` folder), from the edition's
    own files (``tree``) and, for words it never had, the working tree's catalogue (``site``).
    Return the problems that forbid publishing it ([] when it was written)."""
    data, schema_text = tree.read_bytes(CLINICS), tree.read_bytes(str(schema_path(PurePosixPath(CLINICS))))
    if data is None or schema_text is None:
        return [
            Problem(Path(CLINICS), 0, f"edition {edition.name} has no clinic data or no schema beside it")
        ]
    schema = json.loads(schema_text)
    words = Words(
        edition.lang,
        edition.source_lang,
        Catalogue.of(tree, edition.lang, "smertehandboka"),
        Catalogue.of(site, edition.lang, "smertehandboka"),
    )
    problems = ambiguous(schema, words, edition.name)
    if problems:
        return problems
    table = rows(data.decode("utf-8"), schema)
    free_text = Catalogue.of(tree, edition.lang, "clinic-data")
    target.mkdir(parents=True, exist_ok=True)
    (target / CSV_FILE).write_bytes(data)
    (target / CSV_SCHEMA).write_bytes(schema_text)
    (target / JSON_FILE).write_text(
        _json_rows(labelled_rows(schema, table, words, free_text)), encoding="utf-8"
    )
    (target / JSON_SCHEMA).write_text(_json(labelled_schema(schema, table, words, edition)), encoding="utf-8")
    (target / DESCRIPTOR).write_text(_json(descriptor(edition, words)), encoding="utf-8")
    return []


def digest(target: Path) -> str:
    """The package's files, as one digest."""
    found = hashlib.sha256()
    for path in sorted(target.iterdir()):
        found.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def validate(target: Path) -> list[Problem]:
    """Every problem frictionless finds in the package, at the line of the file it is on."""
    from frictionless import validate as frictionless_validate  # ~0.8 s: only when a package changed

    descriptor_path = target / DESCRIPTOR
    report = frictionless_validate(str(descriptor_path))
    problems = [Problem(descriptor_path, 1, error.message) for error in report.errors]
    resources = json.loads(descriptor_path.read_text(encoding="utf-8"))["resources"]
    paths = {resource["name"]: target / resource["path"] for resource in resources}
    for task in report.tasks:
        path = paths.get(task.name, descriptor_path)
        lines = _record_lines(path.read_text(encoding="utf-8")) if path.suffix == ".csv" else None
        for error in task.errors:
            number = getattr(error, "row_number", None)
            if number is None:
                line = 1
            elif lines is not None:
                line = lines[number - 1] if number <= len(lines) else number
            else:
                line = number  # the JSON rows: row N is on line N
            problems.append(Problem(path, line, error.message))
    return sorted(set(problems))


def publish(
    target: Path, tree: Tree, edition: Edition, site: Tree, checked: set[str]
) -> tuple[list[Problem], str | None]:
    """Write and validate one package; (problems, its digest once valid). ``checked`` holds the
    digests of packages that passed before: those are not validated again."""
    problems = write(target, tree, edition, site)
    if problems:
        return problems, None
    found = digest(target)
    if found in checked:
        return [], found
    problems = validate(target)
    return problems, None if problems else found


def read_checked(build_dir: Path) -> set[str]:
    path = build_dir / CHECKED
    return set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()


def write_checked(build_dir: Path, digests: Iterable[str]) -> None:
    (build_dir / CHECKED).write_text("".join(f"{d}\n" for d in sorted(set(digests))), encoding="utf-8")


def data_files(folder: Path, word: Callable[[str], str]) -> list[DataFile]:
    """The data package's files in an edition's folder (``<site>/<lang>/<edition>/``), as the data
    page lists them: the descriptor, then each resource with its schema. ``word`` translates the
    descriptor's own description (``assemble_site.translate`` in the page's language)."""
    path = folder / FOLDER / DESCRIPTOR
    if not path.is_file():
        return []
    package = json.loads(path.read_text(encoding="utf-8"))
    found = [DataFile(f"{FOLDER}/{DESCRIPTOR}", "json", None, word(DESCRIPTOR_DESCRIPTION))]
    for resource in package["resources"]:
        schema = resource.get("schema")
        found.append(
            DataFile(
                f"{FOLDER}/{resource['path']}",
                resource["format"],
                f"{FOLDER}/{schema}" if isinstance(schema, str) else None,
                resource.get("description", ""),
            )
        )
    return found
