#!/usr/bin/env bash
# real-system.sh - a real Debian s390x system, installed on a blank disk by a network-booted
# installer and then booted from the network through each local method, on one QEMU lane
# ($QEMU_LANE: 7.2, 10.0, newest), until systemd's multi-user target says so on the console:
#   - `pxe install` boots the installer (scripts/debian-installer.sh: Debian's kernel and an
#     initrd that partitions the disk, makes its ext4, copies the system from a read-only
#     install medium and runs zipl in it, a two-entry menu), which powers off at its end;
#   - the payload with --target "ccw 0.0.0002 -L 2" boots zipl menu entry 2, whose system
#     reboots itself once (systemctl reboot): the reboot stays on the disk, and on entry 2;
#   - the Linux helper with "-L 2" does the same; without a loadparm it boots the default
#     entry, 1;
#   - the fallback (QEMU 9.2 and later; the disk after the network) boots entry 1;
#   - and first, why the system and its installer set reipl clear before their reboots:
#     the Linux helper's re-IPL with clear 0 ends the emulated guest.
# Each boot after the install uses a copy of the installed disk; QEMU runs under a time
# limit. Needs root the first time (the system is built then, about half an hour of
# emulation: scripts/debian-system.sh) and the e2e packages.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
cli=$build/reboot-s390x
lane=${QEMU_LANE:-7.2}
work=$(mktemp -d /tmp/reboot-s390x-system.XXXXXX)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
. "$top/tests/check.sh"
CHECK_PREFIX="[QEMU $lane] "
mac=52:54:00:12:34:56
limit=300 # seconds per boot (a boot of the installed disk takes about 50 on 7.2)

medium=$("$top/scripts/debian-installer.sh" medium) || { fail "the Debian system is built"; summary; exit; }
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" >/dev/null || exit 1
tree=$work/tftp
mkdir -p "$tree"
"$cli" pxe --root "$tree" setup >/dev/null || exit 1
"$top/scripts/debian-installer.sh" "$tree/installer" || exit 1
cp "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* "$tree/reboot-kernel.img"
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$tree/reboot-initrd.img" >/dev/null || exit 1

# boot NAME SOURCE [s390x-guest options]: boot the guest with a copy of the disk image
# SOURCE as 0.0.0002 ($work/NAME.img, left for the caller); console in $work/NAME.text,
# QEMU's status in $status, seconds in $secs.
# On the 7.2 lane a boot whose kernel oopsed, or that reached its time limit, is booted
# again from a new copy of SOURCE (up to 3 boots in all), and says so ("note:" lines,
# which make check shows): QEMU 7.2's TCG now and then runs the Debian kernel's module
# code wrong (a jump into the middle of an instruction or to no code at all), and the
# boot stalls for minutes or hangs (README, "Reliability"). Only there: the other lanes boot the same
# disks through the same firmware paths with no second try, so a hang of ours still
# fails them, except a guest whose console has the kernel's hung-task report at the time
# limit (scripts/guest-stall.sh: its emulated disk stopped answering), booted again on
# every lane, with a note and QEMU's view of the guest.
boot() {
	local name=$1 source=$2 disk=$work/$1.img start up try oops
	shift 2
	for try in 1 2 3; do
		cp --sparse=always "$source" "$disk"
		start=$(date +%s)
		"$top/scripts/s390x-guest.sh" --tftp "$tree" --console "$work/$name.log" --timeout "$limit" \
			--mac "$mac" --disk "$disk@0002" "$@"
		status=$?
		secs=$(($(date +%s) - start))
		((try < 3)) || break
		# (on every lane, a guest whose emulated disk stopped answering: scripts/guest-stall.sh)
		((status == 124)) && "$top/scripts/guest-stall.sh" "$work/$name.log" "[QEMU $lane] $name (try $try)" &&
			continue
		[[ $lane == 7.2 ]] || break
		# (the s390 kernel's oops header: "illegal operation: 0001 ilc:1 [#1] SMP")
		oops=$(tr -d '\r' <"$work/$name.log" | grep -m 1 -a -E 'ilc:[0-9] \[#[0-9]+\]' |
			sed 's/^\[[ 0-9.]*\] *//; s/ *$//')
		((status == 124)) || [[ -n $oops ]] || break
		echo "note: [QEMU $lane] $name: $( ((status == 124)) && echo "no end in $limit s" ||
			echo "the kernel oopsed"), booted again (try $try${oops:+; "$oops"})"
		# (where the oops was, and what the console said last)
		{ tr -d '\r' <"$work/$name.log" | grep -m 1 -a 'Krnl PSW'
		  tr -d '\r' <"$work/$name.log" | tail -n 5; } | sed 's/^/note:   /'
	done
	tr -d '\r' <"$work/$name.log" | sed -E 's/ *Receiving data: *([0-9]+ KBytes *)*//g' >"$work/$name.text"
	# (what QEMU itself said, a host I/O error say, shown with the console by a failing check)
	[[ -s $work/$name.log.qemu ]] && sed 's/^/qemu: /' "$work/$name.log.qemu" >>"$work/$name.text"
	up=$(sed -n 's/.*zipl entry [0-9]*, \([0-9.]*\) s up.*/\1 s/p' "$work/$name.text" | tail -n 1)
	[[ -n $up ]] && up="; the system's own boot: $up"
	echo "$name [QEMU $lane]: QEMU start to power-off $secs s$up"
}
# run NAME [s390x-guest options]: boot a fresh copy of the installed disk
run() {
	boot "$1" "$work/installed.img" "${@:2}"
	rm -f "$work/$1.img"
}
netboots() { grep -c 'Network boot starting' "$work/$1.text"; }

# Why the test system and the installer set reipl clear before they reboot: Linux's re-IPL
# by "load normal" (clear 0, DIAGNOSE 308 subcode 4) ends QEMU's emulated guest instead of
# IPLing the target. Shown with the Linux helper, whose reboot is that kernel's own.
"$cli" pxe --root "$tree" local "$mac" --method linux --target "ccw 0.0.0002 --clear 0" >/dev/null
truncate -s 64M "$work/blank.img"
boot load-normal "$work/blank.img"
check "Linux's re-IPL by load normal (clear 0) ends the emulated guest: no IPL of the target" \
	"((status == 0)) && grep -q '^clear: *0' '$work/load-normal.text' && grep -q 'reboot-s390x: rebooting' '$work/load-normal.text' && ! grep -q 'Using virtio-blk' '$work/load-normal.text' && (( \$(netboots load-normal) == 1 ))" \
	"$work/load-normal.text"
rm -f "$work/blank.img" "$work/load-normal.img"

# The install: a blank disk, the system's disk as a read-only medium.
"$cli" pxe --root "$tree" install "$mac" --kernel installer/vmlinuz --initrd installer/initrd.img \
	--append "console=ttysclp0 rs390x.end=poweroff" >/dev/null
truncate -s 2G "$work/blank.img"
boot install "$work/blank.img" --medium "$medium@0003"
mv "$work/install.img" "$work/installed.img"
rm -f "$work/blank.img"
# (read back on the host: the partition table and the file system the installer made)
part=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(512); print(*struct.unpack_from("<B3xI", d, 450), d[510:512].hex())' "$work/installed.img")
label=$(dumpe2fs -h "$work/installed.img?offset=1048576" 2>/dev/null | sed -n 's/^Filesystem volume name: *//p')
fs_uuid=$(dumpe2fs -h "$work/installed.img?offset=1048576" 2>/dev/null | sed -n 's/^Filesystem UUID: *//p')
# (the root named by that UUID, not by a disk name that depends on the order of the disks)
# (each file on its own: one that names no UUID must not pass on the other's)
fstab_root=$(debugfs -R 'cat /etc/fstab' "$work/installed.img?offset=1048576" 2>/dev/null |
	sed -n 's|^UUID=\([^ ]*\) / .*|\1|p')
zipl_roots=$(debugfs -R 'cat /etc/zipl.conf' "$work/installed.img?offset=1048576" 2>/dev/null |
	sed -n 's|.*root=UUID=\([^ ]*\) .*|\1|p' | sort -u)
check "pxe install: the network-booted installer partitioned the blank disk, made its ext4, copied the system, named its root by UUID and ran zipl (two menu entries)" \
	"((status == 0)) && grep -q 'rs390x-installer: installed in .* zipl done' '$work/install.text' && grep -q 'Adding #2: IPL section .debian-reboot.' '$work/install.text' && (( \$(netboots install) == 1 )) && [[ '$part' == '131 2048 55aa' && '$label' == zguest && -n '$fs_uuid' && '$fstab_root' == '$fs_uuid' && '$zipl_roots' == '$fs_uuid' ]]" \
	"$work/install.text"
if ! grep -q 'rs390x-installer: installed' "$work/install.text"; then
	summary
	exit
fi

"$cli" pxe --root "$tree" local "$mac" --method payload --target "ccw 0.0.0002 -L 2" >/dev/null
run payload
check "payload -L 2: zipl entry 2 booted, rebooted itself, and came back to entry 2 on the disk" \
	"((status == 0)) && grep -q 'zipl entry 2 reboots itself' '$work/payload.text' && grep -q 'multi-user reached, zipl entry 2' '$work/payload.text' && (( \$(netboots payload) == 1 ))" \
	"$work/payload.text"

"$cli" pxe --root "$tree" local "$mac" --method linux --target "ccw 0.0.0002 -L 2" >/dev/null
run linux-l2
check "the Linux helper -L 2: zipl entry 2 booted, rebooted itself, and came back to entry 2 on the disk" \
	"((status == 0)) && grep -q 'zipl entry 2 reboots itself' '$work/linux-l2.text' && grep -q 'multi-user reached, zipl entry 2' '$work/linux-l2.text' && (( \$(netboots linux-l2) == 1 ))" \
	"$work/linux-l2.text"

"$cli" pxe --root "$tree" local "$mac" --method linux --target "ccw 0.0.0002" >/dev/null
run linux
check "the Linux helper without a loadparm: the default zipl entry, 1, reached multi-user" \
	"((status == 0)) && grep -q 'multi-user reached, zipl entry 1' '$work/linux.text' && (( \$(netboots linux) == 1 ))" \
	"$work/linux.text"

if [[ $lane == 7.2 ]]; then
	skip "the fallback boots the system" "QEMU 7.2's firmware has no fallback"
else
	# (no domain to ask about the boot order: its warning says so)
	"$cli" pxe --root "$tree" local "$mac" --method fallback >/dev/null 2>&1
	run fallback --disk-order
	check "the fallback: the firmware fell back to the disk, entry 1 reached multi-user" \
		"((status == 0)) && grep -qF 'Failed to IPL from this network!' '$work/fallback.text' && grep -q 'multi-user reached, zipl entry 1' '$work/fallback.text'" \
		"$work/fallback.text"
fi
summary
