"""Text helpers with no dependencies inside the project: search folding, rich-text features."""

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
# A page's own body starts its sections at h2 (the page title is the only h1).
BODY_FEATURES = ["h2", *TEXT_FEATURES]


def normalise_search_text(*parts):
    """Case-folded text for a case-insensitive search that works for Cyrillic on any database.

    SQLite folds only ASCII letters in LIKE and lower(), so the catalogue searches this column
    with the case-folded query instead of relying on the database.
    """
    text = " ".join(str(part) for part in parts if part)
    return " ".join(text.casefold().replace("ё", "е").split())


def tel_href(phone):
    """A `tel:` link for a Russian phone written for people: «8 (8552) 52-47-10» →
    `tel:+785525247...`; a leading 8 becomes +7, a ten-digit number gets +7; "" for no digits."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    elif len(digits) == 10:
        digits = "7" + digits
    return "tel:+" + digits if digits else ""
