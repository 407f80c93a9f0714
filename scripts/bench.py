"""Benchmark the project: builds, memory, page weight and Lighthouse, on a copy of the project.

    python scripts/bench.py [--only site,html,pdf,weight,lighthouse] [--runs 5] [--cold-editions]

On a copy of the project (the committed and new files, scripts/project_copy.py; the project's
.venv), with the copy's site served on 127.0.0.1 as `make serve` serves it (scripts/serve_site.py:
gzip-compressed, with the site's headers):

- ``site``: a cold ``make site`` (fresh ``_build/``; the old editions are hard-linked from the
  working tree's releases cache unless --cold-editions, when they are built from their commits)
  and a warm one with nothing changed (scripts/bench_builds.py);
- ``html``: per published language, the import floor, a no-op ``make html`` and a one-paragraph
  edit (Bokmål: its source; a translation: its catalogue);
- ``pdf``: each PDF handbook's LaTeX run;
- ``weight``: per page type, the bytes of a first visit in Chromium, beside the same content built
  with stock pydata-sphinx-theme and python-docs-theme (scripts/bench_weight.py), and the search
  index;
- ``lighthouse``: Lighthouse's four scores per page type, and the audits that cost points
  (scripts/bench_lighthouse.py).

Every build step's peak memory (max RSS) is recorded. Times are medians of --runs runs, except the
cold build and the LaTeX runs (one each). The results go to benchmarks/results.json (a part not
run keeps its last figures) and, as tables with each budget beside its figure
(scripts/bench_report.py), into README.md between its bench markers. A missed budget is reported,
not an error: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import bench_builds
import bench_lighthouse
import bench_report
import bench_weight
import gzip_server
import serve_site
from languages import languages
from project_copy import copy_project

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ("site", "html", "pdf", "weight", "lighthouse")
RESULTS = PROJECT / "benchmarks" / "results.json"
README = PROJECT / "README.md"


def parts(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part {', '.join(unknown)}; the parts: {', '.join(PARTS)}")
    return chosen


def machine() -> str:
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True, check=False)
    lighthouse = json.loads((bench_lighthouse.LIGHTHOUSE.parent.parent / "package.json").read_text())
    return (
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{chromium.stdout.strip() or 'no Chromium'}, Lighthouse {lighthouse['version']}"
    )


def stock_builds(project: Path, lang: str, folder: Path, recorder: bench_builds.Recorder) -> dict[str, Path]:
    """The same content with each stock theme (scripts/bench_conf/conf.py); not strict: a
    theme's own warnings are not ours to fix."""
    built = {}
    for name, theme in bench_weight.THEMES.items():
        out = folder / theme
        command = [
            str(bench_builds.PYTHON),
            "scripts/sphinx_build.py",
            "-b",
            "html",
            "-q",
            "-j",
            "auto",
            "-c",
            "scripts/bench_conf",
            "-D",
            f"language={lang}",
            "-D",
            f"html_theme={theme}",
            "-d",
            str(folder / f"doctrees-{theme}"),
            "source",
            str(out),
        ]
        bench_builds.run(command, project, recorder.log)
        built[name] = out
    return built


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=gzip_server.LEVEL, mtime=0))


def measure(args: argparse.Namespace, folder: Path, results: dict) -> None:
    project = folder / "project"
    if not (project / ".git").is_dir():
        copy_project(project)
    log = folder / "bench.log"
    recorder = bench_builds.Recorder(project, log)
    site = project / "_build" / "site"
    lang = args.languages[0]
    with serve_site.serving(site) as address:
        if "site" in args.only:
            print("site: cold and warm make site", file=sys.stderr)
            results["site"] = bench_builds.measure_site(recorder, address, args.runs, args.cold_editions)
            results["site"]["memory"] = dict(recorder.memory)
        elif {"pdf", "weight", "lighthouse"} & set(args.only):
            print("building the site (not measured)", file=sys.stderr)
            bench_builds.reuse_editions(project)
            recorder.step("make site (not measured)", bench_builds.make("site", f"SITE_URL={address}"))
        if "html" in args.only:
            print("html: import floor, no-op and edit per language", file=sys.stderr)
            recorder.memory = {}
            results["html"] = bench_builds.measure_html(recorder, args.languages, args.runs)
            results["html"]["memory"] = dict(recorder.memory)
        if "pdf" in args.only:
            print("pdf: each handbook's LaTeX run", file=sys.stderr)
            recorder.memory = {}
            results["pdf"] = bench_builds.measure_pdf(recorder, args.languages)
            results["pdf"]["memory"] = dict(recorder.memory)
        if "weight" in args.only:
            print("weight: stock theme builds, then every page type in Chromium", file=sys.stderr)
            stock = stock_builds(project, lang, folder / "stock", recorder)
            with contextlib.ExitStack() as servers:
                sites = {bench_weight.OURS: address}
                for name, out in stock.items():
                    sites[name] = servers.enter_context(gzip_server.serving(out))
                results["weight"] = bench_weight.measure(sites, lang, folder / "chromium")
            results["weight"]["search_index"] = {
                bench_weight.OURS: gzip_size(site / lang / "dev" / "searchindex.js"),
                **{name: gzip_size(out / "searchindex.js") for name, out in stock.items()},
            }
        if "lighthouse" in args.only:
            print("lighthouse: every page type", file=sys.stderr)
            found = {}
            for page in bench_weight.PAGE_TYPES:
                print(f"  {page.name} …", file=sys.stderr, flush=True)
                report = bench_lighthouse.lighthouse(
                    address + bench_weight.our_address(page, lang), folder / "lighthouse"
                )
                found[page.name] = bench_lighthouse.summary(report, page.edition)
            results["lighthouse"] = {"pages": found}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=parts, default=list(PARTS), help=f"comma-separated: {','.join(PARTS)}")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument(
        "--languages",
        nargs="+",
        default=[code for code, lang in languages().items() if lang.published],
        help="the languages to time (default: the published ones; page weights are of the first)",
    )
    parser.add_argument(
        "--cold-editions",
        action="store_true",
        help="build the old editions from their commits in the cold make site (about 8 more minutes)",
    )
    parser.add_argument(
        "--copy",
        type=Path,
        metavar="DIR",
        help="work in DIR and keep it; a copy already there is used again (for development: "
        "--only weight,lighthouse after a run then measures its site without a cold build)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--readme", type=Path, default=README)
    args = parser.parse_args(argv)

    try:
        bench_report.with_tables(args.readme.read_text(encoding="utf-8"), "")  # the markers are there
    except ValueError as error:
        print(f"{args.readme}: {error}", file=sys.stderr)
        return 1
    results = json.loads(args.results.read_text(encoding="utf-8")) if args.results.is_file() else {}
    started = time.perf_counter()
    folder = args.copy.resolve() if args.copy else Path(tempfile.mkdtemp(prefix="smh-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        measure(args, folder, results)
    except (bench_builds.StepFailed, RuntimeError) as error:
        print(f"{error}\nThe copy and its log are kept in {folder}", file=sys.stderr)
        return 1
    if not args.copy:
        shutil.rmtree(folder, ignore_errors=True)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    for part in args.only:
        results[part]["measured"] = now
    if set(args.only) == set(PARTS):
        results["measured"], results["duration"] = now, time.perf_counter() - started
    results["machine"] = machine()
    results["budgets"] = bench_report.BUDGETS
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tables = bench_report.render(results)
    args.readme.write_text(
        bench_report.with_tables(args.readme.read_text(encoding="utf-8"), tables), encoding="utf-8"
    )
    print(tables)
    print(f"\nResults: {args.results}; tables in {args.readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
