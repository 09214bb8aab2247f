"""Hostile input: bombs, deep nesting, huge member counts, traversal names, truncated and corrupt
files of every container format, malformed MIME. Each must give defined ExtractionErrors with
reasons that name the limit, never an exception out of open_bytes."""

from __future__ import annotations

import base64
import bz2
import functools
import gzip
import io
import lzma
import random
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import py7zr
import pycdlib
import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from breachguard.extract import Document, ExtractionError, Limits, open_bytes

fake = Faker("en_GB")
Faker.seed(666)
PEOPLE = "\n".join(f"{fake.name()},{fake.ssn()},{fake.email()}" for _ in range(30)).encode()

GIB = 1024**3
MIB = 1024**2


def scan(data: bytes, name: str, **kwargs: object) -> list[Document | ExtractionError]:
    items = list(open_bytes(data, name, **kwargs))  # type: ignore[arg-type]
    assert all(isinstance(item, (Document, ExtractionError)) for item in items)
    return items


def documents(items: list[Document | ExtractionError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | ExtractionError]) -> list[ExtractionError]:
    return [item for item in items if isinstance(item, ExtractionError)]


# --- zip bombs ----------------------------------------------------------------------------------


def deflated_zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of ``size`` zero bytes and their CRC-32, built from one repeated block.

    A full flush resets the compressor, so each 1 MiB block compresses to the same bytes and a
    1 GiB stream costs one block of work (deflating 1 GiB here would take seconds).
    """
    block = bytes(MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(block, crc)
    return piece * (size // MIB) + compressor.flush(), crc


def zip_raw(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written field by field (APPNOTE 4.3.7, 4.3.12, 4.3.16), so headers can say anything.

    Each entry is (name, stored bytes, method, CRC-32, declared uncompressed size).
    """
    body, directory = bytearray(), bytearray()
    for name, stream, method, crc, declared in entries:
        encoded = name.encode()
        offset = len(body)
        sizes = (crc, len(stream), declared, len(encoded))
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, *sizes, 0)
        body += encoded + stream
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0,
            *sizes,
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += encoded
    count, size, offset = len(entries), len(directory), len(body)
    end = b""
    if count > 0xFFFF:  # too many for the classic end record: add the ZIP64 one (4.3.14, 4.3.15)
        zip64_at = offset + size
        end += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size, offset)
        end += struct.pack("<IIQI", 0x07064B50, 0, zip64_at, 1)
        count = 0xFFFF
    end += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, offset, 0)
    return bytes(body + directory + end)


def zip_with_one_member(name: str, stream: bytes, crc: int, declared_size: int) -> bytes:
    return zip_raw([(name, stream, zipfile.ZIP_DEFLATED, crc, declared_size)])


@functools.cache
def gigabyte_bomb() -> bytes:
    stream, crc = deflated_zeros(GIB)
    return zip_with_one_member("zeros.bin", stream, crc, GIB)


def test_the_bomb_is_a_real_zip() -> None:
    with zipfile.ZipFile(io.BytesIO(gigabyte_bomb())) as archive:
        [info] = archive.infolist()
        assert info.file_size == GIB
        assert info.file_size / info.compress_size > 1000
        with archive.open(info) as member:
            assert member.read(MIB) == bytes(MIB)


def test_zip_bomb_stops_at_the_ratio_limit_before_inflating() -> None:
    items = scan(gigabyte_bomb(), "bomb.zip", limits=Limits(max_file_bytes=4 * GIB))
    [error] = items
    assert isinstance(error, ExtractionError)
    assert error.origin == ("bomb.zip", "zeros.bin")
    assert "scan.max_ratio" in error.reason and "zip bomb" in error.reason


def test_zip_bomb_with_default_limits_stops_at_the_size_limit() -> None:
    [error] = scan(gigabyte_bomb(), "bomb.zip")
    assert isinstance(error, ExtractionError)
    assert "scan.max_file_bytes" in error.reason


def test_zip_header_that_understates_the_size_reads_only_what_it_declares() -> None:
    stream, _ = deflated_zeros(64 * MIB)
    declared = 1000
    data = zip_with_one_member("small.txt", stream, zlib.crc32(bytes(declared)), declared)
    items = scan(data, "liar.zip", limits=Limits(max_ratio=1e9))
    assert [d.size for d in documents(items)] in ([declared], [])
    assert len(items) == 1


def test_many_members_spend_the_total_budget() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(20):
            archive.writestr(f"part{number}.txt", PEOPLE * 40)
    items = scan(buffer.getvalue(), "parts.zip", limits=Limits(max_total_bytes=200_000))
    assert any("scan.max_total_bytes" in e.reason for e in errors(items))
    assert len(documents(items)) < 20


def test_time_limit_names_the_limit() -> None:
    data = zip_of({"a.txt": PEOPLE, "b.txt": PEOPLE})
    items = scan(data, "slow.zip", limits=Limits(max_seconds=0))
    assert not documents(items)
    assert any("scan.max_seconds" in e.reason for e in errors(items))


# --- nesting and member counts ------------------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zips_nested_20_deep_stop_at_the_depth_limit() -> None:
    data = zip_of({"people.csv": PEOPLE})
    for level in range(20):
        data = zip_of({f"level{level}.zip": data})
    items = scan(data, "deep.zip")
    assert not documents(items)
    [error] = items
    assert isinstance(error, ExtractionError)
    assert error.reason == "nested more than 10 containers deep (scan.max_depth)"
    assert len(error.origin) == 12


@pytest.mark.slow
def test_zip_with_200000_members_stops_at_the_member_limit() -> None:
    crc = zlib.crc32(b"x")
    entries = [(f"d/{n}.txt", b"x", zipfile.ZIP_STORED, crc, 1) for n in range(200_000)]
    items = scan(zip_raw(entries), "many.zip", limits=Limits(max_members=1000))
    assert len(documents(items)) == 1000
    [error] = errors(items)
    assert "more than 1,000 files inside (scan.max_members)" in error.reason


@pytest.mark.parametrize("kind", ["tar", "mbox", "7z"])
def test_member_limit_holds_for_other_containers(kind: str) -> None:
    count = 300
    if kind == "tar":
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for number in range(count):
                info = tarfile.TarInfo(f"{number}.txt")
                info.size = 1
                archive.addfile(info, io.BytesIO(b"x"))
        data, name = buffer.getvalue(), "many.tar"
    elif kind == "mbox":
        data = b"".join(
            b"From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: %d\n\nhi\n\n" % n
            for n in range(count)
        )
        name = "many.mbox"
    else:
        buffer = io.BytesIO()
        with py7zr.SevenZipFile(buffer, "w") as archive:
            for number in range(count):
                archive.writestr(b"x", f"{number}.txt")
        data, name = buffer.getvalue(), "many.7z"
    items = scan(data, name, limits=Limits(max_members=25))
    assert len(documents(items)) == 25
    [error] = errors(items)
    assert "(scan.max_members)" in error.reason


# --- traversal names -----------------------------------------------------------------------------

TRAVERSAL = ("../../etc/passwd", "/etc/shadow", "..\\..\\Windows\\win.ini", "a/../../b.txt")


def test_traversal_names_are_only_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    zipped = zip_of({name: PEOPLE for name in TRAVERSAL})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in TRAVERSAL:
            info = tarfile.TarInfo(name)
            info.size = len(PEOPLE)
            archive.addfile(info, io.BytesIO(PEOPLE))
    for data, container in ((zipped, "t.zip"), (buffer.getvalue(), "t.tgz")):
        docs = documents(scan(data, container))
        assert sorted(d.origin[-1] for d in docs) == sorted(TRAVERSAL)
        assert all(len(d.origin) == 2 for d in docs)
    assert list(tmp_path.iterdir()) == []


# --- compressed streams -------------------------------------------------------------------------


def test_gzip_past_the_size_limit_stops() -> None:
    text = base64.b64encode(random.Random(1).randbytes(2 * MIB))  # compresses only ~4:3
    items = scan(gzip.compress(text), "big.csv.gz", limits=Limits(max_file_bytes=MIB))
    [error] = items
    assert isinstance(error, ExtractionError)
    assert error.origin == ("big.csv.gz",)
    assert "scan.max_file_bytes" in error.reason


def seven(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(data, "zeros.bin")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("compress", "name"),
    [(gzip.compress, "z.gz"), (bz2.compress, "z.bz2"), (lzma.compress, "z.xz"), (seven, "z.7z")],
)
def test_stream_bombs_stop_at_the_ratio_limit(
    compress: Callable[[bytes], bytes], name: str
) -> None:
    items = scan(compress(bytes(16 * MIB)), name)
    [error] = items
    assert isinstance(error, ExtractionError)
    assert "scan.max_ratio" in error.reason


# --- malformed MIME ------------------------------------------------------------------------------

HEAD = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: test\r\nMIME-Version: 1.0\r\n"


def test_unterminated_boundary_still_reads_the_parts() -> None:
    raw = (
        HEAD + b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\n'
        b"Content-Type: text/plain\r\n\r\n" + PEOPLE[:200] + b"\r\n--XX\r\n"
        b'Content-Type: text/csv\r\nContent-Disposition: attachment; filename="p.csv"\r\n\r\n'
        + PEOPLE
    )
    items = scan(raw, "open.eml")
    mail = documents(items)[0]
    assert PEOPLE[:40].decode() in mail.text
    assert any(d.origin == ("open.eml", "p.csv") for d in documents(items))


def test_bad_base64_attachment_is_read_as_far_as_it_goes() -> None:
    raw = (
        HEAD + b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"@@@not base64!!!\r\n--B\r\n"
        b'Content-Type: application/octet-stream; name="x.bin"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nQUJD===?==\r\n--B--\r\n"
    )
    items = scan(raw, "b64.eml")
    assert documents(items)[0].origin == ("b64.eml",)


def test_header_injection_stays_inside_its_header() -> None:
    # "hi\r\nBcc: hidden@example.org" in an encoded word: decoded, it must not start a new line.
    raw = (
        b"From: a@example.org\r\nTo: b@example.org\r\n"
        b"Subject: =?utf-8?b?aGkNCkJjYzogaGlkZGVuQGV4YW1wbGUub3Jn?=\r\n\r\nbody\r\n"
    )
    [mail] = documents(scan(raw, "inj.eml"))
    assert "\nBcc:" not in mail.text
    assert "Subject: hi Bcc: hidden@example.org" in mail.text


def test_1000_nested_multiparts_are_read_as_plain_text() -> None:
    parts = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (n, n)
        for n in range(1000)
    )
    raw = HEAD + parts + b"Content-Type: text/plain\r\n\r\n" + PEOPLE + b"\r\n"
    items = scan(raw, "nest.eml")
    [error] = errors(items)
    assert "more than 200 multipart sections" in error.reason
    [mail] = documents(items)
    assert PEOPLE[:60].decode() in mail.text


def test_attached_messages_nested_past_the_depth_limit() -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "innermost"
    message.set_content(PEOPLE.decode())
    for level in range(15):
        outer = EmailMessage()
        outer["From"] = "a@example.org"
        outer["Subject"] = f"level {level}"
        outer.set_content("fwd")
        outer.add_attachment(message)
        message = outer
    items = scan(message.as_bytes(), "fwd.eml")
    assert len(documents(items)) == 11
    assert [e.reason for e in errors(items)] == [
        "nested more than 10 containers deep (scan.max_depth)"
    ]


# --- truncated and corrupt files of each format ------------------------------------------------


def iso_bytes() -> bytes:
    disc = pycdlib.PyCdlib()
    disc.new(joliet=3)
    nested = zip_of({"people.csv": PEOPLE})
    disc.add_fp(io.BytesIO(PEOPLE), len(PEOPLE), "/P.CSV;1", joliet_path="/people.csv")
    disc.add_fp(io.BytesIO(nested), len(nested), "/R.ZIP;1", joliet_path="/roster.zip")
    out = io.BytesIO()
    disc.write_fp(out)
    disc.close()
    return out.getvalue()


def tar_bytes(mode: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name in ("a/people.csv", "b/people.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(PEOPLE)
            archive.addfile(info, io.BytesIO(PEOPLE))
    return buffer.getvalue()


def sevenzip_bytes() -> bytes:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(PEOPLE, "people.csv")
        archive.writestr(zip_of({"inner.csv": PEOPLE}), "inner.zip")
    return buffer.getvalue()


def eml_bytes() -> bytes:
    message = EmailMessage()
    message["From"] = f"{fake.name()} <{fake.email()}>"
    message["To"] = fake.email()
    message["Subject"] = "roster"
    message.set_content(PEOPLE.decode())
    message.add_attachment(PEOPLE, maintype="text", subtype="csv", filename="people.csv")
    message.add_attachment(
        zip_of({"p.csv": PEOPLE}), maintype="application", subtype="zip", filename="p.zip"
    )
    return message.as_bytes()


SEEDS: dict[str, Callable[[], bytes]] = {
    "x.zip": lambda: zip_of({"people.csv": PEOPLE, "in/nested.zip": zip_of({"p.txt": PEOPLE})}),
    "x.tar": lambda: tar_bytes("w"),
    "x.tar.gz": lambda: tar_bytes("w:gz"),
    "x.tar.bz2": lambda: tar_bytes("w:bz2"),
    "x.tar.xz": lambda: tar_bytes("w:xz"),
    "x.csv.gz": lambda: gzip.compress(PEOPLE),
    "x.7z": sevenzip_bytes,
    "x.iso": iso_bytes,
    "x.eml": eml_bytes,
    "x.mbox": lambda: (
        b"From a@b.c Mon Jan  1 00:00:00 2024\n" + eml_bytes().replace(b"\r\n", b"\n")
    ),
}


@functools.cache
def seed(name: str) -> bytes:
    return SEEDS[name]()


@pytest.mark.parametrize("name", sorted(SEEDS))
@pytest.mark.parametrize("keep", [0.02, 0.3, 0.6, 0.95])
def test_truncated_files_give_errors_not_exceptions(name: str, keep: float) -> None:
    data = seed(name)
    items = scan(data[: int(len(data) * keep)], name)
    assert items
    # A cut is reported where the format can tell: not past the content (archives end in padding
    # or an index), nor in a mail's headers or plain body, which have no end marker.
    mail_without_marker = name in ("x.eml", "x.mbox") and keep < 0.1
    assert errors(items) or keep > 0.5 or mail_without_marker


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_corrupted_middles_give_errors_not_exceptions(name: str) -> None:
    data = bytearray(seed(name))
    rng = random.Random(name)
    start = len(data) // 3
    for position in range(start, start + min(512, len(data) // 3)):
        data[position] = rng.randrange(256)
    assert scan(bytes(data), name)


def test_truncated_iso_names_the_format() -> None:
    data = seed("x.iso")
    [error] = scan(data[:40_000], "disc.iso")
    assert isinstance(error, ExtractionError)
    assert error.origin == ("disc.iso",)
    assert "iso" in error.reason and "truncated" in error.reason


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["x.zip", "x.tar", "x.tar.gz", "x.eml", "x.iso", "x.7z"]),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), max_size=8),
    keep=st.floats(0.05, 1.0),
)
def test_fuzzed_containers_never_raise(
    name: str, flips: list[tuple[float, int]], keep: float
) -> None:
    data = bytearray(seed(name))
    for where, mask in flips:
        data[int(where * len(data))] ^= mask
    limits = Limits(max_seconds=20, max_total_bytes=64 * MIB)
    scan(bytes(data[: max(1, int(len(data) * keep))]), name, limits=limits)
