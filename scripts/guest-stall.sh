#!/usr/bin/env bash
# guest-stall.sh - did an emulated guest stop because its disk stopped answering?
#
# Usage: scripts/guest-stall.sh CONSOLE WHO
#
# Exit status 0 when the guest's console has Linux's hung-task report ("task NAME:PID
# blocked for more than N seconds": a task waited minutes for I/O that never completed),
# printing "note:" lines that say so for WHO (a test's or the demo's boot) with what QEMU
# saw of the guest at its time limit (scripts/qemu-state.py, in CONSOLE.qemu); the caller
# starts the guest again, as the tests do for the emulator's other faults. Seen under
# TCG only, and only inside a full `make check`: the installer's cp, jbd2 and the flusher
# stuck after "made ext4" until the time limit (README, "Reliability").
# Exit status 1, printing nothing, when the console has no such report.
set -euo pipefail
console=$1 who=$2
# (every reader takes all of its input: under pipefail a reader that stops at the first
# match would end the writer with SIGPIPE on a long console, and turn a match into "none")
report=$(tr -d '\r' <"$console" | grep -a -E 'task .+:[0-9]+ blocked for more than [0-9]+ seconds' |
	sed -n '1{s/^\[[ 0-9.]*\] *//; s/^INFO: *//; s/\.$//; p}') || true
[[ -n $report ]] || exit 1
echo "note: $who: the guest's disk stopped answering ($report); started again"
# (what s390x-guest.sh wrote at the limit, after its own line)
[[ -e $console.qemu ]] && sed -n '/limit reached; the guest.s state:$/,$p' "$console.qemu" | sed '1d; s/^/note:   /'
exit 0
