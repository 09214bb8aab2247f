"""Container readers (zip, tar and compressed streams, 7z, ISO): archives built here with the real
tools and libraries, opened through open_bytes; origins, protection and passwords asserted."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import lzma
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import py7zr
import pycdlib
import pytest
import pyzipper
from faker import Faker

from breachguard.extract import Document, ExtractionError, Limits, ProtectionLevel, open_bytes
from breachguard.extract.formats.zip import ZIPCRYPTO

fake = Faker("en_GB")
Faker.seed(7304)

PEOPLE = [(fake.name(), fake.ssn(), fake.email()) for _ in range(5)]
PASSWORD = "Tr0ub4dor&3"

needs_zip = pytest.mark.skipif(shutil.which("zip") is None, reason="zip CLI not installed")
needs_7z = pytest.mark.skipif(shutil.which("7z") is None, reason="7z CLI not installed")


def roster_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "ni_number", "email"])
    writer.writerows(PEOPLE)
    return out.getvalue().encode()


def note_txt() -> bytes:
    name, ni, _ = PEOPLE[0]
    return f"Call {name} about the payroll error on NI {ni}.\n".encode()


def scan(data: bytes, name: str, **kwargs: object) -> list[Document | ExtractionError]:
    return list(open_bytes(data, name, **kwargs))  # type: ignore[arg-type]


def documents(items: list[Document | ExtractionError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | ExtractionError]) -> list[ExtractionError]:
    return [item for item in items if isinstance(item, ExtractionError)]


def plain_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def cli_zip(tmp_path: Path, files: dict[str, bytes], password: str) -> bytes:
    """A ZipCrypto archive made by Info-ZIP's ``zip -P``, as people make them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    target = tmp_path / "out.zip"
    subprocess.run(["zip", "-q", "-P", password, str(target), *files], cwd=folder, check=True)
    return target.read_bytes()


def aes_zip(files: dict[str, bytes], password: str, bits: int = 256) -> bytes:
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=bits)
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- ZIP -------------------------------------------------------------------------------------


def test_zip_members_become_documents_and_folders_are_skipped() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hr/", b"")
        archive.writestr("hr/people.csv", roster_csv())
        archive.writestr("notes/call.txt", note_txt())
    items = scan(buffer.getvalue(), "export.zip")
    assert not errors(items)
    origins = sorted(d.origin for d in documents(items))
    assert origins == [("export.zip", "hr/people.csv"), ("export.zip", "notes/call.txt")]
    roster = next(d for d in documents(items) if d.origin[-1] == "hr/people.csv")
    assert all(name in roster.text for name, _, _ in PEOPLE)
    assert roster.protection.level is ProtectionLevel.NONE


@needs_zip
def test_zipcrypto_is_weak_not_encrypted(tmp_path: Path) -> None:
    data = cli_zip(tmp_path, {"people.csv": roster_csv(), "call.txt": note_txt()}, PASSWORD)
    items = scan(data, "roster.zip")
    assert not documents(items)
    assert {e.origin for e in errors(items)} == {
        ("roster.zip", "people.csv"),
        ("roster.zip", "call.txt"),
    }
    for error in errors(items):
        assert error.protection == ZIPCRYPTO
        assert error.protection.level is ProtectionLevel.WEAK
        assert "known-plaintext" in error.protection.reason
        assert error.reason == "encrypted with ZipCrypto; no password given, content not scanned"


@needs_zip
def test_zipcrypto_opens_with_the_right_password_among_several(tmp_path: Path) -> None:
    data = cli_zip(tmp_path, {"people.csv": roster_csv()}, PASSWORD)
    items = scan(data, "roster.zip", passwords=("letmein", PASSWORD))
    assert not errors(items)
    [roster] = documents(items)
    assert roster.origin == ("roster.zip", "people.csv")
    assert roster.protection == ZIPCRYPTO
    assert PEOPLE[2][0] in roster.text


@needs_zip
def test_zipcrypto_with_only_wrong_passwords_says_so(tmp_path: Path) -> None:
    data = cli_zip(tmp_path, {"people.csv": roster_csv()}, PASSWORD)
    [error] = scan(data, "roster.zip", passwords=("letmein", "hunter2"))
    assert isinstance(error, ExtractionError)
    assert error.protection == ZIPCRYPTO
    assert "the 2 passwords given did not open it" in error.reason
    assert "not scanned" in error.reason


@pytest.mark.parametrize("bits", [128, 192, 256])
def test_winzip_aes_is_strong_with_its_key_size(bits: int) -> None:
    data = aes_zip({"people.csv": roster_csv()}, PASSWORD, bits)
    [error] = scan(data, "roster.zip")
    assert isinstance(error, ExtractionError)
    assert error.protection is not None
    assert error.protection.level is ProtectionLevel.STRONG
    assert error.protection.reason == f"WinZip AES-{bits} (AE-2)"
    assert "no password given, content not scanned" in error.reason

    [roster] = documents(scan(data, "roster.zip", passwords=(PASSWORD,)))
    assert roster.protection.level is ProtectionLevel.STRONG
    assert PEOPLE[0][1] in roster.text


@needs_zip
def test_document_in_a_plain_zip_inside_zipcrypto_is_weak(tmp_path: Path) -> None:
    inner = plain_zip({"people.csv": roster_csv()})
    data = cli_zip(tmp_path, {"inner.zip": inner}, PASSWORD)
    [roster] = documents(scan(data, "outer.zip", passwords=(PASSWORD,)))
    assert roster.origin == ("outer.zip", "inner.zip", "people.csv")
    assert roster.protection == ZIPCRYPTO


def test_mixed_zip_reports_each_member_on_its_own() -> None:
    """A clear member is scanned even when its neighbour is encrypted."""
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(buffer, "w", encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(PASSWORD.encode())
        archive.writestr("secret.csv", roster_csv())
    with pyzipper.AESZipFile(buffer, "a") as archive:
        archive.writestr("readme.txt", note_txt())
    items = scan(buffer.getvalue(), "mixed.zip")
    [readme] = documents(items)
    assert readme.origin == ("mixed.zip", "readme.txt")
    assert readme.protection.level is ProtectionLevel.NONE
    [error] = errors(items)
    assert error.origin == ("mixed.zip", "secret.csv")
    assert error.protection is not None and error.protection.level is ProtectionLevel.STRONG


# --- tar and compressed streams ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "name"),
    [
        ("w", "backup.tar"),
        ("w:gz", "backup.tar.gz"),
        ("w:gz", "backup.tgz"),
        ("w:bz2", "backup.tar.bz2"),
        ("w:xz", "backup.tar.xz"),
    ],
)
def test_tar_members_keep_their_paths(mode: str, name: str) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for path, data in (("staff/people.csv", roster_csv()), ("staff/call.txt", note_txt())):
            info = tarfile.TarInfo(path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        folder = tarfile.TarInfo("staff/empty")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
    items = scan(buffer.getvalue(), name)
    assert not errors(items)
    assert sorted(d.origin for d in documents(items)) == [
        (name, "staff/call.txt"),
        (name, "staff/people.csv"),
    ]


@pytest.mark.parametrize(
    ("compress", "name"),
    [
        (gzip.compress, "people.csv.gz"),
        (bz2.compress, "people.csv.bz2"),
        (lzma.compress, "people.csv.xz"),
    ],
)
def test_single_compressed_file_holds_the_file_without_its_suffix(
    compress: object, name: str
) -> None:
    data = compress(roster_csv())  # type: ignore[operator]
    [roster] = documents(scan(data, name))
    assert roster.origin == (name, "people.csv")
    assert PEOPLE[3][2] in roster.text


def test_truncated_gzip_scans_what_came_before_and_says_so() -> None:
    body = "\n".join(f"{n},{ni}" for n, ni, _ in PEOPLE * 400).encode()
    data = gzip.compress(body)
    items = scan(data[: len(data) * 2 // 3], "people.csv.gz")
    [error] = errors(items)
    assert error.origin == ("people.csv.gz",)
    assert "truncated or corrupt" in error.reason and "only the first" in error.reason
    [partial] = documents(items)
    assert PEOPLE[0][0] in partial.text


# --- 7z --------------------------------------------------------------------------------------


def test_7z_members_are_read() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(roster_csv(), "hr/people.csv")
        archive.writestr(note_txt(), "call.txt")
    items = scan(buffer.getvalue(), "export.7z")
    assert not errors(items)
    assert sorted(d.origin for d in documents(items)) == [
        ("export.7z", "call.txt"),
        ("export.7z", "hr/people.csv"),
    ]


def sevenzip_cli(tmp_path: Path, encrypt_names: bool) -> bytes:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "people.csv").write_bytes(roster_csv())
    (folder / "call.txt").write_bytes(note_txt())
    target = tmp_path / "out.7z"
    flags = [f"-p{PASSWORD}", "-mhe=on" if encrypt_names else "-mhe=off"]
    subprocess.run(
        ["7z", "a", "-bd", *flags, str(target), "people.csv", "call.txt"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return target.read_bytes()


@needs_7z
def test_7z_with_encrypted_names_is_strong_and_one_error(tmp_path: Path) -> None:
    data = sevenzip_cli(tmp_path, encrypt_names=True)
    [error] = scan(data, "secret.7z")
    assert isinstance(error, ExtractionError)
    assert error.origin == ("secret.7z",)
    assert error.protection is not None
    assert error.protection.level is ProtectionLevel.STRONG
    assert error.protection.reason == "7-Zip AES-256 (file names encrypted too)"
    assert "no password given, content not scanned" in error.reason


@needs_7z
def test_7z_with_visible_names_names_each_unscanned_member(tmp_path: Path) -> None:
    data = sevenzip_cli(tmp_path, encrypt_names=False)
    items = scan(data, "secret.7z", passwords=("wrong",))
    assert sorted(e.origin for e in errors(items)) == [
        ("secret.7z", "call.txt"),
        ("secret.7z", "people.csv"),
    ]
    assert all("the password given did not open it" in e.reason for e in errors(items))
    assert all(
        e.protection is not None and e.protection.reason == "7-Zip AES-256 (file names visible)"
        for e in errors(items)
    )


@needs_7z
@pytest.mark.parametrize("encrypt_names", [True, False])
def test_7z_opens_with_the_password(tmp_path: Path, encrypt_names: bool) -> None:
    data = sevenzip_cli(tmp_path, encrypt_names)
    items = scan(data, "secret.7z", passwords=("wrong", PASSWORD))
    assert not errors(items)
    docs = documents(items)
    assert sorted(d.origin for d in docs) == [
        ("secret.7z", "call.txt"),
        ("secret.7z", "people.csv"),
    ]
    assert all(d.protection.level is ProtectionLevel.STRONG for d in docs)


# --- ISO 9660 --------------------------------------------------------------------------------


def iso_image(joliet: bool) -> bytes:
    """A disc with a CSV at the root and a zip (holding another CSV) in a folder."""
    disc = pycdlib.PyCdlib()
    disc.new(joliet=3 if joliet else None)
    roster, nested = roster_csv(), plain_zip({"people.csv": roster_csv()})
    disc.add_directory("/HR", joliet_path="/hr" if joliet else None)
    disc.add_fp(
        io.BytesIO(roster),
        len(roster),
        "/STAFF.CSV;1",
        joliet_path="/staff.csv" if joliet else None,
    )
    disc.add_fp(
        io.BytesIO(nested),
        len(nested),
        "/HR/ROSTER.ZIP;1",
        joliet_path="/hr/Roster 2024.zip" if joliet else None,
    )
    out = io.BytesIO()
    disc.write_fp(out)
    disc.close()
    return out.getvalue()


def test_iso_9660_names_without_versions() -> None:
    items = scan(iso_image(joliet=False), "disc.iso")
    assert not errors(items)
    assert sorted(d.origin for d in documents(items)) == [
        ("disc.iso", "HR/ROSTER.ZIP", "people.csv"),
        ("disc.iso", "STAFF.CSV"),
    ]


def test_iso_prefers_joliet_names() -> None:
    items = scan(iso_image(joliet=True), "disc.iso")
    assert not errors(items)
    docs = documents(items)
    assert sorted(d.origin for d in docs) == [
        ("disc.iso", "hr/Roster 2024.zip", "people.csv"),
        ("disc.iso", "staff.csv"),
    ]
    assert all(PEOPLE[4][0] in d.text for d in docs)


# --- limits on ordinary archives -----------------------------------------------------------------


def test_member_limit_stops_the_reader_and_names_the_limit() -> None:
    data = plain_zip({f"f{n:04d}.txt": b"x" for n in range(500)})
    items = scan(data, "many.zip", limits=Limits(max_members=40))
    assert len(documents(items)) == 40
    [error] = errors(items)
    assert "more than 40 files inside (scan.max_members)" in error.reason


def test_nothing_is_written_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = {
        "../../escape.txt": note_txt(),
        "/tmp/abs.txt": note_txt(),
        "ok/people.csv": roster_csv(),
    }
    for data, name in (
        (plain_zip(names), "x.zip"),
        (iso_image(joliet=True), "x.iso"),
        (gzip.compress(roster_csv()), "x.csv.gz"),
    ):
        assert documents(scan(data, name))
    assert list(tmp_path.iterdir()) == []
