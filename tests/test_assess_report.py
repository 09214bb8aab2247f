"""The scan Report's core: tables as tables, people, special categories, risk with reasons."""

from __future__ import annotations

import json
import random
from functools import cache

import pytest
from faker import Faker

from breachguard import analyze
from breachguard.assess import as_json, assess_document, combine
from breachguard.assess.columns import cell_holds, classify_header, read_table
from breachguard.assess.people import METHOD_PROSE, METHOD_ROWS
from breachguard.assess.risk import RiskLevel
from breachguard.assess.signals import special_categories
from breachguard.extract.document import (
    Document,
    ExtractionError,
    Protection,
    ProtectionLevel,
    Table,
)

ROWS = 3000


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, digits)) + str(check)


@cache
def roster(rows: int = ROWS, seed: int = 7) -> tuple[Table, list[tuple[str, ...]]]:
    """Seasonal workers: name, nationality, passport number (bare 9 digits), date of birth."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    body = [
        (
            fake.name(),
            rng.choice(("Polish", "Romanian", "Bulgarian", "Ukrainian", "Nepali")),
            f"{rng.randrange(10**8, 10**9):09d}",
            fake.date_of_birth(minimum_age=18, maximum_age=65).strftime("%d/%m/%Y"),
        )
        for _ in range(rows)
    ]
    header = ("Name", "Nationality", "Passport No", "Date of birth")
    return Table((header, *body), name="Workers"), body


def roster_document(protection: Protection | None = None) -> tuple[Document, list[tuple[str, ...]]]:
    table, body = roster()
    text = "\n".join(",".join(r) for r in table.rows)
    doc = Document(
        text, ("workers.xlsx", "Workers"), "xlsx", protection or Protection.none(), (table,)
    )
    return doc, body


def test_roster_of_3000_workers_is_3000_people_with_passports() -> None:
    doc, _ = roster_document()
    report = assess_document(doc, analyze(doc.text))
    assert report.people.count == ROWS
    assert report.people.method == METHOD_ROWS
    assert report.entities["PASSPORT_NUMBER"] == ROWS
    assert report.entities["PERSON"] == ROWS
    assert report.entities["DATE_OF_BIRTH"] == ROWS
    assert report.entities["NATIONALITY"] == ROWS
    assert "identity document" in report.categories
    assert report.risk.level in (RiskLevel.HIGH, RiskLevel.CRITICAL)
    assert any("3,000 people's passport numbers" in r for r in report.risk.reasons)
    assert any("dates of birth" in r for r in report.risk.reasons)


def test_zipcrypto_roster_says_weak_protection() -> None:
    doc, _ = roster_document(Protection(ProtectionLevel.WEAK, "ZipCrypto"))
    report = assess_document(doc, analyze(doc.text))
    assert report.risk.level is RiskLevel.CRITICAL
    assert any("only weakly protected (ZipCrypto)" in r for r in report.risk.reasons)


def test_aes256_roster_is_lower_risk_than_plain() -> None:
    plain, _ = roster_document()
    strong, _ = roster_document(Protection(ProtectionLevel.STRONG, "AES-256"))
    plain_risk = assess_document(plain, ()).risk
    strong_risk = assess_document(strong, ()).risk
    levels = list(RiskLevel)
    assert levels.index(strong_risk.level) < levels.index(plain_risk.level)
    assert any("strongly encrypted (AES-256)" in r for r in strong_risk.reasons)


def test_reasons_and_json_hold_no_values() -> None:
    doc, body = roster_document(Protection(ProtectionLevel.WEAK, "ZipCrypto"))
    report = combine([assess_document(doc, analyze(doc.text))])
    dumped = json.dumps(as_json(report), ensure_ascii=False)
    for name, _, passport, dob in body[:200]:
        assert name not in dumped
        assert passport not in dumped
        assert dob not in dumped


def test_arabic_headers_classify_columns() -> None:
    header = ("الاسم الكامل", "الجنسية", "رقم جواز السفر", "تاريخ الميلاد", "البريد الإلكتروني")
    rows = (
        ("محمد أحمد", "سوري", "٤٥٦٧٨٩١٢٣", "١٩٨٠/٠٥/٠١", "m.ahmad@example.org"),
        ("فاطمة علي", "عراقية", "987654321", "1992-11-23", "f.ali@example.org"),
    )
    reading = read_table(Table((header, *rows)))
    assert reading.people_rows == 2
    assert reading.entities == {
        "PERSON": 2,
        "NATIONALITY": 2,
        "PASSPORT_NUMBER": 2,
        "DATE_OF_BIRTH": 2,
        "EMAIL_ADDRESS": 2,
    }


@pytest.mark.parametrize(
    ("header", "entity"),
    [
        ("Name", "PERSON"),
        ("Full name", "PERSON"),
        ("Surname", "PERSON"),
        ("Forename", "PERSON"),
        ("Child's name", "PERSON"),
        ("DOB", "DATE_OF_BIRTH"),
        ("Date of Birth:", "DATE_OF_BIRTH"),
        ("Passport No.", "PASSPORT_NUMBER"),
        ("NI number", "UK_NINO"),
        ("NHS Number", "UK_NHS"),
        ("E-mail", "EMAIL_ADDRESS"),
        ("Phone", "PHONE_NUMBER"),
        ("Address", "STREET_ADDRESS"),
        ("Postcode", "UK_POSTCODE"),
        ("Sort code", "UK_BANK_ACCOUNT"),
        ("Account number", "UK_BANK_ACCOUNT"),
        ("IBAN", "IBAN_CODE"),
        ("الاسم", "PERSON"),
        ("الهاتف", "PHONE_NUMBER"),
        ("العنوان", "STREET_ADDRESS"),
        ("Company name", None),
        ("File name", None),
        ("Amount", None),
    ],
)
def test_header_names_an_entity(header: str, entity: str | None) -> None:
    assert classify_header(header) == entity


def test_nhs_column_counts_only_valid_check_digits() -> None:
    rng = random.Random(3)
    valid = [nhs_number(rng) for _ in range(5)]
    invalid = [v[:9] + str((int(v[9]) + 1) % 10) for v in valid[:2]]
    assert all(cell_holds("UK_NHS", v) for v in valid)
    assert not any(cell_holds("UK_NHS", v) for v in invalid)
    table = Table((("Patient", "NHS number"), *[("x", v) for v in valid + invalid]))
    assert read_table(table).entities["UK_NHS"] == 5


def test_first_name_and_surname_columns_are_one_person_per_row() -> None:
    table = Table(
        (
            ("Staff list", "", ""),
            ("First name", "Surname", "Email"),
            ("Lee", "Wong", "lee.wong@example.com"),
            ("Ana", "Silva", "n/a"),
            ("", "", ""),
        )
    )
    reading = read_table(table)
    assert reading.people_rows == 2
    assert reading.entities == {"PERSON": 2, "EMAIL_ADDRESS": 1}


def test_table_without_known_headers_falls_back_to_prose() -> None:
    table = Table((("a", "b"), ("x", "lee.wong@example.com"), ("y", "ana@example.com")))
    text = "a,b\nx,lee.wong@example.com\ny,ana@example.com\nz,ana@example.com"
    doc = Document(text, ("t.csv",), "csv", tables=(table,))
    report = assess_document(doc, analyze(text))
    assert report.people.count == 2
    assert report.people.method == METHOD_PROSE
    assert report.entities == {"EMAIL_ADDRESS": 3}


def test_adoption_support_email_signals_children_and_adoption() -> None:
    text = (
        "Dear Ms Okafor, following the adoption panel on Tuesday the adopters have asked for"
        " post-adoption support for both children. The social worker will visit the school."
    )
    signals = special_categories(text)
    assert signals["children and adoption"] >= 3
    assert "health" not in signals


def test_arabic_adoption_and_conviction_signals() -> None:
    text = "طلب التبني للأطفال في دار الرعاية. لديه إدانة سابقة وسجل جنائي."
    signals = special_categories(text)
    assert signals["children and adoption"] >= 2
    assert signals["criminal offences"] >= 2


def test_one_weak_hit_is_not_a_signal() -> None:
    assert special_categories("The children's menu is on page two.") == {}
    assert special_categories("الجنسية: بولندية") == {}


def test_health_signal_counts_hits() -> None:
    text = "Diagnosis: depression. Mental health review booked; medication unchanged."
    assert special_categories(text)["health"] == 4


def test_prose_people_are_distinct_identifiers() -> None:
    text = "From a@example.com to b@example.com, cc A@example.com and c@example.com."
    doc = Document(text, ("m.eml",), "eml")
    report = assess_document(doc, analyze(text))
    assert report.people.count == 3
    assert report.entities == {"EMAIL_ADDRESS": 4}
    assert report.categories == ("contact",)


def test_nothing_found_is_low_risk() -> None:
    doc = Document("Minutes of the parks committee.", ("minutes.txt",), "text")
    report = assess_document(doc, analyze(doc.text))
    assert report.people.count == 0
    assert report.risk.level is RiskLevel.LOW
    assert report.entities == {}


def test_combine_totals_and_errors() -> None:
    doc, _ = roster_document()
    mail = Document("Write to a@example.com or b@example.com", ("m.eml",), "eml")
    reports = [assess_document(doc, ()), assess_document(mail, analyze(mail.text))]
    error = ExtractionError(
        ("secret.zip",),
        "encrypted and no password was given",
        kind="zip",
        protection=Protection(ProtectionLevel.UNSCANNABLE, "AES-256"),
    )
    report = combine(reports, [error])
    data = as_json(report)
    assert data["version"] == 1
    assert data["total"]["people"]["count"] == ROWS + 2
    assert data["total"]["entities"]["EMAIL_ADDRESS"] == 2
    assert data["total"]["documents"] == 2
    assert data["total"]["errors"] == 1
    assert data["errors"] == [
        {
            "origin": ["secret.zip"],
            "kind": "zip",
            "reason": "encrypted and no password was given",
            "protection": {"level": "unscannable", "reason": "AES-256"},
        }
    ]
    assert any("could not be scanned" in r for r in data["total"]["risk"]["reasons"])
    first = data["documents"][0]
    assert set(first) == {
        "origin",
        "kind",
        "protection",
        "people",
        "entities",
        "categories",
        "special_categories",
        "risk",
        "errors",
    }
    assert first["origin"] == ["workers.xlsx", "Workers"]
    assert first["protection"] == {"level": "none", "reason": ""}
