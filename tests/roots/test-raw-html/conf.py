extensions = ["myst_parser", "raw_html_policy"]
raw_html_allowed = {
    "dc338ddc003433b21db4f1a6be48fdd3198c1108a6f35d119cbceb4f386617b4": "the test's reviewed exception",
}
