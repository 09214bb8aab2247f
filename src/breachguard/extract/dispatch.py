"""Open bytes of any supported format, recursively, within limits."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from breachguard.extract.document import Document, ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, LimitExceeded, Limits, Member

log = logging.getLogger(__name__)

_RANK = {
    ProtectionLevel.NONE: 0,
    ProtectionLevel.WEAK: 1,
    ProtectionLevel.STRONG: 2,
    ProtectionLevel.UNSCANNABLE: 3,
}


def stronger(a: Protection | None, b: Protection | None) -> Protection | None:
    """The protection that an attacker would have to defeat: the stronger of two layers."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _RANK[a.level] >= _RANK[b.level] else b


def identify(data: bytes, name: str) -> Format | None:
    """The format of ``data``: by content first (magic numbers), then by the file name."""
    from breachguard.extract.formats import FORMATS

    by_content = [f for f in FORMATS if _matches_content(f, data)]
    if by_content:
        for fmt in by_content:
            if fmt.matches_name(name):
                return fmt
        return by_content[0]
    for fmt in FORMATS:
        if fmt.matches_name(name):
            return fmt
    return None


def _matches_content(fmt: Format, data: bytes) -> bool:
    try:
        return fmt.matches_content(data)
    except Exception:  # a sniffer must never stop the scan; it just does not claim the file
        log.debug("sniffer of %s failed", fmt.name)
        return False


def open_bytes(
    data: bytes,
    name: str,
    *,
    limits: Limits | None = None,
    passwords: tuple[str, ...] = (),
    origin: tuple[str, ...] | None = None,
) -> Iterator[Document | ExtractionError]:
    """Documents and errors from ``data`` (a file called ``name``), containers opened recursively."""
    ctx = Context(origin=origin or (name,), limits=limits or Limits(), passwords=passwords)
    yield from _open(data, ctx)


def _open(data: bytes, ctx: Context) -> Iterator[Document | ExtractionError]:
    name = ctx.origin[-1]
    fmt = identify(data, name)
    if fmt is None:
        yield ExtractionError(ctx.origin, "not a format breachguard can read", kind="unknown")
        return
    try:
        for item in fmt.read(data, ctx):
            if isinstance(item, Member):
                yield from _open_member(item, ctx)
            elif isinstance(item, Document):
                protection = stronger(ctx.protection, item.protection) or item.protection
                if protection is not item.protection:
                    item = Document(
                        item.text, item.origin, item.kind, protection, item.tables, item.size
                    )
                yield item
            else:
                yield item
    except LimitExceeded as exc:
        yield ExtractionError(ctx.origin, str(exc), kind=fmt.name, protection=ctx.protection)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    # BaseException: Rust-backed readers (python-calamine) raise pyo3's PanicException, which is
    # not an Exception; a corrupt file must not stop the scan either way.
    except BaseException as exc:
        log.debug("could not read %s as %s: %s", "/".join(ctx.origin), fmt.name, type(exc).__name__)
        yield ExtractionError(
            ctx.origin,
            f"could not read this {fmt.name} file: it may be corrupt or truncated ({_short(exc)})",
            kind=fmt.name,
            protection=ctx.protection,
        )


def _open_member(member: Member, ctx: Context) -> Iterator[Document | ExtractionError]:
    origin = (*ctx.origin, member.name)
    ctx.budget.members += 1
    if ctx.budget.members > ctx.limits.max_members:
        if ctx.budget.members == ctx.limits.max_members + 1:
            yield ExtractionError(
                origin, f"more than {ctx.limits.max_members:,} files inside (scan.max_members)"
            )
        return
    if ctx.depth + 1 > ctx.limits.max_depth:
        yield ExtractionError(
            origin, f"nested more than {ctx.limits.max_depth} containers deep (scan.max_depth)"
        )
        return
    child = Context(
        origin=origin,
        limits=ctx.limits,
        passwords=ctx.passwords,
        depth=ctx.depth + 1,
        budget=ctx.budget,
        protection=stronger(ctx.protection, member.protection),
    )
    try:
        child.check()
    except LimitExceeded as exc:
        yield ExtractionError(origin, str(exc))
        return
    yield from _open(member.data, child)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
