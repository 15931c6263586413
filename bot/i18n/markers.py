"""Word lists that tell our languages apart, and the names people give them.

Used by `detect`. Written naturally and normalized on use. Drafted by the Sauti developers
from general knowledge and the domain brief; native speakers should review the Darija,
Amharic, Tigrinya and Somali lists.
"""

from __future__ import annotations

# fmt: off
# Moroccan Darija in Arabic script: words that Modern Standard Arabic does not use this way.
DARIJA_ARABIC = {
    "ديال", "ديالي", "ديالنا", "ديالو", "ديالها", "ديالك", "دابا", "دبا", "بزاف", "واش", "فين",
    "فاين", "حيت", "ماشي", "شنو", "اشنو", "كيفاش", "عافاك", "عافاكم", "غادي", "بغيت", "بغينا",
    "مزيان", "مزيانة", "واخا", "كاين", "كاينة", "ماكاينش", "عندو", "الباطرون", "الباطرونة",
    "خويا", "راه", "راني", "راها", "راهم", "حنا", "نتا", "نتي", "هوما", "علاش", "والو", "شوية",
    "دراري", "صافي", "ماعرفتش", "مافهمتش", "هادشي", "هاد", "هادي", "ديك", "داك", "تما", "لهيه",
    "عاونوني", "عتقوني", "الباسبور", "مسدود", "خلصنيش", "ماخلصنيش", "كنخدم", "كيضربني", "ليا",
    "جوج", "سطاش", "بلاصة", "فلوس", "الفلوس", "زعما", "باش", "كنبغي",
}

# Darija written in Latin letters (Arabizi). Digits inside words are the stronger sign.
DARIJA_LATIN = {
    "dyal", "dial", "dyali", "diali", "dyalna", "dyalo", "dyalha", "daba", "dba", "bzaf",
    "bezzaf", "wach", "wash", "3afak", "afak", "3afakom", "chno", "chnou", "achno", "lpatron",
    "lbatron", "lpatrona", "mzyan", "mezyan", "mzian", "wakha", "waxa", "kayn", "kayen",
    "kayna", "makaynch", "3ndi", "3andi", "3ando", "3andou", "ma3ndich", "bghit", "bghina",
    "khoya", "khouya", "rani", "raha", "rahom", "7na", "hna", "nta", "nti", "huma", "homa",
    "fin", "fayn", "fen", "3lach", "3lash", "kifach", "kifash", "chwiya", "walo", "walou",
    "lbolis", "lboulis", "lpaspor", "lpasport", "lpassport", "lbasbor", "drari", "khdma",
    "khedma", "lflous", "flouss", "sm7li", "smahli", "3awnouni", "3awnoni", "3awnuni",
    "3t9ouni", "3tqouni", "msdoud", "ma5alsnich", "makhalsnich", "zaama", "bach", "bla",
    "lhamdulillah", "hamdullah", "inchallah", "wallah", "khoti", "lmadam", "lkafil", "ana",
    "khdama", "khedama", "khddama", "ddar", "hadchi", "hadi", "ghir", "walakin", "m3a",
    "m3aya", "m3ak", "lia", "liya", "3lia", "dyalek", "khayfa", "khayf", "mrida", "7ta",
    "bzzaf", "nkhroj", "nmchi", "ma9dertch", "mab9itch", "f", "dar",
}
# Also common in French, Swahili or Somali: they count only next to another Darija sign, or
# when most of a short message is made of them ("ana fi khatar").
DARIJA_LATIN_WEAK = {
    "fin", "fen", "ana", "bla", "bach", "hna", "nta", "nti", "homa", "daba", "f", "dar", "hadi",
    "lia", "m3a", "fi", "khatar",
}

# Greetings every language here uses: no clue to the language ("salam alikom").
GREETINGS = {
    "salam", "salaam", "slm", "salamu", "alikom", "alaikum", "aleikum", "alaykum", "alikoum",
    "assalamu", "asalamu", "assalam", "marhaba",
}

# A message that is only a greeting: the language it most likely comes with. "salam" typed
# in Latin letters is most often Darija or Arabic written in Latin letters; "selam" is
# Amharic or Tigrinya (a tie, below).
GREETING_LANGUAGE: dict[str, str] = {
    "salam": "ary-Latn", "salaam": "ary-Latn", "slm": "ary-Latn", "asc": "ary-Latn",
    "assalam": "ary-Latn", "assalamu": "ary-Latn", "asalamu": "ary-Latn", "salamu": "ary-Latn",
    "alikom": "ary-Latn", "alaikum": "ary-Latn", "aleikum": "ary-Latn", "alaykum": "ary-Latn",
    "alikoum": "ary-Latn", "marhaba": "ary-Latn", "salamualaikum": "ary-Latn",
    "salaan": "so", "salaanta": "so", "nabadeey": "so", "iska": "so", "warran": "so",
    "habari": "sw", "jambo": "sw", "mambo": "sw", "hujambo": "sw", "shikamoo": "sw",
    "hi": "en", "hello": "en", "hey": "en", "hii": "en", "helo": "en", "hallo": "en",
    "bonjour": "fr", "bjr": "fr", "salut": "fr", "slt": "fr", "coucou": "fr", "bonsoir": "fr",
}  # fmt: skip
# Amharic and Tigrinya typed in Latin letters ("selam", "endet neh", "kemey aleki").
AMHARIC_LATIN = {
    "endet", "neh", "nesh", "negn", "nen", "nachu", "alehu", "aydelem", "aydelehum", "awo",
    "ishi", "eshi", "yelem", "yelegnim", "ene", "amesegnalehu", "betam", "ebakih", "ebakish",
    "ebakachu", "erdugn", "erduny", "iriduny", "dehna", "tenayistilign", "selamno", "alchilim",
    "tadiyas", "denanesh", "denaneh", "efralehu", "ametachign",
}  # fmt: skip
TIGRINYA_LATIN = {
    "kemey", "aleka", "aleki", "alekum", "ewe", "iye", "ayfal", "hagizuni", "hagezuni",
    "dehan", "yekenyeley", "abey", "hiji", "entay", "zeloku", "aloku", "aleku",
    "bejaka", "bejaki", "selamat", "hawey", "haftey", "ayekielin", "aykielin",
    "yefereh", "wesidu",
}  # fmt: skip
ETHIOPIC_LATIN_SHARED = {"selam", "salam new", "tena", "yistilign"}

# Latin-script languages: frequent short words, used alongside lingua on short messages.
LATIN_MARKERS: dict[str, set[str]] = {
    "en": {
        "i", "im", "am", "my", "me", "we", "are", "is", "the", "and", "to", "of", "in", "not",
        "have", "has", "took", "please", "help", "you", "our", "with", "he", "she", "they", "it",
        "this", "what", "where", "yes", "boss", "employer", "passport", "dont", "cant", "can",
        "was", "were", "there", "here", "alone", "safe", "people", "hello", "thank", "thanks",
    },
    "fr": {
        "je", "suis", "mon", "ma", "mes", "le", "la", "les", "des", "du", "est", "pas", "nous",
        "sommes", "vous", "moi", "aidez", "aide", "oui", "non", "avec", "et", "il", "elle",
        "ils", "patron", "patronne", "passeport", "secours", "ne", "au", "bonjour", "merci",
        "sil", "plait", "svp", "jai", "cest", "ca", "une", "dans", "sur", "pour", "peux",
        "securite", "ouais", "bjr", "slt", "coucou",
    },
    "sw": {
        "niko", "tuko", "yangu", "wangu", "langu", "na", "ni", "sana", "tafadhali", "msaada",
        "nisaidie", "ndiyo", "hapana", "sijui", "mimi", "sisi", "hatari", "salama", "pasipoti",
        "bosi", "mwajiri", "amechukua", "hapa", "hii", "kwa", "habari", "asante", "jambo",
        "sasa", "watu", "tupo", "nipo", "siko", "tusaidie", "naomba", "ndio", "sijalipwa",
    },
    "so": {
        "waan", "waxaan", "waxay", "iyo", "ayuu", "ayay", "baan", "haa", "maya", "caawimo",
        "caawi", "nahay", "ahay", "baasaboor", "baasaboorkayga", "shaqo", "nabad",
        "hadda", "halkan", "waa", "oo", "fadlan", "mahadsanid", "dadka", "qof", "walaal",
        "joogaa", "ayaan", "jiraa",
        "gargaar", "caawiya", "aan", "anigu", "aniga", "annaga", "waxaa",
    },
}

# Ethiopic script: Tigrinya against Amharic.
TIGRINYA_WORDS = {
    "ኣብ", "እየ", "ኢዩ", "እዩ", "ኣሎ", "ኣለኹ", "ኣሎኹ", "ሓገዝ", "ሓግዙኒ", "ኣይፋል", "እወ", "ኣነ",
    "ናይ", "ምስ", "ከመይ", "እንታይ", "ኣበይ", "ሕጂ", "ዘሎ", "ዘለኹ", "ዘለና", "ኣለና", "ኢና", "ኢኻ",
    "ኢኺ", "ንስኻ", "ንስኺ", "የለን", "የብለይን", "የብለይ", "ደሓን", "በጃኻ", "በጃኺ", "በጃኹም",
    "የቐንየለይ", "ብዙሕ", "ኣሎና", "ኣይኮንኩን", "ኣይኮነን", "ድማ", "ኣዝዩ", "ኩሉ", "ወሲዱዎ",
    "ሓዲሩ", "ኣሰሪየይ", "ፓስፖርተይ", "ክወጽእ", "ኣይክእልን", "ውሑስ", "ሓደጋ",
}
AMHARIC_WORDS = {
    "ነው", "ነኝ", "ነን", "ናቸው", "አለ", "አለሁ", "አሉ", "እርዳታ", "እርዱኝ", "እባክህ", "እባክሽ",
    "እባካችሁ", "አዎ", "የለም", "አይደለም", "እኔ", "አንተ", "አንቺ", "ምን", "የት", "ይህ", "እንዴት",
    "ደህና", "ፓስፖርቴን", "ወሰደ", "ወሰደብኝ", "አሰሪዬ", "አሰሪ", "ነበር", "በጣም", "እና", "ውስጥ",
    "አደጋ", "ሰዎች", "ብቻ", "ጋር", "አለን", "አልችልም", "መውጣት", "አሁን",
}
# Letters Tigrinya uses and Amharic hardly does: ኣ, ዕ/ዓ, the ቐ and ኸ rows.
TIGRINYA_LETTERS = set("ኣዕዓኹ") | {chr(c) for c in range(0x1250, 0x125E)}
AMHARIC_ENDINGS = ("ለሁ", "ኛል", "ኛለሁ", "ችሁ")

# What people call each language, in many languages: "français", "الدارجة", "ትግርኛ".
# Darija names written in Latin letters ("darija") give Arabizi (detect._by_script).
LANGUAGE_NAMES: dict[str, set[str]] = {
    "en": {
        "english", "anglais", "inglizi", "ingliziya", "inglizia", "نجليزية", "انجليزي",
        "الانجليزية", "انجليزية", "بالانجليزية", "بالانجليزي", "الإنجليزية", "بالإنجليزية",
        "انكليزي", "kiingereza", "ingiriis", "ingiriisi", "ingiriisiga", "እንግሊዝኛ", "ኢንግሊዝኛ",
        "በእንግሊዝኛ", "ብእንግሊዝኛ",
    },
    "fr": {
        "francais", "french", "fransawi", "fransaouia", "fransawiya", "fransiya", "فرنسي",
        "الفرنسية", "فرنسية", "بالفرنسية", "بالفرنسي", "الفرنساوية", "بالفرنساوية", "فرونسي",
        "kifaransa", "faransiis", "faransiiska", "ፈረንሳይኛ", "በፈረንሳይኛ", "ብፈረንሳይኛ",
    },
    "ar": {
        "arabic", "arabe", "arab", "arabiya", "3arabiya", "3arbiya", "al3arabiya", "العربية",
        "عربي", "عربية", "بالعربية", "بالعربي", "الفصحى", "fusha", "kiarabu", "carabi",
        "carabiga", "ዓረብኛ", "አረብኛ", "ዐረብኛ",
    },
    "ary": {
        "darija", "darja", "ddarija", "الدارجة", "دارجة", "بالدارجة", "الدارجه", "المغربية",
        "مغربي", "بالمغربي", "maghribi", "marocain", "moroccan", "moroccan arabic",
        "arabe marocain", "الدارجة المغربية",
    },
    "ary-Latn": {
        "arabizi", "3arabizi", "darija latin", "darija en latin", "darija bl7rouf",
        "darija bl latin", "darija b latin",
    },
    "sw": {
        "kiswahili", "swahili", "souahili", "سواحلية", "السواحلية", "sawaaxili", "sawaaxiliga",
        "ስዋሂሊ",
    },
    "am": {
        "amharic", "amharique", "amarigna", "amharigna", "amarinya", "አማርኛ", "በአማርኛ",
        "ኣምሓርኛ", "الأمهرية", "امهرية", "الامهرية", "kiamhari", "amxaari", "amxaariga",
    },
    "ti": {
        "tigrinya", "tigrigna", "tigrinia", "tigrinja", "tigrinyo", "ትግርኛ", "ብትግርኛ",
        "ትግሪኛ", "التغرينية", "تغرينية", "التيغرينية",
    },
    "so": {
        "somali", "soomaali", "soomaaliga", "af soomaali", "afsoomaali", "somalien",
        "الصومالية", "صومالي", "kisomali", "ሶማሊኛ",
    },
}

# Words that may stand around a language's name when a person asks to switch: "in English",
# "français svp", "lugha ya Kiswahili", "بالعربية عافاك", "af Soomaali fadlan".
AROUND_NAMES = {
    "in", "en", "please", "pls", "plz", "language", "i", "speak", "only", "svp", "stp",
    "s'il", "vous", "plait", "langue", "je", "parle", "le", "la", "bl", "b", "f", "3afak",
    "lougha", "lugha", "ya", "kwa", "tafadhali", "luuqad", "luuqadda", "fadlan", "ku",
    "لغة", "اللغة", "باللغة", "عافاك", "من", "فضلك", "لو", "سمحت", "ቋንቋ", "በ", "እባክህ",
    "እባክሽ", "በጃኻ", "በጃኺ",
}
# fmt: on
