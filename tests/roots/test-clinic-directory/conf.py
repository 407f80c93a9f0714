from pathlib import Path

import clinic_data  # scripts/, on the path in the tests

extensions = ["myst_parser", "clinic_directory"]
language = "nb"
numfig = True
myst_enable_extensions = ["colon_fence"]
locale_dirs = ["locale"]
clinic_directory_data = "units.csv"
# The project's own schema, so the test data is checked by the same rules as the real file.
clinic_directory_schema = str(Path(clinic_data.__file__).parent.parent / "source/clinics/clinics.schema.json")
latex_documents = [("index", "clinics.tex", "Klinikker", "Test", "howto")]
