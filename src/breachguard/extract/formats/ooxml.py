"""The ZIP package under Office Open XML (and ODF) files: recognising it and bounding its unzip.

Not a format itself: wordprocessing, spreadsheet and presentation use it to tell their packages
from any other ZIP and to account for what the libraries they call will inflate.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from breachguard.extract.format import Context

_ZIP = b"PK\x03\x04"
_CONTENT_TYPES = "[Content_Types].xml"
_MACRO = b"macroEnabled"


def names(data: bytes) -> list[str] | None:
    """The names in a ZIP, or None when ``data`` is not one."""
    if not data.startswith(_ZIP):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def sniffer(main_part: str) -> Callable[[bytes], bool]:
    """A sniffer for an OOXML package whose main part is ``main_part`` (``word/document.xml``)."""

    def sniff(data: bytes) -> bool:
        # Cheap look first: the name sits in a local header (writers put it first) and in the
        # central directory at the end; parsing a 200,000-member ZIP directory is not cheap.
        marker = _CONTENT_TYPES.encode()
        if marker not in data[:4096] and marker not in data[-(1 << 20) :]:
            return False
        try:
            found = names(data)
            return found is not None and _CONTENT_TYPES in found and main_part in found
        except Exception:  # a sniffer must never stop identification
            return False

    return sniff


def account(data: bytes, ctx: Context) -> zipfile.ZipFile:
    """Open the package, first charging what it inflates to against the limits (a zip bomb
    dressed as a workbook is still a zip bomb)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    infos = zf.infolist()
    ctx.expand(sum(i.file_size for i in infos), sum(i.compress_size for i in infos) or None)
    return zf


def macro_enabled(zf: zipfile.ZipFile) -> bool:
    """Whether the package declares a macro-enabled main part (.docm, .xlsm, .pptm)."""
    try:
        info = zf.getinfo(_CONTENT_TYPES)
    except KeyError:
        return False
    if info.file_size > 1024 * 1024:
        return False
    return _MACRO in zf.read(info)
