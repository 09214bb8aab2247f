"""Checksums and structure checks that confirm identifier candidates.

Each function takes the candidate's normalised text (ASCII digits, separators still in place) and
answers like a ``Validator``: True confirms, False rejects, None cannot tell. They are pure and
cheap; the engine calls them only on regex candidates.
"""

from __future__ import annotations

import ipaddress
import re

import phonenumbers
from stdnum import iban, luhn
from stdnum.gb import nhs

from breachguard.detect.normalize import compact, digits_only

_REPEATED = re.compile(r"(\d)\1*")


def _all_same(digits: str) -> bool:
    return _REPEATED.fullmatch(digits) is not None


def nhs_number(candidate: str) -> bool | None:
    """Mod-11 check digit of a 10-digit NHS (or Scottish CHI) number. All-same-digit numbers
    (0000000000, 1111111111 pass mod 11) are placeholders; numbers from 800 000 0000 up are
    never issued to patients (999 is the test range), so they cannot be confirmed (None)."""
    digits = digits_only(candidate)
    if len(digits) != 10 or _all_same(digits) or not nhs.is_valid(digits):
        return False
    return None if digits[0] in "89" else True


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod-10) check used by payment cards."""
    return digits.isdigit() and luhn.is_valid(digits)


def iban_code(candidate: str) -> bool:
    """Mod-97 check plus the country's length and BBAN structure."""
    return iban.is_valid(compact(candidate))


# ICAO 9303 part 3: digits are themselves, A-Z are 10-35, the filler '<' is 0.
_ICAO_VALUES = {
    **{str(d): d for d in range(10)},
    **{chr(ord("A") + i): 10 + i for i in range(26)},
    "<": 0,
}
_ICAO_WEIGHTS = (7, 3, 1)


def icao_check_digit(field: str) -> int:
    """The ICAO 9303 check digit of an MRZ field (weights 7, 3, 1 repeating, mod 10)."""
    return sum(_ICAO_VALUES[ch] * _ICAO_WEIGHTS[i % 3] for i, ch in enumerate(field)) % 10


def _icao_ok(field: str, check: str) -> bool:
    # A field made only of fillers may carry '<' as its check digit (ICAO 9303-4 4.2.2.1).
    if check == "<":
        return set(field) == {"<"}
    return check.isdigit() and icao_check_digit(field) == int(check)


def mrz_passport_line(candidate: str) -> bool:
    """Line 2 of a passport (TD3) machine-readable zone: all five check digits hold."""
    line = candidate.upper()
    if len(line) != 44 or any(ch not in _ICAO_VALUES for ch in line):
        return False
    number, number_check = line[0:9], line[9]
    birth, birth_check = line[13:19], line[19]
    expiry, expiry_check = line[21:27], line[27]
    optional, optional_check = line[28:42], line[42]
    composite = line[0:10] + line[13:20] + line[21:43]
    return (
        number[0] != "<"
        and _icao_ok(number, number_check)
        and _is_yymmdd(birth)
        and _icao_ok(birth, birth_check)
        and _is_yymmdd(expiry)
        and _icao_ok(expiry, expiry_check)
        and _icao_ok(optional, optional_check)
        and _icao_ok(composite, line[43])
    )


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_month_day(month: int, day: int) -> bool:
    """A real day of a month in some year (29 February allowed)."""
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]


def _is_yymmdd(value: str) -> bool:
    return value.isdigit() and is_month_day(int(value[2:4]), int(value[4:6]))


def looks_like_yyyymmdd(digits: str) -> bool:
    """An 8-digit string that reads as a date 1900-2099, like 20240131."""
    return (
        len(digits) == 8
        and digits[:2] in ("19", "20")
        and is_month_day(int(digits[4:6]), int(digits[6:8]))
    )


# UK mobiles are 07 followed by 9 digits outside the 076 pager range; libphonenumber lists only
# allocated blocks, so numbers in new blocks and Ofcom's drama range (07700 900xxx) read as
# invalid there although every reader takes them for a mobile number.
_UK_MOBILE = re.compile(r"7[1-57-9]\d{8}")
# The same, as written: answered without phonenumbers, which costs ~150 µs a number and mobile
# numbers are most of the phones in case files.
_UK_MOBILE_WRITTEN = re.compile(r"(?:\+44|0044|0)7[1-57-9]\d{8}")
_PHONE_SEPARATORS = str.maketrans("", "", " -.()\t")


def phone_number(candidate: str, region: str = "GB") -> bool | None:
    """True for a number phonenumbers takes as valid (or a UK mobile by shape), None for one that
    is only possible (a right length for the country), False otherwise. National numbers are read in ``region``."""
    if region == "GB" and _UK_MOBILE_WRITTEN.fullmatch(candidate.translate(_PHONE_SEPARATORS)):
        return True
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    national = str(number.national_number)
    if number.country_code == 44:
        if _UK_MOBILE.fullmatch(national):
            return True
        # Unallocated UK numbers pass as "possible" from 6 digits; with an area code they are 9+.
        if len(national) < 9:
            return False
    # Local-only lengths (a number without its area code) are not a number on their own.
    reason = phonenumbers.is_possible_number_with_reason(number)
    return None if reason == phonenumbers.ValidationResult.IS_POSSIBLE else False


def ipv4_address(candidate: str) -> bool | None:
    """Four octets 0-255 without leading zeros. Addresses of all one-digit octets (1.2.3.4)
    and the unspecified/broadcast addresses read as much like section or version numbers as
    like hosts, so they cannot be told apart without context (None)."""
    try:
        address = ipaddress.IPv4Address(candidate)
    except ValueError:
        return False
    octets = candidate.split(".")
    if all(len(octet) == 1 for octet in octets) or address.is_unspecified:
        return None
    if int(address) == 0xFFFFFFFF:
        return None
    return True


def ipv6_address(candidate: str) -> bool | None:
    """A valid IPv6 address written in full or with one '::'. Runs of hex letters only
    (``cafe::beef``, C++ ``Abc::Def``) cannot be told from code without context (None)."""
    groups = candidate.replace("::", ":").strip(":").split(":")
    if "::" not in candidate and len(groups) != 8:
        return False
    try:
        ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    if not any(ch.isdigit() for ch in candidate):
        return None
    return True


def ip_address(candidate: str) -> bool | None:
    """IPv6 when the candidate has colons, IPv4 otherwise."""
    return ipv6_address(candidate) if ":" in candidate else ipv4_address(candidate)
