"""Recognizers: financial (being written)."""

from __future__ import annotations

from breachguard.detect.recognizer import Recognizer

RECOGNIZERS: tuple[Recognizer, ...] = ()
