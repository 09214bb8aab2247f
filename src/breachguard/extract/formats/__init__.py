"""The file formats breachguard reads. Add a module with a ``FORMATS`` tuple, then list it below.

Order matters only where two formats share a magic number: the more specific comes first (DOCX,
XLSX and ODT before ZIP; everything before plain text, which is the last resort).
"""

from __future__ import annotations

from breachguard.extract.format import Format
from breachguard.extract.formats import (
    age,
    delimited,
    html,
    iso,
    json_,
    mail,
    mbox,
    msg,
    odf,
    office_encrypted,
    pdf,
    pgp,
    presentation,
    rtf,
    sevenzip,
    spreadsheet,
    tar,
    text,
    wordprocessing,
    zip,
)

FORMATS: tuple[Format, ...] = (
    *office_encrypted.FORMATS,
    *odf.FORMATS,
    *age.FORMATS,
    *pgp.FORMATS,
    *msg.FORMATS,
    *wordprocessing.FORMATS,
    *spreadsheet.FORMATS,
    *presentation.FORMATS,
    *pdf.FORMATS,
    *rtf.FORMATS,
    *mail.FORMATS,
    *mbox.FORMATS,
    *sevenzip.FORMATS,
    *iso.FORMATS,
    *zip.FORMATS,
    *tar.FORMATS,
    *html.FORMATS,
    *json_.FORMATS,
    *delimited.FORMATS,
    *text.FORMATS,
)
