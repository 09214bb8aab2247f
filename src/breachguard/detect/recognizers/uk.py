"""UK identifiers: National Insurance, NHS and driving licence numbers, postcodes, bank accounts."""

from __future__ import annotations

import re

from breachguard.detect import validators
from breachguard.detect.normalize import compact, digits_only
from breachguard.detect.recognizer import Pattern, Recognizer

# Labels that make a number something other than personal data: shared by the number-shaped
# recognizers below.
_COMMERCE = (
    "order",
    "order no",
    "order number",
    "invoice",
    "invoice no",
    "tracking",
    "serial",
    "product code",
    "part no",
    "sku",
    "رقم الطلب",
    "رقم الفاتورة",
    "رقم التتبع",
)

# Hyperscan slows to tens of MB/s when many patterns start on letters (every capitalised word
# wakes them), so each letter-led pattern has a prefilter: a digit-led tail of every match. It must
# end where the match ends: the engine sizes the window it hands to re from the prefilter's end.

# HMRC NIM39110: D, F, I, Q, U and V are never used in the prefix, O never second, and these
# pairs are never allocated (temporary or administrative numbers).
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _nino(candidate: str) -> bool:
    value = compact(candidate)
    return len(value) == 9 and value[:2] not in _NINO_BAD_PREFIXES


UK_NINO = Recognizer(
    name="uk_nino",
    entity="UK_NINO",
    patterns=(
        Pattern(
            r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
            0.6,
            name="nino",
            ignore_case=True,
            prefilter=r"\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
        ),
    ),
    validate=_nino,
    context=(
        "national insurance",
        "national insurance number",
        "national insurance no",
        "ni number",
        "ni no",
        "nino",
        "nin",
        "رقم التأمين الوطني",
        "التأمين الوطني",
        "الضمان الاجتماعي",
    ),
    negative_context=("serial", "product code", "part no", "sku", "model"),
    context_boost=0.2,
    priority=7,
)


UK_NHS = Recognizer(
    name="uk_nhs",
    entity="UK_NHS",
    # The NHS prints the number 3-3-4 with spaces; that layout alone is a fair sign. One in eleven
    # random 10-digit numbers passes mod 11, so hyphenated and bare forms need a label.
    patterns=(
        Pattern(r"\b\d{3} \d{3} \d{4}\b", 0.35, name="spaced"),
        Pattern(r"\b\d{3}-\d{3}-\d{4}\b", 0.25, name="hyphenated"),
        Pattern(r"\b\d{10}\b", 0.25, name="bare"),
    ),
    validate=validators.nhs_number,
    context=(
        "nhs",
        "nhs no",
        "nhs number",
        "chi number",
        "health and care number",
        "patient number",
        "رقم الخدمة الصحية",
        "الخدمة الصحية",
        "الخدمة الصحية الوطنية",
    ),
    negative_context=(
        *_COMMERCE,
        "isbn",
        "sort code",
        "account number",
        "account no",
        "acc no",
        "a/c",
        "رقم الحساب",
    ),
    context_boost=0.35,
    priority=6,
)


_LICENCE_NAME = re.compile(r"[A-Z]+9*")
_LICENCE_INITIALS = re.compile(r"[A-Z][A-Z9]")


def _driving_licence(candidate: str) -> bool:
    """DVLA layout: surname padded with 9s, birth date as decade, month (+50 for women), day
    and year digit, initials padded with 9."""
    value = compact(candidate)
    if len(value) != 16:
        return False
    month = int(value[6:8])
    if month > 50:
        month -= 50
    return (
        _LICENCE_NAME.fullmatch(value[:5]) is not None
        and validators.is_month_day(month, int(value[8:10]))
        and _LICENCE_INITIALS.fullmatch(value[11:13]) is not None
    )


UK_DRIVING_LICENCE = Recognizer(
    name="uk_driving_licence",
    entity="UK_DRIVING_LICENCE",
    patterns=(
        Pattern(
            r"\b[A-Z][A-Z9]{4} ?\d[0156]\d[0-3]\d{2} ?[A-Z][A-Z9]\d[A-Z0-9]{2}\b",
            0.55,
            name="dvla",
            prefilter=r"\d[0156]\d[0-3]\d{2} ?[A-Z][A-Z9]\d[A-Z0-9]{2}\b",
        ),
    ),
    validate=_driving_licence,
    context=(
        "driving licence",
        "driving license",
        "driver's licence",
        "driver's license",
        "drivers licence",
        "licence number",
        "licence no",
        "dvla",
        "رخصة القيادة",
        "رخصة قيادة",
        "رقم الرخصة",
    ),
    negative_context=("serial", "product code", "part no", "sku"),
    context_boost=0.25,
    priority=7,
)


# Royal Mail postcode areas (PAF), with BF (BFPO) and BX (non-geographic); an outward code of
# the right shape in another area is a product or reference code.
_AREA_LIST = """
AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN
DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L
LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA
SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV
YO ZE
"""
_POSTCODE_AREAS = frozenset(_AREA_LIST.split())
_AREA = re.compile(r"[A-Z]+")


def _postcode(candidate: str) -> bool:
    if candidate.startswith("GIR"):
        return True
    area = _AREA.match(candidate)
    return area is not None and area.group() in _POSTCODE_AREAS


# Royal Mail grammar: letters barred per position (Q, V, X first; I, J, Z second; the third of
# A9A and the fourth of AA9A from short lists) and C, I, K, M, O, V never in the inward code.
_OUTWARD = r"[A-PR-UWYZ](?:[A-HK-Y]\d[ABEHMNPRVWXY]|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|\d{1,2})"
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
# "HR29 5FB-X": a postcode's shape with a suffix is a catalogue or part code.
_NOT_CODE_TAIL = r"(?!-[A-Za-z0-9])"

UK_POSTCODE = Recognizer(
    name="uk_postcode",
    entity="UK_POSTCODE",
    patterns=(
        Pattern(
            rf"\b(?:{_OUTWARD} {_INWARD}|GIR 0AA)\b{_NOT_CODE_TAIL}",
            0.35,
            name="spaced",
            prefilter=_INWARD + r"\b",
        ),
        Pattern(
            rf"\b(?:{_OUTWARD}{_INWARD}|GIR0AA)\b{_NOT_CODE_TAIL}",
            0.2,
            name="compact",
            prefilter=_INWARD + r"\b",
        ),
    ),
    validate=_postcode,
    context=(
        "postcode",
        "post code",
        "postal code",
        "address",
        "addr",
        "street",
        "road",
        "lane",
        "avenue",
        "drive",
        "close",
        "crescent",
        "gardens",
        "terrace",
        "square",
        "place",
        "court",
        "house",
        "flat",
        "st",
        "rd",
        "london",
        "الرمز البريدي",
        "رمز بريدي",
        "العنوان",
        "عنوان",
    ),
    negative_context=(
        "product code",
        "part no",
        "part number",
        "model",
        "model no",
        "sku",
        "serial",
        "catalogue no",
        "item code",
        "batch",
    ),
    context_boost=0.3,
    priority=4,
)


_BANK_CONTEXT = (
    "sort code",
    "account number",
    "account no",
    "acc no",
    "acct no",
    "a/c",
    "bank account",
    "bank details",
    "رقم الحساب",
    "الحساب البنكي",
    "الحساب المصرفي",
    "رمز الفرز",
)

UK_BANK_ACCOUNT = Recognizer(
    name="uk_bank_account",
    entity="UK_BANK_ACCOUNT",
    patterns=(
        Pattern(
            r"\b\d{2}[- ]\d{2}[- ]\d{2}(?: {1,3}| ?[/,;] ?)\d{8}\b",
            0.45,
            name="sort_code_and_account",
        ),
    ),
    context=_BANK_CONTEXT,
    context_required=True,
    negative_context=_COMMERCE,
    context_boost=0.35,
    priority=7,
)


def _account_number(candidate: str) -> bool | None:
    digits = digits_only(candidate)
    if validators.looks_like_yyyymmdd(digits) or len(set(digits)) == 1:
        return False
    return None


UK_BANK_ACCOUNT_NUMBER = Recognizer(
    name="uk_bank_account_number",
    entity="UK_BANK_ACCOUNT",
    patterns=(Pattern(r"\b\d{8}\b", 0.3, name="account"),),
    validate=_account_number,
    context=_BANK_CONTEXT,
    context_required=True,
    # An 8-digit number under a customer, policy or phone label is not a bank account, even
    # with "account" nearby; the short window after keeps the next field's label out.
    negative_context=(
        *_COMMERCE,
        "ref",
        "reference",
        "customer",
        "policy",
        "member",
        "membership",
        "phone",
        "tel",
        "mobile",
        "رقم المرجع",
        "رقم العميل",
    ),
    context_before=40,
    context_after=8,
    context_boost=0.3,
    priority=5,
)

RECOGNIZERS: tuple[Recognizer, ...] = (
    UK_NINO,
    UK_NHS,
    UK_DRIVING_LICENCE,
    UK_POSTCODE,
    UK_BANK_ACCOUNT,
    UK_BANK_ACCOUNT_NUMBER,
)
