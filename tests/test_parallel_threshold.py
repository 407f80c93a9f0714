"""parallel_threshold: -j N reads in parallel only when enough pages changed."""

import pytest


@pytest.mark.sphinx("html", testroot="parallel-threshold", parallel=4, freshenv=True)
def test_a_full_build_stays_parallel_and_a_small_rebuild_runs_in_one_process(app):
    app.build()  # five pages: at least the threshold of three
    assert app.parallel == 4
    assert (app.outdir / "four.html").is_file()

    page = app.srcdir / "two.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMer tekst.\n", encoding="utf-8")
    app.build()  # one changed page
    assert app.parallel == 1
    assert "Mer tekst." in (app.outdir / "two.html").read_text(encoding="utf-8")
