"""The policy each published page carries (scripts/site_csp.py), without a browser; the browser
gate (test_site_gates.py) shows that Chromium enforces it as intended."""

import base64
import hashlib

import site_csp
import site_menus

PAGE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8" />
<title>Side</title>
<script src="_static/documentation_options.js"></script>
<script src="_static/doctools.js"></script>
<script src="_static/translations.js?v=1"></script>
<script>document.documentElement.dataset.mode = localStorage.getItem("mode") || "";</script>
</head>
<body><table><colgroup><col style="width: 33%" /></colgroup></table></body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_is_strict_with_hashes_of_exactly_the_inline_content():
    policy = site_csp.policy(PAGE)
    assert policy.startswith("default-src 'self'; script-src 'self' ")
    inline = 'document.documentElement.dataset.mode = localStorage.getItem("mode") || "";'
    assert sha(inline) in policy
    assert "'unsafe-hashes' " + sha("width: 33%") in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "object-src 'none'; base-uri 'none'" in policy
    assert "frame-ancestors" not in policy  # browsers ignore it in a <meta>
    assert site_csp.header(site_csp.inject(PAGE)).endswith("; frame-ancestors 'none'")


def test_the_meta_comes_first_and_the_site_scripts_are_placed_where_they_work():
    page = site_csp.inject(PAGE, "../", hide_matches="Skjul søketreff")
    head = page[page.index("<head>") : page.index("</head>")]
    assert head.index("Content-Security-Policy") < head.index("<title>") < head.index("<script")
    assert head.index("../_smh/plural.js") < head.index("_static/translations.js")
    assert '<script defer src="../_smh/site.js" data-hide-matches="Skjul søketreff">' in head
    assert site_csp.inject(page, "../", hide_matches="Skjul søketreff") == page  # idempotent


def test_strip_gives_back_the_page_as_built():
    assert site_menus.strip(site_csp.inject(PAGE, "../../", hide_matches="x")) == PAGE
