extensions = ["myst_parser", "parallel_threshold"]
parallel_threshold = 3
