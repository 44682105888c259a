#!/usr/bin/env python3
"""qemu-monitor.py - send commands to a QEMU human monitor on a Unix socket.

Usage: qemu-monitor.py SOCKET COMMAND...

Waits up to 10 s for the socket (QEMU may still be starting), then sends each COMMAND
("system_reset", "cont", "quit") with a short pause after it. Exit status 1 when the
socket never answered.
"""
import socket
import sys
import time


def main():
    path, commands = sys.argv[1], sys.argv[2:]
    s = socket.socket(socket.AF_UNIX)
    for _ in range(100):
        try:
            s.connect(path)
            break
        except OSError:
            time.sleep(0.1)
    else:
        sys.exit("qemu-monitor: no monitor at %s" % path)
    for command in commands:
        s.sendall(command.encode() + b"\n")
        time.sleep(0.3)
    s.close()


if __name__ == "__main__":
    main()
