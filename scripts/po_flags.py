"""Drop the format-string flags Babel guesses onto the pages' messages.

Babel marks a message ``python-format`` when it sees something like ``% s`` ("50 % smerte…")
and ``python-brace-format`` when it sees ``{…}`` (every MyST role), and msgfmt then demands the
same "format specifiers" in the translation: "50% pain relief" is rejected. The pages' messages
are text, not format strings; the extensions' own catalogue (smertehandboka.po) keeps its flags,
its placeholders are real. Rewrites the files in place, line by line (no reformatting).

    python scripts/po_flags.py FILE.po...
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

GUESSED = {"python-format", "python-brace-format"}
FLAGS = re.compile(r"^#,(?P<flags>.*)$")


def without_guessed_flags(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        match = FLAGS.match(line.rstrip("\n"))
        if match:
            flags = [flag.strip() for flag in match["flags"].split(",") if flag.strip() not in GUESSED]
            if not flags:
                continue
            line = "#, " + ", ".join(flags) + "\n"
        lines.append(line)
    return "".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    for name in argv if argv is not None else sys.argv[1:]:
        path = Path(name)
        if path.name == "smertehandboka.po":
            continue
        text = path.read_text(encoding="utf-8")
        cleaned = without_guessed_flags(text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
