from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from breachguard.detect.mask import mask_value
from breachguard.detect.normalize import compact, digits_only, has_arabic, normalize


@given(st.text())
def test_normalisation_preserves_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


def test_arabic_indic_and_persian_digits_become_ascii() -> None:
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert digits_only("٩٤٣ ٤٧٦ ٥٩١٩") == "9434765919"
    assert compact("qq 12-34 56 c") == "QQ123456C"


def test_arabic_detection() -> None:
    assert has_arabic("Name: محمد")
    assert not has_arabic("Name: Renée")
    assert not has_arabic("٠١٢")  # digits alone are not Arabic letters


def test_masking_keeps_shape_not_value() -> None:
    assert mask_value("943 476 5919", "UK_NHS") == "••• ••• ••19"
    assert mask_value("jane.doe@example.org", "EMAIL_ADDRESS") == "j•••@•••.org"
    masked = mask_value("Jane Doe", "PERSON")
    assert masked == "J••• D••" and "ane" not in masked
