#!/usr/bin/env bash
# real-system.sh - a real Debian s390x system on its zipl disk (scripts/debian-system.sh),
# booted from the network through each local method on one QEMU lane ($QEMU_LANE: 7.2,
# 10.0, newest), until systemd's multi-user target says so on the console:
#   - the payload with --target "ccw 0.0.0002 -L 2" boots zipl menu entry 2, whose system
#     reboots itself once: the reboot stays on the disk, and on entry 2;
#   - the Linux helper with --target "ccw 0.0.0002" boots the default entry, 1;
#   - the fallback (QEMU 9.2 and later; the disk after the network) boots entry 1.
# Each case boots a copy of the disk; QEMU runs under a time limit. Needs root the first
# time (the system is built then, about half an hour of emulation) and the e2e packages.
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

disk=$("$top/scripts/debian-system.sh" path) || { fail "the Debian system is built"; summary; exit; }
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" >/dev/null || exit 1
tree=$work/tftp
mkdir -p "$tree"
"$cli" pxe --root "$tree" setup >/dev/null || exit 1
cp "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* "$tree/reboot-kernel.img"
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$tree/reboot-initrd.img" >/dev/null || exit 1

# run NAME [s390x-guest options]: boot a fresh copy of the disk; console in $work/NAME.text,
# QEMU's status in $status, seconds in $secs
run() {
	local name=$1 start
	shift
	cp --sparse=always "$disk" "$work/$name.img"
	start=$(date +%s)
	"$top/scripts/s390x-guest.sh" --tftp "$tree" --console "$work/$name.log" --timeout 300 \
		--mac "$mac" --disk "$work/$name.img@0002" "$@"
	status=$?
	secs=$(($(date +%s) - start))
	rm -f "$work/$name.img"
	tr -d '\r' <"$work/$name.log" | sed -E 's/ *Receiving data: *([0-9]+ KBytes *)*//g' >"$work/$name.text"
	echo "$name [QEMU $lane]: QEMU start to power-off $secs s; the system's own boot: $(sed -n 's/.*zipl entry [0-9]*, \([0-9.]*\) s up.*/\1 s/p' "$work/$name.text" | tail -n 1)"
}
netboots() { grep -c 'Network boot starting' "$work/$1.text"; }

"$cli" pxe --root "$tree" local "$mac" --method payload --target "ccw 0.0.0002 -L 2" >/dev/null
run payload
check "payload -L 2: zipl entry 2 booted, rebooted itself, and came back to entry 2 on the disk" \
	"((status == 0)) && grep -q 'zipl entry 2 reboots itself' '$work/payload.text' && grep -q 'multi-user reached, zipl entry 2' '$work/payload.text' && (( \$(netboots payload) == 1 ))" \
	"$work/payload.text"

"$cli" pxe --root "$tree" local "$mac" --method linux --target "ccw 0.0.0002" >/dev/null
run linux
check "the Linux helper: the default zipl entry, 1, reached multi-user" \
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
