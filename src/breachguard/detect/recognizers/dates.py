"""Recognizers: date of birth, a date that its label says is one ("DOB: 12/03/1985", "مواليد").

Letters and minutes are full of dates (sent on, meeting on, due by), so a date is a finding only
when a birth label comes right before it ("born on 3 May 1990", "تاريخ الميلاد: ١٢/٠٣/١٩٨٥"),
right after it in brackets ("12/03/1985 (DOB)"), or heads its column in a table ("dob",
"date_of_birth", "DateOfBirth", "تاريخ الميلاد"). The label is part of the pattern rather than a
context word so that a birth date followed by a meeting date within a few words does not make the
meeting date a birth date. ``plausible_birth_date`` then keeps real
calendar dates between 1900 and today (Hijri dates marked هـ or named by a Hijri month too).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from breachguard.detect.columns import cells_below
from breachguard.detect.recognizer import (
    ARABIC_LETTERS,
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
    Pattern,
    Recognizer,
    without,
)

# What prefilters leave out: look-arounds hyperscan cannot compile.
_LOOKAROUNDS = (
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
)

_EN_MONTHS = (
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
    ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
)  # fmt: skip

# Arabic month names with the alef, alef maqsura and taa marbuta folded (see ``_fold``):
# Egyptian and Gulf names, Levantine and Iraqi names, Maghrebi names, then Hijri months.
_AR_MONTHS = (
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("افريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9),
    ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    ("كانون الثاني", 1), ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6),
    ("تموز", 7), ("اب", 8), ("ايلول", 9), ("تشرين الاول", 10), ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    ("جانفي", 1), ("فيفري", 2), ("ماي", 5), ("جوان", 6), ("جويليه", 7), ("اوت", 8),
)  # fmt: skip
_HIJRI_MONTHS = (
    ("محرم", 1), ("صفر", 2), ("ربيع الاول", 3), ("ربيع الاخر", 4), ("ربيع الثاني", 4),
    ("جمادي الاولي", 5), ("جمادي الاخره", 6), ("جمادي الثانيه", 6), ("رجب", 7), ("شعبان", 8),
    ("رمضان", 9), ("شوال", 10), ("ذو القعده", 11), ("ذي القعده", 11), ("ذو الحجه", 12),
    ("ذي الحجه", 12),
)  # fmt: skip
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _arabic_regex(folded: str) -> str:
    """A folded Arabic name as a regex matching its usual spellings."""
    out = []
    for ch in folded:
        if ch == "ا":
            out.append("[اأإآ]")
        elif ch == "ي":
            out.append("[يى]")
        elif ch == "ه":
            out.append("[هة]")
        elif ch == " ":
            out.append("[ \t]+")
        else:
            out.append(ch)
    return "".join(out)


def _names(pairs: tuple[tuple[str, int], ...], arabic: bool) -> str:
    names = sorted({n for n, _ in pairs}, key=lambda n: (-len(n), n))
    return "|".join(_arabic_regex(n) if arabic else n for n in names)


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[34]\d\d|19\d\d|20\d\d)"
_EN_MONTH = rf"(?:{_names(_EN_MONTHS, False)})\.?"
_AR_MONTH = f"(?:{_names(_AR_MONTHS + _HIJRI_MONTHS, True)}){NOT_ARABIC_AFTER}"
_ERA = rf"(?:[ \t]?(?:هـ|ه|م){NOT_ARABIC_AFTER})?"

_DATE = (
    r"(?:"
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)\b"
    r"|\b\d{1,2}-\d{1,2}-(?:\d{4}|\d\d)\b"
    r"|\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d\d)\b"
    rf"|\b{_YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b"
    rf"|\b{_DAY}(?:[ \t]+of)?[ \t-]+{_EN_MONTH}[ \t,-]+(?:{_YEAR}|'?\d\d)\b"
    rf"|\b{_EN_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}\b"
    rf"|\b{_DAY}[ \t]*(?:من[ \t]+)?{_AR_MONTH}[ \t]*,?[ \t]*(?:(?:عام|سنة|سنه)[ \t]+)?{_YEAR}\b"
    rf"){_ERA}"
)

_LABEL_EN = (
    r"\b(?:date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|d\.[ \t]?o\.[ \t]?b\b\.?|dob\b)"
    r"[ \t]*(?:\([^)\n]{0,14}\))?[ \t]*(?:[:=|,\-]|is|was)?[ \t]*\n?[ \t]*"
    r"|\bborn(?:[ \t]+on|[ \t]+in[ \t]+[A-Z][A-Za-z' -]{1,30}?(?:,[ \t]*|[ \t]+on))?[ \t]*[:,]?[ \t]*"
    r"|[,(][ \t]*b\.[ \t]*"
)
_LABEL_AR = (
    rf"{NOT_ARABIC_BEFORE}(?:"
    r"(?:ب|و)?تاريخ[ \t]+(?:ال)?(?:ميلاد|ولاد[ةه])(?:ه|ها)?"
    r"|(?:من[ \t]+)?مواليد"
    r"|(?:ال)?مولود(?:[ةه])?(?:[ \t]+(?:في|بتاريخ|يوم))?"
    r"|و?ولد(?:ت)?[ \t]+(?:في|بتاريخ|يوم)(?:[ \t]+(?:يوم|تاريخ))?"
    r")[ \t]*[:\-]?[ \t]*\n?[ \t]*"
)
_AFTER_LABEL = (
    r"[ \t]*\([ \t]*(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|born|birth[ \t]*date)[ \t]*\)"
)

_LABEL_THEN_DATE_EN = rf"(?:{_LABEL_EN})(?P<value>{_DATE})"
_DATE_THEN_LABEL_EN = rf"(?P<value>{_DATE}){_AFTER_LABEL}"
_LABEL_THEN_DATE_AR = rf"(?:{_LABEL_AR})(?P<value>{_DATE})"

_WHOLE_DATE = re.compile(rf"[ \t]*(?:{_DATE})[ \t]*", re.ASCII | re.IGNORECASE)


# --- validation ----------------------------------------------------------------------------------

_MONTH_WORDS = {name: n for name, n in _EN_MONTHS}
_AR_MONTH_WORDS = {name: n for name, n in _AR_MONTHS}
_HIJRI_MONTH_WORDS = {name: n for name, n in _HIJRI_MONTHS}
_NUMBER = re.compile(r"\d+")
_EN_WORD = re.compile(r"[a-z]+")
_SPACES = re.compile(r"[ \t]+")
_AR_MONTH_NAMES = sorted({*_AR_MONTH_WORDS, *_HIJRI_MONTH_WORDS}, key=len, reverse=True)
_AR_MONTH_NAME = re.compile(
    f"(?<![{ARABIC_LETTERS}])(?:{'|'.join(_AR_MONTH_NAMES)})(?![{ARABIC_LETTERS}])"
)


def _today() -> dt.date:
    return dt.date.today()


def _gregorian_year(two_digits: int, today: dt.date) -> int:
    year = 2000 + two_digits
    return year if year <= today.year else 1900 + two_digits


def _month_named(text: str) -> tuple[int, bool] | None:
    """The month a name in ``text`` stands for, and whether it is a Hijri month."""
    for word in _EN_WORD.findall(text.lower()):
        if word in _MONTH_WORDS:
            return _MONTH_WORDS[word], False
    if text.isascii():
        return None
    name = _AR_MONTH_NAME.search(_SPACES.sub(" ", _fold(text)))
    if name is None:
        return None
    if name.group() in _HIJRI_MONTH_WORDS:
        return _HIJRI_MONTH_WORDS[name.group()], True
    return _AR_MONTH_WORDS[name.group()], False


def plausible_birth_date(text: str) -> bool:
    """True when ``text`` (a normalised date) is a real date between 1900 and today.

    Numeric dates are read day first (UK), then month first, then year first; a two-digit year
    is the latest century that does not put it in the future. Hijri dates (هـ, or a Hijri month)
    are checked against the Hijri years of the same range.
    """
    today = _today()
    numbers = [int(n) for n in _NUMBER.findall(text)]
    named = _month_named(text)
    hijri = "هـ" in text or _fold(text).rstrip().endswith("ه") or (named is not None and named[1])
    if named is not None:
        if len(numbers) != 2:
            return False
        day, year = numbers
        if year < 100:
            year = _gregorian_year(year, today)
        readings = [(year, named[0], day)]
    elif len(numbers) == 3:
        a, b, c = numbers
        if a >= 1000:
            readings = [(a, b, c)]
        else:
            year = c if c >= 100 else _gregorian_year(c, today)
            readings = [(year, b, a), (year, a, b)]
    else:
        return False
    return any(_plausible(y, m, d, hijri, today) for y, m, d in readings)


def _plausible(year: int, month: int, day: int, hijri: bool, today: dt.date) -> bool:
    if hijri:
        # The Hijri year is about 354 days long; approximate, close enough for a plausibility test.
        latest = (today.year - 622) * 33 // 32 + 1
        return 1 <= month <= 12 and 1 <= day <= 30 and 1317 <= year <= latest
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= date <= today


# --- tables --------------------------------------------------------------------------------------

# A header cell that names a birth date, however a system spells it: "DOB", "D.O.B.",
# "date_of_birth", "DateOfBirth", "birth-date", "Birthday", "patient_dob", "تاريخ الميلاد", with an
# optional format note in brackets ("Date of birth (dd/mm/yyyy)").
_HEADER_GAP = r"[ \t_.\-]*"
_HEADER_LABEL = re.compile(
    rf"(?:[a-z]+{_HEADER_GAP}[ \t_\-])?"
    rf"(?:date{_HEADER_GAP}of{_HEADER_GAP}birth|birth{_HEADER_GAP}(?:date|day)|born(?:[ \t_]on)?"
    r"|d\.?[ \t_]?o\.?[ \t_]?b\.?"
    r"|(?:ال)?(?:تاريخ[ \t_]+)?(?:ال)?(?:ميلاد|ولاد[ةه]))"
    r"(?:[ \t]*[(\[][^)\]]{0,20}[)\]])?",
    re.ASCII | re.IGNORECASE,
)
_HEADER_HINTS = ("dob", "d.o.b", "d_o_b", "birth", "born", "ميلاد", "ولاد")
_DELIMITERS = ("\t", "|", ";", ",")
# A streamed text is analysed in windows that see 4096 characters around them (detect/stream.py),
# so a row farther than this from its header would be decided differently in a stream.
_TABLE_REACH = 4000


def _dob_columns(text: str) -> Iterator[tuple[int, int, float]]:
    """Dates in the column of a table whose header cell is a birth label ("Name,DOB,Email")."""
    lowered = text.lower()
    if len(lowered) != len(text) or not any(hint in lowered for hint in _HEADER_HINTS):
        return
    done_lines: set[int] = set()
    for hint in _HEADER_HINTS:
        at = lowered.find(hint)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            if line_start not in done_lines:
                done_lines.add(line_start)
                yield from _column_dates(text, line_start)
            at = lowered.find(hint, at + len(hint))


def _column_dates(text: str, header_start: int) -> Iterator[tuple[int, int, float]]:
    header_end = text.find("\n", header_start)
    if header_end < 0:
        return
    header = text[header_start:header_end]
    delimiter = max(_DELIMITERS, key=header.count)
    if delimiter not in header:
        return
    cells = header.split(delimiter)
    columns = [
        i
        for i, cell in enumerate(cells)
        if _HEADER_LABEL.fullmatch(cell.strip(" \t\r:*\"'").strip())
    ]
    if not columns:
        return
    for column in columns:
        for start, end in cells_below(
            text, header_end, delimiter, len(cells) - 1, column, _TABLE_REACH
        ):
            cell = text[start:end]
            if _WHOLE_DATE.fullmatch(cell.strip("\r\"'")):
                stripped = cell.lstrip(" \t\"'")
                begin = start + (len(cell) - len(stripped))
                yield begin, begin + len(stripped.rstrip(" \t\r\"'")), 0.65


RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="date_of_birth_en",
        entity="DATE_OF_BIRTH",
        patterns=(
            Pattern(
                _LABEL_THEN_DATE_EN,
                0.65,
                "label date",
                ignore_case=True,
                prefilter=without(_LABEL_THEN_DATE_EN, *_LOOKAROUNDS),
            ),
            Pattern(
                _DATE_THEN_LABEL_EN,
                0.65,
                "date (label)",
                ignore_case=True,
                prefilter=without(_DATE_THEN_LABEL_EN, *_LOOKAROUNDS),
            ),
        ),
        validate=plausible_birth_date,
        languages=frozenset({"en"}),
        max_width=120,
    ),
    Recognizer(
        name="date_of_birth_ar",
        entity="DATE_OF_BIRTH",
        patterns=(
            Pattern(
                _LABEL_THEN_DATE_AR,
                0.65,
                "تاريخ الميلاد",
                ignore_case=True,
                prefilter=without(_LABEL_THEN_DATE_AR, *_LOOKAROUNDS),
            ),
        ),
        validate=plausible_birth_date,
        languages=frozenset({"ar"}),
        max_width=120,
    ),
    Recognizer(
        name="date_of_birth_column",
        entity="DATE_OF_BIRTH",
        finder=_dob_columns,
        validate=plausible_birth_date,
    ),
)
