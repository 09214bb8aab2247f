"""redact(): findings replaced by their entity name or a same-length mask."""

from __future__ import annotations

import pytest

from breachguard import analyze
from breachguard.detect.finding import Finding
from breachguard.redact import redact, replacement


def _finding(text: str, value: str, entity: str) -> Finding:
    start = text.index(value)
    return Finding(entity, start, start + len(value), 0.9, value)


TEXT = "Write to ada.lovelace@example.org or call 0113 496 0731 today."


def test_entity_style_replaces_each_finding_with_its_entity_name() -> None:
    findings = [
        _finding(TEXT, "ada.lovelace@example.org", "EMAIL_ADDRESS"),
        _finding(TEXT, "0113 496 0731", "PHONE_NUMBER"),
    ]
    assert redact(TEXT, findings) == "Write to [EMAIL_ADDRESS] or call [PHONE_NUMBER] today."


def test_mask_style_keeps_length_and_separators() -> None:
    findings = [
        _finding(TEXT, "ada.lovelace@example.org", "EMAIL_ADDRESS"),
        _finding(TEXT, "0113 496 0731", "PHONE_NUMBER"),
    ]
    out = redact(TEXT, findings, style="mask")
    assert len(out) == len(TEXT)
    assert out == "Write to ***.********@*******.*** or call **** *** **** today."


def test_findings_in_any_order_give_the_same_text() -> None:
    findings = [
        _finding(TEXT, "0113 496 0731", "PHONE_NUMBER"),
        _finding(TEXT, "ada.lovelace@example.org", "EMAIL_ADDRESS"),
    ]
    assert redact(TEXT, findings) == redact(TEXT, list(reversed(findings)))


def test_overlapping_findings_leave_no_found_character() -> None:
    text = "name: Ada Lovelace King"
    a = Finding("PERSON", 6, 18, 0.9, "Ada Lovelace")
    b = Finding("PERSON", 10, 23, 0.8, "Lovelace King")
    assert redact(text, [a, b], style="mask") == "name: *** ******** ****"
    assert redact(text, [a, b]) == "name: [PERSON][PERSON]"


def test_no_findings_returns_the_text_unchanged() -> None:
    assert redact(TEXT, []) == TEXT


def test_arabic_letters_and_arabic_indic_digits_are_masked() -> None:
    assert replacement("ريم ٠١١٣ ٤٩٦", "PERSON", "mask") == "*** **** ***"


def test_unknown_style_is_a_value_error_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="entity, mask"):
        redact(TEXT, [], style="blur")  # type: ignore[arg-type]


def test_redacting_analyze_output_removes_the_email() -> None:
    text = "Contact: grace.hopper@example.net, thanks."
    out = redact(text, analyze(text, entities=["EMAIL_ADDRESS"]))
    assert out == "Contact: [EMAIL_ADDRESS], thanks."
