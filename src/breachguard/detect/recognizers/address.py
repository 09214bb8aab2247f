"""Recognizers: street address, a UK street line, or Arabic address parts.

A UK address is a house number (or a Flat/Studio/Unit line) and a capitalised street name ending
in a street type ("45 Park Road", "Flat 3, Kingsley House, 12a Mill Lane"). The span is that
street part only: the town lines after it are shared by thousands, and the postcode is a finding
of its own (UK_POSTCODE, DESIGN.md). Street types that are everyday nouns too ("Station", "Club",
"Falls") make an address only with more evidence: a postcode after the street (across its town
lines), a flat before it, or an address word nearby.

An Arabic address is one or more of: a street (شارع، طريق), a district (حي الـ...), a numbered
building, floor or flat (مبنى ١٢), a P.O. box (ص.ب) or a postal code. One named street alone is
often just a place in the news ("حادث في شارع الملك فهد"), so it needs an address word nearby;
two parts together, a P.O. box or a numbered street are an address by themselves.
"""

from __future__ import annotations

from breachguard.detect.recognizer import (
    ARABIC_LETTERS,
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
    Pattern,
    Recognizer,
    without,
)

# Words that end a street's name and say so by themselves ("Road", "Mews", "Crescent").
_STREET_TYPES = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Close", "Way",
    "Crescent", "Cres", "Place", "Pl", "Gardens", "Gdns", "Court", "Ct", "Terrace", "Grove",
    "Hill", "Square", "Sq", "Row", "Mews", "Walk", "Park", "Rise", "Parade", "Green", "Vale",
    "View", "Wharf", "Yard", "Quay", "Embankment", "Circus", "Boulevard", "Broadway", "Chase",
    "Croft", "Hollow", "Meadow", "Meadows", "Mount", "Passage", "Path", "Promenade", "Ridge",
    "Villas", "Wynd", "Brae", "Gate", "Drove", "Fields", "Heights", "Approach", "Cottages",
    "Dene", "Highway", "Bank", "Alley", "Bypass", "Causeway", "Circle", "Common", "Cove",
    "Crest", "Crossing", "Esplanade", "Estate", "Expressway", "Freeway", "Garth", "Glade",
    "Grange", "Groves", "Manor", "Mills", "Motorway", "Orchard", "Paddock", "Parkway", "Plains",
    "Plaza", "Shores", "Spinney", "Springs", "Trail", "Turnpike", "Ville", "Blvd", "Pkwy",
)  # fmt: skip
# Words that end street names too (the USPS street suffixes, used for many English-speaking
# places) but are everyday nouns as well ("Power Station", "Book Club"): a street named with one
# is an address only with more evidence, a postcode after it, a flat before it or an address word.
_PLACE_WORDS = (
    "Branch", "Bridge", "Brook", "Brooks", "Burg", "Burgs", "Camp", "Canyon", "Cape", "Center",
    "Centers", "Circles", "Cliff", "Cliffs", "Club", "Corner", "Corners", "Course", "Courts",
    "Coves", "Creek", "Crossroad", "Curve", "Dale", "Dam", "Divide", "Drives", "Estates",
    "Extension", "Extensions", "Fall", "Falls", "Ferry", "Field", "Flat", "Flats", "Ford", "Fords", "Forest",
    "Forge", "Forges", "Fork", "Forks", "Fort", "Garden", "Gateway", "Glen", "Glens", "Greens",
    "Harbor", "Harbors", "Harbour", "Haven", "Hills", "Inlet", "Island", "Islands", "Isle",
    "Junction", "Junctions", "Key", "Keys", "Knoll", "Knolls", "Lake", "Lakes", "Land",
    "Landing", "Light", "Lights", "Loaf", "Lock", "Locks", "Lodge", "Loop", "Mall", "Manors",
    "Mill", "Mission", "Mountain", "Mountains", "Neck", "Oval", "Overpass", "Parks",
    "Parkways", "Pass", "Pike", "Pine", "Pines", "Plain", "Point", "Points", "Port", "Ports",
    "Prairie", "Radial", "Ramp", "Ranch", "Rapid", "Rapids", "Rest", "Ridges", "River", "Roads",
    "Route", "Rue", "Run", "Shoal", "Shoals", "Shore", "Skyway", "Spring", "Spur", "Spurs",
    "Squares", "Station", "Stravenue", "Stream", "Streets", "Summit", "Throughway", "Trace",
    "Track", "Trafficway", "Tunnel", "Underpass", "Union", "Unions", "Valley", "Valleys", "Via",
    "Viaduct", "Views", "Village", "Villages", "Vista", "Walks", "Wall", "Ways", "Well", "Wells",
)  # fmt: skip
_BUILDING_TYPES = (
    "House", "Court", "Building", "Buildings", "Mansions", "Lodge", "Tower", "Apartments",
    "Cottage", "Centre", "Chambers", "Block", "Point", "Works", "Farm", "Barn",
)  # fmt: skip


def _words(words: tuple[str, ...]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


# "Mary", "O'Neill", "McDonald", "Stratford-upon-Avon", "St." ("St. John's Road").
_NAME_WORD = r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:'[A-Z]?[a-z]+)?(?:-[A-Za-z][a-z]+)*|St\.?)"
_HOUSE_NUMBER = r"\b\d{1,3}[A-Za-z]?(?:[ \t]*-[ \t]*\d{1,3}[A-Za-z]?)?,?[ \t]+"
_SEPARATOR = r"(?:,[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)"
_UNIT = r"\b(?:Flat|Apartment|Apt\.?|Unit|Suite|Studio|Room)[ \t]+\d{1,4}[A-Za-z]?"
_BUILDING = rf"(?:{_NAME_WORD}[ \t]+){{1,3}}(?:{_words(_BUILDING_TYPES)})\b"
_UNIT_LINES = rf"{_UNIT}{_SEPARATOR}(?:{_BUILDING}{_SEPARATOR})?(?:{_HOUSE_NUMBER})?"
_NUMBER_OR_UNIT = rf"(?:{_UNIT_LINES}|{_HOUSE_NUMBER})"


# Only an abbreviation keeps its full stop ("12 Mill Rd."); after a whole word it ends the sentence.
_ABBREVIATIONS = frozenset(
    {"Rd", "St", "Ave", "Ln", "Dr", "Cres", "Pl", "Gdns", "Ct", "Sq", "Blvd", "Pkwy"}
)


def _street(types: tuple[str, ...]) -> str:
    whole = _words(tuple(t for t in types if t not in _ABBREVIATIONS))
    short = _words(tuple(t for t in types if t in _ABBREVIATIONS))
    return rf"(?:{_NAME_WORD}[ \t]+){{1,3}}(?:(?:{whole})\b|(?:{short})\b\.?)"


_ANY_STREET = _street(_STREET_TYPES + _PLACE_WORDS)
_STRONG_STREET = _street(_STREET_TYPES)

# The span is the street part: flat, building, house number and street ("Flat 3, Kingsley House,
# 45 Park Road"). The town lines after it are left out, as the postcode is (UK_POSTCODE's own
# finding): a town is shared by thousands, the street line is what points at one household.
_TOWN = (
    r"(?:St\.|[A-Z][A-Za-z'-]*\b)"
    r"(?:[ \t]+(?:St\.|[A-Z][A-Za-z'-]*\b|upon|on|under|in|le|the|by|de|en|sub|cum|next|&)){0,3}"
)
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b"
_LINE_BREAK = r"(?:,[ \t]*|[ \t]*\r?\n[ \t]*)"
_THEN_POSTCODE = rf"(?=(?:{_LINE_BREAK}{_TOWN}){{0,3}}(?:{_LINE_BREAK}|[ \t]+)?{_POSTCODE})"
_UK_BEFORE_POSTCODE = rf"(?P<value>{_NUMBER_OR_UNIT}{_ANY_STREET}){_THEN_POSTCODE}"
_UK_STREET = rf"(?P<value>{_UNIT_LINES}{_ANY_STREET}|{_HOUSE_NUMBER}{_STRONG_STREET})"
_UK_PLACE = rf"(?P<value>{_HOUSE_NUMBER}{_ANY_STREET})"
# "Kingsley House, 45 Park Road": a named building before a numbered street. A pattern of its own
# because a regex that may start at any capitalised word is slow; hyperscan runs this one only
# where a building word stands before a house number and a street.
_UK_BUILDING = (
    rf"(?P<value>(?:{_UNIT}{_SEPARATOR})?\b{_BUILDING}{_SEPARATOR}{_HOUSE_NUMBER}{_ANY_STREET})"
)
# "16 Burns House, Davies Crescent": a numbered building on a named street. One span, so the
# street is not cut off after the building ("24 McDonald Point" alone is a place-word street).
_UK_NUMBERED_BUILDING = rf"(?P<value>{_HOUSE_NUMBER}{_BUILDING}{_SEPARATOR}{_ANY_STREET})"

_NOT_VIA = "(?<!عن )"  # عن طريق is "by way of", not a road
_NOT_STOP = f"(?!(?:في|من|على|إلى|الى|عن|مع|قرب|بجوار|بالقرب|و|ثم|حيث|الذي|التي){NOT_ARABIC_AFTER})"
_AR_WORD = f"{_NOT_STOP}[{ARABIC_LETTERS}]+"
_AR_NAME = rf"(?:\d{{1,4}}|{_AR_WORD}(?:[ \t]+{_AR_WORD}){{0,2}})"
_AR_STREET_NAMED = rf"{NOT_ARABIC_BEFORE}{_NOT_VIA}(?:(?:شارع|طريق)[ \t]+|ش\.[ \t]*){_AR_NAME}"
_AR_STREET = rf"(?:\d{{1,4}}[ \t]+)?{_AR_STREET_NAMED}"
_AR_DISTRICT = rf"{NOT_ARABIC_BEFORE}حي[ \t]+ال[{ARABIC_LETTERS}]+(?:[ \t]+{_AR_WORD})?"
_AR_NUMBERED = (
    rf"{NOT_ARABIC_BEFORE}(?:مبنى|مبني|عمارة|عماره|بناية|بنايه|برج|شقة|شقه|فيلا|منزل|الطابق|طابق"
    r"|الدور|دور)(?:[ \t]+رقم)?[ \t]*:?[ \t]*\d{1,5}\b"
)
_AR_POBOX = (
    rf"{NOT_ARABIC_BEFORE}(?:ص[ \t]?\.[ \t]?ب\.?|صندوق[ \t]+(?:ال)?بريد)[ \t]*:?[ \t]*\d{{1,7}}\b"
    rf"|{NOT_ARABIC_BEFORE}(?:ال)?رمز[ \t]+(?:ال)?بريدي[ \t]*:?[ \t]*\d{{5}}\b"
)
_AR_PART = f"(?:{_AR_POBOX}|{_AR_NUMBERED}|{_AR_STREET}|{_AR_DISTRICT})"
_AR_SEPARATOR = r"[ \t]*(?:[,\-]|\r?\n)?[ \t]*"
_AR_ADDRESS = f"{_AR_PART}(?:{_AR_SEPARATOR}{_AR_PART})+"
_AR_STRONG_PART = (
    rf"{_AR_POBOX}|\d{{1,4}}[ \t]+{_AR_STREET_NAMED}"
    rf"|{_AR_STREET_NAMED}[ \t]*,?[ \t]*(?:رقم[ \t]*)?\d{{1,4}}\b"
)

# What prefilters leave out: look-arounds hyperscan cannot compile. Outer ones first: _NOT_STOP
# holds NOT_ARABIC_AFTER, and removing that first would leave the rest of _NOT_STOP behind.
_LOOKAROUNDS = (
    _THEN_POSTCODE,
    _NOT_STOP,
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
    _NOT_VIA,
)


def _pattern(regex: str, score: float, name: str) -> Pattern:
    return Pattern(regex, score, name, prefilter=without(regex, *_LOOKAROUNDS))


_CONTEXT = (
    "address", "addresses", "lives at", "living at", "resides", "residing", "resident at",
    "home", "c/o", "registered office", "correspondence", "moved to", "deliver to", "post to",
    "العنوان", "عنوان", "يسكن", "تسكن", "يقيم", "تقيم", "مقيم", "السكن", "المنزل",
)  # fmt: skip

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="street_address_uk",
        entity="STREET_ADDRESS",
        patterns=(
            _pattern(_UK_BEFORE_POSTCODE, 0.7, "uk street before a postcode"),
            _pattern(_UK_STREET, 0.6, "uk street"),
            _pattern(_UK_PLACE, 0.4, "uk street with a place word"),
            _pattern(_UK_BUILDING, 0.7, "uk building and street"),
            _pattern(_UK_NUMBERED_BUILDING, 0.7, "uk numbered building and street"),
        ),
        context=_CONTEXT,
        languages=frozenset({"en"}),
        max_width=240,
    ),
    Recognizer(
        name="street_address_ar",
        entity="STREET_ADDRESS",
        patterns=(
            _pattern(_AR_ADDRESS, 0.6, "address parts"),
            _pattern(_AR_STRONG_PART, 0.6, "p.o. box or numbered street"),
            _pattern(_AR_PART, 0.35, "one address part"),
        ),
        context=_CONTEXT,
        languages=frozenset({"ar"}),
        max_width=200,
    ),
)
