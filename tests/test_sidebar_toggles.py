"""The sidebar's expand toggles get a name that says which section they open."""

from bs4 import BeautifulSoup

from sidebar_toggles import name_soup_toggles, name_toggles

SIDEBAR = (
    '<ul><li class="toctree-l1 has-children">'
    '<a class="reference internal" href="a.html">Nevropatisk smerte</a>'
    '<details><summary><span class="toctree-toggle" role="presentation"><i></i></span></summary>'
    '<ul><li><a class="reference internal" href="b.html">Årsaker</a></li></ul></details></li></ul>'
)


def test_a_toggle_in_html_text_is_named_after_its_section():
    named = BeautifulSoup(name_toggles(SIDEBAR), "html.parser")
    assert named.select_one("summary .visually-hidden").get_text() == "Undersider: Nevropatisk smerte"


def test_a_toggle_in_the_themes_tree_is_named_once_however_often_the_tree_is_reused():
    soup = BeautifulSoup(SIDEBAR, "html.parser")
    name_soup_toggles(soup)
    name_soup_toggles(soup)  # the theme caches the tree across pages
    labels = soup.select("summary .visually-hidden")
    assert [label.get_text() for label in labels] == ["Undersider: Nevropatisk smerte"]
