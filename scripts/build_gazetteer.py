"""Build extract/data/places.tsv, the built-in extractor's gazetteer, from a folder of sources.

    uv run python scripts/build_gazetteer.py SOURCE_DIR           # rewrite the file, print counts
    uv run python scripts/build_gazetteer.py SOURCE_DIR --check   # exit 1 if it is out of date
    uv run python scripts/build_gazetteer.py SOURCE_DIR -v        # also list the dropped words

In a checkout next to the project's shared folder, SOURCE_DIR is
../shared/data/gazetteer.

SOURCE_DIR holds the two source files (nothing is downloaded):
- places_wof_levant_iraq_yemen.tsv: Who's On First places (countries,
  governorates, districts, localities, neighbourhoods, campuses) with their
  Arabic names, coordinates and hierarchy; GeoNames data inside;
- syria_admin_units_opensyria.tsv: Syria's governorates and districts with
  Arabic names and aliases (OpenSyria, from OCHA's common operational data).
Together with the hand-made tables of scripts/gazetteer_tables.py they give
one row per place of Syria, Iraq, Lebanon, Jordan and Yemen (plus a few hand
entries in Israel and at sea), see extract/data/README.md for the choices.

The output is deterministic: the same sources give the same bytes. Rows are
sorted best first (the order extract.gazetteer ranks homonyms in). Arabic
spellings carry a guard prefix when the name is also a common word: "!"
matches only after a place word (مدينة، محافظة، قاعدة…), "?" also after a
locative (في، قرب، شرق…); see extract/gazetteer.py.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import gazetteer_tables as tables  # noqa: E402

from extract.normalize import fold_char, fold_text  # noqa: E402

OUTPUT = ROOT / "extract" / "data" / "places.tsv"
WOF_FILE = "places_wof_levant_iraq_yemen.tsv"
OPENSYRIA_FILE = "syria_admin_units_opensyria.tsv"
COLUMNS = (
    "key", "name", "level", "kind", "admin1", "admin2", "country", "lat", "lon", "population",
    "source", "english", "arabic",
)  # fmt: skip
COUNTRY_CODES = tuple(tables.COUNTRIES)
# Finer kinds of a site, and the order places of one group are ranked in.
SITE_KINDS = ("base", "oil field", "crossing")
KIND_ORDER = (
    "country", "city", "town", "village", "neighbourhood", *SITE_KINDS, "district", "subdistrict",
    "region", "water", "governorate",
)  # fmt: skip
SEATS = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3"})  # GeoNames codes of administrative seats
ESTABLISHED_POPULATION = 5000  # a place this large matches like the hand-checked ones
RANKED_POPULATION = 500  # a place this large ranks with GeoNames' cities500
IMPORTANT_POPULATION = 10000  # a place this large also gets its article-less spelling
DUPLICATE_KM = 3.0  # two localities of one name closer than this are one place
# Arabic spellings of places named only in Latin script (see `Spellings`): a word of the
# romanization is spelt as the places that have both write it, when it was seen at least
# SPELLING_SUPPORT times and SPELLING_SHARE of them agree (folded); only in these countries.
SPELLING_SUPPORT = 2
SPELLING_SHARE = 0.8
SPELLED_COUNTRIES = frozenset({"SY", "IQ"})
MAX_ENGLISH = 5

ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a]")
TOKEN = re.compile(r"[^\W_]+")
LATIN_APOSTROPHES = str.maketrans("", "", "'`‘’ʻʼʿʾ´")
LATIN_ARTICLES = frozenset(
    {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
     "et"}
)  # fmt: skip
KURDISH_PREFIXES = ("ckb:", "kur:")
# Letters of Iraqi and Kurdish spelling (گ چ پ ڤ…) as Arabic news writes them.
ARABIC_EQUIVALENTS = str.maketrans(
    {"گ": "ك", "چ": "ج", "پ": "ب", "ڤ": "ف", "ڨ": "ق", "ژ": "ز", "ە": "ه", "ھ": "ه", "ۆ": "و",
     "ێ": "ي", "ڕ": "ر", "ڵ": "ل", "ﭬ": "ف", "-": " ", "–": " ", "ﷲ": "الله"}
)  # fmt: skip
FAMILY = re.compile(r"^(?:ال|أل) ")  # "ال شبل" is "آل شبل", the family
# "قاعدة التقدم الجوية", "مطار الموصل الدولي": the place word and the adjectives around a
# campus's own name, which is then matched after a place word ("قاعدة التقدم").
CAMPUS_NAME = re.compile(r"^(?:قاعدة|مطار) (.+?)(?: (?:الجوية|الجوي|الدولي|العسكري|العسكرية))*$")


def folded_words(block: str, phrases: Iterable[str] = ()) -> set[str]:
    """Folded single words of a whitespace-separated list, plus multi-word phrases."""
    return {fold_text(word) for word in block.split()} | {fold_text(p) for p in phrases}


STOP = folded_words(
    tables.STOPWORDS,
    ("تل عمار", "الصورة الصغرى", "الصورة الصغيرة", "معدن جديد", "اي بي", "السوق الجديد"),
)
STRICT_SET = folded_words(tables.STRICT.replace("الإمام علي", ""), ("الإمام علي",))
WEAK_SET = folded_words(tables.WEAK.replace("إبراهيم الخليل", ""), ("إبراهيم الخليل",))
COMMON_SET = folded_words(tables.COMMON_WORDS)
PERSON_SET = folded_words(tables.PERSON_WORDS)
JOINABLE = {fold_text(word) for word in tables.JOINABLE}


@dataclass
class Row:
    """One gazetteer entry before rendering."""

    key: str
    name: str
    level: str
    kind: str  # the level, or for a site its finer kind (base, oil field, crossing)
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    population: int | None
    source: str
    group: int = 3  # ranking group, see rank_key
    prominence: tuple[int, ...] = ()
    established: bool = True  # hand-checked or large: matched without the minor-place guards
    important: bool = False  # gets its article-less spelling too
    arabic: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)  # raw Arabic names, display first
    wrong: set[str] = field(default_factory=set)  # folded names that name something else
    spelled: bool = False  # its Arabic name was spelt from its romanization (see Spellings)


@dataclass
class Stats:
    """What the build kept and dropped, for the report and the README."""

    rows_read: int = 0
    dropped_rows: Counter[str] = field(default_factory=Counter)
    merged_duplicates: int = 0
    spelled: Counter[str] = field(
        default_factory=Counter
    )  # spelt from the romanization, by country
    unspelled: Counter[str] = field(default_factory=Counter)  # Latin script only, left so
    misplaced: int = 0  # points outside their country, left out
    dropped_common: Counter[str] = field(default_factory=Counter)
    wrong: int = 0
    guarded: Counter[str] = field(default_factory=Counter)
    inferred_districts: int = 0  # places given the district of their nearest neighbour
    seats: int = 0  # villages made towns as a subdistrict's seat


# -- reading the sources ---------------------------------------------------------------------


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header line and no quoting."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def live_wof_rows(rows: list[dict[str, str]], stats: Stats) -> list[dict[str, str]]:
    """Who's On First rows neither deprecated nor superseded, in the countries kept.

    A superseded row passes what its successor lacks (GeoNames id, population,
    Arabic names) on to it: both describe one place.
    """
    by_id = {row["wof_id"]: row for row in rows}
    for row in rows:
        successor = by_id.get(row["superseded_by"])
        if successor is None or row["deprecated"]:
            continue
        for column in ("geonames_id", "population", "gn_admin1_code", "gn_feature_code"):
            if not successor[column] and row[column]:
                successor[column] = row[column]
        names = successor["names_ar"].split("|") if successor["names_ar"] else []
        extra = [n for n in row["names_ar"].split("|") if n and n not in names]
        successor["names_ar"] = "|".join(names + extra)
    live = []
    for row in rows:
        if row["country"] not in COUNTRY_CODES:
            continue
        if row["deprecated"] or row["superseded_by"]:
            stats.dropped_rows["deprecated or superseded"] += 1
            continue
        live.append(row)
    return live


def geonames_id(row: dict[str, str]) -> int | None:
    """The row's GeoNames id, if it has one."""
    return int(row["geonames_id"]) if row["geonames_id"].isdigit() else None


def admin1_code(row: dict[str, str]) -> str | None:
    """The GeoNames admin1 code of a row, as two digits ("7.0" -> "07"), if known."""
    code = row["gn_admin1_code"]
    if not code:
        return None
    number = int(float(code))
    return f"{number:02d}" if number else None


def governorate_of_regions(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """WOF governorate id -> (country, GeoNames admin1 code), by the codes of its localities.

    Localities carry both WOF's governorate and (mostly) GeoNames' code; the
    code most of a governorate's localities carry is its code.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        code = admin1_code(row)
        if row["admin1_wof_id"] and code and (row["country"], code) in tables.ADMIN1:
            votes[row["admin1_wof_id"]][f"{row['country']}.{code}"] += 1
    out = {}
    for wof_id, counted in votes.items():
        (best, _), *_ = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
        country, code = best.split(".")
        out[wof_id] = (country, code)
    return out


# -- names ------------------------------------------------------------------------------------


def strip_marks(text: str) -> str:
    """Drop harakat, tatweel and invisible marks, keeping every letter as written."""
    return "".join(c for c in text if fold_char(c) != "").strip()


def arabic_ok(text: str) -> bool:
    """True if every character folds to a basic Arabic letter or a space."""
    if not ARABIC_LETTER.search(text):
        return False
    for char in text:
        folded = fold_char(char)
        if folded in ("", " "):
            continue
        if len(folded) != 1 or not ARABIC_LETTER.fullmatch(folded):
            return False
    return True


def strip_descriptors(variant: str) -> str:
    """'مدينة حمص' -> 'حمص', 'مديرية مدينة البيضاء' -> 'البيضاء' (the kind of place in front)."""
    while variant not in tables.KEEP_WHOLE:
        for word in tables.DESCRIPTORS:
            if variant.startswith(word + " ") and len(variant) > len(word) + 3:
                variant = variant[len(word) + 1 :].strip()
                break
        else:
            return variant
    return variant


def ascii_name(text: str) -> str:
    """A transliteration without diacritics: 'Ḩamāh' -> 'Hamah'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_APOSTROPHES))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def latin_ok(text: str) -> bool:
    """True for a Latin-script name (letters, spaces, hyphens, apostrophes)."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", ascii_name(text)))


def latin_key(text: str) -> str:
    """The lookup key of a Latin-script name (the same rule as extract.gazetteer)."""
    plain = ascii_name(text).lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if len(words) > 1 and words[0] in LATIN_ARTICLES:
        words = words[1:]
    return "".join(words)


def dedupe_latin(names: Iterable[str]) -> list[str]:
    """Latin names without repeats (by lookup key), at most MAX_ENGLISH."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        name = " ".join(name.split())
        key = latin_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out[:MAX_ENGLISH]


def nonstandard(text: str) -> int:
    """How many letters are Persian/Urdu forms or final alef maqsura (display preference)."""
    return sum(1 for c in text if not ("\u0621" <= c <= "\u064a") and c != " ") + (
        1 if text.endswith("ى") else 0
    )


def classify(variant: str, established: bool) -> str | None:
    """The guard prefix of a spelling ("", "!" or "?"), or None to drop it.

    The stoplist, STRICT ("!") and WEAK ("?") apply to every place. A minor
    place (not established: a village, a neighbourhood, a district or a town
    of unknown size that no hand checked) is guarded further, because its
    name is often a word or a person's name: a single word needs a place word
    ("!") when it is a frequent word (COMMON_WORDS), else a place word or a
    locative ("?"); a name of several words needs a place word or a locative
    when all its words are frequent or it starts with a personal-name word
    (أبو، الشيخ، عبد…).
    """
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
    if established:
        return ""
    common = all(token in COMMON_SET for token in tokens)
    if len(tokens) == 1:
        return "!" if common else "?"
    return "?" if common or tokens[0] in PERSON_SET else ""


def derived_spelling(text: str) -> str | None:
    """The form news also writes: البوكمال -> بوكمال, دير الزور -> ديرالزور."""
    tokens = text.split()
    if len(tokens) == 1 and text.startswith("ال") and len(text) >= 6:
        return text[2:]
    if len(tokens) == 2 and tokens[1].startswith("ال") and fold_text(tokens[0]) in JOINABLE:
        return "".join(tokens)
    return None


def split_alternatives(names: list[str]) -> Iterator[str]:
    """Each name, with "خربة عابور (عابون)" read as two names."""
    for name in names:
        outer = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
        yield outer
        yield from (inner.strip() for inner in re.findall(r"\(([^)]*)\)", name))


def cleaned_candidates(row: Row, stats: Stats) -> list[tuple[str, str | None]]:
    """(spelling, given guard) for each usable raw name of a row, derived forms included."""
    cleaned: list[tuple[str, str | None]] = []
    for raw in split_alternatives(row.candidates):
        given = raw[:1] if raw[:1] in "!?" else None
        text = " ".join(strip_marks(raw.lstrip("!?").translate(ARABIC_EQUIVALENTS)).split())
        text = FAMILY.sub("آل ", text)
        if not text or not arabic_ok(text):
            continue  # another script (Latin, Kurdish or Persian letters) or punctuation
        if fold_text(text) in row.wrong:
            stats.wrong += 1
            continue
        text = strip_descriptors(text)
        cleaned.append((text, given))
        if row.important and not given and classify(text, True) == "":
            derived = derived_spelling(text)
            if derived and classify(derived, True) == "":
                cleaned.append((derived, None))
    return cleaned


def add_spellings(row: Row, stats: Stats) -> None:
    """Clean, classify and de-duplicate the row's raw names into row.arabic.

    A name given with its own guard ("!" or "?") keeps it; a stoplisted name
    is kept only when given with "!" (الجلاء, a town's name and "evacuation").
    """
    seen: set[str] = set()
    for text, given in cleaned_candidates(row, stats):
        key = fold_text(text)
        if key in seen:
            continue
        computed = classify(text, row.established)
        if computed is None and given == "!" and key in STOP:
            computed = "!"
        if computed is not None and row.spelled:
            # A spelling of ours, not the sources': only where a place is expected, and for
            # one word ("خرائب" ruins, "حومة" thick of the fight) only after a place word.
            computed = "!" if " " not in text else computed or "?"
        if computed is None:
            stats.dropped_common[key] += 1
            continue
        prefix = given if given is not None else computed
        stats.guarded[prefix or "none"] += 1
        seen.add(key)
        row.arabic.append(prefix + text)


# -- places of the sources --------------------------------------------------------------------


def country_name(code: str | None) -> str | None:
    """English name of a country code used by the gazetteer's entries."""
    if code is None:
        return None
    if code in tables.COUNTRIES:
        return tables.COUNTRIES[code][0]
    return tables.OTHER_COUNTRIES[code]


def number(value: str) -> float | None:
    """A coordinate from the sources, rounded to 5 decimals (about a metre)."""
    return round(float(value), 5) if value else None


def point(row: dict[str, str], stats: Stats) -> tuple[float | None, float | None]:
    """(lat, lon) of a WOF row, or (None, None) when it lies outside its country."""
    lat, lon = number(row["lat"]), number(row["lon"])
    if lat is None or lon is None:
        return None, None
    south, north, west, east = tables.BOUNDS[row["country"]]
    if not (south <= lat <= north and west <= lon <= east):
        stats.misplaced += 1
        return None, None
    return lat, lon


def population_of(row: dict[str, str]) -> int | None:
    """The population WOF gives, else GeoNames' cities500 figure, else None (0 means unknown)."""
    if row["population"]:
        return int(float(row["population"])) or None
    gid = geonames_id(row)
    if gid in tables.CITIES500:
        return tables.CITIES500[gid] or None
    return None


CITY_POPULATION = 100_000
"""Inhabitants from which a locality that is no governorate capital is a city (the record's
`level`, as tests/data/gold/GUIDELINES.md defines it)."""


def locality_level(row: dict[str, str], population: int | None) -> str:
    """city, town or village, from the population or, when unknown, the seat it is."""
    gid = geonames_id(row)
    if gid in tables.LEVELS:
        return tables.LEVELS[gid]
    if gid in tables.CAPITALS or (population or 0) >= CITY_POPULATION:
        return "city"
    if (population or 0) >= ESTABLISHED_POPULATION:
        return "town"
    if population:
        return "village"
    if gid in tables.CITIES500 or row["gn_feature_code"] in SEATS:
        return "town"
    return "village"


def english_name(row: dict[str, str]) -> str:
    """The usual English name: the hand table's, else the first Latin name of the row."""
    gid = geonames_id(row)
    if gid in tables.NAMES:
        return tables.NAMES[gid]
    for name in [row["name"], *row["names_latin"].split("|")]:
        if name and latin_ok(name):
            return ascii_name(name)
    return row["name"]


def arabic_names(row: dict[str, str]) -> list[str]:
    """The row's Arabic names, preferred first; other Arabic-script ones when it has none."""
    names = [n for n in [row["name_ar"], *row["names_ar"].split("|")] if n]
    if not names:  # Kurdish, then Persian or other spellings of the name in Arabic script
        others = [e.split(":", 1) for e in row["names_other_arabic_script"].split("|") if ":" in e]
        kurdish = [name for language, name in others if f"{language}:" in KURDISH_PREFIXES]
        names = kurdish + [name for _, name in others if name not in kurdish]
    order = {name: i for i, name in reversed(list(enumerate(names)))}
    preferred = names[:1]
    rest = sorted(set(names[1:]) - set(preferred), key=lambda n: (nonstandard(n), order[n]))
    return preferred + rest


ROMAN_ARTICLES = LATIN_ARTICLES | {"al"}


def roman_words(name: str) -> tuple[str, ...]:
    """A romanized name cut into words, lower case, the article joined to its word.

    "Khirbat al ‘Arīshah" gives ("khirbat", "al ‘arīshah"), as the Arabic
    "خربة العريشة" gives two words.
    """
    words = [w for w in re.split(r"[\s\-]+", unicodedata.normalize("NFC", name).lower()) if w]
    out: list[str] = []
    for word in words:
        if out and out[-1] in ROMAN_ARTICLES:
            out[-1] += " " + word
        else:
            out.append(word)
    return tuple(out)


def romanization(row: dict[str, str]) -> str | None:
    """The row's name as GeoNames romanizes it, with diacritics ("Ḩamāh", "Khirbat ‘Arab").

    Of its Latin names, the first that is the row's plain name with its
    diacritics: the BGN/PCGN romanization, which tells ح from ه (ḩ, h), ص
    from س (ş, s), ع (‘) and the long vowels (ā ī ū). Without one, the plain
    name itself when it is ASCII ("Khirbat Zaynab" needs no diacritics).
    """
    plain = ascii_name(row["name"]).lower()
    for name in row["names_latin"].split("|"):
        if name and not name.isascii() and ascii_name(name).lower() == plain:
            return name
    return row["name"] if row["name"].isascii() else None


@dataclass
class Spellings:
    """How the places that have both write each word of a romanization in Arabic.

    Who's On First gives some places of Syria and Iraq no Arabic name, only
    GeoNames' romanization of it ("Khirbat Zaynab"). Their romanizations
    follow one system, so the places that have both an Arabic name and its
    romanization, word for word, show how each romanized word is written
    ("khirbat" → "خربة", "zaynab" → "زينب"). A place named only in Latin script
    gets the Arabic spelling of its words when every word was seen often
    enough and spelt alike (SPELLING_SUPPORT, SPELLING_SHARE). Tried on the
    places that have both, each spelt from the others' words, 98.6 % of the
    spellings made are one of the place's own Arabic names once folded.
    """

    words: dict[str, Counter[str]] = field(default_factory=dict)

    @classmethod
    def learn(cls, rows: list[dict[str, str]]) -> Spellings:
        """The word table of every locality with an Arabic name and its romanization."""
        words: dict[str, Counter[str]] = defaultdict(Counter)
        for row in rows:
            roman = romanization(row) if row["placetype"] == "locality" else None
            if roman is None or not row["name_ar"]:
                continue
            arabic = " ".join(strip_marks(row["name_ar"].translate(ARABIC_EQUIVALENTS)).split())
            latin = roman_words(roman)
            if arabic_ok(arabic) and len(latin) == len(arabic.split()):
                for word, spelt in zip(latin, arabic.split(), strict=True):
                    words[word][spelt] += 1
        return cls(dict(words))

    def arabic(self, row: dict[str, str]) -> str | None:
        """The Arabic spelling of a row's romanized name, or None when a word is not known well."""
        roman = romanization(row)
        if roman is None:
            return None
        spelt = [self.word(word) for word in roman_words(roman)]
        return None if None in spelt else " ".join(cast(list[str], spelt))

    def word(self, word: str) -> str | None:
        """The usual Arabic spelling of a romanized word, if the table knows it well enough."""
        seen = self.words.get(word)
        if seen is None or seen.total() < SPELLING_SUPPORT:
            return None
        folded: Counter[str] = Counter()
        for spelling, times in seen.items():
            folded[fold_text(spelling)] += times
        (best, times), *_ = sorted(folded.items(), key=lambda item: (-item[1], item[0]))
        if times < SPELLING_SHARE * seen.total():
            return None
        same = [spelling for spelling in seen if fold_text(spelling) == best]
        return min(same, key=lambda spelling: (-seen[spelling], spelling))


def campus_names(names: list[str]) -> list[str]:
    """A campus's own name, guarded: "قاعدة التقدم الجوية" gives "!التقدم"."""
    found = (CAMPUS_NAME.match(strip_marks(name)) for name in names)
    return [f"!{match.group(1)}" for match in found if match]


@dataclass
class Hierarchy:
    """What places are in: governorates by WOF id, districts by WOF id."""

    governorates: dict[str, tuple[str, str]]  # WOF governorate id -> (country, admin1 code)
    districts: dict[str, str]  # WOF district id -> English district name


def governorate_name(country: str, code: str) -> str:
    """English name of a governorate."""
    return tables.ADMIN1[(country, code)][0]


def place_admin(row: dict[str, str], hierarchy: Hierarchy) -> tuple[str | None, str | None]:
    """(governorate, district) of a WOF place, English.

    The governorate of GeoNames' admin1 code wins over WOF's (WOF puts Golan
    villages under Israel's Northern district and leaves many localities
    without one); the district is WOF's, kept only when WOF's governorate
    agrees.
    """
    country = row["country"]
    code = admin1_code(row)
    from_wof = hierarchy.governorates.get(row["admin1_wof_id"])
    if code is None or (country, code) not in tables.ADMIN1:
        if from_wof is None or from_wof[0] != country:
            return None, None
        code = from_wof[1]
    admin1 = governorate_name(country, code)
    agrees = from_wof == (country, code)
    admin2 = hierarchy.districts.get(row["admin2_wof_id"]) if agrees else None
    return admin1, admin2


def wof_row(row: dict[str, str], hierarchy: Hierarchy, spellings: Spellings, stats: Stats) -> Row:
    """A locality, neighbourhood or campus of Who's On First as a gazetteer row.

    A locality of Syria or Iraq that the sources name only in Latin script is
    spelt in Arabic from its romanization (see `Spellings`).
    """
    population = population_of(row)
    gid = geonames_id(row)
    campus = row["placetype"] == "campus"
    if campus:
        level, kind = "site", "base"
    elif row["placetype"] == "neighbourhood":
        level = kind = "neighbourhood"
    else:
        level = kind = locality_level(row, population)
    admin1, admin2 = place_admin(row, hierarchy)
    lat, lon = point(row, stats)
    known = gid in tables.CITIES500 or campus
    out = Row(
        key=f"wof:{row['wof_id']}",
        name=english_name(row),
        level=level,
        kind=kind,
        admin1=admin1,
        admin2=admin2,
        country=country_name(row["country"]),
        lat=lat,
        lon=lon,
        population=population,
        source="wof",
        group=1 if known or (population or 0) >= RANKED_POPULATION else 3,
        prominence=(
            -int(row["gn_feature_code"] in SEATS),
            -int(bool(row["wikidata_id"])),
            int(row["is_current"] == "0"),
            -len(row["names_latin"].split("|")),
        ),
        established=known or (population or 0) >= ESTABLISHED_POPULATION,
        important=(population or 0) >= IMPORTANT_POPULATION or gid in tables.CAPITALS,
    )
    out.candidates = [
        *tables.EXTRA.get(gid or -1, ()),
        *tables.EXTRA_WOF.get(int(row["wof_id"]), ()),
        *arabic_names(row),
    ]
    if not out.candidates and row["country"] in SPELLED_COUNTRIES:
        spelt = spellings.arabic(row) if row["placetype"] == "locality" else None
        (stats.spelled if spelt else stats.unspelled)[row["country"]] += 1
        out.candidates, out.spelled = ([spelt], True) if spelt else ([], False)
    if campus:
        out.candidates += campus_names(out.candidates)
    out.wrong = {fold_text(w) for w in tables.WRONG.get(gid or -1, ())}
    out.wrong |= {fold_text(w) for w in tables.WRONG_WOF.get(int(row["wof_id"]), ())}
    latin = [out.name, *(ascii_name(n) for n in [row["name"], *row["names_latin"].split("|")])]
    out.english = dedupe_latin(n for n in latin if n and latin_ok(n))
    return out


def wof_district_row(row: dict[str, str], hierarchy: Hierarchy, stats: Stats) -> Row | None:
    """A district (WOF county) outside Syria as a gazetteer row, or None without a governorate."""
    found = hierarchy.governorates.get(row["admin1_wof_id"])
    if found is None:
        return None
    name = english_name(row)
    lat, lon = point(row, stats)
    out = Row(
        key=f"wof:{row['wof_id']}",
        name=name,
        level="district",
        kind="district",
        admin1=governorate_name(*found),
        admin2=name,
        country=country_name(row["country"]),
        lat=lat,
        lon=lon,
        population=int(float(row["population"])) if row["population"] else None,
        source="wof",
        group=4,
        established=False,
    )
    out.candidates = [*tables.EXTRA_WOF.get(int(row["wof_id"]), ()), *arabic_names(row)]
    out.wrong = {fold_text(w) for w in tables.WRONG_WOF.get(int(row["wof_id"]), ())}
    out.english = dedupe_latin([name, *(ascii_name(n) for n in row["names_latin"].split("|") if n)])
    return out


def syria_governorate_codes(units: list[dict[str, str]]) -> dict[str, str]:
    """OpenSyria governorate id -> GeoNames admin1 code (matched by Arabic name)."""
    by_arabic = {
        fold_text(arabic[0].lstrip("!?")): code
        for (country, code), (_, _, _, arabic) in tables.ADMIN1.items()
        if country == "SY"
    }
    return {u["id"]: by_arabic[fold_text(u["name_ar"])] for u in units if u["level"] == "adm1"}


def opensyria_aliases(unit: dict[str, str]) -> list[str]:
    """A unit's Arabic name and its aliases that name the unit itself ("منطقة البوكمال")."""
    aliases = [a for a in unit["aliases_ar"].split("|") if a.startswith(("منطقة ", "محافظة "))]
    return [unit["name_ar"], *aliases]


def syria_unit_rows(units: list[dict[str, str]], level: str) -> list[Row]:
    """Syria's districts (OpenSyria's level adm2) or subdistricts (adm3, nawahi) from OpenSyria.

    Both are of level district. Most subdistricts share their name with their
    seat, which ranks before them: "ناحية العريشة" names the subdistrict,
    "العريشة" the town first.
    """
    codes = syria_governorate_codes(units)
    parent = {u["name_en"]: u["id"] for u in units if u["level"] == "adm1"}
    rows = []
    for unit in units:
        if unit["level"] != level:
            continue
        row = Row(
            key=f"ocha:{unit['ocha_pcode']}",
            name=unit["name_en"],
            level="district",
            kind="district" if level == "adm2" else "subdistrict",
            admin1=governorate_name("SY", codes[parent[unit["adm1_en"]]]),
            admin2=unit["name_en"] if level == "adm2" else unit["adm2_en"],
            country="Syria",
            lat=number(unit["lat"]),
            lon=number(unit["lon"]),
            population=None,
            source="opensyria",
            group=4,
            established=False,
        )
        row.candidates = opensyria_aliases(unit)
        row.english = dedupe_latin([unit["name_en"], *unit["aliases_en"].split("|")])
        rows.append(row)
    return rows


def syria_districts_of_wof(wof: list[dict[str, str]], districts: list[Row]) -> dict[str, str]:
    """WOF district id -> OpenSyria English district name, for Syria.

    By Arabic name within the governorate ("مركز الرقة" is Ar-Raqqah), else
    the OpenSyria district nearest to the WOF one's centre.
    """
    out = {}
    for row in wof:
        if row["country"] != "SY" or row["placetype"] != "county":
            continue
        names = {fold_text(strip_descriptors(n)) for n in arabic_names(row)}
        same = [
            d for d in districts if names & {fold_text(strip_descriptors(c)) for c in d.candidates}
        ]
        if len(same) != 1:
            lat, lon = float(row["lat"]), float(row["lon"])
            same = sorted(districts, key=lambda d: km(lat, lon, d.lat or 0.0, d.lon or 0.0))[:1]
        out[row["wof_id"]] = same[0].name
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def governorate_rows(units: list[dict[str, str]]) -> list[Row]:
    """One row per governorate: the hand table's names and capital, OpenSyria's aliases."""
    codes = syria_governorate_codes(units)
    aliases = {
        codes[u["id"]]: [strip_descriptors(a) for a in opensyria_aliases(u)[1:]]
        for u in units
        if u["level"] == "adm1"
    }
    rows = []
    for (country, code), (name, lat, lon, arabic) in tables.ADMIN1.items():
        row = Row(f"admin1:{country}.{code}", name, "governorate", "governorate", name, None,
                  country_name(country), lat, lon, None, "manual", group=5,
                  important=True)  # fmt: skip
        row.candidates = [*arabic, *(aliases.get(code, []) if country == "SY" else [])]
        row.english = dedupe_latin([name, f"{name} Governorate"])
        rows.append(row)
    return rows


def country_rows(wof: list[dict[str, str]]) -> list[Row]:
    """One row per country: conventional point, WOF's population."""
    population = {r["country"]: int(r["population"]) for r in wof if r["placetype"] == "country"}
    rows = []
    for code, (name, lat, lon, arabic) in tables.COUNTRIES.items():
        row = Row(f"country:{code}", name, "country", "country", None, None, name, lat, lon,
                  population.get(code), "wof", group=0)  # fmt: skip
        row.candidates = list(arabic)
        row.english = dedupe_latin([name])
        rows.append(row)
    return rows


def replaced_rows() -> dict[str, str]:
    """WOF id -> the key of the hand-made entry that replaces that row."""
    return {
        str(wof_id): entry["key"] for entry in tables.MANUAL for wof_id in entry.get("replaces", ())
    }


def manual_rows(wof: list[dict[str, str]]) -> list[Row]:
    """The hand-made entries: bases, oil fields, crossings, neighbourhoods, regions…

    An entry that replaces WOF rows takes their Arabic and Latin names too.
    """
    replaced: dict[str, list[dict[str, str]]] = defaultdict(list)
    replacing = replaced_rows()
    for record in wof:
        if record["wof_id"] in replacing:
            replaced[replacing[record["wof_id"]]].append(record)
    rows = []
    for entry in tables.MANUAL:
        admin1 = entry.get("admin1")
        cc = admin1.split(".")[0] if admin1 else entry.get("country")
        admin_name = governorate_name(admin1[:2], admin1[3:]) if admin1 else None
        kind = entry["kind"]
        level = "site" if kind in SITE_KINDS else kind
        row = Row(f"manual:{entry['key']}", entry["name"], level, kind, admin_name,
                  entry.get("admin2"), country_name(cc), entry["lat"], entry["lon"], None,
                  "manual", group=2)  # fmt: skip
        others = replaced[entry["key"]]
        row.candidates = [*entry["arabic"], *(n for r in others for n in arabic_names(r))]
        extra = [*entry.get("english", ()), *tables.MANUAL_ENGLISH.get(entry["key"], ())]
        extra += [ascii_name(r["name"]) for r in others]
        row.english = dedupe_latin([entry["name"], *extra])
        rows.append(row)
    return rows


def place_rows(wof: list[dict[str, str]], hierarchy: Hierarchy, stats: Stats) -> list[Row]:
    """Localities, neighbourhoods and campuses, and the districts outside Syria."""
    rows = []
    replaced = replaced_rows()
    spellings = Spellings.learn(wof)
    for record in wof:
        placetype = record["placetype"]
        if record["wof_id"] in replaced:
            stats.dropped_rows["replaced by a hand-made entry"] += 1
        elif placetype in ("locality", "neighbourhood", "campus"):
            rows.append(wof_row(record, hierarchy, spellings, stats))
        elif placetype == "county" and record["country"] != "SY":
            district = wof_district_row(record, hierarchy, stats)
            if district is None:
                stats.dropped_rows["district without a governorate"] += 1
            else:
                rows.append(district)
    return rows


# -- merging duplicates -----------------------------------------------------------------------


def merge_duplicates(rows: list[Row], stats: Stats) -> list[Row]:
    """Merge WOF places of one level and name lying within DUPLICATE_KM of each other.

    Who's On First sometimes holds a town twice (a GeoNames row and a row of
    its own); the better-ranked row stays, with the other's spellings added.
    """
    kept: list[Row] = []
    by_name: dict[tuple[str | None, str, str], list[Row]] = defaultdict(list)
    for row in sorted(rows, key=rank_key):
        first = row.candidates[0] if row.candidates else ""
        name = fold_text(strip_descriptors(strip_marks(first))) if first else row.name.lower()
        bucket = by_name[(row.country, row.level, name)]
        twin = next((other for other in bucket if close(row, other)), None)
        if twin is None or row.source != "wof" or twin.source != "wof":
            bucket.append(row)
            kept.append(row)
            continue
        stats.merged_duplicates += 1
        twin.candidates += [c for c in row.candidates if c not in twin.candidates]
        twin.english = dedupe_latin([*twin.english, *row.english])
        twin.admin2 = twin.admin2 or row.admin2
    return kept


def close(a: Row, b: Row) -> bool:
    """Whether two rows lie within DUPLICATE_KM of each other."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return km(a.lat, a.lon, b.lat, b.lon) <= DUPLICATE_KM


# -- the whole build --------------------------------------------------------------------------


def rank_key(row: Row) -> tuple[object, ...]:
    """The order of the data file, best first: a name's default place is its first.

    Groups: countries; places of at least 500 inhabitants or of GeoNames'
    cities500; hand-made entries; other localities; districts; governorates.
    An administrative area's population does not count, so that a name shared
    by a governorate and its capital stands for the city unless a place word
    (محافظة، ريف) says otherwise. Within a group: population, then the kind
    (city before town before village…), then how well-known the place is.
    """
    return (row.group, -(row.population or 0) if row.group in (0, 1) else 0,
            KIND_ORDER.index(row.kind), row.prominence, row.key)  # fmt: skip


DISTRICT_REACH_KM = 25.0
"""A place without a known district takes that of the nearest place of its governorate that
has one, when it lies this close."""
AREA_LEVELS = frozenset({"country", "governorate", "region", "water", "district"})


def infer_districts(rows: list[Row], stats: Stats) -> None:
    """Give a place the sources leave without a district (a base, a village WOF has no
    county for) the district of the nearest place of its governorate that has one, within
    `DISTRICT_REACH_KM`; a grid of 0.25° cells keeps this linear."""
    cell = 0.25
    known: dict[tuple[str | None, int, int], list[Row]] = defaultdict(list)
    for row in rows:
        if (
            row.admin2
            and row.level not in AREA_LEVELS
            and row.lat is not None
            and row.lon is not None
        ):
            known[(row.admin1, int(row.lat // cell), int(row.lon // cell))].append(row)
    for row in rows:
        if row.admin2 or row.level in AREA_LEVELS or row.lat is None or row.lon is None:
            continue
        y, x = int(row.lat // cell), int(row.lon // cell)
        near = [
            other
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for other in known.get((row.admin1, y + dy, x + dx), ())
        ]
        lat, lon = row.lat, row.lon
        best = min(near, key=lambda o: km(lat, lon, o.lat or 0.0, o.lon or 0.0), default=None)
        if best is not None and km(lat, lon, best.lat or 0.0, best.lon or 0.0) <= DISTRICT_REACH_KM:
            row.admin2 = best.admin2
            stats.inferred_districts += 1


def build(source: Path) -> tuple[list[Row], Stats]:
    """All rows of the gazetteer, sorted best first, with the build statistics."""
    stats = Stats()
    raw = read_tsv(source / WOF_FILE)
    stats.rows_read = len(raw)
    wof = live_wof_rows(raw, stats)
    units = read_tsv(source / OPENSYRIA_FILE)
    syria_districts = syria_unit_rows(units, "adm2")
    hierarchy = Hierarchy(governorate_of_regions(wof), {})
    hierarchy.districts = {
        r["wof_id"]: english_name(r)
        for r in wof
        if r["placetype"] == "county" and r["country"] != "SY"
    }
    hierarchy.districts |= syria_districts_of_wof(wof, syria_districts)
    rows = merge_duplicates(place_rows(wof, hierarchy, stats), stats)
    rows += country_rows(wof) + governorate_rows(units) + syria_districts + manual_rows(wof)
    rows += syria_unit_rows(units, "adm3")
    infer_districts(rows, stats)
    for row in rows:
        add_spellings(row, stats)
        if not row.arabic and not row.english:
            stats.dropped_rows["no name in Arabic or Latin script"] += 1
    rows = [row for row in rows if row.arabic or row.english]
    mark_seats(rows, stats)
    rows.sort(key=rank_key)
    return rows, stats


def _bare_arabic(name: str) -> str:
    return fold_text(name.lstrip("!?"))


def mark_seats(rows: list[Row], stats: Stats) -> None:
    """Make a village that is a subdistrict's seat a town, as the gold guidelines do ("Abu
    Saida is a nahiya seat"): an Iraqi village WOF also names "Nahiyat …", and a Syrian
    village named as a subdistrict of its district (OpenSyria's nawahi)."""
    subdistricts = {
        (row.admin1, row.admin2, _bare_arabic(name))
        for row in rows
        if row.kind == "subdistrict"
        for name in row.arabic
    }
    for row in rows:
        if row.level != "village":
            continue
        nahiya = any(name.startswith("Nahiyat ") for name in [row.name, *row.english])
        named = any((row.admin1, row.admin2, _bare_arabic(n)) in subdistricts for n in row.arabic)
        if nahiya or named:
            row.level = row.kind = "town"
            stats.seats += 1


def render_number(value: float | None) -> str:
    """A coordinate as written in the file: at most 5 decimals, no trailing zeros."""
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def render(rows: list[Row]) -> str:
    """The TSV text of the data file."""
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        fields = [r.key, r.name, r.level, "" if r.kind == r.level else r.kind, r.admin1 or "",
                  r.admin2 or "", r.country or "", render_number(r.lat), render_number(r.lon),
                  "" if r.population is None else str(r.population), r.source,
                  "|".join(r.english), "|".join(r.arabic)]  # fmt: skip
        assert not any("\t" in f or "\n" in f for f in fields), fields
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def generate(source: Path) -> tuple[str, Stats]:
    """The data file's text built from the source folder."""
    rows, stats = build(source)
    return render(rows), stats


def summary(text: str, stats: Stats) -> Iterator[str]:
    """Lines reporting what was built."""
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    spellings = {s.lstrip("!?") for row in rows for s in row[-1].split("|") if s}
    yield f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} places, {len(text.encode())} bytes"
    yield f"  distinct Arabic spellings: {len(spellings)}"
    by_country = Counter((row[6], bool(row[-1])) for row in rows)
    for country in sorted({c for c, _ in by_country}):
        yield (f"  {country or '(none)'}: {by_country[(country, True)]} with Arabic spellings, "
               f"{by_country[(country, False)]} without")  # fmt: skip
    yield "  levels: " + ", ".join(
        f"{k} {n}" for k, n in sorted(Counter(r[2] for r in rows).items())
    )
    yield (f"  source rows {stats.rows_read}; dropped: {dict(stats.dropped_rows)}; "
           f"duplicates merged: {stats.merged_duplicates}; points outside their country left out: "
           f"{stats.misplaced}; districts inferred from the nearest neighbour: "
           f"{stats.inferred_districts}; villages made towns as a subdistrict's seat: "
           f"{stats.seats}")  # fmt: skip
    spelt, unspelt = dict(sorted(stats.spelled.items())), dict(sorted(stats.unspelled.items()))
    yield (f"  named only in Latin script: spelt in Arabic from the romanization {spelt}, "
           f"left so {unspelt}")  # fmt: skip
    yield (f"  spellings dropped as common words or too short: "
           f"{sum(stats.dropped_common.values())} ({len(stats.dropped_common)} distinct); "
           f"wrong names dropped: {stats.wrong}; guards: {dict(stats.guarded)}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Build (or check) the data file from SOURCE_DIR."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("source", type=Path, metavar="SOURCE_DIR", help="folder of the sources")
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what was dropped")
    args = parser.parse_args(argv)
    missing = [n for n in (WOF_FILE, OPENSYRIA_FILE) if not (args.source / n).is_file()]
    if missing:
        print(f"{args.source}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    text, stats = generate(args.source)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    for line in summary(text, stats):
        print(line)
    if args.verbose:
        print("  dropped words: " + " ".join(sorted(stats.dropped_common)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
