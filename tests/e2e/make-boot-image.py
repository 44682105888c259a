#!/usr/bin/env python3
"""make-boot-image.py - an s390x kernel with its initrd and command line built in.

Usage: make-boot-image.py KERNEL INITRD CMDLINE OUT

QEMU's s390x firmware boots an El Torito (no-emulation) image from a virtio-blk disk
with 2048-byte blocks: it loads the boot file at address 0 and starts it like a kernel.
So the boot file is the kernel image with the initrd appended at a fixed offset and the
kernel's parameter area patched to point at it: initrd start at 0x10408 and size at
0x10410 (64-bit big-endian), the command line at 0x10480.
"""
import struct
import sys

INITRD_OFFSET = 8 << 20
PARM_INITRD_START = 0x10408
PARM_INITRD_SIZE = 0x10410
PARM_COMMAND_LINE = 0x10480
COMMAND_LINE_MAX = 896


def main():
    kernel_path, initrd_path, cmdline, out_path = sys.argv[1:5]
    kernel = bytearray(open(kernel_path, "rb").read())
    initrd = open(initrd_path, "rb").read()
    if len(kernel) > INITRD_OFFSET:
        sys.exit("make-boot-image: kernel is larger than the initrd offset")
    line = cmdline.encode("ascii") + b"\0"
    if len(line) > COMMAND_LINE_MAX:
        sys.exit("make-boot-image: command line too long")
    kernel[PARM_INITRD_START:PARM_INITRD_START + 16] = struct.pack(">QQ", INITRD_OFFSET,
                                                                 len(initrd))
    kernel[PARM_COMMAND_LINE:PARM_COMMAND_LINE + COMMAND_LINE_MAX] = \
        line.ljust(COMMAND_LINE_MAX, b"\0")
    image = kernel.ljust(INITRD_OFFSET, b"\0") + initrd
    with open(out_path, "wb") as f:
        f.write(image.ljust((len(image) + 2047) // 2048 * 2048, b"\0"))


if __name__ == "__main__":
    main()
