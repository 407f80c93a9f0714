"""scripts/assemble_site.py publishes only complete builds and never leaves a half-made site."""

from assemble_site import main


def make_build(build_dir, lang="nb", pdf=True):
    html = build_dir / "html" / lang
    html.mkdir(parents=True)
    (html / "index.html").write_text("<p>ny</p>", encoding="utf-8")
    if pdf:
        (build_dir / "pdf" / lang).mkdir(parents=True)
        (build_dir / "pdf" / lang / "smertehandboka-kommentar-nb.pdf").write_bytes(b"%PDF-1.5")


def test_assembles_html_pdfs_and_a_root_page(tmp_path):
    make_build(tmp_path)
    assert main(["--build-dir", str(tmp_path), "nb"]) == 0
    site = tmp_path / "site"
    assert (site / "nb" / "index.html").read_text(encoding="utf-8") == "<p>ny</p>"
    assert (site / "nb" / "pdf" / "smertehandboka-kommentar-nb.pdf").is_file()
    assert 'url=nb/"' in (site / "index.html").read_text(encoding="utf-8")


def test_an_incomplete_build_leaves_the_published_site_alone(tmp_path, capsys):
    (tmp_path / "site" / "nb").mkdir(parents=True)
    (tmp_path / "site" / "nb" / "index.html").write_text("<p>gammel</p>", encoding="utf-8")
    make_build(tmp_path, pdf=False)
    assert main(["--build-dir", str(tmp_path), "nb"]) == 1
    assert "no PDF handbooks" in capsys.readouterr().err
    assert (tmp_path / "site" / "nb" / "index.html").read_text(encoding="utf-8") == "<p>gammel</p>"
