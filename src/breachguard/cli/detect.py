"""``breachguard detect`` and ``breachguard redact``: personal data in text files or standard input.

Files are read in chunks through an incremental decoder and analysed with ``analyze_stream``, so a
file of any size is handled in bounded memory. Documents and archives (PDF, DOCX, ZIP ...) are the
job of ``breachguard scan``; these commands refuse binary input with a message that says so.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

import typer
from rich.table import Table
from rich.text import Text

from breachguard.cli.app import app
from breachguard.cli.output import ExitCode, error, note, stdout, warning
from breachguard.detect.categories import ENTITIES
from breachguard.detect.engine import DEFAULT_MIN_SCORE
from breachguard.detect.finding import Finding
from breachguard.detect.mask import masked
from breachguard.detect.recognizers import BUILT_IN
from breachguard.detect.stream import DEFAULT_MARGIN, DEFAULT_WINDOW, analyze_stream
from breachguard.redact import RedactStyle, replacement

READ_BYTES = 1 << 20
SNIFF_BYTES = 8192
STDIN = "-"
STDIN_LABEL = "<stdin>"
PATH_WIDTH = 28
# Documents and archives whose first bytes hold no NUL still are not text to read line by line.
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"\x1f\x8b", b"Rar!")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

EXIT_CODES_HELP = (
    "Exit status: 0 when no findings, or fewer than --fail-on;"
    " 1 when --fail-on was reached;"
    " 2 on a usage error or an input that could not be read (missing, a directory, binary,"
    " permission denied)."
)


class InputError(Exception):
    """An input that cannot be read as text; the message is one line for a person."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Language(StrEnum):
    en = "en"
    ar = "ar"


class Style(StrEnum):
    entity = "entity"
    mask = "mask"


@dataclass(frozen=True, slots=True)
class Options:
    """What to look for, shared by both commands."""

    entities: frozenset[str] | None = None
    min_score: float = DEFAULT_MIN_SCORE
    language: str | None = None
    window: int = DEFAULT_WINDOW
    margin: int = DEFAULT_MARGIN


# --------------------------------------------------------------------------- reading


def _label(path: str) -> str:
    return STDIN_LABEL if path == STDIN else path


def _open(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    if Path(path).is_dir():
        raise InputError(f"{path}: is a directory; use `breachguard scan` for folders")
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror or exc})") from None


def _read(stream: BinaryIO, size: int, label: str) -> bytes:
    try:
        return stream.read(size)
    except OSError as exc:
        raise InputError(f"{label}: read failed ({exc.strerror or exc})") from None


class _Decoder:
    """Incremental decoding that starts strict and falls back to replacement at the first bad byte.

    Only the first bad byte is reported: the aim is to tell the person once, then carry on.
    """

    def __init__(self, encoding: str, label: str) -> None:
        self.encoding = encoding
        self.label = label
        self.replacing = False
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")

    def decode(self, data: bytes, final: bool = False) -> str:
        if self.replacing:
            return self._decoder.decode(data, final)
        pending = self._decoder.getstate()[0]
        try:
            return self._decoder.decode(data, final)
        except UnicodeDecodeError:
            self.replacing = True
            warning(
                f"{self.label}: not valid {self.encoding.upper()}; undecodable bytes were"
                " replaced with U+FFFD and the rest was read"
            )
            self._decoder = codecs.getincrementaldecoder(self.encoding)("replace")
            return self._decoder.decode(pending + data, final)


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head or head.startswith(_BINARY_MAGIC)


def text_chunks(stream: BinaryIO, label: str, read_bytes: int = READ_BYTES) -> Iterator[str] | None:
    """The text of ``stream`` in chunks, or None when it is empty.

    Raises InputError for binary content; a byte-order mark picks UTF-16, otherwise UTF-8.
    """
    head = b""
    while len(head) < SNIFF_BYTES:
        more = _read(stream, SNIFF_BYTES - len(head), label)
        if not more:
            break
        head += more
    if not head:
        return None
    encoding = "utf-8"
    for bom, name in _BOMS:
        if head.startswith(bom):
            encoding, head = name, head[len(bom) :]
            break
    if encoding == "utf-8" and _looks_binary(head):
        raise InputError(
            f"{label}: looks like a binary file; use `breachguard scan` for documents and archives"
        )

    def chunks() -> Iterator[str]:
        decoder = _Decoder(encoding, label)
        data = head
        while data:
            text = decoder.decode(data)
            if text:
                yield text
            data = _read(stream, read_bytes, label)
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail

    return chunks()


# --------------------------------------------------------------------------- streaming helpers


class LineIndex:
    """Line and column of offsets in streamed text, keeping only the recent chunks.

    Offsets must be asked in non-decreasing order (as ``analyze_stream`` yields findings) and no
    further back than ``horizon`` characters before the end of the text fed so far.
    """

    def __init__(self, horizon: int) -> None:
        self.horizon = horizon
        self._chunks: deque[tuple[int, str]] = deque()  # (global offset, text)
        self._end = 0
        self._line = 1  # line number at the start of the first kept chunk
        self._line_start = 0  # global offset where that line starts

    def feed(self, chunk: str) -> None:
        while self._chunks and self._chunks[0][0] + len(self._chunks[0][1]) < (
            self._end - self.horizon
        ):
            self._drop()
        self._chunks.append((self._end, chunk))
        self._end += len(chunk)

    def _drop(self) -> None:
        offset, text = self._chunks.popleft()
        newlines = text.count("\n")
        if newlines:
            self._line += newlines
            self._line_start = offset + text.rindex("\n") + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        while len(self._chunks) > 1 and self._chunks[0][0] + len(self._chunks[0][1]) <= offset:
            self._drop()
        line, line_start = self._line, self._line_start
        if self._chunks:
            base, text = self._chunks[0]
            upto = max(0, offset - base)
            newlines = text.count("\n", 0, upto)
            if newlines:
                line += newlines
                line_start = base + text.rindex("\n", 0, upto) + 1
        return line, offset - line_start + 1


def stream_findings(chunks: Iterable[str], options: Options) -> Iterator[Finding]:
    return analyze_stream(
        chunks,
        language=options.language,
        entities=options.entities,
        min_score=options.min_score,
        window=options.window,
        margin=options.margin,
    )


def _horizon(options: Options) -> int:
    # analyze_stream reports no finding that starts more than window + margin characters before
    # the end of the text it had taken when it asked for its latest chunk; one more margin is slack.
    return options.window + 2 * options.margin


def _tee(chunks: Iterable[str], sink: Callable[[str], None]) -> Iterator[str]:
    for chunk in chunks:
        sink(chunk)
        yield chunk


class StreamRedactor:
    """Writes streamed text with findings replaced, holding back what a finding may still cover."""

    def __init__(self, write: Callable[[str], None], style: RedactStyle, horizon: int) -> None:
        self._write = write
        self._style = style
        self._horizon = horizon
        self._pending = ""
        self._offset = 0  # global offset of _pending[0]
        self._end = 0

    def feed(self, chunk: str) -> None:
        # Measured before the chunk is added: the stream reports nothing that starts before
        # (text taken so far) - window - margin, and it has not started on this chunk yet.
        safe = self._end - self._horizon - self._offset
        if safe > self._horizon:
            self._write(self._pending[:safe])
            self._pending = self._pending[safe:]
            self._offset += safe
        self._pending += chunk
        self._end += len(chunk)

    def replace(self, finding: Finding) -> None:
        if finding.start < self._offset:
            # The text before it is already out; never expected, so fail loudly rather than leak.
            raise RuntimeError("a finding arrived after its text was written")
        before = finding.start - self._offset
        self._write(self._pending[:before])
        cut = finding.end - self._offset
        self._write(replacement(self._pending[before:cut], finding.entity, self._style))
        self._pending = self._pending[cut:]
        self._offset = finding.end

    def close(self) -> None:
        self._write(self._pending)
        self._pending = ""


# --------------------------------------------------------------------------- options


def _valid_entities() -> list[str]:
    return sorted(set(ENTITIES) | {r.entity for r in BUILT_IN})


def _parse_entities(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    names = [n.strip().upper() for n in value.split(",") if n.strip()]
    valid = _valid_entities()
    unknown = [n for n in names if n not in valid]
    if unknown or not names:
        what = ", ".join(unknown) if unknown else "nothing"
        raise InputError(f"--entities: unknown {what}; valid names are {', '.join(valid)}")
    return frozenset(names)


def _options(entities: str | None, min_score: float, language: Language | None) -> Options:
    try:
        wanted = _parse_entities(entities)
    except InputError as exc:
        error(str(exc))
        raise typer.Exit(ExitCode.USAGE) from None
    return Options(wanted, min_score, None if language is None else language.value)


EntitiesOption = typer.Option(
    None,
    "--entities",
    "-e",
    metavar="NAMES",
    help="Comma-separated entity names to look for, e.g. PERSON,UK_NHS (default: all).",
)
MinScoreOption = typer.Option(
    DEFAULT_MIN_SCORE, "--min-score", min=0.0, max=1.0, help="Report findings at least this sure."
)
LanguageOption = typer.Option(
    None, "--language", "-l", help="Language of the text (default: decided per text)."
)


# --------------------------------------------------------------------------- detect


@dataclass(slots=True)
class _Report:
    """Accumulates what ``detect`` prints, in the chosen format."""

    output: OutputFormat
    reveal: bool
    summary: bool
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    total: int = 0
    files: int = 0
    _json_items: int = 0

    def start(self) -> None:
        if self.output is OutputFormat.json and not self.summary:
            sys.stdout.write("[")

    def add(self, label: str, finding: Finding, line: int, column: int) -> None:
        self.total += 1
        self.counts.setdefault(label, Counter())[finding.entity] += 1
        if self.summary:
            return
        value = finding.text if self.reveal else masked(finding)
        if self.output is OutputFormat.table:
            score = f"{finding.score:.2f}"
            self.rows.append((label, f"{line}:{column}", finding.entity, value, score))
            return
        record = {
            "path": label,
            "entity": finding.entity,
            "start": finding.start,
            "end": finding.end,
            "line": line,
            "column": column,
            "score": finding.score,
            "category": finding.category,
            "value": value,
        }
        line_text = json.dumps(record, ensure_ascii=False)
        if self.output is OutputFormat.jsonl:
            _emit(line_text)
        else:
            sys.stdout.write(("\n  " if self._json_items == 0 else ",\n  ") + line_text)
            self._json_items += 1

    def finish(self) -> None:
        if self.summary:
            self._finish_summary()
        elif self.output is OutputFormat.json:
            _emit("\n]" if self._json_items else "]")
        elif self.output is OutputFormat.table:
            self._finish_table()

    def _finish_table(self) -> None:
        if self.rows:
            table = Table(show_edge=False, header_style="bold")
            table.add_column("path", no_wrap=True)
            table.add_column("line:col", justify="right", no_wrap=True)
            table.add_column("entity", no_wrap=True)
            table.add_column("value", overflow="fold")
            table.add_column("score", justify="right", no_wrap=True)
            for label, *rest in self.rows:
                table.add_row(Text(_shorten(label, PATH_WIDTH)), *(Text(cell) for cell in rest))
            stdout.print(table)
        self._print_total()

    def _finish_summary(self) -> None:
        if self.output is OutputFormat.table:
            table = Table(show_edge=False, header_style="bold")
            for name in ("path", "entity", "count"):
                table.add_column(name, justify="right" if name == "count" else "left")
            for label, counter in self.counts.items():
                for entity, count in sorted(counter.items()):
                    table.add_row(Text(label), entity, str(count))
            if self.counts:
                stdout.print(table)
            self._print_total()
            return
        files = [
            {
                "path": label,
                "total": sum(counter.values()),
                "entities": dict(sorted(counter.items())),
            }
            for label, counter in self.counts.items()
        ]
        if self.output is OutputFormat.jsonl:
            for item in files:
                _emit(json.dumps(item, ensure_ascii=False))
        else:
            _emit(json.dumps({"total": self.total, "files": files}, ensure_ascii=False, indent=2))

    def _print_total(self) -> None:
        if self.files:
            stdout.print(self._total_line())

    def _total_line(self) -> str:
        files = f"{self.files} file" + ("" if self.files == 1 else "s")
        if not self.total:
            return f"No personal data found in {files}."
        found = f"{self.total} finding" + ("" if self.total == 1 else "s")
        return f"{found} in {files}." + (
            "" if self.reveal else " Values are masked; --reveal shows them."
        )


def _shorten(label: str, width: int) -> str:
    # The end of a path tells files apart; keep it when the table is narrow.
    return label if len(label) <= width else "…" + label[-(width - 1) :]


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")


@app.command(epilog=EXIT_CODES_HELP)
def detect(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Text files; - reads stdin."),
    output: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table for people; json or jsonl for machines."
    ),
    entities: str | None = EntitiesOption,
    min_score: float = MinScoreOption,
    language: Language | None = LanguageOption,
    fail_on: int | None = typer.Option(
        None, "--fail-on", min=1, metavar="N", help="Exit 1 when N or more findings in total."
    ),
    reveal: bool = typer.Option(
        False, "--reveal", help="Show the values found instead of masked forms."
    ),
    summary: bool = typer.Option(
        False, "--summary", help="Print only counts per file and entity (never values)."
    ),
) -> None:
    """Find personal data in text files: names, identifiers, contact and bank details.

    Values are masked unless --reveal is given. For documents, mail and archives use scan.
    """
    options = _options(entities, min_score, language)
    report = _Report(output, reveal, summary)
    unreadable = False
    report.start()
    try:
        for path in paths:
            label = _label(path)
            try:
                if not _detect_one(path, label, options, report):
                    note(f"{label}: empty")
                    report.files += 1
            except InputError as exc:
                error(str(exc))
                unreadable = True
        report.finish()
        sys.stdout.flush()
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        _quiet_broken_pipe()
    if unreadable:
        raise typer.Exit(ExitCode.USAGE)
    if fail_on is not None and report.total >= fail_on:
        raise typer.Exit(ExitCode.FINDINGS)


def _detect_one(path: str, label: str, options: Options, report: _Report) -> bool:
    """Report the findings of one input; False when it is empty."""
    stream = _open(path)
    try:
        chunks = text_chunks(stream, label)
        if chunks is None:
            return False
        report.files += 1
        lines = LineIndex(_horizon(options))
        for finding in stream_findings(_tee(chunks, lines.feed), options):
            line, column = lines.locate(finding.start)
            report.add(label, finding, line, column)
        return True
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _quiet_broken_pipe() -> None:
    # The reader (head, less) went away: stop without a traceback, as Unix tools do.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(ExitCode.OK)


# --------------------------------------------------------------------------- redact


@app.command(epilog="Exit status: 0 on success; 2 on a usage error or an unreadable input.")
def redact(
    path: str = typer.Argument(..., metavar="PATH", help="A text file; - reads stdin."),
    style: Style = typer.Option(
        Style.entity,
        "--style",
        help="entity: replace with [ENTITY]; mask: same length, letters and digits become *.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here instead of stdout."
    ),
    entities: str | None = EntitiesOption,
    min_score: float = MinScoreOption,
    language: Language | None = LanguageOption,
) -> None:
    """Write the text with its personal data replaced by [ENTITY] or masked with *."""
    options = _options(entities, min_score, language)
    label = _label(path)
    if output is not None and path != STDIN and _same_file(Path(path), output):
        error(f"{output}: --output must not be the input file")
        raise typer.Exit(ExitCode.USAGE)
    try:
        stream = _open(path)
        try:
            chunks = text_chunks(stream, label)
            if chunks is None:
                note(f"{label}: empty")
                chunks = iter(())
            if output is None:
                _redact_to(sys.stdout.write, chunks, style.value, options)
                sys.stdout.flush()
            else:
                _redact_to_file(output, chunks, style.value, options)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    except InputError as exc:
        error(str(exc))
        raise typer.Exit(ExitCode.USAGE) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        _quiet_broken_pipe()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def redact_stream(
    chunks: Iterable[str], write: Callable[[str], None], style: RedactStyle, options: Options
) -> None:
    """Write the concatenated ``chunks`` with findings replaced, in bounded memory."""
    redactor = StreamRedactor(write, style, _horizon(options))
    for finding in stream_findings(_tee(chunks, redactor.feed), options):
        redactor.replace(finding)
    redactor.close()


def _redact_to(
    write: Callable[[str], object], chunks: Iterable[str], style: str, options: Options
) -> None:
    def sink(text: str) -> None:
        if text:
            write(text)

    redact_stream(chunks, sink, _style(style), options)


def _style(value: str) -> RedactStyle:
    return "mask" if value == "mask" else "entity"


def _redact_to_file(output: Path, chunks: Iterable[str], style: str, options: Options) -> None:
    # A temporary file beside the target, renamed at the end: never a half-redacted file in place.
    directory = output.parent if str(output.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
            "w",
            encoding="utf-8",
            newline="",
            dir=directory,
            prefix=f".{output.name}.",
            delete=False,
        )
    except FileNotFoundError:
        raise InputError(f"{output}: its folder does not exist") from None
    except PermissionError:
        raise InputError(f"{output}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    try:
        with handle:
            _redact_to(handle.write, chunks, style, options)
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
