"""The scan Report's core: tables as tables, people, special categories, risk with reasons."""

from __future__ import annotations

import json
import random
from functools import cache

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from breachguard import analyze
from breachguard.assess import as_json, assess_document, combine
from breachguard.assess.columns import _shape_marks, cell_holds, classify_header, read_table
from breachguard.assess.people import METHOD_PROSE, METHOD_ROWS
from breachguard.assess.report import read_document
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
    body: list[tuple[str, ...]] = [
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


def mixed_roster(rows: int = 400, seed: int = 11) -> tuple[Table, Document]:
    """Headed columns (some cells invalid or blank) beside a free-text column that detection
    alone reads; the Document's text is the rows joined by tabs, as the CSV reader writes it."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    header = ("Full name", "Email", "Phone", "NHS number", "Passport No", "Notes")
    body = []
    for i in range(rows):
        nhs = nhs_number(rng)
        if i % 17 == 0:  # a typo: the check digit no longer matches
            nhs = nhs[:9] + str((int(nhs[9]) + 1) % 10)
        body.append(
            (
                fake.name() if i % 23 else "",
                fake.email(),
                f"07700 9{rng.randrange(10**5):05d}",
                nhs,
                f"{rng.randrange(10**8, 10**9)}",
                f"Call back on {fake.email()}" if i % 5 == 0 else "seen at the office",
            )
        )
    table = Table((header, *body))
    text = "\n".join("\t".join(row) for row in table.rows)
    return table, Document(text, ("roster.csv",), "csv", tables=(table,))


def test_columns_counted_without_detection_match_detecting_everything() -> None:
    _, doc = mixed_roster()
    everything = assess_document(doc, analyze(doc.text))
    reading = read_document(doc)
    split = assess_document(doc, analyze(reading.text), reading=reading)
    assert reading.split
    assert split.people == everything.people
    assert split.entities == {
        "EMAIL_ADDRESS": 400 + len(range(0, 400, 5)),  # the column and the notes
        "PASSPORT_NUMBER": 400,
        "PERSON": 400 - len(range(0, 400, 23)),
        "PHONE_NUMBER": 400,
        "UK_NHS": 400 - len(range(0, 400, 17)),
    }
    # Detecting everything also reads NHS numbers that start 01/03 as phone numbers; the
    # columns know better. Every other count is the same.
    assert everything.entities["PHONE_NUMBER"] >= 400
    assert {e: n for e, n in everything.entities.items() if e != "PHONE_NUMBER"} == {
        e: n for e, n in split.entities.items() if e != "PHONE_NUMBER"
    }


def test_detection_sees_only_what_the_columns_did_not_count() -> None:
    table, doc = mixed_roster()
    reading = read_document(doc)
    assert len(reading.text) < len(doc.text) / 3
    assert reading.text.splitlines()[0] == "\t".join(table.rows[0])  # the header, for context
    for i, row in enumerate(table.rows[1:]):
        assert row[1] not in reading.text  # every e-mail in its column was counted
        assert (row[3] in reading.text) == (i % 17 == 0)  # only the bad NHS numbers are left
    assert "Call back on" in reading.text


def test_text_with_more_than_its_tables_is_detected_whole() -> None:
    table, doc = mixed_roster(rows=20)
    prose = Document(f"Dear team, the list:\n{doc.text}", doc.origin, "html", tables=(table,))
    reading = read_document(prose)
    assert not reading.split
    assert reading.text == prose.text
    trimmed = "\n".join("\t".join(row).rstrip("\t") for row in table.rows)
    assert read_document(Document(trimmed, ("a.xlsx",), "xlsx", tables=(table,))).split


_CELL_CHARS = "aAzZ09 7-+()./@_'\t\nçé٣²"


@settings(max_examples=300, deadline=None)
@given(
    entity=st.sampled_from(
        [
            "PERSON",
            "NATIONALITY",
            "PASSPORT_NUMBER",
            "DATE_OF_BIRTH",
            "EMAIL_ADDRESS",
            "PHONE_NUMBER",
        ]
    ),
    cells=st.lists(
        st.one_of(
            st.text(alphabet=_CELL_CHARS, max_size=20),
            st.sampled_from(["Lee Wong", "N/A", "None", "Na", "Polish", "07700 900123", "x@y.io"]),
            st.from_regex(r"[A-Za-z]{1,10}( [A-Za-z]{1,10}){1,14}", fullmatch=True),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_fast_column_check_agrees_with_the_cell_check(entity: str, cells: list[str]) -> None:
    expected = [cell_holds(entity, c, confirm=False) for c in cells]
    assert _shape_marks(entity, cells) == expected
    assert all(_shape_marks(entity, [c]) == [e] for c, e in zip(cells, expected, strict=True))


def test_a_cell_with_line_breaks_is_not_taken_for_several_short_ones() -> None:
    long_name = "\n".join(["Lee Wong"] * 20)  # 179 characters: too long for one person
    cells = ["Ana Silva", long_name, "Sam Hill"]
    assert _shape_marks("PERSON", cells) == [True, False, True]


def test_nothing_inspected_is_not_low_risk() -> None:
    from breachguard.assess.risk import RiskLevel, total_risk

    risk = total_risk([], unreadable=1)
    assert risk.level is RiskLevel.MEDIUM
    assert "could not be scanned" in risk.reasons[0]
    assert total_risk([], unreadable=0).level is RiskLevel.LOW


@pytest.mark.parametrize(
    "text",
    [
        "Diagnosed with depression; mental health referral. Romanian national, Roma family.",
        "Looked-after child at school; foster carer and birth mother attended.",
        "CONVICTION: none. Prison-free. Convicted? DBS check pending. police,court",
        "healthy unionised offenders-x childish, then court",
        "تم تشخيصه بالاكتئاب وللأطفال حماية الطفل",
    ],
)
def test_topic_hits_are_the_same_with_or_without_hyperscan(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from breachguard.assess import signals

    fast = signals.topic_hits(text)
    monkeypatch.setattr(signals, "_ascii_terms", lambda: None)
    assert signals.topic_hits(text) == fast
    assert fast  # every text above holds at least one term


def test_topic_words_inside_names_and_streets_are_not_signals() -> None:
    from breachguard import analyze
    from breachguard.extract import Document

    text = "\n".join(
        f"Dear Mr {surname}, we will visit you at 4 Church Road on Monday."
        for surname in ("Foster", "Christian", "Bishop", "Child", "Foster")
    )
    doc = Document(text, ("letters.txt",), "text")
    report = assess_document(doc, analyze(text))
    assert report.special_categories == {}
    adoption = "The adoption panel met; the adopted child and foster carer attended."
    signals = assess_document(
        Document(adoption, ("note.txt",), "text"), analyze(adoption)
    ).special_categories
    assert signals
