from __future__ import annotations

from bot.geo.key_index import KeyIndex


def test_every_key_is_found_with_its_rows_and_nothing_else_is() -> None:
    # Many keys in a small table: probes run past occupied slots and still find each key.
    keys = {f"town {n}": n if n % 3 else (n, n + 1) for n in range(2_000)}
    keys["طرابلس"] = 7
    keys["ትሪፖሊ"] = (8, 9)
    index = KeyIndex.build(keys.items())
    assert len(index) == len(keys)
    assert dict(index.items()) == keys
    assert list(index) == list(keys)  # insertion order, as the dict had it
    assert index["طرابلس"] == 7 and index["ትሪፖሊ"] == (8, 9)
    assert index.get("town 2001") is None and "town" not in index and "" not in index
    assert index.id_of("town 5") == 5 and index.rows_of(5) == (5,)


def test_keys_with_a_row_in_keeps_key_order() -> None:
    index = KeyIndex.build([("a", 0), ("b", (1, 2)), ("c", 3), ("d", (0, 3))])
    flags = bytearray([0, 0, 1, 0])
    assert list(index.keys_with_a_row_in(flags)) == ["b"]
    flags[3] = 1
    assert list(index.keys_with_a_row_in(flags)) == ["b", "c", "d"]


def test_an_empty_index() -> None:
    index = KeyIndex.build([])
    assert len(index) == 0 and index.get("tripoli") is None
    assert list(index.keys_with_a_row_in(b"")) == []
