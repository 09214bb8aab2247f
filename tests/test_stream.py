"""analyze_stream over any chunking and window gives exactly analyze() of the whole text."""

from __future__ import annotations

import itertools
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from breachguard import analyze, analyze_stream


def _nhs(body: str) -> str:
    total = sum(int(d) * (10 - i) for i, d in enumerate(body))
    check = (11 - total % 11) % 11
    return f"{body[:3]} {body[3:6]} {body[6:]}{check}" if check != 10 else ""


# Fragments with personal data of every kind the recognizers know, in English and Arabic; the
# analysis decides what they are, the property only asks that streaming changes nothing.
FIXED = (
    "Dear Mrs Theodora Okonkwo-Hale,",
    "Date of birth: 23/07/1984",
    "Nationality: Polish",
    "National Insurance number: RZ 26 28 77 B",
    "Passport number: 877599219",
    "Driving licence: OKONK857234TG2ZW",
    "Telephone: 0113 496 0581",
    "Flat 3, 27 Larkspur Close, Northbridge LS6 2QT",
    "IBAN: GB16 STHO 4017 6231 9268 45",
    "Sort code 40-17-62 account number 31926845",
    "Card 5312 0506 4310 1592",
    "from IP 203.0.113.42",
    "إلى السيدة ريم عبد الكريم النقاش",
    "تاريخ الميلاد: ١٤/٠٢/١٩٧٩",
    "رقم الهاتف: ٠١١٣ ٤٩٦ ٠٢٤٧",
    "Yours sincerely, Callum Rennard",
)
FILLER = ("the", "council", "meeting", "on", "14 March 2025", "invoice", "INV-2024-0087", "\n")

emails = st.builds(
    lambda local, domain: f"{local}@{domain}.example.org",
    st.text(string.ascii_lowercase + ".", min_size=1, max_size=12).filter(
        lambda s: s[0] != "." and s[-1] != "." and ".." not in s
    ),
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
)
nhs_numbers = st.text(string.digits, min_size=9, max_size=9).map(_nhs)
fragments = st.one_of(
    st.sampled_from(FIXED),
    st.sampled_from(FILLER),
    emails,
    nhs_numbers.map(lambda n: f"NHS number {n}"),
)
texts = st.lists(fragments, min_size=1, max_size=200).map(" ".join)


def _chunked(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    bounds = [0, *points, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    cuts=st.lists(st.integers(0, 10_000), max_size=30),
    window=st.integers(64, 4096),
    margin=st.integers(512, 2048),
)
def test_stream_equals_whole_text(text: str, cuts: list[int], window: int, margin: int) -> None:
    streamed = list(analyze_stream(_chunked(text, cuts), window=window, margin=margin))
    assert streamed == analyze(text)


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.integers(0, 400),
    inside=st.integers(1, 20),
    fragment=st.sampled_from(FIXED),
)
def test_window_boundary_inside_an_entity(prefix: int, inside: int, fragment: str) -> None:
    # The window of 64 ends `inside` characters into the fragment.
    text = "x " * (prefix // 2) + ("x" if prefix % 2 else "") + fragment + " end"
    lead = len(text) - len(fragment) - 4
    window = max(1, lead + min(inside, len(fragment) - 1))
    for size in (window, 64):
        streamed = list(analyze_stream([text], window=size, margin=512))
        assert streamed == analyze(text)


def test_email_split_across_chunks_and_windows_is_found_once() -> None:
    email = "theo.okonkwo-hale@example.com"
    text = "a" * 60 + " " + email + " " + "b" * 5000
    chunks = [text[i : i + 7] for i in range(0, len(text), 7)]
    found = [
        f for f in analyze_stream(chunks, window=64, margin=512) if f.entity == "EMAIL_ADDRESS"
    ]
    assert [(f.start, f.text) for f in found] == [(61, email)]


def test_offsets_are_into_the_whole_text() -> None:
    text = ("filler line\n" * 500) + "mail ada@example.org\n" + ("more\n" * 500)
    (finding,) = analyze_stream([text[:3000], text[3000:]], window=256, margin=512)
    assert text[finding.start : finding.end] == "ada@example.org"


def test_empty_input_gives_nothing() -> None:
    assert list(analyze_stream([])) == []
    assert list(analyze_stream(["", ""])) == []
