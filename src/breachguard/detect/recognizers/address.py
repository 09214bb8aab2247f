"""Recognizers: street address, a UK street line with its town lines, or Arabic address parts.

A UK address is a house number (or a Flat/Unit line) and a capitalised street name ending in a
street type ("45 Park Road", "Flat 3, Kingsley House, 12a Mill Lane"). The town and county lines
that follow join the span, up to and not including the postcode: DESIGN.md keeps UK_POSTCODE a
finding of its own, so the postcode recognizer reports it. Town lines join only when a postcode or
the end of the line follows them, so the next line of a letter ("Dear Sir,") stays out.

An Arabic address is one or more of: a street (شارع، طريق), a district (حي الـ...), a numbered
building, floor or flat (مبنى ١٢), a P.O. box (ص.ب) or a postal code. One named street alone is
often just a place in the news ("حادث في شارع الملك فهد"), so it needs an address word nearby;
two parts together, a P.O. box or a numbered street are an address by themselves.
"""

from __future__ import annotations

from breachguard.detect.recognizer import Pattern, Recognizer

_STREET_TYPES = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Close", "Way",
    "Crescent", "Cres", "Place", "Pl", "Gardens", "Gdns", "Court", "Ct", "Terrace", "Grove",
    "Hill", "Square", "Sq", "Row", "Mews", "Walk", "Park", "Rise", "Parade", "Green", "Vale",
    "View", "Wharf", "Yard", "Quay", "Embankment", "Circus", "Boulevard", "Broadway", "Chase",
    "Croft", "Hollow", "Meadow", "Meadows", "Mount", "Passage", "Path", "Promenade", "Ridge",
    "Villas", "Wynd", "Brae", "Gate", "Drove", "Fields", "Heights", "Approach", "Cottages",
    "Dene", "Highway", "Bank",
)  # fmt: skip
_BUILDING_TYPES = (
    "House", "Court", "Building", "Buildings", "Mansions", "Lodge", "Tower", "Apartments",
    "Cottage", "Centre", "Chambers", "Block", "Point", "Works", "Farm", "Barn",
)  # fmt: skip


def _words(words: tuple[str, ...]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


_NAME_WORD = r"(?:[A-Z][a-z]*(?:'[A-Z]?[a-z]+)?(?:-[A-Za-z][a-z]+)*|St\.?)"
_STREET_NAME = rf"(?:{_NAME_WORD}[ \t]+){{1,3}}(?:{_words(_STREET_TYPES)})\b\.?"
_HOUSE_NUMBER = r"\b\d{1,3}[A-Za-z]?(?:[ \t]*-[ \t]*\d{1,3}[A-Za-z]?)?,?[ \t]+"
_SEPARATOR = r"(?:,[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)"
_UNIT = r"\b(?:Flat|Apartment|Apt\.?|Unit|Suite|Studio|Room)[ \t]+\d{1,4}[A-Za-z]?"
_BUILDING = rf"(?:{_NAME_WORD}[ \t]+){{1,3}}(?:{_words(_BUILDING_TYPES)})\b"
_STREET_LINE = (
    rf"(?:{_UNIT}{_SEPARATOR}(?:{_BUILDING}{_SEPARATOR})?(?:{_HOUSE_NUMBER})?"
    rf"|(?:\b{_BUILDING}{_SEPARATOR})?{_HOUSE_NUMBER}){_STREET_NAME}"
)
_TOWN = (
    r"(?:St\.|[A-Z][A-Za-z'-]*\b)"
    r"(?:[ \t]+(?:St\.|[A-Z][A-Za-z'-]*\b|upon|on|under|in|le|the|by|de|en|sub|cum|next|&)){0,3}"
)
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b"
_TOWN_END = rf"(?=[ \t]*(?:,[ \t]*|\r?\n[ \t]*)?{_POSTCODE}|[ \t]*(?:[.;)]|\r?\n|$))"
_UK_ADDRESS = (
    rf"(?P<value>{_STREET_LINE}(?:(?:(?:,[ \t]*|[ \t]*\r?\n[ \t]*){_TOWN}){{1,3}}{_TOWN_END})?)"
)

_AR = "\u0621-\u0652\u0670"  # letters and their harakat
_NOT_AR_AFTER = f"(?![{_AR}])"
_NOT_AR_BEFORE = f"(?<![{_AR}])"
_NOT_VIA = "(?<!عن )"  # عن طريق is "by way of", not a road
_NOT_STOP = f"(?!(?:في|من|على|إلى|الى|عن|مع|قرب|بجوار|بالقرب|و|ثم|حيث|الذي|التي){_NOT_AR_AFTER})"
_AR_WORD = f"{_NOT_STOP}[{_AR}]+"
_AR_NAME = rf"(?:\d{{1,4}}|{_AR_WORD}(?:[ \t]+{_AR_WORD}){{0,2}})"
_AR_STREET_NAMED = rf"{_NOT_AR_BEFORE}{_NOT_VIA}(?:(?:شارع|طريق)[ \t]+|ش\.[ \t]*){_AR_NAME}"
_AR_STREET = rf"(?:\d{{1,4}}[ \t]+)?{_AR_STREET_NAMED}"
_AR_DISTRICT = rf"{_NOT_AR_BEFORE}حي[ \t]+ال[{_AR}]+(?:[ \t]+{_AR_WORD})?"
_AR_NUMBERED = (
    rf"{_NOT_AR_BEFORE}(?:مبنى|مبني|عمارة|عماره|بناية|بنايه|برج|شقة|شقه|فيلا|منزل|الطابق|طابق"
    r"|الدور|دور)(?:[ \t]+رقم)?[ \t]*:?[ \t]*\d{1,5}\b"
)
_AR_POBOX = (
    rf"{_NOT_AR_BEFORE}(?:ص[ \t]?\.[ \t]?ب\.?|صندوق[ \t]+(?:ال)?بريد)[ \t]*:?[ \t]*\d{{1,7}}\b"
    rf"|{_NOT_AR_BEFORE}(?:ال)?رمز[ \t]+(?:ال)?بريدي[ \t]*:?[ \t]*\d{{5}}\b"
)
_AR_PART = f"(?:{_AR_POBOX}|{_AR_NUMBERED}|{_AR_STREET}|{_AR_DISTRICT})"
_AR_SEPARATOR = r"[ \t]*(?:[,\-]|\r?\n)?[ \t]*"
_AR_ADDRESS = f"{_AR_PART}(?:{_AR_SEPARATOR}{_AR_PART})+"
_AR_STRONG_PART = (
    rf"{_AR_POBOX}|\d{{1,4}}[ \t]+{_AR_STREET_NAMED}"
    rf"|{_AR_STREET_NAMED}[ \t]*,?[ \t]*(?:رقم[ \t]*)?\d{{1,4}}\b"
)


def _without_lookarounds(regex: str) -> str:
    """A hyperscan-compatible superset: the same regex with its look-arounds removed."""
    for lookaround in (_TOWN_END, _NOT_STOP, _NOT_AR_AFTER, _NOT_AR_BEFORE, _NOT_VIA):
        regex = regex.replace(lookaround, "")
    return regex


def _pattern(regex: str, score: float, name: str) -> Pattern:
    return Pattern(regex, score, name, prefilter=_without_lookarounds(regex))


_CONTEXT = (
    "address", "addresses", "lives at", "living at", "resides", "residing", "resident at",
    "home", "c/o", "registered office", "correspondence", "moved to", "deliver to", "post to",
    "العنوان", "عنوان", "يسكن", "تسكن", "يقيم", "تقيم", "مقيم", "السكن", "المنزل",
)  # fmt: skip

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="street_address_uk",
        entity="STREET_ADDRESS",
        patterns=(_pattern(_UK_ADDRESS, 0.6, "uk street and town"),),
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
