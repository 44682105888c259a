#!/usr/bin/env bash
# reprovision.sh - install-once through a real libvirt: `reprovision` and `watch` follow
# s390x guests through libvirt's domain events while the demo's installer writes their
# disks, and turn their entries local only when the installer itself ends.
#
#   1. reprovision, the installer powers off, --start-again: the entry is local, the
#      guest boots its disk, and a later destroy + start boots the disk, not the installer;
#   2. reprovision, the installer reboots the guest: the guest is held while its entry
#      turns local and reset after, so the reboot lands on the disk;
#   3. the same on QEMU 10.0 with the fallback method (no helper at all): the firmware falls
#      back to the disk after the installer's reboot;
#   3b. the newest lane with --method host: the domain's definition boots the network for
#      the installer and its disk alone after, switched by the entry; no helper, no fallback;
#   4. an admin's destroy in the middle of the install leaves the install entry;
#   5. watch, two guests at once (one installer powers off, one reboots), watch restarted
#      in the middle as two watches on the one tree with a connection each (as two hosts
#      sharing a tree over NFS): both entries turn local exactly once; watch settles at its
#      start what happened while it was down.
# Needs root and what tests/libvirt/workflow.sh needs; KEEP=1 keeps the work directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
cli=$build/reboot-s390x
work=$(mktemp -d /tmp/reboot-s390x-once.XXXXXX)
chmod 0755 "$work"
watch_pids=()
URI=qemu:///system

. "$top/scripts/libvirt-lab.sh"
net=$(lab_name rs390x-once)
doms=("$(lab_name rs390x-once1)" "$(lab_name rs390x-once2)" "$(lab_name rs390x-once3)" "$(lab_name rs390x-once4)"
	"$(lab_name rs390x-once5)")
. "$top/tests/check.sh"
cleanup() {
	local pid
	for pid in "${watch_pids[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	lab_cleanup "$net" "${doms[@]}"
	[[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT


# file_of DOM: its pxelinux.cfg file (named by its UUID)
file_of() { echo "$tree/pxelinux.cfg/$(virsh domuuid "$1" | head -n 1)"; }

# second line of the file: "# reboot-s390x: <role>"
role_of() { sed -n '2s/^# reboot-s390x: //p' "$(file_of "$1")"; }

# start_until DOM CONSOLE PATTERN: start DOM and wait until its console shows PATTERN;
# started again when its firmware gave up on its TFTP transfer (as above).
start_until() {
	local try t
	for try in 1 2 3; do
		virsh -q start "$1" >/dev/null
		for ((t = 0; t < 480; t++)); do
			grep -aq -- "$3" "$2" 2>/dev/null && return 0
			lab_tftp_fault "$2" && [[ $(virsh domstate "$1" 2>/dev/null) != running ]] && break
			sleep 0.25
		done
		lab_tftp_fault "$2" || return 1
		echo "note: $1: the firmware's TFTP client gave up (try $try): started again"
	done
	return 1
}

lab_start_daemons || exit 1
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" busybox-static || exit 1
tree=$work/tftp
mkdir -p "$tree"
"$top/demo/make-installer.sh" "$work/pkgs" "$tree" || exit 1
"$cli" pxe --root "$tree" setup >/dev/null || exit 1
lab_define "$net" "${doms[0]}" 192.168.237 "$tree" "$work/disk1.img" "$work/console1.log" \
	52:54:00:bb:00:01 "" 2048 || exit 1
lab_define_domain "${doms[1]}" "$net" "$work/disk2.img" "$work/console2.log" 52:54:00:bb:00:02 "" 2048 || exit 1
lab_define_domain "${doms[2]}" "$net" "$work/disk3.img" "$work/console3.log" 52:54:00:bb:00:03 "" 2048 || exit 1
# The fourth runs on QEMU 10.0, whose firmware falls back to the disk (second in its order).
qemu10=$("$top/scripts/qemu-lanes.sh" path 10.0) || exit 1
lab_define_domain "${doms[3]}" "$net" "$work/disk4.img" "$work/console4.log" 52:54:00:bb:00:04 "" 2048 \
	"$qemu10" 2 || exit 1
# The fifth runs on the newest lane's QEMU, with --method host: its definition follows its entry.
qemu_new=$("$top/scripts/qemu-lanes.sh" path newest) || exit 1
lab_define_domain "${doms[4]}" "$net" "$work/disk5.img" "$work/console5.log" 52:54:00:bb:00:05 "" 2048 \
	"$qemu_new" || exit 1
for i in 1 2 3 4 5; do truncate -s 64M "$work/disk$i.img"; done
local_opts=(--method payload --target "ccw 0.0.0002")
installer=(--kernel installer/vmlinuz --initrd installer/initrd.img)

### 1. the installer powers off; --start-again boots the disk
lab_reprovision 300 "$work/re1.log" "$work/console1.log" --root "$tree" --connect $URI "${doms[0]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet" "${local_opts[@]}" --start-again --timeout 240
check "reprovision: exit 0 when the installer powered off" "((rc == 0))" "$work/re1.log"
check "reprovision: the installer's shutdown turned the entry local" \
	"grep -q 'install once, started -> local (the installer shut the guest down)' '$work/re1.log'" "$work/re1.log"
check "reprovision: the entry is now local, by the payload" "[[ \$(role_of ${doms[0]}) == local ]] && grep -q '^kernel reboot-s390x-payload.img' '$(file_of "${doms[0]}")'"
lab_wait_off "${doms[0]}" 120
# The console log starts afresh with each start of the domain.
check "started again, it booted the disk it was given" \
	"grep -q 'started again: it boots its disk' '$work/re1.log' && grep -aq 'installed system booted from disk' '$work/console1.log' && ! grep -aq 'demo installer' '$work/console1.log'" "$work/console1.log"
lab_run "${doms[0]}" 120 "$work/console1.log"
check "a later cold start boots the disk, not the installer" \
	"grep -aq 'installed system booted from disk' '$work/console1.log' && ! grep -aq 'demo installer' '$work/console1.log'" "$work/console1.log"

### 2. the installer reboots the guest itself
lab_reprovision 300 "$work/re2.log" "$work/console1.log" --root "$tree" --connect $URI "${doms[0]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet demo.end=reboot" "${local_opts[@]}" --timeout 240
check "reprovision: exit 0 when the installer rebooted" "((rc == 0))" "$work/re2.log"
check "reprovision: the guest's own reboot turned the entry local" \
	"grep -q 'install once, started -> local (the installer rebooted the guest)' '$work/re2.log'" "$work/re2.log"
check "reprovision: held the guest while the entry turned local, then reset it" \
	"grep -q '${doms[0]}: held while its entry turned local, then reset' '$work/re2.log'" "$work/re2.log"
lab_wait_off "${doms[0]}" 120
check "the reboot landed on the disk (one install, then the disk)" \
	"(( \$(grep -ac 'demo installer: started' '$work/console1.log') == 1 )) && grep -aq 'installed system booted from disk' '$work/console1.log'" "$work/console1.log"

### 3. QEMU 10.0, the fallback method: the installer reboots, the firmware falls back to the disk
lab_reprovision 300 "$work/re5.log" "$work/console4.log" --root "$tree" --connect $URI "${doms[3]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet demo.end=reboot" --method fallback --timeout 240
check "QEMU 10.0: reprovision exits 0 when the installer rebooted" "((rc == 0))" "$work/re5.log"
check "QEMU 10.0: the reboot turned the entry local, the guest held and reset" \
	"grep -q 'install once, started -> local (the installer rebooted the guest)' '$work/re5.log' && grep -q '${doms[3]}: held while its entry turned local, then reset' '$work/re5.log' && [[ \$(role_of ${doms[3]}) == 'local, method fallback' ]]" "$work/re5.log"
lab_wait_off "${doms[3]}" 120
check "QEMU 10.0: one install, then the firmware fell back to the disk" \
	"(( \$(grep -ac 'demo installer: started' '$work/console4.log') == 1 )) && grep -aq 'Failed to IPL from this network!' '$work/console4.log' && grep -aq 'installed system booted from disk' '$work/console4.log'" "$work/console4.log"
lab_run "${doms[3]}" 120 "$work/console4.log"
check "QEMU 10.0: a later cold start boots the disk, not the installer" \
	"grep -aq 'installed system booted from disk' '$work/console4.log' && ! grep -aq 'demo installer' '$work/console4.log'" "$work/console4.log"

### 3b. the newest lane, --method host: the definition switches with the entry
# iface_boots DOM / disk_first DOM: what the domain's persistent definition says
iface_boots() { virsh dumpxml --inactive "$1" | sed -n '/<interface/,/<\/interface>/p' | grep -q '<boot '; }
disk_first() { virsh dumpxml --inactive "$1" | sed -n '/<disk/,/<\/disk>/p' | grep -q "<boot order='1'/>"; }
"$cli" pxe --root "$tree" --connect $URI local "${doms[4]}" --method host >"$work/host-local.log" 2>&1
check "host: pxe local sets the definition: the disk alone" \
	"grep -q 'boots its disk alone' '$work/host-local.log' && ! iface_boots ${doms[4]} && disk_first ${doms[4]} && [[ \$(role_of ${doms[4]}) == 'local, method host' ]]" "$work/host-local.log"
"$cli" pxe --root "$tree" --connect $URI list >"$work/host-list.log" 2>&1
check "host: pxe list reads the entry as local by the definition" \
	"grep -Eq ' local +host ' '$work/host-list.log'" "$work/host-list.log"
lab_reprovision 300 "$work/re6.log" "$work/console5.log" --root "$tree" --connect $URI "${doms[4]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet demo.end=reboot" --method host --timeout 240
check "host: reprovision exits 0 when the installer rebooted" "((rc == 0))" "$work/re6.log"
check "host: the reboot turned the entry local and the definition the disk's, the guest started again" \
	"grep -q 'install once, started -> local (the installer rebooted the guest)' '$work/re6.log' && grep -q 'its definition boots the disk alone' '$work/re6.log' && grep -q '${doms[4]}: held while its entry turned local, then started again' '$work/re6.log'" "$work/re6.log"
check "host: the definition boots the disk alone again" "! iface_boots ${doms[4]} && disk_first ${doms[4]} && [[ \$(role_of ${doms[4]}) == 'local, method host' ]]"
lab_wait_off "${doms[4]}" 120
# (the console log starts afresh with each start: this is the start after the install)
check "host: started again, it booted its disk without asking the network" \
	"grep -aq 'installed system booted from disk' '$work/console5.log' && ! grep -aq 'Network boot starting' '$work/console5.log' && ! grep -aq 'demo installer' '$work/console5.log'" "$work/console5.log"
"$cli" boot-order --connect $URI "${doms[4]}" >"$work/host-bo.log" 2>&1
check "host: boot-order hands the domain back (network first, no metadata of ours)" \
	"iface_boots ${doms[4]} && ! virsh dumpxml --inactive ${doms[4]} | grep -q 'urn:reboot-s390x'" "$work/host-bo.log"
if "$qemu_new" -machine s390-ccw-virtio,help 2>/dev/null | grep -q 'secure-boot='; then
	fail "host with secure IPL: the newest lane's QEMU has secure IPL now: write this case"
else
	skip "host with secure IPL on the newest lane" "its QEMU ($("$qemu_new" --version | head -n 1)) has no secure-boot machine property yet"
fi

### 4. an admin's destroy in the middle of the install
timeout 300 "$cli" reprovision --root "$tree" --connect $URI "${doms[1]}" "${installer[@]}" \
	"${local_opts[@]}" --timeout 240 >"$work/re3.log" 2>&1 &
re_pid=$!
lab_wait_for "$work/console2.log" 'Network boot starting' 60
virsh -q destroy "${doms[1]}" >/dev/null
wait "$re_pid"
rc=$?
check "reprovision: exit 1 after an admin's destroy" "((rc == 1))" "$work/re3.log"
check "reprovision: says what is left and the command that finishes it" \
	"grep -q 'destroyed before its installer ended; pxelinux.cfg/.* is left as the install entry' '$work/re3.log' && grep -qF -- \"pxe --root $tree --connect $URI local --method payload --target 'ccw 0.0.0002' -- ${doms[1]}\" '$work/re3.log'" "$work/re3.log"
check "the destroy left the install entry" "[[ \$(role_of ${doms[1]}) == 'install once, started' ]]"

### 5. watch: two guests at once, watch restarted in the middle
# start_watch LOG: watch in the background, logging to LOG, once it follows the domains
start_watch() {
	timeout 600 "$cli" watch --root "$tree" --connect $URI >"$1" 2>&1 &
	watch_pids+=($!)
	lab_wait_for "$1" "following" 30
}
start_watch "$work/watch1.log"
check "watch settles the destroyed guest's entry at its start: left" \
	"grep -q 'domain ${doms[1]} (shut off): pxelinux.cfg/.* stays install once, started (destroyed meanwhile' '$work/watch1.log'" "$work/watch1.log"
# The first installer powers its guest off, the second reboots it. The first holds for a
# while, so that both are still running when watch restarts.
"$cli" pxe --root "$tree" --connect $URI install --once "${doms[1]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet demo.hold=20" "${local_opts[@]}" >>"$work/install.log" 2>&1
"$cli" pxe --root "$tree" --connect $URI install --once "${doms[2]}" "${installer[@]}" \
	--append "console=ttysclp0 quiet demo.end=reboot" "${local_opts[@]}" >>"$work/install.log" 2>&1
check "pxe install --once for two guests" "[[ \$(role_of ${doms[1]}) == 'install once' && \$(role_of ${doms[2]}) == 'install once' ]]" "$work/install.log"
# The second starts once the first has loaded its installer: two guests loading 9 MB over
# TFTP at once load the host most, and that is when the firmware's TFTP client fails
# (see the README: "TFTP error missing block").
start_until "${doms[1]}" "$work/console2.log" 'demo installer: holding'
start_until "${doms[2]}" "$work/console3.log" 'demo installer: started'
lab_wait_for "$work/watch1.log" "domain ${doms[2]} started: .* install once -> install once, started" 30
check "watch armed both when they started" \
	"grep -q 'domain ${doms[1]} started: .* install once -> install once, started' '$work/watch1.log'" "$work/watch1.log"
kill "${watch_pids[0]}"
wait "${watch_pids[0]}" 2>/dev/null
watch_pids=()
start_watch "$work/watch2.log"
start_watch "$work/watch3.log"
# (the second watch starts a moment later: the rebooting installer may have ended by then,
# and its entry turned local by the first; it follows whatever entries it finds)
started_with() { sed -n 's/.* domains*, \([0-9]*\) install-once entr.*/\1/p' "$1"; }
check "two restarted watches on the one tree follow the running installs" \
	"(( \$(grep -c 'stays install once, started (running from the install entry' '$work/watch2.log') == 2 && \$(grep -c 'stays install once, started (running from the install entry' '$work/watch3.log') == \$(started_with '$work/watch3.log') ))" \
	"$(cat "$work/watch2.log" "$work/watch3.log")"
# both watches' lines, one log
watches() { cat "$work/watch2.log" "$work/watch3.log"; }
lab_wait_off "${doms[1]}" 180
lab_wait_off "${doms[2]}" 180
check "watch turned both local: one installer powered off, the other rebooted" \
	"[[ \$(role_of ${doms[1]}) == local && \$(role_of ${doms[2]}) == local ]] && watches | grep -q 'domain ${doms[1]} shut down: pxelinux.cfg/.*: install once, started -> local' && watches | grep -q 'domain ${doms[2]} rebooted: pxelinux.cfg/.*: install once, started -> local'" \
	"$(watches; lab_diagnose "${doms[1]}" "${doms[2]}"; echo "${doms[1]}'s console:"; tail -n 15 "$work/console2.log")"
check "two watches, one tree: each entry turned local exactly once, and no watch failed" \
	"(( \$(watches | grep -c 'domain ${doms[1]} shut down: .*-> local') == 1 && \$(watches | grep -c 'domain ${doms[2]} rebooted: .*-> local') == 1 )) && ! watches | grep -q 'tried again until it works'" \
	"$(watches)"
check "watch held the rebooted guest, reset it, and it booted its disk after one install" \
	"watches | grep -q 'domain ${doms[2]} held while its entry turned local, then reset' && (( \$(grep -ac 'demo installer: started' '$work/console3.log') == 1 )) && grep -aq 'installed system booted from disk' '$work/console3.log'" "$work/console3.log"
lab_run "${doms[2]}" 120 "$work/console3.log"
check "and the next start boots the disk" \
	"grep -aq 'installed system booted from disk' '$work/console3.log' && ! grep -aq 'demo installer' '$work/console3.log'" "$work/console3.log"

summary
