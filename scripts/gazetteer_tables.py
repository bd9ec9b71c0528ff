"""Hand-made tables of the gazetteer build (scripts/build_gazetteer.py).

What the source data lacks or gets wrong, written by hand: English names of
countries and governorates, the governorate of each GeoNames admin1 code and
its capital's coordinates, English names and levels of well-known places,
Arabic spellings news uses that the data lacks (and wrong ones to drop),
the stoplist and guard lists of names that are also common words, and the
places the data does not have (bases, oil fields, crossings, neighbourhoods),
whose coordinates were determined by hand (see extract/data/README.md).

Places are named by their GeoNames id (the `geonames_id` column of the Who's
On First extract), hand-made ones by a slug. `CITIES500` keeps the population
of the places of GeoNames' cities500 set (at least 500 inhabitants or an
administrative seat; 0 where GeoNames gives none), which Who's On First
mostly lacks: they rank homonyms and set levels.
"""

from __future__ import annotations

from typing import Any

# Countries: English name, conventional country point (lat, lon), Arabic names.
COUNTRIES: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "SY": ("Syria", 35.0, 38.0, ("سوريا", "?سورية", "الجمهورية العربية السورية")),
    "IQ": ("Iraq", 33.0, 44.0, ("العراق", "جمهورية العراق")),
    "LB": ("Lebanon", 33.8333, 35.8333, ("لبنان", "الجمهورية اللبنانية")),
    "JO": ("Jordan", 31.0, 36.0, ("الأردن", "المملكة الأردنية الهاشمية", "المملكة الأردنية")),
    "YE": ("Yemen", 15.0, 48.0, ("اليمن", "الجمهورية اليمنية")),
}

# Generous bounding boxes (south, north, west, east) of the countries: a source
# point outside its country's box is an error of the source (a few Yemeni
# villages lie at 0.25 N 0.78 E) and is left out.
BOUNDS: dict[str, tuple[float, float, float, float]] = {
    "SY": (32.0, 37.6, 35.5, 42.6),
    "IQ": (29.0, 37.6, 38.5, 48.8),
    "LB": (33.0, 34.8, 35.0, 36.8),
    "JO": (29.0, 33.5, 34.8, 39.5),
    "YE": (12.0, 19.1, 41.5, 54.8),
}

# Countries outside the data that hand-made entries may lie in.
OTHER_COUNTRIES: dict[str, str] = {"IL": "Israel"}

# Governorates: (country, GeoNames admin1 code) -> English name, the capital's
# coordinates (a governorate is located at its capital, as in GeoNames), Arabic
# names. A leading "!" or "?" guards a name that is also a common word.
ADMIN1: dict[tuple[str, str], tuple[str, float, float, tuple[str, ...]]] = {
    ("SY", "01"): ("Al-Hasakah", 36.50237, 40.74772, ("الحسكة",)),
    ("SY", "02"): ("Latakia", 35.53125, 35.79088, ("اللاذقية",)),
    ("SY", "03"): ("Quneitra", 33.12595, 35.82461, ("القنيطرة",)),
    ("SY", "04"): ("Raqqa", 35.95283, 39.00788, ("الرقة",)),
    ("SY", "05"): ("As-Suwayda", 32.70896, 36.56951, ("السويداء",)),
    ("SY", "06"): ("Daraa", 32.61889, 36.10213, ("درعا",)),
    ("SY", "07"): ("Deir ez-Zor", 35.33588, 40.14084, ("دير الزور", "ديرالزور")),
    ("SY", "08"): ("Rif Dimashq", 33.57175, 36.4027, ("ريف دمشق",)),
    ("SY", "09"): ("Aleppo", 36.20124, 37.16117, ("حلب",)),
    ("SY", "10"): ("Hama", 35.13179, 36.75783, ("حماة",)),
    ("SY", "11"): ("Homs", 34.72405, 36.72559, ("حمص",)),
    ("SY", "12"): ("Idlib", 35.93062, 36.63393, ("إدلب",)),
    ("SY", "13"): ("Damascus", 33.5102, 36.29128, ("دمشق",)),
    ("SY", "14"): ("Tartus", 34.88902, 35.88659, ("طرطوس",)),
    ("IQ", "01"): ("Al Anbar", 33.42056, 43.30778, ("الأنبار",)),
    ("IQ", "02"): ("Basra", 30.50852, 47.7804, ("البصرة",)),
    ("IQ", "03"): ("Al Muthanna", 31.33198, 45.2944, ("?المثنى",)),
    ("IQ", "04"): ("Al-Qadisiyah", 31.99289, 44.92552, ("?القادسية", "الديوانية")),
    ("IQ", "05"): ("Sulaymaniyah", 35.56496, 45.4329, ("السليمانية",)),
    ("IQ", "06"): ("Babil", 32.46367, 44.41963, ("بابل",)),
    ("IQ", "07"): ("Baghdad", 33.34058, 44.40088, ("بغداد",)),
    ("IQ", "08"): ("Duhok", 36.86608, 42.9879, ("دهوك",)),
    ("IQ", "09"): ("Dhi Qar", 31.05799, 46.25726, ("ذي قار",)),
    ("IQ", "10"): ("Diyala", 33.75403, 44.60518, ("ديالى",)),
    ("IQ", "11"): ("Erbil", 36.19117, 44.00943, ("أربيل",)),
    ("IQ", "12"): ("Karbala", 32.61603, 44.02488, ("كربلاء",)),
    ("IQ", "13"): ("Kirkuk", 35.46806, 44.39222, ("كركوك",)),
    ("IQ", "14"): ("Maysan", 31.83561, 47.14483, ("ميسان",)),
    ("IQ", "15"): ("Nineveh", 36.335, 43.11889, ("نينوى",)),
    ("IQ", "16"): ("Wasit", 32.5128, 45.81817, ("واسط",)),
    ("IQ", "17"): ("Najaf", 32.02594, 44.34625, ("النجف",)),
    ("IQ", "18"): ("Salah ad-Din", 34.61581, 43.67861, ("?صلاح الدين",)),
    ("IQ", "19"): ("Halabja", 35.17778, 45.98611, ("حلبجة",)),
    ("LB", "04"): ("Beirut", 33.89332, 35.50157, ("بيروت",)),
    ("LB", "05"): ("Mount Lebanon", 33.83389, 35.54417, ("جبل لبنان",)),
    ("LB", "06"): ("South Lebanon", 33.55751, 35.37148, ("جنوب لبنان", "الجنوب اللبناني")),
    ("LB", "07"): ("Nabatieh", 33.37889, 35.48389, ("النبطية",)),
    ("LB", "08"): ("Beqaa", 33.84675, 35.90203, ("البقاع",)),
    ("LB", "09"): ("North Lebanon", 34.43352, 35.84415, ("شمال لبنان", "الشمال اللبناني")),
    ("LB", "10"): ("Akkar", 34.54278, 36.07972, ("عكار",)),
    ("LB", "11"): ("Baalbek-Hermel", 34.00583, 36.21806, ("بعلبك الهرمل",)),
    ("JO", "02"): ("Balqa", 32.03917, 35.72722, ("البلقاء",)),
    ("JO", "09"): ("Karak", 31.18511, 35.70474, ("الكرك",)),
    ("JO", "12"): ("Tafilah", 30.83752, 35.60442, ("الطفيلة",)),
    ("JO", "15"): ("Mafraq", 32.344, 36.21094, ("المفرق",)),
    ("JO", "16"): ("Amman", 31.88933, 35.88505, ("!عمان", "العاصمة عمان")),
    ("JO", "17"): ("Zarqa", 32.07275, 36.08796, ("?الزرقاء",)),
    ("JO", "18"): ("Irbid", 32.55556, 35.85, ("إربد",)),
    ("JO", "19"): ("Ma'an", 30.19624, 35.73405, ("?معان",)),
    ("JO", "20"): ("Ajlun", 32.33385, 35.75238, ("عجلون",)),
    ("JO", "21"): ("Aqaba", 29.52667, 35.00778, ("!العقبة",)),
    ("JO", "22"): ("Jarash", 32.28082, 35.89929, ("جرش",)),
    ("JO", "23"): ("Madaba", 31.71667, 35.8, ("مادبا", "مأدبا")),
    ("YE", "01"): ("Abyan", 13.12871, 45.38073, ("أبين",)),
    ("YE", "02"): ("Aden", 12.77957, 45.03852, ("عدن",)),
    ("YE", "03"): ("Al-Mahrah", 16.20787, 52.17605, ("?المهرة",)),
    ("YE", "04"): ("Hadramawt", 14.54248, 49.12424, ("حضرموت",)),
    ("YE", "05"): ("Shabwah", 14.53767, 46.83187, ("شبوة",)),
    ("YE", "08"): ("Al Hudaydah", 14.79781, 42.95452, ("الحديدة",)),
    ("YE", "10"): ("Al Mahwit", 15.47007, 43.54481, ("المحويت",)),
    ("YE", "11"): ("Dhamar", 14.54274, 44.40514, ("ذمار",)),
    ("YE", "14"): ("Marib", 15.46253, 45.32581, ("مأرب",)),
    ("YE", "15"): ("Saada", 16.94021, 43.76393, ("صعدة",)),
    ("YE", "16"): ("Sanaa Governorate", 15.35452, 44.20646, ("صنعاء",)),
    ("YE", "18"): ("Ad Dali", 13.69572, 44.73137, ("الضالع",)),
    ("YE", "19"): ("Amran", 15.6594, 43.94385, ("?عمران",)),
    ("YE", "20"): ("Al Bayda", 13.98523, 45.57272, ("?البيضاء",)),
    ("YE", "21"): ("Al Jawf", 16.16406, 44.77692, ("?الجوف",)),
    ("YE", "22"): ("Hajjah", 15.69425, 43.60582, ("?حجة",)),
    ("YE", "23"): ("Ibb", 13.96667, 44.18333, ("!إب",)),
    ("YE", "24"): ("Lahij", 13.05667, 44.88194, ("لحج",)),
    ("YE", "25"): ("Taiz", 13.57952, 44.02091, ("تعز",)),
    ("YE", "26"): ("Amanat al-Asimah", 15.35452, 44.20646, ("أمانة العاصمة",)),
    ("YE", "27"): ("Raymah", 14.70389, 43.59917, ("?ريمة",)),
    ("YE", "28"): ("Socotra", 12.64881, 54.01895, ("سقطرى", "أرخبيل سقطرى")),
}

# Sanaa Governorate has no capital of its own in GeoNames: it borrows Sanaa's
# coordinates (Sanaa is in the capital secretariat, YE.26).

# Common words that are also GeoNames names: a variant equal to one of these is
# dropped. Small villages whose only Arabic name is such a word disappear.
STOPWORDS = """
مدينة مدينه مدن بلدة بلدات قرية قرى ناحية قضاء مديرية منطقة مناطق حي أحياء مخيم قاعدة مطار
معسكر مجمع حقل معمل منفذ سد ميناء جزيرة إقليم محافظة ريف بادية إطار اطار
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
بلد الحي العلم إب صور عنة عالية عاليه العمارة الحراك التبني الدور كسب سلوك
سيان صدد الجمعيات بصرى الإمام علي الكرامة عمان سال حاتم حلاوة صخرة الطيبة طيبة صمد
حكما متنة
"""
# Names that are common words but safe enough after a locative (في، قرب، شرق…).
WEAK = """
تدمر الباب القصير الطبقة حجة البيضاء الراعي السفيرة الحاضر نبل التل قارة جاسم سحر
الشامية الهندية البصيرة الكسرة الضمير عمران الحزم حديثة القائم الحضر صفوان الزبير
العباسي دبس خالص الخالص القاسم الهاشمية رانية إبراهيم الخليل مهين السخنة السلمية
الغازية بشري ربيعة حرير ريمة الجفرة فيكتوريا المثنى القادسية المهرة الجوف ذباب اللحية حرض
الزاهر ملكا الإسكندرية
"""

# First words that news text sometimes writes joined to the next: ديرالزور.
JOINABLE = ("دير", "رأس", "عين", "جسر")

# Descriptive words GeoNames sometimes puts in front of a name ("مدينة حمص").
DESCRIPTORS = (
    "مركز قضاء", "مركز ناحية", "مدينة", "ناحية", "قضاء", "مركز", "قرية", "محافظة", "منطقة",
    "مديرية", "بلدة", "حي",
)  # fmt: skip
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

# Levels that population does not tell: city neighbourhoods GeoNames lists as towns.
LEVELS: dict[int, str] = {
    388349: "neighbourhood", 7802746: "neighbourhood", 166716: "neighbourhood",
    99071: "neighbourhood", 268743: "neighbourhood", 73422: "neighbourhood",
    73656: "neighbourhood", 73786: "neighbourhood", 77662: "neighbourhood",
    77940: "neighbourhood", 78931: "neighbourhood", 79799: "neighbourhood",
    8419677: "neighbourhood", 90393: "city",
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
# Arabic spellings to add to a Who's On First place (by WOF id), as EXTRA does by GeoNames id:
# spellings news uses that the data lacks.
EXTRA_WOF: dict[int, tuple[str, ...]] = {
    1327207133: ("خانصور", "خانه صور"),  # Khanasor, Sinjar (the data: "خانة سور")
    1242966003: ("!نصاب",),  # Nisab town, Shabwah (the data: "نصاب الزكاة"); "نصاب" is a word
    1091926187: ("!نصاب",),  # Nisab district, which the data names in Latin script only
    1091918487: ("!الوضيع",),  # Al-Wadea district, Abyan, likewise; "الوضيع" is a word
    1226160799: ("!الكرمة",),  # Al-Karmah subdistrict, Anbar, likewise; "الكرمة" is a word
}
# Who's On First names that name something else (by WOF id): Samawah district is not Samarra.
WRONG_WOF: dict[int, tuple[str, ...]] = {
    421205333: ("سامراء",),
    1125922541: ("خليج",),  # Al-Khalis is not "gulf"
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


# Places the data lacks or names poorly. Coordinates were determined by hand
# (see extract/data/README.md); None where no source fixed them to ~0.05°.
# `replaces` names Who's On First rows (by WOF id) of the same place: their
# spellings join the hand entry and they are left out.
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
    dict(key="harabesh", name="Harabesh (Deir ez-Zor)", kind="neighbourhood", admin1="SY.07",
         lat=35.31, lon=40.17, arabic=("هرابش", "الهرابش")),
    dict(key="al-jafra", name="Al-Jafra (Deir ez-Zor)", kind="village", admin1="SY.07",
         lat=35.30, lon=40.20, arabic=("الجفرا", "?الجفرة")),
    dict(key="al-jamiyat-bukamal", name="Al-Jamiyat (Al-Bukamal)", kind="neighbourhood",
         admin1="SY.07", lat=34.4522, lon=40.9186, arabic=("!الجمعيات", "!الجماعية")),
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
    # the town west of As-Suwayda that neither source lists; "المزرعة" is also "the farm"
    dict(key="al-mazraa-suwayda", name="Al-Mazraa", kind="town", admin1="SY.05",
         lat=32.79, lon=36.48, arabic=("!المزرعة",)),
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
         replaces=(102542747,),
         lat=37.0206, lon=41.1914, arabic=("القامشلي", "القامشلو")),
    dict(key="ain-diwar", name="Ain Diwar", kind="village", admin1="SY.01",
         lat=37.28, lon=42.20, arabic=("عين ديوار",)),
    # Syria: Daraa
    dict(key="daraa-al-balad", name="Daraa al-Balad", kind="neighbourhood", admin1="SY.06",
         lat=32.6125, lon=36.1030, arabic=("درعا البلد",)),
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
    dict(key="mezzeh", name="Mezzeh", kind="neighbourhood", admin1="SY.13", lat=33.50, lon=36.25,
         arabic=("المزة",)),
    dict(key="damascus-airport", name="Damascus International Airport", kind="base",
         admin1="SY.08", lat=33.4115, lon=36.5156,
         arabic=("دمشق",)),
    dict(key="sayyida-zaynab", name="Sayyida Zaynab", kind="neighbourhood", admin1="SY.08",
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
         replaces=(102542465,),
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
    dict(key="baghdad-green-zone", name="Green Zone (Baghdad)", kind="neighbourhood",
         admin1="IQ.07", lat=33.305, lon=44.385, arabic=("المنطقة الخضراء",)),
    dict(key="kurdistan-region", name="Kurdistan Region", kind="region", admin1=None,
         country="IQ", lat=36.19, lon=44.01,
         arabic=("إقليم كردستان", "إقليم كردستان العراق", "كردستان العراق", "كردستان")),
    # Lebanon
    dict(key="bab-al-tabbaneh", name="Bab al-Tabbaneh", kind="neighbourhood", admin1="LB.09",
         lat=34.4425, lon=35.8425, arabic=("باب التبانة", "باب التبانه")),
    dict(key="jabal-mohsen", name="Jabal Mohsen", kind="neighbourhood", admin1="LB.09",
         lat=34.4450, lon=35.8400, arabic=("جبل محسن",)),
    dict(key="hawsh-al-sayyid-ali", name="Hawsh al-Sayyid Ali", kind="village",
         admin1="LB.11", lat=None, lon=None, arabic=("حوش السيد علي",)),
    dict(key="dahiyeh", name="Dahiyeh (Beirut southern suburbs)", kind="neighbourhood",
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
    dict(key="al-anad-air-base", name="Al-Anad air base", kind="base", admin1="YE.24",
         lat=13.1760, lon=44.7650, arabic=("قاعدة العند", "قاعدة العند الجوية", "?العند")),
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
    dict(key="syrian-desert", name="Syrian Desert", kind="region", admin1=None,
         country="SY", lat=34.6, lon=38.3,
         arabic=("البادية السورية", "بادية الشام", "الصحراء السورية")),
    dict(key="anbar-desert", name="Anbar Desert", kind="region", admin1="IQ.01",
         lat=33.0, lon=41.5, arabic=("صحراء الأنبار", "بادية الأنبار")),
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
         lat=33.28, lon=35.58, arabic=("?المطلة", "?مطلة")),
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

CITIES500: dict[int, int] = {
    2960: 0, 4273: 0, 5174: 0, 30485: 0, 30490: 0, 30616: 0, 30689: 0, 30696: 0, 30714: 0,
    30729: 0, 30735: 0, 30740: 0, 30748: 0, 30762: 0, 34703: 0, 34717: 0, 34724: 0, 34821: 0,
    34827: 0, 34846: 0, 34860: 0, 34862: 0, 34886: 0, 69426: 19879, 69457: 0, 69482: 0,
    69500: 52590, 69537: 0, 69559: 33050, 69640: 0, 69684: 0, 69686: 0, 69769: 0, 69944: 0,
    70080: 0, 70160: 0, 70225: 940600, 70272: 0, 70346: 100, 70357: 0, 70656: 0, 70676: 7000,
    70677: 0, 70759: 0, 70910: 0, 70979: 69404, 71005: 0, 71136: 0, 71137: 1937451, 71273: 31859,
    71334: 51870, 71491: 0, 71549: 0, 71558: 0, 71687: 0, 71799: 3500, 71834: 0, 71904: 0,
    72430: 3, 72519: 0, 72557: 0, 72561: 0, 72647: 0, 72746: 0, 72752: 0, 72760: 0, 72781: 0,
    72855: 0, 72968: 16794, 73091: 0, 73125: 0, 73325: 0, 73331: 0, 73422: 0, 73504: 0,
    73560: 23375, 73638: 0, 73650: 0, 73656: 0, 73668: 0, 73685: 2013, 73786: 0, 73788: 0,
    74167: 0, 74185: 0, 74368: 0, 74477: 771514, 74490: 0, 74906: 0, 74938: 0, 75000: 0, 75034: 0,
    75133: 0, 75163: 0, 75239: 0, 75337: 43549, 75357: 0, 75427: 8545, 75504: 0, 75508: 0,
    75518: 0, 75539: 0, 75618: 21259, 76089: 0, 76125: 0, 76147: 0, 76154: 37997, 76184: 160114,
    76362: 0, 76482: 0, 76699: 0, 76927: 0, 76991: 34204, 77017: 0, 77307: 0, 77408: 48218,
    77529: 0, 77636: 0, 77655: 0, 77662: 0, 77726: 37315, 77791: 0, 77800: 0, 77809: 0, 77843: 0,
    77872: 0, 77940: 0, 77946: 0, 77980: 0, 77985: 0, 78019: 0, 78112: 0, 78428: 90792, 78471: 0,
    78543: 0, 78675: 0, 78713: 0, 78751: 16794, 78754: 594951, 78776: 0, 78823: 0, 78909: 0,
    78929: 0, 78931: 0, 78964: 0, 78977: 10593, 78991: 0, 79015: 1986, 79050: 0, 79131: 0,
    79393: 0, 79415: 734699, 79455: 18241, 79609: 0, 79700: 10948, 79799: 0, 79836: 37821,
    80105: 0, 80309: 0, 80331: 0, 80336: 0, 80379: 0, 80383: 0, 80384: 14760, 89482: 0,
    89570: 95052, 89824: 107620, 90026: 120712, 90150: 42477, 90199: 21788, 90220: 0,
    90353: 23524, 90393: 0, 90510: 0, 90532: 152512, 90708: 128776, 90831: 0, 91057: 160000,
    91083: 32599, 91283: 0, 91597: 158508, 91772: 22929, 91812: 35720, 92002: 22943, 92004: 13000,
    92052: 114173, 92138: 74100, 92430: 50000, 92436: 0, 92511: 110000, 92537: 39698,
    92615: 140688, 92765: 750, 93455: 0, 93562: 1464, 93706: 1285, 93709: 29785, 93818: 0,
    94220: 44987, 94298: 30143, 94591: 175000, 94787: 1031000, 94824: 1218732, 94911: 0,
    95005: 250000, 95224: 0, 95446: 1612700, 95788: 31901, 95804: 0, 95886: 0, 96046: 32171,
    96205: 57333, 96309: 30925, 96833: 0, 96953: 0, 96961: 91589, 96994: 340900, 97001: 0,
    97145: 0, 97329: 0, 97417: 42593, 97478: 0, 97783: 173677, 97788: 15000, 97825: 28000,
    97890: 15000, 97990: 152550, 98012: 27116, 98069: 0, 98109: 0, 98112: 42088, 98156: 130518,
    98182: 7216000, 98198: 0, 98245: 122676, 98293: 0, 98304: 0, 98403: 0, 98459: 77200,
    98463: 878146, 98530: 152890, 98589: 22643, 98622: 182175, 98629: 57661, 98677: 22370,
    98685: 47248, 98699: 0, 98717: 223500, 98822: 23000, 98846: 110000, 98854: 558400,
    98860: 482576, 98885: 19719, 98993: 134174, 99003: 0, 99010: 93546, 99039: 101873,
    99060: 23189, 99062: 155968, 99071: 2065597, 99072: 1683000, 99100: 350000, 99103: 31200,
    99131: 315162, 99135: 110000, 99168: 0, 99169: 70046, 99182: 0, 99226: 100600, 99306: 19711,
    99344: 139578, 99347: 455700, 99350: 78272, 99357: 0, 99369: 92395, 99375: 0, 99413: 0,
    99434: 30909, 99446: 104569, 99454: 190159, 99524: 0, 99532: 1326564, 99548: 44751, 99560: 0,
    99608: 323302, 99611: 0, 99738: 35536, 99759: 26362, 99762: 318801, 99768: 0, 99834: 0,
    100050: 0, 100077: 900000, 162284: 0, 162560: 18553, 162627: 40502, 162706: 0, 162803: 0,
    163270: 29259, 163330: 0, 163345: 458327, 163434: 0, 163470: 0, 163476: 25658, 163533: 29754,
    163568: 0, 163596: 0, 163747: 0, 163750: 0, 163774: 0, 163779: 38491, 163799: 0,
    163806: 31249, 163808: 51015, 163811: 34670, 163913: 0, 163915: 30716, 163921: 0,
    164025: 25514, 164052: 0, 164071: 0, 164083: 0, 164094: 0, 164159: 0, 164328: 25920,
    164354: 0, 164398: 8076, 164451: 0, 164479: 5116, 164626: 14784, 164717: 0, 164773: 0,
    164782: 0, 164816: 34231, 164889: 3098, 164895: 0, 164898: 31608, 164917: 9155, 164947: 94887,
    164952: 12842, 164994: 30519, 165060: 27815, 165109: 0, 165143: 0, 165158: 0, 165303: 0,
    165428: 0, 165509: 0, 165533: 0, 165571: 0, 165637: 0, 165672: 0, 165757: 0, 165929: 18511,
    165940: 0, 165997: 30283, 166111: 20656, 166158: 0, 166227: 0, 166251: 0, 166285: 51230,
    166331: 25546, 166365: 47066, 166503: 0, 166507: 0, 166597: 0, 166640: 14307, 166716: 99999,
    166719: 9112, 166742: 17578, 166757: 0, 166946: 0, 167046: 32262, 167080: 0, 167100: 0,
    167167: 0, 167208: 0, 167245: 0, 167357: 99497, 167375: 5000, 167444: 11180, 167488: 0,
    167538: 0, 167558: 0, 167577: 0, 167605: 32163, 167611: 0, 167713: 0, 167739: 0, 167863: 0,
    167880: 0, 167899: 0, 168052: 0, 168061: 12000, 168098: 0, 168102: 0, 168120: 0,
    168325: 48975, 168351: 0, 168355: 0, 168422: 0, 168478: 0, 168519: 0, 168538: 0, 168541: 0,
    168579: 13950, 168620: 21845, 168629: 22436, 168634: 12435, 168653: 2381, 168661: 45652,
    168668: 21819, 168708: 12194, 168713: 0, 168724: 3130, 168852: 0, 168886: 994, 168917: 0,
    168972: 0, 169017: 0, 169023: 39311, 169113: 32352, 169135: 0, 169138: 0, 169162: 0,
    169174: 99999, 169179: 24997, 169190: 13661, 169304: 65915, 169334: 5281, 169341: 13882,
    169358: 1022, 169372: 42474, 169375: 29076, 169389: 128840, 169557: 0, 169563: 0,
    169577: 775404, 169579: 0, 169843: 0, 169858: 0, 169866: 0, 169873: 0, 169886: 0,
    169897: 37348, 169966: 0, 170017: 460602, 170044: 23403, 170063: 2098210, 170137: 0,
    170245: 3666, 170325: 0, 170340: 0, 170483: 0, 170517: 0, 170572: 11918, 170589: 0,
    170592: 111864, 170654: 1569394, 170689: 0, 170691: 0, 170777: 3228, 170785: 28905,
    170794: 271800, 170797: 0, 170817: 6209, 170857: 0, 170865: 0, 170887: 21481, 170892: 71596,
    170905: 97969, 170959: 29408, 171126: 1000, 171147: 30000, 171200: 6528, 171295: 0, 171410: 0,
    171451: 30354, 171494: 0, 171501: 0, 171694: 25560, 171757: 0, 171830: 39066, 171998: 50880,
    172045: 0, 172059: 29549, 172082: 66138, 172134: 0, 172157: 0, 172172: 0, 172173: 0,
    172232: 0, 172243: 0, 172256: 50000, 172327: 0, 172347: 0, 172349: 55561, 172374: 87880,
    172408: 59052, 172415: 8797, 172425: 0, 172432: 0, 172469: 25702, 172487: 0, 172497: 0,
    172503: 63708, 172511: 0, 172515: 0, 172743: 0, 172837: 0, 172880: 0, 172922: 0,
    172946: 53152, 172955: 531952, 172988: 0, 172994: 0, 173178: 0, 173193: 49372, 173230: 26821,
    173311: 9412, 173312: 16118, 173322: 41062, 173331: 6789, 173334: 36143, 173361: 31748,
    173364: 0, 173377: 184231, 173389: 0, 173414: 0, 173416: 10466, 173434: 0, 173462: 0,
    173480: 54534, 173530: 26311, 173576: 709000, 173598: 23526, 173711: 0, 173715: 0, 173777: 0,
    173797: 0, 173802: 0, 173811: 422445, 173819: 23784, 173842: 0, 173856: 0, 173869: 0,
    173880: 0, 173927: 0, 173991: 0, 174012: 0, 174018: 130745, 174030: 0, 174036: 0, 174043: 0,
    174057: 0, 174115: 0, 174144: 0, 174186: 48693, 174191: 6338, 174239: 0, 174259: 21987,
    174262: 0, 174407: 0, 174448: 57572, 174506: 29237, 174611: 0, 265846: 0, 266045: 78145,
    266826: 229398, 267008: 135204, 267099: 4750, 267156: 0, 267305: 30000, 267553: 6322,
    268064: 163554, 268743: 1251739, 269355: 10000, 271226: 0, 272816: 1000, 272849: 5878,
    273140: 96315, 273185: 0, 273203: 20784, 273360: 0, 273675: 50000, 274313: 0, 274499: 8000,
    274723: 4500, 274874: 98433, 275666: 5947, 276294: 8000, 276359: 20000, 276380: 4224,
    276592: 0, 276632: 5000, 276771: 0, 276781: 1916100, 277130: 30916, 277226: 9000,
    277367: 6800, 277467: 2000, 277534: 3000, 278040: 10965, 278832: 24910, 278913: 120000,
    278925: 2400, 278936: 0, 279633: 1080, 279854: 0, 279997: 22250, 280155: 50000, 280328: 10852,
    280425: 130000, 280602: 10000, 383661: 0, 384945: 0, 388349: 2015483, 390188: 0, 400734: 0,
    401019: 0, 401023: 0, 401672: 0, 402470: 0, 403270: 0, 403271: 0, 403754: 0, 404914: 0,
    406072: 0, 406662: 41, 406737: 0, 406761: 0, 406845: 0, 406884: 0, 407036: 0, 407049: 0,
    407094: 0, 407096: 0, 407716: 0, 408124: 0, 408342: 0, 408801: 0, 408846: 0, 408866: 0,
    408970: 0, 409051: 0, 411056: 0, 415189: 1079670, 421015: 0, 446174: 0, 446185: 0,
    446208: 146639, 446732: 19891, 447741: 0, 448149: 38294, 6253857: 0, 6676920: 0,
    6765385: 27000, 6871926: 25662, 6943439: 3500, 6998238: 0, 6999619: 10000, 7097617: 0,
    7341410: 0, 7344394: 41, 7344569: 0, 7345827: 0, 7346082: 0, 7356864: 0, 7364022: 0,
    7364913: 0, 7367232: 0, 7374646: 0, 7377819: 0, 7683765: 25, 7792749: 548, 7792750: 645,
    7802746: 1211849, 7869857: 5000, 7891616: 0, 7905767: 0, 7928383: 0, 7931038: 0, 7931039: 0,
    7931040: 0, 7931041: 0, 8015577: 0, 8308191: 0, 8308210: 0, 8308699: 0, 8308729: 0,
    8308730: 0, 8308731: 0, 8356282: 0, 8357700: 0, 8357701: 0, 8419677: 0, 8534038: 0,
    8559276: 0, 8609252: 0, 8659334: 750, 9072952: 2643, 9847679: 6927, 11125823: 800,
    11125824: 1100, 11431916: 3000, 12902756: 2700, 12902761: 563, 12902769: 2700,
    13631406: 29960,
}  # fmt: skip

# Governorate capitals (geonameids): cities whatever their population.
CAPITALS: frozenset[int] = frozenset({
    69426, 70225, 71137, 71334, 72968, 73560, 74477, 75337, 75427, 76184, 77726, 78428, 78754,
    78977, 79415, 79455, 79700, 79836, 80384, 90150, 94787, 94824, 95446, 96205, 96994, 97990,
    98182, 98463, 98530, 98717, 98854, 98860, 99072, 99131, 99347, 99532, 99608, 99762, 163345,
    169389, 169577, 170017, 170063, 170592, 170654, 170794, 170905, 172408, 172955, 173334, 173576,
    173811, 266045, 266826, 268064, 274723, 276781, 277130, 277226, 278913, 401043, 415189,
})  # fmt: skip

# First words of personal names (kunya, titles, "son of"): a minor place whose name
# starts with one ("أبو علي", "الشيخ حسن") needs a place word or a locative before it.
PERSON_WORDS = """
أبو ابو أبي ابي أم ام بن ابن بنت بني بنو آل الشيخ شيخ السيد سيد عبد الحاج حاج الملا ملا
الإمام امام الامام مار النبي نبي الست ست الأمير أمير
"""

# Frequent Arabic words (folded) among the words of the names of minor places
# (villages, neighbourhoods, districts): a minor place named by one of them is
# matched only after a place word ("قرية الصداقة"), and one whose name is made
# of them only needs a place word or a locative ("في تل الأحمر"). Drawn up as
# the names' words of Zipf frequency 3 or more (about once per million words)
# in the Arabic word list of wordfreq 3.1 (Speer et al.), and the one-word names
# that a prefix و ف ب ل ك turns into such a word (زارة: وزارة "ministry");
# no frequency figure ships.
COMMON_WORDS = """
اب ابا اباد ابادي ابار ابر ابراهيم ابرز ابكر ابل ابن ابنه ابو ابويه ابي ابيات ابيض ابين اثار اثر
اجد اجل احرص احسان احسن احمد احمر اخته اختيار اخر اخضر اخو اخوان ادب ادريس ادلب ادم ادني ادونيس
ادي اذار اذاعه اذان اراضي اراك اران اربعين اربيل ارحب ارد ارسلان ارض ارضا اري اريحا اريد ازال اس
اساس استاذ اسحاق اسحب اسحق اسد اسعد اسفل اسقاط اسكان اسكندر اسل اسلام اسلاميه اسلم اسم اسماعيل
اسمع اسمي اسنان اسود اسيا اسياد اسيل اش اشي اصفر اصل اصلان اصيله اعلم اعلي اغا افره افلح اقر اقسام
اكاد اكبر اكرم اكمام الا الابقار الابل الابيض الاثري الاثريه الاثنين الاحد الاحرار الاحمد الاحمديه
الاحمر الاحواض الاحوال الاخضر الاخلاص الاخوان الاخوه الاداره الادريسي الاربعين الارداف الاردنيه
الارز الارض الارمن الارنب الازرق الاستقامه الاسد الاسر الاسعد الاسفل الاسكندريه الاسم الاسمر
الاسواق الاسود الاشتراكيه الاشجار الاشراف الاشقر الاصغر الاصفر الاصلاح الاصليه الاصيل الاطراف
الاطلال الاطوار الاطول الاعرج الاعلي الاعمي الاعور الاقسام الاكراد الاكوان الامارات الامام الامامي
الامان الامانه الامسيه الامل الامن الامه الامير الاميره الاميريه الامين الان الانتصار الاندلس
الانصار الانوار الاهداف الاوزاعي الاوسط الاول الاولي الايتام الايمان الايمن البا الباب الباجي
الباحه الباديه البارد البارده البارودي الباري الباز الباسل الباشا الباطل الباطن الباطني الباقي
البان البتراء البحار البحر البحري البحرين البحيره البحيري البخار البخاري البدر البدري البدع البدعه
البدله البدن البدو البدون البدوي البديع البديعه البر البرابره البراد البرازيل البراعم البراق
البراقه البراك البربريه البرج البرجين البرد البرق البرك البركات البركه البرنس البرهان البرود
البريد البريدي البريديه البريه البساتين البستان البسيط البشاره البشاير البشريه البشير البصره
البصريه البصل البصير البصيره البط البطاريات البطه البطيخ البطين البعث البعير البغال البغدادي البغل
البق البقاع البقر البقع البقعه البقيع البكاره البكر البكري البكيريه البلاد البلاط البلح البلد
البلدين البلديه البلوط البلوي البن البناء البنات البنان البنايه البنت البندق البنك البنيه البو
البواب البوق البوليه البومه البويضه البياض البيت البير البيره البيض البيضاء البيضه البيطار
البيطريه البيع البيعه البين البينيه البيوت الت التاج التاجي التام التبن التجار التجاره التحرير
التراب التربه الترك التركمان التركي التصفيه التضامن التضحيه التعمير التفاح التفرقه التقدم التكاتف
التل التله التمر التموين التنميه التنور التهامي التواب التوبه التوت التون التونه التويته التين
الثالث الثالثه الثامنه الثاني الثانيه الثاير الثديين الثريا الثعالب الثعلب الثغره الثقافي الثلاثاء
الثلاثيه الثلث الثلج الثمار الثمان الثمانيه الثمره الثمين الثمينه الثوابت الثور الثوره الجابر
الجابري الجاده الجار الجاره الجاري الجاريه الجاسر الجاسم الجامع الجامعه الجامعي الجامعيه الجاموس
الجانب الجاهلي الجاهليه الجايزه الجبار الجبان الجبر الجبري الجبس الجبل الجبلي الجبلين الجبليه
الجبنه الجبهه الجبوري الجبيل الجثه الجحيم الجد الجدار الجداري الجدد الجدل الجده الجدول الجدي
الجديد الجديده الجديه الجراح الجراحيه الجراد الجرار الجرد الجرذان الجرعه الجرف الجرم الجره الجري
الجزء الجزار الجزاير الجزيره الجزيل الجسر الجسم الجلال الجليل الجماعه الجماعي الجماعيه الجمال
الجمالي الجماليه الجماهير الجمجمه الجمركيه الجمع الجمعه الجمعيات الجمعيه الجمل الجمله الجمهور
الجمهوريه الجميع الجميل الجميله الجناح الجنان الجناه الجنايات الجنايي الجنب الجنح الجند الجندل
الجندي الجنه الجنوبي الجنوبيه الجني الجنيد الجنيه الجهاد الجهاديه الجو الجواب الجواد الجوار
الجوارح الجواز الجود الجوده الجوز الجوزاء الجوزيه الجوع الجوف الجول الجولان الجوهر الجوهري
الجوهريه الجوي الجويه الجياد الجيد الجير الجيش الجيل الجيوش الحاج الحاجز الحارث الحارثي الحارقه
الحاره الحازم الحاشيه الحاضره الحاضنه الحافظ الحافه الحاق الحاكم الحاكمه الحال الحالي الحامد
الحامل الحامي الحاميه الحاويه الحايط الحبال الحبس الحبشي الحبكه الحبل الحبه الحبيب الحج الحجاب
الحجاج الحجار الحجاره الحجب الحجج الحجر الحجره الحجري الحجريه الحجز الحجه الحجي الحجيج الحد الحداد
الحداده الحدايق الحدث الحده الحديث الحديد الحديده الحديدي الحديديه الحديقه الحذاء الحذر الحر
الحراره الحراك الحرام الحرايق الحرب الحربي الحربين الحربيه الحرج الحرجه الحرس الحرص الحرف الحرفي
الحرمين الحره الحروف الحرير الحريري الحريريه الحريق الحريه الحزام الحزم الحزمه الحس الحساس الحسره
الحسكه الحسن الحسنات الحسني الحسي الحسين الحسيني الحسينيه الحسيه الحشر الحشره الحشيش الحصار الحصان
الحصبه الحصر الحصري الحصن الحصه الحصي الحصين الحضاره الحضر الحضرمي الحضره الحضن الحضور الحطام
الحطب الحظيره الحفار الحفر الحفره الحفيظ الحق الحقايب الحقبه الحقه الحقوق الحقيبه الحقيقه الحكام
الحكم الحكومه الحكيم الحلال الحلاوه الحلبه الحلبي الحلزون الحلف الحلفاء الحلق الحلقه الحلمه الحله
الحلو الحلول الحلوه الحليب الحليه الحمادي الحمار الحماس الحماسه الحمام الحمامه الحمد الحمدان
الحمداني الحمر الحمرا الحمراء الحمره الحمص الحمصي الحمض الحمل الحمم الحمود الحموي الحمي الحميد
الحميده الحميدي الحمير الحميري الحميمه الحناء الحنان الحنجره الحنطه الحنفيه الحنين الحوار الحواس
الحوايط الحور الحوزه الحوش الحوض الحول الحوله الحويجه الحي الحياء الحياد الحياه الحيتان الحيدري
الحيره الحيطان الحيله الحيه الحيوان الحيويه الخادم الخادمه الخارجه الخارجي الخارجيه الخاص الخاطر
الخال الخالد الخالدي الخالديه الخالص الخالصه الخام الخان الخباز الخبر الخبره الخدمه الخدود الخراب
الخراج الخراف الخرج الخرز الخرطوم الخرف الخرق الخروف الخريطه الخريف الخزان الخزانه الخزاين الخزينه
الخس الخشب الخشنه الخصم الخضر الخضراء الخضره الخضري الخط الخطاب الخطر الخطوه الخطيب الخفجي الخفيه
الخلاف الخلط الخلف الخلفيه الخلق الخلل الخلوه الخليفه الخليل الخليوي الخمس الخميس الخنادق الخنازير
الخندق الخنزير الخوادم الخوارج الخور الخوري الخوف الخولي الخيار الخياط الخيال الخياله الخيام
الخيبه الخير الخيرات الخيريه الخيزران الخيط الخيل الخيمه الداخل الداخله الداخلي الداخليه الدار
الداره الدايري الدب الدجاج الدخان الدخل الدخله الدخول الدخيل الدر الدراسيه الدراهم الدراويش الدرب
الدرج الدرجات الدرجه الدرداء الدرر الدرزيه الدرس الدرعيه الدرك الدره الدروب الدروز الدروس الدروع
الدسم الدقايق الدقه الدقيق الدقيقه الدك الدكان الدليل الدم الدماغ الدمام الدمشقيه الدمي الدميه
الدنانير الدنيا الدهان الدهشه الدهن الدهني الدوار الدواره الدواسر الدواير الدوحه الدود الدوده
الدور الدورات الدوره الدولاب الدوله الدولي الدوم الدي الديب الدير الديره الديك الدين الديني
الدينيه الديوانيه الذراع الذراعين الذروه الذريع الذريه الذعر الذكر الذنب الذنوب الذهب الذهبيه
الذيب الذيل الذين الرابط الرابع الرابعه الراحله الراحه الراس الراشد الراضي الراعي الرافعي الراقي
الراكب الرامي الراهب الراوي الرايده الرب الربا الرباط الرباعي الرباعيه الربع الربو الربيع الربيعي
الرجعه الرجل الرجم الرجيم الرحب الرحباني الرحله الرحمن الرحمه الرحيم الرخام الرده الرز الرزاق
الرساله الرسم الرسمه الرسميه الرش الرشاد الرشوه الرشيد الرشيده الرصاص الرصيد الرصيف الرضا الرضاعه
الرضي الرطبه الرعاه الرف الرفاعي الرفاق الرفض الرفيع الرفيعه الرفيق الرقبه الرقعه الرقم الرقه
الرقيب الرقيقه الركب الركبه الركن الركوب الركود الرماد الرمادي الرماديه الرمال الرمان الرمح
الرمضانيه الرمل الرمله الرمليه الرهبان الرهن الرواد الرواق الروح الروحانيه الروس الروسيه الروضه
الروك الروم الروماني الرومي الرووس الرويس الري الرياض الريان الريح الريحان الريس الريش الريشه
الريفيه الريق الريم الرييس الرييسي الزامل الزاهد الزاهر الزاويه الزبد الزبداني الزبده الزبيب
الزبيدي الزبير الزج الزر الزراعه الزراعي الزراعيه الزرع الزرقاء الزعتر الزعتري الزعفران الزغبي
الزقاق الزكاه الزكيه الزماله الزمان الزمر الزميله الزهراء الزهراني الزهره الزهري الزهريه الزهور
الزوار الزوارق الزور الزيات الزيادات الزياده الزيارات الزياره الزيت الزيتون الزيتونه الزيتيه
الزيدي الزيديه الزير الزين الزينه الساحل الساحه الساخنه الساده السارق الساره الساري الساعد السافل
الساقط الساقي الساقيه السالم السالمي السالميه السامرايي الساميه السايل السايله السباب السباحه
السباعي السبت السبع السبعه السبعين السبل السبيعي السبيل الست الستار السجاد السجن السجين السحابه
السحر السحره السخنه السد السداد السدر السدود السر السراج السرايا السرب السرج السرحان السرداب السره
السرير السريري السريع السعاده السعد السعدون السعدي السعر السعود السعودي السعوديه السعي السعيد
السعيده السعيدي السفارات السفاره السفر السفلي السفن السفيره السفينه السقا السقاف السقف السقيفه
السكر السكران السكريه السكك السكن السكني السكنيه السكه السكين السل السلاسل السلاطين السلام السلامه
السلامي السلب السلط السلطان السلطاني السلطانيه السلطه السلع السلعه السلف السلفيه السلم السلمان
السلميه السلوكيه السلوم السليمان السليمانيه السليمه السماح السماوي السمح السمر السمراء السمسم
السمك السمكيه السمن السمنه السمه السمو السمين السن السند السنين السنيه السهل السهله السهم السهول
السواد السوار السواك السوايل السود السوداء السودان السور السوره السوريه السوس السوق السول السوم
السويد السويداء السويدي السويديه السويس السياج السياحه السياحيه السياده السياسي السيد السيده
السيره السيف السيل السين السينيه الشاب الشاذلي الشارب الشارع الشارقه الشاره الشاطي الشاعر الشافعيه
الشافي الشاقه الشام الشامل الشامي الشاميه الشاه الشاهد الشايب الشباب الشباك الشبكه الشبل الشتات
الشتويه الشجاع الشجاعه الشجر الشجره الشحم الشحن الشحنات الشخير الشديد الشديده الشراره الشراعيه
الشرايع الشرب الشرج الشرجي الشرح الشرطه الشرطي الشرع الشرف الشرفاء الشرفات الشرفه الشرفي الشرق
الشرقي الشرقيه الشركه الشروع الشروق الشريره الشريعه الشريف الشريفه الشطر الشعاب الشعار الشعب
الشعبه الشعبي الشعبين الشعبيه الشعر الشعراء الشعري الشعله الشعوب الشعيبي الشعير الشعيرات الشغور
الشفق الشق الشقراء الشقق الشقه الشقي الشقيق الشقيقه الشك الشكر الشلال الشلف الشلل الشمالي الشماليه
الشمراني الشمري الشمس الشمسيه الشهاب الشهاده الشهداء الشهيد الشهيه الشوربه الشوف الشوك الشوكه
الشيب الشيباني الشيخ الشيطان الشيطانيه الشيعه الشيعي الشيوخ الصابرين الصاحب الصادق الصارم الصافي
الصافيه الصالح الصالحه الصالحيه الصباح الصباحي الصباحيه الصبار الصبح الصبر الصبي الصحابه الصحراء
الصحن الصحه الصحيه الصخر الصخره الصداره الصداقه الصدام الصدر الصدق الصدقه الصدور الصديق الصراط
الصرب الصرح الصرخه الصريح الصعب الصعداء الصغري الصغير الصغيره الصف الصفا الصفاء الصفار الصفح
الصفحه الصفر الصفراء الصفصاف الصفقه الصفه الصفوه الصفوي الصفيح الصقر الصقور الصلابه الصلات الصلاح
الصلاحيه الصلب الصله الصليب الصماء الصمود الصناعات الصناعه الصناعي الصنع الصنف الصنوبر الصوره
الصوف الصوفي الصوفيه الصومالي الصياح الصياد الصيحه الصيد الصيف الصيفي الصيفيه الصين الصينيه
الضاحيه الضاربه الضالع الضب الضباط الضباع الضبع الضحاك الضحيه الضخم الضربه الضعيف الضفه الضلع
الضلوع الضمير الضياع الضيق الضيقه الطاحونه الطاعه الطاقه الطاهر الطايره الطايف الطايفه الطب الطبري
الطبقه الطبل الطبيب الطرف الطرفان الطرقات الطريف الطريق الطريقه الطعام الطف الطفله الطفيلي
الطفيليه الطلاء الطلب الطليعه الطهاره الطهر الطوال الطوب الطور الطوفان الطوق الطول الطويل الطويله
الطيار الطياره الطيب الطيبات الطيبه الطير الطيف الطينيه الطيور الظاهر الظاهره الظاهريه الظفر الظلم
الظهر الظهيره الظواهر العابد العابدين العابر العابره العادلي العادي العاديه العار العارض العارضه
العارمه العاري العاشق العاص العاصفه العاصمه العاصي العاطفيه العاقل العال العالم العالميه العالي
العاليه العامر العامري العامريه العامل العامود العاني العايدين العب العباد العباده العبادي العباره
العباس العباسي العباسيه العبد العبدالله العبدلي العبر العبره العبري العبسي العبه العبوديه العبيد
العبيدي العتبه العتمه العتيق العتيقه العثمان العثمانيه العجايز العجب العجل العجم العجمي العجوز
العجيب العد العداد العداله العدس العدل العده العدوان العديده العراب العراق العراقي العراقيه
العرايس العرب العربه العربي العربيه العرس العرش العرض العرضيه العرف العرق العروبه العروس العروش
العروض العروق العري العريان العريش العريض العريضه العريق العريقه العز العزاب العزاوي العزله العزه
العزيز العزيزيه العسكر العسكري العسل العش العشر العشرات العشره العشرين العشيره العصابه العصاره
العصافير العصر العصري العصريه العصفور العصي العصيمي العضلي العطاء العطر العطش العطف العطل العطيه
العظام العظم العظمه العظمي العظيم العظيمه العفريت العفش العفن العقاب العقار العقارب العقايد
العقبات العقبه العقد العقده العقل العقلاء العقم العقول العقيده العقيق العقيل العقيلي العكر العلا
العلاء العلاج العلامه العلب العلبه العلم العلميه العلو العلوي العلويه العلي العليا العليل العليه
العم العماد العماره العمال العماله العماليه العمد العمر العمران العمراني العمره العمري العمريه
العمل العمود العمودي العموديه العمياء العميد العنابي العناد العناق العنان العنايه العنب العنبر
العنق العوارض العوام العواميه العود العوده العون العيان العيب العيد العيسي العيش العيله العين
العينه العيني العينيه العيون الغاب الغابات الغابه الغابون الغار الغاره الغازي الغازيه الغال الغالب
الغالبيه الغانم الغايه الغبار الغبيه الغده الغدير الغراب الغرابه الغرب الغربان الغربه الغربي
الغربيه الغرف الغرفه الغريب الغريبه الغزال الغزالي الغزلان الغزيره الغضب الغفار الغفور الغلاء
الغلام الغليظه الغنم الغني الغوص الغول الغيب الغيث الفاخره الفار الفارس الفارسيه الفاروق الفاسده
الفاضل الفالح الفاو الفتاح الفتح الفتحه الفجر الفجل الفجور الفحل الفخ الفخار الفداء الفذ الفراء
الفرات الفراشه الفراق الفرج الفرح الفرحان الفرحه الفرخ الفردوس الفردي الفرز الفرس الفرسان الفرصه
الفرع الفرق الفرن الفروق الفريد الفسحه الفصل الفضل الفضلي الفضه الفضول الفضي الفضيله الفضيه الفطري
الفعل الفقر الفقراء الفقره الفقهاء الفقير الفقيه الفك الفلاح الفلاحي الفلاحين الفلاحيه الفلفل
الفلق الفلك الفلكيه الفلوجه الفلوس الفندق الفنون الفني الفهد الفور الفوسفات الفي الفيحاء الفيصل
الفيصليه الفيض الفيل الفينه القابل القابله القادر القادسيه القار القاره القاري القاسم القاصر
القاضي القاطع القاع القاعده القاعه القافيه القامشلي القامه القاهر القاهره القايم القبر القبضه
القبل القبله القبلي القبليه القبه القبو القتال القتلي القحطاني القدر القدس القدم القدوم القدير
القديم القديمه القرابه القرار القران القرش القرشي القرصان القرصنه القرض القرع القرعه القرف القرفه
القرن القرني القرنين القرنيه القروش القرون القري القريات القرين القريه القسم القسمه القسيس القش
القص القصب القصبه القصبي القصر القصور القصير القضاء القضاه القضيب القط القطار القطان القطبيه القطر
القطري القطريه القطط القطع القطعه القطيع القطيعه القطيف القفل القلاع القلبيه القلعه القلم القلمون
القله القليله القمامه القمح القمر القمريه القمع القمه القناص القناطر القناه القنطره القنوات
القنيطره القهر القهري القواد القواعد القوس القومي القوه القويم القياده القياس القياسات القيد القيس
القيسي القيل القيم القيمه الكاذبه الكاشف الكاظم الكافي الكبار الكبر الكبري الكبير الكبيره الكتاب
الكتابي الكتابيه الكتان الكتب الكتف الكتيبه الكثير الكحل الكذبه الكر الكرات الكرامه الكرب الكرخ
الكرد الكردي الكرديه الكرز الكرسي الكرش الكرك الكرم الكره الكروم الكرويه الكريم الكريمه الكساد
الكسر الكسوه الكشف الكعب الكعبي الكف الكفاح الكفر الكفره الكفيف الكلب الكليب الكم الكمون الكناني
الكنايس الكنبه الكنيسه الكهف الكوب الكوت الكوثر الكوخ الكود الكور الكوره الكوري الكوفه الكوكب
الكوم الكويت الكيان الكيس الكيلاني اللاجيين اللاحق اللاذعه اللاذقيه اللب اللبن اللحام اللحم اللحيه
اللسان اللطيف اللغه اللقطه الله اللهب اللواء اللوح اللوز اللوني اللي الليل الليمون اللين اللينه
الماء الماجد الماس الماضي الماعز المال المالح المالحه المالك المالكيه الماليه المامون المان المانع
المبارك المباركه المبايض المبدع المبدعه المبني المبيت المبيد المتر المتقاعدين المتن المتنبي
المتوسطه المتين المثابره المثلث المثلثات المثني المجادله المجاري المجاز المجاعه المجامله المجاهد
المجد المجر المجرده المجرم المجره المجري المجريه المجزره المجلس المجمع المجمعه المجنونه المجهول
المجيد المجيده المحاجر المحارب المحاصره المحاليل المحبب المحترم المحتله المحتويه المحجر المحجوب
المحدد المحراب المحرق المحرقه المحرم المحرمه المحسن المحضر المحطه المحكمه المحل المحله المحليه
المحمد المحمديه المحمل المحمود المحميه المحن المحور المحول المحيط المخازن المخالف المخالفه المخبز
المختار المختاره المخدر المخدره المخدم المخرج المخزن المخزنه المخيف المخيم المد المدار المداريه
المدان المداين المدخل المدرج المدرجه المدرسه المدرسي المدفع المدفون المدلل المدمن المدن المدني
المده المدير المديره المدينه المذابح المذبح المذبحه المذكور المر المرات المراحل المرادي المراره
المراعي المراقب المران المراهنه المراوح المربع المربعات المرتبه المرتفع المرتفعات المرتفعه المرج
المرجان المرجانيه المرحله المرحه المرحوم المرشد المرفوعه المركب المركبه المره المروج المروع
المرويه المري المريخ المرير المزارع المزرعه المزه المزود المزيد المزينه المساجد المسارح المساعد
المساعده المسافر المسالمه المسامير المساهم المسايل المسبح المستشفي المستور المستوي المسجد المسرب
المسرح المسرحيه المسعي المسلم المسلمه المسن المسند المسنين المسوده المسيب المسيح المسير المسيل
المسيله المشافي المشاه المشاهده المشايخ المشبك المشتري المشتقه المشرحه المشرع المشرف المشرفه
المشرق المشرقه المشروع المشروعه المشعل المشنقه المشهد المشوار المشوره المشير المشين المصابيح
المصادر المصانع المصري المصطفي المصفاه المصل المصلح المصلحه المصلي المصنع المصنعه المضاربه المضافه
المضرب المضروب المضمار المضمون المضي المضيف المضيق المضييه المطبق المطر المطربه المطرقه المطريه
المطل المطلب المطلق المطلقه المطله المطور المظاهر المظفر المظله المظلوم المعابد المعاد المعادن
المعادي المعارض المعارضه المعارك المعاصر المعالي المعامل المعاني المعبر المعتدله المعتصم المعجل
المعجم المعدات المعدل المعدله المعرض المعرضه المعرف المعركه المعروف المعز المعزوله المعطف المعقد
المعلا المعلق المعلقه المعلم المعلمه المعلمين المعمار المعمري المعمل المعموره المعهد المعيب المعين
المعينه المغاربه المغتربين المغتصب المغرب المغربي المغربيه المغطي المغفل المغلف المغيب المغيره
المفتاحيه المفردات المفرق المقابل المقابله المقاصد المقاطع المقاطعه المقام المقامه المقاهي المقبره
المقبل المقبله المقدار المقدر المقر المقربه المقرن المقصوره المقطع المقعد المقليه المقنع المقوله
المقيم المكارم المكاسب المكان المكتب المكسور المكي الملا الملاح الملاحه الملاحيه الملازم الملاعب
الملالي الملام الملبس الملتقي الملح الملحم الملحه الملز الملف الملك الملكه الملكيه الملوك المناخ
المنار المناره المنازل المناصره المناظر المناعيه المنامه المناوبه المناوره المنبر المنتصر المنتهي
المندب المندوب المنديل المنزل المنزله المنسي المنسيه المنشد المنشيه المنصب المنصف المنصور المنصوره
المنصوري المنظر المنعم المنفي المنوره المنير المنيه المهاجرين المهجر المهدي المهديه المهر المهمله
المهنا المهندس المهنه الموارنه المواسم المواصلات المواقع المواقف الموالي المواهب الموت الموجب
الموذن المورد الموز الموسع الموسم الموسي الموصل الموصلات الموطن الموقد الموقر الموقع المولد
المولده المولي الموهبه الميادين الميدان المير الميزان الميسر الميناء الميه الناجي الناجيه الناحيه
النادي الناصر الناصره الناصري الناصريه الناعم الناعمه النافعه الناقه الناميه الناي النبطيه النبي
النجاح النجار النجاره النجاه النجف النجفي النجم النجمه النجمي النجوم النحاس النحر النحل النحله
النحو النخل النخله النخيل الندوه الندي النديم النزال النزهه النساء النسور النسيم النشاط النشر
النشوه النص النصاب النصب النصر النصرانيه النصره النصيب النضال النطاق النظاره النعاس النعام النعامه
النعم النعمان النعمه النعيم النعيمي النفطيه النفق النقب النقود النقيب النقيض النمر النمل النمله
النموذجيه النهار النهر النهرين النهضه النواب النوافل النوبه النور النورس النوع النوم النون النيابه
النيابي النيل اله الهادي الهاشم الهاشمي الهاشميه الهاله الهامه الهبه الهجر الهجره الهجمات الهجين
الهداف الهدف الهدي الهرم الهرمل الهزه الهزيمه الهشه الهضبه الهضم الهلال الهلالي الهلاليه الهمداني
الهمزه الهندي الهنديه الهنود الهوا الهواء الهوي الهويه الهين الهييه الو الواء الواحد الواحه الوادي
الواسطه الواسع الواضح الوافدين الوافي الواقع الواقعه الوالي الوتر الوحده الوحش الوحشيه الوحوش
الورد الورده الوردي الورديه الورقي الوزير الوسط الوسطي الوسطيه الوسم الوسيطه الوشاح الوصايا
الوصلات الوصيف الوصيه الوطن الوعر الوعره الوقع الوقف الولد الولي الوليد الوهاب الوهمي الي اليابسه
الياس اليافعي الياقوت اليامي اليتيم اليتيمه اليرموك اليسري اليسير اليمامه اليماني اليمن اليمني
اليه اليهود اليهودي اليهوديه اليوسف اليوم ام اماره امام امامي امان امر امري املاح امهات امون امير
اميره امين اميه ان انجاب انس انسان انصار انقره انور انيس اه اهل او اوبرا اوبن اوج اود اور اوغلو
اوك اوكي اول اولاد اون اوه اوين ايراني ايل ايمان ايمن ايوب با باب بابا بابك بابل بابلو بابه بابو
بابي بابين بات باتل باحث باخ بادره بادي باديه بار باربرا بارع بارق بارك بارود باري باريش باز بازار
باسل باسم باش باشا باشر باغ باقر باقل باقي باك باكر بال بالا بالاس بالله بالو بالي بان بانك بانه
باني باهته باو باي باير ببيت بت بترا بثينه بحار بحر بحريه بحور بحيره بخاري بخور بخيت بخير بدا
بدايه بدر بدران بدري بدريه بدع بدعه بدل بدن بدنيه بده بدو بدوار بدور بدوره بدون بدوي بدي بدير بديع
بدين بر برا براحه براد براز براس براق براك براميل بران برايم برج برجا برجي برد برده برز برزه برش
برع برقه برك بركات بركان بركه برمجه بره برهان برو بروان برود بروز بروس بروك بروم برون بروين بري
بريد بريده بريس بريم بزيت بس بساتين بسام بستان بسته بسر بسم بسمه بسن بسيط بش بشار بشاره بشر بشره
بشري بشريه بشن بشير بص بصر بصري بصل بصير بصيره بضعه بطرس بطله بطلي بطه بعبدا بعقوبه بعل بعلبك
بعيده بعير بعيون بغداد بقر بقره بقريه بقله بك بكار بكاره بكر بكره بكري بكي بكير بل بلا بلاد بلاس
بلاط بلاغ بلال بلان بلباس بلح بلد بلده بلديه بلس بلسان بلع بله بلو بلوزه بلوط بلوك بلي بليت بليون
بن بنا بنات بنار بناه بنايه بنت بنج بند بندر بنفي بنك بنه بنهايه بنو بنوك بني بنيامين بنيان بنين
بنيه به بهجه بهرام بهم بهن بهي بهيه بو بوت بوث بور بورا بورك بوره بوز بوس بوسي بوش بولونيا بوم بي
بيار بيان بيانه بيبو بيبي بيت بيج بيجي بير بيرك بيرم بيره بيرو بيروت بيري بيرين بيز بيس بيست بيش
بيشه بيض بيضاء بيك بيكا بيل بين بينج بينه بيه بيوت تات تاتان تاج تافت تامر تان تاي تبا تبت تبكي
تبن تبه تجمع تحت تحسين تحوم تدمر تر تراك تراني تراي تربه تردين ترف تركب تركه تركي تركيه ترمي ترو
ترول تريس تشبع تشرين تعال تعاونيه تعز تعمر تعود تفاح تفاحه تقبل تقي تكتم تكريت تل تلا تلال تلبس
تلعفر تلك تله تلي تم تمر تمور تموز تميل تميم تن تنوره تهامه تو تواريخ توب توبا توت توتر تور توران
توطين توفيق توكل تول تولي توم توما تون تونس توي تويت توين تي تيان تير تيران تيري تيس تيماء تيمو
تيمور تين ثابت ثامر ثاني ثاير ثبات ثبت ثري ثريا ثغره ثقب ثلاثون ثلاثين ثلث ثلجيه ثمان ثمرات ثمه
ثواب ثور ثوره ثياب جا جابر جات جاد جادل جار جاره جاري جاسم جال جالس جالو جالي جاليه جام جاما جامع
جامعه جان جاني جاهل جاهليه جاو جاي جايز جايل جب جبار جباره جبال جبر جبران جبريل جبرين جبل جبلا
جبله جبلي جبليه جبنه جبه جبير جبيل جبين جحا جحش جد جدار جدران جدعان جدل جدلا جدو جدول جدي جديا
جديد جديده جدير جديره جديه جذع جر جرا جراح جراد جراده جرار جرب جرد جرس جرعه جرف جرم جرمان جره جرو
جروح جري جريان جرير جرين جزيره جسار جسر جسم جعفر جعل جفت جل جلال جلاله جلب جلده جلل جلود جلي جليل
جليله جلين جم جماعه جماعي جمال جمالي جماليه جمجمه جمدت جمره جمعه جمعيه جمل جمله جمه جميل جميله جن
جنات جناح جنازه جنان جنب جنبلاط جنت جند جندب جندي جنس جنه جنوب جنوبي جنوبيه جنود جني جنين جه جهاد
جهد جهنم جهينه جو جواد جوار جواري جوان جوب جوبر جوجو جود جوده جودي جور جوري جوز جوزف جوزيف جوع
جوعان جوف جوكو جول جوله جون جوه جوهر جوهريه جويا جويل جي جيا جيان جيب جيجي جير جيران جيرو جيزان
جيزه جيف جيل جيلي جين جيهان حاتم حاج حاجب حاجي حار حارب حارث حارقه حاره حازم حاسم حاشد حاصل حاضر
حافظ حافه حاكم حالا حالات حامد حامل حاويه حايط حب حبات حبال حبان حبر حبس حبش حبشي حبل حبه حبوب
حبيب حبيس حبيسه حبيل حتي حج حجاب حجاج حجاره حجازي حجر حجرات حجره حجري حجريه حجه حجي حد حدا حداثه
حداد حدب حدث حدثا حده حدود حدي حديث حديثه حديد حذاء حر حراره حرامي حراميه حرب حربه حربي حرج حرجه
حرس حرض حرف حرفا حركي حرم حرمان حرمه حره حروب حرير حريص حريصا حريق حريم حريه حزام حزب حزم حزمه
حزيران حزين حزينه حساب حساس حسام حسان حسب حسم حسن حسنا حسنه حسني حسون حسونه حسين حسيني حسينيه حشه
حشيش حصار حصان حصر حصن حصنا حصون حصين حضاره حضر حضريه حطب حطين حظه حظي حظيره حفر حفره حفصه حق حقبه
حقل حقن حقول حقي حقيبه حكم حكمت حكمه حكيم حلا حلاق حلاقه حلاوه حلب حلف حلق حلقه حله حلو حلوان حلول
حلوه حليف حليفه حليم حليمه حليه حم حماد حماده حمادي حمار حماس حمام حمامات حمامه حماه حمد حمدا
حمدان حمدي حمر حمره حمزه حمص حمل حمله حمو حمود حمودي حمي حميد حميدان حميده حمير حميم حميمه حميه
حنا حنان حنظله حنفي حنه حنون حنيفه حواء حوار حواس حوالي حوت حوث حور حوران حوريه حوش حوض حول حوله
حي حيا حيال حيان حياه حيت حيث حيدر حير حيفا حيل حيه حيوان خاتمه خاص خاصه خاض خاطر خال خالته خالد
خالص خالف خاله خالي خان خانك خانه خاويه خبر خبره خديجه خذني خر خراب خرب خربت خربه خرج خرطوم خرم
خري خريج خريجه خريطه خزان خزنه خزينه خساره خسرو خشب خشبه خضر خضره خضير خطاب خطر خطره خطوه خطيب
خطييه خفر خفي خفيف خفيه خل خلاط خلاف خلافه خلع خلف خلق خلو خلوه خليج خليف خليفه خليل خمر خمس خمسه
خميس خنادق خنازير خنجر خندق خنزير خنفر خنق خواجه خوان خور خوش خونه خويلد خيال خيام خيبر خيبه خير
خيرات خيره خيريه خيط خيل خيمه داخل دار دارا دارت داره داري داريا دارين داعم دافع داكار دال داله
دالي دام داميه دان دانا داهيه داو داود داون داوود داي دبا دبل دبوس دبي دجاج دجله دخان دخل دخيل در
دراج درب درج درجه درع درعا درعه درك درمان دره درهم درو درويش دري دريه دشتي دعم دعه دفن دفه دكه
دلال دلفين دلك دلو دليل دم دمار دمت دمر دمشق دن دنيا دنيس دهب دهر دهوك دو دوار دواره دوام دوب دوبي
دودي دور دوران دورك دوره دوري دورين دوس دوق دوقه دول دولاب دولان دوله دولي دوليه دوم دوما دومه
دونكان دوني دويل دويله دي دياب ديار ديان ديب دير ديره ديري ديزي ديس ديك ديل ديلا ديلي ديم دين
دينار دينه دينيه ديهي ديو ديوان ذا ذات ذباب ذر ذراع ذم ذمار ذنوب ذهب ذهبيه ذو ذوات ذوق ذي ذياب ذيب
ذيل رابح رابع راجح راس راش راشد راضي راع راعه راعي رافع راك راكب رام رامز رامه رامي راه راو رايات
رايس رايه رب رباح رباط ربان ربح ربطه ربع ربه ربوع ربي ربيع ربيعا ربيعه رجاء رجب رجر رجل رجله رجلين
رجم رجيم رحاب رحال رحب رحل رحله رحم رحمان رحمن رحمه رحيل رحيم رخام رخيصه ردفان رده رزان رزق رزقا
رساله رسام رستم رسلان رسم رسول رش رشا رشدي رشه رشيد رشيده رضا رضوان رعد رعشه رغوه رفيع رق رقه رقيب
رقيق رقيه ركاب ركب ركبه ركن رم رماح رماديه رمح رمضان رمل رمليه رميل رن رنسيه رنين رهان رهبان رهط
رواد رواق روان روبي روتين روح روحا روحه رود روس روست روسي روش روضه روفه روك روم روما رومي روميه
رون روه رووف رويدا رويز ري ريا رياح رياض رياضيه ريان ريح ريحا ريحان ريد ريده ريز ريس ريش ريشه ريف
ريفيه ريك ريم ريما ريمات ريمه رين زاده زارا زاره زاما زان زاهد زاهر زاهي زاهيه زايد زبادي زباله
زبد زبده زبون زبيد زج زحله زراعه زرعه زريق زعلان زعيم زقاق زكاه زكريا زكي زله زمام زمان زمزم زني
زهراء زهران زهره زهور زهير زوجات زود زور زورو زول زون زوي زويد زويل زياد زياده زياره زيان زيت زيتا
زيتون زيتونه زيد زيدان زير زين زينا زينب زينه زيني سابق ساجد ساحل ساحه ساده سارع ساره ساري ساعتين
ساعد ساعه ساق ساقي ساقيه ساكن سال سالم سالي ساما سامر سامراء سامي ساميه سان سانا ساير سايله سبا
سبات سباح سبت سبته سبع سبعه سبعين سبل سبيكه سبيل سبيلك ست ستار سته ستي ستيك سجد سجل سجن سجين سحاب
سحاق سخاء سخيه سد سداد سدر سده سر سراب سراج سراح سراويل سراي سرايا سرحان سرد سرعان سرق سرك سرنا
سره سروال سري سريان سريع سريه سطح سطيه سعاد سعاده سعد سعدان سعدون سعدي سعود سعيد سعيده سفاح سفاري
سفح سفر سفره سفري سفيان سفيره سك سكب سكر سكران سكري سكرين سكن سكنيه سكه سكين سلا سلاح سلاسل سلاله
سلام سلامه سلامي سلبي سلسله سلطات سلطان سلطانه سلف سلم سلمان سلمه سلمي سلوك سلوكي سلوم سلوي سليل
سليم سليمان سليمه سم سما سماح سماك سماوي سمت سمر سمره سمسم سمعان سمك سمكه سمنه سمه سمو سموم سميح
سمير سميره سميع سميكه سمين سن سناب سنان سنجار سنجد سند سندي سنك سنه سنو سني سنيه سهام سهر سهل سهله
سهم سهير سهيل سهيله سو سوا سواء سواد سوار سود سور سوره سوري سوريه سوزان سوس سوسه سوف سوق سوقيه سول
سولا سوم سومر سوني سوي سويد سويدان سويدي سويديه سوير سويس سويف سي سياج سياح سيار سيان سيب سيد سيدا
سيدان سيدك سيده سيدي سير سيرتي سيره سيرو سيرين سيطه سيف سيفي سيقول سيل سيلان سيله سيم سيمور سين
سيناء سيو سييون شا شاب شابان شاد شار شارب شارع شاره شارون شاري شاطر شاطي شاغر شافي شاكر شال شام
شامل شامه شامي شان شاه شاهين شاور شايع شباب شباط شبام شبر شبك شبل شبه شبوه شبيب شبين شتوي شجاع
شجاعه شجر شجره شجع شحاته شحاده شحن شداد شديد شراء شراره شربه شرح شرط شرطه شرع شرف شرفه شرفيه شرق
شرقي شرقيه شرك شركه شرم شروق شري شريره شريط شريعه شريف شريفا شريفه شط شطب شعار شعب شعبان شعبه
شعبيه شعر شعره شعله شعوب شعيب شعير شعيره شغب شفه شفيق شق شقرا شقه شقير شكا شكر شكري شكل شكلي شل
شلال شله شم شماس شمال شمالي شماليه شمام شمر شمس شمسيه شمع شمعه شمعون شمل شنيع شنيعه شهاب شهر شهران
شهرزاد شهيد شو شوان شور شوري شوف شوقي شوك شوكه شون شي شيب شيبان شيبه شيت شيخ شيخه شيد شير شيراز
شيري شيرين شيطان شيف شيل شيلا شيلي شين شيوخ صابر صاحب صاحي صادق صارم صافي صافيه صالح صالحه صاله
صايا صايد صباح صباحي صباحيه صبار صبح صبحي صبر صبري صبور صبيا صبيح صبيحه صبيه صحار صحن صخر صخره
صخور صدام صدر صدف صدور صديق صديقين صراحه صراف صرع صرف صرنا صريحه صعب صعده صغار صغري صغير صغيره صف
صفا صفاء صفات صفتي صفد صفر صفرا صفراء صفوان صفير صفيه صقر صك صلاح صلال صلاله صلاه صلب صلبا صلبه
صلح صله صلي صليب صليبي صمد صناع صنعا صنعاء صهريج صهيون صواب صور صوره صوص صوف صوفي صوفيه صياح صياد
صيادي صيد صيدا صيدنايا صير صيف صيله صينيه ضاحي ضاحيه ضاربه ضاع ضحيه ضرار ضرب ضربه ضريح ضعيف ضعيفه
ضفه ضلع ضلوع ضمان ضهر ضوء ضواحي ضياء ضيف ضيق طابور طاحونه طار طارق طاش طاقه طالب طالبان طاهر طباخ
طباعه طبرق طبريا طبق طبقه طبل طبول طبيبه طحين طرابلس طراد طراز طرح طرطوس طرف طرفه طره طريف طريفه
طريق طعام طعمه طفيل طق طلاب طلال طلان طلب طلحه طلع طلعه طله طليعه طليق طنين طه طهر طواحين طوال طوب
طور طوق طوقان طويل طويله طي طيار طياره طيب طيبه طير طيره طيري طيف ظافر ظاهر ظاهره ظبي ظريفه ظفار
ظفر ظلمه ظهر ظهور ظهيره عابد عابدين عابر عابره عاجل عاد عادل عاده عار عارض عارف عاريا عاريه عاش
عاشق عاشور عاصم عاصي عاطف عافيه عاقل عاكف عالقين عاله عالي عاليه عامر عامره عامود عاود عايد عايش
عايشه عايض عب عبا عباد عباده عبادي عباره عباس عبد عبدالرحمن عبدالله عبدالهادي عبده عبدو عبدي عبر
عبره عبس عبله عبه عبود عبوديه عبيد عبيدا عبيده عتاب عتبه عتق عتمه عتيبه عتيق عثمان عجل عجلات عجلان
عجلون عجمي عجوز عدا عداء عدس عدسه عدن عدنان عدوان عدوانيه عدوه عدوي عدي عديمه عذاب عذبه عذر عراق
عراك عرب عربه عربيه عرج عرش عرض عرضه عرعر عرفه عرفي عرق عروس عروسه عروق عري عريض عريضه عريق عرين
عز عزام عزبه عزت عزله عزه عزوز عزيز عزيزه عزيزي عساف عساكر عسكر عسل عسير عش عشان عشاير عشبه عشر
عشره عشري عشرين عشق عشيره عشيه عصاره عصام عصب عصر عصري عصريه عصفور عصمه عصور عصيب عصيبه عطا عطاء
عطارد عطش عطشان عطف عطيه عظام عظم عظيم عفان عفريت عفرين عفن عفيف عقار عقارب عقب عقبه عقد عقده عقر
عقرب عقل عقلا عقله عقيد عقيل عكا عكار عكر عكرمه عكس علا علاج علامه علاه علاوه علاوي علب علقه علكم
علم علما عله علو علوان علوش علوي علويه علي عليا علياء عليان عليك عليكم عليم عليه عماد عمار عماره
عمال عمان عمد عمر عمران عمرك عمره عمرو عمري عمه عمود عموم عميد عمير عميق عميقه عميل عناد عناصر
عنان عنايه عنب عنبر عنتر عند عنزه عنق عنك عنه عنيد عنيزه عنيفه عواد عود عوده عوره عوز عوض عوضه عوف
عون عوني عويس عياش عياض عيال عيان عيد عيدان عيده عيدون عيسي عيش عيشه عين عينات عينان عينين عيون
عيينه غابه غار غاره غاز غازي غافر غافل غالب غالي غاليه غان غانم غاني غايب غايبه غبار غدير غر غراب
غرابه غرب غربه غربي غربيه غرد غرف غرق غرناطه غره غرور غريب غريبه غرير غريزه غزال غزاله غزل غزلان
غزه غزوه غزير غسيل غش غصن غضب غضبان غل غلاب غلام غمره غنام غنم غنيم غنيمه غنيه غور غول غيث غير غيل
غيلان غيمه فاتك فاح فاخر فاخره فار فارس فارق فاره فاروق فاس فاصل فاضل فاطمه فاكس فالح فان فانوس
فاهم فايز فايق فاين فتاح فتح فتحي فتش فتوح فتيه فحل فخر فخري فدعا فديو فراج فراس فراش فراشه فراق
فرج فرح فرحات فرحان فرحت فرحه فرد فرس فرسان فرش فرع فرعون فرن فرو فروه فري فريج فريد فريز فريسه
فريق فزع فسيح فصل فصيله فضه فضيله فطر فطيره فقره فقل فقه فقير فقيره فقيه فل فلاح فلسطين فله فلوس
فلي فليس فنا فنجان فندق فنون فهد فهرس فهل فهمي فو فواد فواز فورا فوز فوزي فوزيه فوق فول في فيات
فياض فيت فيديو فير فيروز فيش فيصل فيض فيفا فيل فيلا فيم قاب قابس قابل قاتله قاح قادر قادم قار قاره
قاروره قاسم قاسيه قاصره قاضي قاطع قاع قاعده قاعه قالي قامت قانون قاهر قايد قايم قباء قباله قبر قبل
قبله قبلي قبليه قبه قبو قبور قبيح قبيحه قتال قتيل قحطان قدح قدري قدم قدور قدوم قديم قديما قديمه
قرا قران قرب قربه قرده قرش قرض قرع قرعه قرن قره قرود قرون قري قريش قرين قريه قزم قسم قسمين قسيس
قشطه قشور قصب قصبه قصر قصرت قصه قصير قصيره قضيه قط قطار قطاع قطب قطر قطره قطع قطعه قطن قطنيه قطه
قطيش قطيع قعر قفا قفل قل قلاع قلب قلت قلعه قلق قلم قله قلوب قلي قم قماش قمح قمر قمرا قمري قمع قمل
قمه قنا قناتي قناديل قناه قنديل قنص قنطره قهر قهوه قوام قواي قوبل قوت قوته قود قوس قوع قول قولا
قوله قولي قوم قومي قوه قوي قير قيس قيصر قيصريه قيم قيمه كا كاتي كار كارا كارما كاره كاري كاس كاسر
كاظم كاف كافر كافي كاكا كال كامل كان كانون كاني كاهن كبار كبر كبري كبريت كبش كبير كبيره كتاب كتيبه
كتير كحل كده كذبه كر كرا كرات كرام كرامه كربلاء كربه كرت كرتك كرجل كرد كردستان كردي كرديه كرز كرس
كرسي كرش كرك كركوك كرم كره كرو كروز كروس كروم كرون كري كريد كريم كريه كساب كسر كسره كسور كسي كش
كشاف كشك كعب كغ كف كفا كفار كفر كل كلا كلاش كلب كلبه كلش كلك كلم كله كلوز كلي كليب كليف كلين كليه
كم كمال كمين كميه كن كندي كنعان كنف كنه كني كنيسه كنيه كهف كو كوان كوب كوباني كوبري كوبين كوت كوثر
كوخ كود كور كورا كورت كورس كوره كوري كورين كوش كوفي كوك كوكا كوكب كوكبا كوكبه كوكو كول كولا كولن
كولي كوليت كولين كوم كومه كون كوندي كونه كوني كوي كويس كويسه كويك كويل كي كيان كيتا كيج كير كيرك
كيري كيز كيس كيف كيلا كيلو كيلي كيمي كينان لازم لافي لال لالا لاله لام لامع لامي لان لانك لب لبن
لبنان لحج لحظه لحمه لحيه لسان لطف لطيف لعبيد لعلي لفته لفه لقاح لقطه لقمان لقيط لك لكمه للي لنا له
لو لوجر لوح لودر لورنس لوسي لوف لوك لوكا لون لي ليته ليث ليره ليس ليف ليل ليله ليلي ليليه ليمه
ليمون لين ليه ماء ماجد ماجده مادبا مار مارب مارتين مارد مارس مارون ماري مازن ماس ماسح ماسك ماسي
ماضي ماضيه ماعز مال مالح مالحه مالطا مالك ماله مالي ماما مامي مان مانع ماو ماير ماين مايو مباح
مبارك مبروك متاع متر مترو متروك متعب متن متنقله متوسطه متي متين مثقال مثلا مثلث مثني مجاور مجبر
مجد مجدي مجرب مجرد مجرم مجمع مجمعات مجمل مجموعه مجهول مجيد محارب محاسن محب محبوب محجر محجوب محجوبه
محرج محرز محرك محرم محروس محرومه محسن محسنه محضر محضه محط محطه محفظه محفوره محفوظ محفوظه محل محلا
محلات محله محلي محليه محمد محمود محموله محنه محور محول محي محير محيط مختار مختاره مخدر مخرج مخزن
مخفر مخلد مخمور مخول مخيف مخيله مخيم مداح مدار مدام مدحت مدرج مدرسه مدرك مدفع مدفون مدن مدني مدهش
مدور مدوره مدير مديرا مديره مديريه مدينه مذبح مذكور مذنبه مر مرات مراد مراره مرام مران مربع مربعه
مربي مرتفع مرتين مرج مرجان مرجع مرجعيه مرح مرحا مرحب مرحبا مرد مردود مرر مرزوق مرشد مرضيه مرعب
مرعي مرفوع مرق مركب مركبا مرمي مره مرهون مرو مروان مروج مروحه مروه مروي مري مريبه مريح مرير مريم
مزاح مزار مزرعه مزود مزيد مزين مساعد مسالم مستشفي مستوي مسجد مسحه مسرح مسرع مسعد مسعود مسك مسكن
مسكه مسكين مسلم مسلمه مسمار مسوده مسير مش مشاعل مشتت مشرحه مشرف مشرفه مشرقه مشروع مشعل مشكور مشهد
مشهور مشيت مشيط مصارع مصالح مصانع مصباح مصطفي مصعب مصلح مصلحه مصلي مصنع مصور مصيده مضاف مضخات مضخه
مضيف مضيق مطار مطر مطرب مطربه مطروح مطرود مطل مطلب مطلق مطله مطهر مطير مطيع مظفر مظله مظلوم مظهر
معاد معاذ معارك معاصر معالي معامل معان معبد معبره معجب معجبه معجم معجون معد معدن معدي معربا معربه
معرض معركه معره معروضه معروف معزوله معسكر معطف معقل معك معلق معلقه معمر معمل معن معنيه معوض معيار
معيب معيد معين معينه مغاره مغرب مغرم مغلف مغنيه مفتاح مفرح مفرق مفصله مفضل مفكر مفلح مفلس مقاطعه
مقام مقبره مقبل مقبله مقبول مقتل مقدس مقدم مقر مقربه مقرن مقطع مقطوع مقلب مقلوب مقهي مقوله مك مكبر
مكتب مكتبه مكرم مكسور مكعب مكه مكوك مكي مكيف مل ملا ملاحه ملاعب ملاك ملح ملحم ملحه ملك ملكا ملكان
ملكي ملكيه مله ملوك مليح ممتنه ممدوح ممسك مملكه من منا مناحي مناخ مناره منازل منبج منبه مند منديل
منذر منزل منزله منسي منسيه منصور منعم منقول منقوله منكر مني منير منيره منيف منين مه مهاجر مهاجرون
مهبل مهجوره مهد مهدد مهدي مهر مهرج مهلا مهما مهنا مهني مو موازي موال موتك موتور موجه مود موديه
مورد مورين موزع موزه موس موسعه موسي موشي موصل موضع موظفي موفق موقد موقع موقعه مول مولد مولي موني
موي ميته ميثم ميخاييل ميد ميدان ميدي مير ميرزا ميرو ميري ميرين ميز ميزه ميس ميسر ميسره ميسلون
ميكاييل ميل ميلو ميمون ميناس ميو ناب نابلس ناجي نادر نادره نار ناريمان ناس ناشر ناصح ناصر ناظم
ناعم ناعمه نافع نافعه نافله نال نان نانا ناها ناهد ناو نايف نايل نايم نبات نبع نبل نبي نجا نجاح
نجاد نجار نجد نجده نجران نجل نجم نجمه نجيب نحل نحله نحو نحيف نخل نخله نخيل ندا ندي ندير نديم نرد
نزار نزال نزل نزهه نزيل نسرين نشر نشير نشيط نص نصاب نصار نصر نصرالله نصره نصري نصيب نصير نضال نظام
نظير نعت نعم نعمان نعمه نعيم نعيمه نفخ نفر نفط نفي نقع نقولا نقيب نك نم نمر نمره نمل نمله نميل نه
نهار نهر نهم نو نوا نوار نواره نواف نوبه نوح نور نورا نوره نوري نوعان نوف نوفل نوه نوي نيان نيد
نير نيس نيسان نيسه نيف نيه نيو هابيل هاتف هاجر هادي هار هارب هاربه هارون هاشم هال هاله هام هامر
هامه هاني هاوي هاي هايل هب هبه هبوب هجر هجره هجم هجين هدد هديل هذيل هران هربت هرقل هرم هريره هزاع
هزم هزه هزيل هشام هكر هلال همام همدان همزه همه هنت هند هندي هني هنيدي هه هو هوا هوب هوبر هود هوكي
هول هولي هومر هون هيب هيت هيجان هيدي هير هيكل هيوك واحه واخر واخوانه واد وادي واسط واسطه واسعه واش
واصل واعظ واعي واقفه وال والد والزيتون والسلام والسيد والي وام وان وانه وبني وتر وثيق وجه وحدات
وحش وحشيه وحل وحيد وديان وديعه وراء ورثه ورد ورده وردي ورديه ورشه ورق وزير وزين وسته وسط وسمي
وسيطه وسيم وشر وشك وشي وصي وضاح وضح وطن وطني وعاء وعد وعرب وفيه وقتي وقف وقم وقوف وكلا ولايه ولد
ولع وله ولي وليد وميض وناس وهام وهب وهبه وهبي ووادي ويدين ويس وين يابس يابسه يار ياس ياسر ياسين
يافا يافع ياقوت يال ياي يبعث يثرب يجيب يحي يحيي يخوض يد يدي ير يرام يرت يزيد يسير يعرب يعقوب يعيش
يعين يفرج يك يل يلا يماني يمني يمنيه يمين ينج يهب يهود يهودي يهوديه يو يوحنا يوسف يومين يونس
"""
