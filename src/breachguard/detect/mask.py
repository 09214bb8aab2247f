"""Masked forms of found values, safe to show on a screen or in a log."""

from __future__ import annotations

from breachguard.detect.finding import Finding

MASK = "•"


def mask_value(value: str, entity: str = "") -> str:
    """Hide ``value`` but keep its shape, so a person can tell findings apart without reading them.

    Digits keep the last two; e-mail keeps the first letter and the domain's last label; words keep
    their first letter. Separators stay, so ``943 476 5919`` becomes ``••• ••• ••19``.
    """
    if entity == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.partition("@")
        tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
        return (
            f"{local[:1]}{MASK * 3}@{MASK * 3}.{tld}"
            if tld
            else f"{local[:1]}{MASK * 3}@{MASK * 3}"
        )
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    if len(digits) >= 4:
        keep = set(digits[-2:])
        return "".join(
            ch if (i in keep or not ch.isalnum()) else MASK for i, ch in enumerate(value)
        )
    out = []
    at_word_start = True
    for ch in value:
        if ch.isalnum():
            out.append(ch if at_word_start else MASK)
            at_word_start = False
        else:
            out.append(ch)
            at_word_start = True
    return "".join(out)


def masked(finding: Finding) -> str:
    """The masked text of a finding."""
    return mask_value(finding.text, finding.entity)
