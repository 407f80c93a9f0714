"""scripts/clinic_messages.py: the clinic directory's free-text cells as a template for translators."""

from babel.messages.pofile import read_po
from clinic_messages import main

CSV = "tests/roots/test-clinic-directory/units.csv"


def test_the_shown_free_text_becomes_messages_and_notes_do_not(tmp_path):
    template = tmp_path / "clinic-data.pot"
    assert main([CSV, str(template)]) == 0
    with template.open("rb") as handle:
        ids = {str(m.id) for m in read_po(handle) if m.id}
    assert {"Flere psykologer, lokaler", "Ressurser", "Ingen drift i 2012", "Ikke oppgitt"} <= ids
    assert not any(text.startswith("Kilden") for text in ids)  # editors' notes are not shown
