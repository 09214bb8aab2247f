"""Recognizers: person names in Latin script (English-language text).

No model: a name is found from what surrounds it (a title, a salutation, a sign-off, a form label)
or from its parts (a known given name followed by a name-shaped word, a name-shaped word followed
by a known surname). Titles, labels and salutations carry names no list holds; the lexicons carry
bare names in prose. Words that head organisations, places and documents stop a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files

from breachguard.detect.columns import HEADER_REACH, ColumnHeaders
from breachguard.detect.recognizer import Pattern, Recognizer

try:  # pragma: no cover - exercised by whichever wheel is installed
    import hyperscan as _hyperscan
except ImportError:  # pragma: no cover
    _hyperscan = None  # type: ignore[assignment]

_EN = frozenset({"en"})
_Trie = dict[str, "_Trie"]

# Letters of Latin-script names: ASCII plus Latin-1, Latin Extended-A and Romanian comma letters.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0218-\u021b"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u0218-\u021b"
_LETTER = "A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

_TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Mstr", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady",
    "Lord", "Rev", "Revd", "Reverend", "Fr", "Cllr", "Councillor", "Capt", "Captain", "Sgt",
    "Sergeant", "Insp", "Inspector", "Det", "Lt", "Col", "Maj", "Baroness", "Baron", "Rabbi",
    "Imam", "Sheikh", "Pastor", "Canon", "Judge", "Hon", "Madam", "Madame", "Mme", "Mlle", "Herr",
    "Frau", "Sr", "Sra", "Dott",
)  # fmt: skip

# Capitalised words that never belong to a person's name: they end or break a candidate.
# Months that are also given names (April, May, June, August) are left out on purpose.
_STOP_TEXT = """
A About Above Academy Account Accounts Act Action Additional Address Admin Administration
Administrator Advice Affairs After Again Agency Agenda Agreement Airport Al All Also Am Amazon
America American An And Annual Another Any Apartment App Appendix Apple Application Applications
Approved Are Area As Assessment Assistant Associates Association At Attached Attachment Attention
Authority Avenue Award Azure Bank Barrister Basic Be Because Been Before Being Below Best Between
Birmingham Board Borough Branch Bridge Briefing British Building Bulletin Business But By Cabinet
Can Capital Card Care Carer Case Cathedral Central Centre Center Chair Chamber  Chapter
Charity Chief Christmas Church City Claim Client Clients Clinic Close Club Co Code College
Colleague Colleagues Commission Commissioner Committee Company Compliance Conditions Confidential
Consultant Consultants Consulting Contact Contract Corp Corporate Corporation Council Councillor
Counsel Country County Court Crescent Crown Customer Customers Dashboard Data Database Date
Dear December Department Deputy Desk Development Digital Director Directorate District Division Do
Document Does Draft Drive During Each  Eastern Easter Edition Education Email Employee
Employees Employer Employment England English Enquiry Estate Europe European Evening Every Everyone
Excel Executive Facebook Faithfully Family February Federal Fee Figure File Final Finance
Financial For Form Foundation Free Friday From Fund Further Gardens General Global Google
Government Group Guidance Guide Had Has Have He Head Health Hello Her Here Hey Hi High His
Holdings Holiday Home Hospital House How However Hr I If Important In Inc Income Industrial
Information Institute Insurance International Into Invoice Ireland Is It Item Its January July
Just Justice Kind Kingdom  Last Legal Letter Limited Linux Llp Local London Lower Ltd
Management Manager Manchester March Madam Many Medical Meeting Member Members Memorial Minister
Ministry Minutes Mobile Monday Month More Morning Most Mosque Mr Mrs Ms Museum My National New
Next Nhs No  Northern Not Note Notes Notice November Now Number October Of Office Officer
Official On Online Only Or Oracle Order Our Outlook  Parent Parents Parish Parliament Part
Partners Partnership Patient Payment Pension People Per Personal Phone Place Plan Please Plc
Police Policy Portal Post Practice Premium Primary Private Pro Procedure Product Products
Programme Project Property Protection Public Quarter Re Reference Regards Regional Register
Registered Regulation Report Request Research Resident Residents Retail Review Road Room Royal
Safeguarding Saturday School Schools Scotland Section Secondary Secretary Security See September
Service Services She Should Since Sincerely Sir Social Society Solicitor Solicitors Solutions
 Southern Special Square St Staff Standard State States Station Statement Strategy Street
Student Students Subject Summary Sunday Support Surgery System Systems Table Team Teams
Technologies Technology Temple Tenant Terms Terrace Thank Thanks That The Their Then There These
They This Those Thursday To Today Tomorrow Total Tower Town Training Treasury Tribunal Trust
Tuesday Uk Union Unit United Universities University Update Upper Us Use User Users Very Via View
Village Wales Was We Web Website Wednesday Week Welcome Welsh  Western What When Where Which
Who Why Will With Windows Word World Year Yes Yesterday You Your Yours Zoom Forename Forenames
Surname Surnames Dob Postcode Tel Telephone Gender Sex Age Nationality Occupation Signature Signed
Relationship Title Port Lake Mount Fort Saint Again Everybody Anyway Line Lines Suite Apt Apartment Flat Floor Studio Ref Mobile Fax Reg Id Nino Passport Account Sort Iban
Person Persons Mansions Heights
"""
_STOP = frozenset(_STOP_TEXT.split()) | (frozenset(_TITLES) - {"Sheikh"})

# Words that, right after a name, make it the name of an organisation, place or award.
_ORG_AFTER_TEXT = """
Academy Accountants Architects Associates Associations Award Bank Building Centre Center Clinic
College Company Consultants Consulting Council County Court Foundation Fund Gallery Group Hall
Holdings Hospital House Inc Institute Lecture Library Limited Llp Ltd Memorial Museum Partners
Partnership Plc Prize Road School Scholarship Solicitors Square Station Street Surgery Trust
University Hospice Practice Chambers Farm Hotel Inn Arms Tavern
Medical Health Care Dental Veterinary Primary Infant Junior Nursery Sports Leisure Community
Football Rugby Cricket Golf Tennis Club Church Chapel Mosque Clinic Pharmacy Motors Garage
"""
_ORG_AFTER = frozenset(_ORG_AFTER_TEXT.split())

# Street-type words (USPS and Royal Mail usage): "Olivia Forge" is an address, not a person.
_STREET_TYPES_TEXT = """
Alley Avenue Bypass Canyon Causeway Circle Close Court Cove Creek Crescent Crest Crossing Dale
Drive Estate Estates Expressway Falls Ferry Fields Flats Forge Forges Fork Forks Freeway Gardens
Gateway Glen Glens Greens Grove Groves Harbor Harbour Haven Heights Highway Hollow Inlet Island
Isle Junction Knoll Knolls Landing Lane Lodge Loop Mall Manor Meadow Meadows Mews Mill Mills
Motorway Orchard Oval Overpass Parade Parkway Pass Passage Path Pike Pines Place Plaza Point
Prairie Ranch Rapids Rest Ridge Rise Road Roads Route Row Rue Shoal Shoals Shore Shores Skyway
Springs Spur Square Stravenue Street Summit Terrace Throughway Trace Track Trafficway Trail Tunnel
Turnpike Underpass Vale Valley Viaduct View Views Villas Ville Vista Walk Wharf Way Wells Yard
Alleys Avenues Bridges Brooks Burg Burgs Camp Cape Centers Circles Cliffs Common Commons Corner
Corners Course Courts Coves Creeks Crossroad Curve Dam Divide Drives Extension Extensions Fall
Field Flat Ford Fords Forest Fork Fort Freeway Garden Gardens Gateway Gateways Greens Harbors
Havens Hill Hills Inlets Islands Isles Junctions Key Keys Knoll Lake Lakes Land Lights Light Loaf
Lock Locks Lodge Manors Mission Mount Mountain Mountains Neck Orchard Orchards Park Parks Parkways
Pine Pines Plains Plain Plazas Points Port Ports Radial Ramp Rapids Rapid Ridges Route Routes Run
Shore Spring Spurs Squares Station Stations Stream Streets Summits Terraces Trail Trails Union
Unions Valleys Viaducts Villages Vistas Walks Wall Way Ways Well Wells River Brook Green Bridge
Branch Cliff Club Crossroad Harbors Hollow Mountains Prairie Ridges Village
"""
_STREET_TYPES = frozenset(_STREET_TYPES_TEXT.split())
# Street types that are hardly ever a surname: "Portland Way" is a street wherever it stands.
_STREET_ONLY_TEXT = """
Road Roads Street Streets Avenue Avenues Close Crescent Drive Drives Way Ways Terrace Terraces
Gardens Mews Parade Boulevard Parkway Parkways Highway Motorway Expressway Freeway Causeway
Bypass Alley Alleys Stravenue Trafficway Throughway Skyway Turnpike Underpass Overpass Viaduct
Plaza Square Squares Mansions
"""
_STREET_ONLY = frozenset(_STREET_ONLY_TEXT.split())

# Given names that are also everyday words; they count only beside a known surname.
_AMBIGUOUS_GIVEN_TEXT = """
Will May June April August Mark Grant Bill Rose Hope Grace Faith Joy Summer Dean Chase Hunter Frank
Guy Art Sky River Brook Jack Bob Don Ray Max Pat Sue Rob Ben Sunny Hazel Holly Ivy Iris Lily Daisy
Violet Ruby Amber Jade Crystal Pearl Dawn Eve Autumn Winter Star Angel Baby Honey Cherry Candy
Destiny Harmony Melody Charity Patience Prudence Earl Duke King Prince Major Sterling Miles Rich
Penny Carol Sandy Rusty Misty Page Paige Taylor Tyler Jordan Morgan Carter Mason Parker Cooper
Porter Baker Chandler Sawyer Spencer Tanner Walker Wade Lane Dale Glen Heath Clay Cliff Rocky Stone
Ford Lincoln Madison Austin Dallas Houston Phoenix Sydney Paris Florence Georgia Virginia Carolina
Chelsea Brooklyn Kent York Jersey Devon Shannon Cameron Douglas Stanley Victoria Norman Scott
Wallace Gray Grey Young Long Hardy Noble Gay Merry Hale Hart Hall Hill Wood Marsh Moss Banks Brooks
Waters Woods Fields Lake Rock Rocket Golden Silver Iron Sage Blue Green Brown White Black Child
Lord Lady Master Sister Father Mercy Unity Bliss China India Asia Africa Kenya Israel Jordan Egypt
Trinity Temple Bishop Pastor Deacon Judge Christian Muslim Jewish Hindu Sikh Catholic Early Else
Happy Lucky Sly Tiny Teddy Storm Rain Snow Windy Sunday Monday Friday Tuesday Wednesday Thursday
Saturday Son Sonny Abbey Easter Price Case Cash Chance Hardy Reed Rush Shaw Major Pope Power Gold
Bell Fox Wolf Bear Lamb Bird Crane Swan Drake Robin Wren Finch Jay Hawk Eagle Lion Tiger
"""
_AMBIGUOUS_GIVEN = frozenset(_AMBIGUOUS_GIVEN_TEXT.split())


_SALUTATIONS = ("Dear", "Hi", "Hello", "Hey", "Hiya", "Morning", "Afternoon", "Evening", "dear",
                "hi", "hello", "hey")  # fmt: skip

_THANKS = ("Thanks", "Thank you", "Cheers", "Congratulations", "Sorry", "Welcome", "thanks",
           "thank you", "cheers")  # fmt: skip

_SIGN_OFFS = (
    "Yours sincerely", "Yours faithfully", "Yours truly", "Yours", "Sincerely", "Kind regards",
    "Best regards", "Warm regards", "Warmest regards", "Kindest regards", "Regards",
    "Many thanks", "Thanks", "Thank you", "Best wishes", "Best", "Cheers", "With thanks",
    "All the best", "Respectfully", "kind regards", "best regards", "regards", "thanks",
    "many thanks", "best wishes",
)  # fmt: skip

# Form labels before a name; the first group may be followed by a single word.
_STRONG_LABELS = (
    "name", "full name", "full names", "first name", "first names", "given name", "given names",
    "forename", "forenames", "forename\\(s\\)", "surname", "last name", "family name",
    "middle name", "middle names", "maiden name", "preferred name", "known as", "applicant",
    "applicant name", "applicant's name", "patient", "patient name", "patient's name", "client",
    "client name", "client's name", "child", "child's name", "childs name", "name of child",
    "mother", "mother's name", "father", "father's name", "parent", "parent/carer",
    "parent / carer", "parent/guardian", "parent name", "carer", "carer's name", "guardian",
    "next of kin", "employee", "employee name", "staff name", "tenant", "tenant name",
    "resident", "claimant", "customer name", "contact name", "print name", "printed name",
    "witness", "pupil", "pupil name", "student name", "data subject", "deceased", "victim",
    "suspect", "defendant", "complainant", "referrer", "named person", "account holder",
    "account name", "policy holder", "policyholder", "your name", "legal name",
)  # fmt: skip
_WEAK_LABELS = (
    "from", "to", "cc", "bcc", "attn", "fao", "for the attention of", "signed", "signature",
    "author", "prepared by", "approved by", "requested by", "completed by", "reviewed by",
    "assigned to", "owner", "sender", "recipient", "addressee", "case worker", "caseworker",
    "social worker", "key worker", "gp", "doctor", "consultant", "referred by", "contact",
    "manager", "line manager", "supervisor", "teacher", "head teacher", "headteacher",
    "solicitor", "officer", "investigating officer", "reported by", "interviewer",
)  # fmt: skip
# Labels that end in a word naming something else ("Company name:", "File name:").
_NOT_PERSON_LABEL_PREFIXES = (
    "company", "business", "file", "product", "user", "trading", "organisation", "organization",
    "brand", "project", "domain", "host", "server", "field", "display", "screen", "school",
    "bank", "account", "site", "device", "team", "event", "course", "street", "building",
    "practice", "scheme", "group", "venue", "place", "town", "city", "trust", "hospital",
    "village", "folder", "table", "column", "variable", "app", "package", "model",
)  # fmt: skip


def _trie_regex(words: Iterable[str]) -> str:
    """One alternation shaped as a trie, so Python's ``re`` tests each first letter once."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_STOP_RE = _trie_regex(sorted(_STOP))
_ORG_RE = _trie_regex(sorted(_ORG_AFTER))
_WORD = f"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)?[{_UP}][{_LOW}]+(?:['-][{_UP}][{_LOW}]+)*"
_APOSTROPHE_WORD = f"[{_UP}]'[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"  # O'Brien, D'Souza
_CAPS_WORD = "[A-Z][A-Z'-]*[A-Z]"
_INITIAL = "[A-Z]\\.?"
_END = f"(?![{_LETTER}])"
_NOT_STOP = f"(?!(?:{_STOP_RE})(?![{_LOW}]))"
_NAME_WORD = f"{_NOT_STOP}(?:{_APOSTROPHE_WORD}|{_WORD})"
_NAME = (
    f"(?:{_INITIAL}[ ]){{0,3}}{_NAME_WORD}(?:[ ](?:{_INITIAL}[ ]){{0,2}}{_NAME_WORD}){{0,3}}{_END}"
)
_NOT_ORG_AFTER = f"(?![ ]+(?:{_ORG_RE}){_END})"
_LABEL_NAME_WORD = f"(?:{_NAME_WORD}|{_CAPS_WORD}{_END})"
_LABEL_NAME = (
    f"(?:{_INITIAL}[ ]){{0,3}}{_LABEL_NAME_WORD}"
    f"(?:,?[ ](?:{_INITIAL}[ ]){{0,2}}{_LABEL_NAME_WORD}){{0,3}}{_END}"
)
_LINE_END = "[ \\t]*(?:[,;!:|\\r\\n]|\\Z)"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((w.replace(" ", "[ ]") for w in words), key=len, reverse=True))


def _cased(labels: Iterable[str]) -> list[str]:
    """The ways forms write a label: "name", "Name", "Full Name", "FULL NAME"."""
    forms: set[str] = set()
    for label in labels:
        forms |= {label, label[:1].upper() + label[1:], label.upper().replace("\\(S\\)", "\\(s\\)")}
        forms.add(" ".join(w[:1].upper() + w[1:] for w in label.split(" ")))
    return sorted(forms)


def _bounded(words: Iterable[str], guards: Iterable[str] = ()) -> str:
    """An alternation that starts a word; "name" is not taken after any of ``guards`` + space.

    The word-start check sits after each first letter, not before the alternation, so the
    pattern still starts with literal letters and Python's ``re`` can skip ahead to them.
    """
    guard_list = [form for g in guards for form in (g, g.capitalize(), g.upper())]
    groups: dict[str, list[str]] = {}
    for word in words:
        rest = word[1:]
        if word.lower() == "name":
            rest += "".join(f"(?<!{g}[ ]{word})" for g in guard_list)
        groups.setdefault(word[0], []).append(rest)
    out = []
    for first, rests in sorted(groups.items()):
        longest_first = "|".join(sorted(rests, key=len, reverse=True))
        out.append(f"{re.escape(first)}(?<![{_LETTER}]{re.escape(first)})(?:{longest_first})")
    return "(?:" + "|".join(out) + ")"


def _bounded_exact(words: Iterable[str]) -> str:
    """Like ``_bounded`` for case-sensitive words: "Mr" but not "mr"."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    out = [
        f"{re.escape(first)}(?<![{_LETTER}]{re.escape(first)})(?:{_alternation(rests)})"
        for first, rests in sorted(groups.items())
    ]
    return "(?:" + "|".join(out) + ")"


_TITLE = Pattern(
    regex=(
        f"{_bounded_exact(_TITLES)}\\.?[ ]+(?:and[ ]+(?:{_alternation(_TITLES)})"
        f"\\.?[ ]+)?(?P<value>{_NAME}){_NOT_ORG_AFTER}"
    ),
    prefilter=f"(?:{_alternation(_TITLES)})\\.?[ ]+(?:and[ ]+[A-Z][a-z]*\\.?[ ]+)?[A-Z]",
    score=0.9,
    name="title",
)
_SALUTATION = Pattern(
    regex=(f"{_bounded_exact(_SALUTATIONS)}[ ]+(?P<value>{_NAME}){_LINE_END}"),
    prefilter=f"(?:{_alternation(_SALUTATIONS)})[ ]+[A-Z]",
    score=0.85,
    name="salutation",
)
# "Thanks Carole for ...": one word after thanks is a person when punctuation or "for" follows.
_THANKS_NAME = Pattern(
    regex=(
        f"{_bounded_exact(_THANKS)},?[ ]+(?P<value>{_NAME})"
        "(?=[ ]*(?:[,!.;:\\r\\n]|\\Z)|[ ]+(?:for|so|again|very|too)(?![a-z]))"
    ),
    prefilter=f"(?:{_alternation(_THANKS)}),?[ ]+[A-Z]",
    score=0.75,
    name="thanks",
)
# Bounded blanks keep a sign-off and its name within a short reach of each other, so the
# engine can look back only a little from where hyperscan saw the name start (max_width).
_GAP = "[ \\t]{0,8}"
_SIGN_OFF = Pattern(
    regex=(
        f"{_bounded_exact(_SIGN_OFFS)}{_GAP}[,.!]?{_GAP}\\r?\\n"
        f"(?:{_GAP}\\r?\\n)?{_GAP}(?P<value>{_NAME})[ \\t]*(?:\\r?\\n|,|\\Z)"
    ),
    prefilter=(
        f"(?:{_alternation(_SIGN_OFFS)}){_GAP}[,.!]?{_GAP}\\r?\\n(?:{_GAP}\\r?\\n)?{_GAP}[A-Z]"
    ),
    score=0.8,
    name="sign_off",
)
_STRONG_LABEL = Pattern(
    regex=(
        f"{_bounded(_cased(_STRONG_LABELS), _NOT_PERSON_LABEL_PREFIXES)}[ \\t]*[:=][ \\t]*"
        f"(?P<value>{_LABEL_NAME}){_NOT_ORG_AFTER}"
    ),
    prefilter=f"(?:{_alternation(_cased(_STRONG_LABELS))})[ \\t]*[:=][ \\t]*[A-Z]",
    score=0.85,
    name="label",
)
_WEAK_LABEL = Pattern(
    regex=(
        f"{_bounded(_cased(_WEAK_LABELS))}[ \\t]*:[ \\t]*"
        f"(?P<value>(?:{_INITIAL}[ ]){{0,3}}{_LABEL_NAME_WORD}"
        f"(?:[ ](?:{_INITIAL}[ ]){{0,2}}{_LABEL_NAME_WORD}){{1,3}}{_END}){_NOT_ORG_AFTER}"
    ),
    prefilter=f"(?:{_alternation(_cased(_WEAK_LABELS))})[ \\t]*:[ \\t]*[A-Z]",
    score=0.75,
    name="label_weak",
)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames shipped with the package, read once per process."""
    folder = files("breachguard").joinpath("data", "names")

    def read(name: str) -> frozenset[str]:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        return frozenset(
            line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"
        )

    given = read("en_given.txt") - _STOP
    surnames = read("en_surname.txt") - _STOP
    return given, surnames


# One shape for every word of a run ("McDonald", "O'Brien", "Smith-Jones"); the run starts
# with a letter class, not a look-behind, so Python's ``re`` skips quickly between capitals.
_RUN_WORD = f"[{_UP}](?:'[{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:['-][{_UP}][{_LOW}]+)*"
_RUN = re.compile(
    f"[{_UP}](?<![{_LETTER}'.-][{_UP}])(?:'[{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?"
    f"(?:['-][{_UP}][{_LOW}]+)*"
    f"(?:[ ](?:{_INITIAL}[ ]){{0,2}}{_RUN_WORD}){{1,7}}(?![{_LETTER}@])"
)
_SENTENCE_BREAK = frozenset(".!?:;\n\r\"'(“‘[>*#-•|")

_BOTH = 0.85
_GIVEN_THEN_SURNAME_WORD = 0.8
_AMBIGUOUS_GIVEN_SCORE = 0.7
_BOTH_AMBIGUOUS = 0.6
_GIVEN_ONLY = 0.65
_SURNAME_ONLY = 0.55


# A house number, a numbered building ("24 Robinson Court, "), or a flat line just before.
_ADDRESS_LINE = re.compile(
    r"(?:\b\d+[A-Za-z]?,?[ ]*|\b\d+[A-Za-z]?[ ]+(?:[A-Za-z'-]+[ ]){1,2}"
    r"(?:house|court|lodge|point|heights|mansions|tower|building|buildings|place),[ ]*"
    r"|(?:address|flat|studio|apartment|unit|suite)\b[^\n]*\n[ \t]*)\Z",
    re.IGNORECASE,
)


def _address_like(norm: str, start: int) -> bool:
    """A house number or a flat line just before: "14 Terry Corner", "Flat 9\nMolly Lakes"."""
    return _ADDRESS_LINE.search(norm, max(0, start - 64), start) is not None


def _street_name(norm: str, last: str, surnames: frozenset[str], *starts: int) -> bool:
    """Whether words ending in ``last`` and starting at one of ``starts`` name a street."""
    if last in _STREET_ONLY:
        return True
    return last in _STREET_TYPES and (
        last not in surnames or any(_address_like(norm, s) for s in starts)
    )


def _sentence_initial(norm: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and norm[i] in " \t":
        i -= 1
    return i < 0 or norm[i] in _SENTENCE_BREAK


def _hyperscan_class(chars: str) -> str:
    return "".join(c if c.isascii() else f"\\x{{{ord(c):04x}}}" for c in chars)


@cache
def _run_database() -> object | None:
    """A hyperscan database for a superset of run starts, or None without hyperscan."""
    if _hyperscan is None:
        return None
    up, low = _hyperscan_class(_UP), _hyperscan_class(_LOW)
    expression = f"[{up}][{low}{up}'-]*[ ](?:[A-Z]\\.?[ ]){{0,2}}[{up}]"
    database = _hyperscan.Database(mode=_hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[expression.encode("ascii")],
        ids=[0],
        elements=1,
        flags=[_hyperscan.HS_FLAG_UTF8],
    )
    return database


def _run_lines(norm: str) -> list[tuple[int, int]]:
    """Line spans that can hold a run: the whole text, or with hyperscan only lines with a hit.

    Runs never cross a line, so the Python regex over these lines finds exactly what it finds
    over the whole text; hyperscan only skips lines without two capitalised words in a row.
    """
    database = _run_database()
    if database is None:
        return [(0, len(norm))]
    data = norm.encode("utf-8", "replace")
    spans: list[list[int]] = []

    def on_match(_id: int, _from: int, to: int, _flags: int, _context: object) -> None:
        if spans and to <= spans[-1][1]:
            return
        start = data.rfind(b"\n", 0, to) + 1
        end = data.find(b"\n", to)
        spans.append([start, len(data) if end < 0 else end])

    database.scan(data, match_event_handler=on_match)  # type: ignore[attr-defined]
    if len(data) == len(norm):
        return [(a, b) for a, b in spans]
    # Byte offsets to str offsets, decoding each stretch once (offsets sit on line breaks).
    out: list[tuple[int, int]] = []
    byte = char = 0
    for a, b in spans:
        char += len(data[byte:a].decode("utf-8", "replace"))
        start_char = char
        char += len(data[a:b].decode("utf-8", "replace"))
        byte = b
        out.append((start_char, char))
    return out


# Headers over one part of a name; such columns hold single words ("Paula", "GREEN").
_PART_HEADERS = frozenset(
    {
        "first name", "first names", "firstname", "forename", "forenames", "forename(s)",
        "given name", "given names", "given name(s)", "last name", "lastname", "surname",
        "surnames", "family name", "middle name", "middle names", "other names", "fname",
        "lname", "maiden name", "preferred name", "known as",
    }
)  # fmt: skip
# What a name column holds when it holds nobody: header repeats and placeholders.
_PLACEHOLDERS = frozenset(
    {
        "Name", "Names", "Unknown", "None", "Nil", "Tbc", "Tba", "Redacted", "Withheld", "Test",
        "Example", "Other", "Blank", "Empty",
    }
)  # fmt: skip
_PART_HEADER_GATE = re.compile(
    r"first[ _]?names?|forenames?|given[ _]names?|last[ _]?name|surname|family[ _]name"
    r"|middle[ _]names?|other[ _]names|fname|lname|maiden[ _]name|preferred[ _]name|known[ _]as",
    re.IGNORECASE,
)
_PART_CELL = re.compile(
    f"(?:(?<=[,\t;|\n])|^)[ \"']*(?P<value>(?:{_RUN_WORD}|{_CAPS_WORD})"
    f"(?:[ ](?:{_RUN_WORD}|{_CAPS_WORD})){{0,2}})[ \"']*(?=[,\t;|\r\n]|\\Z)",
    re.MULTILINE,
)


def _column_parts(
    norm: str, surnames: frozenset[str], low: str | None
) -> Iterator[tuple[int, int, float]]:
    """Cells under a first-name or surname header, one finding per cell, in any case."""
    if low is None:
        if _PART_HEADER_GATE.search(norm) is None:
            return
        regions = [(0, len(norm))]
    else:
        regions = _below_header_words(low)
        if not regions:
            return  # nearly every text: no such column
    headers = ColumnHeaders(norm)
    for cell in (c for a, b in regions for c in _PART_CELL.finditer(norm, a, b)):
        start, end = cell.span("value")
        words = cell.group("value").split(" ")
        if any(
            # Title words are surnames too ("LORD", "King"); other stopwords are not.
            (w in _STOP or w.capitalize() in _STOP or w.capitalize() in _PLACEHOLDERS)
            and w.capitalize() not in surnames
            and w.capitalize() not in _TITLES
            for w in words
        ):
            continue
        if any(d in norm[start:end] for d in _CELL_DELIMITERS):
            continue
        header = headers.cell(start).replace("-", " ").replace("_", " ")
        if header in _PART_HEADERS:
            yield start, end, _HEADER_SCORE


def _below_header_words(low: str) -> list[tuple[int, int]]:
    """The lines a delimited header holding a name-part word can reach (what ColumnHeaders
    sees). Every such word holds "name" or is "known as": two substring searches, then a look
    at the few lines that have them."""
    regions: list[tuple[int, int]] = []
    for key in ("name", "known as"):
        at = low.find(key)
        while at >= 0:
            line_start = low.rfind("\n", 0, at) + 1
            line_end = low.find("\n", at)
            if line_end < 0:
                break
            line = low[line_start:line_end]
            if any(d in line for d in ",\t;|") and _PART_HEADER_GATE.search(line):
                stop = low.find("\n", min(len(low), line_end + HEADER_REACH + 1))
                regions.append((line_end + 1, len(low) if stop < 0 else stop))
            at = low.find(key, line_end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# Birth or age data right after a single word: "reported that Joe (DOB 29/8/2015)".
_DATA_CUE = re.compile(
    r"[ \t]*[(,][ \t]*(?:dob\b|d\.o\.b|born\b|date[ ]of[ ]birth|aged?[ ]*:?[ ]*\d)",
    re.IGNORECASE,
)
_WORD_BEFORE_CUE = re.compile(f"(?<![{_LETTER}'.-])(?:{_RUN_WORD})\\Z")
_LOWER_WORD_BEFORE = re.compile(f"(?:^|[ \\t])[{_LOW}]+[ ]\\Z|(?:^|[\\n(])\\Z")


# The same cue in lower-cased text, starting on its bracket or comma: a literal class sre can
# skip to, many times faster than the ignore-case form over prose.
_DATA_CUE_LOWER = re.compile(
    r"[(,][ \t]*(?:dob\b|d\.o\.b|born\b|date[ ]of[ ]birth|aged?[ ]*:?[ ]*\d)"
)


def _cue_ends(norm: str, low: str | None) -> Iterator[int]:
    if low is None:
        yield from (cue.start() for cue in _DATA_CUE.finditer(norm))
        return
    for cue in _DATA_CUE_LOWER.finditer(low):
        end = cue.start()
        while end > 0 and norm[end - 1] in " \t":
            end -= 1
        yield end


def _forename_before_data(
    norm: str, given: frozenset[str], low: str | None
) -> Iterator[tuple[int, int, float]]:
    for end in _cue_ends(norm, low):
        found = _WORD_BEFORE_CUE.search(norm, max(0, end - 32), end)
        if found is None:
            continue
        start, word = found.start(), found.group()
        if word in _STOP or word.lower() in _RELATIONS:
            continue
        if _LOWER_WORD_BEFORE.search(norm, max(0, start - 24), start) is None:
            continue  # a capitalised word before: the run path decides
        listed = word in given and word not in _AMBIGUOUS_GIVEN
        if not listed and (
            _sentence_initial(norm, start)
            or word in _ORG_AFTER
            or word.lower().endswith(_NOUN_ENDINGS)
        ):
            continue
        yield start, end, _DATA_AFTER_SCORE


_GAELIC_SURNAME = re.compile(f"(?:Mc|Mac|O'|Fitz)[{_UP}]")


def find_names(norm: str) -> Iterator[tuple[int, int, float]]:
    """Capitalised word runs holding a known given name or surname, trimmed to the name;
    and runs that personal data beside them marks as a name, listed or not."""
    given, surnames = _lexicon()
    low: str | None = norm.lower()
    if low is not None and len(low) != len(norm):
        low = None  # a few letters lower-case to two characters; offsets would drift
    yield from _column_parts(norm, surnames, low)
    yield from _forename_before_data(norm, given, low)
    evidence = _Evidence(norm, given, surnames)
    for a, b in _run_lines(norm):
        for run in _RUN.finditer(norm, a, b):
            words = run.group().split(" ")
            yield from evidence.names(run.start(), run.end(), words)
            if (
                given.isdisjoint(words)
                and surnames.isdisjoint(words)
                and _GAELIC_SURNAME.search(run.group()) is None
            ):
                continue  # most runs in prose: headings, places, organisations
            segment: list[tuple[int, int, str]] = []
            position = run.start()
            for word in words:
                if word in _STOP:
                    if segment:
                        after = word if word in _ORG_AFTER else ""
                        yield from _in_segment(norm, segment, given, surnames, after)
                    segment = []
                else:
                    segment.append((position, position + len(word), word))
                position += len(word) + 1
            if segment:
                follow = norm[run.end() : run.end() + 24].lstrip(" ").split(" ", 1)[0]
                yield from _in_segment(norm, segment, given, surnames, follow)


def _in_segment(
    norm: str,
    segment: list[tuple[int, int, str]],
    given: frozenset[str],
    surnames: frozenset[str],
    follow: str,
) -> Iterator[tuple[int, int, float]]:
    words = [t for t in segment if len(t[2].rstrip(".")) > 1]
    if len(words) < 2:
        return
    if follow in _ORG_AFTER or follow.startswith("&"):
        return
    n = len(words)
    i = 0
    segment_start = words[0][0]
    while i < n - 1:
        word = words[i][2]
        nxt = words[i + 1][2]
        known_given = word in given and word not in _AMBIGUOUS_GIVEN
        ambiguous = word in given and word in _AMBIGUOUS_GIVEN
        if known_given or (ambiguous and (nxt in surnames or _GAELIC_SURNAME.match(nxt))):
            j = i + 1
            while j + 1 < n and j - i < 3:
                candidate = words[j + 1][2]
                if candidate in given and words[j][2] in surnames and candidate not in surnames:
                    break  # "John Smith Sarah Jones": a second person begins
                j += 1
            if _street_name(norm, words[j][2], surnames, words[i][0], segment_start):
                i = j + 1
                continue
            last = words[j][2]
            if ambiguous:
                score = _AMBIGUOUS_GIVEN_SCORE if nxt not in _AMBIGUOUS_GIVEN else _BOTH_AMBIGUOUS
            elif last in surnames:
                score = _BOTH if last not in _AMBIGUOUS_GIVEN else _GIVEN_THEN_SURNAME_WORD
            else:
                score = _GIVEN_ONLY
            yield words[i][0], words[j][1], score
            i = j + 1
            continue
        if (
            (nxt in surnames or _GAELIC_SURNAME.match(nxt) is not None)
            and nxt not in _AMBIGUOUS_GIVEN
            and word not in surnames
            and word not in _AMBIGUOUS_GIVEN
            and not _sentence_initial(norm, words[i][0])
            and not _street_name(norm, nxt, surnames, words[i][0], segment_start)
            # "Boxing Day", "Nursing Home": an unlisted common noun before a surname word.
            and not (word not in given and word.lower().endswith(_NOUN_ENDINGS))
        ):
            yield words[i][0], words[i + 1][1], _SURNAME_ONLY
            i += 2
            continue
        i += 1


# What may follow a name in one look: personal data ("X Y (born ...)", "X Y, DOB ...",
# "X Y, aged 34", "X Y, who lives at ...", "X Y (NHS number ...)") or an address made from the
# name ("Brynmor Vellacott <b.vellacott@example.org>").
_AFTER = re.compile(
    r"[ \t]*(?:[,(\[<;:][ \t]*|-[ \t]+)?(?:(?P<data>born\b|b\.[ ]?\d|n[e\u00e9]e[ ][A-Z]|dob\b"
    r"|d\.o\.b|date[ ]of[ ]birth|aged?[ ]*:?[ ]*\d|\d{1,3}[ ]?(?:yrs|years[ ]old|y/?o\b)"
    r"|who[ ](?:lives|lived|resides|resided|was[ ]born|is[ ]aged|is[ ]\d)"
    r"|nhs[ ](?:no|number)|ni[ ](?:no|number)|nino\b|national[ ]insurance"
    r"|\d{1,3},[ ]+(?:from|of)\b"
    r"|(?:(?:senior[ ])?(?:social|key|case|support|youth|family[ ]support)[ ]worker|caseworker"
    r"|health[ ]visitor|school[ ]nurse|safeguarding[ ]lead|dsl|teacher|head[ ]?teacher"
    r"|police[ ]officer|team[ ]manager|practitioner|advocate|interpreter)\))"
    r"|(?:mailto:)?(?P<local>[a-z0-9._%+'-]{1,64})@[a-z0-9-]+(?:\.[a-z0-9-]+)+)",
    re.IGNORECASE,
)
# The end of a cell: a delimiter or the line's end, after blanks and a closing quote.
_CELL_END = re.compile("[ \"']*(?:[,\t;|\r\n]|\\Z)")
_EMAIL = re.compile(r"(?P<local>[A-Za-z0-9._%+'-]{1,64})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LOCAL_SPLIT = re.compile(r"[._%+'-]+|[0-9]+")
_CELL_DELIMITERS = ",\t;|"

# People named by their relation to the subject: "Daughter X Y present", "client X Y".
_RELATIONS_TEXT = """
daughter son child grandson granddaughter grandchild stepson stepdaughter mother father mum
mom dad parent stepmother stepfather wife husband partner spouse widow widower brother sister
sibling niece nephew cousin aunt uncle grandmother grandfather grandma grandpa nan fiance
fiancee girlfriend boyfriend baby infant client patient pupil tenant resident claimant
applicant learner deceased victim complainant witness
"""
_RELATIONS = frozenset(_RELATIONS_TEXT.split())
# Column headers over a column of people's names, lower-cased, "_" and "-" read as spaces.
_NAME_HEADERS = frozenset(
    {
        "name", "names", "full name", "fullname", "person", "person name", "patient",
        "patient name", "patientname", "client", "client name", "clientname", "customer",
        "customer name", "customername", "employee", "employee name", "employeename",
        "staff name", "staff member", "student", "student name", "pupil", "pupil name", "child",
        "child name", "child's name", "applicant", "applicant name", "member", "member name",
        "contact", "contact name", "tenant", "tenant name", "resident", "resident name",
        "recipient", "recipient name", "sender", "sender name", "cardholder", "card holder",
        "cardholder name", "beneficiary", "beneficiary name", "payee", "payee name",
        "next of kin", "emergency contact", "parent", "parent name", "guardian", "mother",
        "father", "carer", "claimant", "witness", "deceased", "victim", "suspect", "defendant",
        "complainant", "data subject", "subject name", "legal name", "preferred name",
        "known as", "name of child", "service user", "learner", "learner name", "attendee",
        "delegate", "participant", "participant name", "account holder", "policyholder",
        "policy holder", "first and last name", "forename surname", "first name last name",
        "الاسم", "الإسم", "الاسم الكامل", "الإسم الكامل", "اسم",
    }
)  # fmt: skip
_BARE_HEADERS = frozenset({"name", "names", "person", "contact", "member"})
_PERSONAL_ROW = re.compile("[0-9@]")
# Endings of common nouns and adjectives, which title-case headings are made of; names rarely
# end so, and a listed name is exempt.
_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ship", "ance", "ence", "ency", "ity", "ing", "ies", "ism",
    "ist", "ogy", "ics", "ure", "ery", "ory", "ary", "ive", "ful", "less", "able", "ible", "ous",
    "ical", "ware", "work", "ed",
)  # fmt: skip

_HEADER_SCORE = 0.85
_EMAIL_SCORE = 0.85
_DATA_AFTER_SCORE = 0.8
_RELATION_SCORE = 0.75


class _Evidence:
    """Structure beside a capitalised run that makes it a name, whatever the lexicons hold.

    Every test looks at a fixed few characters around the run, so the cost per run is constant.
    """

    __slots__ = ("_given", "_headers", "_norm", "_surnames")

    def __init__(self, norm: str, given: frozenset[str], surnames: frozenset[str]) -> None:
        self._norm = norm
        self._given = given
        self._surnames = surnames
        self._headers: ColumnHeaders | None = None  # built on the first whole-cell run

    def names(self, start: int, end: int, words: list[str]) -> Iterator[tuple[int, int, float]]:
        norm = self._norm
        cell = _CELL_END.match(norm, end) is not None and self._cell_start(start)
        after = _AFTER.match(norm, end)
        relation = words[0].lower() in _RELATIONS
        before = relation
        if not relation and start > 1 and norm[start - 1] == " ":
            # The lower-case word before: "her daughter X Y", "our client X Y".
            lo = max(0, start - 16)
            cut = max(norm.rfind(" ", lo, start - 1), norm.rfind("\n", lo, start - 1)) + 1
            before = cut > 0 and norm[cut : start - 1] in _RELATIONS
        if not (cell or after or before):
            return  # nearly every run: no structure to go on
        spans: list[tuple[int, int, str]] = []
        position = start
        for word in words:
            spans.append((position, position + len(word), word))
            position += len(word) + 1
        if cell:
            found = self._cell(start, end, spans)
            if found is not None:
                yield found
                return
        if after is not None:
            found = self._before_data(spans, after)
            if found is not None:
                yield found
                return
        if not before:
            return
        rest = spans[1:] if relation else spans
        named: list[tuple[int, int, str]] = []
        for span in rest:
            if span[2] in _STOP:
                break
            named.append(span)
        if (
            2 <= len(named) <= 3
            and len(named) == len(rest)
            and self._name_shaped(named)
            and not self._followed_by_organisation(named[-1][1])
        ):
            yield named[0][0], named[-1][1], _RELATION_SCORE

    def _before_data(
        self, spans: list[tuple[int, int, str]], after: re.Match[str]
    ) -> tuple[int, int, float] | None:
        """The name at the end of a run that personal data or a matching address follows."""
        tail: list[tuple[int, int, str]] = []
        for span in reversed(spans):
            if span[2] in _STOP or len(tail) == 3:
                break
            tail.insert(0, span)
        if (
            len(tail) == 3
            and tail[0][2] not in self._given
            and _sentence_initial(self._norm, tail[0][0])
        ):
            tail = tail[1:]
        if len(tail) < 2 or not self._name_shaped(tail):
            return None
        if after.group("data") is not None:
            return tail[0][0], tail[-1][1], _DATA_AFTER_SCORE
        if _local_part_matches(after.group("local"), [w for _, _, w in tail], 2):
            return tail[0][0], tail[-1][1], _EMAIL_SCORE
        return None

    def _cell_start(self, start: int) -> bool:
        """Whether a run that ends a cell also starts it, in a delimited row."""
        norm = self._norm
        i = start - 1
        while i >= 0 and norm[i] in " \"'":
            i -= 1
        if i >= 0 and norm[i] not in _CELL_DELIMITERS and norm[i] not in "\r\n":
            return False
        # A delimited row, not a line of prose or a heading on its own.
        line_start = norm.rfind("\n", 0, start) + 1
        line_end = norm.find("\n", start)
        line = norm[line_start : len(norm) if line_end < 0 else line_end]
        return any(d in line for d in _CELL_DELIMITERS)

    def _cell(
        self, start: int, end: int, spans: list[tuple[int, int, str]]
    ) -> tuple[int, int, float] | None:
        if len(spans) > 4 or any(w in _STOP for _, _, w in spans):
            return None
        if _street_name(self._norm, spans[-1][2], self._surnames, start):
            return None
        if self._headers is None:
            self._headers = ColumnHeaders(self._norm)
        header = self._headers.cell(start).replace("-", " ").replace("_", " ")
        line_end = self._norm.find("\n", end)
        row = self._norm[end : len(self._norm) if line_end < 0 else line_end]
        if header in _NAME_HEADERS and (
            # A bare "name" column may list products; people's rows carry numbers or addresses.
            header not in _BARE_HEADERS or _PERSONAL_ROW.search(row) is not None
        ):
            return start, end, _HEADER_SCORE
        # No header: an address on the same row made from the name ("pelste.86@...").
        names = [w for _, _, w in spans]
        for email in _EMAIL.finditer(row):
            if _local_part_matches(email.group("local"), names, 1) and self._name_shaped(spans):
                return start, end, _EMAIL_SCORE
        return None

    def _name_shaped(self, spans: list[tuple[int, int, str]]) -> bool:
        for _, _, word in spans:
            if word in self._given or word in self._surnames:
                continue
            if word in _ORG_AFTER or word.lower().endswith(_NOUN_ENDINGS):
                return False
        return not _street_name(self._norm, spans[-1][2], self._surnames, spans[0][0])

    def _followed_by_organisation(self, end: int) -> bool:
        follow = self._norm[end : end + 24].lstrip(" ").split(" ", 1)[0]
        return follow in _ORG_AFTER or follow.startswith("&")


def _fold(word: str) -> str:
    """Lower case without accents, as addresses spell names: "Zoë" -> "zoe"."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _local_part_matches(local: str, words: list[str], needed: int) -> bool:
    """Whether an address's local part is made from the name: "b.vellacott", "bvellacott",
    "brynmor.vellacott2"; ``needed`` pieces must match unless one joins two parts of the name."""
    parts = [p for w in words for p in _fold(w).replace("'", "").split("-") if p]
    initials = {p[0] for p in parts}
    full = set(parts)
    matched = 0
    has_full = False
    for piece in _LOCAL_SPLIT.split(local.lower()):
        if not piece:
            continue
        if piece in full and len(piece) >= 3:
            matched += 1
            has_full = True
        elif len(piece) == 1 and piece in initials:
            matched += 1
        elif any(
            len(p) >= 3
            and (piece == q + p or piece == p + q or piece == q[:1] + p or piece == p + q[:1])
            for p in parts
            for q in parts
            if q is not p
        ):
            return True
    return has_full and matched >= needed


RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="person_en_context",
        entity="PERSON",
        patterns=(_TITLE, _SALUTATION, _THANKS_NAME, _STRONG_LABEL, _WEAK_LABEL),
        languages=_EN,
        priority=2,
    ),
    Recognizer(
        name="person_en_sign_off",
        entity="PERSON",
        patterns=(_SIGN_OFF,),
        languages=_EN,
        priority=2,
        max_width=48,
    ),
    Recognizer(
        name="person_en_lexicon",
        entity="PERSON",
        finder=find_names,
        languages=_EN,
        priority=1,
    ),
)
