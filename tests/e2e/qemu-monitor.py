#!/usr/bin/env python3
"""qemu-monitor.py - send commands to a QEMU human monitor on a Unix socket.

Usage: qemu-monitor.py [--print] SOCKET COMMAND...

Waits up to 10 s for the socket (QEMU may still be starting), then sends each COMMAND
("system_reset", "cont", "quit") with a short pause after it; --print prints what the
monitor answered ("info status", "info registers"). Exit status 1 when the socket
never answered.
"""
import socket
import sys
import time


def main():
    args = sys.argv[1:]
    echo = bool(args) and args[0] == "--print"
    if echo:
        args = args[1:]
    path, commands = args[0], args[1:]
    s = socket.socket(socket.AF_UNIX)
    for _ in range(100):
        try:
            s.connect(path)
            break
        except OSError:
            time.sleep(0.1)
    else:
        sys.exit("qemu-monitor: no monitor at %s" % path)
    s.settimeout(0.3)
    answer = b""
    for command in commands:
        s.sendall(command.encode() + b"\n")
        time.sleep(0.3)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
    s.close()
    if echo:
        sys.stdout.write(answer.decode(errors="replace"))


if __name__ == "__main__":
    main()
