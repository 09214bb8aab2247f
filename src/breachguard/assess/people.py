"""How many people a document is about: an estimate, always with the method that produced it.

Tables: each row that holds personal data in a headed column is one person. Prose: one person
usually has one name, one e-mail address, one NI number ..., so the largest number of distinct
values of any one kind of identifier is a floor on the people mentioned. Adding kinds together
would count one person several times; the largest kind undercounts only people who appear with
no identifier of that kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from breachguard.assess.columns import TableReading
from breachguard.detect.finding import Finding
from breachguard.detect.normalize import compact

METHOD_ROWS = "rows of a table that hold personal data"
METHOD_PROSE = (
    "distinct identifiers in prose: the largest number of distinct values of one kind"
    " (names, e-mail addresses, phone numbers, passport, NI, NHS or driving licence numbers,"
    " bank details), as one person usually has one of each"
)
METHOD_NONE = "no personal data found"
METHOD_SUM = "sum over documents (the same person in two documents is counted twice)"

# Kinds that single a person out; dates of birth, nationalities and postcodes are shared by many.
IDENTIFYING = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "PASSPORT_NUMBER",
        "UK_NINO",
        "UK_NHS",
        "UK_DRIVING_LICENCE",
        "IBAN_CODE",
        "UK_BANK_ACCOUNT",
        "CREDIT_CARD",
    }
)


@dataclass(frozen=True, slots=True)
class People:
    """An estimate of the people affected and how it was made."""

    count: int
    method: str


def _key(finding: Finding) -> str:
    if finding.entity == "PERSON":
        return " ".join(finding.text.casefold().split())
    if finding.entity == "EMAIL_ADDRESS":
        return finding.text.strip().casefold()
    return compact(finding.text)


def distinct_identifiers(findings: Iterable[Finding]) -> dict[str, int]:
    """Per identifying entity, the number of distinct values (values are compared, not kept)."""
    seen: dict[str, set[str]] = {}
    for finding in findings:
        if finding.entity in IDENTIFYING:
            seen.setdefault(finding.entity, set()).add(_key(finding))
    return {entity: len(values) for entity, values in seen.items()}


def estimate_people(readings: Iterable[TableReading], findings: Iterable[Finding]) -> People:
    """People in a document: table rows when its tables have headed columns, else prose."""
    rows = sum(r.people_rows for r in readings)
    if rows:
        return People(rows, METHOD_ROWS)
    distinct = distinct_identifiers(findings)
    if distinct:
        return People(max(distinct.values()), METHOD_PROSE)
    return People(0, METHOD_NONE)


def total_people(people: Iterable[People]) -> People:
    """People over many documents: the sum, which counts a person in two documents twice."""
    count = sum(p.count for p in people)
    return People(count, METHOD_SUM if count else METHOD_NONE)
