"""The extensions' translatable words: translations/smertehandboka.pot is complete and current."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
POT = PROJECT / "translations" / "smertehandboka.pot"


def test_the_committed_template_lists_every_translatable_word(tmp_path):
    fresh = tmp_path / "fresh.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "--quiet", "extract"]
    options = [
        "--no-default-keywords",
        "-k",
        "_",
        "-k",
        "N_",
        "--no-location",
        "--sort-output",
        "--omit-header",
    ]
    sources = [PROJECT / "scripts" / "sphinxext", PROJECT / "conf.py"]
    subprocess.run([*command, *options, "-o", fresh, *sources], check=True)
    assert POT.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), "run `make pot`"
    words = ("Helseregion", "psykolog", "Ingen drift i 2012", "Viser {shown} av {total} enheter.", "et al.")
    words += ("Tverrfaglige smerteklinikker", "Smertehåndboka-redaksjonen")  # marked N_ in conf.py
    for word in words:
        assert f'msgid "{word}"' in POT.read_text(encoding="utf-8")
