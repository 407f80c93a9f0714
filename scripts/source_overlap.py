"""Find passages of our text that repeat a source document word for word.

Smertehåndboka is written in its own words: the facts, figures, names and references of its
source documents carry over, their sentences do not. The source documents are kept outside the
repository; give their folder of plain-text extracts (``*.txt``) with ``--sources``. Every run of
``-n`` or more consecutive words (default 10, case and punctuation ignored) that a file here
shares with a source is printed as ``FILE:LINE: …``.

    python scripts/source_overlap.py --sources DIR [-n 10] [PATH ...]

PATH defaults to source/, translations/, references/ and README.md. Exit status: 0 when nothing
is shared, 1 when something is, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

WORD = re.compile(r"[^\W_]+")  # letters and digits in any script, so æøå and accents count
LINE_END_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*")  # "smerte-\nklinikk": PDF extracts break words
# Not .bib: the titles of cited works are references, and references carry over.
SUFFIXES = {".md", ".po", ".txt", ".csv", ".json", ".toml", ".html", ".py"}
SKIPPED = {".git", ".venv", "_build", "__pycache__", ".pytest_cache"}
DEFAULT_PATHS = ("source", "translations", "references", "README.md")


def words(text: str) -> Iterator[tuple[str, int]]:
    """Each word in lower case with the line it starts on."""
    text = LINE_END_HYPHEN.sub("", text)
    line, position = 1, 0
    for match in WORD.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield match.group().lower(), line


def source_runs(folder: Path, n: int) -> dict[tuple[str, ...], str]:
    """Every run of n words in the sources, with the name of the first source that has it."""
    runs: dict[tuple[str, ...], str] = {}
    for path in sorted(folder.glob("*.txt")):
        found = [word for word, _line in words(path.read_text(encoding="utf-8", errors="replace"))]
        for start in range(len(found) - n + 1):
            runs.setdefault(tuple(found[start : start + n]), path.name)
    return runs


def files(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_file():
            yield path
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix in SUFFIXES and not SKIPPED & set(found.parts):
                    yield found


def shared(path: Path, runs: dict[tuple[str, ...], str], n: int) -> Iterator[tuple[int, str, str]]:
    """(line, source, the shared words) for each longest shared run in the file."""
    found = list(words(path.read_text(encoding="utf-8", errors="replace")))
    plain = [word for word, _line in found]
    start = 0
    while start + n <= len(plain):
        source = runs.get(tuple(plain[start : start + n]))
        if source is None:
            start += 1
            continue
        end = start + n
        while end < len(plain) and tuple(plain[end - n + 1 : end + 1]) in runs:
            end += 1
        yield found[start][1], source, " ".join(plain[start:end])
        start = end


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS), metavar="PATH")
    parser.add_argument("--sources", type=Path, required=True, help="folder of the sources' .txt extracts")
    parser.add_argument("-n", type=int, default=10, help="shortest shared run of words (default 10)")
    args = parser.parse_args(argv)
    if args.n < 4:
        parser.error("-n must be at least 4")
    if not sorted(args.sources.glob("*.txt")):
        parser.error(f"{args.sources}: no source extracts (*.txt) there")
    runs = source_runs(args.sources, args.n)
    count = 0
    for path in files(args.paths):
        for line, source, text in shared(path, runs, args.n):
            print(f"{path}:{line}: {len(text.split())} words shared with {source}: {text}")
            count += 1
    print(f"{count} shared run(s) of {args.n}+ words", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
