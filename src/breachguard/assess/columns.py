"""Tables read as tables: a column's header says what its cells are.

A bare nine-digit number means little on its own; under "Passport No" it is a passport number, and
"Lee Wong" under "Name" is a name. Each header (English or Arabic) maps to one entity; a cell
counts when it has the shape of that entity and, where a checksum exists (NHS mod 11, IBAN mod 97,
Luhn), passes it, so a column of typos or placeholders is not counted as people's data.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn

from breachguard.detect.normalize import compact, digits_only, normalize
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
    digits = digits_only(value)
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


def _person(value: str) -> bool:
    return _has_letters(value) and len(value) <= 120 and sum(c.isdigit() for c in value) <= 2


def _date(value: str) -> bool:
    return len(value) <= 40 and any(c.isdigit() for c in normalize(value))


def _passport(value: str) -> bool:
    code = compact(value)
    return 6 <= len(code) <= 12 and code.isalnum() and sum(c.isdigit() for c in code) >= 5


def _phone(value: str) -> bool:
    return 7 <= len(digits_only(value)) <= 15 and not _has_letters(value.lower().replace("ext", ""))


def _bank(value: str) -> bool:
    return 6 <= len(digits_only(value)) <= 10 and not _has_letters(value)


def _card(value: str) -> bool:
    digits = digits_only(value)
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
    "UK_NINO": lambda v: _NINO.match(compact(v)) is not None,
    "UK_NHS": _nhs_valid,
    "UK_DRIVING_LICENCE": lambda v: len(compact(v)) == 16 and compact(v).isalnum(),
    "EMAIL_ADDRESS": lambda v: re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]{2,}", v.strip()) is not None,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": lambda v: _has_letters(v) and len(v.strip()) >= 5,
    "UK_POSTCODE": lambda v: _POSTCODE.match(compact(v)) is not None,
    "IBAN_CODE": lambda v: bool(stdnum_iban.is_valid(compact(v))),
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
    header = find_header(table)
    if header is None:
        return TableReading(rows=len(table.rows), people_rows=0, entities={}, columns={})
    header_index, columns = header
    counts: Counter[str] = Counter()
    people_rows = 0
    data_rows = table.rows[header_index + 1 :]
    columns_checked = {i: _ColumnCheck() for i in columns}
    for row in data_rows:
        present = set()
        for i, entity in columns.items():
            if i < len(row) and columns_checked[i].holds(entity, row[i]):
                present.add(entity)
        counts.update(present)  # first name + surname in one row count as one PERSON
        if present - _QUASI:
            people_rows += 1
    header_row = table.rows[header_index]
    return TableReading(
        rows=len(data_rows),
        people_rows=people_rows,
        entities=dict(counts),
        columns={header_row[i]: e for i, e in columns.items()},
    )


@dataclass(slots=True)
class _ColumnCheck:
    """Confirms a column's cells with the recognizers' validators until the column has shown
    itself to be what its header says; then the shape and checksum tests alone decide, since
    the validators (phone numbering plans ...) would cost more than detecting the whole text."""

    confirmed: int = 0
    rejected: int = 0

    def holds(self, entity: str, value: str) -> bool:
        if self.confirmed >= CONFIRM_SAMPLE and self.rejected <= self.confirmed * CONFIRM_TOLERANCE:
            return cell_holds(entity, value, confirm=False)
        if not cell_holds(entity, value, confirm=False):
            return False
        if cell_holds(entity, value):
            self.confirmed += 1
            return True
        self.rejected += 1
        return False
