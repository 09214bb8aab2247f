"""Document-format readers: files built here with the real libraries, read back through open_bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable

import pikepdf
import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from breachguard.extract import (
    Context,
    Document,
    ExtractionError,
    Limits,
    ProtectionLevel,
    identify,
    open_bytes,
)
from breachguard.extract.formats import FORMATS, spreadsheet
from breachguard.extract.formats.pdf import OWNER_ONLY

fake = Faker("en_GB")
Faker.seed(20240611)
fake_ar = Faker("ar_AA")

PEOPLE = [
    {
        "name": fake.name(),
        "email": fake.email(),
        "postcode": fake.postcode(),
        "phone": f"0770090{fake.random_int(1000, 9999)}",
    }
    for _ in range(4)
]
ARABIC_NAME = fake_ar.name()
HEADER = ("name", "email", "postcode", "phone")


def _rows() -> list[tuple[str, ...]]:
    return [tuple(p[k] for k in HEADER) for p in PEOPLE]


def read(data: bytes, name: str, **kwargs: object) -> list[Document | ExtractionError]:
    items = list(open_bytes(data, name, **kwargs))  # type: ignore[arg-type]
    assert all(isinstance(i, Document | ExtractionError) for i in items)
    return items


def docs(items: list[Document | ExtractionError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | ExtractionError]) -> list[ExtractionError]:
    return [i for i in items if isinstance(i, ExtractionError)]


def only_doc(data: bytes, name: str, **kwargs: object) -> Document:
    items = read(data, name, **kwargs)
    assert not errors(items), errors(items)
    [doc] = docs(items)
    return doc


# --- builders -------------------------------------------------------------------------------


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Case officer {PEOPLE[3]['name']}"
    section.footer.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    paragraph = document.add_paragraph(
        f"Applicant {PEOPLE[0]['name']} lives at {PEOPLE[0]['postcode']}."
    )
    document.add_paragraph(f"الاسم: {ARABIC_NAME}")
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, title in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = title
    for row in _rows()[1:3]:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    document.add_comment(paragraph.runs, text=f"call {PEOPLE[0]['phone']}", author="Reviewer")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pptx() -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = f"Referral for {PEOPLE[0]['name']}"
    shape = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2))
    for r, row in enumerate([("name", "email"), *[(p["name"], p["email"]) for p in PEOPLE[1:3]]]):
        for c, value in enumerate(row):
            shape.table.cell(r, c).text = value
    slide.notes_slide.notes_text_frame.text = f"Phone {PEOPLE[3]['phone']}"
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def make_xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Applicants"
    sheet.append([*HEADER, "dob", "amount"])
    for n, row in enumerate(_rows()):
        sheet.append([*row, dt.date(1980 + n, 2, 3), 7700900120 + n])
    hidden = workbook.create_sheet("Notes")
    hidden["A1"] = f"Spoke to {ARABIC_NAME}"
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def make_xls() -> bytes:
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("People")
    for r, row in enumerate([HEADER, *_rows()]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def make_ods() -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Register")
    for row in [HEADER, *_rows()]:
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def make_pdf(lines: list[str], encryption: pikepdf.Encryption | None = None) -> bytes:
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for line in lines:
        content = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("latin-1")
        pdf.pages.append(
            pikepdf.Page(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Page,
                    MediaBox=[0, 0, 612, 792],
                    Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                    Contents=pdf.make_stream(content),
                )
            )
        )
    out = io.BytesIO()
    if encryption is None:
        pdf.save(out)
    else:
        pdf.save(out, encryption=encryption)
    return out.getvalue()


PDF_LINES = [f"Patient {PEOPLE[0]['name']}", f"Postcode {PEOPLE[1]['postcode']}"]


def make_csv(delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(_rows())
    return out.getvalue().encode(encoding)


def make_json() -> bytes:
    return json.dumps(
        {"applicant": {"name": PEOPLE[0]["name"], "age": 41}, "household": PEOPLE[1:]}
    ).encode()


def make_html() -> bytes:
    rows = "".join(f"<tr><td>{p['name']}</td><td>{p['email']}</td></tr>" for p in PEOPLE[:2])
    return (
        "<!DOCTYPE html><html><head><title>Referral</title><style>td{color:red}</style>"
        "<script>var secret = 'NOT-VISIBLE';</script></head><body>"
        f"<h1>Case of {PEOPLE[2]['name']}</h1><p>Phone&nbsp;{PEOPLE[2]['phone']} &amp; more</p>"
        f"<table><tr><th>name</th><th>email</th></tr>{rows}</table>"
        f'<img alt="Photo of {PEOPLE[3]["name"]}"></body></html>'
    ).encode()


def make_rtf() -> bytes:
    arabic = "".join(f"\\u{ord(ch)}?" for ch in ARABIC_NAME)
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}"
        f"\\f0 Client {PEOPLE[0]['name']} owes \\'a3250.\\par "
        f"{arabic}\\par}}"
    ).encode("ascii")


SAMPLES: dict[str, Callable[[], bytes]] = {
    "report.docx": make_docx,
    "deck.pptx": make_pptx,
    "people.xlsx": make_xlsx,
    "people.xls": make_xls,
    "register.ods": make_ods,
    "letter.pdf": lambda: make_pdf(PDF_LINES),
    "export.csv": make_csv,
    "data.json": make_json,
    "page.html": make_html,
    "letter.rtf": make_rtf,
    "notes.txt": lambda: f"Met {PEOPLE[0]['name']} at {PEOPLE[0]['postcode']}\n".encode() * 3,
}


# --- each format ----------------------------------------------------------------------------


def test_docx_body_table_header_footer_and_comment() -> None:
    doc = only_doc(make_docx(), "report.docx")
    assert doc.kind == "docx"
    assert doc.origin == ("report.docx",)
    for value in (
        PEOPLE[0]["name"],
        PEOPLE[0]["postcode"],
        ARABIC_NAME,
        PEOPLE[1]["email"],
        PEOPLE[3]["name"],
        "OFFICIAL-SENSITIVE",
        PEOPLE[0]["phone"],
    ):
        assert value in doc.text
    [table] = doc.tables
    assert table.rows == (HEADER, *_rows()[1:3])
    assert doc.protection.level is ProtectionLevel.NONE


def test_office_packages_are_told_apart_by_content() -> None:
    docx_format, xlsx_format, pptx_format = (
        next(f for f in FORMATS if f.name == kind) for kind in ("docx", "xlsx", "pptx")
    )
    assert docx_format.matches_content(make_docx())
    assert not docx_format.matches_content(make_pptx())
    assert pptx_format.matches_content(make_pptx())
    assert xlsx_format.matches_content(make_xlsx())
    assert not xlsx_format.matches_content(make_docx())


def test_pptx_slide_text_table_and_notes() -> None:
    doc = only_doc(make_pptx(), "deck.pptx")
    assert doc.kind == "pptx"
    assert PEOPLE[0]["name"] in doc.text
    assert PEOPLE[3]["phone"] in doc.text
    assert PEOPLE[2]["email"] in doc.text
    [table] = doc.tables
    assert table.rows[0] == ("name", "email")
    assert table.rows[2] == (PEOPLE[2]["name"], PEOPLE[2]["email"])


def test_xlsx_one_document_per_sheet_hidden_included_dates_iso() -> None:
    items = read(make_xlsx(), "people.xlsx")
    assert not errors(items)
    applicants, notes = docs(items)
    assert applicants.origin == ("people.xlsx", "Applicants")
    assert notes.origin == ("people.xlsx", "Notes")
    assert applicants.kind == "xlsx"
    [table] = applicants.tables
    assert table.name == "Applicants"
    assert table.rows[0] == (*HEADER, "dob", "amount")
    assert table.rows[1] == (*_rows()[0], "1980-02-03", "7700900120")
    assert "1983-02-03" in applicants.text
    assert ARABIC_NAME in notes.text


def test_xls_workbook() -> None:
    [doc] = docs(read(make_xls(), "people.xls"))
    assert doc.kind == "xls"
    assert doc.origin == ("people.xls", "People")
    assert doc.tables[0].rows == (HEADER, *_rows())


def test_ods_workbook() -> None:
    # The ODF reader may claim .ods first in the registry; this reader must still read it.
    ods = next(f for f in spreadsheet.FORMATS if f.name == "ods")
    data = make_ods()
    assert ods.matches_content(data)
    context = Context(origin=("register.ods",), limits=Limits())
    [doc] = [i for i in ods.read(data, context) if isinstance(i, Document)]
    assert doc.kind == "ods"
    assert doc.origin == ("register.ods", "Register")
    assert doc.tables[0].rows == (HEADER, *_rows())


def test_pdf_text_of_every_page() -> None:
    doc = only_doc(make_pdf(PDF_LINES), "letter.pdf")
    assert doc.kind == "pdf"
    assert all(line in doc.text for line in PDF_LINES)
    assert doc.protection.level is ProtectionLevel.NONE
    assert doc.protection.reason == ""


E = pikepdf.Encryption


@pytest.mark.parametrize(
    ("encryption", "level", "reason"),
    [
        (
            E(user="u", owner="o", R=2, aes=False, metadata=False),
            ProtectionLevel.WEAK,
            "PDF RC4-40",
        ),
        (
            E(user="u", owner="o", R=3, aes=False, metadata=False),
            ProtectionLevel.WEAK,
            "PDF RC4-128",
        ),
        (
            E(user="u", owner="o", R=4, aes=False, metadata=False),
            ProtectionLevel.WEAK,
            "PDF RC4-128",
        ),
        (E(user="u", owner="o", R=4, aes=True), ProtectionLevel.STRONG, "PDF AES-128"),
        (E(user="u", owner="o", R=6), ProtectionLevel.STRONG, "PDF AES-256"),
    ],
    ids=["rc4-40", "rc4-128-r3", "rc4-128-r4", "aes-128", "aes-256"],
)
def test_pdf_encryption_is_classified_and_password_opens_it(
    encryption: pikepdf.Encryption, level: ProtectionLevel, reason: str
) -> None:
    data = make_pdf(PDF_LINES, encryption)
    [locked] = read(data, "locked.pdf")
    assert isinstance(locked, ExtractionError)
    assert locked.protection is not None
    assert locked.protection.level is ProtectionLevel.UNSCANNABLE
    assert locked.protection.reason == f"{reason} (password required)"
    assert "password" in locked.reason

    doc = only_doc(data, "locked.pdf", passwords=("wrong", "u"))
    assert PDF_LINES[0] in doc.text
    assert doc.protection.level is level
    assert doc.protection.reason == reason


def test_pdf_wrong_password_is_unscannable_not_a_crash() -> None:
    data = make_pdf(PDF_LINES, E(user="u", owner="o", R=6))
    [error] = read(data, "locked.pdf", passwords=("nope", "also wrong"))
    assert isinstance(error, ExtractionError)
    assert error.protection is not None
    assert error.protection.level is ProtectionLevel.UNSCANNABLE
    assert error.protection.reason == "PDF AES-256 (password required)"
    assert "none of the passwords" in error.reason


@pytest.mark.parametrize("revision", [3, 6])
def test_pdf_owner_password_only_is_not_protection(revision: int) -> None:
    encryption = E(user="", owner="owner", R=revision, aes=revision > 4, metadata=revision > 4)
    doc = only_doc(make_pdf(PDF_LINES, encryption), "form.pdf")
    assert PDF_LINES[1] in doc.text
    assert doc.protection.level is ProtectionLevel.NONE
    assert doc.protection.reason == OWNER_ONLY


def test_pdf_attachment_is_opened_as_a_member() -> None:
    pdf = pikepdf.open(io.BytesIO(make_pdf(PDF_LINES)))
    pdf.attachments["list.csv"] = pikepdf.AttachedFileSpec(pdf, make_csv())
    out = io.BytesIO()
    pdf.save(out)
    items = read(out.getvalue(), "pack.pdf")
    inner = [d for d in docs(items) if d.origin == ("pack.pdf", "list.csv")]
    assert inner, items
    assert PEOPLE[3]["email"] in inner[0].text


def test_pdf_without_text_layer_says_so() -> None:
    items = read(make_pdf([""]), "scan.pdf")
    assert [e.reason for e in errors(items)] == [
        "this PDF has no text layer (scanned pages?); images are not read"
    ]


@pytest.mark.parametrize(
    ("delimiter", "name", "kind"),
    [
        (",", "export.csv", "csv"),
        (";", "export.csv", "csv"),
        ("|", "export.psv", "csv"),
        ("\t", "export.tsv", "tsv"),
        (";", "download", "csv"),
    ],
)
def test_delimited_dialects_give_a_table(delimiter: str, name: str, kind: str) -> None:
    doc = only_doc(make_csv(delimiter), name)
    assert doc.kind == kind
    assert doc.tables[0].rows == (HEADER, *_rows())
    assert PEOPLE[2]["email"] in doc.text


def test_csv_in_cp1256_arabic() -> None:
    rows = [("الاسم", "المدينة"), (fake_ar.name(), fake_ar.city()), (ARABIC_NAME, fake_ar.city())]
    data = "\r\n".join(";".join(r) for r in rows).encode("cp1256")
    doc = only_doc(data, "arabic.csv")
    assert doc.tables[0].rows == tuple(rows)
    assert ARABIC_NAME in doc.text


def test_text_utf16_with_bom() -> None:
    text = f"{PEOPLE[0]['name']} {ARABIC_NAME}\n"
    doc = only_doc(text.encode("utf-16"), "notes.txt")
    assert doc.kind == "text"
    assert doc.text == text


def test_text_cp1252_pound_sign() -> None:
    text = f"{PEOPLE[1]['name']} was paid £1,250 for the café refit.\n" * 3
    assert only_doc(text.encode("cp1252"), "notes.txt").text == text


def test_short_cp1252_is_not_taken_for_shift_jis() -> None:
    assert only_doc("Price £5".encode("cp1252"), "note.txt").text == "Price £5"


def test_text_iso_8859_6_arabic() -> None:
    text = f"{ARABIC_NAME} - تاريخ الميلاد ١٩٨٠\n".replace("١٩٨٠", "1980") * 3
    assert ARABIC_NAME in only_doc(text.encode("iso8859_6"), "notes.txt").text


def test_binary_is_not_text() -> None:
    noise = bytes(range(256)) * 8
    fmt = identify(noise, "blob")
    assert fmt is None or fmt.name != "text"
    [error] = read(noise, "blob.txt")
    assert isinstance(error, ExtractionError)
    assert "not text" in error.reason


def test_json_key_paths_and_table_of_flat_objects() -> None:
    doc = only_doc(make_json(), "data.json")
    assert doc.kind == "json"
    assert f"applicant.name: {PEOPLE[0]['name']}" in doc.text
    assert "applicant.age: 41" in doc.text
    assert f"household[0].email: {PEOPLE[1]['email']}" in doc.text
    [table] = doc.tables
    assert table.name == "household"
    assert table.rows == (HEADER, *_rows()[1:])


def test_json_lines() -> None:
    data = "\n".join(json.dumps(p) for p in PEOPLE).encode()
    doc = only_doc(data, "people.jsonl")
    assert doc.kind == "jsonl"
    assert doc.tables[0].rows == (HEADER, *_rows())


def test_log_that_starts_with_a_bracket_is_still_scanned() -> None:
    data = f"[2024-06-11 10:00] login {PEOPLE[0]['email']}\n[2024-06-11 10:01] out\n".encode()
    assert PEOPLE[0]["email"] in only_doc(data, "app.json").text


def test_html_visible_text_without_script_and_with_tables() -> None:
    doc = only_doc(make_html(), "page.html")
    assert doc.kind == "html"
    assert PEOPLE[2]["name"] in doc.text
    assert f"Phone {PEOPLE[2]['phone']} & more" in doc.text
    assert f"{PEOPLE[0]['name']}\t{PEOPLE[0]['email']}\n" in doc.text
    assert f"Photo of {PEOPLE[3]['name']}" in doc.text
    assert "NOT-VISIBLE" not in doc.text
    assert "color:red" not in doc.text
    [table] = doc.tables
    assert table.rows == (("name", "email"), *[(p["name"], p["email"]) for p in PEOPLE[:2]])


def test_html_declared_charset() -> None:
    data = f'<html><head><meta charset="windows-1256"></head><body>{ARABIC_NAME}</body></html>'
    assert ARABIC_NAME in only_doc(data.encode("cp1256"), "page.htm").text


def test_rtf_code_page_and_unicode() -> None:
    doc = only_doc(make_rtf(), "letter.rtf")
    assert doc.kind == "rtf"
    assert f"Client {PEOPLE[0]['name']} owes £250." in doc.text
    assert ARABIC_NAME in doc.text


# --- limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export.csv", "notes.txt", "data.json", "people.xlsx"])
def test_text_is_cut_at_max_text_chars_with_a_note(name: str) -> None:
    items = read(SAMPLES[name](), name, limits=Limits(max_text_chars=30))
    assert sum(len(d.text) for d in docs(items)) <= 30
    assert any("scan.max_text_chars" in e.reason for e in errors(items))


def test_zip_bomb_dressed_as_a_workbook_is_refused() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)
    [error] = read(out.getvalue(), "bomb.xlsx")
    assert isinstance(error, ExtractionError)
    assert "scan.max_ratio" in error.reason


# --- corrupt input ----------------------------------------------------------------------------


BINARY = ["report.docx", "deck.pptx", "people.xlsx", "people.xls", "letter.pdf", "register.ods"]


@pytest.mark.parametrize("name", BINARY)
def test_truncated_binary_file_is_an_error_not_an_exception(name: str) -> None:
    data = SAMPLES[name]()
    items = read(data[: len(data) // 2], name)
    if name.endswith(".pdf"):
        # PDFium rebuilds a cut PDF's cross-reference table and reads what is left.
        return
    [error] = errors(items)
    assert error.reason
    assert "\n" not in error.reason


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_flipped_bytes_never_escape(name: str) -> None:
    data = bytearray(SAMPLES[name]())
    for i in range(len(data) // 3, len(data), max(1, len(data) // 40)):
        data[i] ^= 0xFF
    read(bytes(data), name)


@pytest.fixture(scope="module")
def samples() -> dict[str, bytes]:
    return {name: build() for name, build in SAMPLES.items()}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(sorted(SAMPLES)),
    cut=st.floats(0, 1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), max_size=8),
)
def test_mutated_files_only_give_documents_or_errors(
    samples: dict[str, bytes], name: str, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(samples[name][: max(1, int(len(samples[name]) * cut))])
    for where, mask in flips:
        data[min(len(data) - 1, int(where * len(data)))] ^= mask
    read(bytes(data), name)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2048), name=st.sampled_from(sorted(SAMPLES)))
def test_random_bytes_only_give_documents_or_errors(data: bytes, name: str) -> None:
    read(data, name)


# The fast path for CSV without quotes must read exactly what the csv module reads.
_PLAIN_CSV = [
    "name,email\nAna Lee,ana@example.com\n",
    "name,email\r\nAna Lee,ana@example.com\r\n\r\n , \r\nBo Kim,\r\n",
    "a;b;c\n;;\n x ; y ;z\n\n",
    "a|b\tc|d\n|\n\t|e",
    "name\temail\n\t\nAna Lee\tana@example.com",
]


@pytest.mark.parametrize("text", _PLAIN_CSV)
@pytest.mark.parametrize("budget", [0, 5, 12, 16, 17, 18, 40, 10_000])
def test_unquoted_csv_reads_as_the_csv_module_reads_it(text: str, budget: int) -> None:
    from breachguard.extract.formats import delimited

    delimiter = next(d for d in (";", "|", "\t", ",") if d in text.splitlines()[0])
    ctx = Context(("a.csv",), Limits(max_text_chars=budget))
    plain = delimited._plain_lines(text, delimiter, ctx)
    assert plain is not None
    assert plain == delimited._parsed_lines(text, delimiter, ctx)


@pytest.mark.parametrize(
    "text", ['name,note\nAna,"a, b"\n', "name,note\rAna,x\r", "a,b\r\nc,d\re,f\n"]
)
def test_quoted_or_cr_csv_goes_through_the_csv_module(text: str) -> None:
    from breachguard.extract.formats import delimited

    assert delimited._plain_lines(text, ",", Context(("a.csv",), Limits())) is None


def test_csv_cut_at_the_text_limit_keeps_the_row_that_passes_it() -> None:
    data = b"name,email\r\nAna Lee,ana@example.com\r\nBo Kim,bo@example.com\r\n"
    ctx = Context(("a.csv",), Limits(max_text_chars=20))
    items = list(next(f for f in FORMATS if f.name == "csv").read(data, ctx))
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.text == "name\temail\nAna Lee\ta"
    assert doc.tables[0].rows == (("name", "email"), ("Ana Lee", "ana@example.com"))
    assert isinstance(items[1], ExtractionError)


def test_text_with_a_few_control_bytes_is_text_and_with_many_is_not() -> None:
    from breachguard.extract.formats.text import looks_like_text

    body = b"Dear Ana, your appointment is on Monday.\n" * 50
    assert looks_like_text(body + b"\x01")
    assert not looks_like_text(body + b"\x01" * 200)
    assert looks_like_text("Dear Ana, see you soon.\n".encode("utf-16-le") * 20)
