#!/usr/bin/env bash
# roundtrip.sh - round trip of the re-IPL payload and the reboot initrd against a
# seed-style baseline.
#
# Usage: bench/roundtrip.sh [RUNS]     (default 5 runs of each, alternating)
#
# One round trip is one QEMU run of an emulated s390x guest: start, network boot,
# TFTP of the pxelinux entry's kernel and initrd, Linux, the helper, re-IPL, the
# firmware's IPL of a blank disk, and QEMU's exit right after it. The Linux variants boot
# the same Debian s390x kernel from the same TFTP tree layout; only the initrd differs:
#   payload   build/s390x/reboot-s390x-payload.img as the pxelinux kernel, no Linux at
#             all (entry written by `reboot-s390x pxe local --payload`)
#   ours      build/reboot-initrd.img (static reboot-s390x-init)
#   baseline  bash /init (bench/seed-init.sh) calling s390-tools' chreipl --clear 1 and
#             busybox's reboot, with their shared libraries, from Debian's s390x packages
# Prints medians, the ratios to the baseline, TFTP bytes per boot and the image sizes.
# Needs `make` first. Run it on an otherwise idle machine; it asserts nothing.
set -euo pipefail
runs=${1:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
work=$(mktemp -d /tmp/reboot-s390x-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" bash libtinfo6 libc6 \
	s390-tools busybox-static
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)

# The baseline initrd: bash, chreipl, busybox, their libraries, the seed-style /init.
base=$work/baseline-root
mkdir -p "$base"/{bin,sbin,proc,sys,dev,lib,lib/s390x-linux-gnu,usr/sbin}
cp "$work/pkgs/bash/bin/bash" "$base/bin/bash"
cp "$work/pkgs/s390-tools/usr/sbin/chreipl" "$base/usr/sbin/chreipl"
cp "$work/pkgs/busybox-static/bin/busybox" "$base/bin/busybox"
for applet in mount reboot; do ln -s busybox "$base/bin/$applet"; done
libc=$work/pkgs/libc6/lib/s390x-linux-gnu
cp -L "$libc/libc.so.6" "$libc/ld64.so.1" "$base/lib/s390x-linux-gnu/"
cp -L "$work"/pkgs/libtinfo6/lib/s390x-linux-gnu/libtinfo.so.6 "$base/lib/s390x-linux-gnu/"
ln -s s390x-linux-gnu/ld64.so.1 "$base/lib/ld64.so.1"
install -m 0755 "$top/bench/seed-init.sh" "$base/init"
mknod "$base/dev/console" c 5 1
(cd "$base" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9n) >"$work/baseline.img"

"$build/reboot-s390x" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$work/ours.img"

ptftp=$work/payload.tftp
mkdir -p "$ptftp"
cp "$build/s390x/reboot-s390x-payload.img" "$ptftp/"
"$build/reboot-s390x" pxe --root "$ptftp" local default --payload reboot-s390x-payload.img \
	--target "ccw 0.0.0002" >/dev/null

for variant in ours baseline; do
	tftp=$work/$variant.tftp
	mkdir -p "$tftp/pxelinux.cfg"
	cp "$kernel" "$tftp/reboot-kernel.img"
	cp "$work/$variant.img" "$tftp/reboot-initrd.img"
	printf 'default linux\nlabel linux\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet\n' \
		>"$tftp/pxelinux.cfg/default"
done
truncate -s 16M "$work/disk.img"

# One round trip; prints its seconds.
roundtrip() {
	local tftp=$work/$1.tftp log=$work/$1.log start end
	start=$(date +%s.%N)
	"$top/scripts/s390x-guest.sh" --tftp "$tftp" --console "$log" --disk "$work/disk.img@0002" || true
	end=$(date +%s.%N)
	if ! grep -aq "Using virtio-blk." "$log"; then
		echo "roundtrip: $1 did not reach the disk IPL:" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/payload.times"
: >"$work/ours.times"
: >"$work/baseline.times"
for ((i = 1; i <= runs; i++)); do
	roundtrip payload >>"$work/payload.times"
	roundtrip ours >>"$work/ours.times"
	roundtrip baseline >>"$work/baseline.times"
done
payload=$(median <"$work/payload.times")
ours=$(median <"$work/ours.times")
baseline=$(median <"$work/baseline.times")
# What the firmware fetches per boot: the pxelinux file, the kernel, the initrd.
tftp_bytes() { stat -c %s "$work/$1.tftp/reboot-kernel.img" "$work/$1.tftp/reboot-initrd.img" \
	"$work/$1.tftp/pxelinux.cfg/default" | paste -sd+ | bc; }
payload_bytes=$(stat -c %s "$ptftp/reboot-s390x-payload.img" "$ptftp/pxelinux.cfg/default" \
	"$ptftp/pxelinux.cfg/default" | paste -sd+ | bc)

printf 'runs per variant:        %d (alternating)\n' "$runs"
printf 'round trip, median:      payload %.3f s, ours %.2f s, baseline %.2f s\n' "$payload" \
	"$ours" "$baseline"
printf 'ratio to the baseline:   payload %.3f, ours %.2f\n' "$(echo "$payload / $baseline" | bc -l)" \
	"$(echo "$ours / $baseline" | bc -l)"
printf 'TFTP bytes per boot:     payload %d, ours %d, baseline %d\n' "$payload_bytes" \
	"$(tftp_bytes ours)" "$(tftp_bytes baseline)"
printf 'image size:              payload %d, ours (initrd) %d, baseline (initrd) %d\n' \
	"$(stat -c %s "$ptftp/reboot-s390x-payload.img")" "$(stat -c %s "$work/ours.img")" \
	"$(stat -c %s "$work/baseline.img")"
