#!/usr/bin/env bash
# s390x-guest.sh - run one emulated s390x guest that boots from the network, as a KVM
# guest under libvirt would: its only boot device is a virtio-net card, and QEMU's
# user-mode network serves DHCP and TFTP with boot file "/", so the firmware looks up
# pxelinux.cfg/<uuid>, 01-<mac>, ..., default in the TFTP tree.
#
# Usage: s390x-guest.sh --tftp DIR --console FILE [--mac MAC] [--uuid UUID]
#                       [--net DEVNO] [--disk FILE@DEVNO]... [--cd FILE@DEVNO]
#                       [--timeout SECONDS] [--kernel FILE --append TEXT]
#                       [--disk-order] [--loadparm LOADPARM] [--no-tftp]
#                       [--monitor SOCKET] [--initrd FILE] [--machine OPTS]
#                       [--pci-disk FILE] [--disk-alone] [--medium FILE@DEVNO]
#   --disk   a raw disk (512-byte blocks); --cd a disk with 2048-byte blocks, which the
#            firmware boots as El Torito. DEVNO is the device number, e.g. 0002.
#   --kernel starts FILE directly (qemu -kernel, with -append and --initrd) instead of a
#            network boot.
#   --disk-order  the first disk gets bootindex 2, after the network (QEMU >= 9.2 falls back
#            to it when the network boot fails), as libvirt's <boot order='2'/> does.
#   --loadparm    the network card's loadparm (QEMU >= 10.1 picks a pxelinux entry by it).
#   --no-tftp     a DHCP server that names a boot file, but no TFTP server (an outage).
#   --machine     more s390-ccw-virtio machine properties (secure-boot=on,boot-certs...).
#   --disk-alone  the first disk is the only boot device (bootindex 1), the network card
#            is not in the boot order.
#   --medium      a raw disk the guest may read but not write (an install medium), never
#            in the boot order.
#   --pci-disk    a raw disk as virtio-blk-pci (on the PCI bus, not the channel
#            subsystem), with bootindex 2: after the network in the boot order.
#   --monitor     QEMU's human monitor on a Unix socket; the guest pauses in a disabled
#            wait instead of ending QEMU, so a test can reset it (system_reset, cont).
# The QEMU is the one of lane $QEMU_LANE (scripts/qemu-lanes.sh; default 7.2).
# Returns when QEMU exits (the guest powered off, or stopped in a disabled wait); exit
# status is QEMU's, or 124 when the time limit (default 120 s) ended it. What QEMU itself
# prints goes to FILE.qemu beside the console, and at the time limit what the guest was
# waiting for (scripts/qemu-state.py). A host error reading or writing a disk
# (the host's disk full, say) reaches the guest as an I/O error, which the guest reports,
# instead of pausing it silently until the time limit (QEMU's default for a full disk).
set -euo pipefail
tftp="" console="" mac=52:54:00:12:34:56 uuid="" net=0001 timeout=120 kernel="" append="" initrd=""
disk_order=0 loadparm="" no_tftp=0 monitor="" machine=""
devs=() disks=()
while (($#)); do
	case $1 in
	--disk-order) disk_order=1; shift; continue ;;
	--disk-alone) disk_order=2; shift; continue ;;
	--no-tftp) no_tftp=1; shift; continue ;;
	--loadparm) loadparm=$2 ;;
	--monitor) monitor=$2 ;;
	--machine) machine=,$2 ;;
	--tftp) tftp=$2 ;;
	--console) console=$2 ;;
	--mac) mac=$2 ;;
	--uuid) uuid=$2 ;;
	--net) net=$2 ;;
	--timeout) timeout=$2 ;;
	--kernel) kernel=$2 ;;
	--initrd) initrd=$2 ;;
	--append) append=$2 ;;
	--disk | --cd) disks+=("$1 $2") ;;
	--medium)
		devs+=(-drive "file=${2%@*},format=raw,if=none,id=m0,readonly=on"
			-device "virtio-blk-ccw,drive=m0,devno=fe.0.${2##*@}") ;;
	--pci-disk) devs+=(-drive "file=$2,format=raw,if=none,id=p0,werror=report" -device "virtio-blk-pci,drive=p0,bootindex=2") ;;
	*) echo "s390x-guest: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
n=0
for d in "${disks[@]}"; do
	kind=${d%% *} spec=${d#* }
	file=${spec%@*} devno=${spec##*@}
	blocks="" order=""
	[[ $kind == --cd ]] && blocks=",logical_block_size=2048,physical_block_size=2048"
	((disk_order && n == 0)) && order=,bootindex=$((3 - disk_order))
	devs+=(-drive "file=$file,format=raw,if=none,id=d$n,werror=report"
		-device "virtio-blk-ccw,drive=d$n,devno=fe.0.$devno$blocks$order")
	n=$((n + 1))
done
[[ -n $tftp && -n $console ]] || { echo "s390x-guest: --tftp and --console are required" >&2; exit 2; }
[[ -n $uuid ]] && devs+=(-uuid "$uuid")
bootindex=,bootindex=1
((disk_order == 2)) && bootindex=""
if [[ -n $kernel ]]; then
	devs+=(-kernel "$kernel" -append "$append")
	[[ -n $initrd ]] && devs+=(-initrd "$initrd")
	bootindex=""
fi
qemu=$("$(dirname "$0")/qemu-lanes.sh" path "${QEMU_LANE:-7.2}")
netopts=user,id=n0,bootfile=/
((no_tftp)) || netopts+=",tftp=$tftp"
[[ -n $loadparm ]] && bootindex+=",loadparm=$loadparm"
[[ -n $monitor ]] && devs+=(-monitor "unix:$monitor,server,nowait" -action panic=pause)
# QEMU runs under the time limit, stopped by its PID. At the limit, what the guest was
# waiting for (scripts/qemu-state.py, through a QMP socket of its own) goes to FILE.qemu
# first: a guest whose disk stopped answering shows where its requests are.
state=$(mktemp -d /tmp/reboot-s390x-guest.XXXXXX)
qpid="" watchdog=""
# end_qemu: SIGTERM, and SIGKILL 15 s later if QEMU is still there (status 1 then): a QEMU
# whose disk request never completes cannot end, it waits for the request first
end_qemu() {
	kill -TERM "$qpid" 2>/dev/null
	for _ in $(seq 150); do kill -0 "$qpid" 2>/dev/null || return 0; sleep 0.1; done
	kill -KILL "$qpid" 2>/dev/null
	return 1
}
# (at exit, with whatever stopped the script: nothing here may end it early)
stop_qemu() {
	set +e
	[[ -n $watchdog ]] && kill -TERM "$watchdog" 2>/dev/null
	[[ -n $qpid ]] && end_qemu
}
trap 'stop_qemu; rm -rf "$state"' EXIT
trap 'exit 143' TERM INT HUP
: >"$console.qemu"
"$qemu" -M "s390-ccw-virtio$machine" -m 512 -nographic \
	-no-user-config -nodefaults -serial none -chardev "file,id=c0,path=$console" \
	-device sclpconsole,chardev=c0 -qmp "unix:$state/qmp,server=on,wait=off" \
	-netdev "$netopts" \
	-device "virtio-net-ccw,netdev=n0,mac=$mac,devno=fe.0.$net$bootindex" \
	"${devs[@]}" </dev/null >/dev/null 2>>"$console.qemu" &
qpid=$!
(
	trap 'kill "$nap" 2>/dev/null; exit 0' TERM
	sleep "$timeout" &
	nap=$!
	wait "$nap"
	: >"$state/expired"
	{
		echo "s390x-guest: the ${timeout} s limit reached; the guest's state:"
		timeout 30 "$(dirname "$0")/qemu-state.py" "$state/qmp" 2>&1
	} >>"$console.qemu"
	end_qemu || echo "s390x-guest: QEMU did not end 15 s after SIGTERM: killed" >>"$console.qemu"
) &
watchdog=$!
status=0
# (bash's own "Killed" line for a QEMU killed above stays out of the caller's output)
wait "$qpid" 2>/dev/null || status=$?
kill -TERM "$watchdog" 2>/dev/null || true
wait "$watchdog" 2>/dev/null || true
[[ -e $state/expired ]] && status=124
qpid="" watchdog=""
exit "$status"
