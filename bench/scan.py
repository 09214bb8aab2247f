"""Benchmark ``breachguard scan`` on a generated mixed corpus; prints one table.

The corpus (in a temporary folder, removed afterwards) mixes CSV rosters, XLSX workbooks, PDFs,
DOCX letters, e-mails with attachments, ZIP archives and one ISO image, filled with made-up people.
It is scanned with 1 and 2 worker processes and on a Dask LocalCluster with 1 and 2 workers;
each run reports MB/s and files/s over the bytes on disc, and the peak resident memory of the
scanning processes together.

    python bench/scan.py            # about 300 MB
    python bench/scan.py --mb 40    # a quick run
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import random
import shutil
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import psutil

from breachguard.assess.report import Report
from breachguard.scanner import _warm_up, scan

FIRST = (
    "Olivia Amelia Isla Ava Mia Ivy Lily Noah Oliver George Arthur Leo Muhammad Jack Harry Oscar"
)
LAST = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Wright Khan Nowak Popescu Kaur"
)
NATIONS = ("Polish", "Romanian", "Bulgarian", "Ukrainian", "Nepali", "British", "Indian")
HEADER = ("Full name", "Nationality", "Passport No", "Date of birth", "Email", "Phone")


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    seconds: float
    files: int
    documents: int
    people: int
    errors: int
    peak_rss: int


def person(rng: random.Random) -> tuple[str, ...]:
    first, last = rng.choice(FIRST.split()), rng.choice(LAST.split())
    return (
        f"{first} {last}",
        rng.choice(NATIONS),
        f"{rng.randrange(10**8, 10**9)}",
        f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(1950, 2005)}",
        f"{first.lower()}.{last.lower()}{rng.randrange(1000)}@example.com",
        f"07700 9{rng.randrange(10**5):05d}",
    )


def csv_bytes(rng: random.Random, rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(person(rng) for _ in range(rows))
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rng: random.Random, rows: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Workers")
    sheet.append(HEADER)
    for _ in range(rows):
        sheet.append(person(rng))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal valid PDF: one page per 50 lines of Helvetica text."""
    objects: list[bytes] = []
    pages = [lines[i : i + 50] for i in range(0, len(lines), 50)] or [[]]
    page_ids = []
    for page_lines in pages:
        body = "BT /F1 9 Tf 40 800 Td 11 TL " + " ".join(
            "(" + line.replace("\\", "").replace("(", "").replace(")", "") + ") '"
            for line in page_lines
        )
        stream = body.encode("latin-1", "replace") + b" ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects) + 3  # 1 catalog, 2 pages, 3 font come first
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
        page_ids.append(len(objects) + 3)
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(head + objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    )
    return out.getvalue()


# What a council letter says around the personal data: most of a real letter is this.
BODY = (
    "Thank you for your recent application to the housing support service.",
    "We have reviewed the information you provided and the documents you sent.",
    "Your case has been passed to the team that deals with applications in your area.",
    "Please let us know within 14 days if any of your circumstances change.",
    "If you need this letter in another format or language, please contact us.",
    "We aim to make a decision within eight weeks of receiving a complete application.",
    "You can find more information about how we use your data on our website.",
    "An officer may contact you to arrange a visit at a time that suits you.",
)


def letter_lines(rng: random.Random, count: int) -> list[str]:
    """``count`` letters: a greeting, a few paragraphs, one paragraph of details, a sign-off."""
    lines = []
    for _ in range(count):
        name, nation, passport, dob, email, phone = person(rng)
        officer = person(rng)[0]
        lines.append(f"Dear {name},")
        lines.append(" ".join(rng.sample(BODY, 4)))
        lines.append(
            f"Our records show you as {name} ({nation}, born {dob}), passport {passport}."
            f" We will write to {email} or call {phone}."
        )
        lines.append(" ".join(rng.sample(BODY, 3)))
        lines += ["Yours sincerely,", officer, "Housing Support Officer", ""]
    return lines


def docx_bytes(lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def eml_bytes(rng: random.Random, rows: int) -> bytes:
    message = EmailMessage()
    message["From"] = "hr@example.com"
    message["To"] = "agency@example.org"
    message["Subject"] = "Seasonal workers list"
    message.set_content("Please find the list attached. The adoption support notes follow.\n")
    message.add_attachment(
        csv_bytes(rng, rows), maintype="text", subtype="csv", filename="workers.csv"
    )
    return message.as_bytes()


def zip_bytes(rng: random.Random, rows: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):
            archive.writestr(f"batch{i}.csv", csv_bytes(rng, rows // 3))
    return buffer.getvalue()


def iso_bytes(files: dict[str, bytes]) -> bytes:
    import pycdlib

    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3)
    for i, (name, data) in enumerate(files.items()):
        iso.add_fp(io.BytesIO(data), len(data), f"/F{i}.{name.rsplit('.', 1)[-1].upper()};1")
    out = io.BytesIO()
    iso.write_fp(out)
    iso.close()
    return out.getvalue()


def generate(folder: Path, megabytes: float, seed: int = 1) -> None:
    """Write about ``megabytes`` of mixed documents into ``folder``."""
    rng = random.Random(seed)
    target = int(megabytes * 1e6)
    written = 0
    index = 0
    # (share of bytes, maker): CSV dominates a real file share; binary formats are slower to make.
    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("csv", lambda: csv_bytes(rng, 20_000)),
        ("xlsx", lambda: xlsx_bytes(rng, 3_000)),
        ("pdf", lambda: pdf_bytes(letter_lines(rng, 200))),
        ("docx", lambda: docx_bytes(letter_lines(rng, 40))),
        ("eml", lambda: eml_bytes(rng, 5_000)),
        ("zip", lambda: zip_bytes(rng, 15_000)),
        ("txt", lambda: "\n".join(letter_lines(rng, 500)).encode()),
    ]
    iso_files = {
        "roster.csv": csv_bytes(rng, 2_000),
        "letters.pdf": pdf_bytes(letter_lines(rng, 20)),
    }
    (folder / "disc.iso").write_bytes(iso_bytes(iso_files))
    written += (folder / "disc.iso").stat().st_size
    while written < target:
        extension, make = makers[index % len(makers)]
        sub = folder / f"dept{index % 7}"
        sub.mkdir(exist_ok=True)
        path = sub / f"file{index:05d}.{extension}"
        path.write_bytes(make())
        written += path.stat().st_size
        index += 1


class PeakRss:
    """Samples the resident memory of this process and its children (workers) together."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):  # a worker that just exited
                total += child.memory_info().rss
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._sample()

    def __enter__(self) -> PeakRss:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def timed(name: str, folder: Path, **kwargs: object) -> tuple[Run, Report]:
    start = time.perf_counter()
    with PeakRss() as rss:
        report = scan([folder], **kwargs)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    run = Run(
        name,
        seconds,
        files,
        report.total.documents,
        report.total.people.count,
        report.total.errors,
        rss.peak,
    )
    return run, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=300.0, help="corpus size in MB (default 300)")
    parser.add_argument("--folder", type=Path, help="use (and keep) this folder for the corpus")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster runs")
    args = parser.parse_args(argv)

    folder = args.folder or Path(tempfile.mkdtemp(prefix="breachguard-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        if not any(folder.iterdir()):
            generate(folder, args.mb)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(
            f"corpus: {size / 1e6:,.1f} MB in {folder} ({time.perf_counter() - started:.0f} s to make)"
        )
        from breachguard.detect import default_engine

        default_engine()  # compile once here, so the first run is not charged for it
        runs = [
            timed("local, 1 worker", folder, jobs=1)[0],
            timed("local, 2 workers", folder, jobs=2)[0],
        ]
        if not args.no_dask:
            from distributed import LocalCluster

            for workers in (1, 2):
                with LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster:
                    # Warm each worker's engine so the timing is of scanning, not compiling.
                    with cluster.get_client() as client:
                        client.run(_warm_up)
                    runs.append(
                        timed(
                            f"dask, {workers} workers", folder, scheduler=cluster.scheduler_address
                        )[0]
                    )
        print(
            f"{'run':<18} {'seconds':>8} {'MB/s':>7} {'files/s':>8} {'docs':>6} {'people':>9} {'errors':>6} {'peak RSS MB':>11}"
        )
        for r in runs:
            print(
                f"{r.name:<18} {r.seconds:>8.1f} {size / 1e6 / r.seconds:>7.1f} {r.files / r.seconds:>8.1f}"
                f" {r.documents:>6} {r.people:>9,} {r.errors:>6} {r.peak_rss / 1e6:>11,.0f}"
            )
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
