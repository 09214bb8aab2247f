"""File format: spreadsheets (XLSX, XLSM, XLSB, XLS, ODS), read with calamine.

One Document per sheet, its origin ending in the sheet's name, with the sheet as a Table. Hidden
sheets are read too: they hold personal data as often as visible ones.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import struct
import zipfile
from collections.abc import Callable, Iterator, Sequence

import olefile
from python_calamine import CalamineWorkbook, PasswordError

from breachguard.extract.document import (
    Document,
    ExtractionError,
    Protection,
    ProtectionLevel,
    Table,
)
from breachguard.extract.format import Context, Format, Item, LimitExceeded
from breachguard.extract.formats import ooxml
from breachguard.extract.formats.text import Collector

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
_BIFF_FILEPASS = 0x002F
_CHECK_EVERY = 1000


def cell_text(value: object) -> str:
    """A cell as a person would read it: whole numbers without ``.0``, dates as ISO 8601."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def _kind(data: bytes) -> str:
    if data.startswith(_OLE):
        return "xls"
    if data[30:].startswith(_ODS_MIMETYPE):
        return "ods"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "xl/workbook.bin" in zf.namelist():
            return "xlsb"
        return "xlsm" if ooxml.macro_enabled(zf) else "xlsx"


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    kind = _kind(data)
    if kind != "xls":
        ooxml.account(data, ctx).close()
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        yield ExtractionError(
            ctx.origin,
            "the workbook is encrypted and no password was given",
            kind=kind,
            protection=Protection(
                ProtectionLevel.UNSCANNABLE, f"{kind} encrypted (password required)"
            ),
        )
        return
    sink = Collector(ctx)
    try:
        for sheet_name in workbook.sheet_names:
            ctx.check()
            if sink.truncated:
                break
            origin = (*ctx.origin, sheet_name)
            try:
                sheet = workbook.get_sheet_by_name(sheet_name)
                rows = _rows(sheet.iter_rows(), ctx, sink)
            except LimitExceeded:
                raise
            except Exception as exc:
                # Chart sheets and damaged sheets: say which, read the rest.
                reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                yield ExtractionError(origin, f"could not read this sheet ({reason})", kind=kind)
                continue
            yield Document(
                sink.take(),
                origin,
                kind,
                tables=(Table(rows=rows, name=sheet_name),),
                size=len(data),
            )
    finally:
        workbook.close()
    if sink.truncated:
        yield sink.note(ctx, kind)


def _rows(
    cells: Iterator[Sequence[object]], ctx: Context, sink: Collector
) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    lines: list[str] = []
    # The sheet's lines go to the sink in one piece: the same text and the same cut as adding
    # them one by one (the sheet's first line has no separator before it), at one call a sheet.
    budget = sink.remaining
    used = -1
    for n, raw in enumerate(cells):
        if n % _CHECK_EVERY == 0:
            ctx.check()
        row = tuple(map(cell_text, raw))
        if not any(row):
            continue
        rows.append(row)
        line = "\t".join(row).rstrip("\t")
        lines.append(line)
        used += len(line) + 1
        if used > budget:  # the line that passes the limit is the last kept (cut short)
            break
    if lines:
        sink.add("\n".join(lines))
    return tuple(rows)


def _biff_encrypted(stream: bytes) -> bool:
    """Whether a BIFF workbook stream starts with a FILEPASS record (legacy XLS encryption)."""
    pos = 0
    for _ in range(64):
        if pos + 4 > len(stream):
            return False
        record, length = struct.unpack_from("<HH", stream, pos)
        if record == _BIFF_FILEPASS:
            return True
        pos += 4 + length
    return False


def _sniff_xls(data: bytes) -> bool:
    """An unencrypted Excel 97-2003 workbook; encrypted OLE files are another reader's."""
    if not data.startswith(_OLE):
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return False
            for stream in ("Workbook", "Book"):
                if ole.exists(stream):
                    return not _biff_encrypted(ole.openstream(stream).read(64 * 1024))
            return False
    except Exception:  # a sniffer must never stop identification
        return False


def _sniff_ods(data: bytes) -> bool:
    try:
        if not data.startswith(b"PK\x03\x04") or not data[30:].startswith(_ODS_MIMETYPE):
            return False
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            manifest = zf.getinfo("META-INF/manifest.xml")
            # Encrypted ODF packages are the ODF reader's to classify.
            return manifest.file_size > 1024 * 1024 or b"encryption-data" not in zf.read(manifest)
    except Exception:  # a sniffer must never stop identification
        return False


def _sniff_ooxml(data: bytes) -> bool:
    return _xlsx(data) or _xlsb(data)


_xlsx: Callable[[bytes], bool] = ooxml.sniffer("xl/workbook.xml")
_xlsb: Callable[[bytes], bool] = ooxml.sniffer("xl/workbook.bin")


FORMATS: tuple[Format, ...] = (
    Format(
        name="xlsx",
        read=_read,
        extensions=(".xlsx", ".xlsm", ".xlsb", ".xltx", ".xltm"),
        sniff=_sniff_ooxml,
    ),
    Format(name="xls", read=_read, extensions=(".xls", ".xlt"), sniff=_sniff_xls),
    Format(name="ods", read=_read, extensions=(".ods", ".ots"), sniff=_sniff_ods),
)
