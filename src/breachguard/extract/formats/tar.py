"""Tar archives and compressed streams: tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, and single .gz/.bz2/.xz.

A compressed stream is inflated in bounded steps (see ``_bounds.inflate``), so a bomb stops at the
size or ratio limit. When the stream holds a tar, its members are read directly, so that a file in
``backup.tar.gz`` has the origin ``("backup.tar.gz", "people.csv")``; otherwise the stream's content
is one member named after the file without its suffix (``people.csv.gz`` holds ``people.csv``).
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from typing import cast

from breachguard.extract.document import ExtractionError
from breachguard.extract.format import Context, Format, Item, LimitExceeded, Member, Reader
from breachguard.extract.formats._bounds import inflate, short, stop_if_spent

_TAR_SUFFIXES = {".tgz": ".tar", ".tbz2": ".tar", ".tbz": ".tar", ".txz": ".tar"}
_STREAM_SUFFIXES = {"gzip": (".gz",), "bzip2": (".bz2",), "xz": (".xz",)}


def is_tar(head: bytes) -> bool:
    """POSIX (ustar) and GNU tar headers carry "ustar" at offset 257; old V7 tars go by name."""
    return head[257:262] == b"ustar"


def read_tar(data: bytes, ctx: Context) -> Iterator[Item]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        for info in archive:
            ctx.check()
            if not info.isfile():
                continue  # directories, links and devices hold no content of their own
            if ctx.budget.members >= ctx.limits.max_members:
                # One more (empty) member lets the dispatcher report the limit in its own words.
                yield Member(info.name, b"")
                return
            yield from _read_member(archive, info, ctx)


def _read_member(archive: tarfile.TarFile, info: tarfile.TarInfo, ctx: Context) -> Iterator[Item]:
    origin = (*ctx.origin, info.name)
    try:
        if info.sparse is not None:
            # A sparse member is mostly holes that reading fills with zeros: a real expansion.
            regions = cast("list[tuple[int, int]]", info.sparse)  # typeshed says bytes; it is not
            stored = sum(length for _, length in regions)
            ctx.expand(info.size, max(1, stored))
        fileobj = archive.extractfile(info)
        payload = fileobj.read() if fileobj is not None else b""
    except LimitExceeded as exc:
        yield ExtractionError(origin, str(exc), kind="tar")
        stop_if_spent(ctx, exc)
        return
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        yield ExtractionError(
            origin,
            f"could not read this member of the tar file: it may be truncated ({short(exc)})",
            kind="tar",
        )
        return
    yield Member(info.name, payload, compressed_size=len(payload))


def _stream_reader(method: str) -> Reader:
    def read_stream(data: bytes, ctx: Context) -> Iterator[Item]:
        inflated = inflate(data, method, ctx)
        if inflated.problem:
            yield ExtractionError(ctx.origin, inflated.problem, kind=method)
        if is_tar(inflated.data):
            yield from read_tar(inflated.data, ctx)
        elif inflated.data or not inflated.problem:
            name = inner_name(ctx.origin[-1], method)
            yield Member(name, inflated.data, compressed_size=len(data))

    return read_stream


def inner_name(name: str, method: str) -> str:
    """The name of what a compressed file holds: ``a.csv.gz`` -> ``a.csv``, ``a.tgz`` -> ``a.tar``."""
    lower = name.lower()
    for suffix, replacement in _TAR_SUFFIXES.items():
        if lower.endswith(suffix):
            return name[: -len(suffix)] + replacement
    for suffix in _STREAM_SUFFIXES[method]:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return f"{name} (decompressed)"


FORMATS: tuple[Format, ...] = (
    Format(name="tar", read=read_tar, extensions=(".tar",), sniff=is_tar, container=True),
    Format(
        name="gzip",
        read=_stream_reader("gzip"),
        extensions=(".gz", ".tgz"),
        magic=(b"\x1f\x8b",),
        container=True,
    ),
    Format(
        name="bzip2",
        read=_stream_reader("bzip2"),
        extensions=(".bz2", ".tbz2", ".tbz"),
        magic=(b"BZh",),
        container=True,
    ),
    Format(
        name="xz",
        read=_stream_reader("xz"),
        extensions=(".xz", ".txz"),
        magic=(b"\xfd7zXZ\x00",),
        container=True,
    ),
)
