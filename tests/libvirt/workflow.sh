#!/usr/bin/env bash
# workflow.sh - the seed's workflow through a real libvirt: a libvirt network serves the TFTP
# tree (written by `reboot-s390x pxe` for a guest named by its domain name) to an s390x
# libvirt guest, which boots its disk through the re-IPL helper.
#
# Starts virtlogd and libvirtd when they are not running (there is no systemd here) and
# stops exactly those again, by PID; defines a throw-away isolated network and domain and
# removes them whatever happens. Needs root, `make`, and the e2e packages plus libvirt's
# daemon (scripts/install-deps.sh libvirt). KEEP=1 keeps the work directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
cli=$build/reboot-s390x
work=$(mktemp -d /tmp/reboot-s390x-libvirt.XXXXXX)
chmod 0755 "$work"

. "$top/scripts/libvirt-lab.sh"
net=$(lab_name rs390x-test) dom=$(lab_name rs390x-guest) dom10=$(lab_name rs390x-guest10)
CHECK_DETAILS=$work/console.log # the first guest's console, shown on a failure
. "$top/tests/check.sh"
cleanup() {
	lab_cleanup "$net" "$dom" "$dom10"
	[[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT


lab_start_daemons || exit 1

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" || exit 1
tree=$work/tftp
mkdir -p "$tree"
cp "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* "$tree/reboot-kernel.img"
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$tree/reboot-initrd.img" || exit 1
truncate -s 16M "$work/disk.img"

lab_define "$net" "$dom" 192.168.235 "$tree" "$work/disk.img" "$work/console.log" \
	52:54:00:aa:00:01 || exit 1
uuid=$(virsh domuuid "$dom" | head -n 1)

# The guest is named by its libvirt domain name; the file is its UUID.
"$cli" pxe --root "$tree" --connect qemu:///system local "$dom" --target "ccw 0.0.0002" || exit 1
"$cli" pxe --root "$tree" local default >/dev/null || exit 1
check "pxe wrote the domain's UUID file" "[[ -f '$tree/pxelinux.cfg/$uuid' ]]"
"$cli" doctor --root "$tree" --network "$net" --connect qemu:///system >"$work/doctor.log"
check "doctor is content with the setup" "grep -q 'Everything looks right.' '$work/doctor.log' || { cat '$work/doctor.log'; false; }"

# The guest stops in a disabled wait on the blank disk: 120 s is a limit, not a wait.
lab_run "$dom" 60 "$work/console.log"
check "the firmware fetched the UUID file over libvirt's TFTP" \
	"grep -q 'TFTP: Received /pxelinux.cfg/$uuid' '$work/console.log'"
check "the helper set the disk" "grep -q '^Device:      0.0.0002' '$work/console.log'"
check "the guest IPLed its disk after one network boot" \
	"grep -q 'Using virtio-blk.' '$work/console.log' && (( \$(grep -c 'Network boot starting' '$work/console.log') == 1 ))"

### A domain on QEMU 10.0 (the lane's binary as its emulator): doctor reads its QEMU and
### boot order, boot-order makes it "network, then disk", auto picks the firmware's
### fallback, and the guest reaches its disk with no helper at all.
qemu10=$("$top/scripts/qemu-lanes.sh" path 10.0) || exit 1
truncate -s 16M "$work/disk10.img"
lab_define_domain "$dom10" "$net" "$work/disk10.img" "$work/console10.log" 52:54:00:aa:00:02 "" "" \
	"$qemu10" || exit 1
"$cli" doctor --root "$tree" --connect qemu:///system --domain "$dom10" >"$work/doctor10.log"
check "doctor reads the domain's QEMU, and its generation from what the binary and its firmware can do" "grep -q 'domain $dom10: note: QEMU 10.0: network firmware generation 9.2 (from what its QEMU and firmware can do' '$work/doctor10.log' || { cat '$work/doctor10.log'; false; }"
check "doctor: no disk after the network, no fallback" "grep -q 'no disk right after the interface' '$work/doctor10.log'"
"$cli" boot-order --connect qemu:///system "$dom10" >"$work/bootorder.log" 2>&1
check "boot-order changes the domain" "grep -q 'domain $dom10: boot order network, then disk (from its next start)' '$work/bootorder.log' || { cat '$work/bootorder.log'; false; }"
check "libvirt now has the disk second" "virsh dumpxml '$dom10' | grep -A4 '<disk' | grep -q \"<boot order='2'/>\""
"$cli" boot-order --connect qemu:///system "$dom10" >"$work/bootorder.log" 2>&1
check "boot-order again changes nothing" "grep -q '(unchanged)' '$work/bootorder.log'"
"$cli" doctor --root "$tree" --connect qemu:///system --domain "$dom10" >"$work/doctor10.log"
check "doctor: every method" "grep -q 'methods it can use: fallback, payload, linux' '$work/doctor10.log' || { cat '$work/doctor10.log'; false; }"
"$cli" pxe --root "$tree" --connect qemu:///system local "$dom10" >"$work/local10.log" 2>&1
check "auto picks the fallback" "grep -q 'method fallback' '$work/local10.log' || { cat '$work/local10.log'; false; }"
lab_run "$dom10" 60 "$work/console10.log"
check "QEMU 10.0 fell back from the network to the disk" \
	"grep -q 'Failed to IPL from this network!' '$work/console10.log' && grep -q 'Using virtio-blk.' '$work/console10.log'"
check "no helper ran" "! grep -q 'TFTP: Received reboot' '$work/console10.log'"

summary
