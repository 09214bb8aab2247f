"""Bounds shared by the container readers: inflating a stream in steps, and stopping when spent."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from dataclasses import dataclass

from breachguard.extract.format import Budget, Context, LimitExceeded

_STEP = 1024 * 1024


def _open(method: str, raw: io.BytesIO) -> io.BufferedIOBase:
    if method == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if method == "bzip2":
        return bz2.BZ2File(raw, mode="rb")
    return lzma.LZMAFile(raw, mode="rb")


@dataclass(frozen=True, slots=True)
class Inflated:
    """What a compressed stream expanded to; ``problem`` says why it stopped early, if it did."""

    data: bytes
    problem: str = ""


def inflate(data: bytes, method: str, ctx: Context) -> Inflated:
    """Decompress a gzip, bzip2 or xz stream one step at a time, within the limits.

    Raises LimitExceeded as soon as the output grows past the size or ratio limit, so a bomb costs
    one step of memory, not its full size. A truncated or corrupt stream gives what came before.
    """
    raw = io.BytesIO(data)
    out = bytearray()
    problem = ""
    try:
        with _open(method, raw) as stream:
            while True:
                chunk = stream.read1(_STEP)
                if not chunk:
                    break
                out += chunk
                account(ctx, len(out), max(1, raw.tell()), len(chunk))
    except (EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
        problem = (
            f"the {method} stream is truncated or corrupt ({short(exc)});"
            f" only the first {len(out):,} bytes were scanned"
        )
    return Inflated(bytes(out), problem)


def account(ctx: Context, produced: int, consumed: int, new: int) -> None:
    """Check a growing part as a whole (size, ratio) and charge only its new bytes to the budget.

    ``Context.expand`` judges a part by one call; a stream inflated in steps is judged again on
    everything so far at each step, by a scratch budget, so that the shared one counts bytes once.
    """
    Budget(started=ctx.budget.started).expand(produced, consumed, ctx.limits)
    ctx.expand(new)


def stop_if_spent(ctx: Context, exc: LimitExceeded) -> None:
    """Re-raise when the whole file's budget (time, total size) is spent, not just one part's."""
    if ctx.budget.expanded > ctx.limits.max_total_bytes:
        raise exc
    ctx.check()


def short(exc: BaseException) -> str:
    """The first line of an exception's message, short enough for a report."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
