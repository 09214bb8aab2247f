"""breachguard: stop personal-data breaches before they happen; run the response when one happens.

The public API is small:

- ``analyze(text)`` finds personal data in text; ``analyze_stream(chunks)`` does the same for
  text too large to hold; both return ``Finding``s.
- ``redact(text, findings)`` replaces what was found.
- ``scan(paths)`` opens files, folders, archives and disc images and returns a ``Report``: people
  affected, data categories, protection, risk with its reasons.

Everything else may change between versions.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from breachguard.detect import Finding, analyze
from breachguard.detect.stream import analyze_stream
from breachguard.redact import redact

if TYPE_CHECKING:
    from breachguard.assess.report import Report

__all__ = ["Finding", "__version__", "analyze", "analyze_stream", "redact", "scan"]
__version__ = "0.1.0"


def scan(paths: Sequence[str | os.PathLike[str]], **options: Any) -> Report:
    """Scan files and folders (recursively, containers opened) into one ``Report``.

    Keyword options are those of ``breachguard.scanner.scan``: ``options`` (limits, passwords),
    ``jobs`` (worker processes), ``scheduler`` (a Dask address), ``progress``.
    """
    # Imported here: the format readers take a second to import, and analyze() never needs them.
    from breachguard.scanner import scan as run_scan

    return run_scan(paths, **options)
