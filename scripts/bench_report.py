"""The benchmark's tables for the README, written from benchmarks/results.json, with each budget
beside its figure. The README shows them between two marker comments; everything else in it is
left as it is."""

from __future__ import annotations

from collections.abc import Iterable

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GIB = 1 << 30
BUDGETS = {
    "warm_site_seconds": 10,  # a warm make site, nothing changed
    "noop_per_floor": 1.5,  # a no-op make html, in import floors
    "edit_per_noop": 2,  # a one-paragraph edit, in no-ops
    "memory_bytes": GIB,  # the largest process of any build step
    "page_bytes": 150_000,  # a first visit, gzip, everything but the search index
    "lighthouse": {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100},
}
KINDS = ("html", "css", "js", "fonts", "images", "other")
WEIGHT_COLUMNS = ("HTML", "CSS", "JS", "fonts", "images", "other")
OURS = "ours"
STOCK = "pydata-sphinx-theme (stock)"


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def seconds(value: float) -> str:
    if value >= 600:
        return f"{value / 60:.1f} min"
    return f"{value:.0f} s" if value >= 100 else f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def kilobytes(value: int) -> str:
    return f"{value / 1000:.1f} KB"


def mebibytes(value: int) -> str:
    return f"{value / (1 << 20):.0f} MiB"


def table(header: Iterable[str], rows: Iterable[Iterable[object]], right: Iterable[int] = ()) -> list[str]:
    header, right = list(header), set(right)
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if i in right else "---" for i in range(len(header))) + " |")
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def build_rows(results: dict) -> list[list[object]]:
    rows: list[list[object]] = []
    site = results.get("site")
    if site:
        rows.append(
            [
                f"cold `make site` (fresh `_build/`; the old editions {site['editions']})",
                seconds(site["cold"]),
                "",
                "",
            ]
        )
        warm, budget = site["warm"], BUDGETS["warm_site_seconds"]
        rows.append(
            [
                f"warm `make site`, nothing changed (median of {site['runs']})",
                seconds(warm),
                f"≤ {budget} s",
                verdict(warm <= budget),
            ]
        )
    html = results.get("html")
    if html:
        floor = html["floor"]
        rows.append([f"import floor (median of {html['runs']})", seconds(floor), "", ""])
        for lang, figures in html["languages"].items():
            noop, edit = figures["noop"], figures["edit"]
            noop_budget = BUDGETS["noop_per_floor"] * floor
            edit_budget = BUDGETS["edit_per_noop"] * noop
            rows.append(
                [
                    f"no-op `make html` ({lang})",
                    seconds(noop),
                    f"≤ {BUDGETS['noop_per_floor']} × floor = {seconds(noop_budget)}",
                    verdict(noop <= noop_budget),
                ]
            )
            rows.append(
                [
                    f"one-paragraph edit ({lang}: `{figures['edited']}`)",
                    seconds(edit),
                    f"≤ {BUDGETS['edit_per_noop']} × no-op = {seconds(edit_budget)}",
                    verdict(edit <= edit_budget),
                ]
            )
    memory = {
        step: size
        for part in ("site", "html", "pdf")
        for step, size in (results.get(part) or {}).get("memory", {}).items()
    }
    if memory:
        step = max(memory, key=memory.__getitem__)
        rows.append(
            [
                f"peak memory, the largest process of any step (max RSS; in {step})",
                mebibytes(memory[step]),
                "≤ 1 GiB",
                verdict(memory[step] <= BUDGETS["memory_bytes"]),
            ]
        )
    return rows


def pdf_lines(results: dict) -> list[str]:
    handbooks = (results.get("pdf") or {}).get("handbooks", {})
    if not handbooks:
        return []
    # smertehandboka-<slug>-<lang>: one row per handbook, one column per language
    split = {name: name.rsplit("-", 1) for name in handbooks}
    slugs = list(dict.fromkeys(slug for slug, _lang in split.values()))
    langs = list(dict.fromkeys(lang for _slug, lang in split.values()))
    rows = [
        [f"`{slug}-<lang>.pdf`", *(seconds(handbooks.get(f"{slug}-{lang}", 0)) for lang in langs)]
        for slug in slugs
    ]
    return table(["LaTeX run (latexmk, from a clean folder)", *langs], rows, right=range(1, len(langs) + 1))


def weight_lines(results: dict) -> list[str]:
    weight = results.get("weight")
    if not weight:
        return []
    budget = BUDGETS["page_bytes"]
    rows = []
    for page, sites in weight["pages"].items():
        stock = sites.get(STOCK, {}).get("total")
        for name, figures in sites.items():
            if name == OURS:
                met = figures["total"] <= budget and (stock is None or figures["total"] <= stock)
                check = f"≤ {kilobytes(budget)}" + (", ≤ stock" if stock is not None else "")
                check += f": {verdict(met)}"
            else:
                check = ""
            rows.append(
                [
                    page if name == OURS else "",
                    f"{name} `{figures['address']}`" if name == OURS else name,
                    f"**{kilobytes(figures['total'])}**" if name == OURS else kilobytes(figures["total"]),
                    *(kilobytes(figures[kind]) for kind in KINDS),
                    figures["requests"],
                    check,
                ]
            )
    lines = table(
        ["page type", "build", "first visit", *WEIGHT_COLUMNS, "requests", "budget"],
        rows,
        right=range(2, 10),
    )
    index = weight.get("search_index", {})
    search = {
        name: figures.get("search_results", 0) for name, figures in weight["pages"].get("search", {}).items()
    }
    if index:
        lines += [
            "",
            "Left out of the first visit, as only a search loads them: the search index "
            "(`searchindex.js`, gzip) — "
            + ", ".join(f"{name} {kilobytes(size)}" for name, size in index.items())
            + (
                f"; and on the search page, the summaries of the hits for “{weight.get('search_query')}” "
                "(Sphinx's search fetches each hit's page for them) — "
                + ", ".join(f"{name} {kilobytes(size)}" for name, size in search.items())
                if search
                else ""
            )
            + ".",
        ]
    return lines


def lighthouse_cell(entry: dict, goal: int) -> str:
    score = entry["score"]
    cell = "—" if score is None else f"{score}"
    if "score_by_design" in entry:
        cell += f" ({entry['score_by_design']} without {', '.join(entry['by_design'])})"
        score = entry["score_by_design"]
    return cell if score is not None and score >= goal else f"{cell} **<{goal}**"


def lighthouse_lines(results: dict) -> list[str]:
    pages = (results.get("lighthouse") or {}).get("pages")
    if not pages:
        return []
    goals = BUDGETS["lighthouse"]
    rows = []
    for page, entry in pages.items():
        why = "; ".join(
            f"{category}: {', '.join(entry[category]['failing'])}"
            for category in goals
            if entry[category]["failing"]
        )
        rows.append(
            [page, *(lighthouse_cell(entry[category], goal) for category, goal in goals.items()), why or "—"]
        )
    return table(
        [
            "page type",
            f"performance (≥ {goals['performance']})",
            "accessibility (100)",
            "best practices (100)",
            "SEO (100)",
            "audits below full marks",
        ],
        rows,
    )


def render(results: dict) -> str:
    """The README's benchmark tables from the results."""
    lines = [
        f"Last run: {results.get('measured', '?')}, {results.get('machine', '')}; "
        f"the whole benchmark took {seconds(results['duration']) if 'duration' in results else '?'}."
    ]
    lang = (results.get("weight") or {}).get("lang", "")
    for title, part in (
        ("Builds", table(["step", "time", "budget", ""], build_rows(results), right=(1,))),
        ("PDF handbooks", pdf_lines(results)),
        (f"Page weight ({lang}, first visit)", weight_lines(results)),
        ("Lighthouse (mobile)", lighthouse_lines(results)),
    ):
        if len(part) > 2:
            lines += ["", f"**{title}**", "", *part]
    return "\n".join(lines)


def with_tables(readme: str, tables: str) -> str:
    """The README with the text between the markers replaced (ValueError if they are missing)."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README.md has no {START} … {END} section for the benchmark's tables")
    return readme[: start + len(START)] + "\n" + tables + "\n" + readme[end:]
