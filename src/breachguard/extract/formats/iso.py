"""ISO 9660 disc images (with Joliet or Rock Ridge names), read by pycdlib in memory.

A disc is a folder: every file on it is a member named by its path, using the Rock Ridge or Joliet
name where the disc has one (they keep case and length that plain ISO 9660 names lose).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pycdlib

from breachguard.extract.document import ExtractionError
from breachguard.extract.format import Context, Format, Item, LimitExceeded, Member
from breachguard.extract.formats._bounds import short, stop_if_spent

_SIGNATURE_OFFSET = 16 * 2048 + 1  # the primary volume descriptor, sector 16: "\x01CD001"


def is_iso(head: bytes) -> bool:
    return head[_SIGNATURE_OFFSET : _SIGNATURE_OFFSET + 5] == b"CD001"


def read_iso(data: bytes, ctx: Context) -> Iterator[Item]:
    disc = pycdlib.PyCdlib()
    disc.open_fp(io.BytesIO(data))
    try:
        if disc.has_rock_ridge():
            key = "rr_path"
        elif disc.has_joliet():
            key = "joliet_path"
        else:
            key = "iso_path"
        for folder, _dirs, files in disc.walk(**{key: "/"}):
            ctx.check()
            for file_name in files:
                path = f"{folder.rstrip('/')}/{file_name}"
                name = _display_name(path, key)
                if ctx.budget.members >= ctx.limits.max_members:
                    # One more (empty) member lets the dispatcher report the limit in its own words.
                    yield Member(name, b"")
                    return
                yield from _read_file(disc, key, path, name, len(data), ctx)
    finally:
        disc.close()


def _read_file(
    disc: pycdlib.PyCdlib, key: str, path: str, name: str, image_size: int, ctx: Context
) -> Iterator[Item]:
    origin = (*ctx.origin, name)
    try:
        size = int(disc.get_record(**{key: path}).get_data_length())
        if size > image_size:
            raise ValueError(f"the file claims {size:,} bytes, more than the whole image")
        # Two entries may point at the same sectors, so reading each one is charged to the budget.
        ctx.expand(size)
        out = io.BytesIO()
        disc.get_file_from_iso_fp(out, **{key: path})
    except LimitExceeded as exc:
        yield ExtractionError(origin, str(exc), kind="iso")
        stop_if_spent(ctx, exc)
        return
    except (pycdlib.pycdlibexception.PyCdlibException, OSError, ValueError) as exc:
        yield ExtractionError(
            origin,
            f"could not read this file on the disc image: it may be truncated ({short(exc)})",
            kind="iso",
        )
        return
    yield Member(name, out.getvalue(), compressed_size=size)


def _display_name(path: str, key: str) -> str:
    """The path without its leading slash, and without the ";1" version plain ISO 9660 adds."""
    name = path.lstrip("/")
    if key == "iso_path":
        name = name.split(";", 1)[0]
        if name.endswith("."):
            name = name[:-1]  # ISO 9660 writes a name without an extension as "NAME."
    return name


FORMATS: tuple[Format, ...] = (
    Format(name="iso", read=read_iso, extensions=(".iso",), sniff=is_iso, container=True),
)
