"""What changed between two editions, computed from their sources: on a synthetic pair that adds,
rewords, re-strengthens and withdraws one recommendation each, and on the real pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from edition_changes import FolderTree, GitTree, Page, compare, render
from releases import releases

PROJECT = Path(__file__).resolve().parent.parent
CLINICS = "id,unit,hospital,waiting_weeks\n{rows}"


def rec(rec_id, strength, text):
    return f":::{{recommendation}} {rec_id}\n:strength: {strength}\n\n{text}\n:::\n"


def tree(root: Path, pages: dict[str, str], clinics: str, po: dict[str, str] | None = None) -> FolderTree:
    for name, text in pages.items():
        (root / "source" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "source" / name).write_text(text, encoding="utf-8")
    (root / "source" / "clinics").mkdir(parents=True, exist_ok=True)
    (root / "source" / "clinics" / "clinics.csv").write_text(CLINICS.format(rows=clinics), encoding="utf-8")
    for name, text in (po or {}).items():
        (root / "translations" / "en" / "LC_MESSAGES" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "translations" / "en" / "LC_MESSAGES" / name).write_text(text, encoding="utf-8")
    return FolderTree(root)


@pytest.fixture
def pair(tmp_path):
    old = tree(
        tmp_path / "old",
        {
            "guideline/org.md": "# Organisering\n\n"
            + rec("ORG-01", "skal", "Klinikken skal ha lege.")
            + rec("ORG-02", "bør", "Klinikken bør ha psykolog.")
            + rec("ORG-03", "bør", "Ventetiden bør være kort.")
            + rec("ORG-04", "skal", "Klinikken skal ha sosionom."),
            "guideline/old.md": "# Gammel side\n",
        },
        "a,Smerteklinikken,Sykehus A,12\nb,Smerteenheten,Sykehus B,20\n",
    )
    new = tree(
        tmp_path / "new",
        {
            "guideline/org.md": "# Organisering\n\n"
            + rec("ORG-01", "skal", "Klinikken skal ha lege.")
            + rec("ORG-02", "bør", "Klinikken bør ha psykolog eller psykiater.")
            + rec("ORG-03", "skal", "Ventetiden skal være kort.")
            + rec("ORG-05", "bør", "Klinikken bør samarbeide med fastlegen."),
            "guideline/new.md": "# Ny side\n",
        },
        "a,Smerteklinikken,Sykehus A,14\nc,Smertesenteret,Sykehus C,8\n",
        {
            "guideline/org.po": 'msgid ""\nmsgstr ""\n\nmsgid "Klinikken bør samarbeide med fastlegen."\n'
            'msgstr "The clinic should work with the GP."\n\nmsgid "Organisering"\nmsgstr "Organisation"\n'
        },
    )
    return old, new


def test_each_kind_of_change_is_found(pair):
    changes = compare(*pair)
    assert [r.rec_id for r in changes.added] == ["ORG-05"]
    assert [(a.rec_id, a.text, b.text) for a, b in changes.reworded] == [
        ("ORG-02", "Klinikken bør ha psykolog.", "Klinikken bør ha psykolog eller psykiater.")
    ]
    assert [(a.strength, b.strength) for a, b in changes.strength] == [("bør", "skal")]
    assert [r.rec_id for r in changes.withdrawn] == ["ORG-04"]
    assert changes.pages_added == ["source/guideline/new.md"]
    assert changes.pages_removed == ["source/guideline/old.md"]
    assert changes.pages_changed == ["source/guideline/org.md"]
    assert [r["id"] for r in changes.rows_added] == ["c"] and [r["id"] for r in changes.rows_removed] == ["b"]
    assert [(row["id"], cells) for row, cells in changes.rows_changed] == [
        ("a", [("waiting_weeks", "12", "14")])
    ]


def page_of(pair, lang, previous_has_lang=True):
    words = {"skal": "must", "bør": "should"} if lang == "en" else {}
    return Page(
        lang=lang,
        source_lang="nb",
        edition="2026.9",
        previous="2026.8",
        previous_date="1 May 2026",
        old=pair[0],
        new=pair[1],
        previous_has_lang=previous_has_lang,
        translate=lambda word: word,
        strength_word=lambda strength: words.get(strength, strength),
        link=lambda edition, page: f"../{edition}/{page.removeprefix('source/').removesuffix('.md')}.html",
    )


def test_the_page_links_each_change_and_sets_old_and_new_side_by_side(pair):
    _title, body = render(compare(*pair), page_of(pair, "nb"))
    html = BeautifulSoup(body, "html.parser")
    added = html.select_one(".smh-changes-added tbody tr")
    assert added.th.a["href"] == "../2026.9/guideline/org.html#rec-org-05"
    reworded = html.select_one(".smh-changes-reworded tbody tr")
    assert [td.get_text(" ", strip=True) for td in reworded.select("td")] == [
        "Klinikken bør ha psykolog.",
        "Klinikken bør ha psykolog eller psykiater.",
    ]
    assert [ins.get_text() for ins in reworded.select("ins")] == ["psykolog eller psykiater."]
    strength = html.select_one(".smh-changes-strength tbody tr")
    assert [td.strong.get_text() for td in strength.select("td")] == ["bør", "skal"]
    withdrawn = html.select_one(".smh-changes-withdrawn tbody tr")
    assert withdrawn.th.a["href"] == "../2026.8/guideline/org.html#rec-org-04"
    assert "Ny side" in html.select_one("#chapters").get_text()
    assert "waiting_weeks: 12 → 14" in html.select_one("#clinics").get_text()


def test_a_translated_page_shows_the_translation_and_marks_bokmal(pair):
    _title, body = render(compare(*pair), page_of(pair, "en", previous_has_lang=False))
    html = BeautifulSoup(body, "html.parser")
    added = html.select_one(".smh-changes-added tbody tr")
    assert [td.get_text(strip=True) for td in added.select("td")] == [
        "should",
        "The clinic should work with the GP.",
    ]
    withdrawn = html.select_one(".smh-changes-withdrawn tbody td")
    assert withdrawn["lang"] == "nb"  # the old edition had no English: shown in Bokmål, marked so


def test_the_real_pair_2026_2_against_2026_1():
    old, new = releases()[:2]
    changes = compare(GitTree(old.commit, PROJECT), GitTree(new.commit, PROJECT))
    assert "SAM-12" in [b.rec_id for _a, b in changes.reworded]
    assert [r.rec_id for r in changes.added] == ["SYK-08"]
    assert changes.withdrawn == [] and changes.strength == []
    sam12 = next(b for _a, b in changes.reworded if b.rec_id == "SAM-12")
    assert "egenaktivitet" in sam12.text
    assert "source/guideline/summary.md" in changes.pages_changed
