#!/usr/bin/env python3
"""marker-tag.py - write a copy of the marker kernel whose console line names it.

Usage: marker-tag.py IMAGE NAME OUTPUT

The image carries "E2E-MARKER-TAG:" followed by room for 48 bytes; NAME is written
there (NUL-terminated), so one build serves every file name a test needs.
"""
import sys

MAGIC = b"E2E-MARKER-TAG:"
ROOM = 64 - len(MAGIC)


def main():
    image, name, output = sys.argv[1], sys.argv[2].encode(), sys.argv[3]
    data = bytearray(open(image, "rb").read())
    at = data.find(MAGIC)
    if at < 0 or data.find(MAGIC, at + 1) >= 0:
        sys.exit("marker-tag: %s has no single tag" % image)
    if len(name) >= ROOM:
        sys.exit("marker-tag: name longer than %d bytes" % (ROOM - 1))
    start = at + len(MAGIC)
    data[start:start + ROOM] = name + bytes(ROOM - len(name))
    with open(output, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
