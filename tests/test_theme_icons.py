"""The theme's icons are SVG masks in icons.css: no icon font and no icon script on the pages."""

import re
import subprocess
import sys

from bs4 import BeautifulSoup
from theme_icons import ICONS, PROJECT


def test_the_stylesheet_is_what_the_themes_icon_font_gives():
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "theme_icons.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_icon_on_the_pages_is_drawn_and_no_icon_font_or_script_is_loaded(site):
    used = set()
    for page in site.html().rglob("*.html"):
        if "_static" in page.parts:  # the theme's own template files, copied as they are
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select('script[src*="fontawesome"]'), page
        for icon in soup.select(".fa-solid, .fa-regular, .fa-brands"):
            used |= {name.removeprefix("fa-") for name in icon["class"] if name.startswith("fa-")}
    assert used - {"solid", "lg"} <= set(ICONS)
    assert {"magnifying-glass", "moon", "sun", "bars"} <= used  # the search, mode and menu buttons
    css = (site.html() / "_static" / "css" / "icons.css").read_text(encoding="utf-8")
    assert set(re.findall(r"\.fa-([a-z0-9-]+) \{ --smh-icon", css)) == set(ICONS)
    assert "font-family: inherit" in css  # the theme's rules cannot pull in its icon font
