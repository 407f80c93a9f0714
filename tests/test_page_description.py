"""Every page gets its description, the same from parallel readers and after an incremental build."""

import re
from pathlib import Path

from conftest import PROJECT, sphinx_build

ROOT = PROJECT / "tests" / "roots" / "test-page-description"
META = re.compile(r'<meta name="description" content="([^"]*)" />')


def descriptions(out: Path) -> dict[str, list[str]]:
    return {page.name: META.findall(page.read_text(encoding="utf-8")) for page in sorted(out.glob("*.html"))}


def test_the_same_descriptions_at_any_j_and_after_an_incremental_build(tmp_path):
    found = {}
    for jobs in (1, 4):
        result = sphinx_build(ROOT, tmp_path / f"out{jobs}", tmp_path / f"doctrees{jobs}", jobs)
        assert result.returncode == 0, result.stderr
        found[jobs] = descriptions(tmp_path / f"out{jobs}")
    assert found[1] == found[4]
    assert found[1]["p3.html"] == ["Page number 3 opens with this paragraph of many words."]
    assert found[1]["index.html"] == ["The start page says what the site holds, in more than five words."]
    assert found[1]["genindex.html"] == found[1]["index.html"]  # no text of its own: the root's
    # An incremental build that reads one page keeps every other page's description.
    (tmp_path / "src").mkdir()
    for page in ROOT.iterdir():
        (tmp_path / "src" / page.name).write_bytes(page.read_bytes())
    assert sphinx_build(tmp_path / "src", tmp_path / "inc", tmp_path / "dinc", 4).returncode == 0
    edited = tmp_path / "src" / "p5.md"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("opens with", "begins with"), encoding="utf-8"
    )
    assert sphinx_build(tmp_path / "src", tmp_path / "inc", tmp_path / "dinc", 4).returncode == 0
    again = descriptions(tmp_path / "inc")
    assert again["p5.html"] == ["Page number 5 begins with this paragraph of many words."]
    assert {k: v for k, v in again.items() if k != "p5.html"} == {
        k: v for k, v in found[4].items() if k != "p5.html"
    }
