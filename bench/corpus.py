"""A labelled corpus for the detection benchmarks: seeded, deterministic, made-up people only.

Each document carries gold spans for the 15 entities. Identifiers are generated with valid
checksums; part of the Arabic documents write their digits as Arabic-Indic. Some person names are
invented from syllables instead of taken from Faker, to measure how far the recognizers generalise
beyond name lists (reported apart). Hard negatives look like personal data (invoice numbers,
checksum-failing numbers, product codes, code, company names, meeting dates) and carry no gold.

Run it to print a few documents with their spans marked: ``python bench/corpus.py --show 3``.
"""

from __future__ import annotations

import argparse
import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.gb import nhs as stdnum_nhs

from breachguard.detect.categories import ENTITIES

# Identifiers with a checksum or a strict format: the benchmark's 0.95 F1 target applies to them.
FORMAT_ENTITIES = frozenset(ENTITIES) - {
    "PERSON",
    "DATE_OF_BIRTH",
    "NATIONALITY",
    "STREET_ADDRESS",
}

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True, slots=True)
class Span:
    entity: str
    start: int
    end: int
    source: str = ""  # for PERSON: "faker" or "invented"


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    language: str  # "en" or "ar"
    kind: str
    text: str
    spans: tuple[Span, ...]
    # Regions where a finding of the entity is neither right nor wrong (a sort code beside the
    # account number it belongs to).
    ignore: tuple[Span, ...] = ()

    @property
    def negative(self) -> bool:
        return self.kind.startswith("negative")


@dataclass(slots=True)
class _Builder:
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    ignore: list[Span] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> _Builder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def entity(self, entity: str, value: str, source: str = "") -> _Builder:
        self.spans.append(Span(entity, self.length, self.length + len(value), source))
        return self.add(value)

    def neutral(self, entity: str, value: str) -> _Builder:
        self.ignore.append(Span(entity, self.length, self.length + len(value)))
        return self.add(value)

    def doc(self, id: str, language: str, kind: str) -> Doc:
        return Doc(id, language, kind, "".join(self.parts), tuple(self.spans), tuple(self.ignore))


# --------------------------------------------------------------------------- identifiers


def nhs_number(rng: random.Random, valid: bool = True) -> str:
    while True:
        digits = "".join(rng.choice(string.digits) for _ in range(9))
        if digits[0] == "0":
            continue
        remainder = sum(int(d) * (10 - i) for i, d in enumerate(digits)) % 11
        check = str((11 - remainder) % 11)
        if check == "10":
            continue
        if not valid:
            check = str((int(check) + rng.randint(1, 9)) % 10)
            if stdnum_nhs.is_valid(digits + check):
                continue
        number = digits + check
        return f"{number[:3]} {number[3:6]} {number[6:]}" if rng.random() < 0.8 else number


_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NINO_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
        if prefix not in _NINO_BANNED:
            break
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    suffix = rng.choice("ABCD")
    if rng.random() < 0.6:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{prefix}{digits}{suffix}"


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(100_000_000, 999_999_999))


def driving_licence(
    rng: random.Random, surname: str, first: str, born: tuple[int, int, int]
) -> str:
    letters = "".join(ch for ch in surname.upper() if ch in string.ascii_uppercase)
    letters = (letters + "99999")[:5]
    year, month, day = born
    female = rng.random() < 0.5
    month_code = month + (50 if female else 0)
    initials = (first[:1].upper() + rng.choice("ABCDEFGHJKLMNPRSTW9"))[:2]
    initials = "".join(ch if ch.isalpha() and ch.isascii() else "9" for ch in initials)
    check = "".join(rng.choice(string.ascii_uppercase) for _ in range(2))
    return (
        f"{letters}{str(year)[2]}{month_code:02d}{day:02d}{str(year)[3]}{initials}"
        f"{rng.randint(0, 9)}{check}"
    )


def _iban_check(country: str, bban: str) -> int:
    """ISO 13616 check digits: mod 97 of the BBAN, country and 00 with letters as 10..35."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return 98 - int(digits) % 97


def gb_iban(rng: random.Random, sort_code: str, account: str) -> str:
    bank = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
    bban = bank + sort_code.replace("-", "") + account
    check = _iban_check("GB", bban)
    value = f"GB{check:02d}{bban}"
    assert stdnum_iban.is_valid(value)
    if rng.random() < 0.7:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def foreign_iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of the UAE or Saudi Arabia (numeric BBAN of the country's length)."""
    size = {"AE": 19, "SA": 20}[country]
    for _ in range(1000):
        bban = "".join(rng.choice(string.digits) for _ in range(size))
        check = _iban_check(country, bban)
        value = f"{country}{check:02d}{bban}"
        if stdnum_iban.is_valid(value):
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    raise RuntimeError(f"no valid {country} IBAN generated")


def sort_code(rng: random.Random) -> str:
    return "-".join(f"{rng.randint(0, 99):02d}" for _ in range(3))


def account_number(rng: random.Random) -> str:
    return str(rng.randint(10_000_000, 99_999_999))


def credit_card(rng: random.Random, valid: bool = True) -> str:
    prefix = rng.choice(["4", "51", "52", "53", "54", "55"])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    check = luhn.calc_check_digit(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    number = body + check
    if rng.random() < 0.7:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


_UK_PHONE_RANGES = (
    ("0113 496 0", 3),
    ("0114 496 0", 3),
    ("0117 496 0", 3),
    ("0121 496 0", 3),
    ("0131 496 0", 3),
    ("0141 496 0", 3),
    ("0161 496 0", 3),
    ("020 7946 0", 3),
    ("028 9649 6", 3),
    ("029 2018 0", 3),
)


def uk_phone(rng: random.Random) -> str:
    """An Ofcom drama-range number (never a real line) that phonenumbers accepts."""
    while True:
        stem, free = rng.choice(_UK_PHONE_RANGES)
        number = stem + "".join(rng.choice(string.digits) for _ in range(free))
        if phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")):
            break
    style = rng.random()
    if style < 0.5:
        return number
    national = number.replace(" ", "")
    if style < 0.75:
        return "+44 " + national[1:4] + " " + national[4:7] + " " + national[7:]
    return national


def gulf_phone(rng: random.Random) -> str:
    while True:
        country, code = rng.choice([("AE", "+971 5"), ("SA", "+966 5")])
        rest = "".join(rng.choice(string.digits) for _ in range(8))
        number = f"{code}{rest[0]} {rest[1:4]} {rest[4:]}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number, country)):
            return number


def ip_address(rng: random.Random, fake: Faker) -> str:
    return fake.ipv4_public() if rng.random() < 0.85 else fake.ipv6()


# --------------------------------------------------------------------------- people

_SYLLABLES_EN = (
    "ka", "lo", "vin", "dra", "sel", "tor", "mi", "quen", "bar", "zel", "ori", "fen", "tal", "ush",
    "ren", "ca", "wyn", "dal", "ith", "mor", "pel", "ste", "gra", "nox", "vey", "lin", "ad", "sor",
)  # fmt: skip
_SYLLABLES_AR = (
    "زا", "ري", "نو", "قم", "دا", "لي", "سو", "فا", "ها", "جي", "مو", "طا", "كر", "بي", "ثو", "غا",
)  # fmt: skip


def invented_name_en(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES_EN) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def invented_name_ar(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES_AR) for _ in range(rng.randint(2, 3)))

    return f"{word()} {word()}"


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    source: str
    latin_surname: str  # for the driving licence
    title: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def person_en(rng: random.Random, fake: Faker, invented_share: float) -> Person:
    title = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"])
    if rng.random() < invented_share:
        first, last = invented_name_en(rng).split()
        return Person(first, last, "invented", last, title)
    first, last = fake.first_name(), fake.last_name()
    return Person(first, last, "faker", last, title)


def person_ar(rng: random.Random, fake_ar: Faker, fake_en: Faker, invented_share: float) -> Person:
    title = rng.choice(["السيد", "السيدة", "الأستاذ", "الدكتور", "الآنسة"])
    if rng.random() < invented_share:
        first, last = invented_name_ar(rng).split()
        return Person(first, last, "invented", fake_en.last_name(), title)
    return Person(fake_ar.first_name(), fake_ar.last_name(), "faker", fake_en.last_name(), title)


def birth_date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(1935, 2015), rng.randint(1, 12), rng.randint(1, 28)


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)  # fmt: skip


def date_en(rng: random.Random, date: tuple[int, int, int]) -> str:
    year, month, day = date
    style = rng.random()
    if style < 0.5:
        return f"{day:02d}/{month:02d}/{year}"
    if style < 0.8:
        return f"{day} {_MONTHS_EN[month - 1]} {year}"
    return f"{year}-{month:02d}-{day:02d}"


def date_ar(rng: random.Random, date: tuple[int, int, int]) -> str:
    year, month, day = date
    if rng.random() < 0.6:
        return f"{day:02d}/{month:02d}/{year}"
    return f"{day} {_MONTHS_AR[month - 1]} {year}"


NATIONALITIES_EN = (
    "British", "Polish", "Romanian", "Syrian", "Nigerian", "Indian", "Pakistani", "Irish",
    "Sudanese", "Eritrean", "Afghan", "Iraqi", "Portuguese", "Lithuanian", "Somali", "Ukrainian",
)  # fmt: skip
NATIONALITIES_AR = (
    "سوري", "سورية", "عراقي", "مصري", "سوداني", "يمني", "ليبي", "فلسطيني", "أردني", "لبناني",
    "مغربي", "جزائري", "تونسي", "بريطاني", "صومالي",
)  # fmt: skip


def arabic_digits(value: str) -> str:
    return value.translate(_ARABIC_INDIC)


# --------------------------------------------------------------------------- filler

FILLER_EN = (
    "Thank you for your patience while we looked into this.",
    "The council aims to respond to all enquiries within ten working days.",
    "Please keep this letter for your records.",
    "We have reviewed the information held on our housing system.",
    "The next steering group meeting is scheduled for 14 March 2025 at 10:00 in Committee Room 2.",
    "Budget figures for the quarter are attached as a spreadsheet.",
    "Invoice INV-2024-00871 was paid on 3 February 2025.",
    "If anything has changed, let us know as soon as possible.",
    "Our offices are closed on bank holidays.",
    "The repairs team will contact you to arrange a convenient time.",
    "This decision was made under the Housing Act 1996, Part 7.",
    "You can find more information on our website.",
)
FILLER_AR = (
    "نشكركم على صبركم أثناء مراجعة طلبكم.",
    "يهدف المجلس إلى الرد على جميع الاستفسارات خلال عشرة أيام عمل.",
    "يرجى الاحتفاظ بهذه الرسالة في سجلاتكم.",
    "سيتواصل معكم فريق الصيانة لتحديد موعد مناسب.",
    "إذا تغير أي شيء، يرجى إعلامنا في أقرب وقت ممكن.",
    "مكاتبنا مغلقة في أيام العطل الرسمية.",
)
COUNCILS = (
    "Northbridge City Council",
    "Ashcombe District Council",
    "Westmere Borough Council",
    "Kelvale County Council",
)


def _filler(rng: random.Random, pool: tuple[str, ...], count: int) -> str:
    return " ".join(rng.sample(pool, count))


# --------------------------------------------------------------------------- templates


@dataclass(slots=True)
class _Gen:
    rng: random.Random
    fake: Faker
    fake_ar: Faker
    invented_share: float

    def person(self) -> Person:
        return person_en(self.rng, self.fake, self.invented_share)

    def address(self, b: _Builder) -> None:
        street = self.fake.street_address().replace("\n", ", ")
        b.entity("STREET_ADDRESS", street).add(f", {self.fake.city()} ")
        b.entity("UK_POSTCODE", self.fake.postcode())

    def email_for(self, p: Person) -> str:
        local = f"{p.latin_surname.lower()}.{self.rng.randint(1, 999)}"
        if p.source == "faker" and p.first.isascii():
            local = f"{p.first.lower()}.{p.last.lower()}".replace(" ", "").replace("'", "")
        domain = self.rng.choice(
            ["example.com", "example.org", "example.net", "mail.example.co.uk"]
        )
        return f"{local}@{domain}"


def letter_en(g: _Gen, index: int) -> Doc:
    rng, b, p = g.rng, _Builder(), g.person()
    council = rng.choice(COUNCILS)
    born = birth_date(rng)
    b.add(f"{council}\nAdult Social Care, Civic Centre\n\n{p.title} ")
    b.entity("PERSON", p.name, p.source).add("\n")
    g.address(b)
    b.add(f"\n\nOur reference: ASC/{rng.randint(10000, 99999)}\n\nDear {p.title} ")
    b.entity("PERSON", p.last, p.source).add(",\n\n")
    b.add(_filler(rng, FILLER_EN, 2) + "\n\n")
    b.add("We hold the following details for you:\nDate of birth: ")
    b.entity("DATE_OF_BIRTH", date_en(rng, born)).add("\nNHS number: ")
    b.entity("UK_NHS", nhs_number(rng)).add("\nNational Insurance number: ")
    b.entity("UK_NINO", nino(rng)).add("\nTelephone: ")
    b.entity("PHONE_NUMBER", uk_phone(rng)).add("\nEmail: ")
    b.entity("EMAIL_ADDRESS", g.email_for(p)).add("\n")
    if rng.random() < 0.6:
        b.add("Nationality: ").entity("NATIONALITY", rng.choice(NATIONALITIES_EN)).add("\n")
    if rng.random() < 0.5:
        b.add("Passport number: ").entity("PASSPORT_NUMBER", passport_number(rng)).add("\n")
    if rng.random() < 0.4:
        b.add("Driving licence number: ")
        b.entity("UK_DRIVING_LICENCE", driving_licence(rng, p.latin_surname, p.first, born))
        b.add("\n")
    b.add("\nYour direct payment will be paid into the account ending ")
    sc, acct = sort_code(rng), account_number(rng)
    if rng.random() < 0.5:
        b.add("below.\nSort code: ").neutral("UK_BANK_ACCOUNT", sc).add("  Account number: ")
        b.entity("UK_BANK_ACCOUNT", acct).add("\n")
    else:
        b.add("below.\nIBAN: ").entity("IBAN_CODE", gb_iban(rng, sc, acct)).add("\n")
    b.add("\n" + _filler(rng, FILLER_EN, 2) + "\n\nYours sincerely,\n\n")
    officer = g.person()
    b.entity("PERSON", officer.name, officer.source).add("\nSocial Worker, " + council + "\n")
    return b.doc(f"en-letter-{index}", "en", "letter")


def email_en(g: _Gen, index: int) -> Doc:
    rng, b = g.rng, _Builder()
    sender, recipient, client = g.person(), g.person(), g.person()
    b.add("From: ").entity("PERSON", sender.name, sender.source).add(" <")
    b.entity("EMAIL_ADDRESS", g.email_for(sender)).add(">\nTo: ")
    b.entity("PERSON", recipient.name, recipient.source).add(" <")
    b.entity("EMAIL_ADDRESS", g.email_for(recipient)).add(">\n")
    b.add(f"Subject: Referral {rng.randint(1000, 9999)}\n\nHi ").entity(
        "PERSON", recipient.first, recipient.source
    )
    b.add(",\n\nFollowing our call, here are the details for ")
    b.entity("PERSON", client.name, client.source).add(" (born ")
    born = birth_date(rng)
    b.entity("DATE_OF_BIRTH", date_en(rng, born)).add("), who lives at ")
    g.address(b)
    b.add(". Their NHS number is ").entity("UK_NHS", nhs_number(rng))
    b.add(" and you can reach them on ").entity("PHONE_NUMBER", uk_phone(rng)).add(".\n")
    if rng.random() < 0.4:
        b.add("They paid the deposit by card ").entity("CREDIT_CARD", credit_card(rng)).add(".\n")
    if rng.random() < 0.4:
        b.add("The online form was submitted from IP address ")
        b.entity("IP_ADDRESS", ip_address(rng, g.fake)).add(".\n")
    b.add("\n" + _filler(rng, FILLER_EN, 2) + "\n\nThanks,\n")
    b.entity("PERSON", sender.first, sender.source).add("\n")
    return b.doc(f"en-email-{index}", "en", "email")


def case_note_en(g: _Gen, index: int) -> Doc:
    rng, b, p = g.rng, _Builder(), g.person()
    born = birth_date(rng)
    b.add(f"Case note {date_en(rng, (2024, rng.randint(1, 12), rng.randint(1, 28)))}\n")
    b.add(f"Home visit to {p.title} ").entity("PERSON", p.name, p.source).add(", DOB ")
    b.entity("DATE_OF_BIRTH", date_en(rng, born)).add(", at ")
    g.address(b)
    b.add(". Client says their benefits stopped; NI number ").entity("UK_NINO", nino(rng))
    b.add(". Daughter ")
    relative = g.person()
    b.entity("PERSON", f"{relative.first} {p.last}", relative.source).add(" present (mobile ")
    b.entity("PHONE_NUMBER", uk_phone(rng)).add("). ")
    b.add(_filler(rng, FILLER_EN, 1) + " ")
    if rng.random() < 0.5:
        b.add("Client is ").entity("NATIONALITY", rng.choice(NATIONALITIES_EN))
        b.add(" and holds passport no. ").entity("PASSPORT_NUMBER", passport_number(rng))
        b.add(". ")
    b.add("Next visit in two weeks.\n")
    return b.doc(f"en-case-{index}", "en", "case_note")


def rows_en(g: _Gen, index: int) -> Doc:
    rng, b = g.rng, _Builder()
    b.add("name,date_of_birth,nhs_number,ni_number,postcode,phone,email\n")
    for _ in range(rng.randint(3, 8)):
        p = g.person()
        b.entity("PERSON", p.name, p.source).add(",")
        b.entity("DATE_OF_BIRTH", f"{date_en(rng, birth_date(rng)).replace(',', '')}").add(",")
        b.entity("UK_NHS", nhs_number(rng).replace(" ", "")).add(",")
        b.entity("UK_NINO", nino(rng).replace(" ", "")).add(",")
        b.entity("UK_POSTCODE", g.fake.postcode()).add(",")
        b.entity("PHONE_NUMBER", uk_phone(rng)).add(",")
        b.entity("EMAIL_ADDRESS", g.email_for(p)).add("\n")
    return b.doc(f"en-rows-{index}", "en", "rows")


def letter_ar(g: _Gen, index: int) -> Doc:
    rng, b = g.rng, _Builder()
    p = person_ar(rng, g.fake_ar, g.fake, g.invented_share)
    indic = rng.random() < 0.5
    digits: Callable[[str], str] = arabic_digits if indic else (lambda s: s)
    born = birth_date(rng)
    b.add(f"{rng.choice(COUNCILS)}\nقسم الإسكان والرعاية الاجتماعية\n\nإلى {p.title} ")
    b.entity("PERSON", p.name, p.source).add("\nالعنوان: ")
    g.address(b)
    b.add(f"\n\nالرقم المرجعي: {digits(str(rng.randint(10000, 99999)))}\n\nعزيزي {p.title} ")
    b.entity("PERSON", p.name, p.source).add("،\n\n")
    b.add(_filler(rng, FILLER_AR, 2) + "\n\nالبيانات المسجلة لدينا:\nتاريخ الميلاد: ")
    b.entity("DATE_OF_BIRTH", digits(date_ar(rng, born))).add("\nالجنسية: ")
    b.entity("NATIONALITY", rng.choice(NATIONALITIES_AR)).add("\nرقم الخدمة الصحية NHS: ")
    b.entity("UK_NHS", digits(nhs_number(rng))).add("\nرقم التأمين الوطني: ")
    b.entity("UK_NINO", nino(rng)).add("\nرقم الهاتف: ")
    phone = uk_phone(rng) if rng.random() < 0.6 else gulf_phone(rng)
    b.entity("PHONE_NUMBER", digits(phone)).add("\nالبريد الإلكتروني: ")
    b.entity("EMAIL_ADDRESS", g.email_for(p)).add("\n")
    if rng.random() < 0.6:
        b.add("رقم جواز السفر: ").entity("PASSPORT_NUMBER", digits(passport_number(rng))).add("\n")
    if rng.random() < 0.5:
        country = rng.choice(["AE", "SA"])
        b.add("رقم الحساب المصرفي الدولي (IBAN): ")
        b.entity("IBAN_CODE", foreign_iban(rng, country)).add("\n")
    else:
        b.add("رمز الفرز: ").neutral("UK_BANK_ACCOUNT", digits(sort_code(rng)))
        b.add(" رقم الحساب: ").entity("UK_BANK_ACCOUNT", digits(account_number(rng))).add("\n")
    b.add("\n" + _filler(rng, FILLER_AR, 2) + "\n\nمع خالص التحيات،\n")
    officer = person_ar(rng, g.fake_ar, g.fake, g.invented_share)
    b.entity("PERSON", officer.name, officer.source).add("\nأخصائي اجتماعي\n")
    return b.doc(f"ar-letter-{index}", "ar", "letter" + ("-indic" if indic else ""))


def note_ar(g: _Gen, index: int) -> Doc:
    rng, b = g.rng, _Builder()
    p = person_ar(rng, g.fake_ar, g.fake, g.invented_share)
    digits: Callable[[str], str] = arabic_digits if rng.random() < 0.5 else (lambda s: s)
    b.add("ملاحظة الحالة: زيارة منزلية إلى ").entity("PERSON", p.name, p.source)
    b.add("، المولود في ").entity("DATE_OF_BIRTH", digits(date_ar(rng, birth_date(rng))))
    b.add("، يسكن في ")
    g.address(b)
    b.add(". رقم الهاتف ").entity("PHONE_NUMBER", digits(uk_phone(rng)))
    b.add(" والبريد الإلكتروني ").entity("EMAIL_ADDRESS", g.email_for(p)).add(". ")
    if rng.random() < 0.5:
        b.add("دفع الرسوم بالبطاقة ").entity("CREDIT_CARD", digits(credit_card(rng))).add(". ")
    b.add(_filler(rng, FILLER_AR, 1) + "\n")
    return b.doc(f"ar-note-{index}", "ar", "case_note")


# --------------------------------------------------------------------------- hard negatives


def negative_en(g: _Gen, index: int) -> Doc:
    rng, fake = g.rng, g.fake
    lines = [
        f"Invoice INV-{rng.randint(2019, 2025)}-{rng.randint(10000, 99999)} from {fake.company()}",
        f"Order #{rng.randint(1_000_000, 9_999_999)} shipped; tracking {rng.randint(10**11, 10**12)}",
        f"Reference {nhs_number(rng, valid=False)} (not a valid NHS number)",
        f"Card ending test value {credit_card(rng, valid=False)} was declined",
        f"Product code SKU-{rng.randint(100, 999)}-{rng.choice(string.ascii_uppercase)}"
        f"{rng.choice(string.ascii_uppercase)}, batch {rng.randint(100000, 999999)}",
        f"The project board met on {rng.randint(1, 28)} {rng.choice(_MONTHS_EN)} 2024"
        f" and will meet again on {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025.",
        f"{fake.company()} and {fake.company()} signed the framework agreement.",
        "def total(items):\n    return sum(item.price * item.qty for item in items)",
        f"for (int i = 0; i < {rng.randint(10, 999)}; i++) {{ buffer[i] = 0x{rng.randint(0, 255):02x}; }}",
        f"Release v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 40)} fixes issue "
        f"#{rng.randint(100, 9999)}.",
        f"Total due: £{rng.randint(100, 99999):,}.{rng.randint(0, 99):02d} (VAT {rng.randint(5, 20)}%)",
        f"Room {rng.randint(1, 4)}.{rng.randint(10, 99)}, Building {rng.choice('ABCDE')}, "
        f"extension {rng.randint(1000, 9999)}",
        f"Ticket {rng.choice(['INC', 'CHG', 'REQ'])}{rng.randint(1_000_000, 9_999_999)} resolved"
        f" at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}.",
        f"Build {fake.sha1()[:12]} deployed to staging.",
        f"Purchase order PO{rng.randint(10**8, 10**9 - 1)} approved by Finance Committee.",
        _filler(rng, FILLER_EN, 2),
    ]
    rng.shuffle(lines)
    text = "\n".join(lines[: rng.randint(6, len(lines))]) + "\n"
    return Doc(f"neg-en-{index}", "en", "negative", text, ())


def negative_ar(g: _Gen, index: int) -> Doc:
    rng = g.rng
    digits: Callable[[str], str] = arabic_digits if rng.random() < 0.5 else (lambda s: s)
    lines = [
        f"رقم الفاتورة {digits(str(rng.randint(2019, 2025)))}-{digits(str(rng.randint(10000, 99999)))}",
        f"رقم الطلب {digits(str(rng.randint(1_000_000, 9_999_999)))} تم شحنه.",
        f"اجتماع اللجنة يوم {digits(str(rng.randint(1, 28)))} {rng.choice(_MONTHS_AR)} "
        f"{digits('2025')} الساعة {digits('10:30')}.",
        f"المبلغ الإجمالي {digits(str(rng.randint(100, 99999)))} جنيه إسترليني.",
        f"رمز المنتج SKU-{digits(str(rng.randint(100, 999)))}",
        f"مرجع {digits(nhs_number(rng, valid=False))} غير صالح.",
        _filler(rng, FILLER_AR, 2),
    ]
    rng.shuffle(lines)
    return Doc(f"neg-ar-{index}", "ar", "negative", "\n".join(lines) + "\n", ())


# --------------------------------------------------------------------------- corpus

_POSITIVE_EN = (letter_en, email_en, case_note_en, rows_en)
_POSITIVE_AR = (letter_ar, note_ar)


def generate(
    documents: int = 600,
    *,
    seed: int = 20250101,
    arabic_share: float = 0.25,
    negative_share: float = 0.2,
    invented_share: float = 0.2,
) -> list[Doc]:
    """``documents`` labelled documents, the same for the same arguments."""
    rng = random.Random(seed)
    fake, fake_ar = Faker("en_GB"), Faker("ar_SA")
    fake.seed_instance(seed)
    fake_ar.seed_instance(seed + 1)
    g = _Gen(rng, fake, fake_ar, invented_share)
    negatives = round(documents * negative_share)
    positives = documents - negatives
    arabic = round(positives * arabic_share)
    out: list[Doc] = []
    for i in range(positives - arabic):
        out.append(_POSITIVE_EN[i % len(_POSITIVE_EN)](g, i))
    for i in range(arabic):
        out.append(_POSITIVE_AR[i % len(_POSITIVE_AR)](g, i))
    for i in range(negatives):
        out.append(negative_en(g, i) if i % 4 else negative_ar(g, i))
    return out


def iter_text(
    seed: int = 7, arabic_share: float = 0.1, document_share: float = 0.06
) -> Iterator[str]:
    """Endless realistic text with sparse personal data: paragraphs of prose, now and then a doc
    (a letter, e-mail, case note or table rows) full of it, for ``document_share`` of pieces."""
    rng = random.Random(seed)
    pool = generate(300, seed=seed, arabic_share=arabic_share)
    while True:
        if rng.random() < document_share:
            yield rng.choice(pool).text + "\n"
        else:
            prose = FILLER_AR if rng.random() < arabic_share else FILLER_EN
            yield _filler(rng, prose, rng.randint(3, 6)) + "\n\n"


def _marked(doc: Doc) -> str:
    out, position = [], 0
    for span in sorted(doc.spans, key=lambda s: s.start):
        out.append(doc.text[position : span.start])
        out.append(f"⟦{span.entity}:{doc.text[span.start : span.end]}⟧")
        position = span.end
    out.append(doc.text[position:])
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=600, help="corpus size (default 600)")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--show", type=int, default=3, help="print this many documents marked up")
    parser.add_argument("--kind", default="", help="only documents whose kind starts with this")
    args = parser.parse_args()
    docs = [d for d in generate(args.documents, seed=args.seed) if d.kind.startswith(args.kind)]
    for doc in docs[: args.show]:
        print(f"--- {doc.id} ({doc.language}, {doc.kind})\n{_marked(doc)}")
    print(f"{len(docs)} documents, {sum(len(d.spans) for d in docs)} gold spans")


if __name__ == "__main__":
    main()
