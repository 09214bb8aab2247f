"""breachguard: stop personal-data breaches before they happen; run the response when one happens.

The public API is small: ``analyze`` finds personal data in text, ``analyze_stream`` does the same
for text too large to hold, and ``Finding`` is what both return. Everything else may change.
"""

from __future__ import annotations

from breachguard.detect import Finding, analyze
from breachguard.detect.stream import analyze_stream

__all__ = ["Finding", "__version__", "analyze", "analyze_stream"]
__version__ = "0.1.0"
