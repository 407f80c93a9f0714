"""The benchmark's pure parts: its README tables from a results dict, its weighing of DevTools
events, Lighthouse's summaries and the gzip server. Nothing here is timed."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import bench_lighthouse
import bench_report
import bench_weight
import gzip_server
import pytest

RESULTS = {
    "measured": "2026-12-02 04:00 UTC",
    "duration": 1530.0,
    "machine": "2 CPUs",
    "site": {
        "cold": 300.0,
        "warm": 12.5,
        "runs": 5,
        "editions": "reused from the releases cache",
        "memory": {"cold make site": 900 << 20},
    },
    "html": {
        "floor": 2.0,
        "runs": 5,
        "languages": {"nb": {"noop": 2.5, "edit": 6.0, "edited": "source/guideline/background.md"}},
        "memory": {"one-paragraph edit (nb)": 1200 << 20},
    },
    "pdf": {"handbooks": {"smertehandboka-veileder-nb": 40.0, "smertehandboka-veileder-en": 41.0}},
    "weight": {
        "lang": "nb",
        "search_query": "smerte",
        "pages": {
            "home": {
                "ours": {
                    "address": "nb/dev/index.html",
                    **dict.fromkeys(bench_report.KINDS, 10_000),
                    "requests": 12,
                    "total": 60_000,
                },
                bench_report.STOCK: {
                    "address": "index.html",
                    **dict.fromkeys(bench_report.KINDS, 20_000),
                    "requests": 20,
                    "total": 120_000,
                },
            },
            "downloads": {
                "ours": {
                    "address": "nb/dev/downloads.html",
                    **dict.fromkeys(bench_report.KINDS, 30_000),
                    "requests": 12,
                    "total": 180_000,
                }
            },
        },
        "search_index": {"ours": 30_000, bench_report.STOCK: 31_000},
    },
    "lighthouse": {
        "pages": {
            "home": {
                "performance": {"score": 95, "failing": []},
                "accessibility": {"score": 100, "failing": []},
                "best-practices": {"score": 96, "failing": ["errors-in-console"]},
                "seo": {
                    "score": 58,
                    "failing": ["is-crawlable"],
                    "by_design": ["is-crawlable"],
                    "score_by_design": 100,
                },
            }
        },
        "measured": "2026-12-02 04:00 UTC",
    },
}


def test_tables_put_each_budget_beside_its_figure():
    tables = bench_report.render(RESULTS)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in tables.splitlines() if line.startswith("|")}
    assert "12.5 s | ≤ 10 s | **missed**" in rows["warm `make site`, nothing changed (median of 5)"]
    assert "≤ 1.5 × floor = 3.00 s | met" in rows["no-op `make html` (nb)"]
    assert (
        "≤ 2 × no-op = 5.00 s | **missed**"
        in rows["one-paragraph edit (nb: `source/guideline/background.md`)"]
    )
    memory = next(line for name, line in rows.items() if name.startswith("peak memory"))
    assert "one-paragraph edit (nb)" in memory and "1200 MiB | ≤ 1 GiB | **missed**" in memory
    assert "| `smertehandboka-veileder-<lang>.pdf` | 40.0 s | 41.0 s |" in tables
    weights = [line for line in tables.splitlines() if "`nb/dev/" in line]
    assert "| home | ours `nb/dev/index.html` | **60.0 KB** |" in weights[0]
    assert weights[0].endswith("| 12 | ≤ 150.0 KB, ≤ stock: met |")
    assert weights[1].endswith("| ≤ 150.0 KB: **missed** |")
    assert "58 (100 without is-crawlable)" in rows["home"] and "96 **<100**" in rows["home"]
    assert "best-practices: errors-in-console" in rows["home"]
    assert "ours 30.0 KB" in tables
    assert "the whole benchmark took 25.5 min" in tables


def test_only_the_marked_section_of_the_readme_changes():
    readme = f"# Title\n\nText.\n\n{bench_report.START}\nold\n{bench_report.END}\n\nMore.\n"
    updated = bench_report.with_tables(readme, "new")
    assert updated == f"# Title\n\nText.\n\n{bench_report.START}\nnew\n{bench_report.END}\n\nMore.\n"
    with pytest.raises(ValueError, match="bench:start"):
        bench_report.with_tables("# No markers\n", "new")


def event(method: str, request: str, **params):
    return {"method": method, "params": {"requestId": request, **params}}


def test_weighing_counts_bytes_on_the_wire_by_kind_and_keeps_the_search_apart():
    def response(request, url, kind):
        return event("Network.responseReceived", request, type=kind, response={"url": url})

    events = [
        response("1", "http://h/nb/dev/search.html?q=x", "Document"),
        response("2", "http://h/nb/dev/_static/theme.css", "Stylesheet"),
        response("3", "http://h/nb/dev/searchindex.js", "Script"),
        response("4", "http://h/nb/dev/glossary.html", "Fetch"),
        response("5", "http://h/nb/dev/_static/font.woff2", "Font"),
        response("6", "data:image/svg+xml,<svg/>", "Image"),
        *(
            event("Network.loadingFinished", request, encodedDataLength=size)
            for request, size in (("1", 100), ("2", 200), ("3", 300), ("4", 400), ("5", 500), ("6", 600))
        ),
        event("Network.loadingFinished", "7", encodedDataLength=700),  # never answered
    ]
    weights = bench_weight.weigh(events)
    assert (weights["html"], weights["css"], weights["fonts"], weights["images"]) == (100, 200, 500, 0)
    assert (weights["search_index"], weights["search_results"], weights["requests"]) == (300, 400, 5)
    assert bench_weight.page_total(weights) == 800


def test_lighthouse_summary_names_failing_audits_and_the_score_without_by_design_ones():
    audits = {
        "is-crawlable": {"score": 0, "scoreDisplayMode": "binary"},
        "document-title": {"score": 1, "scoreDisplayMode": "binary"},
        "hreflang": {"score": 0, "scoreDisplayMode": "binary"},
        "structured-data": {"score": None, "scoreDisplayMode": "manual"},
    }
    refs = [{"id": name, "weight": 1} for name in audits]
    report = {
        "audits": audits,
        "categories": {
            category: {
                "score": 1 / 3 if category == "seo" else 1,
                "auditRefs": refs if category == "seo" else [],
            }
            for category in bench_lighthouse.CATEGORIES
        },
    }
    seo = bench_lighthouse.summary(report, "dev")["seo"]
    assert seo == {
        "score": 33,
        "failing": ["is-crawlable", "hreflang"],
        "by_design": ["is-crawlable"],
        "score_by_design": 67,
    }
    assert "by_design" not in bench_lighthouse.summary(report, "latest")["seo"]


def test_gzip_server_compresses_text_and_leaves_fonts_alone(tmp_path: Path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hei</p>" * 100, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"\0" * 1000)
    with gzip_server.serving(tmp_path) as address:

        def get(path):
            request = urllib.request.Request(address + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                return response.headers, response.read()

        headers, body = get("page/")
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"].startswith("text/html")
        assert gzip.decompress(body).decode() == "<p>hei</p>" * 100
        headers, body = get("font.woff2")
        assert headers["Content-Encoding"] is None and len(body) == 1000
