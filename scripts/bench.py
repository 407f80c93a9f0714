"""Benchmark the editor's loop: the import floor, a no-op `make html` and a one-paragraph edit.

On a copy of the project (the committed and new files; the project's .venv), for one language:

- import floor: a process that imports everything sphinx-build imports for this project
  (Sphinx with its built-in extensions, the theme, and the extensions conf.py lists);
- no-op: `make html` when nothing changed since the last build;
- edit: `make html` after one word of one paragraph changed (alternately changed and restored).

Each figure is the median of --runs runs. The targets (issue 11): a no-op within 1.5 × the
import floor, an edit within 2 × the no-op. Exit status 1 when a target is missed.

    python scripts/bench.py [--runs 5] [--lang nb]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from project_copy import copy_project

PROJECT = Path(__file__).resolve().parent.parent
EDITED = Path("source/guideline/background.md")
PARAGRAPH = "Endringen blir forstått som at kronisk smertesyndrom"
EDITED_PARAGRAPH = "Endringen blir nå forstått som at kronisk smertesyndrom"
FLOOR = """
import ast, importlib, sys
sys.path[:0] = ["scripts/sphinxext", "scripts"]
from sphinx.application import builtin_extensions
import sphinx.cmd.build
for name in (*builtin_extensions, "pydata_sphinx_theme", "myst_parser.sphinx_ext.main"):
    importlib.import_module(name)
for node in ast.walk(ast.parse(open("conf.py", encoding="utf-8").read())):
    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "extensions":
        for name in ast.literal_eval(node.value):
            importlib.import_module(name)
"""


def timed(command: Sequence[str], cwd: Path, before: Callable[[], None] | None = None) -> float:
    if before:
        before()
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="nb")
    args = parser.parse_args(argv)
    python = PROJECT / ".venv" / "bin" / "python"
    with tempfile.TemporaryDirectory(prefix="smh-bench-") as folder:
        project = copy_project(Path(folder))
        make = ["make", "--no-print-directory", "html", f"LANGUAGES={args.lang}", f"VENV={PROJECT / '.venv'}"]
        print(f"first build of {args.lang} (not measured) …", file=sys.stderr)
        timed(make, project)
        page = project / EDITED
        original = page.read_text(encoding="utf-8")
        assert PARAGRAPH in original, f"{EDITED}: the benchmark's paragraph is gone; pick another"
        edits = iter(range(10**6))

        def edit() -> None:
            text = original if next(edits) % 2 else original.replace(PARAGRAPH, EDITED_PARAGRAPH)
            page.write_text(text, encoding="utf-8")

        floor = median(args.runs, lambda: timed([str(python), "-c", FLOOR], project))
        noop = median(args.runs, lambda: timed(make, project))
        edited = median(args.runs, lambda: timed(make, project, before=edit))

    rows = [
        ("import floor", floor, "", True),
        ("no-op make html", noop, f"{noop / floor:.2f} × floor (target ≤ 1.5)", noop <= 1.5 * floor),
        ("one-paragraph edit", edited, f"{edited / noop:.2f} × no-op (target ≤ 2)", edited <= 2 * noop),
    ]
    print(f"Editor's loop, {args.lang}, median of {args.runs} runs:")
    for name, seconds, ratio, met in rows:
        print(f"  {name:<20} {seconds:6.2f} s  {ratio}{'' if met else '  MISSED'}")
    return 0 if all(met for *_rest, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
