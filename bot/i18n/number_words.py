"""Number words per language, as `numbers.parse_number` reads them.

Keys are written naturally and normalized when the tables load, so Arabic entries may carry
hamza and taa marbuta. Values under `MULTIPLIERS` multiply what stands before them
("laba boqol" = 200), except in `MULTIPLIER_FIRST` languages where they multiply what follows
("mia mbili" = 200). Forms drafted by the Sauti developers; Darija, Amharic and Tigrinya
spellings need review by native speakers.
"""

from __future__ import annotations

# fmt: off
UNITS: dict[str, dict[str, int]] = {
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "dozen": 12,
    },
    "fr": {
        "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
        "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
        "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
        "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
        "huitante": 80, "octante": 80, "nonante": 90,
        # "quatre-vingt(s)" is joined into one word before lookup.
        "quatrevingt": 80, "quatrevingts": 80,
        # Approximate amounts: "une vingtaine" (about twenty) is 20 ("une" is dropped).
        "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
        "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    },
    "ar": {
        "صفر": 0, "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2,
        "اثنتين": 2, "اثنا": 2, "اثني": 2, "اتنين": 2, "تنين": 2, "ثلاثة": 3, "ثلاث": 3,
        "تلاتة": 3, "تلات": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
        "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تمانية": 8, "تسعة": 9,
        "تسع": 9, "عشرة": 10, "عشر": 10, "حداشر": 11, "اتناشر": 12, "تلتاشر": 13,
        "أربعتاشر": 14, "خمستاشر": 15, "ستاشر": 16, "سبعتاشر": 17, "تمنتاشر": 18,
        "تسعتاشر": 19, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "تلاتين": 30,
        "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
        "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تمانين": 80, "تسعون": 90,
        "تسعين": 90, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "ميتين": 200,
        "ثلاثمائة": 300, "ثلاثمئة": 300, "أربعمائة": 400, "أربعمئة": 400, "خمسمائة": 500,
        "خمسمئة": 500, "احدعش": 11, "حدعش": 11, "احداشر": 11, "اطنعش": 12, "اتنعش": 12,
        # The dual names two people: "طفلين" (two children), "بنتين" (two girls).
        "طفلين": 2, "طفلتين": 2, "بنتين": 2, "ولدين": 2, "شخصين": 2, "امرأتين": 2,
    },
    "ary": {
        "واحد": 1, "وحدة": 1, "جوج": 2, "زوج": 2, "تلاتة": 3, "تلت": 3, "ثلاثة": 3, "ربعة": 4,
        "خمسة": 5, "ستة": 6, "سبعة": 7, "تمنية": 8, "تسعود": 9, "تسعة": 9, "عشرة": 10,
        "حضاش": 11, "حداش": 11, "طناش": 12, "تناش": 12, "تلطاش": 13, "ربعطاش": 14,
        "خمسطاش": 15, "سطاش": 16, "سبعطاش": 17, "تمنطاش": 18, "تسعطاش": 19, "عشرين": 20,
        "تلاتين": 30, "ربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "تمانين": 80,
        "تسعين": 90, "ميتين": 200,
    },
    "ary-Latn": {
        "wa7ed": 1, "wahed": 1, "wa7d": 1, "wa7da": 1, "wahda": 1, "we7da": 1, "wehda": 1,
        "juj": 2, "zuj": 2, "joj": 2, "jouj": 2, "jooj": 2, "zouj": 2,
        "zooj": 2, "tnin": 2, "itnin": 2, "tlata": 3, "tlta": 3, "tlat": 3, "talata": 3,
        "rb3a": 4, "rab3a": 4, "reb3a": 4, "arba3a": 4, "arb3a": 4, "arba": 4, "khamsa": 5,
        "5amsa": 5, "khmsa": 5, "stta": 6, "setta": 6, "sta": 6, "sitta": 6, "sb3a": 7,
        "seb3a": 7, "sab3a": 7, "tmnia": 8, "tmnya": 8, "tmenya": 8, "tmanya": 8,
        "tamanya": 8, "ts3od": 9, "tes3od": 9, "ts3ud": 9, "ts3oud": 9, "tis3a": 9,
        "tes3a": 9, "3achra": 10, "3chra": 10, "3ashra": 10, "3ashara": 10, "3echra": 10,
        "7dach": 11, "hdach": 11, "7da3ch": 11, "7dash": 11, "tnach": 12, "tna3ch": 12,
        "tnash": 12, "tlettach": 13, "tltach": 13, "tleta3ch": 13, "rba3tach": 14,
        "rb3tach": 14, "khmstach": 15, "5mstach": 15, "khamsta3ch": 15, "sttach": 16,
        "settach": 16, "sta3ch": 16, "stta3ch": 16, "sttash": 16, "sb3tach": 17,
        "sba3tach": 17, "tmntach": 18, "tmenta3ch": 18, "ts3tach": 19, "tsa3tach": 19,
        "3chrin": 20, "3echrin": 20, "3ichrin": 20, "3ishrin": 20, "3eshrin": 20,
        "3ashrin": 20, "tlatin": 30, "tletin": 30, "talatin": 30, "rb3in": 40, "reb3in": 40,
        "arba3in": 40, "khamsin": 50, "5amsin": 50, "sttin": 60, "settin": 60, "sittin": 60,
        "sb3in": 70, "seb3in": 70, "tmanin": 80, "tamanin": 80, "ts3in": 90, "tes3in": 90,
        "tis3in": 90, "mitin": 200, "mitayn": 200,
    },
    "sw": {
        "sifuri": 0, "moja": 1, "mmoja": 1, "mbili": 2, "wawili": 2, "tatu": 3, "watatu": 3,
        "nne": 4, "wanne": 4, "tano": 5, "watano": 5, "sita": 6, "saba": 7, "nane": 8,
        "wanane": 8, "tisa": 9, "kenda": 9, "kumi": 10, "ishirini": 20, "thelathini": 30,
        "arobaini": 40, "hamsini": 50, "sitini": 60, "sabini": 70, "themanini": 80,
        "tisini": 90,
    },
    "so": {
        "eber": 0, "kow": 1, "koow": 1, "hal": 1, "laba": 2, "saddex": 3, "afar": 4,
        "shan": 5, "lix": 6, "toddoba": 7, "todoba": 7, "siddeed": 8, "sideed": 8,
        "sagaal": 9, "toban": 10, "labaatan": 20, "soddon": 30, "afartan": 40, "konton": 50,
        "lixdan": 60, "toddobaatan": 70, "siddeetan": 80, "sagaashan": 90,
        # Spellings without the standard orthography, and "the two" (labada) as people say it.
        "labo": 2, "labada": 2, "seddex": 3, "sadex": 3, "saddexda": 3, "afarta": 4,
        "sodon": 30, "sideetan": 80, "labatan": 20, "tobon": 10,
    },
    "am": {
        "ዜሮ": 0, "አንድ": 1, "ሁለት": 2, "ሶስት": 3, "ሦስት": 3, "አራት": 4, "አምስት": 5,
        "ስድስት": 6, "ሰባት": 7, "ስምንት": 8, "ዘጠኝ": 9, "አስር": 10, "አሥር": 10, "ዐሥር": 10,
        "አስራ": 10, "አሥራ": 10, "ሃያ": 20, "ሀያ": 20, "ሰላሳ": 30, "ሠላሳ": 30, "አርባ": 40,
        "ሃምሳ": 50, "ሀምሳ": 50, "ስልሳ": 60, "ስድሳ": 60, "ሰባ": 70, "ሰማንያ": 80, "ዘጠና": 90,
        # Amharic typed in Latin letters.
        "hulet": 2, "sost": 3, "arat": 4, "amist": 5, "sidist": 6, "sebat": 7,
        "siminit": 8, "zetegn": 9, "asir": 10, "asra": 10, "haya": 20,
        "selasa": 30, "arba": 40, "hamsa": 50, "silsa": 60, "seba": 70, "semanya": 80,
        "zetena": 90, "simint": 8,
    },
    "ti": {
        "ሓደ": 1, "ሐደ": 1, "ክልተ": 2, "ሰለስተ": 3, "ኣርባዕተ": 4, "ሓሙሽተ": 5, "ሽዱሽተ": 6,
        "ሽድሽተ": 6, "ሸውዓተ": 7, "ሸሞንተ": 8, "ትሽዓተ": 9, "ዓሰርተ": 10, "ዕስራ": 20, "ሰላሳ": 30,
        "ኣርብዓ": 40, "ሓምሳ": 50, "ስሳ": 60, "ሰብዓ": 70, "ሰማንያ": 80, "ቴስዓ": 90, "ተስዓ": 90,
        # Tigrinya typed in Latin letters.
        "hade": 1, "kilte": 2, "seleste": 3, "arbaete": 4, "hamushte": 5, "shdushte": 6,
        "shewate": 7, "shemonte": 8, "tshate": 9, "aserte": 10, "selesten": 3,
        "esra": 20, "isra": 20, "selasa": 30, "arbea": 40, "arba": 40, "hamsa": 50,
        "kilten": 2, "esran": 20,
    },
}

MULTIPLIERS: dict[str, dict[str, int]] = {
    "en": {"hundred": 100, "thousand": 1000},
    "fr": {"cent": 100, "cents": 100, "mille": 1000},
    "ar": {"مئة": 100, "مائة": 100, "مية": 100, "ميه": 100, "ألف": 1000, "آلاف": 1000},
    "ary": {"مية": 100, "ميا": 100, "ألف": 1000},
    "ary-Latn": {"mya": 100, "mia": 100, "miya": 100, "meya": 100, "alf": 1000},
    "sw": {"mia": 100, "elfu": 1000},
    "so": {"boqol": 100, "kun": 1000},
    "am": {"መቶ": 100, "ሺህ": 1000, "ሺ": 1000, "meto": 100},
    "ti": {"ሚእቲ": 100, "ሽሕ": 1000, "mieti": 100},
}

# fmt: on

# Words that join parts of one number: "twenty and one", "vingt et un", "kumi na sita".
CONNECTORS: dict[str, set[str]] = {
    "en": {"and"},
    "fr": {"et"},
    "ar": {"و"},
    "ary": {"و"},
    "ary-Latn": {"w", "wa", "o", "ou"},
    "sw": {"na"},
    "so": {"iyo"},
    "am": set(),
    "ti": set(),
}

# Teens said as one word, "unit + ten" worn down: Levantine "خمسطعش", Darija "اتناش",
# "tlettach", "sbatach". The ending that means "-teen", and the unit each start means.
TEEN_ENDINGS: dict[str, tuple[str, ...]] = {
    "arabic": (
        "طعشر",
        "تعشر",
        "طاشر",
        "تاشر",
        "طعش",
        "تعش",
        "طاش",
        "تاش",
        "طش",
        "تش",
        "عشر",
        "عش",
        "اشر",
        "اش",
    ),
    "latin": ("ta3ch", "tach", "tash", "tech", "a3ch", "ach", "ash", "3ch"),
}
TEEN_UNITS: dict[str, dict[str, int]] = {
    "arabic": {
        "احد": 1,
        "حد": 1,
        "حدا": 1,
        "احدا": 1,
        "حض": 1,
        "اتن": 2,
        "اطن": 2,
        "تن": 2,
        "طن": 2,
        "اثن": 2,
        "ثن": 2,
        "اثنا": 2,
        "تلت": 3,
        "تلط": 3,
        "ثلاث": 3,
        "تلات": 3,
        "ثلث": 3,
        "تلا": 3,
        "تل": 3,
        "اربع": 4,
        "ربع": 4,
        "اربعت": 4,
        "ربعت": 4,
        "خمس": 5,
        "خمست": 5,
        "ست": 6,
        "سط": 6,
        "س": 6,
        "سبع": 7,
        "سبعت": 7,
        "تمن": 8,
        "ثمن": 8,
        "تمنت": 8,
        "تمانت": 8,
        "ثمانت": 8,
        "تسع": 9,
        "تسعت": 9,
    },
    # Latin letters: the consonants of the start ("sba" → "sb", "tlet" → "tlt").
    "latin": {
        "7d": 1,
        "hd": 1,
        "tn": 2,
        "tl": 3,
        "tlt": 3,
        "rb": 4,
        "khms": 5,
        "5ms": 5,
        "st": 6,
        "stt": 6,
        "sb": 7,
        "tmn": 8,
        "ts": 9,
    },
}
TEEN_SCRIPTS: dict[str, tuple[str, ...]] = {
    "ar": ("arabic",),
    "ary": ("arabic",),
    "ary-Latn": ("latin",),
}

# Attached "and": Arabic و- in front ("وعشرون"), Arabizi w- ("w3chrin"), Tigrinya -ን behind.
PREFIX_CONNECTORS: dict[str, str] = {"ar": "و", "ary": "و", "ary-Latn": "w"}
SUFFIX_CONNECTORS: dict[str, str] = {"ti": "ን"}
# Articles and prepositions written onto a number word ("العشرين", "l3chrin", "ከሰላሳ").
ATTACHED_BEFORE: dict[str, tuple[str, ...]] = {
    "ar": ("ال",), "ary": ("ال", "ل"), "ary-Latn": ("l",), "am": ("ከ",), "ti": ("ካብ",),
}  # fmt: skip

MULTIPLIER_FIRST = {"sw"}
# Words that, right after a number (no "and" between), name what is counted: Darija
# "عشرين واحد" (twenty persons), and Levantine and Gulf Arabic too ("تلاتين واحد"). Units
# come before tens there ("واحد وعشرين" = 21).
COUNTING_NOUNS: dict[str, set[str]] = {
    "ar": {"واحد"}, "ary": {"واحد"}, "ary-Latn": {"wa7ed", "wahed"},
}  # fmt: skip

# "How many people are with you? Write 1 if you are alone": people write "alone" instead.
# Read as 1 only when the message holds no number and no negation ("not alone").
# fmt: off
ALONE: dict[str, set[str]] = {
    "en": {"alone", "just me", "only me", "by myself", "on my own", "myself only",
           "only i", "just i", "me single", "single person", "me one",
           "me only", "only myself", "just myself"},
    "fr": {"seul", "seule", "toute seule", "tout seul", "juste moi", "que moi",
           "moi seulement", "seulement moi", "rien que moi",
           "moi uniquement", "uniquement moi", "moi seul", "moi seule"},
    "ar": {"وحدي", "لوحدي", "بمفردي", "انا فقط", "انا بس", "بس انا", "لحالي", "بروحي",
           "لحالى"},
    "ary": {"بوحدي", "وحدي", "غير أنا", "بوحدى", "لوحدي"},
    "ary-Latn": {"bo7di", "bou7di", "bu7di", "bohdi", "bouhdi", "wa7di", "ghir ana",
                 "lewa7di", "lwa7di", "low7di", "lo7di"},
    "sw": {"peke yangu", "mimi peke", "mimi tu", "peke", "pekee", "mwenyewe",
           "peke yake"},
    "so": {"keligay", "kaligay", "aniga keliya", "keli", "anigoo keliya", "anigu keligay",
           "kaliya", "keliya", "kaligey", "keligey"},
    "am": {"ብቻዬን", "ብቻዬ", "ብቻየን", "እኔ ብቻ", "bicha", "bichaye", "bichayen"},
    "ti": {"በይነይ", "ንበይነይ", "ኣነ ጥራይ", "beyney", "bebeyney", "tray", "ane tray"},
}
NOT_ALONE = {
    "not", "never", "pas", "ne", "ليس", "لست", "مش", "مو", "ماشي", "machi", "mechi", "si",
    "sio", "siyo", "siko", "maaha", "ma", "አይደለሁም", "አይደለም", "ኣይኮንኩን", "ኣይኮነን",
}
# fmt: on
