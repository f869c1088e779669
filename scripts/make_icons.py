#!/usr/bin/env python3
"""Draws the app icons (PNG, no dependencies): a drop soaking into rings — "resapi",
to absorb deeply. Run once; the PNGs are committed in public/icons/."""
import math
import pathlib
import struct
import zlib

GREEN = (11, 93, 75)
LIGHT = (244, 248, 246)
GOLD = (242, 183, 5)


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


def draw(size, safe):
    """safe: fraction of the canvas the motif may use (maskable icons need a margin)."""
    c = size / 2
    r = size * safe / 2
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            dx, dy = x + 0.5 - c, y + 0.5 - c
            d = math.hypot(dx, dy)
            color = GREEN
            # two rings
            for ring in (0.78, 0.58):
                if abs(d - r * ring) < r * 0.05:
                    color = LIGHT
            # the drop: a circle with a pointed top
            cy = c + r * 0.05
            ddy = y + 0.5 - cy
            in_circle = math.hypot(dx, ddy) < r * 0.30
            in_tip = (ddy < 0) and (-ddy < r * 0.62) and abs(dx) < (r * 0.30) * (1 - (-ddy) / (r * 0.62))
            if in_circle or in_tip:
                color = GOLD
            row.append(color)
        rows.append(row)
    return rows


out = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
png(out / "icon-192.png", 192, draw(192, 0.95))
png(out / "icon-512.png", 512, draw(512, 0.95))
png(out / "icon-maskable-512.png", 512, draw(512, 0.72))
print("icons written to", out)
