#!/usr/bin/env bash
# roundtrip.sh - round trip of every local boot method on every QEMU lane against a
# seed-style baseline.
#
# Usage: bench/roundtrip.sh [--system] [RUNS]   (default 1 run of each, alternating)
#        BENCH_LANES="10.0" bench/roundtrip.sh 5
#
# One round trip is one QEMU run of an emulated s390x guest whose boot order is network,
# then disk: start, network boot, what the pxelinux entry makes of it, the firmware's IPL
# of a blank disk, and QEMU's exit right after it. The methods:
#   fallback  a pxelinux file with no entry: the firmware itself falls back to the disk
#             (QEMU 9.2 and later only; `reboot-s390x pxe local --method fallback`)
#   payload   build/s390x/reboot-s390x-payload.img as the pxelinux kernel, no Linux at
#             all (`pxe local --method payload`)
#   linux     the Debian s390x kernel with build/reboot-initrd.img (static
#             reboot-s390x-init; `pxe local --method linux`)
#   baseline  the same kernel with a bash /init (bench/seed-init.sh) calling s390-tools'
#             chreipl --clear 1 and busybox's reboot, with their shared libraries, from
#             Debian's s390x packages: the seed's way
# Per lane (scripts/qemu-lanes.sh; BENCH_LANES, default every prepared lane) it prints
# medians, the ratios to that lane's baseline, and TFTP bytes per boot; then image sizes.
#
# --system: the disk is the real Debian system (scripts/debian-system.sh: zipl, systemd; a
# fresh copy per run), and a round trip ends when its unit says on the console that
# multi-user is reached. The system's own boot (its uptime then, from its kernel's start)
# is printed on a line of its own, and "added" is the round trip less it: what the network
# boot and the method add before the system's kernel starts.
# Needs `make` first. Run it on an otherwise idle machine; it asserts nothing.
set -euo pipefail
system=""
if [[ ${1:-} == --system ]]; then
	system=$("$(dirname "$0")/../scripts/debian-system.sh" path)
	shift
fi
runs=${1:-1}
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
work=$(mktemp -d /tmp/reboot-s390x-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" bash libtinfo6 libc6 \
	s390-tools busybox-static
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)

# The baseline initrd: bash, chreipl, busybox, their libraries, the seed-style /init.
"$top/bench/make-seed-initrd.sh" "$work/pkgs" "$work/baseline.img"

"$build/reboot-s390x" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$work/ours.img"

# The trees: every one is written by `reboot-s390x pxe`, except the baseline's, which is
# the seed's own file.
for method in fallback payload linux; do
	tftp=$work/$method.tftp
	mkdir -p "$tftp"
	cp "$build/s390x/reboot-s390x-payload.img" "$tftp/"
	cp "$kernel" "$tftp/reboot-kernel.img"
	cp "$work/ours.img" "$tftp/reboot-initrd.img"
	target=(--target "ccw 0.0.0002")
	[[ $method == fallback ]] && target=()
	"$build/reboot-s390x" pxe --root "$tftp" local default --method "$method" "${target[@]}" \
		>/dev/null 2>&1
done
tftp=$work/baseline.tftp
mkdir -p "$tftp/pxelinux.cfg"
cp "$kernel" "$tftp/reboot-kernel.img"
cp "$work/baseline.img" "$tftp/reboot-initrd.img"
printf 'default linux\nlabel linux\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet\n' \
	>"$tftp/pxelinux.cfg/default"
truncate -s 16M "$work/disk.img"

# roundtrip LANE METHOD: one round trip; prints its seconds (--system: and the system's
# own boot, its uptime when its marker came).
roundtrip() {
	local tftp=$work/$2.tftp log=$work/$1-$2.log start end pid marker='Using virtio-blk.'
	if [[ -n $system ]]; then
		cp --sparse=always "$system" "$work/disk.img"
		marker='rs390x-system: multi-user reached'
	fi
	: >"$log"
	start=$(date +%s.%N)
	QEMU_LANE=$1 "$top/scripts/s390x-guest.sh" --tftp "$tftp" --console "$log" \
		--disk "$work/disk.img@0002" --disk-order --timeout 300 &
	pid=$!
	# The blank disk's IPL ends QEMU at once: its exit is the end. The real system runs on
	# for its shutdown after its marker: the moment the marker is on the console is the end
	# (looked for every 50 ms, which is nothing against its 20 s and more).
	if [[ -n $system ]]; then
		while ! grep -aq "$marker" "$log" && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
		end=$(date +%s.%N)
		wait "$pid" || true
	else
		wait "$pid" || true
		end=$(date +%s.%N)
	fi
	if ! grep -aq "$marker" "$log"; then
		echo "roundtrip: $2 on QEMU $1 did not reach '$marker':" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	printf '%s' "$(echo "$end - $start" | bc -l)"
	[[ -n $system ]] && printf ' %s' "$(tr -d '\r' <"$log" | sed -n 's/.*multi-user reached, zipl entry [0-9]*, \([0-9.]*\) s up.*/\1/p')"
	echo
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# What the firmware fetches per boot: the pxelinux file and what its entry names (the
# payload's initrd is the file itself).
tftp_bytes() {
	local t=$work/$1.tftp
	case $1 in
	fallback) stat -c %s "$t/pxelinux.cfg/default" ;;
	payload) echo $(($(stat -c %s "$t/reboot-s390x-payload.img") + 2 * $(stat -c %s "$t/pxelinux.cfg/default"))) ;;
	*) stat -c %s "$t/reboot-kernel.img" "$t/reboot-initrd.img" "$t/pxelinux.cfg/default" | paste -sd+ | bc ;;
	esac
}

if [[ -n ${BENCH_LANES:-} ]]; then
	read -r -a lanes <<<"$BENCH_LANES"
else
	lanes=()
	for lane in $("$top/scripts/qemu-lanes.sh" list); do
		"$top/scripts/qemu-lanes.sh" path "$lane" >/dev/null 2>&1 && lanes+=("$lane")
	done
fi
until="the firmware's IPL of the disk"
[[ -n $system ]] && until="the real Debian system's multi-user marker"
printf 'runs per method and lane: %d (alternating), QEMU start to %s\n\n' "$runs" "$until"
if [[ -n $system ]]; then
	printf '%-6s %-9s %12s %10s %12s %10s %14s\n' QEMU method "round trip" "ratio" "added" \
		"ratio" "TFTP bytes"
else
	printf '%-6s %-9s %12s %10s %14s\n' QEMU method "round trip" "ratio" "TFTP bytes"
fi
for lane in "${lanes[@]}"; do
	methods=(payload linux baseline)
	[[ $lane != 7.2 ]] && methods=(fallback payload linux baseline)
	for m in "${methods[@]}"; do : >"$work/$lane-$m.times"; done
	for ((i = 1; i <= runs; i++)); do
		for m in "${methods[@]}"; do roundtrip "$lane" "$m" >>"$work/$lane-$m.times"; done
	done
	baseline=$(cut -d' ' -f1 "$work/$lane-baseline.times" | median)
	if [[ -n $system ]]; then
		# added: the round trip less the system's own boot, run by run
		for m in "${methods[@]}"; do
			awk '{ print $1 - $2 }' "$work/$lane-$m.times" >"$work/$lane-$m.added"
		done
		base_added=$(median <"$work/$lane-baseline.added")
	fi
	for m in "${methods[@]}"; do
		t=$(cut -d' ' -f1 "$work/$lane-$m.times" | median)
		if [[ -n $system ]]; then
			a=$(median <"$work/$lane-$m.added")
			printf '%-6s %-9s %10.3f s %10.3f %10.3f s %10.3f %14d\n' "$lane" "$m" "$t" \
				"$(echo "$t / $baseline" | bc -l)" "$a" "$(echo "$a / $base_added" | bc -l)" \
				"$(tftp_bytes "$m")"
		else
			printf '%-6s %-9s %10.3f s %10.3f %14d\n' "$lane" "$m" "$t" \
				"$(echo "$t / $baseline" | bc -l)" "$(tftp_bytes "$m")"
		fi
	done
	[[ -n $system ]] && printf '%-6s the system'"'"'s own boot (its uptime at the marker), median of all: %.3f s\n' \
		"$lane" "$(cat "$work/$lane"-*.times | cut -d' ' -f2 | median)"
done
printf '\nimage size:  payload %d, ours (initrd) %d, baseline (initrd) %d\n' \
	"$(stat -c %s "$build/s390x/reboot-s390x-payload.img")" "$(stat -c %s "$work/ours.img")" \
	"$(stat -c %s "$work/baseline.img")"
