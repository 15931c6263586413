"""Name key → place rows, in a few flat arrays instead of a dict of 350,000 strings.

The GeoNames index has about 350,000 name keys. As a dict of `str` to `int`, they cost a
process about 45 MB; here the keys are one UTF-8 blob, found through an open-addressing
hash table of key ids (CRC-32 of the key's bytes, linear probing; a probe compares the
key's bytes, so a collision never gives a wrong place), and each key's rows are a slice of
one array: about 15 MB, read from the index file in milliseconds (`bot.geo.index_file`).
A lookup costs about a microsecond, a few times a dict's.

Read-only and thread-safe once built. Keys keep their insertion order (iteration, ids), as
the dict it replaces did: the typo lists are built in that order.
"""

from __future__ import annotations

import operator
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate, compress, islice

Rows = int | tuple[int, ...]  # as the dict had it: an int for the common single place
EMPTY = -1


class KeyIndex(Mapping[str, Rows]):
    """A read-only mapping of name key → row (int) or rows (tuple), in insertion order."""

    __slots__ = ("blob", "key_starts", "table", "row_starts", "rows")

    def __init__(
        self,
        blob: bytes,
        key_starts: array,  # ("I") len n + 1: key i is blob[key_starts[i]:key_starts[i + 1]]
        table: array,  # ("i") a power of two long: key ids by CRC-32, EMPTY where free
        row_starts: array,  # ("I") len n + 1: key i's rows are rows[row_starts[i]:...[i + 1]]
        rows: array,  # ("I")
    ) -> None:
        self.blob = blob
        self.key_starts = key_starts
        self.table = table
        self.row_starts = row_starts
        self.rows = rows

    @classmethod
    def build(cls, items: Iterable[tuple[str, Rows]]) -> KeyIndex:
        parts: list[bytes] = []
        key_starts, row_starts = array("I", [0]), array("I", [0])
        rows = array("I")
        at = 0
        for k, hit in items:
            b = k.encode()
            parts.append(b)
            at += len(b)
            key_starts.append(at)
            rows.extend((hit,) if isinstance(hit, int) else hit)
            row_starts.append(len(rows))
        size = 1 << max(4, (2 * len(parts)).bit_length())  # at most half full
        table = array("i", [EMPTY]) * size
        mask = size - 1
        for i, b in enumerate(parts):
            slot = zlib.crc32(b) & mask
            while table[slot] != EMPTY:
                slot = (slot + 1) & mask
            table[slot] = i
        return cls(b"".join(parts), key_starts, table, row_starts, rows)

    # -- lookups --------------------------------------------------------------------------

    def id_of(self, k: str) -> int | None:
        """The key's id (its position in insertion order), or None."""
        b = k.encode()
        table, starts, blob = self.table, self.key_starts, self.blob
        mask = len(table) - 1
        slot = zlib.crc32(b) & mask
        while (i := table[slot]) != EMPTY:
            if blob[starts[i] : starts[i + 1]] == b:
                return i
            slot = (slot + 1) & mask
        return None

    def rows_of(self, i: int) -> tuple[int, ...]:
        return tuple(self.rows[self.row_starts[i] : self.row_starts[i + 1]])

    def key_of(self, i: int) -> str:
        return self.blob[self.key_starts[i] : self.key_starts[i + 1]].decode()

    def keys_with_a_row_in(self, flags: bytes | bytearray) -> Iterator[str]:
        """The keys, in order, with at least one row `r` where `flags[r]` is non-zero.

        In C loops (prefix sums over the flat rows), not one Python step per key: this is
        how the typo lists are chosen at every start.
        """
        marked = list(accumulate(map(flags.__getitem__, self.rows), initial=0))
        at = list(map(marked.__getitem__, self.row_starts))
        touched = map(operator.lt, at, islice(at, 1, None))
        return map(self.key_of, compress(range(len(self)), touched))

    def __getitem__(self, k: str) -> Rows:
        i = self.id_of(k)
        if i is None:
            raise KeyError(k)
        found = self.rows_of(i)
        return found[0] if len(found) == 1 else found

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and self.id_of(k) is not None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, KeyIndex):  # the same keys and rows in the same order
            mine = (self.blob, self.key_starts, self.row_starts, self.rows)
            return mine == (other.blob, other.key_starts, other.row_starts, other.rows)
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment] - a mapping is not hashable

    def __len__(self) -> int:
        return len(self.key_starts) - 1

    def __iter__(self) -> Iterator[str]:
        return (self.key_of(i) for i in range(len(self)))


def as_key_index(by_key: Mapping[str, Rows]) -> KeyIndex:
    return by_key if isinstance(by_key, KeyIndex) else KeyIndex.build(by_key.items())
