"""A value's label in a table is its column header, however far above it is."""

from __future__ import annotations

import random

import pytest
from faker import Faker
from stdnum.gb import nhs

from breachguard import analyze, analyze_stream
from breachguard.detect.columns import HEADER_REACH, ColumnHeaders


def nhs_number(rng: random.Random) -> str:
    while True:
        number = str(rng.randint(1_000_000_000, 7_999_999_999))
        if nhs.is_valid(number):
            return number


def roster(rows: int, seed: int = 3, delimiter: str = ",") -> tuple[str, list[str]]:
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    numbers = [nhs_number(rng) for _ in range(rows)]
    lines = [delimiter.join(["ref", "nhs_number", "town"])]
    lines += [delimiter.join([f"R{i:05d}", n, fake.city()]) for i, n in enumerate(numbers)]
    return "\n".join(lines) + "\n", numbers


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_bare_nhs_numbers_under_their_header_are_found(delimiter: str) -> None:
    text, numbers = roster(40, delimiter=delimiter)
    found = [f.text for f in analyze(text, entities=["UK_NHS"])]
    assert found == numbers


def test_the_same_numbers_without_a_header_are_not() -> None:
    text, _ = roster(40)
    body = text.split("\n", 1)[1]
    assert analyze(body, entities=["UK_NHS"]) == []


def test_header_beyond_reach_is_not_used_and_answers_do_not_depend_on_order() -> None:
    text, numbers = roster(1200)
    headers = ColumnHeaders(text)
    positions = [text.index(n) for n in numbers]
    # Ask from the bottom up, then a fresh instance top-down: the same answers.
    bottom_up = {p: headers.cell(p) for p in reversed(positions)}
    fresh = ColumnHeaders(text)
    assert bottom_up == {p: fresh.cell(p) for p in positions}
    header_end = text.index("\n")
    for p in positions:
        line_start = text.rfind("\n", 0, p) + 1
        expected = "nhs number" if line_start - 0 <= HEADER_REACH else ""
        assert bottom_up[p] == expected, (p, header_end)


def test_a_row_of_another_shape_ends_the_table() -> None:
    text = "name,nhs_number\nnote about the list\nA,1\n"
    assert ColumnHeaders(text).cell(text.index("1")) == ""
    assert ColumnHeaders(text).cell(text.index("note")) == ""


def test_streaming_equals_whole_text_on_a_long_table() -> None:
    text, _ = roster(900)
    chunks = [text[i : i + 5000] for i in range(0, len(text), 5000)]
    assert list(analyze_stream(chunks, window=8192)) == analyze(text)
