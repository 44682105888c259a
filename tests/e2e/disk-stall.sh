#!/usr/bin/env bash
# disk-stall.sh - a guest whose disk stops answering, on purpose: what the tests and the
# demo see of it, and what they do.
#
# The real installer (scripts/debian-installer.sh) runs on $QEMU_LANE with its target
# disk behind QEMU's blkdebug driver. Once it has made its ext4, the monitor tells blkdebug
# to hold every write from then on (the guest's requests reach QEMU and never complete),
# which is how the installs that hung inside `make check` looked from the guest (README,
# "Reliability"). The kernel's hung-task report comes after 10 s here (a kernel parameter;
# 120 s by default). At the time limit:
#   - s390x-guest.sh stops QEMU with status 124, after writing QEMU's view of the guest
#     (scripts/qemu-state.py) beside the console: the target disk's queue holds requests
#     QEMU took and never completed, and the disk has been idle since; QEMU, which waits
#     for the requests it holds before it ends, is killed when SIGTERM does not end it;
#   - scripts/guest-stall.sh recognizes the hung-task report and says so in note lines with
#     that view, which is what the demo and real-system.sh print before starting again;
#   - and says nothing of the same console before the stall.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
lane=${QEMU_LANE:-7.2}
work=$(mktemp -d /tmp/reboot-s390x-stall.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
CHECK_PREFIX="[QEMU $lane] "
. "$top/tests/check.sh"
# (the ext4 is made 15-75 s in, later under load; the report needs 10-20 s of stall more)
limit=210

medium=$("$top/scripts/debian-installer.sh" medium) || { fail "the Debian system is built"; summary; exit; }
"$top/scripts/debian-installer.sh" "$work/installer" || exit 1
truncate -s 2G "$work/disk.img"
console=$work/console.log
: >"$console"
QEMU_LANE=$lane "$top/scripts/s390x-guest.sh" --tftp "$work" --console "$console" --timeout "$limit" \
	--kernel "$work/installer/vmlinuz" --initrd "$work/installer/initrd.img" \
	--append "console=ttysclp0 quiet rs390x.end=poweroff sysctl.kernel.hung_task_timeout_secs=10" \
	--disk "blkdebug::$work/disk.img@0002" --medium "$medium@0003" --monitor "$work/monitor" &
guest=$!
for _ in $(seq $((limit * 4))); do
	grep -aq 'rs390x-installer: made ext4' "$console" && break
	kill -0 "$guest" 2>/dev/null || break
	sleep 0.25
done
cp "$console" "$work/before.log"
# (blkdebug's breakpoint on the next write: it and every write after it wait for a
# "resume" that never comes)
"$top/tests/e2e/qemu-monitor.py" "$work/monitor" 'qemu-io d0 "break write_aio stall"'
wait "$guest"
status=$?
state=$console.qemu
# (the held queue: the guest made N requests available, QEMU took all N, used fewer)
stalled=$(sed -n 's/^  queue 0: guest avail \([0-9]*\), QEMU took \([0-9]*\) .*, used \([0-9]*\), .*in use \([0-9]*\)$/\1 \2 \3 \4/p' "$state" |
	while read -r avail took used inuse; do ((inuse > 0 && avail == took && took > used)) && echo yes; done)

check "the installer made its ext4 before the stall" "grep -aq 'rs390x-installer: made ext4' '$work/before.log'" "$console"
check "the guest never finished the install, and was stopped at its ${limit} s limit (status 124)" \
	"((status == 124)) && ! grep -aq 'rs390x-installer: installed in' '$console'" "status $status"
check "the guest's kernel reported tasks blocked on the disk" \
	"grep -aqE 'task .+:[0-9]+ blocked for more than [0-9]+ seconds' '$console'" "$console"
check "at the limit, QEMU's view of the guest was written beside the console" \
	"grep -q 'limit reached; the guest.s state:' '$state' && grep -q '^state: running' '$state' && grep -q '^cpu: PSW=' '$state'" "$state"
check "that view shows a disk queue whose requests QEMU all took and did not all complete" '[[ -n $stalled ]]' "$state"
check "and the target disk idle since" "grep -qE '^disk d0: .*idle [0-9]{2,}\\.[0-9] s' '$state'" "$state"
# (QEMU waits for a request it holds before it ends, so SIGTERM alone would leave it running)
check "QEMU, which cannot end while it holds the request, was killed 15 s after SIGTERM" \
	"grep -q '^s390x-guest: QEMU did not end 15 s after SIGTERM: killed' '$state'" "$state"
note=$("$top/scripts/guest-stall.sh" "$console" "[QEMU $lane] install")
first=$(head -n 1 <<<"$note")
check "guest-stall.sh says the disk stopped answering, with the report and QEMU's view" \
	'[[ $first == "note: [QEMU $lane] install: the guest'"'"'s disk stopped answering (task "*" blocked for more than "*" seconds); started again" ]] && grep -q "^note:   disk d0: " <<<"$note"' \
	"$note"
check "and nothing of the console before the stall" \
	'! "$top/scripts/guest-stall.sh" "$work/before.log" x >/dev/null' "$work/before.log"
summary
