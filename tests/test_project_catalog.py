"""The extensions' translatable words: translations/smertehandboka.pot is complete and current."""

import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
POT = PROJECT / "translations" / "smertehandboka.pot"


def test_the_committed_template_lists_every_translatable_word(tmp_path):
    """`make pot` into a fresh file (the Makefile's own rule and sources) gives the committed one."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run(["make", "--no-print-directory", "-s", "pot", f"POT={fresh}"], cwd=PROJECT, check=True)
    assert POT.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), "run `make pot`"
    words = ("Helseregion", "psykolog", "Ingen drift i 2012", "Viser {shown} av {total} enheter.", "et al.")
    words += ("Tverrfaglige smerteklinikker", "Smertehåndboka-redaksjonen")  # marked N_ in conf.py
    words += ("What changed in edition {edition}", "Page not found", "The current edition is {current}:")
    for word in words:
        assert f'msgid "{word}"' in POT.read_text(encoding="utf-8")
