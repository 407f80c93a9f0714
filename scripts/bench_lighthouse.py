"""Lighthouse's scores per page type: performance, accessibility, best practices and SEO.

Lighthouse (pinned in scripts/node/package.json) runs Debian's headless Chromium in its default
mode, a mobile phone with simulated throttling, against the site served as `make serve` serves
it (scripts/serve_site.py: gzip-compressed, with the site's headers). For each page it records
the four scores and the audits that kept a score below 100, so the README can say why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "scripts" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# `dev`, the working tree's pages, is kept out of search engines on purpose (noindex, robots.txt):
# Lighthouse's SEO score counts that against it; the score without it is what latest would get.
BY_DESIGN = {"dev": ("is-crawlable",)}


def lighthouse(url: str, user_data: Path) -> dict:
    """Lighthouse's report (its JSON) for one page."""
    chromium = shutil.which("chromium")
    if not (chromium and LIGHTHOUSE.is_file()):
        raise RuntimeError("Chromium or Lighthouse is missing: `make browser node` installs them")
    flags = f"--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir={user_data}"
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    if result.returncode:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def failing(report: dict, category: str) -> list[str]:
    """The audits of a category that scored below full marks and count towards its score."""
    audits = report["audits"]
    return [
        ref["id"]
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight", 0) > 0
        and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
        and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    ]


def score_without(report: dict, category: str, skipped: tuple[str, ...]) -> int:
    """The category's score had the audits ``skipped`` passed (Lighthouse: a weighted mean)."""
    refs = [ref for ref in report["categories"][category]["auditRefs"] if ref.get("weight", 0) > 0]
    audits = report["audits"]
    scored = [ref for ref in refs if audits[ref["id"]]["score"] is not None]
    total = sum(ref["weight"] for ref in scored)
    points = sum(
        ref["weight"] * (1 if ref["id"] in skipped else audits[ref["id"]]["score"]) for ref in scored
    )
    return round(100 * points / total) if total else 0


def summary(report: dict, edition: str) -> dict[str, object]:
    result: dict[str, object] = {"final_url": report.get("finalDisplayedUrl") or report.get("finalUrl")}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        entry: dict[str, object] = {
            "score": None if score is None else round(100 * score),
            "failing": failing(report, category),
        }
        skipped = tuple(a for a in BY_DESIGN.get(edition, ()) if a in entry["failing"])  # type: ignore[operator]
        if skipped:
            entry["by_design"] = list(skipped)
            entry["score_by_design"] = score_without(report, category, skipped)
        result[category] = entry
    metrics = report["audits"]
    result["metrics"] = {
        name: metrics[name].get("numericValue")
        for name in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        )
        if name in metrics
    }
    return result
