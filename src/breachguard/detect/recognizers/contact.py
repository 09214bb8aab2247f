"""Contact details: e-mail addresses (phones and IP addresses join here)."""

from __future__ import annotations

from breachguard.detect.recognizer import Pattern, Recognizer

EMAIL_ADDRESS = Recognizer(
    name="email",
    entity="EMAIL_ADDRESS",
    patterns=(
        Pattern(
            r"\b[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b",
            0.9,
            name="address",
        ),
    ),
    priority=5,
    max_width=330,
)

RECOGNIZERS = (EMAIL_ADDRESS,)
