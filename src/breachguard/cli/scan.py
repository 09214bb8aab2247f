"""``breachguard scan``: what is in these files, folders and discs, about how many people, how safe.

Thin over ``breachguard.scanner.scan``: options in, a Report out as a table, JSON or CSV, and an
HTML page on request. Values found are never printed, only counts, categories and reasons.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from breachguard.assess.report import Report, as_json
from breachguard.cli.app import app
from breachguard.cli.output import error, stderr, stdout
from breachguard.config import ConfigError, load, parse_size
from breachguard.detect.engine import DEFAULT_MIN_SCORE
from breachguard.report_html import render
from breachguard.scanner import ScanError, ScanOptions, ScanProgress, scan

EXIT_OK = 0
EXIT_PERSONAL_DATA = 1
EXIT_USAGE = 2
EXIT_UNSCANNED = 3

EXIT_CODES_HELP = (
    "Exit status: 0 when no personal data was found and every file was scanned;"
    " 1 when personal data was found (with --fail-on-people N: when N or more people are affected);"
    " 2 on a usage error (a bad option, a path that does not exist);"
    " 3 when any file or part could not be scanned (unreadable, encrypted without a password,"
    " over a limit, corrupt), whether or not personal data was found elsewhere: the result is"
    " incomplete, so 3 wins over 1."
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


CSV_FIELDS = (
    "origin",
    "kind",
    "protection",
    "protection_reason",
    "people",
    "people_method",
    "entities",
    "categories",
    "special_categories",
    "risk",
    "risk_reasons",
    "error",
)


def report_csv(report: Report) -> str:
    """One row per document, then one per file or part that could not be scanned."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for d in report.documents:
        writer.writerow(
            (
                " / ".join(d.origin),
                d.kind,
                d.protection.level,
                d.protection.reason,
                d.people.count,
                d.people.method,
                "; ".join(f"{e}={n}" for e, n in d.entities.items()),
                "; ".join(d.categories),
                "; ".join(f"{k}={v}" for k, v in d.special_categories.items()),
                d.risk.level,
                "; ".join(d.risk.reasons),
                "; ".join(d.errors),
            )
        )
    for e in report.errors:
        level = e.protection.level if e.protection else ""
        reason = e.protection.reason if e.protection else ""
        row = (" / ".join(e.origin), e.kind, level, reason, "", "", "", "", "", "", "", e.reason)
        writer.writerow(row)
    return buffer.getvalue()


def report_table(report: Report, console: Console) -> None:
    """The summary a person reads: documents with findings, the errors, then the total."""
    table = Table(title="Personal data found", title_justify="left")
    for column in ("Document", "People", "Found", "Special categories", "Protection", "Risk"):
        table.add_column(column, justify="right" if column == "People" else "left")
    for d in report.documents:
        if not d.has_personal_data and not d.special_categories:
            continue
        protection = d.protection.level + (
            f" ({d.protection.reason})" if d.protection.reason else ""
        )
        table.add_row(
            " › ".join(d.origin),
            f"{d.people.count:,}",
            ", ".join(f"{e} {n:,}" for e, n in d.entities.items()) or "—",
            ", ".join(f"{k} ({v:,})" for k, v in d.special_categories.items()) or "—",
            protection,
            d.risk.level,
        )
    if table.row_count:
        console.print(table)
    if report.errors:
        errors = Table(title="Could not be scanned", title_justify="left")
        errors.add_column("File")
        errors.add_column("Reason")
        for e in report.errors:
            errors.add_row(" › ".join(e.origin), e.reason)
        console.print(errors)
    t = report.total
    console.print(
        f"{t.documents:,} document{'' if t.documents == 1 else 's'}, {t.errors:,} could not be scanned;"
        f" {t.people.count:,} people affected ({t.people.method})."
    )
    if t.special_categories:
        special = ", ".join(f"{k} ({v:,})" for k, v in t.special_categories.items())
        console.print(f"Special-category signals: {special}.")
    console.print(f"Risk: {t.risk.level}")
    for reason in t.risk.reasons:
        console.print(f"  - {reason}")


def _passwords(passwords: list[str], password_file: Path | None) -> tuple[str, ...]:
    found = list(passwords)
    if password_file is not None:
        try:
            text = password_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            error(f"{password_file}: cannot read the password file ({exc.__class__.__name__})")
            raise typer.Exit(EXIT_USAGE) from None
        found.extend(line.rstrip("\r\n") for line in text.splitlines() if line.strip())
    return tuple(found)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        error(f"{path}: cannot write ({exc.strerror or exc.__class__.__name__})")
        raise typer.Exit(EXIT_USAGE) from None


@app.command("scan", epilog=EXIT_CODES_HELP)
def scan_files(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files, folders (scanned recursively) or disc images."
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table for people; json or csv for machines."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write the report here instead of stdout."
    ),
    html: Path | None = typer.Option(
        None, "--html", metavar="FILE", help="Also write a self-contained HTML report."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per CPU)."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="Run on a Dask cluster whose workers see the same paths.",
    ),
    password: list[str] = typer.Option(
        [], "--password", "-p", metavar="P", help="A password to try on encrypted files (repeat)."
    ),
    password_file: Path | None = typer.Option(
        None, "--password-file", metavar="FILE", help="Passwords to try, one per line."
    ),
    fail_on_people: int | None = typer.Option(
        None,
        "--fail-on-people",
        min=1,
        metavar="N",
        help="Exit 1 only when N or more people are affected in total.",
    ),
    min_score: float = typer.Option(
        DEFAULT_MIN_SCORE, "--min-score", min=0.0, max=1.0, help="Drop findings scored below this."
    ),
    max_file_size: str | None = typer.Option(
        None,
        "--max-file-size",
        metavar="SIZE",
        help="Skip (and report) files larger than this, e.g. 512MB, 2GiB (scan.max_file_bytes).",
    ),
    config: Path | None = typer.Option(
        None, "--config", metavar="FILE", help="breachguard.toml (limits from its scan section)."
    ),
) -> None:
    """Scan files, folders and disc images for personal data: how many people, which data,
    how well protected, and how risky. Never prints the values found."""
    try:
        settings = load(config)
    except ConfigError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    limits = settings.scan
    if max_file_size is not None:
        try:
            limits = replace(limits, max_file_bytes=parse_size(max_file_size))
        except ValueError as exc:
            error(f"--max-file-size {max_file_size!r}: {exc}")
            raise typer.Exit(EXIT_USAGE) from None
    if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "inproc://")):
        error(f"--scheduler {scheduler!r}: expected an address such as tcp://host:8786")
        raise typer.Exit(EXIT_USAGE)
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        error(f"{missing[0]}: no such file or directory")
        raise typer.Exit(EXIT_USAGE)
    options = ScanOptions(limits, _passwords(password, password_file), min_score)

    try:
        report = _run(paths, options, jobs, scheduler)
    except ScanError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None

    if output_format is OutputFormat.json:
        text = json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n"
    elif output_format is OutputFormat.csv:
        text = report_csv(report)
    else:
        text = ""
    if output is not None:
        if output_format is OutputFormat.table:
            console = Console(file=io.StringIO(), width=120, highlight=False, soft_wrap=True)
            report_table(report, console)
            text = console.file.getvalue()  # type: ignore[attr-defined]
        _write(output, text)
    elif output_format is OutputFormat.table:
        report_table(report, stdout)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if html is not None:
        _write(html, render(report))

    if report.errors:
        raise typer.Exit(EXIT_UNSCANNED)
    if fail_on_people is not None:
        if report.total.people.count >= fail_on_people:
            raise typer.Exit(EXIT_PERSONAL_DATA)
    elif report.has_personal_data:
        raise typer.Exit(EXIT_PERSONAL_DATA)


def _run(paths: list[str], options: ScanOptions, jobs: int | None, scheduler: str | None) -> Report:
    if not stderr.is_terminal:
        return scan(paths, options=options, jobs=jobs, scheduler=scheduler)
    with Progress(
        TextColumn("scanning {task.fields[files]}"),
        BarColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        # No refresh thread: the scanner forks worker processes, which threads make unsafe.
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("scan", total=None, files="")

        def advance(p: ScanProgress) -> None:
            bar.update(
                task,
                total=p.bytes_total or 1,
                completed=p.bytes_done,
                files=f"{p.files_done:,}/{p.files_total:,} files",
            )
            bar.refresh()

        return scan(paths, options=options, jobs=jobs, scheduler=scheduler, progress=advance)
