#!/usr/bin/env bash
# run.sh - `make demo`: the whole provisioning loop on one emulated s390x guest.
#
# The guest always boots from the network. Its pxelinux.cfg entry, managed with
# `reboot-s390x pxe`, decides what it boots:
#   1. "install": a small installer (busybox and the kernel's virtio_blk module from
#      Debian's s390x packages) writes a bootable system onto the empty disk, powers off;
#   2. one `pxe local` later, the next start boots the network, the re-IPL helper, and
#      the installed system from the disk;
#   3. started again, it does so again (the firmware does not keep the re-IPL setting:
#      that is the loop that lets an admin re-provision by editing one file);
#   4. one `pxe install` later, the next start reinstalls.
# Each step checks what the guest's console shows and is timed; the demo exits 1 when a
# step did not behave. LIBVIRT=1 runs the same loop through a libvirt network and domain.
# KEEP=1 keeps the work folder with the TFTP tree. QEMU_LANE (scripts/qemu-lanes.sh) picks
# the QEMU: on 10.0 and later the local entry uses
# the firmware's own fallback (no entry; the disk follows the network in the boot order),
# on 7.2 the re-IPL helper.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
cli=$build/reboot-s390x
LIBVIRT=${LIBVIRT:-0}
lane=${QEMU_LANE:-7.2}
method=linux
((LIBVIRT == 0)) && [[ $lane != 7.2 ]] && method=fallback
guest_mac=52:54:00:de:00:01
guest_uuid=9d1f7d36-5c65-4b4e-8d3a-2f0d5e1a0b01
work=$(mktemp -d /tmp/reboot-s390x-demo.XXXXXX)
chmod 0755 "$work"
tree=$work/tftp
results=()
failed=0 steps_ok=0 steps_failed=0

if [[ -t 1 ]]; then bold=$'\e[1m' dim=$'\e[2m' red=$'\e[31m' green=$'\e[32m' off=$'\e[0m'
else bold="" dim="" red="" green="" off=""; fi

now() { date +%s.%N; }
t0=$(now)
stamp() { printf '%6.1fs' "$(echo "$(now) - $t0" | bc)"; }
say() { printf '\n%s %s%s%s\n' "$(stamp)" "$bold" "$*" "$off"; }
# Run a command, shown as a user would type it ($TFTP for the tree).
run_cmd() {
	local shown
	shown=$(printf ' %q' "$@")
	shown=${shown//"$cli"/reboot-s390x}
	shown=${shown//"$tree"/\$TFTP}
	printf '%s   $%s%s\n' "$dim" "$shown" "$off"
	"$@" 2>&1 | sed 's/^/     /'
	return "${PIPESTATUS[0]}"
}

# The console lines that matter: the firmware's, the helper's report, the stand-ins'.
show_console() {
	tr -d '\r' <"$1" | sed -E 's/ *Receiving data: *([0-9]+ KBytes *)*//g' |
		grep -aE 'Network boot starting|TFTP: Received|Loading pxelinux|Using virtio-blk|ISO boot|LOADPARM=|reboot-s390x|demo installer:|^(IPL|Re-IPL|Target|Device|clear|DEVICE| *0\.[0-3]\.)|Failed to (load|IPL)' |
		sed "s/^/   ${dim}guest |${off} /"
}

# KEEP=1 keeps the TFTP tree (and the consoles) to look at.
keep_or_remove() {
	if [[ -n ${KEEP:-} ]]; then
		echo "demo: kept $work (TFTP tree: $tree)"
	else
		rm -rf "$work"
	fi
}

### the guest, through QEMU directly or through libvirt
if ((LIBVIRT)); then
	. "$top/scripts/libvirt-lab.sh"
	net=$(lab_name rs390x-demo) dom=$(lab_name rs390x-demo)
	cleanup() { lab_cleanup "$net" "$dom"; keep_or_remove; }
	guest_setup() {
		lab_start_daemons &&
			lab_define "$net" "$dom" 192.168.236 "$tree" "$work/disk.img" \
				"$work/console.log" "$guest_mac" "$guest_uuid" 2048
	}
	# start_guest LOG: start the domain, wait until it is off again.
	start_guest() {
		lab_run "$dom" 180 "$work/console.log"
		cp "$work/console.log" "$1"
	}
else
	cleanup() { keep_or_remove; }
	guest_setup() { :; }
	start_guest() {
		"$top/scripts/s390x-guest.sh" --tftp "$tree" --console "$1" --mac "$guest_mac" \
			--uuid "$guest_uuid" --cd "$work/disk.img@0002" --disk-order --timeout 180
	}
fi
trap cleanup EXIT

# step NAME EXPECT...: start the guest, show its console, check every EXPECT (a grep -E
# pattern, or !pattern for one that must not appear) and the number of network boots.
step() {
	local name=$1 log=$work/step$((${#results[@]} + 1)).log start ok=1 pattern
	shift
	start=$(now)
	start_guest "$log"
	show_console "$log"
	for pattern in "$@"; do
		if [[ $pattern == !* ]]; then
			grep -aqE -- "${pattern#!}" "$log" && ok=0 && echo "   ${red}unexpected: ${pattern#!}$off"
		else
			grep -aqE -- "$pattern" "$log" || { ok=0; echo "   ${red}missing: $pattern$off"; }
		fi
	done
	if (($(grep -ac 'Network boot starting' "$log") != 1)); then
		ok=0
		echo "   ${red}expected exactly one network boot$off"
	fi
	results+=("$(printf '%-44s %6.1fs  %s' "$name" "$(echo "$(now) - $start" | bc)" \
		"$( ((ok)) && echo "${green}ok$off" || echo "${red}FAILED$off")")")
	((ok)) || failed=1
	((ok)) && steps_ok=$((steps_ok + 1)) || steps_failed=$((steps_failed + 1))
}

say "Preparing: Debian's s390x kernel and busybox, the installer, the TFTP tree"
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" busybox-static || exit 1
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)
"$top/demo/make-installer.sh" "$work/pkgs" "$tree" || exit 1
cp "$kernel" "$tree/reboot-kernel.img"
"$cli" mkinitrd -o "$tree/reboot-initrd.img" || exit 1
truncate -s 64M "$work/disk.img"
guest_setup || { echo "demo: cannot set up the libvirt network and domain" >&2; exit 1; }
printf '   guest: MAC %s, UUID %s, empty 64 MiB disk (2048-byte blocks) at 0.0.0002%s\n' \
	"$guest_mac" "$guest_uuid" "$( ((LIBVIRT)) && echo ", libvirt domain $dom")"
if [[ $method == fallback ]]; then
	printf '   QEMU %s: boot order network, then disk; local boot by the firmware'"'"'s fallback\n' "$lane"
else
	printf '   QEMU %s: local boot through the re-IPL helper%s\n' "$lane" \
		"$([[ $lane == 7.2 ]] && echo " (this QEMU has no fallback to the disk)")"
fi

install_entry=(--kernel installer/vmlinuz --initrd installer/initrd.img --append "console=ttysclp0 quiet")

say "Step 1: the guest's entry says \"install\"; the guest starts and installs"
run_cmd "$cli" pxe --root "$tree" install "$guest_mac" "${install_entry[@]}" || exit 1
step "1 install onto the empty disk" "demo installer: system installed" "!Using virtio-blk"

say "Step 2: one command switches the entry to \"local\"; the guest starts its disk"
if [[ $method == fallback ]]; then
	run_cmd "$cli" pxe --root "$tree" local "$guest_mac" --method fallback || exit 1
	local_signs=("Failed to IPL from this network!")
else
	run_cmd "$cli" pxe --root "$tree" local "$guest_mac" --method linux --target "ccw 0.0.0002" ||
		exit 1
	local_signs=("^Device: +0\.0\.0002")
fi
step "2 local ($method): network, then disk" "${local_signs[@]}" "Using virtio-blk" \
	"installed system booted from disk" "!demo installer"

say "Step 3: started again, it boots the disk again, through the network"
step "3 local again (re-IPL not kept)" "Using virtio-blk" "installed system booted from disk"

say "Step 4: the entry is switched back to \"install\"; the next start reinstalls"
run_cmd "$cli" pxe --root "$tree" install "$guest_mac" "${install_entry[@]}" || exit 1
step "4 install again" "demo installer: system installed" "!Using virtio-blk"

run_cmd "$cli" pxe --root "$tree" list
say "Summary"
printf '   %-44s %7s  %s\n' "STEP" "TIME" "RESULT"
for r in "${results[@]}"; do printf '   %s\n' "$r"; done
# The count line the test runners read (tests/check.sh's format): one check per step.
if ((failed)); then
	echo "${red}The demo failed: a step did not behave.$off"
	printf '%d passed, %d failed, 0 skipped\n' "$steps_ok" "$steps_failed"
	exit 1
fi
echo "${green}All four steps behaved.$off"
printf '%d passed, 0 failed, 0 skipped\n' "$steps_ok"
