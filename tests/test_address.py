"""STREET_ADDRESS: the UK street line (town and postcode are not in it), Arabic address parts."""

from __future__ import annotations

import random

import pytest
from faker import Faker

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.recognizers.address import RECOGNIZERS

ENGINES = [False, True] if hyperscan_available() else [False]
_PLAIN = Engine(RECOGNIZERS, use_hyperscan=False)


@pytest.fixture(scope="module", params=ENGINES, ids=lambda hs: "hyperscan" if hs else "re")
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(RECOGNIZERS, use_hyperscan=request.param)


def addresses(engine: Engine, text: str) -> list[str]:
    found = engine.analyze(text)
    assert all(text[f.start : f.end] == f.text for f in found)
    return [f.text for f in found if f.entity == "STREET_ADDRESS"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Flat 3, 45 Park Road", ["Flat 3, 45 Park Road"]),
        ("45 Park Road\nLondon\nSW1A 1AA", ["45 Park Road"]),
        (
            "Jane Doe\n12a Mill Lane\nHeadington\nOxford\nOX3 9DU\n",
            ["12a Mill Lane"],
        ),
        ("10 Downing Street, London SW1A 2AA", ["10 Downing Street"]),
        ("She lives at 12a Mill Lane, Oxford.", ["12a Mill Lane"]),
        (
            "Flat 37\nPhilip Grove\nLake Allanmouth\nLD9H 8EX",
            ["Flat 37\nPhilip Grove"],
        ),
        ("Flat 3, Kingsley House, 45 Park Road", ["Flat 3, Kingsley House, 45 Park Road"]),
        ("Unit 4, 12-14 Station Approach, Woking", ["Unit 4, 12-14 Station Approach"]),
        ("Registered office: 1 St John's Square, London EC1M 4DH", ["1 St John's Square"]),
        ("c/o 7 High St. Newport-on-Tay", ["7 High St."]),
        (
            "27 Stratford-upon-Avon Road, Stratford upon Avon\n",
            ["27 Stratford-upon-Avon Road"],
        ),
        # the next line of a letter does not join the address
        ("45 Park Road\nDear Sir,\nThank you", ["45 Park Road"]),
    ],
)
def test_uk_addresses(engine: Engine, text: str, values: list[str]) -> None:
    assert addresses(engine, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("314 Middleton Cove, Port Jason\nB1 4QX", ["314 Middleton Cove"]),
        ("Flat 0, Mary Station, Port Carol LD9H 8EX", ["Flat 0, Mary Station"]),
        ("Studio 9, Baldwin Shores", ["Studio 9, Baldwin Shores"]),
        ("708 Victoria Falls, West Kevin SW1A 1AA", ["708 Victoria Falls"]),
        ("who lives at 040 Sarah Trail, Port Daniel", ["040 Sarah Trail"]),
        ("Studio 35K, Bruce Plains, Williamsfurt", ["Studio 35K, Bruce Plains"]),
        ("at Flat 26, Parker Flats, Thomasbury TN4 8QP.", ["Flat 26, Parker Flats"]),
        ("9 McDonald Close", ["9 McDonald Close"]),
        ("Home address: 12 Mill Ferry", ["12 Mill Ferry"]),
        ("Kingsley House, 45 Park Road", ["Kingsley House, 45 Park Road"]),
        ("Kingsley House\n45 Harbour Point\nLeeds\nLS1 4AP", ["Kingsley House\n45 Harbour Point"]),
    ],
)
def test_uk_street_types_and_place_words(engine: Engine, text: str, values: list[str]) -> None:
    assert addresses(engine, text) == values


@pytest.mark.parametrize(
    "text",
    [
        # place words without a postcode, a flat or an address word are everyday nouns
        "Figure 4 Power Station output fell.",
        "We joined the 5 Star Club last year.",
        "Chapter 3 Treasure Island",
        "Meet at 10 Kings Cross Station",
    ],
)
def test_place_words_alone_are_not_addresses(engine: Engine, text: str) -> None:
    assert addresses(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I met him on the street.",
        "High Street banks are closing branches.",
        "Traffic on the M25 road was slow.",
        "In 2019 Park Road was closed.",
        "Road works on 3 roads this week.",
        "We walked down the street to Park Road.",
        "the A40 Road near Oxford",
    ],
)
def test_uk_prose_is_not_an_address(engine: Engine, text: str) -> None:
    assert addresses(engine, text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("العنوان: شارع الملك فهد، مبنى ١٢", ["شارع الملك فهد، مبنى ١٢"]),
        ("العنوان: حي النخيل", ["حي النخيل"]),
        ("ص.ب ١٢٣٤ الرياض ١١٤٥١", ["ص.ب ١٢٣٤"]),
        ("صندوق بريد: 5566", ["صندوق بريد: 5566"]),
        ("يسكن في عمارة ٧، شارع التحرير، الدقي", ["عمارة ٧، شارع التحرير"]),
        ("١٥ شارع جامعة الدول العربية", ["١٥ شارع جامعة الدول العربية"]),
        ("طريق الملك عبدالعزيز، حي الملقا، الرياض", ["طريق الملك عبدالعزيز، حي الملقا"]),
        ("شارع ١٥، شقة ٤", ["شارع ١٥، شقة ٤"]),
    ],
)
def test_arabic_addresses(engine: Engine, text: str, values: list[str]) -> None:
    assert addresses(engine, text) == values


@pytest.mark.parametrize(
    "text",
    [
        "أرسلنا الملف عن طريق البريد",
        "وقع حادث في شارع الملك فهد أمس",
        "كان في الشارع",
        "هذه طريقة جديدة",
        "كائن حي في البحر",
        "عمارة إسلامية جميلة",
    ],
)
def test_arabic_prose_is_not_an_address(engine: Engine, text: str) -> None:
    assert addresses(engine, text) == []


_UK_TYPES = ["Road", "Street", "Avenue", "Lane", "Drive", "Close", "Way", "Crescent", "Place",
             "Gardens", "Court", "Terrace", "Grove", "Hill", "Square", "Row", "Mews", "Walk"]  # fmt: skip


def test_faker_uk_addresses_are_found_and_engines_agree() -> None:
    fake = Faker("en_GB")
    Faker.seed(45)
    rnd = random.Random(45)
    blocks, expected = [], []
    for _ in range(150):
        street = f"{fake.last_name()} {rnd.choice(_UK_TYPES)}"
        if rnd.random() < 0.3:
            first = f"Flat {rnd.randint(1, 99)}, {fake.building_number()} {street}"
        else:
            first = f"{fake.building_number()} {street}"
        town = fake.city()
        blocks.append(f"{fake.name()}\n{first}\n{town}\n{fake.postcode()}\n\n{fake.paragraph()}")
        expected.append(first)
    text = "\n\n".join(blocks)
    found = _PLAIN.analyze(text)
    assert [f.text for f in found] == expected
    if hyperscan_available():
        assert Engine(RECOGNIZERS, use_hyperscan=True).analyze(text) == found


def test_faker_arabic_addresses_are_found_and_engines_agree() -> None:
    fake = Faker("ar_SA")
    Faker.seed(12)
    rnd = random.Random(12)
    indic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    lines, expected = [], []
    for _ in range(100):
        address = f"شارع {fake.first_name_male()}، مبنى {rnd.randint(1, 300)}".translate(indic)
        lines.append(f"الاسم: {fake.name()}\nالعنوان: {address}\n")
        expected.append(address)
    text = "\n".join(lines)
    found = _PLAIN.analyze(text)
    assert [f.text for f in found] == expected
    if hyperscan_available():
        assert Engine(RECOGNIZERS, use_hyperscan=True).analyze(text) == found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Address: 24 McDonald Point, Cook Crescent\nLeeds\nLS6 2AB",
            ["24 McDonald Point, Cook Crescent"],
        ),
        (
            "Current address:\n16 Burns House, Davies Crescent\nSheffield\nS1 4BR",
            ["16 Burns House, Davies Crescent"],
        ),
        (
            "I moved into 1 Wade House, Godfrey Street, OX4 5ET last year.",
            ["1 Wade House, Godfrey Street"],
        ),
        (
            "Name\tAddress\tPostcode\nAnn Lee\t5 Turner Mansions, Baker Lane\tLS1 3UX\n",
            ["5 Turner Mansions, Baker Lane"],
        ),
    ],
)
def test_numbered_building_and_street_are_one_span(
    engine: Engine, text: str, values: list[str]
) -> None:
    assert addresses(engine, text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Previous address: Flat 24, 132 Gordon Rise. She moved in 2021.",
            ["Flat 24, 132 Gordon Rise"],
        ),
        ("He lives at 45 Park Road.", ["45 Park Road"]),
        ("Send it to 7 Kings Crescent.", ["7 Kings Crescent"]),
        # An abbreviation keeps its full stop.
        ("Deliver to 5 Mill Rd. in town", ["5 Mill Rd."]),
        ("Deliver to 18 Station St. by noon", ["18 Station St."]),
    ],
)
def test_street_span_leaves_out_the_sentence_full_stop(
    engine: Engine, text: str, values: list[str]
) -> None:
    assert addresses(engine, text) == values
