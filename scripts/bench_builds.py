"""The benchmark's build timings, on a copy of the project (scripts/bench.py runs them).

- ``site``: a cold ``make site`` (fresh build folder) and a warm one with nothing changed;
- ``html``: per language, the import floor, a no-op ``make html`` and a one-paragraph edit;
- ``pdf``: each PDF handbook's LaTeX run, from a clean LaTeX folder.

Every step runs as a child process and is waited for with ``os.wait4``, whose resource usage
gives the largest resident set of the step's whole process tree (its reaped descendants
included): the peak memory of that step.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
LOG_LINES = 30

# An editor's one-paragraph edit: one word in the Bokmål source, or one in a translation's
# catalogue (a translator's fix: the page's .md is untouched, its .po changes).
EDITS = {
    "nb": (
        "source/guideline/background.md",
        "Endringen blir forstått som at kronisk smertesyndrom",
        "Endringen blir nå forstått som at kronisk smertesyndrom",
    ),
    "en": (
        "translations/en/LC_MESSAGES/guideline/background.po",
        'msgstr "The amendment is understood to mean',
        'msgstr "The amendment is now understood to mean',
    ),
    "da": (
        "translations/da/LC_MESSAGES/guideline/background.po",
        'msgstr "Ændringen opfattes sådan',
        'msgstr "Ændringen opfattes nu sådan',
    ),
}

# Everything sphinx-build imports for this project: Sphinx with its built-in extensions, the
# theme, and the extensions conf.py lists. The floor under any build.
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


class StepFailed(RuntimeError):
    pass


@dataclass
class Step:
    seconds: float
    max_rss: int  # bytes: the largest resident set of any process of the step


def run(command: Sequence[str], cwd: Path, log: Path | None = None) -> Step:
    """Run a command to its end; its time and peak memory. StepFailed (with the log's end) if it fails."""
    out = log.open("ab") if log else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            out.close()  # type: ignore[union-attr]
    if process.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-LOG_LINES:] if log else []
        raise StepFailed("\n".join([f"{' '.join(command)} exited with {process.returncode}", *tail]))
    return Step(seconds, usage.ru_maxrss * 1024)


class Recorder:
    """Runs steps, keeps the peak memory of every one, and prints progress to stderr."""

    def __init__(self, project: Path, log: Path) -> None:
        self.project, self.log = project, log
        self.memory: dict[str, int] = {}
        self.last = ""

    def step(self, name: str, command: Sequence[str], before: Callable[[], None] | None = None) -> float:
        if before:
            before()
        if name != self.last:  # a median's runs: one line
            print(f"  {name} …", file=sys.stderr, flush=True)
            self.last = name
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(f"\n== {name}: {' '.join(command)}\n")
        result = run(command, self.project, self.log)
        self.memory[name] = max(self.memory.get(name, 0), result.max_rss)
        return result.seconds

    def median(
        self, name: str, runs: int, command: Sequence[str], before: Callable[[], None] | None = None
    ) -> float:
        return statistics.median(self.step(name, command, before) for _ in range(runs))

    def peak(self) -> dict[str, object]:
        name = max(self.memory, key=self.memory.__getitem__)
        return {"bytes": self.memory[name], "step": name, "steps": dict(self.memory)}


def make(*args: str) -> list[str]:
    return ["make", "--no-print-directory", *args, f"VENV={PROJECT / '.venv'}"]


def reuse_editions(project: Path) -> list[str]:
    """Hard-link the working tree's finished editions into the copy's releases cache (an edition's
    files are never rewritten in place, see scripts/assemble_site.py); build_releases.py still
    builds any whose stamp does not match. Returns the editions linked."""
    linked = []
    for stamp in sorted((PROJECT / "_build" / "releases").glob("*/stamp.json")):
        target = project / "_build" / "releases" / stamp.parent.name
        if not target.exists():  # a kept copy (--copy) has them already
            shutil.copytree(stamp.parent, target, copy_function=os.link)
        linked.append(stamp.parent.name)
    return linked


def measure_site(recorder: Recorder, site_url: str, runs: int, cold_editions: bool) -> dict[str, object]:
    linked = [] if cold_editions else reuse_editions(recorder.project)
    command = make("site", f"SITE_URL={site_url}")
    start = recorder.log.stat().st_size if recorder.log.exists() else 0
    cold = recorder.step("cold make site", command)
    with recorder.log.open(encoding="utf-8") as handle:
        handle.seek(start)
        output = handle.read()
    built = [name for name in linked if f"== Edition {name}: up to date" not in output]
    editions = "built from their commits" if cold_editions or built else "reused from the releases cache"
    warm = recorder.median("warm make site", runs, command)
    return {"cold": cold, "editions": editions, "editions_linked": linked, "warm": warm, "runs": runs}


def measure_html(recorder: Recorder, languages: Sequence[str], runs: int) -> dict[str, object]:
    project = recorder.project
    floor = recorder.median("import floor", runs, [str(PYTHON), "-c", FLOOR])
    result: dict[str, object] = {"floor": floor, "runs": runs, "languages": {}}
    for lang in languages:
        html = make("html", f"LANGUAGES={lang}")
        recorder.step(f"make html ({lang}, catching up)", html)
        path, old, new = EDITS[lang]
        page = project / path
        original = page.read_text(encoding="utf-8")
        if old not in original:
            raise StepFailed(f"{path}: the benchmark's paragraph ({old!r}) is gone; pick another (EDITS)")
        try:
            noop = recorder.median(f"no-op make html ({lang})", runs, html)
            edit = recorder.median(
                f"one-paragraph edit ({lang})",
                runs,
                html,
                before=alternately(page, original.replace(old, new, 1), original),
            )
        finally:
            page.write_text(original, encoding="utf-8")
        result["languages"][lang] = {"noop": noop, "edit": edit, "edited": path}  # type: ignore[index]
    return result


def alternately(page: Path, *texts: str) -> Callable[[], None]:
    """Each call writes the next of ``texts`` into ``page``, round and round: change, restore, …"""
    turn = iter(range(1 << 30))
    return lambda: page.write_text(texts[next(turn) % len(texts)], encoding="utf-8")


def make_variable(project: Path, name: str) -> str:
    """A variable's value as the project's Makefile sets it (one source for the LaTeX options)."""
    return subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", f"bench-print: ; @echo $({name})", "bench-print"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def measure_pdf(recorder: Recorder, languages: Sequence[str]) -> dict[str, object]:
    """Each handbook's LaTeX run (latexmk: every pass, the index) from a clean folder, as
    `make pdf` runs it; the LaTeX sources are those the site's build wrote."""
    options = make_variable(recorder.project, "LATEXMKOPTS")
    handbooks: dict[str, float] = {}
    for lang in languages:
        folder = recorder.project / "_build" / "latex" / lang
        sources = sorted(folder.glob("*.tex"))
        if not sources:
            raise StepFailed(f"{folder}: no LaTeX sources; the site's build did not run (--only site,pdf)")
        for tex in sources:
            subprocess.run(["latexmk", "-C", tex.name], cwd=folder, capture_output=True, check=True)
            handbooks[tex.stem] = recorder.step(
                f"LaTeX {tex.stem}",
                ["make", "-s", "-C", str(folder), f"{tex.stem}.pdf", f"LATEXMKOPTS={options}"],
            )
    return {"handbooks": handbooks}
