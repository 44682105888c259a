#!/usr/bin/env bash
# storm.sh - a boot storm through libvirt: N s390x domains on one libvirt network (one
# dnsmasq TFTP server for all, as on a real hypervisor) started at once, each booting
# its disk through the network by one local method, against the seed-style initrd.
#
# Usage: bench/storm.sh [N...]        (default: 1 2 4 8)
#        STORM_RUNS=3 bench/storm.sh 8
#
# Per N and method it prints the wall time from the first `virsh start` until every
# guest's firmware has IPLed its disk ("Using virtio-blk." on its console), the bytes the
# host side of the network sent (the bridge's tx_bytes: TFTP, with a little DHCP and
# ARP), and both as ratios to the seed-style baseline of the same N in the same run;
# then how time and bytes grow with N. The methods, all on Debian 13's QEMU 10.0
# (scripts/qemu-lanes.sh), boot order network then disk:
#   fallback  a pxelinux file with no entry: the firmware falls back to the disk
#   payload   the re-IPL payload as the pxelinux kernel, no Linux
#   linux     the Debian s390x kernel with our reboot initrd
#   baseline  the same kernel with the seed-style initrd (bench/make-seed-initrd.sh)
# Needs root, `make`, and what tests/libvirt/workflow.sh needs. It asserts nothing: run it on
# an otherwise idle machine (every guest is emulated with TCG on this machine's cores).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
cli=$build/reboot-s390x
sizes=("$@")
((${#sizes[@]})) || sizes=(1 2 4 8)
runs=${STORM_RUNS:-1}
max=0
for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "storm: N must be a positive number, not '$n'" >&2; exit 1; }
	((n > max)) && max=$n
done
work=$(mktemp -d /tmp/reboot-s390x-storm.XXXXXX)
chmod 0755 "$work"
. "$top/scripts/libvirt-lab.sh"
net=$(lab_name rs390x-storm)
doms=()
for ((i = 1; i <= max; i++)); do doms+=("$(lab_name rs390x-storm$i)"); done
cleanup() { lab_cleanup "$net" "${doms[@]}"; [[ -n ${KEEP:-} ]] || rm -rf "$work"; }
trap cleanup EXIT

# (scripts/libvirt-lab.sh is not written for set -e: each step is checked by hand.)
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" bash libtinfo6 libc6 \
	s390-tools busybox-static >/dev/null || exit 1
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)
tree=$work/tftp
mkdir -p "$tree"
cp "$kernel" "$tree/reboot-kernel.img"
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$tree/reboot-initrd.img" || exit 1
"$top/bench/make-seed-initrd.sh" "$work/pkgs" "$tree/seed-initrd.img" || exit 1
cp "$build/s390x/reboot-s390x-payload.img" "$tree/" || exit 1
qemu10=$("$top/scripts/qemu-lanes.sh" path 10.0) || exit 1

lab_start_daemons || exit 1
lab_define "$net" "${doms[0]}" 192.168.238 "$tree" "$work/disk1.img" "$work/console1.log" \
	52:54:00:cc:00:01 "" "" "$qemu10" 2 || exit 1
for ((i = 2; i <= max; i++)); do
	lab_define_domain "${doms[i - 1]}" "$net" "$work/disk$i.img" "$work/console$i.log" \
		"$(printf '52:54:00:cc:00:%02x' "$i")" "" "" "$qemu10" 2 || exit 1
done
for ((i = 1; i <= max; i++)); do truncate -s 16M "$work/disk$i.img"; done
bridge=$(lab_bridge "$net")

# entry METHOD: pxelinux.cfg/default boots by METHOD (the baseline's is the seed's file)
# (--force: the seed's file is not ours, and pxe local rightly refuses to replace it)
entry() {
	if [[ $1 == baseline ]]; then
		printf 'default linux\nlabel linux\nkernel reboot-kernel.img\ninitrd seed-initrd.img\nappend rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet\n' \
			>"$tree/pxelinux.cfg/default"
	elif [[ $1 == fallback ]]; then
		"$cli" pxe --root "$tree" local default --force --method fallback >/dev/null 2>&1
	else
		"$cli" pxe --root "$tree" local default --force --method "$1" --target "ccw 0.0.0002" >/dev/null 2>&1
	fi
}

tx_bytes() { ip netns exec "$lab_netns" cat "/sys/class/net/$bridge/statistics/tx_bytes"; }

# storm N: start N domains at once; prints "SECONDS BYTES" once all IPLed their disks
storm() {
	local n=$1 i start end tx0 done_count t
	tx0=$(tx_bytes)
	start=$(date +%s.%N)
	for ((i = 0; i < n; i++)); do virsh -q start "${doms[i]}" >/dev/null & done
	wait
	for ((t = 0; t < 3000; t++)); do
		done_count=0
		for ((i = 1; i <= n; i++)); do
			grep -aq 'Using virtio-blk.' "$work/console$i.log" 2>/dev/null && done_count=$((done_count + 1))
		done
		((done_count == n)) && break
		sleep 0.1
	done
	end=$(date +%s.%N)
	for ((i = 0; i < n; i++)); do virsh -q destroy "${doms[i]}" >/dev/null 2>&1 || true; done
	if ((done_count != n)); then
		echo "storm: only $done_count of $n guests IPLed their disks in 300 s" >&2
		exit 1
	fi
	echo "$(echo "$end - $start" | bc -l) $(($(tx_bytes) - tx0))"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

methods=(fallback payload linux baseline)
printf 'QEMU 10.0, %d run(s) per N and method, alternating; %d cores\n\n' "$runs" "$(nproc)"
printf '%4s %-9s %10s %8s %14s %8s\n' N method "all IPLed" ratio "bytes sent" ratio
for n in "${sizes[@]}"; do
	for m in "${methods[@]}"; do : >"$work/$n-$m"; done
	for ((r = 0; r < runs; r++)); do
		for m in "${methods[@]}"; do
			entry "$m" || exit 1
			storm "$n" >>"$work/$n-$m" || exit 1
		done
	done
	bt=$(cut -d' ' -f1 "$work/$n-baseline" | median)
	bb=$(cut -d' ' -f2 "$work/$n-baseline" | median)
	for m in "${methods[@]}"; do
		t=$(cut -d' ' -f1 "$work/$n-$m" | median)
		b=$(cut -d' ' -f2 "$work/$n-$m" | median)
		printf '%4d %-9s %8.2f s %8.3f %14.0f %8.4f\n' "$n" "$m" "$t" "$(echo "$t / $bt" | bc -l)" \
			"$b" "$(echo "$b / $bb" | bc -l)"
		echo "$n $t $b" >>"$work/growth-$m"
	done
done

# Growth: time and bytes against N, least squares t = a + b*N.
printf '\ngrowth with N (least squares over N = %s): time = a + b*N, bytes per guest\n' "${sizes[*]}"
for m in "${methods[@]}"; do
	awk -v m="$m" '{ n += 1; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2; bpg += $3 / $1 }
		END { d = n * sxx - sx * sx; b = d ? (n * sxy - sx * sy) / d : 0; a = (sy - b * sx) / n
		      printf "  %-9s time = %.2f s + %.3f s per guest; %.0f bytes per guest\n", m, a, b, bpg / n }' \
		"$work/growth-$m"
done
