#!/usr/bin/env python3
"""Draws Gangmu's app icons (an outline: bullets and bars, white on blue) as PNGs with the
standard library only. Run from the repository root: python3 assets/make-icons.py"""
import struct
import zlib
from pathlib import Path

BG = (0x2F, 0x5D, 0x8A)
FG = (0xFF, 0xFF, 0xFF)
# (indent, width) of each outline row, in units of the 16-unit grid.
ROWS = [(0, 12), (2, 9), (2, 7), (0, 10)]


def inside_round_rect(x, y, size, radius):
    rx = min(max(x, radius), size - radius)
    ry = min(max(y, radius), size - radius)
    return (x - rx) ** 2 + (y - ry) ** 2 <= radius**2


def draw(size, maskable):
    ss = 4  # supersampling per axis
    pad = 0.10 if maskable else 0.0  # maskable icons keep content in the safe zone
    unit = size * (1 - 2 * pad - (0.2 if maskable else 0.0)) / 16
    origin = size * pad + (size * 0.1 if maskable else 0.0)
    radius = 0 if maskable else size * 0.18
    bars = []
    for i, (indent, width) in enumerate(ROWS):
        top = origin + unit * (2.2 + i * 3.2)
        left = origin + unit * (2 + indent)
        h = unit * 1.6
        bars.append(("dot", left + h / 2, top + h / 2, h / 2))
        bars.append(("bar", left + h * 1.6, top, left + h * 1.6 + unit * (width - 2.5), top + h))
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            cov_bg = cov_fg = 0
            for sy in range(ss):
                for sx in range(ss):
                    x = px + (sx + 0.5) / ss
                    y = py + (sy + 0.5) / ss
                    if not (maskable or inside_round_rect(x, y, size, radius)):
                        continue
                    cov_bg += 1
                    for b in bars:
                        if b[0] == "dot":
                            if (x - b[1]) ** 2 + (y - b[2]) ** 2 <= b[3] ** 2:
                                cov_fg += 1
                                break
                        elif b[1] <= x <= b[3] and b[2] <= y <= b[4]:
                            cov_fg += 1
                            break
            n = ss * ss
            a = cov_bg / n
            f = cov_fg / cov_bg if cov_bg else 0
            rgb = [round(BG[i] * (1 - f) + FG[i] * f) for i in range(3)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def svg():
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">',
             '<rect width="16" height="16" rx="2.9" fill="#2f5d8a"/>']
    for i, (indent, width) in enumerate(ROWS):
        top = 2.2 + i * 3.2
        left = 2 + indent
        h = 1.6
        parts.append(f'<circle cx="{left + h / 2:.2f}" cy="{top + h / 2:.2f}" r="{h / 2:.2f}" fill="#fff"/>')
        parts.append(f'<rect x="{left + h * 1.6:.2f}" y="{top:.2f}" width="{width - 2.5:.2f}" height="{h:.2f}" rx="0.3" fill="#fff"/>')
    parts.append("</svg>\n")
    return "".join(parts)


if __name__ == "__main__":
    out = Path(__file__).parent
    (out / "icon-192.png").write_bytes(draw(192, False))
    (out / "icon-512.png").write_bytes(draw(512, False))
    (out / "icon-maskable-512.png").write_bytes(draw(512, True))
    (out / "icon.svg").write_text(svg())
