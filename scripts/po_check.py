"""Check translation catalogues (``translations/<lang>/LC_MESSAGES/**/*.po``) before they are built.

For every translated, non-fuzzy message of a catalogue:

- ``msgfmt --check`` must accept the file (syntax, headers, format strings);
- every number of the Bokmål text is in the translation, with the same value, written the
  way the catalogue's language writes numbers (``translations/languages.toml``);
- roles keep their name and target (``{ref}``, ``{numref}``, ``{cite:p}``, ``{rec}``,
  ``{strength}``, and ``{term}``, whose target stays the Bokmål glossary term while its text is
  translated: ``{term}`neuropathic <Nevropatisk smerte>```), and ``{{ substitutions }}`` and
  ``{placeholders}`` stay;
- no raw HTML, ``raw`` directive or script is added;
- a recommendation's text (found in the page's source) carries the termbase's strength word
  (en *must* / *should*), and a termbase term in the Bokmål has the termbase's translation
  (inflected forms count). Where the Bokmål word means something else, a translator comment on
  the message excuses it: ``# termbase: henvisning (here a citation, not a referral)``, and a
  number the translation writes in words: ``# number: 1 (the first four-month period)``.

Each problem is a ``Problem`` at the catalogue's line of the message. Untranslated and fuzzy
messages are not errors here (the status report counts them; fuzzy ones are never shown).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po
from languages import Language, language, languages

from problems import Problem

PROJECT = Path(__file__).resolve().parent.parent
TERMBASE = PROJECT / "translations" / "termbase.csv"
STRENGTHS = ("skal", "bør")

ROLE = re.compile(r"\{(?P<name>[a-z][a-z:-]*)\}`(?P<content>[^`]*)`")
EXPLICIT = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
SUBSTITUTION = re.compile(r"\{\{\s*[^{}]+?\s*\}\}")
PLACEHOLDER = re.compile(r"(?<![{`])\{[a-z_][a-z0-9_]*\}(?!`)")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>")
RAW = re.compile(r"\{raw\}|^\s*\.\. raw::|javascript:|<\s*script", re.I | re.M)
RECOMMENDATION = re.compile(
    r"^:::+\{recommendation\}[^\n]*\n(?P<options>(?::[a-z]+:[^\n]*\n)*)\n?(?P<body>.*?)\n:::+\s*$",
    re.S | re.M,
)
LITERAL = re.compile(r"`[^`]*`")
URL = re.compile(r"\w+://\S+|\bdoi:\S+|\]\([^)]*\)")
NBSP = "\u00a0"
DOTTED = re.compile(r"(?<![\w.])\d+(?:\.\d+)+(?![\w.])")


@dataclass(frozen=True)
class Term:
    source: str
    target: str
    note: str

    def alternatives(self) -> list[str]:
        """``general practitioner (GP)`` may be written either way: ``general practitioner``, ``GP``."""
        main, _paren, rest = self.target.partition(" (")
        return [text for text in (main, rest.rstrip(")")) if text]


def termbase(code: str, path: Path = TERMBASE) -> list[Term]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        # "Convention" rows show how numbers and dates are written; the number check enforces them.
        return [
            Term(row["nb"], row[code], row["note"])
            for row in rows
            if row.get(code) and not row["note"].startswith("Convention")
        ]


def numbers(text: str, lang: Language) -> Counter[float]:
    """The values of the numbers in ``text`` as ``lang`` writes them (roles and code left out)."""
    text = LITERAL.sub(" ", ROLE.sub(" ", text))
    group = re.escape(lang.thousands.strip() or " ")
    spaces = "[ \u00a0\u202f]" if not lang.thousands.strip() else group
    pattern = re.compile(
        rf"(?<![\w.,])\d{{1,3}}(?:{spaces}\d{{3}})+(?:{re.escape(lang.decimal)}\d+)?(?![\w])"
        rf"|(?<![\w])\d+(?:{re.escape(lang.decimal)}\d+)?(?=s?(?!\w))"  # also a decade: 1960s
    )
    found: Counter[float] = Counter()
    for match in pattern.finditer(text):
        digits = re.sub(spaces, "", match.group()).replace(lang.decimal, ".")
        found[float(digits)] += 1
    return found


def convention_mistakes(msgid: str, msgstr: str, lang: Language) -> Iterator[tuple[str, float]]:
    """Numbers the translation writes against its language's convention (``group_from``): digits
    grouped below it (da ``3.000`` for 3000), or a number of five digits or more left ungrouped
    where the source groups it (da ``10300``). A four-digit number may be a year, which is never
    grouped, so it is not judged ungrouped; a number the source leaves ungrouped (a PMID, a code)
    may stay so."""
    text = URL.sub(" ", LITERAL.sub(" ", ROLE.sub(" ", msgstr)))
    group = re.escape(lang.thousands.strip() or " ")
    spaces = "[ \u00a0\u202f]" if not lang.thousands.strip() else group
    for match in re.finditer(rf"(?<![\w.,])\d{{1,3}}(?:{spaces}\d{{3}})+(?![\w]|[.,]\d)", text):
        value = float(re.sub(spaces, "", match.group()))
        if value < lang.group_from:
            yield match.group(), value
    for match in re.finditer(r"(?<![\w.,])\d{5,}(?![\w]|[.,]\d)", text):
        value = float(match.group())
        if value >= lang.group_from and not re.search(rf"(?<!\d){match.group()}(?!\d)", msgid):
            yield match.group(), value


def roles(text: str) -> list[tuple[str, str]]:
    found = []
    for match in ROLE.finditer(text):
        content = match["content"].strip()
        explicit = EXPLICIT.match(content)
        found.append((match["name"], explicit["target"].strip() if explicit else content))
    return found


def recommendation_texts(page: Path) -> dict[str, str]:
    """The messages of a page's recommendation blocks (joined as Sphinx joins them) → strength."""
    if not page.is_file():
        return {}
    found = {}
    for block in RECOMMENDATION.finditer(page.read_text(encoding="utf-8")):
        strength = re.search(r":strength:\s*(\S+)", block["options"])
        for paragraph in re.split(r"\n\s*\n", block["body"].strip()):
            text = " ".join(line.strip() for line in paragraph.splitlines()).strip()
            if text and strength:
                found[text] = strength[1]
    return found


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I) is not None


def source_pattern(term: str) -> re.Pattern[str]:
    """The Bokmål term, each word also inflected (regionalt helseforetak → regionale
    helseforetakene; fastlege → fastlegen); an acronym exactly as written."""
    if term.isupper():
        return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
    words = [
        re.escape(word[:-1] if len(word) > 5 and word[-1] in "et" else word) + r"\w{0,4}"
        for word in term.split()
    ]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)


def in_translation(text: str, phrase: str) -> bool:
    """The termbase's translation, also inflected or hyphenated (waiting times, patient-education,
    interdisciplinarily, læger); a short word with its plural and definite endings only."""
    words = phrase.split()
    endings = "(?:s|es|r|er|n|en|ne|et|e)?"
    parts = [re.escape(word[:-1]) + r"\w*" if len(word) > 4 else re.escape(word) + endings for word in words]
    return re.search(r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)", text, re.I) is not None


def check_message(
    msgid: str,
    msgstr: str,
    lang: Language,
    terms: list[Term],
    strength: str | None,
    excepted: frozenset[str] = frozenset(),
) -> Iterator[str]:
    source_lang = next(iter(languages().values()))
    if msgstr != msgid:
        # Section numbers (kapittel 3.4) are written alike in every language: compare them as text.
        dotted = DOTTED.findall(msgid) if source_lang.decimal != "." else []
        for token in sorted(set(dotted)):
            if token not in msgstr:
                yield f"the section number {token} of the source is missing from the translation"
        source_text, target_text = DOTTED.sub(" ", msgid) if dotted else msgid, msgstr
        for token in set(dotted):
            target_text = target_text.replace(token, " ")
        missing = numbers(source_text, source_lang) - numbers(target_text, lang)
        for value in sorted(missing):
            if f"number:{value:g}" in excepted:
                continue
            shown = source_lang.format_number(value).replace("\u00a0", " ")
            target = lang.format_number(value).replace("\u00a0", " ")
            yield f"the number {shown} of the source is missing from the translation ({lang.code}: {target})"
        for written, value in convention_mistakes(msgid, msgstr, lang):
            start, wanted = (lang.format_number(n).replace(NBSP, " ") for n in (lang.group_from, value))
            yield (
                f"{written}: {lang.code} groups digits from {start} on (translations/languages.toml): "
                f"write {wanted}"
            )

    source_roles, target_roles = roles(msgid), roles(msgstr)
    # A {term} keeps its Bokmål target too (Sphinx registers a glossary term under its Bokmål and
    # its translated name, and warns when a translation changes a target); Sphinx ignores its case.
    keep = Counter((name, target.lower() if name == "term" else target) for name, target in source_roles)
    got = Counter((name, target.lower() if name == "term" else target) for name, target in target_roles)
    for name, target in sorted((keep - got).elements()):
        yield f"{{{name}}}`{target}` of the source is missing or changed: keep the role and its target"
    for name, target in sorted((got - keep).elements()):
        yield f"{{{name}}}`{target}` is not in the source: roles, labels and keys are not translated"
    for pattern, what in ((SUBSTITUTION, "substitution"), (PLACEHOLDER, "placeholder")):
        for item in sorted((Counter(pattern.findall(msgid)) - Counter(pattern.findall(msgstr))).elements()):
            yield f"the {what} {item} of the source is missing from the translation"

    if RAW.search(msgstr) and not RAW.search(msgid):
        yield "raw markup or a script in the translation: translations carry text and MyST only"
    outside_roles = (ROLE.sub(" ", msgstr), ROLE.sub(" ", msgid))  # {term}`x <Target>` is no tag
    for tag in sorted(set(HTML_TAG.findall(outside_roles[0])) - set(HTML_TAG.findall(outside_roles[1]))):
        yield f"HTML {tag} in the translation: translations carry text and MyST only"

    plain_source, plain_target = ROLE.sub(" ", msgid), ROLE.sub(" ", msgstr)
    if strength:
        word = next((term.target for term in terms if term.source == strength), None)
        shown_by_role = ("strength", strength) in target_roles  # {strength}`bør` shows "should"
        if word and not shown_by_role and not _contains(plain_target, word):
            yield f"this recommendation is {strength!r} in the source: its translation must say {word!r}"
    # Longer terms first, each occurrence used once: "regionalt helseforetak" is not also "helseforetak".
    remaining = plain_source
    for term in sorted(terms, key=lambda term: -len(term.source)):
        if term.source in STRENGTHS or term.source.lower() in excepted:
            continue
        if term.note.startswith(("Title", "Heading")):  # a box title or heading: only as the whole message
            found = msgid.strip() == term.source
        else:
            remaining, count = source_pattern(term.source).subn(" ", remaining)
            found = count > 0
        if found and not any(
            in_translation(plain_target, alternative) for alternative in term.alternatives()
        ):
            yield f"the termbase's {term.source!r} is {term.target!r} in {lang.code}: not in the translation"


def termbase_exceptions(comments: Iterable[str]) -> frozenset[str]:
    """What a translator comment on a message excuses: a Bokmål word the termbase means in another
    sense (``# termbase: henvisning (here a citation, not a referral)``), or a number written in
    words (``# number: 1 (1. tertial: the first four-month period)``)."""
    excused = set()
    for comment in comments:
        label, colon, rest = comment.partition(":")
        subject = rest.split("(")[0].strip().lower()
        if colon and label.strip().lower() == "termbase":
            excused.add(subject)
        elif colon and label.strip().lower() == "number":
            excused.add(
                f"number:{float(subject.replace(',', '.')):g}" if re.fullmatch(r"[\d,.]+", subject) else ""
            )
    return frozenset(excused)


def _msgfmt(path: Path) -> list[Problem]:
    if shutil.which("msgfmt") is None:
        return [Problem(path, 0, "msgfmt not found: install GNU gettext (Debian: apt-get install gettext)")]
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    if not result.returncode:
        return []  # passes; header warnings (an unset Last-Translator) are not errors
    problems = []
    for line in result.stderr.splitlines():
        match = re.match(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$", line)
        if match and not line.startswith("msgfmt:"):
            problems.append(Problem(path, int(match["line"]), f"msgfmt: {match['message']}"))
    if not problems:
        problems.append(Problem(path, 0, f"msgfmt: {result.stderr.strip() or 'rejected the file'}"))
    return problems


def catalogue_language(path: Path) -> str:
    """``translations/en/LC_MESSAGES/guideline/summary.po`` → ``en``."""
    parts = path.resolve().parts
    if "LC_MESSAGES" in parts:
        return parts[parts.index("LC_MESSAGES") - 1]
    raise ValueError(f"{path}: not under <lang>/LC_MESSAGES/")


def page_of(path: Path, source_dir: Path) -> Path:
    parts = path.resolve().parts
    relative = Path(*parts[parts.index("LC_MESSAGES") + 1 :]).with_suffix(".md")
    return source_dir / relative


def check_catalogue(path: Path, source_dir: Path = PROJECT / "source") -> list[Problem]:
    problems = _msgfmt(path)
    if problems:
        return problems
    try:
        code = catalogue_language(path)
    except ValueError as error:
        return [Problem(path, 0, str(error))]
    lang = language(code)
    if lang.code != code or lang.source:
        return [Problem(path, 0, f"{code!r} is not a translated language of translations/languages.toml")]
    terms = termbase(code)
    strengths = recommendation_texts(page_of(path, source_dir))
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if not message.id or not message.string or message.fuzzy:
            continue
        msgid, msgstr = str(message.id), str(message.string)
        excepted = termbase_exceptions(message.user_comments)
        for problem in check_message(msgid, msgstr, lang, terms, strengths.get(msgid), excepted):
            problems.append(Problem(path, message.lineno, problem))
    return problems


def check_catalogues(paths: Iterable[Path], source_dir: Path = PROJECT / "source") -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        problems.extend(check_catalogue(path, source_dir))
    return problems
