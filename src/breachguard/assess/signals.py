"""Special-category signals: topics in a document's text that point to sensitive data.

Article 9 and 10 data (health, ethnic origin, religion, sex life, criminal offences) and the data
a UK organisation treats as just as sensitive (children and adoption, vulnerable adults) is rarely
a pattern like a passport number; it is what the text is about. Each topic has a lexicon in
English and Arabic of strong terms (one is enough: "diagnosis", "looked-after child", "إدانة") and
weak terms (one is not: "child", "church"). A topic is signalled when its strong hits plus half its
weak hits reach one, i.e. one strong term or two weak ones; only the number of hits is reported,
never the words or their context.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick

_hyperscan: Any
try:
    import hyperscan as _hyperscan
except ImportError:  # optional: the automaton finds the same terms, more slowly
    _hyperscan = None

HEALTH = "health"
ETHNIC_ORIGIN = "ethnic origin"
RELIGION = "religion"
SEX_LIFE = "sex life"
CRIMINAL_OFFENCES = "criminal offences"
CHILDREN_ADOPTION = "children and adoption"
VULNERABLE_ADULTS = "vulnerable adults"
POLITICAL_OPINIONS = "political opinions"
TRADE_UNION = "trade union"
BIOMETRIC_GENETIC = "biometric and genetic"


@dataclass(frozen=True, slots=True)
class Topic:
    """One special category and the words that signal it."""

    name: str
    strong: tuple[str, ...]
    weak: tuple[str, ...] = ()


TOPICS: tuple[Topic, ...] = (
    Topic(
        HEALTH,
        strong=(
            "diagnosis", "diagnosed", "mental health", "hiv", "hiv/aids", "cancer", "chemotherapy",
            "schizophrenia", "bipolar", "depression", "dementia", "diabetes", "epilepsy",
            "medical history", "medical condition", "medical record", "medical records",
            "prescription", "prescribed", "psychiatric", "sectioned", "disability", "disabilities",
            "pregnancy", "pregnant", "miscarriage", "termination of pregnancy", "substance misuse",
            "alcohol dependency", "gp surgery", "nhs number", "sick note", "fit note",
            "تشخيص", "الصحة النفسية", "نقص المناعة", "الإيدز", "السرطان", "سرطان", "الاكتئاب",
            "اكتئاب", "الخرف", "السكري", "الصرع", "التاريخ الطبي", "الحالة الطبية", "السجل الطبي",
            "وصفة طبية", "مرض نفسي", "إعاقة", "الإعاقة",
        ),
        weak=(
            "health", "medical", "medication", "illness", "hospital", "treatment", "symptoms",
            "therapy", "patient", "clinic", "doctor", "nurse", "gp", "sick", "injury", "aids",
            "صحة", "الصحة", "طبي", "طبية", "مستشفى", "المستشفى", "علاج", "العلاج", "مريض",
            "المريض", "طبيب", "الطبيب", "دواء", "أدوية", "مرض", "الحمل",
        ),
    ),
    Topic(
        ETHNIC_ORIGIN,
        strong=(
            "ethnic origin", "ethnicity", "ethnic group", "ethnic background", "racial origin",
            "mixed race", "black british", "white british", "asian british", "gypsy",
            "irish traveller", "الأصل العرقي", "عرقي", "عرقية", "الأصل الإثني",
            "الإثنية",
        ),
        weak=("race", "racial", "ethnic", "minority", "roma", "أقلية", "عنصري", "العرق"),
    ),
    Topic(
        RELIGION,
        strong=(
            "religion", "religious belief", "religious beliefs", "muslim", "jewish", "hindu",
            "sikh", "buddhist", "atheist", "الديانة", "ديانة",
            "مسلم", "مسيحي", "يهودي", "المعتقد الديني",
        ),
        weak=(
            "church", "mosque", "synagogue", "temple", "prayer", "worship", "faith", "christian",
            "الدين", "كنيسة", "الكنيسة",
            "مسجد", "المسجد", "صلاة", "الصلاة",
        ),
    ),
    Topic(
        SEX_LIFE,
        strong=(
            "sexual orientation", "sex life", "sexuality", "lesbian", "bisexual",
            "transgender", "gender identity", "gender reassignment", "sexual health",
            "sexually transmitted", "الميول الجنسية", "الحياة الجنسية", "التوجه الجنسي",
            "المثلية الجنسية",
        ),
        weak=("sexual", "gay", "partner", "relationship", "مثلي"),
    ),
    Topic(
        CRIMINAL_OFFENCES,
        strong=(
            "conviction", "convictions", "convicted", "criminal record", "criminal records",
            "offence", "offences", "offense", "offenses", "dbs check", "prison", "imprisonment",
            "sentenced", "probation", "arrested", "charged with", "court order",
            "إدانة", "الإدانة", "مدان", "سجل جنائي", "السجل الجنائي", "جريمة", "الجريمة", "جرائم",
            "السجن", "سجن", "حكم عليه", "اعتقال", "القبض عليه",
        ),
        weak=("police", "crime", "criminal", "court", "offender", "الشرطة", "المحكمة", "محكمة"),
    ),
    Topic(
        CHILDREN_ADOPTION,
        strong=(
            "adoption", "adopted", "adoptive", "adopter", "adopters", "fostering", "fostered",
            "foster carer", "foster care", "looked-after child", "looked after child",
            "looked-after children", "looked after children", "child protection",
            "safeguarding", "special guardianship", "care order", "child in need",
            "children's services", "birth parents", "birth mother", "birth father",
            "تبني", "التبني", "متبنى", "الحضانة", "حضانة", "رعاية بديلة",
            "الأسرة الحاضنة", "حماية الطفل", "دار الأيتام", "يتيم",
        ),
        weak=(
            "child", "children", "pupil", "pupils", "school", "minor", "minors", "baby", "infant",
            "parent", "parents", "guardian", "nursery", "foster", "كفالة", "طفل", "الطفل", "أطفال", "الأطفال",
            "الاطفال", "قاصر", "طالب", "تلميذ", "المدرسة", "الوالدين", "ولي الأمر",
        ),
    ),
    Topic(
        VULNERABLE_ADULTS,
        strong=(
            "vulnerable adult", "vulnerable adults", "adult safeguarding", "social care",
            "care needs", "care plan", "lasting power of attorney", "lacks capacity",
            "mental capacity", "deprivation of liberty", "domestic abuse", "domestic violence",
            "homeless", "homelessness", "asylum seeker", "refugee", "modern slavery",
            "البالغين المستضعفين", "الفئات الضعيفة", "الرعاية الاجتماعية", "العنف الأسري",
            "العنف المنزلي", "لاجئ", "لاجئين", "طالب لجوء", "اللجوء", "مشرد",
        ),
        weak=("vulnerable", "carer", "care home", "benefits", "welfare", "ضعيف", "مستضعف"),
    ),
    Topic(
        POLITICAL_OPINIONS,
        strong=(
            "political opinion", "political opinions", "political views", "party member",
            "party membership", "voted for", "political affiliation", "الرأي السياسي",
            "الآراء السياسية", "الانتماء السياسي", "عضو في حزب",
        ),
        weak=("political", "politics", "labour party", "conservative party", "سياسي", "حزب"),
    ),
    Topic(
        TRADE_UNION,
        strong=(
            "trade union", "union member", "union membership", "union dues", "union rep",
            "النقابة", "نقابة", "عضوية النقابة", "نقابي",
        ),
        weak=("union", "strike", "إضراب"),
    ),
    Topic(
        BIOMETRIC_GENETIC,
        strong=(
            "biometric", "biometrics", "fingerprint", "fingerprints", "facial recognition",
            "iris scan", "retina scan", "dna", "genetic", "genome", "genetic test",
            "بصمة", "البصمة", "بصمات", "بيومتري", "الحمض النووي", "وراثي", "الوراثية",
        ),
        weak=("face scan", "voiceprint", "palm print"),
    ),
)  # fmt: skip

SPECIAL_CATEGORIES: tuple[str, ...] = tuple(t.name for t in TOPICS)
_STRONG_WEIGHT = 2  # one strong hit signals a topic ...
_THRESHOLD = 2  # ... and so do two weak ones (weight 1 each)

# Arabic attaches conjunctions, prepositions and the article to the word: وال, بال, لل ...
_ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل")
_ARABIC_ARTICLE = "ال"


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


Entry = tuple[int, tuple[tuple[str, int], ...]]  # a term's length, and its (topic, weight)s


@cache
def _entries() -> dict[str, Entry]:
    entries: dict[str, list[tuple[str, int]]] = {}
    for topic in TOPICS:
        for words, weight in ((topic.strong, _STRONG_WEIGHT), (topic.weak, 1)):
            for word in words:
                key = word.lower()
                if _is_arabic_letter(key[0]) and key.startswith(_ARABIC_ARTICLE) and len(key) > 4:
                    key = key[len(_ARABIC_ARTICLE) :]  # the prefix rule puts the article back
                entries.setdefault(key, []).append((topic.name, weight))
    return {key: (len(key), tuple(dict(hits).items())) for key, hits in entries.items()}


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, entry in _entries().items():
        automaton.add_word(key, entry)
    automaton.make_automaton()
    return automaton


@cache
def _ascii_terms() -> tuple[Any, tuple[Entry, ...]] | None:
    """The ASCII terms as one Hyperscan database (several times faster than the automaton on
    a large text), with each term's entry by id; None without Hyperscan."""
    if _hyperscan is None:
        return None
    terms = [(key, entry) for key, entry in _entries().items() if key.isascii()]
    database = _hyperscan.Database(mode=_hyperscan.HS_MODE_BLOCK)
    database.compile(
        # Every byte escaped: the terms are literals, whatever punctuation they hold.
        expressions=["".join(f"\\x{b:02x}" for b in key.encode()).encode() for key, _ in terms],
        ids=list(range(len(terms))),
        elements=len(terms),
        flags=[0] * len(terms),
    )
    return database, tuple(entry for _, entry in terms)


def _matches(lowered: str) -> list[tuple[int, Entry]]:
    """Where each term ends in ``lowered`` (the index after its last character), every match."""
    terms = _ascii_terms() if lowered.isascii() else None
    if terms is None:
        return [(end + 1, entry) for end, entry in _automaton().iter(lowered)]
    # ASCII text holds no Arabic term, and its byte offsets are its character offsets.
    database, entries = terms
    found: list[tuple[int, Entry]] = []

    def on_match(index: int, _start: int, end: int, _flags: int, _context: object) -> None:
        found.append((end, entries[index]))

    database.scan(lowered.encode("ascii"), match_event_handler=on_match)
    return found


def _left_ok(text: str, start: int, arabic: bool) -> bool:
    if start == 0 or not text[start - 1].isalnum():
        return True
    if not arabic:
        return False
    for prefix in _ARABIC_PREFIXES:
        begin = start - len(prefix)
        if (
            begin >= 0
            and text[begin:start] == prefix
            and (begin == 0 or not text[begin - 1].isalnum())
        ):
            return True
    return False


# Arabic attaches possessives and plural endings too: تشخيصه, تبنيها, الأطفال -> للأطفال.
_ARABIC_SUFFIXES = frozenset(
    ["ة", "ه", "ها", "هم", "هن", "ات", "ين", "ون", "ان", "ي", "ية", "يه", "كم", "نا", "تها", "تهم"]
)


def _right_ok(text: str, end: int, arabic: bool) -> bool:
    rest = end
    while rest < len(text) and text[rest].isalnum() and rest - end <= 3:
        rest += 1
    if rest == end:
        return True
    if not arabic or (rest < len(text) and text[rest].isalnum()):
        return False
    return text[end:rest] in _ARABIC_SUFFIXES


def topic_hits(text: str) -> dict[str, tuple[int, int]]:
    """Per topic: (strong hits, weak hits) in ``text``."""
    if not text:
        return {}
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    matches: list[tuple[int, int, tuple[tuple[str, int], ...]]] = []
    for end, (length, hits) in _matches(lowered):
        start = end - length
        arabic = _is_arabic_letter(lowered[start])
        if _left_ok(lowered, start, arabic) and _right_ok(lowered, end, arabic):
            matches.append((start, end, hits))
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    covered = 0
    # "mental health" is one hit, not also "health": the longest term at a place wins.
    for start, end, hits in sorted(matches, key=lambda m: (m[0], m[0] - m[1])):
        if start < covered:
            continue
        covered = end
        for topic, weight in hits:
            (strong if weight == _STRONG_WEIGHT else weak)[topic] += 1
    return {t: (strong[t], weak[t]) for t in strong.keys() | weak.keys()}


def special_categories(text: str) -> dict[str, int]:
    """The special categories ``text`` is about, each with its number of hits (in TOPICS order)."""
    hits = topic_hits(text)
    signalled = {}
    for topic in SPECIAL_CATEGORIES:
        strong, weak = hits.get(topic, (0, 0))
        if strong * _STRONG_WEIGHT + weak >= _THRESHOLD:
            signalled[topic] = strong + weak
    return signalled
