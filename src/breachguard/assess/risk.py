"""The risk of a document falling into the wrong hands: a level and the reasons for it.

Three facts decide it, as in the ICO's and ENISA's guidance on breach severity: how sensitive the
data is (identity documents, health, bank details and special categories weigh most), how many
people it is about, and whether protection would keep it unreadable. Reasons are sentences with
counts and categories, never values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from breachguard.extract.document import Protection, ProtectionLevel


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


LEVELS: tuple[RiskLevel, ...] = tuple(RiskLevel)


@dataclass(frozen=True, slots=True)
class Risk:
    level: RiskLevel
    reasons: tuple[str, ...]


# What each entity is called in a sentence, most sensitive first (the order reasons list them in).
PHRASES: dict[str, str] = {
    "PASSPORT_NUMBER": "passport numbers",
    "UK_NINO": "National Insurance numbers",
    "UK_DRIVING_LICENCE": "driving licence numbers",
    "UK_NHS": "NHS numbers",
    "CREDIT_CARD": "card numbers",
    "IBAN_CODE": "IBANs",
    "UK_BANK_ACCOUNT": "bank account details",
    "DATE_OF_BIRTH": "dates of birth",
    "PERSON": "names",
    "NATIONALITY": "nationalities",
    "STREET_ADDRESS": "postal addresses",
    "UK_POSTCODE": "postcodes",
    "PHONE_NUMBER": "phone numbers",
    "EMAIL_ADDRESS": "e-mail addresses",
    "IP_ADDRESS": "IP addresses",
}
# Data whose loss enables identity fraud, financial loss or discrimination.
SENSITIVE = frozenset(
    {"PASSPORT_NUMBER", "UK_NINO", "UK_DRIVING_LICENCE", "UK_NHS", "CREDIT_CARD", "IBAN_CODE",
     "UK_BANK_ACCOUNT"}
)  # fmt: skip
MANY_PEOPLE = 1000
SOME_PEOPLE = 100
FEW_PEOPLE = 10


def phrase(entity: str) -> str:
    return PHRASES.get(entity, entity.lower().replace("_", " ") + " values")


def listing(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _ordered(entities: Mapping[str, int]) -> list[str]:
    rank = {e: i for i, e in enumerate(PHRASES)}
    return sorted((e for e, n in entities.items() if n), key=lambda e: (rank.get(e, 99), e))


def _shift(level: RiskLevel, steps: int) -> RiskLevel:
    index = min(max(LEVELS.index(level) + steps, 0), len(LEVELS) - 1)
    return LEVELS[index]


def rate(
    people: int,
    entities: Mapping[str, int],
    special: Mapping[str, int],
    protection: Protection,
) -> Risk:
    """The risk level of a document and the reasons, from what it holds and how it is protected."""
    found = _ordered(entities)
    if not found and not special:
        return Risk(RiskLevel.LOW, ("no personal data found",))
    reasons: list[str] = []
    sensitive = [e for e in found if e in SENSITIVE]
    if found:
        who = f"{people:,} {'person' if people == 1 else 'people'}'s" if people else "some"
        reasons.append(f"{who} {listing([phrase(e) for e in found])}")
    if special:
        hits = [
            f"{name} ({n:,} {'mention' if n == 1 else 'mentions'})" for name, n in special.items()
        ]
        reasons.append(f"special-category topics: {listing(hits)}")

    if sensitive or special:
        if people >= MANY_PEOPLE or (people >= SOME_PEOPLE and sensitive and special):
            level = RiskLevel.CRITICAL
        elif people >= FEW_PEOPLE:
            level = RiskLevel.HIGH
        else:
            level = RiskLevel.MEDIUM
        if sensitive:
            reasons.append(
                f"{listing([phrase(e) for e in sensitive])} can be used for identity theft or fraud"
            )
    elif people >= MANY_PEOPLE:
        level = RiskLevel.HIGH
    elif people >= SOME_PEOPLE:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    if people >= MANY_PEOPLE:
        reasons.append(f"{people:,} people is a large number")

    return _protected(level, reasons, protection)


def _protected(level: RiskLevel, reasons: list[str], protection: Protection) -> Risk:
    how = f" ({protection.reason})" if protection.reason else ""
    if protection.level is ProtectionLevel.STRONG:
        lowered = _shift(level, -2)
        reasons.append(
            f"strongly encrypted{how}, which lowers the risk from {level} to {lowered}"
            " while the password or key stays secret"
        )
        return Risk(lowered, tuple(reasons))
    if protection.level is ProtectionLevel.WEAK:
        reasons.append(
            f"only weakly protected{how}: the password can be broken in minutes,"
            " so it counts as not encrypted"
        )
    elif protection.level is ProtectionLevel.UNSCANNABLE:
        reasons.append(f"encrypted{how} and could not be read without the password")
    else:
        reasons.append("not encrypted")
    return Risk(level, tuple(reasons))


def worst(risks: list[Risk]) -> Risk:
    """The highest of several risks, for a total: the level and reasons of the worst one."""
    if not risks:
        return Risk(RiskLevel.LOW, ("nothing was scanned",))
    top = max(risks, key=lambda r: LEVELS.index(r.level))
    return top


def total_risk(risks: list[Risk], unreadable: int) -> Risk:
    """The risk over many documents: the worst document's, and what the rest and the gaps add."""
    if not risks and unreadable:
        # Fail closed: what could not be inspected is not evidence of low risk.
        files = "file" if unreadable == 1 else "files"
        return Risk(
            RiskLevel.MEDIUM,
            (
                f"nothing could be inspected: {unreadable:,} {files} could not be scanned",
                "until they are (give the password, or raise the limit named below),"
                " treat what they hold as exposed",
            ),
        )
    top = worst(risks)
    reasons = list(top.reasons)
    if len(risks) > 1:
        counted = {lvl: sum(r.level is lvl for r in risks) for lvl in LEVELS}
        spread = [f"{counted[lvl]:,} {lvl}" for lvl in reversed(LEVELS) if counted[lvl]]
        reasons.insert(0, f"the highest of {len(risks):,} documents ({', '.join(spread)})")
    if unreadable:
        files = "file" if unreadable == 1 else "files"
        reasons.append(
            f"{unreadable:,} {files} could not be scanned, so the risk may be higher than shown"
        )
    return Risk(top.level, tuple(reasons))
