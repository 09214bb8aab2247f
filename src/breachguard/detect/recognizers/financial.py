"""Financial identifiers: IBANs and payment card numbers."""

from __future__ import annotations

from breachguard.detect import validators
from breachguard.detect.normalize import digits_only
from breachguard.detect.recognizer import Pattern, Recognizer

# IBAN length by country (ISO 13616 registry, as python-stdnum carries it). Matching each
# country's exact length keeps a following word or number out of the span.
_IBAN_LENGTHS = {
    15: "NO",
    16: "BE",
    18: "DK FI FK FO GL NL SD",
    19: "MK SI",
    20: "AT BA EE KZ LT LU MN XK",
    21: "CH HR LI LV",
    22: "BG BH CR DE GB GE IE ME RS VA",
    23: "AE GI IL IQ OM SO TL",
    24: "AD CZ ES MD PK RO SA SE SK TN VG",
    25: "LY PT ST",
    26: "IS TR",
    27: "BI DJ FR GR IT MC MR SM",
    28: "AL AZ BY CY DO GT HN HU LB NI PL SV",
    29: "BR EG PS QA UA",
    30: "JO KW MU YE",
    31: "MT SC",
    32: "LC",
    33: "RU",
}


def _iban_regex() -> str:
    branches = []
    for length, countries in _IBAN_LENGTHS.items():
        groups, rest = divmod(length - 4, 4)
        branch = f"(?:{'|'.join(countries.split())})\\d{{2}}(?: ?[A-Z0-9]{{4}}){{{groups}}}"
        if rest:
            branch += f" ?[A-Z0-9]{{{rest}}}"
        branches.append(branch)
    return f"(?:{'|'.join(branches)})\\b"


# Python's re tries every branch at every word start; the look-ahead rejects most positions
# first. Hyperscan slows down on patterns that start on capitals, so its prefilter is the tail
# from the check digits to the end.
_IBAN = _iban_regex()

IBAN_CODE = Recognizer(
    name="iban",
    entity="IBAN_CODE",
    patterns=(
        Pattern(
            rf"\b(?=[A-Z]{{2}}\d\d){_IBAN}",
            0.6,
            name="iban",
            prefilter=r"\d\d ?[A-Z0-9]{4}(?: ?[A-Z0-9]{1,4}){1,7}\b",
        ),
    ),
    validate=validators.iban_code,
    validated_boost=0.3,
    context=(
        "iban",
        "bank",
        "account",
        "آيبان",
        "ايبان",
        "الآيبان",
        "الايبان",
        "رقم الحساب",
        "الحساب البنكي",
    ),
    context_boost=0.1,
    max_width=48,
    priority=9,
)


# (first digits, lowest, highest, allowed lengths): the issuer ranges a real card starts with.
_ISSUERS: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    (1, 4, 4, frozenset({13, 16, 19})),  # Visa
    (2, 51, 55, frozenset({16})),  # Mastercard
    (4, 2221, 2720, frozenset({16})),  # Mastercard 2-series
    (2, 34, 34, frozenset({15})),  # American Express
    (2, 37, 37, frozenset({15})),
    (3, 300, 305, frozenset(range(14, 20))),  # Diners Club
    (2, 36, 36, frozenset(range(14, 20))),
    (2, 38, 39, frozenset(range(16, 20))),
    (4, 3528, 3589, frozenset(range(16, 20))),  # JCB
    (4, 6011, 6011, frozenset(range(16, 20))),  # Discover
    (3, 644, 649, frozenset(range(16, 20))),
    (2, 65, 65, frozenset(range(16, 20))),
    (2, 62, 62, frozenset(range(16, 20))),  # UnionPay
    (2, 50, 50, frozenset(range(13, 20))),  # Maestro, Meeza, RuPay
    (2, 56, 69, frozenset(range(13, 20))),
    (4, 2200, 2204, frozenset(range(16, 20))),  # Mir
)


def _card_number(candidate: str) -> bool:
    digits = digits_only(candidate)
    if len(set(digits)) == 1 or not validators.luhn_valid(digits):
        return False
    return any(
        low <= int(digits[:width]) <= high and len(digits) in lengths
        for width, low, high, lengths in _ISSUERS
    )


CREDIT_CARD = Recognizer(
    name="credit_card",
    entity="CREDIT_CARD",
    patterns=(
        Pattern(r"\b\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}\b", 0.5, name="groups_of_4"),
        Pattern(r"\b\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{3}\b", 0.5, name="groups_of_4_19"),
        Pattern(r"\b3\d{3}[ -]\d{6}[ -]\d{4,5}\b", 0.5, name="amex_diners"),
        Pattern(r"\b\d{13,19}\b", 0.35, name="contiguous"),
    ),
    validate=_card_number,
    context=(
        "card",
        "credit card",
        "debit card",
        "card number",
        "card no",
        "visa",
        "mastercard",
        "amex",
        "american express",
        "maestro",
        "cc",
        "pan",
        "بطاقة",
        "رقم البطاقة",
        "بطاقة ائتمان",
        "بطاقة الائتمان",
        "فيزا",
        "ماستركارد",
    ),
    negative_context=(
        "order",
        "invoice",
        "tracking",
        "imei",
        "isbn",
        "serial",
        "رقم الطلب",
        "رقم الفاتورة",
        "رقم التتبع",
    ),
    priority=8,
)

RECOGNIZERS: tuple[Recognizer, ...] = (IBAN_CODE, CREDIT_CARD)
