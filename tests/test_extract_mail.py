"""Mail readers (.eml, mbox, Outlook .msg): messages built here with the standard library and
extract-msg's own OLE writer, opened through open_bytes."""

from __future__ import annotations

import csv
import io
import mailbox
import struct
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

import extract_msg
import pytest
from faker import Faker

from breachguard.extract import Document, ExtractionError, ProtectionLevel, open_bytes
from breachguard.extract.format import Context, Limits
from breachguard.extract.formats.html import visible_text
from breachguard.extract.formats.mail import decode_header, looks_like_mail

fake = Faker("en_GB")
Faker.seed(5150)

PEOPLE = [(fake.name(), fake.ssn(), fake.email()) for _ in range(4)]
SENDER = (fake.name(), fake.email())
RECIPIENTS = [(fake.name(), fake.email()) for _ in range(3)]


def roster_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "ni_number", "email"])
    writer.writerows(PEOPLE)
    return out.getvalue().encode()


def scan(data: bytes, name: str) -> list[Document | ExtractionError]:
    return list(open_bytes(data, name))


def documents(items: list[Document | ExtractionError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | ExtractionError]) -> list[ExtractionError]:
    return [item for item in items if isinstance(item, ExtractionError)]


def payroll_mail(subject: str = "Payroll für März — Zoë's team") -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(SENDER)
    message["To"] = ", ".join(formataddr(r) for r in RECIPIENTS[:2])
    message["Cc"] = formataddr(RECIPIENTS[2])
    message["Subject"] = subject
    name, ni, _ = PEOPLE[0]
    message.set_content(f"Hello,\n\n{name}'s NI number is {ni}.\n")
    message.add_alternative(
        f"<html><head><style>p {{color: red}}</style></head><body><p>Hello,</p>"
        f"<p><b>{name}</b>'s NI number is {ni}.</p><script>track()</script></body></html>",
        subtype="html",
    )
    message.add_attachment(roster_csv(), maintype="text", subtype="csv", filename="roster.csv")
    return message


# --- .eml -------------------------------------------------------------------------------------


def test_eml_headers_bodies_and_attachment() -> None:
    items = scan(payroll_mail().as_bytes(), "payroll.eml")
    assert not errors(items)
    mail, roster = documents(items)
    assert mail.origin == ("payroll.eml",)
    assert mail.kind == "email"
    # Addresses are personal data: the header values are in the text, RFC 2047 words decoded.
    assert f"From: {SENDER[0]} <{SENDER[1]}>" in mail.text
    for name, address in RECIPIENTS:
        assert name in mail.text and address in mail.text
    assert "Subject: Payroll für März — Zoë's team" in mail.text
    assert PEOPLE[0][1] in mail.text
    assert "track()" not in mail.text and "color" not in mail.text
    assert roster.origin == ("payroll.eml", "roster.csv")
    assert all(ni in roster.text for _, ni, _ in PEOPLE)


def test_attached_message_is_opened_recursively() -> None:
    outer = EmailMessage()
    outer["From"] = formataddr(RECIPIENTS[0])
    outer["To"] = formataddr(RECIPIENTS[1])
    outer["Subject"] = "Fwd: payroll"
    outer.set_content("See below.")
    outer.add_attachment(payroll_mail())
    items = scan(outer.as_bytes(), "fwd.eml")
    assert not errors(items)
    assert [d.origin for d in documents(items)] == [
        ("fwd.eml",),
        ("fwd.eml", "attached message 1.eml"),
        ("fwd.eml", "attached message 1.eml", "roster.csv"),
    ]
    assert SENDER[1] in documents(items)[1].text


def test_html_only_mail_is_turned_into_text() -> None:
    message = EmailMessage()
    message["From"] = formataddr(SENDER)
    message["Subject"] = "rota"
    message.set_content(
        f"<table><tr><td>{PEOPLE[1][0]}</td><td>{PEOPLE[1][1]}</td></tr></table>", subtype="html"
    )
    [mail] = documents(scan(message.as_bytes(), "rota.eml"))
    assert f"{PEOPLE[1][0]}\t{PEOPLE[1][1]}" in mail.text  # a table row stays one line
    assert "<td>" not in mail.text


def test_bad_charsets_are_replaced_not_fatal() -> None:
    raw = (
        b"From: =?x-no-such-charset?q?J=F6hn?= <j@example.org>\r\n"
        b"To: a@example.org\r\nSubject: =?utf-8?b?/w==?= broken\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="utf-8"\r\n\r\n'
        b"Caf\xe9 \xff\xfe " + PEOPLE[2][1].encode() + b"\r\n"
    )
    [mail] = documents(scan(raw, "odd.eml"))
    assert PEOPLE[2][1] in mail.text
    assert "\ufffd" in mail.text
    assert "j@example.org" in mail.text


def test_unnamed_attachment_gets_a_name_from_its_type() -> None:
    message = payroll_mail()
    message.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf")
    names = [e.origin[-1] for e in scan(message.as_bytes(), "m.eml") if len(e.origin) == 2]
    assert "attachment 2.pdf" in names


def test_smime_encrypted_mail_is_strong_and_unscanned() -> None:
    message = EmailMessage()
    message["From"] = formataddr(SENDER)
    message["Subject"] = "payroll"
    message.set_content(
        b"0\x80\x06\t*\x86H\x86\xf7\r\x01\x07\x03",
        maintype="application",
        subtype="pkcs7-mime",
        params={"smime-type": "enveloped-data", "name": "smime.p7m"},
    )
    items = scan(message.as_bytes(), "sealed.eml")
    [error] = errors(items)
    assert error.protection is not None and error.protection.level is ProtectionLevel.STRONG
    assert "S/MIME" in error.protection.reason and "not scanned" in error.reason
    [mail] = documents(items)
    assert SENDER[1] in mail.text


def test_decode_header_keeps_one_line() -> None:
    injected = "=?utf-8?b?aGkNCkJjYzogZXZpbEBleGFtcGxlLm9yZw==?="  # "hi\r\nBcc: evil@..."
    assert decode_header(injected) == "hi Bcc: evil@example.org"


def test_html_body_text_skips_script_and_style() -> None:
    ctx = Context(origin=("m.eml",), limits=Limits())
    html = "<style>x{}</style><p>A</p><script>b()</script><p>C &amp; D</p>"
    assert visible_text(html, ctx) == "A\nC & D"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"From: a@b.c\nTo: d@e.f\nSubject: hi\n\nbody", True),
        (b"Received: from x\n\tby y\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\n", True),
        (b"name,email\nJo,jo@example.org\n", False),
        (b"to: production\nsubject: yaml\n", True),  # close call: YAML that looks like mail
        (b"Content-Type: text/plain\n\nhello", False),  # one field, nothing only mail has
        (b"Hello: world\nthis is text\n", False),
    ],
)
def test_mail_is_recognised_by_its_header_block(head: bytes, expected: bool) -> None:
    assert looks_like_mail(head) is expected


# --- mbox -------------------------------------------------------------------------------------


def test_mbox_messages_are_members(tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    for number in range(3):
        message = EmailMessage()
        message["From"] = formataddr(SENDER)
        message["Subject"] = f"run {number}"
        message.set_content(f"From the desk of {PEOPLE[number][0]}\n\nFrom here on, it's fine.")
        if number == 1:
            message.add_attachment(roster_csv(), maintype="text", subtype="csv", filename="r.csv")
        box.add(message)
    box.flush()
    data = (tmp_path / "inbox.mbox").read_bytes()
    items = scan(data, "inbox.mbox")
    assert not errors(items)
    origins = [d.origin for d in documents(items)]
    assert origins == [
        ("inbox.mbox", "message 1"),
        ("inbox.mbox", "message 2"),
        ("inbox.mbox", "message 2", "r.csv"),
        ("inbox.mbox", "message 3"),
    ]
    third = documents(items)[3]
    # mailbox escaped the body's "From " lines as ">From "; the reader undoes it.
    assert "From here on, it's fine." in third.text
    assert "Subject: run 2" in third.text


# --- Outlook .msg -----------------------------------------------------------------------------
# extract-msg cannot compose a message, but its OleWriter writes the compound file, so a minimal
# valid .msg is built here from the MS-OXMSG streams: string properties in "__substg1.0_XXXX001F"
# streams, fixed ones in "__properties_version1.0", recipients and attachments in sub-storages.

_PT_LONG_FLAGS = 6  # readable | writable


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _fixed(tag: int, value: int) -> bytes:
    return struct.pack("<IIQ", tag, _PT_LONG_FLAGS, value)


MsgAttachment = tuple[str, "bytes | MsgSpec"]
MsgSpec = tuple[str, str, str, list[str], list[MsgAttachment]]


def _add_message(writer: extract_msg.OleWriter, prefix: str, spec: MsgSpec, top: bool) -> None:
    subject, body, sender, recipients, attachments = spec
    strings = {
        "0037": subject,
        "1000": body,
        "001A": "IPM.Note",
        "0C1F": sender,
        "0C1A": sender,
        "0E04": "; ".join(recipients),
    }
    for prop_id, value in strings.items():
        writer.addEntry(f"{prefix}__substg1.0_{prop_id}001F", _utf16(value))
    counts = (len(recipients), len(attachments), len(recipients), len(attachments))
    header = struct.pack("<8sIIII", b"", *counts) + (b"\0" * 8 if top else b"")
    writer.addEntry(f"{prefix}__properties_version1.0", header + _fixed(0x00170003, 1))
    for number, address in enumerate(recipients):
        storage = f"{prefix}__recip_version1.0_#{number:08X}"
        writer.addEntry(storage, storage=True)
        for prop_id in ("3001", "39FE", "3003"):
            writer.addEntry(f"{storage}/__substg1.0_{prop_id}001F", _utf16(address))
        props = b"\0" * 8 + _fixed(0x0C150003, 1) + _fixed(0x30000003, number)
        writer.addEntry(f"{storage}/__properties_version1.0", props)
    for number, (name, content) in enumerate(attachments):
        storage = f"{prefix}__attach_version1.0_#{number:08X}"
        writer.addEntry(storage, storage=True)
        writer.addEntry(f"{storage}/__substg1.0_3707001F", _utf16(name))
        if isinstance(content, bytes):
            writer.addEntry(f"{storage}/__substg1.0_37010102", content)
            method = 1  # ATTACH_BY_VALUE
        else:
            writer.addEntry(f"{storage}/__substg1.0_3701000D", storage=True)
            _add_message(writer, f"{storage}/__substg1.0_3701000D/", content, top=False)
            method = 5  # ATTACH_EMBEDDED_MSG
        props = b"\0" * 8 + _fixed(0x37050003, method) + _fixed(0x0E210003, number)
        writer.addEntry(f"{storage}/__properties_version1.0", props)


def build_msg(spec: MsgSpec) -> bytes:
    writer = extract_msg.OleWriter()
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    _add_message(writer, "", spec, top=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_msg_body_headers_attachment_and_embedded_message() -> None:
    forwarded: MsgSpec = (
        "Old roster",
        f"NI {PEOPLE[3][1]} for {PEOPLE[3][0]}",
        RECIPIENTS[2][1],
        [RECIPIENTS[0][1]],
        [("notes.txt", f"{PEOPLE[2][0]} called.".encode())],
    )
    spec: MsgSpec = (
        "Payroll",
        f"Dear team, {PEOPLE[0][0]} has NI {PEOPLE[0][1]}.",
        SENDER[1],
        [RECIPIENTS[0][1], RECIPIENTS[1][1]],
        [("roster.csv", roster_csv()), ("Old roster.msg", forwarded)],
    )
    items = scan(build_msg(spec), "payroll.msg")
    assert not errors(items)
    docs = documents(items)
    assert [d.origin for d in docs] == [
        ("payroll.msg",),
        ("payroll.msg", "roster.csv"),
        ("payroll.msg", "Old roster.msg"),
        ("payroll.msg", "Old roster.msg", "notes.txt"),
    ]
    mail = docs[0]
    assert mail.kind == "email"
    assert f"From: {SENDER[1]}" in mail.text
    assert RECIPIENTS[1][1] in mail.text and "Subject: Payroll" in mail.text
    assert PEOPLE[0][1] in mail.text
    assert PEOPLE[3][1] in docs[2].text
    assert PEOPLE[2][0] in docs[3].text


def test_corrupt_msg_is_an_error_not_a_crash() -> None:
    data = build_msg(("s", "b", "a@b.c", [], [("a.txt", b"x")]))
    broken = data[:512] + bytes(len(data) - 512)
    items = scan(broken, "broken.msg")
    assert items and all(isinstance(i, (Document, ExtractionError)) for i in items)
    assert any("msg" in e.reason for e in errors(items))
