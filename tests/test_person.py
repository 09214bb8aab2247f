"""PERSON in English and Arabic script: titles, salutations, sign-offs, labels and lexicons find
names (listed or invented), organisations, places and headings stay silent, spans are exact."""

from __future__ import annotations

import pytest
from faker import Faker

from breachguard.detect.engine import Engine, hyperscan_available
from breachguard.detect.finding import Finding
from breachguard.detect.recognizers import person_ar, person_en

RECS = person_en.RECOGNIZERS + person_ar.RECOGNIZERS

ENGINE_KINDS = [
    pytest.param(
        True,
        id="hyperscan",
        marks=pytest.mark.skipif(not hyperscan_available(), reason="hyperscan wheel not installed"),
    ),
    pytest.param(False, id="re"),
]


@pytest.fixture(scope="module", params=ENGINE_KINDS)
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(RECS, use_hyperscan=request.param)


def people(engine: Engine, text: str) -> list[str]:
    return [f.text for f in engine.analyze(text) if f.entity == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # titles, the title itself left out
        ("Dr Zorvath Quillibrand will see you on Tuesday.", "Zorvath Quillibrand"),
        ("I wrote to Mrs. Ashcombe-Trevail last week.", "Ashcombe-Trevail"),
        ("Prof J. R. O'Brien chaired the panel.", "J. R. O'Brien"),
        ("Cllr Pendry Hawksmoor-Vane raised it.", "Pendry Hawksmoor-Vane"),
        ("Ask Mx Quade Ellory about it.", "Quade Ellory"),
        ("Sir Tobrin McAllistair opened it.", "Tobrin McAllistair"),
        # salutations and sign-offs
        ("Dear Mrs Ashcombe-Trevail,\nThank you for your letter.", "Ashcombe-Trevail"),
        ("Dear Amelia,\n\nPlease find attached.", "Amelia"),
        ("Hi Zenobe,\nquick one.", "Zenobe"),
        ("Thanks for this.\n\nYours sincerely,\nJohn Doe", "John Doe"),
        ("Kind regards\nPriya Sharma\nCaseworker", "Priya Sharma"),
        ("Best wishes,\n\nOrlagh Fenwright", "Orlagh Fenwright"),
        # form labels
        ("Name: Brynmor Vellacott\nDate of birth: 01/02/1990", "Brynmor Vellacott"),
        ("Full Name: Tamsyn Crowhurst", "Tamsyn Crowhurst"),
        ("Patient name: Keziah Ambrose-Lyle", "Keziah Ambrose-Lyle"),
        ("Child's name: Zoë Łukasiewicz", "Zoë Łukasiewicz"),
        ("Parent/Carer: Aoife Ní Bhriain", "Aoife Ní Bhriain"),
        ("SURNAME: VELLACOTT", "VELLACOTT"),
        ("Applicant: Dariusz Wrzesniewski", "Dariusz Wrzesniewski"),
        ("Signed: Marek Quistwood", "Marek Quistwood"),
        ("From: Sarah Pemberly <s.pemberly@example.org>", "Sarah Pemberly"),
        # lexicon: listed names and a listed given name beside an unlisted surname
        ("I spoke with Oliver Threnwick yesterday.", "Oliver Threnwick"),
        ("The complaint came from Fatima Begum on Monday.", "Fatima Begum"),
        ("We copied in Chukwuemeka Okafor and nobody else.", "Chukwuemeka Okafor"),
        ("Records for Agnieszka Kowalska were sent.", "Agnieszka Kowalska"),
        ("Yesterday Siobhan Gallagher called the office.", "Siobhan Gallagher"),
        ("Passed to Ioana Popescu for review.", "Ioana Popescu"),
        ("It was Mohammed Al-Rashid who signed.", "Mohammed Al-Rashid"),
    ],
)
def test_english_names_are_found_without_their_title(engine: Engine, text: str, name: str) -> None:
    assert name in people(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Holdings Ltd and Sopra Steria signed the contract.",
        "Kent County Council wrote to the Home Office.",
        "The New York office on High Street closed.",
        "Data Protection Officer\nAnnual Report 2024\nTerms and Conditions",
        "On Monday 3 March and Friday 14 November the team met.",
        "The Quick Brown Fox jumps. Meeting Notes follow.",
        "def getUserName(user_id): return UserAccount.lookup(user_name)",
        "Microsoft Teams and Google Drive are approved; Windows Server is not.",
        "Company name: Acme Widgets\nFile name: Quarterly Figures",
        "To: Kent County Council",
        "Dear Sir or Madam,\nDear Customer,\nDear Parent/Carer,",
        "Address: 14 Oliver Road, Lake Joshua",
        "The John Lewis Partnership and Marks & Spencer reported.",
        "Grant Application Form\nMark Scheme Guidance",
        "Thanks,\nThe Data Protection Team",
    ],
)
def test_english_organisations_places_and_headings_stay_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("السيد زرفان القمحاوي يعمل في الوزارة.", "زرفان القمحاوي"),
        ("الاسم: نوريس الخطابي\nالعنوان: شارع الملك", "نوريس الخطابي"),
        ("الدكتورة سلوانة البرقاوي حضرت الاجتماع.", "سلوانة البرقاوي"),
        ("د. سارة القحطاني", "سارة القحطاني"),
        ("المهندس مُنذر الكيلاني", "مُنذر الكيلاني"),
        ("عزيزي أحمد،\nنشكرك على رسالتك.", "أحمد"),
        ("عزيزتي ريم الشمري،", "ريم الشمري"),
        ("اسم الطفل: يزن بن راكان العتيبي", "يزن بن راكان العتيبي"),
        ("اسم الأب: عبد الرحمن الراشد", "عبد الرحمن الراشد"),
        ("الاسم الكامل: قمرين زهوان", "قمرين زهوان"),
        ("مع التحية،\nخالد المنصوري", "خالد المنصوري"),
        # lexicon and name structure without any title
        ("التقى محمد بن سلمان مع الوفد.", "محمد بن سلمان"),
        ("أرسلت فاطمة الزهراء الطلب أمس.", "فاطمة الزهراء"),
        ("وصل عبدالله العتيبي متأخرا.", "عبدالله العتيبي"),
        ("كتب احمد الهاشمي الرسالة.", "احمد الهاشمي"),
        ("وصلت رسالة من أبو محمد الهاشمي.", "أبو محمد الهاشمي"),
        ("حضر ثامر آل مرزوق الاجتماع.", "ثامر آل مرزوق"),
        ("وقع الطلب دريان القحطاني.", "دريان القحطاني"),
    ],
)
def test_arabic_names_are_found_without_their_title(engine: Engine, text: str, name: str) -> None:
    assert name in people(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "وزارة الداخلية ومكتب مفوض المعلومات ومجلس مقاطعة كينت",
        "يرجى إرسال الطلب إلى الإدارة المختصة قبل نهاية الشهر.",
        "حسن النية مطلوب في جميع المعاملات.",
        "عمر الطفل سبع سنوات.",
        "مستشفى الملك فهد وجامعة الملك عبدالعزيز",
        "عزيزي العميل،\nنود إعلامك بتحديث الشروط.",
        "الحمد لله على السلامة.",
        "شارع الأمير محمد بن عبدالعزيز",
    ],
)
def test_arabic_organisations_and_common_words_stay_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Quillibrand, please call.",
        "الاسم: نوريس الخطابي\n",
        "x\nKind regards,\n\nOliver Threnwick\n",
        "تم إرسال الملف إلى السيد زرفان القمحاوي رقم ٠٥٥١٢٣٤٥٦٧",
    ],
)
def test_spans_index_the_original_text(engine: Engine, text: str) -> None:
    for finding in engine.analyze(text):
        assert text[finding.start : finding.end] == finding.text
        assert finding.text == finding.text.strip()
        assert not finding.text.startswith(("Mr", "Dr", "السيد", "الاسم"))


def test_mixed_english_and_arabic_text(engine: Engine) -> None:
    text = "Mr John Pemberly والسيد أحمد الخطابي. Dear Mr راغب الحجار, اسم الطفل: Oliver Threnwick"
    found = people(engine, text)
    assert "John Pemberly" in found
    assert "أحمد الخطابي" in found
    assert "راغب الحجار" in found
    assert "Oliver Threnwick" in found


def test_arabic_indic_digits_next_to_a_name_stay_outside_the_span(engine: Engine) -> None:
    text = "السيد زرفان القمحاوي ١٢٣٤٥ والهاتف ٠٧٧٠٠٩٠٠١٢٣"
    (finding,) = [f for f in engine.analyze(text) if f.entity == "PERSON"]
    assert finding.text == "زرفان القمحاوي"
    assert (finding.start, finding.end) == (6, 20)


def test_two_people_in_one_run_are_two_findings(engine: Engine) -> None:
    assert people(engine, "Meeting with Sarah Jones and Mark Thompson.") == [
        "Sarah Jones",
        "Mark Thompson",
    ]


def test_a_known_name_scores_higher_than_an_unlisted_surname() -> None:
    eng = Engine(RECS, use_hyperscan=False)
    (both,) = eng.analyze("We met Emily Watson there.")
    (one,) = eng.analyze("We met Emily Threnwick there.")
    assert both.score > one.score >= 0.5


def _corpus() -> list[str]:
    fake = Faker("en_GB")
    fake.seed_instance(20240601)
    arabic = Faker("ar_AA")
    arabic.seed_instance(20240601)
    texts = []
    for _ in range(40):
        texts.append(
            f"From: {fake.name()} <{fake.email()}>\nDear {fake.first_name()},\n"
            f"{fake.paragraph()} {fake.name()} of {fake.company()} in {fake.city()}.\n"
            f"Kind regards\n{fake.name()}\n"
            f"عزيزي {arabic.name()}،\n{arabic.paragraph()}\nالاسم: {arabic.name()}\n"
        )
    return texts


@pytest.mark.skipif(not hyperscan_available(), reason="hyperscan wheel not installed")
def test_hyperscan_and_re_engines_agree_on_generated_letters() -> None:
    fast = Engine(RECS, use_hyperscan=True)
    slow = Engine(RECS, use_hyperscan=False)
    for text in _corpus():
        assert fast.analyze(text) == slow.analyze(text)


def test_run_prefilter_does_not_change_lexicon_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(_corpus())
    with_prefilter = list(person_en.find_names(text))
    monkeypatch.setattr(person_en, "_run_database", lambda: None)
    assert list(person_en.find_names(text)) == with_prefilter
    assert with_prefilter


def test_faker_letters_find_most_people() -> None:
    fake = Faker("en_GB")
    fake.seed_instance(7)
    eng = Engine(RECS, use_hyperscan=False)
    found = total = 0
    for _ in range(60):
        name = f"{fake.first_name()} {fake.last_name()}"
        text = f"The request was raised by {name} and forwarded on."
        total += 1
        found += name in people(eng, text)
    assert found / total >= 0.8


def test_optional_ner_backend_spans_join_and_resolve() -> None:
    def backend(text: str) -> list[tuple[int, int, float]]:
        # A stand-in model: tags "Quorra" wherever it occurs, with a modest score.
        start = text.find("Quorra")
        return [] if start < 0 else [(start, start + len("Quorra"), 0.6)]

    eng = Engine(RECS, use_hyperscan=False, ner=backend)
    text = "Quorra arrived. Dr Zorvath Quillibrand left."
    found = eng.analyze(text)
    assert [f.text for f in found] == ["Quorra", "Zorvath Quillibrand"]
    assert found[0] == Finding("PERSON", 0, 6, 0.6, "Quorra", recognizer="ner")
    assert eng.analyze(text, entities={"EMAIL_ADDRESS"}) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a column header names the column, however far above the row
        ("name,dob\nBrynmor Vellacott,01/02/1990\n", ["Brynmor Vellacott"]),
        ("Full Name\tNHS\nQuorra Tindlewick\t943 476 5919\n", ["Quorra Tindlewick"]),
        ("id;patient_name;dob\n1;Zorvek Pellanine;1990\n2;Tamsyn Crowhurst;1991\n",
         ["Zorvek Pellanine", "Tamsyn Crowhurst"]),
        ("الاسم,phone\nZorvek Pellanine,0123\n", ["Zorvek Pellanine"]),
        # no header: an address on the row made from the name
        ("Morste Pelste,2 May 1938,pelste.86@example.net\n", ["Morste Pelste"]),
        # an address beside the name, made from it
        ("Brynmor Vellacott <b.vellacott@example.org>", ["Brynmor Vellacott"]),
        ("To: Quorra Tindle <qtindle@example.org>; Marek Quistwood <marek.q@example.net>",
         ["Quorra Tindle", "Marek Quistwood"]),
        # personal data right after the name
        ("Zorvek Pellanine, aged 34, attended.", ["Zorvek Pellanine"]),
        ("here are the details for Selka Vrenn (born 19/05/1966).", ["Selka Vrenn"]),
        ("Home visit to Zorvek Pellanine, DOB 01/01/1990.", ["Zorvek Pellanine"]),
        ("We met Zorvek Pellanine, who lives at 3 Mill Lane.", ["Zorvek Pellanine"]),
        # a relation or role before the name
        ("Daughter Wynvin Wood present (mobile 07700 900123).", ["Wynvin Wood"]),
        ("Client Zorvek Pellanine attended.", ["Zorvek Pellanine"]),
        ("The child Zorvek Pellanine was seen.", ["Zorvek Pellanine"]),
    ],
)  # fmt: skip
def test_invented_english_names_are_found_from_structure(
    engine: Engine, text: str, names: list[str]
) -> None:
    assert people(engine, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "product,name\nwidget,Blue Widget\n",
        "team,name\nops,Quarterly Review\n",
        "name,city\nNew York,Boston\n",
        "Customer Support <support@acme.example>",
        "Northbridge Housing <housing@northbridge.example>",
        "Patient Experience Survey, aged care services",
        "Client Relationship Manager",
        "our client Acme Widgets Ltd",
        "Data Protection Team (born in 2018)",
        "Harbour View, born 1990",
        # street names are addresses, not people
        "Civic Hall, Portland Way, Northbridge LS2 8BH",
        "at Flat 56, Walker River, Danielleton",
        "Studio 53, Andrew Brook, West Geraldinechester",
    ],
)
def test_structure_without_a_person_stays_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("الاسم,تاريخ الميلاد\nزرفان القمحاوي,01/02/1990\nمُتيّم آل رفيع,02/03/1991\n",
         ["زرفان القمحاوي", "مُتيّم آل رفيع"]),
        ("full_name,phone\nكرطاغا ثوسوكر,0123\n", ["كرطاغا ثوسوكر"]),
        ("زيارة منزلية إلى مُتيّم آل رفيع، المولود في 02/02/1991", ["مُتيّم آل رفيع"]),
        ("زيارة إلى كرطاغا ثوسوكر، المولودة في 1990", ["كرطاغا ثوسوكر"]),
        ("مع خالص التحيات،\nمزهر حجار\nأخصائي اجتماعي", ["مزهر حجار"]),
        ("الاسم الكامل: ريم عبد الكريم النقاش", ["ريم عبد الكريم النقاش"]),
        ("إلى السيدة ريم عبد الكريم النقاش\n", ["ريم عبد الكريم النقاش"]),
    ],
)  # fmt: skip
def test_arabic_names_in_rows_before_birth_and_after_sign_offs(
    engine: Engine, text: str, names: list[str]
) -> None:
    assert people(engine, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "المنتج,الاسم\nقلم,أزرق\n",  # a bare "الاسم" column of products, no numbers
        "تمت زيارة المدرسة، المولود الجديد بخير",
    ],
)
def test_arabic_structure_without_a_person_stays_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Employee ID\tFirst name\tLast name\tDate of Birth\n"
            "E1\tQuillan\tVexmoor\t1990-02-13\nE2\tMarla\tGreen\t31/10/1977\n",
            ["Quillan", "Vexmoor", "Marla", "Green"],
        ),
        (
            "No.,Surname,Given names,Nationality,Passport No.\n"
            "1,DRAVELIN,Oskaria,Syrian,WA9044229\n2,LORD,Petrina,Polish,GS3995097\n",
            ["DRAVELIN", "Oskaria", "LORD", "Petrina"],
        ),
        ("ref|forename(s)|family_name\n101|Tobrin|Halvercott\n", ["Tobrin", "Halvercott"]),
    ],
)
def test_single_word_cells_under_name_part_headers_are_people(
    engine: Engine, text: str, names: list[str]
) -> None:
    assert people(engine, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Code\tCategory\tLast name\n123\tStatus\tUnknown\n",  # a stopword-like value
        "Product\tColour\tSize\n100\tGreen\tLarge\n",  # no name-part header
        "First name\tLast name\nName\tSurname\n",  # a header row names nobody
    ],
)
def test_name_part_columns_without_a_person_stay_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Mum reported that Zelphie (DOB 29/8/2015) was absent.", ["Zelphie"]),
        ("the school said Joe, born 2012, had left.", ["Joe"]),
        ("Case note - recorded by Lotelro Ixsen (Social Worker).", ["Lotelro Ixsen"]),
        ("Detained abroad. Briomar Keltasz, 30, from Leeds, was held.", ["Briomar Keltasz"]),
    ],
)
def test_names_beside_personal_data_or_a_role_are_found(
    engine: Engine, text: str, names: list[str]
) -> None:
    assert people(engine, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Section 1: Child / Young Person\nForename: ",
        "Date\tHoliday\n25/12/2027\tChristmas Day\n26/12/2027\tBoxing Day\n",
        "I moved into 36 Allen Mansions, Lee Walk, S10 6AW last year.",
        "Previous address: 24 Robinson Court, Mitchell Lane, Leeds.",
        "I moved into 12 Lord Heights, Blake Walk, BR1 6AA in May.",
        "the report said Safeguarding (born of concern) mattered.",
    ],
)
def test_headings_holidays_and_building_names_are_not_people(engine: Engine, text: str) -> None:
    assert people(engine, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "مجلس المدينة - قسم الإسكان\n\nقادر الفلاني\nشقة 3، 68 شارع النخيل\nبرادفورد\n",
            ["قادر الفلاني"],
        ),
        (
            "مجلس المدينة - قسم الإسكان\n\nمُنجد وهبيان\nFlat 7, 9 West Road\n",
            ["مُنجد وهبيان"],
        ),
        ("الموضوع: موعد\n\nعزيزي/عزيزتي طلغاز جعفراني،\n\nنود إعلامكم", ["طلغاز جعفراني"]),
        ("الرقم,الاسم الأول,اسم العائلة\n101,طلغاز,جعفراني\n", ["طلغاز", "جعفراني"]),
        ("الرقم,اللقب\n101,الحلبي\n", ["الحلبي"]),
    ],
)
def test_arabic_names_in_address_blocks_greetings_and_name_part_columns(
    engine: Engine, text: str, names: list[str]
) -> None:
    assert people(engine, text) == names


@pytest.mark.parametrize(
    "text",
    [
        # a line of Arabic words with no department line above it is not an addressee
        "ملاحظات عامة\n\nتم الاستلام بنجاح\nشقة 3، 68 شارع النخيل\n",
        # a greeting after a slash mid-sentence
        "قال إن الأمر عادي/عزيزي جدا",
    ],
)
def test_arabic_lines_without_an_addressee_stay_silent(engine: Engine, text: str) -> None:
    assert people(engine, text) == []
