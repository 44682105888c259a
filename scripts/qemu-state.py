#!/usr/bin/env python3
"""qemu-state.py - what a running QEMU's guest is waiting for, read through QMP.

Usage: qemu-state.py SOCKET
       qemu-state.py --domain DOMAIN   a libvirt domain's QEMU (virsh qemu-monitor-command)

Prints short lines: QEMU's run state; for each virtio device each queue's indexes (what
the guest has made available, what QEMU has taken, completed and signalled, and how many
requests QEMU holds); each disk's operation counts with the time since its last one; the
CPU's PSW. s390x-guest.sh prints them into CONSOLE.qemu when a guest reaches its time
limit (and libvirt-lab.sh when a domain does), so a guest whose disk writes stopped
completing shows where:
  - the guest's available index ahead of what QEMU took: QEMU never saw the notification;
  - requests in use and the disk idle: QEMU handed them to the host, which did not answer;
  - everything taken, completed and signalled: the guest missed the interrupt, or is
    waiting for something else.
Exit status 1 when QEMU does not answer within 10 s.
"""
import json
import re
import socket
import subprocess
import sys


def request(name, args):
    """A QMP command as JSON text."""
    return json.dumps({"execute": name, "arguments": args} if args else {"execute": name})


class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(10)
        self.sock.connect(path)
        self.file = self.sock.makefile("r")
        self._read()  # the greeting
        self.cmd("qmp_capabilities")

    def _read(self):
        while True:
            line = self.file.readline()
            if not line:
                raise OSError("QMP socket closed")
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def cmd(self, name, **args):
        self.sock.sendall(request(name, args).encode() + b"\n")
        reply = self._read()
        if "error" in reply:
            raise LookupError(reply["error"].get("desc", "error"))
        return reply["return"]

    def hmp(self, line):
        return self.cmd("human-monitor-command", **{"command-line": line})


class VirshQmp(Qmp):
    """The same commands through libvirt, which owns the domain's QMP socket."""

    def __init__(self, domain):
        self.domain = domain
        self.cmd("query-status")

    def cmd(self, name, **args):
        try:
            out = subprocess.run(["virsh", "qemu-monitor-command", self.domain, request(name, args)],
                                 capture_output=True, text=True, timeout=10)
        except subprocess.TimeoutExpired:
            raise OSError("virsh did not answer")
        if out.returncode:
            raise OSError(out.stderr.strip() or "virsh failed")
        reply = json.loads(out.stdout)
        if "error" in reply:
            raise LookupError(reply["error"].get("desc", "error"))
        return reply["return"]


def avail_idx(qmp, s):
    """The guest's avail index, from guest memory (the ring's second 16-bit word). A ring
    is little-endian when its driver negotiated virtio 1.0 (Linux here), big-endian when
    not (the firmware's, seen: its virtio-net); which one is not asked of QEMU
    (x-query-virtio-status makes QEMU 11.1 abort), so it is the reading that is at most a
    ring's length ahead of QEMU's last read of it; None when neither or both are."""
    out = qmp.hmp("xp /1hx 0x%x" % (s["vring-avail"] + 2))
    m = re.search(r":\s*0x([0-9a-f]+)", out)
    if not m:
        return None
    big = int(m.group(1), 16)
    little = ((big & 0xFF) << 8) | (big >> 8)
    fits = {v for v in (big, little) if (v - s["shadow-avail-idx"]) % 65536 <= s["vring-num"]}
    return fits.pop() if len(fits) == 1 else None


def queues(qmp, path):
    # (queue by queue until QEMU says there is no such queue: x-query-virtio-status, which
    # would say how many, makes QEMU 11.1 abort on an assertion)
    for q in range(8):
        try:
            s = qmp.cmd("x-query-virtio-queue-status", path=path, queue=q)
        except LookupError:
            return
        if not s.get("vring-num") or not s.get("vring-avail"):
            continue
        avail = avail_idx(qmp, s)
        print("  queue %d: guest avail %s, QEMU took %d (read %d), used %d, signalled %s, in use %d"
              % (q, avail, s["last-avail-idx"], s["shadow-avail-idx"], s["used-idx"],
                 s["signalled-used"] if s.get("signalled-used-valid") else "-", s["inuse"]))


def report(qmp):
    print("state: %s" % qmp.cmd("query-status").get("status"))
    try:
        devices = qmp.cmd("x-query-virtio")
    except LookupError as e:
        devices = []
        print("virtio: %s" % e)
    for d in devices:
        print("%s %s:" % (d["name"], d["path"]))
        queues(qmp, d["path"])
    for b in qmp.cmd("query-blockstats"):
        s = b.get("stats", {})
        idle = s.get("idle_time_ns")
        print("disk %s: %d reads, %d writes, %d flushes, %d unmaps, failed %d, idle %s"
              % (b.get("device") or b.get("qdev", "?"), s.get("rd_operations", 0),
                 s.get("wr_operations", 0), s.get("flush_operations", 0),
                 s.get("unmap_operations", 0),
                 s.get("failed_rd_operations", 0) + s.get("failed_wr_operations", 0),
                 "%.1f s" % (idle / 1e9) if idle is not None else "-"))
    psw = [l for l in qmp.hmp("info registers").splitlines() if "PSW" in l]
    print("cpu: %s" % (psw[0].strip() if psw else "no PSW shown"))


def main():
    try:
        qmp = VirshQmp(sys.argv[2]) if sys.argv[1] == "--domain" else Qmp(sys.argv[1])
    except (OSError, ValueError, IndexError) as e:
        sys.exit("qemu-state: no QMP answer from %s: %s" % (" ".join(sys.argv[1:]), e))
    try:
        report(qmp)
    except (OSError, ValueError, LookupError) as e:
        sys.exit("qemu-state: QEMU stopped answering: %s" % e)


if __name__ == "__main__":
    main()
