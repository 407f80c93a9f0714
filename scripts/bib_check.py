"""Checks of BibTeX files, each problem at the line of its entry or field.

Syntax (with the line where parsing failed), keys defined twice in a file or across the files
given, unknown entry types, missing required fields, implausible years, malformed DOIs,
non-numeric PMIDs, page ranges that run backwards, empty author or editor names, files that
are not UTF-8, and one DOI or PMID under two keys. Parsing is pybtex's own (its low-level parser
keeps the raw field values, which its high-level one rewrites: ``A and and B`` becomes a person
called ``and B``). Whether an entry is cited is not judged here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database.input.bibtex import LowLevelParser, month_names
from pybtex.scanner import PybtexSyntaxError

from problems import Problem

# Required fields per entry type; a tuple means "one of these".
REQUIRED_FIELDS: dict[str, list[tuple[str, ...]]] = {
    "article": [("author",), ("title",), ("journal",), ("year",)],
    "book": [("author", "editor"), ("title",), ("publisher",), ("year",)],
    "inbook": [("author", "editor"), ("title",), ("chapter", "pages"), ("publisher",), ("year",)],
    "incollection": [("author",), ("title",), ("booktitle",), ("publisher",), ("year",)],
    "inproceedings": [("author",), ("title",), ("booktitle",), ("year",)],
    "report": [("author", "institution"), ("title",), ("institution",), ("year",)],
    "techreport": [("author", "institution"), ("title",), ("institution",), ("year",)],
    "phdthesis": [("author",), ("title",), ("school",), ("year",)],
    "mastersthesis": [("author",), ("title",), ("school",), ("year",)],
    "manual": [("title",)],
    "online": [("title",), ("url",)],
    "misc": [("title",)],
}
PERSON_FIELDS = ("author", "editor")
NOT_ENTRIES = {"comment", "preamble", "string"}
DOI = re.compile(r"10\.\d{4,9}/\S+")
DOI_WRAPPED = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\S+)", re.IGNORECASE)
PAGE_RANGE = re.compile(r"(\d+)\s*(?:-{1,2}|–)\s*(\d+)")
ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)")
FIELD_START = re.compile(r"^\s*,?\s*([A-Za-z][\w:-]*)\s*=", re.MULTILINE)


@dataclass
class Entry:
    path: Path
    type: str
    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)  # lower-case name -> raw value
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_entries(path: Path, text: str, problems: list[Problem]) -> list[Entry]:
    """Parse one file; syntax errors go to ``problems``, entries are returned with their lines."""
    starts = [m for m in ENTRY_START.finditer(text) if m.group(1).lower() not in NOT_ENTRIES]
    errors: list[Exception] = []
    parser = LowLevelParser(text, handle_error=errors.append, macros=dict(month_names))
    raw_entries = []
    try:
        raw_entries = [item for item in parser if item[0].lower() not in NOT_ENTRIES]
    except PybtexSyntaxError as error:  # an error the parser cannot recover from
        errors.append(error)
    for error in errors:
        line = getattr(error, "lineno", None) or 1
        problems.append(Problem(path, line, f"syntax error: {error.args[0]}"))

    entries = []
    for (entry_type, (key, raw_fields)), start in zip(raw_entries, starts, strict=False):
        span_end = starts[starts.index(start) + 1].start() if start is not starts[-1] else len(text)
        entry = Entry(path, entry_type.lower(), key, _line_at(text, start.start()))
        for name, value in raw_fields:
            entry.fields.setdefault(name.lower(), "".join(value))
        for match in FIELD_START.finditer(text, start.end(), span_end):
            entry.field_lines.setdefault(match.group(1).lower(), _line_at(text, match.start(1)))
        entries.append(entry)
    return entries


def _check_entry(entry: Entry, this_year: int) -> Iterable[tuple[int, str]]:
    required = REQUIRED_FIELDS.get(entry.type)
    if required is None:
        known = ", ".join(sorted(REQUIRED_FIELDS))
        yield entry.line, f"{entry.key}: unknown entry type '{entry.type}' (known: {known})"
        return
    for alternatives in required:
        # An empty author or editor is reported below as an empty name, not as missing.
        if not any(
            entry.fields.get(name, "").strip() or (name in PERSON_FIELDS and name in entry.fields)
            for name in alternatives
        ):
            wanted = " or ".join(f"'{name}'" for name in alternatives)
            yield entry.line, f"{entry.key}: an entry of type '{entry.type}' needs the field {wanted}"

    for name in PERSON_FIELDS:
        if name in entry.fields:
            unbraced = re.sub(r"\{[^{}]*\}", "x", entry.fields[name])  # "{Barnes and Noble}" is one name
            names = re.split(r"(?<!\S)and(?!\S)", unbraced)
            if any(not part.strip() for part in names):
                yield (
                    entry.line_of(name),
                    f"{entry.key}: empty name in '{name}' (look for 'and and' or a stray 'and')",
                )

    year = entry.fields.get("year", "").strip()
    if year and not re.fullmatch(r"\d{4}", year):
        yield entry.line_of("year"), f"{entry.key}: year '{year}' is not four digits"
    elif year and int(year) > this_year + 1:
        yield entry.line_of("year"), f"{entry.key}: year {year} lies after next year"

    doi = entry.fields.get("doi", "").strip()
    if doi and not DOI.fullmatch(doi):
        wrapped = DOI_WRAPPED.fullmatch(doi)
        hint = f"write it as '{wrapped.group(1)}'" if wrapped else "a DOI looks like 10.NNNN/suffix"
        yield entry.line_of("doi"), f"{entry.key}: malformed DOI '{doi}': {hint}"

    pmid = entry.fields.get("pmid", "").strip()
    if pmid and not pmid.isdigit():
        yield entry.line_of("pmid"), f"{entry.key}: PMID '{pmid}' is not a number"

    pages = PAGE_RANGE.fullmatch(entry.fields.get("pages", "").strip())
    if pages and int(pages.group(2)) < int(pages.group(1)):
        yield (
            entry.line_of("pages"),
            f"{entry.key}: page range '{pages.group(0)}' runs backwards: write both pages in full",
        )


def check_bib_files(paths: Iterable[Path], today: datetime.date | None = None) -> list[Problem]:
    """Check the files given, as one bibliography: keys, DOIs and PMIDs must be unique across them."""
    return check_and_read_bib_files(paths, today)[0]


def check_and_read_bib_files(
    paths: Iterable[Path], today: datetime.date | None = None
) -> tuple[list[Problem], dict[str, Entry]]:
    """The problems of the files given, and their entries by key (the first, if one is repeated)."""
    this_year = (today or datetime.date.today()).year
    problems: list[Problem] = []
    keys: dict[str, Entry] = {}
    identifiers: dict[tuple[str, str], Entry] = {}
    for path in dict.fromkeys(paths):  # a file named twice is checked once
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(Problem(path, 1, f"cannot read file: {error.strerror}"))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            problems.append(Problem(path, line, "file is not valid UTF-8; save it as UTF-8"))
            continue

        syntax_problems: list[Problem] = []
        entries = read_entries(path, text, syntax_problems)
        if syntax_problems:  # entries after a syntax error are cut short: fix the syntax first
            problems.extend(syntax_problems)
            continue
        for entry in entries:
            problems.extend(Problem(path, line, message) for line, message in _check_entry(entry, this_year))
            earlier = keys.setdefault(entry.key.lower(), entry)
            if earlier is not entry:
                where = "earlier in this file" if earlier.path == path else f"in {earlier.path}"
                problems.append(
                    Problem(
                        path,
                        entry.line,
                        f"duplicate key '{entry.key}': already defined {where} (line {earlier.line})",
                    )
                )
            for name in ("doi", "pmid"):
                value = entry.fields.get(name, "").strip().lower()
                if not value:
                    continue
                first = identifiers.setdefault((name, value), entry)
                if first is not entry and first.key.lower() != entry.key.lower():
                    problems.append(
                        Problem(
                            path,
                            entry.line_of(name),
                            f"{entry.key}: {name.upper()} {value} is also given to '{first.key}' "
                            f"({first.path}:{first.line_of(name)}): one work, one entry",
                        )
                    )
    return sorted(set(problems)), {entry.key: entry for entry in keys.values()}
