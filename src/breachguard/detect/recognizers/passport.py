"""Passport numbers: labelled document numbers, and the machine-readable zone."""

from __future__ import annotations

from breachguard.detect import validators
from breachguard.detect.normalize import digits_only
from breachguard.detect.recognizer import Pattern, Recognizer


def _document_number(candidate: str) -> bool | None:
    digits = digits_only(candidate)
    if len(set(digits)) == 1:
        return False
    return None


PASSPORT_NUMBER = Recognizer(
    name="passport",
    entity="PASSPORT_NUMBER",
    # Too many formats share these shapes (UK: 9 digits; many countries, Egypt, Jordan and Saudi
    # Arabia among them: one or two letters and 6-8 digits) to report one without a label.
    patterns=(
        Pattern(r"\b\d{9}\b", 0.4, name="uk"),
        # Hyperscan slows down on patterns led by capitals; the prefilter is a digit-led tail.
        Pattern(r"\b[A-Z]{1,2}\d{6,8}\b", 0.4, name="letters_digits", prefilter=r"\d{6}"),
    ),
    validate=_document_number,
    context=(
        "passport",
        "passport no",
        "passport number",
        "passport num",
        "travel document",
        "document number",
        "جواز السفر",
        "رقم جواز السفر",
        "رقم الجواز",
        "جواز",
        "وثيقة السفر",
    ),
    context_required=True,
    negative_context=("order", "invoice", "tracking", "رقم الطلب", "رقم الفاتورة"),
    context_boost=0.35,
    priority=5,
)

# ICAO 9303 TD3 line 2: document number, check, nationality, birth date, check, sex, expiry,
# check, optional data, check, composite check. The whole line is reported: it also holds the
# birth date and nationality.
PASSPORT_MRZ = Recognizer(
    name="passport_mrz",
    entity="PASSPORT_NUMBER",
    patterns=(
        Pattern(
            r"\b[A-Z0-9][A-Z0-9<]{8}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[0-9<]\d\b",
            0.7,
            name="td3_line2",
            prefilter=r"\d{7}[A-Z0-9<]{14}[0-9<]\d\b",
        ),
    ),
    validate=validators.mrz_passport_line,
    validated_boost=0.25,
    max_width=60,
    priority=9,
)

RECOGNIZERS: tuple[Recognizer, ...] = (PASSPORT_MRZ, PASSPORT_NUMBER)
