"""Draws Sauti's icon (a white speech bubble on the brand blue) as PNGs and an ICO.

`python3 scripts/make_icons.py bot/web/static` after changing the shape or the colour; pure
Python, so no image library joins the dependencies. `bot/web/static/icon.svg` is the same shape.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

BRAND = (0x0B, 0x5C, 0xAD)
WHITE = (255, 255, 255)
TAIL = ((0.30, 0.58), (0.46, 0.64), (0.25, 0.80))


def in_bubble(x: float, y: float) -> bool:
    dx, dy = (x - 0.5) / 0.30, (y - 0.45) / 0.24
    if dx * dx + dy * dy <= 1:
        return True
    (x1, y1), (x2, y2), (x3, y3) = TAIL
    d = (y2 - y3) * (x1 - x3) + (x3 - x2) * (y1 - y3)
    a = ((y2 - y3) * (x - x3) + (x3 - x2) * (y - y3)) / d
    b = ((y3 - y1) * (x - x3) + (x1 - x3) * (y - y3)) / d
    return a >= 0 and b >= 0 and a + b <= 1


def in_rounded_square(x: float, y: float, r: float = 0.2) -> bool:
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(px: int, py: int, n: int, ss: int = 4) -> bytes:
    """RGBA of one pixel, supersampled ss×ss for smooth edges."""
    red = green = blue = alpha = 0
    for i in range(ss):
        for j in range(ss):
            x, y = (px + (i + 0.5) / ss) / n, (py + (j + 0.5) / ss) / n
            if in_rounded_square(x, y):
                c = WHITE if in_bubble(x, y) else BRAND
                red, green, blue, alpha = red + c[0], green + c[1], blue + c[2], alpha + 1
    if alpha == 0:
        return bytes(4)
    return bytes((red // alpha, green // alpha, blue // alpha, 255 * alpha // (ss * ss)))


def png(n: int) -> bytes:
    rows = b"".join(b"\x00" + b"".join(pixel(x, y, n) for x in range(n)) for y in range(n))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(sizes: list[int]) -> bytes:
    images = [(n, png(n)) for n in sizes]
    entries, data = b"", b""
    offset = 6 + 16 * len(images)
    for n, blob in images:
        entries += struct.pack("<BBBBHHII", n, n, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return struct.pack("<HHH", 0, 1, len(images)) + entries + data


def main(folder: Path) -> None:
    (folder / "icon-192.png").write_bytes(png(192))
    (folder / "icon-512.png").write_bytes(png(512))
    (folder / "favicon.ico").write_bytes(ico([16, 32, 48]))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
