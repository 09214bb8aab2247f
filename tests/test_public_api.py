"""The public API stays small and does what the README says."""

from __future__ import annotations

from pathlib import Path

import breachguard


def test_public_names() -> None:
    assert set(breachguard.__all__) == {
        "Finding",
        "__version__",
        "analyze",
        "analyze_stream",
        "redact",
        "scan",
    }


def test_readme_example_finds_name_and_nhs_number() -> None:
    text = "Dear Ms Khan, your NHS number is 943 476 5919."
    found = {(f.entity, f.text) for f in breachguard.analyze(text)}
    assert ("PERSON", "Khan") in found
    assert ("UK_NHS", "943 476 5919") in found
    redacted = breachguard.redact(text, breachguard.analyze(text))
    assert "5919" not in redacted and "[UK_NHS]" in redacted


def test_scan_counts_people_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(
        "name,email\nAda Quellwright,a.q@example.org\nBram Ostler,b.o@example.org\n",
        encoding="utf-8",
    )
    report = breachguard.scan([tmp_path], jobs=1)
    assert report.total.people.count == 2
    assert report.total.entities["EMAIL_ADDRESS"] == 2
