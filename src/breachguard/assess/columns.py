"""Tables read as tables: a column's header says what its cells are.

A bare nine-digit number means little on its own; under "Passport No" it is a passport number, and
"Lee Wong" under "Name" is a name. Each header (English or Arabic) maps to one entity; a cell
counts when it has the shape of that entity and, where a checksum exists (NHS mod 11, IBAN mod 97,
Luhn), passes it, so a column of typos or placeholders is not counted as people's data.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn

from breachguard.detect.normalize import normalize
from breachguard.extract.document import Table

# How far down a sheet the header row may be (titles and blank lines often come first).
HEADER_SEARCH_ROWS = 10
# A column whose first CONFIRM_SAMPLE well-shaped cells pass the recognizers' validators (with at
# most CONFIRM_TOLERANCE of them failing) is trusted for the rest on shape and checksum alone.
CONFIRM_SAMPLE = 200
CONFIRM_TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class Heading:
    """Headers, in any of their usual spellings, that name one entity's column."""

    entity: str
    names: tuple[str, ...]


HEADINGS: tuple[Heading, ...] = (
    Heading(
        "PERSON",
        (
            "name", "full name", "fullname", "surname", "last name", "lastname", "family name",
            "forename", "forenames", "first name", "firstname", "given name", "given names",
            "middle name", "middle names", "preferred name", "maiden name",
            "الاسم", "الإسم", "اسم", "الاسم الكامل", "الإسم الكامل", "الاسم الأول", "الاسم الاول",
            "اسم العائلة", "اللقب", "الكنية",
        ),
    ),
    Heading(
        "DATE_OF_BIRTH",
        (
            "dob", "d o b", "date of birth", "birth date", "birthdate", "birthday", "born",
            "تاريخ الميلاد", "تاريخ الولادة", "الميلاد",
        ),
    ),
    Heading("NATIONALITY", ("nationality", "citizenship", "الجنسية", "جنسية")),
    Heading(
        "PASSPORT_NUMBER",
        (
            "passport", "passport no", "passport number", "passport num", "passport nr",
            "passport id", "رقم جواز السفر", "جواز السفر", "رقم الجواز", "جواز",
        ),
    ),
    Heading(
        "UK_NINO",
        (
            "ni", "ni no", "ni number", "nino", "nin", "national insurance",
            "national insurance no", "national insurance number", "رقم التأمين الوطني",
        ),
    ),
    Heading("UK_NHS", ("nhs", "nhs no", "nhs number", "nhs num", "رقم nhs", "رقم الخدمة الصحية")),
    Heading(
        "UK_DRIVING_LICENCE",
        (
            "driving licence", "driving licence no", "driving licence number", "driving license",
            "driving license number", "licence number", "dl number", "رقم رخصة القيادة",
        ),
    ),
    Heading(
        "EMAIL_ADDRESS",
        (
            "email", "e mail", "email address", "e mail address", "personal email", "work email",
            "البريد الإلكتروني", "البريد الالكتروني", "الإيميل", "الايميل", "البريد",
        ),
    ),
    Heading(
        "PHONE_NUMBER",
        (
            "phone", "phone no", "phone number", "telephone", "telephone number", "tel", "tel no",
            "mobile", "mobile no", "mobile number", "mobile phone", "contact number", "home phone",
            "work phone", "الهاتف", "رقم الهاتف", "هاتف", "الجوال", "رقم الجوال", "الموبايل",
        ),
    ),
    Heading(
        "STREET_ADDRESS",
        (
            "address", "home address", "street address", "postal address", "address line 1",
            "address 1", "street", "العنوان", "عنوان", "عنوان السكن",
        ),
    ),
    Heading(
        "UK_POSTCODE",
        ("postcode", "post code", "postal code", "zip", "zip code", "الرمز البريدي"),
    ),
    Heading(
        "UK_BANK_ACCOUNT",
        (
            "sort code", "sortcode", "account number", "account no", "bank account",
            "bank account number", "رقم الحساب", "رقم الحساب البنكي", "رقم الحساب المصرفي",
        ),
    ),
    Heading("IBAN_CODE", ("iban", "iban number", "الآيبان", "رقم الآيبان", "الايبان", "رقم الايبان")),
    Heading(
        "CREDIT_CARD",
        ("card number", "credit card", "credit card number", "debit card number", "رقم البطاقة"),
    ),
    Heading("IP_ADDRESS", ("ip", "ip address", "عنوان ip")),
)  # fmt: skip

# "Company name", "File name" ... end in "name" and are not people.
_NOT_PEOPLE = frozenset(
    [
        "company",
        "file",
        "product",
        "business",
        "organisation",
        "organization",
        "street",
        "team",
        "site",
        "host",
        "domain",
        "user",
        "display",
        "brand",
        "trading",
        "project",
        "school",
        "bank",
        "account",
        "event",
        "course",
        "item",
        "sheet",
    ]
)
# Alone these say little about who someone is; a row needs something more to count as a person.
_QUASI = frozenset({"NATIONALITY", "UK_POSTCODE"})
_ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
_SEPARATORS = re.compile(r"[\s_\-.:#/()*\[\]]+")


def normalize_header(header: str) -> str:
    """Lower case, separators to single spaces, Arabic diacritics and tatweel removed."""
    text = _ARABIC_DIACRITICS.sub("", normalize(header)).lower()
    return _SEPARATORS.sub(" ", text).strip()


@cache
def _header_index() -> dict[str, str]:
    return {normalize_header(name): h.entity for h in HEADINGS for name in h.names}


def classify_header(header: str) -> str | None:
    """The entity a column with this header holds, or None."""
    key = normalize_header(header)
    if not key or len(key) > 60:
        return None
    found = _header_index().get(key)
    if found is not None:
        return found
    words = key.split()
    if len(words) >= 2 and words[-1] == "name" and words[-2] not in _NOT_PEOPLE:
        return "PERSON"  # "Employee name", "Child's name", "Patient name"
    return None


def _nhs_valid(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_NINO = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]?$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$")
_LETTER = re.compile(r"[^\W\d_]")


def _has_letters(value: str) -> bool:
    return _LETTER.search(value) is not None


# digits_only and compact from detect.normalize, as one regex substitution each instead of a
# Python step per character: the same results, several times faster on a million cells.
_NOT_DIGIT = re.compile(r"[^0-9]+")
_NOT_COMPACT = re.compile(r"[ \-./\t\n]+")


def _digits(value: str) -> str:
    return _NOT_DIGIT.sub("", normalize(value))


def _compact(value: str) -> str:
    return _NOT_COMPACT.sub("", normalize(value)).upper()


def _person(value: str) -> bool:
    return len(value) <= 120 and _has_letters(value) and sum(map(str.isdigit, value)) <= 2


def _date(value: str) -> bool:
    return len(value) <= 40 and any(map(str.isdigit, normalize(value)))


def _passport(value: str) -> bool:
    code = _compact(value)
    return 6 <= len(code) <= 12 and code.isalnum() and sum(map(str.isdigit, code)) >= 5


def _phone(value: str) -> bool:
    return 7 <= len(_digits(value)) <= 15 and not _has_letters(value.lower().replace("ext", ""))


def _bank(value: str) -> bool:
    return 6 <= len(_digits(value)) <= 10 and not _has_letters(value)


def _card(value: str) -> bool:
    digits = _digits(value)
    return 12 <= len(digits) <= 19 and stdnum_luhn.is_valid(digits)


def _ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True


SHAPES: dict[str, Callable[[str], bool]] = {
    "PERSON": _person,
    "DATE_OF_BIRTH": _date,
    "NATIONALITY": lambda v: _has_letters(v) and len(v) <= 60,
    "PASSPORT_NUMBER": _passport,
    "UK_NINO": lambda v: _NINO.match(_compact(v)) is not None,
    "UK_NHS": _nhs_valid,
    "UK_DRIVING_LICENCE": lambda v: len(code := _compact(v)) == 16 and code.isalnum(),
    "EMAIL_ADDRESS": lambda v: re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]{2,}", v.strip()) is not None,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": lambda v: _has_letters(v) and len(v.strip()) >= 5,
    "UK_POSTCODE": lambda v: _POSTCODE.match(_compact(v)) is not None,
    "IBAN_CODE": lambda v: bool(stdnum_iban.is_valid(_compact(v))),
    "UK_BANK_ACCOUNT": _bank,
    "CREDIT_CARD": _card,
    "IP_ADDRESS": _ip,
}


@cache
def _validators(entity: str) -> tuple[Callable[[str], bool | None], ...]:
    """The checks the recognizers for ``entity`` use, so columns and detection agree."""
    from breachguard.detect.recognizers import BUILT_IN

    return tuple(r.validate for r in BUILT_IN if r.entity == entity and r.validate is not None)


def cell_holds(entity: str, value: str, *, confirm: bool = True) -> bool:
    """True when ``value`` (a cell under a header for ``entity``) is plausibly that entity.

    ``confirm`` also runs the recognizers' validators (a phone number's numbering plan ...), which
    cost far more than the shape and checksum tests that always run.
    """
    value = value.strip()
    if not value or value.lower() in _PLACEHOLDERS:
        return False
    shape = SHAPES.get(entity)
    if shape is not None and not shape(value):
        return False
    checks = _validators(entity) if confirm else ()
    if not checks:
        return True
    candidate = normalize(value)
    # Several recognizers may serve one entity (a UK and a foreign passport); any may accept.
    return any(_safe(check, candidate) is not False for check in checks)


def _safe(check: Callable[[str], bool | None], value: str) -> bool | None:
    try:
        return check(value)
    except Exception:  # a validator meeting a shape it never sees in prose must not stop a scan
        return None


_PLACEHOLDERS = frozenset({"n/a", "na", "none", "null", "-", "--", "?", "unknown", "tbc", "nil"})


@dataclass(frozen=True, slots=True)
class TableReading:
    """What a table's headed columns hold: rows with personal data and values per entity."""

    rows: int
    people_rows: int
    entities: dict[str, int]
    columns: dict[str, str]  # header as written -> entity


def find_header(table: Table) -> tuple[int, dict[int, str]] | None:
    """The header row's index and its classified columns, or None when no header is recognised."""
    best: tuple[int, dict[int, str]] | None = None
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns = {i: e for i, cell in enumerate(row) if (e := classify_header(cell)) is not None}
        if columns and (best is None or len(columns) > len(best[1])):
            best = (index, columns)
    return best


def read_table(table: Table) -> TableReading:
    """Count, per entity and per row, the values that the headed columns hold."""
    return _read(table, None)


def split_table(table: Table) -> tuple[TableReading, str]:
    """The reading, and the table's text that detection must still see.

    That text is the rows, cells separated by tabs, with every cell the headed columns counted
    left blank (kept as an empty cell, so a value's column and its header stay where they were)
    and data rows left with nothing dropped: detection then reads only what the headers do not
    vouch for (columns without a known header, cells that fail their column's check), instead of
    reading every value a second time.
    """
    rest: list[str] = []
    reading = _read(table, rest)
    return reading, "\n".join(rest)


def _read(table: Table, rest: list[str] | None) -> TableReading:
    header = find_header(table)
    if header is None:
        if rest is not None:
            rest.extend("\t".join(row) for row in table.rows)
        return TableReading(rows=len(table.rows), people_rows=0, entities={}, columns={})
    header_index, columns = header
    data_rows = table.rows[header_index + 1 :]
    width = max(map(len, data_rows), default=0)
    # Column by column, not cell by cell: one pass per column with its check bound once.
    cells: list[tuple[str, ...]] = (
        list(itertools.zip_longest(*data_rows, fillvalue="")) if data_rows else []
    )
    held = {i: _column_holds(e, cells[i]) for i, e in columns.items() if i < width}
    by_entity: dict[str, list[list[bool]]] = {}
    for i, marks in held.items():
        by_entity.setdefault(columns[i], []).append(marks)
    counts: dict[str, int] = {}
    for entity, marks_list in by_entity.items():
        # First name + surname in one row count as one PERSON.
        n = (
            sum(marks_list[0])
            if len(marks_list) == 1
            else sum(map(any, zip(*marks_list, strict=True)))
        )
        if n:
            counts[entity] = n
    identifying = [m for e, ms in by_entity.items() if e not in _QUASI for m in ms]
    people_rows = sum(map(any, zip(*identifying, strict=True))) if identifying else 0
    if rest is not None:
        rest.extend("\t".join(row) for row in table.rows[: header_index + 1])
        kept = [_unheld(cells[i], held[i]) if i in held else cells[i] for i in range(width)]
        # A table whose every cell was counted leaves only empty lines: skip building them.
        if any(any(column) for column in kept):
            rest.extend(
                line for line in map("\t".join, zip(*kept, strict=True)) if line.strip("\t")
            )
    header_row = table.rows[header_index]
    return TableReading(
        rows=len(data_rows),
        people_rows=people_rows,
        entities=counts,
        columns={header_row[i]: e for i, e in columns.items()},
    )


def _unheld(cells: Sequence[str], marks: list[bool]) -> Sequence[str]:
    """The column with the cells it holds blanked; a column held throughout is all blanks."""
    if all(marks):
        return [""] * len(cells)
    if not any(marks):
        return cells
    return [c if not h else "" for c, h in zip(cells, marks, strict=True)]


def _column_holds(entity: str, cells: tuple[str, ...]) -> list[bool]:
    """Per cell of a column under a header for ``entity``: does it hold that entity?

    The recognizers' validators confirm cells until the column has shown itself to be what its
    header says (CONFIRM_SAMPLE cells, at most CONFIRM_TOLERANCE of them failing); then the shape
    and checksum tests alone decide, since the validators (phone numbering plans ...) would cost
    more than detecting the whole text.
    """
    marks: list[bool] = []
    confirmed = rejected = 0
    # cell_holds(entity, value) and cell_holds(..., confirm=False) in one step: the shape test
    # once, then the validators only for cells of the right shape.
    shape = _shape_check(entity)
    checks = _validators(entity)
    for n, value in enumerate(cells):
        if confirmed >= CONFIRM_SAMPLE and rejected <= confirmed * CONFIRM_TOLERANCE:
            marks.extend(_shape_marks(entity, cells[n:]))
            return marks
        if not shape(value):
            marks.append(False)
        elif not checks or any(
            _safe(check, normalize(value.strip())) is not False for check in checks
        ):
            confirmed += 1
            marks.append(True)
        else:
            rejected += 1
            marks.append(False)
    return marks


def _shape_marks(entity: str, cells: Sequence[str]) -> list[bool]:
    """``cell_holds(entity, cell, confirm=False)`` for every cell, fast for a clean column."""
    sure = _SURE.get(entity)
    check = _shape_check(entity)
    if sure is None:
        return list(map(check, cells))
    # A clean column is one regex call: every cell in the plain form that surely holds (and
    # no cell with a line break of its own, which would pass as two short cells).
    joined = "\n".join(cells)
    if joined.count("\n") == len(cells) - 1 and sure.column.fullmatch(joined) is not None:
        return [True] * len(cells)
    cell = sure.cell.fullmatch
    return [cell(value) is not None or check(value) for value in cells]


@cache
def _shape_check(entity: str) -> Callable[[str], bool]:
    """``cell_holds(entity, value, confirm=False)`` as one function, built once per entity."""
    shape = SHAPES.get(entity)
    placeholders = _PLACEHOLDERS

    def holds(value: str) -> bool:
        value = value.strip()
        if not value or value.lower() in placeholders:
            return False
        return shape is None or shape(value)

    return holds


@dataclass(frozen=True, slots=True)
class _Sure:
    """A plain ASCII form that always passes an entity's shape test (never a placeholder, no
    surrounding space): sufficient, not necessary; cells not in it take the full test."""

    cell: re.Pattern[str]
    column: re.Pattern[str]  # the same form on every line of a column joined by newlines

    @staticmethod
    def of(form: str) -> _Sure:
        return _Sure(re.compile(form), re.compile(f"(?:{form})(?:\n(?:{form}))*"))


_SURE: dict[str, _Sure] = {
    # Letters in words joined by single spaces: at least two words, so never a placeholder;
    # no digits; the length lookahead keeps it within _person's 120 characters.
    "PERSON": _Sure.of(r"(?=[^\n]{1,120}(?:\n|\Z))[A-Za-z][A-Za-z'.\-]*(?: [A-Za-z'.\-]+)+"),
    "NATIONALITY": _Sure.of(
        r"(?!(?i:none|null|unknown|tbc|nil|na)(?:\n|\Z))[A-Z][A-Za-z]{1,40}(?: [A-Za-z]{1,15})?"
    ),
    "PASSPORT_NUMBER": _Sure.of(r"[A-Za-z]{0,3}[0-9]{6,9}|[A-Za-z]{1,3}[0-9]{5}"),
    "DATE_OF_BIRTH": _Sure.of(r"[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,4}"),
    "EMAIL_ADDRESS": _Sure.of(r"[^@\s]+@[^@\s]+\.[^@\s]{2,}"),
    # The first form (a code, one space or hyphen, the number) is the common one and checked
    # far faster than the general second form, which it is a case of.
    "PHONE_NUMBER": _Sure.of(r"\+?[0-9]{2,5}[ \-]?[0-9]{5,8}|\+?[0-9](?:[ ()\-]{0,2}[0-9]){6,14}"),
}
