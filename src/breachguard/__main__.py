"""``python -m breachguard``: the same as the ``breachguard`` command."""

from __future__ import annotations

from breachguard.cli import main

if __name__ == "__main__":
    main()
