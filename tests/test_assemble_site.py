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
    root = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="nb/" lang="nb" hreflang="nb">Norsk bokmål</a>' in root  # works without script
    assert 'window.location.replace("nb/")' in root  # the fallback


def test_the_root_page_offers_every_language_and_follows_the_browser(tmp_path):
    make_build(tmp_path)
    make_build(tmp_path, "en")
    assert main(["--build-dir", str(tmp_path), "nb", "en"]) == 0
    root = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a href="en/" lang="en" hreflang="en">English</a>' in root
    assert 'var site = ["nb", "en"];' in root
    assert '<link rel="alternate" hreflang="en" href="en/">' in root


def test_an_incomplete_build_leaves_the_published_site_alone(tmp_path, capsys):
    (tmp_path / "site" / "nb").mkdir(parents=True)
    (tmp_path / "site" / "nb" / "index.html").write_text("<p>gammel</p>", encoding="utf-8")
    make_build(tmp_path, pdf=False)
    assert main(["--build-dir", str(tmp_path), "nb"]) == 1
    assert "no PDF handbooks" in capsys.readouterr().err
    assert (tmp_path / "site" / "nb" / "index.html").read_text(encoding="utf-8") == "<p>gammel</p>"
