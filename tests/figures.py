"""Numbers in a text, compared across Norwegian and Danish formatting ("5 000" = "5000", "8,3" = "8.3")."""

import re

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def normalise(text: str) -> str:
    return re.sub(r"(?<=\d)[ \u00a0](?=\d{3}\b)", "", text).replace(",", ".")


def numbers(text: str) -> list[str]:
    return NUMBER.findall(normalise(text))
