"""Docutils finds the project's Norwegian Bokmål labels instead of falling back to English."""

from docutils.languages import get_language


def test_docutils_uses_the_nb_module():
    labels = get_language("nb").labels
    assert labels["note"] == "Merknad"
    assert labels["contents"] == "Innhold"
