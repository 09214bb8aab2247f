"""The built-in recognizers. Add a module with a ``RECOGNIZERS`` tuple, then list it below."""

from __future__ import annotations

from breachguard.detect.recognizer import Recognizer
from breachguard.detect.recognizers import (
    address,
    contact,
    dates,
    financial,
    nationality,
    passport,
    person_ar,
    person_en,
    uk,
)

BUILT_IN: tuple[Recognizer, ...] = (
    *uk.RECOGNIZERS,
    *passport.RECOGNIZERS,
    *financial.RECOGNIZERS,
    *contact.RECOGNIZERS,
    *dates.RECOGNIZERS,
    *nationality.RECOGNIZERS,
    *address.RECOGNIZERS,
    *person_en.RECOGNIZERS,
    *person_ar.RECOGNIZERS,
)
