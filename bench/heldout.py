"""Blind held-out accuracy: documents shaped like real UK council, visa and Home Office records.

Written without reading the recognizers or the tuned corpus (bench/corpus.py); only the scoring rule
of bench/accuracy.py is shared: a finding is right when it has the gold span's entity and overlaps
it ("overlap" columns); "exact" also demands the same start and end. Every span is recorded while
the text is built, so offsets cannot drift. Identifiers are generated valid (NHS mod-11, NINO
prefix rules, IBAN mod-97, Luhn cards, phones in Ofcom's drama ranges) and checked with python-stdnum
and phonenumbers before use.

Labelling decisions (what the definitions in DESIGN.md imply, decided before running):

- PHONE_NUMBER is a format entity: an organisation's switchboard or helpline is still a
  PHONE_NUMBER (gold, source "organisation"); whether it is personal is for the assessment layer.
- NATIONALITY is a statement of one person's nationality ("Nationality: Polish", a named
  person "is a Romanian national", الجنسية: سوري). Collective mentions ("foreign nationals",
  "EU citizens", "British Nationality" in a service name) are not, and appear in the negatives.
  A singular unnamed "a British national" in news is neither gold nor a false alarm (ignored).
- DATE_OF_BIRTH is gold only where the context says birth; other dates (sent, appointment,
  start date, invoice date) are left unlabelled, so a DATE_OF_BIRTH on them is a false alarm.
- STREET_ADDRESS is the street part (flat/building, house number, street) on one or two lines;
  the town is not gold, the postcode is UK_POSTCODE.
- UK_BANK_ACCOUNT: where sort code and account number sit together in prose, the gold span runs
  from the sort code to the end of the account number; in tables or on separate form lines the
  account number is gold and the sort code alone is ignored (neither credited nor penalised).
- CREDIT_CARD needs the full number: "card ending 4821" and "**** **** **** 4821" are not cards
  (those letters count as negatives). Card numbers appear whole only on the chargeback form.
- Version numbers such as 4.2.10.1 are not IP addresses; IPs in a server log are, private ones too.
- Forename and surname on separate form lines are two PERSON spans; "Mum (Jane Smith)" is one.
- Person names come from Faker (source "faker") or are invented from random syllables (source
  "invented", never in any name list); recall is reported per source.

    python bench/heldout.py                      # 400 documents
    python bench/heldout.py --errors PERSON      # list misses and false alarms for one entity
    python bench/heldout.py --errors ALL --max-errors 80
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import phonenumbers
from faker import Faker
from rich.console import Console
from rich.table import Table
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.gb import nhs as stdnum_nhs

from breachguard.detect.categories import ENTITIES

Prediction = tuple[str, int, int]
Analyzer = Callable[[str, str], Sequence[Prediction]]


@dataclass(frozen=True, slots=True)
class Span:
    entity: str
    start: int
    end: int
    source: str = ""


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    template: str
    language: str
    text: str
    spans: tuple[Span, ...]
    ignore: tuple[Span, ...] = ()
    negative: bool = False


class Builder:
    """Accumulates text and records gold spans at the offsets they are written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self.ignored: list[Span] = []

    def add(self, text: str) -> Builder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def ent(self, entity: str, value: str, source: str = "") -> Builder:
        if entity == "PHONE_NUMBER" and not source:
            source = "mobile" if "7700" in value or "٧٧٠٠" in value else "landline"
        self.spans.append(Span(entity, self.length, self.length + len(value), source))
        return self.add(value)

    def skip(self, entity: str, value: str) -> Builder:
        self.ignored.append(Span(entity, self.length, self.length + len(value)))
        return self.add(value)

    def doc(self, id_: str, template: str, language: str, negative: bool = False) -> Doc:
        return Doc(
            id_,
            template,
            language,
            "".join(self.parts),
            tuple(self.spans),
            tuple(self.ignored),
            negative,
        )


# --- values -----------------------------------------------------------------------------------

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
STREET_TYPES = [
    "Road",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Crescent",
    "Drive",
    "Gardens",
    "Grove",
    "Way",
    "Terrace",
    "Place",
    "Mews",
    "Walk",
    "Rise",
]
BUILDINGS = ["House", "Court", "Lodge", "Point", "Heights", "Mansions"]
DEMONYMS = [
    "Polish",
    "Romanian",
    "Bulgarian",
    "Ukrainian",
    "Lithuanian",
    "Latvian",
    "Moldovan",
    "Nepali",
    "Indian",
    "Filipino",
    "British",
    "Syrian",
    "Iraqi",
    "Sudanese",
    "Eritrean",
    "Afghan",
    "Portuguese",
    "Zimbabwean",
    "Nigerian",
    "Ghanaian",
]
DEMONYMS_AR = (
    "سوري",
    "سورية",
    "عراقي",
    "مصري",
    "سوداني",
    "أردني",
    "يمني",
    "لبناني",
    "فلسطيني",
    "بريطاني",
    "بريطانية",
    "ليبي",
)
SYLLABLES = [
    "ka",
    "ro",
    "vi",
    "tel",
    "mun",
    "dra",
    "sha",
    "lo",
    "ber",
    "qui",
    "zan",
    "fen",
    "ori",
    "tas",
    "wim",
    "nel",
    "gu",
    "pha",
    "dor",
    "ix",
    "yel",
    "bri",
    "osk",
    "ta",
    "mev",
    "ulo",
    "sen",
    "kri",
    "thal",
]
ARABIC_SYLLABLES = ("زا", "رو", "قي", "طل", "مُن", "شا", "لو", "بير", "فن", "هو", "دا", "نيل", "غو")
OUTWARD = [
    "ME14",
    "ME7",
    "CT1",
    "CT20",
    "TN23",
    "DA1",
    "BR1",
    "CR0",
    "SE18",
    "E8",
    "N5",
    "SW1A",
    "EC1A",
    "W1T",
    "LS1",
    "LS6",
    "BD1",
    "BD3",
    "S1",
    "S10",
    "LU1",
    "SL1",
    "M1",
    "M14",
    "B12",
    "NG7",
    "L8",
    "G41",
    "EH6",
    "CF10",
    "BT7",
    "OX4",
    "RG1",
    "MK9",
]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
GEO_DRAMA = (  # Ofcom TV/drama ranges
    ("020", "7946 0"),
    ("0113", "496 0"),
    ("0114", "496 0"),
    ("0116", "496 0"),
    ("0118", "496 0"),
    ("0151", "496 0"),
    ("0117", "496 0"),
    ("0121", "496 0"),
    ("0131", "496 0"),
    ("0141", "496 0"),
    ("0161", "496 0"),
    ("0191", "498 0"),
)


class Values:
    """Made-up people and identifiers from one seeded random stream."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.en = Faker("en_GB")
        self.en.seed_instance(seed)
        self.ar = Faker("ar_AA")
        self.ar.seed_instance(seed + 1)
        self.sa = Faker("ar_SA")
        self.sa.seed_instance(seed + 2)

    # people
    def invented(self, arabic: bool = False) -> str:
        pool = ARABIC_SYLLABLES if arabic else SYLLABLES
        word = "".join(self.r.choice(pool) for _ in range(self.r.randint(2, 3)))
        return word if arabic else word.capitalize()

    def person(self, invented_share: float = 0.25) -> tuple[str, str, str]:
        """(first, last, source)."""
        if self.r.random() < invented_share:
            return self.invented(), self.invented(), "invented"
        return self.en.first_name(), self.en.last_name(), "faker"

    def person_ar(self, invented_share: float = 0.2) -> tuple[str, str, str]:
        if self.r.random() < invented_share:
            return self.invented(True), self.invented(True), "invented"
        f = self.r.choice((self.ar, self.sa))
        return (
            f.first_name_male() if self.r.random() < 0.5 else f.first_name(),
            f.last_name(),
            "faker",
        )

    def dob(self) -> date:
        return date(1940, 1, 1) + timedelta(days=self.r.randint(0, 365 * 66))

    def recent(self) -> date:
        return date(2021, 1, 1) + timedelta(days=self.r.randint(0, 1500))

    def date_en(self, d: date) -> str:
        style = self.r.randint(0, 5)
        if style == 0:
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if style == 1:
            return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
        if style == 2:
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        if style == 3:
            return d.isoformat()
        if style == 4:
            return f"{d.day:02d}-{MONTHS_EN[d.month - 1][:3]}-{d.year % 100:02d}"
        return f"{d.day}/{d.month}/{d.year}"

    def date_ar(self, d: date) -> str:
        text = (
            f"{d.day} {MONTHS_AR[d.month - 1]} {d.year}"
            if self.r.random() < 0.5
            else f"{d.day:02d}/{d.month:02d}/{d.year}"
        )
        return text.translate(ARABIC_INDIC) if self.r.random() < 0.6 else text

    def email(self, first: str, last: str) -> str:
        clean = "".join(
            c for c in f"{first}.{last}".lower() if c.isascii() and (c.isalnum() or c == ".")
        )
        local = clean.strip(".") or self.en.user_name()
        if self.r.random() < 0.3:
            local = f"{local}{self.r.randint(1, 99)}"
        domain = self.r.choice(
            (
                "gmail.com",
                "hotmail.co.uk",
                "outlook.com",
                "yahoo.co.uk",
                "btinternet.com",
                "icloud.com",
            )
        )
        return f"{local}@{domain}"

    def work_email(self, first: str, last: str, org: str) -> str:
        return self.email(first, last).split("@")[0] + "@" + org

    # identifiers
    def nhs(self) -> str:
        while True:
            digits = [self.r.randint(0, 9) for _ in range(9)]
            check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
            if check == 11:
                check = 0
            if check == 10:
                continue
            raw = "".join(map(str, digits)) + str(check)
            assert stdnum_nhs.is_valid(raw)
            style = self.r.randint(0, 2)
            if style == 0:
                return f"{raw[:3]} {raw[3:6]} {raw[6:]}"
            return raw if style == 1 else f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"

    def nino(self) -> str:
        while True:
            prefix = self.r.choice(NINO_FIRST) + self.r.choice(NINO_SECOND)
            if prefix not in NINO_BAD:
                break
        digits = f"{self.r.randint(0, 999999):06d}"
        suffix = self.r.choice("ABCD")
        if self.r.random() < 0.5:
            return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
        return f"{prefix}{digits}{suffix}"

    def iban(self, country: str = "GB") -> str:
        if country == "GB":
            bban = "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
            bban += "".join(str(self.r.randint(0, 9)) for _ in range(14))
        elif country == "SA":
            bban = "".join(str(self.r.randint(0, 9)) for _ in range(20))
        else:  # PL, 24 digits
            bban = "".join(str(self.r.randint(0, 9)) for _ in range(24))
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
        assert stdnum_iban.is_valid(value), value
        if self.r.random() < 0.6:
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def card(self) -> str:
        kind = self.r.randint(0, 2)
        if kind == 2:
            body = self.r.choice(("34", "37")) + "".join(
                str(self.r.randint(0, 9)) for _ in range(12)
            )
            value = body + luhn.calc_check_digit(body)
            return f"{value[:4]} {value[4:10]} {value[10:]}"
        head = "4" if kind == 0 else str(self.r.randint(51, 55))
        body = head + "".join(str(self.r.randint(0, 9)) for _ in range(15 - len(head)))
        value = body + luhn.calc_check_digit(body)
        assert luhn.is_valid(value)
        sep = self.r.choice((" ", "-", ""))
        return sep.join(value[i : i + 4] for i in range(0, 16, 4))

    def mobile(self) -> str:
        tail = f"{self.r.randint(0, 999):03d}"
        style = self.r.randint(0, 3)
        value = (
            f"07700 900{tail}",
            f"+44 7700 900{tail}",
            f"07700900{tail}",
            f"+44 (0)7700 900{tail}",
        )[style]
        return value

    def landline(self) -> str:
        area, local = self.r.choice(GEO_DRAMA)
        tail = f"{self.r.randint(0, 999):03d}"
        if self.r.random() < 0.5:
            return f"{area} {local}{tail}"
        return (
            f"({area}) {local}{tail}" if self.r.random() < 0.5 else f"+44 {area[1:]} {local}{tail}"
        )

    def passport(self) -> tuple[str, str]:
        if self.r.random() < 0.75:
            return f"{self.r.randint(100000000, 999999999)}", "9 digits"
        letters = "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        return f"{letters}{self.r.randint(1000000, 9999999)}", "letters+7"

    def sort_code(self) -> str:
        return "-".join(f"{self.r.randint(0, 99):02d}" for _ in range(3))

    def account(self) -> str:
        return f"{self.r.randint(10000000, 99999999)}"

    def licence(self, last: str, dob: date, female: bool, initials: str) -> str:
        surname = "".join(c for c in last.upper() if c.isalpha())[:5].ljust(5, "9")
        month = dob.month + (50 if female else 0)
        digits = f"{str(dob.year)[2]}{month:02d}{dob.day:02d}{str(dob.year)[3]}"
        inits = initials.upper()[:2].ljust(2, "9")
        check = "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        value = f"{surname}{digits}{inits}9{check}"
        return value if self.r.random() < 0.7 else f"{value[:5]} {value[5:11]} {value[11:]}"

    def street(self) -> str:
        name = f"{self.en.last_name()} {self.r.choice(STREET_TYPES)}"
        style = self.r.randint(0, 3)
        if style == 0:
            return f"Flat {self.r.randint(1, 40)}, {self.r.randint(1, 200)} {name}"
        if style == 1:
            return (
                f"{self.r.randint(1, 40)} {self.en.last_name()} {self.r.choice(BUILDINGS)}, {name}"
            )
        return f"{self.r.randint(1, 250)} {name}"

    def street_ar(self) -> str:
        return f"شقة {self.r.randint(1, 30)}، {self.r.randint(1, 200)} شارع {self.ar.last_name()}"

    def postcode(self) -> str:
        # Faker's en_GB postcodes invent districts that do not exist (NE4V, WN84); real outward
        # codes with a random inward part look like what councils hold.
        inward = f"{self.r.randint(0, 9)}{self.r.choice(INWARD)}{self.r.choice(INWARD)}"
        return f"{self.r.choice(OUTWARD)} {inward}"

    def town(self) -> str:
        return self.r.choice(
            ("Maidstone", "Leeds", "Croydon", "Bradford", "Luton", "Sheffield", "Ashford", "Slough")
        )

    def ip(self) -> str:
        roll = self.r.random()
        if roll < 0.7:
            return self.en.ipv4_public()
        if roll < 0.85:
            return self.en.ipv4_private()
        return self.en.ipv6()


def check_phone(value: str, source: str) -> None:
    digits = value.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    number = phonenumbers.parse(digits, "GB")
    # Ofcom's only drama mobile range (07700 900xxx) is possible but deliberately not valid in
    # libphonenumber; it is still labelled, and its recall reported apart as source "mobile".
    ok = phonenumbers.is_possible_number(number) if source == "mobile" else None
    if ok is None:
        ok = phonenumbers.is_valid_number(number)
    if not ok:
        raise AssertionError(f"generated phone is not valid: {value}")


# --- positive templates -----------------------------------------------------------------------


def referral_form(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    b.add("KENT COUNTY COUNCIL - EARLY HELP REFERRAL FORM\nOFFICIAL-SENSITIVE\n\n")
    b.add("Section 1: Child / Young Person\nForename: ").ent("PERSON", first, src)
    b.add("\nSurname: ").ent("PERSON", last, src)
    b.add("\nD.O.B: ").ent("DATE_OF_BIRTH", v.date_en(v.dob()))
    b.add("\nNI No: ").ent("UK_NINO", v.nino())
    b.add("\nNHS No: ").ent("UK_NHS", v.nhs())
    b.add("\nAddress: ").ent("STREET_ADDRESS", v.street())
    b.add(f"\n{v.town()}\n").ent("UK_POSTCODE", v.postcode())
    gp_first, gp_last, gp_src = v.person()
    b.add("\nGP: Dr ").ent("PERSON", f"{gp_first} {gp_last}", gp_src)
    b.add(", Oakwood Surgery, tel ").ent("PHONE_NUMBER", v.landline(), "organisation")
    rf, rl, rs = v.person()
    b.add("\n\nSection 2: Referrer\nName: ").ent("PERSON", f"{rf} {rl}", rs)
    b.add("\nContact: ").ent("PHONE_NUMBER", v.mobile())
    b.add(f"\nDate of referral: {v.date_en(v.recent())}\nConsent obtained: Yes\n")


def hr_starter_tsv(v: Values, b: Builder) -> None:
    header = (
        "Employee ID\tFirst name\tLast name\tDate of Birth\tNational Insurance No.\t"
        "Home Address\tPostcode\tSort Code\tAccount No.\tStart Date\tPersonal Email\n"
    )
    b.add(header)
    for row in range(v.r.randint(4, 9)):
        first, last, src = v.person()
        b.add(f"E{20400 + row}\t").ent("PERSON", first, src).add("\t").ent("PERSON", last, src)
        b.add("\t").ent("DATE_OF_BIRTH", v.date_en(v.dob())).add("\t").ent("UK_NINO", v.nino())
        b.add("\t").ent("STREET_ADDRESS", v.street()).add("\t").ent("UK_POSTCODE", v.postcode())
        b.add("\t").skip("UK_BANK_ACCOUNT", v.sort_code()).add("\t")
        b.ent("UK_BANK_ACCOUNT", v.account())
        b.add(f"\t{v.date_en(v.recent())}\t").ent("EMAIL_ADDRESS", v.email(first, last))
        b.add("\n")


def forwarded_thread(v: Values, b: Builder) -> None:
    a_first, a_last, a_src = v.person()
    c_first, c_last, c_src = v.person()
    d_first, d_last, d_src = v.person()
    org = "medway.gov.uk"
    a_mail = v.work_email(a_first, a_last, org)
    c_mail = v.work_email(c_first, c_last, org)
    d_mail = v.email(d_first, d_last)
    b.add("From: ").ent("PERSON", f"{a_first} {a_last}", a_src).add(" <").ent(
        "EMAIL_ADDRESS", a_mail
    )
    b.add(f">\nSent: {v.recent().strftime('%A, %d %B %Y')} 09:4{v.r.randint(0, 9)}\nTo: ")
    b.ent("PERSON", f"{c_first} {c_last}", c_src).add(" <").ent("EMAIL_ADDRESS", c_mail).add(
        ">\nCc: "
    )
    b.ent("EMAIL_ADDRESS", d_mail).add("\nSubject: FW: Council tax reduction - query\n\n")
    b.add("Hi ").ent("PERSON", c_first, c_src).add(
        ",\n\nForwarding below as discussed. Can you check the account and call "
    )
    b.add("the resident back on ").ent("PHONE_NUMBER", v.mobile()).add(
        " before Friday?\n\nThanks\n"
    )
    b.ent("PERSON", a_first, a_src).add("\n\n").ent("PERSON", f"{a_first} {a_last}", a_src)
    b.add("\nRevenues Officer | Medway Council\nMobile: ").ent("PHONE_NUMBER", v.mobile())
    b.add("\nSwitchboard: ").ent("PHONE_NUMBER", v.landline(), "organisation")
    b.add("\n\n-----Original Message-----\nFrom: ").ent("EMAIL_ADDRESS", d_mail)
    b.add(f"\nSent: {v.date_en(v.recent())} 18:02\nTo: ")
    b.ent("EMAIL_ADDRESS", f"council.tax@{org}", "organisation").add("\n")
    b.add("Subject: Council tax reduction\n\nDear Sir/Madam,\nI moved into ")
    b.ent("STREET_ADDRESS", v.street()).add(", ").ent("UK_POSTCODE", v.postcode())
    b.add(" last month and my bill is still in the old tenant's name. My date of birth is ")
    b.ent("DATE_OF_BIRTH", v.date_en(v.dob())).add(".\nKind regards\n")
    b.ent("PERSON", f"{d_first} {d_last}", d_src).add("\n")


def safeguarding_note(v: Values, b: Builder) -> None:
    child, last, src = v.person()
    mum, _, _ = v.person(0.0)
    worker_first, worker_last, w_src = v.person()
    b.add(f"Case note - {v.date_en(v.recent())} - recorded by ")
    b.ent("PERSON", f"{worker_first} {worker_last}", w_src).add(" (Social Worker)\n\n")
    b.add("Home visit to ").ent("STREET_ADDRESS", v.street()).add(". Mum (").ent(
        "PERSON", f"{mum} {last}", src
    )
    b.add(") reported that ").ent("PERSON", child, src).add(" (DOB ").ent(
        "DATE_OF_BIRTH", v.date_en(v.dob())
    )
    b.add(") has not attended school since half term. She said that her ex-partner, ")
    p_first, p_last, p_src = v.person()
    b.ent("PERSON", f"{p_first} {p_last}", p_src)
    b.add(f", had been seen outside the property twice. {child} was quiet and did not want to ")
    b.add("talk. Mum can be reached on ").ent("PHONE_NUMBER", v.mobile())
    b.add(". Strategy discussion to be held with police; referral to MASH sent at 15:20.\n")
    b.add("Outcome: child in need assessment to continue. Next visit in 10 working days.\n")


def adoption_mailing(v: Values, b: Builder) -> None:
    team = "adoptionsupport@kent.gov.uk"
    b.add("From: Adoption Support Team <").ent("EMAIL_ADDRESS", team, "organisation")
    b.add(">\nTo: Adoption Support Team <").ent("EMAIL_ADDRESS", team, "organisation").add(
        ">\nCc: "
    )
    for i in range(20):
        first, last, src = v.person()
        if i:
            b.add("; ")
        b.ent("PERSON", f"{first} {last}", src).add(" <").ent(
            "EMAIL_ADDRESS", v.email(first, last)
        ).add(">")
    b.add(f"\nSubject: Summer picnic for adoptive families - {v.date_en(v.recent())}\n\n")
    b.add("Dear all,\n\nWe are delighted to invite you to our summer picnic at Mote Park. ")
    b.add("Please reply to this e-mail to book, or call the team on ")
    b.ent("PHONE_NUMBER", v.landline(), "organisation").add(
        ".\n\nWarm wishes\nAdoption Support Team\n"
    )


def seasonal_roster(v: Values, b: Builder) -> None:
    b.add("SEASONAL AGRICULTURAL WORKERS SCHEME - ARRIVALS BATCH 14\n")
    b.add("Operator: Concordia   Farm: Hall Hunter, Berkshire\n\n")
    b.add("No.,Surname,Given names,Nationality,Passport No.,Date of birth,Arrival\n")
    for i in range(v.r.randint(5, 12)):
        first, last, src = v.person(0.4)
        number, kind = v.passport()
        b.add(f"{i + 1},").ent("PERSON", last.upper(), src).add(",").ent("PERSON", first, src)
        b.add(",").ent("NATIONALITY", v.r.choice(DEMONYMS)).add(",").ent(
            "PASSPORT_NUMBER", number, kind
        )
        b.add(",").ent("DATE_OF_BIRTH", v.date_en(v.dob())).add(f",{v.date_en(v.recent())}\n")
    b.add("\nDisc 1 of 2. Password sent separately.\n")


def visa_email_ar(v: Values, b: Builder) -> None:
    first, last, src = v.person_ar()
    b.add("موضوع الرسالة: تغيير موقع موعد التأشيرة - UKVCAS\n\n")
    b.add("عزيزي/عزيزتي ").ent("PERSON", f"{first} {last}", src).add("،\n\n")
    b.add("نود إعلامك بتغيير موقع موعدك لدى خدمة طلب التأشيرة والجنسية البريطانية. ")
    b.add(f"موعدك الجديد هو {v.date_ar(v.recent())} الساعة ١٠:٣٠ صباحًا في مركز كرويدون.\n")
    b.add("رقم الطلب: GWF0").add(str(v.r.randint(10000000, 99999999))).add("\n")
    b.add("تاريخ الميلاد: ").ent("DATE_OF_BIRTH", v.date_ar(v.dob())).add("\n")
    b.add("رقم جواز السفر: ").ent("PASSPORT_NUMBER", v.passport()[0]).add("\n")
    phone = v.mobile()
    if v.r.random() < 0.6:
        phone = phone.translate(ARABIC_INDIC)
    b.add("رقم الهاتف المسجل: ").ent("PHONE_NUMBER", phone).add("\n")
    b.add("البريد الإلكتروني: ").ent("EMAIL_ADDRESS", v.email(v.en.first_name(), v.en.last_name()))
    b.add("\n\nللاستفسار يرجى الاتصال على ").ent("PHONE_NUMBER", v.landline(), "organisation")
    b.add("\nمع خالص التحيات،\nفريق UKVCAS\n")


def council_letter_ar(v: Values, b: Builder) -> None:
    first, last, src = v.person_ar()
    b.add("مجلس مدينة برادفورد - قسم الإسكان\n\n")
    b.ent("PERSON", f"{first} {last}", src).add("\n")
    if v.r.random() < 0.5:
        b.ent("STREET_ADDRESS", v.street()).add(f"\n{v.town()}\n")
    else:
        b.ent("STREET_ADDRESS", v.street_ar(), "arabic-script").add("\nبرادفورد\n")
    b.ent("UK_POSTCODE", v.postcode()).add(f"\n\nالتاريخ: {v.date_ar(v.recent())}\n\n")
    b.add("السيد/السيدة ").ent("PERSON", last, src).add(" المحترم/ة،\n\n")
    b.add("نكتب إليك بخصوص طلب السكن الخاص بك. يرجى تأكيد البيانات التالية:\n")
    b.add("الاسم الكامل: ").ent("PERSON", f"{first} {last}", src).add("\n")
    b.add("تاريخ الميلاد: ").ent("DATE_OF_BIRTH", v.date_ar(v.dob())).add("\n")
    b.add("الجنسية: ").ent("NATIONALITY", v.r.choice(DEMONYMS_AR)).add("\n")
    b.add("رقم التأمين الوطني: ").ent("UK_NINO", v.nino()).add("\n")
    phone = v.mobile()
    b.add("رقم الجوال: ").ent(
        "PHONE_NUMBER", phone.translate(ARABIC_INDIC) if v.r.random() < 0.5 else phone
    )
    b.add("\n\nمع التحية،\nفريق الإسكان\n")


def gp_letter(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    doc_first, doc_last, doc_src = v.person()
    b.add("Riverside Medical Practice\n").ent(
        "STREET_ADDRESS", "14 Station Approach", "organisation"
    )
    b.add(", Luton ").ent("UK_POSTCODE", "LU1 2AB", "organisation").add("\nTel ")
    b.ent("PHONE_NUMBER", v.landline(), "organisation").add("\n\n")
    b.add(f"Date: {v.date_en(v.recent())}\n\nRe: ").ent("PERSON", f"{first} {last}", src)
    b.add("\nDOB: ").ent("DATE_OF_BIRTH", v.date_en(v.dob())).add("   NHS Number: ").ent(
        "UK_NHS", v.nhs()
    )
    b.add("\nAddress: ").ent("STREET_ADDRESS", v.street()).add(f", {v.town()} ").ent(
        "UK_POSTCODE", v.postcode()
    )
    b.add("\n\nDear Dr ").ent("PERSON", doc_last, doc_src).add(",\n\nThank you for seeing ")
    b.add(f"this 4{v.r.randint(0, 9)} year old ")
    b.add("with a six-week history of chest pain on exertion. ECG on 3rd of this month showed ")
    b.add("sinus rhythm. Current medication: ramipril 5 mg once daily.\n\nYours sincerely\n\nDr ")
    b.ent("PERSON", f"{doc_first} {doc_last}", doc_src).add("\nGMC 7012345\n")


def refund_letter(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    b.add("Dear ").ent("PERSON", f"{first} {last}", src).add(",\n\n")
    b.add(f"Refund of overpaid council tax - account {v.r.randint(10000000, 99999999)}\n\n")
    b.add("We have processed a refund of £212.40. It will be paid to IBAN ").ent(
        "IBAN_CODE", v.iban()
    )
    b.add(f" within 5 working days. The original payment was made on {v.date_en(v.recent())} ")
    last4 = f"{v.r.randint(0, 9999):04d}"
    b.add(
        f"by debit card ending {last4}" if v.r.random() < 0.5 else f"by card **** **** **** {last4}"
    )
    b.add(".\n\nIf the details are wrong, call us on ").ent(
        "PHONE_NUMBER", v.landline(), "organisation"
    )
    b.add(".\n\nYours sincerely\nRevenues and Benefits\n")


def chargeback_form(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    b.add("CARD PAYMENT DISPUTE FORM\nCardholder name: ").ent("PERSON", f"{first} {last}", src)
    b.add("\nCard number: ").ent("CREDIT_CARD", v.card())
    b.add(f"\nExpiry: {v.r.randint(1, 12):02d}/{v.r.randint(26, 30)}\n")
    b.add("Billing address: ").ent("STREET_ADDRESS", v.street()).add(", ").ent(
        "UK_POSTCODE", v.postcode()
    )
    b.add(f"\nTransaction date: {v.date_en(v.recent())}   Amount: £{v.r.randint(10, 900)}.00\n")
    b.add("Refund to account: sort code ")
    b.ent("UK_BANK_ACCOUNT", f"{v.sort_code()}, account number {v.account()}")
    b.add("\nEmail: ").ent("EMAIL_ADDRESS", v.email(first, last)).add("\n")


def server_log(v: Values, b: Builder) -> None:
    for _ in range(v.r.randint(6, 14)):
        when = f"{v.r.randint(10, 28)}/Mar/2024:{v.r.randint(0, 23):02d}:{v.r.randint(0, 59):02d}:11 +0000"
        path = v.r.choice(
            ("/visa/appointments/change", "/login", "/static/app.4.2.1.js", "/api/v2/booking/8812")
        )
        b.ent("IP_ADDRESS", v.ip()).add(f' - - [{when}] "GET {path} HTTP/1.1" ')
        b.add(f'{v.r.choice((200, 302, 404))} {v.r.randint(200, 90000)} "-" "Mozilla/5.0"\n')


def housing_application(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    b.add("HOUSING REGISTER APPLICATION - PART 2\n\nMain applicant: ").ent(
        "PERSON", f"{first} {last}", src
    )
    b.add("\nDate of birth: ").ent("DATE_OF_BIRTH", v.date_en(v.dob()))
    b.add("\nNationality: ").ent("NATIONALITY", v.r.choice(DEMONYMS))
    b.add("\nNational Insurance number: ").ent("UK_NINO", v.nino())
    b.add("\nCurrent address:\n").ent("STREET_ADDRESS", v.street()).add(f"\n{v.town()}\n")
    b.ent("UK_POSTCODE", v.postcode()).add("\n\nPrevious addresses (last 5 years):\n")
    for _ in range(v.r.randint(1, 3)):
        since = v.recent()
        b.add(f"From {since.strftime('%m/%Y')}: ").ent("STREET_ADDRESS", v.street())
        b.add(f", {v.town()}, ").ent("UK_POSTCODE", v.postcode()).add("\n")
    pf, pl, ps = v.person()
    b.add("\nPartner: ").ent("PERSON", f"{pf} {pl}", ps).add(", born ").ent(
        "DATE_OF_BIRTH", v.date_en(v.dob())
    )
    b.add("\nDaytime phone: ").ent("PHONE_NUMBER", v.mobile())
    b.add("\nEmail: ").ent("EMAIL_ADDRESS", v.email(first, last)).add("\n")


def parking_permit(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    female = v.r.random() < 0.5
    dob = v.dob()
    b.add("RESIDENT PARKING PERMIT - APPLICATION\nApplicant: ").ent(
        "PERSON", f"{first} {last}", src
    )
    b.add("\nDriving licence number: ")
    b.ent("UK_DRIVING_LICENCE", v.licence(last, dob, female, first[0] + v.r.choice("ABCDEJMR")))
    b.add("\nDate of birth: ").ent("DATE_OF_BIRTH", v.date_en(dob))
    b.add(f"\nVehicle registration: {v.r.choice('ABCDEFGHKLMN')}{v.r.choice('ABCDEFGHKLMN')}")
    b.add(f"{v.r.randint(10, 73)} {v.r.choice(('XKD', 'PLM', 'RTY'))}\nPermit zone: D2\n")
    b.add("Address: ").ent("STREET_ADDRESS", v.street()).add(", ").ent("UK_POSTCODE", v.postcode())
    b.add("\nPassport (for ID check): ").ent("PASSPORT_NUMBER", v.passport()[0])
    b.add("\n")


def news_item(v: Values, b: Builder) -> None:
    first, last, src = v.person()
    b.add("A British man has been detained in Dubai. ").ent("PERSON", f"{first} {last}", src)
    b.add(", 3" + str(v.r.randint(0, 9)) + ", from Leeds, ")
    b.add("is a ").ent("NATIONALITY", v.r.choice(DEMONYMS[:10])).add(
        " national who has lived in the "
    )
    b.add("UK since 2009, his family said. The Foreign Office said it was supporting ")
    b.skip("NATIONALITY", "a British national").add(" and was in contact with local authorities.\n")


POSITIVE: tuple[tuple[str, str, Callable[[Values, Builder], None]], ...] = (
    ("referral_form", "en", referral_form),
    ("hr_starter_tsv", "en", hr_starter_tsv),
    ("forwarded_thread", "en", forwarded_thread),
    ("safeguarding_note", "en", safeguarding_note),
    ("adoption_mailing", "en", adoption_mailing),
    ("seasonal_roster", "en", seasonal_roster),
    ("visa_email_ar", "ar", visa_email_ar),
    ("council_letter_ar", "ar", council_letter_ar),
    ("gp_letter", "en", gp_letter),
    ("refund_letter", "en", refund_letter),
    ("chargeback_form", "en", chargeback_form),
    ("server_log", "en", server_log),
    ("housing_application", "en", housing_application),
    ("parking_permit", "en", parking_permit),
    ("news_item", "en", news_item),
)


# --- hard negatives ---------------------------------------------------------------------------


def order_confirmation(v: Values, b: Builder) -> None:
    b.add(f"Thanks for your order!\nOrder number: 204-{v.r.randint(1000000, 9999999)}-")
    b.add(f"{v.r.randint(1000000, 9999999)}\nOrder placed: {v.date_en(v.recent())}\n")
    b.add(f"Dispatched via Royal Mail Tracked 48. Tracking number: {v.r.choice(('JD', 'FQ'))}")
    b.add(
        f"{v.r.randint(100000000, 999999999)}GB\nParcelforce ref: PB{v.r.randint(10**9, 10**10 - 1)}\n"
    )
    b.add(f"Item: USB-C hub (7 in 1) x1  £24.99\nTotal paid: £{v.r.randint(20, 99)}.99\n")
    b.add("Questions? Visit our Help pages. Please do not reply to this e-mail.\n")


def invoice(v: Values, b: Builder) -> None:
    b.add(f"INVOICE INV-{v.r.randint(2020, 2025)}-{v.r.randint(1000, 9999)}\n")
    b.add(f"Invoice date: {v.date_en(v.recent())}   Due: 30 days\n")
    b.add(
        f"VAT Reg No: GB {v.r.randint(100, 999)} {v.r.randint(1000, 9999)} {v.r.randint(10, 99)}\n"
    )
    b.add(
        f"Company No. {v.r.randint(1000000, 9999999):08d}\nPO number: 4500{v.r.randint(100000, 999999)}\n"
    )
    for _ in range(v.r.randint(2, 5)):
        b.add(f"{v.r.randint(1, 20)} x Licence seat (annual)  {v.r.randint(100, 999)}.00\n")
    b.add("Net 1,240.00  VAT 20% 248.00  Total 1,488.00 GBP\n")


def meeting_minutes(v: Values, b: Builder) -> None:
    b.add(f"Minutes - Information Governance Board - {v.date_en(v.recent())}\n")
    b.add(f"Location: Room {v.r.randint(1, 4)}.{v.r.randint(10, 40)}, County Hall, 10:00-11:30\n")
    b.add("Present: Chair, Head of Legal, SIRO, DPO, ICT Security Manager\n\n")
    b.add(f"1. Minutes of the meeting of {v.date_en(v.recent())} were agreed.\n")
    b.add(f"2. Action 14/{v.r.randint(20, 25)}: breach log reviewed; 7 incidents in Q3, none ")
    b.add("reportable to the ICO.\n3. Policy IG-04 v3.2 approved for 12 months.\n")
    b.add(f"Next meeting: {v.date_en(v.recent())}, Room 2.14.\n")


def catalogue(v: Values, b: Builder) -> None:
    b.add("SKU\tDescription\tPack\tPrice\n")
    for _ in range(v.r.randint(5, 10)):
        letters = "".join(v.r.choice("ABCDEFGHJKLMNPRSTUWXY") for _ in range(2))
        sku = f"{letters}{v.r.randint(1, 99)} {v.r.randint(1, 9)}{v.r.choice('ABDEFGHJ')}{v.r.choice('ABDEFGHJ')}-X"
        b.add(f"{sku}\tSteel bracket {v.r.randint(20, 90)}mm\t{v.r.choice((10, 25, 50))}\t")
        b.add(f"£{v.r.randint(1, 40)}.{v.r.randint(10, 99)}\n")


def release_notes(v: Values, b: Builder) -> None:
    version = f"{v.r.randint(1, 9)}.{v.r.randint(0, 12)}.{v.r.randint(0, 30)}.{v.r.randint(1, 250)}"
    b.add(f"Release notes - CaseManager {version}\nBuild {v.r.randint(10000, 99999)}, ")
    b.add(f"released {v.date_en(v.recent())}\n\n- Upgraded OpenSSL to 3.0.13 and jQuery to 3.7.1\n")
    b.add(f"- Fixed crash when importing files larger than 2 GB (#{v.r.randint(1000, 9999)})\n")
    b.add(
        f"- Minimum supported client is now {v.r.randint(1, 5)}.{v.r.randint(0, 9)}.0.{v.r.randint(1, 99)}\n"
    )
    b.add(f"- Default port changed from 8080 to 8443; schema version 2024.{v.r.randint(1, 12)}.1\n")


def department_directory(v: Values, b: Builder) -> None:
    b.add("Council departments - who to contact\n\n")
    for dept in ("Council Tax", "Housing Options", "Planning", "Waste and Recycling", "Registrars"):
        b.add(f"{dept}\nFloor {v.r.randint(1, 5)}, Civic Centre\nOpening hours: Mon-Fri 9am-5pm\n")
        b.add(f"Web form: www.example.gov.uk/{dept.lower().replace(' ', '-')}\n\n")


def bank_holidays(v: Values, b: Builder) -> None:
    year = v.r.randint(2024, 2027)
    b.add(f"Bank holidays in England and Wales {year}\n")
    for name, month, day in (
        ("New Year's Day", 1, 1),
        ("Good Friday", 4, 18),
        ("Early May bank holiday", 5, 5),
        ("Spring bank holiday", 5, 26),
        ("Summer bank holiday", 8, 25),
        ("Christmas Day", 12, 25),
        ("Boxing Day", 12, 26),
    ):
        b.add(f"{v.date_en(date(year, month, day))}\t{name}\n")
    b.add("Offices close at 4pm on the working day before each bank holiday.\n")


def news_negative(v: Values, b: Builder) -> None:
    b.add("The Home Office has lost the details of 3,000 foreign nationals on two discs sent by ")
    b.add("ordinary post. The UK Visa and Citizenship Application Service said the details of EU ")
    b.add(
        "citizens and British citizens abroad were not affected. The British Nationality Act 1981 "
    )
    b.add(
        f"sets out who may apply. The ICO was told on {v.date_en(v.recent())}; fines can reach £17m.\n"
    )


def announcement_ar(v: Values, b: Builder) -> None:
    b.add("إعلان: مواعيد العمل خلال العطلات الرسمية\n")
    b.add(f"تغلق المكاتب يوم {v.date_ar(v.recent())} وتعود للعمل في اليوم التالي.\n")
    b.add(f"رقم المرجع: REF-{v.r.randint(100000, 999999)}. الإصدار 4.2.10.1 من النظام متاح الآن.\n")
    b.add("نعتذر لمواطني الاتحاد الأوروبي عن أي إزعاج. الطابق ٣، الغرفة ٣١٢.\n")


NEGATIVE: tuple[tuple[str, str, Callable[[Values, Builder], None]], ...] = (
    ("order_confirmation", "en", order_confirmation),
    ("invoice", "en", invoice),
    ("meeting_minutes", "en", meeting_minutes),
    ("catalogue", "en", catalogue),
    ("release_notes", "en", release_notes),
    ("department_directory", "en", department_directory),
    ("bank_holidays", "en", bank_holidays),
    ("news_negative", "en", news_negative),
    ("announcement_ar", "ar", announcement_ar),
)


def generate(count: int, seed: int, negative_share: float = 0.3) -> list[Doc]:
    """``count`` documents, the same for the same seed."""
    v = Values(seed)
    docs: list[Doc] = []
    for i in range(count):
        negative = v.r.random() < negative_share
        name, language, build = v.r.choice(NEGATIVE if negative else POSITIVE)
        b = Builder()
        build(v, b)
        doc = b.doc(f"{name}-{i}", name, language, negative)
        for span in doc.spans:
            if span.entity == "PHONE_NUMBER":
                check_phone(doc.text[span.start : span.end], span.source)
        docs.append(doc)
    return docs


# --- scoring (bench/accuracy.py's rule) -------------------------------------------------------


@dataclass(slots=True)
class Tally:
    gold: int = 0
    found: int = 0
    matched_gold: int = 0
    right_found: int = 0
    exact: int = 0

    def scores(self, exact: bool = False) -> tuple[float, float, float]:
        right = self.exact if exact else self.right_found
        hit = self.exact if exact else self.matched_gold
        p = right / self.found if self.found else (1.0 if not self.gold else 0.0)
        r = hit / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(slots=True)
class Evaluation:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    sources: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)
    negative_findings: Counter[str] = field(default_factory=Counter)
    negative_docs: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    seconds: float = 0.0
    documents: int = 0

    def tally(self, entity: str, language: str) -> Tally:
        return self.tallies.setdefault((entity, language), Tally())


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def _context(doc: Doc, start: int, end: int) -> str:
    return doc.text[max(0, start - 30) : end + 12].replace("\n", "⏎").replace("\t", "⇥")


def evaluate(docs: Iterable[Doc], analyzer: Analyzer, show: str = "") -> Evaluation:
    """Score ``analyzer`` on ``docs``; ``show`` (an entity or ALL) collects its errors as text."""

    def wanted(entity: str) -> bool:
        return bool(show) and show in ("ALL", entity)

    ev = Evaluation()
    for doc in docs:
        started = time.perf_counter()
        predictions = [p for p in analyzer(doc.text, doc.language) if p[0] in ENTITIES]
        ev.seconds += time.perf_counter() - started
        ev.documents += 1
        if doc.negative:
            ev.negative_docs += 1
            for entity, start, end in predictions:
                ev.negative_findings[entity] += 1
                if wanted(entity):
                    ev.false_alarms.append(
                        f"{entity} on negative {doc.id}: {doc.text[start:end]!r} in …{_context(doc, start, end)}…"
                    )
            continue
        for span in doc.spans:
            ev.tally(span.entity, doc.language).gold += 1
        for entity, start, end in predictions:
            overlapping = [
                s for s in doc.spans if s.entity == entity and _overlaps(start, end, s.start, s.end)
            ]
            if not overlapping and any(
                s.entity == entity and _overlaps(start, end, s.start, s.end) for s in doc.ignore
            ):
                continue
            t = ev.tally(entity, doc.language)
            t.found += 1
            if overlapping:
                t.right_found += 1
                if any((s.start, s.end) == (start, end) for s in overlapping):
                    t.exact += 1
            elif wanted(entity):
                ev.false_alarms.append(
                    f"{entity} false alarm {doc.id}: {doc.text[start:end]!r} in …{_context(doc, start, end)}…"
                )
        for span in doc.spans:
            hit = any(
                e == span.entity and _overlaps(s, en, span.start, span.end)
                for e, s, en in predictions
            )
            if hit:
                ev.tally(span.entity, doc.language).matched_gold += 1
            elif wanted(span.entity):
                ev.misses.append(
                    f"{span.entity} missed {doc.id}: {doc.text[span.start : span.end]!r} "
                    f"in …{_context(doc, span.start, span.end)}…"
                )
            if span.source:
                counts = ev.sources.setdefault((span.entity, span.source, doc.language), [0, 0])
                counts[0] += 1
                counts[1] += int(hit)
    return ev


def breachguard_analyzer(min_score: float) -> Analyzer:
    from breachguard import analyze

    def run(text: str, _language: str) -> list[Prediction]:
        return [(f.entity, f.start, f.end) for f in analyze(text, min_score=min_score)]

    return run


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def table(ev: Evaluation, title: str) -> Table:
    out = Table(title=title, header_style="bold")
    out.add_column("entity", no_wrap=True)
    for name in (
        "lang",
        "gold",
        "found",
        "P",
        "R",
        "F1",
        "exact P",
        "exact R",
        "exact F1",
    ):
        out.add_column(name, justify="left" if name in ("entity", "lang") else "right")
    order = {e: i for i, e in enumerate(ENTITIES)}
    for (entity, language), t in sorted(
        ev.tallies.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])
    ):
        p, r, f = t.scores()
        ep, er, ef = t.scores(exact=True)
        colour = "green" if f >= 0.9 else ("yellow" if f >= 0.7 else "red")
        out.add_row(
            entity,
            language,
            str(t.gold),
            str(t.found),
            _fmt(p),
            _fmt(r),
            f"[{colour}]{_fmt(f)}[/]",
            _fmt(ep),
            _fmt(er),
            _fmt(ef),
        )
    for (entity, source, language), (gold, matched) in sorted(ev.sources.items()):
        recall = matched / gold if gold else 0.0
        out.add_row(
            f"{entity} ({source})", language, str(gold), "", "", _fmt(recall), "", "", "", ""
        )
    total = sum(ev.negative_findings.values())
    detail = ", ".join(f"{e} {n}" for e, n in ev.negative_findings.most_common(6)) or "none"
    out.caption = (
        f"Hard negatives: {total} findings on {ev.negative_docs} documents; top: {detail}. "
        f"{ev.documents} documents in {ev.seconds:.1f} s. Rows with a source in brackets: recall only."
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[1:]) if __doc__ else None,
    )
    parser.add_argument("--documents", type=int, default=400, help="corpus size (default 400)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--min-score", type=float, default=0.5, help="findings at least this sure")
    parser.add_argument(
        "--errors",
        metavar="ENTITY",
        default="",
        help="list misses and false alarms (ENTITY or ALL)",
    )
    parser.add_argument("--max-errors", type=int, default=30, help="how many of each to list")
    parser.add_argument(
        "--show", metavar="TEMPLATE", default="", help="print one generated document"
    )
    args = parser.parse_args()
    if args.errors and args.errors not in (*ENTITIES, "ALL"):
        parser.error(f"--errors: unknown entity {args.errors}; valid: ALL, {', '.join(ENTITIES)}")
    if args.documents < 1:
        parser.error("--documents must be at least 1")

    docs = generate(args.documents, seed=args.seed)
    # Piped output would wrap the table at 80 columns.
    console = Console(width=None if sys.stdout.isatty() else 150)
    if args.show:
        chosen = next((d for d in docs if d.template == args.show), None)
        if chosen is None:
            names = sorted({n for n, _, _ in (*POSITIVE, *NEGATIVE)})
            parser.error(
                f"--show: no {args.show!r} document generated; templates: {', '.join(names)}"
            )
        console.print(chosen.text, markup=False, highlight=False)
        for s in chosen.spans:
            console.print(
                f"  {s.entity:<18} {chosen.text[s.start : s.end]!r} {s.source}", markup=False
            )
        return
    ev = evaluate(docs, breachguard_analyzer(args.min_score), show=args.errors)
    console.print(table(ev, f"breachguard held-out accuracy (seed {args.seed}, blind templates)"))
    for line in ev.misses[: args.max_errors] + ev.false_alarms[: args.max_errors]:
        console.print(line, markup=False, highlight=False)


if __name__ == "__main__":
    main()
