#!/usr/bin/env python3
"""Makes NotoSansCJKsc-Regular-subset.otf, the font every chart is drawn in (see README.md here).

The characters kept: the 6,763 hanzi and the symbols of GB 2312, ASCII and Latin-1, general
punctuation, arrows, maths, circled numbers, box drawing, CJK punctuation, full-width forms,
and every character of U+2E80 and above that the repository's sources, SQL, dashboards and
division list use (the region names hold seven hanzi outside GB 2312).

Run from the repository root, on Debian with fonts-noto-cjk and python3-fonttools:
    python3 etl/Warehouse.Export/Fonts/make-subset.py
"""
import glob
import os
import sys

from fontTools import subset

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2  # the collection's faces: JP, KR, SC, TC, HK, …; 2 is Noto Sans CJK SC
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
          (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
SOURCES = ["etl/**/*.cs", "etl/**/*.csv", "etl/**/*.yaml", "etl/**/*.json", "dashboards/*.yaml", "sql/**/*.sql"]


def characters():
    chars = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                chars.add(bytes([first, second]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for low, high in RANGES:
        chars.update(chr(c) for c in range(low, high + 1))
    for pattern in SOURCES:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            if "/obj/" in path or "/bin/" in path:
                continue
            with open(path, encoding="utf-8", errors="ignore") as f:
                chars.update(c for c in f.read() if ord(c) >= 0x2E80)
    return "".join(sorted(chars))


def main():
    if not os.path.exists(SOURCE):
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-noto-cjk")
    text = characters()
    out = os.path.join(HERE, "NotoSansCJKsc-Regular-subset.otf")
    subset.main([SOURCE, f"--font-number={FACE}", f"--text={text}", f"--output-file={out}",
                 "--name-IDs=*", "--name-languages=*", "--notdef-outline"])
    print(f"{out}: {len(text)} characters, {os.path.getsize(out):,} bytes")


if __name__ == "__main__":
    main()
