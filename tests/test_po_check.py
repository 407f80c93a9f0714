"""validate.py po: translation catalogues are checked at FILE:LINE before anything is built."""

import pytest

from validate import main

RECOMMENDATION_PAGE = """# Organisering

:::{recommendation} ORG-01
:strength: skal

Klinikken skal ha lege og psykolog.
:::
"""

GOOD = [
    ("Organisering", "Organisation"),
    ("Klinikken skal ha lege og psykolog.", "The clinic must have a doctor and a psychologist."),
    (
        "Ventetiden var 10 300 dager, 8,3 uker og 25–30 %.",
        "The waiting time was 10,300 days, 8.3 weeks and 25–30%.",
    ),
    (
        "Se {ref}`guideline-summary` og {cite:p}`kosek2016third`.",
        "See {ref}`guideline-summary` and {cite:p}`kosek2016third`.",
    ),
    (
        "Smerten er {term}`nevropatisk <Nevropatisk smerte>`.",
        "The pain is {term}`neuropathic <nevropatisk smerte>`.",
    ),
    ("Anbefalingen sier {strength}`bør`.", "The recommendation says {strength}`bør`."),
]


def catalogue(tmp_path, entries, lang="en"):
    """A page's catalogue under <lang>/LC_MESSAGES/ and its source page; returns (po, lines)."""
    (tmp_path / "source" / "guideline").mkdir(parents=True)
    (tmp_path / "source" / "guideline" / "organisation.md").write_text(RECOMMENDATION_PAGE, encoding="utf-8")
    po = tmp_path / "translations" / lang / "LC_MESSAGES" / "guideline" / "organisation.po"
    po.parent.mkdir(parents=True)
    text = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    lines = {}
    for msgid, msgstr in entries:
        text += "\n"
        lines[msgid] = text.count("\n") + 1
        text += f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'
    po.write_text(text, encoding="utf-8")
    return po, lines


def run(capsys, tmp_path, po):
    status = main(["po", "--source", str(tmp_path / "source"), str(po)])
    return status, capsys.readouterr().out.splitlines()


def test_a_faithful_catalogue_passes(tmp_path, capsys):
    po, _lines = catalogue(tmp_path, GOOD)
    assert run(capsys, tmp_path, po) == (0, [])


@pytest.mark.parametrize(
    ("msgid", "msgstr", "message"),
    [
        (
            "Ventetiden var 10 300 dager og 8,3 uker.",
            "The waiting time was 10,300 days and 8.4 weeks.",
            "the number 8,3 of the source is missing from the translation (en: 8.3)",
        ),
        (
            "Ventetiden var 10 300 dager.",
            "The waiting time was 10 300 days.",
            "the number 10 300 of the source is missing from the translation (en: 10,300)",
        ),
        (
            "Se {ref}`guideline-summary`.",
            "See {ref}`guideline-sammendrag`.",
            "{ref}`guideline-summary` of the source is missing or changed",
        ),
        (
            "Se {ref}`guideline-summary`.",
            "See {ref}guideline-summary.",
            "{ref}`guideline-summary` of the source is missing or changed",
        ),
        (
            "Smerten er {term}`nevropatisk <Nevropatisk smerte>`.",
            "The pain is {term}`neuropathic <Neuropathic pain>`.",
            "{term}`nevropatisk smerte` of the source is missing or changed: keep the role and its target",
        ),
        (
            "Tekst.",
            "Text.\\n\\n```{raw} html\\n<b>x</b>\\n```",
            "raw markup or a script in the translation",
        ),
        ("Tekst.", "Text <script>alert(1)</script>.", "raw markup or a script in the translation"),
        ("Tekst.", "Text <span>here</span>.", "HTML <span> in the translation"),
        (
            "Klinikken skal ha lege og psykolog.",
            "The clinic should have a doctor and a psychologist.",
            "this recommendation is 'skal' in the source: its translation must say 'must'",
        ),
        (
            "Fastlegen henviser.",
            "The family doctor refers.",
            "the termbase's 'fastlege' is 'general practitioner (GP)' in en: not in the translation",
        ),
    ],
)
def test_a_faulty_message_is_rejected_at_its_line(tmp_path, capsys, msgid, msgstr, message):
    po, lines = catalogue(
        tmp_path, [*GOOD[:2], (msgid, msgstr)] if msgid not in dict(GOOD[:2]) else [(msgid, msgstr)]
    )
    status, out = run(capsys, tmp_path, po)
    assert status == 1
    assert f"{po}:{lines[msgid]}: {message}" in "\n".join(out), out


def test_danish_numbers_follow_the_convention_of_the_language_table(tmp_path, capsys):
    """Danish groups digits from 10.000 on, as Bokmål does; a year or a PMID is never grouped."""
    po, _lines = catalogue(
        tmp_path,
        [("I 2012 gjaldt 4892 av 10 300 (PMID 25365326).", "I 2012 gjaldt 4892 af 10.300 (PMID 25365326).")],
        lang="da",
    )
    assert run(capsys, tmp_path, po) == (0, [])


@pytest.mark.parametrize(
    ("msgid", "msgstr", "message"),
    [
        ("Det gjaldt 4892.", "Det gjaldt 4.892.", "4.892: da groups digits from 10.000 on"),
        ("Det gjaldt 10 300.", "Det gjaldt 10300.", "10300: da groups digits from 10.000 on"),
    ],
)
def test_a_danish_number_against_the_convention_is_rejected(tmp_path, capsys, msgid, msgstr, message):
    po, lines = catalogue(tmp_path, [(msgid, msgstr)], lang="da")
    status, out = run(capsys, tmp_path, po)
    assert status == 1
    expected = f"{po}:{lines[msgid]}: {message} (translations/languages.toml): write "
    assert [line for line in out if line.startswith(expected)] == [
        expected + ("4892" if "4892" in msgid else "10.300")
    ]


def test_a_catalogue_msgfmt_rejects_is_reported_at_its_line(tmp_path, capsys):
    po, _lines = catalogue(tmp_path, GOOD[:1])
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "Tekst"\nmsgstr "Text\n', encoding="utf-8")
    status, out = run(capsys, tmp_path, po)
    assert status == 1
    assert out and out[0].startswith(f"{po}:") and "msgfmt:" in out[0]


def test_fuzzy_and_untranslated_messages_are_left_to_the_status_report(tmp_path, capsys):
    po, _lines = catalogue(tmp_path, [("Ventetiden var 8,3 uker.", "")])
    po.write_text(
        po.read_text(encoding="utf-8") + '\n#, fuzzy\nmsgid "Tekst 5"\nmsgstr "Text 6"\n', encoding="utf-8"
    )
    assert run(capsys, tmp_path, po) == (0, [])
