"""DATE_OF_BIRTH: a date is one only when a birth label says so."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from faker import Faker

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.finding import Finding
from breachguard.detect.recognizers.dates import RECOGNIZERS, plausible_birth_date

ENGINES = [False, True] if hyperscan_available() else [False]


@pytest.fixture(scope="module", params=ENGINES, ids=lambda hs: "hyperscan" if hs else "re")
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(RECOGNIZERS, use_hyperscan=request.param)


def births(engine: Engine, text: str) -> list[Finding]:
    return [f for f in engine.analyze(text) if f.entity == "DATE_OF_BIRTH"]


POSITIVE_EN = [
    ("Date of birth: 12/03/1985", "12/03/1985"),
    ("DOB 12-03-1985", "12-03-1985"),
    ("DOB: 12.03.85", "12.03.85"),
    ("D.O.B.: 1985-03-12", "1985-03-12"),
    ("Birth date - 12 March 1985", "12 March 1985"),
    ("born on 12th March 1985", "12th March 1985"),
    ("Jane Doe (born 3 May 1990) joined us", "3 May 1990"),
    ("He was born in Leeds on March 12, 1985, and", "March 12, 1985"),
    ("Jane Doe, b. 12 Mar 1985", "12 Mar 1985"),
    ("Name: Jane Doe    DOB: 12/03/1985    Ref: 4471", "12/03/1985"),
    ("Date of birth (dd/mm/yyyy): 01/02/1970", "01/02/1970"),
    ("Date of birth:\n12 Mar 1985", "12 Mar 1985"),
    ("12/03/1985 (DOB)", "12/03/1985"),
    ("date of birth 12-Mar-1985", "12-Mar-1985"),
    ("DOB: 03/25/1985", "03/25/1985"),  # month first still a real date
]


@pytest.mark.parametrize(("text", "value"), POSITIVE_EN)
def test_labelled_english_dates_are_births(engine: Engine, text: str, value: str) -> None:
    assert [f.text for f in births(engine, text)] == [value]


POSITIVE_AR = [
    ("تاريخ الميلاد: ١٢/٠٣/١٩٨٥", "١٢/٠٣/١٩٨٥"),
    ("تاريخ الميلاد: 12/03/1985", "12/03/1985"),
    ("ولد في ١٢ مارس ١٩٨٥م", "١٢ مارس ١٩٨٥م"),
    ("ولدت في ٣ أبريل ١٩٩٠ في القاهرة", "٣ أبريل ١٩٩٠"),
    ("من مواليد ٣ كانون الثاني ١٩٩٠", "٣ كانون الثاني ١٩٩٠"),
    ("تاريخ الولادة: ١٢ شباط ١٩٨٥", "١٢ شباط ١٩٨٥"),
    ("مواليد ١٤٠٥/٠٦/١٢هـ", "١٤٠٥/٠٦/١٢هـ"),
    ("تاريخ الميلاد: ١٢ رمضان ١٤٠٥ هـ", "١٢ رمضان ١٤٠٥ هـ"),
    ("تاريخ الميلاد: ۱۲/۰۳/۱۹۸۵", "۱۲/۰۳/۱۹۸۵"),  # Extended Arabic-Indic digits
]


@pytest.mark.parametrize(("text", "value"), POSITIVE_AR)
def test_labelled_arabic_dates_are_births(engine: Engine, text: str, value: str) -> None:
    found = births(engine, text)
    assert [f.text for f in found] == [value]
    assert text[found[0].start : found[0].end] == value


NEGATIVE = [
    "The meeting on 12/03/2022 was moved to 14 March 2022.",
    "Sent on 7 April 2022",
    "Dear Jane, 12 March 2021",
    "Please reply by 31 May 2023 at the latest.",
    "Invoice dated 2019-05-01, due 2019-06-01",
    "Appendix B. 12/03/1985",
    "DOB: 31/02/1985",  # no such day
    "DOB: 13/13/1985",  # no such month either way round
    "Date of birth: 12/03/1885",  # before 1900
    "He was born. We met on 3 May 2022.",
    "عقد الاجتماع في ١٢ مارس ٢٠٢٢",
    "تاريخ الميلاد: ٣٠/٠٢/١٩٨٥",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_dates_without_a_birth_label_are_not_births(engine: Engine, text: str) -> None:
    assert births(engine, text) == []


def test_meeting_date_after_a_birth_date_is_not_a_birth(engine: Engine) -> None:
    text = "Date of birth: 12/03/1985. Meeting on 13/04/2022 in Leeds."
    assert [f.text for f in births(engine, text)] == ["12/03/1985"]


def test_future_date_is_not_a_birth(engine: Engine) -> None:
    next_year = dt.date.today().year + 1
    assert births(engine, f"DOB: 01/01/{next_year}") == []


def test_dates_in_a_dob_column_are_births(engine: Engine) -> None:
    text = (
        "Name,DOB,Email,Joined\n"
        "Jane Doe,12/03/1985,jane@example.com,01/02/2020\n"
        "Ahmed Ali, 1970-02-01 ,ahmed@example.com,03/04/2021\n"
        "\n"
        "Meeting 05/06/2022"
    )
    assert [f.text for f in births(engine, text)] == ["12/03/1985", "1970-02-01"]


def test_arabic_header_marks_its_column(engine: Engine) -> None:
    text = "الاسم\tتاريخ الميلاد\tالمدينة\nأحمد\t١٢/٠٣/١٩٨٥\tالرياض\n"
    found = births(engine, text)
    assert [f.text for f in found] == ["١٢/٠٣/١٩٨٥"]


@pytest.mark.parametrize(
    "header",
    [
        "date_of_birth",
        "Date of Birth",
        "DOB",
        "d.o.b.",
        "birth_date",
        "birth-date",
        "BirthDate",
        "DateOfBirth",
        "Birthday",
        "patient_dob",
        "Date of birth (dd/mm/yyyy)",
        "تاريخ_الميلاد",
    ],
)
@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_header_spellings_mark_their_column(engine: Engine, header: str, delimiter: str) -> None:
    rows = [
        ["name", header, "nhs_number", "joined"],
        ["Jane Doe", "12/03/1985", "9434765919", "01/02/2020"],
        ["Ahmed Ali", "3 May 1990", "4010232137", "05/06/2021"],
        ["Sam Lee", "1970-02-01", "4505577104", "07/08/2022"],
    ]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    assert [f.text for f in births(engine, text)] == ["12/03/1985", "3 May 1990", "1970-02-01"]


@pytest.mark.parametrize(
    "text",
    [
        "name,date_joined,notes\nJane Doe,12/03/1985,moved\n",
        "name,dob_checked_on\nJane Doe,12/03/1985\n",
        "Meeting date,Attendees\n12/03/2022,5\n",
        # a label over prose, not over a table: the line below has another shape
        "Date of birth, place and time\n12/03/1985, at 5, in Leeds\n",
    ],
)
def test_columns_not_headed_by_a_birth_label_are_not_births(engine: Engine, text: str) -> None:
    assert births(engine, text) == []


def test_offsets_index_the_original_text(engine: Engine) -> None:
    text = "ملف: تاريخ الميلاد: ١٢/٠٣/١٩٨٥، الهاتف"
    [finding] = births(engine, text)
    assert text[finding.start : finding.end] == "١٢/٠٣/١٩٨٥"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12/03/1985", True),
        ("29/02/1988", True),
        ("29/02/1989", False),
        ("1985-03-12", True),
        ("12 March 85", True),
        ("00/03/1985", False),
        ("12 شباط 1985", True),
        ("12 ربيع الأول 1405", True),
        ("12/03/1405هـ", True),
        ("12/03/1499هـ", False),
    ],
)
def test_plausible_birth_date(value: str, expected: bool) -> None:
    assert plausible_birth_date(value) is expected


_FORMATS_EN = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%Y-%m-%d"]
_LABELS_EN = ["Date of birth: {}", "DOB {}", "D.O.B. {}", "born on {}", "{} (DOB)"]
_AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _faker_cases(count: int) -> list[tuple[str, str, str]]:
    fake = Faker(["en_GB", "ar_SA"])
    Faker.seed(1985)
    rnd = random.Random(1985)
    cases = []
    for _ in range(count):
        born = fake["en_GB"].date_of_birth(minimum_age=1, maximum_age=110)
        value = born.strftime(rnd.choice(_FORMATS_EN))
        name = fake["en_GB"].name()
        label = rnd.choice(_LABELS_EN).format(value)
        cases.append((f"{name}, {label}. Meeting on 12/01/2024.", value, "en"))
        ar_value = f"{born.day} {_AR_MONTHS[born.month - 1]} {born.year}".translate(_INDIC)
        ar_name = fake["ar_SA"].name()
        cases.append((f"{ar_name}، تاريخ الميلاد: {ar_value}", ar_value, "ar"))
    return cases


def test_faker_birth_dates_are_found_and_engines_agree() -> None:
    plain = Engine(RECOGNIZERS, use_hyperscan=False)
    fast = Engine(RECOGNIZERS, use_hyperscan=True) if hyperscan_available() else plain
    for text, value, _language in _faker_cases(150):
        found = plain.analyze(text)
        assert [f.text for f in found] == [value], text
        assert fast.analyze(text) == found


def test_engines_agree_on_a_letter_full_of_dates() -> None:
    fake = Faker("en_GB")
    Faker.seed(3)
    rnd = random.Random(3)
    parts = []
    for _ in range(200):
        day = fake.date_between("-90y", "today").strftime(rnd.choice(_FORMATS_EN))
        lead = rnd.choice(["Sent on", "DOB:", "born", "Meeting", "Date of birth", "b.", ","])
        parts.append(f"{fake.sentence()} {lead} {day}{rnd.choice(['.', ' (DOB)', '', ';'])}")
    text = "\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3))
    if not hyperscan_available():
        pytest.skip("hyperscan is not installed")
    expected = Engine(RECOGNIZERS, use_hyperscan=False).analyze(text)
    assert expected
    assert Engine(RECOGNIZERS, use_hyperscan=True).analyze(text) == expected
