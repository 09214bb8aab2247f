"""The scan Report: per document and in total, who and what was found, how protected, how risky.

A report holds counts, categories and reasons, never a value found, so it can be written, mailed
and kept without becoming a breach itself. ``as_json`` gives the stable shape documented in
docs/scan-report.md.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from breachguard.assess.columns import TableReading, read_table, split_table
from breachguard.assess.people import People, estimate_people, total_people
from breachguard.assess.risk import Risk, rate, total_risk
from breachguard.assess.signals import SPECIAL_CATEGORIES, special_categories
from breachguard.detect.categories import category_of
from breachguard.detect.finding import Finding
from breachguard.extract.document import Document, ExtractionError, Protection, Table

VERSION = 1


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """What one document holds: counts per entity, people, categories, signals, protection, risk."""

    origin: tuple[str, ...]
    kind: str
    protection: Protection
    people: People
    entities: dict[str, int]
    categories: tuple[str, ...]
    special_categories: dict[str, int]
    risk: Risk
    errors: tuple[str, ...] = ()
    size: int = 0

    @property
    def has_personal_data(self) -> bool:
        return bool(self.entities) or self.people.count > 0


@dataclass(frozen=True, slots=True)
class Total:
    people: People
    entities: dict[str, int]
    categories: tuple[str, ...]
    special_categories: dict[str, int]
    documents: int
    errors: int
    risk: Risk


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a scan found, and every file or part it could not read."""

    documents: tuple[DocumentReport, ...]
    errors: tuple[ExtractionError, ...]
    total: Total

    @property
    def has_personal_data(self) -> bool:
        return any(d.has_personal_data for d in self.documents)


def _categories(entities: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({category_of(e) for e in entities}))


@dataclass(frozen=True, slots=True)
class Reading:
    """A document's tables read by their headers, and the text that detection must still see."""

    tables: tuple[TableReading, ...]
    text: str
    # True: ``text`` leaves out the cells that the headed columns counted, so detection's counts
    # and the columns' counts are of different values and add up.
    split: bool


def read_document(doc: Document) -> Reading:
    """Read ``doc``'s tables; when its text is nothing but those tables, leave the cells the
    headed columns counted out of the text to detect, so no value is examined twice."""
    if doc.tables and _text_is_tables(doc.text, doc.tables):
        parts = [split_table(t) for t in doc.tables]
        text = "\n".join(rest for _, rest in parts if rest)
        return Reading(tuple(reading for reading, _ in parts), text, True)
    return Reading(tuple(read_table(t) for t in doc.tables), doc.text, False)


def _text_is_tables(text: str, tables: Sequence[Table]) -> bool:
    # Readers write a row as its cells joined by tabs, some with trailing empty cells dropped;
    # anything else in the text (prose around an HTML table, a cut) keeps the whole text.
    lines = list(map("\t".join, itertools.chain.from_iterable(t.rows for t in tables)))
    if text == "\n".join(lines):
        return True
    return text == "\n".join(map(_rstrip_tabs, lines))


def _rstrip_tabs(line: str) -> str:
    return line.rstrip("\t")


def assess_document(
    doc: Document,
    findings: Sequence[Finding],
    notes: Sequence[str] = (),
    *,
    reading: Reading | None = None,
) -> DocumentReport:
    """Assess one document from its findings and its tables.

    ``findings`` are over ``reading.text`` when a ``reading`` (from ``read_document``) is given,
    else over ``doc.text``.
    """
    if reading is None:
        reading = Reading(tuple(read_table(t) for t in doc.tables), doc.text, split=False)
    counts: Counter[str] = Counter(f.entity for f in findings)
    in_columns: Counter[str] = Counter()
    for table in reading.tables:
        in_columns.update(table.entities)
    for entity, n in in_columns.items():
        if reading.split:
            counts[entity] += n
        else:
            # Columns catch bare values that detection misses; the text may also hold the same
            # entity outside the headed columns, where detection sees it: take the larger.
            counts[entity] = max(counts[entity], n)
    entities = dict(sorted((e, n) for e, n in counts.items() if n))
    people = estimate_people(reading.tables, findings)
    special = special_categories(
        _without_names(reading.text if reading.split else doc.text, findings)
    )
    return DocumentReport(
        origin=doc.origin,
        kind=doc.kind,
        protection=doc.protection,
        people=people,
        entities=entities,
        categories=_categories(entities),
        special_categories=special,
        risk=rate(people.count, entities, special, doc.protection),
        errors=tuple(notes),
        size=doc.size or len(doc.text),
    )


# Names and street names hold topic words ("Mr Foster", "Christian Doe", "Church Road") that say
# nothing about the person's health, faith or family; signals are read around them.
_NOT_TOPICS = frozenset({"PERSON", "STREET_ADDRESS"})


def _without_names(text: str, findings: Sequence[Finding]) -> str:
    spans = sorted((f.start, f.end) for f in findings if f.entity in _NOT_TOPICS)
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        if start < last:
            continue
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def combine(reports: Iterable[DocumentReport], errors: Iterable[ExtractionError] = ()) -> Report:
    """The report over many documents, with the errors met on the way."""
    documents = tuple(reports)
    errors = tuple(errors)
    entities: Counter[str] = Counter()
    special: Counter[str] = Counter()
    for doc in documents:
        entities.update(doc.entities)
        special.update(doc.special_categories)
    total = Total(
        people=total_people(d.people for d in documents),
        entities=dict(sorted(entities.items())),
        categories=_categories(entities),
        special_categories={c: special[c] for c in SPECIAL_CATEGORIES if special[c]},
        documents=len(documents),
        errors=len(errors),
        risk=total_risk([d.risk for d in documents], len(errors)),
    )
    return Report(documents, errors, total)


def _protection(p: Protection | None) -> dict[str, str] | None:
    return None if p is None else {"level": str(p.level), "reason": p.reason}


def _risk(r: Risk) -> dict[str, Any]:
    return {"level": str(r.level), "reasons": list(r.reasons)}


def document_json(d: DocumentReport) -> dict[str, Any]:
    return {
        "origin": list(d.origin),
        "kind": d.kind,
        "protection": _protection(d.protection),
        "people": {"count": d.people.count, "method": d.people.method},
        "entities": dict(d.entities),
        "categories": list(d.categories),
        "special_categories": dict(d.special_categories),
        "risk": _risk(d.risk),
        "errors": list(d.errors),
    }


def error_json(e: ExtractionError) -> dict[str, Any]:
    return {
        "origin": list(e.origin),
        "kind": e.kind,
        "reason": e.reason,
        "protection": _protection(e.protection),
    }


def as_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data in the documented, versioned shape (no values)."""
    t = report.total
    return {
        "version": VERSION,
        "documents": [document_json(d) for d in report.documents],
        "errors": [error_json(e) for e in report.errors],
        "total": {
            "people": {"count": t.people.count, "method": t.people.method},
            "entities": dict(t.entities),
            "categories": list(t.categories),
            "special_categories": dict(t.special_categories),
            "documents": t.documents,
            "errors": t.errors,
            "risk": _risk(t.risk),
        },
    }
