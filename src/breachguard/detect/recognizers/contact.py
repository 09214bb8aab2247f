"""Contact details and online identifiers: e-mail addresses, phone numbers, IP addresses."""

from __future__ import annotations

import phonenumbers

from breachguard.detect import validators
from breachguard.detect.normalize import digits_only
from breachguard.detect.recognizer import Pattern, Recognizer

EMAIL_ADDRESS = Recognizer(
    name="email",
    entity="EMAIL_ADDRESS",
    patterns=(
        Pattern(
            r"\b[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b",
            0.9,
            name="address",
            # Every word would wake the full pattern in hyperscan; "@" is rare. A prefilter ends
            # where its match ends (the engine sizes re's window from there).
            prefilter=r"@[A-Za-z0-9.\-]*\.[A-Za-z]{2,24}\b",
        ),
    ),
    priority=5,
    max_width=330,
)


_PHONE_CONTEXT = (
    "tel",
    "phone",
    "telephone",
    "mobile",
    "mob",
    "cell",
    "call",
    "fax",
    "contact",
    "whatsapp",
    "هاتف",
    "الهاتف",
    "رقم الهاتف",
    "جوال",
    "الجوال",
    "رقم الجوال",
    "موبايل",
    "الموبايل",
    "اتصل",
    "واتساب",
)
_PHONE_NEGATIVE = (
    "invoice",
    "order no",
    "order number",
    "ref no",
    "reference no",
    "version",
    "serial",
    "isbn",
    "sort code",
    "رقم الفاتورة",
    "رقم الطلب",
)
# One digit at a time, each with an optional separator and parentheses, keeps the pattern linear
# (no nested quantifiers to backtrack over) while taking "(0)", "(20)" and mixed separators.
_INTERNATIONAL_DIGITS = r"(?:[ .\-]?\(?\d\)?){6,16}\b"

PHONE_NUMBER = Recognizer(
    name="phone",
    entity="PHONE_NUMBER",
    patterns=(
        Pattern(r"\+[1-9]" + _INTERNATIONAL_DIGITS, 0.5, name="plus"),
        Pattern(r"\b00[1-9]" + _INTERNATIONAL_DIGITS, 0.4, name="double_zero"),
        # UK national format; "00" is the international prefix, so the area code starts 0[1-9].
        Pattern(
            r"(?:\(0[1-9]\d{1,4}\)|\b0[1-9]\d{1,4})[ .\-]?\d{3,4}(?:[ .\-]?\d{2,4})?\b",
            0.45,
            name="uk_national",
        ),
    ),
    validate=validators.phone_number,
    validated_boost=0.25,
    context=_PHONE_CONTEXT,
    negative_context=_PHONE_NEGATIVE,
    context_before=32,
    context_after=16,
    priority=3,
)

# Where Arabic is written, national numbers are more likely Gulf, Levant or Egyptian ones.
_ARAB_REGIONS = ("SA", "AE", "EG", "JO", "KW", "QA", "BH", "OM", "IQ", "LB", "PS", "SY", "YE", "MA")
_ARAB_REGIONS_SET = frozenset(_ARAB_REGIONS)


_ARAB_COUNTRY_CODES = tuple(
    (region, phonenumbers.country_code_for_region(region)) for region in _ARAB_REGIONS
)


def _arab_national_phone(candidate: str) -> bool:
    # All these countries dial nationally with a trunk 0; parse once, then ask each plan
    # (parsing per region costs ten times as much on number-heavy text).
    digits = digits_only(candidate)
    if not digits.startswith("0") or not 8 <= len(digits) <= 12:
        return False
    national = int(digits[1:])
    for region, country_code in _ARAB_COUNTRY_CODES:
        number = phonenumbers.PhoneNumber(country_code=country_code, national_number=national)
        if phonenumbers.is_valid_number_for_region(number, region):
            return True
    return False


PHONE_NUMBER_ARAB_NATIONAL = Recognizer(
    name="phone_arab_national",
    entity="PHONE_NUMBER",
    patterns=(
        Pattern(
            r"(?:\(0[1-9]\d{0,2}\)|\b0[1-9]\d{0,2})[ .\-]?\d{3,4}[ .\-]?\d{3,4}\b",
            0.35,
            name="national",
        ),
    ),
    validate=_arab_national_phone,
    context=_PHONE_CONTEXT,
    negative_context=_PHONE_NEGATIVE,
    context_before=32,
    context_after=16,
    languages=frozenset({"ar"}),
    priority=2,
)


_IP_CONTEXT = (
    "ip",
    "ip address",
    "ipv4",
    "ipv6",
    "host",
    "server",
    "login",
    "logged in",
    "source",
    "client",
    "عنوان ip",
    "عنوان",
    "الخادم",
)
# Dotted numbers after these words are versions or document sections, not hosts.
_IP_NEGATIVE = (
    "version",
    "ver",
    "v",
    "build",
    "release",
    "section",
    "sections",
    "clause",
    "paragraph",
    "para",
    "chapter",
    "figure",
    "fig",
    "table",
    "step",
    "rule",
    "article",
    "oid",
    "isbn",
    "الإصدار",
    "إصدار",
    "النسخة",
    "الفقرة",
    "المادة",
    "البند",
    "القسم",
)

# "Minimum supported client is now 3.9.0.25", "upgraded to 4.2.10.1": release notes give a
# version as what something is now or was moved to; a host is not written that way. Look-behinds,
# not negative context words: "update" in the next sentence must not silence a real address.
_NOT_VERSION_NOW = "".join(
    f"(?<!{word} )"
    for word in (
        "now", "Now", "now:", "upgraded to", "Upgraded to", "upgrade to", "Upgrade to",
        "updated to", "Updated to", "update to", "Update to", "bumped to",
    )
)  # fmt: skip

IP_ADDRESS = Recognizer(
    name="ip_address",
    entity="IP_ADDRESS",
    patterns=(
        # The look-arounds keep "1.2.3.4" out of "1.2.3.4.5" and "10.1.2.3.4".
        Pattern(
            rf"\b(?<![\d.]){_NOT_VERSION_NOW}\d{{1,3}}(?:\.\d{{1,3}}){{3}}\b(?!\.\d)",
            0.45,
            name="ipv4",
            prefilter=r"\b\d{1,3}(?:\.\d{1,3}){3}\b",
        ),
        Pattern(
            r"\b[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}",
            0.45,
            name="ipv6",
            prefilter=r":[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}",
        ),
    ),
    validate=validators.ip_address,
    validated_boost=0.25,
    context=_IP_CONTEXT,
    negative_context=_IP_NEGATIVE,
    context_before=24,
    context_after=16,
    priority=4,
)

RECOGNIZERS: tuple[Recognizer, ...] = (
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    PHONE_NUMBER_ARAB_NATIONAL,
    IP_ADDRESS,
)
