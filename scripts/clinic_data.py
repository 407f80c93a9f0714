"""The clinic directory's data: ``clinics.csv`` checked against ``clinics.schema.json`` beside it.

Frictionless checks the file against its Table Schema (columns, types, ranges, controlled values,
unique ids, duplicated rows); two rules it cannot express are checked here from the schema's own
``x-`` properties: the staff vocabulary of the list column, and the ``x-rules`` that tie an empty
figure to its reason. Every problem names the physical line of the row it is on, which is not the
row number once a quoted cell spans lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from problems import Problem

if TYPE_CHECKING:
    from frictionless import Schema

# The project's schema: what a data file is checked against when no schema sits beside it.
PROJECT_SCHEMA = Path(__file__).resolve().parent.parent / "source" / "clinics" / "clinics.schema.json"
HEADER_ERRORS = {"extra-label", "missing-label", "incorrect-label", "blank-label", "duplicate-label"}


@dataclass(frozen=True)
class Clinic:
    """One unit of the directory, with the figures typed and the dates they refer to."""

    id: str
    region: str
    unit: str
    hospital: str
    status: str
    regional_centre: bool
    staff: tuple[str, ...]
    activity_year: int
    referrals: int | None
    interdisciplinary_referrals: int | None
    interdisciplinary_percent: float | None
    interdisciplinary_approximate: bool
    interdisciplinary_text: str
    consultations: int | None
    activity_missing_reason: str
    waiting_month: tuple[int, int]
    waiting_weeks: int | None
    waiting_missing_reason: str
    needs: str
    notes: str
    line: int

    @property
    def name(self) -> str:
        return f"{self.unit}, {self.hospital}" if self.unit else self.hospital


class ClinicDataError(Exception):
    """The data has problems; ``problems`` lists them as ``FILE:LINE: column: message``."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def schema_path(data: Path) -> Path:
    """The schema that belongs to a data file: ``clinics.csv`` → ``clinics.schema.json`` beside it."""
    return data.with_name(f"{data.stem}.schema.json")


def _record_lines(text: str) -> list[int]:
    """The physical line each CSV record starts on; index 0 is the header (row number 1)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    starts, previous_end = [], 0
    for _record in reader:
        starts.append(previous_end + 1)
        previous_end = reader.line_num
    return starts


def _undecodable_line(raw: bytes) -> tuple[int, str] | None:
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            return number, f"byte {line[error.start]:#04x} at column {error.start + 1}"
    return None


def _first_line(note: str, lines: list[int]) -> str:
    """Frictionless names the earlier row by its row number; the editor needs its line."""
    match = re.search(r"(\d+)", note)
    return f"first on line {lines[int(match.group(1)) - 1]}" if match else note


def _message(error: Any, schema: Schema, lines: list[int]) -> str:
    """Frictionless's own note, phrased for an editor who has the file open."""
    kind, cell = error.type, getattr(error, "cell", None)
    note = getattr(error, "note", "")
    if kind == "missing-cell":
        return "missing cell: the row has fewer cells than there are columns"
    if kind == "extra-cell":
        return f"surplus cell {cell!r}: the row has more cells than there are columns"
    if kind == "type-error":
        field = schema.get_field(error.field_name)
        return f"{cell!r} is not a valid {field.type}"
    if kind == "constraint-error":
        if "required" in note:
            return "required, but blank"
        if "enum" in note:
            allowed = ", ".join(schema.get_field(error.field_name).constraints["enum"])
            return f"{cell!r} is not one of: {allowed}"
        if "minimum" in note or "maximum" in note:
            constraints = schema.get_field(error.field_name).constraints
            low, high = constraints.get("minimum"), constraints.get("maximum")
            allowed = f"between {low} and {high}" if high is not None else f"at least {low}"
            return f"{cell} is out of range: must be {allowed}"
        if "pattern" in note:
            return f"{cell!r} is not an ASCII kebab-case identifier"
        return f"{cell!r} breaks the constraint: {note}"
    if kind in {"unique-error", "primary-key"}:
        return f"duplicate id {cell!r}, {_first_line(note, lines)}"
    if kind == "duplicate-row":
        return f"duplicated row, {_first_line(note, lines)}"
    if kind == "blank-row":
        return "blank row"
    return error.message


def _header_problems(path: Path, labels: list[str], schema: Schema) -> list[Problem]:
    expected = schema.field_names
    if labels == expected:
        return []
    for position, name in enumerate(expected):
        found = labels[position] if position < len(labels) else None
        if found != name:
            where = f"found {found!r}" if found is not None else "the header ends before it"
            if found in expected:
                belongs = expected.index(found) + 1
                where += f" (the columns are out of order: {found!r} belongs at position {belongs})"
            return [Problem(path, 1, f"{name}: expected column {name!r} at position {position + 1}, {where}")]
    surplus = labels[len(expected)]
    return [Problem(path, 1, f"{surplus or '(blank)'}: surplus column at position {len(expected) + 1}")]


def _filled(row: dict[str, Any], name: str) -> bool:
    return row.get(name) not in (None, "", [])


def _rule_problems(rule: dict[str, Any], row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The ``x-rules`` of the schema: which figures must be empty or filled together."""
    if "at_most_one_of" in rule:
        filled = [name for name in rule["at_most_one_of"] if _filled(row, name)]
        if len(filled) > 1:
            yield filled[1], f"only one of {', '.join(rule['at_most_one_of'])} may be filled"
        return
    if "when_empty" in rule:
        subject, applies = rule["when_empty"], not _filled(row, rule["when_empty"])
        condition = "is empty"
    elif "when_filled" in rule:
        subject, applies = rule["when_filled"], _filled(row, rule["when_filled"])
        condition = "is filled"
    else:
        subject, applies = rule["when_true"], row.get(rule["when_true"]) is True
        condition = "is true"
    if not applies:
        return
    if "requires" in rule and not _filled(row, rule["requires"]):
        yield rule["requires"], f"required when {subject} {condition}: give the reason the figure is missing"
    if "requires_one_of" in rule and not any(_filled(row, name) for name in rule["requires_one_of"]):
        yield subject, f"{condition}, so one of {', '.join(rule['requires_one_of'])} must be filled"
    for name in rule.get("requires_empty", []):
        if _filled(row, name):
            yield name, f"must be empty when {subject} {condition}"


def _row_problems(row: dict[str, Any], schema: Schema) -> Iterator[tuple[str, str]]:
    for field in schema.fields:
        vocabulary = field.custom.get("x-vocabulary")
        if vocabulary and row.get(field.name):
            for item in row[field.name]:
                if item not in vocabulary:
                    yield field.name, f"unknown category {item!r}: use one of {', '.join(vocabulary)}"
    for rule in schema.custom.get("x-rules", []):
        yield from _rule_problems(rule, row)


def _validate(path: Path, schema_file: Path) -> tuple[list[Problem], list[dict[str, Any]], list[int]]:
    # Imported here, not at the top: frictionless costs ~0.7 s, and a build whose data is
    # unchanged since its last check does not validate again (clinic_directory.check_data).
    from frictionless import Checklist, Dialect, Resource, Schema, checks, formats

    raw = path.read_bytes()
    bad = _undecodable_line(raw)
    if bad:
        return [Problem(path, bad[0], f"(file): not UTF-8: {bad[1]}; save the file as UTF-8")], [], []
    text = raw.decode("utf-8")
    lines = _record_lines(text)
    schema = Schema.from_descriptor(json.loads(schema_file.read_text(encoding="utf-8")))
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    problems = _header_problems(path, first, schema)
    if problems:
        return problems, [], lines
    resource = Resource(
        path=path.name,
        basepath=str(path.resolve().parent),
        schema=schema,
        encoding="utf-8",
        format="csv",
        dialect=Dialect(header_rows=[1], controls=[formats.CsvControl(delimiter=",", quote_char='"')]),
    )
    report = resource.validate(checklist=Checklist(checks=[checks.duplicate_row()]))
    reported: set[tuple[int, str]] = set()
    for error in report.tasks[0].errors if report.tasks else []:
        if error.type in HEADER_ERRORS:
            continue  # compared above, with the schema's order
        number = getattr(error, "row_number", None)
        if number is None:
            problems.append(Problem(path, 1, f"(file): {error.message}"))
            continue
        column = getattr(error, "field_name", None) or "(row)"
        if error.type == "primary-key" and ((number, "id") in reported or "None" in error.note):
            continue  # reported already as a unique id, or a blank row
        if error.type == "extra-cell":
            column = "(surplus)"
        reported.add((number, column))
        line = lines[number - 1] if number <= len(lines) else number
        problems.append(Problem(path, line, f"{column}: {_message(error, schema, lines)}"))
    for error in report.errors:
        problems.append(Problem(path, 1, f"(file): {error.message}"))
    rows: list[dict[str, Any]] = []
    with resource:
        for row in resource.row_stream:
            rows.append(row.to_dict())
            number = row.row_number
            if not row.valid:
                continue
            for column, message in _row_problems(row.to_dict(), schema):
                problems.append(Problem(path, lines[number - 1], f"{column}: {message}"))
    return sorted(set(problems)), rows, lines


def _load(path: Path, schema: Path | None) -> tuple[list[Problem], list[dict[str, Any]], list[int]]:
    if schema is None:
        beside = schema_path(path)
        schema = beside if beside.is_file() else PROJECT_SCHEMA
    if not path.is_file():
        return [Problem(path, 0, "(file): no such file")], [], []
    if not schema.is_file():
        return [Problem(path, 0, f"(file): no schema {schema} for the data")], [], []
    return _validate(path, schema)


def check_clinics(path: Path, schema: Path | None = None) -> list[Problem]:
    """Every problem of the data file, ``[]`` when it is clean.

    The schema defaults to the one beside the file, else the project's own.
    """
    return _load(path, schema)[0]


def read_clinics(path: Path, schema: Path | None = None) -> list[Clinic]:
    """The units of a clean data file, in file order; raises ClinicDataError otherwise."""
    problems, rows, lines = _load(path, schema)
    if problems:
        raise ClinicDataError(problems)
    return [_clinic(row, line) for row, line in zip(rows, lines[1:], strict=True)]


def _clinic(row: dict[str, Any], line: int) -> Clinic:
    text = {name: row.get(name) or "" for name in ("unit", "interdisciplinary_text", "needs", "notes")}
    reasons = {name: row.get(name) or "" for name in ("activity_missing_reason", "waiting_missing_reason")}
    month = row["waiting_month"]
    return Clinic(
        id=row["id"],
        region=row["region"],
        hospital=row["hospital"],
        status=row["status"],
        regional_centre=row["regional_centre"],
        staff=tuple(row.get("staff") or ()),
        activity_year=row["activity_year"],
        referrals=row.get("referrals"),
        interdisciplinary_referrals=row.get("interdisciplinary_referrals"),
        interdisciplinary_percent=_number(row.get("interdisciplinary_percent")),
        interdisciplinary_approximate=row["interdisciplinary_approximate"],
        consultations=row.get("consultations"),
        waiting_month=(month.year, month.month),
        waiting_weeks=row.get("waiting_weeks"),
        line=line,
        **text,
        **reasons,
    )


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # Decimal in frictionless


def vocabulary(path: Path, column: str) -> list[str]:
    """The controlled values of ``column``: its enum, or its ``x-vocabulary`` for a list column."""
    field = json.loads(schema_path(path).read_text(encoding="utf-8"))
    for descriptor in field["fields"]:
        if descriptor["name"] == column:
            return descriptor.get("constraints", {}).get("enum") or descriptor.get("x-vocabulary", [])
    raise KeyError(column)
