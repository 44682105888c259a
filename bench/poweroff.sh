#!/usr/bin/env bash
# poweroff.sh - how a Debian s390x guest's own power-off ends on each QEMU lane: does
# QEMU see a power-off, or a disabled wait (which libvirt reports as a crash)? Asserts
# nothing; it measures an emulator, for the README and the issues.
#
# Usage: bench/poweroff.sh RUNS [LANE...]      (default lanes: 7.2 10.0)
# Each run starts two guests at once (as tests/libvirt/reprovision.sh's watch case does)
# with the demo's installer (demo/make-installer.sh), booted directly (-kernel), which
# writes its disk and calls `poweroff -f`. QEMU runs with -action panic=pause: a guest
# whose power-off ends in a disabled wait stays paused, and its PSW is read through the
# monitor. Prints one line per guest and a count per lane. Needs root (the cache), make.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:?usage: poweroff.sh RUNS [LANE...]}
shift
lanes=("${@:-7.2 10.0}")
read -r -a lanes <<<"${lanes[*]}"
work=$(mktemp -d /tmp/reboot-s390x-poweroff.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
make -C "$top" --no-print-directory -s build/reboot-s390x build/s390x/e2e-marker-init >/dev/null || exit 1
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" busybox-static || exit 1
"$top/demo/make-installer.sh" "$work/pkgs" "$work/tree" || exit 1

# guest LANE NAME: one installer run; prints "poweroff", "disabled-wait PSW", "timeout" or
# "error N"
guest() {
	local lane=$1 name=$2 mon=$work/$2.mon status
	truncate -s 64M "$work/$name.disk"
	QEMU_LANE=$lane "$top/scripts/s390x-guest.sh" --tftp "$work/tree" --console "$work/$name.log" \
		--kernel "$work/tree/installer/vmlinuz" --initrd "$work/tree/installer/initrd.img" \
		--append "console=ttysclp0 quiet" --cd "$work/$name.disk@0002" --monitor "$mon" \
		--timeout 180 &
	local pid=$!
	# Paused in a disabled wait: QEMU runs on; ask the monitor once the console says done.
	for _ in $(seq 1700); do
		kill -0 "$pid" 2>/dev/null || break
		if grep -aq 'powering off' "$work/$name.log" 2>/dev/null; then
			sleep 5
			kill -0 "$pid" 2>/dev/null || break
			local st
			st=$("$top/tests/e2e/qemu-monitor.py" --print "$mon" "info status" 2>/dev/null | tr -d '\r' |
				grep -oE 'VM status: [a-z-]+( \([a-z-]+\))?')
			local psw
			psw=$("$top/tests/e2e/qemu-monitor.py" --print "$mon" "info registers" 2>/dev/null | tr -d '\r' |
				grep -o 'PSW=mask [0-9a-f]* addr [0-9a-f]*' | head -n 1)
			"$top/tests/e2e/qemu-monitor.py" "$mon" quit >/dev/null 2>&1
			wait "$pid" 2>/dev/null
			echo "disabled-wait ($st; $psw)"
			return
		fi
		sleep 0.1
	done
	wait "$pid"
	status=$?
	if ((status == 124)); then echo timeout
	elif ((status == 0)) && grep -aq 'powering off' "$work/$name.log"; then echo poweroff
	else echo "error $status"; fi
}

for lane in "${lanes[@]}"; do
	declare -A count=()
	for ((i = 1; i <= runs; i++)); do
		guest "$lane" "$lane-$i-a" >"$work/r.a" &
		a=$!
		guest "$lane" "$lane-$i-b" >"$work/r.b" &
		b=$!
		wait "$a" "$b"
		for g in a b; do
			r=$(cat "$work/r.$g")
			echo "QEMU $lane run $i guest $g: $r"
			k=${r%% *}
			count[$k]=$((${count[$k]:-0} + 1))
		done
	done
	printf 'QEMU %s (%s): ' "$lane" "$("$top/scripts/qemu-lanes.sh" version "$lane")"
	for k in "${!count[@]}"; do printf '%s %d  ' "$k" "${count[$k]}"; done
	echo "(of $((runs * 2)) guests)"
	unset count
done
