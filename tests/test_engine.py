"""The engine: hyperscan and pure-re paths agree, offsets are into the original text, overlaps
resolve to the better finding, context and languages behave."""

from __future__ import annotations

import itertools
import random

import pytest

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.recognizer import Pattern, Recognizer

ENGINE_KINDS = [
    pytest.param(
        True,
        id="hyperscan",
        marks=pytest.mark.skipif(not hyperscan_available(), reason="hyperscan wheel not installed"),
    ),
    pytest.param(False, id="re"),
]

TICKET = Recognizer(
    name="ticket",
    entity="TICKET",
    patterns=(Pattern(r"\bTK-(?P<value>\d{6})\b", 0.6),),
    validate=lambda v: int(v) % 7 == 0,
    context=("ticket", "تذكرة"),
    negative_context=("sample",),
    priority=2,
)
WORD = Recognizer(
    name="word",
    entity="CODEWORD",
    patterns=(Pattern(r"\bTK-\d{6}-[A-Z]+\b", 0.55),),
)
ARABIC_ONLY = Recognizer(
    name="arabic-greeting",
    entity="GREETING",
    patterns=(Pattern("\u0645\u0631\u062d\u0628\u0627", 0.9),),
    languages=frozenset({"ar"}),
)
NEEDS_CONTEXT = Recognizer(
    name="needs-context",
    entity="SECRET",
    patterns=(Pattern(r"\b\d{4}\b", 0.4),),
    context=("pin",),
    context_required=True,
)
ALL = (TICKET, WORD, ARABIC_ONLY, NEEDS_CONTEXT)


@pytest.fixture(params=ENGINE_KINDS)
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(ALL, use_hyperscan=request.param)


def test_value_group_narrows_the_span_and_validation_boosts(engine: Engine) -> None:
    text = "see TK-000014 now"
    (finding,) = engine.analyze(text)
    assert (finding.entity, finding.text) == ("TICKET", "000014")
    assert text[finding.start : finding.end] == "000014"
    assert finding.score == pytest.approx(0.8)


def test_failed_validation_drops_the_candidate(engine: Engine) -> None:
    assert engine.analyze("see TK-000015 now") == []


def test_context_raises_and_negative_context_silences(engine: Engine) -> None:
    (with_context,) = engine.analyze("your ticket: TK-000014")
    assert with_context.score == pytest.approx(1.0)
    assert engine.analyze("a sample TK-000014") == []


def test_context_required_entity_needs_its_word(engine: Engine) -> None:
    assert engine.analyze("room 1234 is free") == []
    (pin,) = engine.analyze("your PIN is 1234")
    assert (pin.entity, pin.text) == ("SECRET", "1234")


def test_overlap_keeps_the_higher_score(engine: Engine) -> None:
    findings = engine.analyze("ref TK-000014-ABC")
    assert [f.entity for f in findings] == ["TICKET"]


def test_arabic_rules_run_only_for_arabic_text_or_when_asked(engine: Engine) -> None:
    assert [f.entity for f in engine.analyze("مرحبا يا صديقي")] == ["GREETING"]
    assert engine.analyze("مرحبا", language="en") == []
    assert [f.entity for f in engine.analyze("مرحبا", language="ar")] == ["GREETING"]


def test_arabic_indic_digits_validate_and_offsets_index_the_original(engine: Engine) -> None:
    text = "رقم التذكرة TK-٠٠٠٠١٤ شكرا"
    (finding,) = engine.analyze(text)
    assert finding.text == "٠٠٠٠١٤"
    assert text[finding.start : finding.end] == finding.text
    assert finding.score == pytest.approx(1.0)  # validated and Arabic context


def test_entities_filter(engine: Engine) -> None:
    text = "TK-000014 and PIN 1234"
    assert {f.entity for f in engine.analyze(text, entities=["SECRET"])} == {"SECRET"}


def test_min_score_filter(engine: Engine) -> None:
    assert engine.analyze("TK-000014-ABC", entities=["CODEWORD"], min_score=0.6) == []


def test_findings_sorted_and_never_overlapping(engine: Engine) -> None:
    text = " ".join(["TK-000014", "PIN 4321", "TK-000014-XY", "مرحبا"] * 50)
    findings = engine.analyze(text)
    assert findings == sorted(findings, key=lambda f: f.start)
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start


@pytest.mark.skipif(not hyperscan_available(), reason="hyperscan wheel not installed")
def test_hyperscan_and_re_paths_agree_on_random_mixed_text() -> None:
    rng = random.Random(7)
    pieces = [
        "TK-000014",
        "TK-000021-Q",
        "PIN 0007",
        "مرحبا",
        "نص",
        "\n",
        "word",
        "é",
        "١٢٣",
        "TK-١٢٣٤٥٦",
        "x" * 300,
        "ticket",
        "sample",
    ]
    fast = Engine(ALL, use_hyperscan=True)
    slow = Engine(ALL, use_hyperscan=False)
    assert fast.uses_hyperscan and not slow.uses_hyperscan
    for _ in range(30):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 400)))
        assert fast.analyze(text) == slow.analyze(text)


def test_ner_backend_spans_join_as_person() -> None:
    def backend(text: str) -> list[tuple[int, int, float]]:
        at = text.find("Quill")
        return [(at, at + 5, 0.9)] if at >= 0 else []

    findings = Engine(ALL, use_hyperscan=False, ner=backend).analyze("met Quill today")
    assert [(f.entity, f.text) for f in findings] == [("PERSON", "Quill")]


def test_empty_text_has_no_findings(engine: Engine) -> None:
    assert engine.analyze("") == []
