"""Real encryption versus "password protection": Office, OpenDocument, age and OpenPGP.

Every fixture is made here with the real tools (msoffcrypto-tool, python-docx, odfpy, age, gpg,
pyrage) or, for Office 97-2003 files that no Python tool writes, a compound file built to MS-CFB.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import os
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import olefile
import pytest
from cryptography.hazmat.decrepit.ciphers.algorithms import Blowfish
from cryptography.hazmat.decrepit.ciphers.modes import CFB
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from faker import Faker
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from msoffcrypto.format.ooxml import OOXMLFile
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P

from breachguard.extract.dispatch import identify, open_bytes
from breachguard.extract.document import Document, ExtractionError, ProtectionLevel
from breachguard.extract.format import Context, Limits, Member
from breachguard.extract.formats import age, odf, office_encrypted, pgp

WEAK = ProtectionLevel.WEAK
STRONG = ProtectionLevel.STRONG
AGILE = "Office Agile encryption, AES-256, SHA-512, 100,000 iterations"


@pytest.fixture(scope="module")
def person() -> str:
    fake = Faker("en_GB")
    fake.seed_instance(4242)
    return f"{fake.name()} lives at {fake.street_address()}, {fake.postcode()}"


def _items(data: bytes, name: str, passwords: tuple[str, ...] = ()) -> list[object]:
    return list(open_bytes(data, name, passwords=passwords))


def _only_error(items: list[object]) -> ExtractionError:
    assert len(items) == 1, items
    assert isinstance(items[0], ExtractionError), items
    return items[0]


def _documents(items: list[object]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


# Office Open XML, encrypted -------------------------------------------------------------------


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def agile_docx(person: str) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(_docx(person))).encrypt("correct horse", out)
    return out.getvalue()


def test_agile_docx_without_password_is_strong_and_not_scanned(agile_docx: bytes) -> None:
    error = _only_error(_items(agile_docx, "letter.docx"))
    assert error.protection is not None
    assert error.protection.level is STRONG
    assert error.protection.reason == AGILE
    assert "no password given, content not scanned" in error.reason


def test_agile_docx_with_password_reaches_the_text(agile_docx: bytes, person: str) -> None:
    items = _items(agile_docx, "letter.docx", passwords=("wrong", "correct horse"))
    documents = _documents(items)
    assert documents, items
    assert person in documents[0].text
    assert documents[0].protection.level is STRONG
    assert documents[0].protection.reason == AGILE


def test_agile_reader_hands_back_the_decrypted_package(agile_docx: bytes) -> None:
    ctx = Context(origin=("letter.docx",), limits=Limits(), passwords=("correct horse",))
    (member,) = office_encrypted.FORMATS[0].read(agile_docx, ctx)
    assert isinstance(member, Member)
    assert member.name == "letter.docx"
    assert member.protection is not None and member.protection.level is STRONG
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(member.data)).namelist()


def test_agile_docx_wrong_password_keeps_protection(agile_docx: bytes) -> None:
    error = _only_error(_items(agile_docx, "letter.docx", passwords=("guess", "guess2")))
    assert error.protection is not None and error.protection.level is STRONG
    assert "wrong password (2 tried), content not scanned" in error.reason


def test_agile_with_few_iterations_is_strong_but_says_so(agile_docx: bytes) -> None:
    copy = io.BytesIO(agile_docx)
    ole = olefile.OleFileIO(copy)
    info = ole.openstream("EncryptionInfo").read()
    assert info.count(b'spinCount="100000"') == 1
    ole.write_stream("EncryptionInfo", info.replace(b'spinCount="100000"', b'spinCount="001000"'))
    ole.close()
    error = _only_error(_items(copy.getvalue(), "letter.docx"))
    assert error.protection is not None and error.protection.level is STRONG
    assert error.protection.reason.startswith("Office Agile encryption, AES-256, SHA-512, 1,000")
    assert "weak password falls faster" in error.protection.reason


# Compound files built to MS-CFB, for what no Python tool writes --------------------------------

_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file: header, one FAT sector, one directory sector, then streams.

    Streams are padded to 4,096 bytes so none lives in the mini stream.
    """
    assert len(streams) <= 3
    padded = {
        name: data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0")
        for name, data in streams.items()
    }
    fat = [_FAT, _END]
    starts: list[int] = []
    for data in padded.values():
        first = len(fat)
        count = len(data) // 512
        starts.append(first)
        fat.extend(range(first + 1, first + count))
        fat.append(_END)
    assert len(fat) <= 128
    fat_sector = struct.pack("<128I", *(fat + [_FREE] * (128 - len(fat))))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, _FREE, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    names = list(padded)
    entries = [entry("Root Entry", 5, _FREE, 1 if names else _FREE, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _FREE
        entries.append(entry(name, 2, right, _FREE, starts[i], len(padded[name])))
    directory = b"".join(entries).ljust(512, b"\0")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", 0, *([_FREE] * 108))
    )
    assert len(header) == 512
    return header + fat_sector + directory + b"".join(padded.values())


def _cryptoapi_header(alg_id: int, key_bits: int) -> bytes:
    csp = "Microsoft Enhanced Cryptographic Provider v1.0\0".encode("utf-16-le")
    header = struct.pack("<8I", 0x24, 0, alg_id, 0x8004, key_bits, 1, 0, 0) + csp
    verifier = struct.pack("<I", 16) + os.urandom(32) + struct.pack("<I", 20) + os.urandom(20)
    return struct.pack("<I", len(header)) + header + verifier


def _fib(flags: int, fc_clx: int = 0, lcb_clx: int = 0) -> bytes:
    fib = bytearray(0x200)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 0x0A, flags)
    struct.pack_into("<II", fib, 0x1A2, fc_clx, lcb_clx)
    return bytes(fib)


_F_ENCRYPTED, _F_TABLE1, _F_OBFUSCATED = 0x0100, 0x0200, 0x8000


def _biff(record: int, body: bytes) -> bytes:
    return struct.pack("<HH", record, len(body)) + body


def _workbook(filepass: bytes | None) -> bytes:
    bof = _biff(0x0809, struct.pack("<HHHH", 0x0600, 0x0005, 0, 0) + b"\0" * 8)
    middle = _biff(0x002F, filepass) if filepass is not None else b""
    return bof + middle + _biff(0x000A, b"")


LEGACY: list[tuple[str, Callable[[], bytes], str]] = [
    (
        "memo.doc",
        lambda: _cfb({"WordDocument": _fib(_F_ENCRYPTED | _F_OBFUSCATED), "0Table": b""}),
        "Word XOR obfuscation",
    ),
    (
        "memo.doc",
        lambda: _cfb(
            {
                "WordDocument": _fib(_F_ENCRYPTED | _F_TABLE1),
                "1Table": struct.pack("<HH", 1, 1) + os.urandom(48),
            }
        ),
        "Office 97-2003 RC4 40-bit",
    ),
    (
        "memo.doc",
        lambda: _cfb(
            {
                "WordDocument": _fib(_F_ENCRYPTED | _F_TABLE1),
                "1Table": struct.pack("<HHI", 4, 2, 0x04) + _cryptoapi_header(0x6801, 128),
            }
        ),
        "RC4 CryptoAPI (key length 128 bits)",
    ),
    (
        "payroll.xls",
        lambda: _cfb({"Workbook": _workbook(struct.pack("<HHH", 0, 0x1234, 0x5678))}),
        "Excel XOR obfuscation",
    ),
    (
        "payroll.xls",
        lambda: _cfb({"Workbook": _workbook(struct.pack("<HHH", 1, 1, 1) + os.urandom(48))}),
        "Office 97-2003 RC4 40-bit",
    ),
    (
        "payroll.xls",
        lambda: _cfb(
            {
                "Workbook": _workbook(
                    struct.pack("<HHHI", 1, 4, 2, 0x04) + _cryptoapi_header(0x6801, 0)
                )
            }
        ),
        "RC4 CryptoAPI (key length 40 bits)",
    ),
    (
        "slides.ppt",
        lambda: _cfb(
            {
                "Current User": struct.pack("<HHI", 0, 0x0FF6, 20)
                + struct.pack("<II", 20, 0xF3D1C4DF),
                "PowerPoint Document": b"\0" * 64
                + struct.pack("<HHI", 0x000F, 0x2F14, 200)
                + struct.pack("<HHI", 4, 2, 0x04)
                + _cryptoapi_header(0x6801, 128),
            }
        ),
        "RC4 CryptoAPI (key length 128 bits)",
    ),
    (
        "letter.docx",
        lambda: _cfb(
            {
                "EncryptionInfo": struct.pack("<HHI", 4, 2, 0x24) + _cryptoapi_header(0x660E, 128),
                "EncryptedPackage": struct.pack("<Q", 4000) + os.urandom(4000),
            }
        ),
        "Office Standard encryption, AES-128-ECB",
    ),
]


@pytest.mark.parametrize(
    ("name", "build", "reason"), LEGACY, ids=[f"{name}-{reason}" for name, _, reason in LEGACY]
)
def test_legacy_office_password_protection_is_weak(
    name: str, build: Callable[[], bytes], reason: str
) -> None:
    error = _only_error(_items(build(), name, passwords=()))
    assert error.protection is not None
    assert error.protection.level is WEAK
    assert error.protection.reason.startswith(reason)
    assert "content not scanned" in error.reason


def test_legacy_office_with_password_says_decryption_is_not_supported() -> None:
    data = _cfb({"Workbook": _workbook(struct.pack("<HHH", 1, 1, 1) + os.urandom(48))})
    error = _only_error(_items(data, "payroll.xls", passwords=("secret",)))
    assert error.protection is not None and error.protection.level is WEAK
    assert "not supported" in error.reason


def test_unencrypted_workbook_is_left_to_the_spreadsheet_reader() -> None:
    data = _cfb({"Workbook": _workbook(None)})
    assert not office_encrypted.FORMATS[0].matches_content(data)
    fmt = identify(data, "payroll.xls")
    assert fmt is None or fmt.name != office_encrypted.KIND


def test_plain_word_97_text_comes_from_the_piece_table(person: str) -> None:
    unicode_part = "Patient: " + person + "\r"
    ascii_part = "NHS number 943 476 5919\r"
    text_at = 0x400
    word = bytearray(_fib(0, fc_clx=0, lcb_clx=0).ljust(0x800, b"\0"))
    encoded = unicode_part.encode("utf-16-le")
    word[text_at : text_at + len(encoded)] = encoded
    ascii_at = text_at + len(encoded)
    word[ascii_at : ascii_at + len(ascii_part)] = ascii_part.encode("cp1252")
    cps = (0, len(unicode_part), len(unicode_part) + len(ascii_part))
    pcds = struct.pack("<HIH", 0, text_at, 0) + struct.pack("<HIH", 0, 0x40000000 | ascii_at * 2, 0)
    plc = struct.pack("<3I", *cps) + pcds
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 0x1A2, 0, len(clx))
    data = _cfb({"WordDocument": bytes(word), "0Table": clx})

    (document,) = _items(data, "notes.doc")
    assert isinstance(document, Document)
    assert document.protection.level is ProtectionLevel.NONE
    assert person in document.text
    assert "NHS number 943 476 5919" in document.text


def test_damaged_encryption_header_is_an_error_with_a_reason() -> None:
    data = _cfb(
        {
            "EncryptionInfo": struct.pack("<HH", 9, 9) + b"\0" * 8,
            "EncryptedPackage": b"\0" * 64,
        }
    )
    error = _only_error(_items(data, "letter.docx"))
    assert "damaged encryption header" in error.reason
    assert "unknown EncryptionInfo version 9.9" in error.reason


# OpenDocument ---------------------------------------------------------------------------------


def _odt(paragraph: str, cells: list[list[str]]) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(P(text=paragraph))
    table = Table(name="Staff")
    table.addElement(TableColumn(numbercolumnsrepeated=len(cells[0])))
    for row in cells:
        table_row = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.text.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


_MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def _encrypt_odf(plain: bytes, password: str, cipher: str) -> bytes:
    """Re-pack an ODF file with its XML parts encrypted as ODF 1.2 part 3 section 3.8 says."""
    source = zipfile.ZipFile(io.BytesIO(plain))
    entries: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("mimetype", source.read("mimetype"), zipfile.ZIP_STORED)
        for name in source.namelist():
            if name in ("mimetype", "META-INF/manifest.xml"):
                continue
            data = source.read(name)
            if not name.endswith(".xml"):
                target.writestr(name, data)
                entries.append(f'<manifest:file-entry manifest:full-path="{name}"/>')
                continue
            deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
            compressed = deflater.compress(data) + deflater.flush()
            salt = os.urandom(16)
            if cipher == "aes":
                iv = os.urandom(16)
                key = hashlib.pbkdf2_hmac(
                    "sha1", hashlib.sha256(password.encode()).digest(), salt, 100_000, 32
                )
                pad = 16 - len(compressed) % 16
                encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
                sealed = encryptor.update(compressed + bytes([pad]) * pad) + encryptor.finalize()
                checksum = hashlib.sha256(compressed[:1024]).digest()
                algorithm = (
                    "<manifest:algorithm manifest:algorithm-name="
                    '"http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
                    f'manifest:initialisation-vector="{base64.b64encode(iv).decode()}"/>'
                    "<manifest:start-key-generation manifest:start-key-generation-name="
                    '"http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>'
                    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
                    'manifest:key-size="32" manifest:iteration-count="100000" '
                    f'manifest:salt="{base64.b64encode(salt).decode()}"/>'
                )
                checksum_type = f"{_MANIFEST_NS}#sha256-1k"
            else:
                iv = os.urandom(8)
                key = hashlib.pbkdf2_hmac(
                    "sha1", hashlib.sha1(password.encode()).digest(), salt, 1024, 16
                )
                encryptor = Cipher(Blowfish(key), CFB(iv)).encryptor()
                sealed = encryptor.update(compressed) + encryptor.finalize()
                checksum = hashlib.sha1(compressed[:1024]).digest()
                algorithm = (
                    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
                    f'manifest:initialisation-vector="{base64.b64encode(iv).decode()}"/>'
                    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
                    'manifest:iteration-count="1024" '
                    f'manifest:salt="{base64.b64encode(salt).decode()}"/>'
                )
                checksum_type = "SHA1/1K"
            target.writestr(name, sealed, zipfile.ZIP_STORED)
            entries.append(
                f'<manifest:file-entry manifest:full-path="{name}" manifest:size="{len(data)}">'
                f'<manifest:encryption-data manifest:checksum-type="{checksum_type}" '
                f'manifest:checksum="{base64.b64encode(checksum).decode()}">{algorithm}'
                "</manifest:encryption-data></manifest:file-entry>"
            )
        manifest = (
            f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            f'"{_MANIFEST_NS}" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.text"/>'
            + "".join(entries)
            + "</manifest:manifest>"
        )
        target.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


@pytest.fixture(scope="module")
def odt(person: str) -> bytes:
    return _odt(f"Referral for {person}", [["Name", "Postcode"], [person, "SW1A 1AA"]])


def test_plain_odt_text_and_tables(odt: bytes, person: str) -> None:
    (document,) = _items(odt, "referral.odt")
    assert isinstance(document, Document)
    assert document.kind == "odt"
    assert f"Referral for {person}" in document.text
    assert document.protection.level is ProtectionLevel.NONE
    (table,) = document.tables
    assert table.name == "Staff"
    assert table.rows == (("Name", "Postcode"), (person, "SW1A 1AA"))


def test_odt_is_identified_by_its_mimetype_whatever_its_name(odt: bytes) -> None:
    fmt = identify(odt, "attachment.bin")
    assert fmt is not None and fmt.name == odf.KIND


@pytest.mark.parametrize(
    ("cipher", "level", "reason"),
    [
        ("aes", STRONG, "ODF AES-256-CBC, PBKDF2 100,000 iterations"),
        ("blowfish", WEAK, "ODF Blowfish CFB (legacy), PBKDF2-SHA1 1,024 iterations"),
    ],
)
def test_encrypted_odt_levels_and_decryption(
    odt: bytes, person: str, cipher: str, level: ProtectionLevel, reason: str
) -> None:
    sealed = _encrypt_odf(odt, "s3cret", cipher)

    error = _only_error(_items(sealed, "referral.odt"))
    assert error.protection is not None
    assert (error.protection.level, error.protection.reason) == (level, reason)
    assert "no password given, content not scanned" in error.reason

    wrong = _only_error(_items(sealed, "referral.odt", passwords=("S3cret",)))
    assert wrong.protection == error.protection
    assert "wrong password (1 tried)" in wrong.reason

    (document,) = _items(sealed, "referral.odt", passwords=("nope", "s3cret"))
    assert isinstance(document, Document)
    assert f"Referral for {person}" in document.text
    assert document.protection == error.protection
    assert document.tables[0].rows[1] == (person, "SW1A 1AA")


def test_odf_damaged_manifest_is_an_error(odt: bytes) -> None:
    sealed = _encrypt_odf(odt, "s3cret", "aes")
    source = zipfile.ZipFile(io.BytesIO(sealed))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    error = _only_error(_items(out.getvalue(), "referral.odt"))
    assert "manifest is damaged" in error.reason


# age -------------------------------------------------------------------------------------------


def _run(args: list[str], data: bytes = b"", env: dict[str, str] | None = None) -> bytes:
    return subprocess.run(args, input=data, capture_output=True, check=True, env=env).stdout


needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")
needs_gpg = pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg is not installed")


@needs_age
@pytest.mark.parametrize("armor", [False, True])
def test_age_x25519_is_strong_and_not_scanned_without_key(
    tmp_path: Path, person: str, armor: bool
) -> None:
    key = tmp_path / "key.txt"
    _run(["age-keygen", "-o", str(key)])
    recipient = _run(["age-keygen", "-y", str(key)]).decode().strip()
    sealed = _run(["age", *(["-a"] if armor else []), "-r", recipient], person.encode())

    error = _only_error(_items(sealed, "export.csv.age", passwords=("irrelevant",)))
    assert error.protection is not None
    assert (error.protection.level, error.protection.reason) == (STRONG, "age (X25519)")
    assert "no key given, content not scanned" in error.reason


def _age_scrypt(plain: bytes, passphrase: str, log_n: int = 10) -> bytes:
    """An age passphrase file per the age v1 spec, at a work factor cheap enough for a test.

    pyrage and the age CLI always use a work factor near 2**18, a second or more per try.
    """
    assert len(plain) < 64 * 1024  # one payload chunk

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).rstrip(b"=").decode()

    def hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
        return HKDF(hashes.SHA256(), 32, salt, info).derive(key)

    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrap_key = Scrypt(b"age-encryption.org/v1/scrypt" + salt, 32, 2**log_n, 8, 1).derive(
        passphrase.encode()
    )
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\0" * 12, file_key, None)
    header = f"age-encryption.org/v1\n-> scrypt {b64(salt)} {log_n}\n{b64(body)}\n---".encode()
    mac = hmac.new(hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    payload_key = hkdf(file_key, nonce, b"payload")
    payload = ChaCha20Poly1305(payload_key).encrypt(b"\0" * 11 + b"\x01", plain, None)
    return header + b" " + b64(mac).encode() + b"\n" + nonce + payload


def test_age_passphrase_file_is_decrypted_with_the_password(person: str) -> None:
    pytest.importorskip("pyrage")
    sealed = _age_scrypt(person.encode(), "hunter2")

    ctx = Context(origin=("note.txt.age",), limits=Limits(), passwords=("hunter2",))
    (member,) = age.FORMATS[0].read(sealed, ctx)
    assert isinstance(member, Member)
    assert (member.name, member.data) == ("note.txt", person.encode())
    assert member.protection is not None
    assert member.protection.reason == "age (scrypt passphrase)"

    error = _only_error(_items(sealed, "note.txt.age", passwords=("hunter3",)))
    assert error.protection is not None and error.protection.level is STRONG
    assert "wrong password (1 tried)" in error.reason


def test_age_passphrase_file_reaches_the_text_through_the_dispatcher(person: str) -> None:
    pytest.importorskip("pyrage")
    sealed = _age_scrypt(person.encode(), "hunter2")
    documents = _documents(_items(sealed, "note.txt.age", passwords=("hunter2",)))
    assert [d.text for d in documents] == [person]
    assert documents[0].origin == ("note.txt.age", "note.txt")
    assert documents[0].protection.level is STRONG


def test_age_without_password_asks_for_one() -> None:
    error = _only_error(_items(_age_scrypt(b"x", "pw"), "note.age"))
    assert error.protection is not None
    assert error.protection.reason == "age (scrypt passphrase)"
    assert "no password given, content not scanned" in error.reason


def test_age_damaged_header_is_an_error() -> None:
    error = _only_error(_items(b"age-encryption.org/v1\n-> X25519 abc\n", "x.age"))
    assert "damaged header" in error.reason


# OpenPGP ---------------------------------------------------------------------------------------


@pytest.fixture
def gnupg(tmp_path: Path) -> Iterator[dict[str, str]]:
    # gpg-agent's socket path must stay short, so the home is not under pytest's long tmp_path.
    home = Path("/tmp") / f"bg-gpg-{os.getpid()}-{tmp_path.name[-12:]}"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    yield env
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, capture_output=True, check=False)
    shutil.rmtree(home, ignore_errors=True)


_GPG = ["gpg", "--batch", "--yes", "--pinentry-mode", "loopback"]


@needs_gpg
@pytest.mark.parametrize("armor", [False, True])
def test_gpg_symmetric_aes256_is_strong(gnupg: dict[str, str], person: str, armor: bool) -> None:
    sealed = _run(
        [
            *_GPG,
            "--passphrase",
            "x",
            "--symmetric",
            "--cipher-algo",
            "AES256",
            *(["--armor"] if armor else []),
            "-o",
            "-",
        ],
        person.encode(),
        env=gnupg,
    )
    error = _only_error(_items(sealed, "export.csv.gpg"))
    assert error.protection is not None
    assert error.protection.level is STRONG
    assert error.protection.reason == "OpenPGP (passphrase, AES-256)"
    assert "content not scanned" in error.reason
    fmt = identify(sealed, "unnamed")
    assert fmt is not None and fmt.name == pgp.KIND


@needs_gpg
def test_gpg_public_key_message_is_strong(gnupg: dict[str, str], person: str) -> None:
    _run(
        [
            *_GPG,
            "--passphrase",
            "",
            "--quick-gen-key",
            "Test <test@example.org>",
            "future-default",
            "default",
            "never",
        ],
        env=gnupg,
    )
    sealed = _run(
        [*_GPG, "--trust-model", "always", "-r", "test@example.org", "--encrypt", "-o", "-"],
        person.encode(),
        env=gnupg,
    )
    error = _only_error(_items(sealed, "export.csv.gpg"))
    assert error.protection is not None
    assert error.protection.level is STRONG
    assert error.protection.reason.startswith("OpenPGP (public-key")


@needs_gpg
def test_signed_only_message_is_not_encryption(gnupg: dict[str, str], person: str) -> None:
    _run(
        [
            *_GPG,
            "--passphrase",
            "",
            "--quick-gen-key",
            "Signer <signer@example.org>",
            "future-default",
            "default",
            "never",
        ],
        env=gnupg,
    )
    signed = _run([*_GPG, "--armor", "--sign", "-o", "-"], person.encode(), env=gnupg)
    assert b"BEGIN PGP MESSAGE" in signed
    ctx = Context(origin=("note.txt.asc",), limits=Limits())
    items = list(pgp.FORMATS[0].read(signed, ctx))
    members = [i for i in items if isinstance(i, Member)]
    assert [m.data for m in members] == [person.encode()]
    assert members[0].protection is None
    assert not any(isinstance(i, ExtractionError) for i in items)


def test_pgp_damaged_armor_is_an_error() -> None:
    damaged = b"-----BEGIN PGP MESSAGE-----\n\nw4@@@notbase64\n-----END PGP MESSAGE-----\n"
    error = _only_error(_items(damaged, "x.asc"))
    assert "OpenPGP message is damaged" in error.reason


# Hostile bytes ---------------------------------------------------------------------------------

OURS = {office_encrypted.KIND, odf.KIND, age.KIND, pgp.KIND}


@pytest.fixture(scope="module")
def corpus(agile_docx: bytes, odt: bytes) -> list[tuple[str, bytes, tuple[str, ...]]]:
    import pyrage

    files = [
        ("letter.docx", agile_docx, ()),
        ("memo.doc", LEGACY[2][1](), ()),
        ("payroll.xls", LEGACY[5][1](), ()),
        ("referral.odt", _encrypt_odf(odt, "pw", "aes"), ("pw",)),
        ("referral.odt", _encrypt_odf(odt, "pw", "blowfish"), ("pw",)),
        ("referral.odt", odt, ()),
        (
            "note.age",
            pyrage.encrypt(b"x" * 100, [pyrage.x25519.Identity.generate().to_public()]),
            (),
        ),
        ("note.age", _age_scrypt(b"x" * 100, "pw"), ("pw",)),
        # SKESK (AES-256, iterated and salted S2K) then SEIPD, as gpg --symmetric writes them.
        (
            "note.gpg",
            bytes.fromhex("8c0d04090302")
            + os.urandom(9)
            + bytes.fromhex("d23f01")
            + os.urandom(62),
            (),
        ),
    ]
    return [(name, data, tuple(passwords)) for name, data, passwords in files]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_files_never_escape_open_bytes(
    corpus: list[tuple[str, bytes, tuple[str, ...]]], data: st.DataObject
) -> None:
    name, original, passwords = data.draw(st.sampled_from(corpus))
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(0, 8))):
        at = data.draw(st.integers(0, max(0, len(mutated) - 1)))
        if mutated:
            mutated[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(mutated)))
    sample = bytes(mutated[: cut or len(mutated)])
    fmt = identify(sample, name)
    # Other readers get their own fuzzing; bytes mutated out of these formats are not ours.
    assume(fmt is not None and fmt.name in OURS)
    for item in open_bytes(sample, name, passwords=passwords, limits=Limits(max_seconds=20)):
        assert isinstance(item, Document | ExtractionError)
        if isinstance(item, ExtractionError):
            assert item.reason
