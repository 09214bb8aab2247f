"""The scanner on real folders: walking, limits before reading, errors, CLI exit codes, outputs."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import zipfile
from functools import cache
from pathlib import Path

import pytest
from faker import Faker
from typer.testing import CliRunner

from breachguard.assess.people import METHOD_ROWS
from breachguard.assess.report import as_json
from breachguard.cli import _register
from breachguard.cli.app import app
from breachguard.extract.format import Limits
from breachguard.report_html import render
from breachguard.scanner import ScanOptions, scan, scan_file

_register()
runner = CliRunner()
ROWS = 3000


@cache
def workers(rows: int = ROWS) -> tuple[tuple[str, str, str, str], ...]:
    fake = Faker("en_GB")
    fake.seed_instance(11)
    rng = random.Random(11)
    return tuple(
        (
            fake.name(),
            rng.choice(("Polish", "Romanian", "Nepali")),
            f"{rng.randrange(10**8, 10**9):09d}",
            fake.date_of_birth(minimum_age=18, maximum_age=60).isoformat(),
        )
        for _ in range(rows)
    )


def write_roster(path: Path, rows: int = ROWS) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("Full name", "Nationality", "Passport No", "Date of birth"))
        writer.writerows(workers(rows))


def test_csv_roster_of_3000_is_3000_people(tmp_path: Path) -> None:
    write_roster(tmp_path / "workers.csv")
    report = scan([tmp_path], jobs=1)
    (doc,) = report.documents
    assert report.errors == ()
    assert doc.people.count == ROWS
    assert doc.people.method == METHOD_ROWS
    assert doc.entities["PASSPORT_NUMBER"] == ROWS
    assert doc.entities["PERSON"] == ROWS
    assert any("passport numbers" in r for r in doc.risk.reasons)


def test_sparse_file_over_the_limit_is_reported_not_read(tmp_path: Path) -> None:
    big = tmp_path / "disc.img"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: costs no disk
    result = scan_file(str(big), ScanOptions(Limits(max_file_bytes=1024**2)))
    assert result.documents == ()
    (error,) = result.errors
    assert "2,147,483,648 bytes is over the limit of 1,048,576" in error.reason
    assert error.origin == (str(big),)


def test_fifo_broken_link_and_empty_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("Call ana@example.com", encoding="utf-8")
    report = scan([tmp_path, tmp_path / "gone"], jobs=1)
    reasons = {e.origin[0]: e.reason for e in report.errors}
    assert reasons == {
        str(tmp_path / "pipe"): "a named pipe (FIFO): not scanned",
        str(tmp_path / "gone"): "a broken symbolic link",
    }
    kinds = {d.origin[0]: d.kind for d in report.documents}
    assert kinds[str(tmp_path / "empty.txt")] == "empty"
    assert report.total.entities == {"EMAIL_ADDRESS": 1}


def test_symlinks_inside_folders_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("ana@example.com", encoding="utf-8")
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "link").symlink_to(outside, target_is_directory=True)
    (inside / "loop").symlink_to(inside, target_is_directory=True)
    report = scan([inside], jobs=1)
    assert report.documents == ()
    assert report.errors == ()


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.csv"
    write_roster(locked, 3)
    real_open = os.open

    def deny(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    report = scan([tmp_path], jobs=1)
    assert [(e.origin, e.reason) for e in report.errors] == [((str(locked),), "permission denied")]


def test_corrupt_and_encrypted_files_are_errors_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(200))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "ana@example.com")
    (tmp_path / "truncated.zip").write_bytes(buffer.getvalue()[:40])
    report = scan([tmp_path], jobs=1)
    assert {e.origin[0] for e in report.errors} == {
        str(tmp_path / "broken.pdf"),
        str(tmp_path / "truncated.zip"),
    }
    assert all(e.reason for e in report.errors)


def test_worker_processes_give_the_same_report(tmp_path: Path) -> None:
    write_roster(tmp_path / "a.csv", 50)
    (tmp_path / "b.txt").write_text("Write to lee@example.com", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Nothing here", encoding="utf-8")
    one = as_json(scan([tmp_path], jobs=1))
    two = as_json(scan([tmp_path], jobs=2))
    assert one == two


def test_cli_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "minutes.txt").write_text("The committee met on Tuesday.", encoding="utf-8")
    found = tmp_path / "found"
    found.mkdir()
    write_roster(found / "roster.csv", 20)
    broken = tmp_path / "broken"
    broken.mkdir()
    write_roster(broken / "roster.csv", 20)
    os.mkfifo(broken / "pipe")

    def code(*args: str) -> int:
        return runner.invoke(app, ["scan", "--jobs", "1", *args]).exit_code

    assert code(str(clean)) == 0
    assert code(str(found)) == 1
    assert code(str(found), "--fail-on-people", "21") == 0
    assert code(str(found), "--fail-on-people", "20") == 1
    assert code(str(broken)) == 3
    assert code(str(tmp_path / "missing")) == 2
    assert code(str(clean), "--max-file-size", "lots") == 2
    assert code(str(clean), "--scheduler", "localhost") == 2


def test_cli_usage_error_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no such file or directory" in result.output


def test_cli_max_file_size(tmp_path: Path) -> None:
    write_roster(tmp_path / "roster.csv", 20)
    result = runner.invoke(
        app, ["scan", "--jobs", "1", "--format", "json", "--max-file-size", "100", str(tmp_path)]
    )
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["documents"] == []
    assert "over the limit of 100" in data["errors"][0]["reason"]


def test_json_csv_and_html_hold_no_values(tmp_path: Path) -> None:
    write_roster(tmp_path / "roster.csv", 200)
    (tmp_path / "mail.txt").write_text(
        "The adoption panel met; the adopters' children start school. Contact ana@example.com",
        encoding="utf-8",
    )
    html = tmp_path / "out" / "report.html"
    html.parent.mkdir()
    out_json = tmp_path / "out" / "report.json"
    result = runner.invoke(
        app,
        ["scan", "--jobs", "1", "-f", "json", "-o", str(out_json), "--html", str(html),
         str(tmp_path / "roster.csv"), str(tmp_path / "mail.txt")],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data) == {"version", "documents", "errors", "total"}
    assert data["total"]["people"]["count"] >= 200
    assert data["total"]["special_categories"]["children and adoption"] >= 2
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in page and "<link" not in page
    csv_result = runner.invoke(
        app, ["scan", "--jobs", "1", "-f", "csv", str(tmp_path / "roster.csv")]
    )
    rows = list(csv.DictReader(io.StringIO(csv_result.stdout)))
    assert rows[0]["people"] == "200"
    for text in (json.dumps(data, ensure_ascii=False), page, csv_result.stdout):
        assert "ana@example.com" not in text
        for name, _, passport, dob in workers(200):
            assert name not in text
            assert passport not in text
            assert dob not in text


def test_html_escapes_file_names(tmp_path: Path) -> None:
    hostile = tmp_path / "<img src=x onerror=alert(1)>.txt"
    hostile.write_text("ana@example.com", encoding="utf-8")
    page = render(scan([hostile], jobs=1))
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_table_output_summarises(tmp_path: Path) -> None:
    write_roster(tmp_path / "roster.csv", 20)
    result = runner.invoke(app, ["scan", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 1
    assert "20 people affected" in result.output
    assert "Risk:" in result.output
    for name, *_ in workers(20):
        assert name not in result.output
