"""Checksum and format identifiers (UK numbers, passports, IBANs, cards, phones, IPs, e-mail) in
English and Arabic text: valid values are found, checksum failures and lookalikes are silent.

Values are generated here with their check digits computed independently of the recognizers,
and every analysis runs on both engines (hyperscan prefilter and plain ``re``), which must agree.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

import phonenumbers
import pytest
from faker import Faker

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.finding import Finding
from breachguard.detect.recognizers import BUILT_IN, contact, financial, passport, uk

MINE = uk.RECOGNIZERS + passport.RECOGNIZERS + financial.RECOGNIZERS + contact.RECOGNIZERS
ENGINES = [Engine(MINE, use_hyperscan=False)]
if hyperscan_available():
    ENGINES.append(Engine(MINE, use_hyperscan=True))

EN = Faker("en_GB")
EN.seed_instance(20240521)
AR = Faker("ar_AA")
AR.seed_instance(20240521)
AR_NAMES = Faker("ar_SA")
AR_NAMES.seed_instance(20240521)
RNG = random.Random(20240521)

_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def analyze(text: str, engines: list[Engine] = ENGINES) -> list[Finding]:
    """Findings of every engine, asserted identical."""
    results = [engine.analyze(text) for engine in engines]
    for other in results[1:]:
        assert other == results[0]
    return results[0]


def found(text: str, entity: str) -> list[str]:
    return [f.text for f in analyze(text) if f.entity == entity]


def assert_found_at(text: str, value: str, entity: str) -> Finding:
    """``value`` is found once as ``entity`` with offsets into the original ``text``."""
    start = text.index(value)
    matches = [f for f in analyze(text) if f.entity == entity]
    assert [(f.start, f.end) for f in matches] == [(start, start + len(value))], matches
    assert matches[0].text == text[matches[0].start : matches[0].end] == value
    return matches[0]


def digits(n: int) -> str:
    return "".join(RNG.choice(string.digits) for _ in range(n))


# --- generators -------------------------------------------------------------------------------


def make_nhs(first: str = "") -> str:
    while True:
        nine = (first or RNG.choice("4567")) + digits(9 - len(first or "4"))
        check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        if check != 10 and len(set(nine)) > 1:
            return nine + str(0 if check == 11 else check)


def break_last_digit(value: str) -> str:
    return value[:-1] + str((int(value[-1]) + 1) % 10)


def make_nino() -> str:
    while True:
        prefix = RNG.choice("ABCEGHJKLMNOPRSTWXYZ") + RNG.choice("ABCEGHJKLMNPRSTWXYZ")
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            return prefix + digits(6) + RNG.choice("ABCD")


def make_licence(surname: str, female: bool) -> str:
    birth = EN.date_of_birth(minimum_age=18, maximum_age=90)
    name = "".join(ch for ch in surname.upper() if ch.isalpha())[:5].ljust(5, "9")
    month = birth.month + (50 if female else 0)
    initials = RNG.choice(string.ascii_uppercase) + RNG.choice(string.ascii_uppercase + "9")
    return (
        f"{name}{str(birth.year)[2]}{month:02d}{birth.day:02d}{str(birth.year)[3]}"
        f"{initials}9{RNG.choice(string.ascii_uppercase)}{RNG.choice(string.ascii_uppercase)}"
    )


_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def make_postcode() -> str:
    area = RNG.choice(["SW", "EC", "LS", "CF", "BT", "EH", "M", "B", "G", "L"])
    district = str(RNG.randint(1, 9)) if len(area) == 2 else str(RNG.randint(1, 29))
    inward = str(RNG.randint(0, 9)) + RNG.choice(_INWARD_LETTERS) + RNG.choice(_INWARD_LETTERS)
    return f"{area}{district} {inward}"


def icao(field: str) -> str:
    def value(ch: str) -> int:
        return 0 if ch == "<" else int(ch) if ch.isdigit() else ord(ch) - 55

    return str(sum(value(ch) * (7, 3, 1)[i % 3] for i, ch in enumerate(field)) % 10)


def make_mrz_line2(number: str, nationality: str, birth: str, sex: str, expiry: str) -> str:
    number = number.ljust(9, "<")
    optional = "<" * 14
    line = (
        number
        + icao(number)
        + nationality
        + birth
        + icao(birth)
        + sex
        + expiry
        + icao(expiry)
        + optional
        + "<"
    )
    composite = line[0:10] + line[13:20] + line[21:43]
    return line + icao(composite)


def make_iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in rearranged))
    return f"{country}{98 - number % 97:02d}{bban}"


def group4(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def luhn_complete(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return partial + str((10 - total % 10) % 10)


def make_card(prefix: str, length: int) -> str:
    return luhn_complete(prefix + digits(length - len(prefix) - 1))


def letter(*sentences: str) -> str:
    """A Faker letter around the given sentences."""
    return (
        f"Dear {EN.name()},\n{EN.paragraph(nb_sentences=3)}\n"
        + "\n".join(sentences)
        + f"\n{EN.paragraph(nb_sentences=2)}\nYours sincerely,\n{EN.name()}\n"
    )


def arabic_letter(*sentences: str) -> str:
    return f"السيد {AR_NAMES.name()}،\n{AR.paragraph()}\n" + "\n".join(sentences) + "\nمع التحية\n"


# --- UK National Insurance number -------------------------------------------------------------


@pytest.mark.parametrize("layout", ["compact", "spaced"])
def test_nino_is_found_in_a_letter(layout: str) -> None:
    nino = make_nino()
    value = (
        nino if layout == "compact" else f"{nino[:2]} {nino[2:4]} {nino[4:6]} {nino[6:8]} {nino[8]}"
    )
    text = letter(f"Your National Insurance number is {value}.")
    assert assert_found_at(text, value, "UK_NINO").score >= 0.8


def test_nino_is_found_without_a_label_in_either_case() -> None:
    nino = make_nino()
    assert found(f"{EN.sentence()} {nino} {EN.sentence()}", "UK_NINO") == [nino]
    assert found(f"ni: {nino.lower()}", "UK_NINO") == [nino.lower()]


@pytest.mark.parametrize(
    "value",
    [
        "BG123456A",
        "GB123456A",
        "NK123456B",
        "KN123456C",
        "TN123456D",
        "NT123456A",
        "ZZ123456A",
        "DA123456A",
        "QQ123456C",
        "AO123456A",
        "AU123456A",
        "AB123456E",
        "AB12345C",
    ],
)
def test_nino_prefix_and_suffix_rules_reject(value: str) -> None:
    assert found(f"National Insurance number: {value}", "UK_NINO") == []


def test_nino_with_arabic_label() -> None:
    nino = make_nino()
    text = arabic_letter(f"رقم التأمين الوطني: {nino}")
    assert assert_found_at(text, nino, "UK_NINO").score == 1.0


# --- NHS number -------------------------------------------------------------------------------


def test_nhs_example_number_needs_its_label() -> None:
    # 9xx numbers pass mod 11 but are never issued to patients (NHS Digital's own examples).
    assert found("NHS number: 943 476 5919", "UK_NHS") == ["943 476 5919"]
    assert found("See 943 476 5919.", "UK_NHS") == []


@pytest.mark.parametrize("layout", ["{} {} {}", "{}-{}-{}", "{}{}{}"])
def test_labelled_nhs_number_is_found_in_each_layout(layout: str) -> None:
    nhs = make_nhs()
    value = layout.format(nhs[:3], nhs[3:6], nhs[6:])
    text = letter(f"Patient: {EN.name()}, NHS number {value}, was seen today.")
    assert assert_found_at(text, value, "UK_NHS").score >= 0.75


def test_spaced_nhs_number_is_found_without_a_label() -> None:
    nhs = make_nhs()
    value = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    assert found(f"{EN.sentence()} {value}.", "UK_NHS") == [value]


@pytest.mark.parametrize(
    "template",
    [
        "Please see {} for details.",
        "x = {}",
        "timestamp={}",
        "Order no {}",
        "Invoice number: {}",
        "Tracking: {}",
    ],
)
def test_bare_valid_nhs_number_without_label_or_with_commerce_label_is_silent(
    template: str,
) -> None:
    assert analyze(template.format(make_nhs())) == []


@pytest.mark.parametrize("layout", ["{} {} {}", "{}{}{}"])
def test_nhs_number_failing_mod_11_is_silent(layout: str) -> None:
    bad = break_last_digit(make_nhs())
    assert found("NHS number: " + layout.format(bad[:3], bad[3:6], bad[6:]), "UK_NHS") == []


@pytest.mark.parametrize("value", ["0000000000", "1111111111", "000 000 0000"])
def test_placeholder_nhs_numbers_are_silent(value: str) -> None:
    assert found(f"NHS number: {value}", "UK_NHS") == []


@pytest.mark.parametrize("digits_table", [_INDIC, _PERSIAN], ids=["arabic-indic", "persian"])
def test_nhs_number_in_arabic_with_indic_digits(digits_table: dict[int, int]) -> None:
    nhs = make_nhs()
    value = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}".translate(digits_table)
    text = arabic_letter(f"رقم الخدمة الصحية: {value}")
    finding = assert_found_at(text, value, "UK_NHS")
    assert finding.text == value


def _nhs_number_that_is_a_uk_phone() -> str:
    while True:
        candidate = make_nhs("01")
        if phonenumbers.is_valid_number(phonenumbers.parse(candidate, "GB")):
            return candidate


@pytest.mark.parametrize(("label", "entity"), [("NHS number:", "UK_NHS"), ("Tel:", "PHONE_NUMBER")])
def test_number_that_is_both_nhs_and_phone_resolves_to_one_finding(label: str, entity: str) -> None:
    number = _nhs_number_that_is_a_uk_phone()
    findings = analyze(f"{label} {number}")
    assert [(f.entity, f.text) for f in findings] == [(entity, number)]


# --- UK driving licence -----------------------------------------------------------------------


@pytest.mark.parametrize("female", [False, True], ids=["male", "female"])
def test_driving_licence_is_found(female: bool) -> None:
    licence = make_licence(EN.last_name(), female)
    text = letter(f"Driving licence number: {licence}")
    assert assert_found_at(text, licence, "UK_DRIVING_LICENCE").score == 1.0
    assert found(f"{EN.sentence()} {licence} {EN.sentence()}", "UK_DRIVING_LICENCE") == [licence]


def test_short_surname_is_padded_with_nines() -> None:
    licence = make_licence("Ng", female=False)
    assert licence.startswith("NG999")
    assert found(f"Licence: {licence}", "UK_DRIVING_LICENCE") == [licence]


@pytest.mark.parametrize(
    "licence",
    [
        "MORGA713116SM9IJ",
        "MORGA763116SM9IJ",
        "MORGA750326SM9IJ",
        "MORGA702306SM9IJ",
        "MO9GA753116SM9IJ",
        "MORGA753116S9MIJ",
        "MORGA753116SM9IJX",
    ],
    ids=["month-13", "month-63", "day-32", "feb-30", "letter-after-pad", "bad-initials", "17"],
)
def test_driving_licence_with_impossible_structure_is_silent(licence: str) -> None:
    assert found(f"Driving licence: {licence}", "UK_DRIVING_LICENCE") == []


def test_driving_licence_with_arabic_label() -> None:
    licence = make_licence(EN.last_name(), female=True)
    text = arabic_letter(f"رقم رخصة القيادة: {licence}")
    assert_found_at(text, licence, "UK_DRIVING_LICENCE")


# --- UK postcode ------------------------------------------------------------------------------


def test_postcode_in_an_address_is_found() -> None:
    postcode = make_postcode()
    text = letter(f"{EN.building_number()} {EN.street_name()}\n{EN.city()}\n{postcode}")
    assert_found_at(text, postcode, "UK_POSTCODE")


@pytest.mark.parametrize(
    "postcode",
    ["SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"],
)
def test_postcode_shapes_are_found_without_label(postcode: str) -> None:
    assert found(f"Send it to {postcode} by Friday.", "UK_POSTCODE") == [postcode]


def test_postcode_without_space_needs_a_label() -> None:
    assert found("Please quote SW1A1AA today.", "UK_POSTCODE") == []
    assert found("Postcode: SW1A1AA", "UK_POSTCODE") == ["SW1A1AA"]


@pytest.mark.parametrize(
    "text",
    [
        "the code sw1a 1aa was lower case",
        "Product code AB12 3DE is back in stock",
        "Model SW12 3AB ships soon",
        "Quote XR12 5TY on the form",
        "Quote QA1 2BB on the form",
        "Unit AB1 2CI arrived",
    ],
    ids=["lower-case", "product-code", "model", "unknown-area", "q-first", "inward-i"],
)
def test_postcode_lookalikes_are_silent(text: str) -> None:
    assert found(text, "UK_POSTCODE") == []


def test_postcode_with_arabic_label() -> None:
    postcode = make_postcode()
    text = arabic_letter(f"الرمز البريدي: {postcode}")
    assert_found_at(text, postcode, "UK_POSTCODE")


# --- UK bank account --------------------------------------------------------------------------


def _sort_code() -> str:
    return f"{digits(2)}-{digits(2)}-{digits(2)}"


def _account() -> str:
    return str(RNG.randint(30000000, 99999999))


@pytest.mark.parametrize("separator", [" ", "  ", " / ", ", "])
def test_sort_code_and_account_together_are_one_finding(separator: str) -> None:
    value = f"{_sort_code()}{separator}{_account()}"
    text = letter(f"Please pay into sort code and account number {value}.")
    assert_found_at(text, value, "UK_BANK_ACCOUNT")


def test_labelled_account_number_alone_is_found() -> None:
    sort_code, account = _sort_code(), _account()
    text = letter(f"Sort code: {sort_code}", f"Account number: {account}")
    assert found(text, "UK_BANK_ACCOUNT") == [account]


@pytest.mark.parametrize(
    "text",
    [
        "{sc} {acc}",
        "Call 020 7946 0000 or 0161 496 0000",
        "Account number: 20240131",
        "Customer account number: {acc}",
        "Order no {acc}",
        "Date 12-05-21 {acc}",
        "Account number: 11111111",
        "Account number: {acc}{acc}",
    ],
    ids=[
        "unlabelled",
        "phones",
        "date",
        "customer",
        "order",
        "date-and-number",
        "placeholder",
        "16-digits",
    ],
)
def test_bank_account_hard_negatives_are_silent(text: str) -> None:
    assert found(text.format(sc=_sort_code(), acc=_account()), "UK_BANK_ACCOUNT") == []


def test_bank_account_with_arabic_label_and_indic_digits() -> None:
    value = f"{_sort_code()} {_account()}".translate(_INDIC)
    text = arabic_letter(f"رقم الحساب: {value}")
    assert_found_at(text, value, "UK_BANK_ACCOUNT")


# --- passport ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Passport number:", "{9}"),
        ("passport no.", "A{8}"),
        ("Travel document", "K{7}"),
        ("Passport:", "AB{7}"),
    ],
    ids=["uk", "egypt-style", "saudi-style", "two-letters"],
)
def test_labelled_passport_number_is_found(label: str, value: str) -> None:
    number = value.replace("{9}", digits(9)).replace("{8}", digits(8)).replace("{7}", digits(7))
    text = letter(f"{label} {number}")
    assert assert_found_at(text, number, "PASSPORT_NUMBER").score >= 0.75


@pytest.mark.parametrize("value", ["{9}", "A{8}"])
def test_unlabelled_passport_shapes_are_silent(value: str) -> None:
    number = value.replace("{9}", digits(9)).replace("{8}", digits(8))
    assert found(f"{EN.sentence()} {number} {EN.sentence()}", "PASSPORT_NUMBER") == []


@pytest.mark.parametrize("label", ["رقم جواز السفر:", "رقم الجواز", "جواز السفر رقم"])
def test_passport_number_with_arabic_label_and_indic_digits(label: str) -> None:
    number = ("A" + digits(8)).translate(_INDIC)
    text = arabic_letter(f"{label} {number}")
    assert_found_at(text, number, "PASSPORT_NUMBER")


def _mrz() -> tuple[str, str]:
    birth = EN.date_of_birth(minimum_age=18, maximum_age=80).strftime("%y%m%d")
    expiry = EN.date_between("+1y", "+9y").strftime("%y%m%d")
    surname, given = EN.last_name().upper(), EN.first_name().upper()
    line1 = f"P<GBR{surname}<<{given}".ljust(44, "<")
    return line1, make_mrz_line2(digits(9), "GBR", birth, RNG.choice("MF"), expiry)


def test_mrz_line_with_valid_check_digits_is_found_without_context() -> None:
    line1, line2 = _mrz()
    text = f"{EN.paragraph()}\n{line1}\n{line2}\n"
    assert assert_found_at(text, line2, "PASSPORT_NUMBER").score >= 0.9


@pytest.mark.parametrize("position", [9, 19, 27, 43], ids=["number", "birth", "expiry", "all"])
def test_mrz_line_with_a_wrong_check_digit_is_silent(position: int) -> None:
    _, line2 = _mrz()
    broken = line2[:position] + str((int(line2[position]) + 1) % 10) + line2[position + 1 :]
    assert found(f"scan:\n{broken}\n", "PASSPORT_NUMBER") == []


# --- IBAN -------------------------------------------------------------------------------------

IBAN_BBANS = {
    "GB": lambda: "".join(RNG.choice(string.ascii_uppercase) for _ in range(4)) + digits(14),
    "DE": lambda: digits(18),
    "FR": lambda: digits(23),
    "SA": lambda: digits(20),
    "AE": lambda: digits(19),
    "EG": lambda: digits(25),
    "JO": lambda: "".join(RNG.choice(string.ascii_uppercase) for _ in range(4)) + digits(22),
    "LU": lambda: digits(16),
}


@pytest.mark.parametrize("spaced", [False, True], ids=["compact", "groups"])
@pytest.mark.parametrize("country", sorted(IBAN_BBANS))
def test_iban_is_found(country: str, spaced: bool) -> None:
    iban = make_iban(country, IBAN_BBANS[country]())
    value = group4(iban) if spaced else iban
    text = letter(f"Please pay {value} 42 days from now.")
    assert assert_found_at(text, value, "IBAN_CODE").score >= 0.9


def test_iban_with_wrong_check_digits_is_silent() -> None:
    iban = make_iban("GB", IBAN_BBANS["GB"]())
    broken = iban[:2] + f"{(int(iban[2:4]) + 1) % 100:02d}" + iban[4:]
    assert found(f"IBAN: {broken}", "IBAN_CODE") == []
    assert found(f"IBAN: {break_last_digit(iban)}", "IBAN_CODE") == []


def test_iban_with_arabic_label() -> None:
    iban = group4(make_iban("SA", IBAN_BBANS["SA"]()))
    text = arabic_letter(f"رقم الآيبان: {iban}")
    assert_found_at(text, iban, "IBAN_CODE")


# --- payment cards ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "length"),
    [
        ("4", 16),
        ("51", 16),
        ("55", 16),
        ("2221", 16),
        ("2720", 16),
        ("34", 15),
        ("37", 15),
        ("6011", 16),
        ("3530", 16),
        ("4", 19),
        ("62", 19),
    ],
)
@pytest.mark.parametrize("layout", ["groups", "hyphens", "contiguous"])
def test_card_number_is_found(prefix: str, length: int, layout: str) -> None:
    card = make_card(prefix, length)
    if layout == "contiguous":
        value = card
    elif length == 15:
        value = f"{card[:4]} {card[4:10]} {card[10:]}"
    else:
        value = group4(card)
    if layout == "hyphens":
        value = value.replace(" ", "-")
    text = letter(f"The card used was {value}, expiring 09/27.")
    assert_found_at(text, value, "CREDIT_CARD")


def test_card_failing_luhn_is_silent() -> None:
    card = break_last_digit(make_card("4", 16))
    assert found(f"Card number: {group4(card)}", "CREDIT_CARD") == []


@pytest.mark.parametrize("prefix", ["9", "1", "0", "7"])
def test_luhn_valid_number_outside_issuer_ranges_is_silent(prefix: str) -> None:
    card = make_card(prefix, 16)
    assert found(f"Card number: {group4(card)}", "CREDIT_CARD") == []


@pytest.mark.parametrize(
    "label", ["Order no", "Invoice number:", "Tracking number", "رقم الطلب", "IMEI"]
)
def test_luhn_valid_number_with_commerce_label_is_silent(label: str) -> None:
    assert found(f"{label} {make_card('4', 16)}", "CREDIT_CARD") == []


def test_card_number_with_arabic_label_and_indic_digits() -> None:
    value = group4(make_card("5", 16)).translate(_INDIC)
    text = arabic_letter(f"رقم البطاقة: {value}")
    assert_found_at(text, value, "CREDIT_CARD")


# --- phone numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0000",
        "020 7946 0000",
        "07700 900123",
        "(0161) 496 0000",
        "+966 50 123 4567",
        "00971 50 123 4567",
        "+44 (0)20 7946 0321",
        "+447700900123",
        "0113 496 0999",
        "+1 415-555-2671",
        "+20 10 1234 5678",
    ],
)
def test_phone_number_is_found(phone: str) -> None:
    text = letter(f"You can reach me on {phone} in the evenings.")
    assert assert_found_at(text, phone, "PHONE_NUMBER").score >= 0.5


def test_faker_uk_phone_numbers_are_found_when_labelled() -> None:
    for _ in range(20):
        phone = EN.phone_number()
        assert found(f"Tel: {phone}", "PHONE_NUMBER") == [phone]


@pytest.mark.parametrize("digits_table", [_INDIC, _PERSIAN], ids=["arabic-indic", "persian"])
def test_phone_number_with_indic_digits(digits_table: dict[int, int]) -> None:
    phone = "07700 900123".translate(digits_table)
    text = arabic_letter(f"رقم الجوال: {phone}")
    assert assert_found_at(text, phone, "PHONE_NUMBER").text == phone


@pytest.mark.parametrize("phone", ["0501234567", "050 123 4567", "0551234567"])
def test_gulf_national_phone_number_in_arabic_text(phone: str) -> None:
    text = arabic_letter(f"للتواصل: {phone}".translate(_INDIC))
    assert_found_at(text, phone.translate(_INDIC), "PHONE_NUMBER")


@pytest.mark.parametrize(
    "text",
    [
        "Due 01/02/2023, paid 2023-02-01",
        "Invoice no 0012345678",
        "Order number 07700 900123",
        "version 1.2.3",
        "Sort code 20-00-00",
        "Sort code 04-00-04",
        "Reference 01.02.2023",
        "Call 020 7946",
        "+44 12",
        "x = 1234567890",
    ],
)
def test_phone_lookalikes_are_silent(text: str) -> None:
    assert found(text, "PHONE_NUMBER") == []


# --- IP addresses -----------------------------------------------------------------------------


def test_public_ipv4_is_found() -> None:
    ip = EN.ipv4_public()
    text = f"{EN.sentence()} Login from {ip} at 10:42."
    assert assert_found_at(text, ip, "IP_ADDRESS").score >= 0.7


@pytest.mark.parametrize("ip", ["192.168.1.20", "10.0.0.1", "81.2.69.160", "172.16.254.1"])
def test_ipv4_without_label_is_found(ip: str) -> None:
    assert found(f"It came from {ip}.", "IP_ADDRESS") == [ip]


def test_one_digit_octets_need_a_label() -> None:
    assert found("in 1.2.3.4 above", "IP_ADDRESS") == []
    assert found("IP address: 1.2.3.4", "IP_ADDRESS") == ["1.2.3.4"]


@pytest.mark.parametrize(
    "ip",
    [
        "2001:db8::ff00:42:8329",
        "fe80::1ff:fe23:4567:890a",
        "2001:0db8:0000:0000:0000:ff00:0042:8329",
    ],
)
def test_ipv6_is_found(ip: str) -> None:
    assert found(f"Client address {ip} was blocked.", "IP_ADDRESS") == [ip]


def test_faker_ipv6_is_found() -> None:
    ip = EN.ipv6()
    assert found(f"IP: {ip}", "IP_ADDRESS") == [ip]


def test_ip_with_arabic_label() -> None:
    ip = EN.ipv4_public()
    text = arabic_letter(f"عنوان IP الخاص بالمستخدم: {ip}")
    assert_found_at(text, ip, "IP_ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade to version 10.2.3.4 now",
        "see section 1.2.3.4.5",
        "in 1.2.3.4 above",
        "v 2.10.1.0",
        "OID 1.3.6.1.4.1.311",
        "address 256.1.1.1",
        "leading 010.1.1.1",
        "at 12:30:45 GMT",
        "mac 00:1A:2B:3C:4D:5E",
        "std::vector<int>",
        "cafe::beef",
        "الإصدار 10.2.3.4",
    ],
)
def test_ip_lookalikes_are_silent(text: str) -> None:
    assert found(text, "IP_ADDRESS") == []


# --- e-mail -----------------------------------------------------------------------------------


def test_email_address_is_found_in_english_and_arabic() -> None:
    email = EN.email()
    assert_found_at(letter(f"Write to {email} please."), email, "EMAIL_ADDRESS")
    assert_found_at(arabic_letter(f"البريد الإلكتروني: {email}"), email, "EMAIL_ADDRESS")


# --- code and hashes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        "x = 1234567890",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "id 123e4567-e89b-12d3-a456-426614174000",
        "md5 d41d8cd98f00b204e9800998ecf8427e",
        "ts = 1716286400123",
        "for (int i = 0; i < 10; i++) { total += 1.5; }",
        "DEADBEEF01234567",
    ],
)
def test_code_snippets_are_silent(snippet: str) -> None:
    assert analyze(snippet) == []


def test_faker_prose_is_silent() -> None:
    prose = "\n".join(EN.paragraph(nb_sentences=6) for _ in range(50))
    assert analyze(prose) == []


# --- the full built-in set --------------------------------------------------------------------

BUILT_IN_ENGINES = [Engine(BUILT_IN, use_hyperscan=False)]
if hyperscan_available():
    BUILT_IN_ENGINES.append(Engine(BUILT_IN, use_hyperscan=True))


def test_built_in_engines_find_every_identifier_in_a_letter() -> None:
    nhs = make_nhs()
    expected = {
        ("UK_NINO", make_nino()),
        ("UK_NHS", f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"),
        ("IBAN_CODE", group4(make_iban("GB", IBAN_BBANS["GB"]()))),
        ("CREDIT_CARD", group4(make_card("4", 16))),
        ("PHONE_NUMBER", "020 7946 0123"),
        ("EMAIL_ADDRESS", EN.email()),
        ("PASSPORT_NUMBER", digits(9)),
        ("IP_ADDRESS", EN.ipv4_public()),
    }
    values = dict((entity, value) for entity, value in expected)
    text = letter(
        f"National Insurance number: {values['UK_NINO']}",
        f"NHS number: {values['UK_NHS']}",
        f"IBAN: {values['IBAN_CODE']}",
        f"Card: {values['CREDIT_CARD']}",
        f"Tel: {values['PHONE_NUMBER']}",
        f"Email: {values['EMAIL_ADDRESS']}",
        f"Passport number: {values['PASSPORT_NUMBER']}",
        f"Last login from {values['IP_ADDRESS']}",
    )
    findings = analyze(text, BUILT_IN_ENGINES)
    assert expected <= {(f.entity, f.text) for f in findings}
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_built_in_engines_find_identifiers_in_arabic_with_indic_digits() -> None:
    nhs = make_nhs()
    nhs_value = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}".translate(_INDIC)
    phone = "07700 900456".translate(_INDIC)
    text = arabic_letter(f"رقم الخدمة الصحية: {nhs_value}", f"رقم الهاتف: {phone}")
    findings = {(f.entity, f.text) for f in analyze(text, BUILT_IN_ENGINES)}
    assert {("UK_NHS", nhs_value), ("PHONE_NUMBER", phone)} <= findings


def test_identifiers_deep_in_one_long_line_are_found_by_both_engines() -> None:
    # Hyperscan hands re a window around each prefilter hit on lines over 8 KiB; every letter-led
    # pattern's prefilter must still fall inside its match for the window to cover it.
    nhs = make_nhs()
    values = [
        ("UK_NINO", make_nino()),
        ("UK_DRIVING_LICENCE", make_licence(EN.last_name(), female=False)),
        ("UK_POSTCODE", make_postcode()),
        ("IBAN_CODE", group4(make_iban("GB", IBAN_BBANS["GB"]()))),
        ("EMAIL_ADDRESS", EN.email()),
        ("IP_ADDRESS", "2001:db8::ff00:42:8329"),
        ("PASSPORT_NUMBER", _mrz()[1]),
        ("UK_NHS", f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"),
    ]
    filler = " ".join(EN.words(3000))
    text = " ".join(f"{filler} {value}" for _, value in values) + " " + filler
    assert "\n" not in text
    findings = {(f.entity, f.text) for f in analyze(text)}
    assert set(values) <= findings


def test_adjacent_identifiers_of_one_kind_in_a_long_line_are_all_found() -> None:
    # A second prefilter hit inside the first one's window is not looked at again, so the window
    # must already cover the second match: prefilters end where their match ends.
    filler = " ".join(EN.words(2000))
    makers: list[Callable[[], str]] = [
        lambda: _mrz()[1],
        lambda: group4(make_iban("GB", IBAN_BBANS["GB"]())),
        lambda: str(EN.email()),
    ]
    for make in makers:
        first, second = make(), make()
        text = f"{filler} {first}. {second} {filler}"
        assert [f.text for f in analyze(text)] == [first, second]


@pytest.mark.parametrize(
    "template",
    [
        "- Minimum supported client is now {v}\n- Default port changed",
        "Release notes - CaseManager {v}\nBuild 34344, released 18 May 2022",
        "The desktop app was upgraded to {v} overnight.",
        "Please install version {v} before Monday.",
    ],
)
def test_four_part_versions_in_release_notes_are_not_ip_addresses(template: str) -> None:
    version = f"{RNG.randint(1, 9)}.{RNG.randint(0, 9)}.{RNG.randint(0, 30)}.{RNG.randint(1, 99)}"
    assert found(template.format(v=version), "IP_ADDRESS") == []


@pytest.mark.parametrize(
    "template",
    [
        "The online form was submitted from IP address {ip}.",
        "sshd[812]: Accepted password for admin from {ip} port 52144 ssh2",
        "2024-05-01 10:22:31 client {ip} connected to server",
        "Her IP is {ip}, logged at login.",
    ],
)
def test_ip_addresses_in_logs_and_sentences_stay_found(template: str) -> None:
    ip = EN.ipv4_public()
    text = template.format(ip=ip)
    assert_found_at(text, ip, "IP_ADDRESS")


@pytest.mark.parametrize(
    "template",
    [
        "SKU\tDescription\tPack\tPrice\n{pc}-X\tSteel bracket 73mm\t25\t£26.35\n",
        "Item {pc}-B2 is out of stock.",
        "Reorder {pc}-7 when stock falls below 10.",
    ],
)
def test_postcode_shaped_catalogue_codes_with_a_suffix_are_silent(template: str) -> None:
    assert found(template.format(pc=make_postcode()), "UK_POSTCODE") == []


@pytest.mark.parametrize(
    "template",
    ["Send it to 12 Park Road, {pc}.", "Postcode: {pc}-", "Address: 3 Mill Lane - {pc} - Leeds"],
)
def test_postcode_followed_by_punctuation_or_a_dash_and_space_stays_found(template: str) -> None:
    postcode = make_postcode()
    assert_found_at(template.format(pc=postcode), postcode, "UK_POSTCODE")
