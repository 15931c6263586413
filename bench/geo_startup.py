"""What the place index and the land mask cost a process: build time and memory.

    uv run python bench/geo_startup.py

Each part is measured in a fresh interpreter (the GeoNames index is built once a
process): seconds to build (wall clock, and CPU time, which other work on the machine
sways less), and how much the peak RSS grew. Then the time of a typed
answer read (`Gazetteer.read`) and of a pin (`resolve_pin`, with the land test). Run it on
a quiet machine; under load every figure grows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, resource, time, timeit
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import bot.geo.gazetteer as g, bot.geo.land as land
out = {}
r0, t, cpu = rss(), time.perf_counter(), time.process_time()
gaz = g.get_gazetteer()
out["gazetteer_s"], out["gazetteer_mb"] = time.perf_counter() - t, rss() - r0
out["gazetteer_cpu_s"] = time.process_time() - cpu  # less swayed by other work than _s
r0, t = rss(), time.perf_counter()
land.get_land_mask()
out["land_s"], out["land_mb"] = time.perf_counter() - t, rss() - r0
for name, fn in {
    "read_town_us": lambda: gaz.read("ana f tanja", "ary-Latn"),
    "read_dont_know_us": lambda: gaz.read("sijui", "sw"),
    "read_country_us": lambda: gaz.read("KSA", "en"),
    "pin_land_us": lambda: gaz.resolve_pin(32.8872, 13.1913),
    "pin_sea_us": lambda: gaz.resolve_pin(33.9, 13.2),
}.items():
    out[name] = timeit.timeit(fn, number=200) / 200 * 1e6
out.update(gaz.stats())
print(json.dumps(out))
"""


def main() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for key, value in json.loads(done.stdout).items():
        shown = f"{value:.2f}" if isinstance(value, float) else value
        sys.stdout.write(f"{key:20} {shown}\n")


if __name__ == "__main__":
    main()
