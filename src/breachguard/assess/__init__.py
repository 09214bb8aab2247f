"""Assessment: turn findings and facts into decisions that explain themselves. Pure, no I/O."""

from __future__ import annotations

from breachguard.assess.people import People
from breachguard.assess.report import (
    DocumentReport,
    Report,
    Total,
    as_json,
    assess_document,
    combine,
)
from breachguard.assess.risk import Risk, RiskLevel

__all__ = [
    "DocumentReport",
    "People",
    "Report",
    "Risk",
    "RiskLevel",
    "Total",
    "as_json",
    "assess_document",
    "combine",
]
