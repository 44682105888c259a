#!/usr/bin/env bash
# run.sh - `make demo`: the whole provisioning loop on one emulated s390x guest.
#
# The guest always boots from the network. Its pxelinux.cfg entry, managed with
# `reboot-s390x pxe`, decides what it boots:
#   1. "install": an installer writes a bootable system onto the empty disk, powers off;
#   2. one `pxe local` later, the next start boots the network, then the installed system
#      from the disk;
#   3. started again, it does so again (the firmware does not keep the re-IPL setting:
#      that is the loop that lets an admin re-provision by editing one file);
#   4. one `pxe install` later, the next start reinstalls.
# The installer: when the real Debian system is built (scripts/debian-system.sh cached),
# the Debian installer of scripts/debian-installer.sh, which partitions the disk, copies
# Debian onto it from a read-only install medium and runs zipl, and the system boots to
# systemd's multi-user target; else a small one (busybox and an El Torito image: seconds),
# so that the demo stays fast on a fresh machine. DEMO_SYSTEM=small picks the small one.
#
# LIBVIRT=1 shows it as an admin with libvirt has it: a domain that boots its disk (as
# virt-install leaves it) on the lane's QEMU, `boot-order` to put the network first,
# `reprovision DOMAIN` for the install (the local entry's method chosen by itself),
# `doctor --domain`, `pxe local DOMAIN`, and `reprovision` again.
#
# Each step checks what the guest's console shows and is timed; the demo exits 1 when a
# step did not behave. KEEP=1 keeps the work folder with the TFTP tree. QEMU_LANE
# (scripts/qemu-lanes.sh) picks the QEMU: on 10.0 and later the local entry uses the
# firmware's own fallback (no entry; the disk follows the network in the boot order), on
# 7.2 the re-IPL helper (LIBVIRT=1: whatever the domain's QEMU allows).
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
steps_ok=0 steps_failed=0

# Which installer and system: the real Debian one when it is built (never built here).
system=small medium=""
if [[ ${DEMO_SYSTEM:-} != small ]] && medium=$("$top/scripts/debian-system.sh" cached); then
	system=debian
fi

if [[ -t 1 ]]; then bold=$'\e[1m' dim=$'\e[2m' red=$'\e[31m' green=$'\e[32m' off=$'\e[0m'
else bold="" dim="" red="" green="" off=""; fi

now() { date +%s.%N; }
t0=$(now)
stamp() { printf '%6.1fs' "$(echo "$(now) - $t0" | bc)"; }
say() { printf '\n%s %s%s%s\n' "$(stamp)" "$bold" "$*" "$off"; }
# Run a command, shown as a user would type it ($TFTP for the tree).
run_cmd() {
	show_cmd "$@"
	"$@" 2>&1 | sed 's/^/     /'
	return "${PIPESTATUS[0]}"
}
show_cmd() {
	local shown
	shown=$(printf ' %q' "$@")
	shown=${shown//"$cli"/reboot-s390x}
	shown=${shown//"$tree"/\$TFTP}
	printf '%s   $%s%s\n' "$dim" "$shown" "$off"
}

# console_text LOG: the console without carriage returns and the firmware's progress counts
console_text() { tr -d '\r' <"$1" | sed -E 's/ *Receiving data: *([0-9]+ KBytes *)*//g'; }
# The console lines that matter: the firmware's, the helper's report, the installers' and
# the systems'.
show_console() {
	console_text "$1" |
		grep -aE 'Network boot starting|TFTP: Received|Loading pxelinux|Using virtio-blk|ISO boot|LOADPARM=|reboot-s390x|demo installer:|rs390x-installer:|rs390x-system:|^(IPL|Re-IPL|Target|Device|clear|DEVICE| *0\.[0-3]\.)|Failed to (load|IPL)' |
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

# What the installer and the installed system say on the console.
if [[ $system == debian ]]; then
	installed="rs390x-installer: installed in" installer_says="rs390x-installer:"
	install_starts="rs390x-installer: installing from"
	booted="rs390x-system: multi-user reached, zipl entry 1" disk_size=2G block_size=""
	end_reboot=rs390x.end=reboot end_poweroff=rs390x.end=poweroff limit=420
else
	installed="demo installer: system installed" installer_says="demo installer"
	install_starts="demo installer: started"
	booted="installed system booted from disk" disk_size=64M block_size=2048
	end_reboot=demo.end=reboot end_poweroff="" limit=180
fi

### the guest, through QEMU directly or through libvirt
if ((LIBVIRT)); then
	. "$top/scripts/libvirt-lab.sh"
	net=$(lab_name rs390x-demo) dom=$(lab_name rs390x-demo)
	cleanup() { lab_cleanup "$net" "$dom"; keep_or_remove; }
	# The domain as virt-install leaves an installed guest: its disk boots, alone.
	guest_setup() {
		local qemu
		qemu=$("$top/scripts/qemu-lanes.sh" path "$lane") &&
			lab_start_daemons &&
			lab_define "$net" "$dom" 192.168.236 "$tree" "$work/disk.img" \
				"$work/console.log" "$guest_mac" "$guest_uuid" "$block_size" "$qemu" alone "$medium"
	}
	# start_guest LOG: start the domain, wait until it is off again.
	start_guest() {
		local rc
		lab_run "$dom" "$limit" "$work/console.log"
		rc=$?
		cp "$work/console.log" "$1"
		return $rc
	}
	# reprovision_guest LOG: `reprovision` starts the domain and follows its installer,
	# which reboots it; then wait until the installed system has powered it off.
	# (run again, and said, when the emulator's TFTP client gave up: lab_reprovision)
	reprovision_guest() {
		local args=("$dom" "${install_entry[@]}" --append "console=ttysclp0 quiet $end_reboot"
			--timeout "$limit")
		show_cmd "$cli" reprovision "${args[@]}"
		lab_reprovision $((limit + 60)) "$work/reprovision.log" "$work/console.log" "${args[@]}"
		sed 's/^/     /' "$work/reprovision.log"
		local rc
		lab_wait_off "$dom" "$limit"
		rc=$?
		cp "$work/console.log" "$1"
		return $rc
	}
else
	cleanup() { keep_or_remove; }
	guest_setup() { :; }
	start_guest() {
		local disk=(--cd "$work/disk.img@0002")
		[[ $system == debian ]] && disk=(--disk "$work/disk.img@0002" --medium "$medium@0003")
		"$top/scripts/s390x-guest.sh" --tftp "$tree" --console "$1" --mac "$guest_mac" \
			--uuid "$guest_uuid" "${disk[@]}" --disk-order --timeout "$limit"
	}
fi
trap cleanup EXIT

# step NAME NETBOOTS EXPECT...: start the guest (with $starter: start_guest, or
# reprovision_guest), show its console, check every EXPECT (a grep -E pattern, or !pattern
# for one that must not appear), that the guest booted from the network NETBOOTS times
# ("-": not counted; a reboot that reprovision holds and resets starts one more), and that
# its installer started at most once.
starter=start_guest
# record NAME START OK: a step's line in the summary, and its count
record() {
	results+=("$(printf '%-44s %6.1fs  %s' "$1" "$(echo "$(now) - $2" | bc)" \
		"$( (($3)) && echo "${green}ok$off" || echo "${red}FAILED$off")")")
	(($3)) && steps_ok=$((steps_ok + 1)) || steps_failed=$((steps_failed + 1))
}
step() {
	local name=$1 netboots=$2 log=$work/step$((${#results[@]} + 1)).log start ok=1 pattern status
	shift 2
	start=$(now)
	"$starter" "$log"
	status=$?
	# (a guest whose emulated disk stopped answering, README "Reliability": once more, said;
	# its console and QEMU's view of it stay beside the new one)
	if ((status == 124)) && "$top/scripts/guest-stall.sh" "$log" "demo step $name [QEMU $lane]"; then
		mv "$log" "$log.stalled"
		[[ -e $log.qemu ]] && mv "$log.qemu" "$log.stalled.qemu"
		"$starter" "$log"
		status=$?
	fi
	show_console "$log"
	((status == 124)) && ok=0 && echo "   ${red}the guest was still running at the step's ${limit} s limit$off"
	for pattern in "$@"; do
		if [[ $pattern == !* ]]; then
			grep -aqE -- "${pattern#!}" "$log" && ok=0 && echo "   ${red}unexpected: ${pattern#!}$off"
		else
			grep -aqE -- "$pattern" "$log" || { ok=0; echo "   ${red}missing: $pattern$off"; }
		fi
	done
	if [[ $netboots != - ]] && (($(grep -ac 'Network boot starting' "$log") != netboots)); then
		ok=0
		echo "   ${red}expected $netboots network boot(s)$off"
	fi
	# (a second start, even one cut short, would write over what the first installed)
	if (($(grep -ac -- "$installed" "$log") > 1 || $(grep -ac -- "$install_starts" "$log") > 1)); then
		ok=0
		echo "   ${red}installed more than once$off"
	fi
	# (a step that did not behave shows where its guest stopped, whatever the lines were)
	if ((!ok)); then
		echo "   ${red}the console's last lines:$off"
		console_text "$log" | grep -av '^ *$' | tail -n 12 | cut -c1-160 | sed "s/^/   ${dim}guest |${off} /"
		[[ -s $log.qemu ]] && tail -n 20 "$log.qemu" | cut -c1-160 | sed "s/^/   ${dim}qemu  |${off} /"
	fi
	record "$name" "$start" "$ok"
}
# command_step NAME COMMAND...: a step that is a command, not a boot: it must exit 0
command_step() {
	local name=$1 start ok=1
	shift
	start=$(now)
	run_cmd "$@" || { ok=0; echo "   ${red}exit status not 0$off"; }
	record "$name" "$start" "$ok"
}

say "Preparing: Debian's s390x kernel and busybox, the installer, the TFTP tree"
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" busybox-static || exit 1
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)
if [[ $system == debian ]]; then
	"$top/scripts/debian-installer.sh" "$tree/installer" || exit 1
	echo "   the Debian system is built: the Debian installer (partitions, copies Debian, runs zipl)"
	echo "   install medium: $medium (read-only, at 0.0.0003)"
else
	"$top/demo/make-installer.sh" "$work/pkgs" "$tree" || exit 1
	echo "   the Debian system is not built (scripts/debian-system.sh path builds it, about half"
	echo "   an hour once): the small installer, which writes a marker system in seconds"
fi
# (the Linux helper's files; with libvirt, `pxe setup` puts the payload there instead)
if ((LIBVIRT == 0)); then
	cp "$kernel" "$tree/reboot-kernel.img"
	"$cli" mkinitrd -o "$tree/reboot-initrd.img" || exit 1
fi
truncate -s "$disk_size" "$work/disk.img"
guest_setup || { echo "demo: cannot set up the libvirt network and domain" >&2; exit 1; }
printf '   guest: MAC %s, UUID %s, empty %s disk%s at 0.0.0002%s\n' \
	"$guest_mac" "$guest_uuid" "$disk_size" "${block_size:+ (2048-byte blocks)}" \
	"$( ((LIBVIRT)) && echo ", libvirt domain $dom")"

install_entry=(--kernel installer/vmlinuz --initrd installer/initrd.img)
if ((LIBVIRT)); then
	export LIBVIRT_DEFAULT_URI=qemu:///system REBOOT_S390X_TFTP_ROOT=$tree
	printf '   QEMU %s; the domain boots its disk alone, as virt-install left it\n' "$lane"
	printf '   REBOOT_S390X_TFTP_ROOT=$TFTP (the network'"'"'s TFTP root), LIBVIRT_DEFAULT_URI=%s\n' \
		"$LIBVIRT_DEFAULT_URI"
	run_cmd "$cli" pxe setup || exit 1

	say "Step 1: boot-order puts the network first, the disk right after it"
	command_step "1 boot-order" "$cli" boot-order "$dom"

	say "Step 2: reprovision: the install entry, a cold start, the installer; at its reboot the entry turns local and the guest boots its disk"
	starter=reprovision_guest
	step "2 reprovision: install, then the disk" - "$installed" "$booted" "Using virtio-blk"

	say "Step 3: doctor reads the tree, the domain, and what its entry does"
	command_step "3 doctor --domain" "$cli" doctor --domain "$dom"
	run_cmd "$cli" pxe list

	say "Step 4: pxe local (the method chosen by itself); started again, it boots its disk again, through the network"
	run_cmd "$cli" pxe local "$dom" || exit 1
	starter=start_guest
	step "4 local again (re-IPL not kept)" 1 "Using virtio-blk" "$booted" "!$installer_says"

	say "Step 5: reprovision again: it reinstalls, then boots the disk"
	starter=reprovision_guest
	step "5 reprovision again" - "$installed" "$booted"
else
	if [[ $method == fallback ]]; then
		printf '   QEMU %s: boot order network, then disk; local boot by the firmware'"'"'s fallback\n' "$lane"
	else
		printf '   QEMU %s: local boot through the re-IPL helper%s\n' "$lane" \
			"$([[ $lane == 7.2 ]] && echo " (this QEMU has no fallback to the disk)")"
	fi
	install_entry+=(--append "console=ttysclp0 quiet${end_poweroff:+ $end_poweroff}")

	say "Step 1: the guest's entry says \"install\"; the guest starts and installs"
	run_cmd "$cli" pxe --root "$tree" install "$guest_mac" "${install_entry[@]}" || exit 1
	step "1 install onto the empty disk" 1 "$installed" "!Using virtio-blk"

	say "Step 2: one command switches the entry to \"local\"; the guest starts its disk"
	if [[ $method == fallback ]]; then
		run_cmd "$cli" pxe --root "$tree" local "$guest_mac" --method fallback || exit 1
		local_signs=("Failed to IPL from this network!")
	else
		run_cmd "$cli" pxe --root "$tree" local "$guest_mac" --method linux --target "ccw 0.0.0002" ||
			exit 1
		local_signs=("^Device: +0\.0\.0002")
	fi
	step "2 local ($method): network, then disk" 1 "${local_signs[@]}" "Using virtio-blk" \
		"$booted" "!$installer_says"

	say "Step 3: started again, it boots the disk again, through the network"
	step "3 local again (re-IPL not kept)" 1 "Using virtio-blk" "$booted"

	say "Step 4: the entry is switched back to \"install\"; the next start reinstalls"
	run_cmd "$cli" pxe --root "$tree" install "$guest_mac" "${install_entry[@]}" || exit 1
	step "4 install again" 1 "$installed" "!Using virtio-blk"
fi

run_cmd "$cli" pxe --root "$tree" list
say "Summary ($([[ $system == debian ]] && echo "the Debian installer and system" || echo "the small installer and system"))"
printf '   %-44s %7s  %s\n' "STEP" "TIME" "RESULT"
for r in "${results[@]}"; do printf '   %s\n' "$r"; done
# The count line the test runners read (tests/check.sh's format): one check per step.
if ((steps_failed)); then
	echo "${red}The demo failed: a step did not behave.$off"
	printf '%d passed, %d failed, 0 skipped\n' "$steps_ok" "$steps_failed"
	exit 1
fi
echo "${green}All ${#results[@]} steps behaved.$off"
printf '%d passed, 0 failed, 0 skipped\n' "$steps_ok"
