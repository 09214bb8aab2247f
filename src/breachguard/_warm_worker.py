"""Imported by the fork server of the scanner's worker processes: compiling the detection engine
and importing the format readers here, once, lets every worker forked from the server start warm
instead of spending seconds on each."""

from __future__ import annotations

from breachguard.scanner import _warm_up

_warm_up()
