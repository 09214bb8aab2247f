"""Recognizers: person names in Arabic script.

Arabic has no capital letters, so a name is found from an anchor: a title (السيد، الدكتورة، د.),
a form label (الاسم:), a salutation (عزيزي) or a sign-off, after which any word is taken as the
start of a name; or a known given name from the shipped lexicon. From the anchor the name grows
over words that name structure allows: more given names, نسب connectors (بن، ابن، بنت) and
kunya (أبو، أم) with the word they govern, عبد compounds (عبد الله), family names with ال or آل,
and nisba forms ending in ي. It stops at stopwords, punctuation, digits and line ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files

import ahocorasick

from breachguard.detect.columns import DELIMITERS, HEADER_REACH
from breachguard.detect.recognizer import Recognizer

_AR = frozenset({"ar"})

_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS = "\u064b-\u0652\u0670\u0640"  # harakat, superscript alef, tatweel
_WORD = re.compile(f"[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_MARKS}]*")
_LATIN_NAME = re.compile(
    "(?:Mc|Mac|O')?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'-]+(?:[ ][A-Z\u00c0-\u00de][a-z\u00df-\u00ff'-]+){0,2}"
)
_STRIP_MARKS = str.maketrans("", "", "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
_MARK_CHARS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
# Characters that continue a word, as a set: membership is the hot test in anchor checks.
_WORD_CHARS = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)]
    + [chr(c) for c in range(0x0640, 0x0653)]
    + [chr(c) for c in range(0x0670, 0x06D4)]
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
)

_TITLES = (
    "السيد", "السيدة", "السيده", "الآنسة", "الانسة", "الدكتور", "الدكتورة", "د.", "الأستاذ",
    "الاستاذ", "الأستاذة", "الاستاذة", "الشيخ", "الشيخة", "المهندس", "المهندسة", "الحاج",
    "الحاجة", "المحامي", "المحامية", "الأخ", "الأخت", "الاخ", "الاخت", "الأمير", "الأميرة",
    "سمو", "معالي", "فضيلة", "سعادة", "البروفيسور", "الطبيب", "الطبيبة", "الممرضة",
    "م.", "أ.", "المرحوم", "المرحومة", "الفقيد", "الفقيدة",
)  # fmt: skip
# English titles before an Arabic-script name in mixed text ("Dear Mr راغب الحجار").
_LATIN_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof", "Prof.")
_LABELS = (
    "الاسم", "الإسم", "الاسم الكامل", "الإسم الكامل", "الاسم الأول", "الاسم الاول",
    "الاسم الأخير", "اسم العائلة", "اسم الشهرة", "اسم المتقدم", "اسم مقدم الطلب", "مقدم الطلب",
    "اسم الطفل", "اسم الأب", "اسم الاب", "اسم الأم", "اسم الام", "اسم الطالب", "اسم الطالبة",
    "اسم المريض", "اسم المريضة", "اسم الموظف", "اسم الموظفة", "اسم ولي الأمر", "ولي الأمر",
    "ولي الامر", "اسم الزوج", "اسم الزوجة", "اسم المستفيد", "اسم العميل", "اسم المالك",
    "اسم الشاهد", "اسم المرسل", "اسم المستلم", "المرسل", "المستلم", "المتقدم", "المريض",
    "الموظف", "الطالب", "المستفيد", "صاحب الطلب", "الشاهد", "التوقيع", "الموقع", "اسم الجد",
    "اسم المتوفى", "المتوفى", "اسم صاحب الحساب", "صاحب الحساب", "الاسم الثلاثي",
    "الاسم الرباعي", "اسم الأم الكامل", "اسم المولود", "اسم المشتكي", "المشتكي", "اللقب",
    "الاسم الثاني", "اسم الأسرة",
)  # fmt: skip
_SALUTATIONS = (
    "عزيزي", "عزيزتي", "أعزائي", "اعزائي", "حضرة", "مرحبا", "مرحباً", "أهلا", "اهلا",
    "صباح الخير", "مساء الخير", "إلى", "الى",
)  # fmt: skip
_SIGN_OFFS = (
    "مع التحية", "مع خالص التحية", "مع أطيب التحيات", "مع اطيب التحيات", "تحياتي",
    "مع الشكر", "مع خالص الشكر", "وتفضلوا بقبول فائق الاحترام", "وتقبلوا فائق الاحترام",
    "المخلص", "المخلصة", "مقدمه", "مقدمته", "شكرا", "شكراً", "وشكرا", "مع خالص التحيات",
    "مع التحيات", "مع أطيب التمنيات", "مع فائق الاحترام", "مع وافر الاحترام",
    "مع خالص الاحترام", "وتفضلوا بقبول وافر الاحترام", "مع التقدير", "مع خالص التقدير",
)  # fmt: skip
# Words after a name that say the person was born ("زيارة إلى X Y، المولود في ...").
_BORN = ("المولود", "المولودة", "مواليد", "من مواليد", "مواليد عام", "تاريخ ميلاده",
         "تاريخ ميلادها")  # fmt: skip
# Column headers over a column of names, in either script ("الاسم" or "full_name").
_HEADERS = ("name", "Name", "NAME", "full name", "Full name", "Full Name", "FULL NAME",
            "full_name", "FULL_NAME", "fullname", "FullName", "names", "Names")  # fmt: skip

_CONNECTORS = frozenset({"بن", "ابن", "إبن", "بنت", "بنو", "آل", "ال", "أبو", "ابو", "أبي", "أم",
                         "عبد", "ولد"})  # fmt: skip
_KUNYA = frozenset({"أبو", "ابو", "أبي", "أم"})
# Connectors that, between two words, make both parts of one person's name ("ترف آل سعود").
_LINKS = ("آل", "بنو", "بني", "بن", "بنت", "أبو", "ابو", "أبا")

_STOP_TEXT = """
في من إلى الى على عن مع هو هي هم هن هما أنا انا نحن أنت انت أنتم الذي التي الذين اللذان اللتان
اللواتي هذا هذه ذلك تلك هؤلاء هناك هنا و أو او ثم لكن بل قد لقد لم لن لا ما ماذا متى أين اين كيف
كل بعض غير بين عند حتى منذ خلال بعد قبل حول ضد دون لدى كان كانت يكون تكون ليس ليست أن ان إن أنه
انه إنه عليه عليها له لها لهم به بها بهم منه منها فيه فيها إلا الا أي اي أيضا ايضا أيضاً جدا فقط يا
أيها ايها رقم تاريخ العنوان عنوان الهاتف هاتف البريد الإلكتروني الالكتروني الجنسية الميلاد
المدينة الدولة الوظيفة التوقيع السلام عليكم شكرا وشكرا تحية التحية الاحترام المحترم المحترمة
المحترمين الكريم الكريمة الله تعالى الرحيم سبحانه اليوم أمس غدا الأسبوع الاسبوع الشهر العام
السنة الماضي الماضية القادم القادمة الحالي الحالية الجديد الجديدة الساعة صباحا مساء صباح
قال قالت يقول تقول أكد أكدت اكد أشار أشارت ذكر ذكرت أوضح أوضحت أضاف أضافت يعمل تعمل عمل طلب
طلبت قدم قدمت أرسل أرسلت ارسل وصل وصلت حضر حضرت سيكون ستكون يرجى نرجو نود نحيطكم نفيدكم
الرئيس الرئيسة الوزير الوزيرة المدير المديرة مدير مديرة المدير العام السفير النائب العميد
اللواء المستشار الأمين الامين رئيس وزير نائب أمين عضو الموظف الموظفة العميل العملاء المواطن
المواطنة المستخدم الزميل الزميلة الزملاء الطالب الطالبة المريض المريضة ولي الأمر الامر السادة
المسؤول المسؤولة فريق قسم إدارة ادارة وزارة مكتب مجلس هيئة شركة مؤسسة جامعة مدرسة مستشفى
مركز جمعية بنك مصرف محكمة نيابة شرطة بلدية مقاطعة محافظة مديرية دائرة وحدة لجنة منظمة الحكومة
المملكة الدولة الجمهورية الإمارات مدينة شارع حي طريق ساحة ميدان مطار جسر برج فندق كلية معهد
مكتبة مصنع مجموعة صندوق جائزة مسجد كنيسة قرية منطقة الملك الملكة
"""
_STOP = (
    frozenset(_STOP_TEXT.split())
    | frozenset(_TITLES)
    | frozenset(w for label in _LABELS for w in label.split())
)
# Words before a name that make it part of an organisation or place ("مستشفى الملك فهد").
_ORG_BEFORE_TEXT = """
وزارة مكتب مجلس هيئة شركة مؤسسة جامعة مدرسة مستشفى مركز جمعية بنك مصرف محكمة شارع حي طريق ساحة
ميدان مطار جسر برج فندق كلية معهد مكتبة مصنع مجموعة صندوق جائزة مسجد كنيسة قرية مدينة ميناء قاعة
مجمع مدارس حديقة مستوصف عيادة صيدلية دار مطعم سوق ملعب نادي إمارة امارة
"""
_ORG_BEFORE = frozenset(_ORG_BEFORE_TEXT.split())

# Given names that are everyday words (حسن "good", عمر "age", أمل "hope"): they start a name
# only before another known name or a نسب connector.
_AMBIGUOUS_TEXT = """
حسن عمر سعيد كريم جميل أمين امين عادل صالح فاضل شريف سالم سليم نبيل رشيد حكيم عزيز لطيف منير ناصر
مبارك فهد أسد اسد صقر ليث بدر نور أمل امل سلام سلامة فرح وعد هدى منى حياة رحمة نعمة إيمان ايمان عيد
شمس فجر ضحى جود أماني اماني بشرى وفاء ولاء سماح صفاء صباح سحر أمير امير أميرة اميرة عالية كاملة
كامل زين ربيع رجب رمضان خميس بيان ندى آية اية غنى سند عون فضل جهاد نضال رزق نصر شهد دعاء سجى أنوار
انوار ملاك حنان حنين جنى جنان عفاف كمال جلال جمال رضا رشاد وحيد مختار متعب مساعد منصور مسعود سيف
وسام نادر سامي غالب راضي شاكر صابر صادق فائز فايز رائد باسم هادي مؤمن مسلم عامر سعد مجاهد نجم زكي
عاصم حامد قاسم مؤيد مراد حافظ أديب اديب فارس فريد فتحي حمد أحمد احمد محمود ثابت ظاهر طاهر فوزي شوقي
شكري نجيب وديع فؤاد هاني بشير بسام عبد مجد خير عز ماجد شادي رفيق مأمون مالك أنس انس طه يس دانة فاتن
نجاة شروق غروب هند
"""
_AMBIGUOUS = frozenset(_AMBIGUOUS_TEXT.split())
# أحمد and محمود also mean "I praise" and "praised"; with a following name they are names.

_TITLE_SCORE = 0.9
_LABEL_SCORE = 0.85
_SALUTATION_SCORE = 0.85
_SIGN_OFF_SCORE = 0.75
_LEXICON_SCORE = 0.75
_AMBIGUOUS_SCORE = 0.7
_FAMILY_SCORE = 0.65
_BORN_SCORE = 0.8
# After a birth word: a date, a year, "في" (on/in), "بتاريخ" (dated) or "عام" (year).
_BIRTH_FOLLOWS = re.compile("[ \t]*(?:[0-9\u0660-\u0669]|في|بتاريخ|عام|سنة|:)")
# A bare "الاسم" column may list products; a person's row carries numbers or an address.
_BARE_HEADERS = frozenset({"الاسم", "الإسم", "name", "Name", "NAME", "names", "Names"})
_PERSONAL_ROW = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9@]")
_CELL_EDGES = frozenset(DELIMITERS) | {"\n", "\r"}


def _variants(name: str) -> set[str]:
    """Spellings of one name people actually type: hamza-less alef, ه for ة, ي for ى."""
    forms = {name, re.sub("[أإآ]", "ا", name)}
    for form in list(forms):
        if form.endswith("ة"):
            forms.add(form[:-1] + "ه")
        if form.endswith("ى"):
            forms.add(form[:-1] + "ي")
    for form in list(forms):
        if form.startswith("عبد") and form[3:5] == "ال":
            forms.add("عبد " + form[3:])
        if " " in form:
            forms.add(form.replace(" ", ""))
    return forms


@cache
def _given() -> frozenset[str]:
    """The shipped Arabic given names with their variant spellings, read once per process."""
    return _read("ar_given.txt")


@cache
def _family() -> frozenset[str]:
    """The shipped Arabic family names with their variant spellings, read once per process."""
    return _read("ar_family.txt")


def _read(name: str) -> frozenset[str]:
    text = files("breachguard").joinpath("data", "names", name).read_text("utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names |= _variants(line)
    return frozenset(names)


(
    _ANCHOR_TITLE,
    _ANCHOR_LABEL,
    _ANCHOR_SALUTATION,
    _ANCHOR_SIGN_OFF,
    _ANCHOR_NAME,
    _ANCHOR_FAMILY,
    _ANCHOR_LINK,
    _ANCHOR_BORN,
    _ANCHOR_HEADER,
) = range(9)


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()

    def add(words: Iterable[str], kind: int) -> None:
        for word in words:
            for form in _variants(word):
                if form not in automaton:
                    automaton.add_word(form, (kind, len(form)))

    # Later kinds do not replace earlier ones: a title or label spelling wins over a name.
    add(_TITLES, _ANCHOR_TITLE)
    add(_LATIN_TITLES, _ANCHOR_TITLE)
    add(_LABELS, _ANCHOR_LABEL)
    add(_SALUTATIONS, _ANCHOR_SALUTATION)
    add(_SIGN_OFFS, _ANCHOR_SIGN_OFF)
    add(_given(), _ANCHOR_NAME)
    add(_family(), _ANCHOR_FAMILY)
    add(_LINKS, _ANCHOR_LINK)
    add(_BORN, _ANCHOR_BORN)
    add(_HEADERS, _ANCHOR_HEADER)
    automaton.make_automaton()
    return automaton


def _is_letter(ch: str) -> bool:
    return ch in _WORD_CHARS


def _key(word: str) -> str:
    return word.translate(_STRIP_MARKS) if not _MARK_CHARS.isdisjoint(word) else word


def _next_word(norm: str, pos: int) -> re.Match[str] | None:
    """The Arabic word after ``pos`` on the same line, with only spaces between."""
    while pos < len(norm) and norm[pos] in " \t":
        pos += 1
    return _WORD.match(norm, pos)


def _previous_word(norm: str, pos: int) -> str:
    end = pos
    while end > 0 and norm[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and _is_letter(norm[start - 1]):
        start -= 1
    return _key(norm[start:end])


def _grow(norm: str, end: int, words: int, limit: int = 4) -> int:
    """Extend a name that ends at ``end`` over the words name structure allows."""
    given, family = _given(), _family()
    # A plain ال word ("الزهراء") may follow a given name once; after it only names, family
    # names and nisba forms go on, so "أحمد الهاشمي الرسالة" stops before "الرسالة".
    plain_al_allowed = not _previous_word(norm, end).startswith("ال")
    while words < limit:
        match = _next_word(norm, end)
        if match is None:
            break
        word = _key(match.group())
        if word in _CONNECTORS:
            governed = _next_word(norm, match.end())
            if governed is None or not _governable(word, _key(governed.group())):
                break
            end = governed.end()
            words += 2
            # "عبد الكريم" is a given name: a family name with ال may follow it.
            plain_al_allowed = word == "عبد"
            continue
        if word in _STOP or word in _ORG_BEFORE:
            break
        if word in given:
            end, words = match.end(), words + 1
            plain_al_allowed = True
            continue
        if word.startswith("و") and word[1:] in given:
            break  # "محمد وأحمد": a second person
        nisba = word.endswith("ي") and len(word) >= 4 and word[0] not in "يتن"
        if (
            word in family
            or nisba
            or (plain_al_allowed and word.startswith("ال") and len(word) > 3)
        ):
            end, words = match.end(), words + 1
            plain_al_allowed = False
            continue
        break
    return end


def _in_place_name(norm: str, start: int) -> bool:
    """Whether the words before ``start`` make what follows the name of a place or body:
    "شارع الأمير محمد", "مستشفى الدكتور سليمان", "جامعة الملك عبدالعزيز"."""
    previous = _previous_word(norm, start)
    if previous in _ORG_BEFORE or (previous[:1] == "و" and previous[1:] in _ORG_BEFORE):
        return True
    if previous in _TITLES or previous in {"الملك", "الملكة"}:
        return _previous_word(norm, start - len(previous) - 1) in _ORG_BEFORE
    return False


def _governable(connector: str, word: str) -> bool:
    """Whether ``word`` can follow ``connector`` in a name; after عبد any divine name can,
    though some (الكريم، الله) are stopwords elsewhere."""
    if connector == "عبد" and word.startswith("ال"):
        return True
    return not _function_word(word)


def _function_word(word: str) -> bool:
    """A stopword that cannot be part of a name; titles can (the family آل الشيخ)."""
    return word in _STOP and word not in _TITLES


def _given_like(word: str) -> bool:
    """Whether an unknown word can be the given name before a family name or connector."""
    if word in _given():
        return True
    return (
        len(word) >= 2
        and word not in _STOP
        and word not in _ORG_BEFORE
        and word not in _CONNECTORS
        and not word.startswith("ال")
        and not _looks_like_verb(word)
    )


def _after_anchor(
    norm: str, pos: int, *, loose: bool, strict_first_word: bool = False, limit: int = 4
) -> tuple[int, int] | None:
    """The name right after a title, label or salutation ending at ``pos``."""
    while True:
        match = _next_word(norm, pos)
        if match is None:
            latin = _LATIN_NAME.match(norm, _skip_spaces(norm, pos))
            return latin.span() if latin is not None else None
        word = _key(match.group())
        if word in _TITLES or word.strip(".") in _TITLES:
            pos = match.end() + (1 if norm[match.end() : match.end() + 1] == "." else 0)
            continue  # chained titles: "السيد الدكتور أحمد"
        if word in _STOP or word in _ORG_BEFORE:
            return None
        if not strict_first_word or not word.startswith("ال") or word in _given():
            break
        return None  # "إلى الإدارة": a definite noun, not a name
    start, end, words = match.start(), match.end(), 1
    if word in _CONNECTORS:
        governed = _next_word(norm, end)
        if governed is None:
            return None
        end, words = governed.end(), 2
    if loose:
        # After a label the value runs to the end of the field, whatever the words.
        while words < limit:
            nxt = _next_word(norm, end)
            if nxt is None:
                break
            if _key(nxt.group()) in _STOP and not (
                _key(norm[start:end]).endswith("عبد") and _governable("عبد", _key(nxt.group()))
            ):
                break
            end, words = nxt.end(), words + 1
        return start, end
    nxt = _next_word(norm, end)
    if nxt is not None:
        nkey = _key(nxt.group())
        if (
            nkey not in _STOP
            and nkey not in _ORG_BEFORE
            and nkey not in _CONNECTORS
            and not _looks_like_verb(nkey)
        ):
            end, words = nxt.end(), words + 1
    return start, _grow(norm, end, words, limit)


_VERB_PREFIXES = ("ي", "ت", "سي", "ست")


def _looks_like_verb(word: str) -> bool:
    """Present-tense verbs follow names often ("أحمد يعمل"); family names rarely look like them."""
    return len(word) >= 4 and word.startswith(_VERB_PREFIXES) and not word.endswith("ي")


def _at_line_start(norm: str, pos: int) -> bool:
    while pos > 0 and norm[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or norm[pos - 1] in "\r\n"


def _salutation_start(norm: str, pos: int) -> bool:
    """A greeting at a line's start, or its alternative after a slash ("عزيزي/عزيزتي")."""
    if _at_line_start(norm, pos):
        return True
    if pos < 2 or norm[pos - 1] != "/":
        return False
    before = _word_before(norm, pos - 1)
    return (
        before is not None
        and norm[before[0] : before[1]] in _SALUTATIONS
        and _at_line_start(norm, before[0])
    )


# A letter's address block: an organisation's department line, the addressee's name on a line
# of its own, then the first address line.
_NAME_LINE = re.compile(
    f"^[ \t]*(?P<value>{_WORD.pattern}(?:[ ]{_WORD.pattern}){{1,3}})[ \t]*\r?$", re.MULTILINE
)
_DEPARTMENT = re.compile(
    "قسم|إدارة|ادارة|دائرة|مديرية|وزارة|مكتب|بلدية|مجلس|هيئة|department|council|office",
    re.IGNORECASE,
)
_ADDRESS_START = re.compile(
    r"[ \t]*(?:[0-9\u0660-\u0669]|شقة|الشقة|منزل|فيلا|عمارة|ص\.ب|flat\b|apartment\b|unit\b)",
    re.IGNORECASE,
)


def _address_block(norm: str) -> Iterator[tuple[int, int, float]]:
    if _DEPARTMENT.search(norm) is None:
        return
    for line in _NAME_LINE.finditer(norm):
        start, end = line.span("value")
        if any(_function_word(_key(w)) or _key(w) in _STOP for w in line.group("value").split()):
            continue
        nxt = norm.find("\n", end)
        if nxt < 0 or _ADDRESS_START.match(norm, nxt + 1) is None:
            continue
        above = norm.rfind("\n", 0, line.start())
        while above > 0 and norm[above - 1] in "\r\n \t":
            above -= 1
        if above <= 0:
            continue
        previous = norm[norm.rfind("\n", 0, above) + 1 : above]
        if _DEPARTMENT.search(previous) is not None:
            yield start, end, _SALUTATION_SCORE


def _skip_spaces(norm: str, pos: int) -> int:
    while pos < len(norm) and norm[pos] in " \t":
        pos += 1
    return pos


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _arabic_lines(norm: str) -> list[tuple[int, int]]:
    """Lines holding Arabic letters, each with the line before it (a "Mr" or "Name:" that ends a
    line may introduce the name on the next): mixed mail is mostly English, and walking the
    automaton over it costs more than finding the Arabic lines."""
    regions: list[tuple[int, int]] = []
    position = 0
    while (letter := _ARABIC_LETTER.search(norm, position)) is not None:
        line_start = norm.rfind("\n", 0, letter.start()) + 1
        start = norm.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
        end = norm.find("\n", letter.end())
        end = len(norm) if end < 0 else end
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
        position = end
    return regions


def _anchors(norm: str) -> list[tuple[int, int, int]]:
    """(start, end, kind) of whole-word anchors, longest first at each start."""
    found: list[tuple[int, int, int]] = []
    size = len(norm)
    letters = _WORD_CHARS
    automaton = _automaton()
    # Slices, not iter(norm, a, b): the automaton converts its whole argument on every call.
    matches = (
        (a + last, value)
        for a, b in _arabic_lines(norm)
        for last, value in automaton.iter(norm[a:b])
    )
    for last, (kind, length) in matches:
        start = last - length + 1
        end = last + 1
        if end < size and norm[end] in letters and norm[end - 1] != ".":
            continue
        # A leading و ("and") is a clitic, not part of the word.
        clitic = norm[start - 1 : start] == "و" and not (start > 1 and _is_letter(norm[start - 2]))
        if start > 0 and _is_letter(norm[start - 1]) and not clitic:
            continue
        found.append((start, end, kind))
    found.sort(key=lambda a: (a[0], a[0] - a[1]))
    return found


def find_names(norm: str) -> Iterator[tuple[int, int, float]]:
    """Arabic-script person names: after titles, labels and salutations, or from known names."""
    given = _given()
    yield from _address_block(norm)
    covered = -1
    for start, end, kind in _anchors(norm):
        if start < covered:
            continue
        if kind == _ANCHOR_NAME:
            span = _from_name(norm, start, end, given)
            if span is not None:
                covered = span[1]
                yield span
            continue
        if kind in (_ANCHOR_FAMILY, _ANCHOR_LINK):
            span = _from_family(norm, start, end, kind, covered)
            if span is not None:
                covered = span[1]
                yield span
            continue
        if kind == _ANCHOR_BORN:
            span = _before_birth(norm, start, end)
            if span is not None:
                yield span
            continue
        if kind == _ANCHOR_HEADER or (kind == _ANCHOR_LABEL and _header_cell(norm, start, end)):
            yield from _column(norm, start, end)
            continue
        if _in_place_name(norm, start):
            continue
        pos = end
        if kind == _ANCHOR_LABEL:
            pos = _skip_spaces(norm, pos)
            if pos >= len(norm) or norm[pos] not in ":-=":
                continue
            pos += 1
        elif kind == _ANCHOR_SIGN_OFF:
            pos = _skip_spaces(norm, pos)
            if norm[pos : pos + 1] in {",", "،", "."}:
                pos = _skip_spaces(norm, pos + 1)
            if norm[pos : pos + 1] == "\r":
                pos += 1
            if norm[pos : pos + 1] != "\n":
                continue
            pos += 1
        elif kind == _ANCHOR_SALUTATION and not _salutation_start(norm, start):
            continue  # "إلى" and greetings mid-sentence are not salutations
        after = _after_anchor(
            norm,
            pos,
            loose=kind == _ANCHOR_LABEL,
            strict_first_word=kind in (_ANCHOR_SALUTATION, _ANCHOR_SIGN_OFF),
        )
        if after is None:
            continue
        score = {
            _ANCHOR_TITLE: _TITLE_SCORE,
            _ANCHOR_LABEL: _LABEL_SCORE,
            _ANCHOR_SALUTATION: _SALUTATION_SCORE,
            _ANCHOR_SIGN_OFF: _SIGN_OFF_SCORE,
        }[kind]
        covered = after[1]
        yield after[0], after[1], score


def _word_before(norm: str, pos: int) -> tuple[int, int] | None:
    """The span of the word ending at ``pos``, spaces skipped, on the same line."""
    end = pos
    while end > 0 and norm[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and _is_letter(norm[start - 1]):
        start -= 1
    return (start, end) if start < end else None


def _before_birth(norm: str, born: int, born_end: int) -> tuple[int, int, float] | None:
    """The name before a birth phrase: "زيارة منزلية إلى مُتيّم آل رفيع، المولود في ..."."""
    if _BIRTH_FOLLOWS.match(norm, born_end) is None:
        return None  # "المولود الجديد" (the newborn) names nobody
    pos = born
    while pos > 0 and norm[pos - 1] in " \t":
        pos -= 1
    if pos > 0 and norm[pos - 1] in "،,(-":
        pos -= 1
    given = _given()
    spans: list[tuple[int, int]] = []
    names = 0
    clean = False  # whether a word that cannot be a name marks where this one begins
    while True:
        found = _word_before(norm, pos)
        if found is None:
            # Line start or punctuation: the name begins here.
            clean = True
            break
        word = _key(norm[found[0] : found[1]])
        if _WORD.fullmatch(norm, found[0], found[1]) is None:
            clean = True
            break
        if word in _CONNECTORS or (word.startswith("و") and word[1:] in _CONNECTORS):
            if word.startswith("و") and word not in _CONNECTORS:
                break
        elif _function_word(word) or word in _ORG_BEFORE or word in _TITLES:
            clean = True
            break
        else:
            names += 1
            if names > 3:
                break
        spans.insert(0, found)
        pos = found[0]
    if not clean:
        # No boundary within reach: start at the first known given name, if any.
        while spans and _key(norm[spans[0][0] : spans[0][1]]) not in given:
            spans.pop(0)
    while spans and _key(norm[spans[0][0] : spans[0][1]]) in _CONNECTORS - _KUNYA - {"عبد"}:
        spans.pop(0)
    if not spans or names < 1:
        return None
    first = _key(norm[spans[0][0] : spans[0][1]])
    if first not in given and (len(spans) == 1 or first.startswith("ال")):
        return None
    return spans[0][0], spans[-1][1], _BORN_SCORE


def _header_cell(norm: str, start: int, end: int) -> bool:
    """Whether the anchor fills a cell of a delimited line on its own."""
    i = start - 1
    while i >= 0 and norm[i] in " \t\"'":
        i -= 1
    j = end
    while j < len(norm) and norm[j] in " \t\"'\r":
        j += 1
    return (i < 0 or norm[i] in _CELL_EDGES) and (j >= len(norm) or norm[j] in _CELL_EDGES)


def _column(norm: str, start: int, end: int) -> Iterator[tuple[int, int, float]]:
    """Arabic-script names in the cells below a header such as "الاسم" or "full_name"."""
    if not _header_cell(norm, start, end):
        return
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    if line_end < 0:
        return
    line = norm[line_start:line_end]
    delimiter = max(DELIMITERS, key=line.count)
    width = line.count(delimiter)
    if not width:
        return
    column = line.count(delimiter, 0, start - line_start)
    bare = norm[start:end] in _BARE_HEADERS
    row_start = line_end + 1
    while row_start < len(norm) and row_start - line_end <= HEADER_REACH:
        row_end = norm.find("\n", row_start)
        if row_end < 0:
            row_end = len(norm)
        if norm.count(delimiter, row_start, row_end) != width:
            return
        cell_start = row_start
        for _ in range(column):
            cell_start = norm.index(delimiter, cell_start, row_end) + 1
        cell_end = norm.find(delimiter, cell_start, row_end)
        span = _cell_name(norm, cell_start, row_end if cell_end < 0 else cell_end)
        if span is not None and (
            not bare or _PERSONAL_ROW.search(norm, row_start, row_end) is not None
        ):
            yield span
        row_start = row_end + 1


def _cell_name(norm: str, start: int, end: int) -> tuple[int, int, float] | None:
    """A cell holding one to five Arabic words and nothing else that cannot be in a name."""
    while start < end and norm[start] in " \t\"'":
        start += 1
    while end > start and norm[end - 1] in " \t\"'\r":
        end -= 1
    words = norm[start:end].split(" ")
    if not 1 <= len(words) <= 5:
        return None
    for word in words:
        if _WORD.fullmatch(word) is None or _function_word(_key(word)):
            return None
    return start, end, _LABEL_SCORE


def _from_family(
    norm: str, start: int, end: int, kind: int, covered: int
) -> tuple[int, int, float] | None:
    """A family name or a connector: the word before it is the given name."""
    previous = _previous_word(norm, start)
    first = start - len(previous) - 1
    if not previous or first < covered or norm[first : first + len(previous)] != previous:
        return None
    if not _given_like(previous) or _in_place_name(norm, first):
        return None
    if kind == _ANCHOR_LINK:
        governed = _next_word(norm, end)
        if governed is None or _function_word(_key(governed.group())):
            return None
        end = governed.end()
    score = _LEXICON_SCORE if previous in _given() else _FAMILY_SCORE
    return first, _grow(norm, end, 2), score


def _from_name(
    norm: str, start: int, end: int, given: frozenset[str]
) -> tuple[int, int, float] | None:
    word = _key(norm[start:end])
    previous = _previous_word(norm, start)
    if _in_place_name(norm, start):
        return None
    if previous in _KUNYA:
        # "أبو محمد" is a name, kunya included.
        start = (
            start - len(previous) - 1
            if norm[start - len(previous) - 1 : start - 1] == previous
            else start
        )
    while end < len(norm) and norm[end] in _MARK_CHARS:
        end += 1
    nxt = _next_word(norm, end)
    if nxt is None:
        return None
    nkey = _key(nxt.group())
    if word in _AMBIGUOUS and not (
        (nkey in given and nkey not in _AMBIGUOUS) or nkey in {"بن", "ابن", "بنت", "إبن"}
    ):
        return None
    grown = _grow(norm, end, 1)
    if grown == end:
        return None
    return start, grown, _AMBIGUOUS_SCORE if word in _AMBIGUOUS else _LEXICON_SCORE


RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        name="person_ar",
        entity="PERSON",
        finder=find_names,
        languages=_AR,
        priority=1,
    ),
)
