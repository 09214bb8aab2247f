"""NATIONALITY: a demonym is personal data only with its label; the span is the value."""

from __future__ import annotations

import random

import pytest
from faker import Faker

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.finding import Finding
from breachguard.detect.recognizers.nationality import RECOGNIZERS, lexicon

ENGINES = [False, True] if hyperscan_available() else [False]


@pytest.fixture(scope="module", params=ENGINES, ids=lambda hs: "hyperscan" if hs else "re")
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(RECOGNIZERS, use_hyperscan=request.param)


def nationalities(engine: Engine, text: str) -> list[str]:
    found: list[Finding] = engine.analyze(text)
    assert all(text[f.start : f.end] == f.text for f in found)
    return [f.text for f in found if f.entity == "NATIONALITY"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Nationality: Polish", ["Polish"]),
        ("nationality - Romanian", ["Romanian"]),
        ("NATIONALITY: POLISH", ["POLISH"]),
        ("Nationality (as on passport): Saudi Arabian", ["Saudi Arabian"]),
        ("Nationality\nSouth African\nDate of birth", ["South African"]),
        ("Nationality: British / Irish", ["British / Irish"]),
        ("Citizenship: Syrian", ["Syrian"]),
        ("Country of citizenship: United Kingdom", ["United Kingdom"]),
        ("He is a British national.", ["British"]),
        ("She is a British national", ["British"]),
        ("an Indian citizen who lives in Leeds", ["Indian"]),
        ("Polish national Jan Kowalski was", ["Polish"]),
        ("two Nigerian nationals, both", ["Nigerian"]),
        ("he holds Irish citizenship", ["Irish"]),
        ("she has Polish nationality", ["Polish"]),
        ("a citizen of Poland since 2010", ["Poland"]),
    ],
)
def test_labelled_english_nationalities(engine: Engine, text: str, values: list[str]) -> None:
    assert nationalities(engine, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("الجنسية: سوري", ["سوري"]),
        ("الجنسية: مصرية", ["مصرية"]),
        ("الجنسية السعودية", ["السعودية"]),
        ("يحمل الجنسية الأمريكية منذ ٢٠١٠", ["الأمريكية"]),
        ("جنسيته: أردني", ["أردني"]),
        ("الجنسية: جنوب أفريقي", ["جنوب أفريقي"]),
        ("مواطن سعودي مقيم في جدة", ["سعودي"]),
        ("مواطنة مصرية", ["مصرية"]),
        ("الاسم: أحمد، الجنسية: ماليزي", ["ماليزي"]),
    ],
)
def test_labelled_arabic_nationalities(engine: Engine, text: str, values: list[str]) -> None:
    assert nationalities(engine, text) == values


@pytest.mark.parametrize(
    "text",
    [
        "We had Polish food at the British Museum.",
        "the Polish national team won",
        "the Indian National Congress",
        "British national newspapers reported",
        "citizen science and national parks",
        "Nationality: unknown",
        "French windows and Dutch courage",
        "الجنسية المزدوجة مسموحة",
        "المطبخ السوري لذيذ",
        "مواطن عادي",
        "زرنا المتحف البريطاني",
    ],
)
def test_bare_demonyms_and_other_uses_are_not_findings(engine: Engine, text: str) -> None:
    assert nationalities(engine, text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Client is Afghan and holds passport no. 123456789.", ["Afghan"]),
        ("She is Polish.", ["Polish"]),
        ("The applicant was Syrian, and moved in 2019.", ["Syrian"]),
        ("Patient is British/Irish.", ["British/Irish"]),
        ("He's Nigerian.", ["Nigerian"]),
        ("I am Irish", ["Irish"]),
        ("The tenant is originally Eritrean, she said.", ["Eritrean"]),
        ("the claimant is Sudanese\nNext visit in two weeks.", ["Sudanese"]),
        ("He is British by birth", ["British"]),
        ("Resident is Lithuanian who works nights.", ["Lithuanian"]),
    ],
)
def test_a_demonym_said_of_a_person_is_a_nationality(
    engine: Engine, text: str, values: list[str]
) -> None:
    assert nationalities(engine, text) == values


@pytest.mark.parametrize(
    "text",
    [
        "the food is Polish.",
        "The style is Italian, the wine French.",
        "It is British.",
        "He is Polish-speaking.",
        "She is a French teacher.",
        "the client is English speaking",
        "The pupil is English language learner of the year",
        "Client is polish and proud",  # a demonym in prose is written with a capital
    ],
)
def test_demonyms_not_said_of_a_person_are_not_nationalities(engine: Engine, text: str) -> None:
    assert nationalities(engine, text) == []


def test_arabic_value_is_not_a_prefix_of_a_longer_word(engine: Engine) -> None:
    assert nationalities(engine, "الجنسية: ماليزية") == ["ماليزية"]
    assert nationalities(engine, "الجنسية: مصرفي") == []  # a banker, not an Egyptian


@pytest.mark.parametrize("demonym", lexicon("demonyms_en"))
def test_every_english_demonym_is_found_with_its_label(demonym: str) -> None:
    assert nationalities(_PLAIN, f"Nationality: {demonym}\n") == [demonym]


_PLAIN = Engine(RECOGNIZERS, use_hyperscan=False)


def test_faker_forms_are_found_and_engines_agree() -> None:
    fake = Faker("en_GB")
    Faker.seed(11)
    rnd = random.Random(11)
    demonyms = lexicon("demonyms_en")
    forms = ["Nationality: {}", "a {} national,", "{} citizen", "Citizenship - {}"]
    lines = []
    expected = []
    for _ in range(300):
        demonym = rnd.choice(demonyms)
        lines.append(f"{fake.name()}, {rnd.choice(forms).format(demonym)} {fake.sentence()}")
        expected.append(demonym)
    text = "\n".join(lines)
    found = _PLAIN.analyze(text)
    assert [f.text for f in found] == expected
    if hyperscan_available():
        assert Engine(RECOGNIZERS, use_hyperscan=True).analyze(text) == found


def _roster(header: str, delimiter: str, values: list[str]) -> str:
    faker = Faker("en_GB")
    faker.seed_instance(7)
    rows = [
        delimiter.join([str(n), faker.last_name().upper(), faker.first_name(), value, "X1234567"])
        for n, value in enumerate(values, 1)
    ]
    head = delimiter.join(["No.", "Surname", "Given names", header, "Passport No."])
    return "ARRIVALS BATCH 14\n\n" + "\n".join([head, *rows]) + "\n"


@pytest.mark.parametrize(
    ("header", "delimiter", "values"),
    [
        ("Nationality", ",", ["Filipino", "Syrian", "South African"]),
        ("nationality", "\t", ["Polish", "Eritrean"]),
        ("Country of citizenship", ";", ["Poland", "Syria"]),
        ('"Nationality"', ",", ['"Latvian"', "Zimbabwean"]),
        ("الجنسية", ",", ["سوري", "مصرية"]),
    ],
)
def test_nationality_column_cells_are_found(
    engine: Engine, header: str, delimiter: str, values: list[str]
) -> None:
    assert nationalities(engine, _roster(header, delimiter, values)) == [
        v.strip('"') for v in values
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The same demonyms under another header, or as cells of prose, are not nationalities.
        _roster("Cuisine", ",", ["Polish", "Filipino"]),
        _roster("Language", "\t", ["Polish", "Latvian"]),
        "We served Polish, Filipino, and Syrian food at the nationality evening.",
        "Nationality,Count\nunknown,3\nother,4\n",
    ],
)
def test_demonyms_outside_a_nationality_column_are_silent(engine: Engine, text: str) -> None:
    assert nationalities(engine, text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("شكرا لتواصلكم مع خدمة طلب التأشيرة والجنسية البريطانية. موعدك الجديد", []),
        ("راجع إدارة الجنسية السعودية في الرياض", []),
        ("يحمل الإقامة الدائمة والجنسية السورية منذ ٢٠١٠", ["السورية"]),
        ("الاسم: أحمد، الجنسية: مصري", ["مصري"]),
    ],
)
def test_arabic_nationality_word_in_a_service_name_is_silent(
    engine: Engine, text: str, values: list[str]
) -> None:
    assert nationalities(engine, text) == values
