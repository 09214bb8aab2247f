"""Recognizers: nationality, the value after a label ("Nationality: Polish", "الجنسية: سوري").

A bare demonym in prose ("Polish food", "the British Museum") is not personal data, so every
pattern holds its label: "nationality", "citizenship", "citizen", "national", "الجنسية", "مواطن",
or a person it is said of ("Client is Afghan and ...", "she is Polish.").
The finding's span is the nationality value only. The lexicons are package data
(``breachguard/data/nationality``), read once when this module is imported because the
patterns are built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from breachguard.detect.columns import DELIMITERS, cells_below
from breachguard.detect.recognizer import (
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
    Pattern,
    Recognizer,
    without,
)


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The entries of ``data/nationality/<name>.txt``: one a line, ``#`` lines are comments."""
    source = resources.files("breachguard").joinpath("data", "nationality", f"{name}.txt")
    lines = source.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _alternation(words: tuple[str, ...]) -> str:
    # Longest first, so "Saudi Arabian" wins over "Saudi" and "South African" over nothing.
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered)


def _arabic_value(words: tuple[str, ...]) -> str:
    """Masculine nisbas as one regex for their masculine, feminine, plural and definite forms.

    The article, the alef spellings and the endings are factored out of the alternation: hyperscan
    refuses the pattern when each of ~100 names carries its own copy.
    """
    stems = {w[:-1] if w.endswith("ي") else w for w in words}
    with_alef = sorted({s[1:] for s in stems if s[0] in "اأإآ"}, key=lambda w: (-len(w), w))
    others = sorted({s for s in stems if s[0] not in "اأإآ"}, key=lambda w: (-len(w), w))
    spaced = [
        "|".join(w.replace(" ", "[ \t]+[اأإآ]?") for w in group) for group in (with_alef, others)
    ]
    return f"(?:ال)?(?:[اأإآ](?:{spaced[0]})|{spaced[1]})(?:ية|يه|يون|يين|يات|ي)"


_EN_VALUE = _alternation(lexicon("demonyms_en") + lexicon("countries_en"))
_EN_DEMONYM = _alternation(lexicon("demonyms_en"))
_EN_COUNTRY = _alternation(lexicon("countries_en"))
_AR_VALUE = _arabic_value(lexicon("demonyms_ar"))

# "Nationality: Polish", "Citizenship (as on passport) - Syrian", "Country of citizenship: UK",
# "nationality is British", "Nationality\nPolish" (a form's label above its value).
_LABELLED_EN = (
    r"\b(?:nationality|nationalities|citizenship|country[ \t]+of[ \t]+(?:citizenship|nationality))"
    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*(?:[:=|\-]|is|was)?[ \t]*\n?[ \t]*"
    rf"(?P<value>(?:{_EN_VALUE})(?:[ \t]*(?:/|,|and|&)[ \t]*(?:{_EN_VALUE}))?)\b"
)

# "a British national", "Indian citizen", "citizen of Poland", "holds Polish nationality".
# "national" is also an adjective ("the Polish national team"), so what may follow it is limited
# to punctuation, the line's end, a name, or a word that starts a clause about the person.
_FOLLOWER = (
    r"(?=[ \t]*(?:[^\sA-Za-z0-9]|\n|$)"
    r"|[ \t]+(?:who|whose|and|or|of|living|resident|residing|with|from|since|in|at|on|was|is|"
    r"has|had|named|called|holding|but|by|to|for|currently|under|born|aged)\b|[ \t]+[A-Z])"
)
_TRAILING_EN = (
    rf"\b(?P<value>{_EN_DEMONYM})[ \t]+(?:(?:citizen|national|subject)s?{_FOLLOWER}"
    r"|nationality|citizenship|passport[ \t]+holder)\b"
)
_CITIZEN_OF_EN = (
    r"\b(?:citizen|national|citizenship)s?[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"(?P<value>{_EN_COUNTRY})\b"
)

# "Client is Afghan and holds ...", "She's Polish.", "the applicant was Syrian, and": a demonym
# said of a person. The subject must be a word for a person, so "the food is Polish" stays
# silent, and the demonym must end the clause (punctuation, the line's end, or a word that goes
# on about the person), so "he is Polish-speaking" and "she is a French teacher" stay silent too.
_PERSON_SUBJECTS = (
    "he", "she", "i", "client", "applicant", "patient", "resident", "tenant", "claimant",
    "customer", "worker", "pupil", "child", "student", "employee", "service user", "victim",
    "complainant", "individual", "person", "subject", "husband", "wife", "partner", "mother",
    "father", "son", "daughter", "parent", "carer", "occupant", "householder", "caller",
    "data subject", "user", "member", "candidate", "respondent", "defendant", "suspect",
    "witness", "landlord", "lodger", "migrant", "refugee", "asylum seeker", "beneficiary",
)  # fmt: skip
_STATEMENT_FOLLOWER = (
    r"(?=[ \t]*(?:[.,;:!?)\]]|\r?\n|$)"
    r"|[ \t]+(?:and|but|by|who|whose|with|since|so|living|residing|currently|born|now|too|as|"
    r"although|though|having|holding|holds|has|had|nationality|citizen|national|according)\b)"
)


def _capitalised_either_way(words: tuple[str, ...]) -> str:
    """Words matching with or without a capital first letter, e.g. "[Cc]lient" (case-sensitive)."""
    forms = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}".replace(r"\ ", r"[ \t]+") for w in forms
    )


_STATEMENT_EN = (
    rf"\b(?:{_capitalised_either_way(_PERSON_SUBJECTS)})"
    r"(?:[ \t]+(?:is|was|am)|'s|'m)[ \t]+(?:(?:also|originally|now|a|an)[ \t]+)?"
    rf"(?P<value>(?:{_EN_DEMONYM})(?:[ \t]*(?:/|and|&)[ \t]*(?:{_EN_DEMONYM}))?)\b"
    rf"{_STATEMENT_FOLLOWER}"
)

# "خدمة طلب التأشيرة والجنسية البريطانية", "إدارة الجنسية": a nationality word in the name of a
# service or an office says whose service it is, not what a person is.
_NOT_ORG = "".join(
    f"(?<!{word} )"
    for word in (
        "التأشيرة", "التأشيرات", "الهجرة", "الجوازات", "الإقامة", "خدمة", "إدارة", "ادارة",
        "دائرة", "وزارة", "مديرية", "قسم", "مكتب", "مصلحة", "هيئة", "شؤون",
    )
)  # fmt: skip
# "الجنسية: سوري", "الجنسية السعودية", "يحمل الجنسية المصرية", "جنسيته: أردني".
_LABELLED_AR = (
    rf"{NOT_ARABIC_BEFORE}{_NOT_ORG}(?:[وب]?ال)?جنسي(?:ة|ه|ته|تها)[ \t]*[:\-]?[ \t]*\n?[ \t]*"
    rf"(?P<value>{_AR_VALUE}){NOT_ARABIC_AFTER}"
)
# "مواطن سعودي", "مواطنة مصرية".
_CITIZEN_AR = (
    rf"{NOT_ARABIC_BEFORE}(?:ال)?مواطن(?:ة|ه)?[ \t]+(?P<value>{_AR_VALUE}){NOT_ARABIC_AFTER}"
)
# What prefilters leave out: look-arounds hyperscan cannot compile.
_LOOKAROUNDS = (
    NOT_ARABIC_AFTER,
    NOT_ARABIC_BEFORE,
    _NOT_ORG,
    _FOLLOWER,
    _STATEMENT_FOLLOWER,
)


# A table's "Nationality" column: its cells are bare values ("3,HILL,Samuel,Filipino,..."), the
# label is the header far above. A finder, not a pattern: a bare demonym pattern would run the
# whole lexicon on every capitalised word of prose, while a header is rare and cheap to find.
# Plain substring searches find a header word far faster than a case-insensitive regex scan of
# the whole text; the cell around a hit is then checked properly.
_HEADER_NEEDLES = ("ationalit", "ATIONALIT", "itizenship", "ITIZENSHIP", "جنسي")
_HEADER_CELL = re.compile(
    r"(?:[a-z ]*\b)?(?:nationality|nationalities|citizenship)(?:\b[a-z ()/]*)?"
    r"|(?:ال)?جنسي(?:ة|ه)",
)
_CELL_VALUE = re.compile(
    rf"(?:{_EN_VALUE})(?:[ \t]*(?:/|and|&)[ \t]*(?:{_EN_VALUE}))?|{_AR_VALUE}",
    re.ASCII | re.IGNORECASE,
)


def _header_lines(text: str) -> list[int]:
    """Starts of the lines holding a header word, in order, each once."""
    starts = set()
    for needle in _HEADER_NEEDLES:
        at = text.find(needle)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(needle, at + len(needle))
    return sorted(starts)


def _column_cells(text: str) -> Iterator[tuple[int, int, float]]:
    """Cells holding a nationality below a nationality header of a delimited block."""
    for line_start in _header_lines(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        header = text[line_start:line_end].rstrip("\r")
        delimiter = max(DELIMITERS, key=header.count)
        width = header.count(delimiter)
        if not width:
            continue
        for column, cell in enumerate(header.split(delimiter)):
            label = " ".join(cell.strip().strip("\"'").lower().replace("_", " ").split())
            if _HEADER_CELL.fullmatch(label):
                yield from _cells_below(text, line_end, delimiter, width, column)


def _cells_below(
    text: str, header_end: int, delimiter: str, width: int, column: int
) -> Iterator[tuple[int, int, float]]:
    for start, end in cells_below(text, header_end, delimiter, width, column):
        while start < end and text[start] in " \t\"'":
            start += 1
        while end > start and text[end - 1] in " \t\"'":
            end -= 1
        if start < end and _CELL_VALUE.fullmatch(text, start, end):
            yield start, end, 0.85


RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="nationality_en",
        entity="NATIONALITY",
        patterns=(
            # The label alone is the prefilter: compiled whole (hundreds of demonyms) hyperscan's
            # prefilter mode approximates it into something that fires on almost every byte.
            Pattern(
                _LABELLED_EN,
                0.85,
                "labelled",
                ignore_case=True,
                prefilter=r"\b(?:nationality|nationalities|citizenship)",
            ),
            Pattern(
                _TRAILING_EN,
                0.75,
                "demonym citizen",
                prefilter=without(_TRAILING_EN, *_LOOKAROUNDS),
            ),
            Pattern(_CITIZEN_OF_EN, 0.75, "citizen of"),
            Pattern(
                _STATEMENT_EN,
                0.75,
                "person is demonym",
                prefilter=without(_STATEMENT_EN, *_LOOKAROUNDS),
            ),
        ),
        languages=frozenset({"en"}),
        max_width=200,
    ),
    Recognizer(
        name="nationality_ar",
        entity="NATIONALITY",
        patterns=(
            Pattern(_LABELLED_AR, 0.85, "الجنسية", prefilter=without(_LABELLED_AR, *_LOOKAROUNDS)),
            Pattern(_CITIZEN_AR, 0.75, "مواطن", prefilter=without(_CITIZEN_AR, *_LOOKAROUNDS)),
        ),
        languages=frozenset({"ar"}),
        max_width=120,
    ),
    Recognizer(
        name="nationality_column",
        entity="NATIONALITY",
        finder=_column_cells,
        languages=frozenset({"en", "ar"}),
    ),
)
