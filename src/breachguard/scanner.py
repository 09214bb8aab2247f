"""The scanner: files, folders and disc images in; a Report out.

Paths are walked here (folders recursively, symbolic links inside folders not followed, anything
that is not a regular file reported, never opened), each file's size is checked before it is read,
and each top-level file is one unit of work: read, extracted, detected and assessed in a worker
process (or on a Dask cluster), which sends back only DocumentReports and errors: counts and
reasons, never the values found.
"""

from __future__ import annotations

import gc
import importlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import Any

from breachguard.assess.report import (
    DocumentReport,
    Report,
    assess_document,
    combine,
    read_document,
)
from breachguard.detect import analyze
from breachguard.detect.engine import DEFAULT_MIN_SCORE
from breachguard.extract.dispatch import open_bytes
from breachguard.extract.document import Document, ExtractionError, Protection
from breachguard.extract.format import Limits


class ScanError(Exception):
    """The scan as a whole cannot run (a Dask scheduler that cannot be reached); one line."""


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What every worker needs to scan a file; sent to each worker, so kept small and picklable."""

    limits: Limits = field(default_factory=Limits)
    passwords: tuple[str, ...] = ()
    min_score: float = DEFAULT_MIN_SCORE


@dataclass(frozen=True, slots=True)
class FileResult:
    """What scanning one top-level file gives back."""

    path: str
    size: int
    documents: tuple[DocumentReport, ...]
    errors: tuple[ExtractionError, ...]


@dataclass(frozen=True, slots=True)
class ScanProgress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    path: str


ProgressCallback = Callable[[ScanProgress], None]
# Below this many bytes in all, worker processes cost more to start than they save.
SMALL_SCAN_BYTES = 8 * 1024 * 1024
DASK_CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True, slots=True)
class _Target:
    path: str
    size: int


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _oserror(path: str, exc: OSError) -> ExtractionError:
    if isinstance(exc, PermissionError):
        reason = "permission denied"
    elif isinstance(exc, FileNotFoundError):
        reason = "no such file or directory"
    else:
        reason = f"could not be read: {exc.strerror or type(exc).__name__}"
    return ExtractionError((path,), reason, kind="file")


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[_Target | ExtractionError]:
    """Regular files under ``paths`` in a stable order, and errors for what cannot be scanned.

    A path named on the command line is followed if it is a symbolic link (the user chose it);
    links met inside folders are skipped, so a scan never leaves the folders it was given nor
    loops.
    """
    for given in paths:
        path = os.fspath(given)
        try:
            info = os.stat(path)
        except OSError as exc:
            if os.path.islink(path):
                yield ExtractionError((path,), "a broken symbolic link", kind="file")
            else:
                yield _oserror(path, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(path)
        elif stat.S_ISREG(info.st_mode):
            yield _Target(path, info.st_size)
        else:
            yield ExtractionError((path,), f"{_kind_of(info.st_mode)}: not scanned", kind="file")


def _walk_folder(folder: str) -> Iterator[_Target | ExtractionError]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield _oserror(folder, exc)
        return
    for entry in entries:
        try:
            if entry.is_symlink():
                continue
            info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            yield _oserror(entry.path, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(entry.path)
        elif stat.S_ISREG(info.st_mode):
            yield _Target(entry.path, info.st_size)
        else:
            yield ExtractionError(
                (entry.path,), f"{_kind_of(info.st_mode)}: not scanned", kind="file"
            )


def _read(path: str, limits: Limits) -> bytes | ExtractionError:
    """The file's bytes, or why not; the size is checked on the open handle before reading."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return _oserror(path, exc)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # replaced by a pipe since the walk: never block on it
            return ExtractionError((path,), f"{_kind_of(info.st_mode)}: not scanned", kind="file")
        if info.st_size > limits.max_file_bytes:
            return ExtractionError(
                (path,),
                f"{info.st_size:,} bytes is over the limit of {limits.max_file_bytes:,}"
                " (scan.max_file_bytes, --max-file-size): not read",
                kind="file",
            )
        try:
            # One byte past the limit tells a file that grew since fstat from one that fits.
            data = handle.read(limits.max_file_bytes + 1)
        except OSError as exc:
            return _oserror(path, exc)
    if len(data) > limits.max_file_bytes:
        return ExtractionError(
            (path,),
            f"grew past the limit of {limits.max_file_bytes:,} bytes while being read"
            " (scan.max_file_bytes): not scanned",
            kind="file",
        )
    return data


def assess(doc: Document, options: ScanOptions) -> DocumentReport:
    """Detect and assess one Document."""
    text = doc.text
    notes: list[str] = []
    if len(text) > options.limits.max_text_chars:
        notes.append(
            f"only the first {options.limits.max_text_chars:,} of {len(text):,} characters were"
            " scanned (scan.max_text_chars)"
        )
        text = text[: options.limits.max_text_chars]
        doc = Document(text, doc.origin, doc.kind, doc.protection, doc.tables, doc.size)
    reading = read_document(doc)
    findings = analyze(reading.text, min_score=options.min_score)
    return assess_document(doc, findings, notes, reading=reading)


def scan_file(path: str, options: ScanOptions) -> FileResult:
    """Scan one top-level file: the unit of work of a worker process or a Dask task."""
    data = _read(path, options.limits)
    if isinstance(data, ExtractionError):
        return FileResult(path, 0, (), (data,))
    documents: list[DocumentReport] = []
    errors: list[ExtractionError] = []
    if not data:
        empty = Document("", (path,), "empty", Protection.none())
        return FileResult(path, 0, (assess_document(empty, ()),), ())
    for item in open_bytes(data, path, limits=options.limits, passwords=options.passwords):
        if isinstance(item, Document):
            documents.append(assess(item, options))
        else:
            errors.append(item)
    return FileResult(path, len(data), tuple(documents), tuple(errors))


def _warm_up() -> None:
    """Compile the detection engine and import the format readers: seconds, paid once."""
    import breachguard.extract.formats  # noqa: F401
    from breachguard.detect import default_engine

    default_engine()


def _start_worker() -> None:
    """A worker's start: warm up, then move what warming up built (the compiled engine, the
    lexicons) out of the garbage collector's view, so that collections during the scan do not
    walk it again and again (and, in a forked worker, do not copy the parent's pages)."""
    _warm_up()
    gc.freeze()


def scan(
    paths: Sequence[str | os.PathLike[str]],
    *,
    options: ScanOptions | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> Report:
    """Scan files and folders into one Report.

    ``jobs`` worker processes (default: one per CPU, or none for a scan of a few megabytes;
    1 scans in this process); ``scheduler`` a
    Dask scheduler address (``tcp://host:8786``) whose workers see the same paths. The result is
    the same whichever runs it: documents in the order the files were walked.
    """
    options = options or ScanOptions()
    targets: list[_Target] = []
    walk_errors: list[ExtractionError] = []
    for item in walk(paths):
        (targets if isinstance(item, _Target) else walk_errors).append(item)  # type: ignore[arg-type]
    tracker = _Tracker(targets, progress)
    if scheduler:
        results = _run_dask(targets, options, scheduler, tracker)
    else:
        if jobs is None:
            small = tracker.bytes_total < SMALL_SCAN_BYTES
            jobs = 1 if small else (os.cpu_count() or 1)
        results = _run_local(targets, options, max(1, jobs), tracker)
    documents: list[DocumentReport] = []
    errors = list(walk_errors)
    for result in results:
        documents.extend(result.documents)
        errors.extend(result.errors)
    return combine(documents, errors)


class _Tracker:
    def __init__(self, targets: list[_Target], callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.files_total = len(targets)
        self.bytes_total = sum(t.size for t in targets)
        self.files_done = 0
        self.bytes_done = 0

    def done(self, target: _Target) -> None:
        self.files_done += 1
        self.bytes_done += target.size
        if self.callback is not None:
            self.callback(
                ScanProgress(
                    self.files_done,
                    self.files_total,
                    self.bytes_done,
                    self.bytes_total,
                    target.path,
                )
            )


def _run_local(
    targets: list[_Target], options: ScanOptions, jobs: int, tracker: _Tracker
) -> list[FileResult]:
    if jobs == 1 or len(targets) <= 1:
        results = []
        for target in targets:
            results.append(scan_file(target.path, options))
            tracker.done(target)
        return results
    import multiprocessing
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        # Workers forked from a warmed-up parent share its compiled engine instead of each
        # spending seconds compiling their own.
        _warm_up()
        context: BaseContext = multiprocessing.get_context("fork")
    else:
        # Forking a process that runs threads (a Dask client ...) can deadlock in the child.
        context = multiprocessing.get_context("forkserver")
        # Each worker then starts from the fork server: import the readers and the engine there
        # once (takes effect when the server starts) rather than in every worker.
        context.set_forkserver_preload(["breachguard._warm_worker"])
    slots: list[FileResult | None] = [None] * len(targets)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(targets)), mp_context=context, initializer=_start_worker
    ) as pool:
        # Submit a bounded window so a million-file estate does not queue a million futures.
        pending: dict[Future[FileResult], int] = {}
        upcoming = iter(_largest_first(targets))
        window = jobs * 4

        def submit_more() -> None:
            while len(pending) < window:
                index = next(upcoming, None)
                if index is None:
                    return
                pending[pool.submit(scan_file, targets[index].path, options)] = index

        submit_more()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                slots[index] = _result_or_error(future, targets[index])
                tracker.done(targets[index])
            submit_more()
    return [r for r in slots if r is not None]


def _largest_first(targets: Sequence[_Target]) -> list[int]:
    """Indexes of ``targets``, biggest file first: a big file started last would leave every
    other worker idle while it finishes, so the small ones fill in at the end instead."""
    return sorted(range(len(targets)), key=lambda i: -targets[i].size)


def _result_or_error(future: Future[FileResult], target: _Target) -> FileResult:
    try:
        return future.result()
    except Exception as exc:  # a worker that died (out of memory, a crash in a C library)
        reason = f"the worker scanning this file failed ({type(exc).__name__})"
        return FileResult(target.path, 0, (), (ExtractionError((target.path,), reason),))


def _run_dask(
    targets: list[_Target], options: ScanOptions, address: str, tracker: _Tracker
) -> list[FileResult]:
    try:
        # Imported as a module object: Dask is optional, and its annotations are incomplete.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ScanError("--scheduler needs Dask: pip install 'breachguard[dask]'") from None
    try:
        client = distributed.Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ScanError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        paths = [t.path for t in targets]
        order = _largest_first(targets)
        futures: list[Any] = client.map(
            scan_file, [paths[i] for i in order], options=options, pure=False
        )
        index_of = {f.key: i for f, i in zip(futures, order, strict=True)}
        slots: list[FileResult | None] = [None] * len(targets)
        for future in distributed.as_completed(futures):
            index = index_of[future.key]
            try:
                slots[index] = future.result()
            except Exception as exc:
                reason = f"the Dask task scanning this file failed ({type(exc).__name__})"
                slots[index] = FileResult(
                    paths[index], 0, (), (ExtractionError((paths[index],), reason),)
                )
            tracker.done(targets[index])
        return [r for r in slots if r is not None]
    finally:
        client.close()
